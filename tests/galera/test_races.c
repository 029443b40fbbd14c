/*
 * Races through HTTP on a Galera cluster (issue 12): two requests released at the same moment,
 * one to host A (node 1), one to host B (node 2). Galera sees a conflict only at COMMIT and only
 * on rows both transactions write, so each rule below must rest on a written row or a unique
 * key, and the loser's conflict (1213) must be run again, never answered with a 500.
 *   - R18: the fifth and the sixth proposal of an authorisation submitted at once: one wins, the
 *     other is told in plain Danish that five are open, and five is what the database holds.
 *   - R9 (roles by invitation): two invitations of one person to one role accepted at once on
 *     two nodes: one active assignment.
 *   - A single-use link (an invitation) used twice at once: one use, the other sees that the
 *     invitation was taken, never a 500.
 *   - R20 (issue 13): one student (one address, two cases) given a project by two
 *     administrators at once: one live access, the other told one project at a time.
 *   - R24 (issue 14): a student's access turning active twice at once (the student accepts the
 *     user agreement on one node while an administrator lifts a sanction on the other): both
 *     answered, one activation, one user fee.
 * Each race prints its counts (rounds, wins, the losers' statuses, 500s, conflicts run again by
 * the programs, from their logs) before it asserts, so the figures are there when it fails.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases.h"
#include "client.h"
#include "fees.h"
#include "fixture.h"
#include "fixture_student.h"
#include "galera.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)		ROLE_BIT(ROLE_##r)
#define R18_ROUNDS	20
#define ROLE_ROUNDS	10
#define LINK_ROUNDS	10

/* What a racer reports: its answer as a small code. */
enum { WON = 1, REFUSED_CLEARLY = 2 };

static char sfx[24];

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
}

static void
person(struct who *w, const char *local, int round, unsigned roles, long long auth)
{
	char email[128];

	snprintf(email, sizeof(email), "%s.%d.%s@galera-%s.dk", local, round, sfx, sfx);
	w->uid = fixture_user(email, "Gitte Galera");
	if (roles)
		fixture_grant(w->uid, roles, auth);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static long long
authorisation(const char *tag, int round)
{
	char name[96], number[64], domain[64];
	long long a;

	snprintf(name, sizeof(name), "Galerainstitut %s %d %s", tag, round, sfx);
	snprintf(number, sizeof(number), "G-%s-%d-%s", tag, round, sfx);
	snprintf(domain, sizeof(domain), "galera-%s.dk", sfx);
	a = fixture_authorisation(name, number, domain);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = "
	    "'forskermaskinen' WHERE id = ?", "i", a), DB_OK);
	return a;
}

/* A form post with the session's token; fields as name, value pairs, NULL-terminated (<= 16). */
static long
post(struct who *w, const char *path, struct reply *r, ...)
{
	const char *k[32] = { NULL };
	va_list ap;
	int i = 0;

	va_start(ap, r);
	while (i < 32 && (k[i] = va_arg(ap, const char *)) != NULL)
		i++;
	va_end(ap);
	client_post_form(path, &w->jar, r, "csrf", w->csrf, k[0], k[1], k[2], k[3], k[4], k[5],
	    k[6], k[7], k[8], k[9], k[10], k[11], k[12], k[13], k[14], k[15], k[16], k[17], k[18],
	    k[19], k[20], k[21], k[22], k[23], k[24], k[25], k[26], k[27], k[28], k[29], k[30],
	    k[31], NULL);
	return r->status;
}

/* ---- R18 ---------------------------------------------------------------------------------- */

static void
proposal_rate_today(void)
{
	char today[FEES_DATE_LEN];
	long long ore = 0, id = 0;
	struct fees_new r = { FEES_PROPOSAL, 350000, NULL, NULL, "Testtakst (test_races)", 0 };

	fees_today(today);
	if (fees_rate_on(fx_db, FEES_PROPOSAL, today, &ore, &id) == FEES_OK)
		return;
	r.valid_from = today;
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(fees_add(fx_db, &r, 0, "127.0.0.1", &id, NULL), FEES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
}

/* A proposal of a in state, straight into the database (those before the fifth). */
static void
proposal_in(long long a, long long uid, const char *state)
{
	long long id;

	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "project", uid, a, "Tidligere indstilling",
	    "titel=Tidligere", &id), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = ? WHERE id = ?", "si",
	    state, id), DB_OK);
}

