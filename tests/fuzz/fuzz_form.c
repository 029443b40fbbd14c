/*
 * libFuzzer harness for the form validators (lib/form.c): every value a user types passes one of
 * them, and a case stores what passed as urlencoded text (form_encode) that is read back by the
 * strict request parser. The first byte picks the validator; the rest is the value. Checked: no
 * validator crashes or reads past the value, a date that passes is a real one, and what passes
 * comes back from form_encode + http_parse_urlencoded byte for byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const choices[] = { "ja", "nej", NULL };

static const struct form_field fields[] = {
	{ "v", form_text, 1, 0, 4000, NULL, NULL },
	{ "v", form_line, 1, 0, 200, NULL, NULL },
	{ "v", form_int, 1, 1, 500, NULL, NULL },
	{ "v", form_choice, 1, 0, 0, choices, NULL },
	{ "v", form_email, 1, 0, 254, NULL, NULL },
	{ "v", form_url, 1, 0, 500, NULL, NULL },
	{ "v", form_date, 1, 20000101, 21001231, NULL, NULL },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct form_field *f;
	struct kvlist in, back;
	struct form form;
	struct buf enc;

	if (size < 1)
		return 0;
	f = &fields[data[0] % (sizeof(fields) / sizeof(fields[0]))];
	kvlist_init(&in);
	if (kvlist_add(&in, "v", 1, (const char *)data + 1, size - 1) != 0)
		return 0;
	form_read(&form, f, 1, &in);
	if (form.v[0].err == FORM_OK && f->validate == form_date &&
	    (form.v[0].num < 20000101 || form.v[0].num > 21001231 || form.v[0].len != 10))
		abort();
	if (form.v[0].err == FORM_OK) {
		buf_init(&enc, 1 << 20);
		if (form_encode(&form, &enc) != 0)
			abort();
		kvlist_init(&back);
		if (enc.len) {
			if (http_parse_urlencoded(enc.data, enc.len, &back) != HTTP_PARSE_OK ||
			    back.n != 1 || strcmp(back.items[0].value, form.v[0].value) != 0)
				abort();
		}
		kvlist_free(&back);
		buf_free(&enc);
	}
	kvlist_free(&in);
	return 0;
}
