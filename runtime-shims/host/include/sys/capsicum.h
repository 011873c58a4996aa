/* KmodSharp host harness: capability mode (<sys/capsicum.h>). */
#ifndef _SYS_CAPSICUM_H_
#define	_SYS_CAPSICUM_H_

#include <sys/param.h>
#include <sys/ucred.h>

#ifdef _KERNEL
#define	IN_CAPABILITY_MODE(td)	(((td)->td_ucred->cr_flags & CRED_FLAG_CAPMODE) != 0)
#endif

#endif /* !_SYS_CAPSICUM_H_ */
