/*
 * fse_decide: FSE's decision on a case, POST /fse/sag/afgoer, the same for every kind it decides
 * (see fse_cases.h). The approval asks first, with what it will create; each decision is one
 * transaction with the version the caseworker saw, so a colleague's decision in between is never
 * overwritten: the case row is locked, the state machine checks the move, and what the kind
 * makes on approval and its mails commit with it.
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
		return fse_render_case(ctx, id, NULL, 1, NULL, 409);
	}
	if (fse_parse_case_data(c.data, &data) != 0) {
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
	struct fse_decide_error err;
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
	if (fse_parse_case_data(c.data, &data) != 0) {
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
	return fse_render_case(ctx, id, NULL, 0, &err, 422);
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
	struct fse_decide_error err;
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
		return fse_render_case(ctx, id, NULL, 0, &err, 422);
	}
	if (strlen(reason) > REASON_MAX) {
		err.handling = to == CASE_APPROVED ? NULL : handling;
		err.text = reason;
		err.message = "Teksten er for lang: den må højst fylde 1000 tegn. Gør den kortere.";
		return fse_render_case(ctx, id, NULL, 0, err.handling ? &err : NULL, 422);
	}
	if (version <= 0)
		return fse_render_case(ctx, id, NULL, 1, NULL, 409);
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
	if (fse_parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	crc = cases_move(ctx->db, id, (unsigned)version, to, CASE_SIDE_FSE, ctx_user(ctx),
	    form_blank(reason) ? "" : reason, ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = fse_render_case(ctx, id, NULL, 1, NULL, 409);
		goto out;
	}
	if (crc == CASES_EREASON) {
		db_rollback(ctx->db);
		err.handling = handling;
		err.text = reason;
		err.message = "Skriv en begrundelse.";
		st = fse_render_case(ctx, id, NULL, 0, &err, 422);
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

