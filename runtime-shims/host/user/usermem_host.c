/*
 * KmodSharp host harness, userland shim: copyin(9)/copyout(9)/fetch(9)/
 * store(9) over the process's own memory.
 *
 * In a userland test the generated library passes real pointers, as a
 * FreeBSD program does, so "user memory" is this process's memory.  Every
 * access goes through process_vm_readv(2)/process_vm_writev(2) on the
 * process itself, which, like the kernel's copy routines, fail with EFAULT
 * on an unmapped or (for writes) read-only byte instead of crashing: a NULL
 * or wild pointer from a test is EFAULT, as on FreeBSD.  This replaces
 * kern/subr_usermem.c (fake addresses for kmodsim) in the shim's link.
 */
#define	_GNU_SOURCE
#include <sys/uio.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kms_kern.h"

int	copyin(const void *udaddr, void *kaddr, size_t len);
int	copyin_nofault(const void *udaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *udaddr, size_t len);
int	copyout_nofault(const void *kaddr, void *udaddr, size_t len);
int	copyinstr(const void *udaddr, void *kaddr, size_t len,
	    size_t *lencopied);
int	fubyte(volatile const void *base);
long	fuword(volatile const void *base);
int	fuword16(volatile const void *base);
int32_t	fuword32(volatile const void *base);
int64_t	fuword64(volatile const void *base);
int	fueword(volatile const void *base, long *val);
int	fueword32(volatile const void *base, int32_t *val);
int	fueword64(volatile const void *base, int64_t *val);
int	subyte(volatile void *base, int byte);
int	suword(volatile void *base, long word);
int	suword16(volatile void *base, int word);
int	suword32(volatile void *base, int32_t word);
int	suword64(volatile void *base, int64_t word);

/* 0, or -1 when any byte of the user range cannot be read. */
static int
uread(const void *uaddr, void *kaddr, size_t len)
{
	struct iovec local = { kaddr, len };
	struct iovec remote = { (void *)(uintptr_t)uaddr, len };

	if (len == 0)
		return (0);
	if ((uintptr_t)uaddr + len < (uintptr_t)uaddr)
		return (-1);
	return (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) ==
	    (ssize_t)len ? 0 : -1);
}

/* Rewrite one byte with its own value: -1 unless it is readable and writable. */
static int
probe_writable(char *p)
{
	struct iovec local, remote;
	unsigned char byte;

	if (uread(p, &byte, 1) != 0)
		return (-1);
	local.iov_base = &byte;
	local.iov_len = 1;
	remote.iov_base = p;
	remote.iov_len = 1;
	return (process_vm_writev(getpid(), &local, 1, &remote, 1, 0) == 1 ?
	    0 : -1);
}

/*
 * 0, or -1 when any byte cannot be written.  Every page is probed first,
 * so a failing copyout writes nothing, as copyout(9) promises.
 */
static int
uwrite(void *uaddr, const void *kaddr, size_t len)
{
	struct iovec local = { (void *)(uintptr_t)kaddr, len };
	struct iovec remote = { uaddr, len };
	uintptr_t page, first, last;

	if (len == 0)
		return (0);
	first = (uintptr_t)uaddr;
	last = first + len - 1;
	if (last < first)
		return (-1);
	for (page = first; ; page = (page | 4095) + 1) {
		if (probe_writable((char *)page) != 0)
			return (-1);
		if ((page | 4095) >= last)
			break;
	}
	if (probe_writable((char *)last) != 0)
		return (-1);
	return (process_vm_writev(getpid(), &local, 1, &remote, 1, 0) ==
	    (ssize_t)len ? 0 : -1);
}

