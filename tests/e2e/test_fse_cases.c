/*
 * The FSE side of an application for an education authorisation (issue 5), end to end through
 * nginx against the real fse program, MariaDB, the mailer and the test stack's SMTP server.
 *
 * Submitted applications are written straight into the database through lib/cases.h, as the
 * applicant's program would (how the applicant fills in the steps is test_application's
 * business); caseworkers act over HTTP with sessions minted by the fixture.
 */
#include <sys/wait.h>

#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casekind.h"
#include "cases.h"
#include "client.h"
#include "fixture.h"
#include "maildir.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

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
/* The newest authorisation when the last case was made: what an approval creates is above it
 * (the suites run one at a time, so nothing else creates one meanwhile). */
static long long auth_mark;

/* Authorisations created since the last submitted_case(). */
static long long
authorisations_made(void)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM authorisations WHERE id > ?", auth_mark);
}

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
	auth_mark = fixture_scalar_int("SELECT COALESCE(MAX(id), 0) FROM authorisations WHERE id > ?",
	    0);
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
	    vbuf, "handling", handling, "begrundelse", reason, "bekraeft", "ja", NULL);
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
	size_t i;

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

	/* The type filter offers every kind in the registry (lib/casekind.c), and filters by it. */
	ck_assert_int_eq(get("/fse/sager?type=authorisation", &cw, &r), 200);
	for (i = 0; i < ncasekinds; i++) {
		snprintf(needle, sizeof(needle), "<option value=\"%s\"", casekinds[i].type);
		ck_assert_msg(has(&r.body, needle), "the queue offers %s", casekinds[i].type);
		ck_assert(has(&r.body, casekinds[i].label));
	}
	snprintf(needle, sizeof(needle), "<a href=\"/fse/sag?id=%lld\">", older);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/sager?type=project", &cw, &r), 200);
	ck_assert(!has(&r.body, needle));	/* an application is not a proposal */
	reply_free(&r);
	/* A type that is not a kind is not offered: refused at the field, nothing listed. */
	ck_assert_int_eq(get("/fse/sager?type=ukendt", &cw, &r), 422);
	ck_assert(has(&r.body, "id=\"type-error\""));
	ck_assert(!has(&r.body, needle));
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
	ck_assert(has(&r.body, "<td data-title=\"Fra\">Kladde</td><td data-title=\"Til\">"
	    "Sendt til Forskningsservice</td>"));
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
	/* FSE's message stays in view on every step while the applicant edits (issue 11). */
	{
		char step[96];
		int k;

		for (k = 1; k <= 5; k++) {
			snprintf(step, sizeof(step), "/ansoegning/trin?id=%lld&trin=%d", id, k);
			ck_assert_int_eq(get(step, &app, &r), 200);
			ck_assert_msg(has(&r.body, "id=\"fse-besked\"") && has(&r.body, reason),
			    "step %d has no message from FSE", k);
			reply_free(&r);
		}
	}

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
	ck_assert(has(&r.body, "<th data-title=\"Felt\" scope=\"row\">Miljøets side på "
	    "universitetets hjemmeside</th><td data-title=\"Før\" class=\"foer pre-line\">"
	    "https://oek.fsesag.dk/miljoe</td><td data-title=\"Nu\" class=\"efter pre-line\">"
	    "https://ny.fsesag.dk/side</td>"));
	ck_assert(!has(&r.body, "scope=\"row\">Personaleansvarlig leder</th>"));	/* same */
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
	/* Its number counts per year from 1 (issue 11): this year's are exactly 1..N, and this
	 * one, the newest, is N, whatever the case id. */
	now = time(NULL);
	{
		char like[32];
		long long count, top;

		snprintf(like, sizeof(like), "UA-%d-%%", 1900 + localtime(&now)->tm_year);
		count = fixture_scalar("SELECT COUNT(*) FROM authorisations WHERE number LIKE ?", like);
		top = fixture_scalar("SELECT MAX(CAST(SUBSTRING_INDEX(number, '-', -1) AS UNSIGNED)) "
		    "FROM authorisations WHERE number LIKE ?", like);
		ck_assert_int_eq(top, count);
		snprintf(number, sizeof(number), "UA-%d-%lld", 1900 + localtime(&now)->tm_year, top);
	}
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM authorisations WHERE number = ? AND "
	    "status = 'active'", number), 1);
	ck_assert_int_eq(fixture_scalar("SELECT id FROM authorisations WHERE number = ?", number),
	    auth);
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
	/* The manager has an account: the role is theirs at once, so nobody is invited (R4.2). */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
	    "authorisation_id = ?", auth), 0);
	ck_assert_int_eq(maildir_count(app.email, number, 30), 1);
	ck_assert_int_eq(maildir_count(mgr.email, "/autorisation/invitation", 0), 0);
	ck_assert_int_eq(maildir_count(app.email, "en invitation til at oprette en konto", 0), 0);
	ck_assert_int_eq(maildir_count(app.email, "/autorisation", 0), 1);
	ck_assert_int_eq(get(path, &cw, &r), 200);
	ck_assert(has(&r.body, number));
	ck_assert(has(&r.body, "data-state=\"approved\""));
	ck_assert(has(&r.body, "id=\"ansvarlig\">Lise Leder (den personaleansvarlige leder)"));
	ck_assert(!has(&r.body, "id=\"leder-invitation\""));
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
	ck_assert_int_eq(authorisations_made(), 1);
	auth = fixture_scalar_int("SELECT authorisation_id FROM cases WHERE id = ?", id);
	/* The manager has no account: the applicant holds the role, granted by the first. */
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT granted_by FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), one.uid);
	ck_assert_int_eq(maildir_count(app.email, "indtil videre autorisationsansvarlig", 30), 1);
	/* One invitation to the manager, from the first approval only. The address (fsesag.dk) is
	   outside the authorisation's domains: allowed, with the reason kept (R6, R4.2). */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), 1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ? AND "
	    "override_reason LIKE 'Lederens adresse er bekræftet%'", manager), 1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'invitation.create_override' AND detail LIKE CONCAT('responsible:', ?, '%')", manager),
	    1);
	ck_assert_int_eq(maildir_count(manager, "/autorisation/invitation?token=", 30), 1);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", id);
	ck_assert_int_eq(get(path, &one, &r), 200);
	ck_assert(has(&r.body, "id=\"ansvarlig\">Anna Ansoeger (ansøgeren, fordi lederen ikke "
	    "havde en konto"));
	ck_assert(has(&r.body, "Invitation sendt til lederen"));
	reply_free(&r);
}
END_TEST

