#include "client.h"

#include <check.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "session.h"
#include "totp.h"

static size_t
collect(char *p, size_t size, size_t n, void *ud)
{
	struct buf *b = ud;

	return buf_append(b, p, size * n) == 0 ? size * n : 0;
}

const char *
client_base(void)
{
	const char *u = getenv("PORTAL_URL");

	return u ? u : "http://127.0.0.1:18080";
}

/* Keeps the session cookie from the reply, as a browser would (or drops it on Max-Age=0). */
static void
jar_update(struct jar *jar, const struct reply *r)
{
	const char *p = r->headers.data;
	size_t n;

	while (p && (p = strcasestr(p, "\nset-cookie: __Host-sid=")) != NULL) {
		const char *v = p + strlen("\nset-cookie: __Host-sid="), *end = strpbrk(v, ";\r\n");
		const char *eol = strpbrk(v, "\r\n");

		n = end ? (size_t)(end - v) : strlen(v);
		if (n >= sizeof(jar->sid))
			n = sizeof(jar->sid) - 1;
		memcpy(jar->sid, v, n);
		jar->sid[n] = '\0';
		n = eol ? (size_t)(eol - (p + 1)) : strlen(p + 1);
		if (n >= sizeof(jar->set_cookie))
			n = sizeof(jar->set_cookie) - 1;
		memcpy(jar->set_cookie, p + 1, n);
		jar->set_cookie[n] = '\0';
		if (strcasestr(jar->set_cookie, "Max-Age=0"))
			jar->sid[0] = '\0';
		p = v;
	}
}

static int	 keepalive;
static CURL	*kept;	/* the handle kept while keepalive is on: its connection stays open */

void
client_keepalive(int on)
{
	if (!on && kept) {
		curl_easy_cleanup(kept);
		kept = NULL;
	}
	keepalive = on;
}

static CURL *
handle(void)
{
	if (!keepalive)
		return curl_easy_init();
	if (kept)
		curl_easy_reset(kept);	/* the options go, the open connection stays */
	else
		kept = curl_easy_init();
	return kept;
}

