/*
 * Roles and invitations end to end (issue 3; R6, R9, R34): the responsible invites inside the
 * institution's domains and not outside them, FSE may with a recorded reason; the invitee accepts
 * with the invited address only, once, and not after 7 days; a revoked role stops working on the
 * next request, and the history keeps who granted and revoked, when and why. The responsible role
 * comes from FSE only (R9, R4.2): FSE may invite to it again when the manager's invitation has
 * expired, and accepting hands the role over from the interim applicant, who is told by mail.
 *
 * Every address, name and number carries this run's suffix (pid and a seeded random number), so
 * the suite runs again and again against the same database.
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
#include "maildir.h"
#include "policy.h"
#include "race.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

static void
as(struct who *w, long long uid)
{
	w->uid = uid;
	fixture_session(uid, &w->jar, w->csrf);
}

/* Every post carries a fresh submission key: an invitation is a create form (issue 12), and
 * the other forms ignore the field. */
static long
post(struct who *w, const char *path, struct reply *r, const char *a, const char *av,
    const char *b, const char *bv, const char *c, const char *cv, const char *d, const char *dv)
{
	const char *key = client_new_key();

	/* The pairs end at the first NULL name, so the key goes in front of them. */
	client_post_form(path, &w->jar, r, "csrf", w->csrf, "engangsnoegle", key, a, av, b, bv, c,
	    cv, d, dv, NULL);
	return r->status;
}

static char sfx[24], idbuf[32];
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

/* A person's name with this run's suffix: names are looked up and must be this run's. */
static const char *
named(const char *name)
{
	static char out[4][128];
	static int n;

	n = (n + 1) % 4;
	snprintf(out[n], sizeof(out[n]), "%s %s", name, sfx);
	return out[n];
}

static void
setup(void)
{
	char name[96], number[64];

	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
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

	/* Logged out, the page's "Log ind" leads back to the invitation (issue 11). */
	{
		struct jar anon;
		char csrf[SESSION_TOKEN_CHARS + 1], back[256];

		fixture_session(0, &anon, csrf);
		client_get(path, &anon, &r);
		ck_assert_int_eq(r.status, 200);
		snprintf(back, sizeof(back), "href=\"/konto/log-ind?tilbage=%%2Fautorisation%%2F"
		    "invitation%%3Ftoken%%3D%s\">Log ind</a>", token);
		ck_assert_msg(has(&r.body, back), "no %s", back);
		reply_free(&r);
	}

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
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE actor_id = ? "
	    "AND action = 'roles.view'", resp.uid), 1);
}
END_TEST

