/*
 * application_steps: the guided form's five steps (issue 5). Each step is saved into the case's
 * urlencoded data (lib/cases.h) with the version the user saw, so a change made in another
 * window is never overwritten. A draft ("Gem kladde") may be incomplete but never malformed;
 * going on ("Videre") needs the step complete. The fields and their rules are lib/appfields'.
 */
#include "application.h"

#include <stdio.h>
#include <string.h>

#include "appfields.h"
#include "appvalue.h"
#include "buf.h"
#include "caps.h"
#include "cases.h"
#include "datefmt.h"
#include "http.h"
#include "http_parse.h"
#include "page.h"
#include "submitkey.h"

/* R4.2, as the applicant reads it when the manager has not confirmed. */
static const char R42_TEXT[] = "Lederen har ikke bekræftet endnu. Den personaleansvarlige leder "
    "skal selv bekræfte, at lederen påtager sig ansvaret for autorisationen og fører tilsyn med, "
    "at dens regler overholdes, herunder at alle med adgang kender reglerne for adgang til data "
    "og for hjemtagelse af resultater. Send bekræftelsen til lederen, og send ansøgningen, når "
    "lederen har bekræftet via linket i sin e-mail.";

/* ---- messages per field --------------------------------------------------------------------- */

/* The message for a field, from its validator or from a rule; NULL when none. */
static const char *
field_msg(const struct form *f, const struct fielderr *m, const char *name, char *out, size_t n)
{
	const char *rule = fielderr_message(m, name);
	size_t i;

	if (rule)
		return rule;
	for (i = 0; f && i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0 && f->v[i].err != FORM_OK) {
			form_message(f, i, out, n);
			return out;
		}
	return NULL;
}

/* The value and the message of a field of a repeated row, into the row's dictionary. */
static void
row_field(struct tmpl_dict *row, const char *key, const char *name, const struct kvlist *src,
    const struct form *f, const struct fielderr *m)
{
	char msg[256], sec[64];
	const char *v = kvlist_value(src, name), *e;

	snprintf(sec, sizeof(sec), "VALUE_%s", key);
	tmpl_set(row, sec, v ? v : "");
	if ((e = field_msg(f, m, name, msg, sizeof(msg))) != NULL) {
		snprintf(sec, sizeof(sec), "ERROR_%s", key);
		tmpl_set(tmpl_add_row(row, sec), "MESSAGE", e);
	}
}

/* ---- the pages ------------------------------------------------------------------------------ */

static void
step_guide(struct tmpl_dict *d, long long id, int current)
{
	struct tmpl_dict *row;
	int i;

	for (i = 0; i < APPFIELDS_STEPS; i++) {
		row = tmpl_add_row(d, "STEP");
		tmpl_set_int(row, "N", i + 1);
		tmpl_set_int(row, "ID", id);
		tmpl_set(row, "LABEL", appfields_step_label(i + 1));
		tmpl_show(row, i + 1 == current ? "CURRENT" : "OTHER");
	}
}

/* One step's page: values from src (the saved data or what the user sent), messages from f (the
 * validators) and m (the rules); on the review, rv says why it could not be sent (NULL: nothing
 * to say). */
