/*
 * malloc(9) flags: mode 0 makes three M_NOWAIT allocations and returns
 * ENOMEM if one fails (retval = how many succeeded); mode 1 passes neither
 * M_WAITOK nor M_NOWAIT, which panics.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"
#include <sys/malloc.h>

MALLOC_DEFINE(M_NOWAITT, "nowait", "failure injection");

struct nowait_args {
	KMS_ARG(int, mode);
};

static int
nowait(struct thread *td, void *arg)
{
	struct nowait_args *uap = arg;
	void *p[3];
	int i, n, error = 0;

	if (uap->mode == 1) {
		p[0] = malloc(8, M_NOWAITT, M_ZERO);
		free(p[0], M_NOWAITT);
		return (0);
	}
	for (n = 0; n < 3; n++) {
		p[n] = malloc(16, M_NOWAITT, M_NOWAIT);
		if (p[n] == NULL) {
			error = ENOMEM;
			break;
		}
	}
	for (i = 0; i < n; i++)
		free(p[i], M_NOWAITT);
	td->td_retval[0] = n;
	return (error);
}

static struct sysent nowait_sysent = {
	.sy_narg = sizeof(struct nowait_args) / sizeof(register_t),
	.sy_call = nowait,
	.sy_auevent = AUE_NULL,
};

static int nowait_offset = NO_SYSCALL;

SYSCALL_MODULE(nowait, &nowait_offset, &nowait_sysent, NULL, NULL);
