/*
 * mail_outbox: the outbox rows as the mailer works them (claim, load, record, release) and as
 * FSE sees them (count, list, retry a dead one). Every state change is one prepared statement on
 * the row, guarded by the claim owner so a mailer whose lease ran out cannot overwrite what the
 * mailer that took over recorded.
 *
 * A row is due when next_attempt <= now and nobody holds an unexpired claim on it; sent and dead
 * rows have next_attempt NULL, so the due scan walks the outbox_due index in order and stops
 * after the batch (no filesort, so FOR UPDATE SKIP LOCKED locks only the rows it returns).
 *
 * Retention (R33: data minimisation): mail_purge deletes sent and dead rows once they are older
 * than their setting, oldest first on the outbox_done index (db/migrations/008), in short
 * batches.
 */
#include "mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

#define MAIL_TEXT_MAX	1000	/* outbox.last_error and smtp_reply are VARCHAR(1000) */

static enum mail_err
fail(struct db *db, enum db_err rc, const char *what)
{
	log_error("mail: %s: %s (%s)", what, db_strerror(rc), db_errmsg(db));
	return rc == DB_ENOMEM ? MAIL_ENOMEM : MAIL_EDB;
}

/*
 * One pass of a claim: each row the SELECT found (after ids[*n] so far) written with the owner
 * and the lease, if it is still claimable: another mailer may have claimed it since the
 * SELECT (a read that takes no locks, below), and then its claim stands and the row is left.
 */
#define CLAIMABLE	"state IN ('queued', 'deferred') " \
	"AND (claimed_until IS NULL OR claimed_until < NOW(6))"

static enum db_err
claim_rows(struct db *db, struct db_result *res, const char *owner, unsigned lease, size_t max,
    unsigned long long *ids, size_t *n)
{
	struct db_result upd;
	enum db_err rc = DB_OK;
	size_t i;

	for (i = 0; i < res->nrows && *n < max && rc == DB_OK; i++) {
		ids[*n] = (unsigned long long)db_cell_int(res, i, 0, 0);
		rc = db_exec(db, &upd, "UPDATE outbox SET claimed_by = ?, "
		    "claimed_until = NOW(6) + INTERVAL ? SECOND WHERE id = ? AND " CLAIMABLE, "sii",
		    owner, (long long)lease, (long long)ids[*n]);
		if (rc == DB_OK) {
			*n += upd.affected == 1;
			db_result_free(&upd);
		}
	}
	db_result_free(res);
	return rc;
}

/*
 * One claim transaction. One share (slots 1): the due rows FOR UPDATE SKIP LOCKED, so mailers
 * on one server never wait for each other nor take the same row. FORCE INDEX: with a rowid
 * filter from outbox_state the optimiser locked every due row, not the batch, and a second
 * mailer found nothing to claim (seen in tests/integration/test_mail).
 * Shares (slots > 1, mailers on several Galera nodes): the share's due rows, then the others'
 * rows due for takeover seconds, each found by a read that takes no locks. A locking scan is
 * what collides on a cluster: walking outbox_due it locks the other share's rows as it passes
 * them, and the applier of the other mailer's writes then aborts it (1213); measured on
 * scripts/galera, 22 lost claims in 20 batches with shares and a locking scan. The UPDATE by
 * primary key locks only the rows this mailer takes.
 */
