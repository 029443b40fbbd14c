/*
 * imgcheck: the pixel size of a PNG or JPEG from its header bytes, without decoding it (issue
 * 10: the institution's logo, which Annex 1 carries, R26). A size cap keeps a small file that
 * claims a huge picture (a decompression bomb) from reaching a browser or the PDF writer. Pure,
 * no I/O: it has a libFuzzer harness.
 */
#ifndef PORTAL_IMGCHECK_H
#define PORTAL_IMGCHECK_H

#include <stddef.h>

enum imgcheck_err {
	IMGCHECK_OK = 0,
	IMGCHECK_EFORMAT,	/* not a PNG or JPEG we can read the size of */
	IMGCHECK_EEMPTY,	/* a width or height of 0 */
	IMGCHECK__MAX
};

enum imgcheck_type { IMGCHECK_PNG = 1, IMGCHECK_JPEG };

const char		*imgcheck_strerror(enum imgcheck_err);
/* The picture's type and its width and height in pixels. */
enum imgcheck_err	 imgcheck_size(const unsigned char *p, size_t len, enum imgcheck_type *type,
			    unsigned *width, unsigned *height);

#endif
