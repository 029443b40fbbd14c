/*
 * scheduler_once: a piece of scheduled work done once, however many runners run it, on any host,
 * and however often they restart (issue 14; R32: "each reminder is sent once per stage"). The
 * stage's row in reminders_sent (migration 019) is inserted first, then the work makes its change
 * and queues its mails, and one COMMIT keeps all of it or none. The row's unique key is the rule:
 * a second runner's insert waits for the first and then fails as a duplicate (one server), or
 * both insert on two Galera nodes and the one certified second loses at COMMIT (DB_ERETRY) and,
 * run again, meets the duplicate. Nothing rests on a lock that is not written.
 */
#include "scheduler.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <sodium.h>

#include "datefmt.h"
#include "log.h"
#include "mail.h"

#define SCHED_TRIES	5	/* runs of one item that keeps losing conflicts */

/* Already recorded: no transaction and no duplicate-key error for what is long done. */
static int
recorded(struct sched *s, const char *job, long long object, const char *stage)
{
	struct db_result res;
	int found;

	if (db_exec(s->db, &res, "SELECT 1 FROM reminders_sent WHERE job = ? AND object_id = ? AND "
	    "stage = ?", "sis", job, object, stage) != DB_OK)
		return 0;	/* the claim below finds out */
	found = res.nrows > 0;
	db_result_free(&res);
	return found;
}

/* A short random pause, longer each run, so two runners that collided do not collide in step. */
static void
pause_after(int run)
{
	struct timespec ts = { 0, (long)(run * 5 + (int)randombytes_uniform(10)) * 1000000L };

	nanosleep(&ts, NULL);
}

enum attempt { ATTEMPT_DONE, ATTEMPT_ALREADY, ATTEMPT_GONE, ATTEMPT_FAILED };

/* One run of an item: claim its stage, do the work, commit; *rc the database's error. */
static enum attempt
attempt(struct sched *s, const char *job, long long object, const char *stage, sched_work work,
    const void *item, unsigned *mails, enum db_err *rc)
{
	struct db_result res;
	long long row;
	int gone = 0;

	*mails = 0;
	if ((*rc = db_begin(s->db)) != DB_OK)
		return ATTEMPT_FAILED;
	*rc = db_exec(s->db, &res, "INSERT INTO reminders_sent (job, object_id, stage, run_on, "
	    "runner) VALUES (?, ?, ?, ?, ?)", "sisss", job, object, stage, s->today, s->owner);
	if (*rc == DB_EDUP) {
		db_rollback(s->db);
		return ATTEMPT_ALREADY;
	}
	if (*rc != DB_OK)
		goto fail;
	row = (long long)res.insert_id;
	db_result_free(&res);
	if ((*rc = work(s, item, &gone, mails)) != DB_OK)
		goto fail;
	if (gone) {	/* nothing is kept, the claim included: it is not due any more */
		db_rollback(s->db);
		return ATTEMPT_GONE;
	}
	if ((*rc = db_exec(s->db, NULL, "UPDATE reminders_sent SET mails = ? WHERE id = ?", "ii",
	    (long long)*mails, row)) != DB_OK || (*rc = db_commit(s->db)) != DB_OK)
		goto fail;
	return ATTEMPT_DONE;
fail:
	db_rollback(s->db);
	return ATTEMPT_FAILED;
}

