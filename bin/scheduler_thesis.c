/*
 * scheduler_thesis: a thesis student's access and its end date (issue 14; R11, R32). Before the
 * end, the student, the supervisor and the authorisation's administrators are reminded on each
 * day of remind_thesis_days (30 and 7 days before); the stage key holds the end date, so an
 * extension gets reminders of its own, and a runner that first sees an access inside 7 days
 * sends the 7-day reminder alone (lib/reminder.h). On the end date itself, when nobody has acted,
 * the access ends by itself (end_cause 'expired'), audited, and the administrators are told;
 * exactly once, like every stage (scheduler_once.c).
 */
#include "scheduler.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "log.h"

#define CANDIDATES_MAX	"5000"	/* accesses one pass looks at; the next pass takes the rest */

enum { AS_STUDENT = 1, AS_SUPERVISOR, AS_ADMIN };

struct access_item {
	long long	id;
	char		ends_on[CLOCK_DATE_LEN];
	long		days_left;
};

/* An access and the people around it, read in the item's transaction. */
struct access_facts {
	long long	student_case, authorisation, supervisor, student_uid;
	char		student_email[255], student[201];
	char		project_number[33], project_title[301];
	char		number[33], institution[256];
};

/* The live access as it is now, with the end date the item was due for; *found 0 when it
 * ended or its end date moved since the pass read it. */
static enum db_err
facts(struct sched *s, const struct access_item *it, struct access_facts *f, int *found)
{
	struct db_result res;
	enum db_err rc;

	memset(f, 0, sizeof(*f));
	*found = 0;
	if ((rc = db_exec(s->db, &res, "SELECT s.student_case_id, s.authorisation_id, "
	    "s.student_email, c.title, c.created_by, COALESCE(p.number, ''), "
	    "COALESCE(p.title, ''), COALESCE(a.number, ''), i.name, COALESCE((SELECT u.id FROM "
	    "users u WHERE u.email = s.student_email), 0) FROM student_access s JOIN cases c ON "
	    "c.id = s.student_case_id "
	    "LEFT JOIN projects p ON p.case_id = s.project_case_id JOIN authorisations a ON a.id = "
	    "s.authorisation_id JOIN institutions i ON i.id = a.institution_id WHERE s.id = ? AND "
	    "s.ended_at IS NULL AND s.ends_on = ?", "is", it->id, it->ends_on)) != DB_OK)
		return rc;
	if (res.nrows) {
		*found = 1;
		f->student_case = db_cell_int(&res, 0, 0, 0);
		f->authorisation = db_cell_int(&res, 0, 1, 0);
		snprintf(f->student_email, sizeof(f->student_email), "%s", db_cell(&res, 0, 2));
		snprintf(f->student, sizeof(f->student), "%s", db_cell(&res, 0, 3));
		f->supervisor = db_cell_int(&res, 0, 4, 0);
		snprintf(f->project_number, sizeof(f->project_number), "%s", db_cell(&res, 0, 5));
		snprintf(f->project_title, sizeof(f->project_title), "%s", db_cell(&res, 0, 6));
		snprintf(f->number, sizeof(f->number), "%s", db_cell(&res, 0, 7));
		snprintf(f->institution, sizeof(f->institution), "%s", db_cell(&res, 0, 8));
		f->student_uid = db_cell_int(&res, 0, 9, 0);
	}
	db_result_free(&res);
	return DB_OK;
}

/* The administrators act on a student's access (R11); an authorisation without one has its
 * responsible told instead, so the news reaches someone who can act. */
static enum db_err
administrators(struct sched *s, struct sched_rcpts *l, long long auth)
{
	size_t before = l->n;
	enum db_err rc;

	if ((rc = sched_rcpt_role(s, l, auth, "administrator", AS_ADMIN)) != DB_OK)
		return rc;
	if (l->n == before)
		rc = sched_rcpt_role(s, l, auth, "responsible", AS_ADMIN);
	return rc;
}

