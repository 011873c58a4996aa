/* EXPECT: malloc */
/* EXPECT: warn_unused_result */
/* malloc(9) is __result_use_check. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>

void	kms_test(void);

void
kms_test(void)
{

	malloc(16, M_TEMP, M_WAITOK);
}
