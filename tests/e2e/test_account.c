/*
 * Accounts end to end, through nginx against the real account program, MariaDB and the SMTP
 * server's maildir (issue 3): register, verify by the mailed link, log in, the session cookie's
 * flags, session fixation, expiry, logout, CSRF, throttling, password reset (single use, does
 * not bypass the second factor), TOTP enrolment and login with a code used once, disabling.
 *
 * Every address carries this run's suffix (pid and a seeded random number), so the suite runs
 * again and again against the same database: a second run registers new people.
 */
#include <check.h>
#include <curl/curl.h>
#include <liboath/oath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "fixture.h"
#include "maildir.h"
#include "totp.h"

#include "../check_run.h"

static const char PASSWORD[] = "tre grønne heste på taget";
static const char PASSWORD2[] = "Vindue-Kaffe-Bjerg-71";
static const char KODE[] = "/konto/log-ind/kode";	/* the login's second step */

static char sfx[24];	/* this run's, set in main before the tests fork */

/* local.<suffix>@domain: an address no earlier run has used. */
static const char *
addr(const char *local, const char *domain)
{
	static char out[4][128];
	static int n;

	n = (n + 1) % 4;
	snprintf(out[n], sizeof(out[n]), "%s.%s@%s", local, sfx, domain);
	return out[n];
}

/*
 * Every request of every run comes from the loopback address, whose own failure count (ten times
 * an account's free tries, lib/throttle.c) no test here is about: a run leaves about ten
 * failures, so a few runs within the hour would block the address and every later login. Each
 * test starts from a clean count for it; the account counts the throttling test asserts stay.
 */
static void
setup(void)
{
	fixture_open();
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM login_throttle WHERE scope = 'address' "
	    "AND subject IN ('127.0.0.1', '::1')", ""), DB_OK);
}

static void
register_user(const char *name, const char *email, const char *password)
{
	struct jar jar = { "", "" };
	char csrf[64];
	struct reply r;

	client_csrf("/konto/opret", &jar, csrf, sizeof(csrf));
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", name, "email", email,
	    "adgangskode", password, "adgangskode2", password, NULL);
	ck_assert_int_eq(r.status, 303);
	reply_free(&r);
}

static void
verify_user(const char *email)
{
	struct jar jar = { "", "" };
	char token[64], path[256], csrf[64];
	struct reply r;

	ck_assert_msg(maildir_find_token(email, "/konto/bekraeft", 1, 30, token, sizeof(token)) > 0,
	    "no verification mail to %s", email);
	snprintf(path, sizeof(path), "/konto/bekraeft?token=%s", token);
	client_csrf(path, &jar, csrf, sizeof(csrf));
	client_post_form("/konto/bekraeft", &jar, &r, "csrf", csrf, "token", token, NULL);
	ck_assert_int_eq(r.status, 303);
	reply_free(&r);
}

static void
new_user(const char *name, const char *email)
{
	register_user(name, email, PASSWORD);
	verify_user(email);
}

