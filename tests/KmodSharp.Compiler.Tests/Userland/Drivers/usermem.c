#include <sys/mman.h>

#include "driver.h"
#include "usermem.h"

int
main(int argc, char **argv)
{
	struct request request = { .operand = 6, .factor = 7 };
	struct reply reply;
	uint8_t byte = 41;
	void *readonly;

	(void)argc;
	CHECK_ERRNO(usermem_multiply(&request, &reply), ENOENT);
	driver_load(argv[1]);
	memset(&reply, 0xff, sizeof(reply));
	CHECK(usermem_multiply(&request, &reply) == 0);
	CHECK(reply.product == 42 && reply.calls == 1 && reply.checksum == (6 ^ 7));
	request.operand = -2000000000;
	request.factor = 3;
	CHECK(usermem_multiply(&request, &reply) == 0);
	CHECK(reply.product == -6000000000LL && reply.calls == 2);
	CHECK_ERRNO(usermem_multiply(NULL, &reply), EFAULT);
	CHECK_ERRNO(usermem_multiply(&request, NULL), EFAULT);
	/* copyout to read-only memory: EFAULT, and nothing written. */
	readonly = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(readonly != MAP_FAILED);
	CHECK_ERRNO(usermem_multiply(&request, readonly), EFAULT);
	CHECK(usermem_strlen("hello") == 5);
	CHECK(usermem_strlen("") == 0);
	CHECK_ERRNO(usermem_strlen(NULL), EFAULT);
	CHECK(usermem_bump(&byte) == 42 && byte == 42);
	CHECK_ERRNO(usermem_bump(readonly), EFAULT);
	munmap(readonly, 4096);
	return (driver_done());
}
