/*
 * ctx: the request context a handler works with (see ctx.h): its session, loaded on first use,
 * the answers every handler gives the same way (a database error, a redirect, the login page),
 * and the page a handler builds, rendered once it has returned.
 */
#include "ctx.h"

#include <stdio.h>
#include <string.h>

#include "caps.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "submitkey.h"

static const struct {
	int		 status;
	const char	*title;
} error_titles[] = {
	{ 400, "Forespørgslen kunne ikke læses" },
	{ 403, "Du har ikke adgang til siden" },
	{ 404, "Siden findes ikke" },
	{ 405, "Siden kan ikke bruges sådan" },
	{ 413, "Det, du sendte, er for stort" },
	{ 415, "Det, du sendte, kan ikke læses" },
	{ 500, "Der skete en fejl hos os" },
	{ 503, "Tjenesten er midlertidigt utilgængelig" },
};

static const char *
error_title(int status)
{
	size_t i;

	for (i = 0; i < sizeof(error_titles) / sizeof(error_titles[0]); i++)
		if (error_titles[i].status == status)
			return error_titles[i].title;
	return "Der skete en fejl";
}

struct session *
ctx_session(struct ctx *ctx)
{
	if (!ctx->session_loaded) {
		if (ctx->db == NULL ||
		    session_load(ctx->db, ctx->cfg, ctx->req, ctx->resp, &ctx->session) != DB_OK)
			return NULL;
		ctx->session_loaded = 1;
		/* The mails this request enqueues are this person's (cap_mails_hour). */
		mail_cause(ctx->session.user_id && !ctx->session.mfa_pending ?
		    ctx->session.user_id : 0);
	}
	return &ctx->session;
}

struct session *
ctx_session_ensure(struct ctx *ctx)
{
	struct session *s = ctx_session(ctx);

	if (s == NULL)
		return NULL;
	if (s->id == 0 && session_start(ctx->db, ctx->cfg, ctx->resp, 0, 0, ctx->req->remote_addr,
	    s) != DB_OK)
		return NULL;
	return s;
}

long long
ctx_user(struct ctx *ctx)
{
	struct session *s = ctx_session(ctx);

	return s && s->user_id && !s->mfa_pending ? s->user_id : 0;
}

int
ctx_db_error(struct ctx *ctx, enum db_err rc)
{
	/*
	 * A module reporting its own failure (CASES_EDB, a parse of what it read, ...) passes
	 * DB_EEXEC; when the statement under it lost a conflict or its connection, that is the
	 * answer: a transaction aborted by another node's write is run again, never a 500.
	 */
	/* A cap met below the handler (the outbox, issue 16): 429 with its message, not 500. */
	if (rc == DB_EEXEC && caps_answer_pending(ctx) == 429)
		return 429;
	if (rc == DB_EEXEC) {
		enum db_err last = db_last_error(ctx->db);

		if (last == DB_ERETRY || last == DB_ELOST || last == DB_ECONNECT ||
		    last == DB_EUNKNOWN)
			rc = last;
	}
	if (rc == DB_ERETRY) {
		/* Another transaction won (a deadlock here, a certification conflict on Galera):
		 * ours was rolled back whole, so running it again is safe. Never a 500. */
		log_warn("database conflict: %s", db_errmsg(ctx->db));
		ctx->rerun = CTX_RERUN_CONFLICT;
		return 503;
	}
	log_error("database: %s: %s", db_strerror(rc), db_errmsg(ctx->db));
	if (rc == DB_ELOST)
		ctx->rerun = CTX_RERUN_LOST;
	return rc == DB_ECONNECT || rc == DB_ELOST || rc == DB_EUNKNOWN ? 503 : 500;
}

int
ctx_tx_error(struct ctx *ctx, enum db_err rc)
{
	db_rollback(ctx->db);
	return ctx_db_error(ctx, rc);
}

int
ctx_redirect(struct ctx *ctx, const char *path)
{
	/* An open redirect needs "//host" or a scheme; a path of ours has neither. */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    http_response_header(ctx->resp, "Location", path) == -1)
		http_response_header(ctx->resp, "Location", "/");
	return 303;
}

int
ctx_return_ok(const char *p)
{
	size_t i;

	if (p == NULL || p[0] != '/' || p[1] == '/' || p[1] == '\\' ||
	    strncmp(p, "/konto/log-ind", 14) == 0 || strncmp(p, "/konto/log-ud", 13) == 0)
		return 0;
	for (i = 0; p[i]; i++)
		if (i >= CTX_RETURN_MAX || (unsigned char)p[i] <= 0x20 ||
		    (unsigned char)p[i] >= 0x7f || p[i] == '\\')
			return 0;
	return 1;
}

int
ctx_redirect_back(struct ctx *ctx, const char *base, const char *back)
{
	struct buf loc;
	int st;

	if (back == NULL || !ctx_return_ok(back))
		return ctx_redirect(ctx, base);
	buf_init(&loc, 4 * CTX_RETURN_MAX);
	/* "tilbage=..." first (form_encode_pair puts '&' before any pair that is not first). */
	if (form_encode_pair(&loc, "tilbage", back) != 0)
		st = ctx_redirect(ctx, base);
	else {
		char path[5 * CTX_RETURN_MAX];

		snprintf(path, sizeof(path), "%s?%s", base, loc.data);
		st = ctx_redirect(ctx, path);
	}
	buf_free(&loc);
	return st;
}

/* 303 to base, carrying where a GET request wanted to go (?tilbage=), when it is ours. */
static int
redirect_carrying(struct ctx *ctx, const char *base)
{
	const struct http_request *req = ctx->req;
	char want[CTX_RETURN_MAX + 1];

	if (req->method == NULL || strcmp(req->method, "GET") != 0 || req->path == NULL ||
	    (size_t)snprintf(want, sizeof(want), "%s%s%s", req->path, req->query_string &&
	    req->query_string[0] ? "?" : "", req->query_string ? req->query_string : "") >=
	    sizeof(want))
		return ctx_redirect(ctx, base);
	return ctx_redirect_back(ctx, base, want);
}

