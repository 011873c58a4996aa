/*
 * KmodSharp host harness: time (<sys/time.h>, with <sys/_timespec.h> and
 * <sys/_timeval.h>).  FreeBSD's names and types; the emulated kernel's clock
 * stands still (kern/kern_tc.c), so a test sees the same time on every run.
 */
#ifndef _SYS_TIME_H_
#define	_SYS_TIME_H_

#include <sys/types.h>

struct timespec {
	time_t	tv_sec;
	long	tv_nsec;
};

struct timeval {
	time_t		tv_sec;
	suseconds_t	tv_usec;
};

#ifdef _KERNEL
extern volatile time_t	time_second;
extern volatile time_t	time_uptime;

void	nanotime(struct timespec *tsp);
void	getnanotime(struct timespec *tsp);
void	getmicrouptime(struct timeval *tvp);
#endif

#endif /* !_SYS_TIME_H_ */
