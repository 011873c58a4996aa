/* KmodSharp host harness: struct sx (<sys/_sx.h>). */
#ifndef _SYS__SX_H_
#define	_SYS__SX_H_

#include <sys/_types.h>
#include <sys/_lock.h>

struct sx {
	struct lock_object	lock_object;
	volatile __uintptr_t	sx_lock;
};

#endif /* !_SYS__SX_H_ */
