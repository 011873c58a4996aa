/* EXPECT: PRIV_ROOT */
/* EXPECT: undeclared */
/* PRIV_ROOT was removed from FreeBSD; only _PRIV_ROOT (invalid) remains. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/priv.h>

int	kms_test(struct thread *td);

int
kms_test(struct thread *td)
{

	return (priv_check(td, PRIV_ROOT));
}
