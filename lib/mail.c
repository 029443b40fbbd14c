/*
 * mail: checking a message, the header encodings (RFC 2047 encoded-words, RFC 2231 parameter
 * values), the Message-ID, the retry schedule, and mail_enqueue itself. The outbox as the mailer
 * and the FSE page see it is in mail_outbox.c, sending in mail_smtp.c.
 */
#include "mail.h"

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char *const mail_errs[MAIL__MAX] = {
	[MAIL_OK] = "no error",
	[MAIL_EHEADER] = "header value contains a control character (CR, LF, NUL, ...)",
	[MAIL_EADDRESS] = "not a plain mail address",
	[MAIL_EUTF8] = "text is not valid UTF-8",
	[MAIL_EARGS] = "missing or malformed mail field",
	[MAIL_ETOOBIG] = "mail too big",
	[MAIL_ETEMPLATE] = "mail template missing or failed to render",
	[MAIL_ENOTX] = "mail_enqueue needs the caller's transaction",
	[MAIL_EDB] = "database error",
	[MAIL_ENOTFOUND] = "no such mail in that state",
	[MAIL_ENOMEM] = "out of memory",
};

const char *
mail_strerror(enum mail_err e)
{
	return (unsigned)e < MAIL__MAX ? mail_errs[e] : "unknown error";
}

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

