/*
 * filename: a file's name as the portal shows it and sends it (issue 10). The sender's name is
 * only a hint: cleaned here of paths, control characters, invalid UTF-8 and direction marks,
 * capped, and given the extension of the type found in the bytes; sent back in a
 * Content-Disposition that every browser reads with its Danish letters intact. Pure: the
 * multipart fuzzer runs it on every file name it makes.
 */
#include "filename.h"

#include <stdio.h>
#include <string.h>

/* The length of the UTF-8 sequence at p (at most n bytes), or 0 when it is not valid UTF-8. */
static size_t
utf8_seq(const unsigned char *p, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF are not characters. */
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Characters a file name never shows: controls (C0, DEL, C1) and the direction marks and
 * overrides that make "fdp.exe" read as "exe.pdf". */
static int
dropped(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x200e && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

void
filename_clean(const char *sent, const char *ext, char *out, size_t n)
{
	const char *base = sent ? sent : "", *s;
	char stem[FILENAME_MAX_BYTES + 1];
	size_t len, i = 0, o = 0, chars = 0, seq, dot;
	unsigned cp;

	for (s = base; *s; s++)
		if (*s == '/' || *s == '\\')
			base = s + 1;
	len = strlen(base);
	while (i < len && chars < FILENAME_CHARS) {
		if ((seq = utf8_seq((const unsigned char *)base + i, len - i, &cp)) == 0) {
			i++;	/* not UTF-8: dropped byte by byte */
			continue;
		}
		if (!dropped(cp) && o + seq < sizeof(stem)) {
			memcpy(stem + o, base + i, seq);
			o += seq;
			chars++;
		}
		i += seq;
	}
	stem[o] = '\0';
	/* The extension the sender wrote goes: the type decides it (a PNG called .jpg is a PNG). */
	for (dot = o; dot > 0 && stem[dot - 1] != '.'; dot--)
		;
	if (dot > 1 && o - dot <= 5) {
		for (i = dot; i < o && ((stem[i] >= 'a' && stem[i] <= 'z') ||
		    (stem[i] >= 'A' && stem[i] <= 'Z') || (stem[i] >= '0' && stem[i] <= '9')); i++)
			;
		if (i == o)
			o = dot - 1;
	}
	/* No leading dots or spaces (a hidden file), no trailing dots or spaces. */
	for (i = 0; i < o && (stem[i] == '.' || stem[i] == ' '); i++)
		;
	while (o > i && (stem[o - 1] == '.' || stem[o - 1] == ' '))
		o--;
	stem[o] = '\0';
	if (ext && *ext)
		snprintf(out, n, "%s.%s", i < o ? stem + i : "fil", ext);
	else
		snprintf(out, n, "%s", i < o ? stem + i : "fil");
}

/* RFC 5987 attr-char: what may stand unescaped in filename*. */
static int
attr_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    strchr("!#$&+-.^_`|~", c) != NULL;
}

/* The ASCII stand-in for a Danish letter in the fallback name, else NULL. */
static const char *
ascii_for(const unsigned char *p, size_t left, size_t *used)
{
	static const struct {
		const char *utf8, *ascii;
	} map[] = {
		{ "æ", "ae" }, { "ø", "oe" }, { "å", "aa" }, { "Æ", "Ae" }, { "Ø", "Oe" },
		{ "Å", "Aa" }, { "é", "e" }, { "ü", "u" }, { "ö", "o" }, { "ä", "a" },
	};
	size_t i, n;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		n = strlen(map[i].utf8);
		if (n <= left && memcmp(p, map[i].utf8, n) == 0) {
			*used = n;
			return map[i].ascii;
		}
	}
	return NULL;
}

int
filename_disposition(struct buf *out, int attachment, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)(name && *name ? name : "fil");
	size_t len = strlen((const char *)p), i, used;
	const char *a;

	if (buf_puts(out, attachment ? "attachment; filename=\"" : "inline; filename=\"") != 0)
		return -1;
	for (i = 0; i < len; ) {
		if ((a = ascii_for(p + i, len - i, &used)) != NULL) {
			if (buf_puts(out, a) != 0)
				return -1;
			i += used;
			continue;
		}
		if (p[i] >= 0x80) {	/* any other character: one '_' for the whole sequence */
			if (buf_puts(out, "_") != 0)
				return -1;
			for (i++; i < len && (p[i] & 0xc0) == 0x80; i++)
				;
			continue;
		}
		if (buf_append(out, p[i] < 0x20 || p[i] == '"' || p[i] == '\\' || p[i] == 0x7f ?
		    "_" : (const char *)p + i, 1) != 0)
			return -1;
		i++;
	}
	if (buf_puts(out, "\"; filename*=UTF-8''") != 0)
		return -1;
	for (i = 0; i < len; i++) {
		char esc[3] = { '%', hex[p[i] >> 4], hex[p[i] & 15] };

		if (attr_char(p[i]) ? buf_append(out, (const char *)p + i, 1) != 0 :
		    buf_append(out, esc, 3) != 0)
			return -1;
	}
	return 0;
}
