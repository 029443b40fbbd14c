/*
 * fse_queue: FSE's queue, /fse/sager (R30): what waits for FSE oldest first, with its age in
 * working days, and every other case by state, kind and search. One query for every kind the
 * registry holds (lib/casekind.c); see fse_cases.h.
 */
#include "fse_cases.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "casekind.h"
#include "datefmt.h"
#include "http_parse.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "workdays.h"

/* ---- GET /fse/sager: the queue, and every case by state, kind and search (R30) -------------- */

#define QUEUE_ROWS	200	/* a page; the count above the table says how many matched */

/* The filter's values (?tilstand=, ?type=, ?soeg=), in the order of the selects on the page. */
static const char *const queue_states[] = { "submitted", "returned", "approved", "rejected",
	"withdrawn", "alle", NULL };
static const char *const queue_state_labels[] = { "venter på en afgørelse",
	"sendt tilbage til ændringer", "godkendt", "afvist", "trukket tilbage", "alle", NULL };

/* The type filter's choices: "alle", then every kind in the registry, NULL-terminated. */
struct queue_types {
	const char	*value[CASEKIND_MAX + 2];
	const char	*label[CASEKIND_MAX + 2];
};

static void
queue_types(struct queue_types *t)
{
	size_t i;

	t->value[0] = "alle";
	t->label[0] = "Alle typer";
	for (i = 0; i < ncasekinds; i++) {
		t->value[i + 1] = casekinds[i].type;
		t->label[i + 1] = casekinds[i].label;
	}
	t->value[i + 1] = t->label[i + 1] = NULL;
}

enum { QF_STATE, QF_TYPE, QF_SEARCH, QF__MAX };

/* "%text%" for LIKE, with the user's % _ and \ taken literally. */
static void
like_pattern(char *out, size_t n, const char *text)
{
	size_t j = 0;

	if (n < 3)
		return;
	out[j++] = '%';
	for (; text && *text && j + 3 < n; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			out[j++] = '\\';
		out[j++] = *text;
	}
	out[j++] = '%';
	out[j] = '\0';
}

static void
filter_form(struct tmpl_dict *d, const struct queue_types *types, int state, int type,
    const char *search)
{
	struct tmpl_dict *row;
	int i;

	for (i = 0; queue_states[i]; i++) {
		row = tmpl_add_row(d, "STATE_OPTION");
		tmpl_set(row, "VALUE", queue_states[i]);
		tmpl_set(row, "LABEL", queue_state_labels[i]);
		if (i == state)
			tmpl_show(row, "SELECTED");
	}
	for (i = 0; types->value[i]; i++) {
		row = tmpl_add_row(d, "TYPE_OPTION");
		tmpl_set(row, "VALUE", types->value[i]);
		tmpl_set(row, "LABEL", types->label[i]);
		if (i == type)
			tmpl_show(row, "SELECTED");
	}
	tmpl_set(d, "VALUE_soeg", search ? search : "");
	tmpl_set(d, "HEADING", state == 0 ? "Sager, der venter på en afgørelse" : "Sager");
	if (state == 0)
		tmpl_show(d, "QUEUE_LEAD");
}

/* The list's query: the same filter for the queue and for every other view. */
#define QUEUE_SELECT \
	"SELECT c.id, c.title, u.name, u.email, DATE_FORMAT(c.submitted_at, '%Y-%m-%d %H:%i:%s'), " \
	"c.data, c.type, COALESCE(c.authorisation_id, 0), c.state FROM cases c JOIN users u ON " \
	"u.id = c.created_by LEFT JOIN authorisations a ON a.id = c.authorisation_id " \
	"WHERE FIND_IN_SET(c.type, ?) > 0 AND c.state <> 'draft' AND " \
	"(? = 'alle' OR c.state = ?) AND (? = 'alle' OR c.type = ?) AND (? = '' OR c.title LIKE ? " \
	"OR u.name LIKE ? OR u.email LIKE ? OR COALESCE(a.number, '') LIKE ? OR c.id = ?) "

