/*
 * http: the request layer over a fake body stream: CONTENT_LENGTH missing, malformed or over the
 * cap (checked before a byte is read), short reads, body types, and the response's headers.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fcgi.h"
#include "http.h"

#include "../check_run.h"

struct feed {
	const char	*data;
	size_t		 len;
	size_t		 pos;
	size_t		 chunk;		/* at most this many bytes per read: short counts */
	size_t		 reads;
};

static long
feed_read(void *ctx, char *p, size_t n)
{
	struct feed *f = ctx;
	size_t left = f->len - f->pos;

	f->reads++;
	if (n > left)
		n = left;
	if (f->chunk && n > f->chunk)
		n = f->chunk;
	memcpy(p, f->data + f->pos, n);
	f->pos += n;
	return (long)n;
}

static enum http_err
run(const char *method, const char *ctype, const char *clen, const char *body, size_t chunk,
    size_t cap, struct http_request *r, struct feed *f)
{
	char m[64], ct[256], cl[64];
	char *envp[8];
	size_t n = 0;

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", method);
	envp[n++] = m;
	envp[n++] = "DOCUMENT_URI=/x";
	envp[n++] = "QUERY_STRING=a=1&b=%C3%A6";
	if (ctype) {
		snprintf(ct, sizeof(ct), "CONTENT_TYPE=%s", ctype);
		envp[n++] = ct;
	}
	if (clen) {
		snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%s", clen);
		envp[n++] = cl;
	}
	envp[n] = NULL;
	memset(f, 0, sizeof(*f));
	f->data = body ? body : "";
	f->len = strlen(f->data);
	f->chunk = chunk;
	http_request_init(r);
	return http_request_read(r, envp, feed_read, f, cap);
}

#define FORM "application/x-www-form-urlencoded"

START_TEST(get_without_body)
{
	struct http_request r;
	struct feed f;

	ck_assert_int_eq(run("GET", NULL, NULL, NULL, 0, 100, &r, &f), HTTP_OK);
	ck_assert_str_eq(http_param(&r, "b"), "æ");
	ck_assert_uint_eq(r.body_len, 0);
	http_request_free(&r);
}
END_TEST

START_TEST(post_form_short_counts)
{
	struct http_request r;
	struct feed f;

	/* The stream hands out 3 bytes a read; the loop must gather all 17. */
	ck_assert_int_eq(run("POST", FORM, "17", "navn=%C3%B8&a=2+3", 3, 100, &r, &f), HTTP_OK);
	ck_assert_uint_ge(f.reads, 6);
	ck_assert_str_eq(http_param(&r, "navn"), "ø");
	ck_assert_str_eq(http_param(&r, "a"), "2 3");	/* form first, then query */
	http_request_free(&r);
}
END_TEST

static const struct {
	const char *clen;
	const char *body;
	size_t cap;
	enum http_err want;
} lengths[] = {
	{ "abc", "x=1", 100, HTTP_EBADREQ },		/* not a number */
	{ "-3", "x=1", 100, HTTP_EBADREQ },
	{ "3 ", "x=1", 100, HTTP_EBADREQ },
	{ "99999999999999999999999", "x=1", 100, HTTP_EBADREQ },
	{ "101", "x=1", 100, HTTP_ETOOLARGE },		/* over the cap: refused before reading */
	{ "10", "x=1", 100, HTTP_EBADREQ },		/* declared 10, sent 3: short read */
	{ "3", "x=1", 3, HTTP_OK },			/* exactly the cap */
	{ NULL, "x=1", 100, HTTP_OK },			/* no length: no body read */
	{ "", "x=1", 100, HTTP_OK },
};

START_TEST(content_length)
{
	struct http_request r;
	struct feed f;

	ck_assert_int_eq(run("POST", FORM, lengths[_i].clen, lengths[_i].body, 0, lengths[_i].cap,
	    &r, &f), lengths[_i].want);
	if (lengths[_i].want == HTTP_ETOOLARGE)
		ck_assert_uint_eq(f.reads, 0);
	http_request_free(&r);
}
END_TEST

START_TEST(body_types)
{
	struct http_request r;
	struct feed f;

	ck_assert_int_eq(run("POST", "text/plain", "3", "x=1", 0, 100, &r, &f), HTTP_EUNSUPPORTED);
	http_request_free(&r);
	ck_assert_int_eq(run("POST", FORM, "4", "x=%G", 0, 100, &r, &f), HTTP_EBADREQ);
	ck_assert_int_eq(r.parse_err, HTTP_PARSE_EMALFORMED);
	http_request_free(&r);
	ck_assert_int_eq(run("POST", "multipart/form-data", "3", "x=1", 0, 100, &r, &f),
	    HTTP_EBADREQ);	/* no boundary */
	http_request_free(&r);
	ck_assert_int_eq(http_err_status(HTTP_ETOOLARGE), 413);
	ck_assert_int_eq(http_err_status(HTTP_EBADREQ), 400);
}
END_TEST

