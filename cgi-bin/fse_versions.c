#include "fse_versions.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "db.h"
#include "fielderr.h"
#include "page.h"
#include "submitkey.h"

int
fse_versions_render(struct ctx *ctx, const struct fse_versions *v, const struct form *f,
    const char *text_error, int status)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	const char *b;
	size_t i;

	if ((rc = db_exec(ctx->db, &res, v->list_sql, "")) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, v->tpl, v->title)) == NULL) {
		db_result_free(&res);
		return 500;
	}
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, i == 0 ? "CURRENT" : "OLD");
		tmpl_set(row, "VERSION", db_cell(&res, i, 0));
		if (v->show_text)
			v->show_text(row, db_cell(&res, i, 1));
		else
			tmpl_set(row, "TEXT", db_cell(&res, i, 1));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "BY", db_cell(&res, i, 3));
		tmpl_set(row, v->uses_key, db_cell(&res, i, 4));
	}
	if (res.nrows == 0)
		tmpl_show(d, "NONE");
	if (res.nrows > 1)
		tmpl_show(d, "HAS_OLD");
	db_result_free(&res);
	if (auth_can(ctx, v->edit, 0)) {
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
	if ((b = kvlist_value(&ctx->req->query, "besked")) != NULL &&
	    strcmp(b, "offentliggjort") == 0)
		tmpl_show(d, "PUBLISHED");
	return status;
}

int
fse_versions_publish(struct ctx *ctx, const struct fse_versions *v, const char *text,
    const char *detail)
{
	char audit[160], done[128];
	struct db_result res;
	enum db_err rc;
	int st;

	snprintf(done, sizeof(done), "%s?besked=offentliggjort", v->path);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = submitkey_claim(ctx, v->submit_key)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, v->insert_sql, "si", text, ctx_user(ctx))) != DB_OK)
		return ctx_tx_error(ctx, rc);
	snprintf(audit, sizeof(audit), "version %llu%s%s", res.insert_id, detail ? ", " : "",
	    detail ? detail : "");
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), v->audit_action, v->audit_object, 0, 0,
	    ctx->req->remote_addr, audit)) != DB_OK || (rc = submitkey_done(ctx, done)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, done);
}
