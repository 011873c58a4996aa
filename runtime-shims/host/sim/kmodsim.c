/*
 * kmodsim: load FreeBSD kernel modules (built as shared objects against the
 * harness headers) into the emulated kernel, call their system calls, and
 * report what happened as one JSON object on standard output.
 *
 *	kmodsim [--uid N] [--jail] [--capmode] [--fail-malloc N] [--unmap-after N]
 *	    [--no-uninit-check] [--ruid N] [--svuid N] [--gid N] [--rgid N]
 *	    [--svgid N] [--groups G,G,...] [--ppid N] [--comm NAME] OP...
 *	OP:	--load FILE.so | --unload FILE.so | --call NAME [ARG...] | --shutdown |
 *		--sysctl NAME=VALUE
 *	ARG:	integer (decimal, optional '-', or 0x hex) | s:TEXT | b:HEX |
 *		z:N | a:0xADDR
 *
 * Exit status: 0 clean, 1 violations, leaks or a panic (JSON still
 * printed), 2 bad usage, 3 a sanitizer error (no JSON).  Everything meant
 * for humans goes to standard error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kern/kms_kern.h"
#include "kms_tokens.h"

#define	MAXOPS		256
#define	MAXARGS		8

enum opkind { OP_LOAD, OP_UNLOAD, OP_CALL, OP_SHUTDOWN, OP_SYSCTL };

struct op {
	enum opkind	kind;
	const char	*target;
	int		nargs;
	char		**args;
};

struct strbuf {
	char	*s;
	size_t	len, cap;
};

static struct op ops[MAXOPS];
static int nops;
static struct strbuf events;
static int nevents;

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);
const char *__msan_default_options(void);

/*
 * The uninitialised-copyout check paints the real stack, so locals must
 * live there (no fake stack), and a sanitizer error gets its own status.
 */
const char *
__asan_default_options(void)
{

	return ("detect_stack_use_after_return=0:exitcode=3:"
	    "handle_segv=1:allow_user_segv_handler=0");
}

const char *
__msan_default_options(void)
{

	return ("exitcode=3:handle_segv=1");
}

const char *
__ubsan_default_options(void)
{

	return ("print_stacktrace=1:halt_on_error=1:exitcode=3");
}

static void __attribute__((__noreturn__))
usage(const char *why)
{

	fprintf(stderr, "kmodsim: %s\n", why);
	fprintf(stderr,
	    "usage: kmodsim [--uid N] [--jail] [--capmode] [--fail-malloc N] [--unmap-after N] "
	    "[--no-uninit-check]\n"
	    "               [--ruid N] [--svuid N] [--gid N] [--rgid N] [--svgid N] "
	    "[--groups G,G,...] [--ppid N] [--comm NAME]\n"
	    "               (--load FILE.so | --unload FILE.so | --shutdown | "
	    "--call NAME [ARG...] | --sysctl NAME=VALUE)...\n"
	    "       ARG: integer | s:TEXT | b:HEX | z:N | a:0xADDR\n");
	exit(2);
}

static void
sb_add(struct strbuf *sb, const char *s, size_t n)
{

	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		sb->s = realloc(sb->s, sb->cap);
		if (sb->s == NULL)
			abort();
	}
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

static void __attribute__((__format__(__printf__, 2, 3)))
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if ((size_t)n >= sizeof(buf)) {
		char *big = malloc((size_t)n + 1);

		if (big == NULL)
			abort();
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		sb_add(sb, big, (size_t)n);
		free(big);
		return;
	}
	sb_add(sb, buf, (size_t)n);
}