/* ---- two decisions at the very same moment (issue 5) ----------------------------------------- */

struct outcome {
	long	status;
	int	stale;		/* the body says the case was changed by someone else */
	double	sent, answered;	/* CLOCK_MONOTONIC seconds around the request */
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Two children, each with its own curl handle per request (client.c) and never the parent's
 * database connection, wait on one pipe; closing its write end releases both at once. Each posts
 * its decision with the same version and writes back its status and whether the answer carries
 * the stale message. _exit: the inherited MariaDB socket must not be closed by a child.
 */
static void
race(struct who *w[2], const char *const handling[2], const char *const reason[2], long long id,
    unsigned version, struct outcome out[2])
{
	int go[2], back[2][2], i, status;
	pid_t pid[2];

	ck_assert_int_eq(pipe(go), 0);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(pipe(back[i]), 0);
		pid[i] = fork();
		ck_assert_int_ge(pid[i], 0);
		if (pid[i] == 0) {
			struct outcome o = { 0, 0, 0, 0 };
			struct reply r;
			char c;

			close(go[1]);
			close(back[i][0]);
			if (read(go[0], &c, 1) != 0)	/* EOF is the start signal */
				_exit(2);
			o.sent = now_s();
			o.status = decide(w[i], id, version, handling[i], reason[i], &r);
			o.answered = now_s();
			o.stale = has(&r.body, "Sagen er ændret af en anden");
			reply_free(&r);
			_exit(write(back[i][1], &o, sizeof(o)) == (ssize_t)sizeof(o) ? 0 : 3);
		}
		close(back[i][1]);
	}
	close(go[0]);
	usleep(100000);	/* both children are waiting on the pipe by now */
	close(go[1]);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(read(back[i][0], &out[i], sizeof(out[i])), (ssize_t)sizeof(out[i]));
		close(back[i][0]);
		ck_assert_int_eq(waitpid(pid[i], &status, 0), pid[i]);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

/* Each request went out before the other's answer came back: the two were in flight at once. */
static int
overlapped(const struct outcome out[2])
{
	return out[0].sent < out[1].answered && out[1].sent < out[0].answered;
}

/* Exactly one decision won (303) and the other was told plainly (409, the stale message). */
static int
winner(const struct outcome out[2])
{
	int i;

	for (i = 0; i < 2; i++)
		if (out[i].status == 303 && out[1 - i].status == 409 && out[1 - i].stale)
			return i;
	ck_abort_msg("expected one 303 and one 409 with the message, got %ld (%d) and %ld (%d)",
	    out[0].status, out[0].stale, out[1].status, out[1].stale);
	return -1;
}

START_TEST(simultaneous_approvals)
{
	static const char *const approve[2] = { "godkend", "godkend" }, *const none[2] = { "", "" };
	static const char *const mixed[2] = { "godkend", "afvis" };
	static const char *const why[2] = { "", "Samtidigt afslag" };
	struct who app, one, two, *both[2] = { &one, &two };
	struct outcome out[2];
	char unit[64], manager[128];
	long long id, auth;
	int round, won, raced = 0;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&one, "foerste", "Frida Foerste", B(FSE_CASEWORKER));
	person(&two, "anden", "Anders Anden", B(FSE_CASEWORKER));

