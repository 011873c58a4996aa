/*
 * KmodSharp host harness: credentials (<sys/ucred.h>).  The fields a
 * module may read carry FreeBSD's names and types; the emulated kernel owns
 * the structure and builds it from kmodsim's --uid/--jail/--capmode.
 */
#ifndef _SYS_UCRED_H_
#define	_SYS_UCRED_H_

#include <sys/types.h>
#include <bsm/audit.h>

struct label;
struct prison;

#define	CRED_FLAG_CAPMODE	0x00000001
#define	CRED_FLAG_GROUPSET	0x00000002

#define	XU_NGROUPS	16

struct ucred {
	long		cr_ref;
	u_int		cr_users;
	u_int		cr_flags;
	uid_t		cr_uid;
	uid_t		cr_ruid;
	uid_t		cr_svuid;
	gid_t		cr_gid;
	gid_t		cr_rgid;
	gid_t		cr_svgid;
	int		cr_ngroups;
	gid_t		*cr_groups;
	struct prison	*cr_prison;
	struct label	*cr_label;
};
#define	NOCRED	((struct ucred *)0)
#define	FSCRED	((struct ucred *)-1)

#ifdef _KERNEL
struct ucred	*crhold(struct ucred *cr);
void		crfree(struct ucred *cr);
bool		groupmember(gid_t gid, const struct ucred *cred);
#endif

#endif /* !_SYS_UCRED_H_ */
