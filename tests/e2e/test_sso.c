/*
 * Single sign-on, prepared (issue 3), end to end through the test stack's nginx and the account
 * program. The test stack (and only it) has sso_param = SSO_EMAIL and the locations of
 * nginx/test-sso.conf.in, which set that FastCGI parameter from fixed values, as a SAML service
 * provider in front would. Shown here: a client header of the same name (and its variants)
 * logs nobody in on any route; the parameter logs an existing user in with a new session
 * (rotated), sends a TOTP user to the code step, refuses a disabled account, and answers an
 * unknown address with 403 and no account created; without the parameter the route is 404.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "fixture.h"
#include "totp.h"

#include "../check_run.h"

#define SSO_USER	"sso.user@ku.dk"	/* nginx/test-sso.conf.in: /_test/sso */
#define SSO_TOTP	"sso.totp@ku.dk"	/* /_test/sso-totp */
#define SSO_UNKNOWN	"ingen.konto.sso@ku.dk"	/* /_test/sso-ukendt */
#define VICTIM		"victim@ku.dk"		/* what a client claims in a header */

static unsigned char totp_secret[TOTP_SECRET_BYTES];

/* Verified, active accounts, as an operator's tool would make them; SSO_TOTP with a known key. */
static void
setup(void)
{
	fixture_open();
	ck_assert_msg(strcmp(fx_cfg.sso_param, "SSO_EMAIL") == 0,
	    "the test stack sets sso_param = SSO_EMAIL (scripts/stack)");
	fixture_account(SSO_USER, "Sso Bruger", NULL, NULL);
	memset(totp_secret, 0x5a, sizeof(totp_secret));
	fixture_account(SSO_TOTP, "Sso Totp", NULL, totp_secret);
	fixture_account(VICTIM, "Offer Person", NULL, NULL);
}

static long long
sessions_of(const char *email)
{
	return fixture_scalar("SELECT COUNT(*) FROM sessions s JOIN users u ON "
	    "u.id = s.user_id WHERE u.email = ?", email);
}

static long long
sso_logins_of(const char *email)
{
	return fixture_scalar("SELECT COUNT(*) FROM audit_events a JOIN users u ON "
	    "u.id = a.subject_id WHERE u.email = ? AND a.action = 'login.sso'", email);
}

/* GET /konto with the jar: logged in (200) or sent to the login page (303). */
static long
account_status(struct jar *jar, struct reply *keep)
{
	struct reply r;
	long status;

	client_get("/konto", jar, &r);
	status = r.status;
	if (status == 303)
		ck_assert(has_header(&r, "location: /konto/log-ind"));
	if (keep)
		*keep = r;
	else
		reply_free(&r);
	return status;
}

/*
 * A client that claims an identity in a header, on every kind of route: the plain pages, the
 * login page, the account page, and the SSO route itself without a service provider in front.
 * Header names: the exact one, the underscored one (nginx drops headers with underscores by
 * default; even if it passed it, it would be HTTP_SSO_EMAIL), and a proxy-style X- one.
 */
static const char *const claim_headers[] = {
	"SSO-Email: " VICTIM,
	"SSO_EMAIL: " VICTIM,
	"X-SSO-Email: " VICTIM,
	"Sso-Email: " VICTIM,
	"HTTP-SSO-EMAIL: " VICTIM,
};

static const char *const claim_paths[] = {
	"/", "/konto", "/konto/log-ind", "/konto/log-ind/kode", "/konto/sso",
};

START_TEST(client_header_is_ignored)
{
	const char *hdr[] = { claim_headers[_i], NULL };
	long long before_sessions = sessions_of(VICTIM), before_audit = sso_logins_of(VICTIM);
	struct reply r;
	size_t p;

	for (p = 0; p < sizeof(claim_paths) / sizeof(claim_paths[0]); p++) {
		struct jar jar = { "", "" };

		client_request("GET", claim_paths[p], NULL, NULL, 0, hdr, &jar, &r);
		/* The SSO route without the parameter does not exist, header or not. */
		if (strcmp(claim_paths[p], "/konto/sso") == 0)
			ck_assert_msg(r.status == 404, "%s with %s: %ld", claim_paths[p], hdr[0],
			    r.status);
		else
			ck_assert_msg(r.status == 200 || r.status == 303, "%s with %s: %ld",
			    claim_paths[p], hdr[0], r.status);
		ck_assert_msg(!has(&r.body, VICTIM), "%s with %s shows the claimed address",
		    claim_paths[p], hdr[0]);
		reply_free(&r);
		/* Whatever cookie came back (an anonymous form session at most) is nobody's. */
		ck_assert_int_eq(account_status(&jar, NULL), 303);
	}
	/* And the route with a service provider in front logs in its user, not the claimed one. */
	{
		struct jar jar = { "", "" };

		client_request("GET", "/_test/sso", NULL, NULL, 0, hdr, &jar, &r);
		ck_assert_int_eq(r.status, 303);
		reply_free(&r);
		ck_assert_int_eq(account_status(&jar, &r), 200);
		ck_assert(has(&r.body, SSO_USER));
		ck_assert(!has(&r.body, VICTIM));
		reply_free(&r);
	}
	ck_assert_int_eq(sessions_of(VICTIM), before_sessions);
	ck_assert_int_eq(sso_logins_of(VICTIM), before_audit);
}
END_TEST