	/* Five cases, so that one lucky ordering cannot pass the test. */
	for (round = 0; round < 5; round++) {
		snprintf(manager, sizeof(manager), "kap%d.leder.%s@fsesag.dk", round, sfx);
		snprintf(unit, sizeof(unit), "Kaploeb+%d+Institut+%s", round, sfx);
		id = submitted_case(&app, unit, manager, 1);
		race(both, approve, none, id, version_of(id), out);
		raced += overlapped(out);
		won = winner(out);
		ck_assert(state_is(id, "approved"));
		ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? "
		    "AND to_state = 'approved'", id), 1);
		ck_assert_int_eq(authorisations_made(), 1);
		auth = fixture_scalar_int("SELECT authorisation_id FROM cases WHERE id = ?", id);
		ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
		    "authorisation_id = ? AND role = 'responsible'", auth), 1);
		ck_assert_int_eq(fixture_scalar_int("SELECT granted_by FROM role_assignments WHERE "
		    "authorisation_id = ? AND role = 'responsible'", auth), both[won]->uid);
		ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
		    "authorisation_id = ?", auth), 1);
		ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
		    "'authorisation.create' AND object_id = ?", auth), 1);
	}

	/* Approve against reject: one of them, never both, and nothing half-done by the loser. */
	snprintf(manager, sizeof(manager), "blandet.leder.%s@fsesag.dk", sfx);
	snprintf(unit, sizeof(unit), "Blandet+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 1);
	race(both, mixed, why, id, version_of(id), out);
	raced += overlapped(out);
	won = winner(out);
	ck_assert(state_is(id, won == 0 ? "approved" : "rejected"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "to_state IN ('approved', 'rejected')", id), 1);
	ck_assert_int_eq(authorisations_made(), won == 0 ? 1 : 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", manager),
	    won == 0 ? 1 : 0);
	/* On a busy machine a child may now and then wake late, and that round is then only the
	   sequential case (still asserted above); most rounds must really race. */
	ck_assert_msg(raced >= 3, "only %d of 6 races had both requests in flight at once", raced);
}
END_TEST

/* ---- the manager without an account takes the role over (R4.2) ------------------------------ */

