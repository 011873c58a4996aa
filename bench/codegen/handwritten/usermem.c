#include "common.h"

struct Request {
	int	Operand;
	int	Factor;
};

struct Reply {
	int64_t	Product;
	int	Calls;
	int	Checksum;
};

struct usermem_multiply_args {
	char request_l_[HW_PADL(struct Request *)]; struct Request *request; char request_r_[HW_PADR(struct Request *)];
	char reply_l_[HW_PADL(struct Reply *)]; struct Reply *reply; char reply_r_[HW_PADR(struct Reply *)];
};
struct usermem_strlen_args {
	char text_l_[HW_PADL(const char *)]; const char *text; char text_r_[HW_PADR(const char *)];
};
struct usermem_bump_args {
	char address_l_[HW_PADL(uint8_t *)]; uint8_t *address; char address_r_[HW_PADR(uint8_t *)];
};

static int usermem_calls;

SDT_PROVIDER_DEFINE(hw);
SDT_PROBE_DEFINE2(hw, usermem, usermem_multiply, entry, "struct Request *", "struct Reply *");
SDT_PROBE_DEFINE2(hw, usermem, usermem_multiply, return, "int", "register_t");
SDT_PROBE_DEFINE1(hw, usermem, usermem_strlen, entry, "const char *");
SDT_PROBE_DEFINE2(hw, usermem, usermem_strlen, return, "int", "register_t");
SDT_PROBE_DEFINE1(hw, usermem, usermem_bump, entry, "uint8_t *");
SDT_PROBE_DEFINE2(hw, usermem, usermem_bump, return, "int", "register_t");

static int
sys_usermem_multiply(struct thread *td, void *arg)
{
	struct usermem_multiply_args *uap = arg;
	struct Request in;
	struct Reply out;
	int error;

	SDT_PROBE2(hw, usermem, usermem_multiply, entry, uap->request, uap->reply);
	error = copyin(uap->request, &in, sizeof(in));
	if (error == 0) {
		usermem_calls++;
		/* No padding in struct Reply, but zero it anyway: it goes to userland. */
		memset(&out, 0, sizeof(out));
		out.Product = (int64_t)in.Operand * in.Factor;
		out.Calls = usermem_calls;
		out.Checksum = in.Operand ^ in.Factor;
		error = copyout(&out, uap->reply, sizeof(out));
	}
	SDT_PROBE2(hw, usermem, usermem_multiply, return, error, td->td_retval[0]);
	return (error);
}

static int
sys_usermem_strlen(struct thread *td, void *arg)
{
	struct usermem_strlen_args *uap = arg;
	char buffer[64];
	size_t copied;
	int error;

	SDT_PROBE1(hw, usermem, usermem_strlen, entry, uap->text);
	error = copyinstr(uap->text, buffer, sizeof(buffer), &copied);
	if (error == 0)
		td->td_retval[0] = (int)copied - 1;
	SDT_PROBE2(hw, usermem, usermem_strlen, return, error, td->td_retval[0]);
	return (error);
}

static int
sys_usermem_bump(struct thread *td, void *arg)
{
	struct usermem_bump_args *uap = arg;
	int error, value;

	SDT_PROBE1(hw, usermem, usermem_bump, entry, uap->address);
	error = EFAULT;
	value = fubyte(uap->address);
	if (value != -1 && subyte(uap->address, value + 1) == 0) {
		td->td_retval[0] = (value + 1) & 0xff;
		error = 0;
	}
	SDT_PROBE2(hw, usermem, usermem_bump, return, error, td->td_retval[0]);
	return (error);
}

HW_SYSCALL(usermem_multiply, 0);
HW_SYSCALL(usermem_strlen, 0);
HW_SYSCALL(usermem_bump, 0);
MODULE_VERSION(usermem, 1);
