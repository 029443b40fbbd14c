/*
 * pdfsig: who signed a PDF digitally, and whether the signature verifies (issue 13, R27: the
 * supervisor's signed Annex 1, signed by hand and scanned or signed digitally). Read with
 * poppler-glib: each signature field's signer (the certificate's common name), its time, and
 * two answers a person needs apart: does the signature match the bytes (nothing changed since
 * signing), and is the certificate from an issuer we know. Whether the signature covers the
 * whole file (no part added after signing) comes from its /ByteRange (lib/pdfrange).
 *
 * poppler runs in a child process with CPU and memory limits (pdfsig_read forks): what it
 * meets in the bytes cannot take the serving program down.
 *
 * The PDF has passed lib/pdfcheck first (not encrypted, no active content). No network: OCSP
 * and fetching issuers are off, so a certificate is checked only against the issuers in the
 * NSS database of the program's user.
 */
#ifndef PORTAL_PDFSIG_H
#define PORTAL_PDFSIG_H

#include <stddef.h>
#include <time.h>

enum pdfsig_err {
	PDFSIG_OK = 0,
	PDFSIG_EPARSE,		/* poppler cannot open the bytes as a PDF */
	PDFSIG_ENOMEM,
	PDFSIG_EREADER,		/* the reading process crashed or ran over its limits */
	PDFSIG__MAX
};

/* Does the signature match the signed bytes? */
enum pdfsig_match {
	PDFSIG_MATCHES,		/* the bytes are as they were signed */
	PDFSIG_CHANGED,		/* the signed bytes were changed afterwards (digest mismatch) */
	PDFSIG_BROKEN,		/* not a signature that can be checked (invalid, undecodable) */
};

/* What we can say of the signer's certificate. */
enum pdfsig_cert {
	PDFSIG_CERT_TRUSTED,	/* from an issuer in our NSS database */
	PDFSIG_CERT_UNKNOWN,	/* its issuer is not one we know: the name is the signer's claim */
	PDFSIG_CERT_EXPIRED,
	PDFSIG_CERT_REVOKED,
	PDFSIG_CERT_UNCHECKED,	/* it could not be checked */
};

#define PDFSIG_MAX	8	/* signatures reported; more are counted */

struct pdfsig_one {
	char			 signer[256];	/* the certificate's common name, UTF-8; "" if none */
	time_t			 signed_at;	/* the signing time the signature states; 0 if none */
	enum pdfsig_match	 match;
	enum pdfsig_cert	 cert;
};

struct pdfsig_info {
	size_t			 count;		/* signatures in the document */
	struct pdfsig_one	 sig[PDFSIG_MAX];
	/* The last signature covers the file to its end: nothing was added after signing (an
	 * earlier one in a file signed twice ends where the later one's update begins). */
	int			 whole_file;
};

const char	*pdfsig_strerror(enum pdfsig_err);
enum pdfsig_err	 pdfsig_read(const void *pdf, size_t len, struct pdfsig_info *out);

#endif
