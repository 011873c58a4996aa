/*
 * KmodSharp host harness: the kernel's printf(9) into a message buffer
 * (what dmesg shows), panic(9), and the harness's list of violations.
 *
 * The formatter is written here rather than borrowed from the host's
 * vsnprintf because the kernel's differs: %p prints 0x-prefixed hex (and "0"
 * for NULL), "q" is a 64-bit modifier, and unknown conversions are copied
 * out rather than being undefined.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

#define	KMS_MSGBUF_SIZE	(256 * 1024)
#define	KMS_MAX_VIOLATIONS	256

static char	msgbuf[KMS_MSGBUF_SIZE];
static size_t	msgbuf_len;
static bool	msgbuf_overflowed;
static char	**log_lines;
static size_t	log_nlines;
static bool	log_dirty = true;

static char	*violations[KMS_MAX_VIOLATIONS];
static size_t	nviolations;

static jmp_buf	*panic_catch;
static char	panic_msg[1024];
static bool	panicking;
static bool	quiet;

struct snbuf {
	char	*buf;
	size_t	size;
	size_t	len;
};

typedef void putc_fn(int c, void *arg);

static void
snbuf_putc(int c, void *arg)
{
	struct snbuf *sb = arg;

	if (sb->len + 1 < sb->size)
		sb->buf[sb->len] = (char)c;
	sb->len++;
}

/* Print an unsigned number in the given base, as kvprintf's ksprintn does. */
static size_t
ksprintn(char *nbuf, uintmax_t num, int base, bool upper)
{
	static const char digits[] = "0123456789abcdef0123456789ABCDEF";
	size_t n = 0;

	do {
		nbuf[n++] = digits[(num % (unsigned)base) + (upper ? 16 : 0)];
		num /= (unsigned)base;
	} while (num != 0);
	return (n);
}

