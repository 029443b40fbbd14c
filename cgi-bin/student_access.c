/*
 * student_access: the administrator gives the attached student access to one broad project
 * (R11, R15, R20), and can move the access to another project with a reason. A student has
 * access to exactly one project at a time: a unique key over the student's address while the
 * access is live, so a second grant is refused however it races. Granting invites the student
 * by mail to the student role with their institutional address (R6, R7); everything commits
 * together, with the audit entry.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "datefmt.h"
#include "form.h"
#include "invite.h"
#include "log.h"
#include "policy.h"
#include "studentaccess.h"
#include "submitkey.h"
#include "tmpl.h"

#define REASON_MAX	1000

enum db_err
stud_access_live(struct ctx *ctx, long long student_case, struct stud_access *out)
{
	struct db_result res;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_exec(ctx->db, &res, "SELECT s.id, s.project_case_id, p.number, p.title, "
	    "DATE_FORMAT(s.granted_at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.name, ''), "
	    "COALESCE(DATE_FORMAT(s.ends_on, '%Y-%m-%d'), '') FROM "
	    "student_access s JOIN projects p ON p.case_id = s.project_case_id LEFT JOIN users u "
	    "ON u.id = s.granted_by WHERE s.student_case_id = ? AND s.ended_at IS NULL", "i",
	    student_case)) != DB_OK)
		return rc;
	if (res.nrows) {
		out->id = db_cell_int(&res, 0, 0, 0);
		out->project.case_id = db_cell_int(&res, 0, 1, 0);
		snprintf(out->project.number, sizeof(out->project.number), "%s", db_cell(&res, 0, 2));
		snprintf(out->project.title, sizeof(out->project.title), "%s", db_cell(&res, 0, 3));
		snprintf(out->granted_at, sizeof(out->granted_at), "%s", db_cell(&res, 0, 4));
		snprintf(out->granted_by, sizeof(out->granted_by), "%s", db_cell(&res, 0, 5));
		snprintf(out->ends_on, sizeof(out->ends_on), "%s", db_cell(&res, 0, 6));
	}
	db_result_free(&res);
	return DB_OK;
}

/*
 * The live access to project p until ends_on (R11: the thesis period's end, from the case, or
 * the moved access's own); DB_EDUP when the student has one already (R20).
 */
static enum db_err
grant(struct ctx *ctx, const struct stud *s, const struct stud_project *p, const char *ends_on)
{
	const char *email = kvlist_value(&s->data, "email");
	char detail[128];
	enum db_err rc;

	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO student_access (student_case_id, "
	    "project_case_id, authorisation_id, student_email, granted_by, ends_on) VALUES (?, ?, "
	    "?, ?, ?, ?)", "iiisis", s->c.id, p->case_id, s->a.id, email ? email : "",
	    ctx_user(ctx), ends_on)) != DB_OK)
		return rc;
	snprintf(detail, sizeof(detail), "project %s", p->number);
	return audit_event(ctx->db, ctx_user(ctx), "student.access.grant", "case", s->c.id, 0,
	    ctx->req->remote_addr, detail);
}

/* R7: the student is invited to the student role, at their institutional address. */
static enum db_err
invite_student(struct ctx *ctx, const struct stud *s, const struct stud_project *p)
{
	struct tmpl_dict *md;
	struct invite in;
	enum db_err rc;

	if ((md = tmpl_dict_new()) == NULL)
		return DB_ENOMEM;
	tmpl_set(md, "PROJECT_NUMBER", p->number);
	tmpl_set(md, "PROJECT_TITLE", p->title);
	tmpl_set(md, "SUPERVISOR", s->supervisor);
	memset(&in, 0, sizeof(in));
	in.authorisation_id = s->a.id;
	in.email = kvlist_value(&s->data, "email");
	in.name = s->c.title;
	in.role = "student";
	in.invited_by = ctx_user(ctx);
	in.inviter = ctx->session.name;
	in.override_reason = "";	/* the address was checked on the domains (R6) */
	in.remote_addr = ctx->req->remote_addr;
	in.mail = "invitation_student";
	in.subject = "Du har fået adgang til data til dit speciale";
	in.md = md;
	rc = invite_create(ctx->db, ctx->cfg, &in, NULL);
	tmpl_dict_free(md);
	return rc;
}

