/*
 * Lock discipline, right and wrong, selected by the first argument:
 * 0 takes A then B (establishes the order), 1 takes B then A (reversal),
 * 2 unlocks A without holding it, 3 returns with A held, 4 takes an sx
 * lock under A, 5 calls copyin under A, 6 takes A twice (recursion), 7
 * takes the sx lock shared then exclusive, 8 tsleeps under A, 9 msleeps
 * with A as the interlock (allowed: A is dropped while asleep), 10 pauses
 * without a timeout.  Modes 0 and 9 are the clean ones.
 */
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
#include <sys/sx.h>

static struct mtx lock_a, lock_b;
static struct sx lock_s;

static void
locks_init(void *arg __unused)
{

	mtx_init(&lock_a, "lock A", NULL, MTX_DEF);
	mtx_init(&lock_b, "lock B", NULL, MTX_DEF);
	sx_init(&lock_s, "lock S");
}
SYSINIT(locks_init, SI_SUB_LOCK, SI_ORDER_MIDDLE, locks_init, NULL);

static void
locks_uninit(void *arg __unused)
{

	sx_destroy(&lock_s);
	mtx_destroy(&lock_b);
	mtx_destroy(&lock_a);
}
SYSUNINIT(locks_uninit, SI_SUB_LOCK, SI_ORDER_MIDDLE, locks_uninit, NULL);

struct locks_args {
	KMS_ARG(int, mode);
	KMS_ARG(const void *, uaddr);
};

static int
locks(struct thread *td, void *arg)
{
	struct locks_args *uap = arg;
	int error = 0, v;

	switch (uap->mode) {
	case 0:
		mtx_lock(&lock_a);
		mtx_lock(&lock_b);
		mtx_assert(&lock_b, MA_OWNED);
		mtx_unlock(&lock_b);
		mtx_unlock(&lock_a);
		mtx_assert(&lock_a, MA_NOTOWNED);
		sx_slock(&lock_s);
		sx_sunlock(&lock_s);
		break;
	case 1:
		mtx_lock(&lock_b);
		mtx_lock(&lock_a);
		mtx_unlock(&lock_a);
		mtx_unlock(&lock_b);
		break;
	case 2:
		mtx_unlock(&lock_a);
		break;
	case 3:
		mtx_lock(&lock_a);
		break;
	case 4:
		mtx_lock(&lock_a);
		sx_xlock(&lock_s);
		sx_xunlock(&lock_s);
		mtx_unlock(&lock_a);
		break;
	case 5:
		mtx_lock(&lock_a);
		error = copyin(uap->uaddr, &v, sizeof(v));
		mtx_unlock(&lock_a);
		break;
	case 6:
		mtx_lock(&lock_a);
		mtx_lock(&lock_a);
		break;
	case 7:
		sx_slock(&lock_s);
		sx_xlock(&lock_s);
		break;
	case 8:
		mtx_lock(&lock_a);
		error = tsleep(&lock_a, 0, "locks8", hz / 10);
		mtx_unlock(&lock_a);
		break;
	case 9:
		mtx_lock(&lock_a);
		error = mtx_sleep(&lock_a, &lock_a, 0, "locks9", hz / 10);
		mtx_unlock(&lock_a);
		break;
	case 10:
		error = pause("locks10", 0);
		break;
	default:
		return (EINVAL);
	}
	td->td_retval[0] = uap->mode;
	return (error);
}

static struct sysent locks_sysent = {
	.sy_narg = sizeof(struct locks_args) / sizeof(register_t),
	.sy_call = locks,
	.sy_auevent = AUE_NULL,
};

static int locks_offset = NO_SYSCALL;

SYSCALL_MODULE(locks, &locks_offset, &locks_sysent, NULL, NULL);
