#include "driver.h"
#include "capsicum.h"

int
main(int argc, char **argv)
{

	(void)argc;
	CHECK_ERRNO(cap_square(3), ENOENT);
	driver_load(argv[1]);
	/* 64-bit result: 100000 squared does not fit an int. */
	CHECK(cap_square(100000) == 10000000000LL);
	CHECK(cap_square(-7) == 49);
	CHECK(cap_whoami() > 0);
	kms_user_credential(0, false, true);
	CHECK(cap_square(12) == 144);
	CHECK_ERRNO(cap_whoami(), ECAPMODE);
	return (driver_done());
}
