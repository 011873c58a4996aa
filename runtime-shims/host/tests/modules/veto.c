/*
 * A module that vetoes its unload (MOD_QUIESCE returns EBUSY) while it
 * is "busy"; the syscall's argument sets or clears busy.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

static int veto_busy;

static int
veto_modevent(module_t mod __unused, int what, void *arg __unused)
{

	switch (what) {
	case MOD_LOAD:
		return (0);
	case MOD_QUIESCE:
		return (veto_busy ? EBUSY : 0);
	case MOD_UNLOAD:
		printf("veto: MOD_UNLOAD\n");
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

struct veto_args {
	KMS_ARG(int, busy);
};

static int
veto(struct thread *td, void *arg)
{
	struct veto_args *uap = arg;

	veto_busy = uap->busy;
	td->td_retval[0] = veto_busy;
	return (0);
}

static struct sysent veto_sysent = {
	.sy_narg = sizeof(struct veto_args) / sizeof(register_t),
	.sy_call = veto,
	.sy_auevent = AUE_NULL,
};

static int veto_offset = NO_SYSCALL;

SYSCALL_MODULE(veto, &veto_offset, &veto_sysent, veto_modevent, NULL);
