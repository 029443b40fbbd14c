/*
 * The applicant's side of an application for an education authorisation, end to end through
 * nginx (issue 5; R1, R3, R4, R6, R17, R32): start one, the per-field refusals with the input
 * kept and nothing saved, drafts that survive a new session, a stale version refused without
 * overwriting (409), another person's application hidden (404), and "Mine sager".
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casefsm.h"
#include "client.h"
#include "fixture.h"

#include "../check_run.h"

struct who {
	long long	uid;
	struct jar	jar;
	char		csrf[SESSION_TOKEN_CHARS + 1];
};

static char sfx[16];

static void
as(struct who *w, long long uid)
{
	w->uid = uid;
	fixture_session(uid, &w->jar, w->csrf);
}

static long long
new_user(const char *local, const char *name)
{
	char email[128];

	snprintf(email, sizeof(email), "%s.%s@econ.ansoeg.dk", local, sfx);
	return fixture_user(email, name);
}

/* The case's data and version as stored. */
static unsigned
stored(long long id, char *data, size_t n)
{
	struct db_result res;
	unsigned v;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT data, version FROM cases WHERE id = ?", "i",
	    id), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(data, n, "%s", db_cell(&res, 0, 0));
	v = (unsigned)db_cell_int(&res, 0, 1, 0);
	db_result_free(&res);
	return v;
}

/* Starts an application as w; its id. */
static long long
start(struct who *w)
{
	char location[256], *p;
	struct reply r;
	long long id;

	client_post_form("/ansoegning/ny", &w->jar, &r, "csrf", w->csrf, NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	p = strstr(location, "/ansoegning/trin?id=");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(location, "trin=1"));
	id = atoll(p + strlen("/ansoegning/trin?id="));
	ck_assert_int_gt(id, 0);
	return id;
}

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 1000);
}

START_TEST(steps_drafts_and_owner)
{
	char data[8192], idbuf[32], path[128], location[256], value[256];
	struct who a, a2, b;
	struct reply r;
	long long id;
	int k;

	as(&a, new_user("ansoeger", "Anne Ansøger"));
	as(&b, new_user("fremmed", "Frede Fremmed"));
	id = start(&a);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	ck_assert_int_eq(fixture_scalar_int("SELECT created_by FROM cases WHERE id = ?", id), a.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'draft' AND type = 'authorisation'", id), 1);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 1);

	/* Step 1 shows the eight universities, the other path (R3), and the version seen. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=1", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "IT-Universitetet i København"));
	ck_assert(has(&r.body, "value=\"anden\""));
	ck_assert(has(&r.body, "aria-current=\"step\""));
	ck_assert_int_eq(html_input_value(&r.body, "version", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "1");
	reply_free(&r);

	/* R1: a programme whose thesis is 15 ECTS is refused, next to its field, input kept. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "1", "handling", "videre", "universitet", "ku", "enhed", "Økonomisk Institut",
	    "udd_navn_1", "Cand.polit.", "udd_ects_1", "15", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "kun for kandidatuddannelser, der afsluttes med et speciale"));
	ck_assert(has(&r.body, "id=\"udd_ects_1-error\""));
	ck_assert(has(&r.body, "href=\"#udd_ects_1\""));
	ck_assert(has(&r.body, "value=\"15\""));
	ck_assert(has(&r.body, "value=\"Cand.polit.\""));
	ck_assert(has(&r.body, "value=\"ku\" selected"));
	reply_free(&r);
	/* A draft may not hold it either: it is wrong, not unfinished. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "1", "handling", "gem", "udd_navn_1", "Cand.polit.", "udd_ects_1", "0", NULL);
	ck_assert_int_eq(r.status, 422);
	reply_free(&r);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 1);
	ck_assert_str_eq(data, "");

	/* A valid step 1: saved, on to step 2. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "1", "handling", "videre", "universitet", "ku", "enhed", "Økonomisk Institut",
	    "udd_navn_1", "Cand.polit.", "udd_ects_1", "45", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=2"));
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 2);
	ck_assert_ptr_nonnull(strstr(data, "udd_ects_1=45"));
	ck_assert_ptr_nonnull(strstr(data, "universitet=ku"));
	ck_assert_int_eq(fixture_scalar_int("SELECT title = 'Økonomisk Institut' FROM cases WHERE "
	    "id = ?", id), 1);

	/* R4.3: two experienced persons are not enough to go on... */
	for (k = 0; k < 2; k++) {
		const char *handling = k == 0 ? "videre" : "gem";

		client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf,
		    "trin", "2", "version", "2", "handling", handling,
		    "sikkerhed", "Logning og adgangsstyring", "leder_navn", "Lene Leder",
		    "leder_titel", "Institutleder", "leder_email", "lene@econ.ansoeg.dk",
		    "url", "https://econ.ansoeg.dk/miljoe",
		    "person_navn_1", "Per Et", "person_email_1", "per1@econ.ansoeg.dk",
		    "person_rolle_1", "Vejleder", "person_erfaring_1", "DST-adgang siden 2015",
		    "person_navn_2", "Pia To", "person_email_2", "pia2@econ.ansoeg.dk",
		    "person_rolle_2", "Vejleder", "person_erfaring_2", "Registerdata i ti år",
		    NULL);
		if (k == 0) {
			ck_assert_int_eq(r.status, 422);
			ck_assert(has(&r.body, "mindst tre personer i miljøet"));
			ck_assert(has(&r.body, "value=\"Pia To\""));
			ck_assert(has(&r.body, "Logning og adgangsstyring"));
			reply_free(&r);
			ck_assert_uint_eq(stored(id, data, sizeof(data)), 2);
			ck_assert_ptr_null(strstr(data, "Pia"));
		} else {
			/* ...but a draft may hold them. */
			ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
			ck_assert_ptr_nonnull(strstr(location, "trin=2"));
			ck_assert_ptr_nonnull(strstr(location, "besked=gemt"));
		}
	}
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 3);
	ck_assert_ptr_nonnull(strstr(data, "person_navn_2=Pia%20To"));
	ck_assert_ptr_nonnull(strstr(data, "udd_ects_1=45"));	/* step 1 kept */

	/* The draft survives logging out and in (a new session), shown filled in. */
	as(&a2, a.uid);
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=2", id);
	client_get(path, &a2.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "value=\"Pia To\""));
	ck_assert(has(&r.body, "value=\"Lene Leder\""));
	ck_assert(has(&r.body, ">Logning og adgangsstyring</textarea>"));
	ck_assert_int_eq(html_input_value(&r.body, "version", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "3");
	reply_free(&r);

	/* A stale version (another window saved meanwhile): 409, input kept, nothing written. */
	client_post_form("/ansoegning/trin", &a2.jar, &r, "csrf", a2.csrf, "id", idbuf, "trin", "2",
	    "version", "2", "handling", "gem", "leder_navn", "Gammel Leder", NULL);
	ck_assert_int_eq(r.status, 409);
	ck_assert(has(&r.body, "ændret i et andet vindue"));
	ck_assert(has(&r.body, "value=\"Gammel Leder\""));
	reply_free(&r);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 3);
	ck_assert_ptr_null(strstr(data, "Gammel"));

	/* Another person: every step, and saving, is 404; nothing changes. */
	for (k = 1; k <= 5; k++) {
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%d", id, k);
		ck_assert_int_eq(client_status(path, &b.jar, NULL, 0), 404);
		ck_assert_int_eq(client_status(path, &a2.jar, NULL, 0), 200);
	}
	client_post_form("/ansoegning/trin", &b.jar, &r, "csrf", b.csrf, "id", idbuf, "trin", "1",
	    "version", "3", "handling", "gem", "enhed", "Kapret", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 404);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 3);

	/* Mine sager (R32): the case, its state and what waits; not on the other person's. */
	client_get("/ansoegning", &a2.jar, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(path, sizeof(path), "<td>%lld</td>", id);
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, case_state_label(CASE_DRAFT)));
	ck_assert(has(&r.body, "Gør ansøgningen færdig"));
	reply_free(&r);
	client_get("/ansoegning", &b.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!has(&r.body, path));
	reply_free(&r);
}
END_TEST

