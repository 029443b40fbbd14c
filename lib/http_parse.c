/*
 * http_parse: strict, bounded parsers for query strings, urlencoded and multipart bodies and the
 * Cookie header. Every input is untrusted and not NUL-terminated (except the Cookie header and
 * the Content-Type value, which come from the FastCGI environment), so every scan is bounded by
 * an explicit end pointer. On any error the fields added by the failed call are removed again, so
 * a caller that forgets to check the result never sees half a form.
 */
#include "http_parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* RFC 2046 5.1.1: a boundary is 1 to 70 characters. */
#define MP_BOUNDARY_MAX		70
/* A part's header block is a couple of short lines; anything longer is abuse, not a form. */
#define MP_HEADER_MAX		8192

static const char *const errors[HTTP_PARSE__MAX] = {
	"success",				/* HTTP_PARSE_OK */
	"malformed input",			/* HTTP_PARSE_EMALFORMED */
	"forbidden byte or invalid UTF-8",	/* HTTP_PARSE_EBADBYTE */
	"too many fields",			/* HTTP_PARSE_ETOOMANY */
	"out of memory",			/* HTTP_PARSE_ENOMEM */
};

const char *
http_parse_strerror(enum http_parse_err e)
{
	if ((unsigned)e >= HTTP_PARSE__MAX)
		return "unknown error";
	return errors[e];
}

