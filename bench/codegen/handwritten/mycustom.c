#include "common.h"

struct my_custom_syscall_args {
	char value_l_[HW_PADL(int)]; int value; char value_r_[HW_PADR(int)];
	char message_l_[HW_PADL(const char *)]; const char *message; char message_r_[HW_PADR(const char *)];
};

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE2(hw, mycustom, my_custom_syscall, entry, "int", "const char *");
SDT_PROBE_DEFINE2(hw, mycustom, my_custom_syscall, return, "int", "register_t");

static int
sys_my_custom_syscall(struct thread *td, void *arg)
{
	struct my_custom_syscall_args *uap = arg;
	char text[256];
	size_t length;
	int error;

	SDT_PROBE2(hw, mycustom, my_custom_syscall, entry, uap->value, uap->message);
	error = copyinstr(uap->message, text, sizeof(text), &length);
	if (error == 0) {
		printf("my_custom_syscall: value=%d message=%s (%zu bytes)\n",
		    uap->value, text, length);
		td->td_retval[0] = uap->value * 3;
	}
	SDT_PROBE2(hw, mycustom, my_custom_syscall, return, error, td->td_retval[0]);
	return (error);
}

HW_SYSCALL(my_custom_syscall, 0);
MODULE_VERSION(mycustom, 1);
