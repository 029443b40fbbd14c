/*
 * mail, the pure parts: header values with CR, LF, NUL or other control bytes refused (header
 * injection); addresses; RFC 2047 subjects and names (ASCII untouched, Danish letters encoded,
 * long values folded within 76 characters, never a character split, decoded back here by an
 * independent decoder); RFC 2231 file names; the Date and Message-ID formats; the retry
 * schedule (first after 300 s, doubling, at most 3600 s apart, dead after 5 days); how an SMTP
 * outcome is classified; and the mail templates' plain-text convention. Receipts and notices
 * (R31, R32) and mail to FSE (R5) all pass through these functions.
 */
#include <check.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail.h"
#include "tmpl.h"

#include "../check_run.h"

/* ---- an RFC 2047 decoder of our own, to prove the encoding round-trips ----------------------- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes one "=?UTF-8?Q?...?=" at p into out; returns the characters consumed, 0 if none. */
static size_t
decode_word(const char *p, struct buf *out)
{
	const char *q, *end;

	if (strncasecmp(p, "=?UTF-8?Q?", 10) != 0)
		return 0;
	q = p + 10;
	if ((end = strstr(q, "?=")) == NULL)
		return 0;
	for (; q < end; q++) {
		if (*q == '_')
			buf_puts(out, " ");
		else if (*q == '=' && q + 2 < end + 1 && hexval(q[1]) >= 0 && hexval(q[2]) >= 0) {
			char c = (char)(hexval(q[1]) * 16 + hexval(q[2]));

			buf_append(out, &c, 1);
			q += 2;
		} else
			buf_append(out, q, 1);
	}
	return (size_t)(end + 2 - p);
}

/* The value of "Name: value" after unfolding and decoding (RFC 2047 section 6.2). */
static char *
decode_header(const char *header)
{
	struct buf unf, out;
	const char *p = strchr(header, ':');
	size_t n;
	int last_word = 0;

	buf_init(&unf, 0);
	buf_init(&out, 0);
	ck_assert_ptr_nonnull(p);
	for (p++; *p; p++)
		if (*p != '\r' && *p != '\n')
			buf_append(&unf, p, 1);
	p = unf.data;
	if (*p == ' ')
		p++;
	while (*p) {
		if ((n = decode_word(p, &out)) > 0) {
			p += n;
			last_word = 1;
			continue;
		}
		if (*p == ' ' && last_word) {
			/* Whitespace between two encoded-words is not text. */
			const char *q = p;

			while (*q == ' ')
				q++;
			if (strncasecmp(q, "=?UTF-8?", 8) == 0) {
				p = q;
				continue;
			}
		}
		last_word = 0;
		buf_append(&out, p, 1);
		p++;
	}
	buf_free(&unf);
	if (out.data == NULL)
		buf_puts(&out, "");
	return buf_steal(&out, NULL);
}

/* Every line at most max characters, and every encoded-word at most 75 and valid UTF-8 alone. */
static void
assert_folding(const char *h, size_t max)
{
	const char *line = h, *nl, *w, *e;
	struct buf one;

	for (;;) {
		nl = strstr(line, "\r\n");
		ck_assert_msg((size_t)((nl ? nl : line + strlen(line)) - line) <= max,
		    "line longer than %zu: %s", max, line);
		if (!nl)
			break;
		ck_assert_msg(nl[2] == ' ', "a folded line starts with a space");
		line = nl + 2;
	}
	for (w = strstr(h, "=?"); w; w = strstr(e, "=?")) {
		buf_init(&one, 0);
		e = w + decode_word(w, &one);
		ck_assert_msg(e > w, "malformed encoded-word at %s", w);
		ck_assert_uint_le((size_t)(e - w), 75);
		ck_assert_msg(mail_utf8_valid(one.data ? one.data : "", one.len),
		    "an encoded-word splits a UTF-8 character: %.*s", (int)(e - w), w);
		buf_free(&one);
	}
}

static int
all_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

