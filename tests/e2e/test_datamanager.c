/*
 * A datamanager's own user access end to end over HTTP through nginx (issue 14; R11: an
 * administrator who is also datamanager may get user access, to form populations for the
 * projects; R10, R14, R15, R24). The responsible asks FSE on /autorisation/datamanager; FSE
 * approves the person as a user in its queue; the person accepts the user agreement; FSE records
 * the certification course; only then is the access active, and the user fee is charged once
 * (R24: a special-role holder pays when they use data themselves). Refused: a datamanager who is
 * not also an administrator, a second request, a bad FSE user id (at its field, the input kept,
 * nothing written), and everyone but the responsible; an administrator suspends the access for
 * a breach (it is not active, FSE and the person are told) and lifts it (active again, no second
 * fee); a revoked role makes it wait; the responsible ends it.
 *
 * The database is shared and the suite may run again on a used stack: every address is new per
 * run, and a student-user rate for today is added only when there is none (and removed again).
 */
#include <check.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../check_run.h"
#include "client.h"
#include "clock.h"
#include "fixture.h"
#include "fixture_student.h"
#include "maildir.h"
#include "policy.h"

#define B(r)		ROLE_BIT(ROLE_##r)
#define DM_NAME		"Dagmar Datamanager"

static long long auth, agreement, own_rate, rate_ore;
static char domain[64], tag[32], today[CLOCK_DATE_LEN];
static struct who responsible, admin, dm, dm_only, supervisor, fse, outsider;
static int serial;

static void
person(struct who *w, const char *local, const char *name, unsigned roles, long long on)
{
	snprintf(w->email, sizeof(w->email), "%s.%s.%d@%s", local, tag, ++serial, domain);
	w->uid = fixture_user(w->email, name);
	if (roles)
		fixture_grant(w->uid, roles, on);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static void
setup(void)
{
	char name[128], number[64];
	struct db_result res;

	fixture_open();
	clock_today(today);
	snprintf(tag, sizeof(tag), "%ld", (long)getpid());
	snprintf(domain, sizeof(domain), "dm%s.ku.dk", tag);
	snprintf(name, sizeof(name), "Datainstitut %s", tag);
	snprintf(number, sizeof(number), "DM-%s", tag);
	auth = fixture_authorisation(name, number, domain);
	person(&responsible, "ansvarlig", "Rasmus Ansvarlig", B(RESPONSIBLE), auth);
	person(&admin, "administrator", "Anna Administrator", B(ADMINISTRATOR), auth);
	person(&dm, "datamanager", DM_NAME, B(ADMINISTRATOR) | B(DATAMANAGER), auth);
	person(&dm_only, "kun-datamanager", "Kim Kundatamanager", B(DATAMANAGER), auth);
	person(&supervisor, "vejleder", "Vera Vejleder", B(SUPERVISOR), auth);
	person(&fse, "sagsbehandler", "Frida Forskningsservice", B(FSE_CASEWORKER), 0);
	person(&outsider, "uden-rolle", "Ulla Udenrolle", 0, 0);
	agreement = fixture_agreement(supervisor.uid);
	/* R24, R29: the user fee's rate of the day. */
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT amount_ore FROM rates WHERE kind = "
	    "'student_user' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY "
	    "valid_from DESC LIMIT 1", "ss", today, today), DB_OK);
	own_rate = 0;
	if (res.nrows)
		rate_ore = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (rate_ore == 0) {
		rate_ore = 98700;
		ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO rates (kind, amount_ore, "
		    "valid_from, valid_to, note) VALUES ('student_user', ?, ?, ?, 'e2e datamanager')",
		    "iss", rate_ore, today, today), DB_OK);
		own_rate = (long long)res.insert_id;
		db_result_free(&res);
	}
}

static void
teardown(void)
{
	if (own_rate)
		ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE id = ?", "i",
		    own_rate), DB_OK);
	fixture_close();
}

