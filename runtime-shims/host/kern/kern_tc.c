/*
 * KmodSharp host harness: the clock and the random stream a module reads
 * (nanotime(9), getnanotime, getmicrouptime, ticks, arc4random(9)).
 *
 * Both are deterministic so that a module's results can be compared with the
 * managed simulation (KmodSharp.Simulation.SimulatedClock), which models the
 * same values: the wall clock stands at 2026-01-01T00:00:00.123456789Z
 * (time_second, kern_synch.c), the uptime at 3600.123456789 s, and the
 * get*() variants return the time of the last tick (hz = 1000), as FreeBSD's
 * cached timehands do.  The random stream is splitmix64 from a fixed seed,
 * started over at every system call (kms_random_restart() in syscallenter),
 * as the simulation starts it over for every call it runs.
 */
#include <stdint.h>
#include <string.h>

#include "kms_kern.h"

struct kms_timespec {
	int64_t	tv_sec;
	long	tv_nsec;
};

struct kms_timeval {
	int64_t	tv_sec;
	long	tv_usec;
};

extern volatile int64_t time_second;	/* kern_synch.c */

void	nanotime(struct kms_timespec *tsp);
void	getnanotime(struct kms_timespec *tsp);
void	getmicrouptime(struct kms_timeval *tvp);
uint32_t arc4random(void);
void	arc4random_buf(void *ptr, size_t len);

#define	KMS_WALL_NSEC		123456789L
#define	KMS_UPTIME_SEC		3600
#define	KMS_UPTIME_NSEC		123456789L
#define	KMS_TICK_NSEC		1000000L	/* hz = 1000 */
#define	KMS_RANDOM_SEED		0x4b6d6f6453686172ULL	/* "KmodShar" */

volatile int ticks = (int)(KMS_UPTIME_SEC * 1000 + KMS_UPTIME_NSEC / KMS_TICK_NSEC);

static uint64_t random_state = KMS_RANDOM_SEED;

void
nanotime(struct kms_timespec *tsp)
{

	tsp->tv_sec = time_second;
	tsp->tv_nsec = KMS_WALL_NSEC;
}

void
getnanotime(struct kms_timespec *tsp)
{

	tsp->tv_sec = time_second;
	tsp->tv_nsec = KMS_WALL_NSEC - KMS_WALL_NSEC % KMS_TICK_NSEC;
}

void
getmicrouptime(struct kms_timeval *tvp)
{
	long nsec = KMS_UPTIME_NSEC - KMS_UPTIME_NSEC % KMS_TICK_NSEC;

	tvp->tv_sec = KMS_UPTIME_SEC;
	tvp->tv_usec = nsec / 1000;
}

void
kms_random_restart(void)
{

	random_state = KMS_RANDOM_SEED;
}

static uint64_t
splitmix64(void)
{
	uint64_t z;

	random_state += 0x9e3779b97f4a7c15ULL;
	z = random_state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

uint32_t
arc4random(void)
{

	return ((uint32_t)(splitmix64() >> 32));
}

/* Eight bytes per step, least significant first; the last step's tail is dropped. */
void
arc4random_buf(void *ptr, size_t len)
{
	unsigned char *p = ptr;
	uint64_t word = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (i % 8 == 0)
			word = splitmix64();
		p[i] = (unsigned char)(word >> (8 * (i % 8)));
	}
}
