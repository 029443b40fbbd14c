/*
 * libFuzzer harness for the certification course's list of passes (lib/certlist.c, issue 14;
 * R14): the text FSE uploads or pastes. Checked: no crash and no read past the text; every line
 * with content is either a pass or named as bad (never both, never lost); a pass has a
 * lower-case address, real days in order and none after today; problems come in line order
 * and their messages are built without overflow; and the passes, written out again as a
 * semicolon list, read back to the same passes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "certlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define TODAY	"2027-06-15"

static int
is_day(const char *d)
{
	return strlen(d) == 10 && d[4] == '-' && d[7] == '-';
}

static void
check_rows(const struct certlist *l)
{
	size_t i;

	for (i = 0; i < l->nrows; i++) {
		const struct certlist_entry *e = &l->rows[i];
		const char *p;

		if (strchr(e->email, '@') == NULL || e->name[0] == '\0' || !is_day(e->passed_on) ||
		    strcmp(e->passed_on, TODAY) > 0)
			abort();
		for (p = e->email; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				abort();
		if (e->valid_until[0] && (!is_day(e->valid_until) ||
		    strcmp(e->valid_until, e->passed_on) < 0))
			abort();
		if (e->same_as >= e->line || (i && e->line <= l->rows[i - 1].line))
			abort();
	}
}

/* The passes as a list again: "email";"name";passed;valid, quotes doubled. */
static void
write_back(const struct certlist *l, struct buf *out)
{
	size_t i;
	const char *p;

	for (i = 0; i < l->nrows; i++) {
		const struct certlist_entry *e = &l->rows[i];

		buf_printf(out, "%s;\"", e->email);
		for (p = e->name; *p; p++)
			buf_append(out, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
		buf_printf(out, "\";%s;%s\r\n", e->passed_on, e->valid_until);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct certlist l, again;
	char text[800];
	struct buf back;
	enum certlist_err rc;
	size_t i;

	rc = certlist_parse((const char *)data, size, TODAY, &l);
	if (rc != CERTLIST_OK && rc != CERTLIST_ELINES) {
		if (l.nrows || l.nproblems || l.rows || l.problems)
			abort();	/* a whole refusal leaves nothing behind */
		return 0;
	}
	if (l.nrows + l.bad_lines != l.lines || l.lines > CERTLIST_MAX_LINES ||
	    (rc == CERTLIST_OK) != (l.nproblems == 0) || (rc == CERTLIST_OK && l.nrows == 0))
		abort();
	for (i = 0; i < l.nproblems; i++) {
		if (i && l.problems[i].line < l.problems[i - 1].line)
			abort();
		if (strlen(l.problems[i].value) > CERTLIST_VALUE_MAX + 3)
			abort();
		certlist_problem_text(&l.problems[i], text, sizeof(text));
	}
	check_rows(&l);
	if (l.nrows) {
		buf_init(&back, 1 << 22);
		write_back(&l, &back);
		/* Doubled quotes may make it longer than the limit the first one kept to. */
		if (back.len > CERTLIST_MAX_BYTES) {
			buf_free(&back);
			certlist_free(&l);
			return 0;
		}
		if (certlist_parse(back.data, back.len, TODAY, &again) != CERTLIST_OK ||
		    again.nrows != l.nrows)
			abort();
		for (i = 0; i < l.nrows; i++)
			if (strcmp(again.rows[i].email, l.rows[i].email) != 0 ||
			    strcmp(again.rows[i].name, l.rows[i].name) != 0 ||
			    strcmp(again.rows[i].passed_on, l.rows[i].passed_on) != 0 ||
			    strcmp(again.rows[i].valid_until, l.rows[i].valid_until) != 0 ||
			    !again.rows[i].same_as != !l.rows[i].same_as)
				abort();
		certlist_free(&again);
		buf_free(&back);
	}
	certlist_free(&l);
	return 0;
}
