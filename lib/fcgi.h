/*
 * fcgi: the accept loop every FastCGI program shares. One request at a time per process;
 * several processes share one socket (spawn-fcgi + multiwatch pass it as fd 0). For each request:
 * read and parse it (capped), check the origin of unsafe methods, route, run the handler, render
 * its page into a buffer, and write the response only when all of that succeeded.
 */
#ifndef PORTAL_FCGI_H
#define PORTAL_FCGI_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "policy.h"

/* Returns the HTTP status; a status >= 400 with an empty body gets the error page. */
typedef int (*fcgi_handler)(struct ctx *);

struct route {
	const char	*method;	/* "GET" (also serves HEAD) or "POST" */
	const char	*path;		/* exact match */
	fcgi_handler	 handler;
	enum action	 action;	/* its row in the policy table (lib/policy.c) */
};

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