static long
page(struct who *w, struct reply *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/autorisation/datamanager?id=%lld", auth);
	client_get(path, &w->jar, r);
	return r->status;
}

/* POST to /autorisation/datamanager/<what> as w about person uid; extra: name, value pairs. */
static long
act(struct who *w, const char *what, long long uid, struct reply *r, ...)
{
	const char *k[8], *v[8];
	char path[96], a[32], u[32];
	va_list ap;
	int n = 0;

	va_start(ap, r);
	while (n < 8 && (k[n] = va_arg(ap, const char *)) != NULL)
		v[n] = va_arg(ap, const char *), n++;
	va_end(ap);
	for (; n < 8; n++)
		k[n] = v[n] = NULL;
	snprintf(path, sizeof(path), "/autorisation/datamanager/%s", what);
	snprintf(a, sizeof(a), "%lld", auth);
	snprintf(u, sizeof(u), "%lld", uid);
	client_post_form(path, &w->jar, r, "csrf", w->csrf, "id", a, "bruger", u, "engangsnoegle",
	    client_new_key(), k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], NULL);
	return r->status;
}

static long long
requests_of(long long uid)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM datamanager_access WHERE user_id = ?", uid);
}

static long long
live_of(long long uid, const char *column)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT COALESCE(MAX(%s), 0) FROM datamanager_access WHERE user_id "
	    "= ? AND ended_at IS NULL", column);
	return fixture_scalar_int(q, uid);
}

static long long
fees_of(long long case_id)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ? AND kind = "
	    "'datamanager_user'", case_id);
}

/* FSE decides the request (handling "godkend" with the id, or "tilbage"/"afvis" with a reason). */
static long
decide(long long case_id, const char *handling, const char *fse_id, const char *reason,
    struct reply *r)
{
	char c[32], v[32];

	snprintf(c, sizeof(c), "%lld", case_id);
	snprintf(v, sizeof(v), "%lld", fixture_scalar_int("SELECT version FROM cases WHERE id = ?",
	    case_id));
	client_post_form("/fse/sag/afgoer", &fse.jar, r, "csrf", fse.csrf, "id", c, "version", v,
	    "handling", handling, "fse_bruger_id", fse_id ? fse_id : "", "begrundelse",
	    reason ? reason : "", "bekraeft", "ja", NULL);
	return r->status;
}

static int
active(long long uid)
{
	struct reply r;
	char needle[64];
	int yes;

	ck_assert_int_eq(page(&responsible, &r), 200);
	snprintf(needle, sizeof(needle), "id=\"status-%lld\"><strong>Adgangen er aktiv.", uid);
	yes = has(&r.body, needle);
	reply_free(&r);
	return yes;
}

/* R11: only an administrator who is also datamanager; the refusal writes nothing. */
START_TEST(only_an_administrator_who_is_datamanager)
{
	struct reply r;
	char needle[64];

	ck_assert_int_eq(page(&responsible, &r), 200);
	ck_assert(has(&r.body, "Kim Kundatamanager"));
	ck_assert(has(&r.body, "Datamanager (ikke administrator)"));
	snprintf(needle, sizeof(needle), "name=\"bruger\" value=\"%lld\"", dm_only.uid);
	ck_assert(!has(&r.body, needle));	/* no request form for them */
	snprintf(needle, sizeof(needle), "name=\"bruger\" value=\"%lld\"", dm.uid);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "anmod", dm_only.uid, &r, "har_id", "nej", NULL), 409);
	ck_assert(has(&r.body, "både er administrator og datamanager"));
	reply_free(&r);
	ck_assert_int_eq(requests_of(dm_only.uid), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE type = "
	    "'datamanager_user' AND authorisation_id = ? AND title = 'Kim Kundatamanager'", auth), 0);
}
END_TEST

