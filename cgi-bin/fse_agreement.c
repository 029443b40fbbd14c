/*
 * fse_agreement: the user agreement (brugeraftale, R15) as FSE keeps it, /fse/brugeraftale. FSE
 * publishes the text; each publication is a new version, never an edit, so what a person
 * accepted stays readable, and a new version must be accepted again by every student. The page
 * shows the current text, every version with how many accepted it, and (for caseworkers and the
 * head of office) the form for a new version.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "fse_agreement.h"
#include "page.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

#define AGREEMENT_MAX	60000	/* bytes: a long agreement, with room to spare */

static const struct form_field agreement_fields[] = {
	{ "tekst", form_text, 1, 0, AGREEMENT_MAX, NULL, "Skriv brugeraftalens tekst." },
};

static int
render(struct ctx *ctx, const struct form *f, int status)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT a.id, a.text, DATE_FORMAT(a.published_at, "
	    "'%Y-%m-%d %H:%i:%s'), COALESCE(u.name, ''), (SELECT COUNT(*) FROM "
	    "user_agreement_acceptances x WHERE x.agreement_id = a.id) FROM user_agreements a LEFT "
	    "JOIN users u ON u.id = a.published_by ORDER BY a.id DESC", "")) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "fse/agreement.tpl", "Brugeraftalen")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, i == 0 ? "CURRENT" : "OLD");
		tmpl_set(row, "VERSION", db_cell(&res, i, 0));
		tmpl_set(row, "TEXT", db_cell(&res, i, 1));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "BY", db_cell(&res, i, 3));
		tmpl_set(row, "ACCEPTED", db_cell(&res, i, 4));
	}
	if (res.nrows == 0)
		tmpl_show(d, "NONE");
	if (res.nrows > 1)
		tmpl_show(d, "HAS_OLD");
	db_result_free(&res);
	if (auth_can(ctx, ACT_FSE_AGREEMENT_EDIT, 0)) {
		row = tmpl_add_row(d, "PUBLISH");
		tmpl_set(row, "CSRF", ctx->session.csrf);
		submitkey_put(ctx, row);	/* one version per form, however often sent */
		if (f) {
			static const char *const kept[] = { "tekst" };

			page_keep_values(row, f, kept, 1);
			page_form_errors(d, f, NULL, NULL);
			if (f->v[0].err != FORM_OK) {
				char msg[256];

				form_message(f, 0, msg, sizeof(msg));
				tmpl_set(tmpl_add_row(row, "TEXT_ERROR"), "MESSAGE", msg);
			}
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
fse_agreement_page(struct ctx *ctx)
{
	return render(ctx, NULL, 200);
}

/* POST /fse/brugeraftale: csrf, engangsnoegle, tekst. */
int
fse_agreement_publish(struct ctx *ctx)
{
	struct db_result res;
	struct form f;
	enum db_err rc;
	char detail[64];
	int st;

	if (form_read(&f, agreement_fields, 1, &ctx->req->form) != 0)
		return render(ctx, &f, 422);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = submitkey_claim(ctx, "agreement.publish")) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO user_agreements (text, published_by) VALUES "
	    "(?, ?)", "si", f.v[0].value, ctx_user(ctx))) != DB_OK)
		return ctx_tx_error(ctx, rc);
	snprintf(detail, sizeof(detail), "version %llu", res.insert_id);
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "agreement.publish", "agreement", 0, 0,
	    ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = submitkey_done(ctx, "/fse/brugeraftale?besked=offentliggjort")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/fse/brugeraftale?besked=offentliggjort");
}