/* ---- shared helpers ------------------------------------------------------------------------- */

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ASCII-only case folding: the C library's tolower() depends on the locale. */
static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Case-insensitive compare of the span [p, p+len) with the C string s. */
static int
span_ieq(const char *p, size_t len, const char *s)
{
	size_t i;

	if (strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (lower((unsigned char)p[i]) != lower((unsigned char)s[i]))
			return 0;
	return 1;
}

static void
trim(const char **p, const char **end)
{
	while (*p < *end && is_ows(**p))
		(*p)++;
	while (*end > *p && is_ows((*end)[-1]))
		(*end)--;
}

static char *
dup_span(const char *p, size_t len)
{
	char *s;

	if ((s = malloc(len + 1)) == NULL)
		return NULL;
	if (len)
		memcpy(s, p, len);
	s[len] = '\0';
	return s;
}

/* Undo the fields a failed call added, leaving what the caller had before. */
static void
kvlist_truncate(struct kvlist *l, size_t n)
{
	while (l->n > n) {
		l->n--;
		free(l->items[l->n].name);
		free(l->items[l->n].value);
		free(l->items[l->n].filename);
		free(l->items[l->n].content_type);
		memset(&l->items[l->n], 0, sizeof(l->items[l->n]));
	}
}

int
http_parse_text_ok(const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, need, k;
	unsigned char c, lo, hi;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		/*
		 * RFC 3629 table 4: the ranges for the second byte exclude overlong forms
		 * (E0, F0), UTF-16 surrogates (ED) and code points above U+10FFFF (F4).
		 */
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		if (len - i - 1 < need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += need + 1;
	}
	return 1;
}

/*
 * Field names end up in logs, maps and templates, so they get the text check and, on top of it,
 * no TAB/CR/LF: no legitimate form names a field across lines.
 */
static enum http_parse_err
check_name(const char *p, size_t len)
{
	if (len == 0 || len > HTTP_PARSE_MAX_NAME)
		return HTTP_PARSE_EMALFORMED;
	if (memchr(p, '\t', len) || memchr(p, '\r', len) || memchr(p, '\n', len))
		return HTTP_PARSE_EBADBYTE;
	if (!http_parse_text_ok(p, len))
		return HTTP_PARSE_EBADBYTE;
	return HTTP_PARSE_OK;
}

/* ---- percent-decoding and urlencoded -------------------------------------------------------- */

enum http_parse_err
http_parse_percent_decode(const char *src, size_t len, char *dst, size_t *dstlen,
    int plus_is_space)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < len; i++) {
		if (src[i] == '%') {
			/* Strict: a lone '%' is not passed through, the sender encoded wrongly. */
			if (len - i < 3 ||
			    (hi = hexval(src[i + 1])) < 0 || (lo = hexval(src[i + 2])) < 0) {
				dst[o] = '\0';
				*dstlen = o;
				return HTTP_PARSE_EMALFORMED;
			}
			dst[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (src[i] == '+' && plus_is_space)
			dst[o++] = ' ';
		else
			dst[o++] = src[i];
	}
	dst[o] = '\0';
	*dstlen = o;
	return HTTP_PARSE_OK;
}

/* One `name[=value]` pair; scratch holds at least pairlen + 2 bytes. */
static enum http_parse_err
urlencoded_pair(const char *p, size_t len, char *scratch, struct kvlist *out)
{
	const char *eq;
	char *name, *value;
	size_t nraw, vraw, nlen, vlen;
	enum http_parse_err e;

	if ((eq = memchr(p, '=', len)) != NULL) {
		nraw = (size_t)(eq - p);
		vraw = len - nraw - 1;
	} else {
		nraw = len;
		vraw = 0;
	}
	/* Decoding never grows, so name and value fit side by side in scratch. */
	name = scratch;
	value = scratch + nraw + 1;
	if ((e = http_parse_percent_decode(p, nraw, name, &nlen, 1)) != HTTP_PARSE_OK)
		return e;
	if ((e = check_name(name, nlen)) != HTTP_PARSE_OK)
		return e;
	if ((e = http_parse_percent_decode(eq ? eq + 1 : p + len, vraw, value, &vlen, 1)) !=
	    HTTP_PARSE_OK)
		return e;
	if (!http_parse_text_ok(value, vlen))
		return HTTP_PARSE_EBADBYTE;
	if (kvlist_add(out, name, nlen, value, vlen) == -1)
		return HTTP_PARSE_ENOMEM;
	return HTTP_PARSE_OK;
}

enum http_parse_err
http_parse_urlencoded(const char *buf, size_t len, struct kvlist *out)
{
	const char *p = buf, *end = buf + len, *amp;
	char *scratch = NULL;
	size_t start = out->n, plen, fields = 0;
	enum http_parse_err e = HTTP_PARSE_OK;

	if (len == 0)
		return HTTP_PARSE_OK;
	if (len > SIZE_MAX - 2 || (scratch = malloc(len + 2)) == NULL) {
		e = HTTP_PARSE_ENOMEM;
		goto out;
	}
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		plen = amp ? (size_t)(amp - p) : (size_t)(end - p);
		/* `a=1&&b=2` and a trailing `&` are common in hand-made links: skip, not fail. */
		if (plen > 0) {
			if (++fields > HTTP_PARSE_MAX_FIELDS) {
				e = HTTP_PARSE_ETOOMANY;
				goto out;
			}
			if ((e = urlencoded_pair(p, plen, scratch, out)) != HTTP_PARSE_OK)
				goto out;
		}
		p += plen + (amp ? 1 : 0);
	}
out:
	free(scratch);
	if (e != HTTP_PARSE_OK)
		kvlist_truncate(out, start);
	return e;
}

/* ---- cookies -------------------------------------------------------------------------------- */

static int
cookie_octets(const char *p, const char *end)
{
	for (; p < end; p++)
		if ((unsigned char)*p <= 0x20 && *p != ' ')
			return 0;
		else if ((unsigned char)*p >= 0x7f)
			return 0;
	return 1;
}

