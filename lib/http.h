/*
 * http: one request as the program sees it (CGI params, query, form body, cookies), read with a
 * cap checked before any byte of the body is read, and one response (status, headers, body)
 * that is written only once it is complete. No libfcgi here: the body comes through a read
 * callback, so the unit tests drive it without a server.
 */
#ifndef PORTAL_HTTP_H
#define PORTAL_HTTP_H

#include <stddef.h>

#include "buf.h"
#include "http_parse.h"
#include "kv.h"

enum http_err {
	HTTP_OK = 0,
	HTTP_EBADREQ,		/* 400: malformed length, body or parameters */
	HTTP_ETOOLARGE,		/* 413: declared body larger than the cap */
	HTTP_EUNSUPPORTED,	/* 415: a body of a type no handler reads */
	HTTP_ENOMEM,
	HTTP__MAX
};

/* Reads up to n bytes into p; returns bytes read, 0 at end of input, -1 on error. */
typedef long (*http_read_fn)(void *ctx, char *p, size_t n);

struct http_request {
	const char	*method;	/* REQUEST_METHOD */
	const char	*path;		/* DOCUMENT_URI (decoded by nginx, no query) */
	const char	*query_string;
	const char	*content_type;
	const char	*remote_addr;
	const char	*host;		/* PORTAL_HOST (Host with port), else HTTP_HOST */
	const char	*request_id;
	const char	*origin;	/* HTTP_ORIGIN, may be NULL */
	const char	*sec_fetch_site; /* HTTP_SEC_FETCH_SITE, may be NULL */
	size_t		 content_length;
	char		*body;		/* the raw body, NUL-terminated, body_len bytes */
	size_t		 body_len;
	struct kvlist	 query;
	struct kvlist	 form;		/* urlencoded or multipart body fields */
	struct kvlist	 cookies;
	enum http_parse_err parse_err;	/* why the request was refused, when it was */
	char *const	*params;	/* every FastCGI param as nginx sent it (http_nginx_param) */
};

struct http_response {
	int		 status;
	const char	*content_type;	/* default text/html; charset=utf-8 */
	int		 cacheable;	/* 0 (default): Cache-Control: no-store */
	struct buf	 headers;	/* extra header lines, each ending in \r\n */
	struct buf	 body;
};

const char	*http_strerror(enum http_err);
/* The status an error stands for (400, 413, 415, 500). */
int		 http_err_status(enum http_err);
const char	*http_status_text(int status);
/* Value of a CGI param from a NULL-terminated "NAME=value" array, or NULL. */
const char	*http_env(char *const *envp, const char *name);

void		 http_request_init(struct http_request *);
void		 http_request_free(struct http_request *);
/*
 * Fills the request from the params and reads and parses the body, at most max_body bytes. The
 * declared CONTENT_LENGTH is checked against the cap before reading; a short read is an error.
 */
enum http_err	 http_request_read(struct http_request *, char *const *envp,
		    http_read_fn, void *ctx, size_t max_body);
/*
 * A FastCGI param set by nginx (`fastcgi_param NAME ...`), by its exact name, or NULL when it is
 * absent or empty. Client headers arrive as HTTP_*: such a name always gives NULL, so a header
 * can never stand in for it (issue 3: the single sign-on identity; config.c also refuses the CGI
 * variables nginx fills from the request).
 */
const char	*http_nginx_param(const struct http_request *, const char *name);
/* The first query or form value named so (form first on POST), or NULL. */
const char	*http_param(const struct http_request *, const char *name);
/* An id in a parameter or a stored value: a whole positive number of at most 15 digits, else 0
 * (0 names nothing, so a malformed id answers like one that does not exist). */
long long	 http_id(const char *);

void		 http_response_init(struct http_response *);
void		 http_response_free(struct http_response *);
/* Adds a header line; refuses names or values with CR, LF or NUL (header injection). */
int		 http_response_header(struct http_response *, const char *name, const char *value);
/* The whole response as CGI output (Status line, headers with the security set, body). */
int		 http_response_serialize(const struct http_response *, int head_only, struct buf *out);

#endif
