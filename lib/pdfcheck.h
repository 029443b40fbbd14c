/*
 * pdfcheck: what an uploaded PDF holds that the portal refuses (issue 10; R27: Annex 1 is a PDF
 * that FSE and the institution's archive must be able to open and trust). REMS only looks at the
 * file name; this looks at the bytes:
 *   - encryption (an /Encrypt dictionary): the archive must open it without a password;
 *   - active content: JavaScript, Launch actions (start a program), embedded files, and the
 *     rest of what runs or sends on opening (rich media, XFA forms, submit/import actions).
 * A pure lexer, no I/O and no globals, so it has its own libFuzzer harness. It reads every
 * object outside streams, skips stream data (images, fonts, page contents), and inflates
 * object streams (/Type /ObjStm, FlateDecode), where PDF 1.5 writers put most dictionaries; an
 * object stream it cannot read (another filter, a predictor, too large) is refused as
 * uncheckable rather than let through (fail closed).
 */
#ifndef PORTAL_PDFCHECK_H
#define PORTAL_PDFCHECK_H

#include <stddef.h>

enum pdfcheck_err {
	PDFCHECK_OK = 0,
	PDFCHECK_ENOTPDF,	/* no %PDF- header near the start */
	PDFCHECK_EENCRYPTED,
	PDFCHECK_EJAVASCRIPT,
	PDFCHECK_ELAUNCH,
	PDFCHECK_EEMBEDDED,	/* embedded or attached files */
	PDFCHECK_EACTIVE,	/* other active content: rich media, XFA, submit/import actions */
	PDFCHECK_EUNCHECKABLE,	/* an object stream we cannot read: refused, not trusted */
	PDFCHECK_ENOMEM,
	PDFCHECK__MAX
};

/* Inflated bytes one file may expand to while checking (a zip bomb is refused as uncheckable). */
#define PDFCHECK_INFLATE_MAX	(32u << 20)

struct pdfcheck_info {
	int	version;	/* 10 * major + minor from the header, e.g. 17 */
	int	signatures;	/* signature dictionaries (/ByteRange) seen: a digitally signed PDF */
	int	object_streams;	/* object streams read */
};

const char		*pdfcheck_strerror(enum pdfcheck_err);
/* Checks the PDF in [p, p + len); info may be NULL. Refusals are ordered: encryption first,
 * then JavaScript, Launch, embedded files, other active content, uncheckable. */
enum pdfcheck_err	 pdfcheck(const char *p, size_t len, struct pdfcheck_info *info);

#endif
