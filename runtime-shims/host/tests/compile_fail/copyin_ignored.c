/* EXPECT: copyin */
/* EXPECT: warn_unused_result */
/* FreeBSD 15 marks copyin __result_use_check: ignoring it must not build. */
#include <sys/param.h>
#include <sys/systm.h>

int	kms_test(const void *u, int *k);

int
kms_test(const void *u, int *k)
{

	copyin(u, k, sizeof(*k));
	return (0);
}
