/* KmodSharp host harness: amd64 machine parameters (<machine/param.h>). */
#ifndef _MACHINE_PARAM_H_
#define	_MACHINE_PARAM_H_

#define	MACHINE		"amd64"
#define	MACHINE_ARCH	"amd64"
#define	MAXCPU		1024
#define	MAXMEMDOM	8
#define	CACHE_LINE_SHIFT	6
#define	CACHE_LINE_SIZE		(1 << CACHE_LINE_SHIFT)
#define	PAGE_SHIFT	12
#define	PAGE_SIZE	(1 << PAGE_SHIFT)
#define	PAGE_MASK	(PAGE_SIZE - 1)
#define	KSTACK_PAGES	4
#define	ALIGNBYTES	(sizeof(long) - 1)
#define	_ALIGN(p)	(((__uintptr_t)(p) + ALIGNBYTES) & ~ALIGNBYTES)

#endif /* !_MACHINE_PARAM_H_ */
