/* EXPECT: sdt_kmodsharp_test_fn_missing */
/* EXPECT: undeclared */
/* Firing a probe that was never defined must not build. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/sdt.h>

void	kms_test(int x);

void
kms_test(int x)
{

	SDT_PROBE1(kmodsharp, test, fn, missing, x);
}
