/*
 * student_flow: the supervisor sends the student case to the authorisation's administrators
 * (R13: the supervisor asks an administrator to attach the student; R32: those who must act are
 * told by mail and see it in Mine sager). Only a complete case with its signed Annex 1 goes;
 * the move, its event, the audit entry and the mails commit together.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "files.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "tmpl.h"

/* The administrators (to act) and the supervisor (a receipt), inside the transaction. */
static enum db_err
mails(struct ctx *ctx, const struct stud *s, const struct stud_project *p)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc = MAIL_OK;
	enum db_err rc;
	size_t i;

	/* The administrators attach; the responsible sends the student to FSE (R10, R13). */
	if ((rc = db_exec(ctx->db, &res, "SELECT u.email, u.name, MAX(r.role = 'administrator'), "
	    "MAX(r.role = 'responsible') FROM role_assignments r JOIN users u ON u.id = r.user_id "
	    "WHERE r.authorisation_id = ? AND r.role IN ('administrator', 'responsible') AND "
	    "r.revoked_at IS NULL AND u.status = 'active' GROUP BY u.id, u.email, u.name ORDER BY "
	    "u.email", "i", s->a.id)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "STUDENT", s->c.title);
	tmpl_set(md, "SUPERVISOR", s->supervisor);
	tmpl_set(md, "NUMBER", s->a.number);
	tmpl_set(md, "INSTITUTION", s->a.institution);
	tmpl_set(md, "PROJECT_NUMBER", p->number);
	tmpl_set(md, "PROJECT_TITLE", p->title);
	tmpl_setf(md, "LINK", "%s/studerende/sag?id=%lld&sag=%lld", ctx->cfg->base_url, s->a.id,
	    s->c.id);
	for (i = 0; i < res.nrows && mrc == MAIL_OK; i++) {
		int admin = db_cell_int(&res, i, 2, 0), responsible = db_cell_int(&res, i, 3, 0);

		tmpl_set(md, "NAME", db_cell(&res, i, 1));
		tmpl_set(md, "AS", admin && responsible ? "administrator og autorisationsansvarlig" :
		    admin ? "administrator" : "autorisationsansvarlig");
		tmpl_set(md, "YOUR_PART", responsible ? "Som autorisationsansvarlig sender du den "
		    "studerende til Forskningsservice, som godkender den studerende som bruger. " :
		    "Er der noget, vejlederen skal rette, kan du sende sagen tilbage. ");
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, i, 0),
		    db_cell(&res, i, 1), "En specialestuderende venter på at blive tilknyttet",
		    "student_to_admin", md, "student_to_admin", NULL);
	}
	if (res.nrows == 0)
		tmpl_show(md, "NO_ADMIN");
	db_result_free(&res);
	if (mrc == MAIL_OK && (rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = "
	    "? AND status = 'active'", "i", s->c.created_by)) == DB_OK) {
		if (res.nrows) {
			tmpl_set(md, "NAME", db_cell(&res, 0, 1));
			mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, 0, 0),
			    db_cell(&res, 0, 1), "Kvittering: den studerende er sendt til "
			    "administratorerne", "student_receipt", md, "student_receipt", NULL);
		}
		db_result_free(&res);
	}
	tmpl_dict_free(md);
	if (rc != DB_OK)
		return rc;
	if (mrc != MAIL_OK) {
		log_error("student mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* POST /studerende/send: id, sag, version. */
int
stud_send(struct ctx *ctx)
{
	long long version = stud_param(ctx, "version");
	struct fielderr missing;
	struct stud_project p;
	struct files_meta m;
	enum cases_err crc;
	enum db_err rc;
	struct stud s;
	char path[128];
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, ACT_STUDENT_EDIT, &s, 1)) != 0)
		return st;
	if (s.c.created_by != ctx_user(ctx)) {
		db_rollback(ctx->db);
		stud_free(&s);
		return 403;	/* R13 */
	}
	fielderr_init(&missing);
	if ((rc = stud_complete(ctx, s.a.id, &s.data, &missing)) != DB_OK ||
	    (rc = stud_project(ctx, s.a.id, http_id(kvlist_value(&s.data, "projekt")), &p)) !=
	    DB_OK || (rc = files_current(ctx->db, FILES_ANNEX1, s.a.id, s.c.id, &m)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	if (fielderr_count(&missing) || m.id == 0 || p.case_id == 0) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "error", fielderr_count(&missing) ? "Sagen kan ikke sendes "
		    "endnu: der mangler oplysninger. Se listen under Bilag 1." : "Sagen kan ikke sendes "
		    "endnu: upload det underskrevne bilag 1 først.", NULL, 409);
		stud_free(&s);
		return st;
	}
	crc = cases_move(ctx->db, s.c.id, (unsigned)version, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", crc == CASES_ENOTALLOWED ? "Sagen er allerede "
		    "sendt til administratorerne." : "Sagen er ændret, siden du åbnede den. Her er "
		    "den, som den er nu.", NULL, 409);
		stud_free(&s);
		return st;
	}
	if (crc != CASES_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	if ((rc = mails(ctx, &s, &p)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=sendt", s.a.id,
	    s.c.id);
	stud_free(&s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}