static const char PASSWORD[] = "tre grønne heste på taget";

/* Registers over HTTP and follows the mailed verification link, as a new user would. */
static void
register_account(const char *name, const char *email)
{
	struct jar jar = { "", "" };
	char csrf[64], token[64], path[256];
	struct reply r;

	client_csrf("/konto/opret", &jar, csrf, sizeof(csrf));
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", name, "email", email,
	    "adgangskode", PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	ck_assert_int_gt(maildir_find_token(email, "/konto/bekraeft", 1, 30, token, sizeof(token)),
	    0);
	snprintf(path, sizeof(path), "/konto/bekraeft?token=%s", token);
	client_csrf(path, &jar, csrf, sizeof(csrf));
	client_post_form("/konto/bekraeft", &jar, &r, "csrf", csrf, "token", token, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
}

START_TEST(manager_invited_takes_over)
{
	struct who app, cw;
	struct jar mjar = { "", "" };
	char unit[64], manager[128], path[256], token[64], csrf[64], case_path[128];
	struct reply r;
	long long id, auth, mgr;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	/* Inside the authorisation's domains (oek-<sfx>.dk): an ordinary invitation, no override. */
	snprintf(manager, sizeof(manager), "lise.leder@oek-%s.dk", sfx);
	snprintf(unit, sizeof(unit), "Overdrag+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 1);

	ck_assert_int_eq(decide(&cw, id, version_of(id), "godkend", "", &r), 303);
	reply_free(&r);
	auth = fixture_scalar_int("SELECT authorisation_id FROM cases WHERE id = ?", id);
	ck_assert_int_gt(auth, 0);
	/* Meanwhile the applicant is responsible, and the manager is invited to the role. */
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND accepted_at IS NULL AND override_reason "
	    "= '' AND expires_at > NOW(6) + INTERVAL 6 DAY", auth), 1);
	ck_assert_int_eq(fixture_scalar("SELECT invited_by FROM invitations WHERE email = ?",
	    manager), cw.uid);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'invitation.create' AND detail = CONCAT('responsible:', ?)", manager), 1);
	/* The manager's mail says what it is and how long it works; the applicant's says so too. */
	ck_assert_int_gt(maildir_find_token(manager, "/autorisation/invitation", 1, 30, token,
	    sizeof(token)), 0);
	ck_assert_int_eq(maildir_count(manager, "angivet som den personaleansvarlige leder", 0), 1);
	ck_assert_int_eq(maildir_count(manager, "Linket virker i 7 dage", 0), 1);
	ck_assert_int_eq(maildir_count(manager, "Opret en konto med denne e-mailadresse", 0), 1);
	ck_assert_int_eq(maildir_count(app.email, "indtil videre autorisationsansvarlig", 30), 1);
	ck_assert_int_eq(maildir_count(app.email, "en invitation til at oprette en konto og overtage "
	    "rollen", 0), 1);
	snprintf(case_path, sizeof(case_path), "/fse/sag?id=%lld", id);
	ck_assert_int_eq(get(case_path, &cw, &r), 200);
	ck_assert(has(&r.body, "id=\"leder-invitation\">Invitation sendt til lederen"));
	ck_assert(has(&r.body, manager));
	reply_free(&r);

	/* The manager creates an account, logs in and opens the link: what taking it means. */
	register_account("Lise Leder", manager);
	mgr = fixture_scalar("SELECT id FROM users WHERE email = ?", manager);
	ck_assert_int_gt(mgr, 0);
	ck_assert_int_eq(client_login(&mjar, manager, PASSWORD, NULL, 0), 303);
	snprintf(path, sizeof(path), "/autorisation/invitation?token=%s", token);
	client_get(path, &mjar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "ansøgerens midlertidige rolle som autorisationsansvarlig ophører"));
	ck_assert_int_eq(html_input_value(&r.body, "csrf", csrf, sizeof(csrf)), 0);
	reply_free(&r);
	client_post_form("/autorisation/invitation", &mjar, &r, "csrf", csrf, "token", token, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);

	/* One transaction: the manager holds the role, the applicant's interim role is revoked. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), mgr);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NOT NULL AND "
	    "revoke_reason = 'Overdraget til den personaleansvarlige leder'", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NOT NULL", auth),
	    app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT revoked_by FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NOT NULL", auth), mgr);
	/* R34: both audited. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE object_id = ? "
	    "AND action = 'role.grant' AND subject_id = actor_id AND detail LIKE 'responsible%'",
	    auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT subject_id FROM audit_events WHERE object_id = ? "
	    "AND action = 'role.revoke' AND detail = 'responsible: Overdraget til den "
	    "personaleansvarlige leder'", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT actor_id FROM audit_events WHERE object_id = ? "
	    "AND action = 'role.revoke'", auth), mgr);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
	    "authorisation_id = ? AND accepted_by IS NOT NULL", auth), 1);
	/* FSE's case page says who holds the role now. */
	ck_assert_int_eq(get(case_path, &cw, &r), 200);
	ck_assert(has(&r.body, "id=\"ansvarlig\">Lise Leder (den personaleansvarlige leder)"));
	ck_assert(has(&r.body, "og har overtaget rollen fra ansøgeren"));
	reply_free(&r);
	/* R32: the applicant is told who holds the role now, and that their cases stay theirs. */
	ck_assert_int_eq(maildir_count(app.email, "har taget imod rollen som autorisationsansvarlig",
	    30), 1);
	ck_assert_int_eq(maildir_count(app.email, "Du kan stadig se dine sager", 0), 1);
	/* Single use: the link cannot hand the role over twice. (The manager now holds a role that
	   needs the second factor, so the answer may be the way to enrolment; never accepted.) */
	client_post_form("/autorisation/invitation", &mjar, &r, "csrf", csrf, "token", token, NULL);
	reply_done(&r, path, sizeof(path));
	ck_assert_msg(strstr(path, "accepteret") == NULL, "accepted twice: %s", path);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible'", auth), 2);
}
END_TEST

