/*
 * student_export_log: the authorisation's log of results taken home (issue 14; R13, R22, R33),
 * /studerende/hjemtagelse/log?id=, for the responsible, the administrators and FSE
 * (ACT_EXPORT_LOG). Every request, newest first: the student, who asked and when, the state,
 * who decided and when with the note or reason, the checklist version checked against, and the
 * released files with their sizes and SHA-256, so what left the platform can be matched byte
 * for byte. It names students: reading it is on record (R33).
 */
#include "studentexport.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "form.h"
#include "policy.h"
#include "tmpl.h"

#define LOG_ROWS	500	/* newest first; the page says when there are more */

int
stud_export_log(struct ctx *ctx)
{
	struct tmpl_dict *d, *row, *file;
	struct db_result res, rel;
	struct stud_auth a;
	enum db_err rc;
	char when[64], size[32];
	size_t i, j = 0;
	int st;

	if ((st = stud_auth_load(ctx, ACT_EXPORT_LOG, &a, 0)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, "SELECT r.id, c.title, u.name, DATE_FORMAT("
	    "r.requested_at, '%Y-%m-%d %H:%i:%s'), r.state, COALESCE(d.name, ''), "
	    "COALESCE(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i:%s'), ''), r.decision_note, "
	    "COALESCE(r.rules_version_id, 0), s.name, (SELECT COUNT(*) FROM export_request_files x "
	    "WHERE x.request_id = r.id) FROM export_requests r JOIN cases c ON c.id = "
	    "r.student_case_id JOIN users u ON u.id = r.requested_by JOIN users s ON s.id = "
	    "c.created_by LEFT JOIN users d ON d.id = r.decided_by WHERE r.authorisation_id = ? "
	    "ORDER BY r.id DESC LIMIT ?", "ii", a.id, (long long)LOG_ROWS + 1)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* The released files of the same requests, in the same order (newest request first). */
	if ((rc = db_exec(ctx->db, &rel, "SELECT x.request_id, x.name, x.size_bytes, x.sha256 FROM "
	    "export_released_files x JOIN export_requests r ON r.id = x.request_id WHERE "
	    "r.authorisation_id = ? AND r.id >= ? ORDER BY x.request_id DESC, x.id", "ii", a.id,
	    res.nrows ? db_cell_int(&res, res.nrows > LOG_ROWS ? LOG_ROWS - 1 : res.nrows - 1, 0,
	    0) : 0)) != DB_OK) {
		db_result_free(&res);
		return ctx_db_error(ctx, rc);
	}
	/* R33: the log names students and what they took home. */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "export.log.read", "authorisation", a.id, 0,
	    ctx->req->remote_addr, "")) != DB_OK) {
		db_result_free(&res);
		db_result_free(&rel);
		return ctx_db_error(ctx, rc);
	}
	if ((d = ctx_page(ctx, "student/export_log.tpl", "Log over hjemtagne resultater")) == NULL) {
		db_result_free(&res);
		db_result_free(&rel);
		return 500;
	}
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "NUMBER", a.number);
	tmpl_set(d, "INSTITUTION", a.institution);
	for (i = 0; i < res.nrows && i < LOG_ROWS; i++) {
		long long id = db_cell_int(&res, i, 0, 0);
		const char *state = db_cell(&res, i, 4);

		row = tmpl_add_row(d, "REQUEST");
		tmpl_set_int(row, "REQUEST_ID", id);
		tmpl_set(row, "STUDENT", db_cell(&res, i, 1));
		tmpl_set(row, "ASKED_BY", db_cell(&res, i, 2));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 3), DATEFMT_DATETIME);
		tmpl_set(row, "ASKED_AT", when);
		tmpl_set(row, "STATE_LABEL", exp_state_label(state));
		tmpl_set(row, "SUPERVISOR", db_cell(&res, i, 9));
		tmpl_set(row, "FILES", db_cell(&res, i, 10));
		if (strcmp(state, "requested") == 0)
			tmpl_show(row, "UNDECIDED");
		else {
			struct tmpl_dict *dec = tmpl_add_row(row, "DECIDED");

			tmpl_set(dec, "BY", db_cell(&res, i, 5));
			datefmt_danish(when, sizeof(when), db_cell(&res, i, 6), DATEFMT_DATETIME);
			tmpl_set(dec, "AT", when);
			if (!form_blank(db_cell(&res, i, 7)))
				tmpl_set(tmpl_add_row(dec, strcmp(state, "approved") == 0 ? "NOTE" :
				    "REASON"), "TEXT", db_cell(&res, i, 7));
			if (db_cell_int(&res, i, 8, 0))
				tmpl_set(tmpl_add_row(dec, "RULES"), "VERSION", db_cell(&res, i, 8));
		}
		/* Both lists run newest request first: walk the files alongside. */
		while (j < rel.nrows && db_cell_int(&rel, j, 0, 0) > id)
			j++;
		for (; j < rel.nrows && db_cell_int(&rel, j, 0, 0) == id; j++) {
			file = tmpl_add_row(row, "RELEASED");
			tmpl_set(file, "NAME", db_cell(&rel, j, 1));
			form_size_text((size_t)db_cell_int(&rel, j, 2, 0), size, sizeof(size));
			tmpl_set(file, "SIZE", size);
			tmpl_set(file, "SIZE_BYTES", db_cell(&rel, j, 2));
			tmpl_set(file, "SHA256", db_cell(&rel, j, 3));
		}
	}
	tmpl_show(d, res.nrows ? "HAS_REQUESTS" : "NO_REQUESTS");
	if (res.nrows > LOG_ROWS)
		tmpl_set_int(tmpl_add_row(d, "MORE"), "SHOWN", LOG_ROWS);
	db_result_free(&res);
	db_result_free(&rel);
	return 200;
}
