/*
 * KmodSharp host harness: the emulated kernel's private interface.
 *
 * The kernel is compiled against the host C library, never against the
 * kernel-world headers in ../include, so the structures that modules and the
 * kernel share are declared here a second time under kms_ names, with the
 * same member order and types as the kernel-world declarations
 * (tests/abi_kernel.c and tests/test_kern.c check that the two agree).  Errno values are
 * FreeBSD's, spelled KMS_E*, because the host's errno numbers differ.
 */
#ifndef _KMS_KERN_H_
#define	_KMS_KERN_H_

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Built with Clang's MemorySanitizer (make check-msan), the kernel asks it
 * directly whether bytes copied out are initialised, instead of running
 * each call twice.
 */
#if defined(__has_feature)
#if __has_feature(memory_sanitizer)
#define	KMS_MSAN	1
#endif
#endif

#define	KMS_EPERM	1
#define	KMS_ESRCH	3
#define	KMS_ENOENT	2
#define	KMS_ENOEXEC	8
#define	KMS_ENOMEM	12
#define	KMS_EFAULT	14
#define	KMS_EBUSY	16
#define	KMS_EEXIST	17
#define	KMS_EINVAL	22
#define	KMS_ENFILE	23
#define	KMS_EAGAIN	35
#define	KMS_EWOULDBLOCK	KMS_EAGAIN
#define	KMS_EOPNOTSUPP	45
#define	KMS_ENAMETOOLONG 63
#define	KMS_ENOSYS	78
#define	KMS_ECAPMODE	94
#define	KMS_ERESTART	(-1)
#define	KMS_EJUSTRETURN	(-2)

#define	KMS_FREEBSD_VERSION	1501502
#define	KMS_MAXPATHLEN		1024
#define	KMS_MAXCOMLEN		19
#define	KMS_MAXHOSTNAMELEN	256

/* <sys/kernel.h> */
struct kms_sysinit {
	uint32_t	subsystem;
	uint32_t	order;
	struct kms_sysinit *next;
	void		(*func)(const void *);
	const void	*udata;
};
#define	KMS_SI_SUB_SYSCALLS	0xd800000
#define	KMS_SI_ORDER_MIDDLE	0x1000000

/* <sys/module.h> */
#define	KMS_MOD_LOAD		0
#define	KMS_MOD_UNLOAD		1
#define	KMS_MOD_SHUTDOWN	2
#define	KMS_MOD_QUIESCE		3
#define	KMS_MDT_DEPEND		1
#define	KMS_MDT_MODULE		2
#define	KMS_MDT_VERSION		3

struct kms_module;
typedef int (*kms_modeventhand_t)(struct kms_module *, int, void *);

struct kms_moduledata {
	const char	*name;
	kms_modeventhand_t evhand;
	void		*priv;
};

typedef union kms_modspecific {
	int		intval;
	unsigned int	uintval;
	long		longval;
	unsigned long	ulongval;
} kms_modspecific_t;

struct kms_mod_depend {
	int	md_ver_minimum;
	int	md_ver_preferred;
	int	md_ver_maximum;
};

struct kms_mod_version {
	int	mv_version;
};

struct kms_mod_metadata {
	int		md_version;
	int		md_type;
	const void	*md_data;
	const char	*md_cval;
};

struct kms_module_stat {
	int		version;
	char		name[KMS_MAXPATHLEN];
	int		refs;
	int		id;
	kms_modspecific_t data;
};

/* <sys/ucred.h>, <sys/jail.h>, <sys/proc.h> */
#define	KMS_CRED_FLAG_CAPMODE	0x00000001

struct kms_prison {
	int		pr_id;
	int		pr_securelevel;
	struct kms_prison *pr_parent;
	char		pr_name[KMS_MAXHOSTNAMELEN];
};

struct kms_ucred {
	long		cr_ref;
	unsigned int	cr_users;
	unsigned int	cr_flags;
	uint32_t	cr_uid;
	uint32_t	cr_ruid;
	uint32_t	cr_svuid;
	uint32_t	cr_gid;
	uint32_t	cr_rgid;
	uint32_t	cr_svgid;
	int		cr_ngroups;
	uint32_t	*cr_groups;
	struct kms_prison *cr_prison;
	void		*cr_label;
};

struct kms_lock_object {
	const char	*lo_name;
	unsigned int	lo_flags;
	unsigned int	lo_data;
	struct kms_witness *lo_witness;
};

struct kms_mtx {
	struct kms_lock_object lock_object;
	volatile uintptr_t mtx_lock;
};

struct kms_sx {
	struct kms_lock_object lock_object;
	volatile uintptr_t sx_lock;
};

struct kms_sysent;