START_TEST(register_verify_login_logout)
{
	const char *email = addr("anne.flow", "econ.ku.dk");
	struct jar jar = { "", "" };
	char anon[128], loc[256], csrf[64];
	struct reply r;

	register_user("Anne Flow", email, PASSWORD);
	/* Not verified yet: the password alone does not let anyone in. */
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 403);
	ck_assert_int_eq(fixture_scalar("SELECT email_verified_at IS NULL FROM users WHERE "
	    "email = ?", email), 1);
	verify_user(email);
	ck_assert_int_eq(fixture_scalar("SELECT email_verified_at IS NOT NULL FROM users WHERE "
	    "email = ?", email), 1);

	jar.sid[0] = '\0';
	client_csrf("/konto/log-ind", &jar, csrf, sizeof(csrf));
	/* The cookie: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/ (DESIGN). */
	ck_assert_msg(strstr(jar.set_cookie, "__Host-sid=") != NULL, "%s", jar.set_cookie);
	ck_assert(strstr(jar.set_cookie, "; Secure") != NULL);
	ck_assert(strstr(jar.set_cookie, "; HttpOnly") != NULL);
	ck_assert(strstr(jar.set_cookie, "; SameSite=Lax") != NULL);
	ck_assert(strstr(jar.set_cookie, "; Path=/") != NULL);
	ck_assert(strstr(jar.set_cookie, "Domain") == NULL);
	snprintf(anon, sizeof(anon), "%s", jar.sid);
	client_post_form("/konto/log-ind", &jar, &r, "csrf", csrf, "email", email, "adgangskode",
	    PASSWORD, NULL);
	ck_assert_int_eq(r.status, 303);
	ck_assert_int_eq(reply_header(&r, "Location", loc, sizeof(loc)), 0);
	ck_assert_str_eq(loc, "/konto");
	reply_free(&r);
	/* Session fixation: the token changes at login, and the old one is dead. */
	ck_assert_str_ne(jar.sid, anon);
	{
		struct jar old;

		snprintf(old.sid, sizeof(old.sid), "%s", anon);
		ck_assert_int_eq(client_status("/konto", &old, NULL, 0), 303);
	}
	client_get("/konto", &jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Anne Flow"));
	ck_assert(has(&r.body, email));
	/* No roles yet: the way to apply is a link, not a sentence (issue 11). */
	ck_assert(has(&r.body, "<a href=\"/ansoegning\">søge om en uddannelsesautorisation</a>"));
	ck_assert(has_header(&r, "cache-control: no-store"));
	ck_assert(html_input_value(&r.body, "csrf", csrf, sizeof(csrf)) == 0);	/* logout form */
	reply_free(&r);
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events a JOIN users u ON u.id = "
	    "a.subject_id WHERE u.email = ? AND a.action = 'login.success'", email), 1);

	/* Logout ends the session on the server: the same cookie is worth nothing after. */
	{
		struct jar keep = jar;

		client_post_form("/konto/log-ud", &jar, &r, "csrf", csrf, NULL);
		ck_assert_int_eq(r.status, 303);
		reply_free(&r);
		client_get("/konto", &keep, &r);
		ck_assert_int_eq(r.status, 303);
		ck_assert(has_header(&r, "location: /konto/log-ind"));
		reply_free(&r);
	}
}
END_TEST

START_TEST(csrf_missing_or_wrong)
{
	const char *email = addr("csrf.test", "ruc.dk");
	static const char *const cross[] = { "Sec-Fetch-Site: cross-site", NULL };
	struct jar jar = { "", "" }, other = { "", "" };
	char csrf[64], other_csrf[64], body[512];
	struct reply r;

	client_csrf("/konto/opret", &jar, csrf, sizeof(csrf));
	client_csrf("/konto/opret", &other, other_csrf, sizeof(other_csrf));
	/* No token, a wrong one, another session's: 403, and nothing written. */
	client_post_form("/konto/opret", &jar, &r, "navn", "C T", "email", email, "adgangskode",
	    PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(r.status, 403);
	reply_free(&r);
	client_post_form("/konto/opret", &jar, &r, "csrf", "x", "navn", "C T", "email", email,
	    "adgangskode", PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(r.status, 403);
	reply_free(&r);
	client_post_form("/konto/opret", &jar, &r, "csrf", other_csrf, "navn", "C T", "email",
	    email, "adgangskode", PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(r.status, 403);
	reply_free(&r);
	/* The right token from a cross-site page: refused on the origin check. */
	snprintf(body, sizeof(body), "csrf=%s&navn=C&email=%s&adgangskode=x&adgangskode2=x", csrf,
	    email);
	client_request("POST", "/konto/opret", "application/x-www-form-urlencoded", body,
	    strlen(body), cross, &jar, &r);
	ck_assert_int_eq(r.status, 403);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", email), 0);
}
END_TEST

START_TEST(registration_refusals_keep_input)
{
	const char *free_mail = addr("bo", "gmail.com"), *inst = addr("bo", "sdu.dk");
	struct jar jar = { "", "" };
	char csrf[64], kept[160];
	struct reply r;

	client_csrf("/konto/opret", &jar, csrf, sizeof(csrf));
	/* R6: an address from a free mail service is not the institution's. */
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", "Bo Æblegaard", "email",
	    free_mail, "adgangskode", PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "fra din institution"));
	ck_assert(has(&r.body, "value=\"Bo Æblegaard\""));	/* kept */
	snprintf(kept, sizeof(kept), "value=\"%s\"", free_mail);
	ck_assert(has(&r.body, kept));
	ck_assert(!has(&r.body, PASSWORD));			/* passwords never echoed */
	reply_free(&r);
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", "Bo Æblegaard", "email",
	    inst, "adgangskode", "password123", "adgangskode2", "password123", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "ordbog"));
	ck_assert(has(&r.body, "id=\"adgangskode-error\""));	/* next to the field */
	reply_free(&r);
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", "Bo Æblegaard", "email",
	    inst, "adgangskode", PASSWORD, "adgangskode2", PASSWORD2, NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "ikke ens"));
	reply_free(&r);
	client_post_form("/konto/opret", &jar, &r, "csrf", csrf, "navn", "", "email", "ikke-en-adresse",
	    "adgangskode", "", "adgangskode2", "", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "Skriv dit fulde navn."));
	ck_assert(has(&r.body, "data-module=\"error-summary\""));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", inst), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", free_mail),
	    0);
}
END_TEST

