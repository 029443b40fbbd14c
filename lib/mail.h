/*
 * mail: the outbox. A handler never sends mail: mail_enqueue() writes the message into the
 * `outbox` table inside the handler's own transaction, so a mail exists exactly when the change
 * that caused it committed (a rollback leaves no mail). The mailer daemon (bin/mailer) claims due
 * rows, sends them through libcurl SMTP and records the outcome on the row (DESIGN: Mail).
 *
 * What is fixed at enqueue: sender (mail_from_name <mail_from> from the config), recipient,
 * subject, both bodies, attachments and the Message-ID (so a retry is the same message). What
 * is set at send: Date. Header values (addresses, names, subject, file names) are refused when
 * they carry CR, LF, NUL or any other control byte, or are not UTF-8.
 *
 * Templates: templates/mail/NAME.txt.tpl (required) and NAME.html.tpl (optional). The text one
 * is plain text, which ctemplate has no auto-escape context for: it begins with
 * {{%AUTOESCAPE context="XML"}} (the loader requires a pragma) and every variable in it ends in
 * :none, because a text/plain body is never interpreted as markup (tests/unit/test_mail checks
 * every mail text template for this). The HTML one uses context="HTML" like every page.
 */
#ifndef PORTAL_MAIL_H
#define PORTAL_MAIL_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "tmpl.h"

struct mail_attachment {
	const char	*filename;	/* UTF-8, no path separators */
	const char	*content_type;	/* type/subtype, e.g. application/pdf */
	const void	*data;
	size_t		 len;
};

struct mail {
	const char	*to;		/* one address */
	const char	*to_name;	/* may be NULL */
	const char	*subject;	/* UTF-8 */
	const char	*text;		/* text/plain body, UTF-8 */
	const char	*html;		/* text/html body or NULL */
	const char	*kind;		/* short tag: "verify_email", "password_reset", ... */
	const struct mail_attachment *attachments;
	size_t		 nattachments;
};

enum mail_err {
	MAIL_OK = 0,
	MAIL_EHEADER,		/* a header value with CR, LF, NUL or another control byte */
	MAIL_EADDRESS,		/* not one plain address (local@domain) */
	MAIL_EUTF8,		/* text that is not valid UTF-8 */
	MAIL_EARGS,		/* a required field is missing or malformed (kind, content type) */
	MAIL_ETOOBIG,		/* over a size cap (subject, body, attachments) */
	MAIL_ETEMPLATE,		/* the mail template is missing or failed to render */
	MAIL_ENOTX,		/* mail_enqueue called outside a transaction */
	MAIL_EDB,		/* the database refused (see db_errmsg) */
	MAIL_ENOTFOUND,		/* no such row in the state asked for */
	MAIL_ENOMEM,
	MAIL_ECAP,		/* the person's mails of the hour are spent (issue 16, lib/caps) */
	MAIL__MAX
};

#define MAIL_MAX_SUBJECT	500		/* bytes */
#define MAIL_MAX_BODY		(1024 * 1024)	/* bytes, each part */
#define MAIL_MAX_ATTACHMENTS	10
#define MAIL_MAX_ATTACH_BYTES	(8 * 1024 * 1024)	/* all attachments together */
#define MAIL_MAX_FILENAME	200		/* bytes */
#define MAIL_MAX_ADDRESS	254
#define MAIL_MAX_NAME		200
#define MAIL_MAX_KIND		64

const char	*mail_strerror(enum mail_err);
/* The database error behind the last MAIL_EDB from mail_enqueue (DB_ERETRY: run the
 * transaction again; DB_EUNKNOWN and DB_ELOST: see db.h). */
enum db_err	 mail_last_db_error(void);

/* Inserts into outbox inside the caller's transaction (the caller commits or rolls back). */
/* The person whose request causes the mails enqueued from now on in this process (0: the
 * system); set per request by lib/ctx when the session is loaded (issue 16: cap_mails_hour). */
void		 mail_cause(long long user);
/* 1: this process mails as the service whoever is logged in (FSE's program), so mail_cause
 * is not counted. */
void		 mail_as_service(int on);
enum mail_err	 mail_enqueue(struct db *, const struct config *, const struct mail *,
		    unsigned long long *id_out);
/* Renders templates/mail/<name>.txt.tpl and, if loaded, templates/mail/<name>.html.tpl with d,
 * then mail_enqueue. tmpl_init must have loaded cfg->templates_dir. */
enum mail_err	 mail_enqueue_template(struct db *, const struct config *, const char *to,
		    const char *to_name, const char *subject, const char *name,
		    const struct tmpl_dict *d, const char *kind, unsigned long long *id_out);

/* ---- pieces, pure (unit-tested) ------------------------------------------------------------- */