static void
sb_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p;
	char esc[8];

	sb_add(sb, "\"", 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			sb_add(sb, "\\\"", 2);
			break;
		case '\\':
			sb_add(sb, "\\\\", 2);
			break;
		case '\n':
			sb_add(sb, "\\n", 2);
			break;
		case '\t':
			sb_add(sb, "\\t", 2);
			break;
		case '\r':
			sb_add(sb, "\\r", 2);
			break;
		default:
			if (*p < 0x20 || *p >= 0x7f) {
				/* Keep the output ASCII and valid JSON. */
				snprintf(esc, sizeof(esc), "\\u%04x", *p);
				sb_add(sb, esc, 6);
			} else
				sb_add(sb, (const char *)p, 1);
		}
	}
	sb_add(sb, "\"", 1);
}

static void
event_begin(void)
{

	if (nevents++ > 0)
		sb_add(&events, ",", 1);
}

static void
do_load(const struct op *op)
{
	struct kms_linker_file *lf;
	struct kms_module *mod;
	int error, n;

	error = kms_kldload(op->target, &lf);
	event_begin();
	sb_add(&events, "{\"op\":\"load\",\"file\":", 20);
	sb_json_string(&events, op->target);
	sb_printf(&events, ",\"error\":%d,\"modules\":[", error);
	n = 0;
	if (error == 0) {
		for (mod = kms_module_first(); mod != NULL; mod = mod->next) {
			if (mod->file != lf)
				continue;
			if (n++ > 0)
				sb_add(&events, ",", 1);
			sb_add(&events, "{\"name\":", 8);
			sb_json_string(&events, mod->name);
			sb_printf(&events, ",\"slot\":%d}", mod->is_syscall ?
			    mod->data.intval : -1);
		}
	}
	sb_add(&events, "]}", 2);
	if (error != 0)
		fprintf(stderr, "kmodsim: kldload %s: error %d\n", op->target,
		    error);
}

static void
do_unload(const struct op *op)
{
	struct kms_linker_file *lf;
	int error;

	lf = kms_linker_find(op->target);
	error = lf == NULL ? KMS_ENOENT : kms_kldunload(lf);
	event_begin();
	sb_add(&events, "{\"op\":\"unload\",\"file\":", 22);
	sb_json_string(&events, op->target);
	sb_printf(&events, ",\"error\":%d}", error);
	if (error != 0)
		fprintf(stderr, "kmodsim: kldunload %s: error %d\n",
		    op->target, error);
}

/* Validate an argument at parse time, so bad usage never runs anything. */
static void
check_arg(const char *a)
{
	int64_t v;
	size_t i;

	if (strncmp(a, "s:", 2) == 0)
		return;
	if (strncmp(a, "b:", 2) == 0) {
		if (strlen(a + 2) % 2 != 0)
			usage("b:HEX needs an even number of hex digits");
		for (i = 2; a[i] != '\0'; i++)
			if (kms_hexval(a[i]) < 0)
				usage("b:HEX has a non-hex digit");
		return;
	}
	if (strncmp(a, "z:", 2) == 0 || strncmp(a, "a:", 2) == 0) {
		if (kms_parse_int(a + 2, &v) != 0 || v < 0 ||
		    (a[0] == 'z' && v > 16 * 1024 * 1024))
			usage("bad z:N or a:ADDR argument");
		return;
	}
	if (kms_parse_int(a, &v) != 0) {
		fprintf(stderr, "kmodsim: bad argument \"%s\"\n", a);
		usage("an argument is an integer, s:TEXT, b:HEX, z:N or a:ADDR");
	}
}

