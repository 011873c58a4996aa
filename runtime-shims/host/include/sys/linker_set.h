/*
 * KmodSharp host harness: linker sets (<sys/linker_set.h>).  Each entry is a
 * pointer placed in section "set_<name>"; the ELF linker defines
 * __start_set_<name>/__stop_set_<name> around it, per shared object.
 */
#ifndef _SYS_LINKER_SET_H_
#define	_SYS_LINKER_SET_H_

#include <sys/cdefs.h>

/*
 * The entries must stay a dense array of pointers, so AddressSanitizer may
 * not pad them with redzones; GCC and Clang leave variables with an
 * explicit section alone, and the attribute says so for Clang.
 */
#if defined(__clang__)
#define	__KMS_SET_NOASAN	__attribute__((__no_sanitize__("address")))
#else
#define	__KMS_SET_NOASAN
#endif

#define	__MAKE_SET_QV(set, sym, qv)					\
	__WEAK(__CONCAT(__start_set_,set));				\
	__WEAK(__CONCAT(__stop_set_,set));				\
	static void const * qv						\
	__KMS_SET_NOASAN						\
	__set_##set##_sym_##sym __section("set_" #set)			\
	__used __aligned(sizeof(void *)) = &(sym)
#define	__MAKE_SET(set, sym)	__MAKE_SET_QV(set, sym, const)

#define	TEXT_SET(set, sym)	__MAKE_SET(set, sym)
#define	DATA_SET(set, sym)	__MAKE_SET(set, sym)
#define	DATA_WSET(set, sym)	__MAKE_SET_QV(set, sym, )
#define	BSS_SET(set, sym)	__MAKE_SET(set, sym)
#define	ABS_SET(set, sym)	__MAKE_SET(set, sym)
#define	SET_ENTRY(set, sym)	__MAKE_SET(set, sym)

#define	SET_DECLARE(set, ptype)						\
	extern ptype __weak_symbol *__CONCAT(__start_set_,set);		\
	extern ptype __weak_symbol *__CONCAT(__stop_set_,set)
#define	SET_BEGIN(set)		(&__CONCAT(__start_set_,set))
#define	SET_LIMIT(set)		(&__CONCAT(__stop_set_,set))
#define	SET_FOREACH(pvar, set)						\
	for (pvar = SET_BEGIN(set); pvar < SET_LIMIT(set); pvar++)
#define	SET_ITEM(set, i)	((SET_BEGIN(set))[i])
#define	SET_COUNT(set)		(SET_LIMIT(set) - SET_BEGIN(set))

#endif /* !_SYS_LINKER_SET_H_ */
