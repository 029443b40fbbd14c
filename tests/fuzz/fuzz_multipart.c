/*
 * libFuzzer harness for http_parse_multipart. When the input's first line holds "boundary=",
 * that line is the Content-Type (so the fuzzer explores boundary and parameter parsing too) and
 * the rest is the body; otherwise the whole input is a body for a fixed boundary "XYZ", which
 * keeps most executions deep inside the body parser.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filename.h"
#include "form.h"
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

static const char *const any_type[] = { "application/pdf", "image/png", "image/jpeg", NULL };
/* Every part named "fil" goes through the form layer's file field as an upload would. */
static const struct form_field file_fields[] = {
	{ "fil", form_file_field, 0, 4000, 1024 * 1024, any_type, NULL },
};

/* A file part's name as the portal shows it and sends it: clean UTF-8, no path, no control
 * characters, capped; the Content-Disposition plain ASCII with no quote inside the quotes. */
static void
check_file(const struct kv *kv)
{
	char name[FILENAME_MAX_BYTES + 1];
	struct buf disp;
	size_t i, n;

	filename_clean(kv->filename, "pdf", name, sizeof(name));
	n = strlen(name);
	if (n == 0 || !http_parse_text_ok(name, n) || strchr(name, '/') || strchr(name, '\\') ||
	    strchr(name, '\n') || strchr(name, '\r') || strchr(name, '\t') || name[0] == '.' ||
	    form_utf8_chars(name, n) > FILENAME_CHARS + 4)
		abort();
	buf_init(&disp, 0);
	if (filename_disposition(&disp, 1, name) != 0)
		abort();
	for (i = 0; i < disp.len; i++)
		if ((unsigned char)disp.data[i] < 0x20 || (unsigned char)disp.data[i] >= 0x7f)
			abort();
	/* The quoted fallback ends at its first quote, and that quote begins the encoded form;
	 * searched after the opening quote, since a name may itself read "; filename*=UTF-8''". */
	if (strncmp(disp.data, "attachment; filename=\"", 22) != 0 ||
	    strchr(disp.data + 22, '"') != strstr(disp.data + 22, "\"; filename*=UTF-8''"))
		abort();
	buf_free(&disp);
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
	if (e == HTTP_PARSE_OK) {
		struct form f;
		size_t i;

		for (i = 0; i < l.n; i++)
			if (l.items[i].filename)
				check_file(&l.items[i]);
		form_read(&f, file_fields, 1, &l);
		if (f.v[0].err == FORM_OK && f.v[0].file && (f.v[0].file->type == NULL ||
		    strlen(f.v[0].file->sha256) != 64))
			abort();
	}
	kvlist_free(&l);
	free(ct);
	return 0;
}
