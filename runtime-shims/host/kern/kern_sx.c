/*
 * KmodSharp host harness: sx(9).  The lock word is 0 when free, the owning
 * thread when held exclusively, and (sharers << 4 | 1) when held shared.
 * With one thread, waiting for an sx lock held by that thread would never
 * end; a debug kernel reports that as a panic.  Taking an sx lock may
 * sleep, so WITNESS checks it against held mutexes.
 */
#include <stddef.h>

#include "kms_kern.h"

#define	KMS_SX_RECURSE		0x20
#define	KMS_SX_NOWITNESS	0x04
#define	KMS_SX_DUPOK		0x01
#define	KMS_SX_NEW		0x40
#define	KMS_SX_SHARED		0x01
#define	KMS_SX_ONE_SHARER	0x10
#define	KMS_SX_DESTROYED	0x06
#define	KMS_LO_INITIALIZED	0x00010000
#define	KMS_LO_WITNESS		0x00020000
#define	KMS_LO_RECURSABLE	0x00080000
#define	KMS_LO_SLEEPABLE	0x00100000
#define	KMS_LO_DUPOK		0x00400000
#define	KMS_LO_CLASS_SX		(3 << 24)
#define	KMS_LA_LOCKED		0x00000001
#define	KMS_LA_SLOCKED		0x00000002
#define	KMS_LA_XLOCKED		0x00000004

struct kms_sx_args {
	struct kms_sx	*sa_sx;
	const char	*sa_desc;
	int		sa_flags;
};

void	sx_sysinit(const void *arg);
void	sx_init_flags(struct kms_sx *sx, const char *description, int opts);
void	sx_destroy(struct kms_sx *sx);
int	sx_try_slock_int(struct kms_sx *sx, const char *file, int line);
int	sx_try_xlock_int(struct kms_sx *sx, const char *file, int line);
int	_sx_slock(struct kms_sx *sx, int opts, const char *file, int line);
int	_sx_xlock(struct kms_sx *sx, int opts, const char *file, int line);
void	_sx_sunlock(struct kms_sx *sx, const char *file, int line);
void	_sx_xunlock(struct kms_sx *sx, const char *file, int line);
int	sx_try_upgrade_int(struct kms_sx *sx, const char *file, int line);
void	sx_downgrade_int(struct kms_sx *sx, const char *file, int line);
void	_sx_assert(const struct kms_sx *sx, int what, const char *file,
	    int line);

static void
check_usable(struct kms_sx *sx, const char *fn, const char *file, int line)
{

	if ((sx->lock_object.lo_flags & KMS_LO_INITIALIZED) == 0)
		kms_panic("%s: sx %p not initialized @ %s:%d", fn, (void *)sx,
		    file, line);
	if (sx->sx_lock == KMS_SX_DESTROYED)
		kms_panic("%s() of destroyed sx %s @ %s:%d", fn,
		    sx->lock_object.lo_name, file, line);
}

void
sx_init_flags(struct kms_sx *sx, const char *description, int opts)
{
	unsigned int flags;

	if ((opts & KMS_SX_NEW) == 0 &&
	    (sx->lock_object.lo_flags & KMS_LO_INITIALIZED) != 0 &&
	    sx->sx_lock != KMS_SX_DESTROYED)
		kms_panic("lock \"%s\" %p already initialized", description,
		    (void *)sx);
	flags = KMS_LO_INITIALIZED | KMS_LO_CLASS_SX | KMS_LO_SLEEPABLE;
	if ((opts & KMS_SX_RECURSE) != 0)
		flags |= KMS_LO_RECURSABLE;
	if ((opts & KMS_SX_NOWITNESS) == 0)
		flags |= KMS_LO_WITNESS;
	if ((opts & KMS_SX_DUPOK) != 0)
		flags |= KMS_LO_DUPOK;
	sx->lock_object.lo_name = description;
	sx->lock_object.lo_flags = flags;
	sx->lock_object.lo_data = 0;
	sx->lock_object.lo_witness = kms_witness_type(description);
	sx->sx_lock = 0;
}

void
sx_sysinit(const void *arg)
{
	const struct kms_sx_args *sargs = arg;

	sx_init_flags(sargs->sa_sx, sargs->sa_desc, sargs->sa_flags);
}

void
sx_destroy(struct kms_sx *sx)
{

	check_usable(sx, "sx_destroy", "?", 0);
	if (sx->sx_lock != 0)
		kms_panic("sx lock %s still held at destroy",
		    sx->lock_object.lo_name);
	sx->sx_lock = KMS_SX_DESTROYED;
}

