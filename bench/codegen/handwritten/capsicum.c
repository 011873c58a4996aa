#include "common.h"

struct cap_square_args {
	char value_l_[HW_PADL(int)]; int value; char value_r_[HW_PADR(int)];
};
struct cap_whoami_args {
	register_t dummy;
};

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE1(hw, capsicum, cap_square, entry, "int");
SDT_PROBE_DEFINE2(hw, capsicum, cap_square, return, "int", "register_t");
SDT_PROBE_DEFINE0(hw, capsicum, cap_whoami, entry);
SDT_PROBE_DEFINE2(hw, capsicum, cap_whoami, return, "int", "register_t");

static int
sys_cap_square(struct thread *td, void *arg)
{
	struct cap_square_args *uap = arg;

	SDT_PROBE1(hw, capsicum, cap_square, entry, uap->value);
	td->td_retval[0] = (int64_t)uap->value * uap->value;
	SDT_PROBE2(hw, capsicum, cap_square, return, 0, td->td_retval[0]);
	return (0);
}

static int
sys_cap_whoami(struct thread *td, void *arg __unused)
{

	SDT_PROBE0(hw, capsicum, cap_whoami, entry);
	td->td_retval[0] = td->td_proc->p_pid;
	SDT_PROBE2(hw, capsicum, cap_whoami, return, 0, td->td_retval[0]);
	return (0);
}

HW_SYSCALL(cap_square, SYF_CAPENABLED);
HW_SYSCALL_N(cap_whoami, 0, 0);
MODULE_VERSION(capsicum, 1);
