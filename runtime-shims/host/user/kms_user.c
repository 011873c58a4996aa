/*
 * KmodSharp host harness, userland shim: syscall(2), __syscall(2),
 * modfind(2) and modstat(2) for a program linked with the emulated kernel,
 * so a module's generated userland library and test program run unchanged
 * on the Linux host.
 *
 * The program, this shim and kern/ are one executable (-rdynamic, so a
 * module's .so resolves the kernel API against it); the modules named by
 * KMS_USER_KLD are loaded before main() and unloaded at exit.  A system call
 * goes through the emulated syscallenter (kms_syscall) into the module, with
 * user memory being this process's memory (usermem_host.c).  Errors come
 * back as -1 and errno, translated from FreeBSD's numbers to the host's.
 * At exit, leaks and WITNESS-style violations make the process exit 1.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kms_kern.h"

/* The shim's own definitions; the program sees glibc's and user/include's. */
/*
 * __syscall returns both result registers: C callers that declare it
 * returning off_t read %rax, and a .NET client that declares it returning a
 * 16-byte struct reads %rax:%rdx, exactly as with FreeBSD's assembly stub.
 */
struct kms_registers {
	int64_t	rax;
	int64_t	rdx;
};

long	syscall(long number, ...);
struct kms_registers __syscall(int64_t number, ...);
int64_t	__kms_syscall2(int number, int64_t a0, int64_t a1, int64_t a2,
	    int64_t a3, int64_t a4, int64_t a5, int64_t a6, int64_t a7,
	    int64_t *second);
int	modfind(const char *name);
int	modstat(int modid, struct kms_module_stat *stat);
int	kms_user_load(const char *path);
int	kms_user_unload(const char *path);
void	kms_user_credential(unsigned int uid, bool jail, bool capmode);
void	kms_user_fail_malloc(long n);
unsigned long	kms_user_log_count(void);
const char	*kms_user_log_line(unsigned long i);
long	kms_user_leaks(void);
unsigned long	kms_user_violations(void);

#define	SYS_MODSTAT	301
#define	SYS_MODFIND	303

/* user/include/errno.h gives FreeBSD's Capsicum errors these numbers. */
#define	HOST_ENOTCAPABLE	1093
#define	HOST_ECAPMODE		1094

/* FreeBSD's errno numbers (sys/sys/errno.h) above 34 and the host's. */
static const struct {
	int	freebsd;
	int	host;
} errno_map[] = {
	{ 35, EAGAIN }, { 36, EINPROGRESS }, { 37, EALREADY },
	{ 38, ENOTSOCK }, { 39, EDESTADDRREQ }, { 40, EMSGSIZE },
	{ 41, EPROTOTYPE }, { 42, ENOPROTOOPT }, { 43, EPROTONOSUPPORT },
	{ 44, ESOCKTNOSUPPORT }, { 45, EOPNOTSUPP }, { 46, EPFNOSUPPORT },
	{ 47, EAFNOSUPPORT }, { 48, EADDRINUSE }, { 49, EADDRNOTAVAIL },
	{ 50, ENETDOWN }, { 51, ENETUNREACH }, { 52, ENETRESET },
	{ 53, ECONNABORTED }, { 54, ECONNRESET }, { 55, ENOBUFS },
	{ 56, EISCONN }, { 57, ENOTCONN }, { 58, ESHUTDOWN },
	{ 59, ETOOMANYREFS }, { 60, ETIMEDOUT }, { 61, ECONNREFUSED },
	{ 62, ELOOP }, { 63, ENAMETOOLONG }, { 64, EHOSTDOWN },
	{ 65, EHOSTUNREACH }, { 66, ENOTEMPTY }, { 67, EUSERS },
	{ 69, EDQUOT }, { 70, ESTALE }, { 71, EREMOTE }, { 77, ENOLCK },
	{ 78, ENOSYS }, { 79, EINVAL }, { 82, EIDRM }, { 83, ENOMSG },
	{ 84, EOVERFLOW }, { 85, ECANCELED }, { 86, EILSEQ }, { 89, EBADMSG },
	{ 90, EMULTIHOP }, { 91, ENOLINK }, { 92, EPROTO },
	{ 93, HOST_ENOTCAPABLE }, { 94, HOST_ECAPMODE },
	{ 95, ENOTRECOVERABLE }, { 96, EOWNERDEAD },
};

static int
host_errno(int error)
{
	size_t i;

	/* EPERM (1) through ERANGE (34) have the same numbers on Linux. */
	if (error > 0 && error <= 34)
		return (error);
	for (i = 0; i < sizeof(errno_map) / sizeof(errno_map[0]); i++)
		if (errno_map[i].freebsd == error)
			return (errno_map[i].host);
	fprintf(stderr, "kms_user: FreeBSD errno %d has no host equivalent; "
	    "reporting EIO\n", error);
	return (EIO);
}

/* Enter the emulated kernel: -1 and errno, or td_retval[0] (and [1]). */
static int64_t
enter(int number, const int64_t args[8], int64_t *second)
{
	int64_t retval[2] = { 0, 0 };
	int error;

	error = kms_syscall(number, args, retval);
	if (error != 0) {
		errno = host_errno(error);
		return (-1);
	}
	if (second != NULL)
		*second = retval[1];
	return (retval[0]);
}

