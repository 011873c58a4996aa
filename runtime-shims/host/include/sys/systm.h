/*
 * KmodSharp host harness: kernel support functions, declared with FreeBSD
 * 15's prototypes (sys/sys/systm.h).  Functions whose names clash with the
 * host C library keep FreeBSD's prototype but are bound to a kms_kern_*
 * symbol with an assembler label, so the harness's own libc is untouched.
 */
#ifndef _SYS_SYSTM_H_
#define	_SYS_SYSTM_H_

#include <sys/types.h>
#include <sys/kassert.h>
#include <sys/stdint.h>
#include <machine/atomic.h>
#include <sys/param.h>
#include <sys/pcpu.h>
#include <sys/libkern.h>

__NULLABILITY_PRAGMA_PUSH

#ifdef _KERNEL
#include <machine/stdarg.h>

extern int cold;
extern int rebooting;
extern const char *panicstr;
extern char version[];
extern char ostype[];
extern int osreldate;
extern u_long physmem;
extern int bootverbose;
extern int hz;

struct thread;
struct ucred;

void	critical_enter(void);
void	critical_exit(void);

int	printf(const char *, ...)
	    __asm__("kms_kern_printf") __printflike(1, 2);
int	vprintf(const char *, __va_list)
	    __asm__("kms_kern_vprintf") __printflike(1, 0);
int	snprintf(char *, size_t, const char *, ...)
	    __asm__("kms_kern_snprintf") __printflike(3, 4);
int	vsnprintf(char *, size_t, const char *, __va_list)
	    __asm__("kms_kern_vsnprintf") __printflike(3, 0);
int	sprintf(char *buf, const char *, ...)
	    __asm__("kms_kern_sprintf") __printflike(2, 3);
int	uprintf(const char *, ...) __printflike(1, 2);
void	log(int, const char *, ...)
	    __asm__("kms_kern_log") __printflike(2, 3);

void	*memset(void * _Nonnull buf, int c, size_t len);
void	*memcpy(void * _Nonnull to, const void * _Nonnull from, size_t len);
void	*memmove(void * _Nonnull dest, const void * _Nonnull src, size_t n);
int	memcmp(const void *b1, const void *b2, size_t len);
void	explicit_bzero(void * _Nonnull, size_t);
#define	bzero(buf, len)		__builtin_memset((buf), 0, (len))
#define	bcopy(from, to, len)	__builtin_memmove((to), (from), (len))
#define	bcmp(b1, b2, len)	__builtin_memcmp((b1), (b2), (len))
#define	memset(buf, c, len)	__builtin_memset((buf), (c), (len))
#define	memcpy(to, from, len)	__builtin_memcpy((to), (from), (len))
#define	memmove(dest, src, n)	__builtin_memmove((dest), (src), (n))
#define	memcmp(b1, b2, len)	__builtin_memcmp((b1), (b2), (len))

int __result_use_check copyinstr(const void * __restrict udaddr,
	    void * _Nonnull __restrict kaddr, size_t len,
	    size_t * __restrict lencopied);
int __result_use_check copyin(const void * __restrict udaddr,
	    void * _Nonnull __restrict kaddr, size_t len);
int __result_use_check copyin_nofault(const void * __restrict udaddr,
	    void * _Nonnull __restrict kaddr, size_t len);
__nodiscard int copyout(const void * _Nonnull __restrict kaddr,
	    void * __restrict udaddr, size_t len);
__nodiscard int copyout_nofault(const void * _Nonnull __restrict kaddr,
	    void * __restrict udaddr, size_t len);

int	fubyte(volatile const void *base);
long	fuword(volatile const void *base);
int	fuword16(volatile const void *base);
int32_t	fuword32(volatile const void *base);
int64_t	fuword64(volatile const void *base);
int __result_use_check fueword(volatile const void *base, long *val);
int __result_use_check fueword32(volatile const void *base, int32_t *val);
int __result_use_check fueword64(volatile const void *base, int64_t *val);
__nodiscard int subyte(volatile void *base, int byte);
__nodiscard int suword(volatile void *base, long word);
__nodiscard int suword16(volatile void *base, int word);
__nodiscard int suword32(volatile void *base, int32_t word);
__nodiscard int suword64(volatile void *base, int64_t word);
uint32_t casuword32(volatile uint32_t *base, uint32_t oldval,
	    uint32_t newval);
u_long	casuword(volatile u_long *p, u_long oldval, u_long newval);
int	casueword32(volatile uint32_t *base, uint32_t oldval,
	    uint32_t *oldvalp, uint32_t newval);
int	casueword(volatile u_long *p, u_long oldval, u_long *oldvalp,
	    u_long newval);

/* Sleeping and waking up. */
struct lock_object;
int	_sleep(const void * _Nonnull chan, struct lock_object *lock,
	    int pri, const char *wmesg, sbintime_t sbt, sbintime_t pr,
	    int flags);
#define	C_ABSOLUTE	0x0200
#define	SBT_1S		((sbintime_t)1 << 32)
#define	SBT_1MS		(SBT_1S / 1000)
#define	tick_sbt	(SBT_1S / hz)
#define	msleep(chan, mtx, pri, wmesg, timo)				\
	_sleep((chan), &(mtx)->lock_object, (pri), (wmesg),		\
	    tick_sbt * (timo), 0, C_HARDCLOCK)
#define	tsleep(chan, pri, wmesg, timo)					\
	_sleep((chan), NULL, (pri), (wmesg), tick_sbt * (timo), 0,	\
	    C_HARDCLOCK)
#define	C_HARDCLOCK	0x0100
int	pause_sbt(const char *wmesg, sbintime_t sbt, sbintime_t pr,
	    int flags);
#define	pause(wmesg, timo)						\
	pause_sbt((wmesg), tick_sbt * (timo), 0, C_HARDCLOCK)
void	wakeup(const void *chan);
void	wakeup_one(const void *chan);
void	wakeup_any(const void *chan);

#endif /* _KERNEL */

__NULLABILITY_PRAGMA_POP

#endif /* !_SYS_SYSTM_H_ */
