/*
 * KmodSharp host harness: amd64 basic types, as declared by FreeBSD's
 * <machine/_types.h> (x86/_types.h) for LP64.
 */
#ifndef _MACHINE__TYPES_H_
#define	_MACHINE__TYPES_H_

#ifndef __x86_64__
#error "the KmodSharp host harness emulates amd64 only"
#endif

typedef	signed char		__int8_t;
typedef	unsigned char		__uint8_t;
typedef	short			__int16_t;
typedef	unsigned short		__uint16_t;
typedef	int			__int32_t;
typedef	unsigned int		__uint32_t;
typedef	long			__int64_t;
typedef	unsigned long		__uint64_t;

typedef	__int32_t	__clock_t;
typedef	__int64_t	__critical_t;
typedef	double		__double_t;
typedef	float		__float_t;
typedef	__int64_t	__intfptr_t;
typedef	__int64_t	__intptr_t;
typedef	__int64_t	__intmax_t;
typedef	__int32_t	__int_fast8_t;
typedef	__int32_t	__int_fast16_t;
typedef	__int32_t	__int_fast32_t;
typedef	__int64_t	__int_fast64_t;
typedef	__int8_t	__int_least8_t;
typedef	__int16_t	__int_least16_t;
typedef	__int32_t	__int_least32_t;
typedef	__int64_t	__int_least64_t;
typedef	__int64_t	__ptrdiff_t;
typedef	__int64_t	__register_t;
typedef	__int64_t	__segsz_t;
typedef	__uint64_t	__size_t;
typedef	__int64_t	__ssize_t;
typedef	__int64_t	__time_t;
typedef	__uint64_t	__uintfptr_t;
typedef	__uint64_t	__uintptr_t;
typedef	__uint64_t	__uintmax_t;
typedef	__uint32_t	__uint_fast8_t;
typedef	__uint32_t	__uint_fast16_t;
typedef	__uint32_t	__uint_fast32_t;
typedef	__uint64_t	__uint_fast64_t;
typedef	__uint8_t	__uint_least8_t;
typedef	__uint16_t	__uint_least16_t;
typedef	__uint32_t	__uint_least32_t;
typedef	__uint64_t	__uint_least64_t;
typedef	__uint64_t	__u_register_t;
typedef	__uint64_t	__vm_offset_t;
typedef	__uint64_t	__vm_paddr_t;
typedef	__uint64_t	__vm_size_t;
typedef	__builtin_va_list	__va_list;

#endif /* !_MACHINE__TYPES_H_ */