/* R9, R11: the responsible asks; nobody else on the authorisation, and outsiders see nothing. */
START_TEST(who_may_ask_and_see)
{
	struct reply r;

	ck_assert_int_eq(act(&admin, "anmod", dm.uid, &r, "har_id", "nej", NULL), 403);
	reply_free(&r);
	ck_assert_int_eq(act(&dm, "anmod", dm.uid, &r, "har_id", "nej", NULL), 403);
	reply_free(&r);
	ck_assert_int_eq(act(&supervisor, "anmod", dm.uid, &r, "har_id", "nej", NULL), 403);
	reply_free(&r);
	ck_assert_int_eq(act(&outsider, "anmod", dm.uid, &r, "har_id", "nej", NULL), 404);
	reply_free(&r);
	ck_assert_int_eq(requests_of(dm.uid), 0);
	/* Who the datamanagers are is not a supervisor's to know (404), nor an outsider's. */
	ck_assert_int_eq(page(&supervisor, &r), 404);
	reply_free(&r);
	ck_assert_int_eq(page(&outsider, &r), 404);
	reply_free(&r);
	ck_assert_int_eq(page(&admin, &r), 200);
	ck_assert(has(&r.body, DM_NAME));
	ck_assert(!has(&r.body, "/autorisation/datamanager/anmod"));	/* not theirs to ask */
	reply_free(&r);
	ck_assert_int_eq(page(&fse, &r), 200);
	reply_free(&r);
}
END_TEST

/* A bad FSE user id: the message at its field, what was typed kept, nothing written. */
START_TEST(bad_fse_id_at_its_field)
{
	struct reply r;
	char needle[96];

	ck_assert_int_eq(act(&responsible, "anmod", dm.uid, &r, "har_id", "ja", "fse_bruger_id",
	    "", NULL), 422);
	snprintf(needle, sizeof(needle), "id=\"fse_bruger_id-%lld-error\"", dm.uid);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "Skriv personens FSE-bruger-id"));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "anmod", dm.uid, &r, "har_id", "ja", "fse_bruger_id",
	    "ikke et id", NULL), 422);
	ck_assert(has(&r.body, "Det er ikke et FSE-bruger-id"));
	ck_assert(has(&r.body, "value=\"ikke et id\""));	/* kept */
	ck_assert(has(&r.body, "value=\"ja\" checked"));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "anmod", dm.uid, &r, NULL), 422);
	snprintf(needle, sizeof(needle), "id=\"har_id-%lld-error\"", dm.uid);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	ck_assert_int_eq(requests_of(dm.uid), 0);
}
END_TEST

/*
 * The whole way: asked, approved by FSE, the agreement, the course; active only at the end,
 * one fee; suspended (not active, told), lifted (active, still one fee); a revoked role makes
 * it wait; ended by the responsible, and it can be asked for again.
 */