START_TEST(param_logs_in_with_new_session)
{
	struct jar jar = { "", "" }, old;
	long long before = sso_logins_of(SSO_USER);
	char loc[256];
	struct reply r;

	/* A visitor with an anonymous session (the login form's) first: it must not survive. */
	ck_assert_int_eq(client_status("/konto/log-ind", &jar, NULL, 0), 200);
	ck_assert_msg(jar.sid[0] != '\0', "the login form gives a session cookie");
	old = jar;

	client_get("/_test/sso", &jar, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_int_eq(reply_header(&r, "Location", loc, sizeof(loc)), 0);
	ck_assert_str_eq(loc, "/konto");
	ck_assert(has_header(&r, "cache-control: no-store"));
	reply_free(&r);
	/* A new cookie with the usual flags; the old token is dead (session fixation). */
	ck_assert(jar.sid[0] != '\0');
	ck_assert_str_ne(jar.sid, old.sid);
	ck_assert(strstr(jar.set_cookie, "__Host-sid=") != NULL);
	ck_assert(strstr(jar.set_cookie, "; Secure") != NULL);
	ck_assert(strstr(jar.set_cookie, "; HttpOnly") != NULL);
	ck_assert(strstr(jar.set_cookie, "; SameSite=Lax") != NULL);
	ck_assert_int_eq(account_status(&old, NULL), 303);

	ck_assert_int_eq(account_status(&jar, &r), 200);
	ck_assert(has(&r.body, "Sso Bruger"));
	ck_assert(has(&r.body, SSO_USER));
	reply_free(&r);
	ck_assert_int_eq(sso_logins_of(SSO_USER), before + 1);
	ck_assert_int_ge(sessions_of(SSO_USER), 1);
}
END_TEST

START_TEST(totp_user_still_enters_code)
{
	struct jar jar = { "", "" };
	char loc[256];
	struct reply r;

	/* sso_trusts_second_factor is 0 in the test stack: the code step stays. */
	ck_assert_uint_eq(fx_cfg.sso_trusts_second_factor, 0);
	client_get("/_test/sso-totp", &jar, &r);
	ck_assert_int_eq(r.status, 303);
	ck_assert_int_eq(reply_header(&r, "Location", loc, sizeof(loc)), 0);
	ck_assert_str_eq(loc, "/konto/log-ind/kode");
	reply_free(&r);
	ck_assert_int_eq(account_status(&jar, NULL), 303);	/* not logged in yet */

	ck_assert_int_eq(client_login_code(&jar, totp_secret, sizeof(totp_secret), NULL, 0), 303);
	ck_assert_int_eq(account_status(&jar, &r), 200);
	ck_assert(has(&r.body, SSO_TOTP));
	reply_free(&r);
}
END_TEST

START_TEST(unknown_address_403_nothing_created)
{
	struct jar jar = { "", "" };
	long long users = fixture_scalar("SELECT COUNT(*) FROM users WHERE email <> ?", "");
	struct reply r;

	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?",
	    SSO_UNKNOWN), 0);
	client_get("/_test/sso-ukendt", &jar, &r);
	ck_assert_int_eq(r.status, 403);
	ck_assert(has(&r.body, "Adressen har ingen konto"));
	ck_assert(has(&r.body, SSO_UNKNOWN));
	ck_assert(has(&r.body, "href=\"/konto/opret\""));		/* how to get one */
	ck_assert(has_header(&r, "cache-control: no-store"));
	reply_free(&r);
	ck_assert_msg(jar.sid[0] == '\0', "no session for an unknown address");
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?",
	    SSO_UNKNOWN), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email <> ?", ""), users);
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'login.sso_unknown' AND detail = ?", SSO_UNKNOWN), 1);
}
END_TEST

START_TEST(disabled_account_refused)
{
	struct jar jar = { "", "" };
	struct reply r;

	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET status = 'disabled' WHERE email = ?",
	    "s", SSO_USER), DB_OK);
	client_get("/_test/sso", &jar, &r);
	ck_assert_int_eq(r.status, 403);
	ck_assert(has(&r.body, "Kontoen er lukket"));
	reply_free(&r);
	ck_assert(jar.sid[0] == '\0');
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET status = 'active' WHERE email = ?",
	    "s", SSO_USER), DB_OK);
}
END_TEST

START_TEST(without_parameter_404)
{
	struct reply r;

	client_get("/konto/sso", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	reply_free(&r);
	/* Only GET: a POST is not a route (405), and changes nothing. */
	client_request("POST", "/konto/sso", "application/x-www-form-urlencoded", "", 0, NULL,
	    NULL, &r);
	ck_assert_int_eq(r.status, 405);
	reply_free(&r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("sso-e2e");
	TCase *tc = tcase_create("sso");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, client_header_is_ignored, 0,
	    sizeof(claim_headers) / sizeof(claim_headers[0]));
	tcase_add_test(tc, param_logs_in_with_new_session);
	tcase_add_test(tc, totp_user_still_enters_code);
	tcase_add_test(tc, unknown_address_403_nothing_created);
	tcase_add_test(tc, disabled_account_refused);
	tcase_add_test(tc, without_parameter_404);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
