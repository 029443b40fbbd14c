/*
 * mail_header: the checks of a header value (UTF-8, no control bytes, one plain address) and the
 * header encodings (RFC 2047 encoded-words, RFC 2231 parameter values, folding). Pure: no
 * database, no configuration, so tests/fuzz/fuzz_mail_header.c links this file alone.
 */
#include "mail.h"

#include <stdio.h>
#include <string.h>

/* ---- checks ------------------------------------------------------------------------------- */

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
int
mail_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n, k;
	unsigned long cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 1;
			cp = s[i] & 0x1f;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 2;
			cp = s[i] & 0x0f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 3;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (len - i - 1 < n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n + 1;
	}
	return 1;
}

enum mail_err
mail_check_header(const char *value, size_t len)
{
	size_t i;

	/* CR and LF would start a new header (header injection); NUL would cut the value short
	 * where C sees it but not where the database or the server does. Every other control byte
	 * has no business in a header either. */
	for (i = 0; i < len; i++)
		if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f)
			return MAIL_EHEADER;
	return mail_utf8_valid(value, len) ? MAIL_OK : MAIL_EUTF8;
}

static int
is_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

enum mail_err
mail_check_address(const char *addr)
{
	const char *at, *p, *label;
	size_t len;

	if (addr == NULL || (len = strlen(addr)) < 3 || len > MAIL_MAX_ADDRESS)
		return MAIL_EADDRESS;
	if (mail_check_header(addr, len) != MAIL_OK)
		return MAIL_EHEADER;
	if ((at = strchr(addr, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return MAIL_EADDRESS;
	/* Local part: dot-atom only (no quoted strings), at most 64 characters. */
	if (at == addr || at - addr > 64 || addr[0] == '.' || at[-1] == '.')
		return MAIL_EADDRESS;
	for (p = addr; p < at; p++)
		if (!(is_atext((unsigned char)*p) || (*p == '.' && p[1] != '.')))
			return MAIL_EADDRESS;
	/* Domain: LDH labels separated by single dots. */
	label = at + 1;
	if (*label == '\0')
		return MAIL_EADDRESS;
	for (p = label;; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || p - label > 63 || *label == '-' || p[-1] == '-')
				return MAIL_EADDRESS;
			if (*p == '\0')
				break;
			label = p + 1;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return MAIL_EADDRESS;
	}
	return MAIL_OK;
}

/* ---- header encodings --------------------------------------------------------------------- */

#define LINE_MAX_ENCODED	76	/* RFC 2047 section 2: lines with encoded-words */
#define LINE_SOFT_MAX		78	/* RFC 5322 section 2.1.1 */

static int
printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Characters a Q-encoded word may carry as themselves anywhere, phrases included (RFC 2047
 * section 5 (3)); everything else is =XX, space is _. */
static int
q_plain(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

static size_t
utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	return 2;
}

/*
 * Encoded-words for value, on a line that already has *used characters and ends in a space.
 * A word is closed before a character that would push the line past 76, and the next word
 * starts a folded line (CRLF SP: the space also separates the two words, as RFC 2047 requires).
 * Whitespace between encoded-words is not part of the text, so spaces travel inside them as _.
 */
static int
encode_words(struct buf *b, size_t *used, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char pre[] = "=?UTF-8?Q?", post[] = "?=";
	const size_t lpre = sizeof(pre) - 1, lpost = sizeof(post) - 1;
	const unsigned char *s = (const unsigned char *)value;
	char chunk[16];
	size_t i = 0, n, k, clen;
	int open = 0;

	while (s[i]) {
		n = utf8_seqlen(s[i]);
		for (k = 1; k < n; k++)
			if (s[i + k] == '\0')
				return -1;	/* truncated sequence: mail_check refuses it earlier */
		clen = 0;
		for (k = 0; k < n; k++) {
			if (s[i + k] == ' ')
				chunk[clen++] = '_';
			else if (q_plain(s[i + k]))
				chunk[clen++] = (char)s[i + k];
			else {
				chunk[clen++] = '=';
				chunk[clen++] = hex[s[i + k] >> 4];
				chunk[clen++] = hex[s[i + k] & 15];
			}
		}
		/* One character (up to 4 bytes, 12 encoded) always fits a fresh folded line. */
		if (*used + (open ? 0 : lpre) + clen + lpost > LINE_MAX_ENCODED) {
			if (open)
				buf_puts(b, post);
			buf_puts(b, "\r\n ");
			*used = 1;
			open = 0;
		}
		if (!open) {
			buf_puts(b, pre);
			*used += lpre;
			open = 1;
		}
		buf_append(b, chunk, clen);
		*used += clen;
		i += n;
	}
	if (open) {
		buf_puts(b, post);
		*used += lpost;
	}
	return b->failed ? -1 : 0;
}

/* Printable ASCII folded at spaces to keep lines near 78 (unfolding gives the value back). */
static int
fold_ascii(struct buf *b, size_t *used, const char *value)
{
	const char *p = value, *sp;
	size_t wlen;

	while (*p) {
		/* The next "word" runs to the next space after the first character. */
		sp = strchr(p + 1, ' ');
		wlen = sp ? (size_t)(sp - p) : strlen(p);
		/* Fold before a space that starts a word (a line of spaces alone is not allowed). */
		if (*used + wlen > LINE_SOFT_MAX && *p == ' ' && p[1] != ' ' && p[1] != '\0' &&
		    *used > 1) {
			buf_puts(b, "\r\n");
			*used = 0;
		}
		buf_append(b, p, wlen);
		*used += wlen;
		p += wlen;
	}
	return b->failed ? -1 : 0;
}

int
mail_header_text(struct buf *b, const char *name, const char *value)
{
	size_t used = strlen(name) + 2;

	if (value == NULL || mail_check_header(value, strlen(value)) != MAIL_OK)
		return -1;
	buf_printf(b, "%s: ", name);
	/* "=?" in plain text would read as the start of an encoded-word: encode such text too. */
	if (printable_ascii(value) && strstr(value, "=?") == NULL)
		return fold_ascii(b, &used, value);
	return encode_words(b, &used, value);
}

static int
is_atom_phrase(const char *s)
{
	size_t i;

	if (s[0] == ' ')
		return 0;
	for (i = 0; s[i]; i++)
		if (!(is_atext((unsigned char)s[i]) || (s[i] == ' ' && s[i + 1] != ' ' &&
		    s[i + 1] != '\0')))
			return 0;
	return 1;
}

int
mail_header_address(struct buf *b, const char *name, const char *display, const char *addr)
{
	size_t used = strlen(name) + 2, i;

	if (mail_check_address(addr) != MAIL_OK)
		return -1;
	buf_printf(b, "%s: ", name);
	if (display == NULL || display[0] == '\0') {
		buf_puts(b, addr);
		return b->failed ? -1 : 0;
	}
	if (mail_check_header(display, strlen(display)) != MAIL_OK)
		return -1;
	if (printable_ascii(display) && strstr(display, "=?") == NULL) {
		if (is_atom_phrase(display)) {
			buf_puts(b, display);
		} else {
			/* Specials such as the comma in "Danmarks Statistik, Forskningsservice"
			 * need a quoted-string, with " and \ escaped inside it. */
			buf_puts(b, "\"");
			for (i = 0; display[i]; i++) {
				if (display[i] == '"' || display[i] == '\\')
					buf_puts(b, "\\");
				buf_append(b, &display[i], 1);
			}
			buf_puts(b, "\"");
		}
		used += strlen(display) + 2;
	} else if (encode_words(b, &used, display) == -1)
		return -1;
	if (used + strlen(addr) + 3 > LINE_SOFT_MAX) {
		buf_puts(b, "\r\n");
		used = 0;
	}
	buf_printf(b, " <%s>", addr);
	return b->failed ? -1 : 0;
}

int
mail_rfc2231(struct buf *b, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)value;
	char enc[3];

	buf_puts(b, "UTF-8''");
	for (; *s; s++) {
		/* attribute-char (RFC 2231 section 7): ASCII letters, digits, !#$&+-.^_`|~ */
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    strchr("!#$&+-.^_`|~", *s) != NULL)
			buf_append(b, s, 1);
		else {
			enc[0] = '%';
			enc[1] = hex[*s >> 4];
			enc[2] = hex[*s & 15];
			buf_append(b, enc, 3);
		}
	}
	return b->failed ? -1 : 0;
}