START_TEST(existing_address_not_disclosed)
{
	const char *email = addr("dup.person", "itu.dk");

	new_user("Dup Person", email);
	/* The same page as a new registration; the owner is told by mail, nobody else. */
	register_user("Someone Else", email, PASSWORD2);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", email), 1);
	ck_assert_int_eq(maildir_count(email, "allerede en konto", 30), 1);
}
END_TEST

START_TEST(throttling)
{
	const char *email = addr("throttle.me", "aau.dk");
	struct jar jar = { "", "" };
	int i;

	new_user("Throttle Me", email);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(client_login(&jar, email, "forkert-forkert", NULL, 0), 401);
	/* After the free tries, even the right password must wait, with the same message. */
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 429);
	ck_assert_int_ge(fixture_scalar("SELECT failures FROM login_throttle WHERE scope = "
	    "'account' AND subject = ?", email), 4);
	sleep(3);	/* the first wait is 2 s */
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	/* Success clears the account's count. */
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM login_throttle WHERE scope = "
	    "'account' AND subject = ?", email), 0);
}
END_TEST

START_TEST(session_expiry)
{
	const char *email = addr("expiry.test", "dtu.dk");
	struct jar jar = { "", "" };

	new_user("Expiry Test", email);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 200);
	/* Idle for 31 minutes: gone. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE sessions s JOIN users u ON u.id = s.user_id SET "
	    "s.last_seen_at = NOW(6) - INTERVAL 31 MINUTE WHERE u.email = ?", "s", email), DB_OK);
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 303);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM sessions s JOIN users u ON "
	    "u.id = s.user_id WHERE u.email = ?", email), 0);
	/* Active, but past the absolute 12 hours: gone too. */
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE sessions s JOIN users u ON u.id = s.user_id SET "
	    "s.expires_at = NOW(6) - INTERVAL 1 SECOND WHERE u.email = ?", "s", email), DB_OK);
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 303);
}
END_TEST

