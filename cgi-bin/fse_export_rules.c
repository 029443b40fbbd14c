/*
 * fse_export_rules: the checklist supervisors check results against before they are taken
 * home (issue 14; R13, R22), as FSE keeps it, /fse/hjemtagelsesregler: a setting, never rules
 * in code. FSE writes one item a line (lib/exportrules); each publication is a new version,
 * never an edit, so the version a supervisor checked a request against stays readable. The
 * page shows the current items, every version with how many requests were approved against
 * it, and (for caseworkers and the head of office) the form for a new version. The model is
 * the user agreement's page (fse_agreement.c).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "datefmt.h"
#include "db.h"
#include "exportrules.h"
#include "fcgi.h"
#include "form.h"
#include "fse_export_rules.h"
#include "page.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

/* 30 items of 400 characters, four bytes each at most, with their line breaks. */
#define RULES_TEXT_MAX	(EXPORTRULES_MAX_ITEMS * (EXPORTRULES_ITEM_CHARS + 2))

static const struct form_field rules_fields[] = {
	{ "tekst", form_text, 1, 0, RULES_TEXT_MAX, NULL,
	  "Skriv tjeklisten: ét punkt på hver linje." },
};

/* A version's items as ITEM rows of d. */
static void
items(struct tmpl_dict *d, const char *text)
{
	static struct exportrules r;	/* 48 kB: not on the stack of every request */
	size_t i;

	if (exportrules_parse(text, strlen(text), &r) != EXPORTRULES_OK)
		return;
	for (i = 0; i < r.n; i++)
		tmpl_set(tmpl_add_row(d, "ITEM"), "TEXT", r.item[i]);
}

static int
render(struct ctx *ctx, const struct form *f, const char *text_error, int status)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT v.id, v.text, DATE_FORMAT(v.published_at, "
	    "'%Y-%m-%d %H:%i:%s'), COALESCE(u.name, ''), (SELECT COUNT(*) FROM export_requests r "
	    "WHERE r.rules_version_id = v.id) FROM export_rule_versions v LEFT JOIN users u ON "
	    "u.id = v.published_by ORDER BY v.id DESC", "")) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "fse/export_rules.tpl", "Regler for hjemtagelse")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, i == 0 ? "CURRENT" : "OLD");
		tmpl_set(row, "VERSION", db_cell(&res, i, 0));
		items(row, db_cell(&res, i, 1));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "BY", db_cell(&res, i, 3));
		tmpl_set(row, "APPROVALS", db_cell(&res, i, 4));
	}
	if (res.nrows == 0)
		tmpl_show(d, "NONE");
	if (res.nrows > 1)
		tmpl_show(d, "HAS_OLD");
	db_result_free(&res);
	if (auth_can(ctx, ACT_FSE_EXPORT_RULES_EDIT, 0)) {
		row = tmpl_add_row(d, "PUBLISH");
		tmpl_set(row, "CSRF", ctx->session.csrf);
		submitkey_put(ctx, row);	/* one version per form, however often sent */
		if (f) {
			static const char *const kept[] = { "tekst" };

			page_keep_values(row, f, kept, 1);
		}
		if (text_error) {
			struct fielderr fe;

			fielderr_init(&fe);
			fielderr_add(&fe, "tekst", text_error);
			page_form_errors(d, NULL, NULL, &fe);
			tmpl_set(tmpl_add_row(row, "TEXT_ERROR"), "MESSAGE", text_error);
		}
	}
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "offentliggjort") == 0)
			tmpl_show(d, "PUBLISHED");
	}
	return status;
}

int
fse_export_rules_page(struct ctx *ctx)
{
	return render(ctx, NULL, NULL, 200);
}

/* POST /fse/hjemtagelsesregler: csrf, engangsnoegle, tekst. */
int
fse_export_rules_publish(struct ctx *ctx)
{
	static struct exportrules r;
	struct db_result res;
	enum exportrules_err erc;
	struct buf text;
	struct form f;
	enum db_err rc;
	char detail[64], msg[256];
	int st;

	if (form_read(&f, rules_fields, 1, &ctx->req->form) != 0) {
		form_message(&f, 0, msg, sizeof(msg));
		return render(ctx, &f, msg, 422);
	}
	if ((erc = exportrules_parse(f.v[0].value, f.v[0].len, &r)) != EXPORTRULES_OK)
		return render(ctx, &f, exportrules_strerror(erc), 422);
	/* Stored as the items it parses to, so what a supervisor ticks is what this page shows. */
	buf_init(&text, 0);
	if (exportrules_join(&r, &text) != 0) {
		buf_free(&text);
		return 500;
	}
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		buf_free(&text);
		return ctx_db_error(ctx, rc);
	}
	if ((st = submitkey_claim(ctx, "export_rules.publish")) != 0) {
		buf_free(&text);
		return st;
	}
	rc = db_exec(ctx->db, &res, "INSERT INTO export_rule_versions (text, published_by) VALUES "
	    "(?, ?)", "si", text.data, ctx_user(ctx));
	buf_free(&text);
	if (rc != DB_OK)
		return ctx_tx_error(ctx, rc);
	snprintf(detail, sizeof(detail), "version %llu, %zu items", res.insert_id, r.n);
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "export_rules.publish", "export_rules", 0, 0,
	    ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = submitkey_done(ctx, "/fse/hjemtagelsesregler?besked=offentliggjort")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/fse/hjemtagelsesregler?besked=offentliggjort");
}
