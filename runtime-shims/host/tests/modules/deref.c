/* Deliberately wrong: reads a user pointer without copyin. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

struct deref_args {
	KMS_ARG(const int *, uptr);
};

static int
deref(struct thread *td, void *arg)
{
	struct deref_args *uap = arg;

	td->td_retval[0] = *uap->uptr;
	return (0);
}

static struct sysent deref_sysent = {
	.sy_narg = sizeof(struct deref_args) / sizeof(register_t),
	.sy_call = deref,
	.sy_auevent = AUE_NULL,
};

static int deref_offset = NO_SYSCALL;

SYSCALL_MODULE(deref, &deref_offset, &deref_sysent, NULL, NULL);
