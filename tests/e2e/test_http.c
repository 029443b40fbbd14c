/*
 * End to end over HTTP through the real nginx that scripts/test starts (PORTAL_URL): the pages,
 * the eligibility answers (R1-R3), validation messages with the input kept, both body caps (413
 * from nginx and from the program), malformed bodies (400), cross-site POSTs (403), error pages,
 * security headers, static files, and 503 while the database is down.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "client.h"

#include "../check_run.h"

static void
request(const char *method, const char *path, const char *ctype, const char *body, size_t len,
    const char *const *extra, struct reply *r)
{
	client_request(method, path, ctype, body, len, extra, NULL, r);
}

static void
get(const char *path, struct reply *r)
{
	client_get(path, NULL, r);
}

START_TEST(start_page)
{
	struct reply r;

	get("/", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "<h1>Specialeordningen</h1>"));
	ck_assert(has(&r.body, "Københavns Universitet"));		/* from the database (R2) */
	ck_assert(has(&r.body, "IT-Universitetet i København"));
	ck_assert(has(&r.body, "Fire krav til institutionen"));	/* R4 */
	ck_assert(has(&r.body, "FSEautorisation@dst.dk"));		/* R5, R31 */
	ck_assert(has(&r.body, "arbejdsdage"));			/* R31: how long it takes */
	ck_assert(has_header(&r, "content-type: text/html; charset=utf-8"));
	ck_assert(has_header(&r, "content-security-policy: default-src 'self'"));
	ck_assert(has_header(&r, "x-content-type-options: nosniff"));
	ck_assert(has_header(&r, "referrer-policy:"));
	ck_assert(has_header(&r, "cache-control: no-store"));
	ck_assert(!has(&r.body, "<script>"));	/* scripts only by src, no inline script */
	reply_free(&r);
}
END_TEST

static const struct {
	const char *query;
	int status;
	const char *expect;
	int way_on;	/* "you can apply": links to the application and to an account */
} answers[] = {
	{ "universitet=ku&uddannelse=kandidat-speciale", 200, "Ja, I kan bruge ordningen", 1 },
	{ "universitet=itu&uddannelse=kandidat-speciale", 200, "Ja, I kan bruge ordningen", 1 },
	{ "universitet=anden&uddannelse=kandidat-speciale", 200, "I kan søge, og vi vurderer det",
	  1 },
	{ "universitet=ku&uddannelse=bachelor", 200, "Nej, ordningen dækker ikke uddannelsen", 0 },
	{ "universitet=anden&uddannelse=kandidat-uden", 200, "Nej, ordningen dækker ikke", 0 },
	{ "universitet=au&uddannelse=phd", 200, "Brug forskerordningen i stedet", 0 },
	{ "universitet=sdu&uddannelse=master", 200, "spørg os først", 0 },
	{ "universitet=&uddannelse=kandidat-speciale", 422, "Vælg det universitet", 0 },
	{ "universitet=ku", 422, "Vælg den slags uddannelse", 0 },
	{ "universitet=oxford&uddannelse=kandidat-speciale", 422, "Vælg det universitet", 0 },
	{ "universitet=ku&universitet=au&uddannelse=phd", 422, "mere end én gang", 0 },
};

START_TEST(eligibility_answers)
{
	char path[512];
	struct reply r;

	snprintf(path, sizeof(path), "/kan-vi-bruge-ordningen?%s", answers[_i].query);
	get(path, &r);
	ck_assert_int_eq(r.status, answers[_i].status);
	ck_assert_msg(has(&r.body, answers[_i].expect), "%s: no \"%s\"", answers[_i].query,
	    answers[_i].expect);
	/* No dead end (issue 11): where one can apply, the page links on. */
	ck_assert_int_eq(has(&r.body, "<a class=\"button button-primary\" href=\"/ansoegning\">"
	    "Start ansøgningen</a>"), answers[_i].way_on);
	ck_assert_int_eq(has(&r.body, "href=\"/konto/opret\">Opret en konto</a>"),
	    answers[_i].way_on);
	if (answers[_i].status == 422) {
		ck_assert(has(&r.body, "class=\"form-error-message\""));	/* next to the field */
		ck_assert(has(&r.body, "data-module=\"error-summary\""));
	}
	reply_free(&r);
}
END_TEST

