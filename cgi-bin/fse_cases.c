/*
 * fse_cases: the kinds' hook tables, the pieces they share, and a case's page, the same for every
 * kind of case (see fse_cases.h). The queue is fse_queue.c; the decision fse_decide.c.
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
#include "mail.h"
#include "page.h"
#include "policy.h"
#include "workdays.h"


static const char STALE_TEXT[] = "Sagen er ændret af en anden, siden du åbnede den. Her er den, "
    "som den er nu.";

/* The FSE hooks of every kind of case in the registry (lib/casekind.c): one line per kind. */
static const struct fse_kind *const kinds[] = { &fse_kind_authorisation, &fse_kind_proposal,
	&fse_kind_student, &fse_kind_fse_user, &fse_kind_datamanager };
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
fse_mail_rows(struct ctx *ctx, const struct db_result *res, struct tmpl_dict *md,
    const char *subject, const char *tpl)
{
	enum mail_err mrc = MAIL_OK;
	size_t i;

	for (i = 0; i < res->nrows && mrc == MAIL_OK; i++) {
		tmpl_set(md, "NAME", db_cell(res, i, 1));
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(res, i, 0),
		    db_cell(res, i, 1), subject, tpl, md, tpl, NULL);
	}
	if (mrc != MAIL_OK) {
		log_error("mail %s: %s", tpl, mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
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

int
fse_parse_case_data(const char *text, struct kvlist *data)
{
	kvlist_init(data);
	if (http_parse_urlencoded(text, strlen(text), data) != HTTP_PARSE_OK) {
		kvlist_free(data);
		return -1;
	}
	return 0;
}

/* ---- GET /fse/sag?id=N -------------------------------------------------------------------- */

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
    const struct case_row *c, const struct kvlist *data, const struct fse_decide_error *err)
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
int
fse_render_case(struct ctx *ctx, long long id, const char *notice, int stale,
    const struct fse_decide_error *err, int status)
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
	if (fse_parse_case_data(c.data, &data) != 0) {
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

int
fse_case_page(struct ctx *ctx)
{
	const char *notice = kvlist_value(&ctx->req->query, "besked");

	return fse_render_case(ctx, http_id(kvlist_value(&ctx->req->query, "id")), notice, 0, NULL,
	    200);
}