static void
common(struct sched *s, struct tmpl_dict *d, const struct access_facts *f,
    const struct access_item *it, const struct sched_rcpt *r)
{
	char ends[32];

	sched_day(ends, sizeof(ends), it->ends_on, 0);
	tmpl_set(d, "NAME", r->name);
	tmpl_set(d, "STUDENT", f->student);
	tmpl_set(d, "PROJECT_NUMBER", f->project_number);
	tmpl_set(d, "PROJECT_TITLE", f->project_title);
	tmpl_set(d, "NUMBER", f->number);
	tmpl_set(d, "INSTITUTION", f->institution);
	tmpl_set(d, "ENDS", ends);
	tmpl_set(d, "FSE_MAILBOX", s->cfg->fse_mailbox);
	if (r->as == AS_STUDENT)
		tmpl_setf(d, "LINK", "%s/studerende/mig", s->cfg->base_url);
	else
		tmpl_setf(d, "LINK", "%s/studerende/sag?id=%lld&sag=%lld", s->cfg->base_url,
		    f->authorisation, f->student_case);
}

/* ---- the reminders before the end (R32) ----------------------------------------------------- */

static enum db_err
remind_work(struct sched *s, const void *item, int *gone, unsigned *mails)
{
	const struct access_item *it = item;
	struct sched_rcpts l;
	struct access_facts f;
	struct tmpl_dict *d;
	char subject[400], ends[32], when[32];
	enum db_err rc;
	size_t i;
	int found;

	if ((rc = facts(s, it, &f, &found)) != DB_OK)
		return rc;
	if (!found) {
		*gone = 1;
		return DB_OK;
	}
	l.n = 0;
	if ((rc = administrators(s, &l, f.authorisation)) != DB_OK ||
	    (rc = sched_rcpt_user(s, &l, f.supervisor, AS_SUPERVISOR)) != DB_OK)
		return rc;
	sched_rcpt_add(&l, f.student_email, f.student, AS_STUDENT);
	sched_day(ends, sizeof(ends), it->ends_on, 0);
	reminder_days_text(when, sizeof(when), it->days_left);
	for (i = 0; i < l.n && rc == DB_OK; i++) {
		const struct sched_rcpt *r = &l.r[i];

		if ((d = tmpl_dict_new()) == NULL)
			return DB_ENOMEM;
		common(s, d, &f, it, r);
		tmpl_set(d, "WHEN", when);
		tmpl_show(d, r->as == AS_STUDENT ? "AS_STUDENT" : r->as == AS_SUPERVISOR ?
		    "AS_SUPERVISOR" : "AS_ADMIN");
		if (r->as == AS_STUDENT)
			snprintf(subject, sizeof(subject), "Din specialeperiode slutter %s", ends);
		else
			snprintf(subject, sizeof(subject), "Specialeperioden for %s slutter %s",
			    f.student, ends);
		rc = sched_mail(s, r->email, r->name, subject, "thesis_end_reminder", d, mails);
		tmpl_dict_free(d);
	}
	return rc;
}

static unsigned
max_days(const struct sched *s)
{
	return s->nthesis_days ? s->thesis_days[0] : 0;	/* largest first */
}

void
sched_thesis_remind(struct sched *s)
{
	struct access_item it;
	struct db_result res;
	char last[CLOCK_DATE_LEN], key[REMINDER_KEY_LEN];
	size_t i;
	int stage;

	if (s->nthesis_days == 0 || clock_add_days(s->today, (int)max_days(s), last) != 0)
		return;
	if (db_exec(s->db, &res, "SELECT id, DATE_FORMAT(ends_on, '%Y-%m-%d') FROM student_access "
	    "WHERE ended_at IS NULL AND ends_on > ? AND ends_on <= ? ORDER BY ends_on, id LIMIT "
	    CANDIDATES_MAX, "ss", s->today, last) != DB_OK) {
		log_warn("thesis reminders: %s", db_errmsg(s->db));
		s->n.failed++;
		return;
	}
	for (i = 0; i < res.nrows && !*s->stop; i++) {
		memset(&it, 0, sizeof(it));
		it.id = db_cell_int(&res, i, 0, 0);
		snprintf(it.ends_on, sizeof(it.ends_on), "%s", db_cell(&res, i, 1));
		it.days_left = reminder_days_between(s->today, it.ends_on);
		stage = reminder_due_stage(s->thesis_days, s->nthesis_days, it.days_left);
		if (stage < 0 || reminder_thesis_key(key, sizeof(key), it.ends_on,
		    s->thesis_days[stage]) != 0)
			continue;
		sched_once(s, "thesis_end", it.id, key, remind_work, &it);
	}
	db_result_free(&res);
}

