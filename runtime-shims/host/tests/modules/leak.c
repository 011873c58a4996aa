/* Deliberately wrong: allocates on every call and never frees. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"
#include <sys/malloc.h>

MALLOC_DEFINE(M_LEAKY, "leaky", "memory this module forgets");

static int
leak(struct thread *td, void *arg __unused)
{
	char *p;

	p = malloc(64, M_LEAKY, M_WAITOK | M_ZERO);
	td->td_retval[0] = p[0];
	return (0);
}

static struct sysent leak_sysent = {
	.sy_narg = 0,
	.sy_call = leak,
	.sy_auevent = AUE_NULL,
};

static int leak_offset = NO_SYSCALL;

SYSCALL_MODULE(leak, &leak_offset, &leak_sysent, NULL, NULL);