/* A complete proposal saved by sup over HTTP (host A) and signed; its case id. */
static long long
signed_proposal(struct who *sup, struct who *signer, long long a, const char *title)
{
	char id[32], sag_s[32], loc[256], path[128], hash[80], version[16];
	struct reply r;
	const char *p;

	snprintf(id, sizeof(id), "%lld", a);
	/* A new proposal carries a one-time submission key (issue 12, item 3). */
	ck_assert_int_eq(post(sup, "/projekt/rediger", &r, "id", id, "sag", "", "version", "",
	    "engangsnoegle", client_new_key(), "titel", title, "emne", "Arbejdsmarkedsøkonomi",
	    "formaal", "Hvordan påvirker uddannelse løn og beskæftigelse",
	    "register_navn_1", "BEF",
	    "register_begrundelse_1", "Køn og alder er nødvendige for at sammenligne grupper",
	    "samfundsrelevans", "Svarer på uddannelsespolitiske spørgsmål",
	    "antal_studerende", "12", "periode_fra", "2027-02-01", "periode_til", "2028-01-31",
	    NULL), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_ptr_nonnull(strstr(loc, "besked=gemt"));
	ck_assert_ptr_nonnull(p = strstr(loc, "sag="));
	snprintf(sag_s, sizeof(sag_s), "%lld", atoll(p + 4));
	/* The signer opens the page and signs what it shows (R12). */
	snprintf(path, sizeof(path), "/projekt/sag?id=%s&sag=%s", id, sag_s);
	client_get(path, &signer->jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(html_input_value(&r.body, "hash", hash, sizeof(hash)), 0);
	ck_assert_int_eq(html_input_value(&r.body, "version", version, sizeof(version)), 0);
	reply_free(&r);
	ck_assert_int_eq(post(signer, "/projekt/underskriv", &r, "id", id, "sag", sag_s, "version",
	    version, "hash", hash, "bekraeft", "ja", NULL), 303);
	reply_free(&r);
	return atoll(sag_s);
}

/* The two racers of one R18 round: who 0 sends one proposal on host A, who 1 the other on B. */
struct r18_round {
	long long	a, sag[2];
	struct who	sup[2];
	char		version[2][24];
};

/* A racer's answer: won (303), refused with the clear message (409), or the status. */
static int
r18_racer(int who, void *arg)
{
	struct r18_round *rr = arg;
	char id[32], sag[32];
	struct reply r;
	int code;

	snprintf(id, sizeof(id), "%lld", rr->a);
	snprintf(sag, sizeof(sag), "%lld", rr->sag[who]);
	post(&rr->sup[who], "/projekt/indsend", &r, "id", id, "sag", sag, "version",
	    rr->version[who], NULL);
	if (r.status == 303)
		code = WON;
	else if (r.status == 409 && has(&r.body, "allerede fem projektindstillinger"))
		code = REFUSED_CLEARLY;
	else
		code = (int)r.status;
	reply_free(&r);
	return code;
}

START_TEST(r18_fifth_and_sixth_on_two_hosts)
{
	int round, out[2], who, won_rounds = 0, refused = 0, five_rounds = 0, e500 = 0;
	int wins_by_host[2] = { 0, 0 }, other[2] = { 0, 0 };
	long conflicts = galera_log_lines("conflict");
	long long open;

	proposal_rate_today();
	for (round = 0; round < R18_ROUNDS; round++) {
		struct r18_round rr;
		struct who signer;
		int wins = 0;

		memset(&rr, 0, sizeof(rr));
		rr.a = authorisation("fem", round);
		person(&rr.sup[0], "vejleder", round, B(SUPERVISOR), rr.a);
		person(&rr.sup[1], "kollega", round, B(SUPERVISOR), rr.a);
		person(&signer, "underskriver", round, B(SIGNER), rr.a);
		/* Four open (submitted, returned, approved twice): one place left. */
		proposal_in(rr.a, rr.sup[0].uid, "submitted");
		proposal_in(rr.a, rr.sup[0].uid, "returned");
		proposal_in(rr.a, rr.sup[0].uid, "approved");
		proposal_in(rr.a, rr.sup[0].uid, "approved");
		rr.sag[0] = signed_proposal(&rr.sup[0], &signer, rr.a, "Den femte");
		rr.sag[1] = signed_proposal(&rr.sup[1], &signer, rr.a, "Den sjette");
		for (who = 0; who < 2; who++)
			snprintf(rr.version[who], sizeof(rr.version[who]), "%lld",
			    fixture_scalar_int("SELECT version FROM cases WHERE id = ?", rr.sag[who]));
		galera_caught_up();
		galera_race(r18_racer, &rr, out);
		for (who = 0; who < 2; who++) {
			if (out[who] == WON) {
				wins++;
				wins_by_host[who]++;
			} else if (out[who] == REFUSED_CLEARLY)
				refused++;
			else {
				other[who] = out[who];
				e500 += out[who] == 500;
				printf("R18 round %d: host %c answered %d\n", round + 1, "AB"[who],
				    out[who]);
			}
		}
		won_rounds += wins == 1;
		galera_caught_up();
		open = fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE authorisation_id = ? AND "
		    "type = 'project' AND state IN ('submitted', 'returned', 'approved')", rr.a);
		five_rounds += open == 5;
		if (open != 5)
			printf("R18 round %d: %lld open proposals\n", round + 1, open);
	}
	conflicts = galera_log_lines("conflict") - conflicts;
	printf("R18 race: %d rounds, %d with exactly one winner (host A %d, host B %d), %d losers "
	    "told \"allerede fem\", %d ended with five, 500s: %d, conflicts run again: %ld\n",
	    R18_ROUNDS, won_rounds, wins_by_host[0], wins_by_host[1], refused, five_rounds, e500,
	    conflicts);
	fflush(stdout);
	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(won_rounds, R18_ROUNDS);
	ck_assert_int_eq(refused, R18_ROUNDS);
	ck_assert_int_eq(five_rounds, R18_ROUNDS);
	(void)other;
}
END_TEST

/* ---- invitations -------------------------------------------------------------------------- */

struct accept_round {
	struct who	invitee;
	char		token[2][SESSION_TOKEN_CHARS + 1];
};

/* A racer accepts its token: won (303), told the invitation was taken (410), or the status. */
static int
accept_racer(int who, void *arg)
{
	struct accept_round *ar = arg;
	struct reply r;
	int code;

	post(&ar->invitee, "/autorisation/invitation", &r, "token", ar->token[who], NULL);
	if (r.status == 303)
		code = WON;
	else if (r.status == 410 && has(&r.body, "Invitationen er allerede taget imod"))
		code = REFUSED_CLEARLY;
	else
		code = (int)r.status;
	reply_free(&r);
	return code;
}

/* rounds of two acceptances at once, of two invitations (same: one invitation twice). */
static void
accept_race(const char *what, int rounds, int same)
{
	int round, out[2], who, won = 0, told = 0, e500 = 0, one_role = 0, one_use = 0;
	long conflicts = galera_log_lines("conflict");
	long long a, resp, n;
	char email[128], local[32];

	a = authorisation(same ? "link" : "rolle", 0);
	resp = fixture_user((snprintf(email, sizeof(email), "ansvarlig.%s.%s@galera-%s.dk",
	    same ? "l" : "r", sfx, sfx), email), "Rikke Ansvarlig");
	fixture_grant(resp, B(RESPONSIBLE), a);
	for (round = 0; round < rounds; round++) {
		struct accept_round ar;
		long long uid;

		snprintf(local, sizeof(local), "inviteret%s", same ? "l" : "r");
		snprintf(email, sizeof(email), "%s.%d.%s@galera-%s.dk", local, round, sfx, sfx);
		fixture_invitation(a, email, "supervisor", resp, ar.token[0]);
		if (same)
			memcpy(ar.token[1], ar.token[0], sizeof(ar.token[1]));
		else
			fixture_invitation(a, email, "supervisor", resp, ar.token[1]);
		uid = fixture_user(email, "Ivan Inviteret");
		ar.invitee.uid = uid;
		fixture_session(uid, &ar.invitee.jar, ar.invitee.csrf);
		galera_caught_up();
		galera_race(accept_racer, &ar, out);
		for (who = 0; who < 2; who++) {
			won += out[who] == WON;
			told += out[who] == REFUSED_CLEARLY;
			e500 += out[who] == 500;
			if (out[who] != WON && out[who] != REFUSED_CLEARLY)
				printf("%s round %d: host %c answered %d\n", what, round + 1,
				    "AB"[who], out[who]);
		}
		galera_caught_up();
		n = fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND "
		    "role = 'supervisor' AND revoked_at IS NULL", uid);
		one_role += n == 1;
		if (n != 1)
			printf("%s round %d: %lld active assignments\n", what, round + 1, n);
		if (same)
			one_use += out[0] + out[1] == WON + REFUSED_CLEARLY;
	}
	conflicts = galera_log_lines("conflict") - conflicts;
	printf("%s: %d rounds, %d accepted (303), %d told the invitation was taken (410), "
	    "%d rounds with one active assignment, 500s: %d, conflicts run again: %ld\n", what,
	    rounds, won, told, one_role, e500, conflicts);
	fflush(stdout);
	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(one_role, rounds);
	if (same) {
		/* One use, and the other told plainly that it was used. */
		ck_assert_int_eq(one_use, rounds);
	} else {
		/* Each invitation is used once, whatever the outcome of the grant. */
		ck_assert_int_eq(won + told, 2 * rounds);
	}
}

