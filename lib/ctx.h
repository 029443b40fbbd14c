/*
 * ctx: the request context every handler gets: the configuration, the database, the parsed
 * request and the response being built, the session (loaded on first use) and the page. The
 * accept loop (lib/fcgi.h) makes one per request; the functions below are the answers every
 * handler gives the same way.
 */
#ifndef PORTAL_CTX_H
#define PORTAL_CTX_H

#include "config.h"
#include "db.h"
#include "http.h"
#include "session.h"
#include "tmpl.h"

/* Why the accept loop should run the handler again (lib/fcgi.c), set by ctx_db_error. */
enum ctx_rerun {
	CTX_RERUN_NONE = 0,
	CTX_RERUN_CONFLICT,	/* the transaction lost a conflict (DB_ERETRY) */
	CTX_RERUN_LOST,		/* the connection broke inside it: rolled back (DB_ELOST) */
};

struct ctx {
	const struct config	*cfg;
	struct db		*db;
	struct http_request	*req;
	struct http_response	*resp;
	struct tmpl_dict	*layout;	/* root dictionary of the page, when a handler made one */
	struct session		 session;	/* valid when session_loaded */
	int			 session_loaded;
	int			 authorised;	/* auth_require() ran for this request */
	enum ctx_rerun		 rerun;		/* the handler's answer stands for a rollback */
};

/*
 * The request's session, loaded on first use (one query, and only when the cookie is there);
 * s->id == 0 when there is none. NULL when the database cannot be reached (answer 503).
 */
struct session		*ctx_session(struct ctx *);
/* The session, or a new anonymous one: every form needs a CSRF token before anyone logs in. */
struct session		*ctx_session_ensure(struct ctx *);
/* The logged-in user's id (second factor done), or 0. */
long long		 ctx_user(struct ctx *);
/*
 * A database error as the handler's answer: logged with the server's message (never shown),
 * 503 when the database cannot be reached (the user's input is still in their form), else 500.
 * ctx_tx_error() rolls the transaction back first: nothing half-written stays. A transaction
 * that lost a conflict, or whose connection broke before COMMIT, was rolled back whole: the
 * answer is 503 and ctx->rerun asks the accept loop to run the request again.
 */
int			 ctx_db_error(struct ctx *, enum db_err);
int			 ctx_tx_error(struct ctx *, enum db_err);
/* 303 See Other to a path of ours (only paths starting with one '/', never a full URL). */
int			 ctx_redirect(struct ctx *, const char *path);
/*
 * Where to go back to after logging in (?tilbage=): a path of ours with its query, printable
 * ASCII only, at most CTX_RETURN_MAX bytes, and not the login pages themselves. Pure.
 */
#define CTX_RETURN_MAX	512
int			 ctx_return_ok(const char *path);
/* 303 to the login page, carrying where a GET request wanted to go (never a POST's address). */
/* 303 to base (a path of ours) with ?tilbage=back when back is a path of ours, else plain. */
int			 ctx_redirect_back(struct ctx *, const char *base, const char *back);
int			 ctx_redirect_login(struct ctx *);
/* 303 to the second factor's enrolment, carrying where a GET wanted to go (issue 11: a
 * caseworker sent to enrol on the way to /fse lands on /fse afterwards). */
int			 ctx_redirect_totp(struct ctx *);

/* Starts a page: layout.tpl with the content template in {{>CONTENT}}; returns its dictionary. */
struct tmpl_dict	*ctx_page(struct ctx *, const char *content_tpl, const char *title);
/* An error page for status (400, 403, 404, 405, 413, 500, 503) into the response. */
int			 ctx_error(struct ctx *, int status);
/* The page the handler built (ctx->layout) into the response with its status; a page that
 * fails to render becomes a plain 500, never half a page. Called by the accept loop. */
void			 ctx_render(struct ctx *, int status);

#endif