static void
do_call(const struct op *op)
{
	int64_t args[MAXARGS] = { 0 }, retval[2] = { -1, -1 }, v;
	uint64_t bufaddr[MAXARGS];
	size_t buflen[MAXARGS];
	bool isbuf[MAXARGS] = { false }, nomem = false;
	char modname[KMS_MAXPATHLEN];
	struct kms_module *mod;
	unsigned char *bytes;
	const char *a;
	int error, i, slot, nbuf;
	size_t j, n;

	snprintf(modname, sizeof(modname), "sys/%s", op->target);
	mod = kms_module_byname(modname);
	slot = mod != NULL ? mod->data.intval : -1;
	for (i = 0; i < op->nargs; i++) {
		a = op->args[i];
		if (strncmp(a, "s:", 2) == 0) {
			args[i] = (int64_t)kms_umap(a + 2, strlen(a + 2) + 1,
			    KMS_UPROT_READ);
		} else if (strncmp(a, "b:", 2) == 0) {
			n = strlen(a + 2) / 2;
			bytes = calloc(1, n + 1);
			if (bytes == NULL)
				abort();
			for (j = 0; j < n; j++)
				bytes[j] = (unsigned char)
				    (kms_hexval(a[2 + 2 * j]) * 16 +
				    kms_hexval(a[3 + 2 * j]));
			args[i] = (int64_t)kms_umap(bytes, n,
			    KMS_UPROT_READ | KMS_UPROT_WRITE);
			free(bytes);
			isbuf[i] = true;
			buflen[i] = n;
		} else if (strncmp(a, "z:", 2) == 0) {
			(void)kms_parse_int(a + 2, &v);
			args[i] = (int64_t)kms_umap(NULL, (size_t)v,
			    KMS_UPROT_READ | KMS_UPROT_WRITE);
			isbuf[i] = true;
			buflen[i] = (size_t)v;
		} else if (strncmp(a, "a:", 2) == 0) {
			(void)kms_parse_int(a + 2, &args[i]);
		} else
			(void)kms_parse_int(a, &args[i]);
		if ((strncmp(a, "s:", 2) == 0 || isbuf[i]) && args[i] == 0)
			nomem = true;
		bufaddr[i] = (uint64_t)args[i];
	}

	if (nomem) {
		fprintf(stderr, "kmodsim: out of simulated user memory; the "
		    "call is not made\n");
		error = KMS_ENOMEM;
		for (i = 0; i < op->nargs; i++)
			isbuf[i] = isbuf[i] && bufaddr[i] != 0;
	} else if (mod == NULL) {
		fprintf(stderr, "kmodsim: modfind(\"%s\"): no such module\n",
		    modname);
		error = KMS_ENOSYS;
	} else
		error = kms_syscall(slot, args, retval);
	if (error != 0) {
		/* What userland sees: -1 in rax and rdx, errno set. */
		retval[0] = -1;
		retval[1] = -1;
	}

	event_begin();
	sb_add(&events, "{\"op\":\"call\",\"name\":", 20);
	sb_json_string(&events, op->target);
	sb_add(&events, ",\"args\":[", 9);
	for (i = 0; i < op->nargs; i++) {
		if (i > 0)
			sb_add(&events, ",", 1);
		sb_json_string(&events, op->args[i]);
	}
	sb_printf(&events, "],\"slot\":%d,\"error\":%d,\"retval\":%" PRId64
	    ",\"retval1\":%" PRId64 ",\"buffers\":[", slot, error, retval[0],
	    retval[1]);
	nbuf = 0;
	for (i = 0; i < op->nargs; i++) {
		if (!isbuf[i])
			continue;
		bytes = malloc(buflen[i] + 1);
		if (bytes == NULL)
			abort();
		if (kms_uread(bufaddr[i], bytes, buflen[i]) != 0)
			abort();
		sb_printf(&events, "%s{\"arg\":%d,\"hex\":\"", nbuf++ > 0 ?
		    "," : "", i);
		for (j = 0; j < buflen[i]; j++)
			sb_printf(&events, "%02x", bytes[j]);
		sb_add(&events, "\"}", 2);
		free(bytes);
	}
	sb_add(&events, "]}", 2);
}

static void
sysctl_visit(const char *name, const char *value, void *arg)
{
	struct strbuf *sb = arg;

	if (sb->len > 1)
		sb_add(sb, ",", 1);
	sb_add(sb, "{\"name\":", 8);
	sb_json_string(sb, name);
	sb_add(sb, ",\"value\":", 9);
	sb_json_string(sb, value);
	sb_add(sb, "}", 1);
}

