/*
 * scheduler_waiting: what waits for someone, told once (issue 14; R12, R30, R32). A project
 * proposal whose signature request has waited remind_signature_days: its signers are reminded
 * and its supervisor told, once per request (the request's audit event is the stage). An
 * invitation whose link expires within remind_invitation_days: the invitee is reminded once,
 * with when it expires and whom to ask (no new link: a mail is no place for a second one). A case
 * that has waited at FSE longer than the service goal (fse_service_days, in working days as FSE's
 * queue counts them): FSE's mailbox is told once per case and submission.
 */
#include "scheduler.h"

#include <stdio.h>
#include <string.h>

#include "casekind.h"
#include "datefmt.h"
#include "log.h"
#include "policy.h"
#include "workdays.h"

#define CANDIDATES_MAX	"5000"	/* items one pass looks at; the next pass takes the rest */

enum { AS_SIGNER = 1, AS_SUPERVISOR };

/* The Danish day (YYYY-MM-DD) of a UTC DATETIME from the database. */
static void
local_day(char out[CLOCK_DATE_LEN], const char *utc)
{
	char buf[32];

	datefmt_danish(buf, sizeof(buf), utc, DATEFMT_ISO_DATE);
	snprintf(out, CLOCK_DATE_LEN, "%.10s", buf);
}

/* ---- a proposal waiting for a signature (R12, R32) ------------------------------------------ */

struct request_item {
	long long	case_id, event;
	long		waited;
};

/* Still waiting: a draft or returned proposal without a live signature, and this request the
 * latest (a newer request is a stage of its own). */
#define SIGNATURE_WAITS \
	"c.type = 'project' AND c.state IN ('draft', 'returned') AND NOT EXISTS (SELECT 1 FROM " \
	"proposal_signatures ps WHERE ps.case_id = c.id AND ps.voided_at IS NULL) "
#define LATEST_REQUEST \
	"(SELECT MAX(e.id) FROM audit_events e WHERE e.object_type = 'case' AND e.object_id = " \
	"c.id AND e.action = 'proposal.signature.request')"

