/*
 * KmodSharp host harness: the simulated user address space and the
 * copyin(9)/copyout(9)/fetch(9)/store(9) family.
 *
 * User addresses are fake: regions are handed out from 0x10000000 upwards,
 * each followed by an unmapped guard page, and the real address range behind
 * them is reserved PROT_NONE.  A module that dereferences a user pointer
 * directly therefore faults (AddressSanitizer reports the SEGV) instead of
 * silently reading the harness's memory; only these functions translate
 * user addresses, and they fail with EFAULT on any byte that is unmapped or
 * lacks the permission, copying nothing.
 */
#include <sys/mman.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kms_kern.h"

#ifdef KMS_MSAN
#include <sanitizer/msan_interface.h>
#endif

#define	KMS_UBASE	0x10000000ULL
#define	KMS_USIZE	0x10000000ULL
#define	KMS_UPAGE	4096ULL

struct uregion {
	uint64_t	base;
	size_t		len;
	int		prot;
	unsigned char	*data;
};

static struct uregion *regions;
static int nregions, maxregions;
static uint64_t next_base = KMS_UBASE;

/* The record of user-memory writes used by the uninitialised check. */
static unsigned char *rec;
static size_t rec_len, rec_cap;
static bool recording;

/* The system call in progress and its count of user writes, for reports. */
static int cur_code = -1;
static int cur_nwrite;

int	copyin(const void *udaddr, void *kaddr, size_t len);
int	copyin_nofault(const void *udaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *udaddr, size_t len);
int	copyout_nofault(const void *kaddr, void *udaddr, size_t len);
int	copyinstr(const void *udaddr, void *kaddr, size_t len,
	    size_t *lencopied);
int	fubyte(volatile const void *base);
long	fuword(volatile const void *base);
int	fuword16(volatile const void *base);
int32_t	fuword32(volatile const void *base);
int64_t	fuword64(volatile const void *base);
int	fueword(volatile const void *base, long *val);
int	fueword32(volatile const void *base, int32_t *val);
int	fueword64(volatile const void *base, int64_t *val);
int	subyte(volatile void *base, int byte);
int	suword(volatile void *base, long word);
int	suword16(volatile void *base, int word);
int	suword32(volatile void *base, int32_t word);
int	suword64(volatile void *base, int64_t word);
int	casueword32(volatile uint32_t *base, uint32_t oldval,
	    uint32_t *oldvalp, uint32_t newval);
int	casueword(volatile unsigned long *p, unsigned long oldval,
	    unsigned long *oldvalp, unsigned long newval);
uint32_t casuword32(volatile uint32_t *base, uint32_t oldval,
	    uint32_t newval);
unsigned long casuword(volatile unsigned long *p, unsigned long oldval,
	    unsigned long newval);

void
kms_usermem_init(void)
{
	void *p;

	p = mmap((void *)(uintptr_t)KMS_UBASE, KMS_USIZE, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
	    -1, 0);
	if (p == MAP_FAILED || (uintptr_t)p != KMS_UBASE)
		fprintf(stderr, "kmodsim: warning: cannot reserve the user "
		    "address range at %#llx; a direct user-pointer dereference "
		    "may go unnoticed\n", KMS_UBASE);
}

uint64_t
kms_umap(const void *data, size_t len, int prot)
{
	struct uregion *r, *nr;
	size_t span;

	if (nregions == maxregions) {
		maxregions = maxregions == 0 ? 64 : maxregions * 2;
		nr = realloc(regions, (size_t)maxregions * sizeof(*regions));
		if (nr == NULL)
			return (0);
		regions = nr;
	}
	span = (len + KMS_UPAGE - 1) / KMS_UPAGE * KMS_UPAGE;
	if (span == 0)
		span = KMS_UPAGE;
	if (next_base + span + KMS_UPAGE > KMS_UBASE + KMS_USIZE)
		return (0);
	r = &regions[nregions];
	r->data = calloc(1, len == 0 ? 1 : len);
	if (r->data == NULL)
		return (0);
	if (data != NULL)
		memcpy(r->data, data, len);
	r->base = next_base;
	r->len = len;
	r->prot = prot;
	nregions++;
	/* Leave an unmapped guard page after every region. */
	next_base += span + KMS_UPAGE;
	return (r->base);
}

