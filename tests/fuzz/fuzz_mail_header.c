/*
 * libFuzzer harness for the mail header encoders (lib/mail_header.c): every subject, display
 * name and attachment name a mail carries passes one of them on its way into a header. The first
 * byte picks the encoder; the rest is the value (for an address: display name, NUL, address).
 * Checked for every input:
 *  - an encoder accepts exactly what mail_check_header (and, for an address, mail_check_address)
 *    accepts (file names over MAIL_MAX_FILENAME may be refused too), and a value with a NUL in
 *    it never passes the check: nothing refused reaches a header;
 *  - the output holds no NUL, and CR and LF only together as a fold (CRLF and a space) before
 *    a line that is not blank: no header can be injected, none ends early;
 *  - the lengths RFC 2047 and RFC 5322 set: lines with encoded-words at most 76, each word at
 *    most 75, parameter sections at most 78, plain text folded wherever a fold keeps it at 78,
 *    and never a line over 998 for values within the mail caps;
 *  - each encoded-word and each RFC 2231 section holds whole UTF-8 characters;
 *  - decoding (unfolding, Q encoding, %XX, quoted-string) gives the value back byte for byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mail.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define WORD_MAX	75	/* RFC 2047 section 2 */
#define LINE_ENCODED	76	/* RFC 2047 section 2 */
#define LINE_SOFT	78	/* RFC 5322 section 2.1.1 */
#define LINE_HARD	998	/* RFC 5322 section 2.1.1 */

static void
fail(const char *what, const char *value, const struct buf *out)
{
	fprintf(stderr, "fuzz_mail_header: %s\n  value: \"%s\"\n  output: \"%s\"\n", what,
	    value ? value : "(null)", out && out->data ? out->data : "(none)");
	abort();
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;	/* the encoders write upper case only */
}

static int
printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/*
 * The output's lines: no NUL, CR only as CRLF, LF only after CR, each fold followed by a space
 * and something that is not whitespace. The longest line goes to *longest; the unfolded text
 * (CRLF removed, RFC 5322 section 2.2.3) to *unfolded.
 */
static void
check_lines(const struct buf *out, const char *value, size_t *longest, struct buf *unfolded)
{
	size_t i, col = 0, j;

	if (out->data == NULL || strlen(out->data) != out->len)
		fail("NUL in the output", value, out);
	*longest = 0;
	for (i = 0; i < out->len; i++) {
		if (out->data[i] == '\n')
			fail("LF without CR", value, out);
		if (out->data[i] != '\r') {
			buf_append(unfolded, &out->data[i], 1);
			if (++col > *longest)
				*longest = col;
			continue;
		}
		if (out->data[i + 1] != '\n' || (out->data[i + 2] != ' ' && out->data[i + 2] != '\t'))
			fail("CR that is not a fold (CRLF and a space)", value, out);
		for (j = i + 2; out->data[j] == ' ' || out->data[j] == '\t'; j++)
			;
		if (out->data[j] == '\r' || out->data[j] == '\0')
			fail("a folded line of whitespace alone", value, out);
		i++;
		col = 0;
	}
}

/* The length of the line starting at p, without its CRLF. */
static size_t
line_len(const char *p)
{
	const char *e = strstr(p, "\r\n");

	return e ? (size_t)(e - p) : strlen(p);
}

/*
 * Decodes encoded-words from *pp: "=?UTF-8?Q?...?=" words, separated by a fold, as long as the
 * next one follows. Each word at most 75 characters, only the characters RFC 2047 section 5 (3)
 * allows in a phrase, whole UTF-8 characters. *pp is left after the last word.
 */
static int
decode_words(const char **pp, struct buf *text)
{
	static const char pre[] = "=?UTF-8?Q?";
	const char *p = *pp, *start;
	struct buf word;
	int h, l;

	buf_init(&word, 1 << 20);
	for (;;) {
		if (strncmp(p, pre, sizeof(pre) - 1) != 0)
			goto bad;
		start = p;
		p += sizeof(pre) - 1;
		buf_reset(&word);
		while (!(p[0] == '?' && p[1] == '=')) {
			if (*p == '_')
				buf_append(&word, " ", 1);
			else if (*p == '=') {
				if ((h = hexval(p[1])) < 0 || (l = hexval(p[2])) < 0)
					goto bad;
				buf_append(&word, &(char){ (char)(h << 4 | l) }, 1);
				p += 2;
			} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || (*p != '\0' && strchr("!*+-/", *p)))
				buf_append(&word, p, 1);
			else
				goto bad;
			p++;
		}
		p += 2;
		if ((size_t)(p - start) > WORD_MAX || word.len == 0 ||
		    !mail_utf8_valid(word.data, word.len))
			goto bad;
		buf_append(text, word.data, word.len);
		if (strncmp(p, "\r\n =?", 5) != 0)
			break;
		p += 3;
	}
	buf_free(&word);
	*pp = p;
	return 0;
