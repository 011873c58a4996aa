/*
 * KmodSharp host harness: compiler and declaration helpers, as declared by
 * FreeBSD's <sys/cdefs.h>, for GCC and Clang.
 */
#ifndef _SYS_CDEFS_H_
#define	_SYS_CDEFS_H_

#define	__FreeBSD__	15

#define	__CONCAT1(x, y)	x ## y
#define	__CONCAT(x, y)	__CONCAT1(x, y)
#define	__STRING(x)	#x
#define	__XSTRING(x)	__STRING(x)

#define	__dead2		__attribute__((__noreturn__))
#define	__pure2		__attribute__((__const__))
#define	__unused	__attribute__((__unused__))
#define	__used		__attribute__((__used__))
#define	__packed	__attribute__((__packed__))
#define	__aligned(x)	__attribute__((__aligned__(x)))
#define	__section(x)	__attribute__((__section__(x)))
#define	__weak_symbol	__attribute__((__weak__))
#define	__WEAK(sym)	__asm__(".weak " __XSTRING(sym))
#define	__malloc_like	__attribute__((__malloc__))
#define	__pure		__attribute__((__pure__))
#define	__always_inline	__inline __attribute__((__always_inline__))
#define	__noinline	__attribute__((__noinline__))
#define	__result_use_check	__attribute__((__warn_unused_result__))
#define	__nodiscard	__attribute__((__warn_unused_result__))
#define	__alloc_size(x)	__attribute__((__alloc_size__(x)))
#define	__alloc_size2(n, x)	__attribute__((__alloc_size__(n, x)))
#define	__alloc_align(x)	__attribute__((__alloc_align__(x)))
#define	__printflike(fmtarg, firstvararg) \
	__attribute__((__format__(__printf__, fmtarg, firstvararg)))
#define	__format_arg(fmtarg)	__attribute__((__format_arg__(fmtarg)))
#define	__nonnull(x)	__attribute__((__nonnull__(x)))
#define	__predict_true(exp)	__builtin_expect((exp), 1)
#define	__predict_false(exp)	__builtin_expect((exp), 0)
#define	__restrict	restrict
#define	__inline	inline
#define	__volatile	volatile
#define	__offsetof(type, field)	__builtin_offsetof(type, field)
#define	__containerof(x, s, m) ({					\
	const volatile __typeof(((s *)0)->m) *__x = (x);		\
	__DEQUALIFY(s *, (const volatile char *)__x - __offsetof(s, m));\
})
#define	__DECONST(type, var)	((type)(__uintptr_t)(const void *)(var))
#define	__DEVOLATILE(type, var)	((type)(__uintptr_t)(volatile void *)(var))
#define	__DEQUALIFY(type, var)	((type)(__uintptr_t)(const volatile void *)(var))
#define	__nosanitizeaddress	__attribute__((__no_sanitize_address__))
#define	__unreachable()	__builtin_unreachable()
#define	__compiler_membar()	__asm __volatile(" " : : : "memory")

/*
 * Nullability qualifiers exist in Clang only.  A header that marks some
 * pointers _Nonnull wraps its declarations in __NULLABILITY_PRAGMA_PUSH and
 * __NULLABILITY_PRAGMA_POP, so Clang does not ask for every other pointer
 * to be marked too (-Wnullability-completeness).
 */
#if defined(__clang__) && defined(__has_feature)
#if __has_feature(nullability)
#define	__NULLABILITY_PRAGMA_PUSH _Pragma("clang diagnostic push")	\
	_Pragma("clang diagnostic ignored \"-Wnullability-completeness\"")
#define	__NULLABILITY_PRAGMA_POP _Pragma("clang diagnostic pop")
#endif
#endif
#ifndef __NULLABILITY_PRAGMA_PUSH
#define	_Nonnull
#define	_Nullable
#define	_Null_unspecified
#define	__NULLABILITY_PRAGMA_PUSH
#define	__NULLABILITY_PRAGMA_POP
#endif

#define	__BEGIN_DECLS
#define	__END_DECLS

#define	__GNUC_PREREQ__(ma, mi)	\
	(__GNUC__ > (ma) || (__GNUC__ == (ma) && __GNUC_MINOR__ >= (mi)))

#endif /* !_SYS_CDEFS_H_ */