START_TEST(password_reset)
{
	const char *email = addr("reset.test", "cbs.dk");
	struct jar jar = { "", "" }, anon = { "", "" }, again = { "", "" };
	char token[64], path[256], csrf[64];
	struct reply r;

	new_user("Reset Test", email);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	client_csrf("/konto/glemt", &anon, csrf, sizeof(csrf));
	client_post_form("/konto/glemt", &anon, &r, "csrf", csrf, "email", email, NULL);
	ck_assert_int_eq(r.status, 200);
	reply_free(&r);
	/* An unknown address gets the same answer. */
	client_post_form("/konto/glemt", &anon, &r, "csrf", csrf, "email",
	    addr("nobody", "ku.dk"), NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Hvis adressen hører til en konto"));
	reply_free(&r);
	ck_assert_int_gt(maildir_find_token(email, "/konto/nulstil", 1, 30, token, sizeof(token)), 0);
	snprintf(path, sizeof(path), "/konto/nulstil?token=%s", token);
	client_csrf(path, &anon, csrf, sizeof(csrf));
	client_post_form("/konto/nulstil", &anon, &r, "csrf", csrf, "token", token, "adgangskode",
	    PASSWORD2, "adgangskode2", PASSWORD2, NULL);
	ck_assert_int_eq(r.status, 303);
	reply_free(&r);
	/* Every session of the account ended; the old password is gone, the new one works. */
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 303);
	ck_assert_int_eq(client_login(&again, email, PASSWORD, NULL, 0), 401);
	ck_assert_int_eq(client_login(&again, email, PASSWORD2, NULL, 0), 303);
	/* The link is single use. */
	ck_assert_int_eq(client_status(path, &anon, NULL, 0), 410);
	client_post_form("/konto/nulstil", &anon, &r, "csrf", csrf, "token", token, "adgangskode",
	    PASSWORD, "adgangskode2", PASSWORD, NULL);
	ck_assert_int_eq(r.status, 410);
	reply_free(&r);
	{
		struct jar fresh = { "", "" };

		ck_assert_int_eq(client_login(&fresh, email, PASSWORD, NULL, 0), 401);
	}
}
END_TEST

/* The key as the page shows it (groups of four), decoded as an app would. */
static size_t
page_secret(const struct buf *body, unsigned char *secret, size_t max)
{
	const char *p = strstr(body->data, "<code id=\"totp-secret\">");
	char b32[128];
	char *bin = NULL;
	size_t n = 0, len = 0;

	ck_assert_ptr_nonnull(p);
	for (p += strlen("<code id=\"totp-secret\">"); *p && *p != '<' && n + 1 < sizeof(b32); p++)
		if (*p != ' ')
			b32[n++] = *p;
	b32[n] = '\0';
	ck_assert_int_eq(oath_base32_decode(b32, n, &bin, &len), OATH_OK);
	ck_assert_uint_le(len, max);
	memcpy(secret, bin, len);
	free(bin);
	return len;
}

/*
 * What users.totp_secret holds for email is sealed (lib/totp.h): TOTP_BLOB_BYTES long, version
 * byte first, and the raw secret nowhere in it.
 */
static void
assert_sealed(const char *email, const unsigned char *secret, size_t len)
{
	char hex[2 * 64 + 1];
	struct db_result res;
	size_t i;

	ck_assert_uint_le(len, 64);
	for (i = 0; i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", secret[i]);
	hex[2 * len] = '\0';
	ck_assert_int_eq(fixture_scalar("SELECT LENGTH(totp_secret) FROM users WHERE email = ?",
	    email), TOTP_BLOB_BYTES);
	ck_assert_int_eq(fixture_scalar("SELECT ASCII(totp_secret) FROM users WHERE email = ?",
	    email), TOTP_BLOB_VERSION);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT LOCATE(UNHEX(?), totp_secret) FROM users "
	    "WHERE email = ?", "ss", hex, email), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);
	db_result_free(&res);
}