START_TEST(ascii_subject_untouched)
{
	struct buf b;

	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", "Application received (R31), ref. 42"), 0);
	ck_assert_str_eq(b.data, "Subject: Application received (R31), ref. 42");
	buf_free(&b);
}
END_TEST

START_TEST(danish_subject_encoded)
{
	static const char *s = "Ansøgning om uddannelsesautorisation er modtaget – Åbenrå";
	struct buf b;
	char *dec;

	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", s), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "=?UTF-8?Q?"));
	ck_assert_ptr_nonnull(strstr(b.data, "=C3=B8"));	/* ø */
	ck_assert_msg(all_ascii(b.data), "raw 8-bit in a header: %s", b.data);
	assert_folding(b.data, 76);
	dec = decode_header(b.data);
	ck_assert_str_eq(dec, s);
	free(dec);
	buf_free(&b);
}
END_TEST

START_TEST(long_subject_folded)
{
	struct buf b, in;
	char *dec;
	int i;

	buf_init(&in, 0);
	for (i = 0; i < 12; i++)
		buf_puts(&in, "Æblegrød på Ørsted-kollegiet, ");
	buf_puts(&in, "€🧮");	/* 3- and 4-byte characters near a fold */
	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", in.data), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "\r\n "));
	assert_folding(b.data, 76);
	dec = decode_header(b.data);
	ck_assert_str_eq(dec, in.data);
	free(dec);
	buf_free(&b);

	/* Long ASCII is folded at spaces only, within 78, and unfolds to itself. */
	buf_reset(&in);
	for (i = 0; i < 20; i++)
		buf_puts(&in, "Specialeordningen ");
	buf_puts(&in, "end");
	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", in.data), 0);
	ck_assert_ptr_null(strstr(b.data, "=?"));
	assert_folding(b.data, 78);
	dec = decode_header(b.data);
	ck_assert_str_eq(dec, in.data);
	free(dec);
	buf_free(&b);
	buf_free(&in);
}
END_TEST

START_TEST(lookalike_encoded_word_is_encoded)
{
	struct buf b;
	char *dec;

	/* Plain text that a reader would decode as an encoded-word must itself be encoded. */
	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", "=?UTF-8?Q?=41?= literal"), 0);
	ck_assert_str_ne(b.data, "Subject: =?UTF-8?Q?=41?= literal");
	dec = decode_header(b.data);
	ck_assert_str_eq(dec, "=?UTF-8?Q?=41?= literal");
	free(dec);
	buf_free(&b);
}
END_TEST

START_TEST(address_headers)
{
	struct buf b;
	char *dec;

	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_address(&b, "From", "Danmarks Statistik, Forskningsservice",
	    "specialeportalen@dst.dk"), 0);
	ck_assert_str_eq(b.data,
	    "From: \"Danmarks Statistik, Forskningsservice\" <specialeportalen@dst.dk>");
	buf_reset(&b);
	ck_assert_int_eq(mail_header_address(&b, "To", "Ida \"IT\" Hansen", "ida@ku.dk"), 0);
	ck_assert_str_eq(b.data, "To: \"Ida \\\"IT\\\" Hansen\" <ida@ku.dk>");
	buf_reset(&b);
	ck_assert_int_eq(mail_header_address(&b, "To", "Søren Kierkegaard", "sk@ku.dk"), 0);
	ck_assert_msg(all_ascii(b.data), "%s", b.data);
	ck_assert_ptr_nonnull(strstr(b.data, " <sk@ku.dk>"));
	assert_folding(b.data, 78);
	*strstr(b.data, " <sk@ku.dk>") = '\0';
	dec = decode_header(b.data);
	ck_assert_str_eq(dec, "Søren Kierkegaard");
	free(dec);
	buf_reset(&b);
	ck_assert_int_eq(mail_header_address(&b, "To", NULL, "fse@dst.dk"), 0);
	ck_assert_str_eq(b.data, "To: fse@dst.dk");
	buf_reset(&b);
	ck_assert_int_eq(mail_header_address(&b, "To", "Ok", "not an address"), -1);
	buf_free(&b);
}
END_TEST