bad:
	buf_free(&word);
	return -1;
}

static int
same(const struct buf *got, const char *want)
{
	/* An empty buf has no data yet. */
	return got->len == strlen(want) && (got->len == 0 || memcmp(got->data, want, got->len) == 0);
}

/* Subject: unchanged printable ASCII (folded at spaces) or encoded-words. */
static void
check_text(const char *value)
{
	static const char head[] = "Subject: ";
	int ok = mail_check_header(value, strlen(value)) == MAIL_OK;
	struct buf out, unfolded, text;
	size_t longest;
	const char *p;

	buf_init(&out, 1 << 22);
	buf_init(&unfolded, 1 << 22);
	buf_init(&text, 1 << 22);
	if (mail_header_text(&out, "Subject", value) != (ok ? 0 : -1))
		fail(ok ? "a valid subject refused" : "a subject the check refuses encoded", value, &out);
	if (!ok)
		goto done;
	check_lines(&out, value, &longest, &unfolded);
	if (strncmp(out.data, head, sizeof(head) - 1) != 0)
		fail("no \"Subject: \" in front", value, &out);
	if (printable_ascii(value) && strstr(value, "=?") == NULL) {
		/* Plain: unfolding gives it back, and a line runs past 78 only where no fold could
		 * have been made (a fold goes before a space that starts a word). */
		buf_puts(&text, head);
		buf_puts(&text, value);
		if (!same(&unfolded, text.data))
			fail("plain subject does not unfold to itself", value, &out);
		for (p = out.data; *p; ) {
			size_t len = line_len(p), i, end;

			for (i = p == out.data ? sizeof(head) - 1 : 1; i + 1 < len; i++) {
				if (p[i] != ' ' || p[i + 1] == ' ')
					continue;
				for (end = i + 1; end < len && p[end] != ' '; end++)
					;
				if (end > LINE_SOFT)
					fail("plain subject not folded where it could be", value, &out);
			}
			p += len;
			if (*p)
				p += 2;
		}
		goto done;
	}
	if (longest > LINE_ENCODED)
		fail("encoded subject with a line over 76", value, &out);
	p = out.data + sizeof(head) - 1;
	if (decode_words(&p, &text) != 0 || *p != '\0')
		fail("encoded subject does not decode", value, &out);
	if (!same(&text, value))
		fail("encoded subject decodes to something else", value, &out);
done:
	buf_free(&out);
	buf_free(&unfolded);
	buf_free(&text);
}

