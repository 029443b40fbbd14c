/*
 * libFuzzer harness for http_parse_cookies. The header comes from the FastCGI environment as a
 * C string, so the input is copied into a NUL-terminated buffer (an embedded NUL just ends it,
 * as it would in the environment).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* RFC 6265 says printable ASCII; the parser promises that, and no separator in a pair. */
static int
cookie_bytes_ok(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] >= 0x7f || p[i] == ';')
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist l;
	enum http_parse_err e;
	char *hdr;
	size_t i, nlen;

	if ((hdr = malloc(size + 1)) == NULL)
		return 0;
	memcpy(hdr, data, size);
	hdr[size] = '\0';
	kvlist_init(&l);
	e = http_parse_cookies(hdr, &l);
	if ((unsigned)e >= HTTP_PARSE__MAX)
		abort();
	if (e != HTTP_PARSE_OK && l.n != 0)
		abort();
	if (l.n > HTTP_PARSE_MAX_FIELDS)
		abort();
	for (i = 0; i < l.n; i++) {
		nlen = strlen(l.items[i].name);
		if (nlen == 0 || nlen > HTTP_PARSE_MAX_NAME ||
		    !cookie_bytes_ok(l.items[i].name, nlen) ||
		    strchr(l.items[i].name, '=') != NULL)
			abort();
		/* Names and values come back trimmed. */
		if (l.items[i].name[0] == ' ' || l.items[i].name[nlen - 1] == ' ')
			abort();
		if (l.items[i].value_len != strlen(l.items[i].value) ||
		    !cookie_bytes_ok(l.items[i].value, l.items[i].value_len))
			abort();
	}
	kvlist_free(&l);
	free(hdr);
	return 0;
}