struct kms_syscall_args {
	unsigned int	code;
	unsigned int	original_code;
	struct kms_sysent *callp;
	int64_t		args[8];
};

struct kms_proc;

struct kms_thread {
	struct kms_proc	*td_proc;
	int32_t		td_tid;
	int		td_flags;
	struct kms_ucred *td_ucred;
	struct kms_ucred *td_realucred;
	int		td_locks;
	volatile unsigned int td_critnest;
	int		td_errno;
	char		td_name[KMS_MAXCOMLEN + 1];
	struct kms_syscall_args td_sa;
	union {
		int64_t	tdu_retval[2];
		int64_t	tdu_off;
	} td_uretoff;
};

struct kms_proc {
	struct kms_ucred *p_ucred;
	int32_t		p_pid;
	int		p_flag;
	int		p_flag2;
	struct kms_proc	*p_pptr;
	int32_t		p_oppid;
	char		p_comm[KMS_MAXCOMLEN + 1];
	struct kms_mtx	p_mtx;
};

/* <sys/sysent.h> */
typedef int kms_sy_call_t(struct kms_thread *, void *);

struct kms_sysent {
	kms_sy_call_t	*sy_call;
	void		(*sy_systrace_args_func)(int, void *, uint64_t *,
			    int *);
	uint8_t		sy_narg;
	uint8_t		sy_flags;
	uint16_t	sy_auevent;
	uint32_t	sy_entry;
	uint32_t	sy_return;
	uint32_t	sy_thrcnt;
};

#define	KMS_SYF_CAPENABLED	0x00000001
#define	KMS_SY_THR_STATIC	0x01
#define	KMS_SY_THR_DRAINING	0x02
#define	KMS_SY_THR_ABSENT	0x04
#define	KMS_SY_THR_INCR		0x08
#define	KMS_NO_SYSCALL		(-1)
#define	KMS_SYS_MAXSYSCALL	603

struct kms_syscall_module_data {
	int		(*chainevh)(struct kms_module *, int, void *);
	void		*chainarg;
	int		*offset;
	struct kms_sysent *new_sysent;
	struct kms_sysent old_sysent;
	int		flags;
};

struct kms_syscall_helper_data {
	struct kms_sysent new_sysent;
	struct kms_sysent old_sysent;
	int		syscall_no;
	int		registered;
};

/* <sys/malloc.h> */
#define	KMS_M_NOWAIT	0x0001
#define	KMS_M_WAITOK	0x0002
#define	KMS_M_ZERO	0x0100
#define	KMS_M_VERSION	2024073001

struct kms_malloc_type {
	struct kms_malloc_type *ks_next;
	unsigned long	ks_version;
	const char	*ks_shortdesc;
	struct {
		uint32_t	mti_probes[2];
		unsigned char	mti_zone;
		void		*mti_stats;	/* struct kms_mtstats */
		unsigned long	mti_spare[8];
	}		ks_mti;
};

/* <sys/sysctl.h> */
#define	KMS_CTLTYPE		0xf
#define	KMS_CTLTYPE_NODE	1
#define	KMS_CTLTYPE_STRING	3
#define	KMS_CTLFLAG_RD		0x80000000u
#define	KMS_CTLFLAG_WR		0x40000000u

struct kms_sysctl_oid;
struct kms_sysctl_req {
	struct kms_thread *td;
	int		lock;
	void		*oldptr;
	size_t		oldlen;
	size_t		oldidx;
	int		(*oldfunc)(struct kms_sysctl_req *, const void *,
			    size_t);
	const void	*newptr;
	size_t		newlen;
	size_t		newidx;
	int		(*newfunc)(struct kms_sysctl_req *, void *, size_t);
	size_t		validlen;
	int		flags;
};

/* rbh_root is the first child, rbe_link[0] the next sibling. */
struct kms_sysctl_oid_list {
	struct kms_sysctl_oid *rbh_root;
};

struct kms_sysctl_oid {
	struct kms_sysctl_oid_list oid_children;
	struct kms_sysctl_oid_list *oid_parent;
	struct {
		struct kms_sysctl_oid *rbe_link[3];
	}		oid_link;
	int		oid_number;
	unsigned int	oid_kind;
	void		*oid_arg1;
	intmax_t	oid_arg2;
	const char	*oid_name;
	int		(*oid_handler)(struct kms_sysctl_oid *, void *,
			    intmax_t, struct kms_sysctl_req *);
	const char	*oid_fmt;
	int		oid_refcnt;
	unsigned int	oid_running;
	const char	*oid_descr;
	const char	*oid_label;
};

