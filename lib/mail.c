/*
 * mail: checking a message, the Message-ID, the retry schedule, and mail_enqueue itself. The
 * header checks and encodings are in mail_header.c, the outbox as the mailer and the FSE page
 * see it in mail_outbox.c, sending in mail_smtp.c.
 */
#include "mail.h"

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "caps.h"
#include "log.h"

static const char *const mail_errs[MAIL__MAX] = {
	[MAIL_OK] = "no error",
	[MAIL_ECAP] = "the person's mails per hour are spent (cap_mails_hour)",
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

/* ---- checking a whole message (the header checks are in mail_header.c) --------------------- */

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

static long long caused_by;	/* mail_cause: whose request this is, 0 the system's */
static int as_service;		/* mail_as_service */

void
mail_cause(long long user)
{
	caused_by = as_service ? 0 : user;
}

void
mail_as_service(int on)
{
	as_service = on;
	caused_by = 0;
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
	/* Issue 16: the person's mails of the hour, behind the gate row (lib/caps). */
	if (caused_by > 0) {
		enum caps_err ce = caps_check(db, cfg, CAPS_MAIL_HOUR, caused_by, 1);

		if (ce == CAPS_EOVER) {
			caps_note(CAPS_MAIL_HOUR);
			return MAIL_ECAP;
		}
		if (ce != CAPS_OK)
			return db_fail(db, db_last_error(db), "mail cap");
	}

	rc = db_exec(db, &res, "INSERT INTO outbox (message_id, kind, from_addr, from_name, "
	    "to_addr, to_name, subject, body_text, body_html, state, queued_at, next_attempt, "
	    "caused_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', NOW(6), NOW(6), NULLIF(?, 0))",
	    "sssssssssi", mid, m->kind, cfg->mail_from, cfg->mail_from_name, m->to, m->to_name,
	    m->subject, m->text, m->html, caused_by);
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
