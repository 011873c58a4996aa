/*
 * KmodSharp host harness: malloc(9) with per-type accounting.
 *
 * Each allocation comes from the host allocator (so AddressSanitizer sees
 * overflows and use-after-free) and is also entered in a hash table that
 * records its type and size.  Allocations stay reachable from that table,
 * so a module left loaded at exit is not reported by LeakSanitizer; leaks
 * are the kernel's business and are reported when the type is torn down,
 * as FreeBSD's malloc_uninit does.  Memory without M_ZERO is filled with
 * the current poison byte (see subr_syscall.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

struct kms_alloc {
	struct kms_alloc	*next;
	void			*addr;
	size_t			size;
	struct kms_malloc_type	*type;
};

struct kms_mtstats {
	long	inuse;
	size_t	bytes;
	long	total;
};

#define	KMS_NBUCKETS	4096

static struct kms_alloc *buckets[KMS_NBUCKETS];
static long nowait_count;
static long fail_nth;
static long leaked;

unsigned char kms_poison_byte = 0xa5;

void	*kms_kern_malloc(size_t size, struct kms_malloc_type *type, int flags);
void	kms_kern_free(void *addr, struct kms_malloc_type *type);
void	*kms_kern_realloc(void *addr, size_t size,
	    struct kms_malloc_type *type, int flags);
void	*reallocf(void *addr, size_t size, struct kms_malloc_type *type,
	    int flags);
void	*mallocarray(size_t nmemb, size_t size, struct kms_malloc_type *type,
	    int flags);
void	zfree(void *addr, struct kms_malloc_type *type);
size_t	kms_kern_malloc_usable_size(const void *addr);
void	malloc_init(void *data);
void	malloc_uninit(void *data);

/* The predeclared types of <sys/malloc.h>. */
struct kms_malloc_type M_TEMP[1] = {
	{ .ks_version = KMS_M_VERSION, .ks_shortdesc = "temp" }
};
struct kms_malloc_type M_DEVBUF[1] = {
	{ .ks_version = KMS_M_VERSION, .ks_shortdesc = "devbuf" }
};
struct kms_malloc_type M_CACHE[1] = {
	{ .ks_version = KMS_M_VERSION, .ks_shortdesc = "cache" }
};

static void __attribute__((__constructor__))
kmeminit(void)
{

	malloc_init(M_TEMP);
	malloc_init(M_DEVBUF);
	malloc_init(M_CACHE);
}

static size_t
hash(const void *addr)
{

	return (((uintptr_t)addr >> 4) % KMS_NBUCKETS);
}

static struct kms_mtstats *
stats(struct kms_malloc_type *type, const char *fn)
{

	if (type == NULL)
		kms_panic("%s: NULL malloc type", fn);
	if (type->ks_version != KMS_M_VERSION)
		kms_panic("%s: type %p with unsupported version %lu", fn,
		    (void *)type, type->ks_version);
	if (type->ks_mti.mti_stats == NULL)
		kms_panic("%s: malloc type %s used before malloc_init or "
		    "after malloc_uninit", fn, type->ks_shortdesc);
	return (type->ks_mti.mti_stats);
}

void
kms_malloc_fail_nth(long n)
{

	fail_nth = n;
}

long
kms_malloc_leaks(void)
{

	return (leaked);
}

void
malloc_init(void *data)
{
	struct kms_malloc_type *type = data;

	if (type->ks_version != KMS_M_VERSION)
		kms_panic("malloc_init: type %s with unsupported version %lu",
		    type->ks_shortdesc, type->ks_version);
	type->ks_mti.mti_stats = calloc(1, sizeof(struct kms_mtstats));
	if (type->ks_mti.mti_stats == NULL)
		kms_panic("malloc_init: out of memory");
}

void
malloc_uninit(void *data)
{
	struct kms_malloc_type *type = data;
	struct kms_mtstats *st;
	struct kms_alloc **pp, *a;
	size_t i;

	st = stats(type, "malloc_uninit");
	if (st->inuse != 0) {
		kms_kern_printf("Warning: memory type %s leaked memory on "
		    "destroy (%ld allocations, %zu bytes leaked).\n",
		    type->ks_shortdesc, st->inuse, st->bytes);
		leaked += st->inuse;
		/*
		 * The module that owned the memory is going away; release the
		 * host blocks so that only the kernel-level leak is reported.
		 */
		for (i = 0; i < KMS_NBUCKETS; i++) {
			for (pp = &buckets[i]; (a = *pp) != NULL;) {
				if (a->type == type) {
					*pp = a->next;
					free(a->addr);
					free(a);
				} else
					pp = &a->next;
			}
		}
	}
	free(st);
	type->ks_mti.mti_stats = NULL;
}

