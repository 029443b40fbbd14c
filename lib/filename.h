/*
 * filename: a file's name as the portal shows it (cleaned) and sends it (Content-Disposition).
 * Pure, no I/O.
 */
#ifndef PORTAL_FILENAME_H
#define PORTAL_FILENAME_H

#include <stddef.h>

#include "buf.h"

/* The cap on a display name in characters, before the extension of its type. */
#define FILENAME_CHARS		100
#define FILENAME_MAX_BYTES	(FILENAME_CHARS * 4 + 8)

/*
 * The name a file is shown and saved under: the last path component, without control
 * characters, invalid UTF-8 or direction marks, at most FILENAME_CHARS characters, no leading
 * dots, its extension replaced by ext (the type's, e.g. "png"). "fil" when nothing is left.
 */
void	filename_clean(const char *sent, const char *ext, char *out, size_t n);
/*
 * The Content-Disposition value for a download of name (RFC 6266): a plain ASCII fallback in
 * filename="..." (æ ø å as ae oe aa, other letters '_') and the exact UTF-8 name in
 * filename*=UTF-8''... (RFC 5987). Returns -1 when out is full.
 */
int	filename_disposition(struct buf *out, int attachment, const char *name);

#endif
