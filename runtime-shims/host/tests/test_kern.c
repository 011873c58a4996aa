/*
 * Unit self-tests of the emulated kernel, linked directly with its
 * objects: the printf(9) formatter, kern_syscall_register/deregister edge
 * cases, the syscall drain, modfind/modstat, user-memory boundaries,
 * priv_check, and the agreement of the kernel's structure mirror with the
 * kernel-world headers.
 *
 *	test_kern ABI_SO
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kern/kms_kern.h"

int	kms_kern_snprintf(char *, size_t, const char *, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	kern_syscall_register(struct kms_sysent *sysents, int *offset,
	    struct kms_sysent *new_sysent, struct kms_sysent *old_sysent,
	    int flags);
int	kern_syscall_deregister(struct kms_sysent *sysents, int offset,
	    const struct kms_sysent *old_sysent);
int	syscall_thread_enter(struct kms_thread *td, struct kms_sysent **se);
int	lkmnosys(struct kms_thread *td, void *args);
int	lkmressys(struct kms_thread *td, void *args);
int	nosys(struct kms_thread *td, void *args);
int	priv_check(struct kms_thread *td, int priv);
int	syscall_helper_register(struct kms_syscall_helper_data *sd, int flags);
int	syscall_helper_unregister(struct kms_syscall_helper_data *sd);
void	module_setspecific(struct kms_module *mod, kms_modspecific_t *datap);
int	copyin(const void *udaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *udaddr, size_t len);

static int failures, checks;

#define	CHECK(cond, ...) do {						\
	checks++;							\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	}								\
} while (0)

#define	FMT(expect, ...) do {						\
	char b_[256];							\
									\
	kms_kern_snprintf(b_, sizeof(b_), __VA_ARGS__);			\
	CHECK(strcmp(b_, (expect)) == 0, "printf(%s) gave \"%s\", "	\
	    "expected \"%s\"", #__VA_ARGS__, b_, (expect));		\
} while (0)

static void
test_printf(void)
{
	/* Hidden from the compiler, which rightly warns about %s of NULL. */
	const char *volatile null = NULL;
	char small[4];
	int n;

	FMT("-5|42|   42|42   |00042", "%d|%i|%5d|%-5d|%05d", -5, 42, 42, 42,
	    42);
	FMT("+7| 7|-7", "%+d|% d|%+d", 7, 7, -7);
	FMT("ff|FF|0xff|0XFF|17|017", "%x|%X|%#x|%#X|%o|%#o", 255, 255, 255,
	    255, 15, 15);
	FMT("00042|  00042", "%.5d|%7.5d", 42, 42);
	FMT("a|  b|c  |%", "%c|%3c|%-3c|%%", 'a', 'b', 'c');
	FMT("hello|hel|     hello|hello     |(null)", "%s|%.3s|%10s|%-10s|%s",
	    "hello", "hello", "hello", "hello", null);
	FMT("0x1234|0", "%p|%p", (void *)0x1234, (void *)NULL);
	FMT("44|-1|255", "%hhd|%hd|%hhu", 300, 65535, 255);
	FMT("-9223372036854775808|18446744073709551615",
	    "%ld|%lu", (long)-9223372036854775807L - 1, ~0UL);
	FMT("-3|-4|5|6|-7|ffffffffffffffff", "%lld|%qd|%jd|%zu|%td|%llx",
	    -3LL, (long long)-4, (intmax_t)5, (size_t)6, (ptrdiff_t)-7,
	    ~0ULL);
	FMT("0", "%#x", 0);
	n = kms_kern_snprintf(small, sizeof(small), "%s", "truncated");
	CHECK(n == 9 && strcmp(small, "tru") == 0,
	    "snprintf truncation gave %d \"%s\"", n, small);
}

static int
dummy_call(struct kms_thread *td, void *args)
{

	(void)td;
	(void)args;
	return (0);
}

