#include "driver.h"
#include "mycustom.h"

int
main(int argc, char **argv)
{
	char longer[300];

	(void)argc;
	CHECK_ERRNO(my_custom_syscall(1, "x"), ENOENT);
	driver_load(argv[1]);
	CHECK(my_custom_syscall(14, "hello") == 42);
	CHECK(strcmp(kms_user_log_line(0),
	    "my_custom_syscall: value=14 message=hello (6 bytes)") == 0);
	/* A bad string address is EFAULT from copyinstr, not a crash. */
	CHECK_ERRNO(my_custom_syscall(1, NULL), EFAULT);
	CHECK_ERRNO(my_custom_syscall(1, (const char *)16), EFAULT);
	/* 299 bytes do not fit the 256-byte kernel buffer. */
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	CHECK_ERRNO(my_custom_syscall(1, longer), ENAMETOOLONG);
	return (driver_done());
}