static int
kvprintf(const char *fmt, putc_fn *put, void *arg, va_list ap)
{
	char nbuf[sizeof(uintmax_t) * 8 + 1];
	const char *p, *percent, *s;
	uintmax_t num;
	int base, lflag, qflag, jflag, zflag, tflag, hflag, cflag;
	int ladjust, sharpflag, sign, plusflag, spaceflag, dot, dwidth;
	int width, n, retval, neg, upper;
	char padc;
	size_t len;

	retval = 0;
	for (;;) {
		while (*fmt != '%') {
			if (*fmt == '\0')
				return (retval);
			put(*fmt++, arg);
			retval++;
		}
		percent = fmt;
		fmt++;
		padc = ' ';
		width = 0;
		dwidth = 0;
		dot = 0;
		lflag = qflag = jflag = zflag = tflag = hflag = cflag = 0;
		ladjust = sharpflag = sign = plusflag = spaceflag = 0;
		neg = 0;
		upper = 0;
		num = 0;
reswitch:
		switch (*fmt++) {
		case '.':
			dot = 1;
			goto reswitch;
		case '#':
			sharpflag = 1;
			goto reswitch;
		case '+':
			plusflag = 1;
			goto reswitch;
		case ' ':
			spaceflag = 1;
			goto reswitch;
		case '-':
			ladjust = 1;
			goto reswitch;
		case '%':
			put('%', arg);
			retval++;
			break;
		case '*':
			if (!dot) {
				width = va_arg(ap, int);
				if (width < 0) {
					ladjust = !ladjust;
					width = -width;
				}
			} else
				dwidth = va_arg(ap, int);
			goto reswitch;
		case '0':
			if (!dot) {
				padc = '0';
				goto reswitch;
			}
			/* FALLTHROUGH */
		case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			for (n = 0;; ++fmt) {
				n = n * 10 + fmt[-1] - '0';
				if (*fmt < '0' || *fmt > '9')
					break;
			}
			if (dot)
				dwidth = n;
			else
				width = n;
			goto reswitch;
		case 'c':
			width -= 1;
			if (!ladjust && width > 0)
				while (width--) {
					put(padc, arg);
					retval++;
				}
			put(va_arg(ap, int), arg);
			retval++;
			if (ladjust && width > 0)
				while (width--) {
					put(padc, arg);
					retval++;
				}
			break;
		case 'h':
			if (hflag) {
				hflag = 0;
				cflag = 1;
			} else
				hflag = 1;
			goto reswitch;
		case 'j':
			jflag = 1;
			goto reswitch;
		case 'l':
			if (lflag) {
				lflag = 0;
				qflag = 1;
			} else
				lflag = 1;
			goto reswitch;
		case 'q':
			qflag = 1;
			goto reswitch;
		case 't':
			tflag = 1;
			goto reswitch;
		case 'z':
			zflag = 1;
			goto reswitch;
		case 'd':
		case 'i':
			base = 10;
			sign = 1;
			goto handle_sign;
		case 'o':
			base = 8;
			goto handle_nosign;
		case 'u':
			base = 10;
			goto handle_nosign;
		case 'X':
			upper = 1;
			/* FALLTHROUGH */
		case 'x':
			base = 16;
			goto handle_nosign;
		case 'p':
			base = 16;
			sharpflag = (width == 0);
			sign = 0;
			num = (uintptr_t)va_arg(ap, void *);
			goto number;
		case 's':
			s = va_arg(ap, const char *);
			if (s == NULL)
				s = "(null)";
			if (!dot)
				len = strlen(s);
			else
				for (len = 0; len < (size_t)dwidth && s[len];
				    len++)
					continue;
			width -= (int)len;
			if (!ladjust && width > 0)
				while (width--) {
					put(padc, arg);
					retval++;
				}
			while (len--) {
				put(*s++, arg);
				retval++;
			}
			if (ladjust && width > 0)
				while (width--) {
					put(padc, arg);
					retval++;
				}
			break;
handle_nosign:
			sign = 0;
			if (jflag)
				num = va_arg(ap, uintmax_t);
			else if (qflag)
				num = va_arg(ap, unsigned long long);
			else if (tflag)
				num = (uintmax_t)va_arg(ap, ptrdiff_t);
			else if (lflag)
				num = va_arg(ap, unsigned long);
			else if (zflag)
				num = va_arg(ap, size_t);
			else if (hflag)
				num = (unsigned short)va_arg(ap, int);
			else if (cflag)
				num = (unsigned char)va_arg(ap, int);
			else
				num = va_arg(ap, unsigned int);
			goto number;
handle_sign:
			if (jflag)
				num = (uintmax_t)va_arg(ap, intmax_t);
			else if (qflag)
				num = (uintmax_t)va_arg(ap, long long);
			else if (tflag)
				num = (uintmax_t)va_arg(ap, ptrdiff_t);
			else if (lflag)
				num = (uintmax_t)va_arg(ap, long);
			else if (zflag)
				num = (uintmax_t)va_arg(ap, ssize_t);
			else if (hflag)
				num = (uintmax_t)(short)va_arg(ap, int);
			else if (cflag)
				num = (uintmax_t)(signed char)va_arg(ap, int);
			else
				num = (uintmax_t)va_arg(ap, int);
number:
			if (sign && (intmax_t)num < 0) {
				neg = 1;
				num = -num;
			}
			len = ksprintn(nbuf, num, base, upper);
			{
				int digits = (int)len, zeros = 0, tmp;

				if (dot && dwidth > digits)
					zeros = dwidth - digits;
				tmp = digits + zeros;
				if (sharpflag && num != 0) {
					if (base == 8)
						tmp++;
					else if (base == 16)
						tmp += 2;
				}
				if (neg || plusflag || spaceflag)
					tmp++;
				if (!ladjust && padc == '0' && !dot)
					zeros += width - tmp > 0 ?
					    width - tmp : 0, tmp = width;
				if (!ladjust && padc != '0')
					while (width-- > tmp) {
						put(' ', arg);
						retval++;
					}
				if (neg)
					put('-', arg);
				else if (plusflag && sign)
					put('+', arg);
				else if (spaceflag && sign)
					put(' ', arg);
				if (neg || ((plusflag || spaceflag) && sign))
					retval++;
				if (sharpflag && num != 0) {
					if (base == 8) {
						put('0', arg);
						retval++;
					} else if (base == 16) {
						put('0', arg);
						put(upper ? 'X' : 'x', arg);
						retval += 2;
					}
				}
				while (zeros-- > 0) {
					put('0', arg);
					retval++;
				}
				while (len > 0) {
					put(nbuf[--len], arg);
					retval++;
				}
				if (ladjust)
					while (width-- > tmp) {
						put(' ', arg);
						retval++;
					}
			}
			break;
		default:
			/* Unknown conversions are printed literally. */
			for (p = percent; p < fmt; p++) {
				put(*p, arg);
				retval++;
			}
			if (fmt[-1] == '\0')
				return (retval);
			break;
		}
	}
}

int
kms_kern_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct snbuf sb = { buf, size, 0 };
	int r;

	r = kvprintf(fmt, snbuf_putc, &sb, ap);
	if (size > 0)
		buf[sb.len < size ? sb.len : size - 1] = '\0';
	return (r);
}

