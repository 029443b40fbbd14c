/*
 * A student's access after it is granted, over HTTP through nginx (issue 14; R7, R11, R14, R24,
 * R29): the access turns active only when everything holds (not while the course is missing,
 * not while a sanction is in force), the user fee is charged once at the rate of the day, the
 * administrator extends the period (refusals at the field, the input kept), ends the access
 * after the thesis (the pointer of R7 to the student), suspends and lifts it (FSE told), an
 * access the end date ended is opened again by an extension, and the timeline and the fees page
 * say who did what when. The student's state before is written by tests/e2e/fixture_student.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check_run.h"
#include "client.h"
#include "fixture.h"
#include "fixture_student.h"
#include "maildir.h"
#include "policy.h"

#define B(r)	ROLE_BIT(ROLE_##r)
#define STUDENT_NAME	"Åse Ærø Lindqvist"

static long long auth_a, project_a;
static char domain_a[64];
static struct who admin, supervisor, signer, student, fse;

static void
person(struct who *w, const char *tag, unsigned roles, long long auth)
{
	char name[128];

	snprintf(w->email, sizeof(w->email), "%s.%ld@%s", tag, (long)getpid(), domain_a);
	snprintf(name, sizeof(name), "Liv %s %ld", tag, (long)getpid());
	w->uid = fixture_user(w->email, name);
	fixture_grant(w->uid, roles, auth);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static void
setup(void)
{
	struct db_result res;
	char name[128], number[64];

	fixture_open();
	snprintf(domain_a, sizeof(domain_a), "liv%ld.ku.dk", (long)getpid());
	snprintf(name, sizeof(name), "Livsinstitut %ld", (long)getpid());
	snprintf(number, sizeof(number), "L-A-%ld", (long)getpid());
	auth_a = fixture_authorisation(name, number, domain_a);
	person(&admin, "administrator", B(ADMINISTRATOR), auth_a);
	person(&supervisor, "vejleder", B(SUPERVISOR), auth_a);
	person(&signer, "underskriver", B(SIGNER), auth_a);
	person(&student, "studerende", B(STUDENT), auth_a);
	person(&fse, "fse", B(FSE_CASEWORKER), 0);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'approved', ?, ?, 'Løn og "
	    "uddannelse', 'titel=L%C3%B8n')", "ii", supervisor.uid, auth_a), DB_OK);
	project_a = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(number, sizeof(number), "PL-%ld", (long)getpid());
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Løn og uddannelse')", "iis", project_a, auth_a,
	    number), DB_OK);
	/* R29: a student-user rate valid today (a one-day period when the table has none). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO rates (kind, amount_ore, valid_from, "
	    "valid_to, note) SELECT 'student_user', 123400, CURDATE(), CURDATE(), 'test_student_life' "
	    "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM rates WHERE kind = 'student_user' AND "
	    "valid_from <= CURDATE() AND (valid_to IS NULL OR valid_to >= CURDATE()))", ""), DB_OK);
}

/* A student of this suite's authorisation with the facts in has; its case id. */
static long long
a_student(unsigned has, const char *ends_on)
{
	struct fx_student in = { auth_a, supervisor.uid, project_a, student.uid, STUDENT_NAME,
	    student.email, ends_on, has };

	return fixture_student(&in, NULL);
}

/* POST path as w with id, sag and then name, value pairs (NULL-terminated). */
static long
act(struct who *w, const char *path, long long sag, struct reply *r, ...)
{
	char a[32], s[32], body[4096];
	const char *k, *v;
	va_list ap;
	CURL *c = curl_easy_init();
	size_t o;

	snprintf(a, sizeof(a), "%lld", auth_a);
	snprintf(s, sizeof(s), "%lld", sag);
	o = (size_t)snprintf(body, sizeof(body), "csrf=%s&id=%s&sag=%s", w->csrf, a, s);
	va_start(ap, r);
	while ((k = va_arg(ap, const char *)) != NULL) {
		char *e;

		v = va_arg(ap, const char *);
		e = curl_easy_escape(c, v, 0);
		o += (size_t)snprintf(body + o, sizeof(body) - o, "&%s=%s", k, e);
		curl_free(e);
	}
	va_end(ap);
	curl_easy_cleanup(c);
	ck_assert_uint_lt(o, sizeof(body));
	client_request("POST", path, "application/x-www-form-urlencoded", body, o, NULL, &w->jar,
	    r);
	return r->status;
}

