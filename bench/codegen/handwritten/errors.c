#include "common.h"
#include <sys/malloc.h>

MALLOC_DEFINE(M_HWERRORS, "errors", "errors module");

struct errors_divide_args {
	char divisor_l_[HW_PADL(int)]; int divisor; char divisor_r_[HW_PADR(int)];
};
struct errors_privileged_args {
	register_t dummy;
};
struct errors_allocate_args {
	char count_l_[HW_PADL(int)]; int count; char count_r_[HW_PADR(int)];
};

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE1(hw, errors, errors_divide, entry, "int");
SDT_PROBE_DEFINE2(hw, errors, errors_divide, return, "int", "register_t");
SDT_PROBE_DEFINE0(hw, errors, errors_privileged, entry);
SDT_PROBE_DEFINE2(hw, errors, errors_privileged, return, "int", "register_t");
SDT_PROBE_DEFINE1(hw, errors, errors_allocate, entry, "int");
SDT_PROBE_DEFINE2(hw, errors, errors_allocate, return, "int", "register_t");

static int
sys_errors_divide(struct thread *td, void *arg)
{
	struct errors_divide_args *uap = arg;
	int error;

	SDT_PROBE1(hw, errors, errors_divide, entry, uap->divisor);
	if (uap->divisor < 0)
		error = EINVAL;
	else if (uap->divisor == 0)
		error = EDOM;
	else {
		td->td_retval[0] = 100 / uap->divisor;
		error = 0;
	}
	SDT_PROBE2(hw, errors, errors_divide, return, error, td->td_retval[0]);
	return (error);
}

static int
sys_errors_privileged(struct thread *td, void *arg __unused)
{
	int error;

	SDT_PROBE0(hw, errors, errors_privileged, entry);
	error = priv_check(td, PRIV_MODULE0);
	SDT_PROBE2(hw, errors, errors_privileged, return, error, td->td_retval[0]);
	return (error);
}

static int
sys_errors_allocate(struct thread *td, void *arg)
{
	struct errors_allocate_args *uap = arg;
	uint8_t *buffer;
	int error, i, sum;

	SDT_PROBE1(hw, errors, errors_allocate, entry, uap->count);
	error = 0;
	if (uap->count <= 0 || uap->count > 4096) {
		error = EINVAL;
		goto out;
	}
	buffer = malloc(uap->count, M_HWERRORS, M_NOWAIT | M_ZERO);
	if (buffer == NULL) {
		error = ENOMEM;
		goto out;
	}
	memset(buffer, 7, uap->count);
	sum = 0;
	for (i = 0; i < uap->count; i++)
		sum += buffer[i];
	free(buffer, M_HWERRORS);
	td->td_retval[0] = sum;
out:
	SDT_PROBE2(hw, errors, errors_allocate, return, error, td->td_retval[0]);
	return (error);
}

HW_SYSCALL(errors_divide, 0);
HW_SYSCALL_N(errors_privileged, 0, 0);
HW_SYSCALL(errors_allocate, 0);
MODULE_VERSION(errors, 1);
