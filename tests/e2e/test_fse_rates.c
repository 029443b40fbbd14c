/*
 * /fse/takster end to end (issue 6; R23, R24, R29): a caseworker adds a rate and sees it; a bad
 * amount, a bad date and an overlapping period answer 422 with the message next to the field and
 * what was typed kept; demo values are marked; a user without an FSE role gets 403, and the
 * national statistician may look but not add.
 *
 * The database is shared with other suites and this one may run again on a used stack: it uses
 * only the kind casework_hour, years far in the future chosen per run, and deletes its rows.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "fixture.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

static char sfx[40];
static int year;	/* this run's first year; tests use year .. year + 3 */

static void
person(struct who *w, const char *local, unsigned roles)
{
	char email[128];

	snprintf(email, sizeof(email), "%s.%s@takster.dk", local, sfx);
	w->uid = fixture_user(email, local);
	if (roles)
		fixture_grant(w->uid, roles, 0);
	fixture_session(w->uid, &w->jar, w->csrf);
}

/* A day in year + plus as the date field sends it, YYYY-MM-DD (ddmm is "DD-MM"). */
static void
dk_day(char *out, size_t n, const char *ddmm, int plus)
{
	snprintf(out, n, "%d-%.2s-%.2s", year + plus, ddmm + 3, ddmm);
}

static void
cleanup(void)
{
	char from[32], to[32];

	snprintf(from, sizeof(from), "%d-01-01", year);
	snprintf(to, sizeof(to), "%d-12-31", year + 3);
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE kind = 'casework_hour' AND "
	    "valid_from BETWEEN ? AND ?", "ss", from, to), DB_OK);
}

static void
setup(void)
{
	fixture_open();
	cleanup();
}

static void
teardown(void)
{
	cleanup();
	fixture_close();
}

static long long
count_mine(void)
{
	char from[32], to[32];
	struct db_result res;
	long long n;

	snprintf(from, sizeof(from), "%d-01-01", year);
	snprintf(to, sizeof(to), "%d-12-31", year + 3);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM rates WHERE kind = "
	    "'casework_hour' AND valid_from BETWEEN ? AND ?", "ss", from, to), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

static long
post_rate(struct who *w, struct reply *r, const char *amount, const char *from, const char *to,
    const char *note)
{
	client_post_form("/fse/takster", &w->jar, r, "csrf", w->csrf, "art", "casework_hour",
	    "beloeb", amount, "gyldig_fra", from, "gyldig_til", to, "note", note,
	    "engangsnoegle", client_new_key(), NULL);
	return r->status;
}

/* The text of the field's error message (id="<field>-error") in body, or "" when none. */
static void
field_error(const struct buf *body, const char *field, char *out, size_t n)
{
	char needle[64];
	const char *p, *end;
	size_t len;

	out[0] = '\0';
	snprintf(needle, sizeof(needle), "id=\"%s-error\"", field);
	if (body->data == NULL || (p = strstr(body->data, needle)) == NULL ||
	    (p = strstr(p, "Fejl: </span>")) == NULL || (end = strstr(p + 13, "</span>")) == NULL)
		return;
	p += 13;
	len = (size_t)(end - p) < n - 1 ? (size_t)(end - p) : n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

START_TEST(caseworker_adds_a_rate)
{
	char from[32], to[32], loc[256], iso[32], detail[200];
	struct who cw;
	struct reply r;
	long long id, ore;

	person(&cw, "sagsbehandler", B(FSE_CASEWORKER));
	client_get("/fse/takster", &cw.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "<h1>Takster</h1>"));
	ck_assert(has(&r.body, "Tilføj taksten"));
	ck_assert(has(&r.body, "id=\"casework_hour\""));
	reply_free(&r);
	/* The start page links to it. */
	client_get("/fse", &cw.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "href=\"/fse/takster\""));
	reply_free(&r);

	dk_day(from, sizeof(from), "01-01", 0);
	dk_day(to, sizeof(to), "31-12", 0);
	post_rate(&cw, &r, "1.250,50", from, to, "Takst efter e2e-test");
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strncmp(loc, "/fse/takster?besked=tilfoejet&nr=", 33) == 0, "%s", loc);
	id = atoll(loc + 33);
	ck_assert_int_gt(id, 0);
	snprintf(iso, sizeof(iso), "%d-01-01", year);
	ore = fixture_scalar_int("SELECT amount_ore FROM rates WHERE id = ?", id);
	ck_assert_int_eq(ore, 125050);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM rates WHERE kind = 'casework_hour' "
	    "AND valid_from = ?", iso), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT created_by FROM rates WHERE id = ?", id),
	    cw.uid);
	/* Audited (R33): who added which rate. */
	snprintf(detail, sizeof(detail), "SELECT actor_id FROM audit_events WHERE action = "
	    "'fee.rate.add' AND object_type = 'rate' AND object_id = ?");
	ck_assert_int_eq(fixture_scalar_int(detail, id), cw.uid);

	client_get(loc, &cw.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Taksten for Sagsbehandling er tilføjet"));
	ck_assert(has(&r.body, "1.250,50 kr."));
	ck_assert(has(&r.body, "Takst efter e2e-test"));
	reply_free(&r);
}
END_TEST