enum http_parse_err
http_parse_cookies(const char *header, struct kvlist *out)
{
	const char *p, *end, *semi, *seg, *segend, *eq, *n, *nend, *v, *vend;
	size_t start = out->n, len, fields = 0;
	enum http_parse_err e = HTTP_PARSE_OK;

	if (header == NULL || (len = strlen(header)) == 0)
		return HTTP_PARSE_OK;
	p = header;
	end = header + len;
	while (p < end) {
		semi = memchr(p, ';', (size_t)(end - p));
		seg = p;
		segend = semi ? semi : end;
		p = semi ? semi + 1 : end;
		/*
		 * Cookies are set by whatever else shares the host, so a pair we cannot read is
		 * skipped rather than failing the whole request.
		 */
		if ((eq = memchr(seg, '=', (size_t)(segend - seg))) == NULL)
			continue;
		n = seg;
		nend = eq;
		trim(&n, &nend);
		if (n == nend || (size_t)(nend - n) > HTTP_PARSE_MAX_NAME)
			continue;
		v = eq + 1;
		vend = segend;
		trim(&v, &vend);
		if (vend - v >= 2 && v[0] == '"' && vend[-1] == '"') {
			v++;
			vend--;
		}
		/*
		 * RFC 6265 cookie-octets are printable ASCII (TAB only as whitespace around a pair).
		 * A pair with anything else, e.g. raw UTF-8 set by another application on the same
		 * host, is skipped like any other unreadable pair: the portal's own cookies are ASCII.
		 */
		if (!cookie_octets(n, nend) || !cookie_octets(v, vend))
			continue;
		if (++fields > HTTP_PARSE_MAX_FIELDS) {
			e = HTTP_PARSE_ETOOMANY;
			goto out;
		}
		if (kvlist_add(out, n, (size_t)(nend - n), v, (size_t)(vend - v)) == -1) {
			e = HTTP_PARSE_ENOMEM;
			goto out;
		}
	}
out:
	if (e != HTTP_PARSE_OK)
		kvlist_truncate(out, start);
	return e;
}

/* ---- header parameters (Content-Type, Content-Disposition) ---------------------------------- */

/* RFC 7230 3.2.6 tchar. */
static int
is_tchar(char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/*
 * The next `; name=value` parameter of [*pp, end). Returns 1 with the name span and the value
 * (unquoted and unescaped) in val, which holds at least end - *pp + 1 bytes; 0 at the end;
 * -1 on bad syntax. A quoted value may hold `;`, so the split has to follow the quoting.
 */
static int
param_next(const char **pp, const char *end, const char **name, size_t *namelen,
    char *val, size_t *vallen)
{
	const char *p = *pp, *v, *vend;
	size_t o = 0;

	for (;;) {
		while (p < end && is_ows(*p))
			p++;
		if (p == end) {
			*pp = p;
			return 0;
		}
		if (*p != ';')
			return -1;
		p++;
		while (p < end && is_ows(*p))
			p++;
		/* Tolerate `;;` and a trailing `;`: harmless and some clients emit them. */
		if (p < end && *p != ';')
			break;
	}
	if (p == end) {
		*pp = p;
		return 0;
	}
	*name = p;
	while (p < end && is_tchar(*p))
		p++;
	if ((*namelen = (size_t)(p - *name)) == 0)
		return -1;
	while (p < end && is_ows(*p))
		p++;
	if (p == end || *p != '=')
		return -1;
	p++;
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			/*
			 * Only \" and \\ are escapes. Browsers do not escape a backslash in a
			 * filename (WHATWG percent-encodes `"` instead), and old IE sends full
			 * Windows paths like "C:\dir\f.pdf": treating every backslash as an escape
			 * would glue the path together before the path is stripped.
			 */
			if (*p == '\\' && end - p >= 2 && (p[1] == '"' || p[1] == '\\'))
				p++;
			val[o++] = *p;
		}
		if (p == end)
			return -1;
		p++;
	} else {
		v = p;
		while (p < end && *p != ';')
			p++;
		vend = p;
		trim(&v, &vend);
		for (; v < vend; v++) {
			if (!is_tchar(*v))
				return -1;
			val[o++] = *v;
		}
	}
	val[o] = '\0';
	*vallen = o;
	*pp = p;
	return 1;
}

