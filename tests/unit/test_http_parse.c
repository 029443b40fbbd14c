/*
 * Unit tests for lib/http_parse: table-driven where the cases are input -> fields, loops for the
 * limits. Every input is copied into a buffer of exactly its length, so ASan catches a parser
 * that reads past len.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

#include "../check_run.h"

/* A string literal and its length, so tables can hold NUL bytes. */
#define S(x)	x, sizeof(x) - 1

struct want {
	const char	*name;
	const char	*value;
	size_t		 value_len;
	const char	*filename;	/* NULL: must not be a file part */
	const char	*ctype;		/* NULL: must have no Content-Type */
};

#define MAXWANT	4

/* The parsed list must match want[0..n) exactly: names, bytes, file names, types. */
static void
check_fields(const struct kvlist *l, size_t n, const struct want *w, size_t row)
{
	size_t i;

	ck_assert_msg(l->n == n, "row %zu: %zu fields, want %zu", row, l->n, n);
	for (i = 0; i < n; i++) {
		ck_assert_msg(strcmp(l->items[i].name, w[i].name) == 0,
		    "row %zu field %zu: name '%s', want '%s'", row, i, l->items[i].name,
		    w[i].name);
		ck_assert_msg(l->items[i].value_len == w[i].value_len,
		    "row %zu field %zu: value_len %zu, want %zu", row, i,
		    l->items[i].value_len, w[i].value_len);
		ck_assert_msg(memcmp(l->items[i].value, w[i].value, w[i].value_len) == 0,
		    "row %zu field %zu: value differs", row, i);
		ck_assert_msg(l->items[i].value[w[i].value_len] == '\0',
		    "row %zu field %zu: value not NUL-terminated", row, i);
		ck_assert_pstr_eq(l->items[i].filename, w[i].filename);
		ck_assert_pstr_eq(l->items[i].content_type, w[i].ctype);
	}
}

/* An exact-size heap copy: no terminating NUL for the parser to lean on. */
static char *
exact(const char *p, size_t len)
{
	char *c = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(c);
	memcpy(c, p, len);
	return c;
}

/* ---- text check and percent-decoding -------------------------------------------------------- */

static const struct {
	const char	*in;
	size_t		 len;
	int		 ok;
} text_rows[] = {
	{ S(""), 1 },
	{ S("plain ascii"), 1 },
	{ S("tab\tcr\rlf\n"), 1 },
	{ S("\xc3\xa6\xc3\xb8\xc3\xa5"), 1 },		/* æøå */
	{ S("\xe2\x82\xac"), 1 },			/* € */
	{ S("\xf0\x9f\x98\x80"), 1 },			/* U+1F600 */
	{ S("\xf4\x8f\xbf\xbf"), 1 },			/* U+10FFFF */
	{ S("a\0b"), 0 },
	{ S("\x01"), 0 },
	{ S("\x1b[31m"), 0 },
	{ S("\x7f"), 0 },
	{ S("\xc3"), 0 },				/* truncated */
	{ S("\xe2\x82"), 0 },				/* truncated */
	{ S("\xc0\xaf"), 0 },				/* overlong '/' */
	{ S("\xe0\x80\xaf"), 0 },			/* overlong */
	{ S("\xed\xa0\x80"), 0 },			/* surrogate */
	{ S("\xf4\x90\x80\x80"), 0 },			/* > U+10FFFF */
	{ S("\xf5\x80\x80\x80"), 0 },
	{ S("\xff"), 0 },
	{ S("\x80"), 0 },				/* lone continuation */
	{ S("\xe6\xf8\xe5"), 0 },			/* æøå in Latin-1 */
};

START_TEST(test_text_ok)
{
	char *c = exact(text_rows[_i].in, text_rows[_i].len);

	ck_assert_msg(http_parse_text_ok(c, text_rows[_i].len) == text_rows[_i].ok,
	    "row %d: want %d", _i, text_rows[_i].ok);
	free(c);
}
END_TEST

