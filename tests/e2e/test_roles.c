/*
 * Roles and invitations end to end (issue 3; R6, R9, R34): the responsible invites inside the
 * institution's domains and not outside them, FSE may with a recorded reason; the invitee accepts
 * with the invited address only, once, and not after 7 days; a revoked role stops working on the
 * next request, and the history keeps who granted and revoked, when and why.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "fixture.h"
#include "maildir.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

struct who {
	long long	uid;
	struct jar	jar;
	char		csrf[SESSION_TOKEN_CHARS + 1];
};

static void
as(struct who *w, long long uid)
{
	w->uid = uid;
	fixture_session(uid, &w->jar, w->csrf);
}

static long
post(struct who *w, const char *path, struct reply *r, const char *a, const char *av,
    const char *b, const char *bv, const char *c, const char *cv, const char *d, const char *dv)
{
	client_post_form(path, &w->jar, r, "csrf", w->csrf, a, av, b, bv, c, cv, d, dv, NULL);
	return r->status;
}

static char sfx[16], idbuf[32];
static long long auth;

static const char *
mail(const char *local)
{
	static char out[4][128];
	static int n;

	n = (n + 1) % 4;
	snprintf(out[n], sizeof(out[n]), "%s.%s@econ.roles.dk", local, sfx);
	return out[n];
}

static void
setup(void)
{
	char name[96], number[64];

	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 1000);
	snprintf(name, sizeof(name), "Rolleinstitut %s", sfx);
	snprintf(number, sizeof(number), "R-%s", sfx);
	auth = fixture_authorisation(name, number, "roles.dk");
	snprintf(idbuf, sizeof(idbuf), "%lld", auth);
}

START_TEST(invite_accept_once)
{
	struct who resp, invitee, stranger;
	const char *email = mail("ny.vejleder");
	char token[64], path[256];
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig"), "Rikke Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	/* R6: a subdomain of the institution's domain is the institution's. */
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", email,
	    "rolle", "supervisor", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email), 1);
	ck_assert_int_gt(maildir_find_token(email, "/autorisation/invitation", 1, 30, token,
	    sizeof(token)), 0);
	snprintf(path, sizeof(path), "/autorisation/invitation?token=%s", token);

	/* Someone logged in with another address cannot take it. */
	as(&stranger, fixture_user(mail("fremmed"), "Frede Fremmed"));
	ck_assert_int_eq(client_status(path, &stranger.jar, NULL, 0), 200);
	ck_assert_int_eq(post(&stranger, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 403);
	ck_assert(has(&r.body, "en anden e-mailadresse"));
	reply_free(&r);

	as(&invitee, fixture_user(email, "Vera Vejleder"));
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM role_assignments r JOIN users u ON "
	    "u.id = r.user_id WHERE u.email = ? AND r.role = 'supervisor' AND r.revoked_at IS NULL "
	    "AND r.granted_by IS NOT NULL", email), 1);
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events a JOIN users u ON "
	    "u.id = a.subject_id WHERE u.email = ? AND a.action = 'role.grant'", email), 1);
	/* Single use. */
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 410);
	reply_free(&r);
	/* The responsible sees the new holder. */
	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	client_get(path, &resp.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Vera Vejleder"));
	reply_free(&r);
	/* Seeing other people's names and addresses is a logged read (R33). */
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events a JOIN users u ON "
	    "u.id = a.actor_id WHERE u.name = ? AND a.action = 'roles.view'", "Rikke Ansvarlig"), 1);
}
END_TEST

