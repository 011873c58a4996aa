/*
 * KmodSharp host harness: mtx(9).  There is one thread, so a mutex is
 * either free or owned by it; trying to take an owned non-recursive mutex
 * would deadlock, which a debug kernel reports as a panic.  WITNESS-style
 * checks are in subr_witness.c.
 */
#include <stddef.h>

#include "kms_kern.h"

#define	KMS_MTX_SPIN		0x00000001
#define	KMS_MTX_RECURSE		0x00000004
#define	KMS_MTX_NOWITNESS	0x00000008
#define	KMS_MTX_NEW		0x00000040
#define	KMS_MTX_DUPOK		0x00000010
#define	KMS_MTX_DESTROYED	0x00000004
#define	KMS_LO_INITIALIZED	0x00010000
#define	KMS_LO_WITNESS		0x00020000
#define	KMS_LO_RECURSABLE	0x00080000
#define	KMS_LO_DUPOK		0x00400000
#define	KMS_LO_CLASS_SLEEPMTX	(1 << 24)
#define	KMS_LO_CLASS_SPINMTX	(2 << 24)
#define	KMS_LO_CLASSMASK	0x0f000000
#define	KMS_LA_XLOCKED		0x00000004
#define	KMS_LA_RECURSED		0x00000008
#define	KMS_LA_NOTRECURSED	0x00000010

struct kms_mtx_args {
	void		*ma_mtx;
	const char	*ma_desc;
	int		ma_opts;
};

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
void	__mtx_assert(const volatile uintptr_t *c, int what, const char *file,
	    int line);

static struct kms_mtx *
mtxlock2mtx(const volatile uintptr_t *c)
{

	return ((struct kms_mtx *)(uintptr_t)((const volatile char *)c -
	    offsetof(struct kms_mtx, mtx_lock)));
}

static void
check_usable(struct kms_mtx *m, const char *fn, const char *file, int line)
{

	if ((m->lock_object.lo_flags & KMS_LO_INITIALIZED) == 0)
		kms_panic("%s: mutex %p not initialized @ %s:%d", fn, (void *)m,
		    file, line);
	if (m->mtx_lock == KMS_MTX_DESTROYED)
		kms_panic("%s() of destroyed mutex %s @ %s:%d", fn,
		    m->lock_object.lo_name, file, line);
}

void
_mtx_init(volatile uintptr_t *c, const char *name, const char *type,
    int opts)
{
	struct kms_mtx *m = mtxlock2mtx(c);
	unsigned int flags;

	if ((opts & KMS_MTX_NEW) == 0 &&
	    (m->lock_object.lo_flags & KMS_LO_INITIALIZED) != 0 &&
	    m->mtx_lock != KMS_MTX_DESTROYED)
		kms_panic("lock \"%s\" %p already initialized", name,
		    (void *)m);
	flags = KMS_LO_INITIALIZED;
	flags |= (opts & KMS_MTX_SPIN) != 0 ? KMS_LO_CLASS_SPINMTX :
	    KMS_LO_CLASS_SLEEPMTX;
	if ((opts & KMS_MTX_RECURSE) != 0)
		flags |= KMS_LO_RECURSABLE;
	if ((opts & KMS_MTX_NOWITNESS) == 0)
		flags |= KMS_LO_WITNESS;
	if ((opts & KMS_MTX_DUPOK) != 0)
		flags |= KMS_LO_DUPOK;
	/*
	 * WITNESS orders lock types, which are named by mtx_init's type
	 * argument or, without one, by the lock's name.
	 */
	m->lock_object.lo_name = name;
	m->lock_object.lo_flags = flags;
	m->lock_object.lo_data = 0;
	m->lock_object.lo_witness = kms_witness_type(type != NULL ? type :
	    name);
	m->mtx_lock = 0;
}

void
_mtx_destroy(volatile uintptr_t *c)
{
	struct kms_mtx *m = mtxlock2mtx(c);

	if ((m->lock_object.lo_flags & KMS_LO_INITIALIZED) == 0)
		kms_panic("mtx_destroy: mutex %p not initialized", (void *)m);
	/* Destroying a mutex the thread owns is allowed; it is dropped. */
	if (m->mtx_lock != 0 && m->mtx_lock != KMS_MTX_DESTROYED)
		kms_witness_forget(&m->lock_object);
	m->mtx_lock = KMS_MTX_DESTROYED;
	m->lock_object.lo_data = 0;
}

void
mtx_sysinit(const void *arg)
{
	const struct kms_mtx_args *margs = arg;

	_mtx_init(&((struct kms_mtx *)margs->ma_mtx)->mtx_lock,
	    margs->ma_desc, NULL, margs->ma_opts);
}

