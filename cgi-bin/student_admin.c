/*
 * student_admin: what the authorisation's administrators (and its responsible) do with a
 * student case the supervisor sent them (R13): send it back to the supervisor with what to
 * change. The move, its event and reason, the audit entry and the supervisor's mail commit
 * together; the supervisor can then correct it and send it again.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "mail.h"
#include "policy.h"
#include "tmpl.h"

#define REASON_MAX	1000	/* bytes: as FSE's reasons (the audit keeps it too) */

static enum db_err
returned_mail(struct ctx *ctx, const struct stud *s, const char *reason)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc = MAIL_OK;
	enum db_err rc;

	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ? AND status = "
	    "'active'", "i", s->c.created_by)) != DB_OK)
		return rc;
	if (res.nrows && (md = tmpl_dict_new()) != NULL) {
		tmpl_set(md, "NAME", db_cell(&res, 0, 1));
		tmpl_set(md, "STUDENT", s->c.title);
		tmpl_set(md, "NUMBER", s->a.number);
		tmpl_set(md, "BY", ctx->session.name);
		tmpl_set(md, "REASON", reason);
		tmpl_setf(md, "LINK", "%s/studerende/sag?id=%lld&sag=%lld", ctx->cfg->base_url,
		    s->a.id, s->c.id);
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, 0, 0),
		    db_cell(&res, 0, 1), "Sagen om en specialestuderende er sendt tilbage til dig",
		    "student_returned", md, "student_returned", NULL);
		tmpl_dict_free(md);
	}
	db_result_free(&res);
	if (mrc != MAIL_OK) {
		log_error("student returned mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* POST /studerende/tilbage: id, sag, version, begrundelse. */
int
stud_return(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	long long version = stud_param(ctx, "version");
	struct stud_fse req;
	struct fielderr fe;
	enum cases_err crc;
	enum db_err rc;
	struct stud s;
	char path[128];
	int st;

	fielderr_init(&fe);
	if (form_blank(reason))
		fielderr_add(&fe, "begrundelse", "Skriv, hvad vejlederen skal rette. Beskeden "
		    "sendes til vejlederen.");
	else if (strlen(reason) > REASON_MAX)
		fielderr_add(&fe, "begrundelse", "Teksten er for lang: den må højst fylde 1000 tegn. "
		    "Gør den kortere.");
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, ACT_STUDENT_RETURN, &s, 1)) != 0)
		return st;
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, NULL, NULL, &fe, 422);
		stud_free(&s);
		return st;
	}
	/* Not while FSE has the student: FSE's approval attaches this very case. */
	if ((rc = stud_fse_request(ctx, s.c.id, 1, &req)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	if (req.case_id && req.state == CASE_SUBMITTED) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", "Sagen kan ikke sendes tilbage til vejlederen nu: "
		    "Forskningsservice er ved at godkende den studerende som bruger.", NULL, 409);
		stud_free(&s);
		return st;
	}
	crc = cases_move(ctx->db, s.c.id, (unsigned)version, CASE_RETURNED, CASE_SIDE_FSE,
	    ctx_user(ctx), reason, ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", "Sagen er ændret, siden du åbnede den, eller den "
		    "ligger ikke hos administratorerne. Her er den, som den er nu.", NULL, 409);
		stud_free(&s);
		return st;
	}
	if (crc != CASES_OK || (rc = returned_mail(ctx, &s, reason)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, crc != CASES_OK ? DB_EEXEC : rc);
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=tilbage", s.a.id,
	    s.c.id);
	stud_free(&s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}
