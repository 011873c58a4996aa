/*
 * The host harness's driver API (kms_user.h) on a real FreeBSD kernel, so the
 * same userland drivers run on the rig: kldload(2)/kldunload(2) by path, and
 * the kernel message buffer lines (kern.msgbuf) written since the program
 * started. The runner loads the module before the program runs; the
 * drivers first check the library with the module absent, so it is unloaded
 * before main().
 */
#include <sys/param.h>
#include <sys/linker.h>
#include <sys/sysctl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kms_user.h>

static char	*kms_msgbuf_before;
static char	*kms_lines[256];

static char *
kms_msgbuf(void)
{
	size_t len;
	char *buf;

	if (sysctlbyname("kern.msgbuf", NULL, &len, NULL, 0) != 0)
		return (NULL);
	buf = calloc(1, len + 1);
	if (buf == NULL || sysctlbyname("kern.msgbuf", buf, &len, NULL, 0) != 0)
		return (NULL);
	return (buf);
}

/*
 * FreeBSD's csu passes init_array functions (argc, argv, envp). Only the
 * driver's own module (argv[1]) is unloaded: on a real host, other files
 * (zfs.ko, ...) must stay.
 */
__attribute__((constructor)) static void
kms_rig_start(int argc, char **argv)
{
	int id;

	if (argc > 1 && (id = kldfind(argv[1])) != -1)
		(void)kldunload(id);
	kms_msgbuf_before = kms_msgbuf();
}

int
kms_user_load(const char *path)
{

	return (kldload(path) == -1 ? -1 : 0);
}

int
kms_user_unload(const char *path)
{
	int id;

	id = kldfind(path);
	return (id == -1 || kldunload(id) == -1 ? -1 : 0);
}

/* The lines after what the buffer held at start (it keeps the newest text). */
unsigned long
kms_user_log_count(void)
{
	char *now, *fresh, *line, *save;
	size_t before;
	unsigned long n;

	now = kms_msgbuf();
	if (now == NULL)
		return (0);
	before = kms_msgbuf_before == NULL ? 0 : strlen(kms_msgbuf_before);
	fresh = strlen(now) >= before && strncmp(now, kms_msgbuf_before, before) == 0 ? now + before : now;
	n = 0;
	for (line = strtok_r(fresh, "\n", &save); line != NULL && n < nitems(kms_lines); line = strtok_r(NULL, "\n", &save))
		kms_lines[n++] = line;
	return (n);
}

const char *
kms_user_log_line(unsigned long i)
{

	return (i < kms_user_log_count() ? kms_lines[i] : "");
}

/* The harness's fault injection and credentials have no real-kernel equivalent here. */
void
kms_user_credential(unsigned int uid, bool jail, bool capmode)
{

	fprintf(stderr, "kms_user_credential(%u, %d, %d): not on a real kernel\n", uid, jail, capmode);
	exit(2);
}

void
kms_user_fail_malloc(long n)
{

	fprintf(stderr, "kms_user_fail_malloc(%ld): not on a real kernel\n", n);
	exit(2);
}

long
kms_user_leaks(void)
{

	return (0);
}

unsigned long
kms_user_violations(void)
{

	return (0);
}