/* To: addr, or display name (atom phrase, quoted-string or encoded-words) and <addr>. */
static void
check_address(const char *display, const char *addr)
{
	static const char head[] = "To: ";
	int ok = mail_check_address(addr) == MAIL_OK && (display == NULL ||
	    mail_check_header(display, strlen(display)) == MAIL_OK);
	struct buf out, unfolded, text, tail;
	const char *p;
	size_t longest;
	int encoded = 0;

	buf_init(&out, 1 << 22);
	buf_init(&unfolded, 1 << 22);
	buf_init(&text, 1 << 22);
	buf_init(&tail, 4096);
	if (mail_header_address(&out, "To", display, addr) != (ok ? 0 : -1))
		fail(ok ? "a valid address refused" : "an address the checks refuse written",
		    display, &out);
	if (!ok)
		goto done;
	check_lines(&out, display, &longest, &unfolded);
	if (strncmp(out.data, head, sizeof(head) - 1) != 0)
		fail("no \"To: \" in front", display, &out);
	p = out.data + sizeof(head) - 1;
	if (display == NULL || display[0] == '\0') {
		if (strcmp(p, addr) != 0)
			fail("address alone is not the address", addr, &out);
		goto done;
	}
	if (*p == '"') {
		for (p++; *p != '"'; p++) {
			if (*p == '\0' || *p == '\r')
				fail("quoted display name not closed on its line", display, &out);
			if (*p == '\\')
				p++;
			buf_append(&text, p, 1);
		}
		p++;
	} else if (p[0] == '=' && p[1] == '?') {
		encoded = 1;
		if (decode_words(&p, &text) != 0)
			fail("encoded display name does not decode", display, &out);
	} else {
		const char *lt = strstr(p, " <"), *fold = strstr(p, "\r\n");

		if (lt == NULL)
			fail("atom display name without <addr>", display, &out);
		if (fold && fold < lt)
			lt = fold;	/* <addr> on a line of its own */
		buf_append(&text, p, (size_t)(lt - p));
		p = lt;
	}
	if (!same(&text, display))
		fail("display name decodes to something else", display, &out);
	buf_printf(&tail, " <%s>", addr);
	if (strncmp(p, "\r\n", 2) == 0)
		p += 2;
	if (strcmp(p, tail.data) != 0)
		fail("display name not followed by exactly <addr>", display, &out);
	if (encoded) {
		/* Every line of words within 76; the <addr> goes on its own line if the line
		 * would pass 78 with it. */
		for (p = out.data; *p; ) {
			size_t len = line_len(p);

			if (len > LINE_SOFT && strncmp(p, tail.data, len) != 0)
				fail("encoded display name line over 78", display, &out);
			if (len > LINE_ENCODED && p[len] != '\0')
				fail("encoded display name line over 76", display, &out);
			p += len;
			if (*p)
				p += 2;
		}
	} else if (strlen(display) <= MAIL_MAX_NAME && longest > LINE_HARD)
		fail("address header line over 998", display, &out);
done:
	buf_free(&out);
	buf_free(&unfolded);
	buf_free(&text);
	buf_free(&tail);
}

