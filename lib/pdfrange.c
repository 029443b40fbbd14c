#include "pdfrange.h"

#include <string.h>

/* ---- /ByteRange [a b c d]: the bytes a signature covers are [a, a+b) and [c, c+d) --------- */

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

/* A non-negative integer of at most 15 digits at *i (after white space); -1 if none. */
static long long
number(const unsigned char *p, size_t len, size_t *i)
{
	long long v = 0;
	size_t digits = 0;

	while (*i < len && is_space(p[*i]))
		(*i)++;
	while (*i < len && p[*i] >= '0' && p[*i] <= '9' && digits < 15) {
		v = v * 10 + (p[*i] - '0');
		(*i)++;
		digits++;
	}
	if (digits == 0 || (*i < len && p[*i] >= '0' && p[*i] <= '9'))
		return -1;
	return v;
}

void
pdfrange_scan(const void *pdf, size_t len, size_t *ranges, size_t *whole)
{
	static const char key[] = "/ByteRange";
	const unsigned char *p = pdf;
	size_t i = 0, k;
	long long v[4];

	*ranges = *whole = 0;
	while (len >= sizeof(key) - 1 && i <= len - (sizeof(key) - 1)) {
		const void *hit = memmem(p + i, len - i, key, sizeof(key) - 1);

		if (hit == NULL)
			break;
		i = (size_t)((const unsigned char *)hit - p) + sizeof(key) - 1;
		(*ranges)++;
		while (i < len && is_space(p[i]))
			i++;
		if (i >= len || p[i] != '[')
			continue;
		i++;
		for (k = 0; k < 4; k++)
			if ((v[k] = number(p, len, &i)) < 0)
				break;
		if (k < 4)
			continue;
		while (i < len && is_space(p[i]))
			i++;
		if (i >= len || p[i] != ']')
			continue;
		/* From the first byte, a gap (the signature itself), then to the very last byte. */
		if (v[0] == 0 && v[1] <= v[2] && (unsigned long long)v[2] + (unsigned long long)v[3] ==
		    (unsigned long long)len)
			(*whole)++;
	}
}
