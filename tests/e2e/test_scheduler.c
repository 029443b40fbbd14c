/*
 * The scheduled runner (issue 14; R11, R30, R32): this build's bin/scheduler, run as a child
 * with --once and --today against the test stack's database, so the clock moves and nothing
 * sleeps. Its mails go through the outbox to the stack's mailer and SMTP server, and are counted
 * in both the outbox and the maildir. Fixtures are written into the database directly: an
 * authorisation with its administrators and a supervisor, an approved broad project, a student
 * case and its live access with an end date.
 *   - the 30- and 7-day reminders of a thesis period's end reach the student, the supervisor and
 *     the administrators exactly once each, across restarts of the runner;
 *   - an access first seen inside 7 days gets the 7-day reminder alone;
 *   - the access ends by itself on its end date, not the day before, audited, the
 *     administrators told once;
 *   - an extension (a later end date) gets a new pair, and no end on the old date;
 *   - two runners started at the same moment send each reminder once and end each access once;
 *   - a signature request that has waited, an invitation about to expire, a case at FSE past
 *     the service goal: each told once (per request, invitation, submission).
 */
#include <check.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../check_run.h"
#include "clock.h"
#include "fixture.h"
#include "maildir.h"
#include "policy.h"

#define B(r)	ROLE_BIT(ROLE_##r)

/* An authorisation with the people around a student (R11, R13). */
struct world {
	char		tag[32], domain[64];
	long long	auth, project;
	struct who	admin, admin2, supervisor, responsible, signer, signer2;
};

/* One student's live access. */
struct access {
	long long	id, case_id;
	char		email[160], name[96];
};

static char today[CLOCK_DATE_LEN];
static unsigned serial;

/* The day n days from the real today, for use at once (a ring of a few); keep one with keep. */
static const char *
day(int n)
{
	static char ring[4][CLOCK_DATE_LEN];
	static unsigned k;
	char *out = ring[k++ % 4];

	ck_assert_int_eq(clock_add_days(today, n, out), 0);
	return out;
}

static void
keep(char out[CLOCK_DATE_LEN], int n)
{
	snprintf(out, CLOCK_DATE_LEN, "%s", day(n));
}

static void
person(struct world *w, struct who *p, const char *role_tag, unsigned roles)
{
	char name[128];

	snprintf(p->email, sizeof(p->email), "%s.%s@%s", role_tag, w->tag, w->domain);
	snprintf(name, sizeof(name), "Planlagt %s %s", role_tag, w->tag);
	p->uid = fixture_user(p->email, name);
	fixture_grant(p->uid, roles, w->auth);
}

static void
world(struct world *w, const char *tag)
{
	struct db_result res;
	char name[160], number[64];

	snprintf(w->tag, sizeof(w->tag), "%s%ld%u", tag, (long)getpid(), ++serial);
	snprintf(w->domain, sizeof(w->domain), "%s.sched.ku.dk", w->tag);
	snprintf(name, sizeof(name), "Planlægningsinstitut %s", w->tag);
	snprintf(number, sizeof(number), "SCH-%s", w->tag);
	w->auth = fixture_authorisation(name, number, w->domain);
	person(w, &w->admin, "admin", B(ADMINISTRATOR));
	person(w, &w->admin2, "admin2", B(ADMINISTRATOR));
	person(w, &w->supervisor, "vejleder", B(SUPERVISOR));
	person(w, &w->responsible, "ansvarlig", B(RESPONSIBLE));
	person(w, &w->signer, "underskriver", B(SIGNER));
	person(w, &w->signer2, "underskriver2", B(SIGNER));
	/* An approved broad project with its FSE number (R16, R20). */
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'approved', ?, ?, 'Registre og "
	    "uddannelse', 'titel=Registre')", "ii", w->supervisor.uid, w->auth), DB_OK);
	w->project = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(number, sizeof(number), "PS-%s", w->tag);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Registre og uddannelse')", "iis", w->project, w->auth,
	    number), DB_OK);
}

