/*
 * http_parse: pure parsers for the outside input a request carries: query strings and
 * application/x-www-form-urlencoded bodies, multipart/form-data bodies, and the Cookie header.
 * No I/O, no globals: each takes bytes and fills a kvlist, so each has a libFuzzer harness.
 */
#ifndef PORTAL_HTTP_PARSE_H
#define PORTAL_HTTP_PARSE_H

#include <stddef.h>

#include "kv.h"

enum http_parse_err {
	HTTP_PARSE_OK = 0,
	HTTP_PARSE_EMALFORMED,	/* bad syntax: bad percent escape, no boundary, unterminated part */
	HTTP_PARSE_EBADBYTE,	/* NUL, control byte or invalid UTF-8 in a text field or name */
	HTTP_PARSE_ETOOMANY,	/* more fields than HTTP_PARSE_MAX_FIELDS */
	HTTP_PARSE_ENOMEM,
	HTTP_PARSE__MAX
};

#define HTTP_PARSE_MAX_FIELDS	512
#define HTTP_PARSE_MAX_NAME	128

const char		*http_parse_strerror(enum http_parse_err);

/*
 * Strict percent-decoding of [src, src+len) into dst (which must hold len+1 bytes); `+` becomes
 * a space when plus_is_space. A `%` not followed by two hex digits is an error. Writes a NUL.
 */
enum http_parse_err	 http_parse_percent_decode(const char *src, size_t len, char *dst,
			    size_t *dstlen, int plus_is_space);

/* Text fields: valid UTF-8, no NUL, no C0 control byte but TAB, CR, LF, no DEL. */
int			 http_parse_text_ok(const char *p, size_t len);

enum http_parse_err	 http_parse_urlencoded(const char *buf, size_t len, struct kvlist *out);
enum http_parse_err	 http_parse_cookies(const char *header, struct kvlist *out);
/* content_type is the full header value, e.g. "multipart/form-data; boundary=XYZ". */
enum http_parse_err	 http_parse_multipart(const char *content_type, const char *buf,
			    size_t len, struct kvlist *out);

#endif
