/*
 * A minimal dynamic syscall, built eleven times as dyn0 .. dyn10 (the
 * Makefile passes -DDYN_ID=N) to fill the ten lkmnosys slots and one more.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

#define	DYN_NAME	__CONCAT(dyn, DYN_ID)
#define	DYN_SYSCALL_MODULE(name, off, se)				\
	SYSCALL_MODULE(name, off, se, NULL, NULL)

static int
dyn_call(struct thread *td, void *arg __unused)
{

	td->td_retval[0] = DYN_ID;
	return (0);
}

static struct sysent dyn_sysent = {
	.sy_narg = 0,
	.sy_call = dyn_call,
	.sy_auevent = AUE_NULL,
};

static int dyn_offset = NO_SYSCALL;

DYN_SYSCALL_MODULE(DYN_NAME, &dyn_offset, &dyn_sysent);