static long
page(struct who *w, long long sag, struct reply *r)
{
	char path[128];

	if (sag)
		snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld", auth_a, sag);
	else
		snprintf(path, sizeof(path), "/studerende/mig?id=%lld", auth_a);
	client_get(path, &w->jar, r);
	return r->status;
}

static int
body_has(const struct reply *r, const char *needle)
{
	return strstr(r->body.data ? r->body.data : "", needle) != NULL;
}

static long long
fees(long long sag)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ? AND kind = "
	    "'student_user'", sag);
}

static long long
activated(long long sag)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE student_case_id = ? "
	    "AND ended_at IS NULL AND activated_at IS NOT NULL", sag);
}

/* A date n days from today as DD-MM-YYYY, as a person types it. */
static const char *
day(int n, char *out, size_t len)
{
	long long v = fixture_scalar_int("SELECT DATE_FORMAT(CURDATE() + INTERVAL ? DAY, "
	    "'%d%m%Y')", n);

	snprintf(out, len, "%02d-%02d-%04d", (int)(v / 1000000 % 100), (int)(v / 10000 % 100),
	    (int)(v % 10000));
	return out;
}

START_TEST(activation_waits_for_the_course_and_charges_one_fee)
{
	long long sag = a_student(FXS_ALL & ~FXS_CERTIFIED, NULL), want;
	char d[32], path[64];
	struct reply r;

	/* R14: everything but the course: not active, and the checklist says what is missing. */
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "Adgangen er ikke aktiv."));
	ck_assert(body_has(&r, "<strong>Endnu ikke:</strong> Certificeringskurset er bestået"));
	ck_assert(body_has(&r, "venter på, at den studerende består kurset"));
	reply_free(&r);
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "Din adgang er ikke aktiv."));
	reply_free(&r);
	/* A change that settles the access (an extension) does not make it active either. */
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(400, d,
	    sizeof(d)), "begrundelse", "Barsel", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(activated(sag), 0);
	ck_assert_int_eq(fees(sag), 0);

	/* The pass arrives; the next settling activates and charges the rate of the day. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO certifications (email, name, passed_on, "
	    "recorded_by) VALUES (?, ?, CURDATE(), ?)", "ssi", student.email, STUDENT_NAME, fse.uid),
	    DB_OK);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(420, d,
	    sizeof(d)), "begrundelse", "Sygdom", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(activated(sag), 1);
	ck_assert_int_eq(fees(sag), 1);
	want = fixture_scalar_int("SELECT amount_ore FROM rates WHERE kind = 'student_user' AND "
	    "valid_from <= CURDATE() AND (valid_to IS NULL OR valid_to >= CURDATE()) AND id > ? "
	    "ORDER BY valid_from DESC LIMIT 1", 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT amount_ore FROM case_fees WHERE case_id = ? AND "
	    "kind = 'student_user'", sag), want);

	/* R24: a second activation (suspended, then lifted) charges no second fee. */
	ck_assert_int_eq(act(&admin, "/studerende/suspender", sag, &r, "begrundelse", "Delte sit "
	    "password", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/ophaev", sag, &r, "begrundelse", "Afklaret", NULL),
	    303);
	reply_free(&r);
	ck_assert_int_eq(fees(sag), 1);
	/* R32: the student is told once that the access is active, with the FSE user id. */
	ck_assert_int_eq(maildir_count(student.email, "Din adgang til data i Specialeordningen er "
	    "aktiv", 30), 1);
	ck_assert_int_eq(maildir_count(student.email, "FSE-bruger-id, FXS", 0), 1);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "Adgangen er aktiv:"));
	ck_assert(body_has(&r, "Brugergebyret opkrævet"));
	ck_assert(body_has(&r, "Adgangen til projektet PL-"));
	reply_free(&r);

	/* The fees page: the student by name to an administrator, not to a signer (R13). */
	snprintf(path, sizeof(path), "/projekt?id=%lld", auth_a);
	client_get(path, &admin.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(body_has(&r, "Brugergebyr for specialestuderende: " STUDENT_NAME));
	reply_free(&r);
	client_get(path, &signer.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(body_has(&r, "Brugergebyr for specialestuderende: en studerende"));
	ck_assert(!body_has(&r, STUDENT_NAME));
	reply_free(&r);
}
END_TEST

/*
 * R15: everything but the user agreement: not active, no fee, however often it is settled, and
 * the checklist says what is missing (issue 15: an access active without the agreement went
 * uncaught; every other student here had accepted it).
 */
START_TEST(activation_waits_for_the_user_agreement)
{
	long long sag = a_student(FXS_ALL & ~FXS_AGREEMENT, NULL);
	char d[32];
	struct reply r;

	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(400, d,
	    sizeof(d)), "begrundelse", "Barsel", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(activated(sag), 0);
	ck_assert_int_eq(fees(sag), 0);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "Adgangen er ikke aktiv."));
	ck_assert(body_has(&r, "<strong>Endnu ikke:</strong> Den studerende har accepteret "
	    "brugeraftalen"));
	reply_free(&r);
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "Din adgang er ikke aktiv."));
	reply_free(&r);
	/* Nor is the student told it is (the outbox: the mail is written with the activation). */
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND subject = "
	    "'Din adgang til data er aktiv'", student.email), 0);
}
END_TEST

