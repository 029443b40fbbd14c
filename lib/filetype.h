/*
 * filetype: what uploaded bytes are, as libmagic reads them (issue 10). Never the file name,
 * never the browser's Content-Type: both are the sender's word. One libmagic handle per process,
 * opened at first use with the parsers an upload never needs turned off (compressed files, ELF,
 * tar, CDF, JSON, CSV) and a cap on the bytes it reads.
 */
#ifndef PORTAL_FILETYPE_H
#define PORTAL_FILETYPE_H

#include <stddef.h>

/*
 * The MIME type of [p, p + len) into out, e.g. "application/pdf". Returns 0, or -1 when
 * libmagic cannot be used (no database): the caller refuses the file (fail closed).
 */
int	filetype_detect(const void *p, size_t len, char *out, size_t n);
/* The usual extension of a MIME type we accept ("pdf", "png", "jpg"), or "bin". */
const char *filetype_extension(const char *mime);

#endif