/* The leading value of a header (`multipart/form-data`, `form-data`) up to the first `;`. */
static int
header_main_is(const char **pp, const char *end, const char *want)
{
	const char *p = *pp, *v, *vend;

	while (p < end && is_ows(*p))
		p++;
	v = p;
	while (p < end && *p != ';')
		p++;
	vend = p;
	trim(&v, &vend);
	*pp = p;
	return span_ieq(v, (size_t)(vend - v), want);
}

/* RFC 2046 5.1.1 bchars; a space is allowed but not last. */
static int
boundary_ok(const char *b, size_t len)
{
	size_t i;

	if (len == 0 || len > MP_BOUNDARY_MAX || b[len - 1] == ' ')
		return 0;
	for (i = 0; i < len; i++) {
		char c = b[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c) != NULL))
			return 0;
	}
	return 1;
}

/* Fills bnd (MP_BOUNDARY_MAX + 1 bytes) from the Content-Type value. */
static enum http_parse_err
content_type_boundary(const char *ct, char *bnd, size_t *bndlen)
{
	const char *p = ct, *end = ct + strlen(ct), *name;
	char *val;
	size_t namelen, vallen;
	int r, found = 0;
	enum http_parse_err e = HTTP_PARSE_EMALFORMED;

	if (!header_main_is(&p, end, "multipart/form-data"))
		return HTTP_PARSE_EMALFORMED;
	if ((val = malloc((size_t)(end - p) + 1)) == NULL)
		return HTTP_PARSE_ENOMEM;
	while ((r = param_next(&p, end, &name, &namelen, val, &vallen)) == 1) {
		if (!span_ieq(name, namelen, "boundary"))
			continue;
		/* Two boundaries: whichever we picked, some other reader might pick the other. */
		if (found || !boundary_ok(val, vallen))
			goto out;
		memcpy(bnd, val, vallen);
		bnd[vallen] = '\0';
		*bndlen = vallen;
		found = 1;
	}
	if (r == 0 && found)
		e = HTTP_PARSE_OK;
out:
	free(val);
	return e;
}

/* ---- multipart ------------------------------------------------------------------------------ */

struct part {
	char	*name;
	char	*filename;	/* NULL when the part is not a file */
	char	*ctype;
};

static void
part_free(struct part *pt)
{
	free(pt->name);
	free(pt->filename);
	free(pt->ctype);
	memset(pt, 0, sizeof(*pt));
}

/*
 * The client's file name is only a hint for display: keep the last path component, whatever the
 * separator, and never hand out "." or "..", so nobody is tempted to join it onto a path.
 */
static char *
filename_base(const char *f, size_t len)
{
	size_t i, b = 0;

	for (i = 0; i < len; i++)
		if (f[i] == '/' || f[i] == '\\')
			b = i + 1;
	f += b;
	len -= b;
	if ((len == 1 && f[0] == '.') || (len == 2 && f[0] == '.' && f[1] == '.'))
		len = 0;
	return dup_span(f, len);
}

static enum http_parse_err
part_disposition(const char *p, const char *end, struct part *pt, char *val)
{
	const char *name;
	size_t namelen, vallen;
	int r;
	enum http_parse_err e;

	if (pt->name != NULL)
		return HTTP_PARSE_EMALFORMED;	/* two Content-Disposition headers */
	if (!header_main_is(&p, end, "form-data"))
		return HTTP_PARSE_EMALFORMED;
	while ((r = param_next(&p, end, &name, &namelen, val, &vallen)) == 1) {
		if (span_ieq(name, namelen, "name")) {
			if (pt->name != NULL)
				return HTTP_PARSE_EMALFORMED;
			if ((e = check_name(val, vallen)) != HTTP_PARSE_OK)
				return e;
			if ((pt->name = dup_span(val, vallen)) == NULL)
				return HTTP_PARSE_ENOMEM;
		} else if (span_ieq(name, namelen, "filename")) {
			if (pt->filename != NULL)
				return HTTP_PARSE_EMALFORMED;
			if ((pt->filename = filename_base(val, vallen)) == NULL)
				return HTTP_PARSE_ENOMEM;
		}
		/* filename* and others: RFC 7578 4.2 says senders must not use filename*. */
	}
	if (r == -1 || pt->name == NULL)
		return HTTP_PARSE_EMALFORMED;
	return HTTP_PARSE_OK;
}

