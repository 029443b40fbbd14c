/*
 * application_submit: the whole application checked again (lib/appfields), then in one
 * transaction the case moves to submitted (its event and audit), FSE gets the summary (R5) and
 * the applicant a receipt (R31).
 */
#include "application.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "appfields.h"
#include "http.h"
#include "log.h"
#include "mail.h"
#include "platform.h"

/* ---- submission (issue 5: "On submit"; R5, R31) -------------------------------------------- */

/* The summary FSE gets (R5), from the saved data. */
static void
fse_summary(struct ctx *ctx, struct tmpl_dict *md, const struct kvlist *data, const char *uni,
    const char *inst, long long id, const char *confirmed_at)
{
	const char *v, *p, *e;
	struct tmpl_dict *row;
	int k;

	tmpl_set_int(md, "ID", id);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_set(md, "UNIVERSITY", uni);
	v = kvlist_value(data, "enhed");
	tmpl_set(md, "UNIT", v ? v : "");
	v = kvlist_value(data, "universitet");
	if (v && strcmp(v, "anden") == 0) {
		row = tmpl_add_row(md, "OTHER");
		v = kvlist_value(data, "anden_beskrivelse");
		tmpl_set(row, "DESCRIPTION", v ? v : "");
		v = kvlist_value(data, "anden_behov");
		tmpl_set(row, "NEED", v ? v : "");
	}
	for (k = 1; k <= APPFIELDS_PROGRAMMES; k++) {
		char n[32];

		snprintf(n, sizeof(n), "udd_navn_%d", k);
		if (form_blank(v = kvlist_value(data, n)))
			continue;
		row = tmpl_add_row(md, "PROGRAMME");
		tmpl_set(row, "NAME", v);
		snprintf(n, sizeof(n), "udd_ects_%d", k);
		v = kvlist_value(data, n);
		tmpl_set(row, "ECTS", v ? v : "");
	}
	v = kvlist_value(data, "leder_navn");
	tmpl_set(md, "MANAGER", v ? v : "");
	v = kvlist_value(data, "leder_titel");
	tmpl_set(md, "MANAGER_TITLE", v ? v : "");
	v = kvlist_value(data, "leder_email");
	tmpl_set(md, "MANAGER_EMAIL", v ? v : "");
	tmpl_set(md, "CONFIRMED_AT", confirmed_at);
	for (k = 1; k <= APPFIELDS_PERSONS; k++) {
		static const char *const part[] = { "person_navn_", "person_email_",
			"person_rolle_", "person_erfaring_" };
		static const char *const key[] = { "NAME", "EMAIL", "ROLE", "EXPERIENCE" };
		char n[40];
		int j;

		snprintf(n, sizeof(n), "%s%d", part[0], k);
		if (form_blank(kvlist_value(data, n)))
			continue;
		row = tmpl_add_row(md, "PERSON");
		for (j = 0; j < 4; j++) {
			snprintf(n, sizeof(n), "%s%d", part[j], k);
			v = kvlist_value(data, n);
			tmpl_set(row, key[j], v ? v : "");
		}
	}
	v = kvlist_value(data, "url");
	tmpl_set(md, "URL", v ? v : "");
	for (p = kvlist_value(data, "domaener"); p && *p; p = e ? e + 1 : NULL) {
		char dom[256];
		size_t len;

		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0 || len >= sizeof(dom))
			continue;
		memcpy(dom, p, len);
		dom[len] = '\0';
		tmpl_set(tmpl_add_row(md, "DOMAIN"), "NAME", dom);
	}
	{
		char platform[300];

		/* The application's default, as step 4 offers it: Forskermaskinen. */
		v = kvlist_value(data, "platform");
		platform_describe(v && strcmp(v, "hosted") == 0 ? v : "forskermaskinen",
		    kvlist_value(data, "server"), platform, sizeof(platform));
		tmpl_set(md, "PLATFORM", platform);
	}
	tmpl_set(md, "APPLICANT", ctx->session.name);
	tmpl_set(md, "APPLICANT_EMAIL", ctx->session.email);
	/* The FSE case page (cgi-bin/fse, /fse/sag) comes with the FSE side of issue 5. */
	tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, id);
}

/* POST /ansoegning/send: the whole application checked, then one transaction. */
int
app_submit(struct ctx *ctx)
{
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	char uni[256], inst[512], when[32], date[32];
	struct tmpl_dict *md = NULL, *rd = NULL;
	struct review rv;
	struct kvlist data;
	struct case_row c;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	time_t now;
	int st, confirmed, pending;

	if ((st = app_own_editable_case(ctx, id, &c, &data)) != 0)
		return st;
	memset(&rv, 0, sizeof(rv));
	if (version <= 0 || (unsigned)version != c.version) {
		rv.stale = 1;
		st = app_step_page(ctx, &c, APPFIELDS_STEPS, &data, NULL, NULL, 0, 409, &rv);
		goto out;
	}
	appfields_review(&data, &rv.problems);
	if ((rc = app_manager_state(ctx, id, kvlist_value(&data, "leder_email"), &confirmed,
	    &pending, when, sizeof(when))) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	rv.not_confirmed = !confirmed;
	if (fielderr_count(&rv.problems) || rv.not_confirmed) {
		st = app_step_page(ctx, &c, APPFIELDS_STEPS, &data, NULL, NULL, 0, 422, &rv);
		goto out;
	}
	if ((rc = app_institution(ctx, &data, uni, sizeof(uni), inst, sizeof(inst))) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	if ((md = tmpl_dict_new()) == NULL || (rd = tmpl_dict_new()) == NULL) {
		st = 500;
		goto out;
	}
	fse_summary(ctx, md, &data, uni, inst, id, when);
	now = time(NULL);
	strftime(date, sizeof(date), "%d-%m-%Y", localtime(&now));
	tmpl_set(rd, "NAME", ctx->session.name);
	tmpl_set(rd, "INSTITUTION", inst);
	tmpl_set_int(rd, "ID", id);
	tmpl_set(rd, "DATE", date);
	tmpl_setf(rd, "LINK", "%s/ansoegning", ctx->cfg->base_url);
	tmpl_set_int(rd, "SERVICE_DAYS", ctx->cfg->fse_service_days);

	if ((rc = db_begin(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	/* cases_move writes the case event and the audit event (case.submitted). */
	crc = cases_move(ctx->db, id, (unsigned)version, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		struct case_row now_c;

		db_rollback(ctx->db);
		if (cases_load(ctx->db, id, 0, &now_c) == CASES_OK) {
			c.version = now_c.version;
			case_row_free(&now_c);
		}
		rv.stale = 1;
		st = app_step_page(ctx, &c, APPFIELDS_STEPS, &data, NULL, NULL, 0, 409, &rv);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* R5: FSE's mailbox and subject. */
	if ((mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
	    "Vedr. ansøgning om uddannelsesautorisation", "application_submitted_fse", md,
	    "application_submitted", NULL)) != MAIL_OK ||
	    /* R31: a receipt with the sender, what happens next, and how long. */
	    (mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->session.email, ctx->session.name,
	    "Kvittering: din ansøgning om uddannelsesautorisation er modtaget",
	    "application_receipt", rd, "application_receipt", NULL)) != MAIL_OK) {
		log_error("mail on submit: %s", mail_strerror(mrc));
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	st = ctx_redirect(ctx, "/ansoegning?besked=sendt");
out:
	if (md)
		tmpl_dict_free(md);
	if (rd)
		tmpl_dict_free(rd);
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}

