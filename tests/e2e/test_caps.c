/*
 * Caps that keep one account or one client address from filling the portal (issue 16), end to
 * end through nginx with the stack's settings: one more application draft than
 * cap_application_drafts is refused at Mine sager (429, the message, nothing written, an audit
 * event), and a draft finished makes room again; two creations released together at one below
 * the cap make one; 10,000 creation attempts in a tight loop as one user end with exactly the
 * cap written; a proposal past cap_proposal_drafts is refused at its form with the input kept;
 * a logo upload past the person's bytes of the day and an invitation past the hour's cap are
 * refused at their forms, a request past the person's mails of the hour on a plain page; the registration form past its per-address cap is refused with the
 * input kept and no account made; FSE sees on /fse/graenser who hit a cap.
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
#include "../fixtures.h"
#include "policy.h"
#include "race.h"

#include "../check_run.h"

static char sfx[16];

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 1000);
}

static long long
new_user(struct who *w, const char *local)
{
	snprintf(w->email, sizeof(w->email), "%s.%s@econ.graense.dk", local, sfx);
	w->uid = fixture_user(w->email, "Gitte Grænse");
	fixture_session(w->uid, &w->jar, w->csrf);
	return w->uid;
}

/* An authorisation of this run with a platform and one domain; its id. */
static long long
authorisation(const char *tag)
{
	char name[96], number[64], domain[96];
	long long auth;

	snprintf(name, sizeof(name), "Grænseinstitut %s %s", tag, sfx);
	snprintf(number, sizeof(number), "UA-G%s-%s", tag, sfx);
	snprintf(domain, sizeof(domain), "graense-%s.dk", sfx);
	auth = fixture_authorisation(name, number, domain);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = "
	    "'forskermaskinen' WHERE id = ?", "i", auth), DB_OK);
	return auth;
}

/* A new person of this run with role on a new authorisation (tag names it); its id. */
static long long
member(struct who *w, const char *local, enum role role, const char *tag)
{
	long long auth = authorisation(tag);

	new_user(w, local);
	fixture_grant(w->uid, ROLE_BIT(role), auth);
	return auth;
}

/* POST /ansoegning/ny with a fresh one-time key; the status, the body kept in r. */
static long
create(struct who *w, struct reply *r)
{
	client_post_form("/ansoegning/ny", &w->jar, r, "csrf", w->csrf, "engangsnoegle",
	    client_new_key(), NULL);
	return r->status;
}

static long long
drafts(long long uid)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE created_by = ? AND type = "
	    "'authorisation' AND state = 'draft'", uid);
}

static long long
cases_of(long long uid)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE created_by = ?", uid);
}

static long long
refusals(long long uid, const char *kind)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'cap.refused' AND actor_id = ? AND detail = ?", "is", uid, kind), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

START_TEST(one_draft_past_the_cap)
{
	unsigned cap = fx_cfg.cap_application_drafts, i;
	char want[128];
	struct reply r;
	struct who w;

	ck_assert_uint_gt(cap, 0);
	ck_assert_uint_le(cap, 200);	/* the suite makes them one by one */
	new_user(&w, "kladder");
	for (i = 0; i < cap; i++) {
		ck_assert_int_eq(create(&w, &r), 303);
		reply_free(&r);
	}
	ck_assert_int_eq(drafts(w.uid), cap);
	ck_assert_int_eq(refusals(w.uid, "draft.application"), 0);

	/* One more: the page again with the message, 429, nothing written, one audit event. */
	ck_assert_int_eq(create(&w, &r), 429);
	snprintf(want, sizeof(want), "Du har %u kladder til ansøgninger", cap);
	ck_assert_msg(has(&r.body, want), "no message: %.300s", r.body.data);
	ck_assert(has(&r.body, "<h1>Mine sager</h1>"));
	ck_assert(has(&r.body, "action=\"/ansoegning/ny\""));
	reply_free(&r);
	ck_assert_int_eq(cases_of(w.uid), cap);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM submission_keys WHERE user_id = ?",
	    w.uid), cap);
	ck_assert_int_eq(refusals(w.uid, "draft.application"), 1);

	/* A draft that is no longer open makes room for exactly one. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = 'withdrawn' WHERE id = "
	    "(SELECT MIN(id) FROM cases WHERE created_by = ?)", "i", w.uid), DB_OK);
	ck_assert_int_eq(create(&w, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(create(&w, &r), 429);
	reply_free(&r);
	ck_assert_int_eq(drafts(w.uid), cap);
	ck_assert_int_eq(cases_of(w.uid), cap + 1);
	ck_assert_int_eq(refusals(w.uid, "draft.application"), 2);
}
END_TEST

/* A new proposal past cap_proposal_drafts: the form again with the message and the input, 429,
 * no case; the drafts before it are written straight into the database. */
