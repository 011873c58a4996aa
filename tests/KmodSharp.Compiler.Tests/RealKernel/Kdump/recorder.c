/*
 * recorder.c: traces its own calls of five modules' syscalls with ktrace(2), then runs FreeBSD's
 * kdump(1) and kldstat(8) (embedded by tools.S, written to /tmp) on the real kernel, for
 * `kmodsharp kdump`'s fixtures (record.sh). Every line it prints itself starts with "KDREC ":
 * what it passed to each call, in the C# parameter names and values, and what came back.
 */
#include <sys/param.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/ktrace.h>
#include <sys/linker.h>
#include <sys/module.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "errors/errors.h"
#include "kdprobe/kdprobe.h"
#include "mysyscall/mysyscall.h"
#include "twovalues/twovalues.h"
#include "usermem/usermem.h"

extern const char kdrec_kdump[], kdrec_kdump_end[];
extern const char kdrec_kldstat[], kdrec_kldstat_end[];

static int failures;

static void
install(const char *path, const char *start, const char *end)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd == -1 || write(fd, start, end - start) != end - start ||
	    close(fd) == -1) {
		printf("KDREC error: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

/* Runs a tool with its output on the console, between BEGIN and END lines naming it. */
static void
run(const char *label, char *const argv[])
{
	pid_t pid;
	int status;

	printf("KDREC BEGIN %s\n", label);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		printf("KDREC error: %s did not exit 0\n", argv[0]);
		failures++;
	}
	printf("KDREC END %s\n", label);
	fflush(stdout);
}

static void
trace(const char *file, int ops, int points)
{
	int fd;

	if (ops == KTROP_SET) {
		fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd == -1 || close(fd) == -1) {
			printf("KDREC error: cannot create %s\n", file);
			exit(1);
		}
	}
	if (ktrace(file, ops, points, getpid()) == -1) {
		printf("KDREC error: ktrace %s: %s\n", file, strerror(errno));
		exit(1);
	}
}

/* "KDREC ret NAME VALUE" or "KDREC ret NAME errno ENAME". */
static void
result(const char *name, long value)
{
	static const struct { int number; const char *name; } names[] = {
		{ EFAULT, "EFAULT" }, { EINVAL, "EINVAL" }, { EDOM, "EDOM" },
		{ ERANGE, "ERANGE" }, { ENOSYS, "ENOSYS" },
	};
	size_t i;

	if (value != -1) {
		printf("KDREC ret %s %ld\n", name, value);
		return;
	}
	for (i = 0; i < nitems(names); i++)
		if (names[i].number == errno) {
			printf("KDREC ret %s errno %s\n", name, names[i].name);
			return;
		}
	printf("KDREC ret %s errno %d\n", name, errno);
}

static void
slots(void)
{
	static const char *const modules[] = { "sys/errors_divide",
	    "sys/errors_privileged", "sys/errors_allocate", "sys/probe_mix",
	    "sys/probe_pick", "sys/mysyscall", "sys/two_values",
	    "sys/usermem_multiply", "sys/usermem_strlen", "sys/usermem_bump" };
	struct module_stat stat;
	size_t i;
	int id;

	for (i = 0; i < nitems(modules); i++) {
		id = modfind(modules[i]);
		stat.version = sizeof(stat);
		if (id == -1 || modstat(id, &stat) == -1)
			continue;
		printf("KDREC slot %s %d\n", modules[i] + 4, stat.data.intval);
	}
}

