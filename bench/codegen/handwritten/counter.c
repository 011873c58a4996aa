#include "common.h"
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sysctl.h>

struct counter_add_args {
	char value_l_[HW_PADL(int)]; int value; char value_r_[HW_PADR(int)];
};

static int64_t counter_total;
static int counter_calls;
static struct mtx counter_lock;
MTX_SYSINIT(counter_lock, &counter_lock, "counter", MTX_DEF);

SYSCTL_NODE(_kern, OID_AUTO, counter, CTLFLAG_RD | CTLFLAG_MPSAFE, 0, "counter module");
SYSCTL_S64(_kern_counter, OID_AUTO, total, CTLFLAG_RD | CTLFLAG_MPSAFE, &counter_total, 0, "sum of every value added");
SYSCTL_INT(_kern_counter, OID_AUTO, calls, CTLFLAG_RD | CTLFLAG_MPSAFE, &counter_calls, 0, "number of counter_add calls");

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE1(hw, counter, counter_add, entry, "int");
SDT_PROBE_DEFINE2(hw, counter, counter_add, return, "int", "register_t");

static int
sys_counter_add(struct thread *td, void *arg)
{
	struct counter_add_args *uap = arg;

	SDT_PROBE1(hw, counter, counter_add, entry, uap->value);
	mtx_lock(&counter_lock);
	counter_total += uap->value;
	counter_calls++;
	td->td_retval[0] = counter_total;
	mtx_unlock(&counter_lock);
	SDT_PROBE2(hw, counter, counter_add, return, 0, td->td_retval[0]);
	return (0);
}

HW_SYSCALL(counter_add, 0);
MODULE_VERSION(counter, 1);