/* sysctl(8) NAME=VALUE: the OID's handler decides, as in the kernel. */
static void
do_sysctl(const struct op *op)
{
	char name[256];
	const char *eq = strchr(op->target, '=');
	size_t len = (size_t)(eq - op->target);
	bool badvalue;
	int error;

	if (len >= sizeof(name))
		len = sizeof(name) - 1;
	memcpy(name, op->target, len);
	name[len] = '\0';
	error = kms_sysctl_write(name, eq + 1, &badvalue);
	if (badvalue)
		fprintf(stderr, "kmodsim: \"%s\" does not fit %s's type\n",
		    eq + 1, name);
	event_begin();
	sb_printf(&events, "{\"op\":\"sysctl\",\"name\":");
	sb_json_string(&events, name);
	sb_add(&events, ",\"value\":", 9);
	sb_json_string(&events, eq + 1);
	sb_printf(&events, ",\"error\":%d}", error);
}

/*
 * What kern_module.c's module_shutdown does at shutdown_final: MOD_SHUTDOWN
 * to every module, newest first, ignoring the answers.
 */
static void
do_shutdown(void)
{
	struct kms_module *mod, *all[MAXOPS];
	int i, n;

	n = 0;
	for (mod = kms_module_first(); mod != NULL && n < MAXOPS;
	    mod = mod->next)
		all[n++] = mod;
	for (i = n - 1; i >= 0; i--)
		(void)kms_module_event(all[i], KMS_MOD_SHUTDOWN);
}

/*
 * "loaded_sysctls": the values just before the first unload, while the
 * modules are there to have them (at the end when nothing is unloaded);
 * "sysctls" are those left at the end.
 */
static struct strbuf loaded_sysctls;

static void
snapshot_loaded_sysctls(void)
{

	if (loaded_sysctls.len > 0)
		return;
	sb_add(&loaded_sysctls, "[", 1);
	kms_sysctl_foreach(sysctl_visit, &loaded_sysctls);
	sb_add(&loaded_sysctls, "]", 1);
}

static void
run_ops(void)
{
	int i;

	for (i = 0; i < nops; i++) {
		switch (ops[i].kind) {
		case OP_LOAD:
			do_load(&ops[i]);
			break;
		case OP_UNLOAD:
			snapshot_loaded_sysctls();
			do_unload(&ops[i]);
			break;
		case OP_CALL:
			do_call(&ops[i]);
			break;
		case OP_SHUTDOWN:
			do_shutdown();
			break;
		case OP_SYSCTL:
			do_sysctl(&ops[i]);
			break;
		}
	}
}

