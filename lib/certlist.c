#include "certlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees.h"
#include "form.h"

#define MAX_FIELDS	16	/* more columns than this are counted, not kept */

static const char DATE_HINT[] = "Skriv den som dd-mm-åååå eller åååå-mm-dd, fx 14-03-2027.";

static const char *const errs[CERTLIST__MAX] = {
	[CERTLIST_OK] = "",
	[CERTLIST_ETOOBIG] = "Listen er for stor. Den må højst fylde 512 kB. Del den op i flere "
	    "lister, og send dem hver for sig.",
	[CERTLIST_ETOOMANY] = "Listen har mere end 2.000 linjer. Del den op i flere lister, og "
	    "send dem hver for sig.",
	[CERTLIST_EEMPTY] = "Listen er tom. Skriv eller indsæt én linje pr. person, eller vælg en "
	    "fil med listen.",
	[CERTLIST_ELINES] = "Nogle linjer i listen har fejl. Intet er registreret.",
	[CERTLIST_ENOMEM] = "Listen kunne ikke læses lige nu. Prøv igen om lidt.",
	[CERTLIST_EBYTES] = "Linjen indeholder tegn, der ikke kan læses. Gem listen som UTF-8 (i "
	    "Excel: »CSV UTF-8«), og prøv igen.",
	[CERTLIST_EQUOTE] = "Et felt i anførselstegn er ikke afsluttet på linjen, eller der står "
	    "noget efter det afsluttende anførselstegn.",
	[CERTLIST_ECOLUMNS] = "Linjen skal have tre eller fire kolonner: e-mailadresse, navn, "
	    "datoen for bestået kursus og eventuelt den sidste dag, beviset gælder.",
	[CERTLIST_ENOEMAIL] = "E-mailadressen mangler.",
	[CERTLIST_EEMAIL] = "E-mailadressen er ikke gyldig. Skriv den som navn@ku.dk.",
	[CERTLIST_ENONAME] = "Navnet mangler.",
	[CERTLIST_ENAMELONG] = "Navnet er for langt. Det må højst være 200 tegn.",
	[CERTLIST_ENOPASSED] = "Datoen for bestået kursus mangler.",
	[CERTLIST_EPASSED] = "Datoen for bestået kursus er ikke en dato.",
	[CERTLIST_EFUTURE] = "Datoen for bestået kursus ligger efter i dag.",
	[CERTLIST_EVALID] = "Den sidste dag, beviset gælder, er ikke en dato.",
	[CERTLIST_EPERIOD] = "Beviset kan ikke holde op med at gælde, før kurset er bestået.",
	[CERTLIST_ECONFLICT] = "Samme e-mailadresse og dato står på en tidligere linje med et "
	    "andet navn eller en anden sidste dag.",
};

const char *
certlist_strerror(enum certlist_err e)
{
	return (unsigned)e < CERTLIST__MAX && errs[e] ? errs[e] : "Ukendt fejl i listen.";
}

/* One line's fields, unquoted, each NUL-terminated in a scratch buffer of the line's size. */
struct fields {
	const char	*v[MAX_FIELDS];
	size_t		 len[MAX_FIELDS];
	size_t		 n;
	int		 extra;		/* a column past MAX_FIELDS had content */
};

/*
 * Splits line p (n bytes, no line end) at sep into f, unquoting into scratch (n + 2 bytes:
 * every field's content is no longer than its raw bytes, and its NUL takes the place of the
 * separator after it). Spaces around a field are dropped.
 */
