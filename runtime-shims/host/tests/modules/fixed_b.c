/*
 * A syscall asking for the fixed slot 210; loading fixed_a and fixed_b
 * together must fail the second with EEXIST (and kldload with ENOEXEC).
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
fixed_b(struct thread *td, void *arg __unused)
{

	td->td_retval[0] = 'b';
	return (0);
}

static struct sysent fixed_b_sysent = {
	.sy_narg = 0,
	.sy_call = fixed_b,
	.sy_auevent = AUE_NULL,
};

static int fixed_b_offset = 210;

SYSCALL_MODULE(fixed_b, &fixed_b_offset, &fixed_b_sysent, NULL, NULL);