static enum db_err
claim_once(struct db *db, const char *owner, unsigned lease, const struct mail_share *sh,
    size_t max, unsigned long long *ids, size_t *n)
{
	struct db_result res;
	enum db_err rc;

	*n = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	/* No gap locks: a claim never makes a request's INSERT into the outbox wait. */
	rc = db_exec(db, NULL, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "");
	if (rc == DB_OK && sh->slots <= 1)
		rc = db_exec(db, &res, "SELECT id FROM outbox FORCE INDEX (outbox_due) WHERE "
		    "next_attempt <= NOW(6) AND " CLAIMABLE " ORDER BY next_attempt, id LIMIT ? "
		    "FOR UPDATE SKIP LOCKED", "i", (long long)max);
	else if (rc == DB_OK)
		rc = db_exec(db, &res, "SELECT id FROM outbox FORCE INDEX (outbox_due) WHERE "
		    "next_attempt <= NOW(6) AND " CLAIMABLE " AND id % ? = ? "
		    "ORDER BY next_attempt, id LIMIT ?", "iii", (long long)sh->slots,
		    (long long)sh->slot, (long long)max);
	if (rc == DB_OK)
		rc = claim_rows(db, &res, owner, lease, max, ids, n);
	if (rc == DB_OK && *n < max && sh->slots > 1) {
		rc = db_exec(db, &res, "SELECT id FROM outbox FORCE INDEX (outbox_due) WHERE "
		    "next_attempt <= NOW(6) - INTERVAL ? SECOND AND " CLAIMABLE " AND id % ? <> ? "
		    "ORDER BY next_attempt, id LIMIT ?", "iiii", (long long)sh->takeover,
		    (long long)sh->slots, (long long)sh->slot, (long long)(max - *n));
		if (rc == DB_OK)
			rc = claim_rows(db, &res, owner, lease, max, ids, n);
	}
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);	/* failed: rolled back or unknown, the leases expire */
}

enum mail_err
mail_claim(struct db *db, const char *owner, unsigned lease, const struct mail_share *share,
    size_t max, unsigned long long *ids, size_t *n, unsigned *conflicts)
{
	static const struct mail_share everyone = { 0, 1, 0 };
	const struct mail_share *sh = share && share->slots > 1 ? share : &everyone;
	enum db_err rc;
	unsigned lost = 0;

	/* Lost to a mailer on another node that wrote the same rows first: its claim stands, and
	 * ours runs again at once, when those rows are no longer due for us (claimed_until). */
	while ((rc = claim_once(db, owner, lease, sh, max, ids, n)) == DB_ERETRY &&
	    ++lost < MAIL_CLAIM_TRIES)
		log_warn("mail: claim lost a conflict with another mailer (%u of %d); claiming "
		    "again", lost, MAIL_CLAIM_TRIES);
	if (conflicts)
		*conflicts = lost;
	if (rc != DB_OK) {
		*n = 0;
		return fail(db, rc, "claim");
	}
	return MAIL_OK;
}

void
mail_row_free(struct mail_row *r)
{
	db_result_free(&r->res);
	db_result_free(&r->ares);
	memset(r, 0, sizeof(*r));
}

enum mail_err
mail_load(struct db *db, const char *owner, unsigned long long id, struct mail_row *r)
{
	enum db_err rc;
	size_t i;

	memset(r, 0, sizeof(*r));
	rc = db_exec(db, &r->res, "SELECT message_id, from_addr, from_name, to_addr, to_name, "
	    "subject, body_text, body_html, kind, attempts, "
	    "TIMESTAMPDIFF(SECOND, queued_at, NOW(6)) FROM outbox "
	    "WHERE id = ? AND claimed_by = ? AND state IN ('queued', 'deferred')", "is",
	    (long long)id, owner);
	if (rc != DB_OK)
		return fail(db, rc, "load");
	if (r->res.nrows != 1) {
		mail_row_free(r);
		return MAIL_ENOTFOUND;
	}
	r->id = id;
	r->message_id = db_cell(&r->res, 0, 0);
	r->from_addr = db_cell(&r->res, 0, 1);
	r->from_name = db_cell(&r->res, 0, 2);
	r->to = db_cell(&r->res, 0, 3);
	r->to_name = db_cell(&r->res, 0, 4);
	r->subject = db_cell(&r->res, 0, 5);
	r->text = db_cell(&r->res, 0, 6);
	r->html = db_cell(&r->res, 0, 7);
	r->kind = db_cell(&r->res, 0, 8);
	r->attempts = (unsigned)db_cell_int(&r->res, 0, 9, 0);
	r->age = db_cell_int(&r->res, 0, 10, 0);
	rc = db_exec(db, &r->ares, "SELECT filename, content_type, data FROM outbox_attachments "
	    "WHERE outbox_id = ? ORDER BY seq", "i", (long long)id);
	if (rc != DB_OK) {
		mail_row_free(r);
		return fail(db, rc, "load attachments");
	}
	for (i = 0; i < r->ares.nrows && i < MAIL_MAX_ATTACHMENTS; i++) {
		r->att[i].filename = db_cell(&r->ares, i, 0);
		r->att[i].content_type = db_cell(&r->ares, i, 1);
		r->att[i].data = db_cell(&r->ares, i, 2);
		r->att[i].len = r->ares.lens[i * r->ares.ncols + 2];
	}
	r->natt = i;
	return MAIL_OK;
}

