/*
 * fse_cases: the queue, a case's page and the decision, the same for every kind of case (see
 * fse_cases.h). Each decision is one transaction with the version the caseworker saw, so a
 * colleague's decision in between is never overwritten: the case row is locked, the state
 * machine checks the move, and what the kind makes on approval and its mails commit with it.
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

#define REASON_MAX	1000	/* bytes: the audit event keeps it too (detail, 1000) */

static const char STALE_TEXT[] = "Sagen er ændret af en anden, siden du åbnede den. Her er den, "
    "som den er nu.";

/* The FSE hooks of every kind of case in the registry (lib/casekind.c): one line per kind. */
static const struct fse_kind *const kinds[] = { &fse_kind_authorisation, &fse_kind_proposal,
	&fse_kind_student, &fse_kind_fse_user };
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

const struct fse_kind *
fse_kind_of(const char *type)
{
	size_t i;

	for (i = 0; type && i < NKINDS; i++)
		if (strcmp(kinds[i]->type, type) == 0)
			return kinds[i];
	return NULL;
}

enum db_err
fse_case_authorisation(struct ctx *ctx, const struct case_row *c, char *number, size_t nn,
    char *inst, size_t in)
{
	struct db_result res;
	enum db_err rc;

	snprintf(number, nn, "-");
	snprintf(inst, in, "%s", "");
	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    c->authorisation_id)) != DB_OK)
		return rc;
	if (res.nrows) {
		snprintf(number, nn, "%s", db_cell(&res, 0, 0));
		snprintf(inst, in, "%s", db_cell(&res, 0, 1));
	}
	db_result_free(&res);
	return DB_OK;
}

enum db_err
fse_origin_authorisation(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    char *out, size_t n)
{
	char number[48], inst[256];
	enum db_err rc;

	(void)data;
	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) !=
	    DB_OK)
		return rc;
	snprintf(out, n, "%s, uddannelsesautorisation %s", inst, number);
	return DB_OK;
}

int
fse_kinds_check(char *why, size_t whylen)
{
	const char *types[NKINDS];
	size_t i;

	for (i = 0; i < NKINDS; i++)
		types[i] = kinds[i]->type;
	return casekind_check_hooks(types, NKINDS, why, whylen);
}

const char *
fse_value(const struct kvlist *data, const char *name)
{
	const char *v = kvlist_value(data, name);

	return v ? v : "";
}

enum db_err
fse_person(struct ctx *ctx, long long uid, char *email, size_t en, char *name, size_t nn)
{
	struct db_result res;
	enum db_err rc;

	snprintf(email, en, "%s", "");
	snprintf(name, nn, "%s", "");
	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ?", "i", uid)) !=
	    DB_OK)
		return rc;
	if (res.nrows) {
		snprintf(email, en, "%s", db_cell(&res, 0, 0));
		snprintf(name, nn, "%s", db_cell(&res, 0, 1));
	}
	db_result_free(&res);
	return DB_OK;
}

