/*
 * Hand-written references for the code-size and instruction-count benchmark:
 * what a FreeBSD developer writes by hand for the same handlers as the
 * examples, with the same features (dynamic slots, SDT entry/return probes).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/priv.h>
#include <sys/sdt.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#define	HW_PAD(t)	(sizeof(register_t) <= sizeof(t) ? 0 : sizeof(register_t) - sizeof(t))
#define	HW_PADL(t)	0
#define	HW_PADR(t)	HW_PAD(t)

#define	HW_SYSCALL(name, flags)						\
	HW_SYSCALL_N(name, sizeof(struct name##_args) / sizeof(register_t), flags)
#define	HW_SYSCALL_N(name, narg, flags)					\
static struct sysent name##_sysent = {					\
	.sy_narg = (narg),						\
	.sy_call = sys_##name,						\
	.sy_auevent = AUE_NULL,						\
	.sy_flags = (flags),						\
};									\
static int name##_offset = NO_SYSCALL;					\
SYSCALL_MODULE(name, &name##_offset, &name##_sysent, NULL, NULL)
