/*
 * The FSE side of an application for an education authorisation (issue 5), end to end through
 * nginx against the real fse program, MariaDB, the mailer and the test stack's SMTP server.
 *
 * Submitted applications are written straight into the database through lib/cases.h, as the
 * applicant's program would (how the applicant fills in the steps is test_application's
 * business); caseworkers act over HTTP with sessions minted by the fixture.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cases.h"
#include "client.h"
#include "fixture.h"
#include "maildir.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

struct who {
	long long	uid;
	struct jar	jar;
	char		csrf[SESSION_TOKEN_CHARS + 1];
	char		email[128];
};

static char sfx[24];

/* A user with roles (FSE roles are global) and a logged-in session. */
static void
person(struct who *w, const char *local, const char *name, unsigned roles)
{
	snprintf(w->email, sizeof(w->email), "%s.%s@fsesag.dk", local, sfx);
	w->uid = fixture_user(w->email, name);
	if (roles)
		fixture_grant(w->uid, roles, 0);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static unsigned
version_of(long long id)
{
	return (unsigned)fixture_scalar_int("SELECT version FROM cases WHERE id = ?", id);
}

static int
state_is(long long id, const char *state)
{
	struct db_result res;
	int same;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT state FROM cases WHERE id = ?", "i", id),
	    DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	same = strcmp(db_cell(&res, 0, 0), state) == 0;
	db_result_free(&res);
	return same;
}

/* The application's form as the applicant's program stores it (urlencoded). */
static void
app_data(char *out, size_t n, const char *unit, const char *manager, const char *url)
{
	snprintf(out, n, "universitet=ku&enhed=%s&udd_navn_1=Cand.polit.&udd_ects_1=30&"
	    "sikkerhed=Logning+og+kurser&leder_navn=Lise+Leder&leder_titel=Institutleder&"
	    "leder_email=%s&url=%s&person_navn_1=Ea+Et&person_email_1=ea%%40fsesag.dk&"
	    "person_rolle_1=Vejleder&person_erfaring_1=Registerdata&person_navn_2=Bo+To&"
	    "person_email_2=bo%%40fsesag.dk&person_rolle_2=Lektor&person_erfaring_2=DST&"
	    "person_navn_3=Cy+Tre&person_email_3=cy%%40fsesag.dk&person_rolle_3=Lektor&"
	    "person_erfaring_3=Forskerordningen&domaener=oek-%s.dk%%0Astat-%s.dk&"
	    "platform=forskermaskinen", unit, manager, url, sfx, sfx);
}

/*
 * A submitted application of applicant, its manager's confirmation recorded, submitted
 * days_ago calendar days ago (UTC); its id.
 */
static long long
submitted_case(const struct who *applicant, const char *unit, const char *manager,
    int days_ago)
{
	char data[4096], title[128];
	long long id;

	snprintf(title, sizeof(title), "%s", unit);
	for (char *p = title; *p; p++)
		if (*p == '+')
			*p = ' ';
	app_data(data, sizeof(data), unit, manager, "https%3A%2F%2Foek.fsesag.dk%2Fmiljoe");
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "authorisation", applicant->uid, 0, title, data, &id),
	    CASES_OK);
	ck_assert_int_eq(cases_move(fx_db, id, version_of(id), CASE_SUBMITTED,
	    CASE_SIDE_APPLICANT, applicant->uid, "", "127.0.0.1", NULL), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO manager_confirmations (case_id, "
	    "token_hash, manager_email, manager_name, expires_at, confirmed_at) VALUES (?, "
	    "UNHEX(SHA2(CONCAT('fsecase', ?), 256)), ?, 'Lise Leder', NOW(6) + INTERVAL 1 DAY, "
	    "NOW(6))", "iis", id, id, manager), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET submitted_at = NOW(6) - "
	    "INTERVAL ? DAY WHERE id = ?", "ii", (long long)days_ago, id), DB_OK);
	ck_assert(state_is(id, "submitted"));
	return id;
}

static long
get(const char *path, struct who *w, struct reply *r)
{
	client_get(path, &w->jar, r);
	return r->status;
}

/* POST /fse/sag/afgoer with the given version; leaves the reply in r. */
static long
decide(struct who *w, long long id, unsigned version, const char *handling, const char *reason,
    struct reply *r)
{
	char idbuf[32], vbuf[32];

	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(vbuf, sizeof(vbuf), "%u", version);
	client_post_form("/fse/sag/afgoer", &w->jar, r, "csrf", w->csrf, "id", idbuf, "version",
	    vbuf, "handling", handling, "begrundelse", reason, NULL);
	return r->status;
}

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
}

