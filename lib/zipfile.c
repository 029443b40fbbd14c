#include "zipfile.h"

#include <zlib.h>

#include <stdint.h>
#include <string.h>

#define SIG_LOCAL	0x04034b50u
#define SIG_CENTRAL	0x02014b50u
#define SIG_END		0x06054b50u
#define FLAG_UTF8	0x0800u		/* general purpose bit 11: the name is UTF-8 */
#define ZIP_VERSION	20		/* 2.0: what a stored entry with folders needs */

static const char *const zipfile_errs[ZIPFILE__MAX] = {
	[ZIPFILE_OK] = "no error",
	[ZIPFILE_ENAME] = "not a name for a file in an archive",
	[ZIPFILE_EFULL] = "too many files or bytes for one archive",
	[ZIPFILE_ENOMEM] = "out of memory",
};

const char *
zipfile_strerror(enum zipfile_err e)
{
	return (unsigned)e < ZIPFILE__MAX ? zipfile_errs[e] : "unknown error";
}

/* Little-endian fields, as the format has them. */
static int
put16(struct buf *b, unsigned v)
{
	unsigned char c[2] = { (unsigned char)(v & 0xff), (unsigned char)((v >> 8) & 0xff) };

	return buf_append(b, c, 2);
}

static int
put32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)(v & 0xff), (unsigned char)((v >> 8) & 0xff),
		(unsigned char)((v >> 16) & 0xff), (unsigned char)((v >> 24) & 0xff) };

	return buf_append(b, c, 4);
}

/* MS-DOS time and date of t in local time (1980 at the earliest, as the format allows). */
static void
dos_time(time_t t, unsigned *dtime, unsigned *ddate)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || tm.tm_year < 80) {
		*dtime = 0;
		*ddate = (0 << 9) | (1 << 5) | 1;
		return;
	}
	*dtime = ((unsigned)tm.tm_hour << 11) | ((unsigned)tm.tm_min << 5) | ((unsigned)tm.tm_sec / 2);
	*ddate = ((unsigned)(tm.tm_year - 80) << 9) | ((unsigned)(tm.tm_mon + 1) << 5) |
	    (unsigned)tm.tm_mday;
}

/* A relative path of plain parts: no leading '/', no "." or ".." part, no '\\' or control byte. */
static int
name_ok(const char *name)
{
	const char *p = name, *part;
	size_t len;

	if (name == NULL || name[0] == '\0' || name[0] == '/' || strlen(name) > ZIPFILE_MAX_NAME)
		return 0;
	for (; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	for (part = name; *part; part += len + (part[len] == '/')) {
		len = strcspn(part, "/");
		if (len == 0 || (len == 1 && part[0] == '.') ||
		    (len == 2 && part[0] == '.' && part[1] == '.'))
			return 0;
	}
	return name[strlen(name) - 1] != '/';
}

void
zipfile_begin(struct zipfile *z, struct buf *out)
{
	z->out = out;
	z->n = 0;
	buf_init(&z->central, ZIPFILE_MAX_BYTES);
}

void
zipfile_free(struct zipfile *z)
{
	buf_free(&z->central);
}

/* The header fields a local entry and its central record share, from "version needed" on. */
static int
common(struct buf *b, uint32_t crc, size_t len, size_t namelen, unsigned dtime, unsigned ddate)
{
	return put16(b, ZIP_VERSION) || put16(b, FLAG_UTF8) || put16(b, 0 /* stored */) ||
	    put16(b, dtime) || put16(b, ddate) || put32(b, crc) || put32(b, (uint32_t)len) ||
	    put32(b, (uint32_t)len) || put16(b, (unsigned)namelen) || put16(b, 0 /* extra */);
}

enum zipfile_err
zipfile_add(struct zipfile *z, const char *name, const void *data, size_t len, time_t made)
{
	size_t namelen, offset = z->out->len;
	unsigned dtime, ddate;
	uint32_t crc;

	if (!name_ok(name))
		return ZIPFILE_ENAME;
	namelen = strlen(name);
	if (z->n >= ZIPFILE_MAX_ENTRIES || len > ZIPFILE_MAX_BYTES ||
	    offset + len + namelen + 30 > ZIPFILE_MAX_BYTES)
		return ZIPFILE_EFULL;
	crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), data, (uInt)len);
	dos_time(made, &dtime, &ddate);
	if (put32(z->out, SIG_LOCAL) || common(z->out, crc, len, namelen, dtime, ddate) ||
	    buf_append(z->out, name, namelen) || (len && buf_append(z->out, data, len)))
		return ZIPFILE_ENOMEM;
	/* Its central record: made by 3.0 on Unix (3 << 8), a file readable by all (0644). */
	if (put32(&z->central, SIG_CENTRAL) || put16(&z->central, (3u << 8) | 30) ||
	    common(&z->central, crc, len, namelen, dtime, ddate) ||
	    put16(&z->central, 0 /* comment */) || put16(&z->central, 0 /* disk */) ||
	    put16(&z->central, 0 /* internal attributes */) ||
	    put32(&z->central, (uint32_t)0100644 << 16) || put32(&z->central, (uint32_t)offset) ||
	    buf_append(&z->central, name, namelen))
		return ZIPFILE_ENOMEM;
	z->n++;
	return ZIPFILE_OK;
}

enum zipfile_err
zipfile_finish(struct zipfile *z)
{
	size_t at = z->out->len;

	if (at + z->central.len + 22 > ZIPFILE_MAX_BYTES)
		return ZIPFILE_EFULL;
	if ((z->central.len && buf_append(z->out, z->central.data, z->central.len)) ||
	    put32(z->out, SIG_END) || put16(z->out, 0) || put16(z->out, 0) ||
	    put16(z->out, (unsigned)z->n) || put16(z->out, (unsigned)z->n) ||
	    put32(z->out, (uint32_t)z->central.len) || put32(z->out, (uint32_t)at) ||
	    put16(z->out, 0 /* comment */))
		return ZIPFILE_ENOMEM;
	return ZIPFILE_OK;
}
