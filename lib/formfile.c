/*
 * The file field of lib/form (issue 10): an uploaded file is checked in the order that costs
 * least first (its size, then its type from the bytes, then what the type can hide), and is
 * named for display from what the sender called it, cleaned.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "filetype.h"
#include "form.h"
#include "imgcheck.h"
#include "pdfcheck.h"

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
form_file_name(const char *sent, const char *ext, char *out, size_t n)
{
	const char *base = sent ? sent : "", *s;
	char stem[FORM_FILE_NAME_MAX + 1];
	size_t len, i = 0, o = 0, chars = 0, seq, dot;
	unsigned cp;

	for (s = base; *s; s++)
		if (*s == '/' || *s == '\\')
			base = s + 1;
	len = strlen(base);
	while (i < len && chars < FORM_FILE_NAME_CHARS) {
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

static enum form_err
pdf_err(enum pdfcheck_err e)
{
	switch (e) {
	case PDFCHECK_OK:
		return FORM_OK;
	case PDFCHECK_ENOTPDF:
		return FORM_EFILETYPE;
	case PDFCHECK_EENCRYPTED:
		return FORM_EPDFENCRYPTED;
	case PDFCHECK_EJAVASCRIPT:
		return FORM_EPDFSCRIPT;
	case PDFCHECK_ELAUNCH:
		return FORM_EPDFLAUNCH;
	case PDFCHECK_EEMBEDDED:
		return FORM_EPDFEMBEDDED;
	case PDFCHECK_EACTIVE:
		return FORM_EPDFACTIVE;
	case PDFCHECK_EUNCHECKABLE:
		return FORM_EPDFUNCHECKABLE;
	default:
		return FORM_EFILECHECK;
	}
}

enum form_err
form_file(const struct form_field *fd, const char *value, size_t len, const char *filename,
    struct form_file *out)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	char mime[96];
	size_t i;

	memset(out, 0, sizeof(*out));
	if (fd->validate != form_file_field || fd->choices == NULL || fd->max <= 0)
		return FORM_EFILECHECK;
	if (len > (size_t)fd->max)
		return FORM_EFILESIZE;
	if (len == 0)
		return FORM_EFILEEMPTY;
	if (filetype_detect(value, len, mime, sizeof(mime)) != 0)
		return FORM_EFILECHECK;
	for (i = 0; fd->choices[i]; i++)
		if (strcmp(fd->choices[i], mime) == 0)
			break;
	if (fd->choices[i] == NULL)
		return FORM_EFILETYPE;
	out->type = fd->choices[i];
	if (strcmp(out->type, "application/pdf") == 0) {
		struct pdfcheck_info info;
		enum form_err e = pdf_err(pdfcheck(value, len, &info));

		if (e != FORM_OK)
			return e;
		out->signatures = info.signatures;
	} else if (strcmp(out->type, "image/png") == 0 || strcmp(out->type, "image/jpeg") == 0) {
		enum imgcheck_type t;

		if (imgcheck_size((const unsigned char *)value, len, &t, &out->width,
		    &out->height) != IMGCHECK_OK ||
		    (t == IMGCHECK_PNG) != (strcmp(out->type, "image/png") == 0))
			return FORM_EFILEBROKEN;
		if (fd->min > 0 && (out->width > fd->min || out->height > fd->min))
			return FORM_EIMAGESIZE;
	}
	crypto_hash_sha256(hash, (const unsigned char *)value, len);
	sodium_bin2hex(out->sha256, sizeof(out->sha256), hash, sizeof(hash));
	form_file_name(filename, filetype_extension(out->type), out->name, sizeof(out->name));
	return FORM_OK;
}

void
form_file_types_text(const char *const *types, char *out, size_t n)
{
	size_t i, count = 0, o = 0;
	int w;

	for (i = 0; types && types[i]; i++)
		count++;
	if (n)
		out[0] = '\0';
	for (i = 0; i < count && o < n; i++) {
		const char *ext = filetype_extension(types[i]);
		char up[8];
		size_t k;

		for (k = 0; ext[k] && k + 1 < sizeof(up); k++)
			up[k] = (char)(ext[k] >= 'a' && ext[k] <= 'z' ? ext[k] - 'a' + 'A' : ext[k]);
		up[k] = '\0';
		if (strcmp(up, "JPG") == 0)
			snprintf(up, sizeof(up), "JPEG");
		/* "en PDF-fil"; "en PNG- eller JPEG-fil"; "en PNG-, JPEG- eller PDF-fil" */
		w = snprintf(out + o, n - o, "%s%s%s", i == 0 ? "en " : i + 1 == count ? " eller " :
		    ", ", up, i + 1 == count ? "-fil" : "-");
		if (w < 0)
			break;
		o += (size_t)w;
	}
	if (count == 0)
		snprintf(out, n, "en fil af en type, vi kan tage imod");
}