START_TEST(from_request_to_end)
{
	char fse_id[16], needle[160], v[32], breach[128];
	long long case_id;
	struct reply r;

	/* Asked: a case at FSE, FSE's mailbox told; a second request refused. */
	ck_assert_int_eq(act(&responsible, "anmod", dm.uid, &r, "har_id", "nej", NULL), 303);
	reply_free(&r);
	case_id = live_of(dm.uid, "case_id");
	ck_assert_int_gt(case_id, 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT state = 'submitted' AND type = "
	    "'datamanager_user' FROM cases WHERE id = ?", case_id), 1);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, dm.email, 30), 1);
	ck_assert_int_eq(act(&responsible, "anmod", dm.uid, &r, "har_id", "nej", NULL), 409);
	ck_assert(has(&r.body, "anmodningen ligger hos Forskningsservice"));
	reply_free(&r);
	ck_assert_int_eq(requests_of(dm.uid), 1);
	ck_assert(!active(dm.uid));
	/* Mine sager's link to the request lands on the person (lib/casekind.c). */
	ck_assert_int_eq(page(&responsible, &r), 200);
	snprintf(needle, sizeof(needle), "id=\"sag-%lld\"", case_id);
	ck_assert(has(&r.body, needle));
	reply_free(&r);

	/* FSE approves with the id it assigns: not active yet (agreement, course). */
	snprintf(fse_id, sizeof(fse_id), "DMX%05ld", (long)getpid() % 100000);
	ck_assert_int_eq(decide(case_id, "godkend", fse_id, NULL, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT fse_id IS NOT NULL FROM datamanager_access "
	    "WHERE case_id = ?", case_id), 1);
	ck_assert(!active(dm.uid));
	ck_assert_int_eq(fees_of(case_id), 0);
	ck_assert_int_eq(page(&dm, &r), 200);
	ck_assert(has(&r.body, "Din adgang er ikke aktiv."));
	ck_assert(has(&r.body, "Endnu ikke:</strong> Du har accepteret brugeraftalen"));
	ck_assert(has(&r.body, "Jeg accepterer brugeraftalen"));
	reply_free(&r);

	/* The agreement (R15): still waiting for the course (R14). */
	snprintf(v, sizeof(v), "%lld", agreement);
	ck_assert_int_eq(act(&dm, "brugeraftale", dm.uid, &r, "version", v, NULL), 303);
	reply_free(&r);
	ck_assert(!active(dm.uid));
	ck_assert_int_eq(fees_of(case_id), 0);

	/* The course recorded by FSE: active now, one fee at the day's rate (R24), told. */
	client_post_form("/fse/certificering", &fse.jar, &r, "csrf", fse.csrf, "engangsnoegle",
	    client_new_key(), "email", dm.email, "navn", DM_NAME, "bestaaet", today, "gyldig_til",
	    "", NULL);
	ck_assert_int_eq(r.status, 303);
	reply_free(&r);
	ck_assert(active(dm.uid));
	ck_assert_int_eq(fees_of(case_id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT amount_ore FROM case_fees WHERE case_id = ? "
	    "AND kind = 'datamanager_user'", case_id), rate_ore);
	ck_assert_int_eq(maildir_count(dm.email, "Din brugeradgang til data som datamanager er aktiv",
	    30), 1);
	snprintf(needle, sizeof(needle), "/projekt?id=%lld", auth);
	client_get(needle, &responsible.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Brugergebyr for datamanager"));
	ck_assert(has(&r.body, DM_NAME));
	reply_free(&r);

	/* R11: suspended for a breach; the reason is required at its field. */
	ck_assert_int_eq(act(&admin, "suspender", dm.uid, &r, "begrundelse", " ", NULL), 422);
	snprintf(needle, sizeof(needle), "id=\"begrundelse-%lld-error\"", dm.uid);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "suspender", dm.uid, &r, "begrundelse", "Brud", NULL),
	    403);
	reply_free(&r);
	snprintf(breach, sizeof(breach), "Mikrodata delt med en kollega uden adgang (%s)", tag);
	ck_assert_int_eq(act(&admin, "suspender", dm.uid, &r, "begrundelse", breach, NULL), 303);
	reply_free(&r);
	ck_assert(!active(dm.uid));
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, breach, 30), 1);
	ck_assert_int_eq(maildir_count(dm.email, breach, 30), 1);
	ck_assert_int_eq(act(&admin, "suspender", dm.uid, &r, "begrundelse", "Igen", NULL), 409);
	reply_free(&r);

	/* Lifted: active again, and no second fee (R24). */
	ck_assert_int_eq(act(&admin, "ophaev", dm.uid, &r, "begrundelse", "Afklaret med personen",
	    NULL), 303);
	reply_free(&r);
	ck_assert(active(dm.uid));
	ck_assert_int_eq(fees_of(case_id), 1);

	/* R11: without the datamanager role it waits, and says for what. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE role_assignments SET revoked_at = NOW(6) "
	    "WHERE user_id = ? AND role = 'datamanager' AND revoked_at IS NULL", "i", dm.uid), DB_OK);
	ck_assert(!active(dm.uid));
	ck_assert_int_eq(page(&responsible, &r), 200);
	ck_assert(has(&r.body, "Endnu ikke:</strong> Personen er både administrator og "
	    "datamanager"));
	reply_free(&r);
	fixture_grant(dm.uid, B(DATAMANAGER), auth);
	ck_assert(active(dm.uid));

	/* Ended by the responsible, with a reason; then it can be asked for again. */
	ck_assert_int_eq(act(&responsible, "afslut", dm.uid, &r, "begrundelse", "", NULL), 422);
	snprintf(needle, sizeof(needle), "id=\"afslut-%lld-error\"", dm.uid);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "afslut", dm.uid, &r, "begrundelse",
	    "Ikke længere datamanager", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(live_of(dm.uid, "id"), 0);
	ck_assert_int_eq(page(&responsible, &r), 200);
	ck_assert(has(&r.body, "Ikke længere datamanager"));
	snprintf(needle, sizeof(needle), "name=\"bruger\" value=\"%lld\"", dm.uid);
	ck_assert(has(&r.body, needle));	/* the request form again */
	/* Every step, with who took it (issue 14: "when each happened and who did it"). */
	ck_assert(has(&r.body, "Brugeradgang anmodet hos Forskningsservice (Rasmus Ansvarlig)"));
	snprintf(needle, sizeof(needle), "Godkendt som bruger af Forskningsservice med "
	    "FSE-bruger-id %s (Frida Forskningsservice)", fse_id);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "Brugeraftalen accepteret"));
	ck_assert(has(&r.body, "Brugeradgangen blev aktiv (Portalen)"));
	ck_assert(has(&r.body, "Adgangen suspenderet for brud på sikkerhedsreglerne (Anna "
	    "Administrator)"));
	ck_assert(has(&r.body, "Suspenderingen ophævet (Anna Administrator): Afklaret med "
	    "personen"));
	ck_assert(has(&r.body, "Brugeradgangen afsluttet (Rasmus Ansvarlig): Ikke længere "
	    "datamanager"));
	reply_free(&r);
	ck_assert_int_eq(fees_of(case_id), 1);
}
END_TEST

