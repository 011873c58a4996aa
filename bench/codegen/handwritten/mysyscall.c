#include "common.h"

struct mysyscall_args {
	char value_l_[HW_PADL(int)]; int value; char value_r_[HW_PADR(int)];
};

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE1(hw, mysyscall, mysyscall, entry, "int");
SDT_PROBE_DEFINE2(hw, mysyscall, mysyscall, return, "int", "register_t");

static int
sys_mysyscall(struct thread *td, void *arg)
{
	struct mysyscall_args *uap = arg;

	SDT_PROBE1(hw, mysyscall, mysyscall, entry, uap->value);
	printf("mysyscall called with value=%d\n", uap->value);
	td->td_retval[0] = uap->value * 2;
	SDT_PROBE2(hw, mysyscall, mysyscall, return, 0, td->td_retval[0]);
	return (0);
}

HW_SYSCALL(mysyscall, 0);
MODULE_VERSION(mysyscall, 1);