int
fse_cases_page(struct ctx *ctx)
{
	static const char *const anchors[QF__MAX] = { "tilstand", "type", "soeg" };
	struct tmpl_dict *d, *sec = NULL, *row;
	struct db_result res;
	struct kvlist data;
	char today[16], day[16], when[64], from[512], like[310] = "";
	const char *search;
	time_t now = time(NULL);
	struct tm tm;
	char kinds_sql[CASEKIND_MAX * CASEKIND_TYPE_MAX];
	struct queue_types types;
	const struct form_field fields[QF__MAX] = {
		[QF_STATE] = { "tilstand", form_choice, 0, 0, 0, queue_states,
		    "Vælg, hvilke sager du vil se." },
		[QF_TYPE] = { "type", form_choice, 0, 0, 0, types.value, "Vælg en type sag." },
		[QF_SEARCH] = { "soeg", form_line, 0, 0, 100, NULL, NULL },
	};
	struct form q;
	enum db_err rc;
	int state, type, waiting;
	size_t i;

	/* Every kind the registry has, and only those: its type list is the query's. */
	queue_types(&types);
	form_read(&q, fields, QF__MAX, &ctx->req->query);
	state = q.v[QF_STATE].err == FORM_OK && q.v[QF_STATE].value ? (int)q.v[QF_STATE].num : 0;
	/* What waits for FSE is what FSE decides; every other view shows every kind. */
	if (casekind_type_list(kinds_sql, sizeof(kinds_sql), state == 0) != 0)
		return 500;
	type = q.v[QF_TYPE].err == FORM_OK && q.v[QF_TYPE].value ? (int)q.v[QF_TYPE].num : 0;
	search = q.v[QF_SEARCH].err == FORM_OK && q.v[QF_SEARCH].value ? q.v[QF_SEARCH].value : "";
	if (q.nerrors) {
		/* A filter value we do not offer: the form again, the message at the field. */
		if ((d = ctx_page(ctx, "fse/cases.tpl", "Sager")) == NULL)
			return 500;
		filter_form(d, &types, state, type, q.v[QF_SEARCH].value);
		page_form_errors(d, &q, anchors, NULL);
		tmpl_set(d, "SHOWING", queue_state_labels[state]);
		tmpl_show(d, "EMPTY");
		return 422;
	}
	waiting = state == 0;
	if (search[0])
		like_pattern(like, sizeof(like), search);
	/* Waiting cases oldest first (the queue, R30); the others newest first. */
	if ((rc = db_exec(ctx->db, &res, waiting ?
	    QUEUE_SELECT "ORDER BY c.submitted_at, c.id LIMIT 200" :
	    QUEUE_SELECT "ORDER BY c.updated_at DESC, c.id DESC LIMIT 200", "ssssssssssi",
	    kinds_sql, queue_states[state], queue_states[state], types.value[type],
	    types.value[type],
	    search[0] ? like : "", like, like, like, like, atoll(search))) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "fse/cases.tpl", "Sager")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	filter_form(d, &types, state, type, search);
	localtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	tmpl_set_int(d, "COUNT", (long long)res.nrows);
	tmpl_set(d, "SHOWING", queue_state_labels[state]);
	if (res.nrows >= QUEUE_ROWS)
		tmpl_show(d, "MORE");
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	else
		sec = tmpl_add_row(d, "HAS_ROWS");
	for (i = 0; i < res.nrows; i++) {
		const struct fse_kind *k = fse_kind_of(db_cell(&res, i, 6));
		int st = case_state_parse(db_cell(&res, i, 8));
		struct case_row c;

		row = tmpl_add_row(sec, "ROW");
		tmpl_set_int(row, "ID", db_cell_int(&res, i, 0, 0));
		tmpl_set(row, "TYPE", casekind_label(db_cell(&res, i, 6)));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "APPLICANT", db_cell(&res, i, 2));
		tmpl_set(row, "APPLICANT_EMAIL", db_cell(&res, i, 3));
		tmpl_set(row, "STATE", st < 0 ? db_cell(&res, i, 8) :
		    case_state_label((enum case_state)st));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 4), DATEFMT_DATETIME);
		tmpl_set(row, "SUBMITTED", when);
		if (st == CASE_SUBMITTED) {
			long age;

			datefmt_danish(day, sizeof(day), db_cell(&res, i, 4), DATEFMT_ISO_DATE);
			age = workdays_between_dates(day, today);
			tmpl_set_int(row, "AGE", age < 0 ? 0 : age);
			tmpl_show(row, age == 1 ? "ONE_DAY" : "DAYS");
		} else
			tmpl_show(row, "NO_AGE");
		from[0] = '\0';
		memset(&c, 0, sizeof(c));
		c.id = db_cell_int(&res, i, 0, 0);
		c.authorisation_id = db_cell_int(&res, i, 7, 0);
		if (k && fse_parse_case_data(db_cell(&res, i, 5), &data) == 0) {
			rc = k->origin(ctx, &c, &data, from, sizeof(from));
			kvlist_free(&data);
			if (rc != DB_OK) {
				db_result_free(&res);
				return ctx_db_error(ctx, rc);
			}
		}
		tmpl_set(row, "UNIVERSITY", from);
	}
	db_result_free(&res);
	return 200;
}

