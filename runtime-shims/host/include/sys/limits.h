/* KmodSharp host harness: integer limits, as FreeBSD's <sys/limits.h> gives them (LP64). */
#ifndef _SYS_LIMITS_H_
#define	_SYS_LIMITS_H_

#include <sys/cdefs.h>

#define	CHAR_BIT	8
#define	SCHAR_MAX	0x7f
#define	SCHAR_MIN	(-0x7f - 1)
#define	UCHAR_MAX	0xff
#define	CHAR_MAX	SCHAR_MAX
#define	CHAR_MIN	SCHAR_MIN
#define	USHRT_MAX	0xffff
#define	SHRT_MAX	0x7fff
#define	SHRT_MIN	(-0x7fff - 1)
#define	UINT_MAX	0xffffffffU
#define	INT_MAX		0x7fffffff
#define	INT_MIN		(-0x7fffffff - 1)
#define	ULONG_MAX	0xffffffffffffffffUL
#define	LONG_MAX	0x7fffffffffffffffL
#define	LONG_MIN	(-0x7fffffffffffffffL - 1)
#define	ULLONG_MAX	0xffffffffffffffffULL
#define	LLONG_MAX	0x7fffffffffffffffLL
#define	LLONG_MIN	(-0x7fffffffffffffffLL - 1)
#define	SSIZE_MAX	LONG_MAX
#define	SIZE_T_MAX	ULONG_MAX
#define	OFF_MAX		LONG_MAX
#define	OFF_MIN		LONG_MIN
#define	UQUAD_MAX	ULONG_MAX
#define	QUAD_MAX	LONG_MAX
#define	QUAD_MIN	LONG_MIN
#define	LONG_BIT	64
#define	WORD_BIT	32
#define	__SIZE_T_MAX	ULONG_MAX

#endif /* !_SYS_LIMITS_H_ */