static const struct {
	const char		*in;
	int			 plus;
	enum http_parse_err	 err;
	const char		*out;
} pct_rows[] = {
	{ "a+b", 1, HTTP_PARSE_OK, "a b" },
	{ "a+b", 0, HTTP_PARSE_OK, "a+b" },
	{ "a%2Bb", 1, HTTP_PARSE_OK, "a+b" },
	{ "%41%62%2f", 0, HTTP_PARSE_OK, "Ab/" },
	{ "%C3%A6%C3%B8%C3%A5", 1, HTTP_PARSE_OK, "\xc3\xa6\xc3\xb8\xc3\xa5" },
	{ "%", 1, HTTP_PARSE_EMALFORMED, NULL },
	{ "%4", 1, HTTP_PARSE_EMALFORMED, NULL },
	{ "%zz", 1, HTTP_PARSE_EMALFORMED, NULL },
	{ "%4g", 1, HTTP_PARSE_EMALFORMED, NULL },
	{ "ab%", 1, HTTP_PARSE_EMALFORMED, NULL },
	{ "%%41", 1, HTTP_PARSE_EMALFORMED, NULL },
};

START_TEST(test_percent_decode)
{
	size_t len = strlen(pct_rows[_i].in), outlen = 999;
	char *src = exact(pct_rows[_i].in, len), *dst = malloc(len + 1);
	enum http_parse_err e;

	ck_assert_ptr_nonnull(dst);
	e = http_parse_percent_decode(src, len, dst, &outlen, pct_rows[_i].plus);
	ck_assert_msg(e == pct_rows[_i].err, "row %d: err %d, want %d", _i, e,
	    pct_rows[_i].err);
	if (pct_rows[_i].out != NULL) {
		ck_assert_uint_eq(outlen, strlen(pct_rows[_i].out));
		ck_assert_str_eq(dst, pct_rows[_i].out);
	}
	free(src);
	free(dst);
}
END_TEST

/* ---- urlencoded ----------------------------------------------------------------------------- */