START_TEST(domain_rule_and_fse_override)
{
	struct who resp, fse;
	const char *outside = "someone@gmail.com";
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig2"), "Rasmus Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", outside,
	    "rolle", "signer", "begrundelse", "vil gerne"), 422);
	ck_assert(has(&r.body, "en adresse, institutionen har udstedt"));	/* R6 */
	ck_assert(has(&r.body, "value=\"someone@gmail.com\""));	/* the input kept */
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", outside),
	    0);
	/* FSE: refused without a reason, accepted with one, and the reason is kept. */
	as(&fse, fixture_user(mail("fse"), "Fie FSE"));
	fixture_grant(fse.uid, B(FSE_CASEWORKER), 0);
	ck_assert_int_eq(post(&fse, "/autorisation/inviter", &r, "id", idbuf, "email", outside,
	    "rolle", "signer", "begrundelse", ""), 422);
	reply_free(&r);
	ck_assert_int_eq(post(&fse, "/autorisation/inviter", &r, "id", idbuf, "email", outside,
	    "rolle", "signer", "begrundelse", "Gæsteforsker med aftale"), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ? AND "
	    "override_reason = 'Gæsteforsker med aftale'", outside), 1);
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'invitation.create_override' AND detail LIKE CONCAT('%', ?, '%')", outside), 1);
}
END_TEST

START_TEST(invitation_expires)
{
	struct who resp, invitee;
	const char *email = mail("sen.signer");
	char token[64];
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig3"), "Rita Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", email,
	    "rolle", "signer", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_gt(maildir_find_token(email, "/autorisation/invitation", 1, 30, token,
	    sizeof(token)), 0);
	/* Eight days later. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE invitations SET expires_at = NOW(6) - "
	    "INTERVAL 1 DAY WHERE email = ?", "s", email), DB_OK);
	as(&invitee, fixture_user(email, "Sune Sen"));
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 410);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM role_assignments r JOIN users u ON "
	    "u.id = r.user_id WHERE u.email = ?", email), 0);
}
END_TEST

START_TEST(revoke_takes_effect_and_is_kept)
{
	struct who resp, admin;
	char path[128], assignment[32];
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig4"), "Rune Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	as(&admin, fixture_user(mail("admin"), "Anja Administrator"));
	fixture_grant(admin.uid, B(ADMINISTRATOR), auth);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	/* The administrator sees the roles. */
	ck_assert_int_eq(client_status(path, &admin.jar, NULL, 0), 200);
	snprintf(assignment, sizeof(assignment), "%lld", fixture_scalar("SELECT r.id FROM "
	    "role_assignments r JOIN users u ON u.id = r.user_id WHERE u.name = ?",
	    "Anja Administrator"));
	/* A reason is required; the responsible's own role is FSE's to revoke. */
	ck_assert_int_eq(post(&resp, "/autorisation/tilbagekald", &r, "id", idbuf, "tildeling",
	    assignment, "begrundelse", "", NULL, NULL), 422);
	reply_free(&r);
	{
		char own[32];

		snprintf(own, sizeof(own), "%lld", fixture_scalar("SELECT r.id FROM role_assignments r "
		    "JOIN users u ON u.id = r.user_id WHERE u.name = ?", "Rune Ansvarlig"));
		ck_assert_int_eq(post(&resp, "/autorisation/tilbagekald", &r, "id", idbuf, "tildeling",
		    own, "begrundelse", "prøver", NULL, NULL), 403);
		reply_free(&r);
	}
	ck_assert_int_eq(post(&resp, "/autorisation/tilbagekald", &r, "id", idbuf, "tildeling",
	    assignment, "begrundelse", "Har skiftet job", NULL, NULL), 303);
	reply_free(&r);
	/* The very next request of the administrator: the role no longer works (404: not theirs). */
	ck_assert_int_eq(client_status(path, &admin.jar, NULL, 0), 404);
	/* Twice: nothing to revoke, and said so. */
	ck_assert_int_eq(post(&resp, "/autorisation/tilbagekald", &r, "id", idbuf, "tildeling",
	    assignment, "begrundelse", "igen", NULL, NULL), 409);
	reply_free(&r);
	/* R34: the history keeps it, with who and why. */
	client_get(path, &resp.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "af Rune Ansvarlig: Har skiftet job"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'role.revoke' AND detail = ?", "administrator: Har skiftet job"), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("roles");
	TCase *tc = tcase_create("roles");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, invite_accept_once);
	tcase_add_test(tc, domain_rule_and_fse_override);
	tcase_add_test(tc, invitation_expires);
	tcase_add_test(tc, revoke_takes_effect_and_is_kept);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
