/* KmodSharp host harness: jails (<sys/jail.h>), as far as modules see them. */
#ifndef _SYS_JAIL_H_
#define	_SYS_JAIL_H_

#include <sys/types.h>

#ifdef _KERNEL
struct ucred;

struct prison {
	int		pr_id;
	int		pr_securelevel;
	struct prison	*pr_parent;
	char		pr_name[MAXHOSTNAMELEN];
};

extern struct prison prison0;

#define	jailed(cred)	(cred->cr_prison != &prison0)

int	prison_priv_check(struct ucred *cred, int priv);
int	prison_check(struct ucred *cred1, struct ucred *cred2);
#endif

#endif /* !_SYS_JAIL_H_ */
