/* EXPECT: copyout */
/* EXPECT: warn_unused_result */
/* FreeBSD 15 marks copyout __nodiscard: ignoring it must not build. */
#include <sys/param.h>
#include <sys/systm.h>

int	kms_test(int *k, void *u);

int
kms_test(int *k, void *u)
{

	copyout(k, u, sizeof(*k));
	return (0);
}
