/* EXPECT: sdt_struct_arg.c:21: */
/* EXPECT: error */
/* An SDT probe argument must convert to uintptr_t; a struct does not. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/sdt.h>

SDT_PROVIDER_DEFINE(kmodsharp);
SDT_PROBE_DEFINE1(kmodsharp, test, fn, entry, "int");

struct pair {
	int	a, b;
};

void	kms_test(struct pair p);

void
kms_test(struct pair p)
{

	SDT_PROBE1(kmodsharp, test, fn, entry, p);
}
