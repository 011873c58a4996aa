/*
 * KmodSharp host harness: the kernel's small C library (<sys/libkern.h>).
 * The string functions have the C library's semantics, so they bind to the
 * host's (sanitizer-checked) implementations.
 */
#ifndef _SYS_LIBKERN_H_
#define	_SYS_LIBKERN_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#ifdef _KERNEL
static __inline int imax(int a, int b) { return (a > b ? a : b); }
static __inline int imin(int a, int b) { return (a < b ? a : b); }
static __inline long lmax(long a, long b) { return (a > b ? a : b); }
static __inline long lmin(long a, long b) { return (a < b ? a : b); }
static __inline u_int max(u_int a, u_int b) { return (a > b ? a : b); }
static __inline u_int min(u_int a, u_int b) { return (a < b ? a : b); }
static __inline u_long ulmax(u_long a, u_long b) { return (a > b ? a : b); }
static __inline u_long ulmin(u_long a, u_long b) { return (a < b ? a : b); }
static __inline quad_t qmax(quad_t a, quad_t b) { return (a > b ? a : b); }
static __inline quad_t qmin(quad_t a, quad_t b) { return (a < b ? a : b); }
static __inline u_quad_t uqmax(u_quad_t a, u_quad_t b) { return (a > b ? a : b); }
static __inline u_quad_t uqmin(u_quad_t a, u_quad_t b) { return (a < b ? a : b); }
static __inline int abs(int a) { return (a < 0 ? -a : a); }
static __inline long labs(long a) { return (a < 0 ? -a : a); }
static __inline quad_t qabs(quad_t a) { return (a < 0 ? -a : a); }

/* As FreeBSD 15 defines them (13 declares the same prototypes). */
static __inline int ffs(int mask) { return (__builtin_ffs((u_int)mask)); }
static __inline int ffsl(long mask) { return (__builtin_ffsl((u_long)mask)); }
static __inline int ffsll(long long mask) { return (__builtin_ffsll((unsigned long long)mask)); }
static __inline int fls(int mask) { return (mask == 0 ? 0 : 8 * (int)sizeof(mask) - __builtin_clz((u_int)mask)); }
static __inline int flsl(long mask) { return (mask == 0 ? 0 : 8 * (int)sizeof(mask) - __builtin_clzl((u_long)mask)); }
static __inline int flsll(long long mask) { return (mask == 0 ? 0 : 8 * (int)sizeof(mask) - __builtin_clzll((unsigned long long)mask)); }

#define	bitcount64(x)	__bitcount64((uint64_t)(x))
#define	bitcount32(x)	__bitcount32((uint32_t)(x))
#define	bitcountl(x)	__bitcountl((u_long)(x))
#define	__bitcount64(x)	__builtin_popcountll((__uint64_t)(x))
#define	__bitcount32(x)	__builtin_popcount((__uint32_t)(x))
#define	__bitcountl(x)	__builtin_popcountl((unsigned long)(x))

size_t	strlen(const char *);
size_t	strnlen(const char *, size_t);
int	strcmp(const char *, const char *);
int	strncmp(const char *, const char *, size_t);
char	*strcpy(char * __restrict, const char * __restrict);
char	*strncpy(char * __restrict, const char * __restrict, size_t);
char	*strcat(char * __restrict, const char * __restrict);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
char	*strstr(const char *, const char *);
size_t	strlcpy(char * __restrict, const char * __restrict, size_t)
	    __asm__("kms_kern_strlcpy");
size_t	strlcat(char * __restrict, const char * __restrict, size_t)
	    __asm__("kms_kern_strlcat");
uint32_t arc4random(void);
void	arc4random_buf(void *, size_t);
#endif

#endif /* !_SYS_LIBKERN_H_ */