START_TEST(two_invitations_one_role)
{
	accept_race("two invitations of one person to one role", ROLE_ROUNDS, 0);
}
END_TEST

START_TEST(single_use_link_twice)
{
	accept_race("one invitation link used twice", LINK_ROUNDS, 1);
}
END_TEST

/* ---- R20: one project at a time per student (issue 13) ------------------------------------ */

struct access_round {
	struct who	admin;
	long long	auth, sag[2];
};

static int
access_racer(int who, void *arg)
{
	struct access_round *ar = arg;
	char a[32], s[32], where[256];
	struct reply r;
	int code;

	snprintf(a, sizeof(a), "%lld", ar->auth);
	snprintf(s, sizeof(s), "%lld", ar->sag[who]);
	post(&ar->admin, "/studerende/adgang", &r, "id", a, "sag", s, "engangsnoegle",
	    client_new_key(), NULL);
	if (reply_header(&r, "Location", where, sizeof(where)) != 0)
		where[0] = '\0';
	if (r.status == 303 && strstr(where, "besked=adgang") != NULL)
		code = WON;
	else if (r.status == 303) {
		/* Answered 303, but elsewhere than the case (the login, the second factor). */
		printf("access: a grant answered 303 to %s\n", where);
		code = 303;
	} else if (r.status == 409 && has(&r.body, "kun have adgang til ét projekt ad gangen"))
		code = REFUSED_CLEARLY;
	else
		code = (int)r.status;
	reply_free(&r);
	return code;
}