START_TEST(a_suspended_access_is_not_active_and_fse_is_told)
{
	long long sag = a_student(FXS_ALL, NULL);
	char needle[128];
	struct reply r;

	/* R11: only an administrator; a student and a supervisor are refused. */
	ck_assert_int_eq(act(&student, "/studerende/suspender", sag, &r, "begrundelse", "x", NULL),
	    403);
	reply_free(&r);
	ck_assert_int_eq(act(&supervisor, "/studerende/suspender", sag, &r, "begrundelse", "x",
	    NULL), 403);
	reply_free(&r);
	/* Without a reason: the message at the field, nothing written. */
	ck_assert_int_eq(act(&admin, "/studerende/suspender", sag, &r, "begrundelse", " ", NULL),
	    422);
	ck_assert(body_has(&r, "id=\"sanktion_begrundelse-error\""));
	ck_assert(body_has(&r, "Skriv, hvilket brud på sikkerhedsreglerne"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM access_sanctions WHERE "
	    "student_case_id = ?", sag), 0);

	snprintf(needle, sizeof(needle), "Kopierede mikrodata %ld", (long)getpid());
	ck_assert_int_eq(act(&admin, "/studerende/suspender", sag, &r, "begrundelse", needle, NULL),
	    303);
	reply_free(&r);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "Adgangen er suspenderet"));
	ck_assert(body_has(&r, "Adgangen er ikke aktiv."));
	reply_free(&r);
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "Din adgang er suspenderet"));
	ck_assert(body_has(&r, needle));
	reply_free(&r);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 30), 1);
	ck_assert_int_eq(maildir_count(student.email, needle, 30), 1);
	/* One sanction in force at a time. */
	ck_assert_int_eq(act(&admin, "/studerende/suspender", sag, &r, "begrundelse", "igen", NULL),
	    409);
	ck_assert(body_has(&r, "Adgangen er allerede suspenderet."));
	reply_free(&r);

	ck_assert_int_eq(act(&admin, "/studerende/ophaev", sag, &r, "begrundelse", "", NULL), 422);
	ck_assert(body_has(&r, "Skriv, hvorfor suspenderingen ophæves."));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "Samtale holdt %ld", (long)getpid());
	ck_assert_int_eq(act(&admin, "/studerende/ophaev", sag, &r, "begrundelse", needle, NULL),
	    303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM access_sanctions WHERE "
	    "student_case_id = ? AND lifted_at IS NOT NULL AND lift_reason LIKE 'Samtale holdt %'",
	    sag), 1);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 30), 1);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(!body_has(&r, "id=\"suspenderet\""));
	ck_assert(body_has(&r, "Suspenderingen ophævet"));	/* the timeline */
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/ophaev", sag, &r, "begrundelse", "igen", NULL),
	    409);
	reply_free(&r);
}
END_TEST