START_TEST(one_proposal_past_the_cap)
{
	unsigned cap = fx_cfg.cap_proposal_drafts, i;
	char a[32], want[128];
	struct reply r;
	struct who w;
	long long auth;

	ck_assert_uint_gt(cap, 0);
	auth = member(&w, "vejleder", ROLE_SUPERVISOR, "prj");
	for (i = 0; i < cap; i++)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO cases (type, created_by, "
		    "authorisation_id, title, data) VALUES ('project', ?, ?, 'Kladde', '')", "ii",
		    w.uid, auth), DB_OK);
	snprintf(a, sizeof(a), "%lld", auth);
	client_post_form("/projekt/rediger", &w.jar, &r, "csrf", w.csrf, "id", a, "sag", "",
	    "version", "", "engangsnoegle", client_new_key(), "titel", "Uddannelse og løn",
	    "emne", "Arbejdsmarkedsøkonomi", "formaal", "Hvordan påvirker uddannelse løn",
	    "register_navn_1", "BEF", "register_begrundelse_1", "Køn og alder sammenlignes",
	    "samfundsrelevans", "Svarer på uddannelsespolitiske spørgsmål", "antal_studerende",
	    "12", "periode_fra", "2027-02-01", "periode_til", "2028-01-31", NULL);
	ck_assert_int_eq(r.status, 429);
	snprintf(want, sizeof(want), "Du har %u kladder til projektindstillinger", cap);
	ck_assert_msg(has(&r.body, want), "no message: %.300s", r.body.data);
	ck_assert(has(&r.body, "Uddannelse og løn"));	/* the input kept */
	ck_assert(has(&r.body, "Hvordan påvirker uddannelse løn"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE created_by = ? AND "
	    "type = 'project'", w.uid), cap);
	ck_assert_int_eq(refusals(w.uid, "draft.proposal"), 1);
	ck_assert_int_eq(refusals(w.uid, "draft.application"), 0);
}
END_TEST

#define BOUNDARY "----portal-caps-5c2e"

/* POST /autorisation/logo with a PNG, as multipart/form-data; the status. */
static long
upload_logo(struct who *w, long long auth, struct reply *r)
{
	struct buf body, png;
	char ctype[96];

	ck_assert_int_eq(fx_png(&png, 240, 80), 0);
	buf_init(&body, 0);
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "%s\r\n--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n%lld\r\n"
	    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"engangsnoegle\"\r\n\r\n%s\r\n"
	    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\""
	    "\r\nContent-Type: image/png\r\n\r\n", w->csrf, auth, client_new_key());
	buf_append(&body, png.data, png.len);
	buf_puts(&body, "\r\n--" BOUNDARY "--\r\n");
	snprintf(ctype, sizeof(ctype), "multipart/form-data; boundary=%s", BOUNDARY);
	client_request("POST", "/autorisation/logo", ctype, body.data, body.len, NULL, &w->jar, r);
	buf_free(&body);
	buf_free(&png);
	return r->status;
}

/* An upload that would pass the person's bytes of the day (cap_upload_bytes_day) is refused at
 * the form, nothing stored; when the day's uploads are older than a day it is taken. */