static int
parse_case_data(const char *text, struct kvlist *data)
{
	kvlist_init(data);
	if (http_parse_urlencoded(text, strlen(text), data) != HTTP_PARSE_OK) {
		kvlist_free(data);
		return -1;
	}
	return 0;
}

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
		if (k && parse_case_data(db_cell(&res, i, 5), &data) == 0) {
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

/* ---- GET /fse/sag?id=N -------------------------------------------------------------------- */

struct decide_error {
	const char	*handling;	/* the form in error: "tilbage" or "afvis"; NULL: none */
	const char	*message;
	const char	*text;		/* what the caseworker wrote, shown again */
};

static void
set_notice(struct tmpl_dict *d, const char *notice)
{
	if (notice == NULL)
		return;
	if (strcmp(notice, "godkend") == 0)
		tmpl_show(d, "NOTICE_APPROVED");
	else if (strcmp(notice, "tilbage") == 0)
		tmpl_show(d, "NOTICE_RETURNED");
	else if (strcmp(notice, "afvis") == 0)
		tmpl_show(d, "NOTICE_REJECTED");
}

/* Everything the institution entered, then what changed since the last submission (R31). */
static enum db_err
fields_and_changes(struct ctx *ctx, struct tmpl_dict *d, const struct fse_kind *k,
    const struct case_row *c, const struct kvlist *data)
{
	struct case_change *changes = NULL;
	struct tmpl_dict *row, *sec;
	char label[160], value[512];
	enum db_err rc;
	size_t i;
	int n, j;

	for (i = 0; i < data->n; i++) {
		if (form_blank(data->items[i].value))
			continue;
		row = tmpl_add_row(d, "FIELD");
		k->field_label(data->items[i].name, label, sizeof(label));
		tmpl_set(row, "LABEL", label);
		tmpl_set(row, "NAME", data->items[i].name);
		if (k->field_value) {
			if ((rc = k->field_value(ctx, data->items[i].name, data->items[i].value,
			    value, sizeof(value))) != DB_OK)
				return rc;
			tmpl_set(row, "VALUE", value);
		} else
			tmpl_set(row, "VALUE", data->items[i].value);
	}
	if ((n = cases_resubmission_diff(ctx->db, c->id, &changes)) < 0)
		return DB_EEXEC;
	if (n > 0) {
		sec = tmpl_add_row(d, "CHANGES");
		for (j = 0; j < n; j++) {
			row = tmpl_add_row(sec, "CHANGE");
			k->field_label(changes[j].name, label, sizeof(label));
			tmpl_set(row, "LABEL", label);
			tmpl_set(row, "BEFORE", changes[j].before);
			tmpl_set(row, "AFTER", changes[j].after);
		}
		case_changes_free(changes, n);
	}
	return DB_OK;
}

/* The history: when, who, from what to what, why. */
static enum db_err
history(struct ctx *ctx, struct tmpl_dict *d, long long id)
{
	struct db_result res;
	enum db_err rc;
	char when[64];
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), "
	    "COALESCE(u.name, ''), e.from_state, e.to_state, e.reason FROM case_events e "
	    "LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id", "i",
	    id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		int from = case_state_parse(db_cell(&res, i, 2));
		int to = case_state_parse(db_cell(&res, i, 3));
		struct tmpl_dict *row = tmpl_add_row(d, "EVENT");

		datefmt_danish(when, sizeof(when), db_cell(&res, i, 0), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "WHO", db_cell(&res, i, 1)[0] ? db_cell(&res, i, 1) : "Portalen");
		tmpl_set(row, "FROM", from < 0 ? db_cell(&res, i, 2) :
		    case_state_label((enum case_state)from));
		tmpl_set(row, "TO", to < 0 ? db_cell(&res, i, 3) :
		    case_state_label((enum case_state)to));
		tmpl_set(row, "REASON", db_cell(&res, i, 4));
	}
	db_result_free(&res);
	return DB_OK;
}

/* The decision forms, only to those who may decide, and only while it waits for one. */
static void
decide_forms(struct ctx *ctx, struct tmpl_dict *d, const struct fse_kind *k,
    const struct case_row *c, const struct kvlist *data, const struct decide_error *err)
{
	int approve_err = err && err->handling && strcmp(err->handling, "godkend") == 0;
	static const char *const forms[] = { "tilbage", "afvis" };
	struct tmpl_dict *sec;
	int i;

	if (c->state != CASE_SUBMITTED || !auth_can(ctx, ACT_FSE_CASE_DECIDE, 0) ||
	    !casekind_of(c->type)->fse_decides)
		return;
	sec = tmpl_add_row(d, "DECIDE");
	tmpl_set_int(sec, "ID", c->id);
	tmpl_set_int(sec, "VERSION", c->version);
	tmpl_set(sec, "APPROVE_TEXT", k->approve_text);
	if (k->approve_input) {
		const struct fse_approve_input *ai = k->approve_input;
		struct tmpl_dict *in = tmpl_add_row(sec, "APPROVE_INPUT");

		tmpl_set(in, "NAME", ai->name);
		tmpl_set(in, "LABEL", ai->label);
		tmpl_set(in, "HINT", ai->hint ? ai->hint : "");
		tmpl_set(in, "VALUE", approve_err ? (err->text ? err->text : "") :
		    ai->prefill ? fse_value(data, ai->prefill) : "");
		if (approve_err)
			tmpl_set(tmpl_add_row(in, "ERROR"), "MESSAGE", err->message);
	}
	for (i = 0; i < 2; i++) {
		char key[32];

		if (err == NULL || err->handling == NULL || strcmp(err->handling, forms[i]) != 0)
			continue;
		snprintf(key, sizeof(key), "VALUE_%s", forms[i]);
		tmpl_set(sec, key, err->text ? err->text : "");
	}
	if (err && err->handling) {
		struct fielderr fe;
		char field[48], key2[64];

		if (approve_err)
			snprintf(field, sizeof(field), "%s", k->approve_input ?
			    k->approve_input->name : "godkend");
		else
			snprintf(field, sizeof(field), "begrundelse_%s", err->handling);
		fielderr_init(&fe);
		fielderr_add(&fe, field, err->message);
		/* The summary at the top; the message next to the field, in its form. */
		page_form_errors(d, NULL, NULL, &fe);
		snprintf(key2, sizeof(key2), "ERROR_%s", field);
		if (!approve_err)
			tmpl_set(tmpl_add_row(sec, key2), "MESSAGE", err->message);
	}
}

