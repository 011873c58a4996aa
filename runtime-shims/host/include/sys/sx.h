/*
 * KmodSharp host harness: shared/exclusive locks, sx(9), with FreeBSD 15's
 * option values and function-call calling convention.
 */
#ifndef _SYS_SX_H_
#define	_SYS_SX_H_

#include <sys/types.h>
#include <sys/_lock.h>
#include <sys/_sx.h>
#include <sys/lock.h>
#ifdef _KERNEL
#include <sys/pcpu.h>
#endif

/*
 * Bits of the lock word: the emulated kernel keeps the exclusive owner
 * there, as FreeBSD does, so sx_xlocked() reads it the same way.
 */
#define	SX_LOCK_SHARED			0x01
#define	SX_LOCK_SHARED_WAITERS		0x02
#define	SX_LOCK_EXCLUSIVE_WAITERS	0x04
#define	SX_LOCK_WRITE_SPINNER		0x08
#define	SX_LOCK_RECURSED		0x10
#define	SX_LOCK_FLAGMASK						\
	(SX_LOCK_SHARED | SX_LOCK_SHARED_WAITERS |			\
	SX_LOCK_EXCLUSIVE_WAITERS | SX_LOCK_RECURSED | SX_LOCK_WRITE_SPINNER)

#ifdef _KERNEL
void	sx_sysinit(const void *arg);
void	sx_init_flags(struct sx *sx, const char *description, int opts);
void	sx_destroy(struct sx *sx);
int	sx_try_slock_int(struct sx *sx, const char *file, int line);
int	sx_try_xlock_int(struct sx *sx, const char *file, int line);
int	_sx_slock(struct sx *sx, int opts, const char *file, int line);
int	_sx_xlock(struct sx *sx, int opts, const char *file, int line);
void	_sx_sunlock(struct sx *sx, const char *file, int line);
void	_sx_xunlock(struct sx *sx, const char *file, int line);
int	sx_try_upgrade_int(struct sx *sx, const char *file, int line);
void	sx_downgrade_int(struct sx *sx, const char *file, int line);

#define	sx_init(sx, desc)	sx_init_flags((sx), (desc), 0)
#define	sx_xlock(sx)		(void)_sx_xlock((sx), 0, LOCK_FILE, LOCK_LINE)
#define	sx_xlock_sig(sx)						\
	_sx_xlock((sx), SX_INTERRUPTIBLE, LOCK_FILE, LOCK_LINE)
#define	sx_xunlock(sx)		_sx_xunlock((sx), LOCK_FILE, LOCK_LINE)
#define	sx_slock(sx)		(void)_sx_slock((sx), 0, LOCK_FILE, LOCK_LINE)
#define	sx_slock_sig(sx)						\
	_sx_slock((sx), SX_INTERRUPTIBLE, LOCK_FILE, LOCK_LINE)
#define	sx_sunlock(sx)		_sx_sunlock((sx), LOCK_FILE, LOCK_LINE)
#define	sx_try_slock(sx)	sx_try_slock_int((sx), LOCK_FILE, LOCK_LINE)
#define	sx_try_xlock(sx)	sx_try_xlock_int((sx), LOCK_FILE, LOCK_LINE)
#define	sx_try_upgrade(sx)	sx_try_upgrade_int((sx), LOCK_FILE, LOCK_LINE)
#define	sx_downgrade(sx)	sx_downgrade_int((sx), LOCK_FILE, LOCK_LINE)
/* A module is built without INVARIANTS: there, sx_assert checks nothing. */
#define	sx_assert(sx, what)	(void)0
#define	sx_xlocked(sx)							\
	(((sx)->sx_lock & ~(uintptr_t)(SX_LOCK_FLAGMASK & ~SX_LOCK_SHARED)) == \
	    (uintptr_t)curthread)
#define	sx_unlock(sx) do {						\
	if (sx_xlocked(sx))						\
		sx_xunlock(sx);						\
	else								\
		sx_sunlock(sx);						\
} while (0)

#define	sx_sleep(chan, sx, pri, wmesg, timo)				\
	_sleep((chan), &(sx)->lock_object, (pri), (wmesg),		\
	    tick_sbt * (timo), 0, C_HARDCLOCK)

struct sx_args {
	struct sx	*sa_sx;
	const char	*sa_desc;
	int		sa_flags;
};

#define	SX_SYSINIT_FLAGS(name, sxa, desc, flags)			\
	static struct sx_args name##_args = {				\
		(sxa),							\
		(desc),							\
		(flags)							\
	};								\
	SYSINIT(name##_sx_sysinit, SI_SUB_LOCK, SI_ORDER_MIDDLE,	\
	    sx_sysinit, &name##_args);					\
	SYSUNINIT(name##_sx_sysuninit, SI_SUB_LOCK, SI_ORDER_MIDDLE,	\
	    sx_destroy, (sxa))
#define	SX_SYSINIT(name, sxa, desc)	SX_SYSINIT_FLAGS(name, sxa, desc, 0)

/* Options of sx_init_flags(). */
#define	SX_DUPOK	0x01
#define	SX_NOPROFILE	0x02
#define	SX_NOWITNESS	0x04
#define	SX_QUIET	0x08
#define	SX_RECURSE	0x20
#define	SX_NEW		0x40

/* The option of _sx_slock() and _sx_xlock() behind the _sig variants. */
#define	SX_INTERRUPTIBLE	0x40
#endif /* _KERNEL */

#endif /* !_SYS_SX_H_ */
