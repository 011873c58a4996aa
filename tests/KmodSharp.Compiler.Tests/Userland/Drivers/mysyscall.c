#include "driver.h"
#include "mysyscall.h"

int
main(int argc, char **argv)
{

	(void)argc;
	CHECK_ERRNO(mysyscall(1), ENOENT);
	driver_load(argv[1]);
	CHECK(mysyscall(21) == 42);
	CHECK(mysyscall(-5) == -10);
	CHECK(mysyscall(0x40000000) == (int)0x80000000u);	/* wraps as in C# */
	errno = 0;
	CHECK(mysyscall(2147483647) == -2 && errno == 0);
	CHECK(kms_user_log_count() == 4);
	CHECK(strcmp(kms_user_log_line(0), "mysyscall called with value=21") == 0);
	return (driver_done());
}
