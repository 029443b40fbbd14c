/*
 * libFuzzer harness for http_parse_multipart. When the input's first line holds "boundary=",
 * that line is the Content-Type (so the fuzzer explores boundary and parameter parsing too) and
 * the rest is the body; otherwise the whole input is a body for a fixed boundary "XYZ", which
 * keeps most executions deep inside the body parser.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FIXED_CT	"multipart/form-data; boundary=XYZ"

static void
check(enum http_parse_err e, const struct kvlist *l, size_t bodylen)
{
	size_t i, nlen;
	const struct kv *kv;

	if ((unsigned)e >= HTTP_PARSE__MAX)
		abort();
	if (e != HTTP_PARSE_OK && l->n != 0)
		abort();
	if (l->n > HTTP_PARSE_MAX_FIELDS)
		abort();
	for (i = 0; i < l->n; i++) {
		kv = &l->items[i];
		nlen = strlen(kv->name);
		if (nlen == 0 || nlen > HTTP_PARSE_MAX_NAME ||
		    !http_parse_text_ok(kv->name, nlen))
			abort();
		if (kv->value[kv->value_len] != '\0' || kv->value_len > bodylen)
			abort();
		/* Text parts are checked; file parts are raw but their names are bare. */
		if (kv->filename == NULL) {
			if (!http_parse_text_ok(kv->value, kv->value_len))
				abort();
		} else if (strchr(kv->filename, '/') != NULL ||
		    strchr(kv->filename, '\\') != NULL || strcmp(kv->filename, "..") == 0 ||
		    strcmp(kv->filename, ".") == 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nl, *body = in;
	char *ct = NULL;
	size_t ctlen, bodylen = size;
	struct kvlist l;
	enum http_parse_err e;

	nl = memchr(in, '\n', size);
	if (nl != NULL && memmem(in, (size_t)(nl - in), "boundary=", 9) != NULL) {
		ctlen = (size_t)(nl - in);
		if ((ct = malloc(ctlen + 1)) == NULL)
			return 0;
		memcpy(ct, in, ctlen);
		ct[ctlen] = '\0';
		body = nl + 1;
		bodylen = size - ctlen - 1;
	}
	/* The body ends where libFuzzer's heap buffer ends, so ASan sees any read past it. */
	kvlist_init(&l);
	e = http_parse_multipart(ct ? ct : FIXED_CT, body, bodylen, &l);
	check(e, &l, bodylen);
	kvlist_free(&l);
	free(ct);
	return 0;
}