static int
mtx_lock_common(volatile uintptr_t *c, bool spin, bool try,
    const char *file, int line)
{
	struct kms_mtx *m = mtxlock2mtx(c);
	bool isspin;

	check_usable(m, try ? "mtx_trylock" : "mtx_lock", file, line);
	isspin = (m->lock_object.lo_flags & KMS_LO_CLASSMASK) ==
	    KMS_LO_CLASS_SPINMTX;
	if (isspin != spin)
		kms_panic("%s of %s mutex %s @ %s:%d", spin ? "mtx_lock_spin" :
		    "mtx_lock", isspin ? "spin" : "sleep",
		    m->lock_object.lo_name, file, line);
	if (m->mtx_lock != 0) {
		if (try && (m->lock_object.lo_flags & KMS_LO_RECURSABLE) == 0)
			return (0);
		if ((m->lock_object.lo_flags & KMS_LO_RECURSABLE) == 0)
			kms_panic("_mtx_lock_sleep: recursed on non-recursive "
			    "mutex %s @ %s:%d", m->lock_object.lo_name, file,
			    line);
		m->lock_object.lo_data++;
		return (1);
	}
	kms_witness_acquire(&m->lock_object, false, true, file, line);
	m->mtx_lock = (uintptr_t)kms_curthread();
	if (spin)
		kms_curthread()->td_critnest++;
	return (1);
}

static void
mtx_unlock_common(volatile uintptr_t *c, bool spin, const char *file,
    int line)
{
	struct kms_mtx *m = mtxlock2mtx(c);

	check_usable(m, "mtx_unlock", file, line);
	if (m->mtx_lock == 0) {
		kms_violation("mtx_unlock of unowned mutex \"%s\" (%s:%d)",
		    m->lock_object.lo_name, file, line);
		return;
	}
	if (m->lock_object.lo_data > 0) {
		m->lock_object.lo_data--;
		return;
	}
	kms_witness_release(&m->lock_object, file, line);
	m->mtx_lock = 0;
	if (spin && kms_curthread()->td_critnest > 0)
		kms_curthread()->td_critnest--;
}

void
__mtx_lock_flags(volatile uintptr_t *c, int opts, const char *file, int line)
{

	(void)opts;
	(void)mtx_lock_common(c, false, false, file, line);
}

int
_mtx_trylock_flags_(volatile uintptr_t *c, int opts, const char *file,
    int line)
{

	(void)opts;
	return (mtx_lock_common(c, false, true, file, line));
}

void
__mtx_unlock_flags(volatile uintptr_t *c, int opts, const char *file,
    int line)
{

	(void)opts;
	mtx_unlock_common(c, false, file, line);
}

void
__mtx_lock_spin_flags(volatile uintptr_t *c, int opts, const char *file,
    int line)
{

	(void)opts;
	(void)mtx_lock_common(c, true, false, file, line);
}

int
__mtx_trylock_spin_flags(volatile uintptr_t *c, int opts, const char *file,
    int line)
{

	(void)opts;
	return (mtx_lock_common(c, true, true, file, line));
}

void
__mtx_unlock_spin_flags(volatile uintptr_t *c, int opts, const char *file,
    int line)
{

	(void)opts;
	mtx_unlock_common(c, true, file, line);
}

static bool
mtx_owned_by_curthread(const volatile uintptr_t *c)
{

	return (*c == (uintptr_t)kms_curthread());
}

/*
 * What a kernel with INVARIANT_SUPPORT exports for modules built with
 * INVARIANTS; a module build has none, so its mtx_assert() is (void)0.
 */
void
__mtx_assert(const volatile uintptr_t *c, int what, const char *file,
    int line)
{
	struct kms_mtx *m = mtxlock2mtx(c);
	bool owned = mtx_owned_by_curthread(c);

	if ((what & KMS_LA_XLOCKED) != 0) {
		if (!owned)
			kms_panic("mutex %s not owned at %s:%d",
			    m->lock_object.lo_name, file, line);
		if ((what & KMS_LA_RECURSED) != 0 &&
		    m->lock_object.lo_data == 0)
			kms_panic("mutex %s not recursed at %s:%d",
			    m->lock_object.lo_name, file, line);
		if ((what & KMS_LA_NOTRECURSED) != 0 &&
		    m->lock_object.lo_data != 0)
			kms_panic("mutex %s recursed at %s:%d",
			    m->lock_object.lo_name, file, line);
	} else if (owned)
		kms_panic("mutex %s owned at %s:%d", m->lock_object.lo_name,
		    file, line);
}
