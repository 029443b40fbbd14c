/*
 * application_withdraw: the applicant withdraws a draft, a returned or a submitted application;
 * FSE is told when they had it.
 */
#include "application.h"

#include <stdio.h>
#include <string.h>

#include "casefsm.h"
#include "http.h"
#include "log.h"
#include "mail.h"
#include "page.h"

/* ---- withdraw: GET asks, POST does it (the applicant changes their mind) -------------------- */

/* The applicant's own application that may still be withdrawn (draft, returned, submitted). */
static int
withdraw_page(struct ctx *ctx, const struct case_row *c, const char *error, const char *reason,
    int status)
{
	struct tmpl_dict *d;

	if ((d = ctx_page(ctx, "application/withdraw.tpl", "Træk ansøgningen tilbage")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", c->id);
	tmpl_set_int(d, "VERSION", c->version);
	tmpl_set(d, "TITLE", c->title);
	tmpl_set(d, "STATE", case_state_label(c->state));
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "VALUE_begrundelse", reason ? reason : "");
	if (c->state == CASE_SUBMITTED)
		tmpl_show(d, "SUBMITTED");
	if (error) {
		struct fielderr fe;

		fielderr_init(&fe);
		fielderr_add(&fe, "begrundelse", error);
		page_form_errors(d, NULL, NULL, &fe);
	}
	return status;
}

int
app_withdraw_form(struct ctx *ctx)
{
	struct case_row c;
	int st;

	if ((st = app_own_case(ctx, http_id(kvlist_value(&ctx->req->query, "id")), &c)) != 0)
		return st;
	if (casefsm_check(c.state, CASE_WITHDRAWN, CASE_SIDE_APPLICANT) == CASEFSM_NOT_ALLOWED) {
		case_row_free(&c);
		return ctx_redirect(ctx, "/ansoegning");
	}
	st = withdraw_page(ctx, &c, NULL, NULL, 200);
	case_row_free(&c);
	return st;
}

int
app_withdraw_submit(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	struct tmpl_dict *md = NULL;
	enum case_state was;
	struct case_row c;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	int st;

	if ((st = app_own_case(ctx, id, &c)) != 0)
		return st;
	if (reason && (strlen(reason) > 1000 || !mail_utf8_valid(reason, strlen(reason)))) {
		st = withdraw_page(ctx, &c, "Skriv højst 1000 tegn.", reason, 422);
		case_row_free(&c);
		return st;
	}
	was = c.state;
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		case_row_free(&c);
		return ctx_db_error(ctx, rc);
	}
	crc = cases_move(ctx->db, id, (unsigned)version, CASE_WITHDRAWN, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), reason ? reason : "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		case_row_free(&c);
		/* Decided or changed meanwhile: Mine sager shows where it stands now. */
		return ctx_redirect(ctx, "/ansoegning");
	}
	if (crc != CASES_OK) {
		case_row_free(&c);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	/* FSE had it: they are told, so nobody works on it any more (R5's mailbox and subject). */
	if (was == CASE_SUBMITTED) {
		if ((md = tmpl_dict_new()) == NULL) {
			case_row_free(&c);
			return ctx_tx_error(ctx, DB_ENOMEM);
		}
		tmpl_set_int(md, "ID", c.id);
		tmpl_set(md, "TITLE", c.title);
		tmpl_set(md, "APPLICANT", ctx->session.name);
		tmpl_set(md, "APPLICANT_EMAIL", ctx->session.email);
		tmpl_set(md, "REASON", reason ? reason : "");
		tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, c.id);
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
		    "Vedr. ansøgning om uddannelsesautorisation", "application_withdrawn_fse", md,
		    "application_withdrawn", NULL);
		tmpl_dict_free(md);
		if (mrc != MAIL_OK) {
			log_error("mail on withdraw: %s", mail_strerror(mrc));
			case_row_free(&c);
			return ctx_tx_error(ctx, DB_EEXEC);
		}
	}
	case_row_free(&c);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/ansoegning?besked=trukket");
}