static void
test_register(void)
{
	struct kms_sysent se = { .sy_call = dummy_call }, old, se2, old2;
	int off, off2, error;

	off = 0;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) ==
	    KMS_EEXIST, "offset 0 must be EEXIST");
	off = KMS_SYS_MAXSYSCALL;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) ==
	    KMS_EINVAL, "offset SYS_MAXSYSCALL must be EINVAL");
	off = -2;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) ==
	    KMS_EINVAL, "offset -2 must be EINVAL");
	off = 3;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) ==
	    KMS_EEXIST, "a static slot must be EEXIST");
	off = KMS_NO_SYSCALL;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 2) ==
	    KMS_EINVAL, "flags other than SY_THR_STATIC must be EINVAL");

	/* A NOSTD slot can be taken explicitly and is restored. */
	off = 154;
	error = kern_syscall_register(sysent, &off, &se, &old, 0);
	CHECK(error == 0 && sysent[154].sy_call == dummy_call &&
	    old.sy_call == lkmressys, "lkmressys slot 154: error %d", error);
	CHECK(kern_syscall_deregister(sysent, 154, &old) == 0 &&
	    sysent[154].sy_call == lkmressys, "slot 154 restored");

	/* Dynamic slots are the first lkmnosys ones, written back. */
	off = KMS_NO_SYSCALL;
	off2 = KMS_NO_SYSCALL;
	se2 = se;
	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) == 0 &&
	    off == 210, "first dynamic slot %d", off);
	CHECK(kern_syscall_register(sysent, &off2, &se2, &old2, 0) == 0 &&
	    off2 == 211, "second dynamic slot %d", off2);
	CHECK(se.sy_thrcnt == KMS_SY_THR_ABSENT,
	    "the caller's sysent is marked absent");
	CHECK(sysent[210].sy_thrcnt == 0, "the live entry is counted");
	CHECK(kern_syscall_deregister(sysent, 211, &old2) == 0 &&
	    sysent[211].sy_call == lkmnosys &&
	    sysent[211].sy_thrcnt == KMS_SY_THR_ABSENT, "slot 211 restored");
	CHECK(kern_syscall_deregister(sysent, 3, &old2) == KMS_EINVAL,
	    "deregistering a static entry is EINVAL");
	CHECK(kern_syscall_deregister(sysent, 0, &old2) == 0,
	    "deregistering offset 0 is a no-op");
	CHECK(kern_syscall_deregister(sysent, 210, &old) == 0 &&
	    sysent[210].sy_call == lkmnosys, "slot 210 restored");
}

static void
test_helper(void)
{
	struct kms_syscall_helper_data sd[] = {
		{ .new_sysent = { .sy_call = dummy_call }, .syscall_no = 220 },
		{ .new_sysent = { .sy_call = dummy_call }, .syscall_no = 221 },
		{ .syscall_no = KMS_NO_SYSCALL },
	}, bad[] = {
		{ .new_sysent = { .sy_call = dummy_call }, .syscall_no = 222 },
		{ .new_sysent = { .sy_call = dummy_call }, .syscall_no = 3 },
		{ .syscall_no = KMS_NO_SYSCALL },
	};

	CHECK(syscall_helper_register(sd, 0) == 0 &&
	    sysent[220].sy_call == dummy_call &&
	    sysent[221].sy_call == dummy_call && sd[1].registered == 1,
	    "helper registers NOSTD slots 220, 221");
	CHECK(syscall_helper_unregister(sd) == 0 &&
	    sysent[220].sy_call == lkmressys &&
	    sysent[221].sy_call == lkmressys, "helper unregisters");
	CHECK(syscall_helper_register(bad, 0) == KMS_EEXIST &&
	    sysent[222].sy_call == lkmressys && bad[0].registered == 0,
	    "a failing helper array is undone");
}

static void
test_drain(void)
{
	struct kms_sysent se = { .sy_call = dummy_call }, old, *sep;
	jmp_buf jb;
	int off = KMS_NO_SYSCALL;

	CHECK(kern_syscall_register(sysent, &off, &se, &old, 0) == 0,
	    "register for drain");
	sep = &sysent[off];
	syscall_thread_enter(kms_curthread(), &sep);
	CHECK(sysent[off].sy_thrcnt == KMS_SY_THR_INCR, "in-flight count 1");
	kms_quiet_set(true);
	if (setjmp(jb) == 0) {
		kms_panic_set_catch(&jb);
		kern_syscall_deregister(sysent, off, &old);
		CHECK(0, "deregister with a thread inside must not return");
	}
	kms_panic_set_catch(NULL);
	kms_quiet_set(false);
	CHECK(kms_panicked() && strstr(kms_panic_message(), "scdrn") != NULL,
	    "drain panic: %s", kms_panic_message());
}

