/*
 * libFuzzer harness for lib/pdfrange (issue 13): every signed upload's /ByteRange arrays are
 * read by it, so it must never read past the bytes or loop, whatever follows the key. Checked:
 * no more covering arrays than keys, and the same bytes give the same counts.
 */
#include <stdint.h>
#include <stdlib.h>

#include "pdfrange.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t r1, w1, r2, w2;

	pdfrange_scan(data, size, &r1, &w1);
	pdfrange_scan(data, size, &r2, &w2);
	if (w1 > r1 || r1 != r2 || w1 != w2)
		abort();
	return 0;
}