/* A student case of the supervisor and its live access until ends_on (R11). */
static void
new_access(struct world *w, struct access *a, const char *who, const char *ends_on)
{
	struct db_result res;
	char data[512];

	snprintf(a->email, sizeof(a->email), "%s.%s@%s", who, w->tag, w->domain);
	snprintf(a->name, sizeof(a->name), "Studerende %s %s", who, w->tag);
	snprintf(data, sizeof(data), "navn=Studerende&email=%s&periode_til=%s", a->email, ends_on);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('student', 'approved', ?, ?, ?, ?)", "iiss",
	    w->supervisor.uid, w->auth, a->name, data), DB_OK);
	a->case_id = (long long)res.insert_id;
	db_result_free(&res);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO student_access (student_case_id, "
	    "project_case_id, authorisation_id, student_email, granted_by, ends_on) VALUES (?, ?, ?, "
	    "?, ?, ?)", "iiisis", a->case_id, w->project, w->auth, a->email, w->admin.uid, ends_on),
	    DB_OK);
	a->id = (long long)res.insert_id;
	db_result_free(&res);
}

/* ---- the runner --------------------------------------------------------------------------- */

/* This build's bin/scheduler --once --today on, logging to the stack's log/scheduler-e2e-TAG. */
static pid_t
spawn(const char *on, const char *tag)
{
	char conf[1024], log[1200];
	pid_t pid;
	int fd;

	snprintf(conf, sizeof(conf), "%s", getenv("PORTAL_CONFIG"));
	snprintf(log, sizeof(log), "%s/log/scheduler-e2e-%s.log", dirname(conf), tag);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if ((fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644)) >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(PORTAL_BUILDDIR "/bin/scheduler", "scheduler", "-c", getenv("PORTAL_CONFIG"),
		    "--once", "--today", on, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int
finish(pid_t pid)
{
	int st;

	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* One pass on that day, as a runner started afresh (a restart is just another run). */
static void
run_on(const char *on)
{
	ck_assert_int_eq(finish(spawn(on, "one")), 0);
}

/* ---- what was sent ------------------------------------------------------------------------- */

static long long
outbox(const char *to, const char *kind)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND "
	    "kind = ?", "ss", to, kind), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* The mails to `to` of a kind whose text names `needle`. */
static long long
outbox_naming(const char *to, const char *kind, const char *needle)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND "
	    "kind = ? AND INSTR(body_text, ?) > 0", "sss", to, kind, needle), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* Waits until the stack's mailer has sent every mail to `to`, then counts the delivered ones
 * whose text holds needle. */
static int
delivered(const char *to, const char *needle)
{
	int i;

	for (i = 0; i < 300; i++) {
		if (fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND state <> 'sent'",
		    to) == 0)
			break;
		usleep(100000);
	}
	ck_assert_msg(i < 300, "the mailer did not send the mail to %s", to);
	return maildir_count(to, needle, 5);
}

static long long
stages(const char *job, long long object)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM reminders_sent WHERE job = ? "
	    "AND object_id = ?", "si", job, object), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

static int
ended(long long access_id)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE id = ? AND ended_at IS "
	    "NOT NULL", access_id) == 1;
}

/* ---- thesis periods (R11, R32) ------------------------------------------------------------ */

/* The student, the supervisor and both administrators have n reminders each. */
static void
reminded(const struct world *w, const struct access *a, long long n)
{
	ck_assert_int_eq(outbox(a->email, "thesis_end_reminder"), n);
	ck_assert_int_eq(outbox_naming(w->supervisor.email, "thesis_end_reminder", a->name), n);
	ck_assert_int_eq(outbox_naming(w->admin.email, "thesis_end_reminder", a->name), n);
	ck_assert_int_eq(outbox_naming(w->admin2.email, "thesis_end_reminder", a->name), n);
	/* Not the responsible: the administrators act on access (R11). */
	ck_assert_int_eq(outbox_naming(w->responsible.email, "thesis_end_reminder", a->name), 0);
}

