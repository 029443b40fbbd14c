/*
 * certlist: a list of passes of Statistics Denmark's certification course, as FSE gets it from
 * the course (issue 14; R14): one person a line, the columns
 *
 *     e-mail address ; name ; passed on ; valid until (optional)
 *
 * separated by ';' (what Excel in Denmark writes), ',' or a tab (cells pasted from a
 * spreadsheet): a tab if the first line with content has one outside quotes, else ';' if it
 * has one, else ','. An optional header line comes first: a first line with content and with
 * neither an '@' nor a digit in it (every pass has a date, so data is never taken for a
 * header). Fields may be quoted ("Jensen, Anne", "" for a quote inside); a quoted field ends
 * on its own line. Dates are DD-MM-YYYY or YYYY-MM-DD (lib/fees.h: fees_parse_date, also with
 * '.' or '/'). UTF-8 with or without a byte order mark; CRLF, LF or CR line ends; blank lines
 * (also ";;;") are skipped.
 *
 * Pure and bounded: at most CERTLIST_MAX_BYTES bytes and CERTLIST_MAX_LINES lines with content.
 * Every line is checked, and every problem is kept with its line number (counted as an editor
 * counts them, the header included), so the page can name each bad line. The same address and
 * day twice with the same details is one pass (the later line points at the first); twice with
 * different details is a problem.
 */
#ifndef PORTAL_CERTLIST_H
#define PORTAL_CERTLIST_H

#include <stddef.h>

#define CERTLIST_MAX_BYTES	(512 * 1024)
#define CERTLIST_MAX_LINES	2000
#define CERTLIST_EMAIL_MAX	254	/* bytes, as certifications.email */
#define CERTLIST_NAME_MAX	200	/* characters, as certifications.name */
#define CERTLIST_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */
#define CERTLIST_VALUE_MAX	64	/* bytes of a bad value quoted in a message */

enum certlist_err {
	CERTLIST_OK = 0,
	/* the whole list */
	CERTLIST_ETOOBIG,	/* more than CERTLIST_MAX_BYTES */
	CERTLIST_ETOOMANY,	/* more than CERTLIST_MAX_LINES lines with content */
	CERTLIST_EEMPTY,	/* no line with content (a header alone included) */
	CERTLIST_ELINES,	/* one or more lines have problems (the list says which) */
	CERTLIST_ENOMEM,
	/* one line */
	CERTLIST_EBYTES,	/* not UTF-8, or control characters */
	CERTLIST_EQUOTE,	/* a quoted field not closed, or text after its closing quote */
	CERTLIST_ECOLUMNS,	/* fewer than three columns, or more than four with content */
	CERTLIST_ENOEMAIL,	/* the address is empty */
	CERTLIST_EEMAIL,	/* not an e-mail address */
	CERTLIST_ENONAME,	/* the name is empty */
	CERTLIST_ENAMELONG,	/* the name is longer than CERTLIST_NAME_MAX characters */
	CERTLIST_ENOPASSED,	/* the day of the pass is empty */
	CERTLIST_EPASSED,	/* the day of the pass is not a date */
	CERTLIST_EFUTURE,	/* the day of the pass is after today */
	CERTLIST_EVALID,	/* valid-until is not a date */
	CERTLIST_EPERIOD,	/* valid-until is before the day of the pass */
	CERTLIST_ECONFLICT,	/* the same address and day as an earlier line, other details */
	CERTLIST__MAX
};

/* A line that is a pass. */
struct certlist_entry {
	size_t	line;					/* 1 = the first line of the text */
	char	email[CERTLIST_EMAIL_MAX + 1];		/* lower-case */
	char	name[CERTLIST_NAME_MAX * 4 + 1];	/* UTF-8, trimmed */
	char	passed_on[CERTLIST_DATE_LEN];		/* YYYY-MM-DD */
	char	valid_until[CERTLIST_DATE_LEN];		/* YYYY-MM-DD; "" when it does not expire */
	size_t	same_as;	/* the earlier line with the same pass; 0 when it is the first */
};

/* What is wrong on a line; a line may have several. */
struct certlist_problem {
	size_t			line;
	enum certlist_err	err;
	char			value[CERTLIST_VALUE_MAX + 4];	/* the bad value, cut; may be "" */
	size_t			other;	/* ECONFLICT: the earlier line */
};

struct certlist {
	struct certlist_entry	*rows;		/* the good lines, in order */
	size_t			 nrows;
	struct certlist_problem	*problems;	/* in line order */
	size_t			 nproblems;
	size_t			 bad_lines;	/* lines with at least one problem */
	size_t			 lines;		/* lines with content, the header not included */
	int			 header;	/* the first line was a header */
	char			 sep;		/* the separator used */
};

/* Danish, for a page: what is wrong, and how to put it right. */
const char	*certlist_strerror(enum certlist_err);

/*
 * Parses text (len bytes, need not be NUL-terminated) into l, which the caller frees with
 * certlist_free whatever the result. today (YYYY-MM-DD) refuses passes after it; NULL skips
 * that rule. CERTLIST_OK: every line with content is a pass (l->nrows >= 1). CERTLIST_ELINES:
 * some are not (l->problems names them; the good ones are in l->rows). Else the whole list is
 * refused and l is empty.
 */
enum certlist_err certlist_parse(const char *text, size_t len, const char *today,
		    struct certlist *l);
void		certlist_free(struct certlist *);

/* "Linje 4: ..." for one problem, in Danish, with the value where it helps. */
void		certlist_problem_text(const struct certlist_problem *, char *out, size_t outlen);

#endif
