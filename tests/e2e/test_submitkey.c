/*
 * A form sent twice makes one change (issue 12, lib/submitkey), end to end through nginx: each
 * form that creates something (a new application, a new project proposal, an invitation, FSE's
 * rates; the logo is in test_files) carries a one-time key from its page. Sent again with the
 * same key (the first answer lost with a cut-off COMMIT, a double click, the back button), it
 * is answered with where the first send's object is, and nothing is created twice; sent at the
 * same moment from two processes, the same. A new page's key makes a second object, as it
 * should. A missing, malformed or someone else's key is a 400 and creates nothing.
 *
 * Every name carries this run's suffix, so the suite runs again on a used database.
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
#include "race.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)
#define KEY	"engangsnoegle"

static char sfx[24];
static long long auth;
static char auth_s[32];

static void
person(struct who *w, const char *local, unsigned roles, long long on)
{
	snprintf(w->email, sizeof(w->email), "%s.%s@noegle-%s.dk", local, sfx, sfx);
	w->uid = fixture_user(w->email, local);
	if (roles)
		fixture_grant(w->uid, roles, on);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static void
setup(void)
{
	char name[96], number[64], domain[64];

	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
	snprintf(name, sizeof(name), "Nøgleinstitut %s", sfx);
	snprintf(number, sizeof(number), "NK-%s", sfx);
	snprintf(domain, sizeof(domain), "noegle-%s.dk", sfx);
	auth = fixture_authorisation(name, number, domain);
	snprintf(auth_s, sizeof(auth_s), "%lld", auth);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = "
	    "'forskermaskinen' WHERE id = ?", "i", auth), DB_OK);
}

/* The key in the form of the page at path, as a browser would send it. */
static void
key_of_page(struct who *w, const char *path, char key[SESSION_TOKEN_CHARS + 1])
{
	struct reply r;

	client_get(path, &w->jar, &r);
	ck_assert_msg(r.status == 200, "GET %s: %ld", path, r.status);
	ck_assert_msg(html_input_value(&r.body, KEY, key, SESSION_TOKEN_CHARS + 1) == 0,
	    "no %s in the form of %s", KEY, path);
	ck_assert_uint_eq(strlen(key), SESSION_TOKEN_CHARS);
	reply_free(&r);
}

/* ---- a new project proposal ------------------------------------------------------------------ */

static long
new_proposal(struct who *w, const char *key, const char *title, char *loc, size_t n)
{
	struct reply r;

	client_post_form("/projekt/rediger", &w->jar, &r, "csrf", w->csrf, "id", auth_s, "sag", "",
	    "version", "", "titel", title, KEY, key, NULL);
	return reply_done(&r, loc, n);
}

static long long
proposals(const char *title)
{
	return fixture_scalar("SELECT COUNT(*) FROM cases WHERE type = 'project' AND title = ?",
	    title);
}

START_TEST(proposal_sent_twice_is_one_proposal)
{
	char key[SESSION_TOKEN_CHARS + 1], path[64], first[256], again[256], other[256];
	char title[96];
	struct who sup;

	person(&sup, "vejleder", B(SUPERVISOR), auth);
	snprintf(title, sizeof(title), "Én gang %s", sfx);
	snprintf(path, sizeof(path), "/projekt/rediger?id=%lld", auth);
	key_of_page(&sup, path, key);
	ck_assert_int_eq(new_proposal(&sup, key, title, first, sizeof(first)), 303);
	ck_assert_ptr_nonnull(strstr(first, "/projekt/sag?id="));
	/* The same form again: pointed at the first, nothing new. */
	ck_assert_int_eq(new_proposal(&sup, key, title, again, sizeof(again)), 303);
	ck_assert_str_eq(again, first);
	ck_assert_int_eq(proposals(title), 1);
	/* A new page, a new key: a second proposal is meant. */
	key_of_page(&sup, path, key);
	ck_assert_int_eq(new_proposal(&sup, key, title, other, sizeof(other)), 303);
	ck_assert_str_ne(other, first);
	ck_assert_int_eq(proposals(title), 2);
}
END_TEST