START_TEST(an_extension_is_checked_at_the_field)
{
	long long sag = a_student(FXS_ALL, NULL), before;
	char d[32];
	struct reply r;

	before = fixture_scalar_int("SELECT TO_DAYS(ends_on) FROM student_access WHERE "
	    "student_case_id = ?", sag);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", "31-02-2027",
	    "begrundelse", "Barsel", NULL), 422);
	ck_assert(body_has(&r, "Skriv datoen som dd-mm-åååå"));
	ck_assert(body_has(&r, "value=\"31-02-2027\""));	/* the input kept */
	ck_assert(body_has(&r, ">Barsel</textarea>"));
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(-3, d,
	    sizeof(d)), "begrundelse", "Barsel", NULL), 422);
	ck_assert(body_has(&r, "Den nye slutdato skal ligge efter i dag."));
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(30, d,
	    sizeof(d)), "begrundelse", "Barsel", NULL), 422);
	ck_assert(body_has(&r, "Den nye slutdato skal ligge efter den nuværende"));
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(500, d,
	    sizeof(d)), "begrundelse", "", NULL), 422);
	ck_assert(body_has(&r, "Skriv, hvorfor perioden skal forlænges."));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT TO_DAYS(ends_on) FROM student_access WHERE "
	    "student_case_id = ?", sag), before);
	/* A supervisor does not extend (R11: the administrator). */
	ck_assert_int_eq(act(&supervisor, "/studerende/forlaeng", sag, &r, "slutdato", day(500, d,
	    sizeof(d)), "begrundelse", "Barsel", NULL), 403);
	reply_free(&r);

	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(500, d,
	    sizeof(d)), "begrundelse", "Barselsorlov i foråret", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT TO_DAYS(ends_on) - TO_DAYS(CURDATE()) FROM "
	    "student_access WHERE student_case_id = ?", sag), 500);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM student_period_changes WHERE "
	    "student_case_id = ? AND reason = 'Barselsorlov i foråret'", sag), 1);
	ck_assert_int_eq(maildir_count(student.email, "Barselsorlov i foråret", 30), 1);
	ck_assert_int_eq(maildir_count(supervisor.email, "Barselsorlov i foråret", 30), 1);
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "Specialeperioden forlænget fra"));
	ck_assert(body_has(&r, "Barselsorlov i foråret"));
	reply_free(&r);
}
END_TEST

START_TEST(ended_after_the_thesis_with_the_pointer_to_publishing)
{
	long long sag = a_student(FXS_ALL, NULL);
	char d[32];
	struct reply r;

	ck_assert_int_eq(act(&admin, "/studerende/afslut", sag, &r, "bemaerkning", "Karakter 12",
	    NULL), 422);
	ck_assert(body_has(&r, "Vælg, om specialet er bestået eller opgivet."));
	ck_assert(body_has(&r, ">Karakter 12</textarea>"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE "
	    "student_case_id = ? AND ended_at IS NULL", sag), 1);
	ck_assert_int_eq(act(&admin, "/studerende/afslut", sag, &r, "aarsag", "bestaaet",
	    "bemaerkning", "Karakter 12", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE "
	    "student_case_id = ? AND ended_at IS NOT NULL AND end_cause = 'passed'", sag), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT ended_by FROM student_access WHERE "
	    "student_case_id = ?", sag), admin.uid);
	/* R7: the student is pointed to the researcher or project scheme, on the page and by mail. */
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "Din adgang til data er afsluttet"));
	ck_assert(body_has(&r, "forskerordning eller projektordning"));
	reply_free(&r);
	ck_assert_int_eq(maildir_count(student.email, "forskerordning eller projektordning", 30), 1);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "Adgangen afsluttet: specialet er bestået"));
	ck_assert(body_has(&r, "Karakter 12"));
	ck_assert(!body_has(&r, "action=\"/studerende/afslut\""));
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/afslut", sag, &r, "aarsag", "opgivet", NULL), 409);
	reply_free(&r);
	/* Ended by the administrator: not opened again by an extension. */
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(500, d,
	    sizeof(d)), "begrundelse", "Igen", NULL), 409);
	reply_free(&r);
}
END_TEST

/* R32: a period ending within 30 days is under Mine sager for the supervisor and the
 * administrators, not for a signer; one further off is not there. */