START_TEST(reminders_once_across_restarts)
{
	struct world w;
	struct access a;
	char end[CLOCK_DATE_LEN];

	keep(end, 45);
	world(&w, "rem");
	new_access(&w, &a, "stud", end);
	run_on(day(14));	/* 31 days before: nothing yet */
	reminded(&w, &a, 0);
	run_on(day(15));	/* 30 days before */
	reminded(&w, &a, 1);
	run_on(day(15));	/* the runner restarted, same day */
	run_on(day(20));	/* and days later */
	reminded(&w, &a, 1);
	ck_assert_int_eq(delivered(a.email, "om 30 dage"), 1);
	ck_assert_int_eq(delivered(w.supervisor.email, "om 30 dage"), 1);
	ck_assert_int_eq(delivered(w.admin.email, "om 30 dage"), 1);
	run_on(day(38));	/* 7 days before */
	reminded(&w, &a, 2);
	run_on(day(38));
	run_on(day(43));
	run_on(day(44));	/* the day before: still open, no third reminder */
	reminded(&w, &a, 2);
	ck_assert(!ended(a.id));
	ck_assert_int_eq(delivered(a.email, "om 7 dage"), 1);
	ck_assert_int_eq(delivered(w.admin2.email, "om 7 dage"), 1);
	ck_assert_int_eq(delivered(a.email, "om 30 dage"), 1);
	/* Names and Danish dates, the student's own page; what to do. */
	ck_assert_int_eq(maildir_count(a.email, "/studerende/mig", 0), 2);
	ck_assert_int_eq(maildir_count(a.email, a.name, 0), 2);
	ck_assert_int_eq(maildir_count(w.admin.email, "Hvad skal du gøre?", 0), 2);
	{
		char danish[16];

		snprintf(danish, sizeof(danish), "%.2s-%.2s-%.4s", end + 8, end + 5, end);
		ck_assert_int_eq(maildir_count(w.supervisor.email, danish, 0), 2);
	}
	ck_assert_int_eq(stages("thesis_end", a.id), 2);
}
END_TEST

/* A runner that first sees an access 5 days from its end sends the 7-day reminder alone. */
START_TEST(inside_seven_days_only_seven)
{
	struct world w;
	struct access a;

	world(&w, "syv");
	new_access(&w, &a, "stud", day(5));
	run_on(today);
	run_on(day(1));
	reminded(&w, &a, 1);
	ck_assert_int_eq(outbox_naming(a.email, "thesis_end_reminder", "om 5 dage"), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM reminders_sent WHERE job = "
	    "'thesis_end' AND object_id = ? AND stage LIKE '%/7d'", a.id), 1);
	ck_assert_int_eq(stages("thesis_end", a.id), 1);
}
END_TEST

/* R11: on the end date, when nobody acted, the access ends by itself; the administrators are
 * told, once; the student and the supervisor get no such mail. */
START_TEST(access_ends_on_end_date)
{
	struct world w;
	struct access a;
	char end[CLOCK_DATE_LEN];

	keep(end, 10);
	world(&w, "slut");
	new_access(&w, &a, "stud", end);
	run_on(day(9));
	ck_assert(!ended(a.id));
	ck_assert_int_eq(outbox(w.admin.email, "access_expired"), 0);
	run_on(end);
	ck_assert(ended(a.id));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE id = ? AND "
	    "end_cause = 'expired' AND ended_by IS NULL AND end_reason LIKE 'Specialeperioden "
	    "sluttede %'", a.id), 1);
	run_on(end);
	run_on(day(11));
	ck_assert_int_eq(outbox(w.admin.email, "access_expired"), 1);
	ck_assert_int_eq(outbox(w.admin2.email, "access_expired"), 1);
	ck_assert_int_eq(outbox(w.supervisor.email, "access_expired"), 0);
	ck_assert_int_eq(outbox(a.email, "access_expired"), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'student.access.expire' AND object_type = 'case' AND object_id = ? AND actor_id IS "
	    "NULL", a.case_id), 1);
	ck_assert_int_eq(stages("access_expired", a.id), 1);
	ck_assert_int_eq(delivered(w.admin.email, "nu lukket af sig selv"), 1);
	ck_assert_int_eq(delivered(w.admin2.email, a.name), 2);	/* the reminder and the end */
	/* An ended access gets no more reminders; the 7-day one came before. */
	reminded(&w, &a, 1);
	/* The administrator extends it, which opens it again (cgi-bin/student_life.c): the new
	 * end date has its own reminders and its own end. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ends_on = ?, ended_at = "
	    "NULL, ended_by = NULL, end_reason = '', end_cause = '' WHERE id = ?", "si", day(30),
	    a.id), DB_OK);
	run_on(day(23));
	reminded(&w, &a, 2);
	run_on(day(30));
	run_on(day(30));
	ck_assert(ended(a.id));
	ck_assert_int_eq(outbox(w.admin.email, "access_expired"), 2);
	ck_assert_int_eq(stages("access_expired", a.id), 2);
}
END_TEST

/* R11: an administrator moves the end date later: a new pair of reminders for the new date,
 * and no end on the old one. */
