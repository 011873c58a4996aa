/*
 * KmodSharp host harness: the system call table and dynamic registration
 * (FreeBSD's init_sysent.c and kern_syscalls.c).
 *
 * The table has SYS_MAXSYSCALL (603) entries like FreeBSD 15.  Slots
 * 210-219 hold lkmnosys and the NOSTD slots lkmressys, both absent and
 * registrable; slot 0 (the syscall(2) multiplexer) is nosys; modnext,
 * modstat, modfnext and modfind (300-303) are implemented; every other slot
 * is a static entry the emulated kernel does not implement (it returns
 * ENOSYS) and that a module cannot take over.
 */
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

int	nosys(struct kms_thread *td, void *args);
int	lkmnosys(struct kms_thread *td, void *args);
int	lkmressys(struct kms_thread *td, void *args);
int	sys_modfind(struct kms_thread *td, void *uap);
int	sys_modstat(struct kms_thread *td, void *uap);
int	sys_modnext(struct kms_thread *td, void *uap);
int	sys_modfnext(struct kms_thread *td, void *uap);
int	kern_syscall_register(struct kms_sysent *sysents, int *offset,
	    struct kms_sysent *new_sysent, struct kms_sysent *old_sysent,
	    int flags);
int	kern_syscall_deregister(struct kms_sysent *sysents, int offset,
	    const struct kms_sysent *old_sysent);
int	kern_syscall_module_handler(struct kms_sysent *sysents,
	    struct kms_module *mod, int what, void *arg);
int	syscall_module_handler(struct kms_module *mod, int what, void *arg);
int	kern_syscall_helper_register(struct kms_sysent *sysents,
	    struct kms_syscall_helper_data *sd, int flags);
int	kern_syscall_helper_unregister(struct kms_sysent *sysents,
	    struct kms_syscall_helper_data *sd);
int	syscall_helper_register(struct kms_syscall_helper_data *sd, int flags);
int	syscall_helper_unregister(struct kms_syscall_helper_data *sd);
void	module_setspecific(struct kms_module *mod, kms_modspecific_t *datap);
int	syscall_thread_enter(struct kms_thread *td, struct kms_sysent **se);
void	syscall_thread_exit(struct kms_thread *td, struct kms_sysent *se);

/* FreeBSD's sysent[], exported under its own name for SYSCALL_MODULE_PRESENT. */
struct kms_sysent sysent[KMS_SYS_MAXSYSCALL];

struct kms_sysent nosys_sysent = {
	.sy_call = nosys,
	.sy_thrcnt = KMS_SY_THR_STATIC,
};

/* FreeBSD 15's NOSTD slots, filled with lkmressys (sys/kern/syscalls.master). */
static const int nostd_slots[][2] = {
	{ 154, 155 }, { 169, 171 }, { 220, 222 }, { 224, 231 }, { 339, 339 },
	{ 377, 377 }, { 400, 408 }, { 441, 441 }, { 457, 462 }, { 471, 474 },
	{ 510, 512 }, { 576, 576 },
};

/*
 * nosys(2) returns ENOSYS; FreeBSD also posts SIGSYS, which a test program
 * ignores.  The emulated process has no signals, so only the error remains.
 */
int
nosys(struct kms_thread *td, void *args)
{

	(void)td;
	(void)args;
	return (KMS_ENOSYS);
}

int
lkmnosys(struct kms_thread *td, void *args)
{

	return (nosys(td, args));
}

int
lkmressys(struct kms_thread *td, void *args)
{

	return (nosys(td, args));
}

/* modnext/modfnext are not needed by the harness's userland. */
int
sys_modnext(struct kms_thread *td, void *uap)
{

	return (nosys(td, uap));
}

int
sys_modfnext(struct kms_thread *td, void *uap)
{

	return (nosys(td, uap));
}