/* ---- the end date: the access ends by itself (R11) ------------------------------------------ */

static enum db_err
expire_work(struct sched *s, const void *item, int *gone, unsigned *mails)
{
	const struct access_item *it = item;
	struct sched_rcpts l;
	struct access_facts f;
	struct tmpl_dict *d;
	struct db_result res;
	char subject[400], ends[32], reason[128], detail[128];
	enum db_err rc;
	size_t i;
	int found;

	if ((rc = facts(s, it, &f, &found)) != DB_OK)
		return rc;
	if (!found) {
		*gone = 1;
		return DB_OK;
	}
	sched_day(ends, sizeof(ends), it->ends_on, 0);
	snprintf(reason, sizeof(reason), "Specialeperioden sluttede %s", ends);
	/* The guard is the row itself: an administrator who removed or extended the access a
	 * moment ago wrote it too, and then this changes nothing (or loses the conflict). */
	if ((rc = db_exec(s->db, &res, "UPDATE student_access SET ended_at = NOW(6), end_cause = "
	    "'expired', end_reason = ? WHERE id = ? AND ended_at IS NULL AND ends_on = ? AND "
	    "ends_on <= ?", "siss", reason, it->id, it->ends_on, s->today)) != DB_OK)
		return rc;
	found = res.affected == 1;
	db_result_free(&res);
	if (!found) {
		*gone = 1;
		return DB_OK;
	}
	snprintf(detail, sizeof(detail), "access %lld ended on %s", it->id, it->ends_on);
	if ((rc = audit_event(s->db, 0, "student.access.expire", "case", f.student_case,
	    f.student_uid, "", detail)) != DB_OK)
		return rc;
	l.n = 0;
	if ((rc = administrators(s, &l, f.authorisation)) != DB_OK)
		return rc;
	snprintf(subject, sizeof(subject), "Adgangen for %s er lukket, fordi specialeperioden er "
	    "slut", f.student);
	for (i = 0; i < l.n && rc == DB_OK; i++) {
		if ((d = tmpl_dict_new()) == NULL)
			return DB_ENOMEM;
		common(s, d, &f, it, &l.r[i]);
		rc = sched_mail(s, l.r[i].email, l.r[i].name, subject, "access_expired", d, mails);
		tmpl_dict_free(d);
	}
	if (rc == DB_OK && l.n == 0)
		log_warn("access %lld expired; authorisation %lld has no administrator or "
		    "responsible to tell", it->id, f.authorisation);
	return rc;
}

void
sched_thesis_expire(struct sched *s)
{
	struct access_item it;
	struct db_result res;
	size_t i;

	if (db_exec(s->db, &res, "SELECT id, DATE_FORMAT(ends_on, '%Y-%m-%d') FROM student_access "
	    "WHERE ended_at IS NULL AND ends_on <= ? ORDER BY ends_on, id LIMIT " CANDIDATES_MAX,
	    "s", s->today) != DB_OK) {
		log_warn("thesis ends: %s", db_errmsg(s->db));
		s->n.failed++;
		return;
	}
	for (i = 0; i < res.nrows && !*s->stop; i++) {
		memset(&it, 0, sizeof(it));
		it.id = db_cell_int(&res, i, 0, 0);
		snprintf(it.ends_on, sizeof(it.ends_on), "%s", db_cell(&res, i, 1));
		sched_once(s, "access_expired", it.id, it.ends_on, expire_work, &it);
	}
	db_result_free(&res);
}