/*
 * Translate [uaddr, uaddr + len) to harness memory if every byte is mapped
 * with the wanted permission; a range never spans two regions because of
 * the guard pages.
 */
static unsigned char *
utrans(uint64_t uaddr, size_t len, int prot)
{
	struct uregion *r;
	int i;

	if (uaddr + len < uaddr)
		return (NULL);
	for (i = 0; i < nregions; i++) {
		r = &regions[i];
		if (uaddr >= r->base && uaddr + len <= r->base + r->len) {
			if ((r->prot & prot) != prot)
				return (NULL);
			return (r->data + (uaddr - r->base));
		}
	}
	return (NULL);
}

/*
 * Fault injection: the Nth user-memory operation of the run finds the page
 * it touches gone, as if another thread had unmapped it mid-call.  The
 * driver can still read the region back for its report.
 */
static long unmap_after, uaccesses;

void
kms_usermem_unmap_after(long n)
{

	unmap_after = n;
	uaccesses = 0;
}

static void
inject_unmap(uint64_t uaddr)
{
	int i;

	if (unmap_after <= 0 || ++uaccesses != unmap_after)
		return;
	for (i = 0; i < nregions; i++) {
		if (uaddr >= regions[i].base &&
		    uaddr < regions[i].base + regions[i].len) {
			regions[i].prot = 0;
			return;
		}
	}
}

int
kms_uread(uint64_t uaddr, void *buf, size_t len)
{
	unsigned char *p;

	if (len == 0)
		return (0);
	p = utrans(uaddr, len, 0);
	if (p == NULL)
		return (-1);
	memcpy(buf, p, len);
	return (0);
}

static void
record(uint64_t uaddr, const void *src, size_t len)
{
	uint64_t hdr[2] = { uaddr, len };
	size_t need;

	if (!recording)
		return;
	need = rec_len + sizeof(hdr) + len;
	if (need > rec_cap) {
		rec_cap = need * 2;
		rec = realloc(rec, rec_cap);
		if (rec == NULL)
			abort();
	}
	memcpy(rec + rec_len, hdr, sizeof(hdr));
	memcpy(rec + rec_len + sizeof(hdr), src, len);
	rec_len = need;
}

void
kms_usermem_syscall(int code)
{

	cur_code = code;
	cur_nwrite = 0;
}

#ifdef KMS_MSAN
/*
 * MemorySanitizer knows exactly which bytes were never initialised.  Report
 * them, then mark the copy initialised so the report is made once.
 */
static void
msan_check(uint64_t uaddr, const void *src, size_t len, unsigned char *dst)
{
	size_t i, n = 0, first = 0;

	if (__msan_test_shadow(src, len) < 0)
		return;
	for (i = 0; i < len; i++) {
		if (__msan_test_shadow((const char *)src + i, 1) == 0) {
			if (n++ == 0)
				first = i;
		}
	}
	kms_violation("copyout of uninitialised kernel memory: syscall %d, "
	    "user write #%d to %#llx (%zu bytes): %zu byte(s) depend on "
	    "uninitialised memory, the first at offset %zu", cur_code,
	    cur_nwrite, (unsigned long long)uaddr, len, n, first);
	__msan_unpoison(dst, len);
}
#endif

void
kms_copyout_record_begin(void)
{

	rec_len = 0;
	recording = true;
}

void
kms_copyout_record_end(void)
{

	recording = false;
}

int
kms_copyout_record_send(int fd)
{
	size_t off = 0;
	ssize_t n;

	while (off < rec_len) {
		n = write(fd, rec + off, rec_len - off);
		if (n <= 0)
			return (-1);
		off += (size_t)n;
	}
	return (0);
}