START_TEST(bad_input_answers_422_next_to_the_field)
{
	char from[32], msg[600], value[64];
	struct who cw;
	struct reply r;

	person(&cw, "kontorchef", B(FSE_HEAD));
	dk_day(from, sizeof(from), "01-02", 1);
	ck_assert_int_eq(post_rate(&cw, &r, "12,345", from, "", "beholdes"), 422);
	field_error(&r.body, "beloeb", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "højst to decimaler") != NULL, "%s", msg);
	ck_assert(has(&r.body, "href=\"#beloeb\""));	/* the summary links to the field */
	ck_assert_int_eq(html_input_value(&r.body, "beloeb", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "12,345");
	ck_assert_int_eq(html_input_value(&r.body, "gyldig_fra", value, sizeof(value)), 0);
	ck_assert_str_eq(value, from);
	ck_assert_int_eq(html_input_value(&r.body, "note", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "beholdes");
	ck_assert(has(&r.body, "<option value=\"casework_hour\" selected>"));
	field_error(&r.body, "gyldig_fra", msg, sizeof(msg));
	ck_assert_str_eq(msg, "");
	reply_free(&r);

	ck_assert_int_eq(post_rate(&cw, &r, "-100", from, "", ""), 422);
	field_error(&r.body, "beloeb", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "negativt") != NULL, "%s", msg);
	reply_free(&r);

	ck_assert_int_eq(post_rate(&cw, &r, "100", "2999-01-32", "", ""), 422);
	field_error(&r.body, "gyldig_fra", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "åååå-mm-dd") != NULL, "%s", msg);
	/* One date input for every date field (issue 11): the Danish order is not a second one. */
	reply_free(&r);
	ck_assert_int_eq(post_rate(&cw, &r, "100", "01-02-2999", "", ""), 422);
	field_error(&r.body, "gyldig_fra", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "åååå-mm-dd") != NULL, "%s", msg);
	ck_assert_int_eq(html_input_value(&r.body, "beloeb", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "100");
	reply_free(&r);

	ck_assert_int_eq(post_rate(&cw, &r, "", "", "", ""), 422);
	field_error(&r.body, "beloeb", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "Skriv beløbet i kroner.") != NULL, "%s", msg);
	field_error(&r.body, "gyldig_fra", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "første dag") != NULL, "%s", msg);
	reply_free(&r);
	ck_assert_int_eq(count_mine(), 0);
}
END_TEST

