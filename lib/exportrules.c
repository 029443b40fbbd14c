#include "exportrules.h"

#include <string.h>

#include "http_parse.h"

static const char *const errs[EXPORTRULES__MAX] = {
	[EXPORTRULES_OK] = "",
	[EXPORTRULES_EEMPTY] = "Skriv mindst ét punkt i tjeklisten, ét punkt på hver linje.",
	[EXPORTRULES_ETOOMANY] = "Tjeklisten må højst have 30 punkter. Saml nogle af dem.",
	[EXPORTRULES_ELONG] = "Et punkt må højst være 400 tegn. Del det lange punkt i flere.",
	[EXPORTRULES_EBYTE] = "Teksten indeholder tegn, der ikke kan bruges.",
};

const char *
exportrules_strerror(enum exportrules_err e)
{
	return (unsigned)e < EXPORTRULES__MAX ? errs[e] : "Tjeklisten kan ikke bruges.";
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

enum exportrules_err
exportrules_parse(const char *text, size_t len, struct exportrules *out)
{
	size_t i = 0;

	out->n = 0;
	if (text == NULL)
		return EXPORTRULES_EEMPTY;
	/* Tabs and line breaks are the only control bytes a line may be cut from. */
	if (!http_parse_text_ok(text, len))
		return EXPORTRULES_EBYTE;
	while (i < len) {
		size_t start = i, end, k, o, chars = 0;

		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;	/* past the '\n' */
		while (start < end && blank(text[start]))
			start++;
		while (end > start && blank(text[end - 1]))
			end--;
		if (start == end)
			continue;
		for (k = start; k < end; k++)
			if (((unsigned char)text[k] & 0xc0) != 0x80)
				chars++;
		if (chars > EXPORTRULES_ITEM_CHARS) {
			out->n = 0;
			return EXPORTRULES_ELONG;
		}
		if (out->n == EXPORTRULES_MAX_ITEMS) {
			out->n = 0;
			return EXPORTRULES_ETOOMANY;
		}
		/* A tab or a stray carriage return inside an item reads as a space. */
		for (k = start, o = 0; k < end && o + 1 < EXPORTRULES_ITEM_BYTES; k++)
			out->item[out->n][o++] = blank(text[k]) ? ' ' : text[k];
		out->item[out->n][o] = '\0';
		out->n++;
	}
	return out->n ? EXPORTRULES_OK : EXPORTRULES_EEMPTY;
}

int
exportrules_join(const struct exportrules *r, struct buf *out)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (buf_puts(out, r->item[i]) != 0 || buf_puts(out, "\n") != 0)
			return -1;
	return 0;
}