/*
 * Compare the other run's record (buf) with this run's.  Same writes in the
 * same order are expected; bytes that differ depend on the poison.
 */
int	kms_copyout_record_compare_buf(const char *buf, size_t len, int code);

int
kms_copyout_record_compare_buf(const char *buf, size_t len, int code)
{
	size_t a = 0, b = 0, i, ndiff, first;
	uint64_t ha[2], hb[2];
	int nwrite = 0, bad = 0;

	while (a < rec_len && b < len) {
		memcpy(ha, rec + a, sizeof(ha));
		memcpy(hb, buf + b, sizeof(hb));
		if (ha[0] != hb[0] || ha[1] != hb[1] ||
		    a + sizeof(ha) + ha[1] > rec_len ||
		    b + sizeof(hb) + hb[1] > len)
			break;
		ndiff = 0;
		first = 0;
		for (i = 0; i < ha[1]; i++) {
			if (rec[a + sizeof(ha) + i] !=
			    (unsigned char)buf[b + sizeof(hb) + i]) {
				if (ndiff++ == 0)
					first = i;
			}
		}
		if (ndiff != 0) {
			kms_violation("copyout of uninitialised kernel memory: "
			    "syscall %d, user write #%d to %#llx (%llu bytes): "
			    "%zu byte(s) depend on uninitialised memory, the "
			    "first at offset %zu", code, nwrite,
			    (unsigned long long)ha[0],
			    (unsigned long long)ha[1], ndiff, first);
			bad++;
		}
		a += sizeof(ha) + ha[1];
		b += sizeof(hb) + hb[1];
		nwrite++;
	}
	if (a != rec_len || b != len)
		fprintf(stderr, "kmodsim: note: syscall %d wrote user memory "
		    "differently in its two runs; the uninitialised-copyout "
		    "check compared only the first %d write(s)\n", code,
		    nwrite);
	return (bad);
}

int
copyin(const void *udaddr, void *kaddr, size_t len)
{
	unsigned char *p;

	kms_witness_sleep("copyin");
	if (len == 0)
		return (0);
	inject_unmap((uintptr_t)udaddr);
	p = utrans((uintptr_t)udaddr, len, KMS_UPROT_READ);
	if (p == NULL)
		return (KMS_EFAULT);
	memcpy(kaddr, p, len);
	return (0);
}

/* Simulated user memory is always resident: no fault, no sleep. */
int
copyin_nofault(const void *udaddr, void *kaddr, size_t len)
{
	unsigned char *p;

	if (len == 0)
		return (0);
	inject_unmap((uintptr_t)udaddr);
	p = utrans((uintptr_t)udaddr, len, KMS_UPROT_READ);
	if (p == NULL)
		return (KMS_EFAULT);
	memcpy(kaddr, p, len);
	return (0);
}

static int
uwrite(uint64_t uaddr, const void *src, size_t len)
{
	unsigned char *p;

	if (len == 0)
		return (0);
	inject_unmap(uaddr);
	p = utrans(uaddr, len, KMS_UPROT_WRITE);
	if (p == NULL)
		return (-1);
	memcpy(p, src, len);
#ifdef KMS_MSAN
	msan_check(uaddr, src, len, p);
#endif
	record(uaddr, src, len);
	cur_nwrite++;
	return (0);
}

