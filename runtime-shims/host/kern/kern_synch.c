/*
 * KmodSharp host harness: sleeping and waking up (tsleep(9), msleep(9),
 * pause(9), wakeup(9)), critical sections, and the kernel's global
 * variables.
 *
 * The emulated kernel has a single thread, so nothing can issue a wakeup
 * while a system call sleeps: a sleep with a timeout returns EWOULDBLOCK
 * once the timeout has "elapsed", and a sleep without one could never end
 * and panics.  Every sleep is first checked by WITNESS.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kms_kern.h"

#define	KMS_PDROP	0x200

int	_sleep(const void *chan, struct kms_lock_object *lock, int pri,
	    const char *wmesg, int64_t sbt, int64_t pr, int flags);
int	pause_sbt(const char *wmesg, int64_t sbt, int64_t pr, int flags);
void	wakeup(const void *chan);
void	wakeup_one(const void *chan);
void	wakeup_any(const void *chan);
void	critical_enter(void);
void	critical_exit(void);
size_t	kms_kern_strlcpy(char *dst, const char *src, size_t dsize);
size_t	kms_kern_strlcat(char *dst, const char *src, size_t dsize);

int hz = 1000;
int tick = 1000000 / 1000;
int cold = 0;
int rebooting = 0;
int bootverbose = 0;
int osreldate = KMS_FREEBSD_VERSION;
const char *panicstr = NULL;
volatile int64_t time_second = 1767225600;
volatile int64_t time_uptime = 3600;	/* kern_tc.c's uptime */
unsigned long physmem = 262144;
char version[] = "FreeBSD 15.0-KMODSIM #0: emulated kernel (KmodSharp)\n";
char ostype[] = "FreeBSD";

int
_sleep(const void *chan, struct kms_lock_object *lock, int pri,
    const char *wmesg, int64_t sbt, int64_t pr, int flags)
{
	char what[128];
	bool held;

	(void)chan;
	(void)pr;
	(void)flags;
	held = lock != NULL && kms_witness_owned(lock);
	if (lock != NULL && !held)
		kms_panic("_sleep(\"%s\"): interlock %s not held", wmesg,
		    lock->lo_name);
	/* The interlock is dropped for the sleep, so it is not reported. */
	if (held)
		kms_witness_forget(lock);
	snprintf(what, sizeof(what), "sleep \"%s\"", wmesg);
	kms_witness_sleep(what);
	if (held)
		kms_witness_acquire(lock, false, true, "_sleep", 0);
	if (sbt <= 0)
		kms_panic("_sleep(\"%s\") without a timeout: nothing can wake "
		    "this single-threaded kernel", wmesg);
	if (held && (pri & KMS_PDROP) != 0) {
		kms_witness_forget(lock);
		((struct kms_mtx *)(void *)lock)->mtx_lock = 0;
	}
	return (KMS_EWOULDBLOCK);
}

int
pause_sbt(const char *wmesg, int64_t sbt, int64_t pr, int flags)
{
	char what[128];

	(void)pr;
	(void)flags;
	snprintf(what, sizeof(what), "pause \"%s\"", wmesg);
	kms_witness_sleep(what);
	if (sbt <= 0)
		kms_panic("pause(\"%s\") without a timeout", wmesg);
	return (KMS_EWOULDBLOCK);
}

/* No thread ever sleeps in the emulated kernel, so there is no one to wake. */
void
wakeup(const void *chan)
{

	(void)chan;
}

void
wakeup_one(const void *chan)
{

	(void)chan;
}

void
wakeup_any(const void *chan)
{

	(void)chan;
}

void
critical_enter(void)
{

	kms_curthread()->td_critnest++;
}

void
critical_exit(void)
{

	if (kms_curthread()->td_critnest == 0)
		kms_panic("critical_exit: td_critnest == 0");
	kms_curthread()->td_critnest--;
}

size_t
kms_kern_strlcpy(char *dst, const char *src, size_t dsize)
{
	size_t len = strlen(src);

	if (dsize != 0) {
		size_t n = len < dsize - 1 ? len : dsize - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

size_t
kms_kern_strlcat(char *dst, const char *src, size_t dsize)
{
	size_t dlen = strnlen(dst, dsize);

	if (dlen == dsize)
		return (dlen + strlen(src));
	return (dlen + kms_kern_strlcpy(dst + dlen, src, dsize - dlen));
}
