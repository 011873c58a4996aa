/*
 * KmodSharp host harness: system call entry (FreeBSD's syscallenter and
 * userret), plus the check that no uninitialised kernel memory reaches user
 * space through copyout.
 *
 * Uninitialised-copyout detection: each dynamic system call runs twice, in
 * a forked child and then for real, with different poison bytes (0x5a in
 * the child, 0xa5 in the parent).  Before the handler runs, the stack below
 * the caller is painted with the poison, and malloc(9) without M_ZERO fills
 * its memory with it.  Every byte written to user memory is recorded; a
 * byte that differs between the two runs came from memory the module never
 * initialised (a stack struct's padding, an unset field, stale heap), and
 * fails the run.  The child's side effects vanish with it, so the module's
 * state advances once.  Values that live only in registers are not covered.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kms_kern.h"

int	syscall_thread_enter(struct kms_thread *td, struct kms_sysent **se);
void	syscall_thread_exit(struct kms_thread *td, struct kms_sysent *se);
extern struct kms_sysent nosys_sysent;

#define	KMS_POISON_CHILD	0x5a
#define	KMS_POISON_PARENT	0xa5
#define	KMS_PAINT_BYTES		(64 * 1024)

/*
 * kms_stack_paint(pattern, size) fills [rsp - size, rsp) with the 8-byte
 * pattern.  It is written in assembly so that nothing of its own lives in
 * the painted range: the handler called next by the same caller starts at
 * the same stack pointer, so all of its frame is painted.
 */
void	kms_stack_paint(uint64_t pattern, size_t size);
__asm__(
	".text\n"
	".globl kms_stack_paint\n"
	".type kms_stack_paint, @function\n"
	"kms_stack_paint:\n"
	"	mov %rsp, %rcx\n"
	"	sub %rsi, %rcx\n"
	"1:	mov %rdi, (%rcx)\n"
	"	add $8, %rcx\n"
	"	cmp %rsp, %rcx\n"
	"	jb 1b\n"
	"	ret\n"
	".size kms_stack_paint, . - kms_stack_paint\n");

#ifdef KMS_MSAN
bool kms_uninit_check = false;
#else
bool kms_uninit_check = true;
#endif

/*
 * Paint, then call, with no sanitizer calls in between that would leave
 * their own (identical in both runs) bytes where the handler's frame goes.
 */
static __attribute__((__noinline__,
    __no_sanitize__("address", "undefined"))) int
call_painted(kms_sy_call_t *fn, struct kms_thread *td, void *args)
{
	uint64_t pattern;

	/* Unchecked runs (e.g. under valgrind) leave the stack alone. */
	if (kms_uninit_check) {
		pattern = 0x0101010101010101ULL * kms_poison_byte;
		kms_stack_paint(pattern, KMS_PAINT_BYTES);
	}
	return (fn(td, args));
}

static int
syscallenter(struct kms_thread *td, int code, const int64_t args[8],
    int64_t retval[2])
{
	struct kms_sysent *se;
	char name[32];
	int error;

	if (code < 0 || code >= KMS_SYS_MAXSYSCALL)
		se = &nosys_sysent;
	else
		se = &kms_sysent_table[code];
	td->td_sa.code = (unsigned int)code;
	td->td_sa.original_code = (unsigned int)code;
	td->td_sa.callp = se;
	memcpy(td->td_sa.args, args, sizeof(td->td_sa.args));
	td->td_uretoff.tdu_retval[0] = 0;
	td->td_uretoff.tdu_retval[1] = 0;
	kms_usermem_syscall(code);
	kms_random_restart();

	if (se->sy_narg > 8)
		kms_panic("syscallenter: syscall %d has sy_narg %d > "
		    "nitems(td_sa.args) 8", code, se->sy_narg);

	if ((se->sy_flags & KMS_SYF_CAPENABLED) == 0 &&
	    (td->td_ucred->cr_flags & KMS_CRED_FLAG_CAPMODE) != 0) {
		error = KMS_ECAPMODE;
		goto out;
	}
	error = syscall_thread_enter(td, &se);
	if (error != 0)
		goto out;
	error = call_painted(se->sy_call, td, td->td_sa.args);
	syscall_thread_exit(td, se);
out:
	td->td_errno = error;
	snprintf(name, sizeof(name), "syscall %d", code);
	kms_witness_userret(name);
	retval[0] = td->td_uretoff.tdu_retval[0];
	retval[1] = td->td_uretoff.tdu_retval[1];
	return (error);
}

/* Read a whole pipe into memory; the child's record is small. */
static char *
read_all(int fd, size_t *lenp)
{
	char *buf = NULL, *nbuf;
	size_t len = 0, cap = 0;
	ssize_t n;

	for (;;) {
		if (len == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			nbuf = realloc(buf, cap);
			if (nbuf == NULL) {
				free(buf);
				return (NULL);
			}
			buf = nbuf;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0) {
			free(buf);
			return (NULL);
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*lenp = len;
	return (buf);
}

int	kms_copyout_record_compare_buf(const char *buf, size_t len, int code);

static bool
is_dynamic(int code)
{

	return (code > 0 && code < KMS_SYS_MAXSYSCALL &&
	    (kms_sysent_table[code].sy_thrcnt & KMS_SY_THR_STATIC) == 0);
}

int
kms_syscall(int code, const int64_t args[8], int64_t retval[2])
{
	struct kms_thread *td = kms_curthread();
	char *child = NULL;
	size_t childlen = 0;
	int error, fds[2], devnull, status;
	jmp_buf jb;
	pid_t pid;

	if (kms_uninit_check && is_dynamic(code) && pipe(fds) == 0) {
		fflush(stderr);
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			devnull = open("/dev/null", O_WRONLY);
			if (devnull >= 0)
				dup2(devnull, STDERR_FILENO);
			kms_quiet_set(true);
			if (setjmp(jb) != 0)
				_exit(3);
			kms_panic_set_catch(&jb);
			kms_poison_byte = KMS_POISON_CHILD;
			kms_copyout_record_begin();
			(void)syscallenter(td, code, args, retval);
			kms_copyout_record_end();
			_exit(kms_copyout_record_send(fds[1]) == 0 ? 0 : 4);
		}
		close(fds[1]);
		if (pid > 0) {
			child = read_all(fds[0], &childlen);
			if (waitpid(pid, &status, 0) != pid ||
			    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				free(child);
				child = NULL;
			}
		}
		close(fds[0]);
	}

	kms_poison_byte = KMS_POISON_PARENT;
	if (child != NULL)
		kms_copyout_record_begin();
	error = syscallenter(td, code, args, retval);
	if (child != NULL) {
		kms_copyout_record_end();
		kms_copyout_record_compare_buf(child, childlen, code);
		free(child);
	}
	return (error);
}
