/*
 * KmodSharp host harness: malloc(9), with FreeBSD 15's flags, malloc_type
 * layout and MALLOC_DEFINE (sys/sys/malloc.h).  malloc, free and realloc
 * are bound to kms_kern_* symbols so they do not collide with libc.
 */
#ifndef _SYS_MALLOC_H_
#define	_SYS_MALLOC_H_

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/_lock.h>
#include <sys/_mutex.h>

#define	MINALLOCSIZE	UMA_SMALLEST_UNIT

#define	M_NOWAIT	0x0001
#define	M_WAITOK	0x0002
#define	M_NORECLAIM	0x0080
#define	M_ZERO		0x0100
#define	M_NOVM		0x0200
#define	M_USE_RESERVE	0x0400
#define	M_NODUMP	0x0800
#define	M_FIRSTFIT	0x1000
#define	M_BESTFIT	0x2000
#define	M_EXEC		0x4000
#define	M_NEXTFIT	0x8000

#define	M_VERSION	2024073001

/*
 * FreeBSD 15's layout.  FreeBSD points mti_stats at per-CPU statistics;
 * the emulated kernel points it at its own bookkeeping for the type.
 */
struct malloc_type_stats;

struct malloc_type_internal {
	uint32_t	mti_probes[2];
	u_char		mti_zone;
	struct malloc_type_stats *mti_stats;
	u_long		mti_spare[8];
};

struct malloc_type {
	struct malloc_type *ks_next;
	u_long		 ks_version;
	const char	*ks_shortdesc;
	struct malloc_type_internal ks_mti;
};

#define	MALLOC_MAX_NAME	32

#ifdef _KERNEL
#define	MALLOC_DEFINE(type, shortdesc, longdesc)			\
	struct malloc_type type[1] = {					\
		{							\
			.ks_next = NULL,				\
			.ks_version = M_VERSION,			\
			.ks_shortdesc = shortdesc,			\
		}							\
	};								\
	SYSINIT(type##_init, SI_SUB_KMEM, SI_ORDER_THIRD, malloc_init,	\
	    type);							\
	SYSUNINIT(type##_uninit, SI_SUB_KMEM, SI_ORDER_ANY,		\
	    malloc_uninit, type)

#define	MALLOC_DECLARE(type) \
	extern struct malloc_type type[1]

MALLOC_DECLARE(M_CACHE);
MALLOC_DECLARE(M_DEVBUF);
MALLOC_DECLARE(M_TEMP);

void	free(void *addr, struct malloc_type *type)
	    __asm__("kms_kern_free");
void	zfree(void *addr, struct malloc_type *type);
void	*malloc(size_t size, struct malloc_type *type, int flags)
	    __asm__("kms_kern_malloc")
	    __malloc_like __result_use_check __alloc_size(1);
void	*mallocarray(size_t nmemb, size_t size, struct malloc_type *type,
	    int flags) __malloc_like __result_use_check __alloc_size2(1, 2);
void	malloc_init(void *);
void	malloc_uninit(void *);
size_t	malloc_usable_size(const void *)
	    __asm__("kms_kern_malloc_usable_size");
void	*realloc(void *addr, size_t size, struct malloc_type *type, int flags)
	    __asm__("kms_kern_realloc") __result_use_check __alloc_size(2);
void	*reallocf(void *addr, size_t size, struct malloc_type *type,
	    int flags) __result_use_check __alloc_size(2);

#define	MUL_NO_OVERFLOW		(1UL << (sizeof(size_t) * 8 / 2))
static inline bool
WOULD_OVERFLOW(size_t nmemb, size_t size)
{

	return ((nmemb >= MUL_NO_OVERFLOW || size >= MUL_NO_OVERFLOW) &&
	    nmemb > 0 && __SIZE_T_MAX / nmemb < size);
}
#undef MUL_NO_OVERFLOW
#endif /* _KERNEL */

#endif /* !_SYS_MALLOC_H_ */