START_TEST(domain_rule_and_fse_override)
{
	struct who resp, fse;
	char outside[96], kept[128];
	struct reply r;

	snprintf(outside, sizeof(outside), "someone.%s@gmail.com", sfx);
	snprintf(kept, sizeof(kept), "value=\"%s\"", outside);

	as(&resp, fixture_user(mail("ansvarlig2"), "Rasmus Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", outside,
	    "rolle", "signer", "begrundelse", "vil gerne"), 422);
	ck_assert(has(&r.body, "en adresse, institutionen har udstedt"));	/* R6 */
	ck_assert(has(&r.body, kept));	/* the input kept */
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", outside),
	    0);
	/* R6: lookalikes that only end like the institution's domain are outside it (issue 15). */
	{
		static const char *const lookalikes[] = { "xroles.dk", "evilroles.dk",
		    "roles.dk.example.com" };
		char addr[128];
		size_t i;

		for (i = 0; i < sizeof(lookalikes) / sizeof(lookalikes[0]); i++) {
			snprintf(addr, sizeof(addr), "someone.%s@%s", sfx, lookalikes[i]);
			ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email",
			    addr, "rolle", "signer", "begrundelse", ""), 422);
			ck_assert_msg(has(&r.body, "en adresse, institutionen har udstedt"), "%s",
			    addr);
			reply_free(&r);
			ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email "
			    "= ?", addr), 0);
		}
	}
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
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
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
	snprintf(assignment, sizeof(assignment), "%lld", fixture_scalar_int("SELECT id FROM "
	    "role_assignments WHERE user_id = ?", admin.uid));
	/* A reason is required; the responsible's own role is FSE's to revoke. */
	ck_assert_int_eq(post(&resp, "/autorisation/tilbagekald", &r, "id", idbuf, "tildeling",
	    assignment, "begrundelse", "", NULL, NULL), 422);
	reply_free(&r);
	{
		char own[32];

		snprintf(own, sizeof(own), "%lld", fixture_scalar_int("SELECT id FROM "
		    "role_assignments WHERE user_id = ?", resp.uid));
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
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'role.revoke' AND object_type = 'authorisation' AND object_id = ? AND detail = "
	    "'administrator: Har skiftet job'", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT subject_id FROM audit_events WHERE action = "
	    "'role.revoke' AND object_type = 'authorisation' AND object_id = ?", auth), admin.uid);
	/* The person is told, with the reason (issue 11). */
	ck_assert_int_eq(maildir_count(mail("admin"), "Begrundelse: Har skiftet job", 30), 1);
	ck_assert_int_eq(maildir_count(mail("admin"), "har tilbagekaldt din rolle som "
	    "Administrator", 0), 1);
}
END_TEST

/* A pending invitation can be withdrawn or sent again (issue 11); the page says what each role
 * may do, in the policy table's plain words. */
START_TEST(withdraw_and_send_again)
{
	struct who resp, invitee;
	const char *email = mail("skifter"), *email2 = mail("fortryder");
	char token[64], token2[64], path[256], inv[32];
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig6"), "Rita Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", email,
	    "rolle", "signer", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_eq(maildir_find_token(email, "/autorisation/invitation", 1, 30, token,
	    sizeof(token)), 1);
	/* The invitation says what a signer may do. */
	ck_assert_int_eq(maildir_count(email, "Som Underskriver kan du", 0), 1);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	client_get(path, &resp.jar, &r);
	ck_assert(has(&r.body, "<dt>Vejleder</dt><dd>Må "));
	ck_assert(has(&r.body, "underskrive projektindstillinger på institutionens vegne"));
	ck_assert(has(&r.body, "Send igen<span class=\"sr-only\"> til "));
	reply_free(&r);

	/* Sent again: a new link; the old one no longer works, the new one does. */
	snprintf(inv, sizeof(inv), "%lld", fixture_scalar("SELECT id FROM invitations WHERE "
	    "email = ?", email));
	ck_assert_int_eq(post(&resp, "/autorisation/invitation/send-igen", &r, "id", idbuf,
	    "invitation", inv, NULL, NULL, NULL, NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(maildir_find_token(email, "/autorisation/invitation", 2, 30, token2,
	    sizeof(token2)), 2);
	ck_assert_str_ne(token, token2);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ? AND "
	    "withdrawn_at IS NULL", email), 1);
	as(&invitee, fixture_user(email, "Sofus Skifter"));
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 410);
	reply_free(&r);
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token2, NULL,
	    NULL, NULL, NULL, NULL, NULL), 303);
	reply_free(&r);
	/* Accepted: nothing left to send again. */
	ck_assert_int_eq(post(&resp, "/autorisation/invitation/send-igen", &r, "id", idbuf,
	    "invitation", inv, NULL, NULL, NULL, NULL), 409);
	reply_free(&r);

	/* Withdrawn: the link stops working, and the person is told. */
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", email2,
	    "rolle", "supervisor", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_eq(maildir_find_token(email2, "/autorisation/invitation", 1, 30, token,
	    sizeof(token)), 1);
	snprintf(inv, sizeof(inv), "%lld", fixture_scalar("SELECT id FROM invitations WHERE "
	    "email = ?", email2));
	/* Not by someone who may not invite (a supervisor), and not on another authorisation. */
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation/traek-tilbage", &r, "id", idbuf,
	    "invitation", inv, NULL, NULL, NULL, NULL), 403);
	reply_free(&r);
	ck_assert_int_eq(post(&resp, "/autorisation/invitation/traek-tilbage", &r, "id", idbuf,
	    "invitation", inv, NULL, NULL, NULL, NULL), 303);
	reply_free(&r);
	ck_assert_int_eq(maildir_count(email2, "har trukket invitationen til rollen som Vejleder",
	    30), 1);
	as(&invitee, fixture_user(email2, "Frida Fortryder"));
	ck_assert_int_eq(post(&invitee, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 410);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'invitation.withdraw' AND object_type = 'authorisation' AND object_id = ?", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'invitation.resend' AND object_type = 'authorisation' AND object_id = ?", auth), 1);
}
END_TEST