/* An approved student case of a for the student at email, on the project (as FSE left it). */
static long long
attached_student(long long a, long long sup, long long project, const char *email)
{
	char data[512];
	long long id;

	snprintf(data, sizeof(data), "navn=Sara+Galera&email=%s&projekt=%lld&speciale_titel=T&"
	    "forfattere=S&begrundelse=B&periode_fra=2027-02-01&periode_til=2027-06-30", email,
	    project);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "student", sup, a, "Sara Galera", data, &id),
	    CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = 'approved' WHERE id = ?",
	    "i", id), DB_OK);
	return id;
}

/* Two administrators, on two nodes, give one student (two cases, one address) a project each:
 * one access, the other told plainly (R20: a unique key over the address while live). */
START_TEST(one_project_per_student_on_two_hosts)
{
	int round, out[2], who, won = 0, told = 0, e500 = 0, one = 0, half = 0;
	long conflicts = galera_log_lines("conflict");
	long long a, sup, project, n;
	char email[128], number[48];

	a = authorisation("adgang", 0);
	{
		struct who s;

		person(&s, "vejleder", 0, B(SUPERVISOR), a);
		sup = s.uid;
	}
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "project", sup, a, "Galeraprojekt", "titel=G",
	    &project), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	snprintf(number, sizeof(number), "GT-%s", sfx);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = 'approved' WHERE id = ?",
	    "i", project), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Galeraprojekt')", "iis", project, a, number), DB_OK);
	for (round = 0; round < ROLE_ROUNDS; round++) {
		struct access_round ar;

		memset(&ar, 0, sizeof(ar));
		ar.auth = a;
		person(&ar.admin, "administrator", round, B(ADMINISTRATOR), a);
		snprintf(email, sizeof(email), "sara.%d.%s@galera-%s.dk", round, sfx, sfx);
		ar.sag[0] = attached_student(a, sup, project, email);
		ar.sag[1] = attached_student(a, sup, project, email);
		galera_caught_up();
		galera_race(access_racer, &ar, out);
		for (who = 0; who < 2; who++) {
			won += out[who] == WON;
			told += out[who] == REFUSED_CLEARLY;
			e500 += out[who] == 500;
			if (out[who] != WON && out[who] != REFUSED_CLEARLY)
				printf("access round %d: host %c answered %d\n", round + 1, "AB"[who],
				    out[who]);
		}
		galera_caught_up();
		/* A grant answered as done has its access: never half a request kept (lib/db.c). */
		for (who = 0; who < 2; who++) {
			char sag[32];

			snprintf(sag, sizeof(sag), "%lld", ar.sag[who]);
			if (out[who] == WON && fixture_scalar("SELECT COUNT(*) FROM student_access "
			    "WHERE student_case_id = ? AND ended_at IS NULL", sag) != 1) {
				printf("access round %d: host %c answered granted, no access kept\n",
				    round + 1, "AB"[who]);
				half++;
			}
		}
		n = fixture_scalar("SELECT COUNT(*) FROM student_access WHERE student_email = ? AND "
		    "ended_at IS NULL", email);
		one += n == 1;
		if (n != 1)
			printf("access round %d: %lld live accesses\n", round + 1, n);
	}
	conflicts = galera_log_lines("conflict") - conflicts;
	printf("one project per student: %d rounds, %d granted (303), %d told one at a time (409), "
	    "%d rounds with one live access, 500s: %d, conflicts run again: %ld\n", ROLE_ROUNDS,
	    won, told, one, e500, conflicts);
	fflush(stdout);
	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(half, 0);
	ck_assert_int_eq(one, ROLE_ROUNDS);
	ck_assert_int_eq(won, ROLE_ROUNDS);
	ck_assert_int_eq(told, ROLE_ROUNDS);
}
END_TEST