static void
calls(void)
{
	struct request request = { .operand = 6, .factor = 7 };
	struct reply reply;
	uint8_t byte = 41;
	int64_t second;
	long value;

	printf("KDREC call mysyscall value=42\n");
	result("mysyscall", mysyscall(42));
	printf("KDREC call mysyscall value=-7\n");
	result("mysyscall", mysyscall(-7));

	printf("KDREC call two_values base=42\n");
	value = two_values(42, &second);
	printf("KDREC ret two_values (%ld, %ld)\n", value, (long)second);
	printf("KDREC call two_values base=-1000000000000\n");
	value = two_values(-1000000000000L, &second);
	printf("KDREC ret two_values (%ld, %ld)\n", value, (long)second);

	printf("KDREC call usermem_multiply request=%#lx reply=%#lx\n",
	    (unsigned long)&request, (unsigned long)&reply);
	result("usermem_multiply", usermem_multiply(&request, &reply) == 0 ? 0 : -1);
	printf("KDREC call usermem_multiply request=0x10 reply=%#lx\n",
	    (unsigned long)&reply);
	result("usermem_multiply",
	    usermem_multiply((struct request *)0x10, &reply) == 0 ? 0 : -1);
	printf("KDREC call usermem_strlen text=%#lx\n", (unsigned long)"hello");
	result("usermem_strlen", usermem_strlen("hello"));
	printf("KDREC call usermem_bump address=%#lx\n", (unsigned long)&byte);
	result("usermem_bump", usermem_bump(&byte));

	printf("KDREC call errors_divide divisor=4\n");
	result("errors_divide", errors_divide(4));
	printf("KDREC call errors_divide divisor=0\n");
	result("errors_divide", errors_divide(0));
	printf("KDREC call errors_divide divisor=-3\n");
	result("errors_divide", errors_divide(-3));
	printf("KDREC call errors_privileged\n");
	result("errors_privileged", errors_privileged());
	printf("KDREC call errors_allocate count=10\n");
	result("errors_allocate", errors_allocate(10));

	/* Blend: Keep 0, Add 1, Negate -1, Scale 300 (KdumpProbe.cs). */
	printf("KDREC call probe_mix blend=Negate small=-5 mask=4294967295 verbose=true offset=-4096\n");
	result("probe_mix", probe_mix(-1, -5, 0xffffffffu, true, -4096));
	printf("KDREC call probe_mix blend=Add small=127 mask=255 verbose=false offset=1099511627776\n");
	result("probe_mix", probe_mix(1, 127, 255, false, 1099511627776L));
	printf("KDREC call probe_mix blend=(Blend)7 small=-128 mask=0 verbose=true offset=0\n");
	result("probe_mix", probe_mix(7, -128, 0, true, 0));
	printf("KDREC call probe_pick code=1\n");
	value = probe_pick(1);
	printf("KDREC ret probe_pick %s\n", value == 300 ? "Scale" : "?");
	printf("KDREC call probe_pick code=0\n");
	value = probe_pick(0);
	printf("KDREC ret probe_pick %s\n", value == 0 ? "Keep" : "?");
	printf("KDREC call probe_pick code=-3\n");
	result("probe_pick", probe_pick(-3));
}

int
main(void)
{
	char kdump[] = "/tmp/kdump", kldstat[] = "/tmp/kldstat";
	char all[] = "/tmp/all.ktr", one[] = "/tmp/one.ktr";
	static const char *const others[] = { "errors.ko", "kdprobe.ko",
	    "twovalues.ko", "usermem.ko" };
	struct utsname name;
	size_t i;
	int id;

	if (uname(&name) == 0)
		printf("KDREC uname %s %s %s %s\n", name.sysname, name.release,
		    name.version, name.machine);
	install(kdump, kdrec_kdump, kdrec_kdump_end);
	install(kldstat, kdrec_kldstat, kdrec_kldstat_end);
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* 1. Five modules, ten dynamic slots: every lkmnosys slot of 13.2 in use. */
	slots();
	run("kldstat -dv", (char *[]){ kldstat, "-dv", NULL });
	trace(all, KTROP_SET, KTRFAC_SYSCALL | KTRFAC_SYSRET | KTRFAC_NAMEI | KTRFAC_GENIO);
	calls();
	trace(all, KTROP_CLEAR, KTRFAC_SYSCALL | KTRFAC_SYSRET | KTRFAC_NAMEI | KTRFAC_GENIO);
	run("kdump", (char *[]){ kdump, "-f", all, NULL });
	run("kdump -S", (char *[]){ kdump, "-S", "-f", all, NULL });
	run("kdump -S -d", (char *[]){ kdump, "-S", "-d", "-f", all, NULL });
	run("kdump -n -H -T -A -S", (char *[]){ kdump, "-n", "-H", "-T", "-A", "-S", "-f", all, NULL });

	/* 2. The tutorial's case: mysyscall alone, `ktrace -t c` and a plain `kdump`. */
	for (i = 0; i < nitems(others); i++) {
		id = kldfind(others[i]);
		if (id == -1 || kldunload(id) == -1) {
			printf("KDREC error: kldunload %s: %s\n", others[i], strerror(errno));
			failures++;
		}
	}
	printf("KDREC alone\n");
	slots();
	run("kldstat -dv alone", (char *[]){ kldstat, "-dv", NULL });
	trace(one, KTROP_SET, KTRFAC_SYSCALL | KTRFAC_SYSRET);
	printf("KDREC call mysyscall value=21\n");
	result("mysyscall", mysyscall(21));
	trace(one, KTROP_CLEAR, KTRFAC_SYSCALL | KTRFAC_SYSRET);
	run("kdump alone", (char *[]){ kdump, "-f", one, NULL });
	printf("KDREC failures %d\n", failures);
	return (failures != 0);
}