static void __attribute__((__constructor__))
init_sysent(void)
{
	size_t i;
	int s;

	for (s = 0; s < KMS_SYS_MAXSYSCALL; s++) {
		kms_sysent_table[s].sy_call = nosys;
		kms_sysent_table[s].sy_thrcnt = KMS_SY_THR_STATIC;
	}
	kms_sysent_table[0].sy_thrcnt = KMS_SY_THR_ABSENT;
	for (s = 210; s <= 219; s++) {
		kms_sysent_table[s].sy_call = lkmnosys;
		kms_sysent_table[s].sy_thrcnt = KMS_SY_THR_ABSENT;
	}
	for (i = 0; i < sizeof(nostd_slots) / sizeof(nostd_slots[0]); i++) {
		for (s = nostd_slots[i][0]; s <= nostd_slots[i][1]; s++) {
			kms_sysent_table[s].sy_call = lkmressys;
			kms_sysent_table[s].sy_thrcnt = KMS_SY_THR_ABSENT;
		}
	}
	kms_sysent_table[300].sy_call = sys_modnext;
	kms_sysent_table[300].sy_narg = 1;
	kms_sysent_table[301].sy_call = sys_modstat;
	kms_sysent_table[301].sy_narg = 2;
	kms_sysent_table[302].sy_call = sys_modfnext;
	kms_sysent_table[302].sy_narg = 1;
	kms_sysent_table[303].sy_call = sys_modfind;
	kms_sysent_table[303].sy_narg = 1;
}

int
kern_syscall_register(struct kms_sysent *sysents, int *offset,
    struct kms_sysent *new_sysent, struct kms_sysent *old_sysent, int flags)
{
	int i;

	if ((flags & ~KMS_SY_THR_STATIC) != 0)
		return (KMS_EINVAL);

	if (*offset == KMS_NO_SYSCALL) {
		for (i = 1; i < KMS_SYS_MAXSYSCALL; ++i)
			if (sysents[i].sy_call == lkmnosys)
				break;
		if (i == KMS_SYS_MAXSYSCALL)
			return (KMS_ENFILE);
		*offset = i;
	} else if (*offset < 0 || *offset >= KMS_SYS_MAXSYSCALL) {
		return (KMS_EINVAL);
	} else if (sysents[*offset].sy_call != lkmnosys &&
	    sysents[*offset].sy_call != lkmressys) {
		if (sysents[*offset].sy_call == NULL)
			kms_panic("undefined syscall %d", *offset);
		return (KMS_EEXIST);
	}

	if (sysents[*offset].sy_thrcnt != KMS_SY_THR_ABSENT)
		kms_panic("dynamic syscall is not protected");
	*old_sysent = sysents[*offset];
	new_sysent->sy_thrcnt = KMS_SY_THR_ABSENT;
	sysents[*offset] = *new_sysent;
	__atomic_store_n(&sysents[*offset].sy_thrcnt, (uint32_t)flags,
	    __ATOMIC_RELEASE);
	return (0);
}

/*
 * FreeBSD waits in "scdrn" until no thread is inside the entry.  The
 * emulated kernel has a single thread, so a non-zero count here means the
 * unload was started from inside the very system call: it would never end.
 */
static void
syscall_thread_drain(struct kms_sysent *se)
{
	uint32_t cnt;

	cnt = se->sy_thrcnt;
	if ((cnt & ~(uint32_t)(KMS_SY_THR_INCR - 1)) != 0)
		kms_panic("syscall_thread_drain: %u thread(s) still inside the "
		    "system call; kldunload would wait forever in \"scdrn\"",
		    cnt / KMS_SY_THR_INCR);
	se->sy_thrcnt = (cnt & ~(uint32_t)KMS_SY_THR_DRAINING) |
	    KMS_SY_THR_ABSENT;
}

int
kern_syscall_deregister(struct kms_sysent *sysents, int offset,
    const struct kms_sysent *old_sysent)
{
	struct kms_sysent *se;

	if (offset == 0)
		return (0);
	se = &sysents[offset];
	if ((se->sy_thrcnt & KMS_SY_THR_STATIC) != 0)
		return (KMS_EINVAL);
	se->sy_thrcnt |= KMS_SY_THR_DRAINING;
	syscall_thread_drain(se);
	sysents[offset] = *old_sysent;
	return (0);
}

