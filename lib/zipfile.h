/*
 * zipfile: a zip archive written into memory (issue 13, R27: the authorisation's folder
 * Work/Forskningshøjde downloaded as one file). Entries are stored as they are (PDFs are
 * compressed already), with CRC-32, the UTF-8 flag for names like "P-2026-3 Łukasz Ğündüz.pdf"
 * and the time each was made (Danish local time: zip keeps no time zone). Bounded: no zip64,
 * so at most ZIPFILE_MAX_ENTRIES entries and ZIPFILE_MAX_BYTES in all; refused beyond.
 */
#ifndef PORTAL_ZIPFILE_H
#define PORTAL_ZIPFILE_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

#define ZIPFILE_MAX_ENTRIES	1000
#define ZIPFILE_MAX_BYTES	(1024UL * 1024 * 1024)	/* well inside zip's 4 GiB offsets */
#define ZIPFILE_MAX_NAME	1024			/* bytes of one name */

enum zipfile_err {
	ZIPFILE_OK = 0,
	ZIPFILE_ENAME,		/* empty, too long, absolute, with "..", a backslash or a control byte */
	ZIPFILE_EFULL,		/* over the entry or byte cap */
	ZIPFILE_ENOMEM,
	ZIPFILE__MAX
};


struct zipfile {
	struct buf	*out;
	size_t		 n;
	struct buf	 central;
};

const char		*zipfile_strerror(enum zipfile_err);
void			 zipfile_begin(struct zipfile *, struct buf *out);
/* One file: name with '/' between folders, its bytes, and when it was made (local time). */
enum zipfile_err	 zipfile_add(struct zipfile *, const char *name, const void *data,
			    size_t len, time_t made);
/* The central directory and its end; the archive in out is whole after this. */
enum zipfile_err	 zipfile_finish(struct zipfile *);
/* Frees what begin and add kept (out is the caller's). */
void			 zipfile_free(struct zipfile *);

#endif