/* ---- the responsible role comes from FSE (R9, R4.2) ---------------------------------------- */

/* The roles page's invite form offers the responsible role to FSE staff only. */
static int
offers_responsible(struct who *w)
{
	char path[128];
	struct reply r;
	int offered;

	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	client_get(path, &w->jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "name=\"rolle\""));	/* the form is there */
	offered = has(&r.body, "<option value=\"responsible\"");
	reply_free(&r);
	return offered;
}

START_TEST(responsible_cannot_invite_responsible)
{
	struct who resp;
	const char *email = mail("anden.leder");
	char kept[160];
	struct reply r;

	as(&resp, fixture_user(mail("ansvarlig5"), "Rolf Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	ck_assert(!offers_responsible(&resp));
	/* R9: the responsible appoints administrators, signers and supervisors, not responsibles:
	 * the form comes back with the reason at the role field, and nothing is written. */
	ck_assert_int_eq(post(&resp, "/autorisation/inviter", &r, "id", idbuf, "email", email,
	    "rolle", "responsible", "begrundelse", ""), 422);
	ck_assert(has(&r.body, "id=\"rolle-error\""));
	ck_assert(has(&r.body, "Rollen som autorisationsansvarlig gives af Forskningsservice"));
	snprintf(kept, sizeof(kept), "value=\"%s\"", email);
	ck_assert(has(&r.body, kept));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE actor_id = ? "
	    "AND action LIKE 'invitation.%'", resp.uid), 0);
}
END_TEST

/* R9: appointing is the responsible's: an administrator of the same authorisation may see the
 * roles but not invite to one (issue 15: the policy giving administrators the invitation went
 * uncaught over HTTP). Nothing is written. */
START_TEST(an_administrator_cannot_invite)
{
	struct who admin;
	const char *email = mail("af.administrator");
	char path[128];
	struct reply r;

	as(&admin, fixture_user(mail("administrator9"), "Alma Administrator"));
	fixture_grant(admin.uid, B(ADMINISTRATOR), auth);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	ck_assert_int_eq(client_status(path, &admin.jar, NULL, 0), 200);
	ck_assert_int_eq(post(&admin, "/autorisation/inviter", &r, "id", idbuf, "email", email,
	    "rolle", "supervisor", "begrundelse", ""), 403);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 0);
}
END_TEST

/*
 * Issue 5 follow-up: FSE approved the application while the manager had no account, so the
 * applicant holds the responsible role for now and the manager was invited. That invitation
 * expired; FSE invites the manager again from the roles page. Accepting is the same path as the
 * approval's invitation: the manager is responsible, the applicant's interim role is revoked with
 * the reason, both audited (R34), and the applicant is told by mail, in the same transaction
 * (R32).
 */
