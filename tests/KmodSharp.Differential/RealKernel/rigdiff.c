/*
 * rigdiff: the differential runner's calls on a real FreeBSD kernel.
 *
 *	rigdiff --id ID [--call NAME [ARG...]]... [--unload FILE]
 *	ARG:	integer (decimal, optional '-', or 0x hex) | s:TEXT | b:HEX | z:N
 *
 * The call tokens are kmodsim's (runtime-shims/host/sim/kmodsim.c, whose
 * kms_tokens.h is compiled here too).  Each
 * NAME is found as module "sys/NAME" with modfind(2)/modstat(2), which give
 * its syscall slot.  User memory is mapped so that its last byte ends a page
 * followed by an inaccessible guard page: like the harness's byte-exact
 * regions, any access past the buffer faults.  s:TEXT is the text and a NUL,
 * read-only.
 *
 * Each call prints one line on the console (a tty shared with the kernel's
 * printf(9), so every line carries a marker and is drained before the next
 * call):
 *
 *	@@RD ID.N err=E rv=R0 rv1=R1 [bufI=HEX]... log=HEX
 *
 * E is the errno (0: success; R0 and R1 are then %rax and %rdx, else -1 as
 * kmodsim reports), bufI the final bytes of the writable buffer of argument
 * I, log the kernel message buffer text the call added (kern.msgbuf, cleared
 * before the call).  A problem of the runner itself is "@@RD ID.N problem
 * TEXT".  --unload FILE kldunload(2)s FILE afterwards ("@@RD ID unload E").
 */
#include <sys/param.h>
#include <sys/linker.h>
#include <sys/mman.h>
#include <sys/module.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "kms_tokens.h"

#define	MAXARGS	8

struct buffer {
	unsigned char	*at;
	size_t		len;
	int		writable;
};

static const char *id = "?";

static void
line_done(void)
{

	fflush(stdout);
	/* The kernel's printf(9) goes straight to the UART: let ours out first. */
	(void)tcdrain(STDOUT_FILENO);
}

static void
problem(int call, const char *what, const char *detail)
{

	printf("@@RD %s.%d problem %s %s (errno %d)\n", id, call, what, detail, errno);
	line_done();
}