enum mail_err
mail_renew(struct db *db, const char *owner, unsigned lease)
{
	enum db_err rc;

	rc = db_exec(db, NULL, "UPDATE outbox SET claimed_until = NOW(6) + INTERVAL ? SECOND "
	    "WHERE claimed_by = ?", "is", (long long)lease, owner);
	return rc == DB_OK ? MAIL_OK : fail(db, rc, "renew");
}

/* Server replies and curl errors are ASCII; anything else becomes ? so the row always takes it. */
static void
clean_text(char *out, size_t outlen, const char *in)
{
	size_t i;

	for (i = 0; in && in[i] && i + 1 < outlen; i++)
		out[i] = (in[i] >= 0x20 && in[i] < 0x7f) ? in[i] : '?';
	out[i] = '\0';
}

enum mail_err
mail_record(struct db *db, const struct config *cfg, const char *owner,
    const struct mail_row *r, enum mail_outcome outcome, const char *text)
{
	struct db_result res;
	char clean[MAIL_TEXT_MAX + 1], msg[MAIL_TEXT_MAX + 80];
	unsigned attempt = r->attempts + 1, delay;
	enum db_err rc;

	clean_text(clean, sizeof(clean), text);
	switch (outcome) {
	case MAIL_SENT:
		rc = db_exec(db, &res, "UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
		    "sent_at = NOW(6), last_attempt_at = NOW(6), smtp_reply = ?, next_attempt = NULL, "
		    "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", "sis",
		    clean, (long long)r->id, owner);
		break;
	case MAIL_PERMFAIL:
		rc = db_exec(db, &res, "UPDATE outbox SET state = 'dead', attempts = attempts + 1, "
		    "last_attempt_at = NOW(6), last_error = ?, next_attempt = NULL, "
		    "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", "sis",
		    clean, (long long)r->id, owner);
		break;
	default:
		if (mail_gives_up(r->age, cfg->mail_give_up)) {
			snprintf(msg, sizeof(msg), "given up after %u attempts in %lld s: %s",
			    attempt, r->age, clean);
			msg[MAIL_TEXT_MAX] = '\0';	/* the column's size; the reply's start matters */
			rc = db_exec(db, &res, "UPDATE outbox SET state = 'dead', "
			    "attempts = attempts + 1, last_attempt_at = NOW(6), last_error = ?, "
			    "next_attempt = NULL, claimed_by = NULL, claimed_until = NULL "
			    "WHERE id = ? AND claimed_by = ?", "sis", msg, (long long)r->id, owner);
			outcome = MAIL_PERMFAIL;
			break;
		}
		delay = mail_backoff(attempt, cfg->mail_retry_first, cfg->mail_retry_max);
		rc = db_exec(db, &res, "UPDATE outbox SET state = 'deferred', "
		    "attempts = attempts + 1, last_attempt_at = NOW(6), last_error = ?, "
		    "next_attempt = NOW(6) + INTERVAL ? SECOND, claimed_by = NULL, "
		    "claimed_until = NULL WHERE id = ? AND claimed_by = ?", "siis", clean,
		    (long long)delay, (long long)r->id, owner);
		break;
	}
	if (rc != DB_OK)
		return fail(db, rc, "record");
	if (res.affected == 0) {
		/* Our lease ran out and another mailer holds the row: its record stands. */
		log_warn("mail: id=%llu: claim lost before the outcome was recorded", r->id);
		db_result_free(&res);
		return MAIL_ENOTFOUND;
	}
	db_result_free(&res);
	return MAIL_OK;
}