static enum certlist_err
split(const char *p, size_t n, char sep, char *scratch, struct fields *f)
{
	size_t i = 0, o = 0, start;

	memset(f, 0, sizeof(*f));
	for (;;) {
		while (i < n && p[i] == ' ')
			i++;
		start = o;
		if (i < n && p[i] == '"') {
			for (i++;; ) {
				if (i >= n)
					return CERTLIST_EQUOTE;	/* never across lines */
				if (p[i] == '"') {
					if (i + 1 < n && p[i + 1] == '"') {
						scratch[o++] = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				scratch[o++] = p[i++];
			}
			while (i < n && p[i] == ' ')
				i++;
			if (i < n && p[i] != sep)
				return CERTLIST_EQUOTE;
		} else {
			while (i < n && p[i] != sep)
				scratch[o++] = p[i++];
			while (o > start && scratch[o - 1] == ' ')
				o--;
		}
		if (f->n < MAX_FIELDS) {
			f->v[f->n] = scratch + start;
			f->len[f->n] = o - start;
			f->n++;
		} else if (o > start)
			f->extra = 1;
		scratch[o++] = '\0';
		if (i >= n)
			return CERTLIST_OK;
		i++;	/* the separator */
	}
}

static int
blank(const struct fields *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->len[i])
			return 0;
	return !f->extra;
}

/* The separator of the text: tab, ';' or ',', the first found outside quotes in line p. */
static char
separator(const char *p, size_t n)
{
	int quoted = 0, tab = 0, semi = 0, comma = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && p[i] == '\t')
			tab = 1;
		else if (!quoted && p[i] == ';')
			semi = 1;
		else if (!quoted && p[i] == ',')
			comma = 1;
	}
	return tab ? '\t' : semi ? ';' : comma ? ',' : ';';
}

static int
only_spaces(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}

/*
 * The header: a first line with no '@' and no digit in it. Every pass has a date, so a line
 * of data is never taken for a header, however badly it is written; the page says when the
 * first line was read as one.
 */
static int
is_header(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '@' || (p[i] >= '0' && p[i] <= '9'))
			return 0;
	return 1;
}

static int
add_problem(struct certlist *l, size_t *cap, size_t line, enum certlist_err err,
    const char *value, size_t len, size_t other)
{
	struct certlist_problem *p;
	size_t cut = len;

	if (l->nproblems == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		if ((p = realloc(l->problems, ncap * sizeof(*p))) == NULL)
			return -1;
		l->problems = p;
		*cap = ncap;
	}
	p = &l->problems[l->nproblems++];
	memset(p, 0, sizeof(*p));
	p->line = line;
	p->err = err;
	p->other = other;
	if (value && len) {
		if (cut > CERTLIST_VALUE_MAX) {
			cut = CERTLIST_VALUE_MAX;
			/* Never half a character: back to the start of the one cut. */
			while (cut > 0 && ((unsigned char)value[cut] & 0xc0) == 0x80)
				cut--;
		}
		memcpy(p->value, value, cut);
		p->value[cut] = '\0';
		if (cut < len)
			memcpy(p->value + cut, "\xe2\x80\xa6", 4);	/* "…" and its NUL */
	}
	return 0;
}

/* Clean text (UTF-8, no control characters): the validator every one-line form field has. */
static int
clean(const char *v, size_t len)
{
	static const struct form_field any = { "v", form_line, 0, 0, 0, NULL, NULL };
	long long num;

	return form_line(&any, v, len, &num) == FORM_OK;
}