START_TEST(response_headers)
{
	struct http_response w;
	struct buf out;

	http_response_init(&w);
	buf_init(&out, 0);
	ck_assert_int_eq(http_response_header(&w, "X-Test", "a\r\nSet-Cookie: x=1"), -1);
	ck_assert_int_eq(http_response_header(&w, "Bad\nName", "v"), -1);
	ck_assert_int_eq(http_response_header(&w, "X-Test", "ok"), 0);
	buf_puts(&w.body, "hej");
	w.status = 404;
	ck_assert_int_eq(http_response_serialize(&w, 0, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.data, "Status: 404 Not Found\r\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "Content-Security-Policy: default-src 'self'"));
	ck_assert_ptr_nonnull(strstr(out.data, "frame-ancestors 'none'"));
	ck_assert_ptr_nonnull(strstr(out.data, "X-Content-Type-Options: nosniff\r\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "Cache-Control: no-store\r\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "Content-Length: 3\r\n"));
	ck_assert_ptr_null(strstr(out.data, "Set-Cookie"));
	ck_assert_ptr_nonnull(strstr(out.data, "\r\n\r\nhej"));
	buf_reset(&out);
	ck_assert_int_eq(http_response_serialize(&w, 1, &out), 0);	/* HEAD: no body */
	ck_assert_ptr_null(strstr(out.data, "hej"));
	buf_free(&out);
	http_response_free(&w);
}
END_TEST

/*
 * Single sign-on (issue 3): the identity comes from a param nginx sets by name; a client header
 * SSO-Email arrives as HTTP_SSO_EMAIL and is never taken for it, nor is a longer or shorter name.
 */
START_TEST(nginx_param_not_a_header)
{
	char *only_header[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/konto/sso",
		"HTTP_SSO_EMAIL=victim@ku.dk", "HTTP_X_SSO_EMAIL=victim@ku.dk",
		"SSO_EMAILX=victim@ku.dk", "SSO_EMAI=victim@ku.dk", NULL };
	char *both[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/konto/sso",
		"HTTP_SSO_EMAIL=victim@ku.dk", "SSO_EMAIL=sso.user@ku.dk", NULL };
	char *empty[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/konto/sso", "SSO_EMAIL=",
		"HTTP_SSO_EMAIL=victim@ku.dk", NULL };
	struct http_request r;
	struct feed f;

	memset(&f, 0, sizeof(f));
	f.data = "";
	http_request_init(&r);
	ck_assert_int_eq(http_request_read(&r, only_header, feed_read, &f, 1024), HTTP_OK);
	ck_assert_ptr_null(http_nginx_param(&r, "SSO_EMAIL"));
	ck_assert_ptr_null(http_nginx_param(&r, "HTTP_SSO_EMAIL"));	/* never a header */
	ck_assert_ptr_null(http_nginx_param(&r, "http_sso_email"));
	ck_assert_ptr_null(http_nginx_param(&r, ""));
	ck_assert_ptr_null(http_nginx_param(&r, NULL));
	http_request_free(&r);

	http_request_init(&r);
	ck_assert_int_eq(http_request_read(&r, both, feed_read, &f, 1024), HTTP_OK);
	ck_assert_str_eq(http_nginx_param(&r, "SSO_EMAIL"), "sso.user@ku.dk");
	http_request_free(&r);

	http_request_init(&r);
	ck_assert_int_eq(http_request_read(&r, empty, feed_read, &f, 1024), HTTP_OK);
	ck_assert_ptr_null(http_nginx_param(&r, "SSO_EMAIL"));		/* empty: not sent */
	http_request_free(&r);
}
END_TEST

/* Ids in parameters and stored values: whole positive numbers of at most 15 digits. */
START_TEST(ids)
{
	ck_assert_int_eq(http_id("42"), 42);
	ck_assert_int_eq(http_id("999999999999999"), 999999999999999LL);
	ck_assert_int_eq(http_id("1000000000000000"), 0);	/* 16 digits */
	ck_assert_int_eq(http_id(NULL), 0);
	ck_assert_int_eq(http_id(""), 0);
	ck_assert_int_eq(http_id("-3"), 0);
	ck_assert_int_eq(http_id("3a"), 0);
	ck_assert_int_eq(http_id(" 3"), 0);
}
END_TEST

/* Where a login may send the person back to: paths of ours only (lib/fcgi.h). */
START_TEST(return_paths)
{
	char longp[CTX_RETURN_MAX + 2];

	ck_assert(ctx_return_ok("/projekt/sag?id=3&sag=41"));
	ck_assert(ctx_return_ok("/"));
	ck_assert(ctx_return_ok("/autorisation?x=a%20b"));
	ck_assert(!ctx_return_ok(NULL));
	ck_assert(!ctx_return_ok(""));
	ck_assert(!ctx_return_ok("projekt"));
	ck_assert(!ctx_return_ok("//evil.example/"));
	ck_assert(!ctx_return_ok("/\\evil.example/"));
	ck_assert(!ctx_return_ok("https://evil.example/"));
	ck_assert(!ctx_return_ok("/a b"));
	ck_assert(!ctx_return_ok("/a\tb"));
	ck_assert(!ctx_return_ok("/a\r\nLocation: x"));
	ck_assert(!ctx_return_ok("/\xc3\xa6"));	/* raw UTF-8: a browser sends it encoded */
	ck_assert(!ctx_return_ok("/konto/log-ind?tilbage=/x"));	/* no loops */
	ck_assert(!ctx_return_ok("/konto/log-ud"));
	memset(longp, 'a', sizeof(longp));
	longp[0] = '/';
	longp[CTX_RETURN_MAX] = '\0';
	ck_assert(ctx_return_ok(longp));
	longp[CTX_RETURN_MAX] = 'a';
	longp[CTX_RETURN_MAX + 1] = '\0';
	ck_assert(!ctx_return_ok(longp));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("http_request");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, get_without_body);
	tcase_add_test(tc, post_form_short_counts);
	tcase_add_loop_test(tc, content_length, 0, sizeof(lengths) / sizeof(lengths[0]));
	tcase_add_test(tc, body_types);
	tcase_add_test(tc, response_headers);
	tcase_add_test(tc, nginx_param_not_a_header);
	tcase_add_test(tc, return_paths);
	tcase_add_test(tc, ids);
	suite_add_tcase(s, tc);
	return check_run(s);
}
