/*
 * KmodSharp host harness: <sys/sysproto.h>.  The emulated kernel has no
 * static system calls of its own to declare, but the header keeps FreeBSD's
 * shape: it brings the audit event numbers and syscallarg_t, and its padding
 * macros are private (#undef'd at the end), so modules define their own.
 */
#ifndef _SYS_SYSPROTO_H_
#define	_SYS_SYSPROTO_H_

#include <sys/types.h>
#include <bsm/audit_kevents.h>

struct proc;
struct thread;

#define	PAD_(t)	(sizeof(syscallarg_t) <= sizeof(t) ?			\
		0 : sizeof(syscallarg_t) - sizeof(t))
#if BYTE_ORDER == LITTLE_ENDIAN
#define	PADL_(t)	0
#define	PADR_(t)	PAD_(t)
#else
#define	PADL_(t)	PAD_(t)
#define	PADR_(t)	0
#endif

struct modnext_args {
	char modid_l_[PADL_(int)]; int modid; char modid_r_[PADR_(int)];
};
struct modfnext_args {
	char modid_l_[PADL_(int)]; int modid; char modid_r_[PADR_(int)];
};
struct modstat_args {
	char modid_l_[PADL_(int)]; int modid; char modid_r_[PADR_(int)];
	char stat_l_[PADL_(struct module_stat *)]; struct module_stat * stat; char stat_r_[PADR_(struct module_stat *)];
};
struct modfind_args {
	char name_l_[PADL_(const char *)]; const char * name; char name_r_[PADR_(const char *)];
};

int	sys_modnext(struct thread *, struct modnext_args *);
int	sys_modfnext(struct thread *, struct modfnext_args *);
int	sys_modstat(struct thread *, struct modstat_args *);
int	sys_modfind(struct thread *, struct modfind_args *);

#define	SYS_AUE_modnext		AUE_NULL
#define	SYS_AUE_modfnext	AUE_NULL
#define	SYS_AUE_modstat		AUE_NULL
#define	SYS_AUE_modfind		AUE_NULL

#undef PAD_
#undef PADL_
#undef PADR_

#endif /* !_SYS_SYSPROTO_H_ */