START_TEST(totp_enrol_and_login)
{
	const char *email = addr("totp.test", "au.dk");
	struct jar jar = { "", "" }, second = { "", "" };
	unsigned char secret[64];
	char code[8], loc[256];
	struct reply r;
	size_t len;

	ck_assert_int_eq(totp_init(), 0);
	new_user("Totp Test", email);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	client_get("/konto/totp", &jar, &r);
	ck_assert_int_eq(r.status, 200);
	len = page_secret(&r.body, secret, sizeof(secret));
	ck_assert_uint_eq(len, 20);
	reply_free(&r);
	/* At rest the pending secret is sealed already: a database dump gives no second factor. */
	assert_sealed(email, secret, len);
	client_get("/konto/totp/qr.svg", &jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has_header(&r, "content-type: image/svg+xml"));
	reply_free(&r);
	ck_assert_int_eq(client_post_code(&jar, "/konto/totp", "000000", NULL, 0), 422);
	ck_assert_int_eq(totp_code(secret, len, time(NULL), code), 0);
	ck_assert_int_eq(client_post_code(&jar, "/konto/totp", code, NULL, 0), 303);
	ck_assert_int_eq(fixture_scalar("SELECT totp_enabled_at IS NOT NULL FROM users WHERE "
	    "email = ?", email), 1);
	assert_sealed(email, secret, len);

	/* Now a password alone opens only the code page. */
	ck_assert_int_eq(client_login(&second, email, PASSWORD, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, KODE);
	ck_assert_int_eq(client_status("/konto", &second, NULL, 0), 303);	/* not logged in yet */
	{
		char wrong[8];

		ck_assert_int_eq(totp_code(secret, len, time(NULL), wrong), 0);
		snprintf(wrong, sizeof(wrong), "%06d", (atoi(wrong) + 500000) % 1000000);
		ck_assert_int_eq(client_post_code(&second, KODE, wrong, NULL, 0), 401);
	}
	/* The code used at enrolment is spent: a code is good once (same 30 s step). */
	if (totp_verify(secret, len, code, time(NULL), 0) > 0) {
		ck_assert_int_eq(client_post_code(&second, KODE, code, NULL, 0), 401);
	}
	/* Wait for the next step, then a fresh code logs in. */
	sleep((unsigned)(30 - time(NULL) % 30) + 1);
	ck_assert_int_eq(totp_code(secret, len, time(NULL), code), 0);
	ck_assert_int_eq(client_post_code(&second, KODE, code, NULL, 0), 303);
	client_get("/konto", &second, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Slået til"));
	reply_free(&r);
	assert_sealed(email, secret, len);
	/* And it is spent for anyone else. */
	{
		struct jar third = { "", "" };

		ck_assert_int_eq(client_login(&third, email, PASSWORD, NULL, 0), 303);
		ck_assert_int_eq(client_post_code(&third, KODE, code, NULL, 0), 401);
	}
}
END_TEST

/*
 * A legacy row (the raw secret, from before sealing) still logs in, and that login seals it
 * (lib/totp.h); an altered sealed blob logs nobody in.
 */
START_TEST(totp_legacy_row_sealed_at_login)
{
	const char *email = addr("totp.legacy", "au.dk");
	unsigned char secret[TOTP_SECRET_BYTES];
	struct jar jar = { "", "" }, bad = { "", "" };
	char code[8], loc[256];
	long long uid;

	ck_assert_int_eq(totp_init(), 0);
	totp_new_secret(secret);
	uid = fixture_account(email, "Lea Legacy", PASSWORD, secret);
	assert_sealed(email, secret, sizeof(secret));
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET totp_secret = ? WHERE id = ?", "bi",
	    secret, sizeof(secret), uid), DB_OK);
	ck_assert_int_eq(fixture_scalar_int("SELECT LENGTH(totp_secret) FROM users WHERE id = ?",
	    uid), TOTP_SECRET_BYTES);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, KODE);
	ck_assert_int_eq(totp_code(secret, sizeof(secret), time(NULL), code), 0);
	ck_assert_int_eq(client_post_code(&jar, KODE, code, NULL, 0), 303);
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 200);
	assert_sealed(email, secret, sizeof(secret));

	/* One byte of the ciphertext altered: the blob does not open, so no code is accepted. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET totp_secret = CONCAT(LEFT("
	    "totp_secret, 40), CHAR(ASCII(SUBSTRING(totp_secret, 41, 1)) ^ 1), SUBSTRING("
	    "totp_secret, 42)), totp_last_step = 0 WHERE id = ?", "i", uid), DB_OK);
	ck_assert_int_eq(fixture_scalar_int("SELECT LENGTH(totp_secret) FROM users WHERE id = ?",
	    uid), TOTP_BLOB_BYTES);
	ck_assert_int_eq(client_login(&bad, email, PASSWORD, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, KODE);
	ck_assert_int_eq(totp_code(secret, sizeof(secret), time(NULL), code), 0);
	ck_assert_int_eq(client_post_code(&bad, KODE, code, NULL, 0), 500);
	ck_assert_int_eq(client_status("/konto", &bad, NULL, 0), 303);	/* not logged in */
}
END_TEST

