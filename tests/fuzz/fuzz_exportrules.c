/*
 * libFuzzer harness for FSE's export checklist (lib/exportrules.c, issue 14; R22): the text a
 * caseworker types, split into the items a supervisor ticks. Checked: no crash or read past the
 * text; every item is non-empty, trimmed, within its bounds and free of line breaks; and the
 * stored form (exportrules_join) parses back to the same items.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exportrules.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct exportrules r, again;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b;
	size_t i, len;

	if (exportrules_parse((const char *)data, size, &r) != EXPORTRULES_OK) {
		if (r.n != 0)
			abort();
		return 0;
	}
	if (r.n == 0 || r.n > EXPORTRULES_MAX_ITEMS)
		abort();
	for (i = 0; i < r.n; i++) {
		len = strlen(r.item[i]);
		if (len == 0 || len >= EXPORTRULES_ITEM_BYTES || strchr(r.item[i], '\n') ||
		    strchr(r.item[i], '\r') || strchr(r.item[i], '\t') || r.item[i][0] == ' ' ||
		    r.item[i][len - 1] == ' ')
			abort();
	}
	buf_init(&b, 1 << 20);
	if (exportrules_join(&r, &b) != 0 ||
	    exportrules_parse(b.data, b.len, &again) != EXPORTRULES_OK || again.n != r.n)
		abort();
	for (i = 0; i < r.n; i++)
		if (strcmp(again.item[i], r.item[i]) != 0)
			abort();
	buf_free(&b);
	return 0;
}
