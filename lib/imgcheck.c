#include "imgcheck.h"

#include <string.h>

static const char *const errs[IMGCHECK__MAX] = {
	[IMGCHECK_OK] = "ok",
	[IMGCHECK_EFORMAT] = "not a readable PNG or JPEG",
	[IMGCHECK_EEMPTY] = "no pixels",
};

const char *
imgcheck_strerror(enum imgcheck_err e)
{
	return (unsigned)e < IMGCHECK__MAX ? errs[e] : "unknown";
}

static unsigned
be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* PNG: the signature, then IHDR must be the first chunk (13 bytes: width, height, ...). */
static enum imgcheck_err
png_size(const unsigned char *p, size_t len, unsigned *w, unsigned *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	if (len < 33 || memcmp(p, sig, 8) != 0 || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4))
		return IMGCHECK_EFORMAT;
	*w = be32(p + 16);
	*h = be32(p + 20);
	/* The PNG spec caps each side at 2^31 - 1. */
	if (*w > 0x7fffffffu || *h > 0x7fffffffu)
		return IMGCHECK_EFORMAT;
	return IMGCHECK_OK;
}

/* A start-of-frame marker (baseline, progressive, lossless, arithmetic), not DHT/JPG/DAC. */
static int
is_sof(unsigned char m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

/* JPEG: segments from SOI; the first SOF gives the size. Stops at SOS or EOI without one. */
static enum imgcheck_err
jpeg_size(const unsigned char *p, size_t len, unsigned *w, unsigned *h)
{
	size_t i = 2, seglen;
	unsigned char m;

	if (len < 4 || p[0] != 0xff || p[1] != 0xd8)
		return IMGCHECK_EFORMAT;
	while (i + 4 <= len) {
		if (p[i] != 0xff)
			return IMGCHECK_EFORMAT;
		m = p[i + 1];
		if (m == 0xff) {	/* fill byte */
			i++;
			continue;
		}
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {	/* markers without a length */
			i += 2;
			continue;
		}
		if (m == 0xd9 || m == 0xda)
			return IMGCHECK_EFORMAT;
		seglen = be16(p + i + 2);
		if (seglen < 2 || i + 2 + seglen > len)
			return IMGCHECK_EFORMAT;
		if (is_sof(m)) {
			if (seglen < 7)
				return IMGCHECK_EFORMAT;
			*h = be16(p + i + 5);
			*w = be16(p + i + 7);
			return IMGCHECK_OK;
		}
		i += 2 + seglen;
	}
	return IMGCHECK_EFORMAT;
}

enum imgcheck_err
imgcheck_size(const unsigned char *p, size_t len, enum imgcheck_type *type, unsigned *width,
    unsigned *height)
{
	enum imgcheck_err e;

	*width = *height = 0;
	if (p == NULL)
		return IMGCHECK_EFORMAT;
	if (len >= 8 && p[0] == 0x89) {
		*type = IMGCHECK_PNG;
		e = png_size(p, len, width, height);
	} else {
		*type = IMGCHECK_JPEG;
		e = jpeg_size(p, len, width, height);
	}
	if (e == IMGCHECK_OK && (*width == 0 || *height == 0))
		return IMGCHECK_EEMPTY;
	return e;
}
