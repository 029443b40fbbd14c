/*
 * student_self: the thesis student's own page (R7, R15), /studerende/mig?id=: their project,
 * their supervisor, the thesis period, the user agreement to accept (its text, and who accepted
 * which version when; a new version must be accepted again), and a checklist of what access
 * still waits for. A student sees their own case only: the one whose address is theirs, never
 * another student's.
 */
#include "studentcase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agreement.h"
#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "dmaccess.h"
#include "files.h"
#include "form.h"
#include "http_parse.h"
#include "log.h"
#include "policy.h"
#include "studentaccess.h"
#include "studentprogress.h"
#include "studenttimeline.h"
#include "tmpl.h"

/*
 * The student's own case on the authorisation: the newest student case whose address is the
 * user's, attached or on its way. *sag 0 when there is none.
 */
static enum db_err
own_case(struct ctx *ctx, long long auth, long long *sag)
{
	struct db_result res, me;
	struct kvlist kv;
	enum db_err rc;
	size_t i;

	*sag = 0;
	if ((rc = db_exec(ctx->db, &me, "SELECT email FROM users WHERE id = ?", "i",
	    ctx_user(ctx))) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT id, data FROM cases WHERE type = 'student' AND "
	    "authorisation_id = ? AND state IN ('submitted', 'approved') ORDER BY id DESC", "i",
	    auth)) != DB_OK) {
		db_result_free(&me);
		return rc;
	}
	for (i = 0; i < res.nrows && *sag == 0 && me.nrows; i++) {
		const char *email;

		kvlist_init(&kv);
		if (http_parse_urlencoded(db_cell(&res, i, 1), strlen(db_cell(&res, i, 1)), &kv) ==
		    HTTP_PARSE_OK && (email = kvlist_value(&kv, "email")) != NULL &&
		    strcasecmp(email, db_cell(&me, 0, 0)) == 0)
			*sag = db_cell_int(&res, i, 0, 0);
		kvlist_free(&kv);
	}
	db_result_free(&res);
	db_result_free(&me);
	return DB_OK;
}

static int
render(struct ctx *ctx, const char *notice, int status)
{
	struct stud_auth a;
	struct stud_access live;
	struct stud_fse req;
	struct user_agreement ag;
	struct tmpl_dict *d, *row;
	struct kvlist data;
	struct case_row c;
	enum db_err rc;
	long long sag;
	char when[64];
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_SELF, &a, 0)) != 0)
		return st;
	if ((rc = own_case(ctx, a.id, &sag)) != DB_OK || (rc = user_agreement_read(ctx->db, ctx_user(ctx), &ag)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/self.tpl", "Mit speciale")) == NULL) {
		user_agreement_free(&ag);
		return 500;
	}
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "INSTITUTION", a.institution);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	if (notice && strcmp(notice, "accepteret") == 0)
		tmpl_show(d, "NOTICE_ACCEPTED");
	if (sag == 0) {
		tmpl_show(d, "NO_CASE");
		user_agreement_free(&ag);
		return status;
	}
	kvlist_init(&data);
	if (cases_load(ctx->db, sag, 0, &c) != CASES_OK) {
		user_agreement_free(&ag);
		return ctx_db_error(ctx, DB_EEXEC);
	}
	if (http_parse_urlencoded(c.data, strlen(c.data), &data) != HTTP_PARSE_OK ||
	    (rc = stud_access_live(ctx, sag, &live)) != DB_OK ||
	    (rc = stud_fse_request(ctx, sag, 0, &req)) != DB_OK) {
		case_row_free(&c);
		kvlist_free(&data);
		user_agreement_free(&ag);
		return ctx_db_error(ctx, DB_EEXEC);
	}
	row = tmpl_add_row(d, "CASE");
	tmpl_set(row, "NAME", c.title);
	tmpl_set(row, "THESIS", kvlist_value(&data, "speciale_titel") ?
	    kvlist_value(&data, "speciale_titel") : "");
	{
		struct db_result res;

		if ((rc = db_exec(ctx->db, &res, "SELECT name FROM users WHERE id = ?", "i",
		    c.created_by)) == DB_OK) {
			tmpl_set(row, "SUPERVISOR", res.nrows ? db_cell(&res, 0, 0) : "");
			db_result_free(&res);
		}
	}
	datefmt_day(when, sizeof(when), kvlist_value(&data, "periode_fra"));
	tmpl_set(row, "FROM", when);
	/* The access's own end once there is one (an extension moves it), else the case's. */
	datefmt_day(when, sizeof(when), live.id && live.ends_on[0] ? live.ends_on :
	    kvlist_value(&data, "periode_til"));
	tmpl_set(row, "TO", when);
	if (live.id) {
		struct tmpl_dict *p = tmpl_add_row(row, "PROJECT");

		tmpl_set(p, "NUMBER", live.project.number);
		tmpl_set(p, "TITLE", live.project.title);
	} else
		tmpl_show(row, "NO_PROJECT");
	if (req.fse_id[0])
		tmpl_set(tmpl_add_row(row, "FSE_ID"), "ID", req.fse_id);

	/* R15: the agreement, and whether this version is accepted. */
	user_agreement_rows(d, &ag, ctx->session.name);

	/* What access still waits for (issue 13, item 8; the course and the fee: issue 14). */
	{
		struct student_progress prog;

		if ((rc = student_progress_read(ctx->db, sag, a.id, kvlist_value(&data, "email"),
		    &prog)) != DB_OK) {
			case_row_free(&c);
			kvlist_free(&data);
			user_agreement_free(&ag);
			return ctx_db_error(ctx, rc);
		}
		student_progress_rows(d, &prog, STUDENT_READER_SELF);
	}
	/* The period's end, how the access ended (R7's pointer after a pass), a sanction, and
	 * every step with who took it (R11). */
	if ((rc = stud_life_part(ctx, row, sag, a.id, NULL)) != DB_OK ||
	    (rc = student_timeline_rows(ctx->db, row, sag, kvlist_value(&data, "email"))) != DB_OK) {
		case_row_free(&c);
		kvlist_free(&data);
		user_agreement_free(&ag);
		return ctx_db_error(ctx, rc);
	}
	case_row_free(&c);
	kvlist_free(&data);
	user_agreement_free(&ag);
	return status;
}

