#include "driver.h"
#include "counter.h"

int
main(int argc, char **argv)
{

	(void)argc;
	CHECK_ERRNO(counter_add(1), ENOENT);
	driver_load(argv[1]);
	CHECK(counter_add(5) == 5);
	CHECK(counter_add(7) == 12);
	/* The total is 64-bit: no wrap at 2^31. */
	CHECK(counter_add(2147483647) == 2147483659LL);
	CHECK(counter_add(-2147483647 - 1) == 11);
	return (driver_done());
}