START_TEST(eligibility_keeps_input)
{
	struct reply r;

	/* The valid half of a half-wrong answer is kept in the form. */
	get("/kan-vi-bruge-ordningen?universitet=cbs", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "<option value=\"cbs\" selected>"));
	reply_free(&r);
	get("/kan-vi-bruge-ordningen?uddannelse=master", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "value=\"master\" checked"));
	reply_free(&r);
	get("/kan-vi-bruge-ordningen?universitet=%3Cscript%3Ealert(1)%3C%2Fscript%3E", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert(!has(&r.body, "<script>alert"));
	reply_free(&r);
}
END_TEST

START_TEST(bad_query_is_400)
{
	struct reply r;

	get("/kan-vi-bruge-ordningen?universitet=%zz", &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert(has(&r.body, "Forespørgslen kunne ikke læses"));
	reply_free(&r);
	get("/kan-vi-bruge-ordningen?universitet=%00", &r);
	ck_assert_int_eq(r.status, 400);
	reply_free(&r);
}
END_TEST

START_TEST(healthz_head_404_405)
{
	struct reply r;

	get("/healthz", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(r.body.data, "ok\n");
	reply_free(&r);
	request("HEAD", "/", NULL, NULL, 0, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(r.body.len, 0);
	reply_free(&r);
	get("/findes-ikke", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert(has(&r.body, "Siden findes ikke"));
	ck_assert(has(&r.body, "<html lang=\"da\">"));
	reply_free(&r);
	request("POST", "/", "application/x-www-form-urlencoded", "a=1", 3, NULL, &r);
	ck_assert_int_eq(r.status, 405);
	ck_assert(has_header(&r, "allow: GET, HEAD\r\n"));
	reply_free(&r);
}
END_TEST

static char *
big_form(size_t n)
{
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	memcpy(p, "a=", 2);
	memset(p + 2, 'x', n - 2);
	return p;
}

START_TEST(body_caps)
{
	struct reply r;
	char *body;

	/* Between the program's cap (1 MiB) and nginx's (8 MiB): the program answers 413. */
	body = big_form(2 * 1024 * 1024);
	request("POST", "/", "application/x-www-form-urlencoded", body, 2 * 1024 * 1024, NULL, &r);
	ck_assert_int_eq(r.status, 413);
	ck_assert(has(&r.body, "Fejlkode 413"));
	ck_assert(has(&r.body, "Reference:"));	/* the program's page carries the request id */
	reply_free(&r);
	free(body);
	/* Over nginx's cap: nginx answers 413 itself, with the same page, before the program. */
	body = big_form(9 * 1024 * 1024);
	request("POST", "/", "application/x-www-form-urlencoded", body, 9 * 1024 * 1024, NULL, &r);
	ck_assert_int_eq(r.status, 413);
	ck_assert(has(&r.body, "Fejlkode 413"));
	ck_assert(!has(&r.body, "Reference:"));
	reply_free(&r);
	free(body);
}
END_TEST

START_TEST(malformed_bodies)
{
	static const char mp[] = "--XYZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XYZ--\r\n";
	static const char unterminated[] = "--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx";
	struct reply r;

	request("POST", "/", "multipart/form-data", "x", 1, NULL, &r);	/* no boundary */
	ck_assert_int_eq(r.status, 400);
	reply_free(&r);
	request("POST", "/", "multipart/form-data; boundary=XYZ", mp, sizeof(mp) - 1, NULL, &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert(has(&r.body, "Fejlkode 400"));
	reply_free(&r);
	request("POST", "/", "multipart/form-data; boundary=XYZ", unterminated,
	    sizeof(unterminated) - 1, NULL, &r);
	ck_assert_int_eq(r.status, 400);
	reply_free(&r);
	request("POST", "/", "application/x-www-form-urlencoded", "a=%G1", 5, NULL, &r);
	ck_assert_int_eq(r.status, 400);
	reply_free(&r);
}
END_TEST

START_TEST(cross_site_post_refused)
{
	static const char *const cross[] = { "Sec-Fetch-Site: cross-site", NULL };
	static const char *const foreign[] = { "Origin: https://evil.example", NULL };
	static const char *const same[] = { "Sec-Fetch-Site: same-origin", NULL };
	struct reply r;

	request("POST", "/", "application/x-www-form-urlencoded", "a=1", 3, cross, &r);
	ck_assert_int_eq(r.status, 403);
	ck_assert(has(&r.body, "Du har ikke adgang"));
	reply_free(&r);
	request("POST", "/", "application/x-www-form-urlencoded", "a=1", 3, foreign, &r);
	ck_assert_int_eq(r.status, 403);
	reply_free(&r);
	/* Same origin passes the check and meets the route's own answer (405 on a GET page). */
	request("POST", "/", "application/x-www-form-urlencoded", "a=1", 3, same, &r);
	ck_assert_int_eq(r.status, 405);
	reply_free(&r);
}
END_TEST

START_TEST(static_files)
{
	struct reply r;

	get("/static/dkfds/css/dkfds.min.css", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has_header(&r, "cache-control: public, max-age="));
	ck_assert(has_header(&r, "content-type: text/css"));
	ck_assert(has_header(&r, "x-content-type-options: nosniff"));
	reply_free(&r);
	get("/static/js/portal.js", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "DKFDS.init"));
	reply_free(&r);
	get("/static/../etc/portal.conf", &r);
	ck_assert_int_ne(r.status, 200);
	reply_free(&r);
	get("/static/findes-ikke.css", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert(has(&r.body, "Siden findes ikke"));	/* nginx serves the portal's 404 page */
	reply_free(&r);
}
END_TEST

/* The database stops: pages answer 503 in the portal's design, with a retry link that keeps
 * the user's input (a sent form comes back in a form that sends it again); when it is back, the
 * same requests work again without restarting anything. */
START_TEST(database_down_then_back)
{
	const char *stop = getenv("PORTAL_DB_STOP"), *start = getenv("PORTAL_DB_START");
	struct reply r;

	ck_assert_msg(stop && start, "PORTAL_DB_STOP and PORTAL_DB_START must be set");
	ck_assert_int_eq(system(stop), 0);
	get("/healthz", &r);
	ck_assert_int_eq(r.status, 503);
	reply_free(&r);
	get("/kan-vi-bruge-ordningen?universitet=ku&uddannelse=kandidat-speciale", &r);
	ck_assert_int_eq(r.status, 503);
	ck_assert(has(&r.body, "Tjenesten er midlertidigt utilgængelig"));
	ck_assert(has(&r.body,
	    "href=\"/kan-vi-bruge-ordningen?universitet=ku&amp;uddannelse=kandidat-speciale\""));
	reply_free(&r);
	/* A form sent meanwhile: nothing saved, but what was written comes back in a form that
	 * sends it again, without the password (a session cookie makes the portal need the
	 * database before it can check anything). */
	{
		struct jar jar;

		memset(&jar, 0, sizeof(jar));
		snprintf(jar.sid, sizeof(jar.sid), "%s",
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		client_post_form("/projekt/rediger", &jar, &r, "csrf", "tok", "id", "7", "titel",
		    "Boligmarkedet & <uddannelse>", "formaal", "Linje et\nlinje to", "adgangskode",
		    "Hemmelig-Kode-123", NULL);
		ck_assert_int_eq(r.status, 503);
		ck_assert(has(&r.body, "<form method=\"post\" action=\"/projekt/rediger\""));
		ck_assert(has(&r.body, "<input type=\"hidden\" name=\"titel\" value=\"Boligmarkedet "
		    "&amp; &lt;uddannelse&gt;\">"));
		ck_assert(has(&r.body, "name=\"csrf\" value=\"tok\""));
		ck_assert(has(&r.body, "<dd class=\"pre-line\">Linje et\nlinje to</dd>"));
		ck_assert(!has(&r.body, "Hemmelig-Kode-123"));
		reply_free(&r);
	}
	ck_assert_int_eq(system(start), 0);
	get("/kan-vi-bruge-ordningen?universitet=ku&uddannelse=kandidat-speciale", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Ja, I kan bruge ordningen"));
	reply_free(&r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("e2e");
	TCase *tc = tcase_create("nginx");
	TCase *down = tcase_create("database-down");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, start_page);
	tcase_add_loop_test(tc, eligibility_answers, 0, sizeof(answers) / sizeof(answers[0]));
	tcase_add_test(tc, eligibility_keeps_input);
	tcase_add_test(tc, bad_query_is_400);
	tcase_add_test(tc, healthz_head_404_405);
	tcase_add_test(tc, body_caps);
	tcase_add_test(tc, malformed_bodies);
	tcase_add_test(tc, cross_site_post_refused);
	tcase_add_test(tc, static_files);
	suite_add_tcase(s, tc);
	tcase_set_timeout(down, 120);
	tcase_add_test(down, database_down_then_back);
	suite_add_tcase(s, down);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
