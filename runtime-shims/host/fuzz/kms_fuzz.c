/*
 * KmodSharp host harness: a libFuzzer target for generated kernel modules.
 *
 * The module named by KMS_FUZZ_MODULE (a shared object built like kmodsim's
 * modules, plus -fsanitize=fuzzer-no-link for coverage) is kldloaded once
 * into the emulated kernel.  Each fuzz input is a credential and a short
 * sequence of system calls: the syscall number (one of the module's slots,
 * or any number, in range or not), eight argument registers, each either a
 * raw value, a pointer to a fresh read-write or read-only user mapping
 * filled from the input, or an interesting bad address (unmapped, past the
 * end of a mapping, wrapping, kernel half).  A crash, a sanitizer report, a
 * kernel panic or a WITNESS/malloc violation aborts the run; leaked malloc(9)
 * memory is checked when the module is unloaded at exit.
 *
 * Input layout (missing bytes read as zero):
 *	byte 0		credential: 0 root, 1 uid 1001, 2 jailed root,
 *			3 root in capability mode
 *	then up to KMS_FUZZ_MAXCALLS calls, each:
 *	byte		selector: < 0xc0 picks the module's slot (sel % n),
 *			else a 16-bit syscall number follows
 *	8 x argument	mode byte, then by mode % 4:
 *			0 raw: 8 bytes, little-endian
 *			1 read-write mapping: length byte (times 1 + mode/4 % 4),
 *			  then that many content bytes
 *			2 read-only mapping: as 1
 *			3 bad address: selector byte
 *
 * The user address space is reset between inputs: this file includes the
 * harness's subr_usermem.c to reach its region table, so the harness itself
 * stays untouched (build without kern/subr_usermem.c).
 */
#include "../kern/subr_usermem.c"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define	KMS_FUZZ_MAXCALLS	8
#define	KMS_FUZZ_MAXSLOTS	16

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int	nosys(struct kms_thread *td, void *args);
int	lkmnosys(struct kms_thread *td, void *args);
int	lkmressys(struct kms_thread *td, void *args);

static struct kms_linker_file *fuzz_file;
static bool fuzz_harness_syscalls;
static int fuzz_slots[KMS_FUZZ_MAXSLOTS];
static int fuzz_nslots;
static size_t fuzz_violations;

struct cursor {
	const uint8_t	*p;
	size_t		left;
};

static uint8_t
next_byte(struct cursor *c)
{

	if (c->left == 0)
		return (0);
	c->left--;
	return (*c->p++);
}

static uint64_t
next_u64(struct cursor *c)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)next_byte(c) << (8 * i);
	return (v);
}

/* Forget every user mapping of the previous input. */
static void
usermem_reset(void)
{
	int i;

	for (i = 0; i < nregions; i++)
		free(regions[i].data);
	if (nregions > 0)
		memset(regions, 0, (size_t)nregions * sizeof(*regions));
	nregions = 0;
	next_base = KMS_UBASE;
}

static void
check_kernel(const char *when)
{
	size_t i, n;

	n = kms_violation_count();
	if (n == fuzz_violations)
		return;
	for (i = fuzz_violations; i < n; i++)
		fprintf(stderr, "kms_fuzz: kernel violation %s: %s\n", when,
		    kms_violation_text(i));
	abort();
}

