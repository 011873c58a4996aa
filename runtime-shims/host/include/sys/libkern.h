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
static __inline int abs(int a) { return (a < 0 ? -a : a); }
static __inline long labs(long a) { return (a < 0 ? -a : a); }

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
