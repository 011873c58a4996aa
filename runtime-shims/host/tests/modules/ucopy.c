/*
 * The user-memory KPI, selected by the first argument.  Results go to
 * td_retval[0] (and [1]); the error is returned.
 *   0 copyin 16 bytes from a, copyout them reversed to b
 *   1 copyinstr from a with maximum n; retval = length copied
 *   2 fubyte a; retval = value (or -1)
 *   3 subyte b, value n; retval = result
 *   4 fueword32 a; retval = result, retval1 = value
 *   5 fueword64 a; retval = result, retval1 = value
 *   6 suword32 b, value n; retval = result
 *   7 suword64 b, value n; retval = result
 *   8 fuword32 a; retval = value (or -1)
 *   9 casueword32 b from 0 to n; retval = result, retval1 = old value
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

struct ucopy_args {
	KMS_ARG(int, mode);
	KMS_ARG(void *, a);
	KMS_ARG(void *, b);
	KMS_ARG(long, n);
};

static int
ucopy(struct thread *td, void *arg)
{
	struct ucopy_args *uap = arg;
	unsigned char buf[16], rev[16];
	char str[64];
	size_t done;
	int32_t v32;
	int64_t v64;
	uint32_t old;
	int error, i;

	switch (uap->mode) {
	case 0:
		error = copyin(uap->a, buf, sizeof(buf));
		if (error != 0)
			return (error);
		for (i = 0; i < 16; i++)
			rev[i] = buf[15 - i];
		return (copyout(rev, uap->b, sizeof(rev)));
	case 1:
		done = 0;
		error = copyinstr(uap->a, str,
		    MIN((size_t)uap->n, sizeof(str)), &done);
		td->td_retval[0] = done;
		return (error);
	case 2:
		td->td_retval[0] = fubyte(uap->a);
		return (0);
	case 3:
		td->td_retval[0] = subyte(uap->b, (int)uap->n);
		return (0);
	case 4:
		v32 = 0;
		td->td_retval[0] = fueword32(uap->a, &v32);
		td->td_retval[1] = v32;
		return (0);
	case 5:
		v64 = 0;
		td->td_retval[0] = fueword64(uap->a, &v64);
		td->td_retval[1] = v64;
		return (0);
	case 6:
		td->td_retval[0] = suword32(uap->b, (int32_t)uap->n);
		return (0);
	case 7:
		td->td_retval[0] = suword64(uap->b, uap->n);
		return (0);
	case 8:
		td->td_retval[0] = fuword32(uap->a);
		return (0);
	case 9:
		old = 0;
		td->td_retval[0] = casueword32(uap->b, 0, &old,
		    (uint32_t)uap->n);
		td->td_retval[1] = old;
		return (0);
	default:
		return (EINVAL);
	}
}

static struct sysent ucopy_sysent = {
	.sy_narg = sizeof(struct ucopy_args) / sizeof(register_t),
	.sy_call = ucopy,
	.sy_auevent = AUE_NULL,
};

static int ucopy_offset = NO_SYSCALL;

SYSCALL_MODULE(ucopy, &ucopy_offset, &ucopy_sysent, NULL, NULL);