static void
fuzz_unload(void)
{
	long leaks;

	if (fuzz_file == NULL)
		return;
	usermem_reset();
	if (kms_kldunload(fuzz_file) != 0) {
		fprintf(stderr, "kms_fuzz: the module refused to unload\n");
		abort();
	}
	fuzz_file = NULL;
	check_kernel("at unload");
	leaks = kms_malloc_leaks();
	if (leaks != 0) {
		fprintf(stderr, "kms_fuzz: %ld malloc(9) allocations leaked\n",
		    leaks);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct kms_module *mod;
	const char *path;

	(void)argc;
	(void)argv;
	path = getenv("KMS_FUZZ_MODULE");
	if (path == NULL) {
		fprintf(stderr, "kms_fuzz: set KMS_FUZZ_MODULE to the module's "
		    ".so\n");
		exit(2);
	}
	kms_usermem_init();
	kms_thread_init(0, false, false);
	/* The fork-based uninitialised-copyout check does not mix with libFuzzer. */
	kms_uninit_check = false;
	if (kms_kldload(path, &fuzz_file) != 0) {
		fprintf(stderr, "kms_fuzz: kldload %s failed\n", path);
		exit(2);
	}
	for (mod = kms_module_first(); mod != NULL; mod = mod->next)
		if (mod->file == fuzz_file && mod->is_syscall &&
		    fuzz_nslots < KMS_FUZZ_MAXSLOTS)
			fuzz_slots[fuzz_nslots++] = mod->data.intval;
	if (fuzz_nslots == 0) {
		fprintf(stderr, "kms_fuzz: %s registers no system call\n", path);
		exit(2);
	}
	fprintf(stderr, "kms_fuzz: %s loaded, %d syscall slot(s), first %d\n",
	    path, fuzz_nslots, fuzz_slots[0]);
	fuzz_harness_syscalls = getenv("KMS_FUZZ_HARNESS_SYSCALLS") != NULL;
	/* printf(9) still fills the message buffer; keep stderr for findings. */
	kms_quiet_set(true);
	fuzz_violations = kms_violation_count();
	check_kernel("at load");
	atexit(fuzz_unload);
	return (0);
}

static const uint64_t bad_addresses[] = {
	0, 8, 0xfff, 0x1000, KMS_UBASE - 8, KMS_UBASE + KMS_USIZE,
	0x7ffffffff000ULL, 0x800000000000ULL, 0xffff800000000000ULL,
	UINT64_MAX - 7, UINT64_MAX,
};

static uint64_t
argument(struct cursor *c)
{
	uint8_t contents[1024];
	uint8_t mode, sel;
	size_t len, i;
	uint64_t addr;

	mode = next_byte(c);
	switch (mode % 4) {
	case 0:
		return (next_u64(c));
	case 1:
	case 2:
		len = (size_t)next_byte(c) * (1 + (mode / 4) % 4);
		for (i = 0; i < len; i++)
			contents[i] = next_byte(c);
		addr = kms_umap(contents, len, mode % 4 == 1 ?
		    KMS_UPROT_READ | KMS_UPROT_WRITE : KMS_UPROT_READ);
		return (addr);
	default:
		sel = next_byte(c);
		if (sel < sizeof(bad_addresses) / sizeof(bad_addresses[0]))
			return (bad_addresses[sel]);
		/* Just before the end of the latest mapping: a straddling access. */
		if (nregions > 0)
			return (regions[nregions - 1].base +
			    regions[nregions - 1].len - (sel % 8));
		return (KMS_UBASE - (sel % 8));
	}
}

/*
 * The emulated kernel's own system calls (modfind, modstat, ...) are not
 * the module under test: unless KMS_FUZZ_HARNESS_SYSCALLS is set, only the
 * module's slots, unused slots and numbers out of range are called.
 */
static bool
is_module_or_nosys(int code)
{
	kms_sy_call_t *call;
	int i;

	if (code < 0 || code >= KMS_SYS_MAXSYSCALL)
		return (true);
	for (i = 0; i < fuzz_nslots; i++)
		if (fuzz_slots[i] == code)
			return (true);
	call = kms_sysent_table[code].sy_call;
	return (call == nosys || call == lkmnosys || call == lkmressys);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cursor c = { data, size };
	int64_t args[8], retval[2];
	jmp_buf jb;
	uint8_t cred, sel;
	int call, code, i;

	usermem_reset();
	cred = next_byte(&c) % 4;
	kms_thread_init(cred == 1 ? 1001 : 0, cred == 2, cred == 3);
	for (call = 0; call < KMS_FUZZ_MAXCALLS && c.left > 0; call++) {
		sel = next_byte(&c);
		if (sel < 0xc0)
			code = fuzz_slots[sel % fuzz_nslots];
		else
			code = (int16_t)(next_byte(&c) |
			    (uint16_t)next_byte(&c) << 8);
		for (i = 0; i < 8; i++)
			args[i] = (int64_t)argument(&c);
		if (!fuzz_harness_syscalls && !is_module_or_nosys(code))
			continue;
		if (setjmp(jb) != 0) {
			fprintf(stderr, "kms_fuzz: kernel panic in syscall %d: "
			    "%s\n", code, kms_panic_message());
			abort();
		}
		kms_panic_set_catch(&jb);
		(void)kms_syscall(code, args, retval);
		kms_panic_set_catch(NULL);
		check_kernel("after a syscall");
	}
	return (0);
}
