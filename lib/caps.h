/*
 * caps: limits that keep one account, one stolen session or one client address from filling
 * the portal (issue 16): per person the open drafts of each kind, the invitations sent in an
 * hour and the bytes uploaded in a day; the bytes stored per case and per authorisation; and
 * per client address the uses of each public form that writes or mails, in an hour. Each limit
 * is a setting (config.c: cap_*; 0 turns that cap off).
 *
 * A cap must hold when two requests run at once, on one server or on two Galera nodes. A count
 * alone cannot carry it (DESIGN.md, process model): each check therefore first writes one gate
 * row, inside the caller's transaction (cap_gates: one per kind and what it counts for, a
 * person, a case or an authorisation; address_caps: one per form and address, which is also
 * the count). Two requests then wait for each other on one server and conflict at COMMIT on
 * two nodes, and the loser runs again whole and counts what the winner made; the count after
 * the gate is a locking read, so it sees what committed before, whatever snapshot the
 * transaction began with. A refused request rolls back: the gate's write goes with it, nothing
 * is written but the audit event (cap.refused, in a transaction of its own).
 *
 * The decisions (caps_within, caps_message, caps_limit) are pure; the rest uses the database.
 */
#ifndef PORTAL_CAPS_H
#define PORTAL_CAPS_H

#include <stddef.h>

#include "config.h"
#include "ctx.h"
#include "db.h"

#define CAPS_MESSAGE_MAX	320	/* bytes of a refusal's text, with its NUL */

enum caps_err {
	CAPS_OK = 0,
	CAPS_EOVER,	/* past the cap: refuse, roll back, say caps_message */
	CAPS_EDB,	/* a database error: db_last_error says which (a lost conflict: rerun) */
	CAPS__MAX
};

/* What is capped, and (after the colon) what the subject of a check is. */
enum caps_kind {
	CAPS_DRAFT_APPLICATION,	/* a person: cases 'authorisation' in draft */
	CAPS_DRAFT_PROPOSAL,	/* a person: cases 'project' in draft */
	CAPS_DRAFT_STUDENT,	/* a person: cases 'student' in draft */
	CAPS_INVITE_HOUR,	/* a person: invitations sent in the last hour */
	CAPS_MAIL_HOUR,		/* a person: mails their requests caused in the last hour */
	CAPS_UPLOAD_DAY,	/* a person: bytes uploaded in the last 24 hours */
	CAPS_CASE_BYTES,	/* a case: bytes of its files, every version kept */
	CAPS_AUTH_BYTES,	/* an authorisation: bytes of its files, every version kept */
	CAPS_ADDR_REGISTER,	/* an address: /konto/opret in the current hour */
	CAPS_ADDR_FORGOT,	/* an address: /konto/glemt */
	CAPS_ADDR_CONFIRM,	/* an address: /ansoegning/bekraeft (the manager's confirmation) */
	CAPS_ADDR_INVITATION,	/* an address: /autorisation/invitation (accepting one) */
	CAPS_KIND__MAX
};

const char	*caps_strerror(enum caps_err);
/* The kind's short name: audit detail, the FSE page ("draft.application", "address.register"). */
const char	*caps_name(enum caps_kind);
/* What FSE's page calls the cap, in Danish ("Kladder til ansøgninger"); NULL for no kind. */
const char	*caps_label(const char *name);
/* The configured limit of a kind; 0: no cap. */
unsigned long long caps_limit(const struct config *, enum caps_kind);
/* 1 when used + adding stays within limit (limit 0: always), without overflow; else 0. */
int		 caps_within(unsigned long long used, unsigned long long adding,
		    unsigned long long limit);
/* The plain Danish refusal for a kind at its limit, into out (bounded). */
void		 caps_message(enum caps_kind, unsigned long long limit, char *out, size_t outlen);

/*
 * In the caller's open transaction, before it adds `adding` (1 for a draft or an invitation,
 * the bytes of an upload) to what kind counts for subject (a person's, a case's or an
 * authorisation's id): the gate row written, then the count read with a locking read.
 * CAPS_OK: go on and write it.
 */
enum caps_err	 caps_check(struct db *, const struct config *, enum caps_kind,
		    long long subject, unsigned long long adding);
/*
 * In the caller's open transaction, before a public form writes or mails: one more use of the
 * form by this address in the current hour counted (address_caps). CAPS_EOVER: past the cap.
 * An empty address (no REMOTE_ADDR) is counted as one address.
 */
enum caps_err	 caps_address(struct db *, const struct config *, enum caps_kind,
		    const char *address);
/* Before expensive work outside a transaction (a password's hash): 1 when this address has
 * already used the form's hour (a plain read, so the request can be refused early; the check
 * that holds is caps_address's), 0 when not, -1 on a database error. */
int		 caps_address_spent(struct db *, const struct config *, enum caps_kind,
		    const char *address);
/* After the caller rolled back a refusal: the audit event cap.refused (actor: user, 0 for an
 * anonymous visitor; detail: the kind's name), in a transaction of its own. */
enum db_err	 caps_refused(struct db *, long long user, enum caps_kind, const char *address);

/*
 * What a handler calls, in its open transaction: caps_gate before it creates or stores
 * (subject and adding as caps_check; a draft's or an invitation's subject is ctx_user), and
 * caps_gate_address before a public form writes or mails (the client's address). 0: go on.
 * 429: refused, the transaction rolled back, the refusal audited, the message for the page in
 * msg (the handler shows its form again with it and the input). Else the answer to a database
 * error (ctx_tx_error: a lost conflict runs the request again).
 */
int		 caps_gate(struct ctx *, enum caps_kind, long long subject,
		    unsigned long long adding, char *msg, size_t msglen);
int		 caps_gate_address(struct ctx *, enum caps_kind, char *msg, size_t msglen);
/* A refusal found without a gate (caps_address_spent), no transaction open: audited, the
 * message in msg; 429. */
int		 caps_refuse(struct ctx *, enum caps_kind, char *msg, size_t msglen);
/* An upload of bytes (every file of the request together), checked as caps_gate against the
 * person's day, its case (case_id 0: a file of the authorisation itself) and its
 * authorisation, in that order: the first refusal is the answer. */
int		 caps_gate_upload(struct ctx *, long long authorisation_id, long long case_id,
		    unsigned long long bytes, char *msg, size_t msglen);

/*
 * A cap met below the handler, where no form is at hand (the outbox: cap_mails_hour): the
 * module notes it (caps_note) and fails; ctx_db_error then answers 429 with the message on a
 * plain page, the transaction rolled back and the refusal audited (caps_answer_pending).
 * The accept loop forgets a note at the start of each run (caps_forget).
 */
void		 caps_note(enum caps_kind);
void		 caps_forget(void);
/* 429 when a cap was noted in this run (answered as above, the note cleared), else 0. */
int		 caps_answer_pending(struct ctx *);

#endif