START_TEST(extension_gets_new_pair)
{
	struct world w;
	struct access a;

	world(&w, "forl");
	new_access(&w, &a, "stud", day(40));
	run_on(day(10));
	run_on(day(33));
	reminded(&w, &a, 2);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ends_on = ? WHERE id = ?",
	    "si", day(70), a.id), DB_OK);
	run_on(day(33));	/* 37 days before the new end: nothing */
	reminded(&w, &a, 2);
	run_on(day(40));	/* the old end date: open still, 30 days before the new one */
	ck_assert(!ended(a.id));
	reminded(&w, &a, 3);
	run_on(day(63));
	run_on(day(63));
	reminded(&w, &a, 4);
	ck_assert_int_eq(outbox_naming(a.email, "thesis_end_reminder", "om 7 dage"), 2);
	ck_assert_int_eq(stages("thesis_end", a.id), 4);
	ck_assert_int_eq(stages("access_expired", a.id), 0);
	run_on(day(70));
	ck_assert(ended(a.id));
}
END_TEST

/* A student address the outbox refuses (it came in before the form checked it, say) leaves that
 * one mail out, not the others, and the stage is done: no retry every pass. */
START_TEST(refused_address_others_told)
{
	struct world w;
	struct access a;

	world(&w, "adr");
	new_access(&w, &a, "stud", day(20));
	snprintf(a.email, sizeof(a.email), "ikke en adresse %s", w.tag);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET student_email = ? WHERE "
	    "id = ?", "si", a.email, a.id), DB_OK);
	run_on(today);
	run_on(today);
	ck_assert_int_eq(outbox(a.email, "thesis_end_reminder"), 0);
	ck_assert_int_eq(outbox_naming(w.supervisor.email, "thesis_end_reminder", a.name), 1);
	ck_assert_int_eq(outbox_naming(w.admin.email, "thesis_end_reminder", a.name), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT mails FROM reminders_sent WHERE job = "
	    "'thesis_end' AND object_id = ?", a.id), 3);
}
END_TEST

/* Several runners, at the same moment: each reminder once, each access ended once. */
#define RACE_REMIND	12
#define RACE_END	4

START_TEST(two_runners_at_once)
{
	struct world w;
	struct access a[RACE_REMIND + RACE_END];
	char on[CLOCK_DATE_LEN], who[16];
	size_t i;
	int rounds;

	keep(on, 12);
	world(&w, "race");
	for (i = 0; i < RACE_REMIND + RACE_END; i++) {
		snprintf(who, sizeof(who), "s%zu", i);
		new_access(&w, &a[i], who, i < RACE_REMIND ? day(40) : on);
	}
	for (rounds = 0; rounds < 2; rounds++) {	/* and both again, restarted */
		pid_t p1 = spawn(on, "race-a"), p2 = spawn(on, "race-b");

		ck_assert_int_eq(finish(p1), 0);
		ck_assert_int_eq(finish(p2), 0);
	}
	for (i = 0; i < RACE_REMIND; i++) {
		ck_assert_int_eq(outbox(a[i].email, "thesis_end_reminder"), 1);
		ck_assert_int_eq(stages("thesis_end", a[i].id), 1);
		ck_assert(!ended(a[i].id));
	}
	for (i = RACE_REMIND; i < RACE_REMIND + RACE_END; i++) {
		ck_assert(ended(a[i].id));
		ck_assert_int_eq(stages("access_expired", a[i].id), 1);
		ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
		    "'student.access.expire' AND object_id = ?", a[i].case_id), 1);
		ck_assert_int_eq(outbox_naming(w.admin.email, "access_expired", a[i].name), 1);
	}
	ck_assert_int_eq(outbox(w.admin.email, "thesis_end_reminder"), RACE_REMIND);
	ck_assert_int_eq(outbox(w.admin.email, "access_expired"), RACE_END);
	ck_assert_int_eq(outbox(w.supervisor.email, "thesis_end_reminder"), RACE_REMIND);
	ck_assert_int_eq(delivered(w.admin2.email, "lukket af sig selv"), RACE_END);
}
END_TEST