/* Checks a whole message before anything is written. */
enum mail_err	 mail_check(const struct mail *);
/* A header value: valid UTF-8 of len bytes, no control bytes (CR, LF, NUL, ...). */
enum mail_err	 mail_check_header(const char *value, size_t len);
/* One plain address local@domain, printable ASCII, no spaces, quotes or angle brackets. */
enum mail_err	 mail_check_address(const char *addr);
int		 mail_utf8_valid(const char *s, size_t len);

/*
 * Appends "Name: value" for an unstructured header (Subject): unchanged when it is printable
 * ASCII, else RFC 2047 encoded-words (UTF-8, Q encoding) that never split a character, each at
 * most 75 characters, lines folded (CRLF SP) so none is longer than 76. No trailing CRLF.
 */
int		 mail_header_text(struct buf *, const char *name, const char *value);
/* Appends "Name: display name <addr>" (name quoted or encoded as needed; addr alone if no name). */
int		 mail_header_address(struct buf *, const char *name, const char *display,
		    const char *addr);
/* Appends the RFC 2231 form of a parameter value: utf-8''%C3%A6... (for filename*=). */
int		 mail_rfc2231(struct buf *, const char *value);
/* Appends "Content-Disposition: attachment; filename=..." for an attachment: the quoted name
 * when it is short printable ASCII, else RFC 2231 continuations filename*0*=UTF-8''...,
 * filename*1*=... on folded lines of at most 78 characters. */
int		 mail_header_disposition(struct buf *, const char *filename);
/* Appends the Content-Type value "type/subtype; name=..." with the name quoted, as
 * encoded-words for non-ASCII and for names with ", \ or =? (what older readers take the
 * name from). */
int		 mail_content_type_named(struct buf *, const char *type, const char *filename);
/* Date header value for t (RFC 5322, UTC, English names whatever the locale). */
void		 mail_date(char *out, size_t outlen, long long t);
/* A new Message-ID "<unixtime.32 hex random@domain>"; -1 if it does not fit. */
int		 mail_message_id(char *out, size_t outlen, const char *domain);

/*
 * Retry schedule (DESIGN: Mail, Postfix-like): after the n-th failed attempt (n >= 1) wait
 * first * 2^(n-1) seconds, at most max. A mail that fails temporarily when it has been queued
 * for give_up seconds or more goes dead instead.
 */
unsigned	 mail_backoff(unsigned attempt, unsigned first, unsigned max);
int		 mail_gives_up(long long age, unsigned give_up);

/* What an SMTP attempt means for the row (see mail_classify). */
enum mail_outcome {
	MAIL_SENT,		/* accepted: mark sent with the reply */
	MAIL_TEMPFAIL,		/* this message got a 4xx: deferred with backoff */
	MAIL_PERMFAIL,		/* this message got a 5xx: dead with the reason */
	MAIL_CONNFAIL		/* the server, not the message: connect, greeting, auth, timeout */
};
/* The SMTP command the last reply answered. */
enum mail_stage { MAIL_STAGE_CONNECT, MAIL_STAGE_MAIL, MAIL_STAGE_RCPT, MAIL_STAGE_DATA };
enum mail_outcome mail_classify(int transfer_ok, enum mail_stage, int reply_code);

/* ---- the outbox as the mailer sees it (lib/mail_outbox.c) ------------------------------------ */

/* One claimed row, loaded for sending; strings point into the results it owns. */
struct mail_row {
	unsigned long long	 id;
	const char		*message_id, *from_addr, *from_name, *to, *to_name;
	const char		*subject, *text, *html, *kind;
	unsigned		 attempts;	/* before this one */
	long long		 age;		/* seconds since (re)queued */
	struct mail_attachment	 att[MAIL_MAX_ATTACHMENTS];
	size_t			 natt;
	struct db_result	 res, ares;
};

/*
 * Which rows a mailer claims (issue 12). SKIP LOCKED keeps mailers on one server apart, but a
 * Galera node's row locks are its own: mailers on two nodes see the same due rows, both claim
 * them and the one that commits second loses (1213), on almost every batch. So each mailer has
 * a share, the rows whose id % slots is its slot, and claims those first; rows of the other
 * shares only once they have been due for `takeover` seconds (their mailer is stopped, slow or
 * gone), so every mail is still sent. slots = 1: one share, every mailer claims any row.
 */
struct mail_share {
	unsigned	slot, slots;
	unsigned	takeover;	/* seconds */
};
#define MAIL_TAKEOVER		60	/* seconds another share's due row waits for its mailer */
#define MAIL_CLAIM_TRIES	4	/* a claim that loses a conflict is run again at once */

