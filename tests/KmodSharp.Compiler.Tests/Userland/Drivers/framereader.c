#include <sys/mman.h>

#include "driver.h"
#include "framereader.h"

/* A header followed by its payload, as a program would lay a frame out. */
static void
frame_set(unsigned char *at, uint16_t version, uint16_t kind, uint32_t length,
    uint32_t checksum, const void *payload, size_t n)
{
	struct frame_header h = { .magic = 0x46534d4b, .version = version,
	    .kind = kind, .length = length, .checksum = checksum };

	memcpy(at, &h, sizeof(h));
	memcpy(at + sizeof(h), payload, n);
}

int
main(int argc, char **argv)
{
	unsigned char frame[sizeof(struct frame_header) + 600];
	int32_t words[3] = { 7, -10, 1000000 };
	struct frame_summary summary;
	unsigned char *pages, *tail;
	static const unsigned char zero[sizeof(summary)];

	(void)argc;
	CHECK(sizeof(struct frame_header) == 16);
	frame_set(frame, 1, 1, 3, 0, "abc", 3);
	CHECK_ERRNO(frame_checksum((struct frame_header *)frame), ENOENT);
	driver_load(argv[1]);

	/*
	 * Fletcher-16 of "abc" is 0x4c27; a matching checksum is accepted, another is
	 * EINTEGRITY, which the Linux host has no number for: its shim reports EIO.
	 */
#ifndef EINTEGRITY
#define	EINTEGRITY	EIO
#endif
	CHECK(frame_checksum((struct frame_header *)frame) == 0x4c27);
	frame_set(frame, 1, 1, 3, 0x4c27, "abc", 3);
	CHECK(frame_checksum((struct frame_header *)frame) == 0x4c27);
	frame_set(frame, 1, 1, 3, 0x4c28, "abc", 3);
	CHECK_ERRNO(frame_checksum((struct frame_header *)frame), EINTEGRITY);
	frame_set(frame, 1, 1, 0, 0, "", 0);
	CHECK(frame_checksum((struct frame_header *)frame) == 0);
	frame_set(frame, 2, 1, 3, 0, "abc", 3);
	CHECK_ERRNO(frame_checksum((struct frame_header *)frame), EINVAL);
	memset(frame + sizeof(struct frame_header), 0xff, 512);
	frame_set(frame, 1, 1, 512, 0, "", 0);
	CHECK(frame_checksum((struct frame_header *)frame) == 0);
	frame_set(frame, 1, 1, 513, 0, "", 0);
	CHECK_ERRNO(frame_checksum((struct frame_header *)frame), EFBIG);
	CHECK_ERRNO(frame_checksum(NULL), EFAULT);

	/* The header fits in the mapped page, its payload runs into an inaccessible one: EFAULT. */
	pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(pages != MAP_FAILED);
	CHECK(mprotect(pages + 4096, 4096, PROT_NONE) == 0);
	tail = pages + 4096 - sizeof(struct frame_header) - 2;
	frame_set(tail, 1, 1, 2, 0, "ab", 2);
	CHECK(frame_checksum((struct frame_header *)tail) == 0x25c3);
	frame_set(tail, 1, 1, 3, 0, "ab", 2);
	CHECK_ERRNO(frame_checksum((struct frame_header *)tail), EFAULT);

	/* Words summed and a summary written, its padding zero. */
	frame_set(frame, 1, 2, sizeof(words), 0x1234, words, sizeof(words));
	memset(&summary, 0xee, sizeof(summary));
	CHECK(frame_summarize((struct frame_header *)frame, &summary) == 0);
	CHECK(summary.kind == 2 && summary.length == 12 && summary.checksum == 0x1234 && summary.total == 999997);
	CHECK(memcmp((unsigned char *)&summary + 1, zero, 3) == 0);
	CHECK(memcmp((unsigned char *)&summary + 10, zero, 6) == 0);
	frame_set(frame, 1, 2, 6, 0, words, 6);
	CHECK_ERRNO(frame_summarize((struct frame_header *)frame, &summary), EINVAL);
	frame_set(frame, 1, 2, sizeof(words), 0, words, sizeof(words));
	CHECK_ERRNO(frame_summarize((struct frame_header *)frame, NULL), EFAULT);
	munmap(pages, 8192);
	return (driver_done());
}
