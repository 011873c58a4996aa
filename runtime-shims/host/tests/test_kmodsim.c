/*
 * End-to-end self-tests: run kmodsim on the test modules and check its exit
 * status, its JSON (by exact fragments) and its diagnostics.
 *
 *	test_kmodsim BUILD_DIR
 *
 * A token "@name" in a command stands for BUILD_DIR/modules/name.so.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	MAXARGV	96
#define	MAXEXP	12

struct test {
	const char	*name;
	const char	*cmd[MAXARGV];
	int		status;
	const char	*out[MAXEXP];		/* must appear in stdout */
	const char	*notout[MAXEXP];	/* must not appear in stdout */
	const char	*err[MAXEXP];		/* must appear in stderr */
};

/* Test entries leave the expectation lists they do not need empty. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define	DYN_ALL								\
	"--load", "@dyn0", "--load", "@dyn1", "--load", "@dyn2",	\
	"--load", "@dyn3", "--load", "@dyn4", "--load", "@dyn5",	\
	"--load", "@dyn6", "--load", "@dyn7", "--load", "@dyn8",	\
	"--load", "@dyn9"

static const struct test tests[] = {
{ "slice: MySyscall loads at 210 and doubles 42",
  { "--load", "@mysyscall", "--call", "mysyscall", "42",
    "--unload", "@mysyscall" }, 0,
  { "{\"op\":\"load\",\"file\":\"@mysyscall\",\"error\":0,\"modules\":"
    "[{\"name\":\"sys/mysyscall\",\"slot\":210}]}",
    "{\"op\":\"call\",\"name\":\"mysyscall\",\"args\":[\"42\"],\"slot\":210,"
    "\"error\":0,\"retval\":84,\"retval1\":0,\"buffers\":[]}",
    "{\"op\":\"unload\",\"file\":\"@mysyscall\",\"error\":0}",
    "\"log\":[\"mysyscall called with value=42\"]", "\"leaks\":0",
    "\"violations\":[]" } },
{ "two modules get 210 and 211; after unload the slot is ENOSYS",
  { "--load", "@counter", "--load", "@mysyscall", "--call", "mysyscall", "1",
    "--unload", "@counter", "--call", "counter_add", "1",
    "--load", "@counter", "--call", "counter_add", "2", "--unload", "@counter",
    "--unload", "@mysyscall", "--call", "mysyscall", "1" }, 0,
  { "\"name\":\"sys/counter_add\",\"slot\":210",
    "\"name\":\"sys/mysyscall\",\"slot\":211",
    "\"name\":\"mysyscall\",\"args\":[\"1\"],\"slot\":211,\"error\":0,"
    "\"retval\":2",
    "\"name\":\"counter_add\",\"args\":[\"1\"],\"slot\":-1,\"error\":78,"
    "\"retval\":-1,\"retval1\":-1",
    "\"name\":\"counter_add\",\"args\":[\"2\"],\"slot\":210,\"error\":0",
    "\"name\":\"mysyscall\",\"args\":[\"1\"],\"slot\":-1,\"error\":78" } },
{ "SYSINIT before MOD_LOAD, SYSUNINIT after MOD_UNLOAD, each sorted",
  { "--load", "@counter", "--unload", "@counter" }, 0,
  { "\"log\":[\"counter: SYSINIT state\",\"counter: MOD_LOAD sys/counter_add\","
    "\"counter: SYSINIT late\",\"counter: MOD_UNLOAD\","
    "\"counter: SYSUNINIT early\",\"counter: SYSUNINIT state\"]" } },
{ "each module sees only its own linker sets",
  { "--load", "@counter", "--load", "@mysyscall", "--unload", "@mysyscall" },
  0,
  { "\"log\":[\"counter: SYSINIT state\",\"counter: MOD_LOAD sys/counter_add\","
    "\"counter: SYSINIT late\"]",
    "{\"name\":\"kern.counter.hits\",\"value\":\"0\"}" } },
{ "copyout, retval[1], pid, uid, sysctls visible while loaded",
  { "--load", "@counter", "--call", "counter_add", "5", "z:24",
    "--call", "counter_add", "-2", "0" }, 0,
  { "\"retval\":5,\"retval1\":1,\"buffers\":[{\"arg\":1,\"hex\":"
    "\"050000000000000001000000d20400000000000000000000\"}]",
    "\"retval\":3,\"retval1\":2",
    "{\"name\":\"kern.counter.last\",\"value\":\"-2\"}",
    "{\"name\":\"kern.counter.hits\",\"value\":\"2\"}",
    "{\"name\":\"kern.counter.name\",\"value\":\"counter\"}",
    "{\"name\":\"kern.counter.u64\",\"value\":\"18446744073709551615\"}",
    "{\"name\":\"kern.counter.s64\",\"value\":\"-42\"}",
    "{\"name\":\"kern.counter.ltotal\",\"value\":\"-3\"}",
    "{\"name\":\"kern.counter.ulmax\",\"value\":\"12\"}",
    "{\"name\":\"kern.counter.doubled\",\"value\":\"6\"}" } },
{ "static sysctls are removed at unload",
  { "--load", "@counter", "--unload", "@counter" }, 0,
  { "\"sysctls\":[]" } },
{ "fixed slot 210 taken twice: EEXIST in MOD_LOAD, kldload ENOEXEC",
  { "--load", "@fixed_a", "--load", "@fixed_b", "--call", "fixed_a",
    "--call", "fixed_b" }, 0,
  { "\"name\":\"sys/fixed_a\",\"slot\":210",
    "{\"op\":\"load\",\"file\":\"@fixed_b\",\"error\":8,\"modules\":[]}",
    "module_register_init: MOD_LOAD (sys/fixed_b, 0x",
    ") error 17\"", "\"retval\":97",
    "\"name\":\"fixed_b\",\"args\":[],\"slot\":-1,\"error\":78" } },
{ "eleven dynamic modules: the eleventh gets ENFILE, kldload ENOEXEC",
  { DYN_ALL, "--load", "@dyn10", "--call", "dyn9", "--call", "dyn0" }, 0,
  { "\"name\":\"sys/dyn0\",\"slot\":210", "\"name\":\"sys/dyn9\",\"slot\":219",
    "{\"op\":\"load\",\"file\":\"@dyn10\",\"error\":8,\"modules\":[]}",
    "MOD_LOAD (sys/dyn10, 0x", ") error 23\"",
    "\"name\":\"dyn9\",\"args\":[],\"slot\":219,\"error\":0,\"retval\":9",
    "\"name\":\"dyn0\",\"args\":[],\"slot\":210,\"error\":0,\"retval\":0" } },
{ "a freed slot is reused by the next dynamic module",
  { "--load", "@dyn0", "--load", "@dyn1", "--unload", "@dyn0",
    "--load", "@mysyscall" }, 0,
  { "\"name\":\"sys/dyn1\",\"slot\":211", "\"name\":\"sys/mysyscall\",\"slot\":210" } },
{ "the same module name from two files: EEXIST",
  { "--load", "@mysyscall", "--load", "@mysyscall_copy" }, 0,
  { "\"file\":\"@mysyscall_copy\",\"error\":17,\"modules\":[]",
    "module_register: cannot register sys/mysyscall from" } },
{ "loading a file twice: EEXIST; a missing file: ENOENT",
  { "--load", "@mysyscall", "--load", "@mysyscall", "--load", "@nonexistent",
    "--unload", "@dyn0" }, 0,
  { "\"file\":\"@mysyscall\",\"error\":17",
    "\"file\":\"@nonexistent\",\"error\":2",
    "{\"op\":\"unload\",\"file\":\"@dyn0\",\"error\":2}" } },
{ "an undefined kernel symbol refuses the load",
  { "--load", "@undef" }, 0,
  { "\"file\":\"@undef\",\"error\":8", "kms_no_such_kernel_function" } },
{ "a failing chained MOD_LOAD: MOD_UNLOAD, message, ENOEXEC, slot freed",
  { "--load", "@loadfail", "--load", "@mysyscall" }, 0,
  { "\"file\":\"@loadfail\",\"error\":8",
    "\"loadfail: MOD_LOAD refusing\",\"loadfail: MOD_UNLOAD after failed load\","
    "\"module_register_init: MOD_LOAD (sys/loadfail, 0x",
    ") error 22\"", "\"name\":\"sys/mysyscall\",\"slot\":210" } },
{ "MOD_QUIESCE veto keeps the module; it unloads once idle",
  { "--load", "@veto", "--call", "veto", "1", "--unload", "@veto",
    "--call", "veto", "0", "--unload", "@veto", "--call", "veto", "0" }, 0,
  { "{\"op\":\"unload\",\"file\":\"@veto\",\"error\":16}",
    "\"name\":\"veto\",\"args\":[\"0\"],\"slot\":210,\"error\":0",
    "{\"op\":\"unload\",\"file\":\"@veto\",\"error\":0}",
    "\"log\":[\"veto: MOD_UNLOAD\"]",
    "\"name\":\"veto\",\"args\":[\"0\"],\"slot\":-1,\"error\":78" } },
{ "capability mode: ECAPMODE unless SYF_CAPENABLED",
  { "--capmode", "--load", "@mysyscall", "--load", "@counter",
    "--call", "mysyscall", "1", "--call", "counter_add", "1" }, 0,
  { "\"name\":\"mysyscall\",\"args\":[\"1\"],\"slot\":210,\"error\":94,"
    "\"retval\":-1",
    "\"name\":\"counter_add\",\"args\":[\"1\"],\"slot\":211,\"error\":0" },
  { "mysyscall called" } },
{ "sy_narg > 8 is refused with a panic",
  { "--load", "@narg9", "--call", "narg9", "1", "--call", "narg9", "2" }, 1,
  { "panic: syscallenter: syscall 210 has sy_narg 9 > nitems(td_sa.args) 8" },
  { "\"args\":[\"2\"]" } },
{ "priv_check: root passes PRIV_MODULE0 and PRIV_KLD_LOAD",
  { "--load", "@privtest", "--call", "privtest", "600", "--call", "privtest",
    "130" }, 0,
  { "\"args\":[\"600\"],\"slot\":210,\"error\":0",
    "\"args\":[\"130\"],\"slot\":210,\"error\":0" } },
{ "priv_check: a non-root uid gets EPERM",
  { "--uid", "1001", "--load", "@privtest", "--call", "privtest", "600",
    "--load", "@counter", "--call", "counter_add", "1" }, 0,
  { "\"args\":[\"600\"],\"slot\":210,\"error\":1",
    "\"name\":\"counter_add\",\"args\":[\"1\"],\"slot\":211,\"error\":1" } },
{ "priv_check: jailed root gets EPERM for module privileges only",
  { "--jail", "--load", "@privtest", "--call", "privtest", "615",
    "--call", "privtest", "14", "--call", "privtest", "50" }, 0,
  { "\"args\":[\"615\"],\"slot\":210,\"error\":1",
    "\"args\":[\"14\"],\"slot\":210,\"error\":1",
    "\"args\":[\"50\"],\"slot\":210,\"error\":0" } },
{ "priv_check: an invalid privilege (1, the removed PRIV_ROOT) panics",
  { "--load", "@privtest", "--call", "privtest", "1" }, 1,
  { "panic: priv_check_cred: invalid privilege 1" } },
{ "copyin/copyout: data round trip, EFAULT on unmapped and read-only",
  { "--load", "@ucopy",
    "--call", "ucopy", "0", "b:000102030405060708090a0b0c0d0e0f", "z:16", "0",
    "--call", "ucopy", "0", "a:0x7000", "z:16", "0",
    "--call", "ucopy", "0", "b:00", "z:16", "0",
    "--call", "ucopy", "0", "b:000102030405060708090a0b0c0d0e0f",
    "s:read-only text", "0" }, 0,
  { "\"hex\":\"0f0e0d0c0b0a09080706050403020100\"",
    "\"args\":[\"0\",\"a:0x7000\",\"z:16\",\"0\"],\"slot\":210,\"error\":14",
    "\"args\":[\"0\",\"b:00\",\"z:16\",\"0\"],\"slot\":210,\"error\":14",
    "\"s:read-only text\",\"0\"],\"slot\":210,\"error\":14" } },
{ "copyinstr: length includes the NUL; ENAMETOOLONG counts len",
  { "--load", "@ucopy", "--call", "ucopy", "1", "s:hello", "0", "64",
    "--call", "ucopy", "1", "s:hello", "0", "5",
    "--call", "ucopy", "1", "s:hello", "0", "6",
    "--call", "ucopy", "1", "a:0x10", "0", "6" }, 0,
  { "\"args\":[\"1\",\"s:hello\",\"0\",\"64\"],\"slot\":210,\"error\":0,"
    "\"retval\":6",
    "\"args\":[\"1\",\"s:hello\",\"0\",\"5\"],\"slot\":210,\"error\":63",
    "\"args\":[\"1\",\"s:hello\",\"0\",\"6\"],\"slot\":210,\"error\":0,"
    "\"retval\":6",
    "\"args\":[\"1\",\"a:0x10\",\"0\",\"6\"],\"slot\":210,\"error\":14" } },
{ "fetch/store: fubyte, subyte, fueword32/64, suword32/64, casueword32",
  { "--load", "@ucopy",
    "--call", "ucopy", "2", "b:ff", "0", "0",
    "--call", "ucopy", "2", "a:0x20", "0", "0",
    "--call", "ucopy", "3", "0", "z:1", "171",
    "--call", "ucopy", "3", "0", "a:0x20", "1",
    "--call", "ucopy", "4", "b:78563412", "0", "0",
    "--call", "ucopy", "4", "a:0x20", "0", "0",
    "--call", "ucopy", "5", "b:0100000000000080", "0", "0",
    "--call", "ucopy", "6", "0", "z:4", "0x01020304",
    "--call", "ucopy", "7", "0", "z:8", "-1",
    "--call", "ucopy", "8", "a:0x20", "0", "0",
    "--call", "ucopy", "9", "0", "z:4", "7" }, 0,
  { "\"args\":[\"2\",\"b:ff\",\"0\",\"0\"],\"slot\":210,\"error\":0,"
    "\"retval\":255",
    "\"args\":[\"2\",\"a:0x20\",\"0\",\"0\"],\"slot\":210,\"error\":0,"
    "\"retval\":-1",
    "\"retval\":0,\"retval1\":0,\"buffers\":[{\"arg\":2,\"hex\":\"ab\"}]",
    "\"args\":[\"3\",\"0\",\"a:0x20\",\"1\"],\"slot\":210,\"error\":0,"
    "\"retval\":-1",
    "\"retval\":0,\"retval1\":305419896",
    "\"args\":[\"4\",\"a:0x20\",\"0\",\"0\"],\"slot\":210,\"error\":0,"
    "\"retval\":-1",
    "\"retval\":0,\"retval1\":-9223372036854775807",
    "{\"arg\":2,\"hex\":\"04030201\"}", "{\"arg\":2,\"hex\":\"ffffffffffffffff\"}",
    "\"args\":[\"8\",\"a:0x20\",\"0\",\"0\"],\"slot\":210,\"error\":0,"
    "\"retval\":-1",
    "\"args\":[\"9\",\"0\",\"z:4\",\"7\"],\"slot\":210,\"error\":0,\"retval\":0,"
    "\"retval1\":0,\"buffers\":[{\"arg\":2,\"hex\":\"07000000\"}]" } },
{ "deliberately wrong: a leaking module is reported at unload",
  { "--load", "@leak", "--call", "leak", "--call", "leak",
    "--unload", "@leak" }, 1,
  { "\"leaks\":2", "Warning: memory type leaky leaked memory on destroy" } },
{ "deliberately wrong: M_WAITOK malloc under a mutex",
  { "--load", "@sleepmtx", "--call", "sleepmtx", "--unload", "@sleepmtx" }, 1,
  { "\"violations\":[\"malloc(M_WAITOK) may sleep with non-sleepable lock "
    "\\\"sleepmtx lock\\\" held" } },
{ "a zeroed struct copies out cleanly",
  { "--load", "@uninit", "--call", "uninit", "0", "z:12" }, 0,
  { "\"hex\":\"010000004433221166550000\"", "\"violations\":[]" } },
{ "deliberately wrong: struct padding copied out uninitialised",
  { "--load", "@uninit", "--call", "uninit", "1", "z:12" }, 1,
  { "copyout of uninitialised kernel memory: syscall 210, user write #0 to "
    "0x10000000 (12 bytes): 5 byte(s) depend on uninitialised memory, the "
    "first at offset 1" } },
{ "deliberately wrong: malloc without M_ZERO copied out",
  { "--load", "@uninit", "--call", "uninit", "2", "z:12" }, 1,
  { "11 byte(s) depend on uninitialised memory" } },
{ "deliberately wrong: direct user-pointer dereference crashes under ASan",
  { "--load", "@deref", "--call", "deref", "s:abcd" }, 3,
  { NULL }, { "{" }, { "Sanitizer: SEGV on unknown address 0x000010000000" } },
{ "locks: a clean sequence establishes an order",
  { "--load", "@locks", "--call", "locks", "0", "0", "--unload", "@locks" }, 0,
  { "\"violations\":[]" } },
{ "locks: lock order reversal",
  { "--load", "@locks", "--call", "locks", "0", "0", "--call", "locks", "1",
    "0" }, 1,
  { "lock order reversal: 1st \\\"lock B\\\"" } },
{ "locks: unlocking a mutex that is not held",
  { "--load", "@locks", "--call", "locks", "2", "0" }, 1,
  { "mtx_unlock of unowned mutex \\\"lock A\\\"" } },
{ "locks: returning to user space with a mutex held",
  { "--load", "@locks", "--call", "locks", "3", "0" }, 1,
  { "syscall 210: returning to user space with lock \\\"lock A\\\" held" } },
{ "locks: an sx lock under a mutex, copyin under a mutex",
  { "--load", "@locks", "--call", "locks", "4", "0", "--call", "locks", "5",
    "s:abcd" }, 1,
  { "sx_xlock may sleep with non-sleepable lock \\\"lock A\\\"",
    "copyin may sleep with non-sleepable lock \\\"lock A\\\"" } },
{ "locks: recursion on a non-recursive mutex panics",
  { "--load", "@locks", "--call", "locks", "6", "0" }, 1,
  { "panic: _mtx_lock_sleep: recursed on non-recursive mutex lock A" } },
{ "sleeping: tsleep under a mutex is a violation; msleep on it is not",
  { "--load", "@locks", "--call", "locks", "9", "0", "--call", "locks", "8",
    "0" }, 1,
  { "\"args\":[\"9\",\"0\"],\"slot\":210,\"error\":35",
    "\"violations\":[\"sleep \\\"locks8\\\" may sleep with non-sleepable "
    "lock \\\"lock A\\\"" } },
{ "sleeping: a sleep without a timeout would never end and panics",
  { "--load", "@locks", "--call", "locks", "10", "0" }, 1,
  { "panic: pause(\\\"locks10\\\") without a timeout" } },
{ "malloc: the Nth M_NOWAIT allocation fails when injected",
  { "--fail-malloc", "2", "--load", "@nowait", "--call", "nowait", "0",
    "--call", "nowait", "0" }, 0,
  { "\"args\":[\"0\"],\"slot\":210,\"error\":12,\"retval\":-1",
    "\"args\":[\"0\"],\"slot\":210,\"error\":0,\"retval\":3" } },
{ "malloc: neither M_WAITOK nor M_NOWAIT panics",
  { "--load", "@nowait", "--call", "nowait", "1" }, 1,
  { "panic: malloc: bad malloc flags 0x100" } },
{ "bad usage exits 2",
  { "--call" }, 2, { NULL }, { "{" }, { "usage:" } },
{ "bad argument exits 2",
  { "--load", "@mysyscall", "--call", "mysyscall", "x:1" }, 2,
  { NULL }, { "{" }, { "bad argument" } },
};

static const char *build;

static char *
expand(const char *s)
{
	const char *at;
	char *r;
	size_t n;

	/* Replace every "@name" by BUILD/modules/name.so. */
	r = malloc(strlen(s) * 4 + strlen(build) * 8 + 64);
	if (r == NULL)
		abort();
	r[0] = '\0';
	while ((at = strchr(s, '@')) != NULL) {
		strncat(r, s, (size_t)(at - s));
		s = at + 1;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
		strcat(r, build);
		strcat(r, "/modules/");
		strncat(r, s, n);
		strcat(r, ".so");
		s += n;
	}
	strcat(r, s);
	return (r);
}

