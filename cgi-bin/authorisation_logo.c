/*
 * The institution's logo (issue 10; R26: Annex 1 carries the institution's or university's
 * logo). The responsible uploads it, PNG or JPEG by its bytes, within a size and a pixel cap;
 * a new upload replaces the old one, and the history keeps both. Everyone on the authorisation
 * and FSE see it. The file is checked by the form layer's file field (lib/formfile.c) and
 * stored by lib/files; /fil serves it.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "authorisation.h"
#include "caps.h"
#include "datefmt.h"
#include "db.h"
#include "files.h"
#include "form.h"
#include "log.h"
#include "page.h"
#include "submitkey.h"

enum { L_ID, L_LOGO, L__MAX };

static const struct form_field logo_fields[L__MAX] = {
	[L_ID] = { "id", form_int, 1, 1, 999999999999999LL, NULL, NULL },
	[L_LOGO] = { "logo", form_file_field, 1, FILES_LOGO_MAX_SIDE, FILES_LOGO_MAX_BYTES,
	    files_image_types, "Vælg den fil med logoet, du vil uploade." },
};

/* How many earlier logos the page lists. */
#define LOGO_HISTORY_MAX	20

static void
file_facts(struct tmpl_dict *row, const struct files_meta *m)
{
	char when[64], size[32];

	datefmt_danish(when, sizeof(when), m->uploaded_at, DATEFMT_DATETIME);
	form_size_text((size_t)m->size, size, sizeof(size));
	tmpl_set_int(row, "FILE_ID", m->id);
	tmpl_set(row, "NAME", m->name);
	tmpl_set(row, "UPLOADED_AT", when);
	tmpl_set(row, "UPLOADER", m->uploader[0] ? m->uploader : "en tidligere bruger");
	tmpl_set(row, "SIZE", size);
	tmpl_set_int(row, "WIDTH", m->width);
	tmpl_set_int(row, "HEIGHT", m->height);
}

int
logo_show(struct ctx *ctx, struct tmpl_dict *d, long long id)
{
	struct files_meta m;
	enum db_err rc;

	if ((rc = files_current(ctx->db, FILES_LOGO, id, 0, &m)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (m.id)
		file_facts(tmpl_add_row(d, "LOGO"), &m);
	else
		tmpl_show(d, "NO_LOGO");
	return 0;
}

static int
logo_render(struct ctx *ctx, long long id, const struct form *f, const char *refusal,
    int status)
{
	static struct files_meta history[LOGO_HISTORY_MAX];
	struct tmpl_dict *d, *form;
	struct db_result res;
	enum db_err rc;
	size_t i, n;
	int st, can_upload = auth_can(ctx, ACT_LOGO_UPLOAD, id);

	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		return 404;
	}
	if ((d = ctx_page(ctx, "authorisation/logo.tpl", "Institutionens logo")) != NULL)
		submitkey_put(ctx, d);	/* one upload per form, however often sent */
	if (d == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "NUMBER", db_cell(&res, 0, 0));
	tmpl_set(d, "INSTITUTION", db_cell(&res, 0, 1));
	db_result_free(&res);
	if (refusal)
		page_cap_refused(d, refusal);
	if ((st = logo_show(ctx, d, id)) != 0)
		return st;
	if (!can_upload)
		tmpl_show(d, "ASK_RESPONSIBLE");
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "gemt") == 0)
			tmpl_show(d, "NOTICE_SAVED");
	}
	if ((rc = files_history(ctx->db, FILES_LOGO, id, 0, history, LOGO_HISTORY_MAX, &n)) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	tmpl_show(d, n > 1 ? "HAS_HISTORY" : "NO_HISTORY");
	for (i = 0; n > 1 && i < n; i++) {
		struct tmpl_dict *row = tmpl_add_row(d, "OLD");

		file_facts(row, &history[i]);
		tmpl_show(row, history[i].current ? "CURRENT" : "REPLACED");
	}
	if (can_upload) {
		char size[32];

		form = tmpl_add_row(d, "UPLOAD");
		tmpl_set(form, "CSRF", ctx->session.csrf);
		tmpl_set_int(form, "ID", id);
		form_size_text(FILES_LOGO_MAX_BYTES, size, sizeof(size));
		tmpl_set(form, "MAX_SIZE", size);
		tmpl_set_int(form, "MAX_SIDE", FILES_LOGO_MAX_SIDE);
	}
	if (f)
		page_form_errors(d, f, NULL, NULL);
	return status;
}

int
logo_page(struct ctx *ctx)
{
	long long id = http_id(http_param(ctx->req, "id"));
	int st;

	if ((st = auth_require(ctx, ACT_AUTH_VIEW, id)) != 0)
		return st;
	return logo_render(ctx, id, NULL, NULL, 200);
}

int
logo_submit(struct ctx *ctx)
{
	long long id = http_id(http_param(ctx->req, "id")), file_id = 0;
	const struct kv *part;
	struct form f;
	enum db_err rc = DB_OK;
	char path[96], detail[160], msg[CAPS_MESSAGE_MAX];
	int st;

	if ((st = auth_require(ctx, ACT_LOGO_UPLOAD, id)) != 0)
		return st;
	if (form_read(&f, logo_fields, L__MAX, &ctx->req->form) != 0)
		return logo_render(ctx, id, &f, NULL, 422);
	part = kvlist_get(&ctx->req->form, "logo");
	snprintf(detail, sizeof(detail), "%s sha256 %.16s", f.v[L_LOGO].file->type,
	    f.v[L_LOGO].file->sha256);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Sent twice (issue 12): one upload, the page shows it. */
	if ((st = submitkey_claim(ctx, "logo.upload")) != 0)
		return st;
	/* Issue 16: the person's bytes of the day and the authorisation's stored bytes. */
	if ((st = caps_gate_upload(ctx, id, 0, part->value_len, msg, sizeof(msg))) != 0)
		return st == 429 ? logo_render(ctx, id, NULL, msg, 429) : st;
	snprintf(path, sizeof(path), "/autorisation/logo?id=%lld&besked=gemt", id);
	if ((rc = files_store(ctx->db, FILES_LOGO, id, 0, ctx_user(ctx), part->value,
	    part->value_len, f.v[L_LOGO].file, &file_id)) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "authorisation.logo", "authorisation",
	    id, 0, ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = submitkey_done(ctx, path)) != DB_OK)
		/* Another upload of the logo took the current place first (the unique key
		 * files_current carries "one current logo"): the accept loop runs ours again,
		 * whole, and it then replaces that one. */
		return ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("logo %lld uploaded on authorisation %lld", file_id, id);
	return ctx_redirect(ctx, path);
}