static int
attr_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$&+-.^_`|~", c) != NULL);
}

/* %XX and attribute-chars (RFC 2231 section 7) of len bytes, decoded and appended. */
static int
decode_pct(const char *p, size_t len, struct buf *text)
{
	size_t i;
	int h, l;

	for (i = 0; i < len; i++) {
		if (attr_char((unsigned char)p[i]))
			buf_append(text, &p[i], 1);
		else if (p[i] == '%' && i + 2 < len &&
		    (h = hexval(p[i + 1])) >= 0 && (l = hexval(p[i + 2])) >= 0) {
			buf_append(text, &(char){ (char)(h << 4 | l) }, 1);
			i += 2;
		} else
			return -1;
	}
	return 0;
}

static void
check_rfc2231(const char *value)
{
	struct buf out, text;

	buf_init(&out, 1 << 22);
	buf_init(&text, 1 << 22);
	if (mail_rfc2231(&out, value) != 0)
		fail("rfc2231 failed", value, &out);
	if (strlen(out.data) != out.len || strncmp(out.data, "UTF-8''", 7) != 0 ||
	    decode_pct(out.data + 7, out.len - 7, &text) != 0 || !same(&text, value))
		fail("rfc2231 value does not decode to itself", value, &out);
	buf_free(&out);
	buf_free(&text);
}

/* Content-Disposition: the quoted name, or filename*N*= sections of whole characters. */
static void
check_disposition(const char *value)
{
	static const char head[] = "Content-Disposition: attachment;";
	int ok = mail_check_header(value, strlen(value)) == MAIL_OK;
	struct buf out, unfolded, text, section;
	const char *p;
	size_t longest, n;
	unsigned sec = 0;
	char prefix[40];
	int rc;

	buf_init(&out, 1 << 22);
	buf_init(&unfolded, 1 << 22);
	buf_init(&text, 1 << 22);
	buf_init(&section, 1 << 22);
	/* Names over the cap of a mail's file name (mail_check) may be refused too. */
	rc = mail_header_disposition(&out, value);
	if (ok ? rc != 0 && strlen(value) <= MAIL_MAX_FILENAME : rc != -1)
		fail(ok ? "a valid file name refused" : "a file name the check refuses written",
		    value, &out);
	if (rc != 0)
		goto done;
	check_lines(&out, value, &longest, &unfolded);
	if (longest > LINE_SOFT)
		fail("disposition line over 78", value, &out);
	if (strncmp(out.data, head, sizeof(head) - 1) != 0)
		fail("no Content-Disposition: attachment; in front", value, &out);
	p = out.data + sizeof(head) - 1;
	if (strncmp(p, " filename=\"", 11) == 0) {
		n = strlen(p + 11);
		if (n == 0 || p[11 + n - 1] != '"' || strpbrk(value, "\"\\") != NULL)
			fail("quoted file name not one closed quoted-string", value, &out);
		buf_append(&text, p + 11, n - 1);
	} else {
		while (*p) {
			const char *start, *end;

			snprintf(prefix, sizeof(prefix), "\r\n filename*%u*=%s", sec,
			    sec == 0 ? "UTF-8''" : "");
			if (strncmp(p, prefix, strlen(prefix)) != 0)
				fail("sections out of order or malformed", value, &out);
			start = p + strlen(prefix);
			end = strstr(start, "\r\n");
			if (end == NULL)
				end = start + strlen(start);
			else if (end[-1] != ';')
				fail("section without ; before the next", value, &out);
			buf_reset(&section);
			if (decode_pct(start, (size_t)(end - start) - (*end ? 1 : 0), &section) != 0 ||
			    !mail_utf8_valid(section.data ? section.data : "", section.len))
				fail("section that splits a %XX or a character", value, &out);
			buf_append(&text, section.data ? section.data : "", section.len);
			p = end;
			sec++;
		}
	}
	if (!same(&text, value))
		fail("file name decodes to something else", value, &out);
done:
	buf_free(&out);
	buf_free(&unfolded);
	buf_free(&text);
	buf_free(&section);
}

/* Content-Type value: type; name="the name" or name="encoded-words" (what older readers use). */
static void
check_content_type(const char *value)
{
	static const char head[] = "application/pdf;\r\n name=\"";
	int ok = mail_check_header(value, strlen(value)) == MAIL_OK;
	struct buf out, unfolded, text;
	const char *p;
	size_t longest, n;
	int rc;

	buf_init(&out, 1 << 22);
	buf_init(&unfolded, 1 << 22);
	buf_init(&text, 1 << 22);
	/* Names over the cap of a mail's file name (mail_check) may be refused too. */
	rc = mail_content_type_named(&out, "application/pdf", value);
	if (ok ? rc != 0 && strlen(value) <= MAIL_MAX_FILENAME : rc != -1)
		fail(ok ? "a valid file name refused" : "a file name the check refuses written",
		    value, &out);
	if (rc != 0)
		goto done;
	check_lines(&out, value, &longest, &unfolded);
	if (strncmp(out.data, head, sizeof(head) - 1) != 0 || out.data[out.len - 1] != '"' ||
	    out.len < sizeof(head))
		fail("not type;CRLF name=\"...\"", value, &out);
	p = out.data + sizeof(head) - 1;
	n = out.len - (sizeof(head) - 1) - 1;
	if (p[0] == '=' && p[1] == '?') {
		if (decode_words(&p, &text) != 0 || strcmp(p, "\"") != 0)
			fail("encoded name does not decode", value, &out);
		if (longest > LINE_SOFT)
			fail("encoded name line over 78", value, &out);
	} else {
		/* A reader that decodes words inside the quotes must not find any in a plain name. */
		if (memchr(p, '"', n) || memchr(p, '\\', n) || memchr(p, '\r', n))
			fail("plain name that breaks its quoted-string", value, &out);
		buf_append(&text, p, n);
		if (strstr(text.data ? text.data : "", "=?") != NULL)
			fail("plain name that reads as an encoded-word", value, &out);
		if (strlen(value) <= MAIL_MAX_FILENAME && longest > LINE_HARD)
			fail("content type line over 998", value, &out);
	}
	if (!same(&text, value))
		fail("name decodes to something else", value, &out);
done:
	buf_free(&out);
	buf_free(&unfolded);
	buf_free(&text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *value, *second;
	size_t len;

	if (size < 1)
		return 0;
	len = size - 1;
	/* The NUL a C string cannot carry: the check with a length must refuse it. */
	if (memchr(data + 1, 0, len) != NULL &&
	    mail_check_header((const char *)data + 1, len) == MAIL_OK)
		fail("a value with a NUL passes mail_check_header", NULL, NULL);
	if ((value = malloc(len + 2)) == NULL)
		return 0;
	memcpy(value, data + 1, len);
	value[len] = value[len + 1] = '\0';
	switch (data[0] % 5) {
	case 0:
		check_text(value);
		break;
	case 1:
		/* display NUL addr; no NUL: an address alone. */
		second = memchr(value, '\0', len);
		if (second && second < value + len)
			check_address(value, second + 1);
		else
			check_address(NULL, value);
		break;
	case 2:
		check_rfc2231(value);
		break;
	case 3:
		check_disposition(value);
		break;
	default:
		check_content_type(value);
		break;
	}
	free(value);
	return 0;
}
