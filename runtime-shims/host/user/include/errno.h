/*
 * KmodSharp host harness, userland shim: the host's <errno.h> plus
 * FreeBSD's Capsicum errors, which Linux lacks.  The shim translates
 * FreeBSD's errno numbers into the host's, and these two into these values.
 */
#ifndef _KMS_USER_ERRNO_H_
#define	_KMS_USER_ERRNO_H_

#include_next <errno.h>

#ifndef ENOTCAPABLE
#define	ENOTCAPABLE	1093
#endif
#ifndef ECAPMODE
#define	ECAPMODE	1094
#endif

#endif /* !_KMS_USER_ERRNO_H_ */