static const struct {
	const char		*in;
	size_t			 len;
	enum http_parse_err	 err;
	size_t			 n;
	struct want		 w[MAXWANT];
} url_rows[] = {
	{ S(""), HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("&&&"), HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=1"), HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	{ S("a=1&&b=2&"), HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "b", S("2"), NULL, NULL } } },
	{ S("q=1+2&r=1%2B2&s+t=%20"), HTTP_PARSE_OK, 3,
	    { { "q", S("1 2"), NULL, NULL }, { "r", S("1+2"), NULL, NULL },
	      { "s t", S(" "), NULL, NULL } } },
	{ S("a=1&a=2&b=x&a=3"), HTTP_PARSE_OK, 4,
	    { { "a", S("1"), NULL, NULL }, { "a", S("2"), NULL, NULL },
	      { "b", S("x"), NULL, NULL }, { "a", S("3"), NULL, NULL } } },
	{ S("flag&e="), HTTP_PARSE_OK, 2,
	    { { "flag", S(""), NULL, NULL }, { "e", S(""), NULL, NULL } } },
	{ S("a=b=c"), HTTP_PARSE_OK, 1, { { "a", S("b=c"), NULL, NULL } } },
	{ S("navn=%C3%A6%C3%B8%C3%A5"), HTTP_PARSE_OK, 1,
	    { { "navn", S("\xc3\xa6\xc3\xb8\xc3\xa5"), NULL, NULL } } },
	{ S("%C3%A6=1"), HTTP_PARSE_OK, 1, { { "\xc3\xa6", S("1"), NULL, NULL } } },
	{ S("t=line1%0D%0Aline2%09x"), HTTP_PARSE_OK, 1,
	    { { "t", S("line1\r\nline2\tx"), NULL, NULL } } },
	/* bad escapes */
	{ S("a=%"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%4"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%zz"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=1&%=2"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=50%"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	/* empty name */
	{ S("=x"), HTTP_PARSE_EMALFORMED, 0, { { NULL, NULL, 0, NULL, NULL } } },
	/* NUL and control bytes, encoded or raw */
	{ S("a=%00"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=x\0y"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%01"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%1B"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%7F"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a%00b=1"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a%0Ab=1"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	/* invalid UTF-8 */
	{ S("a=%C3"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%FF"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%C0%AF"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%ED%A0%80"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("a=%E6%F8%E5"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ S("%E6=1"), HTTP_PARSE_EBADBYTE, 0, { { NULL, NULL, 0, NULL, NULL } } },
};

START_TEST(test_urlencoded_table)
{
	struct kvlist l;
	char *c = exact(url_rows[_i].in, url_rows[_i].len);
	enum http_parse_err e;

	kvlist_init(&l);
	e = http_parse_urlencoded(c, url_rows[_i].len, &l);
	ck_assert_msg(e == url_rows[_i].err, "row %d: err %d (%s), want %d", _i, e,
	    http_parse_strerror(e), url_rows[_i].err);
	check_fields(&l, url_rows[_i].n, url_rows[_i].w, (size_t)_i);
	kvlist_free(&l);
	free(c);
}
END_TEST

/* len, not a NUL, ends the input: the bytes after len must not be parsed. */
START_TEST(test_urlencoded_len_bound)
{
	static const char in[] = "a=1&b=2";
	struct kvlist l;
	char *c = exact(in, 3);

	kvlist_init(&l);
	ck_assert_int_eq(http_parse_urlencoded(c, 3, &l), HTTP_PARSE_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(kvlist_value(&l, "a"), "1");
	ck_assert_ptr_null(kvlist_get(&l, "b"));
	kvlist_free(&l);
	free(c);
}
END_TEST

/* Builds "f=1&f=1&..." with n pairs. */
static char *
many_pairs(size_t n, size_t *len)
{
	char *b = malloc(n * 4 + 1);
	size_t i;

	ck_assert_ptr_nonnull(b);
	for (i = 0; i < n; i++)
		memcpy(b + i * 4, "f=1&", 4);
	*len = n * 4 - 1;	/* drop the last '&' */
	return b;
}

START_TEST(test_urlencoded_too_many)
{
	struct kvlist l;
	size_t len;
	char *b;

	kvlist_init(&l);
	b = many_pairs(HTTP_PARSE_MAX_FIELDS, &len);
	ck_assert_int_eq(http_parse_urlencoded(b, len, &l), HTTP_PARSE_OK);
	ck_assert_uint_eq(l.n, HTTP_PARSE_MAX_FIELDS);
	kvlist_free(&l);
	free(b);

	b = many_pairs(HTTP_PARSE_MAX_FIELDS + 1, &len);
	ck_assert_int_eq(http_parse_urlencoded(b, len, &l), HTTP_PARSE_ETOOMANY);
	ck_assert_uint_eq(l.n, 0);	/* nothing half-parsed is left behind */
	kvlist_free(&l);
	free(b);
}
END_TEST

START_TEST(test_urlencoded_name_too_long)
{
	char b[HTTP_PARSE_MAX_NAME + 16];
	struct kvlist l;

	kvlist_init(&l);
	memset(b, 'n', HTTP_PARSE_MAX_NAME);
	memcpy(b + HTTP_PARSE_MAX_NAME, "=v", 2);
	ck_assert_int_eq(http_parse_urlencoded(b, HTTP_PARSE_MAX_NAME + 2, &l), HTTP_PARSE_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_uint_eq(strlen(l.items[0].name), HTTP_PARSE_MAX_NAME);
	kvlist_free(&l);

	memset(b, 'n', HTTP_PARSE_MAX_NAME + 1);
	memcpy(b + HTTP_PARSE_MAX_NAME + 1, "=v", 2);
	ck_assert_int_eq(http_parse_urlencoded(b, HTTP_PARSE_MAX_NAME + 3, &l),
	    HTTP_PARSE_EMALFORMED);
	ck_assert_uint_eq(l.n, 0);
	kvlist_free(&l);
}
END_TEST

/* A failed parse removes only what it added: query fields parsed before a bad body survive. */
START_TEST(test_urlencoded_rollback)
{
	struct kvlist l;

	kvlist_init(&l);
	ck_assert_int_eq(http_parse_urlencoded(S("q=1"), &l), HTTP_PARSE_OK);
	ck_assert_int_eq(http_parse_urlencoded(S("a=1&b=2&c=%zz"), &l), HTTP_PARSE_EMALFORMED);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].name, "q");
	kvlist_free(&l);
}
END_TEST

/* ---- cookies -------------------------------------------------------------------------------- */

static const struct {
	const char		*in;
	enum http_parse_err	 err;
	size_t			 n;
	struct want		 w[MAXWANT];
} cookie_rows[] = {
	{ NULL, HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ "", HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ "sid=abc", HTTP_PARSE_OK, 1, { { "sid", S("abc"), NULL, NULL } } },
	{ "a=1; b=2; c=3", HTTP_PARSE_OK, 3,
	    { { "a", S("1"), NULL, NULL }, { "b", S("2"), NULL, NULL },
	      { "c", S("3"), NULL, NULL } } },
	{ "a=1;b=2", HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "b", S("2"), NULL, NULL } } },
	{ "  a = 1 ;\tb=2  ;  ", HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "b", S("2"), NULL, NULL } } },
	{ "sid=\"quoted value\"; x=\"", HTTP_PARSE_OK, 2,
	    { { "sid", S("quoted value"), NULL, NULL }, { "x", S("\""), NULL, NULL } } },
	{ "novalue; a=1; =orphan; ; b=", HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "b", S(""), NULL, NULL } } },
	{ "a=b=c; p=%41+", HTTP_PARSE_OK, 2,
	    { { "a", S("b=c"), NULL, NULL }, { "p", S("%41+"), NULL, NULL } } },
	{ "a=1; a=2", HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "a", S("2"), NULL, NULL } } },
	/* Unreadable pairs (controls, TAB inside, non-ASCII) are skipped, the rest kept. */
	{ "a=1; b=\x01", HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	{ "a=1\r\nSet-Cookie: x=y", HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ "a=1; b=x\ty", HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	{ "a=1; b\tc=2", HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	{ "a=\x7f", HTTP_PARSE_OK, 0, { { NULL, NULL, 0, NULL, NULL } } },
	{ "sid=ok; other=\xc3\xa6", HTTP_PARSE_OK, 1, { { "sid", S("ok"), NULL, NULL } } },
};

START_TEST(test_cookies_table)
{
	struct kvlist l;
	enum http_parse_err e;

	kvlist_init(&l);
	e = http_parse_cookies(cookie_rows[_i].in, &l);
	ck_assert_msg(e == cookie_rows[_i].err, "row %d: err %d, want %d", _i, e,
	    cookie_rows[_i].err);
	check_fields(&l, cookie_rows[_i].n, cookie_rows[_i].w, (size_t)_i);
	kvlist_free(&l);
}
END_TEST

/* ---- multipart ------------------------------------------------------------------------------ */

#define CT	"multipart/form-data; boundary=XYZ"
#define CD(n)	"Content-Disposition: form-data; name=\"" n "\"\r\n"
#define NOFIELDS { { NULL, NULL, 0, NULL, NULL } }

static const struct {
	const char		*ct;
	const char		*body;
	size_t			 len;
	enum http_parse_err	 err;
	size_t			 n;
	struct want		 w[MAXWANT];
} mp_rows[] = {
	/* 0: two text fields, CRLF everywhere, epilogue ignored */
	{ CT, S("--XYZ\r\n" CD("a") "\r\n1\r\n--XYZ\r\n" CD("b") "\r\nto\r\n--XYZ--\r\nepilogue"),
	    HTTP_PARSE_OK, 2, { { "a", S("1"), NULL, NULL }, { "b", S("to"), NULL, NULL } } },
	/* 1: bare LF everywhere */
	{ CT, S("--XYZ\nContent-Disposition: form-data; name=\"a\"\n\n1\n--XYZ\n"
	    "Content-Disposition: form-data; name=\"b\"\n\nline1\nline2\n--XYZ--"),
	    HTTP_PARSE_OK, 2,
	    { { "a", S("1"), NULL, NULL }, { "b", S("line1\nline2"), NULL, NULL } } },
	/* 2: mixed: CRLF headers, LF delimiters; a CR before a bare-LF delimiter is stripped */
	{ CT, S("--XYZ\r\n" CD("a") "\r\nv\n--XYZ\r\n" CD("b") "\r\nw\r\r\n--XYZ--\n"),
	    HTTP_PARSE_OK, 2, { { "a", S("v"), NULL, NULL }, { "b", S("w\r"), NULL, NULL } } },
	/* 3: preamble and transport padding after the boundary */
	{ CT, S("This is a preamble.\r\n--XYZ  \r\n" CD("a") "\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	/* 4: boundary-like strings inside data stay data */
	{ CT, S("--XYZ\r\n" CD("a") "\r\nx--XYZy\r\n--XYZa\r\n--XYZ-\r\n-XYZ\r\n--XYZ--"),
	    HTTP_PARSE_OK, 1, { { "a", S("x--XYZy\r\n--XYZa\r\n--XYZ-\r\n-XYZ"), NULL, NULL } } },
	/* 5: a file part: NUL kept, Windows path stripped, type kept */
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"pdf\"; "
	    "filename=\"C:\\Users\\me\\thesis.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
	    "%PDF-1.4\0\x01\xff\r\n\r\n--XYZ--\r\n"),
	    HTTP_PARSE_OK, 1,
	    { { "pdf", S("%PDF-1.4\0\x01\xff\r\n"), "thesis.pdf", "application/pdf" } } },
	/* 6: Unix path and traversal stripped; part without Content-Type */
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"../../etc/passwd\"\r\n\r\nroot\r\n--XYZ--"),
	    HTTP_PARSE_OK, 1, { { "f", S("root"), "passwd", NULL } } },
	/* 7: empty filename (no file chosen) is still a file part; ".." never comes out */
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n--XYZ\r\n"
	    "Content-Disposition: form-data; name=\"g\"; filename=\"a/..\"\r\n\r\n\r\n--XYZ--"),
	    HTTP_PARSE_OK, 2,
	    { { "f", S(""), "", "application/octet-stream" }, { "g", S(""), "", NULL } } },
	/* 8: æøå raw in a text part and in a file name */
	{ CT, S("--XYZ\r\n" CD("navn") "\r\n\xc3\xa6\xc3\xb8\xc3\xa5\r\n--XYZ\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"\xc3\xa6.txt\"\r\n\r\n"
	    "\xc3\xb8\r\n--XYZ--"),
	    HTTP_PARSE_OK, 2, { { "navn", S("\xc3\xa6\xc3\xb8\xc3\xa5"), NULL, NULL },
	      { "f", S("\xc3\xb8"), "\xc3\xa6.txt", NULL } } },
	/* 9: quoted boundary, case-insensitive type and parameter name, `;` in a quoted param */
	{ "Multipart/Form-Data; charset=\"a;b\"; BOUNDARY=\"----Web Kit'()+_,-./:=?\"",
	    S("------Web Kit'()+_,-./:=?\r\n" CD("a") "\r\n1\r\n------Web Kit'()+_,-./:=?--"),
	    HTTP_PARSE_OK, 1, { { "a", S("1"), NULL, NULL } } },
	/* 10: header names and parameters are case-insensitive; quoting with `;` and escapes */
	{ CT, S("--XYZ\r\ncontent-disposition: FORM-DATA; NAME=\"a;\\\"b\\\\\"\r\n"
	    "CONTENT-TYPE: text/plain; charset=utf-8\r\n\r\nv\r\n--XYZ--"),
	    HTTP_PARSE_OK, 1, { { "a;\"b\\", S("v"), NULL, "text/plain; charset=utf-8" } } },
	/* 11: unquoted name, duplicates kept in order, empty value */
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XYZ\r\n"
	    CD("a") "\r\n\r\n--XYZ--"),
	    HTTP_PARSE_OK, 2, { { "a", S("1"), NULL, NULL }, { "a", S(""), NULL, NULL } } },
	/* 12: an empty form */
	{ CT, S("--XYZ--\r\n"), HTTP_PARSE_OK, 0, NOFIELDS },
	/* 13..: content types */
	{ NULL, S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "multipart/form-data", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "multipart/form-data; boundary=", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "multipart/form-data; boundary=\"\"", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0,
	    NOFIELDS },
	{ "multipart/form-data; charset=utf-8", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0,
	    NOFIELDS },
	{ "multipart/mixed; boundary=XYZ", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "application/x-www-form-urlencoded; boundary=XYZ", S("--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "multipart/form-data; boundary=XYZ; boundary=ABC", S("--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ "multipart/form-data; boundary=\"XYZ", S("--XYZ--"), HTTP_PARSE_EMALFORMED, 0,
	    NOFIELDS },
	{ "multipart/form-data; boundary=\"X\r\nY\"", S("--X\r\nY--"), HTTP_PARSE_EMALFORMED,
	    0, NOFIELDS },
	/* 23..: part headers */
	{ CT, S("--XYZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") CD("b") "\r\n1\r\n--XYZ--"), HTTP_PARSE_EMALFORMED, 0,
	    NOFIELDS },
	{ CT, S("--XYZ\r\nno colon here\r\n\r\n1\r\n--XYZ--"), HTTP_PARSE_EMALFORMED, 0,
	    NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") " folded: x\r\n\r\n1\r\n--XYZ--"), HTTP_PARSE_EMALFORMED,
	    0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a")), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n\r\n1\r\n--XYZ--"),
	    HTTP_PARSE_EBADBYTE, 0, NOFIELDS },
	/* 33..: body structure */
	{ CT, S("--XYZ\r\n" CD("a") "\r\n1\r\n"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n1\r\n--XYZ"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n1\r\n--XYZ\r\n"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n1\r--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n--XYZ--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("no delimiter at all"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S(""), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	{ CT, S("--XYZa\r\n" CD("a") "\r\n1\r\n--XYZa--"), HTTP_PARSE_EMALFORMED, 0, NOFIELDS },
	/* 41..: text parts get the text check, file parts do not */
	{ CT, S("--XYZ\r\n" CD("a") "\r\nx\0y\r\n--XYZ--"), HTTP_PARSE_EBADBYTE, 0, NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n\xe6\xf8\xe5\r\n--XYZ--"), HTTP_PARSE_EBADBYTE, 0,
	    NOFIELDS },
	{ CT, S("--XYZ\r\n" CD("a") "\r\n\x1b[2J\r\n--XYZ--"), HTTP_PARSE_EBADBYTE, 0,
	    NOFIELDS },
	{ CT, S("--XYZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"\xe6.pdf\"\r\n"
	    "\r\n1\r\n--XYZ--"), HTTP_PARSE_EBADBYTE, 0, NOFIELDS },
};

START_TEST(test_multipart_table)
{
	struct kvlist l;
	char *c = exact(mp_rows[_i].body, mp_rows[_i].len);
	enum http_parse_err e;

	kvlist_init(&l);
	e = http_parse_multipart(mp_rows[_i].ct, c, mp_rows[_i].len, &l);
	ck_assert_msg(e == mp_rows[_i].err, "row %d: err %d (%s), want %d", _i, e,
	    http_parse_strerror(e), mp_rows[_i].err);
	check_fields(&l, mp_rows[_i].n, mp_rows[_i].w, (size_t)_i);
	kvlist_free(&l);
	free(c);
}
END_TEST

START_TEST(test_multipart_boundary_length)
{
	char ct[128], body[128];
	struct kvlist l;
	size_t blen;
	int n;

	kvlist_init(&l);
	for (blen = 70; blen <= 71; blen++) {
		n = snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%.*s", (int)blen,
		    "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
		ck_assert(n > 0 && (size_t)n < sizeof(ct));
		n = snprintf(body, sizeof(body), "--%.*s--", (int)blen, ct + 30);
		ck_assert(n > 0 && (size_t)n < sizeof(body));
		ck_assert_int_eq(http_parse_multipart(ct, body, (size_t)n, &l),
		    blen == 70 ? HTTP_PARSE_OK : HTTP_PARSE_EMALFORMED);
	}
	kvlist_free(&l);
}
END_TEST

/* A body of n parts "--XYZ\r\n<CD>\r\nv\r\n" and the close delimiter. */
static char *
many_parts(size_t n, size_t *len)
{
	static const char part[] = "--XYZ\r\n" CD("f") "\r\nv\r\n";
	static const char close[] = "--XYZ--\r\n";
	char *b = malloc(n * (sizeof(part) - 1) + sizeof(close));
	size_t i, o = 0;

	ck_assert_ptr_nonnull(b);
	for (i = 0; i < n; i++, o += sizeof(part) - 1)
		memcpy(b + o, part, sizeof(part) - 1);
	memcpy(b + o, close, sizeof(close) - 1);
	*len = o + sizeof(close) - 1;
	return b;
}

START_TEST(test_multipart_too_many)
{
	struct kvlist l;
	size_t len;
	char *b;

	kvlist_init(&l);
	b = many_parts(HTTP_PARSE_MAX_FIELDS, &len);
	ck_assert_int_eq(http_parse_multipart(CT, b, len, &l), HTTP_PARSE_OK);
	ck_assert_uint_eq(l.n, HTTP_PARSE_MAX_FIELDS);
	kvlist_free(&l);
	free(b);

	b = many_parts(HTTP_PARSE_MAX_FIELDS + 1, &len);
	ck_assert_int_eq(http_parse_multipart(CT, b, len, &l), HTTP_PARSE_ETOOMANY);
	ck_assert_uint_eq(l.n, 0);
	kvlist_free(&l);
	free(b);
}
END_TEST

/* A header block within the cap parses; one past it is refused even if it would parse. */
START_TEST(test_multipart_header_cap)
{
	static const char head[] = "--XYZ\r\n" CD("a") "X-Pad: ";
	static const char tail[] = "\r\n\r\nv\r\n--XYZ--";
	struct kvlist l;
	size_t pad, len, hdr;
	char *b;

	kvlist_init(&l);
	/* Header block = everything after "--XYZ\r\n" up to and including the empty line. */
	for (hdr = 8192; hdr <= 8193; hdr++) {
		pad = hdr - (sizeof(head) - 1 - 7) - 4;
		len = sizeof(head) - 1 + pad + sizeof(tail) - 1;
		b = malloc(len);
		ck_assert_ptr_nonnull(b);
		memcpy(b, head, sizeof(head) - 1);
		memset(b + sizeof(head) - 1, 'p', pad);
		memcpy(b + sizeof(head) - 1 + pad, tail, sizeof(tail) - 1);
		ck_assert_int_eq(http_parse_multipart(CT, b, len, &l),
		    hdr == 8192 ? HTTP_PARSE_OK : HTTP_PARSE_EMALFORMED);
		ck_assert_uint_eq(l.n, hdr == 8192 ? 1 : 0);
		kvlist_free(&l);
		free(b);
	}
}
END_TEST

START_TEST(test_strerror)
{
	int e;

	for (e = 0; e < HTTP_PARSE__MAX; e++) {
		ck_assert_ptr_nonnull(http_parse_strerror((enum http_parse_err)e));
		ck_assert_uint_gt(strlen(http_parse_strerror((enum http_parse_err)e)), 0);
	}
	ck_assert_str_ne(http_parse_strerror(HTTP_PARSE_OK),
	    http_parse_strerror(HTTP_PARSE_EMALFORMED));
	ck_assert_str_eq(http_parse_strerror(HTTP_PARSE__MAX), "unknown error");
}
END_TEST

#define NROWS(a)	((int)(sizeof(a) / sizeof((a)[0])))

static Suite *
http_parse_suite(void)
{
	Suite *s = suite_create("http_parse");
	TCase *tc;

	tc = tcase_create("text");
	tcase_add_loop_test(tc, test_text_ok, 0, NROWS(text_rows));
	tcase_add_loop_test(tc, test_percent_decode, 0, NROWS(pct_rows));
	tcase_add_test(tc, test_strerror);
	suite_add_tcase(s, tc);

	tc = tcase_create("urlencoded");
	tcase_add_loop_test(tc, test_urlencoded_table, 0, NROWS(url_rows));
	tcase_add_test(tc, test_urlencoded_len_bound);
	tcase_add_test(tc, test_urlencoded_too_many);
	tcase_add_test(tc, test_urlencoded_name_too_long);
	tcase_add_test(tc, test_urlencoded_rollback);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_loop_test(tc, test_cookies_table, 0, NROWS(cookie_rows));
	suite_add_tcase(s, tc);

	tc = tcase_create("multipart");
	tcase_add_loop_test(tc, test_multipart_table, 0, NROWS(mp_rows));
	tcase_add_test(tc, test_multipart_boundary_length);
	tcase_add_test(tc, test_multipart_too_many);
	tcase_add_test(tc, test_multipart_header_cap);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(http_parse_suite());
}