int
app_step_page(struct ctx *ctx, const struct case_row *c, int step, const struct kvlist *src,
    const struct form *f, const struct fielderr *m, int conflict, int status,
    const struct review *rv)
{
	const struct form_field *fields;
	struct tmpl_dict *d, *s, *row;
	struct db_result res;
	char title[96], key[64];
	enum db_err rc;
	size_t i, nf;
	int k;

	snprintf(title, sizeof(title), "Ansøgning, trin %d af %d: %s", step, APPFIELDS_STEPS,
	    appfields_step_label(step));
	if ((d = ctx_page(ctx, "application/step.tpl", title)) == NULL)
		return 500;
	tmpl_set_int(d, "ID", c->id);
	tmpl_set_int(d, "TRIN", step);
	tmpl_set_int(d, "NSTEPS", APPFIELDS_STEPS);
	tmpl_set(d, "STEP_LABEL", appfields_step_label(step));
	tmpl_set_int(d, "VERSION", c->version);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	submitkey_put(ctx, d);	/* the manager's link: one per press of the button */
	tmpl_set_int(d, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	step_guide(d, c->id, step);
	if (conflict)
		tmpl_show(d, "CONFLICT");
	/* Returned: FSE's message stays in view while the applicant edits (issue 11). */
	if (c->state == CASE_RETURNED) {
		if ((rc = db_exec(ctx->db, &res, "SELECT reason, DATE_FORMAT(at, '%Y-%m-%d "
		    "%H:%i:%s') FROM case_events WHERE case_id = ? AND to_state = 'returned' ORDER "
		    "BY id DESC LIMIT 1", "i", c->id)) != DB_OK)
			return ctx_db_error(ctx, rc);
		if (res.nrows) {
			char when[48];

			row = tmpl_add_row(d, "RETURNED");
			datefmt_danish(when, sizeof(when), db_cell(&res, 0, 1), DATEFMT_DATETIME);
			tmpl_set(row, "AT", when);
			tmpl_set(row, "REASON", db_cell(&res, 0, 0));
		}
		db_result_free(&res);
	}
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "gemt") == 0 && f == NULL && m == NULL)
			tmpl_show(d, "SAVED");
	}
	snprintf(key, sizeof(key), "STEP%d", step);
	s = tmpl_add_row(d, key);
	tmpl_set(s, "CSRF", ctx->session.csrf);
	fields = appfields_step_fields(step, &nf);
	for (i = 0; i < nf; i++) {
		const char *name = fields[i].name, *v = kvlist_value(src, name);

		snprintf(key, sizeof(key), "VALUE_%s", name);
		if (v)
			tmpl_set(s, key, v);
	}
	if (f || m)
		page_form_errors(s, f, NULL, m);

	switch (step) {
	case 1: {
		const char *chosen = kvlist_value(src, "universitet");

		if ((rc = db_exec(ctx->db, &res, "SELECT code, name, affiliated FROM universities "
		    "ORDER BY sort_order", "")) != DB_OK)
			return ctx_db_error(ctx, rc);
		for (i = 0; i < res.nrows; i++) {
			row = tmpl_add_row(s, "UNIVERSITY");
			tmpl_set(row, "CODE", db_cell(&res, i, 0));
			tmpl_set(row, "NAME", db_cell(&res, i, 1));
			if (db_cell(&res, i, 2)[0])
				tmpl_set(tmpl_add_row(row, "AFFILIATED"), "TEXT", db_cell(&res, i, 2));
			if (chosen && strcmp(chosen, db_cell(&res, i, 0)) == 0)
				tmpl_show(row, "SELECTED");
		}
		db_result_free(&res);
		if (chosen && strcmp(chosen, "anden") == 0)
			tmpl_show(s, "OTHER_SELECTED");
		for (k = 1; k <= APPFIELDS_PROGRAMMES; k++) {
			char n1[32], n2[32];

			row = tmpl_add_row(s, "PROGRAMME");
			tmpl_set_int(row, "N", k);
			snprintf(n1, sizeof(n1), "udd_navn_%d", k);
			snprintf(n2, sizeof(n2), "udd_ects_%d", k);
			row_field(row, "NAME", n1, src, f, m);
			row_field(row, "ECTS", n2, src, f, m);
		}
		break;
	}
	case 2:
		tmpl_set_int(s, "MIN_PERSONS", APPFIELDS_MIN_PERSONS);
		for (k = 1; k <= APPFIELDS_PERSONS; k++) {
			char n[4][40];

			row = tmpl_add_row(s, "PERSON");
			tmpl_set_int(row, "N", k);
			snprintf(n[0], sizeof(n[0]), "person_navn_%d", k);
			snprintf(n[1], sizeof(n[1]), "person_email_%d", k);
			snprintf(n[2], sizeof(n[2]), "person_rolle_%d", k);
			snprintf(n[3], sizeof(n[3]), "person_erfaring_%d", k);
			row_field(row, "NAME", n[0], src, f, m);
			row_field(row, "EMAIL", n[1], src, f, m);
			row_field(row, "ROLE", n[2], src, f, m);
			row_field(row, "EXPERIENCE", n[3], src, f, m);
		}
		if ((rc = app_manager_section(ctx, s, c, 2)) != DB_OK)
			return ctx_db_error(ctx, rc);
		break;
	case 4: {
		const char *p = kvlist_value(src, "platform"), *dv = kvlist_value(src, "drev");

		tmpl_show(s, p && strcmp(p, "hosted") == 0 ? "HOSTED_CHECKED" : "FM_CHECKED");
		if (dv && strcmp(dv, "ja") == 0)
			tmpl_show(s, "DRIVE_CHECKED");
		break;
	}
	case 5: {
		char label[128], value[600];

		/* Everything entered, per step, each with a link back to change it. */
		for (k = 1; k < APPFIELDS_STEPS; k++) {
			struct tmpl_dict *sec = tmpl_add_row(s, "REVIEW");

			tmpl_set_int(sec, "N", k);
			tmpl_set_int(sec, "ID", c->id);
			tmpl_set(sec, "LABEL", appfields_step_label(k));
			for (i = 0; i < src->n; i++) {
				if (!appfields_in_step(k, src->items[i].name) || form_blank(src->items[i].value))
					continue;
				row = tmpl_add_row(sec, "ITEM");
				appfields_label(src->items[i].name, label, sizeof(label));
				tmpl_set(row, "NAME", label);
				if ((rc = appvalue_text(ctx->db, src->items[i].name,
				    src->items[i].value, value, sizeof(value))) != DB_OK)
					return ctx_db_error(ctx, rc);
				tmpl_set(row, "VALUE", value);
			}
		}
		tmpl_set_int(s, "ID", c->id);
		tmpl_set_int(s, "VERSION", c->version);
		tmpl_set_int(s, "SERVICE_DAYS", ctx->cfg->fse_service_days);
		if (rv && rv->problems.n) {
			struct tmpl_dict *ps = tmpl_add_row(s, "PROBLEMS");

			for (i = 0; i < rv->problems.n; i++) {
				row = tmpl_add_row(ps, "PROBLEM");
				tmpl_set_int(row, "ID", c->id);
				tmpl_set_int(row, "N", rv->problems.item[i].group);
				tmpl_set(row, "TEXT", rv->problems.item[i].message);
			}
		}
		if (rv && rv->not_confirmed)
			tmpl_set(tmpl_add_row(s, "NOT_CONFIRMED_ERROR"), "TEXT", R42_TEXT);
		if (rv && rv->stale)
			tmpl_show(s, "STALE");
		{
			const char *b = kvlist_value(&ctx->req->query, "besked");

			if (b && strcmp(b, "leder") == 0 && rv == NULL)
				tmpl_show(s, "MAIL_SENT");
		}
		if ((rc = app_manager_section(ctx, s, c, 5)) != DB_OK)
			return ctx_db_error(ctx, rc);
		break;
	}
	}
	return status;
}