static int
quotable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e || *s == '"' || *s == '\\')
			return 0;
	return 1;
}

int
mail_header_disposition(struct buf *b, const char *filename)
{
	static const char head[] = "Content-Disposition: attachment;";
	struct buf enc;
	const char *p;
	size_t len, room, n, sec = 0;
	char prefix[32];

	if (filename == NULL || mail_check_header(filename, strlen(filename)) != MAIL_OK)
		return -1;
	if (quotable_ascii(filename) && strlen(filename) + sizeof(head) + 12 <= LINE_SOFT_MAX) {
		buf_printf(b, "%s filename=\"%s\"", head, filename);
		return b->failed ? -1 : 0;
	}
	/* RFC 2231: filename*0*=UTF-8''..., filename*1*=..., one section per folded line. */
	buf_init(&enc, 4096);
	if (mail_rfc2231(&enc, filename) == -1) {
		buf_free(&enc);
		return -1;
	}
	buf_puts(b, head);
	p = enc.data + 7;	/* after UTF-8'' */
	len = strlen(p);
	while (len > 0) {
		n = (size_t)snprintf(prefix, sizeof(prefix), " filename*%zu*=%s", sec,
		    sec == 0 ? "UTF-8''" : "");
		room = LINE_SOFT_MAX - n - 1;	/* and the ';' */
		if (room > len)
			room = len;
		/* Never cut a %XX, nor a UTF-8 character (%8x-%Bx continue one): some readers
		 * decode section by section. */
		while (room < len && room > 3 && (p[room - 1] == '%' || p[room - 2] == '%' ||
		    (p[room] == '%' && strchr("89ABab", p[room + 1]) != NULL)))
			room--;
		buf_puts(b, "\r\n");
		buf_puts(b, prefix);
		buf_append(b, p, room);
		p += room;
		len -= room;
		if (len > 0)
			buf_puts(b, ";");
		sec++;
	}
	buf_free(&enc);
	return b->failed ? -1 : 0;
}

int
mail_content_type_named(struct buf *b, const char *type, const char *filename)
{
	struct buf w;
	size_t used;

	if (filename == NULL || mail_check_header(filename, strlen(filename)) != MAIL_OK)
		return -1;
	/* "=?" in a plain name would read as the start of an encoded-word: encode such names. */
	if (quotable_ascii(filename) && strstr(filename, "=?") == NULL) {
		buf_printf(b, "%s;\r\n name=\"%s\"", type, filename);
		return b->failed ? -1 : 0;
	}
	/* Older readers look here: encoded-words inside the quotes, folded between words. Every
	 * other name is encoded, printable ASCII too: a " or \ in it would end or escape the
	 * quoted-string (fuzz_mail_header found the "); in a word they are =22 and =5C. */
	buf_init(&w, 4096);
	used = sizeof(" name=\"") - 1;
	if (encode_words(&w, &used, filename) == -1) {
		buf_free(&w);
		return -1;
	}
	buf_printf(b, "%s;\r\n name=\"%s\"", type, w.data);
	buf_free(&w);
	return b->failed ? -1 : 0;
}