START_TEST(fse_reinvites_responsible_after_expiry)
{
	struct who app, fse, mgr;
	const char *app_email = mail("ansoeger"), *manager = mail("lise.leder");
	const char *mgr_name = named("Lise Leder"), *app_name = named("Anna Ansoeger");
	const char *title = named("Ansøgning om autorisation");
	char token[64], old[64], path[256], assignment[32];
	struct reply r;

	as(&app, fixture_user(app_email, app_name));
	fixture_grant(app.uid, B(RESPONSIBLE), auth);
	/* The approved application the applicant made for this authorisation (cgi-bin/fse). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('authorisation', 'approved', ?, ?, ?, '')", "iis",
	    app.uid, auth, title), DB_OK);
	as(&fse, fixture_user(mail("fse2"), "Frida FSE"));
	fixture_grant(fse.uid, B(FSE_CASEWORKER), 0);
	ck_assert(offers_responsible(&fse));

	/* The first invitation (as the approval sends it), then eight days pass. */
	ck_assert_int_eq(post(&fse, "/autorisation/inviter", &r, "id", idbuf, "email", manager,
	    "rolle", "responsible", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_gt(maildir_find_token(manager, "/autorisation/invitation", 1, 30, old,
	    sizeof(old)), 0);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE invitations SET expires_at = NOW(6) - "
	    "INTERVAL 1 DAY WHERE email = ?", "s", manager), DB_OK);
	as(&mgr, fixture_user(manager, mgr_name));
	snprintf(path, sizeof(path), "/autorisation/invitation?token=%s", old);
	client_get(path, &mgr.jar, &r);
	ck_assert_int_eq(r.status, 410);
	ck_assert(has(&r.body, "skriv til Forskningsservice, så sender de en ny invitation"));
	reply_free(&r);

	/* FSE invites again: a new invitation to the responsible role, audited. */
	ck_assert_int_eq(post(&fse, "/autorisation/inviter", &r, "id", idbuf, "email", manager,
	    "rolle", "responsible", "begrundelse", ""), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ? AND role = "
	    "'responsible' AND accepted_at IS NULL AND expires_at > NOW(6) + INTERVAL 6 DAY",
	    manager), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE actor_id = ? "
	    "AND action = 'invitation.create'", fse.uid), 2);
	ck_assert_int_eq(maildir_find_token(manager, "/autorisation/invitation", 2, 30, token,
	    sizeof(token)), 2);
	ck_assert_str_ne(token, old);

	/* The page says what accepting does, naming the applicant whose role ends. */
	snprintf(path, sizeof(path), "/autorisation/invitation?token=%s", token);
	client_get(path, &mgr.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "ansøgerens midlertidige rolle som autorisationsansvarlig ophører"));
	ck_assert(has(&r.body, app_name));
	reply_free(&r);
	ck_assert_int_eq(post(&mgr, "/autorisation/invitation", &r, "token", token, NULL, NULL,
	    NULL, NULL, NULL, NULL), 303);
	reply_free(&r);

	/* The manager holds the role, and only the manager. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT user_id FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), mgr.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT granted_by FROM role_assignments WHERE "
	    "authorisation_id = ? AND role = 'responsible' AND revoked_at IS NULL", auth), fse.uid);
	/* The applicant's interim role is revoked by the hand-over, with the reason (R34). */
	snprintf(assignment, sizeof(assignment), "%lld", fixture_scalar_int("SELECT id FROM "
	    "role_assignments WHERE user_id = ? AND revoked_at IS NOT NULL AND revoke_reason = "
	    "'Overdraget til den personaleansvarlige leder'", app.uid));
	ck_assert_int_gt(atoll(assignment), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT revoked_by FROM role_assignments WHERE "
	    "user_id = ?", app.uid), mgr.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT subject_id FROM audit_events WHERE action = "
	    "'role.revoke' AND object_type = 'authorisation' AND object_id = ? AND detail = "
	    "'responsible: Overdraget til den personaleansvarlige leder'", auth), app.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'role.grant' AND actor_id = ? AND subject_id = actor_id AND object_type = "
	    "'authorisation' AND detail LIKE 'responsible via invitation %'", mgr.uid), 1);

	/* R32: the applicant is told: whose role it is now, and that their cases stay theirs. */
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND kind = "
	    "'responsible_handover'", app_email), 1);
	ck_assert_int_eq(maildir_count(app_email, "har taget imod rollen som autorisationsansvarlig",
	    30), 1);
	ck_assert_int_eq(maildir_count(app_email, mgr_name, 0), 1);
	ck_assert_int_eq(maildir_count(app_email, manager, 0), 1);
	ck_assert_int_eq(maildir_count(app_email, "Den rolle er nu ophørt", 0), 1);
	ck_assert_int_eq(maildir_count(app_email, "Du kan stadig se dine sager", 0), 1);
	ck_assert_int_eq(maildir_count(app_email, "/ansoegning", 0), 1);
	/* And they can: the case list still shows the application; the roles page no longer. */
	client_get("/ansoegning", &app.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, title));
	reply_free(&r);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%s", idbuf);
	ck_assert_int_eq(client_status(path, &app.jar, NULL, 0), 404);
	/* The history shows the hand-over (R34). */
	client_get(path, &mgr.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Overdraget til den personaleansvarlige leder"));
	reply_free(&r);
}
END_TEST