/* ---- the queue and the case page ------------------------------------------------------------- */

START_TEST(queue_and_case_page)
{
	struct who app, cw, plain, ns;
	char path[128], needle[256], manager[128], unit_old[64], unit_new[64];
	const char *pa, *pb;
	struct reply r;
	long long older, newer;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	person(&plain, "almen", "Alma Almen", B(RESPONSIBLE));
	person(&ns, "rigsstat", "Rune Rigsstatistiker", B(NATIONAL_STATISTICIAN));
	snprintf(manager, sizeof(manager), "leder.%s@fsesag.dk", sfx);
	snprintf(unit_old, sizeof(unit_old), "Gammelt+Institut+%s", sfx);
	snprintf(unit_new, sizeof(unit_new), "Nyt+Institut+%s", sfx);
	/* 14 calendar days are always 10 working days; 1 day ago is 0 or 1 by the weekday. */
	older = submitted_case(&app, unit_old, manager, 14);
	newer = submitted_case(&app, unit_new, manager, 1);

	/* The FSE start page links to the queue. */
	ck_assert_int_eq(get("/fse", &cw, &r), 200);
	ck_assert(has(&r.body, "href=\"/fse/sager\""));
	reply_free(&r);

	ck_assert_int_eq(get("/fse/sager", &cw, &r), 200);
	snprintf(needle, sizeof(needle), "<a href=\"/fse/sag?id=%lld\">", older);
	ck_assert(has(&r.body, needle));
	pa = strstr(r.body.data, needle);
	snprintf(needle, sizeof(needle), "<a href=\"/fse/sag?id=%lld\">", newer);
	pb = strstr(r.body.data, needle);
	ck_assert_ptr_nonnull(pb);
	ck_assert_msg(pa < pb, "the oldest application comes first");
	snprintf(needle, sizeof(needle), "id=\"alder-%lld\">10 arbejdsdage", older);
	ck_assert_msg(has(&r.body, needle), "a 14-day-old case is 10 working days old");
	snprintf(needle, sizeof(needle), "Gammelt Institut %s", sfx);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "Anna Ansoeger"));
	ck_assert(has(&r.body, "Københavns Universitet"));
	reply_free(&r);

	/* Not FSE: 403 on the queue and on the case. */
	ck_assert_int_eq(get("/fse/sager", &plain, &r), 403);
	ck_assert(!has(&r.body, "Anna Ansoeger"));
	reply_free(&r);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", older);
	ck_assert_int_eq(get(path, &plain, &r), 403);
	reply_free(&r);

	/* The case page: the data with their labels, the manager's confirmation, the history. */
	ck_assert_int_eq(get(path, &cw, &r), 200);
	snprintf(needle, sizeof(needle), "Gammelt Institut %s", sfx);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "<dt>Fakultet, institut eller center</dt>"));
	ck_assert(has(&r.body, "<dt>Erfaren person 2: navn</dt>"));
	ck_assert(has(&r.body, "Bo To"));
	ck_assert(has(&r.body, "<dt>Lederens e-mailadresse</dt>"));
	ck_assert(has(&r.body, manager));
	snprintf(needle, sizeof(needle), "stat-%s.dk", sfx);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "id=\"leder-status\">bekræftet"));
	ck_assert(has(&r.body, "id=\"historik\""));
	ck_assert(has(&r.body, "<td>Kladde</td><td>Sendt til Forskningsservice</td>"));
	ck_assert(!has(&r.body, "Ændret siden sidste indsendelse"));
	snprintf(needle, sizeof(needle), "name=\"version\" value=\"%u\"", version_of(older));
	ck_assert_msg(has(&r.body, needle), "the decision forms carry the version shown");
	ck_assert(has(&r.body, "value=\"godkend\""));
	reply_free(&r);

	/* The national statistician sees the case, but not the decisions, and may not decide. */
	ck_assert_int_eq(get(path, &ns, &r), 200);
	ck_assert(has(&r.body, "Bo To"));
	ck_assert(!has(&r.body, "value=\"godkend\""));
	reply_free(&r);
	ck_assert_int_eq(decide(&ns, older, version_of(older), "godkend", "", &r), 403);
	reply_free(&r);
	ck_assert(state_is(older, "submitted"));

	/* Unknown case: 404. */
	ck_assert_int_eq(get("/fse/sag?id=999999999999", &cw, &r), 404);
	reply_free(&r);

	/* Tidy the queue for later runs: these two are decided. */
	ck_assert_int_eq(decide(&cw, older, version_of(older), "afvis", "Testsag", &r), 303);
	reply_free(&r);
	ck_assert_int_eq(decide(&cw, newer, version_of(newer), "afvis", "Testsag", &r), 303);
	reply_free(&r);
}
END_TEST