/* FSE sends the request back: the reason on the page, corrected and sent again (one case). */
START_TEST(returned_and_sent_again)
{
	struct who again;
	long long case_id;
	struct reply r;

	person(&again, "datamanager-igen", "Dorte Datamanager", B(ADMINISTRATOR) | B(DATAMANAGER),
	    auth);
	ck_assert_int_eq(act(&responsible, "anmod", again.uid, &r, "har_id", "nej", NULL), 303);
	reply_free(&r);
	case_id = live_of(again.uid, "case_id");
	ck_assert_int_eq(decide(case_id, "tilbage", NULL, "Personen har et id i forvejen", &r), 303);
	reply_free(&r);
	ck_assert_int_eq(page(&responsible, &r), 200);
	ck_assert(has(&r.body, "Personen har et id i forvejen"));
	reply_free(&r);
	ck_assert_int_eq(act(&responsible, "anmod", again.uid, &r, "har_id", "ja",
	    "fse_bruger_id", "DMY123", NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(requests_of(again.uid), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT state = 'submitted' FROM cases WHERE id = ?",
	    case_id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT LOCATE('DMY123', data) > 0 FROM cases WHERE "
	    "id = ?", case_id), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("datamanager");
	TCase *tc = tcase_create("access");
	int failed;

	/* The programs' day is the Danish one (lib/clock.h); so is the suite's. */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	/* One set of people for the suite: the steps build on each other, in this order. */
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, only_an_administrator_who_is_datamanager);
	tcase_add_test(tc, who_may_ask_and_see);
	tcase_add_test(tc, bad_fse_id_at_its_field);
	tcase_add_test(tc, from_request_to_end);
	tcase_add_test(tc, returned_and_sent_again);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