START_TEST(rfc2231_filename)
{
	struct buf b;

	buf_init(&b, 0);
	ck_assert_int_eq(mail_rfc2231(&b, "Forskningspotentiale – Åse Ørsted.pdf"), 0);
	ck_assert_str_eq(b.data, "UTF-8''Forskningspotentiale%20%E2%80%93%20%C3%85se%20"
	    "%C3%98rsted.pdf");
	buf_reset(&b);
	ck_assert_int_eq(mail_rfc2231(&b, "a*b'c%d\"e;f.pdf"), 0);
	ck_assert_str_eq(b.data, "UTF-8''a%2Ab%27c%25d%22e%3Bf.pdf");
	buf_free(&b);
}
END_TEST

/* Concatenates filename*N*= sections and percent-decodes them (RFC 2231 section 3, 4). */
static char *
decode_rfc2231(const char *header)
{
	struct buf out;
	const char *p = header, *e;
	unsigned sec = 0;
	char key[32];

	buf_init(&out, 0);
	buf_puts(&out, "");
	for (;;) {
		snprintf(key, sizeof(key), "filename*%u*=", sec);
		if ((p = strstr(p, key)) == NULL)
			break;
		p += strlen(key);
		if (sec == 0) {
			ck_assert_msg(strncmp(p, "UTF-8''", 7) == 0, "charset first: %s", p);
			p += 7;
		}
		for (e = p; *e && *e != ';' && *e != '\r'; e++)
			;
		{
			/* Each section decodes to whole characters on its own. */
			size_t start = out.len;

			for (; p < e; p++) {
				if (*p == '%') {
					char c = (char)(hexval(p[1]) * 16 + hexval(p[2]));

					buf_append(&out, &c, 1);
					p += 2;
				} else
					buf_append(&out, p, 1);
			}
			ck_assert_msg(mail_utf8_valid(out.data + start, out.len - start),
			    "section %u splits a character", sec);
		}
		sec++;
	}
	return buf_steal(&out, NULL);
}

START_TEST(attachment_name_headers)
{
	static const char *danish = "Forskningspotentiale for specialestuderende – Åse Ørsted og "
	    "Søren Æbelø, Københavns Universitet (underskrevet af vejleder).pdf";
	struct buf b;
	char *dec, *q, *e;

	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_disposition(&b, "bilag-1.pdf"), 0);
	ck_assert_str_eq(b.data, "Content-Disposition: attachment; filename=\"bilag-1.pdf\"");
	buf_reset(&b);
	ck_assert_int_eq(mail_header_disposition(&b, danish), 0);
	ck_assert_msg(all_ascii(b.data), "%s", b.data);
	assert_folding(b.data, 78);
	ck_assert_ptr_nonnull(strstr(b.data, "filename*2*="));	/* long: continued */
	dec = decode_rfc2231(b.data);
	ck_assert_str_eq(dec, danish);
	free(dec);
	buf_reset(&b);
	ck_assert_int_eq(mail_header_disposition(&b, "a\r\nb.pdf"), -1);

	/* Content-Type's name=: encoded-words inside the quotes, folded between them. */
	buf_reset(&b);
	buf_puts(&b, "Content-Type: ");
	ck_assert_int_eq(mail_content_type_named(&b, "application/pdf", danish), 0);
	ck_assert_msg(all_ascii(b.data), "%s", b.data);
	assert_folding(b.data, 78);
	ck_assert_ptr_nonnull(q = strstr(b.data, "name=\""));
	ck_assert_ptr_nonnull(e = strrchr(b.data, '"'));
	*e = '\0';
	q[4] = ':';	/* "name: " + the words: a header decode_header reads */
	q[5] = ' ';
	dec = decode_header(q);
	ck_assert_str_eq(dec, danish);
	free(dec);
	buf_reset(&b);
	ck_assert_int_eq(mail_content_type_named(&b, "application/pdf", "bilag.pdf"), 0);
	ck_assert_str_eq(b.data, "application/pdf;\r\n name=\"bilag.pdf\"");
	/* A " or \ would end or escape the quoted-string, and =? would read as a word: such
	 * ASCII names are encoded too (fuzz_mail_header found the "). */
	buf_reset(&b);
	ck_assert_int_eq(mail_content_type_named(&b, "application/pdf", "rapport \"endelig\".pdf"),
	    0);
	ck_assert_str_eq(b.data,
	    "application/pdf;\r\n name=\"=?UTF-8?Q?rapport_=22endelig=22=2Epdf?=\"");
	buf_reset(&b);
	ck_assert_int_eq(mail_content_type_named(&b, "application/pdf", "=?x?=.pdf"), 0);
	ck_assert_str_eq(b.data, "application/pdf;\r\n name=\"=?UTF-8?Q?=3D=3Fx=3F=3D=2Epdf?=\"");
	buf_free(&b);
}
END_TEST