static int
kind_ok(const char *k)
{
	size_t i;

	if (k == NULL || k[0] == '\0' || strlen(k) > MAIL_MAX_KIND)
		return 0;
	for (i = 0; k[i]; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return 0;
	return 1;
}

/* type/subtype, each an RFC 2045 token; no parameters (the mailer adds name=). */
static int
content_type_ok(const char *t)
{
	const char *p;
	int slash = 0;
	size_t n = 0;

	if (t == NULL || strlen(t) > 127)
		return 0;
	for (p = t; *p; p++) {
		if (*p == '/') {
			if (slash++ || n == 0)
				return 0;
			n = 0;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&^_.+-", *p) != NULL)
			n++;
		else
			return 0;
	}
	return slash == 1 && n > 0;
}

static enum mail_err
check_body(const char *s)
{
	size_t len = strlen(s);

	if (len > MAIL_MAX_BODY)
		return MAIL_ETOOBIG;
	return mail_utf8_valid(s, len) ? MAIL_OK : MAIL_EUTF8;
}

enum mail_err
mail_check(const struct mail *m)
{
	enum mail_err rc;
	size_t i, total = 0;

	if (m == NULL || m->subject == NULL || m->text == NULL)
		return MAIL_EARGS;
	if ((rc = mail_check_address(m->to)) != MAIL_OK)
		return rc;
	if (m->to_name) {
		if (strlen(m->to_name) > MAIL_MAX_NAME)
			return MAIL_ETOOBIG;
		if ((rc = mail_check_header(m->to_name, strlen(m->to_name))) != MAIL_OK)
			return rc;
	}
	if (m->subject[0] == '\0')
		return MAIL_EARGS;
	if (strlen(m->subject) > MAIL_MAX_SUBJECT)
		return MAIL_ETOOBIG;
	if ((rc = mail_check_header(m->subject, strlen(m->subject))) != MAIL_OK)
		return rc;
	if ((rc = check_body(m->text)) != MAIL_OK)
		return rc;
	if (m->html && (rc = check_body(m->html)) != MAIL_OK)
		return rc;
	if (!kind_ok(m->kind))
		return MAIL_EARGS;
	if (m->nattachments > MAIL_MAX_ATTACHMENTS)
		return MAIL_ETOOBIG;
	if (m->nattachments && m->attachments == NULL)
		return MAIL_EARGS;
	for (i = 0; i < m->nattachments; i++) {
		const struct mail_attachment *a = &m->attachments[i];
		size_t flen;

		if (a->filename == NULL || (flen = strlen(a->filename)) == 0 ||
		    !content_type_ok(a->content_type) || (a->len && a->data == NULL))
			return MAIL_EARGS;
		if (flen > MAIL_MAX_FILENAME)
			return MAIL_ETOOBIG;
		if ((rc = mail_check_header(a->filename, flen)) != MAIL_OK)
			return rc;
		/* A name, never a path: the receiving client must not be steered into a directory. */
		if (strpbrk(a->filename, "/\\") != NULL || strcmp(a->filename, ".") == 0 ||
		    strcmp(a->filename, "..") == 0)
			return MAIL_EARGS;
		if (a->len > MAIL_MAX_ATTACH_BYTES || total > MAIL_MAX_ATTACH_BYTES - a->len)
			return MAIL_ETOOBIG;
		total += a->len;
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

	if (filename == NULL || mail_check_header(filename, strlen(filename)) != MAIL_OK)
		return -1;
	if (quotable_ascii(filename)) {
		buf_printf(b, "%s;\r\n name=\"%s\"", type, filename);
		return b->failed ? -1 : 0;
	}
	/* Older readers look here: encoded-words inside the quotes, folded between words.
	 * "name=: " is exactly as long as ' name="', so the fold positions come out right. */
	buf_init(&w, 4096);
	if (mail_header_text(&w, "name=", filename) == -1) {
		buf_free(&w);
		return -1;
	}
	buf_printf(b, "%s;\r\n name=\"%s\"", type, w.data + 7);
	buf_free(&w);
	return b->failed ? -1 : 0;
}

void
mail_date(char *out, size_t outlen, long long t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	    "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	snprintf(out, outlen, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
	    tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int
mail_message_id(char *out, size_t outlen, const char *domain)
{
	unsigned char rnd[16];
	char hex[sizeof(rnd) * 2 + 1];
	int n;

	if (sodium_init() < 0)
		return -1;
	/* 128 random bits make a collision across every portal instance negligible; the time
	 * in front only helps a human reading a log. */
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	n = snprintf(out, outlen, "<%lld.%s@%s>", (long long)time(NULL), hex, domain);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/* ---- retry schedule ----------------------------------------------------------------------- */

unsigned
mail_backoff(unsigned attempt, unsigned first, unsigned max)
{
	unsigned long long d = first;
	unsigned i;

	for (i = 1; i < attempt && d < max; i++)
		d *= 2;
	return d > max ? max : (unsigned)d;
}

int
mail_gives_up(long long age, unsigned give_up)
{
	return age >= (long long)give_up;
}

enum mail_outcome
mail_classify(int transfer_ok, enum mail_stage stage, int code)
{
	if (transfer_ok)
		return MAIL_SENT;
	/* A reply to the greeting, EHLO, STARTTLS or AUTH says something about the server or our
	 * settings, not about this message: it must not make the message dead. */
	if (stage == MAIL_STAGE_CONNECT)
		return MAIL_CONNFAIL;
	if (code >= 500 && code <= 599)
		return MAIL_PERMFAIL;
	if (code >= 400 && code <= 499)
		return MAIL_TEMPFAIL;
	return MAIL_CONNFAIL;	/* no reply to the command: timeout or connection dropped */
}

/* ---- enqueue ------------------------------------------------------------------------------ */

static enum db_err mail_db_last;

enum db_err
mail_last_db_error(void)
{
	return mail_db_last;
}

static enum mail_err
db_fail(struct db *db, enum db_err rc, const char *what)
{
	mail_db_last = rc;
	log_error("mail: %s: %s (%s)", what, db_strerror(rc), db_errmsg(db));
	return MAIL_EDB;
}

enum mail_err
mail_enqueue(struct db *db, const struct config *cfg, const struct mail *m,
    unsigned long long *id_out)
{
	struct db_result res;
	enum mail_err mrc;
	enum db_err rc;
	char mid[256];
	const char *at;
	unsigned long long id;
	size_t i;
	int autocommit;

	mail_db_last = DB_OK;
	if ((mrc = mail_check(m)) != MAIL_OK)
		return mrc;
	/* The sender comes from the configuration; a broken one is refused here, not at send. */
	if (mail_check_address(cfg->mail_from) != MAIL_OK ||
	    mail_check_header(cfg->mail_from_name, strlen(cfg->mail_from_name)) != MAIL_OK)
		return MAIL_EADDRESS;
	at = strchr(cfg->mail_from, '@');
	if (mail_message_id(mid, sizeof(mid), at + 1) == -1)
		return MAIL_ENOMEM;

	/* Outside a transaction the row and its attachments would commit one by one, and a
	 * failure between them would leave a mail without its attachment for the mailer. */
	if ((rc = db_exec(db, &res, "SELECT @@autocommit", "")) != DB_OK)
		return db_fail(db, rc, "enqueue");
	autocommit = (int)db_cell_int(&res, 0, 0, 1);
	db_result_free(&res);
	if (autocommit)
		return MAIL_ENOTX;

	rc = db_exec(db, &res, "INSERT INTO outbox (message_id, kind, from_addr, from_name, "
	    "to_addr, to_name, subject, body_text, body_html, state, queued_at, next_attempt) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', NOW(6), NOW(6))", "sssssssss",
	    mid, m->kind, cfg->mail_from, cfg->mail_from_name, m->to, m->to_name, m->subject,
	    m->text, m->html);
	if (rc != DB_OK)
		return db_fail(db, rc, "enqueue");
	id = res.insert_id;
	db_result_free(&res);
	for (i = 0; i < m->nattachments; i++) {
		const struct mail_attachment *a = &m->attachments[i];

		rc = db_exec(db, NULL, "INSERT INTO outbox_attachments (outbox_id, seq, filename, "
		    "content_type, data) VALUES (?, ?, ?, ?, ?)", "iissb", (long long)id,
		    (long long)i, a->filename, a->content_type, a->data ? a->data : "", a->len);
		if (rc != DB_OK)
			return db_fail(db, rc, "enqueue attachment");
	}
	if (id_out)
		*id_out = id;
	return MAIL_OK;
}

static int
template_name_ok(const char *n)
{
	size_t i;

	if (n == NULL || n[0] == '\0' || strlen(n) > 64)
		return 0;
	for (i = 0; n[i]; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') || n[i] == '_'))
			return 0;
	return 1;
}

/* ctemplate leaves the line breaks around the pragma and comments: a body starts with text. */
static const char *
skip_leading_blank(const char *s)
{
	while (*s == '\n' || *s == '\r')
		s++;
	return s;
}

enum mail_err
mail_enqueue_template(struct db *db, const struct config *cfg, const char *to,
    const char *to_name, const char *subject, const char *name, const struct tmpl_dict *d,
    const char *kind, unsigned long long *id_out)
{
	struct buf text, html;
	struct mail m;
	char file[128], path[1024];
	enum mail_err rc = MAIL_ETEMPLATE;
	int has_html;

	if (!template_name_ok(name) || d == NULL)
		return MAIL_EARGS;
	buf_init(&text, MAIL_MAX_BODY + 1);
	buf_init(&html, MAIL_MAX_BODY + 1);
	snprintf(file, sizeof(file), "mail/%s.txt.tpl", name);
	if (tmpl_render(file, d, &text) != TMPL_OK || text.data == NULL) {
		log_error("mail: template %s did not render", file);
		goto out;
	}
	/* tmpl_init loaded every *.tpl under templates_dir, so the file on disk is the one in the
	 * frozen cache (the name is ours, checked above, never a user's). */
	snprintf(path, sizeof(path), "%s/mail/%s.html.tpl", cfg->templates_dir, name);
	has_html = access(path, F_OK) == 0;
	snprintf(file, sizeof(file), "mail/%s.html.tpl", name);
	if (has_html && (tmpl_render(file, d, &html) != TMPL_OK || html.data == NULL)) {
		log_error("mail: template %s did not render", file);
		goto out;
	}
	memset(&m, 0, sizeof(m));
	m.to = to;
	m.to_name = to_name;
	m.subject = subject;
	m.text = skip_leading_blank(text.data);
	m.html = has_html ? skip_leading_blank(html.data) : NULL;
	m.kind = kind;
	rc = mail_enqueue(db, cfg, &m, id_out);
out:
	buf_free(&text);
	buf_free(&html);
	return rc;
}
