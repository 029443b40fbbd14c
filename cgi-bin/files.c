/*
 * files: the one download route for uploaded files (issue 10). GET /fil?id=N answers with the
 * file only to those the policy of what it belongs to lets read it (its purpose names the
 * action on its authorisation, lib/files.c); to anyone else it does not exist (404). Every
 * answer carries the file's real type (decided from its bytes at upload), nosniff and no-store;
 * images a page shows go inline, everything else (PDFs always) as an attachment, under the name
 * in RFC 6266 / RFC 5987 form. A read of a file that holds personal data is an audit event
 * (R33), written before the bytes go out.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "fcgi.h"
#include "filename.h"
#include "files.h"
#include "log.h"

static int
download(struct ctx *ctx)
{
	long long id = http_id(http_param(ctx->req, "id"));
	const struct files_kind *k;
	struct files_meta m;
	struct db_result res;
	struct buf disp;
	enum db_err rc;
	int st, attachment;

	if ((rc = files_get(ctx->db, id, &m)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* No such file: the same answer as a file of another institution. */
	if (m.id == 0) {
		ctx->authorised = 1;
		return 404;
	}
	k = &files_kinds[m.purpose];
	if ((st = auth_require(ctx, k->view, m.authorisation_id)) != 0)
		return st == 403 ? 404 : st;
	/* A case's file for one who may see only their own cases' (R13): theirs, or nothing. */
	if (k->view_all != ACT_UNSET && m.case_id && !auth_can(ctx, k->view_all,
	    m.authorisation_id)) {
		long long creator = 0;

		if ((rc = files_case_creator(ctx->db, m.case_id, &creator)) != DB_OK)
			return ctx_db_error(ctx, rc);
		if (creator != ctx_user(ctx))
			return 404;
	}
	if (k->personal && (rc = audit_event(ctx->db, ctx_user(ctx), "file.read", "file", m.id, 0,
	    ctx->req->remote_addr, k->name)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = files_content(ctx->db, m.id, &res)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows != 1 || res.lens == NULL) {
		db_result_free(&res);
		return 404;
	}
	/* Only an image of a kind that pages show goes inline; a PDF, or a stored type this
	 * build no longer accepts, is only ever a download. */
	attachment = !(k->show_inline && m.mime != NULL && strncmp(m.mime, "image/", 6) == 0);
	buf_init(&disp, 0);
	if (filename_disposition(&disp, attachment, m.name) != 0 ||
	    http_response_header(ctx->resp, "Content-Disposition", disp.data) != 0 ||
	    buf_append(&ctx->resp->body, db_cell(&res, 0, 0), res.lens[0]) != 0) {
		buf_free(&disp);
		db_result_free(&res);
		return 500;
	}
	buf_free(&disp);
	db_result_free(&res);
	ctx->resp->content_type = m.mime ? m.mime : "application/octet-stream";
	return 200;
}

static const struct route routes[] = {
	{ "GET", "/fil", download, ACT_FILE_READ },
};

int
main(int argc, char **argv)
{
	return fcgi_main("files", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