static enum http_parse_err
part_header(const char *p, const char *end, struct part *pt, char *val)
{
	const char *colon, *v;

	if ((colon = memchr(p, ':', (size_t)(end - p))) == NULL || colon == p)
		return HTTP_PARSE_EMALFORMED;
	v = colon + 1;
	trim(&v, &end);
	if (span_ieq(p, (size_t)(colon - p), "content-disposition"))
		return part_disposition(v, end, pt, val);
	if (span_ieq(p, (size_t)(colon - p), "content-type")) {
		if (pt->ctype != NULL)
			return HTTP_PARSE_EMALFORMED;
		if ((pt->ctype = dup_span(v, (size_t)(end - v))) == NULL)
			return HTTP_PARSE_ENOMEM;
	}
	/* Anything else (Content-Transfer-Encoding, ...) is ignored, as RFC 7578 4.7 allows. */
	return HTTP_PARSE_OK;
}

/*
 * Reads the header block of a part starting at p, up to and including the empty line, and sets
 * *body to the first byte after it. Lines end in CRLF or a bare LF.
 */
static enum http_parse_err
part_headers(const char *p, const char *end, struct part *pt, const char **body)
{
	const char *lim, *nl, *le;
	char val[MP_HEADER_MAX + 1];
	enum http_parse_err e;

	lim = (size_t)(end - p) > MP_HEADER_MAX ? p + MP_HEADER_MAX : end;
	for (;;) {
		if ((nl = memchr(p, '\n', (size_t)(lim - p))) == NULL)
			return HTTP_PARSE_EMALFORMED;	/* truncated or over the cap */
		le = (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
		if (le == p) {
			/* A part without Content-Disposition has no name to file it under. */
			if (pt->name == NULL)
				return HTTP_PARSE_EMALFORMED;
			*body = nl + 1;
			return HTTP_PARSE_OK;
		}
		/* Obsolete line folding is not sent by any browser; refuse it, do not guess. */
		if (is_ows(*p))
			return HTTP_PARSE_EMALFORMED;
		/* Raw UTF-8 is fine (browsers send file names that way); controls but TAB are not. */
		if (!http_parse_text_ok(p, (size_t)(le - p)) || memchr(p, '\r', (size_t)(le - p)))
			return HTTP_PARSE_EBADBYTE;
		if ((e = part_header(p, le, pt, val)) != HTTP_PARSE_OK)
			return e;
		p = nl + 1;
	}
}

/*
 * If a delimiter `--boundary` (dash points at its first '-') is complete, returns 1 for a close
 * delimiter, 2 for a part delimiter with *next set past its line end, and 0 when the bytes only
 * look like one (e.g. `--XYZa`), so they are data.
 */
static int
delimiter_kind(const char *dash, const char *end, size_t bndlen, const char **next)
{
	const char *p = dash + 2 + bndlen;

	if (end - p >= 2 && p[0] == '-' && p[1] == '-')
		return 1;
	/* RFC 2046 transport-padding: linear whitespace before the line end. */
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '\n') {
		*next = p + 1;
		return 2;
	}
	if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
		*next = p + 2;
		return 2;
	}
	return 0;
}

/*
 * Finds the next delimiter at or after from: LF `--boundary` (the LF may be part of CRLF).
 * needle is "\n--boundary". Sets *dataend to where the data before it stops (its CR or LF).
 */