int
copyin(const void *udaddr, void *kaddr, size_t len)
{

	kms_witness_sleep("copyin");
	return (uread(udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyin_nofault(const void *udaddr, void *kaddr, size_t len)
{

	return (uread(udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyout(const void *kaddr, void *udaddr, size_t len)
{

	kms_witness_sleep("copyout");
	return (uwrite(udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyout_nofault(const void *kaddr, void *udaddr, size_t len)
{

	return (uwrite(udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyinstr(const void *udaddr, void *kaddr, size_t len, size_t *lencopied)
{
	const char *u = udaddr;
	char *k = kaddr;
	size_t i;

	kms_witness_sleep("copyinstr");
	for (i = 0; i < len; i++) {
		if (uread(u + i, k + i, 1) != 0) {
			if (lencopied != NULL)
				*lencopied = i;
			return (KMS_EFAULT);
		}
		if (k[i] == '\0') {
			if (lencopied != NULL)
				*lencopied = i + 1;
			return (0);
		}
	}
	if (lencopied != NULL)
		*lencopied = len;
	return (KMS_ENAMETOOLONG);
}

static int
fetch(volatile const void *base, void *val, size_t len)
{

	kms_witness_sleep("fuword");
	return (uread((const void *)(uintptr_t)base, val, len));
}

static int
store(volatile void *base, const void *val, size_t len)
{

	kms_witness_sleep("suword");
	return (uwrite((void *)(uintptr_t)base, val, len));
}

int
fubyte(volatile const void *base)
{
	uint8_t v;

	return (fetch(base, &v, sizeof(v)) == 0 ? v : -1);
}

int
fuword16(volatile const void *base)
{
	uint16_t v;

	return (fetch(base, &v, sizeof(v)) == 0 ? v : -1);
}

int32_t
fuword32(volatile const void *base)
{
	int32_t v;

	return (fetch(base, &v, sizeof(v)) == 0 ? v : -1);
}

int64_t
fuword64(volatile const void *base)
{
	int64_t v;

	return (fetch(base, &v, sizeof(v)) == 0 ? v : -1);
}

long
fuword(volatile const void *base)
{

	return (fuword64(base));
}

int
fueword(volatile const void *base, long *val)
{

	return (fetch(base, val, sizeof(*val)));
}

int
fueword32(volatile const void *base, int32_t *val)
{

	return (fetch(base, val, sizeof(*val)));
}

int
fueword64(volatile const void *base, int64_t *val)
{

	return (fetch(base, val, sizeof(*val)));
}

int
subyte(volatile void *base, int byte)
{
	uint8_t v = (uint8_t)byte;

	return (store(base, &v, sizeof(v)));
}

int
suword16(volatile void *base, int word)
{
	uint16_t v = (uint16_t)word;

	return (store(base, &v, sizeof(v)));
}

int
suword32(volatile void *base, int32_t word)
{

	return (store(base, &word, sizeof(word)));
}

int
suword64(volatile void *base, int64_t word)
{

	return (store(base, &word, sizeof(word)));
}

int
suword(volatile void *base, long word)
{

	return (store(base, &word, sizeof(word)));
}

/* modstat(2) reads the caller's struct version through this. */
int
kms_uread(uint64_t uaddr, void *buf, size_t len)
{

	return (uread((const void *)(uintptr_t)uaddr, buf, len));
}

void
kms_usermem_syscall(int code)
{

	(void)code;
}

/*
 * The uninitialised-copyout check forks each call and compares two runs'
 * writes; it belongs to kmodsim (kern/subr_usermem.c).  The shim turns it
 * off (kms_uninit_check = false), so these are never reached.
 */
static __attribute__((__noreturn__)) void
no_record(const char *what)
{

	kms_panic("%s: the uninitialised-copyout check runs in kmodsim, not "
	    "in the userland shim", what);
}

void
kms_copyout_record_begin(void)
{

	no_record("kms_copyout_record_begin");
}

void
kms_copyout_record_end(void)
{

	no_record("kms_copyout_record_end");
}

int
kms_copyout_record_send(int fd)
{

	(void)fd;
	no_record("kms_copyout_record_send");
}

int
kms_copyout_record_compare_buf(const char *buf, size_t len, int code)
{

	(void)buf;
	(void)len;
	(void)code;
	no_record("kms_copyout_record_compare_buf");
}
