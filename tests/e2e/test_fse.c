/*
 * The FSE mail page end to end (issue 4: "a page for FSE staff lists queued, deferred and dead
 * mail, and can retry a dead one"), through nginx against the real fse program, MariaDB, the
 * mailer and the test stack's SMTP server (which answers 550 to reject...@ recipients).
 *
 * Users are made in the database (how people register is test_account's business), but they log
 * in over HTTP like anyone: password, then the TOTP code for the current time. A TOTP step can be
 * used once per user, so every test logs in its own fresh users.
 *
 * Some steps stop the stack's mailer (PORTAL_MAILER_STOP) so that what the page shows cannot
 * change under the assertion; main() starts it again whatever happened to the tests.
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
#include "mail.h"
#include "policy.h"
#include "totp.h"

#include "../check_run.h"

static const char PASSWORD[] = "tre grønne heste på taget";

static char suffix[40];		/* unique per run, so the suite can run again on a used stack */

#define B(r)	ROLE_BIT(ROLE_##r)

/* Runs one of the stack commands scripts/test exports (PORTAL_MAILER_STOP, ...). */
static void
stack(const char *var)
{
	const char *cmd = getenv(var);

	ck_assert_msg(cmd != NULL, "%s is not set: run through scripts/test", var);
	ck_assert_msg(system(cmd) == 0, "%s (%s) failed", var, cmd);
}

static void
state_of(unsigned long long id, char *out, size_t n)
{
	struct db_result res;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT state FROM outbox WHERE id = ?", "i",
	    (long long)id), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(out, n, "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
}

static int
state_is(unsigned long long id, const char *state)
{
	char s[16];

	state_of(id, s, sizeof(s));
	return strcmp(s, state) == 0;
}

/* Waits up to `seconds` for the row to reach a state with at least min_attempts attempts. */
static int
wait_state(unsigned long long id, const char *state, long long min_attempts, int seconds)
{
	int i;

	for (i = 0; i < seconds * 5; i++) {
		if (state_is(id, state) &&
		    fixture_scalar_int("SELECT attempts FROM outbox WHERE id = ?", (long long)id) >=
		    min_attempts)
			return 1;
		usleep(200 * 1000);
	}
	return 0;
}

/*
 * A user straight into the database: verified address, the password, optionally roles (global,
 * as FSE roles are; an institution role with no authorisation is a role on nothing) and TOTP
 * with a new key, put in secret (TOTP_SECRET_BYTES) when that is not NULL.
 */
static long long
new_user(const char *tag, unsigned roles, unsigned char *secret, char *email, size_t emaillen)
{
	char name[128];
	long long uid;

	snprintf(email, emaillen, "%s.%s@dst.dk", tag, suffix);
	snprintf(name, sizeof(name), "Test %s", tag);
	if (secret)
		totp_new_secret(secret);
	uid = fixture_account(email, name, PASSWORD, secret);
	fixture_grant(uid, roles, 0);
	return uid;
}

/* Logs in with the password, and the TOTP code when the user has one; ends logged in. */
static void
login(struct jar *jar, const char *email, const unsigned char *secret)
{
	char loc[256];

	ck_assert_int_eq(client_login(jar, email, PASSWORD, loc, sizeof(loc)), 303);
	if (secret == NULL) {
		ck_assert_str_eq(loc, "/konto");
		return;
	}
	ck_assert_str_eq(loc, "/konto/log-ind/kode");
	ck_assert_int_eq(client_login_code(jar, secret, TOTP_SECRET_BYTES, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/konto");
}

/* GET path; returns the status and leaves the reply in r (caller frees). */
static long
get(const char *path, struct jar *jar, struct reply *r)
{
	client_get(path, jar, r);
	return r->status;
}

/* The count the page shows for a state: <td id="antal-STATE">N</td>. */
static long long
page_count(const struct buf *body, const char *state)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "id=\"antal-%s\">", state);
	ck_assert_msg(body->data && (p = strstr(body->data, pat)) != NULL, "no count for %s", state);
	return strtoll(p + strlen(pat), NULL, 10);
}

