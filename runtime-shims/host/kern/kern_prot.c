/*
 * KmodSharp host harness: the one process and thread that make system
 * calls, their credential and process ids (from kmodsim's --uid, --jail,
 * --capmode and the identity options of kms_thread_option()), prison0, and priv_check(9) with FreeBSD's order of checks.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

#define	KMS_PRIV_LOWEST		1
#define	KMS_PRIV_HIGHEST	711
#define	KMS_PRIV_MAXFILES	3
#define	KMS_PRIV_MAXPROC	4
#define	KMS_PRIV_PROC_LIMIT	160

int	priv_check(struct kms_thread *td, int priv);
int	priv_check_cred(struct kms_ucred *cred, int priv);
int	prison_priv_check(struct kms_ucred *cred, int priv);
int	prison_check(struct kms_ucred *cred1, struct kms_ucred *cred2);
int	securelevel_gt(struct kms_ucred *cr, int level);
int	securelevel_ge(struct kms_ucred *cr, int level);
struct kms_ucred *crhold(struct kms_ucred *cr);
void	crfree(struct kms_ucred *cr);
static void identity_apply(void);
bool	groupmember(uint32_t gid, const struct kms_ucred *cred);

struct kms_prison prison0 = {
	.pr_id = 0,
	.pr_name = "0",
};

static struct kms_prison jail1 = {
	.pr_id = 1,
	.pr_parent = &prison0,
	.pr_name = "kmodsim",
};

#define	KMS_MAXGROUPS	16	/* XU_NGROUPS: enough for a test's group set */

static uint32_t groups[KMS_MAXGROUPS];
static struct kms_ucred cred0 = {
	.cr_ref = 1,
	.cr_users = 1,
	.cr_ngroups = 1,
	.cr_groups = groups,
	.cr_prison = &prison0,
};

struct kms_proc proc0 = {
	.p_ucred = &cred0,
	.p_pid = 1234,
	.p_oppid = 1,
	.p_comm = "kmodsim",
};

/*
 * Aligned as FreeBSD's thread zone aligns threads: lock words hold the
 * owner with flags in the low bits (sx_xlocked() masks bits 1 to 4).
 */
struct kms_thread thread0 __attribute__((__aligned__(32))) = {
	.td_proc = &proc0,
	.td_tid = 100123,
	.td_ucred = &cred0,
	.td_realucred = &cred0,
	.td_name = "kmodsim",
};

/*
 * Privileges prison_priv_check grants to a jail created with default
 * parameters (no allow.* flags, no VNET), from FreeBSD 15's kern_jail.c.
 */
