/* KmodSharp host harness: NULL, as FreeBSD's <sys/_null.h> defines it. */
#ifndef NULL
#define	NULL	((void *)0)
#endif