/* ---- a proposal waiting for a signature (R12, R32) ------------------------------------------ */

static long long
request_signature(long long case_id, long long by)
{
	struct db_result res;
	long long id;

	/* What POST /projekt/anmod records (cgi-bin/project_flow.c). */
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO audit_events (actor_id, action, "
	    "object_type, object_id) VALUES (?, 'proposal.signature.request', 'case', ?)", "ii", by,
	    case_id), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

START_TEST(signature_reminder_once_per_request)
{
	struct world w;
	struct db_result res;
	char title[128];
	long long sag;

	world(&w, "sign");
	snprintf(title, sizeof(title), "Indkomst og helbred %s", w.tag);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'draft', ?, ?, ?, 'titel=x')", "iis",
	    w.supervisor.uid, w.auth, title), DB_OK);
	sag = (long long)res.insert_id;
	db_result_free(&res);
	request_signature(sag, w.supervisor.uid);
	run_on(day(4));		/* waited 4 days of 5 */
	ck_assert_int_eq(outbox(w.signer.email, "signature_reminder"), 0);
	run_on(day(5));
	run_on(day(5));
	run_on(day(9));
	ck_assert_int_eq(outbox(w.signer.email, "signature_reminder"), 1);
	ck_assert_int_eq(outbox(w.signer2.email, "signature_reminder"), 1);
	ck_assert_int_eq(outbox(w.supervisor.email, "signature_reminder_supervisor"), 1);
	ck_assert_int_eq(outbox(w.admin.email, "signature_reminder"), 0);
	ck_assert_int_eq(delivered(w.signer.email, title), 1);
	/* The supervisor is told whom we reminded, by name. */
	ck_assert_int_eq(delivered(w.supervisor.email, "Planlagt underskriver2"), 1);
	/* The supervisor asks again: a new request, reminded once more when it has waited. */
	request_signature(sag, w.supervisor.uid);
	run_on(day(4));
	ck_assert_int_eq(outbox(w.signer.email, "signature_reminder"), 1);
	run_on(day(5));
	run_on(day(6));
	ck_assert_int_eq(outbox(w.signer.email, "signature_reminder"), 2);
	/* Signed: no reminder of a later request either. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO proposal_signatures (case_id, signer_id, "
	    "text_hash, case_version) VALUES (?, ?, UNHEX(SHA2('tekst', 256)), 1)", "ii", sag,
	    w.signer.uid), DB_OK);
	request_signature(sag, w.supervisor.uid);
	run_on(day(8));
	ck_assert_int_eq(outbox(w.signer.email, "signature_reminder"), 2);
	ck_assert_int_eq(stages("signature", sag), 2);
}
END_TEST

/* ---- an invitation about to expire (R32) -------------------------------------------------- */

START_TEST(invitation_reminder_once)
{
	struct world w;
	char token[SESSION_TOKEN_CHARS + 1], soon[160], later[160], gone[160];
	long long inv_soon, inv_later, inv_gone;

	world(&w, "inv");
	snprintf(soon, sizeof(soon), "snart.%s@%s", w.tag, w.domain);
	snprintf(later, sizeof(later), "senere.%s@%s", w.tag, w.domain);
	snprintf(gone, sizeof(gone), "trukket.%s@%s", w.tag, w.domain);
	inv_soon = fixture_invitation(w.auth, soon, "supervisor", w.responsible.uid, token);
	inv_later = fixture_invitation(w.auth, later, "signer", w.responsible.uid, token);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE invitations SET expires_at = NOW(6) + "
	    "INTERVAL 5 DAY WHERE id = ?", "i", inv_later), DB_OK);
	inv_gone = fixture_invitation(w.auth, gone, "signer", w.responsible.uid, token);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE invitations SET withdrawn_at = NOW(6), "
	    "withdrawn_by = ? WHERE id = ?", "ii", w.responsible.uid, inv_gone), DB_OK);
	run_on(today);
	run_on(today);
	ck_assert_int_eq(outbox(soon, "invitation_reminder"), 1);
	ck_assert_int_eq(outbox(later, "invitation_reminder"), 0);
	ck_assert_int_eq(outbox(gone, "invitation_reminder"), 0);
	run_on(day(3));		/* 2 days before the later one expires */
	run_on(day(4));
	ck_assert_int_eq(outbox(soon, "invitation_reminder"), 1);
	ck_assert_int_eq(outbox(later, "invitation_reminder"), 1);
	ck_assert_int_eq(outbox(gone, "invitation_reminder"), 0);
	ck_assert_int_eq(stages("invitation", inv_soon), 1);
	/* When it expires and whom to ask; no new link. */
	ck_assert_int_eq(delivered(soon, w.responsible.email), 1);
	ck_assert_int_eq(maildir_count(soon, "Vejleder", 0), 1);
	ck_assert_int_eq(maildir_count(soon, "token=", 0), 0);
}
END_TEST

