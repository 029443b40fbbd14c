/*
 * A small HTTP client for the end-to-end suites (libcurl): one request at a time, the reply's
 * status, headers and body kept, and a one-cookie jar for the session cookie, read from
 * Set-Cookie and sent back the way a browser would (the suites assert the cookie's flags).
 */
#ifndef PORTAL_TESTS_CLIENT_H
#define PORTAL_TESTS_CLIENT_H

#include <stddef.h>

#include "buf.h"

struct reply {
	long		 status;
	struct buf	 body;
	struct buf	 headers;
};

struct jar {
	char	 sid[128];	/* value of __Host-sid, "" when none */
	char	 set_cookie[512];	/* the last Set-Cookie line for it, as sent */
};

const char	*client_base(void);
/* One request; extra is a NULL-terminated list of header lines; jar may be NULL. */
void		 client_request(const char *method, const char *path, const char *ctype,
		    const char *body, size_t len, const char *const *extra, struct jar *,
		    struct reply *);
/* 1: the requests that follow share one connection (HTTP keep-alive), for suites that send
 * many; 0: back to one connection a request (the default). */
void		 client_keepalive(int on);
void		 client_get(const char *path, struct jar *, struct reply *);
/* POST application/x-www-form-urlencoded; fields are "name", "value" pairs, NULL-terminated,
 * percent-encoded here. */
void		 client_post_form(const char *path, struct jar *, struct reply *, ...);
void		 reply_free(struct reply *);
int		 has(const struct buf *, const char *);
int		 has_header(const struct reply *, const char *line);
/* The value of a response header (first), copied into out; 0 when found. */
int		 reply_header(const struct reply *, const char *name, char *out, size_t outlen);
/*
 * A fresh one-time submission key (lib/submitkey: the field engangsnoegle), as a form page
 * carries one; the portal takes any well-formed key on first use, so suites that post a
 * create form without reading its page first send one of these. Valid until the next four.
 */
const char	*client_new_key(void);
/* The value attribute of the input named name in an HTML body; 0 when found. */
int		 html_input_value(const struct buf *, const char *name, char *out, size_t outlen);

/*
 * The steps of every suite that logs in over HTTP. Those returning a long return the answer's
 * status and, when location is not NULL, copy its Location header there ("" when none).
 */
/* Done with a reply: its status and Location, and it is freed. */
long		 reply_done(struct reply *, char *location, size_t n);
/* GET path. */
long		 client_status(const char *path, struct jar *, char *location, size_t n);
/* GET the form at path, which must answer 200 with a csrf field; its value into csrf. */
void		 client_csrf(const char *path, struct jar *, char *csrf, size_t n);
/* The login form: its token, then the e-mail address and the password. */
long		 client_login(struct jar *, const char *email, const char *password, char *location,
		    size_t n);
/* A form that asks for a TOTP code (enrolment, the login's second step): its token, the code. */
long		 client_post_code(struct jar *, const char *path, const char *code, char *location,
		    size_t n);
/* The login's second step with the code for now, computed from the key as an app would. */
long		 client_login_code(struct jar *, const unsigned char *secret, size_t len,
		    char *location, size_t n);

#endif