START_TEST(upload_past_the_daily_cap)
{
	unsigned long long cap = fx_cfg.cap_upload_bytes_day;
	char want[128];
	struct reply r;
	struct who w;
	long long auth;

	ck_assert_uint_gt(cap, 0);
	auth = member(&w, "uploader", ROLE_RESPONSIBLE, "fil");
	/* What the person uploaded today, all but 100 bytes of the cap (its size is what counts;
	 * the content need not be that big). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO files (purpose, authorisation_id, slot, "
	    "is_current, name, mime, size_bytes, sha256, content, uploaded_by) VALUES ('logo', ?, 0, "
	    "NULL, 'tidligere.png', 'image/png', ?, REPEAT('0', 64), 'x', ?)", "iii", auth,
	    (long long)cap - 100, w.uid), DB_OK);
	ck_assert_int_eq(upload_logo(&w, auth, &r), 429);
	snprintf(want, sizeof(want), "Du kan uploade %llu MB på et døgn", cap / (1024 * 1024));
	ck_assert_msg(has(&r.body, want), "no message: %.300s", r.body.data);
	ck_assert(has(&r.body, "<h1>Institutionens logo</h1>"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM files WHERE authorisation_id = ?",
	    auth), 1);
	ck_assert_int_eq(refusals(w.uid, "upload.day"), 1);

	/* A day later the same upload is taken. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE files SET uploaded_at = NOW(6) - INTERVAL 25 "
	    "HOUR WHERE authorisation_id = ?", "i", auth), DB_OK);
	ck_assert_int_eq(upload_logo(&w, auth, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM files WHERE authorisation_id = ? "
	    "AND is_current = 1", auth), 1);
	ck_assert_int_eq(refusals(w.uid, "upload.day"), 1);
}
END_TEST

/* One invitation past cap_invitations_hour: the roles page again with the message at the
 * address, the input kept, no invitation and no mail. */
START_TEST(invitation_past_the_hourly_cap)
{
	unsigned cap = fx_cfg.cap_invitations_hour, i;
	char a[32], email[128], want[128];
	struct reply r;
	struct who w;
	long long auth;

	ck_assert_uint_gt(cap, 0);
	auth = member(&w, "inviterer", ROLE_RESPONSIBLE, "inv");
	for (i = 0; i < cap; i++)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO invitations (token_hash, "
		    "authorisation_id, email, role, invited_by, expires_at) VALUES "
		    "(UNHEX(SHA2(UUID(), 256)), ?, 'tidligere@graense.dk', 'supervisor', ?, NOW(6) + "
		    "INTERVAL 1 DAY)", "ii", auth, w.uid), DB_OK);
	snprintf(a, sizeof(a), "%lld", auth);
	snprintf(email, sizeof(email), "ny.%s@graense-%s.dk", sfx, sfx);
	client_post_form("/autorisation/inviter", &w.jar, &r, "csrf", w.csrf, "id", a,
	    "engangsnoegle", client_new_key(), "email", email, "rolle", "supervisor", NULL);
	ck_assert_int_eq(r.status, 429);
	snprintf(want, sizeof(want), "Du har sendt %u invitationer inden for den seneste time", cap);
	ck_assert_msg(has(&r.body, want), "no message: %.300s", r.body.data);
	ck_assert(has(&r.body, email));	/* the input kept */
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE invited_by = ?",
	    w.uid), cap);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 0);
	ck_assert_int_eq(refusals(w.uid, "invite.hour"), 1);

	/* Invitations older than an hour do not count. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE invitations SET created_at = NOW(6) - "
	    "INTERVAL 61 MINUTE WHERE invited_by = ?", "i", w.uid), DB_OK);
	client_post_form("/autorisation/inviter", &w.jar, &r, "csrf", w.csrf, "id", a,
	    "engangsnoegle", client_new_key(), "email", email, "rolle", "supervisor", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 1);
}
END_TEST

/* A person whose requests caused cap_mails_hour mails in the hour: the next request that would
 * mail (an invitation) is refused whole with 429 and a plain page, no invitation, no mail;
 * the mails it does send are recorded as caused by the person. */
START_TEST(mails_past_the_hourly_cap)
{
	unsigned cap = fx_cfg.cap_mails_hour;
	char a[32], email[128], want[160];
	struct reply r;
	struct who w;
	long long auth;

	ck_assert_uint_gt(cap, 0);
	auth = member(&w, "mailer", ROLE_RESPONSIBLE, "mail");
	snprintf(a, sizeof(a), "%lld", auth);
	snprintf(email, sizeof(email), "post.%s@graense-%s.dk", sfx, sfx);
	client_post_form("/autorisation/inviter", &w.jar, &r, "csrf", w.csrf, "id", a,
	    "engangsnoegle", client_new_key(), "email", email, "rolle", "supervisor", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM outbox WHERE caused_by = ?",
	    w.uid), 1);
	/* The rest of the hour's mails, as sent already (the mailer leaves them be). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO outbox (message_id, kind, from_addr, "
	    "to_addr, subject, body_text, state, caused_by) SELECT CONCAT(UUID(), '@test'), "
	    "'invitation', 'a@b.dk', 'c@d.dk', 'Tidligere', 'x', 'sent', ? FROM seq_1_to_1000 "
	    "LIMIT ?", "ii", w.uid, (long long)cap - 1), DB_OK);
	snprintf(email, sizeof(email), "post2.%s@graense-%s.dk", sfx, sfx);
	client_post_form("/autorisation/inviter", &w.jar, &r, "csrf", w.csrf, "id", a,
	    "engangsnoegle", client_new_key(), "email", email, "rolle", "supervisor", NULL);
	ck_assert_int_eq(r.status, 429);
	snprintf(want, sizeof(want), "har sendt %u mails, og det er det højeste antal", cap);
	ck_assert_msg(has(&r.body, want), "no message: %.300s", r.body.data);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM invitations WHERE email = ?", email),
	    0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM outbox WHERE caused_by = ?",
	    w.uid), cap);
	ck_assert_int_eq(refusals(w.uid, "mail.hour"), 1);
}
END_TEST

/* FSE sees who hit a cap: the person, the cap and how often on /fse/graenser, a count on the
 * start page; an institution's responsible does not reach the page. */
