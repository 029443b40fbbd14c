#include "pdfcheck.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char *const errs[PDFCHECK__MAX] = {
	[PDFCHECK_OK] = "ok",
	[PDFCHECK_ENOTPDF] = "not a PDF",
	[PDFCHECK_EENCRYPTED] = "encrypted",
	[PDFCHECK_EJAVASCRIPT] = "JavaScript",
	[PDFCHECK_ELAUNCH] = "Launch action",
	[PDFCHECK_EEMBEDDED] = "embedded files",
	[PDFCHECK_EACTIVE] = "other active content",
	[PDFCHECK_EUNCHECKABLE] = "an object stream that cannot be checked",
	[PDFCHECK_ENOMEM] = "out of memory",
};

const char *
pdfcheck_strerror(enum pdfcheck_err e)
{
	return (unsigned)e < PDFCHECK__MAX ? errs[e] : "unknown";
}

/* The names that make a file refused, after #xx escapes are decoded (/J#61vaScript is
 * /JavaScript to every reader). */
static const struct {
	const char		*name;
	enum pdfcheck_err	 err;
} refused[] = {
	{ "Encrypt", PDFCHECK_EENCRYPTED },
	{ "JavaScript", PDFCHECK_EJAVASCRIPT },
	{ "JS", PDFCHECK_EJAVASCRIPT },
	{ "Launch", PDFCHECK_ELAUNCH },
	{ "EmbeddedFile", PDFCHECK_EEMBEDDED },
	{ "EmbeddedFiles", PDFCHECK_EEMBEDDED },
	{ "FileAttachment", PDFCHECK_EEMBEDDED },
	{ "GoToE", PDFCHECK_EEMBEDDED },
	{ "RichMedia", PDFCHECK_EACTIVE },
	{ "XFA", PDFCHECK_EACTIVE },
	{ "SubmitForm", PDFCHECK_EACTIVE },
	{ "ImportData", PDFCHECK_EACTIVE },
	{ "Rendition", PDFCHECK_EACTIVE },
	{ "Movie", PDFCHECK_EACTIVE },
	{ "Sound", PDFCHECK_EACTIVE },
};

/* Filters an object stream may not use: we only read FlateDecode (and no filter). */
static const char *const other_filters[] = { "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85",
	"LZWDecode", "LZW", "RunLengthDecode", "RL", "CCITTFaxDecode", "CCF", "DCTDecode", "DCT",
	"JBIG2Decode", "JPXDecode", "Crypt" };

#define NAME_MAX_BYTES	127

struct scan {
	unsigned		 found;		/* bit per pdfcheck_err */
	size_t			 inflated;	/* bytes inflated so far, whole file */
	struct pdfcheck_info	*info;
	/* What the dictionary before a `stream` keyword said, reset at each object. */
	int			 objstm, flate, other_filter, predictor;
	int			 len_state;	/* 1 after /Length, 2 after its number, 3 after two */
	long long		 len_cand, length;
};