/* ---- return, resubmission with the diff, approval -------------------------------------------- */

START_TEST(return_resubmit_approve)
{
	struct who app, cw, mgr;
	char path[128], needle[512], unit[64], data[4096], reason[128], number[64], loc[256];
	struct reply r;
	unsigned v, stale;
	long long id, auth;
	time_t now;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	person(&mgr, "leder", "Lise Leder", 0);	/* the manager has an account */
	snprintf(unit, sizeof(unit), "Retur+Institut+%s", sfx);
	id = submitted_case(&app, unit, mgr.email, 2);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", id);

	/* Return for changes with a message: returned, and the applicant is told. */
	snprintf(reason, sizeof(reason), "Adressen paa miljoeets side virker ikke %s", sfx);
	v = stale = version_of(id);
	ck_assert_int_eq(decide(&cw, id, v, "tilbage", reason, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	snprintf(needle, sizeof(needle), "/fse/sag?id=%lld&besked=tilbage", id);
	ck_assert_str_eq(loc, needle);
	ck_assert(state_is(id, "returned"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? "
	    "AND to_state = 'returned' AND reason LIKE 'Adressen%'", id), 1);
	ck_assert_int_eq(maildir_count(app.email, reason, 30), 1);
	snprintf(needle, sizeof(needle), "/ansoegning/trin?id=%lld", id);
	ck_assert_int_eq(maildir_count(app.email, needle, 0), 1);
	ck_assert_int_eq(get(path, &cw, &r), 200);
	ck_assert(has(&r.body, reason));	/* in the history */
	ck_assert(!has(&r.body, "value=\"godkend\""));	/* nothing to decide while returned */
	reply_free(&r);

	/* The applicant changes the URL and resubmits. */
	app_data(data, sizeof(data), unit, mgr.email, "https%3A%2F%2Fny.fsesag.dk%2Fside");
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_save(fx_db, id, version_of(id), "Retur Institut", data, &v),
	    CASES_OK);
	ck_assert_int_eq(cases_move(fx_db, id, v, CASE_SUBMITTED, CASE_SIDE_APPLICANT, app.uid, "",
	    "127.0.0.1", NULL), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);

	ck_assert_int_eq(get(path, &cw, &r), 200);
	ck_assert(has(&r.body, "Ændret siden sidste indsendelse"));
	ck_assert(has(&r.body, "<th scope=\"row\">Miljøets side på universitetets hjemmeside</th>"
	    "<td class=\"foer\" style=\"white-space: pre-line\">https://oek.fsesag.dk/miljoe</td>"
	    "<td class=\"efter\" style=\"white-space: pre-line\">https://ny.fsesag.dk/side</td>"));
	ck_assert(!has(&r.body, "<th scope=\"row\">Personaleansvarlig leder</th>"));	/* same */
	reply_free(&r);

	/* The version from before the return is stale, though the case waits for a decision again. */
	ck_assert_int_eq(decide(&cw, id, stale, "godkend", "", &r), 409);
	ck_assert(has(&r.body, "Sagen er ændret af en anden"));
	reply_free(&r);
	ck_assert(state_is(id, "submitted"));

	/* Approve: the authorisation with its number and domains, the manager is responsible. */
	ck_assert_int_eq(decide(&cw, id, version_of(id), "godkend", "", &r), 303);
	reply_free(&r);
	ck_assert(state_is(id, "approved"));
	auth = fixture_scalar_int("SELECT COALESCE(authorisation_id, 0) FROM cases WHERE id = ?",
	    id);
	ck_assert_int_gt(auth, 0);
	now = time(NULL);
	snprintf(number, sizeof(number), "UA-%d-%lld", 1900 + localtime(&now)->tm_year, id);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM authorisations WHERE number = ? AND "
	    "status = 'active'", number), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT id FROM authorisations WHERE number = "
	    "CONCAT('UA-', YEAR(NOW()), '-', ?)", id), auth);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM authorisation_domains WHERE "
	    "authorisation_id = ?", auth), 2);
	snprintf(needle, sizeof(needle), "stat-%s.dk", sfx);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM authorisation_domains WHERE domain = ?",
	    needle), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT i.university_id = (SELECT id FROM universities "
	    "WHERE code = 'ku') AND i.kind = 'institute' FROM authorisations a JOIN institutions i ON "
	    "i.id = a.institution_id WHERE a.id = ?", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), mgr.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT granted_by FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), cw.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE object_id = ? "
	    "AND action = 'authorisation.create'", auth), 1);
	ck_assert_int_eq(maildir_count(app.email, number, 30), 1);
	ck_assert_int_eq(maildir_count(app.email, "/autorisation", 0), 1);
	ck_assert_int_eq(get(path, &cw, &r), 200);
	ck_assert(has(&r.body, number));
	ck_assert(has(&r.body, "data-state=\"approved\""));
	ck_assert(has(&r.body, "id=\"ansvarlig\">Lise Leder (den personaleansvarlige leder)"));
	reply_free(&r);
}
END_TEST