START_TEST(periods_that_end_soon_are_under_my_cases)
{
	long long soon = a_student(FXS_ALL, NULL), later;
	char needle[96], other[128];
	struct fx_student in = { auth_a, supervisor.uid, project_a, 0, "Lars Senere", other, NULL,
	    FXS_ALL & ~FXS_AGREEMENT };
	struct reply r;

	snprintf(other, sizeof(other), "lars.%ld@%s", (long)getpid(), domain_a);
	later = fixture_student(&in, NULL);

	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ends_on = CURDATE() + "
	    "INTERVAL 10 DAY WHERE student_case_id = ?", "i", soon), DB_OK);
	snprintf(needle, sizeof(needle), "sag=%lld\">", soon);
	client_get("/ansoegning", &admin.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(body_has(&r, "id=\"snart-slut\""));
	ck_assert(body_has(&r, needle));
	snprintf(needle, sizeof(needle), "sag=%lld\">", later);
	ck_assert(!body_has(&r, needle));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "sag=%lld\">", soon);
	client_get("/ansoegning", &supervisor.jar, &r);
	ck_assert(body_has(&r, needle));
	reply_free(&r);
	client_get("/ansoegning", &signer.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!body_has(&r, "id=\"snart-slut\""));
	reply_free(&r);
}
END_TEST

/* A date n days from today as YYYY-MM-DD, as the database keeps it. */
static const char *
iso_day(int n, char *out, size_t len)
{
	long long v = fixture_scalar_int("SELECT DATE_FORMAT(CURDATE() + INTERVAL ? DAY, "
	    "'%Y%m%d')", n);

	snprintf(out, len, "%04d-%02d-%02d", (int)(v / 10000), (int)(v / 100 % 100),
	    (int)(v % 100));
	return out;
}

/*
 * R11: the access ends on the end date, the day itself no longer counts, even before the
 * scheduled runner has ended it (issue 15: an access still active on its end date went
 * uncaught). The day before, everything in place, it is active.
 */
START_TEST(an_access_is_not_active_on_its_end_date)
{
	char d[32];
	long long sag;
	struct reply r;

	sag = a_student(FXS_ALL, iso_day(1, d, sizeof(d)));
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "<strong>Adgangen er aktiv:</strong>"));
	ck_assert(body_has(&r, "Specialeperioden er ikke slut"));
	reply_free(&r);
	/* The same student on the end date: the live row is still there, the access is not. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ends_on = CURDATE() "
	    "WHERE student_case_id = ? AND ended_at IS NULL", "i", sag), DB_OK);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "<strong>Adgangen er ikke aktiv.</strong>"));
	ck_assert(body_has(&r, "Specialeperioden sluttede"));
	reply_free(&r);
	ck_assert_int_eq(page(&student, 0, &r), 200);
	ck_assert(body_has(&r, "<strong>Din adgang er ikke aktiv.</strong>"));
	reply_free(&r);
}
END_TEST

START_TEST(an_access_the_end_date_ended_is_opened_again_by_an_extension)
{
	long long sag = a_student(FXS_ALL, NULL);
	char d[32];
	struct reply r;

	/* As the scheduled runner leaves it on the end date (R11). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ends_on = CURDATE(), "
	    "ended_at = NOW(6), end_cause = 'expired' WHERE student_case_id = ?", "i", sag), DB_OK);
	ck_assert_int_eq(page(&admin, sag, &r), 200);
	ck_assert(body_has(&r, "specialeperioden sluttede"));
	ck_assert(body_has(&r, "Forlæng perioden og åbn adgangen igen"));
	reply_free(&r);
	ck_assert_int_eq(act(&admin, "/studerende/forlaeng", sag, &r, "slutdato", day(60, d,
	    sizeof(d)), "begrundelse", "Udsat aflevering", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE "
	    "student_case_id = ? AND ended_at IS NULL AND end_cause = '' AND TO_DAYS(ends_on) - "
	    "TO_DAYS(CURDATE()) = 60", sag), 1);
	ck_assert_int_eq(maildir_count(student.email, "Den er åbnet igen", 30), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("student_life");
	TCase *tc = tcase_create("student_life");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, activation_waits_for_the_course_and_charges_one_fee);
	tcase_add_test(tc, activation_waits_for_the_user_agreement);
	tcase_add_test(tc, a_suspended_access_is_not_active_and_fse_is_told);
	tcase_add_test(tc, an_extension_is_checked_at_the_field);
	tcase_add_test(tc, ended_after_the_thesis_with_the_pointer_to_publishing);
	tcase_add_test(tc, an_access_the_end_date_ended_is_opened_again_by_an_extension);
	tcase_add_test(tc, an_access_is_not_active_on_its_end_date);
	tcase_add_test(tc, periods_that_end_soon_are_under_my_cases);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
