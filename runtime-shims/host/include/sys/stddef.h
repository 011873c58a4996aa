/* KmodSharp host harness: <sys/stddef.h> as FreeBSD's kernel sees it. */
#ifndef _SYS_STDDEF_H_
#define	_SYS_STDDEF_H_

#include <sys/cdefs.h>
#include <sys/_null.h>
#include <machine/_types.h>

typedef	__ptrdiff_t	ptrdiff_t;
#ifndef offsetof
#define	offsetof(type, field)	__offsetof(type, field)
#endif

#endif /* !_SYS_STDDEF_H_ */
