/*
 * pdfrange: the /ByteRange arrays of a PDF's signatures, read from the bytes (pure, bounded, no
 * allocation; fuzzed by tests/fuzz/fuzz_pdfrange.c). A signature covers [a, a+b) and [c, c+d);
 * one that starts at the first byte and ends at the last covers the whole file: nothing was
 * appended after it was made.
 */
#ifndef PORTAL_PDFRANGE_H
#define PORTAL_PDFRANGE_H

#include <stddef.h>

/* How many /ByteRange keys the bytes hold, and how many of their arrays cover the whole file;
 * a malformed array is one that does not. */
void	pdfrange_scan(const void *pdf, size_t len, size_t *ranges, size_t *whole);

#endif
