#include "common.h"

struct two_values_args {
	char base_l_[HW_PADL(int64_t)]; int64_t base; char base_r_[HW_PADR(int64_t)];
};

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE1(hw, twovalues, two_values, entry, "int64_t");
SDT_PROBE_DEFINE2(hw, twovalues, two_values, return, "int", "register_t");

static int
sys_two_values(struct thread *td, void *arg)
{
	struct two_values_args *uap = arg;

	SDT_PROBE1(hw, twovalues, two_values, entry, uap->base);
	td->td_retval[0] = uap->base + 100;
	td->td_retval[1] = uap->base + 200;
	SDT_PROBE2(hw, twovalues, two_values, return, 0, td->td_retval[0]);
	return (0);
}

HW_SYSCALL(two_values, 0);
MODULE_VERSION(twovalues, 1);