/*
 * The case page. notice: what was just done (NULL: nothing); stale: someone else changed it
 * (409); err: a refused decision (422).
 */
static int
render_case(struct ctx *ctx, long long id, const char *notice, int stale,
    const struct decide_error *err, int status)
{
	const struct casekind *ck;
	const struct fse_kind *k;
	struct tmpl_dict *d;
	struct db_result res;
	struct kvlist data;
	struct case_row c;
	char when[64], from[512];
	enum cases_err crc;
	enum db_err rc;

	if (id <= 0)
		return 404;
	if ((crc = cases_load(ctx->db, id, 0, &c)) == CASES_ENOTFOUND)
		return 404;
	if (crc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if ((k = fse_kind_of(c.type)) == NULL || (ck = casekind_of(c.type)) == NULL) {
		case_row_free(&c);
		return 404;
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return 500;
	}
	/* The institution's data are other people's: who looked is kept (R33). */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "case.view", "case", id, c.created_by,
	    ctx->req->remote_addr, "")) != DB_OK)
		goto dberr;
	if ((d = ctx_page(ctx, "fse/case.tpl", ck->title)) == NULL) {
		kvlist_free(&data);
		case_row_free(&c);
		return 500;
	}
	tmpl_set_int(d, "ID", c.id);
	tmpl_set(d, "TITLE", c.title);
	tmpl_set(d, "KIND", ck->title);
	tmpl_set(d, "CREATOR_LABEL", ck->creator);
	tmpl_set(d, "STATE", case_state_label(c.state));
	tmpl_set(d, "STATE_NAME", case_state_name(c.state));
	if ((rc = k->origin(ctx, &c, &data, from, sizeof(from))) != DB_OK)
		goto dberr;
	tmpl_set(d, "UNIVERSITY", from);
	if (stale)
		tmpl_set(tmpl_add_row(d, "STALE"), "TEXT", STALE_TEXT);
	set_notice(d, notice);

	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, DATE_FORMAT(c.submitted_at, "
	    "'%Y-%m-%d %H:%i:%s') FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id = ?",
	    "i", id)) != DB_OK)
		goto dberr;
	if (res.nrows) {
		tmpl_set(d, "APPLICANT", db_cell(&res, 0, 0));
		tmpl_set(d, "APPLICANT_EMAIL", db_cell(&res, 0, 1));
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 2), DATEFMT_DATETIME);
		tmpl_set(d, "SUBMITTED", when);
	}
	db_result_free(&res);
	if ((rc = k->render(ctx, d, &c, &data)) != DB_OK ||
	    (rc = fields_and_changes(ctx, d, k, &c, &data)) != DB_OK ||
	    (rc = history(ctx, d, id)) != DB_OK)
		goto dberr;
	decide_forms(ctx, d, k, &c, &data, err);
	kvlist_free(&data);
	case_row_free(&c);
	return status;
dberr:
	kvlist_free(&data);
	case_row_free(&c);
	return ctx_db_error(ctx, rc);
}