int
kern_syscall_module_handler(struct kms_sysent *sysents,
    struct kms_module *mod, int what, void *arg)
{
	struct kms_syscall_module_data *data = arg;
	kms_modspecific_t ms;
	int error;

	memset(&ms, 0, sizeof(ms));
	switch (what) {
	case KMS_MOD_LOAD:
		error = kern_syscall_register(sysents, data->offset,
		    data->new_sysent, &data->old_sysent, data->flags);
		if (error != 0) {
			/* Leave a mark so the MOD_UNLOAD below is a no-op. */
			data->offset = NULL;
			return (error);
		}
		ms.intval = *data->offset;
		module_setspecific(mod, &ms);
		if (data->chainevh != NULL)
			error = data->chainevh(mod, what, data->chainarg);
		return (error);
	case KMS_MOD_UNLOAD:
		/*
		 * MOD_LOAD failed before the chained handler saw it, so it
		 * does not see MOD_UNLOAD either.
		 */
		if (data->offset == NULL)
			return (0);
		if (data->chainevh != NULL) {
			error = data->chainevh(mod, what, data->chainarg);
			if (error != 0)
				return (error);
		}
		return (kern_syscall_deregister(sysents, *data->offset,
		    &data->old_sysent));
	default:
		if (data->chainevh != NULL)
			return (data->chainevh(mod, what, data->chainarg));
		return (KMS_EOPNOTSUPP);
	}
}

int
syscall_module_handler(struct kms_module *mod, int what, void *arg)
{

	return (kern_syscall_module_handler(kms_sysent_table, mod, what,
	    arg));
}

/*
 * The helper API registers an array of fixed-number entries terminated by
 * SYSCALL_INIT_LAST; on any failure the ones already registered are undone.
 */
int
kern_syscall_helper_register(struct kms_sysent *sysents,
    struct kms_syscall_helper_data *sd, int flags)
{
	struct kms_syscall_helper_data *sd1;
	int error;

	for (sd1 = sd; sd1->syscall_no != KMS_NO_SYSCALL; sd1++) {
		error = kern_syscall_register(sysents, &sd1->syscall_no,
		    &sd1->new_sysent, &sd1->old_sysent, flags);
		if (error != 0) {
			kern_syscall_helper_unregister(sysents, sd);
			return (error);
		}
		sd1->registered = 1;
	}
	return (0);
}

int
kern_syscall_helper_unregister(struct kms_sysent *sysents,
    struct kms_syscall_helper_data *sd)
{
	struct kms_syscall_helper_data *sd1;

	for (sd1 = sd; sd1->registered != 0; sd1++) {
		kern_syscall_deregister(sysents, sd1->syscall_no,
		    &sd1->old_sysent);
		sd1->registered = 0;
	}
	return (0);
}

int
syscall_helper_register(struct kms_syscall_helper_data *sd, int flags)
{

	return (kern_syscall_helper_register(sysent, sd, flags));
}

int
syscall_helper_unregister(struct kms_syscall_helper_data *sd)
{

	return (kern_syscall_helper_unregister(sysent, sd));
}

/*
 * R's protocol: a caller that finds the entry absent or draining is sent to
 * nosys_sysent; otherwise it is counted in until syscall_thread_exit.
 */
int
syscall_thread_enter(struct kms_thread *td, struct kms_sysent **se)
{
	uint32_t cnt;

	(void)td;
	cnt = (*se)->sy_thrcnt;
	if ((cnt & KMS_SY_THR_STATIC) != 0)
		return (0);
	if ((cnt & (KMS_SY_THR_DRAINING | KMS_SY_THR_ABSENT)) != 0) {
		*se = &nosys_sysent;
		return (0);
	}
	(*se)->sy_thrcnt = cnt + KMS_SY_THR_INCR;
	return (0);
}

void
syscall_thread_exit(struct kms_thread *td, struct kms_sysent *se)
{

	(void)td;
	if ((se->sy_thrcnt & KMS_SY_THR_STATIC) != 0)
		return;
	if (se->sy_thrcnt < KMS_SY_THR_INCR)
		kms_panic("syscall_thread_exit: in-flight count underflow");
	se->sy_thrcnt -= KMS_SY_THR_INCR;
}