START_TEST(domains_platform_review)
{
	char data[8192], idbuf[32], path[128], location[256];
	struct who a, anon;
	struct reply r;
	long long id;

	as(&a, new_user("ansoeger2", "Bo Ansøger"));
	id = start(&a);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	/* R4.4: no website URL is refused at "videre", next to the field; a draft may lack it. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "2",
	    "version", "1", "handling", "videre", "sikkerhed", "Logning", "leder_navn", "Lis",
	    "leder_titel", "Dekan", "leder_email", "lis@econ.ansoeg.dk",
	    "person_navn_1", "A", "person_email_1", "a@econ.ansoeg.dk", "person_rolle_1", "V",
	    "person_erfaring_1", "X", "person_navn_2", "B", "person_email_2", "b@econ.ansoeg.dk",
	    "person_rolle_2", "V", "person_erfaring_2", "X", "person_navn_3", "C",
	    "person_email_3", "c@econ.ansoeg.dk", "person_rolle_3", "V", "person_erfaring_3", "X",
	    NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"url-error\""));
	ck_assert(!has(&r.body, "mindst tre personer i miljøet"));	/* three are enough */
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "2",
	    "version", "1", "handling", "gem", "url", "ikke en adresse", NULL);
	ck_assert_int_eq(r.status, 422);	/* malformed, even in a draft */
	ck_assert(has(&r.body, "id=\"url-error\""));
	reply_free(&r);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 1);
	/* R6: each line a plain domain. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "3",
	    "version", "1", "handling", "videre", "domaener", "econ.ku.dk\nnot a domain", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"domaener-error\""));
	ck_assert(has(&r.body, "not a domain"));
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "3",
	    "version", "1", "handling", "videre", "domaener", " ECON.KU.dk \r\nsdu.dk", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=4"));
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 2);
	ck_assert_str_eq(data, "domaener=econ.ku.dk%0Asdu.dk");
	/* R17: a hosted server needs its name and the drive confirmed. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "4",
	    "version", "2", "handling", "videre", "platform", "hosted", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"server-error\""));
	ck_assert(has(&r.body, "id=\"drev-error\""));
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "4",
	    "version", "2", "handling", "videre", "platform", "hosted", "server", "srv01.ku.dk",
	    "drev", "ja", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=5"));
	/* The review shows it all, with links back, and no way to submit yet. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=5", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "srv01.ku.dk"));
	ck_assert(has(&r.body, "sdu.dk"));
	/* In the user's words, not the form's field names. */
	ck_assert(has(&r.body, "Servernavn"));
	ck_assert(has(&r.body, "E-maildomæner"));
	ck_assert(!has(&r.body, ">domaener<"));
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&amp;trin=3", id);
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, "arbejdsdage"));
	ck_assert(has(&r.body, "Indsendelse kommer i næste version"));
	ck_assert(!has(&r.body, "action=\"/ansoegning/trin\""));	/* no form on the review */
	reply_free(&r);
	/* Anonymous: to the login page. */
	as(&anon, 0);
	ck_assert_int_eq(client_status("/ansoegning", &anon.jar, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "/konto/log-ind"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("application");
	TCase *tc = tcase_create("application");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, steps_drafts_and_owner);
	tcase_add_test(tc, domains_platform_review);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
