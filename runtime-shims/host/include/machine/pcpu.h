/*
 * KmodSharp host harness: curthread.  FreeBSD reads it from %gs; the
 * emulated kernel has one thread, returned by a function.
 */
#ifndef _MACHINE_PCPU_H_
#define	_MACHINE_PCPU_H_

#include <sys/cdefs.h>

struct thread;
struct thread	*__curthread(void) __pure2;
#define	curthread	(__curthread())
#define	curproc		(curthread->td_proc)

#endif /* !_MACHINE_PCPU_H_ */
