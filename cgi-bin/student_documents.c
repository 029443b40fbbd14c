/*
 * student_documents: the authorisation's documents (R27, R33), /studerende/dokumenter. The folder
 * Work/Forskningshøjde/ holds each student's signed Annex 1 as "<FSE project number> <student
 * name>.pdf"; the responsible, the administrators and FSE see every student's, a supervisor
 * their own students' (R13). Each file downloads through /fil (an audited read); the folder
 * downloads as one zip, every file in it an audited read too, written before the bytes go out.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "datefmt.h"
#include "filename.h"
#include "files.h"
#include "log.h"
#include "policy.h"
#include "tmpl.h"
#include "zipfile.h"

#define FOLDER	"Work/Forskningshøjde/"

/* The current signed Annex 1 of every student case this user may see, by name. */
static enum db_err
folder(struct ctx *ctx, long long auth, struct db_result *res)
{
	long long all = auth_can(ctx, ACT_STUDENT_VIEW_ALL, auth);

	return db_exec(ctx->db, res, "SELECT f.id, f.name, f.size_bytes, DATE_FORMAT("
	    "f.uploaded_at, '%Y-%m-%d %H:%i:%s'), c.title, UNIX_TIMESTAMP(f.uploaded_at) FROM files "
	    "f JOIN cases c ON c.id = f.case_id WHERE f.purpose = 'annex1' AND f.is_current = 1 AND "
	    "f.authorisation_id = ? AND c.type = 'student' AND (? OR c.created_by = ?) ORDER BY "
	    "f.name, f.id", "iii", auth, all, ctx_user(ctx));
}

/* GET /studerende/dokumenter?id= */
int
stud_documents(struct ctx *ctx)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	struct stud_auth a;
	enum db_err rc;
	char when[64], size[32];
	size_t i;
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_VIEW, &a, 0)) != 0)
		return st;
	if ((rc = folder(ctx, a.id, &res)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/documents.tpl", "Dokumenter")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "NUMBER", a.number);
	tmpl_set(d, "INSTITUTION", a.institution);
	tmpl_set(d, "FOLDER", FOLDER);
	tmpl_show(d, auth_can(ctx, ACT_STUDENT_VIEW_ALL, a.id) ? "ALL" : "OWN");
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "FILE");
		tmpl_set(row, "FILE_ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		form_size_text((size_t)db_cell_int(&res, i, 2, 0), size, sizeof(size));
		tmpl_set(row, "SIZE", size);
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 3), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
	}
	tmpl_show(d, res.nrows ? "HAS_FILES" : "EMPTY");
	db_result_free(&res);
	return 200;
}

/* GET /studerende/dokumenter/zip?id=: the folder as one zip. */
int
stud_documents_zip(struct ctx *ctx)
{
	struct db_result res, bytes;
	struct zipfile z;
	struct stud_auth a;
	struct buf disp, zbuf;
	enum zipfile_err zrc = ZIPFILE_OK;
	enum db_err rc;
	char name[ZIPFILE_MAX_NAME], zipname[128];
	size_t i;
	int st;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_VIEW, &a, 0)) != 0)
		return st;
	if ((rc = folder(ctx, a.id, &res)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* R33: every file the zip holds is a read of personal data, on record first. */
	for (i = 0; i < res.nrows; i++)
		if ((rc = audit_event(ctx->db, ctx_user(ctx), "file.read", "file",
		    db_cell_int(&res, i, 0, 0), 0, ctx->req->remote_addr, "annex1 (zip)")) != DB_OK) {
			db_result_free(&res);
			return ctx_db_error(ctx, rc);
		}
	/* Made whole aside: a failure half-way leaves no half zip in the answer. */
	buf_init(&zbuf, 0);
	zipfile_begin(&z, &zbuf);
	for (i = 0; i < res.nrows && zrc == ZIPFILE_OK; i++) {
		if ((rc = files_content(ctx->db, db_cell_int(&res, i, 0, 0), &bytes)) != DB_OK) {
			zipfile_free(&z);
			buf_free(&zbuf);
			db_result_free(&res);
			return ctx_db_error(ctx, rc);
		}
		snprintf(name, sizeof(name), "%s%s", FOLDER, db_cell(&res, i, 1));
		if (bytes.nrows == 1 && bytes.lens)
			zrc = zipfile_add(&z, name, db_cell(&bytes, 0, 0), bytes.lens[0],
			    (time_t)db_cell_int(&res, i, 5, 0));
		db_result_free(&bytes);
	}
	db_result_free(&res);
	if (zrc == ZIPFILE_OK)
		zrc = zipfile_finish(&z);
	zipfile_free(&z);
	if (zrc != ZIPFILE_OK || buf_append(&ctx->resp->body, zbuf.data, zbuf.len) != 0) {
		log_error("documents zip of authorisation %lld: %s", a.id, zipfile_strerror(zrc));
		buf_free(&zbuf);
		return 500;
	}
	buf_free(&zbuf);
	snprintf(zipname, sizeof(zipname), "Forskningshøjde %s.zip", a.number);
	buf_init(&disp, 0);
	if (filename_disposition(&disp, 1, zipname) != 0 ||
	    http_response_header(ctx->resp, "Content-Disposition", disp.data) != 0) {
		buf_free(&disp);
		return 500;
	}
	buf_free(&disp);
	ctx->resp->content_type = "application/zip";
	return 200;
}