/* ---- refusal of header injection ------------------------------------------------------------- */

static const struct {
	const char *value;
	size_t len;
} bad_headers[] = {
	{ "Hej\r\nBcc: alle@example.org", 26 },
	{ "Hej\nBcc: alle@example.org", 25 },
	{ "Hej\rBcc: alle@example.org", 25 },
	{ "Hej\0Bcc: alle@example.org", 25 },	/* NUL: C would stop here, MariaDB would not */
	{ "tab\there", 8 },
	{ "del\x7f", 4 },
	{ "\r\n", 2 },
};

START_TEST(control_bytes_refused)
{
	ck_assert_int_eq(mail_check_header(bad_headers[_i].value, bad_headers[_i].len),
	    MAIL_EHEADER);
}
END_TEST

START_TEST(control_bytes_refused_in_every_field)
{
	static const struct mail_attachment bad_att = { "a\r\nb.pdf", "application/pdf", "x", 1 };
	struct mail m = { "ida@ku.dk", "Ida", "Emne", "Tekst", NULL, "test_message", NULL, 0 };
	struct buf b;

	ck_assert_int_eq(mail_check(&m), MAIL_OK);
	m.subject = "Emne\r\nBcc: alle@example.org";
	ck_assert_int_eq(mail_check(&m), MAIL_EHEADER);
	m.subject = "Emne";
	m.to_name = "Ida\nBcc: alle@example.org";
	ck_assert_int_eq(mail_check(&m), MAIL_EHEADER);
	m.to_name = NULL;
	m.to = "ida@ku.dk\r\nBcc: alle@example.org";
	ck_assert_int_eq(mail_check(&m), MAIL_EHEADER);
	m.to = "ida@ku.dk";
	m.attachments = &bad_att;
	m.nattachments = 1;
	ck_assert_int_eq(mail_check(&m), MAIL_EHEADER);
	/* The header writers refuse too, whoever calls them. */
	buf_init(&b, 0);
	ck_assert_int_eq(mail_header_text(&b, "Subject", "a\r\nBcc: x@y.dk"), -1);
	ck_assert_int_eq(mail_header_address(&b, "To", "a\nb", "x@y.dk"), -1);
	buf_free(&b);
}
END_TEST