static enum db_err
signature_work(struct sched *s, const void *item, int *gone, unsigned *mails)
{
	const struct request_item *it = item;
	struct sched_rcpts l;
	struct db_result res;
	struct tmpl_dict *d;
	char title[301], number[33], institution[256], supervisor[201], requested[32], waited[32];
	long long auth, creator;
	enum db_err rc;
	size_t i, signers = 0;

	if ((rc = db_exec(s->db, &res, "SELECT c.title, c.authorisation_id, c.created_by, "
	    "COALESCE(a.number, ''), i.name, COALESCE(u.name, ''), DATE_FORMAT(v.at, "
	    "'%Y-%m-%d %H:%i:%s') FROM cases c JOIN audit_events v ON v.id = ? JOIN authorisations "
	    "a ON a.id = c.authorisation_id JOIN institutions i ON i.id = a.institution_id LEFT "
	    "JOIN users u ON u.id = c.created_by WHERE c.id = ? AND " SIGNATURE_WAITS "AND "
	    LATEST_REQUEST " = v.id", "ii", it->event, it->case_id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		*gone = 1;
		return DB_OK;
	}
	snprintf(title, sizeof(title), "%s", db_cell(&res, 0, 0));
	auth = db_cell_int(&res, 0, 1, 0);
	creator = db_cell_int(&res, 0, 2, 0);
	snprintf(number, sizeof(number), "%s", db_cell(&res, 0, 3));
	snprintf(institution, sizeof(institution), "%s", db_cell(&res, 0, 4));
	snprintf(supervisor, sizeof(supervisor), "%s", db_cell(&res, 0, 5));
	sched_day(requested, sizeof(requested), db_cell(&res, 0, 6), 0);
	db_result_free(&res);
	snprintf(waited, sizeof(waited), "%ld %s", it->waited, it->waited == 1 ? "dag" : "dage");

	l.n = 0;
	if ((rc = sched_rcpt_role(s, &l, auth, "signer", AS_SIGNER)) != DB_OK ||
	    (rc = sched_rcpt_user(s, &l, creator, AS_SUPERVISOR)) != DB_OK)
		return rc;
	for (i = 0; i < l.n; i++)
		signers += l.r[i].as == AS_SIGNER;
	for (i = 0; i < l.n && rc == DB_OK; i++) {
		const struct sched_rcpt *r = &l.r[i];
		size_t j;

		if ((d = tmpl_dict_new()) == NULL)
			return DB_ENOMEM;
		tmpl_set(d, "NAME", r->name);
		tmpl_set(d, "TITLE", title);
		tmpl_set(d, "NUMBER", number);
		tmpl_set(d, "INSTITUTION", institution);
		tmpl_set(d, "SUPERVISOR", supervisor);
		tmpl_set(d, "REQUESTED", requested);
		tmpl_set(d, "WAITED", waited);
		tmpl_setf(d, "LINK", "%s/projekt/sag?id=%lld&sag=%lld", s->cfg->base_url, auth,
		    it->case_id);
		if (r->as == AS_SIGNER)
			rc = sched_mail(s, r->email, r->name, "Påmindelse: en projektindstilling "
			    "venter stadig på din underskrift", "signature_reminder", d, mails);
		else {	/* the supervisor: whom we reminded */
			for (j = 0; j < l.n; j++)
				if (l.r[j].as == AS_SIGNER)
					tmpl_set(tmpl_add_row(d, "SIGNER"), "SIGNER_NAME",
					    l.r[j].name);
			tmpl_show(d, signers ? "HAS_SIGNERS" : "NO_SIGNER");
			rc = sched_mail(s, r->email, r->name, "Projektindstillingen venter stadig "
			    "på en underskrift", "signature_reminder_supervisor", d, mails);
		}
		tmpl_dict_free(d);
	}
	return rc;
}

void
sched_signatures(struct sched *s)
{
	struct request_item it;
	struct db_result res;
	char since[CLOCK_DATE_LEN], day[CLOCK_DATE_LEN], key[REMINDER_KEY_LEN];
	unsigned after = s->cfg->remind_signature_days;
	size_t i;

	/* A day of slack: the database's days are UTC, the rule's are Danish (checked below). */
	if (after == 0 || clock_add_days(s->today, -(int)after + 1, since) != 0)
		return;
	if (db_exec(s->db, &res, "SELECT c.id, v.id, DATE_FORMAT(v.at, '%Y-%m-%d %H:%i:%s') FROM "
	    "cases c JOIN audit_events v ON v.id = " LATEST_REQUEST " WHERE " SIGNATURE_WAITS
	    "AND v.at < ? ORDER BY v.id LIMIT " CANDIDATES_MAX, "s", since) != DB_OK) {
		log_warn("signature reminders: %s", db_errmsg(s->db));
		s->n.failed++;
		return;
	}
	for (i = 0; i < res.nrows && !*s->stop; i++) {
		memset(&it, 0, sizeof(it));
		it.case_id = db_cell_int(&res, i, 0, 0);
		it.event = db_cell_int(&res, i, 1, 0);
		local_day(day, db_cell(&res, i, 2));
		it.waited = reminder_days_between(day, s->today);
		if (!reminder_after_due(it.waited, after))
			continue;
		snprintf(key, sizeof(key), "request/%lld", it.event);
		sched_once(s, "signature", it.case_id, key, signature_work, &it);
	}
	db_result_free(&res);
}

/* ---- an invitation about to expire (R32) ---------------------------------------------------- */

struct invitation_item {
	long long	id;
	long		days_left;
};

#define INVITATION_OPEN \
	"v.accepted_at IS NULL AND v.withdrawn_at IS NULL AND v.expires_at > NOW(6) "

static enum db_err
invitation_work(struct sched *s, const void *item, int *gone, unsigned *mails)
{
	const struct invitation_item *it = item;
	struct db_result res;
	struct tmpl_dict *d;
	char when[32], day[32];
	enum db_err rc;

	/* Open still, and the person does not hold the role by now (another invitation). */
	if ((rc = db_exec(s->db, &res, "SELECT v.email, v.role, i.name, COALESCE(a.number, ''), "
	    "COALESCE(u.name, ''), COALESCE(u.email, ''), DATE_FORMAT(v.created_at, "
	    "'%Y-%m-%d %H:%i:%s'), DATE_FORMAT(v.expires_at, '%Y-%m-%d %H:%i:%s'), EXISTS "
	    "(SELECT 1 FROM role_assignments f WHERE f.user_id = v.invited_by AND "
	    "f.authorisation_id IS NULL AND f.revoked_at IS NULL) FROM invitations v JOIN "
	    "authorisations a ON a.id = v.authorisation_id JOIN institutions i ON i.id = "
	    "a.institution_id LEFT JOIN users u ON u.id = v.invited_by WHERE v.id = ? AND "
	    INVITATION_OPEN "AND NOT EXISTS (SELECT 1 "
	    "FROM role_assignments r JOIN users w ON w.id = r.user_id WHERE w.email = v.email AND "
	    "r.role = v.role AND r.authorisation_id = v.authorisation_id AND r.revoked_at IS NULL)",
	    "i", it->id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		*gone = 1;
		return DB_OK;
	}
	if ((d = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(d, "ROLE", role_label(db_cell(&res, 0, 1)));
	tmpl_set(d, "INSTITUTION", db_cell(&res, 0, 2));
	tmpl_set(d, "NUMBER", db_cell(&res, 0, 3));
	tmpl_set(d, "INVITER", db_cell(&res, 0, 4));
	sched_day(day, sizeof(day), db_cell(&res, 0, 6), 0);
	tmpl_set(d, "INVITED", day);
	sched_day(day, sizeof(day), db_cell(&res, 0, 7), 1);
	tmpl_set(d, "EXPIRES", day);
	reminder_days_text(when, sizeof(when), it->days_left);
	tmpl_set(d, "WHEN", when);
	/* Whom to ask for a new invitation: FSE when FSE invited (a manager, R4.2), else the
	 * person who did. */
	if (db_cell_int(&res, 0, 8, 0) || db_cell(&res, 0, 5)[0] == '\0') {
		tmpl_set(d, "ASK_NAME", "Forskningsservice");
		tmpl_set(d, "ASK_EMAIL", s->cfg->fse_mailbox);
	} else {
		tmpl_set(d, "ASK_NAME", db_cell(&res, 0, 4));
		tmpl_set(d, "ASK_EMAIL", db_cell(&res, 0, 5));
	}
	rc = sched_mail(s, db_cell(&res, 0, 0), NULL, "Påmindelse: din invitation til "
	    "Specialeportalen udløber snart", "invitation_reminder", d, mails);
	tmpl_dict_free(d);
	db_result_free(&res);
	return rc;
}

void
sched_invitations(struct sched *s)
{
	struct invitation_item it;
	struct db_result res;
	char until[CLOCK_DATE_LEN], day[CLOCK_DATE_LEN], key[REMINDER_KEY_LEN];
	unsigned before = s->cfg->remind_invitation_days;
	size_t i;

	if (before == 0 || clock_add_days(s->today, (int)before + 1, until) != 0)
		return;
	if (db_exec(s->db, &res, "SELECT v.id, DATE_FORMAT(v.expires_at, '%Y-%m-%d %H:%i:%s') FROM "
	    "invitations v WHERE " INVITATION_OPEN "AND v.expires_at < ? ORDER BY v.id LIMIT "
	    CANDIDATES_MAX, "s", until) != DB_OK) {
		log_warn("invitation reminders: %s", db_errmsg(s->db));
		s->n.failed++;
		return;
	}
	for (i = 0; i < res.nrows && !*s->stop; i++) {
		memset(&it, 0, sizeof(it));
		it.id = db_cell_int(&res, i, 0, 0);
		local_day(day, db_cell(&res, i, 1));
		it.days_left = reminder_days_between(s->today, day);
		if (!reminder_before_due(it.days_left, before))
			continue;
		snprintf(key, sizeof(key), "expires/%s", db_cell(&res, i, 1));
		sched_once(s, "invitation", it.id, key, invitation_work, &it);
	}
	db_result_free(&res);
}

/* ---- a case at FSE past the service goal (R30) ---------------------------------------------- */

struct overdue_item {
	long long	case_id;
	char		submitted_at[32];	/* UTC, as stored, to the microsecond */
	long		age;			/* working days */
};

static enum db_err
overdue_work(struct sched *s, const void *item, int *gone, unsigned *mails)
{
	const struct overdue_item *it = item;
	struct db_result res;
	struct tmpl_dict *d;
	char subject[128], day[32];
	enum db_err rc;

	if ((rc = db_exec(s->db, &res, "SELECT c.type, c.title, COALESCE(u.name, ''), "
	    "COALESCE(u.email, ''), COALESCE(a.number, ''), COALESCE(i.name, '') FROM cases c LEFT "
	    "JOIN users u ON u.id = c.created_by LEFT JOIN authorisations a ON a.id = "
	    "c.authorisation_id LEFT JOIN institutions i ON i.id = a.institution_id WHERE c.id = ? "
	    "AND c.state = 'submitted' AND DATE_FORMAT(c.submitted_at, '%Y-%m-%d %H:%i:%s.%f') = ?",
	    "is", it->case_id, it->submitted_at)) != DB_OK)
		return rc;
	if (res.nrows == 0) {	/* decided, returned or sent again since */
		db_result_free(&res);
		*gone = 1;
		return DB_OK;
	}
	if ((d = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set_int(d, "SAG", it->case_id);
	tmpl_set(d, "KIND", casekind_label(db_cell(&res, 0, 0)));
	tmpl_set(d, "TITLE", db_cell(&res, 0, 1));
	tmpl_set(d, "APPLICANT", db_cell(&res, 0, 2));
	tmpl_set(d, "APPLICANT_EMAIL", db_cell(&res, 0, 3));
	if (db_cell(&res, 0, 4)[0]) {
		struct tmpl_dict *a = tmpl_add_row(d, "AUTHORISATION");

		tmpl_set(a, "NUMBER", db_cell(&res, 0, 4));
		tmpl_set(a, "INSTITUTION", db_cell(&res, 0, 5));
	}
	sched_day(day, sizeof(day), it->submitted_at, 1);
	tmpl_set(d, "SUBMITTED", day);
	tmpl_set_int(d, "AGE", it->age);
	tmpl_set_int(d, "GOAL", s->cfg->fse_service_days);
	tmpl_setf(d, "LINK", "%s/fse/sag?id=%lld", s->cfg->base_url, it->case_id);
	snprintf(subject, sizeof(subject), "Sag %lld har ventet længere end servicemålet",
	    it->case_id);
	rc = sched_mail(s, s->cfg->fse_mailbox, "Forskningsservice", subject,
	    "fse_service_overdue", d, mails);
	tmpl_dict_free(d);
	db_result_free(&res);
	return rc;
}

void
sched_fse_overdue(struct sched *s)
{
	struct overdue_item it;
	struct db_result res;
	char kinds[CASEKIND_MAX * CASEKIND_TYPE_MAX], since[CLOCK_DATE_LEN], day[CLOCK_DATE_LEN];
	char key[REMINDER_KEY_LEN];
	unsigned goal = s->cfg->fse_service_days;
	size_t i;

	/* What waits for FSE is what FSE decides (lib/casekind.h), as in FSE's queue. A case
	 * more than goal working days old is more than goal calendar days old: a day of slack
	 * for UTC against Danish days, the working days counted below. */
	if (goal == 0 || casekind_type_list(kinds, sizeof(kinds), 1) != 0 ||
	    clock_add_days(s->today, -(int)goal + 1, since) != 0)
		return;
	if (db_exec(s->db, &res, "SELECT c.id, DATE_FORMAT(c.submitted_at, "
	    "'%Y-%m-%d %H:%i:%s.%f') FROM cases c WHERE FIND_IN_SET(c.type, ?) > 0 AND c.state = "
	    "'submitted' AND c.submitted_at < ? ORDER BY c.submitted_at, c.id LIMIT "
	    CANDIDATES_MAX, "ss", kinds, since) != DB_OK) {
		log_warn("service goal: %s", db_errmsg(s->db));
		s->n.failed++;
		return;
	}
	for (i = 0; i < res.nrows && !*s->stop; i++) {
		memset(&it, 0, sizeof(it));
		it.case_id = db_cell_int(&res, i, 0, 0);
		snprintf(it.submitted_at, sizeof(it.submitted_at), "%s", db_cell(&res, i, 1));
		local_day(day, it.submitted_at);
		it.age = workdays_between_dates(day, s->today);
		if (it.age <= (long)goal)
			continue;
		snprintf(key, sizeof(key), "submitted/%s", it.submitted_at);
		sched_once(s, "fse_service", it.case_id, key, overdue_work, &it);
	}
	db_result_free(&res);
}
