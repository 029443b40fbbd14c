/*
 * File fixtures made in the test, never by hand (issue 10): PDFs with libhpdf, and from them,
 * with Debian's qpdf, an encrypted one and ones with active content; PNG with libpng, JPEG with
 * libjpeg. Each returns 0 and fills out (a buf the caller frees), or -1.
 */
#ifndef PORTAL_TESTS_FIXTURES_H
#define PORTAL_TESTS_FIXTURES_H

#include <stddef.h>

#include "buf.h"

/* A one-page PDF with a line of text and, in its Info dictionary, title. */
int	fx_pdf(struct buf *out, const char *title, const char *text);
/* pdf encrypted by qpdf (AES-256, a user password). */
int	fx_pdf_encrypted(const struct buf *pdf, struct buf *out);
/* How fx_pdf_catalog_entry writes the result. */
enum fx_pdf_form {
	FX_PLAIN,	/* rewritten by qpdf, every object in the open */
	FX_OBJSTM,	/* rewritten by qpdf with compressed object streams, as PDF 1.5 writers do */
	FX_AS_WRITTEN,	/* fix-qdf's output: the entry spelled exactly as given */
};
/* pdf with an entry added to its document catalog (e.g. "/OpenAction << /S /JavaScript /JS
 * (app.alert\\(1\\)) >>") through qpdf's QDF form and fix-qdf. */
int	fx_pdf_catalog_entry(const struct buf *pdf, const char *entry, enum fx_pdf_form,
	    struct buf *out);
/* pdf signed digitally by poppler's pdfsig with a new self-signed certificate whose common
 * name is signer (no single quotes): a signature that matches, from an issuer nobody knows. */
int	fx_pdf_signed(const struct buf *pdf, const char *signer, struct buf *out);
/* pdf with a file attached by qpdf --add-attachment. */
int	fx_pdf_attachment(const struct buf *pdf, struct buf *out);
int	fx_png(struct buf *out, unsigned width, unsigned height);
int	fx_jpeg(struct buf *out, unsigned width, unsigned height);
/* A shell command's whole standard output as a NUL-terminated string (the caller frees), or
 * NULL when it cannot be run or exits non-zero: the tests read PDFs and zips back with it.
 * The length without the NUL into *len when len is not NULL. */
char	*fx_output(const char *cmd, size_t *len);
/* Whether needle occurs in the bytes. */
int	fx_contains(const struct buf *, const char *needle);

#endif