/* ---- two caseworkers at once ----------------------------------------------------------------- */

START_TEST(second_approval_conflicts)
{
	struct who app, one, two;
	char unit[64], manager[128], path[128];
	struct reply r;
	unsigned v;
	long long id, auth;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&one, "foerste", "Frida Foerste", B(FSE_CASEWORKER));
	person(&two, "anden", "Anders Anden", B(FSE_HEAD));
	snprintf(manager, sizeof(manager), "ukendt.leder.%s@fsesag.dk", sfx);	/* no account */
	snprintf(unit, sizeof(unit), "Samtidig+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 3);
	v = version_of(id);	/* both opened the case at this version */

	ck_assert_int_eq(decide(&one, id, v, "godkend", "", &r), 303);
	reply_free(&r);
	ck_assert_int_eq(decide(&two, id, v, "godkend", "", &r), 409);
	ck_assert(has(&r.body, "Sagen er ændret af en anden, siden du åbnede den. Her er den, som "
	    "den er nu."));
	ck_assert(has(&r.body, "data-state=\"approved\""));
	reply_free(&r);
	ck_assert_int_eq(decide(&two, id, v, "afvis", "For sent", &r), 409);
	reply_free(&r);
	ck_assert(state_is(id, "approved"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "to_state IN ('approved', 'rejected')", id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM authorisations WHERE number LIKE "
	    "CONCAT('UA-%-', ?)", id), 1);
	auth = fixture_scalar_int("SELECT authorisation_id FROM cases WHERE id = ?", id);
	/* The manager has no account: the applicant holds the role, granted by the first. */
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT granted_by FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), one.uid);
	ck_assert_int_eq(maildir_count(app.email, "indtil videre autorisationsansvarlig", 30), 1);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", id);
	ck_assert_int_eq(get(path, &one, &r), 200);
	ck_assert(has(&r.body, "id=\"ansvarlig\">Anna Ansoeger (ansøgeren, fordi lederen ikke "
	    "havde en konto"));
	reply_free(&r);
}
END_TEST

/* ---- reasons are required -------------------------------------------------------------------- */

START_TEST(reject_needs_reason)
{
	struct who app, cw;
	char unit[64], manager[128], reason[128];
	struct reply r;
	long long id;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	snprintf(manager, sizeof(manager), "leder.%s@fsesag.dk", sfx);
	snprintf(unit, sizeof(unit), "Afvist+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 1);

	ck_assert_int_eq(decide(&cw, id, version_of(id), "afvis", "   ", &r), 422);
	ck_assert(has(&r.body, "id=\"begrundelse_afvis-error\""));
	ck_assert(has(&r.body, "Skriv begrundelsen for afslaget"));
	ck_assert(has(&r.body, "href=\"#begrundelse_afvis\""));	/* the summary links to it */
	reply_free(&r);
	ck_assert_int_eq(decide(&cw, id, version_of(id), "tilbage", "", &r), 422);
	ck_assert(has(&r.body, "id=\"begrundelse_tilbage-error\""));
	reply_free(&r);
	ck_assert(state_is(id, "submitted"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "to_state IN ('returned', 'rejected')", id), 0);

	snprintf(reason, sizeof(reason), "Ikke en kandidatuddannelse %s", sfx);
	ck_assert_int_eq(decide(&cw, id, version_of(id), "afvis", reason, &r), 303);
	reply_free(&r);
	ck_assert(state_is(id, "rejected"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COALESCE(authorisation_id, 0) FROM cases WHERE "
	    "id = ?", id), 0);
	ck_assert_int_eq(maildir_count(app.email, reason, 30), 1);
	ck_assert_int_eq(maildir_count(app.email, "afvist", 0), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fse_cases");
	TCase *tc = tcase_create("fse_cases");
	int failed;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, queue_and_case_page);
	tcase_add_test(tc, return_resubmit_approve);
	tcase_add_test(tc, second_approval_conflicts);
	tcase_add_test(tc, reject_needs_reason);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