/* The sets one module exposes (kmod/module_glue.c fills it in). */
struct kms_module_sets {
	int			version;
	struct kms_sysinit	**sysinit_begin, **sysinit_end;
	struct kms_sysinit	**sysuninit_begin, **sysuninit_end;
	struct kms_mod_metadata	**modmetadata_begin, **modmetadata_end;
	struct kms_sysctl_oid	**sysctl_begin, **sysctl_end;
};
#define	KMS_MODULE_SETS_VERSION	1

/* Kernel "files" and modules (kern_linker.c, kern_module.c). */
struct kms_linker_file {
	struct kms_linker_file	*next;
	char			*filename;
	void			*handle;
	const struct kms_module_sets *sets;
	int			id;
	int			nmodules;
};

struct kms_module {
	struct kms_module	*next;
	struct kms_linker_file	*file;
	char			*name;
	int			id;
	int			refs;
	kms_modeventhand_t	handler;
	void			*arg;
	kms_modspecific_t	data;
	bool			is_syscall;
};

/* subr_prf.c: console, dmesg, panic, violations. */
void	kms_log_write(const char *s, size_t len);
size_t	kms_log_count(void);
bool	kms_log_overflowed(void);
const char *kms_log_line(size_t i);
int	kms_kern_vsnprintf(char *buf, size_t size, const char *fmt,
	    va_list ap);
int	kms_kern_printf(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	kms_panic_set_catch(jmp_buf *jb);
bool	kms_panicked(void);
const char *kms_panic_message(void);
void	kms_violation(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
size_t	kms_violation_count(void);
const char *kms_violation_text(size_t i);
void	kms_quiet_set(bool quiet);
__attribute__((__noreturn__)) void kms_panic(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));

/* kern_linker.c */
int	kms_kldload(const char *path, struct kms_linker_file **lfp);
int	kms_kldunload(struct kms_linker_file *lf);
struct kms_linker_file *kms_linker_find(const char *path);

/* kern_module.c */
struct kms_module *kms_module_first(void);
struct kms_module *kms_module_byname(const char *name);
int	kms_module_register(const struct kms_moduledata *data,
	    struct kms_linker_file *lf);
int	kms_module_event(struct kms_module *mod, int what);
void	kms_module_release(struct kms_module *mod);
extern struct kms_linker_file *kms_loading_file;
extern int kms_loading_nfailed;

/* kern_syscalls.c, subr_syscall.c */
extern struct kms_sysent sysent[KMS_SYS_MAXSYSCALL];
#define	kms_sysent_table	sysent
int	kms_syscall(int code, const int64_t args[8], int64_t retval[2]);

/* subr_usermem.c */
#define	KMS_UPROT_READ	0x1
#define	KMS_UPROT_WRITE	0x2
uint64_t kms_umap(const void *data, size_t len, int prot);
int	kms_uread(uint64_t uaddr, void *buf, size_t len);
void	kms_usermem_init(void);
void	kms_copyout_record_begin(void);
void	kms_copyout_record_end(void);
int	kms_copyout_record_send(int fd);
int	kms_copyout_record_compare_buf(const char *buf, size_t len, int code);
void	kms_usermem_syscall(int code);
extern bool kms_uninit_check;

/* kern_malloc.c */
extern unsigned char kms_poison_byte;
void	kms_malloc_fail_nth(long n);
void	kms_usermem_unmap_after(long n);
long	kms_malloc_leaks(void);
void	kms_malloc_type_register(struct kms_malloc_type *mtp);

/* kern_priv.c, kern_prot.c: the calling thread and its credential. */
void	kms_thread_init(uint32_t uid, bool jail, bool capmode);
int	kms_thread_option(const char *option, const char *value);
struct kms_thread *kms_curthread(void);
extern struct kms_thread *kms_pcpu_curthread;

/* kern_tc.c: the random stream starts over at each system call. */
void	kms_random_restart(void);

/* subr_witness.c */
struct kms_witness *kms_witness_type(const char *name);
void	kms_witness_sleep(const char *what);
void	kms_witness_acquire(struct kms_lock_object *lo, bool sleepable,
	    bool exclusive, const char *file, int line);
void	kms_witness_release(struct kms_lock_object *lo, const char *file,
	    int line);
bool	kms_witness_owned(const struct kms_lock_object *lo);
void	kms_witness_userret(const char *syscall);
void	kms_witness_forget(const struct kms_lock_object *lo);

/* kern_sysctl.c */
void	kms_sysctl_register_file(struct kms_linker_file *lf);
void	kms_sysctl_unregister_file(struct kms_linker_file *lf);
typedef void kms_sysctl_visit_t(const char *name, const char *value,
	    void *arg);
void	kms_sysctl_foreach(kms_sysctl_visit_t *visit, void *arg);
int	kms_sysctl_write(const char *name, const char *value, bool *badvalue);

#endif /* !_KMS_KERN_H_ */
