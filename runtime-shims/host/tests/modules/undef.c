/* Deliberately wrong: calls a function the kernel does not have. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

int	kms_no_such_kernel_function(int);

static int
undef(struct thread *td, void *arg __unused)
{

	td->td_retval[0] = kms_no_such_kernel_function(1);
	return (0);
}

static struct sysent undef_sysent = {
	.sy_narg = 0,
	.sy_call = undef,
	.sy_auevent = AUE_NULL,
};

static int undef_offset = NO_SYSCALL;

SYSCALL_MODULE(undef, &undef_offset, &undef_sysent, NULL, NULL);
