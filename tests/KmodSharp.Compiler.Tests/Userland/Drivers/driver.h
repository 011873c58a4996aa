/*
 * Shared by the userland drivers: each calls its module's generated library
 * first with the module not loaded (-1/ENOENT, no SIGSYS), then loaded
 * (argv[1] is the module's .so), asserting results and errno.
 */
#ifndef DRIVER_H
#define	DRIVER_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kms_user.h>

static int driver_failures;

#define	CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: CHECK failed: %s (errno %d)\n",	\
		    __FILE__, __LINE__, #cond, errno);			\
		driver_failures++;					\
	}								\
} while (0)

/* The call fails with -1 and exactly this errno. */
#define	CHECK_ERRNO(call, err) do {					\
	errno = 0;							\
	CHECK((call) == -1);						\
	CHECK(errno == (err));						\
} while (0)

static void
driver_load(const char *path)
{

	if (kms_user_load(path) != 0) {
		fprintf(stderr, "cannot load %s\n", path);
		exit(2);
	}
}

static int
driver_done(void)
{

	if (driver_failures == 0)
		printf("driver: all checks passed\n");
	return (driver_failures == 0 ? 0 : 1);
}

#endif