int
app_create(struct ctx *ctx)
{
	char path[96], msg[CAPS_MESSAGE_MAX];
	long long id;
	enum db_err rc;
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Sent twice (issue 12): the draft the first send made is shown, no second one. */
	if ((st = submitkey_claim(ctx, "application.new")) != 0)
		return st;
	if ((st = caps_gate(ctx, CAPS_DRAFT_APPLICATION, ctx_user(ctx), 1, msg,
	    sizeof(msg))) != 0)
		return st == 429 ? app_list_refused(ctx, msg) : st;
	if (cases_create(ctx->db, "authorisation", ctx_user(ctx), 0,
	    "Ansøgning om uddannelsesautorisation", "", &id) != CASES_OK)
		return ctx_tx_error(ctx, DB_EEXEC);
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=1", id);
	if ((rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}

/* ---- a step: show, check, save -------------------------------------------------------------- */

int
app_step_form(struct ctx *ctx)
{
	long long id = http_id(http_param(ctx->req, "id"));
	long long step = http_id(http_param(ctx->req, "trin"));
	struct kvlist data;
	struct case_row c;
	int st;

	if ((st = app_own_case(ctx, id, &c)) != 0)
		return st;
	if (step == 0)
		step = 1;
	if (step < 1 || step > APPFIELDS_STEPS || !case_editable(c.state)) {
		case_row_free(&c);
		return step < 1 || step > APPFIELDS_STEPS ? 404 : ctx_redirect(ctx, "/ansoegning");
	}
	kvlist_init(&data);
	if (http_parse_urlencoded(c.data, strlen(c.data), &data) != 0) {
		kvlist_free(&data);
		case_row_free(&c);
		return 500;
	}
	st = app_step_page(ctx, &c, (int)step, &data, NULL, NULL, 0, 200, NULL);
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}

/*
 * This step's fields merged into the case's form (the other steps' stay) and saved under
 * expected version; only fields whose value passed its validator are taken (a draft holds
 * nothing the strict parser would refuse). The case's title is the unit (step 1).
 */
static enum cases_err
save_step(struct ctx *ctx, const struct case_row *c, int step, unsigned version,
    const struct form *f, const struct buf *domains, unsigned *new_version)
{
	const struct form_field *fields;
	struct kvlist data;
	struct buf out;
	char title[300];
	enum cases_err crc;
	enum db_err rc;
	size_t i, nf;

	fields = appfields_step_fields(step, &nf);
	kvlist_init(&data);
	buf_init(&out, 0);
	if (http_parse_urlencoded(c->data, strlen(c->data), &data) != 0) {
		kvlist_free(&data);
		return CASES_EDB;
	}
	for (i = 0; i < data.n; i++)
		if (!appfields_in_step(step, data.items[i].name))
			form_encode_pair(&out, data.items[i].name, data.items[i].value);
	for (i = 0; i < nf; i++) {
		const char *v = f->v[i].err == FORM_OK ? f->v[i].value : NULL;

		if (step == 3 && i == 0)
			v = f->v[i].err == FORM_OK && domains->len ? domains->data : NULL;
		if (v && !form_blank(v))
			form_encode_pair(&out, fields[i].name, v);
	}
	kvlist_free(&data);
	title[0] = '\0';
	if (step == 1 && f->v[0].err == FORM_OK &&
	    !form_blank(kvlist_value(&ctx->req->form, "enhed")))
		snprintf(title, sizeof(title), "%s", kvlist_value(&ctx->req->form, "enhed"));
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		buf_free(&out);
		return CASES_EDB;
	}
	crc = cases_save(ctx->db, c->id, version, title[0] ? title : NULL,
	    out.data ? out.data : "", new_version);
	buf_free(&out);
	if (crc != CASES_OK) {
		db_rollback(ctx->db);
		return crc;
	}
	if (db_commit(ctx->db) != DB_OK)
		return CASES_EDB;
	return CASES_OK;
}

int
app_step_submit(struct ctx *ctx)
{
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long step = http_id(kvlist_value(&ctx->req->form, "trin"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	const char *handling = kvlist_value(&ctx->req->form, "handling");
	int going_on = handling && strcmp(handling, "videre") == 0;
	struct case_row c;
	struct form f;
	struct fielderr m;
	struct buf domains;
	char path[128];
	enum cases_err crc;
	unsigned saved = 0;
	int st;

	if ((st = app_own_case(ctx, id, &c)) != 0)
		return st;
	if (step < 1 || step >= APPFIELDS_STEPS || version <= 0) {
		case_row_free(&c);
		return 400;
	}
	fielderr_init(&m);
	buf_init(&domains, 0);
	if (appfields_step((int)step, &ctx->req->form, going_on, &f, &domains, &m) != 0) {
		/* What was typed is kept as the draft (issue 11: reopening the step showed it
		 * empty), then the step comes back with the messages at the fields. */
		if (save_step(ctx, &c, (int)step, (unsigned)version, &f, &domains, &saved) ==
		    CASES_OK)
			c.version = saved;
		buf_free(&domains);
		st = app_step_page(ctx, &c, (int)step, &ctx->req->form, &f, &m, 0, 422, NULL);
		case_row_free(&c);
		return st;
	}
	crc = save_step(ctx, &c, (int)step, (unsigned)version, &f, &domains, &saved);
	buf_free(&domains);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTEDITABLE) {
		struct case_row now;

		/* Show the form with the user's input and the version as it is now. */
		if (cases_load(ctx->db, id, 0, &now) == CASES_OK) {
			c.version = now.version;
			case_row_free(&now);
		}
		st = app_step_page(ctx, &c, (int)step, &ctx->req->form, NULL, NULL, 1, 409, NULL);
		case_row_free(&c);
		return st;
	}
	case_row_free(&c);
	if (crc != CASES_OK)
		return 503;	/* the input comes back with the 503 page, to send again */
	if (going_on)
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld", id, step + 1);
	else
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld&besked=gemt", id,
		    step);
	return ctx_redirect(ctx, path);
}