int
ctx_redirect_login(struct ctx *ctx)
{
	return redirect_carrying(ctx, "/konto/log-ind");
}

int
ctx_redirect_totp(struct ctx *ctx)
{
	return redirect_carrying(ctx, "/konto/totp");
}

struct tmpl_dict *
ctx_page(struct ctx *ctx, const char *content_tpl, const char *title)
{
	struct tmpl_dict *content, *user;
	struct session *s;

	tmpl_dict_free(ctx->layout);
	if ((ctx->layout = tmpl_dict_new()) == NULL)
		return NULL;
	tmpl_set(ctx->layout, "PAGE_TITLE", title);
	tmpl_set(ctx->layout, "REQUEST_PATH", ctx->req->path);
	content = tmpl_include(ctx->layout, "CONTENT", content_tpl);
	/* Only a session the request already has: a page never creates one by being shown. */
	s = ctx->session_loaded || ctx->req->cookies.n ? ctx_session(ctx) : NULL;
	if (s && s->id) {
		tmpl_set(content, "CSRF", s->csrf);
		if (s->user_id && !s->mfa_pending) {
			user = tmpl_add_row(ctx->layout, "LOGGED_IN");
			tmpl_set(user, "USER_NAME", s->name);
			tmpl_set(user, "CSRF", s->csrf);
		} else
			tmpl_show(ctx->layout, "LOGGED_OUT");
	} else
		tmpl_show(ctx->layout, "LOGGED_OUT");
	return content;
}

/* Fields never written back into a page: secrets, and one-time codes that will have expired. */
static int
secret_field(const char *name)
{
	return strstr(name, "adgangskode") || strstr(name, "password") || strcmp(name, "kode") == 0;
}

/*
 * The database is down while a form was sent: nothing was saved, so the page carries what the
 * user wrote, shown (to copy) and in a form that sends it again to the same address once the
 * portal is back (the CSRF token is the session's, still valid then). Passwords and one-time
 * codes are left out; files cannot be sent again and are named only.
 */
static int
resend_form(struct ctx *ctx, struct tmpl_dict *d)
{
	const struct kvlist *f = &ctx->req->form;
	struct tmpl_dict *sec, *row;
	size_t i;

	if (ctx->req->method == NULL || strcmp(ctx->req->method, "POST") != 0 || f->n == 0)
		return 0;
	sec = tmpl_add_row(d, "RESEND");
	tmpl_set(sec, "ACTION", ctx->req->path ? ctx->req->path : "/");
	for (i = 0; i < f->n; i++) {
		const struct kv *kv = &f->items[i];

		if (secret_field(kv->name))
			continue;
		if (kv->filename) {
			tmpl_set(tmpl_add_row(sec, "FILE"), "NAME", kv->filename);
			continue;
		}
		row = tmpl_add_row(sec, "FIELD");
		tmpl_set(row, "NAME", kv->name);
		tmpl_set(row, "VALUE", kv->value);
		/* The CSRF token and the form's one-time key go back with the form (the key is what
		 * makes sending again safe: a first send that was saved after all is found, not
		 * repeated) but are nothing the user wrote. */
		if (strcmp(kv->name, "csrf") != 0 && strcmp(kv->name, SUBMITKEY_FIELD) != 0 &&
		    kv->value[0]) {
			row = tmpl_add_row(sec, "SHOWN");
			tmpl_set(row, "NAME", kv->name);
			tmpl_set(row, "VALUE", kv->value);
		}
	}
	return 1;
}

int
ctx_error(struct ctx *ctx, int status)
{
	struct tmpl_dict *d = ctx_page(ctx, "error.tpl", error_title(status));
	char section[16];

	if (d == NULL)
		return 500;
	snprintf(section, sizeof(section), "E%d", status);
	tmpl_show(d, section);
	tmpl_set(d, "HEADING", error_title(status));
	tmpl_set_int(d, "STATUS", status);
	if (log_request_id()[0]) {
		struct tmpl_dict *ref = tmpl_add_row(d, "REFERENCE");

		tmpl_set(ref, "REQUEST_ID", log_request_id());
	}
	if (status == 503 && ctx->req->query_string && ctx->req->query_string[0])
		tmpl_setf(d, "RETRY_URL", "%s?%s", ctx->req->path, ctx->req->query_string);
	else
		tmpl_set(d, "RETRY_URL", ctx->req->path ? ctx->req->path : "/");
	/* Busy (conflicts every time we tried) or out of reach: the same way back, other words. */
	if (status == 503)
		tmpl_show(d, ctx->rerun == CTX_RERUN_CONFLICT ? "BUSY" : "DOWN");
	if (status == 503 && !resend_form(ctx, d))
		tmpl_show(d, "RETRY");
	return status;
}

/* Renders the page the handler built; on failure the client gets a plain 500, never half a page. */
void
ctx_render(struct ctx *ctx, int status)
{
	struct http_response *w = ctx->resp;
	enum tmpl_err rc;

	w->status = status;
	if (ctx->layout == NULL)
		return;
	buf_reset(&w->body);
	if ((rc = tmpl_render("layout.tpl", ctx->layout, &w->body)) == TMPL_OK)
		return;
	log_error("render failed: %s", tmpl_strerror(rc));
	buf_reset(&w->body);
	w->status = 500;
	w->content_type = "text/plain; charset=utf-8";
	buf_puts(&w->body, "Der skete en fejl hos os. Prøv igen om lidt.\n");
}