int
main(int argc, char **argv)
{
	struct strbuf out = { 0 }, sysctls = { 0 };
	bool jail = false, capmode = false;
	int64_t uid = 0, failn = 0, unmapn = 0;
	jmp_buf jb;
	size_t i;
	int ai, idopt;

	for (ai = 1; ai < argc; ai++) {
		if (strcmp(argv[ai], "--uid") == 0 && ai + 1 < argc) {
			if (kms_parse_int(argv[++ai], &uid) != 0 || uid < 0 ||
			    uid > UINT32_MAX)
				usage("bad --uid");
		} else if (strcmp(argv[ai], "--jail") == 0)
			jail = true;
		else if (strcmp(argv[ai], "--capmode") == 0)
			capmode = true;
		else if (strcmp(argv[ai], "--fail-malloc") == 0 &&
		    ai + 1 < argc) {
			if (kms_parse_int(argv[++ai], &failn) != 0 || failn < 1)
				usage("bad --fail-malloc");
		} else if (strcmp(argv[ai], "--unmap-after") == 0 &&
		    ai + 1 < argc) {
			if (kms_parse_int(argv[++ai], &unmapn) != 0 ||
			    unmapn < 1)
				usage("bad --unmap-after");
		} else if (strcmp(argv[ai], "--no-uninit-check") == 0)
			kms_uninit_check = false;
		else if ((idopt = kms_thread_option(argv[ai],
		    ai + 1 < argc ? argv[ai + 1] : NULL)) != 0) {
			if (idopt < 0)
				usage("bad identity option value");
			ai++;
		} else
			break;
	}
	while (ai < argc) {
		if (nops == MAXOPS)
			usage("too many operations");
		if ((strcmp(argv[ai], "--load") == 0 ||
		    strcmp(argv[ai], "--unload") == 0) && ai + 1 < argc) {
			ops[nops].kind = argv[ai][2] == 'l' ? OP_LOAD :
			    OP_UNLOAD;
			ops[nops++].target = argv[ai + 1];
			ai += 2;
		} else if (strcmp(argv[ai], "--sysctl") == 0 && ai + 1 < argc) {
			if (strchr(argv[ai + 1], '=') == NULL)
				usage("--sysctl takes NAME=VALUE");
			ops[nops].kind = OP_SYSCTL;
			ops[nops++].target = argv[ai + 1];
			ai += 2;
		} else if (strcmp(argv[ai], "--shutdown") == 0) {
			ops[nops++].kind = OP_SHUTDOWN;
			ai++;
		} else if (strcmp(argv[ai], "--call") == 0 && ai + 1 < argc) {
			ops[nops].kind = OP_CALL;
			ops[nops].target = argv[ai + 1];
			ops[nops].args = &argv[ai + 2];
			ai += 2;
			while (ai < argc && strncmp(argv[ai], "--", 2) != 0) {
				check_arg(argv[ai]);
				ops[nops].nargs++;
				ai++;
			}
			if (ops[nops].nargs > MAXARGS)
				usage("a system call takes at most 8 arguments");
			nops++;
		} else {
			fprintf(stderr, "kmodsim: unexpected \"%s\"\n", argv[ai]);
			usage("global options come first, then operations");
		}
	}
	if (nops == 0)
		usage("no operation given");

	kms_usermem_init();
	kms_thread_init((uint32_t)uid, jail, capmode);
	if (failn > 0)
		kms_malloc_fail_nth((long)failn);
	if (unmapn > 0)
		kms_usermem_unmap_after((long)unmapn);

	if (setjmp(jb) == 0) {
		kms_panic_set_catch(&jb);
		run_ops();
	}
	kms_panic_set_catch(NULL);

	snapshot_loaded_sysctls();
	sb_add(&sysctls, "[", 1);
	kms_sysctl_foreach(sysctl_visit, &sysctls);
	sb_add(&sysctls, "]", 1);

	sb_add(&out, "{\"events\":[", 11);
	if (events.len > 0)
		sb_add(&out, events.s, events.len);
	sb_add(&out, "],\"log\":[", 9);
	for (i = 0; i < kms_log_count(); i++) {
		if (i > 0)
			sb_add(&out, ",", 1);
		sb_json_string(&out, kms_log_line(i));
	}
	sb_printf(&out, "],\"log_overflowed\":%s,\"leaks\":%ld,\"violations\":[",
	    kms_log_overflowed() ? "true" : "false", kms_malloc_leaks());
	for (i = 0; i < kms_violation_count(); i++) {
		if (i > 0)
			sb_add(&out, ",", 1);
		sb_json_string(&out, kms_violation_text(i));
	}
	sb_add(&out, "],\"sysctls\":", 12);
	sb_add(&out, sysctls.s, sysctls.len);
	sb_add(&out, ",\"loaded_sysctls\":", 18);
	sb_add(&out, loaded_sysctls.s, loaded_sysctls.len);
	sb_add(&out, "}\n", 2);
	fwrite(out.s, 1, out.len, stdout);
	fflush(stdout);
	free(out.s);
	free(sysctls.s);
	free(loaded_sysctls.s);
	free(events.s);
	return (kms_violation_count() > 0 || kms_malloc_leaks() > 0 ? 1 : 0);
}