/* A double click: both sends of one key at the same moment. */
struct double_click {
	struct who	*w;
	const char	*key;
	const char	*title;
};

static char
click(int i, void *arg)
{
	struct double_click *dc = arg;
	char loc[256];
	long st = new_proposal(dc->w, dc->key, dc->title, loc, sizeof(loc));

	(void)i;
	/* Both answers point at a proposal; that it is one and the same, the count shows. */
	return st == 303 && strstr(loc, "/projekt/sag?id=") && strstr(loc, "besked=gemt") ? 'o' :
	    '?';
}

START_TEST(proposal_sent_twice_at_once_is_one_proposal)
{
	char key[SESSION_TOKEN_CHARS + 1], path[64], title[96], verdict[2];
	struct double_click dc;
	struct who sup;

	person(&sup, "dobbeltklik", B(SUPERVISOR), auth);
	snprintf(title, sizeof(title), "Dobbeltklik %s", sfx);
	snprintf(path, sizeof(path), "/projekt/rediger?id=%lld", auth);
	key_of_page(&sup, path, key);
	dc.w = &sup;
	dc.key = key;
	dc.title = title;
	race_two(click, &dc, verdict);
	ck_assert_int_eq(verdict[0], 'o');
	ck_assert_int_eq(verdict[1], 'o');
	ck_assert_int_eq(proposals(title), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM submission_keys WHERE user_id = "
	    "? AND form = 'proposal.new'", sup.uid), 1);
}
END_TEST

/* ---- a new application ------------------------------------------------------------------------ */

static long
new_application(struct who *w, const char *key, char *loc, size_t n)
{
	struct reply r;

	client_post_form("/ansoegning/ny", &w->jar, &r, "csrf", w->csrf, KEY, key, NULL);
	return reply_done(&r, loc, n);
}

static long long
applications(long long uid)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE type = 'authorisation' AND "
	    "created_by = ?", uid);
}

START_TEST(application_sent_twice_is_one_draft)
{
	char key[SESSION_TOKEN_CHARS + 1], first[256], again[256], other[256];
	struct who applicant;

	person(&applicant, "ansoeger", 0, 0);
	key_of_page(&applicant, "/ansoegning", key);
	ck_assert_int_eq(new_application(&applicant, key, first, sizeof(first)), 303);
	ck_assert_ptr_nonnull(strstr(first, "/ansoegning/trin?id="));
	ck_assert_int_eq(new_application(&applicant, key, again, sizeof(again)), 303);
	ck_assert_str_eq(again, first);
	ck_assert_int_eq(applications(applicant.uid), 1);
	key_of_page(&applicant, "/ansoegning", key);
	ck_assert_int_eq(new_application(&applicant, key, other, sizeof(other)), 303);
	ck_assert_str_ne(other, first);
	ck_assert_int_eq(applications(applicant.uid), 2);
}
END_TEST

/* ---- an invitation ------------------------------------------------------------------------- */

static long
invite(struct who *w, const char *key, const char *email, char *loc, size_t n)
{
	struct reply r;

	client_post_form("/autorisation/inviter", &w->jar, &r, "csrf", w->csrf, "id", auth_s,
	    "email", email, "rolle", "supervisor", "begrundelse", "", KEY, key, NULL);
	return reply_done(&r, loc, n);
}

START_TEST(invitation_sent_twice_is_one_invitation_and_one_mail)
{
	char key[SESSION_TOKEN_CHARS + 1], path[64], first[256], again[256], email[128];
	char email2[128];
	struct who resp;

	person(&resp, "ansvarlig", B(RESPONSIBLE), auth);
	snprintf(email, sizeof(email), "inviteret.%s@noegle-%s.dk", sfx, sfx);
	snprintf(email2, sizeof(email2), "anden.%s@noegle-%s.dk", sfx, sfx);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%lld", auth);
	key_of_page(&resp, path, key);
	ck_assert_int_eq(invite(&resp, key, email, first, sizeof(first)), 303);
	ck_assert_ptr_nonnull(strstr(first, "besked=inviteret"));
	ck_assert_int_eq(invite(&resp, key, email, again, sizeof(again)), 303);
	ck_assert_str_eq(again, first);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email),
	    1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 1);
	/* The page's next key invites the next person. */
	key_of_page(&resp, path, key);
	ck_assert_int_eq(invite(&resp, key, email2, again, sizeof(again)), 303);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email2),
	    1);
}
END_TEST

