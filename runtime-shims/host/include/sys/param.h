/*
 * KmodSharp host harness: system parameters, with FreeBSD 15's names and
 * values (sys/sys/param.h).
 */
#ifndef _SYS_PARAM_H_
#define	_SYS_PARAM_H_

#include <sys/_null.h>

#define	BSD	199506
#define	BSD4_3	1
#define	BSD4_4	1
#define	__FreeBSD_version	1501502
#define	P_OSREL_MAJOR(x)	((x) / 100000)

#include <sys/types.h>
#include <sys/cdefs.h>
#include <sys/errno.h>
#include <sys/limits.h>
#include <machine/param.h>

#define	PATH_MAX	1024
#define	MAXCOMLEN	19
#define	MAXINTERP	PATH_MAX
#define	MAXLOGNAME	33
#define	NGROUPS_MAX	1023
#define	NGROUPS		(NGROUPS_MAX + 1)
#define	NOFILE		64
#define	NOGROUP		65535
#define	MAXHOSTNAMELEN	256
#define	SPECNAMELEN	255
#define	MAXPATHLEN	PATH_MAX
#define	MAXSYMLINKS	32
#define	MAXBSIZE	65536
#define	NBBY		8
#define	NODEV		((dev_t)-1)

#define	PRIMASK		0x0ff
#define	PCATCH		0x100
#define	PDROP		0x200
#define	PNOLOCK		0x400

#define	setbit(a, i)	(((unsigned char *)(a))[(i) / NBBY] |= 1 << ((i) % NBBY))
#define	clrbit(a, i)	(((unsigned char *)(a))[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define	isset(a, i)	(((const unsigned char *)(a))[(i) / NBBY] & (1 << ((i) % NBBY)))
#define	isclr(a, i)	((((const unsigned char *)(a))[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)

#define	howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define	nitems(x)	(sizeof((x)) / sizeof((x)[0]))
#define	rounddown(x, y)	(((x) / (y)) * (y))
#define	rounddown2(x, y) ((x) & ~((y) - 1))
#define	roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define	roundup2(x, y)	(((x) + ((y) - 1)) & (~((y) - 1)))
#define	powerof2(x)	((((x) - 1) & (x)) == 0)
#define	MIN(a, b)	(((a) < (b)) ? (a) : (b))
#define	MAX(a, b)	(((a) > (b)) ? (a) : (b))

#define	trunc_page(x)	((x) & ~PAGE_MASK)
#define	round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)

#define	member2struct(s, m, x)	\
	((struct s *)(void *)((char *)(x) - offsetof(struct s, m)))

#endif /* !_SYS_PARAM_H_ */