/*
 * Read exactly the argument slots the sysent entry declares (sy_narg), as
 * the kernel's fetch does; reading more varargs than were passed is
 * undefined behaviour.  Unknown numbers read none and fail with ENOSYS.
 */
static void
fetch_args(int64_t number, va_list ap, int64_t args[8])
{
	int i, narg;

	memset(args, 0, 8 * sizeof(args[0]));
	narg = number > 0 && number < KMS_SYS_MAXSYSCALL ?
	    kms_sysent_table[number].sy_narg : 0;
	for (i = 0; i < narg && i < 8; i++)
		args[i] = va_arg(ap, int64_t);
}

long
syscall(long number, ...)
{
	int64_t args[8];
	va_list ap;

	va_start(ap, number);
	fetch_args(number, ap, args);
	va_end(ap);
	/* FreeBSD's syscall(2) returns int: the low half of %rax. */
	return ((int)enter((int)number, args, NULL));
}

struct kms_registers
__syscall(int64_t number, ...)
{
	struct kms_registers regs;
	int64_t args[8];
	va_list ap;

	va_start(ap, number);
	fetch_args(number, ap, args);
	va_end(ap);
	regs.rdx = -1;
	regs.rax = enter((int)number, args, &regs.rdx);
	return (regs);
}

int64_t
__kms_syscall2(int number, int64_t a0, int64_t a1, int64_t a2, int64_t a3,
    int64_t a4, int64_t a5, int64_t a6, int64_t a7, int64_t *second)
{
	const int64_t args[8] = { a0, a1, a2, a3, a4, a5, a6, a7 };

	return (enter(number, args, second));
}

int
modfind(const char *name)
{
	const int64_t args[8] = { (int64_t)(uintptr_t)name };

	return ((int)enter(SYS_MODFIND, args, NULL));
}

int
modstat(int modid, struct kms_module_stat *stat)
{
	const int64_t args[8] = { modid, (int64_t)(uintptr_t)stat };

	return ((int)enter(SYS_MODSTAT, args, NULL));
}

static void unload_all(void);

/* What the shim loaded, unloaded at exit (then leaks are counted). */
static char *loaded[16];
static int nloaded;

int
kms_user_load(const char *path)
{
	struct kms_linker_file *lf;
	int error;

	if (nloaded == (int)(sizeof(loaded) / sizeof(loaded[0])))
		return (ENFILE);
	error = kms_kldload(path, &lf);
	if (error != 0)
		return (host_errno(error));
	if (nloaded == 0)
		atexit(unload_all);
	loaded[nloaded] = strdup(path);
	if (loaded[nloaded] == NULL)
		abort();
	nloaded++;
	return (0);
}

int
kms_user_unload(const char *path)
{
	struct kms_linker_file *lf;
	int error;

	lf = kms_linker_find(path);
	error = lf == NULL ? KMS_ENOENT : kms_kldunload(lf);
	return (error == 0 ? 0 : host_errno(error));
}

void
kms_user_credential(unsigned int uid, bool jail, bool capmode)
{

	kms_thread_init(uid, jail, capmode);
}

void
kms_user_fail_malloc(long n)
{

	kms_malloc_fail_nth(n);
}

unsigned long
kms_user_log_count(void)
{

	return (kms_log_count());
}

const char *
kms_user_log_line(unsigned long i)
{

	return (kms_log_line(i));
}

long
kms_user_leaks(void)
{

	return (kms_malloc_leaks());
}

unsigned long
kms_user_violations(void)
{

	return (kms_violation_count());
}

static void
unload_all(void)
{
	size_t i;
	int error;

	while (nloaded > 0) {
		nloaded--;
		error = kms_user_unload(loaded[nloaded]);
		if (error != 0 && error != ENOENT)
			fprintf(stderr, "kms_user: kldunload %s: %s\n",
			    loaded[nloaded], strerror(error));
		free(loaded[nloaded]);
	}
	for (i = 0; i < kms_violation_count(); i++)
		fprintf(stderr, "kms_user: violation: %s\n",
		    kms_violation_text(i));
	if (kms_malloc_leaks() > 0)
		fprintf(stderr, "kms_user: %ld malloc(9) leak(s)\n",
		    kms_malloc_leaks());
	if (kms_violation_count() > 0 || kms_malloc_leaks() > 0)
		_exit(1);
}

static __attribute__((__constructor__)) void
load_all(void)
{
	const char *list, *uid;
	char *copy, *path, *save;
	int error;

	kms_uninit_check = false;
	uid = getenv("KMS_USER_UID");
	kms_thread_init(uid != NULL ? (uint32_t)strtoul(uid, NULL, 10) : 0,
	    false, false);
	list = getenv("KMS_USER_KLD");
	if (list == NULL || *list == '\0')
		return;
	copy = strdup(list);
	if (copy == NULL)
		abort();
	for (path = strtok_r(copy, ":", &save); path != NULL;
	    path = strtok_r(NULL, ":", &save)) {
		error = kms_user_load(path);
		if (error != 0) {
			fprintf(stderr, "kms_user: kldload %s: %s\n", path,
			    strerror(error));
			exit(1);
		}
	}
	free(copy);
}
