/*
 * KmodSharp host harness: the system call table and its registration KPI,
 * with FreeBSD 15's types, fields and macros (sys/sys/sysent.h).
 */
#ifndef _SYS_SYSENT_H_
#define	_SYS_SYSENT_H_

#include <bsm/audit.h>

struct rlimit;
struct sysent;
struct thread;
struct ksiginfo;
struct syscall_args;

enum systrace_probe_t {
	SYSTRACE_ENTRY,
	SYSTRACE_RETURN,
};

typedef	int	sy_call_t(struct thread *, void *);

typedef	void	(*systrace_probe_func_t)(struct syscall_args *,
		    enum systrace_probe_t, int);
typedef	void	(*systrace_args_func_t)(int, void *, uint64_t *, int *);

#ifdef _KERNEL
extern systrace_probe_func_t	systrace_probe_func;
extern bool			systrace_enabled;
#endif

struct sysent {
	sy_call_t	*sy_call;
	systrace_args_func_t sy_systrace_args_func;
	u_int8_t	sy_narg;
	u_int8_t	sy_flags;
	au_event_t	sy_auevent;
	u_int32_t	sy_entry;
	u_int32_t	sy_return;
	u_int32_t	sy_thrcnt;
};

/* A system call is permitted in capability mode. */
#define	SYF_CAPENABLED	0x00000001

#define	SY_THR_STATIC	0x01
#define	SY_THR_DRAINING	0x02
#define	SY_THR_ABSENT	0x04
#define	SY_THR_INCR	0x08

#ifdef KLD_MODULE
#define	SY_THR_STATIC_KLD	0
#else
#define	SY_THR_STATIC_KLD	SY_THR_STATIC
#endif

#ifdef _KERNEL
extern struct sysent sysent[];
extern const char *syscallnames[];

struct nosys_args {
	register_t dummy;
};

int	nosys(struct thread *, struct nosys_args *);
extern struct sysent nosys_sysent;

#define	NO_SYSCALL (-1)

struct module;

struct syscall_module_data {
	int		(*chainevh)(struct module *, int, void *);
	void		*chainarg;
	int		*offset;
	struct sysent	*new_sysent;
	struct sysent	old_sysent;
	int		flags;
};

#define	SYSCALL_MODULE(name, offset, new_sysent, evh, arg)		\
static struct syscall_module_data name##_syscall_mod = {		\
	evh, arg, offset, new_sysent, { .sy_call = NULL }, 0		\
};									\
									\
static moduledata_t name##_mod = {					\
	"sys/" #name,							\
	syscall_module_handler,						\
	&name##_syscall_mod						\
};									\
DECLARE_MODULE(name, name##_mod, SI_SUB_SYSCALLS, SI_ORDER_MIDDLE)

#define	SYSCALL_MODULE_HELPER(syscallname)				\
static int syscallname##_syscall = SYS_##syscallname;			\
MAKE_SYSENT(syscallname);						\
SYSCALL_MODULE(syscallname,						\
    & syscallname##_syscall, & syscallname##_sysent,			\
    NULL, NULL)

#define	SYSCALL_MODULE_PRESENT(syscallname)				\
	(sysent[SYS_##syscallname].sy_call != (sy_call_t *)lkmnosys &&	\
	sysent[SYS_##syscallname].sy_call != (sy_call_t *)lkmressys)

#define	SYSENT_INIT_VALS(_syscallname) {				\
	.sy_narg = (sizeof(struct _syscallname ## _args )		\
	    / sizeof(register_t)),					\
	.sy_call = (sy_call_t *)&sys_##_syscallname,			\
	.sy_auevent = SYS_AUE_##_syscallname,				\
	.sy_systrace_args_func = NULL,					\
	.sy_entry = 0,							\
	.sy_return = 0,							\
	.sy_flags = 0,							\
	.sy_thrcnt = 0							\
}

#define	MAKE_SYSENT(syscallname)					\
static struct sysent syscallname##_sysent = SYSENT_INIT_VALS(syscallname);

struct syscall_helper_data {
	struct sysent new_sysent;
	struct sysent old_sysent;
	int syscall_no;
	int registered;
};
#define	SYSCALL_INIT_HELPER_F(syscallname, flags) {			\
	.new_sysent = {							\
	    .sy_narg = (sizeof(struct syscallname ## _args )		\
		/ sizeof(register_t)),					\
	    .sy_call = (sy_call_t *)& sys_ ## syscallname,		\
	    .sy_auevent = SYS_AUE_##syscallname,			\
	    .sy_flags = (flags)						\
	},								\
	.syscall_no = SYS_##syscallname					\
}
#define	SYSCALL_INIT_HELPER(syscallname)				\
	SYSCALL_INIT_HELPER_F(syscallname, 0)
#define	SYSCALL_INIT_LAST {						\
	.syscall_no = NO_SYSCALL					\
}

int	syscall_module_handler(struct module *mod, int what, void *arg);
int	syscall_helper_register(struct syscall_helper_data *sd, int flags);
int	syscall_helper_unregister(struct syscall_helper_data *sd);
int	kern_syscall_register(struct sysent *sysents, int *offset,
	    struct sysent *new_sysent, struct sysent *old_sysent, int flags);
int	kern_syscall_deregister(struct sysent *sysents, int offset,
	    const struct sysent *old_sysent);
int	kern_syscall_module_handler(struct sysent *sysents,
	    struct module *mod, int what, void *arg);
int	kern_syscall_helper_register(struct sysent *sysents,
	    struct syscall_helper_data *sd, int flags);
int	kern_syscall_helper_unregister(struct sysent *sysents,
	    struct syscall_helper_data *sd);

int	lkmnosys(struct thread *, struct nosys_args *);
int	lkmressys(struct thread *, struct nosys_args *);

int	syscall_thread_enter(struct thread *td, struct sysent **se);
void	syscall_thread_exit(struct thread *td, struct sysent *se);

#endif /* _KERNEL */

#endif /* !_SYS_SYSENT_H_ */