void
fse_preview_line(struct tmpl_dict *d, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	tmpl_set(tmpl_add_row(d, "CREATES"), "TEXT", line);
}

/*
 * The approval asks first (issue 11): the page states what it will create (the kind's preview:
 * the number, the domains, who gets the responsible role, ...) and sends the same decision
 * again with bekraeft=ja. Only a case FSE may decide now gets it; else the case as it is now.
 */
static int
confirm_approval(struct ctx *ctx, long long id, long long version)
{
	const struct casekind *ck;
	const struct fse_kind *k;
	struct tmpl_dict *d;
	struct kvlist data;
	struct case_row c;
	enum cases_err crc;
	enum db_err rc;
	char from[512];

	if ((crc = cases_load(ctx->db, id, 0, &c)) == CASES_ENOTFOUND)
		return 404;
	if (crc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if ((k = fse_kind_of(c.type)) == NULL || (ck = casekind_of(c.type)) == NULL) {
		case_row_free(&c);
		return 404;
	}
	if (c.state != CASE_SUBMITTED || !ck->fse_decides ||
	    (unsigned long long)version != c.version) {
		case_row_free(&c);
		return render_case(ctx, id, NULL, 1, NULL, 409);
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return 500;
	}
	if ((d = ctx_page(ctx, "fse/approve.tpl", "Godkend sagen?")) == NULL) {
		kvlist_free(&data);
		case_row_free(&c);
		return 500;
	}
	tmpl_set_int(d, "ID", c.id);
	tmpl_set_int(d, "VERSION", c.version);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "TITLE", c.title);
	tmpl_set(d, "KIND", ck->title);
	if ((rc = k->origin(ctx, &c, &data, from, sizeof(from))) == DB_OK)
		tmpl_set(d, "FROM", from);
	if (rc == DB_OK && k->preview)
		rc = k->preview(ctx, d, &c, &data);
	if (k->approve_input) {
		struct tmpl_dict *in = tmpl_add_row(d, "APPROVE_INPUT");
		const char *v = kvlist_value(&ctx->req->form, k->approve_input->name);

		tmpl_set(in, "NAME", k->approve_input->name);
		tmpl_set(in, "LABEL", k->approve_input->label);
		tmpl_set(in, "VALUE", v ? v : "");
	}
	kvlist_free(&data);
	case_row_free(&c);
	return rc == DB_OK ? 200 : ctx_db_error(ctx, rc);
}

/*
 * The approval's input (an FSE user id), checked before the confirmation and before the
 * transaction: 0 when the kind has none or it is right, else the case page with the message
 * at the field (422).
 */