void
client_request(const char *method, const char *path, const char *ctype, const char *body,
    size_t len, const char *const *extra, struct jar *jar, struct reply *r)
{
	struct curl_slist *h = NULL;
	char url[2048], line[512];
	CURL *c = handle();
	CURLcode rc;

	ck_assert_ptr_nonnull(c);
	memset(r, 0, sizeof(*r));
	buf_init(&r->body, 0);
	buf_init(&r->headers, 0);
	snprintf(url, sizeof(url), "%s%s", client_base(), path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	/* PORTAL_CLIENT_TIMEOUT: tests/galera waits out a node lost under load, as a browser
	 * would, and counts the slow answers instead. */
	curl_easy_setopt(c, CURLOPT_TIMEOUT, getenv("PORTAL_CLIENT_TIMEOUT") ?
	    atol(getenv("PORTAL_CLIENT_TIMEOUT")) : 30L);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	if (ctype) {
		snprintf(line, sizeof(line), "Content-Type: %s", ctype);
		h = curl_slist_append(h, line);
	}
	if (jar && jar->sid[0]) {
		snprintf(line, sizeof(line), "Cookie: __Host-sid=%s", jar->sid);
		h = curl_slist_append(h, line);
	}
	h = curl_slist_append(h, "Expect:");
	for (; extra && *extra; extra++)
		h = curl_slist_append(h, *extra);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	rc = curl_easy_perform(c);
	/* A server may close early on an oversized body after answering: the status still counts. */
	if (rc != CURLE_OK && rc != CURLE_SEND_ERROR)
		ck_abort_msg("%s %s: %s", method, path, curl_easy_strerror(rc));
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(h);
	if (c != kept)
		curl_easy_cleanup(c);
	if (jar)
		jar_update(jar, r);
}

void
client_get(const char *path, struct jar *jar, struct reply *r)
{
	client_request("GET", path, NULL, NULL, 0, NULL, jar, r);
}

void
client_post_form(const char *path, struct jar *jar, struct reply *r, ...)
{
	const char *name, *value;
	struct buf body;
	CURL *c = curl_easy_init();
	va_list ap;

	buf_init(&body, 0);
	va_start(ap, r);
	while ((name = va_arg(ap, const char *)) != NULL) {
		char *enc;

		value = va_arg(ap, const char *);
		enc = curl_easy_escape(c, value, 0);
		buf_printf(&body, "%s%s=%s", body.len ? "&" : "", name, enc);
		curl_free(enc);
	}
	va_end(ap);
	curl_easy_cleanup(c);
	client_request("POST", path, "application/x-www-form-urlencoded", body.data ? body.data : "",
	    body.len, NULL, jar, r);
	buf_free(&body);
}

void
reply_free(struct reply *r)
{
	buf_free(&r->body);
	buf_free(&r->headers);
}

int
has(const struct buf *b, const char *s)
{
	return b->data && strstr(b->data, s) != NULL;
}

int
has_header(const struct reply *r, const char *line)
{
	return r->headers.data && strcasestr(r->headers.data, line) != NULL;
}

int
reply_header(const struct reply *r, const char *name, char *out, size_t outlen)
{
	char pat[128];
	const char *p, *end;
	size_t n;

	snprintf(pat, sizeof(pat), "\n%s:", name);
	if (r->headers.data == NULL || (p = strcasestr(r->headers.data, pat)) == NULL)
		return -1;
	p += strlen(pat);
	while (*p == ' ')
		p++;
	end = strpbrk(p, "\r\n");
	n = end ? (size_t)(end - p) : strlen(p);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

int
html_input_value(const struct buf *b, const char *name, char *out, size_t outlen)
{
	char pat[128];
	const char *p, *v, *end;
	size_t n;

	snprintf(pat, sizeof(pat), "name=\"%s\" value=\"", name);
	if (b->data == NULL || (p = strstr(b->data, pat)) == NULL)
		return -1;
	v = p + strlen(pat);
	if ((end = strchr(v, '"')) == NULL)
		return -1;
	n = (size_t)(end - v);
	if (n >= outlen)
		return -1;
	memcpy(out, v, n);
	out[n] = '\0';
	return 0;
}

long
reply_done(struct reply *r, char *location, size_t n)
{
	long status = r->status;

	if (location && reply_header(r, "Location", location, n) != 0)
		location[0] = '\0';
	reply_free(r);
	return status;
}

long
client_status(const char *path, struct jar *jar, char *location, size_t n)
{
	struct reply r;

	client_get(path, jar, &r);
	return reply_done(&r, location, n);
}

void
client_csrf(const char *path, struct jar *jar, char *csrf, size_t n)
{
	struct reply r;

	client_get(path, jar, &r);
	ck_assert_msg(r.status == 200, "GET %s: %ld", path, r.status);
	ck_assert_msg(html_input_value(&r.body, "csrf", csrf, n) == 0, "%s has no csrf field", path);
	reply_free(&r);
}

long
client_login(struct jar *jar, const char *email, const char *password, char *location, size_t n)
{
	char csrf[64];
	struct reply r;

	client_csrf("/konto/log-ind", jar, csrf, sizeof(csrf));
	client_post_form("/konto/log-ind", jar, &r, "csrf", csrf, "email", email, "adgangskode",
	    password, NULL);
	return reply_done(&r, location, n);
}

long
client_post_code(struct jar *jar, const char *path, const char *code, char *location, size_t n)
{
	char csrf[64];
	struct reply r;

	client_csrf(path, jar, csrf, sizeof(csrf));
	client_post_form(path, jar, &r, "csrf", csrf, "kode", code, NULL);
	return reply_done(&r, location, n);
}

long
client_login_code(struct jar *jar, const unsigned char *secret, size_t len, char *location,
    size_t n)
{
	char code[8];

	ck_assert_int_eq(totp_init(), 0);
	ck_assert_int_eq(totp_code(secret, len, time(NULL), code), 0);
	return client_post_code(jar, "/konto/log-ind/kode", code, location, n);
}

const char *
client_new_key(void)
{
	static char keys[4][SESSION_TOKEN_CHARS + 1];
	static int n;
	unsigned char hash[32];

	n = (n + 1) % 4;
	session_new_token(keys[n], hash);
	return keys[n];
}
