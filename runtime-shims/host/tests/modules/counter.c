/*
 * A fuller generated-style module: module state set up by a SYSINIT before
 * the syscall is installed and torn down by a SYSUNINIT after it is
 * drained, a chained event handler, malloc(9), an sx lock and a mutex,
 * atomics, sysctls, SDT probes, priv_check, copyin/copyout of a zeroed
 * struct, both return registers, and capability mode.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/priv.h>
#include <sys/jail.h>
#include <sys/malloc.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/sysctl.h>
#include <sys/sdt.h>
#include <sys/sysent.h>
#include <sys/sysproto.h>

#include "kms_test_pad.h"

MALLOC_DEFINE(M_COUNTER, "counter", "KmodSharp counter state");

SDT_PROVIDER_DEFINE(kmodsharp);
SDT_PROBE_DEFINE2(kmodsharp, counter, counter_add, entry, "int", "long");
SDT_PROBE_DEFINE1(kmodsharp, counter, counter_add, return, "int");

struct counter_state {
	long		total;
	int		calls;
};

struct counter_info {
	int64_t		total;
	int32_t		calls;
	int32_t		pid;
	uint32_t	uid;
	int32_t		jailed;
};

static struct counter_state *counter_state;
static struct sx counter_sx;
static struct mtx counter_mtx;
static u_int counter_hits;
static int counter_last;
static u_int counter_uhits = 7;
static long counter_ltotal = -3;
static u_long counter_ulmax = 12;
static uint64_t counter_u64 = 0xffffffffffffffffULL;
static int64_t counter_s64 = -42;
static char counter_name[] = "counter";

SYSCTL_NODE(_kern, OID_AUTO, counter, CTLFLAG_RD | CTLFLAG_MPSAFE, 0,
    "KmodSharp counter");
SYSCTL_INT(_kern_counter, OID_AUTO, last, CTLFLAG_RD, &counter_last, 0,
    "last value added");
SYSCTL_UINT(_kern_counter, OID_AUTO, hits, CTLFLAG_RD, &counter_hits, 0,
    "calls");
SYSCTL_UINT(_kern_counter, OID_AUTO, uhits, CTLFLAG_RD, &counter_uhits, 0,
    "constant");
SYSCTL_LONG(_kern_counter, OID_AUTO, ltotal, CTLFLAG_RD, &counter_ltotal, 0,
    "long");
SYSCTL_ULONG(_kern_counter, OID_AUTO, ulmax, CTLFLAG_RD, &counter_ulmax, 0,
    "u_long");
SYSCTL_U64(_kern_counter, OID_AUTO, u64, CTLFLAG_RD, &counter_u64, 0,
    "uint64_t");
SYSCTL_S64(_kern_counter, OID_AUTO, s64, CTLFLAG_RD, &counter_s64, 0,
    "int64_t");
SYSCTL_STRING(_kern_counter, OID_AUTO, name, CTLFLAG_RD, counter_name, 0,
    "name");

/* A computed sysctl: the running total, doubled. */
static int
counter_double_sysctl(SYSCTL_HANDLER_ARGS)
{
	int v;

	(void)arg1;
	(void)arg2;
	v = counter_state != NULL ? (int)counter_state->total * 2 : 0;
	return (sysctl_handle_int(oidp, &v, 0, req));
}
SYSCTL_PROC(_kern_counter, OID_AUTO, doubled,
    CTLTYPE_INT | CTLFLAG_RD | CTLFLAG_MPSAFE, NULL, 0,
    counter_double_sysctl, "I", "twice the total");

static void
counter_init(void *arg __unused)
{

	printf("counter: SYSINIT state\n");
	sx_init(&counter_sx, "counter state");
	mtx_init(&counter_mtx, "counter hits", NULL, MTX_DEF);
	counter_state = malloc(sizeof(*counter_state), M_COUNTER,
	    M_WAITOK | M_ZERO);
}
SYSINIT(counter_init, SI_SUB_SYSCALLS, SI_ORDER_FIRST, counter_init, NULL);

static void
counter_uninit(void *arg __unused)
{

	printf("counter: SYSUNINIT state\n");
	free(counter_state, M_COUNTER);
	counter_state = NULL;
	mtx_destroy(&counter_mtx);
	sx_destroy(&counter_sx);
}
SYSUNINIT(counter_uninit, SI_SUB_SYSCALLS, SI_ORDER_FIRST, counter_uninit,
    NULL);

static void
counter_late(void *arg __unused)
{

	printf("counter: SYSINIT late\n");
}
SYSINIT(counter_late, SI_SUB_LAST, SI_ORDER_ANY, counter_late, NULL);

static void
counter_early_uninit(void *arg __unused)
{

	printf("counter: SYSUNINIT early\n");
}
SYSUNINIT(counter_early_uninit, SI_SUB_LAST, SI_ORDER_ANY,
    counter_early_uninit, NULL);

static int
counter_modevent(module_t mod, int what, void *arg __unused)
{

	switch (what) {
	case MOD_LOAD:
		printf("counter: MOD_LOAD %s\n", module_getname(mod));
		return (0);
	case MOD_UNLOAD:
		printf("counter: MOD_UNLOAD\n");
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

struct counter_add_args {
	KMS_ARG(int, value);
	KMS_ARG(struct counter_info *, info);
};

static int
sys_counter_add(struct thread *td, void *arg)
{
	struct counter_add_args *uap = arg;
	struct counter_info info;
	long total;
	int error;

	SDT_PROBE2(kmodsharp, counter, counter_add, entry, uap->value,
	    counter_state->total);
	error = priv_check(td, PRIV_MODULE0);
	if (error != 0)
		return (error);
	sx_xlock(&counter_sx);
	counter_state->total += uap->value;
	counter_state->calls++;
	total = counter_state->total;
	bzero(&info, sizeof(info));
	info.total = total;
	info.calls = counter_state->calls;
	info.pid = td->td_proc->p_pid;
	info.uid = td->td_ucred->cr_uid;
	info.jailed = jailed(td->td_ucred);
	sx_xunlock(&counter_sx);

	mtx_lock(&counter_mtx);
	counter_last = uap->value;
	mtx_unlock(&counter_mtx);
	atomic_add_int(&counter_hits, 1);

	if (uap->info != NULL) {
		error = copyout(&info, uap->info, sizeof(info));
		if (error != 0)
			return (error);
	}
	td->td_retval[0] = total;
	td->td_retval[1] = atomic_fetchadd_int(&counter_hits, 0);
	SDT_PROBE1(kmodsharp, counter, counter_add, return, 0);
	return (0);
}

static struct sysent counter_add_sysent = {
	.sy_narg = sizeof(struct counter_add_args) / sizeof(register_t),
	.sy_call = sys_counter_add,
	.sy_auevent = AUE_NULL,
	.sy_flags = SYF_CAPENABLED,
};

static int counter_add_offset = NO_SYSCALL;

SYSCALL_MODULE(counter_add, &counter_add_offset, &counter_add_sysent,
    counter_modevent, NULL);
MODULE_VERSION(counter_add, 1);
