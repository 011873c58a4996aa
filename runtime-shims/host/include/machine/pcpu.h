/*
 * KmodSharp host harness: curthread.  FreeBSD's __curthread() is a static
 * inline function reading the per-CPU pointer through %gs; the emulated
 * kernel has one CPU, whose current thread the harness keeps in
 * kms_pcpu_curthread.
 */
#ifndef _MACHINE_PCPU_H_
#define	_MACHINE_PCPU_H_

#include <sys/cdefs.h>

#ifdef _KERNEL
struct thread;
extern struct thread *kms_pcpu_curthread;

static __inline __pure2 struct thread *
__curthread(void)
{

	return (kms_pcpu_curthread);
}
#define	curthread	(__curthread())
#define	curproc		(curthread->td_proc)
#endif

#endif /* !_MACHINE_PCPU_H_ */
