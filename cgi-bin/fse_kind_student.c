/*
 * fse_kind_student: a thesis student's case as FSE reads it (issue 13; R13, R20, R27). The
 * administrators of the authorisation take the case on, not FSE (the registry says so:
 * fse_decides is 0, so it waits in no FSE queue and its page has no decision); FSE sees it with
 * the approved project it names and the signed Annex 1, and can open the PDF. FSE's own part,
 * approving the student as a user, is a case of its own.
 */
#include <stdio.h>
#include <string.h>

#include "datefmt.h"
#include "files.h"
#include "fse_cases.h"
#include "http_parse.h"
#include "student.h"
#include "studentprogress.h"
#include "studenttimeline.h"

static void
field_label(const char *name, char *out, size_t n)
{
	snprintf(out, n, "%s", student_label(name));
}

/* R20: the project by its FSE number and title, not the case id the form stores. */
static enum db_err
field_value(struct ctx *ctx, const char *name, const char *value, char *out, size_t n)
{
	struct db_result res;
	enum db_err rc;

	snprintf(out, n, "%s", value);
	if (strcmp(name, "projekt") != 0)
		return DB_OK;
	if ((rc = db_exec(ctx->db, &res, "SELECT number, title FROM projects WHERE case_id = ?", "i",
	    http_id(value))) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(out, n, "%s %s", db_cell(&res, 0, 0), db_cell(&res, 0, 1));
	db_result_free(&res);
	return DB_OK;
}

static enum db_err
render(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	struct tmpl_dict *row = tmpl_add_row(d, "STUDENT"), *a;
	char number[48], inst[256], when[64];
	struct files_meta m;
	struct db_result res;
	enum db_err rc;

	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) != DB_OK)
		return rc;
	tmpl_set(row, "NUMBER", number);
	tmpl_set(row, "INSTITUTION", inst);
	/* On its own page, who decides it; drawn inside an FSE user request (data NULL), FSE does. */
	if (data)
		tmpl_show(row, "WHO_DECIDES");
	/* What the student's access waits for, as the institution sees it (issue 13, item 9). */
	{
		struct student_progress prog;
		struct kvlist own;
		const struct kvlist *form = data;

		/* Drawn inside an FSE user request, the student case's own form is read here. */
		kvlist_init(&own);
		if (form == NULL && http_parse_urlencoded(c->data, strlen(c->data), &own) ==
		    HTTP_PARSE_OK)
			form = &own;
		rc = student_progress_read(ctx->db, c->id, c->authorisation_id,
		    form ? kvlist_value(form, "email") : NULL, &prog);
		/* Every step of the access, with who took it, as the institution sees it. */
		if (rc == DB_OK)
			rc = student_timeline_rows(ctx->db, row, c->id, form ?
			    kvlist_value(form, "email") : NULL);
		kvlist_free(&own);
		if (rc != DB_OK)
			return rc;
		student_progress_rows(row, &prog, STUDENT_READER_STAFF);
	}
	if ((rc = files_current(ctx->db, FILES_ANNEX1, c->authorisation_id, c->id, &m)) != DB_OK)
		return rc;
	if (m.id == 0) {
		tmpl_show(row, "NO_ANNEX1");
		return DB_OK;
	}
	a = tmpl_add_row(row, "ANNEX1");
	tmpl_set_int(a, "FILE_ID", m.id);
	tmpl_set(a, "NAME", m.name);
	datefmt_danish(when, sizeof(when), m.uploaded_at, DATEFMT_DATETIME);
	tmpl_set(a, "AT", when);
	tmpl_set(a, "BY", m.uploader[0] ? m.uploader : "en tidligere bruger");
	if ((rc = db_exec(ctx->db, &res, "SELECT signer, verdict = 'matches' AND whole_file FROM "
	    "file_signatures WHERE file_id = ?", "i", m.id)) != DB_OK)
		return rc;
	if (res.nrows) {
		struct tmpl_dict *s = tmpl_add_row(a, "DIGITAL");

		tmpl_set(s, "SIGNER", db_cell(&res, 0, 0)[0] ? db_cell(&res, 0, 0) : "(intet navn)");
		tmpl_set(s, "VERDICT", db_cell_int(&res, 0, 1, 0) ? "underskriften passer til "
		    "dokumentet" : "dokumentet er ændret efter underskriften, eller den kan ikke "
		    "kontrolleres");
	} else
		tmpl_show(a, "SCAN");
	db_result_free(&res);
	return DB_OK;
}

const struct fse_kind fse_kind_student = {
	.type = "student",
	.field_label = field_label,
	.field_value = field_value,
	.origin = fse_origin_authorisation,
	.render = render,
	/* Never called: FSE does not decide a student case (casekind: fse_decides = 0). */
	.approve = NULL,
	.notify = NULL,
	.approve_text = "",
	.preview = NULL,
};
