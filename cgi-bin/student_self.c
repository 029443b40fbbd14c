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

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "files.h"
#include "form.h"
#include "http_parse.h"
#include "log.h"
#include "policy.h"
#include "studentaccess.h"
#include "studentprogress.h"
#include "studenttimeline.h"
#include "tmpl.h"

/* The current user agreement: its version (0: none published yet), and when uid accepted it. */
struct agreement {
	long long	version;
	char		*text;
	char		accepted_at[32];	/* "" when not accepted */
	long long	accepted_older;		/* the newest older version uid accepted; 0: none */
};

static enum db_err
agreement_of(struct ctx *ctx, struct agreement *a)
{
	struct db_result res;
	enum db_err rc;

	memset(a, 0, sizeof(*a));
	if ((rc = db_exec(ctx->db, &res, "SELECT a.id, a.text, COALESCE((SELECT DATE_FORMAT("
	    "x.accepted_at, '%Y-%m-%d %H:%i:%s') FROM user_agreement_acceptances x WHERE "
	    "x.agreement_id = a.id AND x.user_id = ?), ''), COALESCE((SELECT MAX(y.agreement_id) "
	    "FROM user_agreement_acceptances y WHERE y.user_id = ? AND y.agreement_id < a.id), 0) "
	    "FROM user_agreements a ORDER BY a.id DESC LIMIT 1", "ii", ctx_user(ctx),
	    ctx_user(ctx))) != DB_OK)
		return rc;
	if (res.nrows) {
		a->version = db_cell_int(&res, 0, 0, 0);
		a->text = strdup(db_cell(&res, 0, 1));
		snprintf(a->accepted_at, sizeof(a->accepted_at), "%s", db_cell(&res, 0, 2));
		a->accepted_older = db_cell_int(&res, 0, 3, 0);
	}
	db_result_free(&res);
	return a->version && a->text == NULL ? DB_ENOMEM : DB_OK;
}

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
	struct agreement ag;
	struct tmpl_dict *d, *row;
	struct kvlist data;
	struct case_row c;
	enum db_err rc;
	long long sag;
	char when[64];
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_SELF, &a, 0)) != 0)
		return st;
	if ((rc = own_case(ctx, a.id, &sag)) != DB_OK || (rc = agreement_of(ctx, &ag)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/self.tpl", "Mit speciale")) == NULL) {
		free(ag.text);
		return 500;
	}
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "INSTITUTION", a.institution);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	if (notice && strcmp(notice, "accepteret") == 0)
		tmpl_show(d, "NOTICE_ACCEPTED");
	if (sag == 0) {
		tmpl_show(d, "NO_CASE");
		free(ag.text);
		return status;
	}
	kvlist_init(&data);
	if (cases_load(ctx->db, sag, 0, &c) != CASES_OK) {
		free(ag.text);
		return ctx_db_error(ctx, DB_EEXEC);
	}
	if (http_parse_urlencoded(c.data, strlen(c.data), &data) != HTTP_PARSE_OK ||
	    (rc = stud_access_live(ctx, sag, &live)) != DB_OK ||
	    (rc = stud_fse_request(ctx, sag, 0, &req)) != DB_OK) {
		case_row_free(&c);
		kvlist_free(&data);
		free(ag.text);
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
	if (ag.version == 0)
		tmpl_show(d, "NO_AGREEMENT");
	else {
		struct tmpl_dict *g = tmpl_add_row(d, "AGREEMENT");

		tmpl_set_int(g, "VERSION", ag.version);
		tmpl_set(g, "TEXT", ag.text);
		if (ag.accepted_at[0]) {
			struct tmpl_dict *acc = tmpl_add_row(g, "ACCEPTED");

			datefmt_danish(when, sizeof(when), ag.accepted_at, DATEFMT_DATETIME);
			tmpl_set(acc, "AT", when);
			tmpl_set(acc, "BY", ctx->session.name);
		} else {
			struct tmpl_dict *form = tmpl_add_row(g, "ACCEPT");

			tmpl_set_int(form, "VERSION", ag.version);
			if (ag.accepted_older)
				tmpl_show(form, "CHANGED");	/* a new version: accept it again */
		}
	}

	/* What access still waits for (issue 13, item 8; the course and the fee: issue 14). */
	{
		struct student_progress prog;

		if ((rc = student_progress_read(ctx->db, sag, a.id, kvlist_value(&data, "email"),
		    &prog)) != DB_OK) {
			case_row_free(&c);
			kvlist_free(&data);
			free(ag.text);
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
		free(ag.text);
		return ctx_db_error(ctx, rc);
	}
	case_row_free(&c);
	kvlist_free(&data);
	free(ag.text);
	return status;
}

/* GET /studerende/mig?id= */
int
stud_self(struct ctx *ctx)
{
	return render(ctx, kvlist_value(&ctx->req->query, "besked"), 200);
}

/* Every live access of the user (by their address) may now be active. */
static enum db_err
settle_own(struct ctx *ctx)
{
	struct db_result me;
	enum db_err rc;

	if ((rc = db_exec(ctx->db, &me, "SELECT email FROM users WHERE id = ?", "i",
	    ctx_user(ctx))) != DB_OK)
		return rc;
	rc = me.nrows ? student_access_settle_email(ctx->db, ctx->cfg, db_cell(&me, 0, 0), ctx_user(ctx),
	    ctx->req->remote_addr, NULL) : DB_OK;
	db_result_free(&me);
	return rc;
}

/* POST /studerende/brugeraftale: id, version (the one the student read). */
int
stud_accept_agreement(struct ctx *ctx)
{
	long long version = stud_param(ctx, "version");
	struct stud_auth a;
	struct db_result res;
	enum db_err rc;
	char path[96], detail[64];
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_SELF, &a, 0)) != 0)
		return st;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Only the version the student read, and only while it is the current one. */
	if ((rc = db_exec(ctx->db, &res, "SELECT MAX(id) FROM user_agreements", "")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows == 0 || db_cell_int(&res, 0, 0, 0) != version || version <= 0) {
		db_result_free(&res);
		db_rollback(ctx->db);
		return render(ctx, NULL, 409);
	}
	db_result_free(&res);
	rc = db_exec(ctx->db, NULL, "INSERT INTO user_agreement_acceptances (agreement_id, user_id) "
	    "VALUES (?, ?)", "ii", version, ctx_user(ctx));
	if (rc == DB_EDUP) {
		db_rollback(ctx->db);	/* accepted already: the page says so */
		snprintf(path, sizeof(path), "/studerende/mig?id=%lld&besked=accepteret", a.id);
		return ctx_redirect(ctx, path);
	}
	snprintf(detail, sizeof(detail), "version %lld", version);
	/* R15: accepting may be the last thing the access waited for. */
	if (rc != DB_OK || (rc = audit_event(ctx->db, ctx_user(ctx), "agreement.accept",
	    "agreement", version, 0, ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = settle_own(ctx)) != DB_OK)
		return ctx_tx_error(ctx, rc);
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