static int
find_delimiter(const char *from, const char *end, const char *needle, size_t nlen,
    const char **dataend, const char **next)
{
	const char *m, *p = from;
	int kind;

	while ((size_t)(end - p) >= nlen &&
	    (m = memmem(p, (size_t)(end - p), needle, nlen)) != NULL) {
		if ((kind = delimiter_kind(m + 1, end, nlen - 3, next)) != 0) {
			/* The CR belongs to the delimiter only if it is not before `from`. */
			*dataend = (m > from && m[-1] == '\r') ? m - 1 : m;
			return kind;
		}
		p = m + 1;
	}
	return 0;
}

static enum http_parse_err
part_add(struct part *pt, const char *data, size_t len, struct kvlist *out)
{
	struct kv *kv;

	/* File parts are raw bytes (PDFs); their type is checked later, with libmagic. */
	if (pt->filename == NULL && !http_parse_text_ok(data, len))
		return HTTP_PARSE_EBADBYTE;
	if (kvlist_add(out, pt->name, strlen(pt->name), data, len) == -1)
		return HTTP_PARSE_ENOMEM;
	kv = &out->items[out->n - 1];
	kv->filename = pt->filename;
	kv->content_type = pt->ctype;
	pt->filename = NULL;
	pt->ctype = NULL;
	return HTTP_PARSE_OK;
}

enum http_parse_err
http_parse_multipart(const char *content_type, const char *buf, size_t len,
    struct kvlist *out)
{
	char bnd[MP_BOUNDARY_MAX + 1], needle[MP_BOUNDARY_MAX + 4];
	const char *end, *p, *body, *dataend = NULL, *next = NULL;
	size_t bndlen = 0, nlen, start = out->n, fields = 0;
	struct part pt;
	int kind;
	enum http_parse_err e;

	memset(&pt, 0, sizeof(pt));
	if (content_type == NULL)
		return HTTP_PARSE_EMALFORMED;
	if ((e = content_type_boundary(content_type, bnd, &bndlen)) != HTTP_PARSE_OK)
		return e;
	/* No body cannot hold the close delimiter (and NULL + 0 is undefined). */
	if (buf == NULL || len == 0)
		return HTTP_PARSE_EMALFORMED;
	end = buf + len;
	needle[0] = '\n';
	needle[1] = '-';
	needle[2] = '-';
	memcpy(needle + 3, bnd, bndlen);
	nlen = bndlen + 3;

	/* The first delimiter may open the body without a line end before it. */
	e = HTTP_PARSE_EMALFORMED;
	if (len >= nlen - 1 && memcmp(buf, needle + 1, nlen - 1) == 0 &&
	    (kind = delimiter_kind(buf, end, bndlen, &next)) != 0)
		;
	else if ((kind = find_delimiter(buf, end, needle, nlen, &dataend, &next)) == 0)
		goto out;
	/* Each round: `next` is the first byte of a part's headers. */
	while (kind == 2) {
		p = next;
		if ((e = part_headers(p, end, &pt, &body)) != HTTP_PARSE_OK)
			goto out;
		/* The delimiter's LF must come after the empty line, not be part of it. */
		if ((kind = find_delimiter(body, end, needle, nlen, &dataend, &next)) == 0) {
			e = HTTP_PARSE_EMALFORMED;
			goto out;
		}
		if (++fields > HTTP_PARSE_MAX_FIELDS) {
			e = HTTP_PARSE_ETOOMANY;
			goto out;
		}
		if ((e = part_add(&pt, body, (size_t)(dataend - body), out)) != HTTP_PARSE_OK)
			goto out;
		part_free(&pt);
	}
	/* kind == 1: the close delimiter; the epilogue after it is ignored. */
	e = HTTP_PARSE_OK;
out:
	part_free(&pt);
	if (e != HTTP_PARSE_OK)
		kvlist_truncate(out, start);
	return e;
}