int
copyout(const void *kaddr, void *udaddr, size_t len)
{

	kms_witness_sleep("copyout");
	return (uwrite((uintptr_t)udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyout_nofault(const void *kaddr, void *udaddr, size_t len)
{

	return (uwrite((uintptr_t)udaddr, kaddr, len) == 0 ? 0 : KMS_EFAULT);
}

int
copyinstr(const void *udaddr, void *kaddr, size_t len, size_t *lencopied)
{
	uint64_t u = (uintptr_t)udaddr;
	unsigned char *p, *k = kaddr;
	size_t i;

	kms_witness_sleep("copyinstr");
	inject_unmap(u);
	for (i = 0; i < len; i++) {
		p = utrans(u + i, 1, KMS_UPROT_READ);
		if (p == NULL) {
			if (lencopied != NULL)
				*lencopied = i;
			return (KMS_EFAULT);
		}
		k[i] = *p;
		if (*p == '\0') {
			if (lencopied != NULL)
				*lencopied = i + 1;
			return (0);
		}
	}
	if (lencopied != NULL)
		*lencopied = len;
	return (KMS_ENAMETOOLONG);
}

static int
uread(volatile const void *base, void *val, size_t len)
{
	unsigned char *p;

	kms_witness_sleep("fuword");
	inject_unmap((uintptr_t)base);
	p = utrans((uintptr_t)base, len, KMS_UPROT_READ);
	if (p == NULL)
		return (-1);
	memcpy(val, p, len);
	return (0);
}

int
fubyte(volatile const void *base)
{
	uint8_t v;

	return (uread(base, &v, sizeof(v)) == 0 ? v : -1);
}

int
fuword16(volatile const void *base)
{
	uint16_t v;

	return (uread(base, &v, sizeof(v)) == 0 ? v : -1);
}

int32_t
fuword32(volatile const void *base)
{
	int32_t v;

	return (uread(base, &v, sizeof(v)) == 0 ? v : -1);
}

int64_t
fuword64(volatile const void *base)
{
	int64_t v;

	return (uread(base, &v, sizeof(v)) == 0 ? v : -1);
}

long
fuword(volatile const void *base)
{

	return (fuword64(base));
}

int
fueword(volatile const void *base, long *val)
{

	return (uread(base, val, sizeof(*val)));
}

int
fueword32(volatile const void *base, int32_t *val)
{

	return (uread(base, val, sizeof(*val)));
}

int
fueword64(volatile const void *base, int64_t *val)
{

	return (uread(base, val, sizeof(*val)));
}

static int
ustore(volatile void *base, const void *val, size_t len)
{

	kms_witness_sleep("suword");
	return (uwrite((uintptr_t)base, val, len));
}

int
subyte(volatile void *base, int byte)
{
	uint8_t v = (uint8_t)byte;

	return (ustore(base, &v, sizeof(v)));
}

int
suword16(volatile void *base, int word)
{
	uint16_t v = (uint16_t)word;

	return (ustore(base, &v, sizeof(v)));
}

int
suword32(volatile void *base, int32_t word)
{

	return (ustore(base, &word, sizeof(word)));
}

int
suword64(volatile void *base, int64_t word)
{

	return (ustore(base, &word, sizeof(word)));
}

int
suword(volatile void *base, long word)
{

	return (ustore(base, &word, sizeof(word)));
}

int
casueword32(volatile uint32_t *base, uint32_t oldval, uint32_t *oldvalp,
    uint32_t newval)
{
	uint32_t cur;

	if (uread(base, &cur, sizeof(cur)) != 0)
		return (-1);
	*oldvalp = cur;
	if (cur != oldval)
		return (1);
	return (ustore(base, &newval, sizeof(newval)));
}

int
casueword(volatile unsigned long *p, unsigned long oldval,
    unsigned long *oldvalp, unsigned long newval)
{
	unsigned long cur;

	if (uread(p, &cur, sizeof(cur)) != 0)
		return (-1);
	*oldvalp = cur;
	if (cur != oldval)
		return (1);
	return (ustore(p, &newval, sizeof(newval)));
}

uint32_t
casuword32(volatile uint32_t *base, uint32_t oldval, uint32_t newval)
{
	uint32_t old;
	int rv;

	rv = casueword32(base, oldval, &old, newval);
	return (rv == -1 ? (uint32_t)-1 : old);
}

unsigned long
casuword(volatile unsigned long *p, unsigned long oldval,
    unsigned long newval)
{
	unsigned long old;
	int rv;

	rv = casueword(p, oldval, &old, newval);
	return (rv == -1 ? (unsigned long)-1 : old);
}