void
sched_once(struct sched *s, const char *job, long long object, const char *stage, sched_work work,
    const void *item)
{
	unsigned mails;
	enum db_err rc = DB_OK;
	int run;

	if (recorded(s, job, object, stage)) {
		s->n.already++;
		return;
	}
	for (run = 1; run <= SCHED_TRIES; run++) {
		db_forget_error(s->db);
		switch (attempt(s, job, object, stage, work, item, &mails, &rc)) {
		case ATTEMPT_DONE:
			s->n.done++;
			s->n.mails += mails;
			log_info("done job=%s object=%lld stage=%s mails=%u", job, object, stage,
			    mails);
			return;
		case ATTEMPT_ALREADY:
			s->n.already++;
			log_debug("job=%s object=%lld stage=%s: done by another runner", job,
			    object, stage);
			return;
		case ATTEMPT_GONE:
			s->n.gone++;
			return;
		case ATTEMPT_FAILED:
			break;
		}
		/* A module may report its own error over a lost conflict: db_last_error has
		 * it. A connection lost before COMMIT runs once more (lib/db.c moves on). */
		if (rc != DB_ERETRY && db_last_error(s->db) != DB_ERETRY &&
		    !(rc == DB_ELOST && run == 1))
			break;
		s->n.conflicts++;
		log_info("job=%s object=%lld stage=%s: %s; running it again (run %d)", job, object,
		    stage, rc == DB_ELOST ? "connection lost" : "lost a conflict", run + 1);
		pause_after(run);
	}
	s->n.failed++;
	/* DB_EUNKNOWN: the commit may have happened; the next pass finds the row or does it. */
	log_warn("job=%s object=%lld stage=%s: %s (%s); left for the next pass", job, object, stage,
	    db_strerror(rc), db_errmsg(s->db));
}

void
sched_rcpt_add(struct sched_rcpts *l, const char *email, const char *name, int as)
{
	size_t i;

	if (email == NULL || email[0] == '\0' || l->n == SCHED_RCPT_MAX)
		return;
	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->r[i].email, email) == 0)
			return;
	snprintf(l->r[l->n].email, sizeof(l->r[l->n].email), "%s", email);
	snprintf(l->r[l->n].name, sizeof(l->r[l->n].name), "%s", name ? name : "");
	l->r[l->n].as = as;
	l->n++;
}

enum db_err
sched_rcpt_role(struct sched *s, struct sched_rcpts *l, long long auth, const char *role, int as)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = db_exec(s->db, &res, "SELECT DISTINCT u.email, u.name FROM role_assignments r "
	    "JOIN users u ON u.id = r.user_id WHERE r.authorisation_id = ? AND r.role = ? AND "
	    "r.revoked_at IS NULL AND u.status = 'active' ORDER BY u.email", "is", auth, role)) !=
	    DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++)
		sched_rcpt_add(l, db_cell(&res, i, 0), db_cell(&res, i, 1), as);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
sched_rcpt_user(struct sched *s, struct sched_rcpts *l, long long uid, int as)
{
	struct db_result res;
	enum db_err rc;

	if ((rc = db_exec(s->db, &res, "SELECT email, name FROM users WHERE id = ? AND status = "
	    "'active'", "i", uid)) != DB_OK)
		return rc;
	if (res.nrows)
		sched_rcpt_add(l, db_cell(&res, 0, 0), db_cell(&res, 0, 1), as);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
sched_mail(struct sched *s, const char *to, const char *to_name, const char *subject,
    const char *name, const struct tmpl_dict *d, unsigned *mails)
{
	enum mail_err mrc;

	mrc = mail_enqueue_template(s->db, s->cfg, to, to_name && to_name[0] ? to_name : NULL,
	    subject, name, d, name, NULL);
	switch (mrc) {
	case MAIL_OK:
		(*mails)++;
		return DB_OK;
	case MAIL_EADDRESS:
	case MAIL_EHEADER:
	case MAIL_EUTF8:
		/* One recipient's address or name the outbox refuses must not keep the others
		 * from being told, pass after pass: that one is left out, and logged. */
		log_warn("mail %s to %s left out: %s", name, to, mail_strerror(mrc));
		return DB_OK;
	case MAIL_EDB:
		log_error("mail %s to %s: %s", name, to, mail_strerror(mrc));
		return mail_last_db_error();
	default:
		log_error("mail %s to %s: %s", name, to, mail_strerror(mrc));
		return DB_EEXEC;
	}
}

void
sched_day(char *out, size_t n, const char *v, int with_time)
{
	char utc[32];

	if (v == NULL || strlen(v) < 10) {
		snprintf(out, n, "%s", v ? v : "");
		return;
	}
	/* A DATE is a Danish day already: noon keeps it that day in any time zone. */
	if (strlen(v) == 10) {
		datefmt_day(out, n, v);
		return;
	}
	snprintf(utc, sizeof(utc), "%.19s", v);
	datefmt_danish(out, n, utc, with_time ? DATEFMT_DATETIME : DATEFMT_DATE);
}
