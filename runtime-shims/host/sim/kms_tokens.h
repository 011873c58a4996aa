/*
 * The integer and hex-digit grammar of a call's argument tokens, shared by
 * kmodsim (the harness's driver) and tests/KmodSharp.Differential/RealKernel/
 * rigdiff.c (the same calls on a real FreeBSD kernel), so that one token means
 * one value in both.
 *
 *	integer:	decimal, optional '-', or 0x hex (wrapping to 64 bits)
 */
#ifndef _KMS_TOKENS_H_
#define	_KMS_TOKENS_H_

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

/* 0 and the value in *V, or -1 for anything but a whole integer token. */
static inline int
kms_parse_int(const char *s, int64_t *v)
{
	char *end;

	errno = 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		if (s[2] == '\0')
			return (-1);
		*v = (int64_t)strtoull(s + 2, &end, 16);
	} else if (s[0] == '-') {
		*v = strtoll(s, &end, 10);
	} else {
		if (s[0] < '0' || s[0] > '9')
			return (-1);
		*v = (int64_t)strtoull(s, &end, 10);
	}
	return (errno != 0 || *end != '\0' ? -1 : 0);
}

/* The value of hex digit C, or -1. */
static inline int
kms_hexval(int c)
{

	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

#endif /* !_KMS_TOKENS_H_ */