START_TEST(fse_sees_who_hit_a_cap)
{
	unsigned cap = fx_cfg.cap_application_drafts, i;
	struct who w, fse, resp;
	char row[256];
	struct reply r;

	new_user(&w, "ramt");
	for (i = 0; i < cap; i++)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO cases (type, created_by, title, "
		    "data) VALUES ('authorisation', ?, 'Kladde', '')", "i", w.uid), DB_OK);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(create(&w, &r), 429);
		reply_free(&r);
	}
	new_user(&fse, "fse");
	fixture_grant(fse.uid, ROLE_BIT(ROLE_FSE_CASEWORKER), 0);
	client_get("/fse/graenser", &fse.jar, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(row, sizeof(row), "Gitte Grænse (%s)</td><td data-title=\"Grænse\">Kladder til "
	    "ansøgninger</td><td data-title=\"Afvist\">3 gange</td>", w.email);
	ck_assert_msg(has(&r.body, row), "no row for %s: %.400s", w.email, r.body.data);
	reply_free(&r);
	ck_assert_int_ge(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'fse.caps.view' AND actor_id = ?", fse.uid), 1);
	client_get("/fse", &fse.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "href=\"/fse/graenser\""));
	ck_assert(has(&r.body, "id=\"fse-caps\""));
	reply_free(&r);

	member(&resp, "ansvarlig", ROLE_RESPONSIBLE, "fse");
	client_get("/fse/graenser", &resp.jar, &r);
	ck_assert_int_eq(r.status, 403);
	ck_assert(!has(&r.body, w.email));
	reply_free(&r);
}
END_TEST

/* Child i's verdict for one creation as two[i]: '3' made (303), '4' refused (429), 'x' anything else. */
static char
create_one(int i, void *arg)
{
	struct who *two = arg;
	struct reply r;
	long st;

	st = create(&two[i], &r);
	reply_free(&r);
	return st == 303 ? '3' : st == 429 ? '4' : 'x';
}

/* Two creations released together at one below the cap, in rounds: one is made and one
 * refused every time, never both made (the gate row orders them; caps.h). */
START_TEST(two_at_once_at_the_cap)
{
	unsigned cap = fx_cfg.cap_application_drafts, i, round;
	char verdict[2], local[32];
	struct who w, two[2];

	for (round = 0; round < 10; round++) {
		snprintf(local, sizeof(local), "samtidig%u", round);
		new_user(&w, local);
		for (i = 0; i + 1 < cap; i++)
			ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO cases (type, created_by, "
			    "title, data) VALUES ('authorisation', ?, 'Kladde', '')", "i", w.uid),
			    DB_OK);
		/* Two browsers of one person: two sessions, so nothing of a session's orders them. */
		two[0] = two[1] = w;
		fixture_session(w.uid, &two[1].jar, two[1].csrf);
		race_two(create_one, two, verdict);
		ck_assert_msg((verdict[0] == '3' && verdict[1] == '4') ||
		    (verdict[0] == '4' && verdict[1] == '3'), "round %u: %c%c", round, verdict[0],
		    verdict[1]);
		ck_assert_int_eq(drafts(w.uid), cap);
		ck_assert_int_eq(refusals(w.uid, "draft.application"), 1);
	}
}
END_TEST

/* The scanner: many creations as one user, each with its own key, as fast as one
 * keep-alive connection sends them. PORTAL_CAPS_TRIES lowers the count for a quick run. */
