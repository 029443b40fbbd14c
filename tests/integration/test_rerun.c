/*
 * Integration against the real MariaDB of scripts/test (PORTAL_CONFIG): a request whose
 * transaction loses a conflict at COMMIT (error 1213, forced with db_fault_commits as Galera's
 * certification would) is run again whole by the accept loop (lib/fcgi.c, issue 12): its audit
 * event and its outbox mail exist once, never twice and never half; one that keeps losing gets
 * 503 with the form to send again, and nothing written; a commit whose outcome is unknown is
 * never run again (the form's submission key answers a second send, not the loop). A module's
 * own error over a lost conflict is the conflict (db_last_error).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "config.h"
#include "ctx.h"
#include "db.h"
#include "fcgi.h"
#include "http.h"
#include "mail.h"
#include "session.h"
#include "tmpl.h"

#include "../check_run.h"

#define RERUN_TO	"rerun-test@example.org"

static struct config cfg;
static struct db *db;
static int runs;		/* how many times the handler ran in the last request */
static char marker[64];		/* this request's mail subject and audit detail */
static int collapse;		/* report a failed commit as a module does: DB_EEXEC */

/*
 * A handler as every handler is written: one transaction with its audit event and its mail,
 * any database error handed to ctx_tx_error.
 */
static int
h_change(struct ctx *ctx)
{
	struct mail m = { .to = RERUN_TO, .subject = marker, .text = "Prøve.\n", .kind = "rerun_test" };
	enum db_err rc;

	runs++;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = audit_event(ctx->db, 0, "rerun_test", "", 0, 0, "127.0.0.1", marker)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (mail_enqueue(ctx->db, ctx->cfg, &m, NULL) != MAIL_OK)
		return ctx_tx_error(ctx, mail_last_db_error());
	/* A header the first run set must not reach the answer of the second. */
	http_response_header(ctx->resp, "X-Rerun-Run", runs == 1 ? "first" : "later");
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_tx_error(ctx, collapse ? DB_EEXEC : rc);
	return ctx_redirect(ctx, "/gemt");
}

static const struct route routes[] = {
	{ "POST", "/rerun", h_change, ACT_PUBLIC },
};

static struct http_request req;
static struct http_response resp;
static struct session sess;

static void
setup(void)
{
	const char *path = getenv("PORTAL_CONFIG");
	char err[512], cookie[128];
	struct http_response started;

	ck_assert_msg(path != NULL, "PORTAL_CONFIG is not set: run through scripts/test");
	ck_assert_msg(config_load(&cfg, path, err, sizeof(err)) == CONFIG_OK, "%s", err);
	ck_assert_msg(tmpl_init(cfg.templates_dir, err, sizeof(err)) == TMPL_OK, "%s", err);
	db = db_new(&cfg);
	ck_assert_int_eq(db_connect(db), DB_OK);
	/* An anonymous session, as a visitor with a form open has: its cookie and CSRF token. */
	http_response_init(&started);
	ck_assert_int_eq(session_start(db, &cfg, &started, 0, 0, "127.0.0.1", &sess), DB_OK);
	ck_assert_ptr_nonnull(started.headers.data);
	ck_assert_msg(sscanf(started.headers.data, "Set-Cookie: " SESSION_COOKIE "=%127[^;]",
	    cookie) == 1, "no session cookie in %s", started.headers.data);
	http_response_free(&started);

	http_request_init(&req);
	req.method = "POST";
	req.path = "/rerun";
	req.host = "127.0.0.1";
	req.remote_addr = "127.0.0.1";
	req.sec_fetch_site = "same-origin";
	ck_assert_int_eq(kvlist_add(&req.cookies, SESSION_COOKIE, strlen(SESSION_COOKIE), cookie,
	    strlen(cookie)), 0);
	ck_assert_int_eq(kvlist_add(&req.form, "csrf", 4, sess.csrf, strlen(sess.csrf)), 0);
	ck_assert_int_eq(kvlist_add(&req.form, "titel", 5, "Min ændring", strlen("Min ændring")), 0);
	ck_assert_int_eq(kvlist_add(&req.form, "engangsnoegle", 13, "noegle-123", 10), 0);
}

static void
teardown(void)
{
	db_exec(db, NULL, "DELETE FROM sessions WHERE id = ?", "i", sess.id);
	http_request_free(&req);
	db_free(db);
	db = NULL;
}

