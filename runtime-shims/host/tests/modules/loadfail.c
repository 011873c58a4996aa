/*
 * A module whose own MOD_LOAD fails: the syscall is registered first, so
 * the kernel sends MOD_UNLOAD (which deregisters it), logs the error, and
 * kldload fails with ENOEXEC.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

static int
loadfail_modevent(module_t mod __unused, int what, void *arg __unused)
{

	switch (what) {
	case MOD_LOAD:
		printf("loadfail: MOD_LOAD refusing\n");
		return (EINVAL);
	case MOD_UNLOAD:
		printf("loadfail: MOD_UNLOAD after failed load\n");
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static int
loadfail(struct thread *td, void *arg __unused)
{

	td->td_retval[0] = 1;
	return (0);
}

static struct sysent loadfail_sysent = {
	.sy_narg = 0,
	.sy_call = loadfail,
	.sy_auevent = AUE_NULL,
};

static int loadfail_offset = NO_SYSCALL;

SYSCALL_MODULE(loadfail, &loadfail_offset, &loadfail_sysent,
    loadfail_modevent, NULL);
