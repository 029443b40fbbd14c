/*
 * caps: limits that keep one account, one stolen session or one client address from filling
 * the portal (issue 16): open drafts per person and kind, and writing public forms per client
 * address and hour. Each limit is a setting (config.c: cap_*; 0 turns that cap off).
 *
 * A cap must hold when two requests of one person (or address) run at once, on one server or
 * on two Galera nodes. A count alone cannot carry it (DESIGN.md, process model): each check
 * therefore first writes one gate row (user_caps: one per person and kind; address_caps: one
 * per form and address, which is also the count), inside the caller's transaction. Two
 * creations then wait for each other on one server and conflict at COMMIT on two nodes, and
 * the loser runs again whole and counts what the winner made. A refused request rolls back:
 * the gate's write goes with it, nothing is written but the audit event (caps_refused).
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

/* What is capped. Per person: the open drafts of a kind; per client address: a public form. */
enum caps_kind {
	CAPS_DRAFT_APPLICATION,	/* cases 'authorisation' in draft */
	CAPS_DRAFT_PROPOSAL,	/* cases 'project' in draft */
	CAPS_DRAFT_STUDENT,	/* cases 'student' in draft */
	CAPS_ADDR_REGISTER,	/* /konto/opret per address and hour */
	CAPS_ADDR_FORGOT,	/* /konto/glemt per address and hour */
	CAPS_KIND__MAX
};

const char	*caps_strerror(enum caps_err);
/* The kind's short name: audit detail, the FSE page ("draft.application", "address.register"). */
const char	*caps_name(enum caps_kind);
/* The configured limit of a kind; 0: no cap. */
unsigned	 caps_limit(const struct config *, enum caps_kind);
/* 1 when used + adding stays within limit (limit 0: always), without overflow; else 0. */
int		 caps_within(unsigned long long used, unsigned long long adding,
		    unsigned long long limit);
/* The plain Danish refusal for a kind at its limit, into out (never truncated mid-character:
 * the texts are short). */
void		 caps_message(enum caps_kind, unsigned limit, char *out, size_t outlen);

/*
 * In the caller's open transaction, before it creates a draft of kind: the person's gate row
 * written, then their open drafts of that kind counted with a locking read. CAPS_OK: create it.
 */
enum caps_err	 caps_drafts(struct db *, const struct config *, long long user,
		    enum caps_kind);
/*
 * In the caller's open transaction, before a public form writes or mails: one more use of the
 * form by this address in the current hour counted (address_caps). CAPS_EOVER: past the cap.
 * An empty address (no REMOTE_ADDR) is counted as one address.
 */
enum caps_err	 caps_address(struct db *, const struct config *, enum caps_kind,
		    const char *address);
/* After the caller rolled back a refusal: the audit event cap.refused (detail: the kind's
 * name), in a transaction of its own. user 0: an anonymous visitor. */
enum db_err	 caps_refused(struct db *, long long user, enum caps_kind, const char *address);

/*
 * What a handler calls, in its open transaction, before it creates a draft (caps_gate_drafts,
 * the logged-in user's) or before a public form writes or mails (caps_gate_address, the
 * client's address). 0: go on. 429: refused, the transaction rolled back, the refusal audited,
 * the message for the page in msg (the handler shows its form again with it and the input).
 * Else the answer to a database error (ctx_tx_error: a lost conflict runs the request again).
 */
int		 caps_gate_drafts(struct ctx *, enum caps_kind, char *msg, size_t msglen);
int		 caps_gate_address(struct ctx *, enum caps_kind, char *msg, size_t msglen);

#endif