START_TEST(message_checks)
{
	static char big[MAIL_MAX_SUBJECT + 2];
	struct mail_attachment att = { "Forskningspotentiale.pdf", "application/pdf", "%PDF", 4 };
	struct mail m = { "ida@ku.dk", NULL, "Emne", "Tekst", "<p>Tekst</p>", "test_message",
	    &att, 1 };

	ck_assert_int_eq(mail_check(&m), MAIL_OK);
	memset(big, 'x', sizeof(big) - 1);
	m.subject = big;
	ck_assert_int_eq(mail_check(&m), MAIL_ETOOBIG);
	m.subject = "";
	ck_assert_int_eq(mail_check(&m), MAIL_EARGS);
	m.subject = "bad \xc3\x28 utf-8";
	ck_assert_int_eq(mail_check(&m), MAIL_EUTF8);
	m.subject = "Emne";
	m.text = "overlong \xc0\xaf slash";
	ck_assert_int_eq(mail_check(&m), MAIL_EUTF8);
	m.text = "Tekst";
	m.kind = "Verify Email";
	ck_assert_int_eq(mail_check(&m), MAIL_EARGS);
	m.kind = NULL;
	ck_assert_int_eq(mail_check(&m), MAIL_EARGS);
	m.kind = "verify_email";
	att.filename = "../../etc/passwd";
	ck_assert_int_eq(mail_check(&m), MAIL_EARGS);
	att.filename = "ok.pdf";
	att.content_type = "application/pdf; name=x";
	ck_assert_int_eq(mail_check(&m), MAIL_EARGS);
	att.content_type = "application/pdf";
	att.len = MAIL_MAX_ATTACH_BYTES + 1;
	ck_assert_int_eq(mail_check(&m), MAIL_ETOOBIG);
	att.len = 4;
	ck_assert_int_eq(mail_check(&m), MAIL_OK);
}
END_TEST

static const struct {
	const char *addr;
	enum mail_err want;
} addresses[] = {
	{ "FSEautorisation@dst.dk", MAIL_OK },
	{ "ida.hansen+speciale@sund.ku.dk", MAIL_OK },
	{ "tempfail-1@example.org", MAIL_OK },
	{ "root@localhost", MAIL_OK },
	{ "no-at-sign", MAIL_EADDRESS },
	{ "two@@ku.dk", MAIL_EADDRESS },
	{ "a@b@ku.dk", MAIL_EADDRESS },
	{ "@ku.dk", MAIL_EADDRESS },
	{ "ida@", MAIL_EADDRESS },
	{ ".ida@ku.dk", MAIL_EADDRESS },
	{ "ida..h@ku.dk", MAIL_EADDRESS },
	{ "ida@ku..dk", MAIL_EADDRESS },
	{ "ida@-ku.dk", MAIL_EADDRESS },
	{ "Ida <ida@ku.dk>", MAIL_EADDRESS },
	{ "ida@ku.dk, eve@evil.dk", MAIL_EADDRESS },
	{ "søren@ku.dk", MAIL_EADDRESS },	/* no SMTPUTF8 */
	{ "ida@ku.dk\r\nRCPT TO:<x@y.dk>", MAIL_EHEADER },
};

START_TEST(address_check)
{
	ck_assert_msg(mail_check_address(addresses[_i].addr) == addresses[_i].want, "%s",
	    addresses[_i].addr);
}
END_TEST

/* ---- Date, Message-ID ---------------------------------------------------------------------- */