/* Checks one line's fields; appends its pass or its problems. -1: out of memory. */
static int
check_line(struct certlist *l, size_t *rowcap, size_t *probcap, const struct fields *f,
    size_t line, const char *today)
{
	static const struct form_field email_field = { "email", form_email, 1, 0,
		CERTLIST_EMAIL_MAX, NULL, NULL };
	struct certlist_entry e;
	size_t i, before = l->nproblems;
	long long num;
	int passed_ok = 0;

#define PROBLEM(err, k) do {							\
		if (add_problem(l, probcap, line, (err), (k) < 0 ? NULL : f->v[(k)],	\
		    (k) < 0 ? 0 : f->len[(k)], 0) != 0)				\
			return -1;						\
	} while (0)

	for (i = 0; i < f->n; i++)
		if (!clean(f->v[i], f->len[i])) {
			PROBLEM(CERTLIST_EBYTES, -1);	/* the value is not safe to repeat */
			l->bad_lines++;
			return 0;
		}
	for (i = 4; i < f->n && !f->extra; i++)
		if (f->len[i])
			break;
	if (f->n < 3 || f->extra || i < f->n) {
		PROBLEM(CERTLIST_ECOLUMNS, -1);
		l->bad_lines++;
		return 0;
	}
	memset(&e, 0, sizeof(e));
	e.line = line;
	if (f->len[0] == 0)
		PROBLEM(CERTLIST_ENOEMAIL, -1);
	else if (form_email(&email_field, f->v[0], f->len[0], &num) != FORM_OK)
		PROBLEM(CERTLIST_EEMAIL, 0);
	else
		form_lower(e.email, sizeof(e.email), f->v[0]);
	if (f->len[1] == 0)
		PROBLEM(CERTLIST_ENONAME, -1);
	else if (form_utf8_chars(f->v[1], f->len[1]) > CERTLIST_NAME_MAX ||
	    f->len[1] >= sizeof(e.name))
		PROBLEM(CERTLIST_ENAMELONG, -1);
	else
		memcpy(e.name, f->v[1], f->len[1] + 1);
	if (f->len[2] == 0)
		PROBLEM(CERTLIST_ENOPASSED, -1);
	else if (fees_parse_date(f->v[2], e.passed_on) != FEES_OK)
		PROBLEM(CERTLIST_EPASSED, 2);
	else if (today && strcmp(e.passed_on, today) > 0)
		PROBLEM(CERTLIST_EFUTURE, 2);
	else
		passed_ok = 1;
	if (f->n >= 4 && f->len[3]) {
		if (fees_parse_date(f->v[3], e.valid_until) != FEES_OK)
			PROBLEM(CERTLIST_EVALID, 3);
		else if (passed_ok && strcmp(e.valid_until, e.passed_on) < 0)
			PROBLEM(CERTLIST_EPERIOD, 3);
	}
#undef PROBLEM
	if (l->nproblems > before) {
		l->bad_lines++;
		return 0;
	}
	/* The same pass twice is one; the same address and day with other details is not. */
	for (i = 0; i < l->nrows; i++) {
		const struct certlist_entry *o = &l->rows[i];

		if (o->same_as || strcmp(o->passed_on, e.passed_on) != 0 ||
		    strcmp(o->email, e.email) != 0)
			continue;
		if (strcmp(o->name, e.name) == 0 && strcmp(o->valid_until, e.valid_until) == 0) {
			e.same_as = o->line;
			break;
		}
		if (add_problem(l, probcap, line, CERTLIST_ECONFLICT, NULL, 0, o->line) != 0)
			return -1;
		l->bad_lines++;
		return 0;
	}
	if (l->nrows == *rowcap) {
		size_t ncap = *rowcap ? *rowcap * 2 : 16;
		struct certlist_entry *r;

		if (ncap > CERTLIST_MAX_LINES)
			ncap = CERTLIST_MAX_LINES;
		if ((r = realloc(l->rows, ncap * sizeof(*r))) == NULL)
			return -1;
		l->rows = r;
		*rowcap = ncap;
	}
	l->rows[l->nrows++] = e;
	return 0;
}

static enum certlist_err
fail(struct certlist *l, enum certlist_err err)
{
	certlist_free(l);
	return err;
}