/* The text as ctemplate's HTML escaping writes it. */
static void
html_escape(const char *in, char *out, size_t n)
{
	size_t j = 0;

	for (; *in && j + 7 < n; in++) {
		const char *rep = *in == '&' ? "&amp;" : *in == '<' ? "&lt;" : *in == '>' ? "&gt;" :
		    *in == '"' ? "&quot;" : *in == '\'' ? "&#39;" : NULL;

		if (rep) {
			memcpy(out + j, rep, strlen(rep));
			j += strlen(rep);
		} else
			out[j++] = *in;
	}
	out[j] = '\0';
}

static unsigned long long
enqueue(const char *local, const char *subject)
{
	char to[200];
	struct mail m;
	unsigned long long id = 0;

	snprintf(to, sizeof(to), "%s-%s@example.org", local, suffix);
	memset(&m, 0, sizeof(m));
	m.to = to;
	m.subject = subject;
	m.text = "Denne mail er fra testen af Forskningsservices side med post.\n";
	m.kind = "test_message";
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(mail_enqueue(fx_db, &fx_cfg, &m, &id), MAIL_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_uint_gt(id, 0);
	return id;
}

static long
post_retry(struct jar *jar, const char *csrf, const char *id, struct reply *r)
{
	if (csrf && id)
		client_post_form("/fse/post/igen", jar, r, "csrf", csrf, "id", id, NULL);
	else if (csrf)
		client_post_form("/fse/post/igen", jar, r, "csrf", csrf, NULL);
	else
		client_post_form("/fse/post/igen", jar, r, "id", id, NULL);
	return r->status;
}

/* ---- who may see the pages -------------------------------------------------------------------- */

START_TEST(access_by_role)
{
	unsigned char secret[TOTP_SECRET_BYTES], nsecret[TOTP_SECRET_BYTES];
	struct jar anon = { "", "" }, plain = { "", "" }, resp = { "", "" }, nototp = { "", "" };
	struct jar fse = { "", "" }, ns = { "", "" };
	char email[256], loc[256], csrf[64];
	struct reply r;

	/* Not logged in: to the login page, for the start page and the mail page alike. */
	ck_assert_int_eq(client_status("/fse/post", &anon, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/konto/log-ind?tilbage=%2Ffse%2Fpost");	/* and back there after */
	ck_assert_int_eq(client_status("/fse", &anon, loc, sizeof(loc)), 303);
	ck_assert_str_eq(loc, "/konto/log-ind?tilbage=%2Ffse");

	/* Logged in without an FSE role: 403, also for the retry with a valid CSRF token. */
	new_user("plain", 0, NULL, email, sizeof(email));
	login(&plain, email, NULL);
	ck_assert_int_eq(get("/fse/post", &plain, &r), 403);
	ck_assert(!has(&r.body, "antal-dead"));
	reply_free(&r);
	ck_assert_int_eq(get("/fse", &plain, &r), 403);
	reply_free(&r);
	client_csrf("/konto", &plain, csrf, sizeof(csrf));
	ck_assert_int_eq(post_retry(&plain, csrf, "1", &r), 403);
	reply_free(&r);

	/* An institution role (here on no authorisation at all) is not an FSE role. */
	new_user("responsible", B(RESPONSIBLE), NULL, email, sizeof(email));
	login(&resp, email, NULL);
	ck_assert_int_eq(get("/fse/post", &resp, &r), 403);
	reply_free(&r);

	/* FSE staff without the second factor are sent to enrol it first. */
	new_user("fse-nototp", B(FSE_CASEWORKER), NULL, email, sizeof(email));
	login(&nototp, email, NULL);
	ck_assert_int_eq(client_status("/fse/post", &nototp, loc, sizeof(loc)), 303);
	/* ... and come back to where they were going (issue 11). */
	ck_assert_str_eq(loc, "/konto/totp?tilbage=%2Ffse%2Fpost");

	/* A caseworker with TOTP: the start page links to the mail page, which shows the counts. */
	new_user("fse-caseworker", B(FSE_CASEWORKER), secret, email, sizeof(email));
	login(&fse, email, secret);
	ck_assert_int_eq(get("/fse", &fse, &r), 200);
	ck_assert(has(&r.body, "href=\"/fse/post\""));
	ck_assert(has(&r.body, "<h1>Forskningsservice</h1>"));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post", &fse, &r), 200);
	ck_assert(has(&r.body, "<h1>Post fra portalen</h1>"));
	ck_assert(has_header(&r, "cache-control: no-store"));
	/* The mailer runs here, moving mail from state to state but never adding or removing
	 * any: the four counts together are the outbox (counts_match_the_outbox below stops it and
	 * checks each one). */
	ck_assert_int_eq(page_count(&r.body, "queued") + page_count(&r.body, "deferred") +
	    page_count(&r.body, "dead") + page_count(&r.body, "sent"),
	    fixture_scalar_int("SELECT COUNT(*) FROM outbox WHERE id > ?", 0));
	reply_free(&r);

	/* The national statistician has the start page, but the outbox is not theirs. */
	new_user("fse-ns", B(NATIONAL_STATISTICIAN), nsecret, email, sizeof(email));
	login(&ns, email, nsecret);
	ck_assert_int_eq(get("/fse", &ns, &r), 200);
	ck_assert(!has(&r.body, "href=\"/fse/post\""));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post", &ns, &r), 403);
	reply_free(&r);
}
END_TEST

/* ---- the counts and the filter ---------------------------------------------------------------- */

START_TEST(counts_match_the_outbox)
{
	static const char *const states[] = { "queued", "deferred", "dead", "sent" };
	unsigned char secret[TOTP_SECRET_BYTES];
	struct jar fse = { "", "" };
	char email[256], row[64];
	unsigned long long id;
	long long before, uid;
	struct reply r;
	size_t i;

	uid = new_user("fse-counts", B(FSE_HEAD), secret, email, sizeof(email));
	login(&fse, email, secret);
	/* With the mailer stopped, nothing changes state between the page and the database. */
	stack("PORTAL_MAILER_STOP");
	ck_assert_int_eq(get("/fse/post", &fse, &r), 200);
	for (i = 0; i < 4; i++) {
		struct db_result res;
		long long want;

		ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM outbox WHERE state = ?",
		    "s", states[i]), DB_OK);
		want = db_cell_int(&res, 0, 0, -1);
		db_result_free(&res);
		ck_assert_msg(page_count(&r.body, states[i]) == want, "%s: page %lld, outbox %lld",
		    states[i], page_count(&r.body, states[i]), want);
	}
	before = page_count(&r.body, "queued");
	reply_free(&r);

	/* A new mail: one more in the queue, listed by default and under "I kø", not under sent. */
	id = enqueue("fse-counts", "Kvittering for ansøgning om æbler, øl og ål");
	snprintf(row, sizeof(row), "id=\"mail-%llu\"", id);
	ck_assert_int_eq(get("/fse/post", &fse, &r), 200);
	ck_assert_int_eq(page_count(&r.body, "queued"), before + 1);
	ck_assert(has(&r.body, row));
	ck_assert(has(&r.body, "Kvittering for ansøgning om æbler, øl og ål"));
	ck_assert(has(&r.body, "Prøvebesked"));		/* the kind, in Danish */
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=queued", &fse, &r), 200);
	ck_assert(has(&r.body, row));
	ck_assert(has(&r.body, "Mails i kø"));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=sent", &fse, &r), 200);
	ck_assert(!has(&r.body, row));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=alle", &fse, &r), 200);
	ck_assert(has(&r.body, row));
	reply_free(&r);
	/* A filter that is not one of the choices: said so next to the filter, nothing else. */
	ck_assert_int_eq(get("/fse/post?tilstand=%3Cscript%3E", &fse, &r), 422);
	ck_assert(has(&r.body, "Vælg, hvilke mails du vil se."));
	ck_assert(has(&r.body, "id=\"tilstand-error\""));
	ck_assert(!has(&r.body, "<script>"));
	reply_free(&r);
	/* Who looked at the outbox is in the audit trail. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'mail.list' AND object_type = 'outbox' AND actor_id = ?", uid), 6);
	stack("PORTAL_MAILER_START");
	/* And it is delivered once the mailer runs again. */
	ck_assert_msg(wait_state(id, "sent", 1, 30), "mail %llu was not sent", id);
}
END_TEST

/* ---- a dead mail: listed with its reason, and sent again -------------------------------------- */

START_TEST(dead_mail_retried)
{
	unsigned char secret[TOTP_SECRET_BYTES];
	struct jar fse = { "", "" }, plain = { "", "" };
	char email[256], idtext[32], row[64], field[96], csrf[64], plain_csrf[64], loc[256];
	char error[1001], escaped[4096], notice[128];
	unsigned long long id;
	long long uid, audits;
	struct db_result res;
	struct reply r;

	stack("PORTAL_MAILER_START");
	id = enqueue("reject", "Afgørelse om jeres autorisation");
	snprintf(idtext, sizeof(idtext), "%llu", id);
	snprintf(row, sizeof(row), "id=\"mail-%llu\"", id);
	snprintf(field, sizeof(field), "name=\"id\" value=\"%llu\"", id);
	/* The test SMTP server answers 550 for reject...@: the mailer makes it dead at once. */
	ck_assert_msg(wait_state(id, "dead", 1, 30), "mail %llu did not go dead", id);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT last_error FROM outbox WHERE id = ?", "i",
	    (long long)id), DB_OK);
	ck_assert_ptr_nonnull(db_cell(&res, 0, 0));
	snprintf(error, sizeof(error), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	ck_assert_msg(strstr(error, " 550 ") != NULL, "last_error: %s", error);
	html_escape(error, escaped, sizeof(escaped));

	uid = new_user("fse-retry", B(FSE_CASEWORKER), secret, email, sizeof(email));
	login(&fse, email, secret);

	/* Listed by default (not sent) and under "Ikke leveret", with the reason and a button. */
	ck_assert_int_eq(get("/fse/post", &fse, &r), 200);
	ck_assert(has(&r.body, row));
	ck_assert_msg(has(&r.body, escaped), "the reason \"%s\" is not on the page", escaped);
	ck_assert(has(&r.body, "Afgørelse om jeres autorisation"));
	ck_assert(has(&r.body, field));
	ck_assert(has(&r.body, "Send igen"));
	ck_assert_int_ge(page_count(&r.body, "dead"), 1);
	ck_assert_int_eq(html_input_value(&r.body, "csrf", csrf, sizeof(csrf)), 0);
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=dead", &fse, &r), 200);
	ck_assert(has(&r.body, row));
	ck_assert(has(&r.body, escaped));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=sent", &fse, &r), 200);
	ck_assert(!has(&r.body, row));
	reply_free(&r);
	ck_assert_int_eq(get("/fse/post?tilstand=queued", &fse, &r), 200);
	ck_assert(!has(&r.body, row));
	reply_free(&r);

	/* Someone without an FSE role cannot retry it, even with a valid token of their own. */
	new_user("plain-retry", 0, NULL, email, sizeof(email));
	login(&plain, email, NULL);
	client_csrf("/konto", &plain, plain_csrf, sizeof(plain_csrf));
	ck_assert_int_eq(post_retry(&plain, plain_csrf, idtext, &r), 403);
	reply_free(&r);
	ck_assert(state_is(id, "dead"));

	/* From here the mailer is stopped, so the queued state can be seen before it is sent. */
	stack("PORTAL_MAILER_STOP");
	/* No CSRF token, or another session's: 403, and the mail stays dead. */
	ck_assert_int_eq(post_retry(&fse, NULL, idtext, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(post_retry(&fse, plain_csrf, idtext, &r), 403);
	reply_free(&r);
	ck_assert(state_is(id, "dead"));
	audits = fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'mail.retry' AND object_type = 'outbox' AND object_id = ?", (long long)id);
	ck_assert_int_eq(audits, 0);

	/* With the token: 303 back to the page with a notice; queued at once, and audited. */
	ck_assert_int_eq(post_retry(&fse, csrf, idtext, &r), 303);
	ck_assert_int_eq(reply_header(&r, "Location", loc, sizeof(loc)), 0);
	reply_free(&r);
	snprintf(notice, sizeof(notice), "/fse/post?besked=igen&nr=%llu", id);
	ck_assert_str_eq(loc, notice);
	ck_assert(state_is(id, "queued"));
	ck_assert_int_eq(fixture_scalar_int("SELECT attempts FROM outbox WHERE id = ?",
	    (long long)id), 0);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'mail.retry' AND object_type = 'outbox' AND object_id = ? AND actor_id = ?", "ii",
	    (long long)id, uid), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 1);
	db_result_free(&res);
	ck_assert_int_eq(get(loc, &fse, &r), 200);
	snprintf(notice, sizeof(notice), "Mail nr. %llu er sat i kø igen", id);
	ck_assert(has(&r.body, notice));
	ck_assert(has(&r.body, row));			/* now listed as queued */
	ck_assert(!has(&r.body, field));		/* and no longer offered for retry */
	reply_free(&r);

	/* Again, now that it is queued: 422 with the reason, nothing changed, no second event. */
	ck_assert_int_eq(post_retry(&fse, csrf, idtext, &r), 422);
	ck_assert(has(&r.body, "kan ikke sendes igen"));
	ck_assert(has(&r.body, "data-module=\"error-summary\""));
	reply_free(&r);
	ck_assert(state_is(id, "queued"));
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'mail.retry' AND object_id = ?", (long long)id), 1);
	/* An id that names nothing, one that is not a number, none at all: 422. */
	ck_assert_int_eq(post_retry(&fse, csrf, "999999999999", &r), 422);
	ck_assert(has(&r.body, "Mail nr. 999999999999 kan ikke sendes igen"));
	reply_free(&r);
	ck_assert_int_eq(post_retry(&fse, csrf, "12abc", &r), 422);
	ck_assert(has(&r.body, "Vælg den mail på listen, der skal sendes igen."));
	reply_free(&r);
	ck_assert_int_eq(post_retry(&fse, csrf, NULL, &r), 422);
	ck_assert(has(&r.body, "Vælg den mail på listen, der skal sendes igen."));
	reply_free(&r);
	ck_assert(state_is(id, "queued"));

	/* The mailer takes it again: a real new attempt, refused again, dead again. */
	stack("PORTAL_MAILER_START");
	ck_assert_msg(wait_state(id, "dead", 1, 30), "mail %llu was not attempted again", id);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fse-e2e");
	TCase *tc = tcase_create("fse");
	int failed;

	snprintf(suffix, sizeof(suffix), "%lld-%d", (long long)time(NULL), (int)getpid());
	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, fixture_open, fixture_close);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, access_by_role);
	tcase_add_test(tc, counts_match_the_outbox);
	tcase_add_test(tc, dead_mail_retried);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	/* A failed assertion may have left the stack's mailer stopped: the suites after need it. */
	if (getenv("PORTAL_MAILER_START") && system(getenv("PORTAL_MAILER_START")) != 0)
		failed = 1;
	curl_global_cleanup();
	return failed;
}