enum mail_err
mail_release(struct db *db, const char *owner, unsigned long long id)
{
	enum db_err rc;

	rc = db_exec(db, NULL, "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
	    "WHERE id = ? AND claimed_by = ?", "is", (long long)id, owner);
	return rc == DB_OK ? MAIL_OK : fail(db, rc, "release");
}

/* ---- the FSE view ------------------------------------------------------------------------- */

enum mail_err
mail_count(struct db *db, struct mail_counts *c)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	memset(c, 0, sizeof(*c));
	rc = db_exec(db, &res, "SELECT state, COUNT(*) FROM outbox GROUP BY state", "");
	if (rc != DB_OK)
		return fail(db, rc, "count");
	for (i = 0; i < res.nrows; i++) {
		const char *s = db_cell(&res, i, 0);
		unsigned long long v = (unsigned long long)db_cell_int(&res, i, 1, 0);

		if (s == NULL)
			continue;
		if (strcmp(s, "queued") == 0)
			c->queued = v;
		else if (strcmp(s, "deferred") == 0)
			c->deferred = v;
		else if (strcmp(s, "dead") == 0)
			c->dead = v;
		else if (strcmp(s, "sent") == 0)
			c->sent = v;
	}
	db_result_free(&res);
	return MAIL_OK;
}

enum mail_err
mail_list(struct db *db, unsigned states, size_t limit, size_t offset, struct mail_list *l)
{
	enum mail_err mrc;
	enum db_err rc;
	size_t i;

	memset(l, 0, sizeof(*l));
	if (states == 0)
		states = MAIL_LIST_PENDING;
	if ((mrc = mail_count(db, &l->counts)) != MAIL_OK)
		return mrc;
	rc = db_exec(db, &l->res, "SELECT id, state, kind, to_addr, subject, attempts, "
	    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), "
	    "DATE_FORMAT(next_attempt, '%Y-%m-%d %H:%i:%s'), "
	    "DATE_FORMAT(last_attempt_at, '%Y-%m-%d %H:%i:%s'), last_error, smtp_reply, "
	    "claimed_until IS NOT NULL AND claimed_until > NOW(6) "
	    "FROM outbox WHERE state IN (?, ?, ?, ?) ORDER BY id DESC LIMIT ? OFFSET ?",
	    "ssssii",
	    (states & MAIL_LIST_QUEUED) ? "queued" : NULL,
	    (states & MAIL_LIST_DEFERRED) ? "deferred" : NULL,
	    (states & MAIL_LIST_DEAD) ? "dead" : NULL,
	    (states & MAIL_LIST_SENT) ? "sent" : NULL,
	    (long long)limit, (long long)offset);
	if (rc != DB_OK)
		return fail(db, rc, "list");
	if (l->res.nrows && (l->rows = calloc(l->res.nrows, sizeof(*l->rows))) == NULL) {
		db_result_free(&l->res);
		return MAIL_ENOMEM;
	}
	for (i = 0; i < l->res.nrows; i++) {
		struct mail_entry *e = &l->rows[i];

		e->id = (unsigned long long)db_cell_int(&l->res, i, 0, 0);
		e->state = db_cell(&l->res, i, 1);
		e->kind = db_cell(&l->res, i, 2);
		e->to = db_cell(&l->res, i, 3);
		e->subject = db_cell(&l->res, i, 4);
		e->attempts = (unsigned)db_cell_int(&l->res, i, 5, 0);
		e->created_at = db_cell(&l->res, i, 6);
		e->next_attempt = db_cell(&l->res, i, 7);
		e->last_attempt_at = db_cell(&l->res, i, 8);
		e->last_error = db_cell(&l->res, i, 9);
		e->smtp_reply = db_cell(&l->res, i, 10);
		e->claimed = db_cell_int(&l->res, i, 11, 0) == 1;
	}
	l->nrows = l->res.nrows;
	return MAIL_OK;
}