static void
test_modstat(void)
{
	static struct kms_linker_file lf = { .filename = "test" };
	struct kms_moduledata md = { "sys/unit", NULL, NULL };
	struct kms_module_stat st;
	kms_modspecific_t ms = { .intval = 215 };
	int64_t args[8] = { 0 }, rv[2];
	uint64_t uname, ustat;
	int modid;

	CHECK(kms_module_register(&md, &lf) == 0, "register sys/unit");
	CHECK(kms_module_register(&md, &lf) == KMS_EEXIST, "duplicate name");
	module_setspecific(kms_module_byname("sys/unit"), &ms);

	uname = kms_umap("sys/unit", 9, KMS_UPROT_READ);
	args[0] = (int64_t)uname;
	CHECK(kms_syscall(303, args, rv) == 0, "modfind");
	modid = (int)rv[0];
	args[0] = (int64_t)kms_umap("sys/none", 9, KMS_UPROT_READ);
	CHECK(kms_syscall(303, args, rv) == KMS_ENOENT, "modfind ENOENT");

	memset(&st, 0, sizeof(st));
	st.version = sizeof(st);
	ustat = kms_umap(&st, sizeof(st), KMS_UPROT_READ | KMS_UPROT_WRITE);
	args[0] = modid;
	args[1] = (int64_t)ustat;
	CHECK(kms_syscall(301, args, rv) == 0, "modstat");
	CHECK(kms_uread(ustat, &st, sizeof(st)) == 0 && st.data.intval == 215 &&
	    strcmp(st.name, "sys/unit") == 0 && st.id == modid,
	    "modstat contents: %d %s", st.data.intval, st.name);

	st.version = 12;
	ustat = kms_umap(&st, sizeof(st), KMS_UPROT_READ | KMS_UPROT_WRITE);
	args[1] = (int64_t)ustat;
	CHECK(kms_syscall(301, args, rv) == KMS_EINVAL, "bad version EINVAL");
	args[0] = 9999;
	CHECK(kms_syscall(301, args, rv) == KMS_ENOENT, "bad id ENOENT");
	args[0] = 0;
	CHECK(kms_syscall(KMS_SYS_MAXSYSCALL, args, rv) == KMS_ENOSYS,
	    "out of range ENOSYS");
	CHECK(kms_syscall(-1, args, rv) == KMS_ENOSYS, "negative ENOSYS");
	CHECK(kms_syscall(215, args, rv) == KMS_ENOSYS, "lkmnosys ENOSYS");
	kms_module_release(kms_module_byname("sys/unit"));
}

