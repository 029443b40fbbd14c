/*
 * libFuzzer harness for http_parse_urlencoded. libFuzzer's buffer is exactly `size` bytes on
 * the heap, so ASan flags any read past len. Beyond "no crash", it checks the promises the
 * parser makes to its callers and aborts when one is broken.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist l;
	enum http_parse_err e;
	size_t i, nlen;

	kvlist_init(&l);
	e = http_parse_urlencoded((const char *)data, size, &l);
	if ((unsigned)e >= HTTP_PARSE__MAX || http_parse_strerror(e) == NULL)
		abort();
	/* A failed parse leaves nothing behind. */
	if (e != HTTP_PARSE_OK && l.n != 0)
		abort();
	if (l.n > HTTP_PARSE_MAX_FIELDS)
		abort();
	for (i = 0; i < l.n; i++) {
		nlen = strlen(l.items[i].name);
		if (nlen == 0 || nlen > HTTP_PARSE_MAX_NAME ||
		    !http_parse_text_ok(l.items[i].name, nlen))
			abort();
		if (l.items[i].value[l.items[i].value_len] != '\0' ||
		    !http_parse_text_ok(l.items[i].value, l.items[i].value_len) ||
		    l.items[i].value_len > size)
			abort();
		if (l.items[i].filename != NULL || l.items[i].content_type != NULL)
			abort();
	}
	kvlist_free(&l);
	return 0;
}