/* LEN bytes ending a page, the next page inaccessible; NULL on failure. */
static unsigned char *
map_user(const void *data, size_t len, int writable)
{
	size_t page, span;
	unsigned char *base;

	page = (size_t)getpagesize();
	span = (len + page - 1) / page * page;
	if (span == 0)
		span = page;
	base = mmap(NULL, span + page, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	if (base == MAP_FAILED)
		return (NULL);
	if (mprotect(base + span, page, PROT_NONE) != 0)
		return (NULL);
	if (data != NULL)
		memcpy(base + span - len, data, len);
	if (!writable && mprotect(base, span, PROT_READ) != 0)
		return (NULL);
	return (base + span - len);
}

static void
unmap_user(const struct buffer *b)
{
	size_t page, span;

	page = (size_t)getpagesize();
	span = (b->len + page - 1) / page * page;
	if (span == 0)
		span = page;
	(void)munmap(b->at + b->len - span, span + page);
}

/* One token as a register value; a buffer is mapped and noted in *B. */
static int
argument(const char *a, int64_t *v, struct buffer *b)
{
	unsigned char *bytes;
	size_t i, n;
	int64_t z;

	b->at = NULL;
	if (strncmp(a, "s:", 2) == 0) {
		b->len = strlen(a + 2) + 1;
		b->writable = 0;
		b->at = map_user(a + 2, b->len, 0);
	} else if (strncmp(a, "b:", 2) == 0) {
		n = strlen(a + 2) / 2;
		if ((bytes = calloc(1, n + 1)) == NULL)
			return (-1);
		for (i = 0; i < n; i++) {
			if (kms_hexval(a[2 + 2 * i]) < 0 ||
			    kms_hexval(a[3 + 2 * i]) < 0)
				return (-1);
			bytes[i] = (unsigned char)
			    (kms_hexval(a[2 + 2 * i]) * 16 +
			    kms_hexval(a[3 + 2 * i]));
		}
		b->len = n;
		b->writable = 1;
		b->at = map_user(bytes, n, 1);
		free(bytes);
	} else if (strncmp(a, "z:", 2) == 0) {
		if (kms_parse_int(a + 2, &z) != 0 || z < 0)
			return (-1);
		b->len = (size_t)z;
		b->writable = 1;
		b->at = map_user(NULL, b->len, 1);
	} else
		return (kms_parse_int(a, v));
	if (b->at == NULL)
		return (-1);
	*v = (int64_t)(uintptr_t)b->at;
	return (0);
}

static int
slot_of(const char *name)
{
	struct module_stat stat;
	char modname[MAXMODNAME];
	int modid;

	snprintf(modname, sizeof(modname), "sys/%s", name);
	if ((modid = modfind(modname)) == -1)
		return (-1);
	stat.version = sizeof(stat);
	if (modstat(modid, &stat) == -1)
		return (-1);
	return (stat.data.intval);
}

/*
 * Up to six arguments: the syscall instruction itself, for %rdx (a
 * two-value result, cpu_set_syscall_retval); the carry flag is set on
 * error with the errno in %rax.  Seven or eight: __syscall(2), which
 * passes the rest on the stack (a two-value call has at most six, KMS0411).
 */
static int
call(int slot, int nargs, const int64_t a[MAXARGS], int64_t *rv0, int64_t *rv1)
{
	int64_t rax, rdx;
	int carry;

	if (nargs > 6) {
		errno = 0;
		rax = __syscall(slot, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
		    a[7]);
		*rv0 = rax;
		*rv1 = -1;
		/* A successful call leaves errno alone, even returning -1. */
		return (rax == -1 && errno != 0 ? errno : 0);
	}
	__asm__ __volatile__(
	    "movq %7, %%r10\n\t"
	    "movq %8, %%r8\n\t"
	    "movq %9, %%r9\n\t"
	    "syscall"
	    : "=a" (rax), "=d" (rdx), "=@ccc" (carry)
	    : "0" ((int64_t)slot), "D" (a[0]), "S" (a[1]), "1" (a[2]),
	      "r" (a[3]), "r" (a[4]), "r" (a[5])
	    : "rcx", "r8", "r9", "r10", "r11", "memory");
	*rv0 = rax;
	*rv1 = rdx;
	return (carry ? (int)rax : 0);
}

static void
clear_log(void)
{
	int one = 1;

	(void)sysctlbyname("kern.msgbuf_clear", NULL, NULL, &one, sizeof(one));
}

/* What the kernel logged since clear_log(); NULL if it cannot be read. */
static char *
read_log(void)
{
	size_t len;
	char *text;

	if (sysctlbyname("kern.msgbuf", NULL, &len, NULL, 0) != 0)
		return (NULL);
	if ((text = calloc(1, len + 1)) == NULL)
		return (NULL);
	if (sysctlbyname("kern.msgbuf", text, &len, NULL, 0) != 0) {
		free(text);
		return (NULL);
	}
	return (text);
}

static void
print_hex(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
}

static void
run_call(int n, const char *name, int nargs, char **tokens)
{
	struct buffer buf[MAXARGS];
	int64_t args[MAXARGS] = { 0 }, rv0, rv1;
	char *log;
	int error, i, slot;

	if (nargs > MAXARGS) {
		problem(n, name, "more than eight arguments");
		return;
	}
	if ((slot = slot_of(name)) == -1) {
		problem(n, name, "modfind/modstat");
		return;
	}
	for (i = 0; i < nargs; i++)
		if (argument(tokens[i], &args[i], &buf[i]) != 0) {
			problem(n, name, tokens[i]);
			while (i-- > 0)
				if (buf[i].at != NULL)
					unmap_user(&buf[i]);
			return;
		}

	/* Nothing may print between the clear and the read. */
	clear_log();
	error = call(slot, nargs, args, &rv0, &rv1);
	log = read_log();
	if (error != 0)
		rv0 = rv1 = -1;

	printf("@@RD %s.%d err=%d rv=%" PRId64 " rv1=%" PRId64, id, n, error,
	    rv0, rv1);
	for (i = 0; i < nargs; i++)
		if (buf[i].at != NULL && buf[i].writable) {
			printf(" buf%d=", i);
			print_hex(buf[i].at, buf[i].len);
		}
	printf(" log=");
	if (log != NULL)
		print_hex((const unsigned char *)log, strlen(log));
	else
		printf("unreadable");
	printf("\n");
	line_done();
	free(log);
	for (i = 0; i < nargs; i++)
		if (buf[i].at != NULL)
			unmap_user(&buf[i]);
}

int
main(int argc, char **argv)
{
	int calls, end, error, fileid, i;

	calls = 0;
	for (i = 1; i < argc; i = end) {
		end = i + 1;
		if (strcmp(argv[i], "--id") == 0 && i + 1 < argc) {
			id = argv[i + 1];
			end = i + 2;
		} else if (strcmp(argv[i], "--call") == 0 && i + 1 < argc) {
			for (end = i + 2; end < argc &&
			    strncmp(argv[end], "--", 2) != 0; end++)
				;
			run_call(calls++, argv[i + 1], end - i - 2, argv + i + 2);
		} else if (strcmp(argv[i], "--unload") == 0 && i + 1 < argc) {
			errno = 0;
			fileid = kldfind(argv[i + 1]);
			error = fileid == -1 || kldunload(fileid) == -1 ? errno : 0;
			printf("@@RD %s unload %d\n", id, error);
			line_done();
			end = i + 2;
		} else {
			fprintf(stderr, "rigdiff: bad argument \"%s\"\n", argv[i]);
			return (2);
		}
	}
	printf("@@RD %s done %d\n", id, calls);
	line_done();
	return (0);
}
