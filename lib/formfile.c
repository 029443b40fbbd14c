/*
 * The file field of lib/form (issue 10): an uploaded file is checked in the order that costs
 * least first (its size, then its type from the bytes, then what the type can hide), and is
 * named for display from what the sender called it, cleaned.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "filename.h"
#include "filetype.h"
#include "form.h"
#include "imgcheck.h"
#include "pdfcheck.h"

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
	filename_clean(filename, filetype_extension(out->type), out->name, sizeof(out->name));
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
