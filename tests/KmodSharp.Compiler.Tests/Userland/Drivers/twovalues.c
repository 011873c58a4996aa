#include "driver.h"
#include "twovalues.h"

int
main(int argc, char **argv)
{
	int64_t second = 7;

	(void)argc;
	CHECK_ERRNO(two_values(1, &second), ENOENT);
	CHECK(second == 7);
	driver_load(argv[1]);
	CHECK(two_values(5, &second) == 105 && second == 205);
	/* Both values are 64-bit. */
	CHECK(two_values(5000000000LL, &second) == 5000000100LL && second == 5000000200LL);
	CHECK(two_values(-300, NULL) == -200);
	return (driver_done());
}
