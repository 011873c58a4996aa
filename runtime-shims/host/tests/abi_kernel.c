/*
 * Compiled in the kernel world (module flags, our headers) into a small
 * shared object; test_kern compares these sizes and offsets with the
 * emulated kernel's private mirror of the same structures (kms_kern.h).
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/jail.h>
#include <sys/malloc.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/sysctl.h>
#include <sys/sysent.h>

#define	O(s, f)	(long)offsetof(struct s, f)
#define	S(s)	(long)sizeof(struct s)

const long *kms_abi_layout(void);

static const long layout[] = {
	S(sysinit), O(sysinit, func), O(sysinit, udata),
	S(moduledata), O(moduledata, priv),
	(long)sizeof(modspecific_t),
	S(mod_metadata), O(mod_metadata, md_data), O(mod_metadata, md_cval),
	S(module_stat), O(module_stat, refs), O(module_stat, id),
	O(module_stat, data),
	S(prison), O(prison, pr_name),
	S(ucred), O(ucred, cr_uid), O(ucred, cr_ruid), O(ucred, cr_groups),
	O(ucred, cr_prison), O(ucred, cr_flags),
	S(lock_object), S(mtx), O(mtx, mtx_lock), S(sx), O(sx, sx_lock),
	S(syscall_args), O(syscall_args, args),
	S(thread), O(thread, td_proc), O(thread, td_ucred),
	O(thread, td_name), O(thread, td_sa), O(thread, td_retval),
	S(proc), O(proc, p_pid), O(proc, p_oppid), O(proc, p_comm), O(proc, p_mtx),
	S(sysent), O(sysent, sy_narg), O(sysent, sy_flags),
	O(sysent, sy_auevent), O(sysent, sy_thrcnt),
	S(syscall_module_data), O(syscall_module_data, old_sysent),
	O(syscall_module_data, flags),
	S(malloc_type), O(malloc_type, ks_shortdesc), O(malloc_type, ks_mti),
	O(malloc_type, ks_mti.mti_stats), O(thread, td_critnest),
	S(sysctl_req), O(sysctl_req, oldfunc), O(sysctl_req, newfunc),
	S(sysctl_oid), O(sysctl_oid, oid_parent), O(sysctl_oid, oid_link),
	O(sysctl_oid, oid_number),
	O(sysctl_oid, oid_arg2), O(sysctl_oid, oid_handler),
	O(sysctl_oid, oid_label),
	-1
};

const long *
kms_abi_layout(void)
{

	return (layout);
}