/* ---- R24: one user fee however the activation races (issue 14) --------------------------- */

#define FEE_ROUNDS	10

struct fee_round {
	struct who	admin, student;
	long long	auth, sag, agreement;
};

/* Host A: the administrator lifts the sanction; host B: the student accepts the agreement. */
static int
fee_racer(int who, void *arg)
{
	struct fee_round *fr = arg;
	char a[32], s[32], v[32];
	struct reply r;
	int code;

	snprintf(a, sizeof(a), "%lld", fr->auth);
	snprintf(s, sizeof(s), "%lld", fr->sag);
	snprintf(v, sizeof(v), "%lld", fr->agreement);
	if (who == 0)
		post(&fr->admin, "/studerende/ophaev", &r, "id", a, "sag", s, "begrundelse",
		    "Afklaret med den studerende", NULL);
	else
		post(&fr->student, "/studerende/brugeraftale", &r, "id", a, "version", v, NULL);
	code = r.status == 303 ? WON : (int)r.status;
	reply_free(&r);
	return code;
}

START_TEST(one_user_fee_when_activation_races)
{
	int round, out[2], who, answered = 0, e500 = 0, one_fee = 0, active = 0;
	long conflicts = galera_log_lines("conflict");
	long long a, sup, project, n;
	char number[48], email[128];
	struct db_result res;

	a = authorisation("gebyr", 0);
	{
		struct who s;

		person(&s, "vejleder", 0, B(SUPERVISOR), a);
		sup = s.uid;
	}
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'approved', ?, ?, 'Gebyrprojekt', "
	    "'titel=G')", "ii", sup, a), DB_OK);
	project = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(number, sizeof(number), "GF-%s", sfx);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Gebyrprojekt')", "iis", project, a, number), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO rates (kind, amount_ore, valid_from, "
	    "valid_to, note) SELECT 'student_user', 123400, CURDATE(), CURDATE(), 'test_races' FROM "
	    "DUAL WHERE NOT EXISTS (SELECT 1 FROM rates WHERE kind = 'student_user' AND valid_from "
	    "<= CURDATE() AND (valid_to IS NULL OR valid_to >= CURDATE()))", ""), DB_OK);
	for (round = 0; round < FEE_ROUNDS; round++) {
		struct fee_round fr;
		struct fx_student in;

		memset(&fr, 0, sizeof(fr));
		fr.auth = a;
		person(&fr.admin, "administrator", round, B(ADMINISTRATOR), a);
		person(&fr.student, "studerende", round, B(STUDENT), a);
		ck_assert_int_eq(db_exec(fx_db, &res, "SELECT email FROM users WHERE id = ?", "i",
		    fr.student.uid), DB_OK);
		snprintf(email, sizeof(email), "%s", db_cell(&res, 0, 0));
		db_result_free(&res);
		memset(&in, 0, sizeof(in));
		in.authorisation = a;
		in.supervisor = sup;
		in.project = project;
		in.student_uid = fr.student.uid;
		in.name = "Gebyr Galera";
		in.email = email;
		in.has = FXS_ALL & ~FXS_AGREEMENT;
		fr.sag = fixture_student(&in, NULL);
		fr.agreement = fixture_agreement(sup);
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO access_sanctions (student_case_id, "
		    "authorisation_id, reason, imposed_by) VALUES (?, ?, 'Test', ?)", "iii", fr.sag,
		    a, fr.admin.uid), DB_OK);
		galera_caught_up();
		galera_race(fee_racer, &fr, out);
		for (who = 0; who < 2; who++) {
			answered += out[who] == WON;
			e500 += out[who] == 500;
			if (out[who] != WON)
				printf("fee round %d: host %c answered %d\n", round + 1, "AB"[who],
				    out[who]);
		}
		galera_caught_up();
		n = fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ? AND kind = "
		    "'student_user'", fr.sag);
		one_fee += n == 1;
		if (n != 1)
			printf("fee round %d: %lld user fees (sanctions in force %lld, agreements "
			    "accepted %lld)\n", round + 1, n, fixture_scalar_int("SELECT COUNT(*) FROM "
			    "access_sanctions WHERE student_case_id = ? AND lifted_at IS NULL", fr.sag),
			    fixture_scalar_int("SELECT COUNT(*) FROM user_agreement_acceptances WHERE "
			    "user_id = ?", fr.student.uid));
		active += fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE "
		    "student_case_id = ? AND activated_at IS NOT NULL", fr.sag) == 1;
	}
	conflicts = galera_log_lines("conflict") - conflicts;
	printf("one user fee per student: %d rounds, %d of %d requests answered (303), %d rounds "
	    "active with one fee, 500s: %d, conflicts run again: %ld\n", FEE_ROUNDS, answered,
	    2 * FEE_ROUNDS, one_fee, e500, conflicts);
	fflush(stdout);
	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(answered, 2 * FEE_ROUNDS);
	ck_assert_int_eq(one_fee, FEE_ROUNDS);
	ck_assert_int_eq(active, FEE_ROUNDS);
}
END_TEST