static void
test_usermem(void)
{
	unsigned char k[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, z[8] = { 0 };
	uint64_t a, b;

	a = kms_umap(z, 4, KMS_UPROT_READ | KMS_UPROT_WRITE);
	b = kms_umap(z, 4, KMS_UPROT_READ);
	CHECK(a >= 0x10000000 && b >= a + 4096 * 2, "guard page between");
	CHECK(copyin((void *)(uintptr_t)a, k, 5) == KMS_EFAULT &&
	    k[0] == 1 && k[4] == 5, "copyin past the end: EFAULT, no copy");
	CHECK(copyin((void *)(uintptr_t)(a + 1), k, 3) == 0 && k[0] == 0 &&
	    k[3] == 4, "copyin of the tail");
	CHECK(copyout(k, (void *)(uintptr_t)b, 1) == KMS_EFAULT,
	    "copyout to read-only: EFAULT");
	CHECK(copyout(k, (void *)(uintptr_t)a, 0) == 0, "zero length");
	CHECK(copyin(NULL, k, 1) == KMS_EFAULT, "NULL user address");
}

static void
test_priv(void)
{
	jmp_buf jb;

	kms_thread_init(0, false, false);
	CHECK(priv_check(kms_curthread(), 600) == 0, "root PRIV_MODULE0");
	kms_thread_init(0, true, false);
	CHECK(priv_check(kms_curthread(), 600) == KMS_EPERM, "jailed root");
	CHECK(priv_check(kms_curthread(), 60) == 0,
	    "jailed root PRIV_SEEOTHERUIDS");
	kms_thread_init(1001, false, false);
	CHECK(priv_check(kms_curthread(), 600) == KMS_EPERM, "uid 1001");
	CHECK(priv_check(kms_curthread(), 3) == KMS_EPERM, "uid 1001 MAXFILES");
	kms_thread_init(0, false, false);
	CHECK(priv_check(kms_curthread(), 710) == 0, "710 is valid");
	(void)jb;
}

static void
test_abi(const char *so)
{
	static const long mine[] = {
#define	O(s, f)	(long)offsetof(struct s, f)
#define	S(s)	(long)sizeof(struct s)
		S(kms_sysinit), O(kms_sysinit, func), O(kms_sysinit, udata),
		S(kms_moduledata), O(kms_moduledata, priv),
		(long)sizeof(kms_modspecific_t),
		S(kms_mod_metadata), O(kms_mod_metadata, md_data),
		O(kms_mod_metadata, md_cval),
		S(kms_module_stat), O(kms_module_stat, refs),
		O(kms_module_stat, id), O(kms_module_stat, data),
		S(kms_prison), O(kms_prison, pr_name),
		S(kms_ucred), O(kms_ucred, cr_uid), O(kms_ucred, cr_ruid),
		O(kms_ucred, cr_groups), O(kms_ucred, cr_prison),
		O(kms_ucred, cr_flags),
		S(kms_lock_object), S(kms_mtx), O(kms_mtx, mtx_lock),
		S(kms_sx), O(kms_sx, sx_lock),
		S(kms_syscall_args), O(kms_syscall_args, args),
		S(kms_thread), O(kms_thread, td_proc), O(kms_thread, td_ucred),
		O(kms_thread, td_name), O(kms_thread, td_sa),
		O(kms_thread, td_uretoff),
		S(kms_proc), O(kms_proc, p_pid), O(kms_proc, p_oppid), O(kms_proc, p_comm),
		O(kms_proc, p_mtx),
		S(kms_sysent), O(kms_sysent, sy_narg), O(kms_sysent, sy_flags),
		O(kms_sysent, sy_auevent), O(kms_sysent, sy_thrcnt),
		S(kms_syscall_module_data),
		O(kms_syscall_module_data, old_sysent),
		O(kms_syscall_module_data, flags),
		S(kms_malloc_type), O(kms_malloc_type, ks_shortdesc),
		O(kms_malloc_type, ks_mti),
		O(kms_malloc_type, ks_mti.mti_stats), O(kms_thread, td_critnest),
		S(kms_sysctl_req), O(kms_sysctl_req, oldfunc),
		O(kms_sysctl_req, newfunc),
		S(kms_sysctl_oid), O(kms_sysctl_oid, oid_parent),
		O(kms_sysctl_oid, oid_link),
		O(kms_sysctl_oid, oid_number), O(kms_sysctl_oid, oid_arg2),
		O(kms_sysctl_oid, oid_handler), O(kms_sysctl_oid, oid_label),
		-1
#undef O
#undef S
	};
	const long *(*layout)(void);
	const long *theirs;
	void *h;
	int i;

	h = dlopen(so, RTLD_NOW | RTLD_LOCAL);
	CHECK(h != NULL, "dlopen %s: %s", so, dlerror());
	if (h == NULL)
		return;
	*(void **)&layout = dlsym(h, "kms_abi_layout");
	CHECK(layout != NULL, "kms_abi_layout");
	if (layout == NULL)
		return;
	theirs = layout();
	for (i = 0; mine[i] != -1 || theirs[i] != -1; i++) {
		CHECK(mine[i] == theirs[i], "ABI entry %d: kernel %ld, "
		    "kernel-world headers %ld", i, mine[i], theirs[i]);
		if (mine[i] == -1 || theirs[i] == -1)
			break;
	}
	dlclose(h);
}

int
main(int argc, char **argv)
{

	if (argc != 2) {
		fprintf(stderr, "usage: test_kern ABI_SO\n");
		return (2);
	}
	kms_quiet_set(true);
	test_printf();
	test_register();
	test_helper();
	test_modstat();
	test_usermem();
	test_priv();
	test_abi(argv[1]);
	test_drain();
	printf("test_kern: %d of %d checks failed\n", failures, checks);
	return (failures == 0 ? 0 : 1);
}
