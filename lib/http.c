#include "http.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const http_errs[HTTP__MAX] = {
	[HTTP_OK] = "no error",
	[HTTP_EBADREQ] = "malformed request",
	[HTTP_ETOOLARGE] = "request body larger than allowed",
	[HTTP_EUNSUPPORTED] = "unsupported request body type",
	[HTTP_ENOMEM] = "out of memory",
};

const char *
http_strerror(enum http_err e)
{
	return (unsigned)e < HTTP__MAX ? http_errs[e] : "unknown error";
}

int
http_err_status(enum http_err e)
{
	switch (e) {
	case HTTP_OK:
		return 200;
	case HTTP_EBADREQ:
		return 400;
	case HTTP_ETOOLARGE:
		return 413;
	case HTTP_EUNSUPPORTED:
		return 415;
	default:
		return 500;
	}
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

const char *
http_env(char *const *envp, const char *name)
{
	size_t n = strlen(name);

	for (; envp && *envp; envp++)
		if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

void
http_request_init(struct http_request *r)
{
	memset(r, 0, sizeof(*r));
	kvlist_init(&r->query);
	kvlist_init(&r->form);
	kvlist_init(&r->cookies);
}

void
http_request_free(struct http_request *r)
{
	free(r->body);
	kvlist_free(&r->query);
	kvlist_free(&r->form);
	kvlist_free(&r->cookies);
	memset(r, 0, sizeof(*r));
}

/* CONTENT_LENGTH: absent or empty means no body; anything but plain decimal digits is malformed. */
static enum http_err
parse_length(const char *s, size_t max_body, size_t *out)
{
	unsigned long long n = 0;
	const char *p;

	*out = 0;
	if (s == NULL || *s == '\0')
		return HTTP_OK;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9' || p - s > 18)
			return HTTP_EBADREQ;
		n = n * 10 + (unsigned)(*p - '0');
	}
	if (n > max_body)
		return HTTP_ETOOLARGE;
	*out = (size_t)n;
	return HTTP_OK;
}

static int
type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);

	return ct && strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static enum http_err
from_parse(struct http_request *r, enum http_parse_err e)
{
	r->parse_err = e;
	if (e == HTTP_PARSE_OK)
		return HTTP_OK;
	return e == HTTP_PARSE_ENOMEM ? HTTP_ENOMEM : HTTP_EBADREQ;
}

enum http_err
http_request_read(struct http_request *r, char *const *envp, http_read_fn readfn, void *ctx,
    size_t max_body)
{
	const char *qs;
	enum http_err rc;
	size_t got = 0;
	long n;

	r->params = envp;
	r->method = http_env(envp, "REQUEST_METHOD");
	r->path = http_env(envp, "DOCUMENT_URI");
	if (r->path == NULL)
		r->path = http_env(envp, "SCRIPT_NAME");
	r->query_string = http_env(envp, "QUERY_STRING");
	r->content_type = http_env(envp, "CONTENT_TYPE");
	r->remote_addr = http_env(envp, "REMOTE_ADDR");
	r->host = http_env(envp, "PORTAL_HOST");
	if (r->host == NULL)
		r->host = http_env(envp, "HTTP_HOST");
	r->request_id = http_env(envp, "REQUEST_ID");
	r->origin = http_env(envp, "HTTP_ORIGIN");
	r->sec_fetch_site = http_env(envp, "HTTP_SEC_FETCH_SITE");
	if (r->method == NULL || r->path == NULL || r->path[0] != '/')
		return HTTP_EBADREQ;

	qs = r->query_string ? r->query_string : "";
	if ((rc = from_parse(r, http_parse_urlencoded(qs, strlen(qs), &r->query))) != HTTP_OK)
		return rc;
	if ((rc = from_parse(r, http_parse_cookies(http_env(envp, "HTTP_COOKIE"), &r->cookies))) !=
	    HTTP_OK)
		return rc;

	/* The cap is checked on the declared length, before a single body byte is read. */
	if ((rc = parse_length(http_env(envp, "CONTENT_LENGTH"), max_body, &r->content_length)) !=
	    HTTP_OK)
		return rc;
	if ((r->body = malloc(r->content_length + 1)) == NULL)
		return HTTP_ENOMEM;
	while (got < r->content_length) {
		n = readfn(ctx, r->body + got, r->content_length - got);
		if (n <= 0)
			return HTTP_EBADREQ;	/* short read: the client sent less than it declared */
		got += (size_t)n;
	}
	r->body[got] = '\0';
	r->body_len = got;
	if (got == 0)
		return HTTP_OK;

	if (type_is(r->content_type, "application/x-www-form-urlencoded"))
		return from_parse(r, http_parse_urlencoded(r->body, r->body_len, &r->form));
	if (type_is(r->content_type, "multipart/form-data"))
		return from_parse(r, http_parse_multipart(r->content_type, r->body, r->body_len,
		    &r->form));
	return HTTP_EUNSUPPORTED;
}

const char *
http_nginx_param(const struct http_request *r, const char *name)
{
	const char *v;

	if (name == NULL || name[0] == '\0' || strncasecmp(name, "HTTP_", 5) == 0)
		return NULL;
	v = http_env(r->params, name);
	return v && v[0] ? v : NULL;
}

const char *
http_param(const struct http_request *r, const char *name)
{
	const char *v = kvlist_value(&r->form, name);

	return v ? v : kvlist_value(&r->query, name);
}

long long
http_id(const char *v)
{
	long long n = 0;
	int digits = 0;

	if (v == NULL || *v == '\0')
		return 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9' || ++digits > 15)
			return 0;
		n = n * 10 + (*v - '0');
	}
	return n;
}

void
http_response_init(struct http_response *w)
{
	memset(w, 0, sizeof(*w));
	w->status = 200;
	buf_init(&w->headers, 64 * 1024);
	buf_init(&w->body, 0);
}

void
http_response_free(struct http_response *w)
{
	buf_free(&w->headers);
	buf_free(&w->body);
}

static int
header_safe(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t')
			return 0;
	return 1;
}

int
http_response_header(struct http_response *w, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value) || strchr(name, ':') != NULL)
		return -1;
	return buf_printf(&w->headers, "%s: %s\r\n", name, value);
}

/*
 * The security headers of DESIGN.md on every dynamic response; nginx adds the same to static
 * files. No inline script anywhere, so the CSP needs no 'unsafe-inline'.
 */
static const char security_headers[] =
	"Content-Security-Policy: default-src 'self'; img-src 'self' data:; object-src 'none'; "
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"X-Frame-Options: DENY\r\n"
	"Referrer-Policy: same-origin\r\n"
	"Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
	"Cross-Origin-Opener-Policy: same-origin\r\n";

int
http_response_serialize(const struct http_response *w, int head_only, struct buf *out)
{
	if (w->body.failed || w->headers.failed)
		return -1;
	buf_printf(out, "Status: %d %s\r\n", w->status, http_status_text(w->status));
	buf_printf(out, "Content-Type: %s\r\n",
	    w->content_type ? w->content_type : "text/html; charset=utf-8");
	buf_printf(out, "Content-Length: %zu\r\n", w->body.len);
	buf_puts(out, security_headers);
	buf_puts(out, w->cacheable ? "Cache-Control: public, max-age=300\r\n" :
	    "Cache-Control: no-store\r\n");
	if (w->headers.len)
		buf_append(out, w->headers.data, w->headers.len);
	buf_puts(out, "\r\n");
	if (!head_only && w->body.len)
		buf_append(out, w->body.data, w->body.len);
	return out->failed ? -1 : 0;
}
