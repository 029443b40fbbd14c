/*
 * fcgi: the accept loop every FastCGI program shares. One request at a time per process;
 * several processes share one socket (spawn-fcgi + multiwatch pass it as fd 0). For each request:
 * read and parse it (capped), check the origin of unsafe methods, route, run the handler, render
 * its page into a buffer, and write the response only when all of that succeeded.
 */
#ifndef PORTAL_FCGI_H
#define PORTAL_FCGI_H

#include <stddef.h>

#include "config.h"
#include "db.h"
#include "http.h"
#include "policy.h"
#include "session.h"
#include "tmpl.h"

struct ctx {
	const struct config	*cfg;
	struct db		*db;
	struct http_request	*req;
	struct http_response	*resp;
	struct tmpl_dict	*layout;	/* root dictionary of the page, when a handler made one */
	struct session		 session;	/* valid when session_loaded */
	int			 session_loaded;
	int			 authorised;	/* auth_require() ran for this request */
};

/* Returns the HTTP status; a status >= 400 with an empty body gets the error page. */
typedef int (*fcgi_handler)(struct ctx *);

struct route {
	const char	*method;	/* "GET" (also serves HEAD) or "POST" */
	const char	*path;		/* exact match */
	fcgi_handler	 handler;
	enum action	 action;	/* its row in the policy table (lib/policy.c) */
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
 * ctx_tx_error() rolls the transaction back first: nothing half-written stays.
 */
int			 ctx_db_error(struct ctx *, enum db_err);
int			 ctx_tx_error(struct ctx *, enum db_err);
/* 303 See Other to a path of ours (only paths starting with one '/', never a full URL). */
int			 ctx_redirect(struct ctx *, const char *path);
/*
 * Where to go back to after logging in (?tilbage=): a path of ours with its query, printable
 * ASCII only, at most FCGI_RETURN_MAX bytes, and not the login pages themselves. Pure.
 */
#define FCGI_RETURN_MAX	512
int			 fcgi_return_ok(const char *path);
/* 303 to the login page, carrying where a GET request wanted to go (never a POST's address). */
int			 ctx_redirect_login(struct ctx *);

/* Starts a page: layout.tpl with the content template in {{>CONTENT}}; returns its dictionary. */
struct tmpl_dict	*ctx_page(struct ctx *, const char *content_tpl, const char *title);
/* An error page for status (400, 403, 404, 405, 413, 500, 503) into the response. */
int			 ctx_error(struct ctx *, int status);

/*
 * The program's main: `prog [-c config]` (default $PORTAL_CONFIG, then etc/portal.conf), or
 * `prog --routes` to print its route table with each route's policy action (the permission
 * matrix test reads it). Refuses to start when a route has no policy action. Loads config and
 * templates, then serves until SIGTERM. Returns the exit status.
 */
int			 fcgi_main(const char *progname, int argc, char **argv,
			    const struct route *routes, size_t nroutes);

/* The page renderer and router, without libfcgi: used by fcgi_main and by tests. */
void			 fcgi_handle(const struct config *, struct db *, const struct route *,
			    size_t nroutes, struct http_request *, enum http_err parse_rc,
			    struct http_response *);



/* A whole error page for status, for nginx to serve when no program can answer (413, 502-504). */
int			 fcgi_error_page(int status, struct buf *out);
#endif
