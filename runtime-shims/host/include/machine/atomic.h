/*
 * KmodSharp host harness: atomic(9) for amd64, with FreeBSD's prototypes
 * (machine/atomic.h, sys/atomic_common.h), implemented with the compiler's
 * __atomic builtins.  amd64 is TSO, so the _acq/_rel variants get the
 * matching C11 orders; the plain variants are sequentially consistent like
 * FreeBSD's locked instructions.
 */
#ifndef _MACHINE_ATOMIC_H_
#define	_MACHINE_ATOMIC_H_

#include <sys/types.h>

#define	KMS_ATOMIC_OPS(NAME, TYPE)					\
static __inline void							\
atomic_add_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }				\
static __inline void							\
atomic_subtract_##NAME(volatile TYPE *p, TYPE v)			\
{ __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST); }				\
static __inline void							\
atomic_set_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }				\
static __inline void							\
atomic_clear_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_fetch_and(p, ~v, __ATOMIC_SEQ_CST); }			\
static __inline int							\
atomic_cmpset_##NAME(volatile TYPE *dst, TYPE expect, TYPE src)		\
{ return (__atomic_compare_exchange_n(dst, &expect, src, 0,		\
    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); }				\
static __inline int							\
atomic_fcmpset_##NAME(volatile TYPE *dst, TYPE *expect, TYPE src)	\
{ return (__atomic_compare_exchange_n(dst, expect, src, 0,		\
    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); }				\
static __inline TYPE							\
atomic_load_##NAME(volatile TYPE *p)					\
{ return (__atomic_load_n(p, __ATOMIC_RELAXED)); }			\
static __inline void							\
atomic_store_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_store_n(p, v, __ATOMIC_RELAXED); }				\
static __inline TYPE							\
atomic_load_acq_##NAME(const volatile TYPE *p)			\
{ return (__atomic_load_n(p, __ATOMIC_ACQUIRE)); }			\
static __inline void							\
atomic_store_rel_##NAME(volatile TYPE *p, TYPE v)			\
{ __atomic_store_n(p, v, __ATOMIC_RELEASE); }				\
static __inline void							\
atomic_add_acq_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_fetch_add(p, v, __ATOMIC_ACQ_REL); }				\
static __inline void							\
atomic_add_rel_##NAME(volatile TYPE *p, TYPE v)				\
{ __atomic_fetch_add(p, v, __ATOMIC_ACQ_REL); }				\
static __inline void							\
atomic_subtract_acq_##NAME(volatile TYPE *p, TYPE v)			\
{ __atomic_fetch_sub(p, v, __ATOMIC_ACQ_REL); }				\
static __inline void							\
atomic_subtract_rel_##NAME(volatile TYPE *p, TYPE v)			\
{ __atomic_fetch_sub(p, v, __ATOMIC_ACQ_REL); }				\
static __inline int							\
atomic_cmpset_acq_##NAME(volatile TYPE *dst, TYPE expect, TYPE src)	\
{ return (__atomic_compare_exchange_n(dst, &expect, src, 0,		\
    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)); }				\
static __inline int							\
atomic_cmpset_rel_##NAME(volatile TYPE *dst, TYPE expect, TYPE src)	\
{ return (__atomic_compare_exchange_n(dst, &expect, src, 0,		\
    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)); }				\
struct __hack

/* fetchadd, swap and readandclear exist for 32- and 64-bit words only. */
#define	KMS_ATOMIC_SWAP(NAME, TYPE)					\
static __inline TYPE							\
atomic_swap_##NAME(volatile TYPE *p, TYPE v)				\
{ return (__atomic_exchange_n(p, v, __ATOMIC_SEQ_CST)); }		\
static __inline TYPE							\
atomic_readandclear_##NAME(volatile TYPE *p)				\
{ return (__atomic_exchange_n(p, 0, __ATOMIC_SEQ_CST)); }		\
struct __hack

#define	KMS_ATOMIC_FETCHADD(NAME, TYPE)					\
static __inline TYPE							\
atomic_fetchadd_##NAME(volatile TYPE *p, TYPE v)			\
{ return (__atomic_fetch_add(p, v, __ATOMIC_SEQ_CST)); }		\
struct __hack

KMS_ATOMIC_OPS(char, u_char);
KMS_ATOMIC_OPS(short, u_short);
KMS_ATOMIC_OPS(int, u_int);
KMS_ATOMIC_OPS(long, u_long);
KMS_ATOMIC_OPS(8, uint8_t);
KMS_ATOMIC_OPS(16, uint16_t);
KMS_ATOMIC_OPS(32, uint32_t);
KMS_ATOMIC_OPS(64, uint64_t);
KMS_ATOMIC_OPS(ptr, uintptr_t);
KMS_ATOMIC_SWAP(int, u_int);
KMS_ATOMIC_SWAP(long, u_long);
KMS_ATOMIC_SWAP(32, uint32_t);
KMS_ATOMIC_SWAP(64, uint64_t);
KMS_ATOMIC_SWAP(ptr, uintptr_t);
KMS_ATOMIC_FETCHADD(int, u_int);
KMS_ATOMIC_FETCHADD(long, u_long);
KMS_ATOMIC_FETCHADD(32, uint32_t);
KMS_ATOMIC_FETCHADD(64, uint64_t);

#undef KMS_ATOMIC_OPS
#undef KMS_ATOMIC_SWAP
#undef KMS_ATOMIC_FETCHADD

static __inline void
atomic_thread_fence_acq(void)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

static __inline void
atomic_thread_fence_rel(void)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static __inline void
atomic_thread_fence_acq_rel(void)
{
	__atomic_thread_fence(__ATOMIC_ACQ_REL);
}

static __inline void
atomic_thread_fence_seq_cst(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

#endif /* !_MACHINE_ATOMIC_H_ */