/* GET /studerende/mig?id= */
int
stud_self(struct ctx *ctx)
{
	return render(ctx, kvlist_value(&ctx->req->query, "besked"), 200);
}

/* Every live access of the user (by their address) may now be active: a student's, or their
 * own as a datamanager (R11). */
static enum db_err
settle_own(struct ctx *ctx)
{
	struct db_result me;
	enum db_err rc = DB_OK;

	if ((rc = db_exec(ctx->db, &me, "SELECT email FROM users WHERE id = ?", "i",
	    ctx_user(ctx))) != DB_OK)
		return rc;
	if (me.nrows && (rc = student_access_settle_email(ctx->db, ctx->cfg, db_cell(&me, 0, 0),
	    ctx_user(ctx), ctx->req->remote_addr, NULL)) == DB_OK)
		rc = dm_access_settle_email(ctx->db, ctx->cfg, db_cell(&me, 0, 0), ctx_user(ctx),
		    ctx->req->remote_addr, NULL);
	db_result_free(&me);
	return rc;
}

/* POST /studerende/brugeraftale: id, version (the one the student read). */
int
stud_accept_agreement(struct ctx *ctx)
{
	long long version = stud_param(ctx, "version");
	enum agreement_outcome outcome;
	struct stud_auth a;
	enum db_err rc;
	char path[96];
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_SELF, &a, 0)) != 0)
		return st;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* R15: accepting may be the last thing the access waited for. */
	if ((rc = user_agreement_accept(ctx->db, ctx_user(ctx), version, ctx->req->remote_addr,
	    &outcome)) != DB_OK || (outcome == AGREEMENT_ACCEPTED && (rc = settle_own(ctx)) !=
	    DB_OK))
		return ctx_tx_error(ctx, rc);
	if (outcome == AGREEMENT_NOT_CURRENT) {
		db_rollback(ctx->db);
		return render(ctx, NULL, 409);
	}
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/studerende/mig?id=%lld&besked=accepteret", a.id);
	return ctx_redirect(ctx, path);
}

enum db_err
stud_own_case(struct ctx *ctx, long long auth, long long *sag)
{
	return own_case(ctx, auth, sag);
}