static int
is_ws(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int
is_delim(unsigned char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	    c == '}' || c == '/' || c == '%';
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
dict_reset(struct scan *s)
{
	s->objstm = s->flate = s->other_filter = s->predictor = 0;
	s->len_state = 0;
	s->length = -1;
}

/* A /Length followed by one number is direct; by two numbers and R, indirect (unknown here). */
static void
length_settle(struct scan *s)
{
	if (s->len_state == 2)
		s->length = s->len_cand;
	s->len_state = 0;
}

static void
on_name(struct scan *s, const char *n, size_t len)
{
	size_t i;

	length_settle(s);
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (strlen(refused[i].name) == len && memcmp(refused[i].name, n, len) == 0)
			s->found |= 1u << refused[i].err;
	for (i = 0; i < sizeof(other_filters) / sizeof(other_filters[0]); i++)
		if (strlen(other_filters[i]) == len && memcmp(other_filters[i], n, len) == 0)
			s->other_filter = 1;
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(n, lit, len) == 0)
	if (IS("ObjStm"))
		s->objstm = 1;
	else if (IS("FlateDecode") || IS("Fl"))
		s->flate = 1;
	else if (IS("Predictor"))
		s->predictor = 1;
	else if (IS("ByteRange") && s->info)
		s->info->signatures++;
	else if (IS("Length"))
		s->len_state = 1;
#undef IS
}

static int
is_integer(const char *t, size_t len, long long *v)
{
	size_t i;
	long long n = 0;

	if (len == 0 || len > 15)
		return 0;
	for (i = 0; i < len; i++) {
		if (t[i] < '0' || t[i] > '9')
			return 0;
		n = n * 10 + (t[i] - '0');
	}
	*v = n;
	return 1;
}

static const char *
find(const char *p, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	return len >= n ? memmem(p, len, needle, n) : NULL;
}

static enum pdfcheck_err scan_bytes(struct scan *, const char *, size_t, int depth);

/* An object stream's data, inflated within the file's budget, then read like the file. */
static enum pdfcheck_err
scan_objstm(struct scan *s, const char *data, size_t len, int depth)
{
	z_stream z;
	char *out = NULL, *grown;
	size_t cap = 0, budget = PDFCHECK_INFLATE_MAX - s->inflated;
	enum pdfcheck_err e = PDFCHECK_OK;
	int zrc = Z_OK;

	if (s->info)
		s->info->object_streams++;
	if (depth > 0 || s->other_filter || s->predictor) {
		s->found |= 1u << PDFCHECK_EUNCHECKABLE;
		return PDFCHECK_OK;
	}
	if (!s->flate)
		return scan_bytes(s, data, len, depth + 1);
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return PDFCHECK_ENOMEM;
	z.next_in = (Bytef *)(uintptr_t)data;	/* zlib's API is not const; it only reads */
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	while (zrc == Z_OK) {
		if (z.total_out == cap) {
			size_t want = cap ? cap * 2 : 64 * 1024;

			if (cap >= budget) {
				zrc = Z_BUF_ERROR;	/* over the budget: a bomb, or too big */
				break;
			}
			if (want > budget)
				want = budget;
			if ((grown = realloc(out, want)) == NULL) {
				e = PDFCHECK_ENOMEM;
				goto done;
			}
			out = grown;
			cap = want;
		}
		z.next_out = (Bytef *)out + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		zrc = inflate(&z, Z_NO_FLUSH);
	}
	if (zrc != Z_STREAM_END) {
		s->found |= 1u << PDFCHECK_EUNCHECKABLE;
		goto done;
	}
	s->inflated += z.total_out;
	e = scan_bytes(s, out, z.total_out, depth + 1);
done:
	inflateEnd(&z);
	free(out);
	return e;
}

/* After the `stream` keyword at p[i]: skips (or, for an object stream, reads) the data and
 * returns the offset after it. Data ends at a direct /Length when it is in range, else at the
 * first "endstream": either way we read at least as much as objects as any reader does. */
static size_t
on_stream(struct scan *s, const char *p, size_t len, size_t i, int depth, enum pdfcheck_err *e)
{
	size_t start = i, end;
	const char *es;

	length_settle(s);
	if (start < len && p[start] == '\r')
		start++;
	if (start < len && p[start] == '\n')
		start++;
	if (s->length >= 0 && (size_t)s->length <= len - start)
		end = start + (size_t)s->length;
	else
		end = (es = find(p + start, len - start, "endstream")) ? (size_t)(es - p) : len;
	if (s->objstm)
		*e = scan_objstm(s, p + start, end - start, depth);
	dict_reset(s);
	return end;
}

static enum pdfcheck_err
scan_bytes(struct scan *s, const char *p, size_t len, int depth)
{
	enum pdfcheck_err e = PDFCHECK_OK;
	char name[NAME_MAX_BYTES + 1];
	size_t i = 0, j, n, nesting;
	long long v;

	dict_reset(s);
	while (i < len && e == PDFCHECK_OK) {
		unsigned char c = (unsigned char)p[i];

		if (is_ws(c)) {
			i++;
		} else if (c == '%') {
			while (i < len && p[i] != '\r' && p[i] != '\n')
				i++;
		} else if (c == '(') {
			/* A string: nothing inside it is a name. Balanced parentheses nest. */
			for (nesting = 0, i++; i < len; i++) {
				if (p[i] == '\\')
					i++;
				else if (p[i] == '(')
					nesting++;
				else if (p[i] == ')' && nesting-- == 0)
					break;
			}
			i++;
		} else if (c == '<' && i + 1 < len && p[i + 1] == '<') {
			length_settle(s);
			i += 2;
		} else if (c == '<') {
			while (i < len && p[i] != '>')
				i++;
			i++;
		} else if (c == '/') {
			for (n = 0, j = i + 1; j < len && !is_ws((unsigned char)p[j]) &&
			    !is_delim((unsigned char)p[j]); j++) {
				int hi, lo;

				c = (unsigned char)p[j];
				if (c == '#' && j + 2 < len && (hi = hexval((unsigned char)p[j + 1])) >= 0 &&
				    (lo = hexval((unsigned char)p[j + 2])) >= 0) {
					c = (unsigned char)(hi << 4 | lo);
					j += 2;
				}
				if (n < sizeof(name))
					name[n] = (char)c;
				n++;	/* longer than any name we look for: matches none */
			}
			on_name(s, name, n <= NAME_MAX_BYTES ? n : 0);
			i = j;
		} else if (is_delim(c)) {
			length_settle(s);
			i++;
		} else {
			for (j = i; j < len && !is_ws((unsigned char)p[j]) &&
			    !is_delim((unsigned char)p[j]); j++)
				;
			n = j - i;
			if (is_integer(p + i, n, &v)) {
				if (s->len_state == 1) {
					s->len_cand = v;
					s->len_state = 2;
				} else if (s->len_state == 2)
					s->len_state = 3;
				else
					s->len_state = 0;
			} else if (n == 1 && p[i] == 'R' && s->len_state == 3) {
				s->len_state = 0;	/* indirect: the length is elsewhere */
			} else if (n == 6 && memcmp(p + i, "stream", 6) == 0) {
				j = on_stream(s, p, len, j, depth, &e);
			} else {
				length_settle(s);
				if ((n == 3 && memcmp(p + i, "obj", 3) == 0) ||
				    (n == 6 && memcmp(p + i, "endobj", 6) == 0))
					dict_reset(s);
			}
			i = j;
		}
	}
	return e;
}

enum pdfcheck_err
pdfcheck(const char *p, size_t len, struct pdfcheck_info *info)
{
	static const enum pdfcheck_err order[] = { PDFCHECK_EENCRYPTED, PDFCHECK_EJAVASCRIPT,
		PDFCHECK_ELAUNCH, PDFCHECK_EEMBEDDED, PDFCHECK_EACTIVE, PDFCHECK_EUNCHECKABLE };
	struct scan s;
	const char *h;
	enum pdfcheck_err e;
	size_t i;

	if (info)
		memset(info, 0, sizeof(*info));
	/* Readers accept the header within the first 1024 bytes. */
	if (p == NULL || (h = find(p, len < 1024 ? len : 1024, "%PDF-")) == NULL)
		return PDFCHECK_ENOTPDF;
	if (info && (size_t)(h - p) + 8 <= len && h[5] >= '1' && h[5] <= '9' && h[6] == '.' &&
	    h[7] >= '0' && h[7] <= '9')
		info->version = (h[5] - '0') * 10 + (h[7] - '0');
	memset(&s, 0, sizeof(s));
	s.info = info;
	if ((e = scan_bytes(&s, p, len, 0)) != PDFCHECK_OK)
		return e;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (s.found & (1u << order[i]))
			return order[i];
	return PDFCHECK_OK;
}