START_TEST(ten_thousand_tries_write_the_cap)
{
	unsigned cap = fx_cfg.cap_application_drafts;
	long tries = getenv("PORTAL_CAPS_TRIES") ? atol(getenv("PORTAL_CAPS_TRIES")) : 10000;
	long i, made = 0, refused = 0, other = 0;
	struct timespec t0, t1;
	struct reply r;
	struct who w;
	double secs;

	ck_assert_int_gt(tries, (long)cap);
	new_user(&w, "skanner");
	client_keepalive(1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < tries; i++) {
		switch (create(&w, &r)) {
		case 303:
			made++;
			break;
		case 429:
			refused++;
			break;
		default:
			other++;
			break;
		}
		reply_free(&r);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	client_keepalive(0);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("caps: %ld creation attempts in %.1f s (%.0f a second): %ld made, %ld refused, "
	    "%ld other\n", tries, secs, (double)tries / secs, made, refused, other);
	ck_assert_int_eq(made, cap);
	ck_assert_int_eq(refused, tries - (long)cap);
	ck_assert_int_eq(other, 0);
	ck_assert_int_eq(cases_of(w.uid), cap);
	ck_assert_int_eq(refusals(w.uid, "draft.application"), tries - (long)cap);
}
END_TEST

static void
register_once(const char *email, struct jar *jar, const char *csrf, struct reply *r)
{
	client_post_form("/konto/opret", jar, r, "csrf", csrf, "navn", "Rasmus Rate", "email",
	    email, "adgangskode", "lang-og-sjov-hest-batteri-7", "adgangskode2",
	    "lang-og-sjov-hest-batteri-7", NULL);
}

START_TEST(registration_past_the_address_cap)
{
	unsigned cap = fx_cfg.cap_address_registrations;
	char email[128], email2[128], csrf[64], addr[80];
	struct jar jar = { "", "" };
	struct db_result res;
	struct reply r;

	ck_assert_uint_gt(cap, 0);
	snprintf(email, sizeof(email), "rate.%s@econ.graense.dk", sfx);
	snprintf(email2, sizeof(email2), "rate2.%s@econ.graense.dk", sfx);
	client_csrf("/konto/opret", &jar, csrf, sizeof(csrf));
	register_once(email, &jar, csrf, &r);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	/* The client's address as the portal saw it: from the registration's audit event. */
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT a.remote_addr FROM audit_events a JOIN users u "
	    "ON u.id = a.subject_id WHERE a.action = 'account.register' AND u.email = ?", "s",
	    email), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(addr, sizeof(addr), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	ck_assert_str_ne(addr, "");
	ck_assert_int_ge(fixture_scalar("SELECT uses FROM address_caps WHERE form = "
	    "'address.register' AND address = ?", addr), 1);

	/* This address has used its hour (as if cap registrations came before). */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE address_caps SET uses = ?, window_start = "
	    "NOW(6) WHERE form = 'address.register' AND address = ?", "is", (long long)cap, addr),
	    DB_OK);
	register_once(email2, &jar, csrf, &r);
	ck_assert_int_eq(r.status, 429);
	ck_assert(has(&r.body, "Prøv igen om en time"));
	ck_assert(has(&r.body, "value=\"Rasmus Rate\""));	/* the input kept */
	ck_assert(has(&r.body, email2));
	ck_assert(!has(&r.body, "lang-og-sjov-hest-batteri-7"));	/* never the password */
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", email2), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", email2),
	    0);
	ck_assert_int_eq(fixture_scalar("SELECT uses FROM address_caps WHERE form = "
	    "'address.register' AND address = ?", addr), cap);	/* the refusal was not counted */
	ck_assert_int_ge(fixture_scalar("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'cap.refused' AND detail = 'address.register' AND remote_addr = ? AND at > NOW(6) - "
	    "INTERVAL 1 MINUTE", addr), 1);

	/* An hour later the address may register again. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE address_caps SET window_start = NOW(6) - "
	    "INTERVAL 61 MINUTE WHERE form = 'address.register' AND address = ?", "s", addr), DB_OK);
	register_once(email2, &jar, csrf, &r);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM users WHERE email = ?", email2), 1);
	ck_assert_int_eq(fixture_scalar("SELECT uses FROM address_caps WHERE form = "
	    "'address.register' AND address = ?", addr), 1);
	/* The suites after this one register from the same address. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM address_caps WHERE address = ?", "s",
	    addr), DB_OK);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("caps");
	TCase *tc = tcase_create("caps");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 600);	/* the 10,000 tries: 31-71 s here, more under ASan */
	tcase_add_test(tc, one_draft_past_the_cap);
	tcase_add_test(tc, two_at_once_at_the_cap);
	tcase_add_test(tc, one_proposal_past_the_cap);
	tcase_add_test(tc, upload_past_the_daily_cap);
	tcase_add_test(tc, invitation_past_the_hourly_cap);
	tcase_add_test(tc, mails_past_the_hourly_cap);
	tcase_add_test(tc, registration_past_the_address_cap);
	tcase_add_test(tc, fse_sees_who_hit_a_cap);
	tcase_add_test(tc, ten_thousand_tries_write_the_cap);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