void
mail_list_free(struct mail_list *l)
{
	free(l->rows);
	db_result_free(&l->res);
	memset(l, 0, sizeof(*l));
}

enum mail_err
mail_retry_dead(struct db *db, unsigned long long id)
{
	struct db_result res;
	enum db_err rc;
	unsigned long long n;

	rc = db_exec(db, &res, "UPDATE outbox SET state = 'queued', attempts = 0, "
	    "queued_at = NOW(6), next_attempt = NOW(6), claimed_by = NULL, claimed_until = NULL "
	    "WHERE id = ? AND state = 'dead'", "i", (long long)id);
	if (rc != DB_OK)
		return fail(db, rc, "retry");
	n = res.affected;
	db_result_free(&res);
	return n == 1 ? MAIL_OK : MAIL_ENOTFOUND;
}

/* ---- retention ---------------------------------------------------------------------------- */

/*
 * One state's expired rows, a batch per transaction. READ COMMITTED, like the claim: no gap
 * locks, so a purge never makes a mailer's UPDATE to sent or dead, nor a request's INSERT, wait.
 * last_attempt_at is when the row became sent or dead (set in that same UPDATE by mail_record);
 * ORDER BY the index's own order (state fixed, then last_attempt_at, id) makes each statement a
 * range scan that stops after the batch, and the rows it deletes deterministic (replicas).
 * A deadlock or lock wait (FSE retrying that very dead mail) runs the batch again, twice at most.
 */
static enum mail_err
purge_state(struct db *db, const char *state, unsigned days, unsigned long long *deleted)
{
	struct db_result res;
	unsigned long long n;
	enum db_err rc;
	int tries = 0;

	for (;;) {
		if ((rc = db_begin(db)) != DB_OK)
			return fail(db, rc, "purge");
		rc = db_exec(db, NULL, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "");
		if (rc == DB_OK)
			rc = db_exec(db, &res, "DELETE FROM outbox WHERE state = ? "
			    "AND last_attempt_at < NOW(6) - INTERVAL ? DAY "
			    "ORDER BY last_attempt_at, id LIMIT ?", "sii", state, (long long)days,
			    (long long)MAIL_PURGE_BATCH);
		if (rc != DB_OK) {
			db_rollback(db);
			if (rc == DB_ERETRY && ++tries < 3)
				continue;
			return fail(db, rc, "purge");
		}
		n = res.affected;
		db_result_free(&res);
		if ((rc = db_commit(db)) != DB_OK)
			return fail(db, rc, "purge commit");	/* unknown: the next purge sees */
		*deleted += n;
		tries = 0;
		if (n < MAIL_PURGE_BATCH)
			return MAIL_OK;
	}
}

enum mail_err
mail_purge(struct db *db, const struct config *cfg, unsigned long long *deleted)
{
	enum mail_err mrc;

	*deleted = 0;
	/* 0 days: that state is kept forever. */
	if (cfg->mail_keep_sent_days &&
	    (mrc = purge_state(db, "sent", cfg->mail_keep_sent_days, deleted)) != MAIL_OK)
		return mrc;
	if (cfg->mail_keep_dead_days &&
	    (mrc = purge_state(db, "dead", cfg->mail_keep_dead_days, deleted)) != MAIL_OK)
		return mrc;
	return MAIL_OK;
}