/* ---- R11: one user access per datamanager (issue 14) ------------------------------------- */

struct dm_round {
	struct who	responsible;
	long long	auth, uid;
};

static int
dm_racer(int who, void *arg)
{
	struct dm_round *dr = arg;
	char a[32], u[32], where[256];
	struct reply r;
	int code;

	(void)who;
	snprintf(a, sizeof(a), "%lld", dr->auth);
	snprintf(u, sizeof(u), "%lld", dr->uid);
	post(&dr->responsible, "/autorisation/datamanager/anmod", &r, "id", a, "bruger", u,
	    "har_id", "nej", "engangsnoegle", client_new_key(), NULL);
	if (reply_header(&r, "Location", where, sizeof(where)) != 0)
		where[0] = '\0';
	if (r.status == 303 && strstr(where, "besked=sendt") != NULL)
		code = WON;
	else if (r.status == 409 && has(&r.body, "anmodningen ligger hos Forskningsservice"))
		code = REFUSED_CLEARLY;
	else
		code = (int)r.status;
	reply_free(&r);
	return code;
}

/* The responsible asks for one datamanager's access on two nodes at once: one request, one
 * case at FSE, the other told plainly (a unique key over the live access). */
START_TEST(one_datamanager_access_on_two_hosts)
{
	int round, out[2], who, won = 0, told = 0, e500 = 0, one = 0;
	long conflicts = galera_log_lines("conflict");
	long long a, n, cases;
	char uid[32];

	a = authorisation("dm", 0);
	for (round = 0; round < ROLE_ROUNDS; round++) {
		struct dm_round dr;
		struct who dm;

		memset(&dr, 0, sizeof(dr));
		dr.auth = a;
		person(&dr.responsible, "ansvarlig", round, B(RESPONSIBLE), a);
		person(&dm, "datamanager", round, B(ADMINISTRATOR) | B(DATAMANAGER), a);
		dr.uid = dm.uid;
		galera_caught_up();
		galera_race(dm_racer, &dr, out);
		for (who = 0; who < 2; who++) {
			won += out[who] == WON;
			told += out[who] == REFUSED_CLEARLY;
			e500 += out[who] == 500;
			if (out[who] != WON && out[who] != REFUSED_CLEARLY)
				printf("datamanager round %d: host %c answered %d\n", round + 1,
				    "AB"[who], out[who]);
		}
		galera_caught_up();
		snprintf(uid, sizeof(uid), "%lld", dm.uid);
		n = fixture_scalar("SELECT COUNT(*) FROM datamanager_access WHERE user_id = ? AND "
		    "ended_at IS NULL", uid);
		cases = fixture_scalar("SELECT COUNT(*) FROM cases WHERE type = 'datamanager_user' "
		    "AND data LIKE CONCAT('%bruger=', ?)", uid);
		one += n == 1 && cases == 1;
		if (n != 1 || cases != 1)
			printf("datamanager round %d: %lld live accesses, %lld cases\n", round + 1, n,
			    cases);
	}
	conflicts = galera_log_lines("conflict") - conflicts;
	printf("one access per datamanager: %d rounds, %d asked (303), %d told it is asked already "
	    "(409), %d rounds with one access and one case, 500s: %d, conflicts run again: %ld\n",
	    ROLE_ROUNDS, won, told, one, e500, conflicts);
	fflush(stdout);
	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(one, ROLE_ROUNDS);
	ck_assert_int_eq(won, ROLE_ROUNDS);
	ck_assert_int_eq(told, ROLE_ROUNDS);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("galera_races");
	/* One case each, so that one can be run alone (CK_RUN_CASE=r18, roles, link, access, fee
	 * or dm). */
	struct { const char *name; const TTest *test; } cases[] = {
		{ "r18", r18_fifth_and_sixth_on_two_hosts },
		{ "roles", two_invitations_one_role },
		{ "link", single_use_link_twice },
		{ "access", one_project_per_student_on_two_hosts },
		{ "fee", one_user_fee_when_activation_races },
		{ "dm", one_datamanager_access_on_two_hosts },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		TCase *tc = tcase_create(cases[i].name);

		tcase_add_checked_fixture(tc, setup, fixture_close);
		tcase_set_timeout(tc, 600);
		tcase_add_test(tc, cases[i].test);
		suite_add_tcase(s, tc);
	}
	return check_run(s);
}
