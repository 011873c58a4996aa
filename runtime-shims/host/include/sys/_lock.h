/* KmodSharp host harness: the common lock header (<sys/_lock.h>). */
#ifndef _SYS__LOCK_H_
#define	_SYS__LOCK_H_

struct witness;

struct lock_object {
	const	char *lo_name;
	unsigned int lo_flags;
	unsigned int lo_data;
	struct	witness *lo_witness;
};

#endif /* !_SYS__LOCK_H_ */