/* Sends the request with the session's cookie; the answer's status. */
static int
send(const char *name)
{
	/* Unique per run of the suite (each test is a fork: rand() would repeat). */
	snprintf(marker, sizeof(marker), "rerun %s %lld %d", name, (long long)time(NULL), (int)getpid());
	runs = 0;
	http_response_init(&resp);
	fcgi_handle(&cfg, db, routes, 1, &req, HTTP_OK, &resp);
	return resp.status;
}

static long long
count(const char *sql)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(db, &res, sql, "s", marker), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

static long long
mails(void)
{
	return count("SELECT COUNT(*) FROM outbox WHERE subject = ?");
}

static long long
audits(void)
{
	return count("SELECT COUNT(*) FROM audit_events WHERE detail = ?");
}

static int
body_has(const char *text)
{
	return resp.body.data && strstr(resp.body.data, text) != NULL;
}

/* The first COMMIT fails with rc, the second succeeds: one change, one mail, one audit event. */
static void
fails_once_then_saved(enum db_err rc, const char *name)
{
	db_fault_commits(db, rc, 1);
	ck_assert_int_eq(send(name), 303);
	ck_assert_int_eq(runs, 2);
	ck_assert_int_eq(mails(), 1);
	ck_assert_int_eq(audits(), 1);
}

START_TEST(conflict_at_commit_runs_again_whole)
{
	/* Lost a conflict at COMMIT (1213, as Galera's certification answers). */
	fails_once_then_saved(DB_ERETRY, "once");
	ck_assert_ptr_nonnull(resp.headers.data);
	ck_assert_ptr_nonnull(strstr(resp.headers.data, "X-Rerun-Run: later"));
	ck_assert_ptr_null(strstr(resp.headers.data, "X-Rerun-Run: first"));
	http_response_free(&resp);
}
END_TEST

START_TEST(conflict_every_time_is_503_with_the_form)
{
	/* Losing on every run: a bounded number of runs, then 503 (never 500), nothing written,
	 * and the page offers what was typed to send again. */
	db_fault_commits(db, DB_ERETRY, 100);
	ck_assert_int_eq(send("always"), 503);
	db_fault_commits(db, DB_OK, 0);
	ck_assert_int_eq(runs, 5);
	ck_assert_int_eq(mails(), 0);
	ck_assert_int_eq(audits(), 0);
	ck_assert_msg(body_has("Andre ændrede det samme"), "the busy text is missing");
	ck_assert_msg(body_has("value=\"Min ændring\""), "the typed title is not in the form");
	ck_assert_msg(body_has("Send igen"), "no button to send again");
	/* The one-time key goes back with the form, but is not listed as something typed. */
	ck_assert_msg(body_has("name=\"engangsnoegle\" value=\"noegle-123\""), "key not resent");
	ck_assert_msg(!body_has("<dt>engangsnoegle</dt>"), "the key is shown as typed");
	ck_assert_msg(!body_has("kan ikke nå sine data"), "the busy page says the database is down");
	http_response_free(&resp);
}
END_TEST

START_TEST(lost_before_commit_runs_once_more)
{
	/* The connection broke before COMMIT (a node gone): rolled back, run once more. */
	fails_once_then_saved(DB_ELOST, "lost");
	http_response_free(&resp);
}
END_TEST

START_TEST(module_error_over_a_conflict_runs_again)
{
	/* A module that reports its own error (CASES_EDB, passed on as DB_EEXEC) over a statement
	 * that lost a conflict: still a conflict (db_last_error), run again, never a 500. */
	collapse = 1;
	fails_once_then_saved(DB_ERETRY, "module");
	collapse = 0;
	http_response_free(&resp);
}
END_TEST

START_TEST(unknown_outcome_is_not_run_again)
{
	/* Cut off during COMMIT: it may have committed, so the loop must not make it twice. */
	db_fault_commits(db, DB_EUNKNOWN, 1);
	ck_assert_int_eq(send("unknown"), 503);
	ck_assert_int_eq(runs, 1);
	ck_assert_msg(body_has("kan ikke nå sine data"), "the 503 page for an unknown outcome");
	http_response_free(&resp);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("rerun");
	TCase *tc = tcase_create("fcgi_handle");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, conflict_at_commit_runs_again_whole);
	tcase_add_test(tc, conflict_every_time_is_503_with_the_form);
	tcase_add_test(tc, lost_before_commit_runs_once_more);
	tcase_add_test(tc, module_error_over_a_conflict_runs_again);
	tcase_add_test(tc, unknown_outcome_is_not_run_again);
	suite_add_tcase(s, tc);
	return check_run(s);
}
