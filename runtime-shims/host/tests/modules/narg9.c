/* Deliberately wrong: nine argument slots overflow td_sa.args[8]. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

struct narg9_args {
	KMS_ARG(long, a0); KMS_ARG(long, a1); KMS_ARG(long, a2);
	KMS_ARG(long, a3); KMS_ARG(long, a4); KMS_ARG(long, a5);
	KMS_ARG(long, a6); KMS_ARG(long, a7); KMS_ARG(long, a8);
};

static int
narg9(struct thread *td, void *arg)
{
	struct narg9_args *uap = arg;

	td->td_retval[0] = uap->a0;
	return (0);
}

static struct sysent narg9_sysent = {
	.sy_narg = sizeof(struct narg9_args) / sizeof(register_t),
	.sy_call = narg9,
	.sy_auevent = AUE_NULL,
};

static int narg9_offset = NO_SYSCALL;

SYSCALL_MODULE(narg9, &narg9_offset, &narg9_sysent, NULL, NULL);