/* ---- FSE's rates ------------------------------------------------------------------------------- */

static long
add_rate(struct who *w, const char *key, const char *from, const char *note, char *loc,
    size_t n)
{
	struct reply r;

	client_post_form("/fse/takster", &w->jar, &r, "csrf", w->csrf, "art", "student_user",
	    "beloeb", "99,00", "gyldig_fra", from, "gyldig_til", "", "note", note, KEY, key, NULL);
	return reply_done(&r, loc, n);
}

START_TEST(rate_sent_twice_is_one_rate)
{
	char key[SESSION_TOKEN_CHARS + 1], first[256], again[256], from[16], note[64];
	struct who cw;

	person(&cw, "sagsbehandler", B(FSE_CASEWORKER), 0);
	/* A year of this run's own, far ahead: other suites use 3000-8999. */
	snprintf(from, sizeof(from), "%d-01-01", 9100 + (int)(getpid() % 800));
	snprintf(note, sizeof(note), "test_submitkey %s", sfx);
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE kind = 'student_user' AND "
	    "valid_from >= '9100-01-01'", ""), DB_OK);
	key_of_page(&cw, "/fse/takster", key);
	ck_assert_int_eq(add_rate(&cw, key, from, note, first, sizeof(first)), 303);
	ck_assert_ptr_nonnull(strstr(first, "besked=tilfoejet"));
	ck_assert_int_eq(add_rate(&cw, key, from, note, again, sizeof(again)), 303);
	ck_assert_str_eq(again, first);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM rates WHERE note = ?", note), 1);
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE note = ?", "s", note),
	    DB_OK);
}
END_TEST

/* ---- keys that do not hold ------------------------------------------------------------------ */

START_TEST(missing_malformed_or_foreign_key_is_400)
{
	char key[SESSION_TOKEN_CHARS + 1], loc[256], title[96];
	struct who sup, other;
	struct reply r;

	person(&sup, "uden-noegle", B(SUPERVISOR), auth);
	person(&other, "anden", B(SUPERVISOR), auth);
	snprintf(title, sizeof(title), "Uden nøgle %s", sfx);
	client_post_form("/projekt/rediger", &sup.jar, &r, "csrf", sup.csrf, "id", auth_s, "sag",
	    "", "version", "", "titel", title, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 400);
	ck_assert_int_eq(new_proposal(&sup, "ikke-en-noegle", title, loc, sizeof(loc)), 400);
	ck_assert_int_eq(proposals(title), 0);
	/* Claimed by one user's form, the key is not another's, nor another form's. */
	snprintf(key, sizeof(key), "%s", client_new_key());
	ck_assert_int_eq(new_proposal(&sup, key, title, loc, sizeof(loc)), 303);
	ck_assert_int_eq(new_proposal(&other, key, title, loc, sizeof(loc)), 400);
	ck_assert_int_eq(new_application(&sup, key, loc, sizeof(loc)), 400);
	ck_assert_int_eq(proposals(title), 1);
	ck_assert_int_eq(applications(sup.uid), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("submitkey");
	TCase *tc = tcase_create("twice");

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, proposal_sent_twice_is_one_proposal);
	tcase_add_test(tc, proposal_sent_twice_at_once_is_one_proposal);
	tcase_add_test(tc, application_sent_twice_is_one_draft);
	tcase_add_test(tc, invitation_sent_twice_is_one_invitation_and_one_mail);
	tcase_add_test(tc, rate_sent_twice_is_one_rate);
	tcase_add_test(tc, missing_malformed_or_foreign_key_is_400);
	suite_add_tcase(s, tc);
	return check_run(s);
}
