/*
 * application_list: Mine sager (R32), the user's own cases of every kind in the registry
 * (lib/casekind.h) with FSE's last word, what waits for them and where, and the proposals that
 * wait for their signature.
 */
#include "application.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "casefsm.h"
#include "casekind.h"
#include "clock.h"
#include "datefmt.h"
#include "page.h"
#include "policy.h"
#include "submitkey.h"

/* ---- Mine sager (R32) ----------------------------------------------------------------------- */

static int
list_page(struct ctx *ctx, const char *refusal)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	size_t i, own, to_sign, in_roles = 0;
	unsigned global, object, any;
	char today[CLOCK_DATE_LEN], soon[CLOCK_DATE_LEN];

	clock_today(today);
	if (clock_add_days(today, 30, soon) != 0)
		snprintf(soon, sizeof(soon), "%s", today);

	/* The user's own cases of every type, with FSE's last word on a returned or rejected one. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.type, c.title, c.state, "
	    "DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i:%s'), COALESCE(c.authorisation_id, 0), "
	    "COALESCE((SELECT e.reason FROM case_events e WHERE e.case_id = c.id AND e.to_state IN "
	    "('returned', 'rejected') AND c.state IN ('returned', 'rejected') ORDER BY e.id DESC "
	    "LIMIT 1), '') FROM cases c WHERE c.created_by = ? ORDER BY c.updated_at DESC, c.id DESC",
	    "i", ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "application/list.tpl", "Mine sager")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set(d, "CSRF", ctx->session.csrf);
	submitkey_put(ctx, d);	/* "Start en ny ansøgning" makes one draft however often sent */
	if (refusal)
		page_cap_refused(d, refusal);
	tmpl_set_int(d, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "sendt") == 0)
			tmpl_show(d, "SENT");
		else if (b && strcmp(b, "trukket") == 0)
			tmpl_show(d, "WITHDRAWN");
	}
	for (i = 0; i < res.nrows; i++) {
		int st = case_state_parse(db_cell(&res, i, 3));
		const struct casekind *k = casekind_of(db_cell(&res, i, 1));
		char when[48];

		row = tmpl_add_row(d, "CASE");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "TYPE", casekind_label(db_cell(&res, i, 1)));
		tmpl_set(row, "TITLE", db_cell(&res, i, 2));
		tmpl_set(row, "STATE", st < 0 ? db_cell(&res, i, 3) :
		    case_state_label((enum case_state)st));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 4), DATEFMT_DATETIME);
		tmpl_set(row, "CHANGED", when);
		if (db_cell(&res, i, 6)[0])
			tmpl_set(tmpl_add_row(row, "FSE_NOTE"), "TEXT", db_cell(&res, i, 6));
		/* R32: what waits for the user, on the page of the kind's creator. */
		if (k && (st == CASE_DRAFT || st == CASE_RETURNED)) {
			struct tmpl_dict *todo = tmpl_add_row(row, "TODO");
			char href[128];

			k->creator_page(db_cell_int(&res, i, 0, 0), db_cell_int(&res, i, 5, 0), href,
			    sizeof(href));
			tmpl_set(todo, "HREF", href);
			tmpl_set(todo, "ID", db_cell(&res, i, 0));
			tmpl_set(todo, "TEXT", st == CASE_DRAFT ? k->todo_draft : k->todo_returned);
		} else
			tmpl_show(row, "NOTHING");
		if (k && k->withdraw_path && (st == CASE_DRAFT || st == CASE_RETURNED ||
		    st == CASE_SUBMITTED)) {
			struct tmpl_dict *w = tmpl_add_row(row, "WITHDRAW");

			tmpl_set(w, "PATH", k->withdraw_path);
			tmpl_set(w, "ID", db_cell(&res, i, 0));
		}
	}
	own = res.nrows;
	if (res.nrows)
		tmpl_show(d, "HAS_ANY");
	db_result_free(&res);

	/* R12, R32: proposals that wait for this user's signature as a signer. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, c.authorisation_id, "
	    "COALESCE(a.number, '-') FROM cases c JOIN authorisations a ON a.id = "
	    "c.authorisation_id JOIN role_assignments r ON r.authorisation_id = c.authorisation_id "
	    "AND r.user_id = ? AND r.role = 'signer' AND r.revoked_at IS NULL WHERE c.type = "
	    "'project' AND c.state IN ('draft', 'returned') AND NOT EXISTS (SELECT 1 FROM "
	    "proposal_signatures s WHERE s.case_id = c.id AND s.voided_at IS NULL) AND EXISTS "
	    "(SELECT 1 FROM audit_events v WHERE v.object_type = 'case' AND v.object_id = c.id AND "
	    "v.action = 'proposal.signature.request') ORDER BY c.updated_at", "i",
	    ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "TO_SIGN");
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "AUTH", db_cell(&res, i, 2));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 3));
	}
	if (res.nrows)
		tmpl_show(d, "HAS_TO_SIGN");
	to_sign = res.nrows;
	db_result_free(&res);

	/* R10, R13, R32: thesis students a supervisor sent, to this user as an administrator (to
	 * attach) or as the responsible (to send to FSE); not while FSE has them. */
	if ((rc = db_exec(ctx->db, &res, "SELECT DISTINCT c.id, c.title, c.authorisation_id, "
	    "COALESCE(a.number, '-'), u.name, c.submitted_at FROM cases c JOIN authorisations a ON "
	    "a.id = c.authorisation_id JOIN users u ON u.id = c.created_by JOIN role_assignments r ON "
	    "r.authorisation_id = c.authorisation_id AND r.user_id = ? AND r.role IN "
	    "('administrator', 'responsible') AND r.revoked_at IS NULL WHERE c.type = 'student' AND "
	    "c.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM cases f WHERE f.parent_id = c.id "
	    "AND f.type = 'fse_user' AND f.state = 'submitted') ORDER BY c.submitted_at, c.id", "i",
	    ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "TO_ATTACH");
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "AUTH", db_cell(&res, i, 2));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 3));
		tmpl_set(row, "SUPERVISOR", db_cell(&res, i, 4));
	}
	if (res.nrows)
		tmpl_show(d, "HAS_TO_ATTACH");
	to_sign += res.nrows;	/* something waits for the user */
	db_result_free(&res);

	/* R13, R22, R32: results a student asked this supervisor to take home. */
	if ((rc = db_exec(ctx->db, &res, "SELECT x.id, c.title, c.authorisation_id, "
	    "COALESCE(a.number, '-'), DATE_FORMAT(x.requested_at, '%Y-%m-%d %H:%i:%s') FROM "
	    "export_requests x JOIN cases c ON c.id = x.student_case_id JOIN authorisations a ON "
	    "a.id = c.authorisation_id JOIN role_assignments r ON r.authorisation_id = "
	    "c.authorisation_id AND r.user_id = c.created_by AND r.role = 'supervisor' AND "
	    "r.revoked_at IS NULL WHERE c.created_by = ? AND x.state = 'requested' ORDER BY "
	    "x.requested_at, x.id", "i", ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		char when[64];

		row = tmpl_add_row(d, "TO_EXPORT");
		tmpl_set(row, "REQUEST", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "AUTH", db_cell(&res, i, 2));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 3));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 4), DATEFMT_DATE);
		tmpl_set(row, "AT", when);
	}
	if (res.nrows)
		tmpl_show(d, "HAS_TO_EXPORT");
	to_sign += res.nrows;
	db_result_free(&res);

	/* R11, R32: the thesis periods that end within 30 days, for the student's supervisor and
	 * the authorisation's administrators (who extend or end them). */
	if ((rc = db_exec(ctx->db, &res, "SELECT DISTINCT c.id, c.title, c.authorisation_id, "
	    "COALESCE(a.number, '-'), DATE_FORMAT(s.ends_on, '%Y-%m-%d') FROM student_access s JOIN "
	    "cases c ON c.id = s.student_case_id JOIN authorisations a ON a.id = c.authorisation_id "
	    "LEFT JOIN role_assignments r ON r.authorisation_id = c.authorisation_id AND r.user_id = "
	    "? AND r.role = 'administrator' AND r.revoked_at IS NULL WHERE s.ended_at IS NULL AND "
	    "s.ends_on <= ? AND (c.created_by = ? OR r.id IS NOT NULL) ORDER BY 5, c.id", "isi",
	    ctx_user(ctx), soon, ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		char when[64];

		row = tmpl_add_row(d, "ENDING");
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "AUTH", db_cell(&res, i, 2));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 3));
		datefmt_day(when, sizeof(when), db_cell(&res, i, 4));
		tmpl_set(row, "ENDS", when);
	}
	if (res.nrows)
		tmpl_show(d, "HAS_ENDING");
	db_result_free(&res);

	/*
	 * What concerns the user in their roles (issue 11): the proposals in progress on the
	 * authorisations where a role of theirs may see them (the policy's project.view), other
	 * people's, since their own are above.
	 */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, c.state, c.authorisation_id, "
	    "COALESCE(a.number, '-'), r.role, DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i:%s') FROM "
	    "cases c JOIN authorisations a ON a.id = c.authorisation_id JOIN role_assignments r ON "
	    "r.authorisation_id = c.authorisation_id AND r.user_id = ? AND r.revoked_at IS NULL "
	    "WHERE c.type = 'project' AND c.created_by <> ? AND c.state IN ('draft', 'submitted', "
	    "'returned') ORDER BY c.updated_at DESC, c.id", "ii", ctx_user(ctx), ctx_user(ctx))) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	{
		long long last = 0;

		for (i = 0; i < res.nrows; i++) {
			int role = role_parse(db_cell(&res, i, 5)), st;
			char when[48];

			if (role < 0 || !(policy_rules[ACT_PROJECT_VIEW].roles & ROLE_BIT(role)) ||
			    db_cell_int(&res, i, 0, 0) == last)
				continue;	/* one row per case, whichever role shows it */
			last = db_cell_int(&res, i, 0, 0);
			st = case_state_parse(db_cell(&res, i, 2));
			row = tmpl_add_row(d, "ROLE_CASE");
			tmpl_set(row, "SAG", db_cell(&res, i, 0));
			tmpl_set(row, "TITLE", db_cell(&res, i, 1)[0] ? db_cell(&res, i, 1) :
			    "Projektindstilling uden titel");
			tmpl_set(row, "STATE", st < 0 ? "" : case_state_label((enum case_state)st));
			tmpl_set(row, "AUTH", db_cell(&res, i, 3));
			tmpl_set(row, "NUMBER", db_cell(&res, i, 4));
			datefmt_danish(when, sizeof(when), db_cell(&res, i, 6), DATEFMT_DATETIME);
			tmpl_set(row, "CHANGED", when);
			in_roles++;
		}
	}
	if (in_roles)
		tmpl_show(d, "HAS_ROLE_CASES");
	db_result_free(&res);

	/* Someone who holds a role came for that, not to apply: applying is then a side road. */
	if ((rc = auth_roles(ctx->db, ctx_user(ctx), 0, &global, &object, &any)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (!own && !to_sign && !in_roles)
		tmpl_show(d, any ? "NONE_IN_ROLES" : "NONE");
	tmpl_show(d, any ? "APPLY_SECONDARY" : "APPLY_PRIMARY");
	return refusal ? 429 : 200;
}

int
app_list_page(struct ctx *ctx)
{
	return list_page(ctx, NULL);
}

int
app_list_refused(struct ctx *ctx, const char *message)
{
	return list_page(ctx, message);
}

