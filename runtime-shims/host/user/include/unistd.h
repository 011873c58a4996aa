/*
 * KmodSharp host harness, userland shim: the host's <unistd.h> plus what
 * FreeBSD's adds for system calls.  glibc already declares
 * long syscall(long, ...); the shim defines it.
 */
#ifndef _KMS_USER_UNISTD_H_
#define	_KMS_USER_UNISTD_H_

#include_next <unistd.h>

#include <stdint.h>

/* FreeBSD: off_t __syscall(quad_t, ...), the whole 64-bit %rax. */
off_t	__syscall(int64_t _number, ...);

/*
 * Both result registers (td_retval[0] and [1]): what the generated library
 * does with the syscall instruction on FreeBSD/amd64.
 */
int64_t	__kms_syscall2(int _number, int64_t _a0, int64_t _a1, int64_t _a2,
	    int64_t _a3, int64_t _a4, int64_t _a5, int64_t _a6, int64_t _a7,
	    int64_t *_second);

#endif /* !_KMS_USER_UNISTD_H_ */