/*
 * R34, issue 12: one active assignment of a role per person. Two open invitations to the same
 * role, accepted at the same moment from two processes: both answers are "accepted" (the
 * person has the role either way, never a 500), one assignment is active, one grant is in the
 * history, and both invitations are used. The unique key role_assignments_active carries it;
 * tests/galera races the same over two cluster nodes.
 */
struct two_links {
	struct who	*invitee;
	char		 tokens[2][SESSION_TOKEN_CHARS + 1];
};

/* 'o' when the link's acceptance was answered "accepted". */
static char
accept_one(int i, void *arg)
{
	struct two_links *tl = arg;
	struct reply cr;
	char loc[256];

	post(tl->invitee, "/autorisation/invitation", &cr, "token", tl->tokens[i], NULL, NULL,
	    NULL, NULL, NULL, NULL);
	return reply_done(&cr, loc, sizeof(loc)) == 303 && strstr(loc, "besked=accepteret") ?
	    'o' : '?';
}

START_TEST(two_invitations_accepted_at_once_grant_once)
{
	const char *email = mail("to.invitationer");
	struct who resp, invitee;
	struct two_links tl;
	char verdict[2];

	as(&resp, fixture_user(mail("ansvarlig"), "Rikke Ansvarlig"));
	fixture_grant(resp.uid, B(RESPONSIBLE), auth);
	as(&invitee, fixture_user(email, named("Tove Tovejs")));
	tl.invitee = &invitee;
	fixture_invitation(auth, email, "signer", resp.uid, tl.tokens[0]);
	fixture_invitation(auth, email, "signer", resp.uid, tl.tokens[1]);
	race_two(accept_one, &tl, verdict);
	ck_assert_int_eq(verdict[0], 'o');
	ck_assert_int_eq(verdict[1], 'o');
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE user_id = "
	    "? AND role = 'signer' AND authorisation_id IS NOT NULL AND revoked_at IS NULL",
	    invitee.uid), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE subject_id = "
	    "? AND action = 'role.grant'", invitee.uid), 1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ? AND "
	    "accepted_at IS NOT NULL", email), 2);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("roles");
	TCase *tc = tcase_create("roles");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());	/* a new suffix every run */
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, invite_accept_once);
	tcase_add_test(tc, two_invitations_accepted_at_once_grant_once);
	tcase_add_test(tc, domain_rule_and_fse_override);
	tcase_add_test(tc, invitation_expires);
	tcase_add_test(tc, revoke_takes_effect_and_is_kept);
	tcase_add_test(tc, withdraw_and_send_again);
	tcase_add_test(tc, responsible_cannot_invite_responsible);
	tcase_add_test(tc, an_administrator_cannot_invite);
	tcase_add_test(tc, fse_reinvites_responsible_after_expiry);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