static const int jail_allowed[] = {
	62,	/* PRIV_CRED_SETCRED */
	50,	/* PRIV_CRED_SETUID */
	51,	/* PRIV_CRED_SETEUID */
	52,	/* PRIV_CRED_SETGID */
	53,	/* PRIV_CRED_SETEGID */
	54,	/* PRIV_CRED_SETGROUPS */
	55,	/* PRIV_CRED_SETREUID */
	56,	/* PRIV_CRED_SETREGID */
	57,	/* PRIV_CRED_SETRESUID */
	58,	/* PRIV_CRED_SETRESGID */
	59,	/* PRIV_SEEOTHERGIDS */
	60,	/* PRIV_SEEOTHERUIDS */
	61,	/* PRIV_SEEJAILPROC */
	80,	/* PRIV_DEBUG_DIFFCRED */
	81,	/* PRIV_DEBUG_SUGID */
	82,	/* PRIV_DEBUG_UNPRIV */
	84,	/* PRIV_DEBUG_DIFFJAIL */
	160,	/* PRIV_PROC_LIMIT */
	161,	/* PRIV_PROC_SETLOGIN */
	162,	/* PRIV_PROC_SETRLIMIT */
	682,	/* PRIV_PROC_MEM_WRITE */
	170,	/* PRIV_IPC_READ */
	171,	/* PRIV_IPC_WRITE */
	172,	/* PRIV_IPC_ADMIN */
	173,	/* PRIV_IPC_MSGSIZE */
	180,	/* PRIV_MQ_ADMIN */
	110,	/* PRIV_JAIL_ATTACH */
	111,	/* PRIV_JAIL_SET */
	112,	/* PRIV_JAIL_REMOVE */
	200,	/* PRIV_SCHED_DIFFCRED */
	206,	/* PRIV_SCHED_CPUSET */
	209,	/* PRIV_SCHED_DIFFJAIL */
	230,	/* PRIV_SIGNAL_DIFFCRED */
	231,	/* PRIV_SIGNAL_SUGID */
	232,	/* PRIV_SIGNAL_DIFFJAIL */
	242,	/* PRIV_SYSCTL_WRITEJAIL */
	328,	/* PRIV_VFS_GETQUOTA */
	340,	/* PRIV_VFS_SETQUOTA */
	310,	/* PRIV_VFS_READ */
	311,	/* PRIV_VFS_WRITE */
	312,	/* PRIV_VFS_ADMIN */
	313,	/* PRIV_VFS_EXEC */
	316,	/* PRIV_VFS_CHFLAGS_DEV */
	317,	/* PRIV_VFS_CHOWN */
	318,	/* PRIV_VFS_CHROOT */
	319,	/* PRIV_VFS_RETAINSUGID */
	322,	/* PRIV_VFS_FCHROOT */
	329,	/* PRIV_VFS_LINK */
	339,	/* PRIV_VFS_SETGID */
	344,	/* PRIV_VFS_STAT */
	341,	/* PRIV_VFS_STICKYFILE */
	680,	/* PRIV_KMEM_READ */
	345,	/* PRIV_VFS_READ_DIR */
	504,	/* PRIV_NETINET_REUSEPORT */
	505,	/* PRIV_NETINET_SETHDROPTS */
	498,	/* PRIV_NETINET_GETCRED */
	163,	/* PRIV_PROC_SETLOGINCLASS */
	710,	/* PRIV_VMM_PPTDEV */
};

void
kms_thread_init(uint32_t uid, bool jail, bool capmode)
{

	cred0.cr_uid = cred0.cr_ruid = cred0.cr_svuid = uid;
	cred0.cr_gid = cred0.cr_rgid = cred0.cr_svgid = uid == 0 ? 0 : uid;
	groups[0] = cred0.cr_gid;
	cred0.cr_prison = jail ? &jail1 : &prison0;
	cred0.cr_flags = capmode ? KMS_CRED_FLAG_CAPMODE : 0;
	identity_apply();
}

/*
 * kmodsim's --ruid, --svuid, --gid, --rgid, --svgid, --groups G,G,...,
 * --ppid and --comm, kept until kms_thread_init() has set what --uid
 * implies, then laid over it.  Returns 1 when the option is one of these and
 * its value is good, -1 when its value is bad, 0 when it is another option.
 */
static struct {
	bool		set[5];
	uint32_t	id[5];
	int		ngroups;		/* -1: --groups not given */
	uint32_t	groups[KMS_MAXGROUPS];
	int32_t		ppid;			/* 0: not given */
	const char	*comm;
} identity = { .ngroups = -1 };

static const char *const identity_names[5] = {
	"--ruid", "--svuid", "--gid", "--rgid", "--svgid",
};

static int
parse_id(const char *s, char **end, uint32_t *id)
{
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return (-1);
	errno = 0;
	v = strtoull(s, end, 0);
	if (errno != 0 || v > UINT32_MAX)
		return (-1);
	*id = (uint32_t)v;
	return (0);
}

int
kms_thread_option(const char *option, const char *value)
{
	char *end;
	uint32_t id;
	int i;

	for (i = 0; i < 5; i++) {
		if (strcmp(option, identity_names[i]) != 0)
			continue;
		if (value == NULL || parse_id(value, &end, &id) != 0 ||
		    *end != '\0')
			return (-1);
		identity.set[i] = true;
		identity.id[i] = id;
		return (1);
	}
	if (strcmp(option, "--groups") == 0) {
		/* "" is the empty set; else ids separated by commas. */
		if (value == NULL)
			return (-1);
		identity.ngroups = 0;
		for (end = (char *)value; *end != '\0'; end++) {
			if (identity.ngroups == KMS_MAXGROUPS ||
			    parse_id(end, &end, &id) != 0 ||
			    (*end != ',' && *end != '\0'))
				return (-1);
			identity.groups[identity.ngroups++] = id;
			if (*end == '\0')
				break;
		}
		return (1);
	}
	if (strcmp(option, "--ppid") == 0) {
		if (value == NULL || parse_id(value, &end, &id) != 0 ||
		    *end != '\0' || id == 0 || id > INT32_MAX)
			return (-1);
		identity.ppid = (int32_t)id;
		return (1);
	}
	if (strcmp(option, "--comm") == 0) {
		if (value == NULL || strlen(value) > KMS_MAXCOMLEN)
			return (-1);
		identity.comm = value;
		return (1);
	}
	return (0);
}

