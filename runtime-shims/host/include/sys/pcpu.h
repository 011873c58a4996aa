/* KmodSharp host harness: per-CPU data; only curthread is emulated. */
#ifndef _SYS_PCPU_H_
#define	_SYS_PCPU_H_

#include <machine/pcpu.h>

#endif /* !_SYS_PCPU_H_ */
