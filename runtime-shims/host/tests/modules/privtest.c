/* priv_check(td, N) with N from the caller; returns its error. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"
#include <sys/priv.h>

struct privtest_args {
	KMS_ARG(int, priv);
};

static int
privtest(struct thread *td, void *arg)
{
	struct privtest_args *uap = arg;

	return (priv_check(td, uap->priv));
}

static struct sysent privtest_sysent = {
	.sy_narg = sizeof(struct privtest_args) / sizeof(register_t),
	.sy_call = privtest,
	.sy_auevent = AUE_NULL,
	.sy_flags = SYF_CAPENABLED,
};

static int privtest_offset = NO_SYSCALL;

SYSCALL_MODULE(privtest, &privtest_offset, &privtest_sysent, NULL, NULL);
