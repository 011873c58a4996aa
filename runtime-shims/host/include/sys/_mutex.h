/* KmodSharp host harness: struct mtx (<sys/_mutex.h>). */
#ifndef _SYS__MUTEX_H_
#define	_SYS__MUTEX_H_

#include <sys/_types.h>
#include <sys/_lock.h>

struct mtx {
	struct lock_object	lock_object;
	volatile __uintptr_t	mtx_lock;
};

#endif /* !_SYS__MUTEX_H_ */