/* ---- a case at FSE past the service goal (R30) ---------------------------------------------- */

static long long
submitted_case(const struct world *w, const char *type, const char *title, int days_ago)
{
	struct db_result res;
	long long id;

	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data, submitted_at) VALUES (?, 'submitted', ?, ?, ?, "
	    "'titel=x', NOW(6) - INTERVAL ? DAY)", "siisi", type, w->supervisor.uid, w->auth, title,
	    (long long)days_ago), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

START_TEST(fse_told_once_per_submission)
{
	struct world w;
	char old[128], young[128], student[128], needle[128];
	const char *fse = fx_cfg.fse_mailbox;
	long long sag;

	world(&w, "fse");
	snprintf(old, sizeof(old), "Gammel indstilling %s", w.tag);
	snprintf(young, sizeof(young), "Ny indstilling %s", w.tag);
	snprintf(student, sizeof(student), "Studerende hos administratorerne %s", w.tag);
	sag = submitted_case(&w, "project", old, 40);	/* well past 20 working days */
	submitted_case(&w, "project", young, 5);
	submitted_case(&w, "student", student, 60);	/* FSE does not decide it (R13) */
	run_on(today);
	run_on(today);
	ck_assert_int_eq(outbox_naming(fse, "fse_service_overdue", old), 1);
	ck_assert_int_eq(outbox_naming(fse, "fse_service_overdue", young), 0);
	ck_assert_int_eq(outbox_naming(fse, "fse_service_overdue", student), 0);
	ck_assert_int_eq(delivered(fse, old), 1);
	snprintf(needle, sizeof(needle), "Sag %lld (Projektindstilling) har ventet", sag);
	ck_assert_int_eq(maildir_count(fse, needle, 0), 1);
	/* Sent back and submitted again: a new submission, told once more when it is late. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET submitted_at = NOW(6) - INTERVAL "
	    "35 DAY WHERE id = ?", "i", sag), DB_OK);
	run_on(today);
	run_on(day(1));
	ck_assert_int_eq(outbox_naming(fse, "fse_service_overdue", old), 2);
	/* Decided: nothing more. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = 'approved', submitted_at = "
	    "NOW(6) - INTERVAL 30 DAY WHERE id = ?", "i", sag), DB_OK);
	run_on(day(2));
	ck_assert_int_eq(outbox_naming(fse, "fse_service_overdue", old), 2);
	ck_assert_int_eq(stages("fse_service", sag), 2);
}
END_TEST

static void
setup(void)
{
	fixture_open();
	clock_set_today(NULL);
	clock_today(today);
}

int
main(void)
{
	Suite *s = suite_create("scheduler");
	TCase *tc = tcase_create("core");

	/* The runner's days are Danish days (lib/clock, lib/datefmt); so are the suite's. */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 180);
	tcase_add_test(tc, reminders_once_across_restarts);
	tcase_add_test(tc, inside_seven_days_only_seven);
	tcase_add_test(tc, access_ends_on_end_date);
	tcase_add_test(tc, extension_gets_new_pair);
	tcase_add_test(tc, refused_address_others_told);
	tcase_add_test(tc, two_runners_at_once);
	tcase_add_test(tc, signature_reminder_once_per_request);
	tcase_add_test(tc, invitation_reminder_once);
	tcase_add_test(tc, fse_told_once_per_submission);
	suite_add_tcase(s, tc);
	return check_run(s);
}
