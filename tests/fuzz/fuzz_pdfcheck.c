/*
 * libFuzzer harness for lib/pdfcheck (issue 10): every uploaded PDF passes it, so it must never
 * crash, read past the bytes or loop, whatever the lexer meets (strings, names with #xx
 * escapes, streams with a false /Length, object streams that inflate to anything). Checked: the
 * answer is one of the enum's, and the same bytes give the same answer. The PNG and JPEG size
 * reader (lib/imgcheck) runs on the same input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "imgcheck.h"
#include "pdfcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdfcheck_info a, b;
	enum pdfcheck_err e = pdfcheck((const char *)data, size, &a);
	enum imgcheck_type t;
	unsigned w, h;
	enum imgcheck_err ie;

	if ((unsigned)e >= PDFCHECK__MAX || pdfcheck((const char *)data, size, &b) != e ||
	    a.signatures != b.signatures || a.object_streams != b.object_streams)
		abort();
	ie = imgcheck_size(data, size, &t, &w, &h);
	if ((unsigned)ie >= IMGCHECK__MAX || (ie == IMGCHECK_OK && (w == 0 || h == 0)))
		abort();
	return 0;
}
