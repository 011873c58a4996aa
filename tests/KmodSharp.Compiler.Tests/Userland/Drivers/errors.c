#include "driver.h"
#include "errors.h"

int
main(int argc, char **argv)
{

	(void)argc;
	CHECK_ERRNO(errors_divide(5), ENOENT);
	CHECK_ERRNO(errors_privileged(), ENOENT);
	driver_load(argv[1]);
	CHECK(errors_divide(5) == 20);
	CHECK_ERRNO(errors_divide(-1), EINVAL);
	CHECK_ERRNO(errors_divide(0), EDOM);
	CHECK(errors_privileged() == 0);
	kms_user_credential(1001, false, false);
	CHECK_ERRNO(errors_privileged(), EPERM);
	kms_user_credential(0, true, false);
	CHECK_ERRNO(errors_privileged(), EPERM);
	kms_user_credential(0, false, false);
	CHECK(errors_allocate(10) == 70);
	CHECK_ERRNO(errors_allocate(0), EINVAL);
	CHECK_ERRNO(errors_allocate(4097), EINVAL);
	kms_user_fail_malloc(1);
	CHECK_ERRNO(errors_allocate(10), ENOMEM);
	CHECK(errors_allocate(1) == 7);
	return (driver_done());
}
