/*
 * student_fse: the responsible asks FSE to approve the thesis student as a user (R6, R10, R15:
 * every user is approved by FSE), from the student case while it is with the institution's
 * administrators: with the student's FSE user id if they have one, or for a new user. The
 * request is a case of its own kind ('fse_user', cgi-bin/fse_kind_fse_user.c) whose parent is
 * the student case; FSE's mailbox is told. One open request per student: the student case's row
 * is written by every request, so two at once conflict (Galera: at commit) and the loser runs
 * again and finds the first. A request FSE sent back is corrected and sent again.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "datefmt.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

enum db_err
stud_fse_request(struct ctx *ctx, long long student_case, int lock, struct stud_fse *r)
{
	struct db_result res;
	enum db_err rc;

	memset(r, 0, sizeof(*r));
	if ((rc = db_exec(ctx->db, &res, lock ?
	    "SELECT id, state, version, DATE_FORMAT(COALESCE(submitted_at, updated_at), "
	    "'%Y-%m-%d %H:%i:%s') FROM cases WHERE parent_id = ? AND type = 'fse_user' ORDER BY id "
	    "DESC LIMIT 1 FOR UPDATE" :
	    "SELECT id, state, version, DATE_FORMAT(COALESCE(submitted_at, updated_at), "
	    "'%Y-%m-%d %H:%i:%s') FROM cases WHERE parent_id = ? AND type = 'fse_user' ORDER BY id "
	    "DESC LIMIT 1", "i", student_case)) != DB_OK)
		return rc;
	if (res.nrows) {
		int st = case_state_parse(db_cell(&res, 0, 1));

		r->case_id = db_cell_int(&res, 0, 0, 0);
		r->state = st < 0 ? CASE_DRAFT : (enum case_state)st;
		r->version = (unsigned)db_cell_int(&res, 0, 2, 0);
		snprintf(r->at, sizeof(r->at), "%s", db_cell(&res, 0, 3));
	}
	db_result_free(&res);
	if (r->case_id == 0)
		return DB_OK;
	/* FSE's last word on it (a return's or a rejection's reason), and the id it approved. */
	if ((rc = db_exec(ctx->db, &res, "SELECT reason FROM case_events WHERE case_id = ? ORDER BY "
	    "id DESC LIMIT 1", "i", r->case_id)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(r->reason, sizeof(r->reason), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	if ((rc = db_exec(ctx->db, &res, "SELECT fse_id FROM fse_user_approvals WHERE "
	    "student_case_id = ?", "i", student_case)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(r->fse_id, sizeof(r->fse_id), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

/* FSE's mailbox is told a request has arrived (as for applications and proposals). */
static enum db_err
fse_mail(struct ctx *ctx, const struct stud *s, long long request, const char *fse_id)
{
	struct tmpl_dict *md;
	enum mail_err mrc;

	if ((md = tmpl_dict_new()) == NULL)
		return DB_ENOMEM;
	tmpl_set(md, "RESPONSIBLE", ctx->session.name);
	tmpl_set(md, "STUDENT", s->c.title);
	tmpl_set(md, "EMAIL", kvlist_value(&s->data, "email") ? kvlist_value(&s->data, "email") :
	    "");
	tmpl_set(md, "NUMBER", s->a.number);
	tmpl_set(md, "INSTITUTION", s->a.institution);
	if (fse_id[0])
		tmpl_set(tmpl_add_row(md, "HAS_ID"), "FSE_ID", fse_id);
	else
		tmpl_show(md, "NEW_USER");
	tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, request);
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
	    "Ny anmodning: godkend en specialestuderende som bruger", "fse_user_submitted", md,
	    "fse_user_submitted", NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("fse_user_submitted mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* POST /studerende/fse: id, sag, engangsnoegle, har_id (ja|nej), fse_bruger_id. */
int
stud_to_fse(struct ctx *ctx)
{
	const struct kvlist *in = &ctx->req->form;
	const char *has_id = kvlist_value(in, "har_id"), *fse_id = kvlist_value(in, "fse_bruger_id");
	struct stud_fse req;
	struct fielderr fe;
	enum cases_err crc;
	enum db_err rc;
	struct buf data;
	struct stud s;
	long long request;
	char path[128];
	int st, with_id;

	fielderr_init(&fe);
	with_id = student_fse_choice(ctx->cfg->fse_user_id_format, has_id, fse_id,
	    "den studerende", "den studerendes", "har_id", "fse_bruger_id", &fe) == 1;
	if (!with_id)
		fse_id = "";

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, ACT_STUDENT_TO_FSE, &s, 1)) != 0)
		return st;
	if ((rc = stud_fse_request(ctx, s.c.id, 1, &req)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	if (s.c.state != CASE_SUBMITTED || (req.case_id && req.state != CASE_RETURNED)) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", s.c.state != CASE_SUBMITTED ? "Den studerende kan "
		    "ikke sendes til Forskningsservice nu: sagen ligger ikke hos administratorerne." :
		    "Den studerende er allerede sendt til Forskningsservice.", NULL, 409);
		stud_free(&s);
		return st;
	}
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, NULL, NULL, &fe, 422);
		stud_free(&s);
		return st;
	}
	/* Sent twice (issue 12): one request, the page shows it. */
	if ((st = submitkey_claim(ctx, "student.fse")) != 0) {
		stud_free(&s);
		return st;
	}
	buf_init(&data, 64 * 1024);
	snprintf(path, sizeof(path), "%lld", s.c.id);
	if (form_encode_pair(&data, "navn", s.c.title) != 0 ||
	    form_encode_pair(&data, "email", kvlist_value(&s.data, "email")) != 0 ||
	    (fse_id[0] && form_encode_pair(&data, "fse_bruger_id", fse_id) != 0) ||
	    form_encode_pair(&data, "ny", with_id ? "0" : "1") != 0 ||
	    form_encode_pair(&data, "studerende", path) != 0) {
		buf_free(&data);
		stud_free(&s);
		return ctx_tx_error(ctx, DB_ENOMEM);
	}
	/* The row "one open request per student" rests on: every request writes it. */
	if ((rc = db_exec(ctx->db, NULL, "UPDATE cases SET updated_at = NOW(6) WHERE id = ?", "i",
	    s.c.id)) != DB_OK) {
		buf_free(&data);
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	if (req.case_id) {
		/* Sent back by FSE: the same request, corrected, goes again. */
		unsigned v = req.version;

		request = req.case_id;
		crc = cases_save(ctx->db, request, v, s.c.title, data.data, &v);
		if (crc == CASES_OK)
			crc = cases_move(ctx->db, request, v, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
			    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	} else if ((crc = cases_create(ctx->db, "fse_user", ctx_user(ctx), s.a.id, s.c.title,
	    data.data, &request)) == CASES_OK) {
		if (db_exec(ctx->db, NULL, "UPDATE cases SET parent_id = ? WHERE id = ?", "ii",
		    s.c.id, request) != DB_OK)
			crc = CASES_EDB;
		else
			crc = cases_move(ctx->db, request, 1, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
			    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	}
	buf_free(&data);
	if (crc != CASES_OK || (rc = fse_mail(ctx, &s, request, fse_id)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, crc == CASES_ECONFLICT ? DB_ERETRY : crc != CASES_OK ?
		    DB_EEXEC : rc);
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=fse", s.a.id, s.c.id);
	stud_free(&s);
	if ((rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}

/* GET /studerende/fse-bruger?id=&sag=: Mine sager's link to a request is its student's page. */
int
stud_fse_page(struct ctx *ctx)
{
	struct db_result res;
	struct stud_auth a;
	enum db_err rc;
	char path[128];
	long long parent = 0;
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_VIEW, &a, 0)) != 0)
		return st;
	if (stud_param(ctx, "sag") <= 0)
		return 400;
	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(parent_id, 0) FROM cases WHERE id = ? AND "
	    "type = 'fse_user' AND authorisation_id = ?", "ii", stud_param(ctx, "sag"), a.id)) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows)
		parent = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (parent <= 0)
		return 404;
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld", a.id, parent);
	return ctx_redirect(ctx, path);
}