int kms_kern_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((__format__(__printf__, 3, 4)));
int kms_kern_sprintf(char *buf, const char *fmt, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int kms_kern_vprintf(const char *fmt, va_list ap);
int kms_kern_printf(const char *fmt, ...)
    __attribute__((__format__(__printf__, 1, 2)));
void kms_kern_log(int level, const char *fmt, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int uprintf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
void panic(const char *fmt, ...) __attribute__((__noreturn__))
    __attribute__((__format__(__printf__, 1, 2)));

int
kms_kern_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = kms_kern_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (r);
}

int
kms_kern_sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int r;

	/* sprintf(9) trusts the caller's buffer, as the kernel's does. */
	va_start(ap, fmt);
	r = kms_kern_vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return (r);
}

void
kms_log_write(const char *s, size_t len)
{

	if (msgbuf_len + len > sizeof(msgbuf)) {
		msgbuf_overflowed = true;
		len = sizeof(msgbuf) - msgbuf_len;
	}
	memcpy(msgbuf + msgbuf_len, s, len);
	msgbuf_len += len;
	log_dirty = true;
	if (!quiet)
		fwrite(s, 1, len, stderr);
}

static void
log_putc(int c, void *arg)
{
	char ch = (char)c;

	(void)arg;
	kms_log_write(&ch, 1);
}

int
kms_kern_vprintf(const char *fmt, va_list ap)
{

	return (kvprintf(fmt, log_putc, NULL, ap));
}

int
kms_kern_printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = kms_kern_vprintf(fmt, ap);
	va_end(ap);
	return (r);
}

/* log(9) also lands in the message buffer; the priority is not shown. */
void
kms_kern_log(int level, const char *fmt, ...)
{
	va_list ap;

	(void)level;
	va_start(ap, fmt);
	kms_kern_vprintf(fmt, ap);
	va_end(ap);
}

/* There is no controlling terminal; uprintf(9) output goes to the log. */
int
uprintf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = kms_kern_vprintf(fmt, ap);
	va_end(ap);
	return (r);
}

static void
log_split(void)
{
	size_t i, start;

	if (!log_dirty)
		return;
	for (i = 0; i < log_nlines; i++)
		free(log_lines[i]);
	free(log_lines);
	log_lines = NULL;
	log_nlines = 0;
	start = 0;
	for (i = 0; i <= msgbuf_len; i++) {
		if (i < msgbuf_len && msgbuf[i] != '\n')
			continue;
		/* A partial last line counts; an empty tail does not. */
		if (i == msgbuf_len && i == start)
			break;
		log_lines = realloc(log_lines,
		    (log_nlines + 1) * sizeof(*log_lines));
		if (log_lines == NULL)
			abort();
		log_lines[log_nlines] = strndup(msgbuf + start, i - start);
		if (log_lines[log_nlines] == NULL)
			abort();
		log_nlines++;
		start = i + 1;
	}
	log_dirty = false;
}

/* Whether the message buffer filled up and later output was dropped (the last line may be cut). */
bool
kms_log_overflowed(void)
{

	return (msgbuf_overflowed);
}

size_t
kms_log_count(void)
{

	log_split();
	return (log_nlines);
}

const char *
kms_log_line(size_t i)
{

	log_split();
	return (i < log_nlines ? log_lines[i] : NULL);
}

void
kms_quiet_set(bool q)
{

	quiet = q;
}

void
kms_panic_set_catch(jmp_buf *jb)
{

	panic_catch = jb;
}

bool
kms_panicked(void)
{

	return (panicking);
}

const char *
kms_panic_message(void)
{

	return (panic_msg);
}

static __attribute__((__noreturn__)) void
vpanic(const char *fmt, va_list ap)
{
	char line[sizeof(panic_msg) + 16];
	int n;

	if (panicking) {
		fprintf(stderr, "panic: nested panic\n");
		_Exit(1);
	}
	panicking = true;
	kms_kern_vsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	n = snprintf(line, sizeof(line), "panic: %s\n", panic_msg);
	if (n > 0)
		kms_log_write(line, (size_t)n < sizeof(line) ?
		    (size_t)n : sizeof(line) - 1);
	if (quiet)
		fputs(line, stderr);
	kms_violation("panic: %s", panic_msg);
	if (panic_catch != NULL)
		longjmp(*panic_catch, 1);
	_Exit(1);
}

void
kms_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(fmt, ap);
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(fmt, ap);
}

void
kms_violation(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr, "kmodsim: violation: %s\n", buf);
	if (nviolations < KMS_MAX_VIOLATIONS) {
		violations[nviolations] = strdup(buf);
		if (violations[nviolations] == NULL)
			abort();
		nviolations++;
	}
}

size_t
kms_violation_count(void)
{

	return (nviolations);
}

const char *
kms_violation_text(size_t i)
{

	return (i < nviolations ? violations[i] : NULL);
}
