/*
 * Copying a struct with padding out to user space.  mode 0 zeroes it first
 * (correct); mode 1 leaves the padding uninitialised; mode 2 copies out
 * malloc(9) memory allocated without M_ZERO.
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

MALLOC_DEFINE(M_UNINIT, "uninit", "stale heap");

struct uninit_out {
	uint8_t		kind;
	/* Three bytes of padding here. */
	uint32_t	value;
	uint16_t	flags;
	/* Two bytes of padding here. */
};

struct uninit_args {
	KMS_ARG(int, mode);
	KMS_ARG(struct uninit_out *, out);
};

static int
uninit(struct thread *td, void *arg)
{
	struct uninit_args *uap = arg;
	struct uninit_out out, *heap;
	int error;

	if (uap->mode == 0)
		bzero(&out, sizeof(out));
	out.kind = 1;
	out.value = 0x11223344;
	out.flags = 0x5566;
	if (uap->mode == 2) {
		heap = malloc(sizeof(*heap), M_UNINIT, M_WAITOK);
		heap->kind = 2;
		error = copyout(heap, uap->out, sizeof(*heap));
		free(heap, M_UNINIT);
	} else
		error = copyout(&out, uap->out, sizeof(out));
	td->td_retval[0] = sizeof(out);
	return (error);
}

static struct sysent uninit_sysent = {
	.sy_narg = sizeof(struct uninit_args) / sizeof(register_t),
	.sy_call = uninit,
	.sy_auevent = AUE_NULL,
};

static int uninit_offset = NO_SYSCALL;

SYSCALL_MODULE(uninit, &uninit_offset, &uninit_sysent, NULL, NULL);
