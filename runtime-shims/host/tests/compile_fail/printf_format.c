/* EXPECT: format */
/* EXPECT: %d */
/* EXPECT: char * */
/* Kernel printf is format-checked like FreeBSD's. */
#include <sys/param.h>
#include <sys/systm.h>

void	kms_test(void);

void
kms_test(void)
{

	printf("%d\n", "not an int");
}