void *
kms_kern_malloc(size_t size, struct kms_malloc_type *type, int flags)
{
	struct kms_mtstats *st;
	struct kms_alloc *a;
	void *p;
	int how;

	how = flags & (KMS_M_WAITOK | KMS_M_NOWAIT);
	if (how != KMS_M_WAITOK && how != KMS_M_NOWAIT)
		kms_panic("malloc: bad malloc flags %#x: exactly one of "
		    "M_WAITOK and M_NOWAIT is required", flags);
	st = stats(type, "malloc");
	if (how == KMS_M_WAITOK)
		kms_witness_sleep("malloc(M_WAITOK)");
	else if (fail_nth > 0 && ++nowait_count == fail_nth)
		return (NULL);

	p = malloc(size == 0 ? 1 : size);
	a = malloc(sizeof(*a));
	if (p == NULL || a == NULL) {
		free(p);
		free(a);
		if (how == KMS_M_WAITOK)
			kms_panic("malloc(M_WAITOK) of %zu bytes failed", size);
		return (NULL);
	}
#ifdef KMS_MSAN
	/* Under MemorySanitizer, fresh memory stays "uninitialised". */
	if ((flags & KMS_M_ZERO) != 0)
		memset(p, 0, size == 0 ? 1 : size);
#else
	memset(p, (flags & KMS_M_ZERO) != 0 ? 0 : kms_poison_byte,
	    size == 0 ? 1 : size);
#endif
	a->addr = p;
	a->size = size;
	a->type = type;
	a->next = buckets[hash(p)];
	buckets[hash(p)] = a;
	st->inuse++;
	st->bytes += size;
	st->total++;
	return (p);
}

static struct kms_alloc *
lookup(const void *addr, bool unlink)
{
	struct kms_alloc **pp, *a;

	for (pp = &buckets[hash(addr)]; (a = *pp) != NULL; pp = &a->next) {
		if (a->addr == addr) {
			if (unlink)
				*pp = a->next;
			return (a);
		}
	}
	return (NULL);
}

void
kms_kern_free(void *addr, struct kms_malloc_type *type)
{
	struct kms_mtstats *st;
	struct kms_alloc *a;

	if (addr == NULL)
		return;
	a = lookup(addr, true);
	if (a == NULL)
		kms_panic("free: address %p(%s) has not been allocated",
		    addr, type != NULL ? type->ks_shortdesc : "NULL");
	if (a->type != type)
		kms_violation("free: %p allocated with malloc type %s but "
		    "freed as %s", addr, a->type->ks_shortdesc,
		    type != NULL ? type->ks_shortdesc : "NULL");
	st = stats(a->type, "free");
	st->inuse--;
	st->bytes -= a->size;
	free(a->addr);
	free(a);
}

void
zfree(void *addr, struct kms_malloc_type *type)
{
	struct kms_alloc *a;

	if (addr != NULL && (a = lookup(addr, false)) != NULL)
		memset(addr, 0, a->size);
	kms_kern_free(addr, type);
}

void *
kms_kern_realloc(void *addr, size_t size, struct kms_malloc_type *type,
    int flags)
{
	struct kms_alloc *a;
	void *n;

	if (addr == NULL)
		return (kms_kern_malloc(size, type, flags));
	a = lookup(addr, false);
	if (a == NULL)
		kms_panic("realloc: address %p has not been allocated", addr);
	n = kms_kern_malloc(size, type, flags);
	if (n == NULL)
		return (NULL);
	memcpy(n, addr, a->size < size ? a->size : size);
	kms_kern_free(addr, type);
	return (n);
}

void *
reallocf(void *addr, size_t size, struct kms_malloc_type *type, int flags)
{
	void *n;

	n = kms_kern_realloc(addr, size, type, flags);
	if (n == NULL)
		kms_kern_free(addr, type);
	return (n);
}

void *
mallocarray(size_t nmemb, size_t size, struct kms_malloc_type *type,
    int flags)
{

	if (nmemb != 0 && size > SIZE_MAX / nmemb)
		kms_panic("mallocarray: %zu * %zu overflowed", nmemb, size);
	return (kms_kern_malloc(nmemb * size, type, flags));
}

size_t
kms_kern_malloc_usable_size(const void *addr)
{
	struct kms_alloc *a;

	a = lookup(addr, false);
	return (a != NULL ? a->size : 0);
}
