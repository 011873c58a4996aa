/*
 * KmodSharp host harness, userland shim: FreeBSD's <sys/module.h> as a
 * program sees it (struct module_stat, modfind(2), modstat(2)), for Linux
 * hosts that have none.  Layout as in FreeBSD 15's sys/sys/module.h.
 */
#ifndef _KMS_USER_SYS_MODULE_H_
#define	_KMS_USER_SYS_MODULE_H_

#include <sys/types.h>

#define	MAXMODNAMEV1V2	32
#define	MAXMODNAMEV3	1024
#define	MAXMODNAME	MAXMODNAMEV3

typedef union modspecific {
	int		intval;
	unsigned int	uintval;
	long		longval;
	unsigned long	ulongval;
} modspecific_t;

struct module_stat {
	int		version;	/* set to sizeof(struct module_stat) */
	char		name[MAXMODNAME];
	int		refs;
	int		id;
	modspecific_t	data;
};

int	modstat(int _modid, struct module_stat *_stat);
int	modfind(const char *_name);

#endif /* !_KMS_USER_SYS_MODULE_H_ */
