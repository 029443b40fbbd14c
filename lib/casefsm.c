#include "casefsm.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "http_parse.h"

static const char *const state_names[CASE__STATES] = {
	"draft", "submitted", "returned", "approved", "rejected", "withdrawn", "revoked",
};

static const char *const state_labels[CASE__STATES] = {
	"Kladde", "Sendt til Forskningsservice", "Sendt tilbage til ændringer", "Godkendt",
	"Afvist", "Trukket tilbage", "Tilbagekaldt",
};

/* Every move a case can make. Anything not here is refused. */
static const struct {
	enum case_state	from;
	enum case_state	to;
	enum case_side	side;
	int		reason;
} moves[] = {
	{ CASE_DRAFT, CASE_SUBMITTED, CASE_SIDE_APPLICANT, 0 },
	{ CASE_DRAFT, CASE_WITHDRAWN, CASE_SIDE_APPLICANT, 0 },
	{ CASE_RETURNED, CASE_SUBMITTED, CASE_SIDE_APPLICANT, 0 },
	{ CASE_RETURNED, CASE_WITHDRAWN, CASE_SIDE_APPLICANT, 0 },
	{ CASE_SUBMITTED, CASE_WITHDRAWN, CASE_SIDE_APPLICANT, 0 },
	{ CASE_SUBMITTED, CASE_APPROVED, CASE_SIDE_FSE, 0 },
	/* A refusal or a request for changes always says why: the applicant must be able to act. */
	{ CASE_SUBMITTED, CASE_RETURNED, CASE_SIDE_FSE, 1 },
	{ CASE_SUBMITTED, CASE_REJECTED, CASE_SIDE_FSE, 1 },
	{ CASE_APPROVED, CASE_REVOKED, CASE_SIDE_FSE, 1 },
};

const char *
case_state_name(enum case_state s)
{
	return (unsigned)s < CASE__STATES ? state_names[s] : "unknown";
}

const char *
case_state_label(enum case_state s)
{
	return (unsigned)s < CASE__STATES ? state_labels[s] : "Ukendt";
}

int
case_state_parse(const char *s)
{
	int i;

	for (i = 0; s && i < CASE__STATES; i++)
		if (strcmp(s, state_names[i]) == 0)
			return i;
	return -1;
}

enum casefsm_answer
casefsm_check(enum case_state from, enum case_state to, enum case_side side)
{
	size_t i;

	for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (moves[i].from == from && moves[i].to == to && moves[i].side == side)
			return moves[i].reason ? CASEFSM_NEEDS_REASON : CASEFSM_OK;
	return CASEFSM_NOT_ALLOWED;
}

int
case_editable(enum case_state s)
{
	return s == CASE_DRAFT || s == CASE_RETURNED;
}

/* All values of one field, joined by newlines (a repeated field is one list). */
static char *
joined(const struct kvlist *l, const char *name)
{
	struct buf b;
	size_t i;
	int first = 1;

	buf_init(&b, 0);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].name, name) == 0) {
			if (!first)
				buf_puts(&b, "\n");
			buf_append(&b, l->items[i].value, l->items[i].value_len);
			first = 0;
		}
	return buf_steal(&b, NULL);
}

static int
seen_before(const struct kvlist *l, size_t upto, const char *name)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (strcmp(l->items[i].name, name) == 0)
			return 1;
	return 0;
}

static int
add_if_changed(const struct kvlist *before, const struct kvlist *after, const char *name,
    struct case_change **out, int *n, size_t *cap)
{
	char *b = joined(before, name), *a = joined(after, name);
	struct case_change *grown;

	if (b == NULL || a == NULL) {
		free(b);
		free(a);
		return -1;
	}
	if (strcmp(a, b) == 0) {
		free(a);
		free(b);
		return 0;
	}
	if ((size_t)*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		if ((grown = realloc(*out, *cap * sizeof(**out))) == NULL) {
			free(a);
			free(b);
			return -1;
		}
		*out = grown;
	}
	(*out)[*n].name = strdup(name);
	(*out)[*n].before = b;
	(*out)[*n].after = a;
	(*n)++;
	return 0;
}

int
case_diff(const char *before, const char *after, struct case_change **out)
{
	struct kvlist b, a;
	size_t i, cap = 0;
	int n = 0, rc = 0;

	*out = NULL;
	kvlist_init(&b);
	kvlist_init(&a);
	if (http_parse_urlencoded(before ? before : "", before ? strlen(before) : 0, &b) !=
	    HTTP_PARSE_OK || http_parse_urlencoded(after ? after : "", after ? strlen(after) : 0,
	    &a) != HTTP_PARSE_OK) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < a.n && rc == 0; i++)
		if (!seen_before(&a, i, a.items[i].name))
			rc = add_if_changed(&b, &a, a.items[i].name, out, &n, &cap);
	for (i = 0; i < b.n && rc == 0; i++)
		if (!seen_before(&b, i, b.items[i].name) && kvlist_get(&a, b.items[i].name) == NULL)
			rc = add_if_changed(&b, &a, b.items[i].name, out, &n, &cap);
out:
	kvlist_free(&b);
	kvlist_free(&a);
	if (rc != 0) {
		case_changes_free(*out, n);
		*out = NULL;
		return -1;
	}
	return n;
}

void
case_changes_free(struct case_change *c, int n)
{
	int i;

	for (i = 0; c && i < n; i++) {
		free(c[i].name);
		free(c[i].before);
		free(c[i].after);
	}
	free(c);
}
