/*
 * KmodSharp host harness: mutexes, mtx(9), with FreeBSD 15's option values
 * and the KLD calling convention (function calls on &m->mtx_lock with file
 * and line, as modules built without KLD_TIED use).
 */
#ifndef _SYS_MUTEX_H_
#define	_SYS_MUTEX_H_

#include <sys/types.h>
#include <sys/_lock.h>
#include <sys/_mutex.h>
#include <sys/lock.h>
#include <sys/pcpu.h>

#define	MTX_DEF		0x00000000
#define	MTX_SPIN	0x00000001
#define	MTX_RECURSE	0x00000004
#define	MTX_NOWITNESS	0x00000008
#define	MTX_NOPROFILE	0x00000020
#define	MTX_NEW		0x00000040
#define	MTX_QUIET	LOP_QUIET
#define	MTX_DUPOK	LOP_DUPOK

#define	MTX_UNOWNED	0x00000000
#define	MTX_RECURSED	0x00000001
#define	MTX_CONTESTED	0x00000002
#define	MTX_DESTROYED	0x00000004
#define	MTX_FLAGMASK	(MTX_RECURSED | MTX_CONTESTED | MTX_DESTROYED)

#ifdef _KERNEL
void	_mtx_init(volatile uintptr_t *c, const char *name, const char *type,
	    int opts);
void	_mtx_destroy(volatile uintptr_t *c);
void	mtx_sysinit(const void *arg);
int	_mtx_trylock_flags_(volatile uintptr_t *c, int opts, const char *file,
	    int line);
void	__mtx_lock_flags(volatile uintptr_t *c, int opts, const char *file,
	    int line);
void	__mtx_unlock_flags(volatile uintptr_t *c, int opts, const char *file,
	    int line);
void	__mtx_lock_spin_flags(volatile uintptr_t *c, int opts,
	    const char *file, int line);
int	__mtx_trylock_spin_flags(volatile uintptr_t *c, int opts,
	    const char *file, int line);
void	__mtx_unlock_spin_flags(volatile uintptr_t *c, int opts,
	    const char *file, int line);

#define	mtx_init(m, n, t, o)						\
	_mtx_init(&(m)->mtx_lock, n, t, o)
#define	mtx_destroy(m)							\
	_mtx_destroy(&(m)->mtx_lock)
#define	mtx_lock_flags(m, opts)						\
	__mtx_lock_flags(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
#define	mtx_unlock_flags(m, opts)					\
	__mtx_unlock_flags(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
#define	mtx_lock_spin_flags(m, opts)					\
	__mtx_lock_spin_flags(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
#define	mtx_unlock_spin_flags(m, opts)					\
	__mtx_unlock_spin_flags(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
#define	mtx_trylock_flags(m, opts)					\
	_mtx_trylock_flags_(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
#define	mtx_trylock_spin_flags(m, opts)					\
	__mtx_trylock_spin_flags(&(m)->mtx_lock, (opts), LOCK_FILE, LOCK_LINE)
/* A module is built without INVARIANTS: there, mtx_assert checks nothing. */
#define	mtx_assert(m, what)	(void)0

#define	mtx_lock(m)		mtx_lock_flags((m), 0)
#define	mtx_lock_spin(m)	mtx_lock_spin_flags((m), 0)
#define	mtx_trylock(m)		mtx_trylock_flags((m), 0)
#define	mtx_trylock_spin(m)	mtx_trylock_spin_flags((m), 0)
#define	mtx_unlock(m)		mtx_unlock_flags((m), 0)
#define	mtx_unlock_spin(m)	mtx_unlock_spin_flags((m), 0)
#define	mtx_owner(m)							\
	((struct thread *)((m)->mtx_lock & ~(uintptr_t)MTX_FLAGMASK))
#define	mtx_owned(m)		(mtx_owner(m) == curthread)
#define	mtx_name(m)		((m)->lock_object.lo_name)
#define	mtx_initialized(m)	((m)->lock_object.lo_flags & LO_INITIALIZED)

#define	mtx_sleep(chan, mtx, pri, wmesg, timo)				\
	_sleep((chan), &(mtx)->lock_object, (pri), (wmesg),		\
	    tick_sbt * (timo), 0, C_HARDCLOCK)

struct mtx_args {
	void		*ma_mtx;
	const char	*ma_desc;
	int		ma_opts;
};

#define	MTX_SYSINIT(name, mtx, desc, opts)				\
	static struct mtx_args name##_args = {				\
		(mtx),							\
		(desc),							\
		(opts)							\
	};								\
	SYSINIT(name##_mtx_sysinit, SI_SUB_LOCK, SI_ORDER_MIDDLE,	\
	    mtx_sysinit, &name##_args);					\
	SYSUNINIT(name##_mtx_sysuninit, SI_SUB_LOCK, SI_ORDER_MIDDLE,	\
	    _mtx_destroy, __DEVOLATILE(void *, &(mtx)->mtx_lock))
#endif /* _KERNEL */

#endif /* !_SYS_MUTEX_H_ */
