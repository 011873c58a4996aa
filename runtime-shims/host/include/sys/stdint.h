/*
 * KmodSharp host harness: <sys/stdint.h>, the integer types with their
 * limits, as FreeBSD declares them.
 */
#ifndef _SYS_STDINT_H_
#define	_SYS_STDINT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_stdint.h>

typedef	__int_least8_t	int_least8_t;
typedef	__int_least16_t	int_least16_t;
typedef	__int_least32_t	int_least32_t;
typedef	__int_least64_t	int_least64_t;
typedef	__uint_least8_t	uint_least8_t;
typedef	__uint_least16_t uint_least16_t;
typedef	__uint_least32_t uint_least32_t;
typedef	__uint_least64_t uint_least64_t;
typedef	__int_fast8_t	int_fast8_t;
typedef	__int_fast16_t	int_fast16_t;
typedef	__int_fast32_t	int_fast32_t;
typedef	__int_fast64_t	int_fast64_t;
typedef	__uint_fast8_t	uint_fast8_t;
typedef	__uint_fast16_t	uint_fast16_t;
typedef	__uint_fast32_t	uint_fast32_t;
typedef	__uint_fast64_t	uint_fast64_t;

#define	INT8_C(c)	(c)
#define	INT16_C(c)	(c)
#define	INT32_C(c)	(c)
#define	INT64_C(c)	(c ## L)
#define	UINT8_C(c)	(c)
#define	UINT16_C(c)	(c)
#define	UINT32_C(c)	(c ## U)
#define	UINT64_C(c)	(c ## UL)
#define	INTMAX_C(c)	INT64_C(c)
#define	UINTMAX_C(c)	UINT64_C(c)

#define	INT8_MIN	(-0x7f-1)
#define	INT16_MIN	(-0x7fff-1)
#define	INT32_MIN	(-0x7fffffff-1)
#define	INT64_MIN	(-0x7fffffffffffffffL-1)
#define	INT8_MAX	0x7f
#define	INT16_MAX	0x7fff
#define	INT32_MAX	0x7fffffff
#define	INT64_MAX	0x7fffffffffffffffL
#define	UINT8_MAX	0xff
#define	UINT16_MAX	0xffff
#define	UINT32_MAX	0xffffffffU
#define	UINT64_MAX	0xffffffffffffffffUL
#define	INTPTR_MIN	INT64_MIN
#define	INTPTR_MAX	INT64_MAX
#define	UINTPTR_MAX	UINT64_MAX
#define	INTMAX_MIN	INT64_MIN
#define	INTMAX_MAX	INT64_MAX
#define	UINTMAX_MAX	UINT64_MAX
#define	PTRDIFF_MIN	INT64_MIN
#define	PTRDIFF_MAX	INT64_MAX
#define	SIZE_MAX	UINT64_MAX

#endif /* !_SYS_STDINT_H_ */