static char *
slurp(const char *path)
{
	FILE *f;
	char *buf;
	long n;

	f = fopen(path, "r");
	if (f == NULL)
		return (strdup(""));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	return (buf);
}

static int
run_test(const struct test *t)
{
	char *argv[MAXARGV + 2], outpath[512], errpath[512], *out, *err, *e;
	int i, status, fd, failed = 0;
	pid_t pid;

	snprintf(outpath, sizeof(outpath), "%s/tests/out.json", build);
	snprintf(errpath, sizeof(errpath), "%s/tests/err.txt", build);
	argv[0] = expand("@kmodsim");
	snprintf(argv[0], strlen(build) + 16, "%s/kmodsim", build);
	for (i = 0; t->cmd[i] != NULL; i++)
		argv[i + 1] = expand(t->cmd[i]);
	argv[i + 1] = NULL;
	pid = fork();
	if (pid == 0) {
		fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 1);
		fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	out = slurp(outpath);
	err = slurp(errpath);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != t->status) {
		printf("  exit status %d, expected %d\n", WIFEXITED(status) ?
		    WEXITSTATUS(status) : -1, t->status);
		failed = 1;
	}
	for (i = 0; i < MAXEXP && t->out[i] != NULL; i++) {
		e = expand(t->out[i]);
		if (strstr(out, e) == NULL) {
			printf("  stdout lacks: %s\n", e);
			failed = 1;
		}
		free(e);
	}
	for (i = 0; i < MAXEXP && t->notout[i] != NULL; i++) {
		e = expand(t->notout[i]);
		if (strstr(out, e) != NULL) {
			printf("  stdout has: %s\n", e);
			failed = 1;
		}
		free(e);
	}
	for (i = 0; i < MAXEXP && t->err[i] != NULL; i++) {
		if (strstr(err, t->err[i]) == NULL) {
			printf("  stderr lacks: %s\n", t->err[i]);
			failed = 1;
		}
	}
	if (failed)
		printf("  stdout: %s\n  stderr: %.2000s\n", out, err);
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(out);
	free(err);
	return (failed);
}

int
main(int argc, char **argv)
{
	char cmd[1024];
	size_t i, nfail = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: test_kmodsim BUILD_DIR\n");
		return (2);
	}
	build = argv[1];
	snprintf(cmd, sizeof(cmd), "mkdir -p %s/tests && cp %s/modules/"
	    "mysyscall.so %s/modules/mysyscall_copy.so", build, build, build);
	if (system(cmd) != 0)
		return (2);
	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int f = run_test(&tests[i]);

		printf("%s: %s\n", f ? "FAIL" : "ok", tests[i].name);
		nfail += (size_t)f;
	}
	printf("test_kmodsim: %zu of %zu tests failed\n", nfail,
	    sizeof(tests) / sizeof(tests[0]));
	return (nfail == 0 ? 0 : 1);
}
