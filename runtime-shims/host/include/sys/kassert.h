/* KmodSharp host harness: KASSERT and friends (<sys/kassert.h>). */
#ifndef _SYS_KASSERT_H_
#define	_SYS_KASSERT_H_

#include <sys/cdefs.h>

#ifdef _KERNEL
void	panic(const char *, ...) __dead2 __printflike(1, 2);

/*
 * A module is built without INVARIANTS, where FreeBSD's KASSERT expands to
 * nothing.  The emulated kernel checks assertions anyway, because catching
 * a broken assumption is the harness's job: a failed KASSERT panics, as on
 * a kernel whose kassert_panic is panic.  INVARIANTS itself stays
 * undefined, so every other header sees a module build.
 */
#define	KASSERT(exp, msg) do {						\
	if (__predict_false(!(exp)))					\
		panic msg;						\
} while (0)
#define	MPASS(ex)		MPASS4(ex, #ex, __FILE__, __LINE__)
#define	MPASS2(ex, what)	MPASS4(ex, what, __FILE__, __LINE__)
#define	MPASS3(ex, file, line)	MPASS4(ex, #ex, file, line)
#define	MPASS4(ex, what, file, line)					\
	KASSERT((ex), ("Assertion %s failed at %s:%d", what, file, line))
#endif

#define	CTASSERT(x)	_Static_assert(x, "compile-time assertion failed")

#endif /* !_SYS_KASSERT_H_ */