/* POST /studerende/adgang: id, sag, engangsnoegle. */
int
stud_grant(struct ctx *ctx)
{
	struct stud_access live;
	struct stud_project p;
	enum db_err rc;
	struct stud s;
	char path[128];
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, ACT_STUDENT_ACCESS, &s, 1)) != 0)
		return st;
	if ((rc = stud_access_live(ctx, s.c.id, &live)) != DB_OK ||
	    (rc = stud_project(ctx, s.a.id, http_id(kvlist_value(&s.data, "projekt")), &p)) !=
	    DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	/* R10, R15: only a student FSE has approved as a user; R20: an approved project. */
	if (s.c.state != CASE_APPROVED || live.id || p.case_id == 0) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", live.id ? "Den studerende har allerede adgang til "
		    "projektet." : s.c.state != CASE_APPROVED ? "Den studerende kan først få adgang, "
		    "når Forskningsservice har godkendt den studerende som bruger." : "Projektet er "
		    "ikke længere godkendt. Vælg et andet under Flyt adgangen.", NULL, 409);
		stud_free(&s);
		return st;
	}
	if ((st = submitkey_claim(ctx, "student.access")) != 0) {
		stud_free(&s);
		return st;
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=adgang", s.a.id,
	    s.c.id);
	rc = grant(ctx, &s, &p, kvlist_value(&s.data, "periode_til"));
	if (rc == DB_EDUP) {
		/* R20: the same person has a live access under another case. */
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "error", "Den studerende har allerede adgang til et andet "
		    "projekt. En studerende kan kun have adgang til ét projekt ad gangen: flyt "
		    "adgangen fra det andet projekt, eller afslut den først.", NULL, 409);
		stud_free(&s);
		return st;
	}
	/* A student certified and agreed from an earlier thesis is active at once (R14, R15). */
	if (rc != DB_OK || (rc = invite_student(ctx, &s, &p)) != DB_OK ||
	    (rc = student_access_settle(ctx->db, ctx->cfg, s.c.id, ctx_user(ctx), ctx->req->remote_addr,
	    NULL)) != DB_OK || (rc = submitkey_done(ctx, path)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	stud_free(&s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}

/* POST /studerende/flyt: id, sag, projekt, begrundelse. An explicit change with a reason. */
int
stud_move(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	long long to = http_id(kvlist_value(&ctx->req->form, "projekt"));
	struct stud_access live;
	struct stud_project p;
	struct fielderr fe;
	struct db_result res;
	enum db_err rc;
	struct stud s;
	char path[128];
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, ACT_STUDENT_ACCESS, &s, 1)) != 0)
		return st;
	if ((rc = stud_access_live(ctx, s.c.id, &live)) != DB_OK ||
	    (rc = stud_project(ctx, s.a.id, to, &p)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	if (live.id == 0) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", "Den studerende har ikke adgang til et projekt, "
		    "der kan flyttes.", NULL, 409);
		stud_free(&s);
		return st;
	}
	fielderr_init(&fe);
	if (p.case_id == 0)
		fielderr_add(&fe, "flyt_projekt", "Vælg et af autorisationens godkendte projekter.");
	else if (p.case_id == live.project.case_id)
		fielderr_add(&fe, "flyt_projekt", "Den studerende har allerede adgang til det "
		    "projekt. Vælg et andet.");
	if (form_blank(reason))
		fielderr_add(&fe, "flyt_begrundelse", "Skriv, hvorfor den studerende skal flyttes til "
		    "et andet projekt.");
	else if (strlen(reason) > REASON_MAX)
		fielderr_add(&fe, "flyt_begrundelse", "Teksten er for lang: den må højst fylde 1000 "
		    "tegn.");
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, NULL, NULL, &fe, 422);
		stud_free(&s);
		return st;
	}
	/* The old access ends and the new one begins in one transaction (R20: one at a time). */
	if ((rc = db_exec(ctx->db, &res, "UPDATE student_access SET ended_at = NOW(6), ended_by = "
	    "?, end_reason = ?, end_cause = 'moved' WHERE id = ? AND ended_at IS NULL", "isi",
	    ctx_user(ctx), reason, live.id)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	db_result_free(&res);
	/* The new access keeps the period; it is active at once if the old one was (no second
	 * fee: the fee is once per student case). */
	if ((rc = grant(ctx, &s, &p, live.ends_on[0] ? live.ends_on :
	    kvlist_value(&s.data, "periode_til"))) != DB_OK || (rc = audit_event(ctx->db,
	    ctx_user(ctx), "student.access.move", "case", s.c.id, 0, ctx->req->remote_addr,
	    reason)) != DB_OK || (rc = student_access_settle(ctx->db, ctx->cfg, s.c.id, ctx_user(ctx),
	    ctx->req->remote_addr, NULL)) != DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=flyttet", s.a.id,
	    s.c.id);
	stud_free(&s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}
