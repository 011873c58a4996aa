/*
 * KmodSharp host harness: a small WITNESS.
 *
 * It tracks the locks the (single) thread holds and the order in which lock
 * types have been taken, and reports what a GENERIC-DEBUG kernel reports: a
 * sleep (M_WAITOK malloc, copyin/copyout, an sx lock, tsleep/pause) while a
 * mutex is held, a lock order reversal, a lock of the same type taken twice
 * without DUPOK, an unlock of a lock that is not held, and a return to user
 * space with a lock held.  Each is a violation that fails the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

#define	KMS_LO_SLEEPABLE	0x00100000
#define	KMS_LO_DUPOK		0x00400000
#define	KMS_LO_WITNESS		0x00020000
#define	KMS_MAXHELD		64
#define	KMS_MAXWITNESS		256

struct kms_witness {
	char	*name;
	int	index;
};

struct held {
	struct kms_lock_object	*lo;
	bool			exclusive;
	const char		*file;
	int			line;
};

static struct held held[KMS_MAXHELD];
static int nheld;
static struct kms_witness *witnesses[KMS_MAXWITNESS];
static int nwitness;
/* order[a][b]: a lock of type a was held while one of type b was taken. */
static bool order[KMS_MAXWITNESS][KMS_MAXWITNESS];

struct kms_witness *
kms_witness_type(const char *name)
{
	struct kms_witness *w;
	int i;

	for (i = 0; i < nwitness; i++)
		if (strcmp(witnesses[i]->name, name) == 0)
			return (witnesses[i]);
	if (nwitness == KMS_MAXWITNESS)
		kms_panic("witness: too many lock types");
	w = calloc(1, sizeof(*w));
	if (w == NULL || (w->name = strdup(name)) == NULL)
		abort();
	w->index = nwitness;
	witnesses[nwitness++] = w;
	return (w);
}

/* Is there an established path from type a to type b? */
static bool
witness_reaches(int a, int b)
{
	bool seen[KMS_MAXWITNESS] = { false };
	int stack[KMS_MAXWITNESS], sp = 0, i, n;

	stack[sp++] = a;
	seen[a] = true;
	while (sp > 0) {
		n = stack[--sp];
		if (n == b)
			return (true);
		for (i = 0; i < nwitness; i++) {
			if (order[n][i] && !seen[i]) {
				seen[i] = true;
				stack[sp++] = i;
			}
		}
	}
	return (false);
}

bool
kms_witness_owned(const struct kms_lock_object *lo)
{
	int i;

	for (i = 0; i < nheld; i++)
		if (held[i].lo == lo)
			return (true);
	return (false);
}

/*
 * Record an acquisition.  A sleepable lock taken under a mutex has already
 * been reported by kms_witness_sleep, which the sx code calls first.
 */
void
kms_witness_acquire(struct kms_lock_object *lo, bool sleepable,
    bool exclusive, const char *file, int line)
{
	struct kms_witness *w, *hw;
	int i;

	(void)sleepable;
	if (nheld == KMS_MAXHELD)
		kms_panic("witness: too many locks held");
	if (lo->lo_witness == NULL)
		lo->lo_witness = kms_witness_type(lo->lo_name);
	w = lo->lo_witness;
	if ((lo->lo_flags & KMS_LO_WITNESS) != 0) {
		for (i = 0; i < nheld; i++) {
			hw = held[i].lo->lo_witness;
			if ((held[i].lo->lo_flags & KMS_LO_WITNESS) == 0)
				continue;
			if (hw == w) {
				if ((lo->lo_flags & KMS_LO_DUPOK) == 0)
					kms_violation("acquiring duplicate lock "
					    "of same type: \"%s\" (1st %s:%d, "
					    "2nd %s:%d)", w->name,
					    held[i].file, held[i].line, file,
					    line);
				continue;
			}
			if (witness_reaches(w->index, hw->index))
				kms_violation("lock order reversal: 1st \"%s\" "
				    "(%s:%d), 2nd \"%s\" (%s:%d); the "
				    "established order is \"%s\" before "
				    "\"%s\"", hw->name, held[i].file,
				    held[i].line, w->name, file, line,
				    w->name, hw->name);
			else
				order[hw->index][w->index] = true;
		}
	}
	held[nheld].lo = lo;
	held[nheld].exclusive = exclusive;
	held[nheld].file = file;
	held[nheld].line = line;
	nheld++;
}

void
kms_witness_release(struct kms_lock_object *lo, const char *file, int line)
{
	int i;

	for (i = nheld - 1; i >= 0; i--) {
		if (held[i].lo == lo) {
			memmove(&held[i], &held[i + 1],
			    (size_t)(nheld - i - 1) * sizeof(held[0]));
			nheld--;
			return;
		}
	}
	kms_violation("unlock of lock \"%s\" that is not held (%s:%d)",
	    lo->lo_name, file, line);
}

void
kms_witness_forget(const struct kms_lock_object *lo)
{
	int i;

	for (i = nheld - 1; i >= 0; i--) {
		if (held[i].lo == lo) {
			memmove(&held[i], &held[i + 1],
			    (size_t)(nheld - i - 1) * sizeof(held[0]));
			nheld--;
		}
	}
}

void
kms_witness_sleep(const char *what)
{
	int i;

	for (i = 0; i < nheld; i++) {
		if ((held[i].lo->lo_flags & KMS_LO_SLEEPABLE) == 0)
			kms_violation("%s may sleep with non-sleepable lock "
			    "\"%s\" held (locked at %s:%d)", what,
			    held[i].lo->lo_name, held[i].file, held[i].line);
	}
}

/*
 * userret(): FreeBSD panics a debug kernel here.  The harness reports the
 * lock and forgets it (marking it unlocked), so the run can go on to its
 * report.
 */
void
kms_witness_userret(const char *name)
{
	struct kms_lock_object *lo;

	while (nheld > 0) {
		lo = held[nheld - 1].lo;
		kms_violation("%s: returning to user space with lock \"%s\" "
		    "held (locked at %s:%d)", name, lo->lo_name,
		    held[nheld - 1].file, held[nheld - 1].line);
		nheld--;
		/* struct mtx and struct sx both put the lock word here. */
		((struct kms_mtx *)(void *)lo)->mtx_lock = 0;
		lo->lo_data = 0;
	}
}