static void
identity_apply(void)
{
	uint32_t *const fields[5] = { &cred0.cr_ruid, &cred0.cr_svuid,
	    &cred0.cr_gid, &cred0.cr_rgid, &cred0.cr_svgid };
	int i;

	for (i = 0; i < 5; i++)
		if (identity.set[i])
			*fields[i] = identity.id[i];
	if (identity.ngroups >= 0) {
		memcpy(groups, identity.groups,
		    (size_t)identity.ngroups * sizeof(groups[0]));
		cred0.cr_ngroups = identity.ngroups;
	}
	if (identity.ppid != 0)
		proc0.p_oppid = identity.ppid;
	if (identity.comm != NULL)
		snprintf(proc0.p_comm, sizeof(proc0.p_comm), "%s",
		    identity.comm);
}

/*
 * The one CPU's current thread, which the kernel world's static inline
 * __curthread() (machine/pcpu.h) reads.
 */
struct kms_thread *kms_pcpu_curthread = &thread0;

struct kms_thread *
kms_curthread(void)
{

	return (kms_pcpu_curthread);
}

int
prison_priv_check(struct kms_ucred *cred, int priv)
{
	size_t i;

	if (cred->cr_prison == &prison0)
		return (0);
	for (i = 0; i < sizeof(jail_allowed) / sizeof(jail_allowed[0]); i++)
		if (jail_allowed[i] == priv)
			return (0);
	return (KMS_EPERM);
}

int
prison_check(struct kms_ucred *cred1, struct kms_ucred *cred2)
{

	if (cred1->cr_prison == &prison0 || cred1->cr_prison ==
	    cred2->cr_prison)
		return (0);
	return (KMS_ESRCH);
}

int
priv_check_cred(struct kms_ucred *cred, int priv)
{
	int error;

	if (!(priv > KMS_PRIV_LOWEST && priv < KMS_PRIV_HIGHEST))
		kms_panic("priv_check_cred: invalid privilege %d", priv);

	/* There is no MAC framework: mac_priv_check has nothing to say. */
	error = prison_priv_check(cred, priv);
	if (error != 0)
		return (error);

	/* security.bsd.suser_enabled is 1. */
	switch (priv) {
	case KMS_PRIV_MAXFILES:
	case KMS_PRIV_MAXPROC:
	case KMS_PRIV_PROC_LIMIT:
		if (cred->cr_ruid == 0)
			return (0);
		break;
	default:
		if (cred->cr_uid == 0)
			return (0);
		break;
	}
	return (KMS_EPERM);
}

int
priv_check(struct kms_thread *td, int priv)
{

	if (td != &thread0)
		kms_panic("priv_check: td != curthread");
	return (priv_check_cred(td->td_ucred, priv));
}

int
securelevel_gt(struct kms_ucred *cr, int level)
{

	return (cr->cr_prison->pr_securelevel > level ? KMS_EPERM : 0);
}

int
securelevel_ge(struct kms_ucred *cr, int level)
{

	return (cr->cr_prison->pr_securelevel >= level ? KMS_EPERM : 0);
}

struct kms_ucred *
crhold(struct kms_ucred *cr)
{

	cr->cr_ref++;
	return (cr);
}

void
crfree(struct kms_ucred *cr)
{

	if (cr->cr_ref == 0)
		kms_panic("crfree: reference count underflow");
	cr->cr_ref--;
}

bool
groupmember(uint32_t gid, const struct kms_ucred *cred)
{
	int i;

	for (i = 0; i < cred->cr_ngroups; i++)
		if (cred->cr_groups[i] == gid)
			return (true);
	return (false);
}
