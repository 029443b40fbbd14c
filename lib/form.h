/*
 * form: typed field tables in the style of kcgi. A form is a table of fields, each with a pure
 * validator (syntax and limits only, no database); fields the table does not declare are never
 * read. Rules that need the database run after form_read, on values already known to be clean.
 */
#ifndef PORTAL_FORM_H
#define PORTAL_FORM_H

#include <stddef.h>

#include "buf.h"
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
	FORM__MAX
};

struct form_field;
typedef enum form_err (*form_validator)(const struct form_field *, const char *value,
    size_t len, long long *num);

struct form_field {
	const char		*name;
	form_validator		 validate;
	int			 required;
	long long		 min;		/* characters for text, value for numbers */
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
};

#define FORM_MAX_FIELDS 64

struct form {
	const struct form_field	*fields;
	size_t			 nfields;
	struct form_value	 v[FORM_MAX_FIELDS];
	size_t			 nerrors;
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
