/*
 * form: typed field tables in the style of kcgi. A form is a table of fields, each with a pure
 * validator (syntax and limits only, no database); fields the table does not declare are never
 * read. Rules that need the database run after form_read, on values already known to be clean.
 */
#ifndef PORTAL_FORM_H
#define PORTAL_FORM_H

#include <stddef.h>

#include "buf.h"
#include "filename.h"
#include "kv.h"

enum form_err {
	FORM_OK = 0,
	FORM_EMISSING,		/* required and absent or blank */
	FORM_ETOOSHORT,
	FORM_ETOOLONG,
	FORM_EBADBYTE,		/* NUL, control byte or invalid UTF-8 */
	FORM_ECHOICE,		/* not one of the offered choices */
	FORM_ENUMBER,		/* not a whole number, or out of range */
	FORM_EEMAIL,
	FORM_EURL,
	FORM_EREPEATED,		/* sent more than once where one value is expected */
	FORM_EDATE,		/* not a real calendar date written YYYY-MM-DD */
	/* File fields (lib/formfile.c): the reason a file is refused, for the message at it. */
	FORM_EFILESIZE,		/* larger than the field's cap */
	FORM_EFILEEMPTY,	/* zero bytes */
	FORM_EFILETYPE,		/* its bytes are not one of the field's types */
	FORM_EFILEBROKEN,	/* of the right type but unreadable */
	FORM_EFILECHECK,	/* could not be checked here (libmagic unusable): refused */
	FORM_EIMAGESIZE,	/* more pixels than the field's cap */
	FORM_EPDFENCRYPTED,
	FORM_EPDFSCRIPT,	/* JavaScript */
	FORM_EPDFLAUNCH,	/* an action that starts a program */
	FORM_EPDFEMBEDDED,	/* embedded or attached files */
	FORM_EPDFACTIVE,	/* other active content */
	FORM_EPDFUNCHECKABLE,	/* parts we cannot read: refused, not trusted */
	FORM__MAX
};

/*
 * A file field (issue 10) is a row with validate = form_file_field, and its limits read so:
 *   max      the size cap in bytes;
 *   min      images: the cap on each side in pixels (0: none);
 *   choices  the MIME types it may be, NULL-terminated, decided from the bytes with libmagic,
 *            never from the file name or the browser's Content-Type.
 * PDFs are also refused when encrypted or with active content (lib/pdfcheck).
 */


/* What form_read found out about an uploaded file. */
struct form_file {
	char		 name[FILENAME_MAX_BYTES + 1];	/* cleaned (lib/filename), with its type's extension */
	const char	*type;		/* one of the rule's types (static) */
	char		 sha256[65];	/* of the bytes, hex */
	unsigned	 width, height;	/* images, in pixels */
	int		 signatures;	/* PDFs: signature dictionaries (a digitally signed file) */
};

struct form_field;
typedef enum form_err (*form_validator)(const struct form_field *, const char *value,
    size_t len, long long *num);

struct form_field {
	const char		*name;
	form_validator		 validate;
	int			 required;
	long long		 min;		/* characters for text, value for numbers;
						   files: see above */
	long long		 max;
	const char *const	*choices;	/* form_choice: NULL-terminated list */
	const char		*missing;	/* message when absent or not a choice, naming
						   the field, e.g. "Vælg et universitet." */
};

struct form_value {
	const char	*value;		/* points into the request's kvlist; NULL when absent */
	size_t		 len;
	long long	 num;		/* numbers: the parsed value */
	enum form_err	 err;
	const struct form_file *file;	/* file fields with a file that passed: what it is */
};

#define FORM_MAX_FIELDS 64
#define FORM_MAX_FILES	4

struct form {
	const struct form_field	*fields;
	size_t			 nfields;
	struct form_value	 v[FORM_MAX_FIELDS];
	size_t			 nerrors;
	struct form_file	 files[FORM_MAX_FILES];
	size_t			 nfiles;
};

/* Danish, for the message next to the field (R31: plain words). */
const char	*form_strerror(enum form_err);
/* The message for field i with its limits filled in, e.g. "Skriv højst 200 tegn." */
void		 form_message(const struct form *, size_t i, char *out, size_t outlen);

/* Validates every declared field of src; returns the number of fields in error. */
size_t		 form_read(struct form *, const struct form_field *, size_t nfields,
		    const struct kvlist *src);

/* Validators: pure, they look only at the bytes. */
enum form_err	 form_text(const struct form_field *, const char *, size_t, long long *);
enum form_err	 form_line(const struct form_field *, const char *, size_t, long long *);
enum form_err	 form_int(const struct form_field *, const char *, size_t, long long *);
enum form_err	 form_choice(const struct form_field *, const char *, size_t, long long *);
enum form_err	 form_email(const struct form_field *, const char *, size_t, long long *);
enum form_err	 form_url(const struct form_field *, const char *, size_t, long long *);
/*
 * A file part (multipart/form-data) against a file field: size, type from the bytes, pixels,
 * PDF content; fills out with the cleaned name, the type and the SHA-256. form_read calls it
 * for file fields; value and len are the part's bytes, filename its name as sent.
 */
enum form_err	 form_file(const struct form_field *, const char *value, size_t len,
		    const char *filename, struct form_file *out);
/* The types a file field takes as a message reads them: "en PDF-fil", "en PNG- eller
 * JPEG-fil". */
void		 form_file_types_text(const char *const *types, char *out, size_t n);
/* A byte count as people read it: "1 MB", "1,5 MB", "245 kB". */
void		 form_size_text(size_t bytes, char *out, size_t n);
/*
 * The validator of a file field (multipart/form-data), see above. form_read
 * gives it the whole part through form_file() below; called as a plain validator it refuses.
 */
enum form_err	 form_file_field(const struct form_field *, const char *, size_t, long long *);
/* A date as <input type="date"> sends it, YYYY-MM-DD; num = YYYYMMDD, within min..max. */
enum form_err	 form_date(const struct form_field *, const char *, size_t, long long *);

/*
 * The declared fields that have a value, application/x-www-form-urlencoded in the table's order:
 * how a case stores its form (lib/cases.h), read back by the same strict parser as a request.
 * Returns -1 when the buffer is full.
 */
int		 form_encode(const struct form *, struct buf *out);
/* One pair appended to an urlencoded text (with '&' when it is not the first). */
int		 form_encode_pair(struct buf *out, const char *name, const char *value);

/* NULL, empty, or only spaces, tabs and line breaks: a field left empty. */
int		 form_blank(const char *);

/* ASCII lower-case copy (e-mail addresses are compared so: one person, one account). */
void		 form_lower(char *dst, size_t n, const char *src);

/* Number of UTF-8 characters in valid UTF-8 text. */
size_t		 form_utf8_chars(const char *, size_t);

#endif