/* ---- reasons are required -------------------------------------------------------------------- */

/* "Godkend" asks first (issue 11): the page says what the approval creates, and nothing happens
 * until "Ja, godkend". */
START_TEST(approval_asks_first)
{
	struct who app, cw;
	char unit[64], manager[128], idbuf[32], vbuf[32];
	struct reply r;
	long long id;
	unsigned v;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	snprintf(manager, sizeof(manager), "spurgt.leder.%s@fsesag.dk", sfx);
	snprintf(unit, sizeof(unit), "Spurgt+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 1);
	v = version_of(id);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(vbuf, sizeof(vbuf), "%u", v);
	client_post_form("/fse/sag/afgoer", &cw.jar, &r, "csrf", cw.csrf, "id", idbuf, "version",
	    vbuf, "handling", "godkend", "begrundelse", "", NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Det sker, når du godkender"));
	ck_assert(has(&r.body, "med det næste nummer i årets række, UA-"));
	ck_assert(has(&r.body, "har ingen konto endnu"));	/* who gets the responsible role */
	ck_assert(has(&r.body, "name=\"bekraeft\" value=\"ja\""));
	reply_free(&r);
	ck_assert(state_is(id, "submitted"));
	ck_assert_int_eq(authorisations_made(), 0);
	ck_assert_int_eq(decide(&cw, id, v, "godkend", "", &r), 303);
	reply_free(&r);
	ck_assert(state_is(id, "approved"));
	ck_assert_int_eq(authorisations_made(), 1);
}
END_TEST

/* The applicant who is the manager (the same address) is the responsible, as the manager, and
 * the case page says so, not that the manager had no account (issue 11). */
START_TEST(applicant_who_is_the_manager)
{
	struct who app, cw;
	char unit[64], path[64];
	struct reply r;
	long long id, auth;

	person(&app, "leder-selv", "Lise Lederselv", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	snprintf(unit, sizeof(unit), "Lederens+Institut+%s", sfx);
	id = submitted_case(&app, unit, app.email, 1);
	ck_assert_int_eq(decide(&cw, id, version_of(id), "godkend", "", &r), 303);
	reply_free(&r);
	auth = fixture_scalar_int("SELECT authorisation_id FROM cases WHERE id = ?", id);
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE "
	    "authorisation_id = ?", auth), 0);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", id);
	client_get(path, &cw.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Lise Lederselv (den personaleansvarlige leder)"));
	ck_assert(!has(&r.body, "fordi lederen ikke havde en konto"));
	reply_free(&r);
}
END_TEST

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

/* ---- the applicant changes their mind ---------------------------------------------------------- */

START_TEST(applicant_withdraws)
{
	struct who app, other, cw;
	char unit[64], manager[128], path[128], loc[256], v[16], reason[96], needle[64];
	struct reply r;
	long long id;

	person(&app, "ansoeger", "Anna Ansoeger", 0);
	person(&other, "anden", "Anders Anden", 0);
	person(&cw, "sagsbeh", "Sif Sagsbehandler", B(FSE_CASEWORKER));
	snprintf(manager, sizeof(manager), "leder.%s@fsesag.dk", sfx);
	snprintf(unit, sizeof(unit), "Fortrudt+Institut+%s", sfx);
	id = submitted_case(&app, unit, manager, 1);
	snprintf(path, sizeof(path), "/ansoegning/traek-tilbage?id=%lld", id);

	/* Only the applicant: another person gets 404, as if it did not exist. */
	ck_assert_int_eq(get(path, &other, &r), 404);
	reply_free(&r);
	ck_assert_int_eq(get(path, &app, &r), 200);
	ck_assert(has(&r.body, "Forskningsservice får besked"));
	ck_assert_int_eq(html_input_value(&r.body, "version", v, sizeof(v)), 0);
	reply_free(&r);
	snprintf(needle, sizeof(needle), "%lld", id);
	client_post_form("/ansoegning/traek-tilbage", &other.jar, &r, "csrf", other.csrf, "id",
	    needle, "version", v, NULL);
	ck_assert_int_eq(r.status, 404);
	reply_free(&r);
	ck_assert(state_is(id, "submitted"));

	snprintf(reason, sizeof(reason), "Vi venter til naeste semester %s", sfx);
	client_post_form("/ansoegning/traek-tilbage", &app.jar, &r, "csrf", app.csrf, "id", needle,
	    "version", v, "begrundelse", reason, NULL);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/ansoegning?besked=trukket");
	ck_assert(state_is(id, "withdrawn"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "to_state = 'withdrawn' AND reason LIKE 'Vi venter%'", id), 1);
	/* FSE is told (R5's mailbox), and the case leaves the queue. */
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, reason, 30), 1);
	ck_assert_int_eq(get("/fse/sager", &cw, &r), 200);
	snprintf(loc, sizeof(loc), "<a href=\"/fse/sag?id=%lld\">", id);
	ck_assert(!has(&r.body, loc));
	reply_free(&r);

	/* Once withdrawn, twice is nothing: back to Mine sager, still withdrawn, one event. */
	client_post_form("/ansoegning/traek-tilbage", &app.jar, &r, "csrf", app.csrf, "id", needle,
	    "version", v, NULL);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/ansoegning");
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "to_state = 'withdrawn'", id), 1);
	ck_assert_int_eq(get(path, &app, &r), 303);	/* nothing left to withdraw */
	reply_free(&r);
	ck_assert_int_eq(get("/ansoegning", &app, &r), 200);
	ck_assert(has(&r.body, "Trukket tilbage"));
	reply_free(&r);
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
	tcase_add_test(tc, simultaneous_approvals);
	tcase_add_test(tc, manager_invited_takes_over);
	tcase_add_test(tc, reject_needs_reason);
	tcase_add_test(tc, applicant_who_is_the_manager);
	tcase_add_test(tc, approval_asks_first);
	tcase_add_test(tc, applicant_withdraws);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