static int
approve_input_refused(struct ctx *ctx, long long id)
{
	const struct fse_kind *k;
	struct decide_error err;
	struct kvlist data;
	struct case_row c;
	enum cases_err crc;
	enum db_err rc;
	const char *v;
	char msg[256] = "";

	if ((crc = cases_load(ctx->db, id, 0, &c)) == CASES_ENOTFOUND)
		return 404;
	if (crc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if ((k = fse_kind_of(c.type)) == NULL || k->approve_input == NULL || !k->approve_check) {
		case_row_free(&c);
		return 0;
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return 500;
	}
	v = kvlist_value(&ctx->req->form, k->approve_input->name);
	rc = k->approve_check(ctx, &c, &data, v ? v : "", msg, sizeof(msg));
	kvlist_free(&data);
	case_row_free(&c);
	if (rc != DB_OK)
		return ctx_db_error(ctx, rc);
	if (msg[0] == '\0')
		return 0;
	memset(&err, 0, sizeof(err));
	err.handling = "godkend";
	err.text = v ? v : "";
	err.message = msg;
	return render_case(ctx, id, NULL, 0, &err, 422);
}

int
fse_case_page(struct ctx *ctx)
{
	const char *notice = kvlist_value(&ctx->req->query, "besked");

	return render_case(ctx, http_id(kvlist_value(&ctx->req->query, "id")), notice, 0, NULL,
	    200);
}

/* ---- POST /fse/sag/afgoer: id, version, handling=godkend|tilbage|afvis, begrundelse ---------- */

int
fse_case_decide(struct ctx *ctx)
{
	const struct kvlist *f = &ctx->req->form;
	long long id = http_id(kvlist_value(f, "id")), version = http_id(kvlist_value(f, "version"));
	const char *handling = kvlist_value(f, "handling"), *reason = kvlist_value(f, "begrundelse");
	const struct fse_kind *k;
	struct fse_outcome outcome;
	struct decide_error err;
	struct kvlist data;
	struct case_row c;
	enum case_state to;
	enum cases_err crc;
	enum db_err rc;
	char path[96];
	int st;

	if (id <= 0)
		return 404;
	if (handling && strcmp(handling, "godkend") == 0)
		to = CASE_APPROVED;
	else if (handling && strcmp(handling, "tilbage") == 0)
		to = CASE_RETURNED;
	else if (handling && strcmp(handling, "afvis") == 0)
		to = CASE_REJECTED;
	else
		return 400;
	if (reason == NULL)
		reason = "";
	memset(&err, 0, sizeof(err));
	memset(&outcome, 0, sizeof(outcome));
	if (to != CASE_APPROVED && form_blank(reason)) {
		err.handling = handling;
		err.text = reason;
		err.message = to == CASE_RETURNED ? "Skriv, hvad der skal rettes. Beskeden sendes til "
		    "institutionen." : "Skriv begrundelsen for afslaget. Den sendes til "
		    "institutionen.";
		return render_case(ctx, id, NULL, 0, &err, 422);
	}
	if (strlen(reason) > REASON_MAX) {
		err.handling = to == CASE_APPROVED ? NULL : handling;
		err.text = reason;
		err.message = "Teksten er for lang: den må højst fylde 1000 tegn. Gør den kortere.";
		return render_case(ctx, id, NULL, 0, err.handling ? &err : NULL, 422);
	}
	if (version <= 0)
		return render_case(ctx, id, NULL, 1, NULL, 409);
	if (to == CASE_APPROVED && (st = approve_input_refused(ctx, id)) != 0)
		return st;
	if (to == CASE_APPROVED && !(kvlist_value(f, "bekraeft") &&
	    strcmp(kvlist_value(f, "bekraeft"), "ja") == 0))
		return confirm_approval(ctx, id, version);

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Locks the row: a colleague's decision at the same moment waits, then sees a new version. */
	if ((crc = cases_load(ctx->db, id, 1, &c)) == CASES_ENOTFOUND) {
		db_rollback(ctx->db);
		return 404;
	}
	if (crc != CASES_OK)
		return ctx_tx_error(ctx, DB_EEXEC);
	if ((k = fse_kind_of(c.type)) == NULL) {
		db_rollback(ctx->db);
		case_row_free(&c);
		return 404;
	}
	/* A kind another side decides (a student case: the administrators, R13) FSE reads. */
	if (!casekind_of(c.type)->fse_decides) {
		db_rollback(ctx->db);
		case_row_free(&c);
		return 403;
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	crc = cases_move(ctx->db, id, (unsigned)version, to, CASE_SIDE_FSE, ctx_user(ctx),
	    form_blank(reason) ? "" : reason, ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = render_case(ctx, id, NULL, 1, NULL, 409);
		goto out;
	}
	if (crc == CASES_EREASON) {
		db_rollback(ctx->db);
		err.handling = handling;
		err.text = reason;
		err.message = "Skriv en begrundelse.";
		st = render_case(ctx, id, NULL, 0, &err, 422);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* What the kind makes on approval, then its mails: all in this transaction. */
	if ((to == CASE_APPROVED && (rc = k->approve(ctx, &c, &data, &outcome)) != DB_OK) ||
	    (rc = k->notify(ctx, &c, &data, to, reason, &outcome)) != DB_OK) {
		/* A unique key another decision took at the same moment (one FSE user id, one
		 * approval of a student): ours runs again, and its check then says why. */
		st = ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	log_info("case %lld (%s) %s by user %lld%s%s", id, c.type, case_state_name(to),
	    ctx_user(ctx), outcome.number[0] ? ", number " : "", outcome.number);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld&besked=%s", id, handling);
	st = ctx_redirect(ctx, path);
out:
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}