static int
sx_lock_common(struct kms_sx *sx, bool exclusive, bool try, const char *file,
    int line)
{
	uintptr_t td = (uintptr_t)kms_curthread();

	check_usable(sx, exclusive ? "sx_xlock" : "sx_slock", file, line);
	if (sx->sx_lock != 0) {
		if (try)
			return (0);
		if (sx->sx_lock == td) {
			if ((sx->lock_object.lo_flags & KMS_LO_RECURSABLE) == 0)
				kms_panic("_sx_xlock_hard: recursed on "
				    "non-recursive sx %s @ %s:%d",
				    sx->lock_object.lo_name, file, line);
			if (!exclusive)
				kms_panic("sx_slock: sx %s already held "
				    "exclusively by this thread @ %s:%d",
				    sx->lock_object.lo_name, file, line);
			sx->lock_object.lo_data++;
			return (1);
		}
		/* Held shared, and this is the only thread. */
		if (exclusive)
			kms_panic("sx_xlock: sx %s is share-locked by this "
			    "thread; waiting for it would never end @ %s:%d",
			    sx->lock_object.lo_name, file, line);
		if ((sx->lock_object.lo_flags & KMS_LO_RECURSABLE) == 0)
			kms_panic("sx_slock: recursed on non-recursive sx %s "
			    "@ %s:%d", sx->lock_object.lo_name, file, line);
		sx->sx_lock += KMS_SX_ONE_SHARER;
		return (1);
	}
	kms_witness_sleep(exclusive ? "sx_xlock" : "sx_slock");
	kms_witness_acquire(&sx->lock_object, true, exclusive, file, line);
	sx->sx_lock = exclusive ? td : (KMS_SX_ONE_SHARER | KMS_SX_SHARED);
	return (1);
}

int
_sx_xlock(struct kms_sx *sx, int opts, const char *file, int line)
{

	(void)opts;
	(void)sx_lock_common(sx, true, false, file, line);
	return (0);
}

int
_sx_slock(struct kms_sx *sx, int opts, const char *file, int line)
{

	(void)opts;
	(void)sx_lock_common(sx, false, false, file, line);
	return (0);
}

int
sx_try_xlock_int(struct kms_sx *sx, const char *file, int line)
{

	return (sx_lock_common(sx, true, true, file, line));
}

int
sx_try_slock_int(struct kms_sx *sx, const char *file, int line)
{

	return (sx_lock_common(sx, false, true, file, line));
}

void
_sx_xunlock(struct kms_sx *sx, const char *file, int line)
{

	check_usable(sx, "sx_xunlock", file, line);
	if (sx->sx_lock != (uintptr_t)kms_curthread()) {
		kms_violation("sx_xunlock of sx \"%s\" not held exclusively "
		    "(%s:%d)", sx->lock_object.lo_name, file, line);
		return;
	}
	if (sx->lock_object.lo_data > 0) {
		sx->lock_object.lo_data--;
		return;
	}
	kms_witness_release(&sx->lock_object, file, line);
	sx->sx_lock = 0;
}

void
_sx_sunlock(struct kms_sx *sx, const char *file, int line)
{

	check_usable(sx, "sx_sunlock", file, line);
	if ((sx->sx_lock & KMS_SX_SHARED) == 0 ||
	    sx->sx_lock < KMS_SX_ONE_SHARER) {
		kms_violation("sx_sunlock of sx \"%s\" not held shared "
		    "(%s:%d)", sx->lock_object.lo_name, file, line);
		return;
	}
	sx->sx_lock -= KMS_SX_ONE_SHARER;
	if (sx->sx_lock == KMS_SX_SHARED) {
		kms_witness_release(&sx->lock_object, file, line);
		sx->sx_lock = 0;
	}
}

int
sx_try_upgrade_int(struct kms_sx *sx, const char *file, int line)
{

	check_usable(sx, "sx_try_upgrade", file, line);
	if (sx->sx_lock != (KMS_SX_ONE_SHARER | KMS_SX_SHARED))
		return (0);
	sx->sx_lock = (uintptr_t)kms_curthread();
	return (1);
}

void
sx_downgrade_int(struct kms_sx *sx, const char *file, int line)
{

	check_usable(sx, "sx_downgrade", file, line);
	if (sx->sx_lock != (uintptr_t)kms_curthread())
		kms_panic("sx_downgrade: sx %s not held exclusively @ %s:%d",
		    sx->lock_object.lo_name, file, line);
	sx->sx_lock = KMS_SX_ONE_SHARER | KMS_SX_SHARED;
}

/*
 * What a kernel with INVARIANT_SUPPORT exports for modules built with
 * INVARIANTS; a module build has none, so its sx_assert() is (void)0.
 */
void
_sx_assert(const struct kms_sx *sx, int what, const char *file, int line)
{
	bool x = sx->sx_lock == (uintptr_t)kms_curthread();
	bool s = (sx->sx_lock & KMS_SX_SHARED) != 0 &&
	    sx->sx_lock >= KMS_SX_ONE_SHARER;

	if ((what & KMS_LA_XLOCKED) != 0 && !x)
		kms_panic("Lock %s not exclusively locked @ %s:%d",
		    sx->lock_object.lo_name, file, line);
	else if ((what & KMS_LA_SLOCKED) != 0 && !s)
		kms_panic("Lock %s not share locked @ %s:%d",
		    sx->lock_object.lo_name, file, line);
	else if ((what & KMS_LA_LOCKED) != 0 && !x && !s)
		kms_panic("Lock %s not locked @ %s:%d",
		    sx->lock_object.lo_name, file, line);
	else if (what == 0 && (x || s))
		kms_panic("Lock %s locked @ %s:%d", sx->lock_object.lo_name,
		    file, line);
}
