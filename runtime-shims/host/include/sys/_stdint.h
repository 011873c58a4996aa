/*
 * KmodSharp host harness: fixed-width integer types, as declared by
 * FreeBSD's <sys/_stdint.h>.
 */
#ifndef _SYS__STDINT_H_
#define	_SYS__STDINT_H_

#include <sys/_types.h>

typedef	__int8_t	int8_t;
typedef	__int16_t	int16_t;
typedef	__int32_t	int32_t;
typedef	__int64_t	int64_t;
typedef	__uint8_t	uint8_t;
typedef	__uint16_t	uint16_t;
typedef	__uint32_t	uint32_t;
typedef	__uint64_t	uint64_t;
typedef	__intptr_t	intptr_t;
typedef	__uintptr_t	uintptr_t;
typedef	__intmax_t	intmax_t;
typedef	__uintmax_t	uintmax_t;

#endif /* !_SYS__STDINT_H_ */