/* A link followed while logged out (a mail's link to a proposal): log in, then back to it. */
START_TEST(back_where_they_were_going)
{
	const char *email = addr("tilbage", "ku.dk");
	struct jar jar = { "", "" }, evil = { "", "" };
	char csrf[64], loc[512];
	struct reply r;

	new_user("Tove Tilbage", email);
	ck_assert_int_eq(client_status("/autorisation/roller?id=5&x=a%20b", &jar, loc, sizeof(loc)),
	    303);
	ck_assert_str_eq(loc, "/konto/log-ind?tilbage=%2Fautorisation%2Froller%3Fid%3D5%26x%3Da%2520b");
	client_get(loc, &jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "<input type=\"hidden\" name=\"tilbage\" value=\"/autorisation/roller?"
	    "id=5&amp;x=a%20b\">"));
	ck_assert_int_eq(html_input_value(&r.body, "csrf", csrf, sizeof(csrf)), 0);
	reply_free(&r);
	/* A wrong password keeps the way back in the form. */
	client_post_form("/konto/log-ind", &jar, &r, "csrf", csrf, "email", email, "adgangskode",
	    "forkert-forkert", "tilbage", "/autorisation/roller?id=5&x=a%20b", NULL);
	ck_assert_int_eq(r.status, 401);
	ck_assert(has(&r.body, "name=\"tilbage\" value=\"/autorisation/roller?id=5&amp;x=a%20b\""));
	reply_free(&r);
	client_post_form("/konto/log-ind", &jar, &r, "csrf", csrf, "email", email, "adgangskode",
	    PASSWORD, "tilbage", "/autorisation/roller?id=5&x=a%20b", NULL);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/autorisation/roller?id=5&x=a%20b");

	/* Never elsewhere: another host, a scheme, a backslash, a control byte go to /konto. */
	{
		static const char *const bad[] = { "//evil.example/x", "https://evil.example/",
			"/\\evil.example", "/konto/log-ind?tilbage=/x", "/a\tb", "relative" };
		size_t i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			evil.sid[0] = '\0';
			client_csrf("/konto/log-ind", &evil, csrf, sizeof(csrf));
			client_post_form("/konto/log-ind", &evil, &r, "csrf", csrf, "email", email,
			    "adgangskode", PASSWORD, "tilbage", bad[i], NULL);
			ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
			ck_assert_msg(strcmp(loc, "/konto") == 0, "%s led to %s", bad[i], loc);
		}
	}
	/* A POST is not remembered: it cannot be sent again by a redirect. */
	{
		struct jar anon = { "", "" };

		client_csrf("/konto/log-ind", &anon, csrf, sizeof(csrf));
		client_post_form("/autorisation/inviter", &anon, &r, "csrf", csrf, "id", "5", NULL);
		ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
		ck_assert_str_eq(loc, "/konto/log-ind");
	}
}
END_TEST

START_TEST(disabled_account)
{
	const char *email = addr("disable.me", "sdu.dk");
	struct jar jar = { "", "" };

	new_user("Disable Me", email);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 303);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET status = 'disabled' WHERE email = ?",
	    "s", email), DB_OK);
	/* The next request already finds the session dead, and the password no longer works. */
	ck_assert_int_eq(client_status("/konto", &jar, NULL, 0), 303);
	ck_assert_int_eq(client_login(&jar, email, PASSWORD, NULL, 0), 401);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("account-e2e");
	TCase *tc = tcase_create("account");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, register_verify_login_logout);
	tcase_add_test(tc, csrf_missing_or_wrong);
	tcase_add_test(tc, registration_refusals_keep_input);
	tcase_add_test(tc, existing_address_not_disclosed);
	tcase_add_test(tc, throttling);
	tcase_add_test(tc, session_expiry);
	tcase_add_test(tc, password_reset);
	tcase_add_test(tc, totp_enrol_and_login);
	tcase_add_test(tc, totp_legacy_row_sealed_at_login);
	tcase_add_test(tc, disabled_account);
	tcase_add_test(tc, back_where_they_were_going);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
