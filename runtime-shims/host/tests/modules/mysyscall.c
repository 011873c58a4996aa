/*
 * The first acceptance test: the generated C for the MySyscall example,
 * exactly in the shape KmodSharp's backend emits it.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#define	KMS_PAD_(t)	(sizeof(register_t) <= sizeof(t) ? \
		0 : sizeof(register_t) - sizeof(t))
#if BYTE_ORDER == LITTLE_ENDIAN
#define	KMS_PADL_(t)	0
#define	KMS_PADR_(t)	KMS_PAD_(t)
#else
#define	KMS_PADL_(t)	KMS_PAD_(t)
#define	KMS_PADR_(t)	0
#endif

struct mysyscall_args {
	char value_l_[KMS_PADL_(int)]; int value; char value_r_[KMS_PADR_(int)];
};

static int
mysyscall_double(int value)
{
	printf("mysyscall called with value=%d\n", value);
	return (value * 2);
}

static int
sys_mysyscall(struct thread *td, void *arg)
{
	struct mysyscall_args *uap = arg;

	td->td_retval[0] = mysyscall_double(uap->value);
	return (0);
}

static struct sysent mysyscall_sysent = {
	.sy_narg = sizeof(struct mysyscall_args) / sizeof(register_t),
	.sy_call = sys_mysyscall,
	.sy_auevent = AUE_NULL,
	.sy_flags = 0,
};

static int mysyscall_offset = NO_SYSCALL;

SYSCALL_MODULE(mysyscall, &mysyscall_offset, &mysyscall_sysent, NULL, NULL);
MODULE_VERSION(mysyscall, 1);
