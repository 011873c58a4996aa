/* Deliberately wrong: an M_WAITOK allocation while holding a mutex. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>

MALLOC_DEFINE(M_SLEEPMTX, "sleepmtx", "allocated under a mutex");

static struct mtx sleepmtx_mtx;
MTX_SYSINIT(sleepmtx, &sleepmtx_mtx, "sleepmtx lock", MTX_DEF);

static int
sleepmtx(struct thread *td, void *arg __unused)
{
	void *p;

	mtx_lock(&sleepmtx_mtx);
	p = malloc(32, M_SLEEPMTX, M_WAITOK);
	mtx_unlock(&sleepmtx_mtx);
	free(p, M_SLEEPMTX);
	td->td_retval[0] = 1;
	return (0);
}

static struct sysent sleepmtx_sysent = {
	.sy_narg = 0,
	.sy_call = sleepmtx,
	.sy_auevent = AUE_NULL,
};

static int sleepmtx_offset = NO_SYSCALL;

SYSCALL_MODULE(sleepmtx, &sleepmtx_offset, &sleepmtx_sysent, NULL, NULL);