START_TEST(date_format)
{
	char d[64];

	mail_date(d, sizeof(d), 0);
	ck_assert_str_eq(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	mail_date(d, sizeof(d), 1796031000LL);
	ck_assert_str_eq(d, "Mon, 30 Nov 2026 09:30:00 +0000");
}
END_TEST

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(message_id_format_and_unique)
{
	enum { N = 5000 };
	static char ids[N][128];
	static char *sorted[N];
	regex_t re;
	size_t i;

	ck_assert_int_eq(regcomp(&re, "^<[0-9]{10,}\\.[0-9a-f]{32}@dst\\.dk>$", REG_EXTENDED), 0);
	for (i = 0; i < N; i++) {
		ck_assert_int_eq(mail_message_id(ids[i], sizeof(ids[i]), "dst.dk"), 0);
		ck_assert_msg(regexec(&re, ids[i], 0, NULL, 0) == 0, "bad Message-ID %s", ids[i]);
		sorted[i] = ids[i];
	}
	regfree(&re);
	qsort(sorted, N, sizeof(sorted[0]), cmp_str);
	for (i = 1; i < N; i++)
		ck_assert_str_ne(sorted[i - 1], sorted[i]);
	/* A buffer too small is an error, never a truncated id. */
	ck_assert_int_eq(mail_message_id(ids[0], 20, "dst.dk"), -1);
}
END_TEST

/* ---- the retry schedule -------------------------------------------------------------------- */

START_TEST(backoff_schedule)
{
	/* The defaults from etc/portal.conf.example: 300, 3600, 432000. */
	static const unsigned want[] = { 300, 600, 1200, 2400, 3600, 3600, 3600 };
	unsigned long long t = 0;
	unsigned i, attempts = 0;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_uint_eq(mail_backoff(i + 1, 300, 3600), want[i]);
	ck_assert_uint_eq(mail_backoff(0, 300, 3600), 300);
	ck_assert_uint_eq(mail_backoff(1000, 300, 3600), 3600);	/* no overflow */
	ck_assert_uint_eq(mail_backoff(40, 4000000000u, 4294967295u), 4294967295u);
	ck_assert_uint_eq(mail_backoff(3, 1, 60), 4);

	ck_assert_int_eq(mail_gives_up(0, 432000), 0);
	ck_assert_int_eq(mail_gives_up(431999, 432000), 0);
	ck_assert_int_eq(mail_gives_up(432000, 432000), 1);	/* 5 days */
	/* Walking the schedule: the mail is tried about 123 times before it is given up. */
	while (!mail_gives_up((long long)t, 432000)) {
		attempts++;
		t += mail_backoff(attempts, 300, 3600);
	}
	ck_assert_uint_eq(attempts, 123);
}
END_TEST

START_TEST(classify_outcomes)
{
	ck_assert_int_eq(mail_classify(1, MAIL_STAGE_DATA, 250), MAIL_SENT);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_RCPT, 451), MAIL_TEMPFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_RCPT, 550), MAIL_PERMFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_MAIL, 552), MAIL_PERMFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_DATA, 554), MAIL_PERMFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_DATA, 452), MAIL_TEMPFAIL);
	/* Greeting, EHLO or AUTH refused: the server or our settings, never the message. */
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_CONNECT, 554), MAIL_CONNFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_CONNECT, 535), MAIL_CONNFAIL);
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_CONNECT, 0), MAIL_CONNFAIL);
	/* Timed out after DATA's 354: no verdict on the message, so not dead. */
	ck_assert_int_eq(mail_classify(0, MAIL_STAGE_DATA, 354), MAIL_CONNFAIL);
}
END_TEST

/* ---- templates ----------------------------------------------------------------------------- */

static char *
slurp(const char *path)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	ck_assert_msg(f != NULL, "%s", path);
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_steal(&b, NULL);
}

static const char *
srcdir(void)
{
	const char *d = getenv("PORTAL_SRCDIR");

	return d ? d : ".";
}

START_TEST(text_templates_are_plain_text)
{
	char dirpath[512], path[1024];
	const char *p, *end;
	struct dirent *de;
	DIR *dp;
	int ntext = 0;

	snprintf(dirpath, sizeof(dirpath), "%s/templates/mail", srcdir());
	ck_assert_ptr_nonnull(dp = opendir(dirpath));
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		char *t;

		snprintf(path, sizeof(path), "%s/%s", dirpath, de->d_name);
		if (len > 9 && strcmp(de->d_name + len - 9, ".html.tpl") == 0) {
			t = slurp(path);
			ck_assert_msg(strncmp(t, "{{%AUTOESCAPE context=\"HTML\"}}", 30) == 0,
			    "%s: an HTML mail part is auto-escaped as HTML", de->d_name);
			free(t);
			continue;
		}
		if (len <= 8 || strcmp(de->d_name + len - 8, ".txt.tpl") != 0)
			continue;
		ntext++;
		t = slurp(path);
		ck_assert_msg(strncmp(t, "{{%AUTOESCAPE context=\"XML\"}}", 29) == 0,
		    "%s: a text mail part begins with the XML pragma (lib/mail.h)", de->d_name);
		/* Every variable ends in :none, or XML escaping would put &amp; into plain text. */
		for (p = strstr(t + 29, "{{"); p; p = strstr(end, "{{")) {
			ck_assert_ptr_nonnull(end = strstr(p, "}}"));
			if (strchr("#/!>%^", p[2]) != NULL)
				continue;
			ck_assert_msg(end - p > 7 && strncmp(end - 5, ":none", 5) == 0,
			    "%s: %.*s should end in :none (plain text, see lib/mail.h)", de->d_name,
			    (int)(end - p + 2), p);
		}
		free(t);
	}
	closedir(dp);
	ck_assert_int_ge(ntext, 1);
}
END_TEST