/* Claims up to max due rows for `owner` for lease seconds (SELECT ... FOR UPDATE SKIP LOCKED in
 * a short transaction): its share's rows first, then others' rows due for share->takeover
 * seconds (share NULL: any row). A claim that loses a conflict (DB_ERETRY: another mailer on
 * another node took a row first) is rolled back and run again at once, MAIL_CLAIM_TRIES times at
 * most; *conflicts (may be NULL) gets how many times it lost. ids gets the claimed ids (capacity
 * max); *n their number. */
enum mail_err	 mail_claim(struct db *, const char *owner, unsigned lease,
		    const struct mail_share *share, size_t max, unsigned long long *ids, size_t *n,
		    unsigned *conflicts);
/* Loads a row this owner holds; MAIL_ENOTFOUND if the claim was lost or it is done. */
enum mail_err	 mail_load(struct db *, const char *owner, unsigned long long id, struct mail_row *);
void		 mail_row_free(struct mail_row *);
/* Extends every lease this owner holds. */
enum mail_err	 mail_renew(struct db *, const char *owner, unsigned lease);
/* Outcome of one attempt; text is the server's reply or the error. For MAIL_TEMPFAIL and
 * MAIL_CONNFAIL the row is deferred by the schedule, or dead when it gives up. */
enum mail_err	 mail_record(struct db *, const struct config *, const char *owner,
		    const struct mail_row *, enum mail_outcome, const char *text);
/* Gives a claimed row back untouched (due again at once). */
enum mail_err	 mail_release(struct db *, const char *owner, unsigned long long id);

/* ---- the FSE view of the outbox: the page and `portalctl mail-list / mail-retry` ------------ */

struct mail_counts {
	unsigned long long	queued, deferred, dead, sent;
};

struct mail_entry {
	unsigned long long	 id;
	const char		*state;		/* queued, deferred, sent, dead */
	const char		*kind, *to, *subject;
	unsigned		 attempts;
	const char		*created_at;	/* UTC, "YYYY-MM-DD HH:MM:SS" */
	const char		*next_attempt;	/* NULL when sent or dead */
	const char		*last_attempt_at;
	const char		*last_error;	/* the last failure, kept when dead */
	const char		*smtp_reply;	/* the server's acceptance when sent */
	int			 claimed;	/* a mailer holds it right now */
};

struct mail_list {
	struct mail_counts	 counts;	/* over the whole outbox */
	struct mail_entry	*rows;
	size_t			 nrows;
	struct db_result	 res;		/* owns the strings */
};

#define MAIL_LIST_QUEUED	0x1
#define MAIL_LIST_DEFERRED	0x2
#define MAIL_LIST_DEAD		0x4
#define MAIL_LIST_SENT		0x8
#define MAIL_LIST_PENDING	(MAIL_LIST_QUEUED | MAIL_LIST_DEFERRED | MAIL_LIST_DEAD)

enum mail_err	 mail_count(struct db *, struct mail_counts *);
/* Newest first; states is a MAIL_LIST_* mask (0 = MAIL_LIST_PENDING). */
enum mail_err	 mail_list(struct db *, unsigned states, size_t limit, size_t offset,
		    struct mail_list *);
void		 mail_list_free(struct mail_list *);
/* A dead mail queued again: due now, attempts and the give-up clock start over, the last error
 * is kept until the next attempt. MAIL_ENOTFOUND unless the row exists and is dead. */
enum mail_err	 mail_retry_dead(struct db *, unsigned long long id);

/* ---- retention (R33: data minimisation) ------------------------------------------------------ */

/* Rows one purge statement deletes at most: each batch is its own short transaction, so the
 * purge never holds many locks nor a long undo log, and the mailers and FSE keep working. */
#define MAIL_PURGE_BATCH	1000

/*
 * Deletes sent mails whose last attempt (the send) is more than cfg->mail_keep_sent_days days
 * ago and dead mails whose last attempt is more than cfg->mail_keep_dead_days days ago, with
 * their attachments (ON DELETE CASCADE); a setting of 0 keeps that state forever. Queued,
 * deferred and claimed rows are never touched. Batches of MAIL_PURGE_BATCH, oldest first, until
 * none is left. *deleted gets the rows deleted, also when it fails part way (the batches
 * before the failure are committed; the next purge takes the rest).
 */
enum mail_err	 mail_purge(struct db *, const struct config *, unsigned long long *deleted);

/* ---- SMTP (lib/mail_smtp.c): one libcurl handle, its connection reused across sends ---------- */

struct mail_smtp;

struct mail_smtp *mail_smtp_new(const struct config *);
void		 mail_smtp_free(struct mail_smtp *);
/* Builds the message with curl_mime (multipart/alternative for text + HTML, inside
 * multipart/mixed when there are attachments) and sends it. reply gets the server's last
 * reply or the transport error, for the row. */
enum mail_outcome mail_smtp_send(struct mail_smtp *, const struct mail_row *, char *reply,
		    size_t replylen);

#endif