enum certlist_err
certlist_parse(const char *text, size_t len, const char *today, struct certlist *l)
{
	size_t pos = 0, line = 0, start, end, rowcap = 0, probcap = 0, longest = 0;
	int first = 1, have_sep = 0;
	struct fields f;
	char *scratch;

	memset(l, 0, sizeof(*l));
	if (len > CERTLIST_MAX_BYTES)
		return CERTLIST_ETOOBIG;
	if (text == NULL)
		return CERTLIST_EEMPTY;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;	/* the byte order mark Excel writes before UTF-8 */
	/* One scratch buffer for every line: as long as the longest. */
	for (start = pos; start < len; start = end + 1) {
		for (end = start; end < len && text[end] != '\n' && text[end] != '\r'; end++)
			;
		if (end - start > longest)
			longest = end - start;
	}
	if ((scratch = malloc(longest + 2)) == NULL)
		return CERTLIST_ENOMEM;
	while (pos < len) {
		start = pos;
		while (pos < len && text[pos] != '\n' && text[pos] != '\r')
			pos++;
		end = pos;
		if (pos < len)
			pos += text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n' ? 2 : 1;
		line++;
		if (only_spaces(text + start, end - start))
			continue;
		if (!have_sep) {
			l->sep = separator(text + start, end - start);
			have_sep = 1;
		}
		if (split(text + start, end - start, l->sep, scratch, &f) != CERTLIST_OK) {
			first = 0;	/* a header may not be broken either */
			if (++l->lines > CERTLIST_MAX_LINES) {
				free(scratch);
				return fail(l, CERTLIST_ETOOMANY);
			}
			if (add_problem(l, &probcap, line, CERTLIST_EQUOTE, NULL, 0, 0) != 0) {
				free(scratch);
				return fail(l, CERTLIST_ENOMEM);
			}
			l->bad_lines++;
			continue;
		}
		if (blank(&f))
			continue;
		if (first) {
			first = 0;
			if (is_header(text + start, end - start)) {
				l->header = 1;
				continue;
			}
		}
		if (++l->lines > CERTLIST_MAX_LINES) {
			free(scratch);
			return fail(l, CERTLIST_ETOOMANY);
		}
		if (check_line(l, &rowcap, &probcap, &f, line, today) != 0) {
			free(scratch);
			return fail(l, CERTLIST_ENOMEM);
		}
	}
	free(scratch);
	if (l->lines == 0)
		return fail(l, CERTLIST_EEMPTY);
	return l->nproblems ? CERTLIST_ELINES : CERTLIST_OK;
}

void
certlist_free(struct certlist *l)
{
	free(l->rows);
	free(l->problems);
	memset(l, 0, sizeof(*l));
}

void
certlist_problem_text(const struct certlist_problem *p, char *out, size_t outlen)
{
	const char *v = p->value;

	switch (p->err) {
	case CERTLIST_EEMAIL:
		snprintf(out, outlen, "Linje %zu: E-mailadressen »%s« er ikke gyldig. Skriv den som "
		    "navn@ku.dk.", p->line, v);
		break;
	case CERTLIST_EPASSED:
		snprintf(out, outlen, "Linje %zu: Datoen for bestået kursus, »%s«, er ikke en dato. "
		    "%s", p->line, v, DATE_HINT);
		break;
	case CERTLIST_EFUTURE:
		snprintf(out, outlen, "Linje %zu: Datoen for bestået kursus, »%s«, ligger efter i "
		    "dag. Et kursus kan først registreres, når det er bestået.", p->line, v);
		break;
	case CERTLIST_EVALID:
		snprintf(out, outlen, "Linje %zu: Den sidste dag, beviset gælder, »%s«, er ikke en "
		    "dato. %s Lad feltet stå tomt, hvis beviset ikke udløber.", p->line, v,
		    DATE_HINT);
		break;
	case CERTLIST_EPERIOD:
		snprintf(out, outlen, "Linje %zu: Den sidste dag, beviset gælder, »%s«, ligger før "
		    "datoen for bestået kursus.", p->line, v);
		break;
	case CERTLIST_ECONFLICT:
		snprintf(out, outlen, "Linje %zu: Samme e-mailadresse og dato som linje %zu, men med "
		    "et andet navn eller en anden sidste dag. Ret den ene af linjerne, eller slet "
		    "den.", p->line, p->other);
		break;
	default:
		snprintf(out, outlen, "Linje %zu: %s", p->line, certlist_strerror(p->err));
		break;
	}
}
