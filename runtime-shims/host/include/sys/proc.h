/*
 * KmodSharp host harness: threads and processes (<sys/proc.h>).  The fields
 * carry FreeBSD 15's names and types; the emulated kernel defines only the
 * members a system call module is expected to use.
 */
#ifndef _SYS_PROC_H_
#define	_SYS_PROC_H_

#include <sys/param.h>
#include <sys/pcpu.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <sys/ucred.h>
#include <sys/_lock.h>
#include <sys/_mutex.h>

struct sysent;

struct syscall_args {
	u_int		code;
	u_int		original_code;
	struct sysent	*callp;
	register_t	args[8];
};

struct proc;

struct thread {
	struct proc	*td_proc;
	lwpid_t		td_tid;
	int		td_flags;
	struct ucred	*td_ucred;
	struct ucred	*td_realucred;
	int		td_locks;
	volatile u_int	td_critnest;
	int		td_errno;
	char		td_name[MAXCOMLEN + 1];
	struct syscall_args td_sa;
	union {
		syscallarg_t	tdu_retval[2];
		off_t		tdu_off;
	} td_uretoff;
};
#define	td_retval	td_uretoff.tdu_retval

struct proc {
	struct ucred	*p_ucred;
	pid_t		p_pid;
	int		p_flag;
	int		p_flag2;
	struct proc	*p_pptr;
	pid_t		p_oppid;
	char		p_comm[MAXCOMLEN + 1];
	struct mtx	p_mtx;
};

#define	PROC_LOCK(p)	mtx_lock(&(p)->p_mtx)
#define	PROC_UNLOCK(p)	mtx_unlock(&(p)->p_mtx)

#ifdef _KERNEL
extern struct proc proc0;
extern struct thread thread0;

int	securelevel_gt(struct ucred *cr, int level);
int	securelevel_ge(struct ucred *cr, int level);
#endif

#endif /* !_SYS_PROC_H_ */
