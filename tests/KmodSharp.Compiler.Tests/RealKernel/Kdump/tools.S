/* kdump(1) and kldstat(8) of the rig's 13.2 tree, built static by record.sh, embedded in recorder.c's program. */
	.section .rodata
	.globl	kdrec_kdump, kdrec_kdump_end, kdrec_kldstat, kdrec_kldstat_end
	.p2align 4
kdrec_kdump:
	.incbin	"kdump"
kdrec_kdump_end:
	.p2align 4
kdrec_kldstat:
	.incbin	"kldstat"
kdrec_kldstat_end:
	.section .note.GNU-stack,"",@progbits