START_TEST(test_message_renders_raw_text_and_escaped_html)
{
	char dirpath[512], err[2048];
	struct tmpl_dict *d;
	struct buf out;

	/* Only the mail templates, copied: this suite tests them, not every page's. */
	snprintf(dirpath, sizeof(dirpath), "/tmp/portal-mail-tpl-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dirpath));
	snprintf(err, sizeof(err), "mkdir '%s/mail' && cp '%s'/templates/mail/*.tpl '%s/mail/'",
	    dirpath, srcdir(), dirpath);
	ck_assert_int_eq(system(err), 0);
	ck_assert_msg(tmpl_init(dirpath, err, sizeof(err)) == TMPL_OK, "%s", err);
	d = tmpl_dict_new();
	tmpl_set(d, "NAME", "Åse Ørsted & \"Co\" <x>");
	tmpl_set(d, "MESSAGE", "æøå");
	tmpl_set(d, "BASE_URL", "http://127.0.0.1:18080");
	buf_init(&out, 0);
	ck_assert_int_eq(tmpl_render("mail/test_message.txt.tpl", d, &out), TMPL_OK);
	/* Plain text keeps its blank lines: they are the paragraph breaks. */
	ck_assert_ptr_nonnull(strstr(out.data, "Kære Åse Ørsted & \"Co\" <x>\n\nDette er"));
	ck_assert_ptr_null(strstr(out.data, "&amp;"));
	ck_assert_ptr_null(strstr(out.data, "{{"));
	buf_reset(&out);
	ck_assert_int_eq(tmpl_render("mail/test_message.html.tpl", d, &out), TMPL_OK);
	ck_assert_ptr_nonnull(strstr(out.data, "Åse Ørsted &amp; &quot;Co&quot; &lt;x&gt;"));
	buf_free(&out);
	tmpl_dict_free(d);
	snprintf(err, sizeof(err), "rm -rf '%s'", dirpath);
	ck_assert_int_eq(system(err), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("mail");
	TCase *enc = tcase_create("encoding");
	TCase *chk = tcase_create("checks");
	TCase *sched = tcase_create("schedule");
	TCase *tpl = tcase_create("templates");

	tcase_add_test(enc, ascii_subject_untouched);
	tcase_add_test(enc, danish_subject_encoded);
	tcase_add_test(enc, long_subject_folded);
	tcase_add_test(enc, lookalike_encoded_word_is_encoded);
	tcase_add_test(enc, address_headers);
	tcase_add_test(enc, rfc2231_filename);
	tcase_add_test(enc, attachment_name_headers);
	tcase_add_test(enc, date_format);
	tcase_add_test(enc, message_id_format_and_unique);
	suite_add_tcase(s, enc);
	tcase_add_loop_test(chk, control_bytes_refused, 0,
	    sizeof(bad_headers) / sizeof(bad_headers[0]));
	tcase_add_test(chk, control_bytes_refused_in_every_field);
	tcase_add_test(chk, message_checks);
	tcase_add_loop_test(chk, address_check, 0, sizeof(addresses) / sizeof(addresses[0]));
	suite_add_tcase(s, chk);
	tcase_add_test(sched, backoff_schedule);
	tcase_add_test(sched, classify_outcomes);
	suite_add_tcase(s, sched);
	tcase_add_test(tpl, text_templates_are_plain_text);
	tcase_add_test(tpl, test_message_renders_raw_text_and_escaped_html);
	suite_add_tcase(s, tpl);
	return check_run(s);
}