START_TEST(overlap_answers_422)
{
	char from[32], to[32], from2[32], msg[800], value[64];
	struct who cw;
	struct reply r;

	person(&cw, "overlap", B(FSE_CASEWORKER));
	dk_day(from, sizeof(from), "01-01", 2);
	dk_day(to, sizeof(to), "31-12", 2);
	ck_assert_int_eq(post_rate(&cw, &r, "900", from, to, ""), 303);
	reply_free(&r);
	dk_day(from2, sizeof(from2), "01-06", 2);
	ck_assert_int_eq(post_rate(&cw, &r, "950", from2, "", "ny takst"), 422);
	field_error(&r.body, "gyldig_fra", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "overlapper") != NULL, "%s", msg);
	ck_assert_msg(strstr(msg, "900,00 kr.") != NULL, "%s", msg);	/* names the other */
	ck_assert_int_eq(html_input_value(&r.body, "beloeb", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "950");
	ck_assert_int_eq(html_input_value(&r.body, "gyldig_fra", value, sizeof(value)), 0);
	ck_assert_str_eq(value, from2);
	reply_free(&r);
	/* Ending before it begins: the message is at the end date. */
	ck_assert_int_eq(post_rate(&cw, &r, "950", "9999-01-02", "9999-01-01", ""), 422);
	field_error(&r.body, "gyldig_til", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "før den første dag") != NULL, "%s", msg);
	reply_free(&r);
	ck_assert_int_eq(count_mine(), 1);
}
END_TEST

START_TEST(demo_values_are_marked)
{
	char iso[32], row[32];
	struct db_result res;
	struct who ns;
	struct reply r;
	const char *p, *end;
	long long id;

	snprintf(iso, sizeof(iso), "%d-03-01", year + 3);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO rates (kind, amount_ore, valid_from, "
	    "valid_to, note, is_demo) VALUES ('casework_hour', 77700, ?, ?, 'Demoværdi – ikke en "
	    "gældende takst', 1)", "ss", iso, iso), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);

	/* The national statistician may look (all FSE roles) but gets no form. */
	person(&ns, "rigsstatistiker", B(NATIONAL_STATISTICIAN));
	client_get("/fse/takster", &ns.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!has(&r.body, "Tilføj taksten"));
	snprintf(row, sizeof(row), "id=\"takst-%lld\"", id);
	ck_assert((p = strstr(r.body.data, row)) != NULL);
	ck_assert((end = strstr(p, "</tr>")) != NULL);
	ck_assert_msg(memmem(p, (size_t)(end - p), "Demoværdi</span>", strlen("Demoværdi</span>")) != NULL,
	    "the demo row is not marked");
	ck_assert(memmem(p, (size_t)(end - p), "777,00 kr.", 10) != NULL);
	reply_free(&r);
	client_post_form("/fse/takster", &ns.jar, &r, "csrf", ns.csrf, "art", "casework_hour",
	    "beloeb", "1", "gyldig_fra", "9999-01-01", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 403);
}
END_TEST

START_TEST(others_get_403)
{
	struct who student, plain, anon;
	char loc[256];
	struct reply r;

	person(&student, "studerende", B(STUDENT) | B(SUPERVISOR) | B(RESPONSIBLE));
	person(&plain, "bruger", 0);
	ck_assert_int_eq(client_status("/fse/takster", &student.jar, NULL, 0), 403);
	ck_assert_int_eq(client_status("/fse/takster", &plain.jar, NULL, 0), 403);
	client_post_form("/fse/takster", &student.jar, &r, "csrf", student.csrf, "art",
	    "casework_hour", "beloeb", "1", "gyldig_fra", "9999-01-01", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 403);
	/* Not logged in: to the login page. */
	memset(&anon, 0, sizeof(anon));
	ck_assert_int_eq(client_status("/fse/takster", &anon.jar, loc, sizeof(loc)), 303);
	ck_assert_int_eq(count_mine(), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fse_rates");
	TCase *tc = tcase_create("http");
	int rc;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	year = 3000 + rand() % 6000;
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)time(NULL), rand() % 100000);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, caseworker_adds_a_rate);
	tcase_add_test(tc, bad_input_answers_422_next_to_the_field);
	tcase_add_test(tc, overlap_answers_422);
	tcase_add_test(tc, demo_values_are_marked);
	tcase_add_test(tc, others_get_403);
	suite_add_tcase(s, tc);
	rc = check_run(s);
	curl_global_cleanup();
	return rc;
}
