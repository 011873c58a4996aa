/*
 * KmodSharp host harness: system data types, as declared by FreeBSD's
 * <sys/types.h> for the kernel.
 */
#ifndef _SYS_TYPES_H_
#define	_SYS_TYPES_H_

#include <sys/cdefs.h>
#include <machine/endian.h>
#include <sys/_types.h>
#include <sys/_stdint.h>
#include <sys/_null.h>

typedef	unsigned char	u_char;
typedef	unsigned short	u_short;
typedef	unsigned int	u_int;
typedef	unsigned long	u_long;
#ifndef _KERNEL
typedef	unsigned short	ushort;
typedef	unsigned int	uint;
#endif

typedef	__uint8_t	u_int8_t;
typedef	__uint16_t	u_int16_t;
typedef	__uint32_t	u_int32_t;
typedef	__uint64_t	u_int64_t;
typedef	__uint64_t	u_quad_t;
typedef	__int64_t	quad_t;
typedef	quad_t		*qaddr_t;
typedef	char		*caddr_t;
typedef	const char	*c_caddr_t;

typedef	__blksize_t	blksize_t;
typedef	__blkcnt_t	blkcnt_t;
typedef	__clock_t	clock_t;
typedef	__clockid_t	clockid_t;
typedef	__critical_t	critical_t;
typedef	__daddr_t	daddr_t;
typedef	__dev_t		dev_t;
typedef	__fflags_t	fflags_t;
typedef	__fixpt_t	fixpt_t;
typedef	__gid_t		gid_t;
typedef	__uint32_t	in_addr_t;
typedef	__uint16_t	in_port_t;
typedef	__id_t		id_t;
typedef	__ino_t		ino_t;
typedef	__key_t		key_t;
typedef	__lwpid_t	lwpid_t;
typedef	__mode_t	mode_t;
typedef	__accmode_t	accmode_t;
typedef	__nlink_t	nlink_t;
typedef	__off_t		off_t;
typedef	__off64_t	off64_t;
typedef	__pid_t		pid_t;
typedef	__register_t	register_t;
typedef	__register_t	syscallarg_t;
typedef	__rlim_t	rlim_t;
typedef	__int64_t	sbintime_t;
typedef	__segsz_t	segsz_t;
typedef	__size_t	size_t;
typedef	__ssize_t	ssize_t;
typedef	__suseconds_t	suseconds_t;
typedef	__time_t	time_t;
typedef	__uid_t		uid_t;
typedef	__useconds_t	useconds_t;
typedef	__u_register_t	u_register_t;
typedef	__vm_offset_t	vm_offset_t;
typedef	__uint64_t	vm_ooffset_t;
typedef	__vm_paddr_t	vm_paddr_t;
typedef	__uint64_t	vm_pindex_t;
typedef	__vm_size_t	vm_size_t;
typedef	__uint64_t	rman_res_t;

#ifdef _KERNEL
typedef	unsigned int	boolean_t;
typedef	struct _device	*device_t;
typedef	__intfptr_t	intfptr_t;
typedef	__uintfptr_t	uintfptr_t;
typedef	__uint64_t	uoff_t;
typedef	char		vm_memattr_t;
typedef	struct vm_page	*vm_page_t;

#ifndef offsetof
#define	offsetof(type, field)	__offsetof(type, field)
#endif

#if !defined(__bool_true_false_are_defined) && !defined(__cplusplus)
#define	__bool_true_false_are_defined	1
#define	false	0
#define	true	1
typedef	_Bool	bool;
#endif
#endif /* _KERNEL */

#endif /* !_SYS_TYPES_H_ */
