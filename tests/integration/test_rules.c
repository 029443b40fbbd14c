/*
 * Rules that rest on a lock also write what they rest on (issue 12), against the real MariaDB.
 * On a Galera cluster a SELECT ... FOR UPDATE is local to one node; two transactions conflict
 * only on rows (or unique key values) both WRITE. These tests show, on one server and with two
 * connections, that each rule's transaction writes the row or key that carries it: a second
 * connection that writes the same thing waits for the first (here: a lock wait timeout of one
 * second, told to run again), and what it would have written twice is refused by a unique key.
 * The HTTP races on a real cluster are in tests/galera.
 *
 *   R34 one active assignment of a role: the unique key role_assignments_active;
 *       invite_accept of a second invitation to the same role is accepted without a grant.
 *   R29 rate periods never overlap: fees_add bumps the kind's row in rate_kinds.
 *   One live password-reset link per user: the unique key email_tokens_live_reset.
 *   R12 one live signature of a proposal's text: the unique key proposal_signatures_live.
 *   R20 one live project access per student: the unique key student_access_live (issue 13).
 *   R10 one FSE approval per student, one person per FSE user id: fse_user_approvals_student
 *       and the primary key of fse_user_ids (issue 13).
 *
 * Every name carries this run's suffix, so the suite runs again on a used database.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cases.h"
#include "fees.h"
#include "../e2e/fixture.h"
#include "invite.h"
#include "session.h"

#include "../check_run.h"

static struct db *other;	/* a second connection: "another node's" transaction */
static char sfx[24];
static long long auth, uid;

static void
setup(void)
{
	char name[96], number[64], email[128];

	fixture_open();
	other = db_new(&fx_cfg);
	ck_assert_int_eq(db_connect(other), DB_OK);
	/* A wait for the first connection's row ends soon, as DB_ERETRY. */
	ck_assert_int_eq(db_exec(other, NULL, "SET SESSION innodb_lock_wait_timeout = 1", ""),
	    DB_OK);
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
	snprintf(name, sizeof(name), "Regelinstitut %s", sfx);
	snprintf(number, sizeof(number), "RG-%s", sfx);
	auth = fixture_authorisation(name, number, "regler.dk");
	snprintf(email, sizeof(email), "regel.%s@regler.dk", sfx);
	uid = fixture_user(email, "Rune Regel");
}

static void
teardown(void)
{
	db_free(other);
	other = NULL;
	fixture_close();
}

static enum db_err
grant(struct db *db, const char *role, long long on)
{
	return db_exec(db, NULL, "INSERT INTO role_assignments (user_id, role, authorisation_id, "
	    "grant_reason) VALUES (?, ?, NULLIF(?, 0), 'test_rules')", "isi", uid, role, on);
}

static long long
active(const char *role)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM role_assignments WHERE "
	    "user_id = ? AND role = ? AND revoked_at IS NULL", "is", uid, role), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* R34: the key holds for authorisation roles and for FSE's (no authorisation); a revoked
 * assignment leaves the key, so the history keeps any number of them. */
START_TEST(one_active_assignment_is_a_unique_key)
{
	ck_assert_int_eq(grant(fx_db, "signer", auth), DB_OK);
	ck_assert_int_eq(grant(fx_db, "signer", auth), DB_EDUP);
	ck_assert_int_eq(grant(fx_db, "supervisor", auth), DB_OK);	/* another role: fine */
	ck_assert_int_eq(grant(fx_db, "fse_caseworker", 0), DB_OK);
	ck_assert_int_eq(grant(fx_db, "fse_caseworker", 0), DB_EDUP);
	ck_assert_int_eq(active("signer"), 1);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE role_assignments SET revoked_at = NOW(6), "
	    "revoke_reason = 'test_rules' WHERE user_id = ? AND role = 'signer'", "i", uid), DB_OK);
	ck_assert_int_eq(grant(fx_db, "signer", auth), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE role_assignments SET revoked_at = NOW(6), "
	    "revoke_reason = 'test_rules' WHERE user_id = ? AND role = 'signer' AND revoked_at IS "
	    "NULL", "i", uid), DB_OK);
	ck_assert_int_eq(grant(fx_db, "signer", auth), DB_OK);
	ck_assert_int_eq(active("signer"), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM role_assignments WHERE user_id = "
	    "? AND role = 'signer'", uid), 3);
}
END_TEST

/* Two grants at once (two nodes): both write the same key, so the second waits for the first
 * and, once the first has committed, is a duplicate. Neither reads the other. */
START_TEST(two_grants_at_once_collide_on_the_key)
{
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(grant(fx_db, "administrator", auth), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(grant(other, "administrator", auth), DB_ERETRY);
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(grant(other, "administrator", auth), DB_EDUP);
	db_rollback(other);
	ck_assert_int_eq(active("administrator"), 1);
}
END_TEST

/* An invitation to uid for role on auth, its id. */
static long long
invitation(const char *role)
{
	char token[SESSION_TOKEN_CHARS + 1], email[128];

	snprintf(email, sizeof(email), "regel.%s@regler.dk", sfx);
	return fixture_invitation(auth, email, role, uid, token);
}

/* Two open invitations to the same role, both accepted: one grant, both invitations used, and
 * the second acceptance is no error (the person has the role). */
START_TEST(second_invitation_accepted_without_a_second_grant)
{
	long long one = invitation("datamanager"), two = invitation("datamanager");

	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(invite_accept(fx_db, &fx_cfg, one, uid, "test"), DB_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(invite_accept(fx_db, &fx_cfg, two, uid, "test"), DB_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(active("datamanager"), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM invitations WHERE accepted_by = "
	    "? AND role = 'datamanager' AND accepted_at IS NOT NULL", uid), 2);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE subject_id = "
	    "? AND action = 'role.grant'", uid), 1);
}
END_TEST

/* A far year per run for the kind `certification` (test_fees uses 3000-8999). */
static int
far_year(void)
{
	return 9100 + (int)(getpid() % 800);
}

static long long
kind_version(void)
{
	return fixture_scalar("SELECT version FROM rate_kinds WHERE kind = ?", "certification");
}

static enum fees_err
add_rate(struct db *db, int year, long long *id)
{
	char from[FEES_DATE_LEN];
	struct fees_new n = { FEES_CERTIFICATION, 12300, from, NULL, "test_rules", 0 };

	snprintf(from, sizeof(from), "%04d-01-01", year);
	return fees_add(db, &n, 0, "test", id, NULL);
}

/* R29: fees_add writes its kind's row, so two additions of one kind collide there even when
 * their periods are far apart (no lock on the rates could see the other's on a cluster). */
START_TEST(rate_additions_of_one_kind_write_one_row)
{
	int y = far_year();
	long long v0, id = 0, id2 = 0;

	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE kind = 'certification' AND "
	    "valid_from >= '9100-01-01'", ""), DB_OK);
	v0 = kind_version();
	ck_assert_int_ge(v0, 0);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(add_rate(fx_db, y, &id), FEES_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(add_rate(other, y + 50, &id2), FEES_ERETRY);
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(kind_version(), v0 + 1);
	/* Run again after the first committed, the second sees it: no overlap, ends it. */
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(add_rate(other, y, &id2), FEES_EOVERLAP);
	db_rollback(other);
	ck_assert_int_eq(kind_version(), v0 + 1);
	ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE id = ?", "i", id), DB_OK);
}
END_TEST

static enum db_err
reset_token(struct db *db)
{
	char token[SESSION_TOKEN_CHARS + 1];
	unsigned char hash[32];

	session_new_token(token, hash);
	return db_exec(db, NULL, "INSERT INTO email_tokens (token_hash, user_id, purpose, "
	    "expires_at) VALUES (?, ?, 'reset', NOW(6) + INTERVAL 1 HOUR)", "bi", hash,
	    sizeof(hash), uid);
}

/* One live reset link per user: a second unused one is refused; once the first is used (as
 * /konto/glemt does before it makes a new one) a new one is fine. Verify links are not bound. */
START_TEST(one_live_reset_link_is_a_unique_key)
{
	ck_assert_int_eq(reset_token(fx_db), DB_OK);
	ck_assert_int_eq(reset_token(fx_db), DB_EDUP);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE email_tokens SET used_at = NOW(6) WHERE "
	    "user_id = ? AND purpose = 'reset' AND used_at IS NULL", "i", uid), DB_OK);
	ck_assert_int_eq(reset_token(fx_db), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(reset_token(other), DB_ERETRY);	/* waits on the same key */
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM email_tokens WHERE user_id = ? "
	    "AND purpose = 'reset' AND used_at IS NULL", uid), 1);
}
END_TEST

static enum db_err
sign(struct db *db, long long sag, const char *hex)
{
	return db_exec(db, NULL, "INSERT INTO proposal_signatures (case_id, signer_id, text_hash, "
	    "case_version) VALUES (?, ?, UNHEX(?), 1)", "iis", sag, uid, hex);
}

/* R12: two signers of the same text at once (two nodes) collide on the key; a voided
 * signature leaves it, so the text can be signed again after an edit voided it. */
START_TEST(one_live_signature_of_a_text)
{
	const char *hex = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
	const char *other_text = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	long long sag;

	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "project", uid, auth, "Regelprojekt", "titel=R",
	    &sag), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(sign(fx_db, sag, hex), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(sign(other, sag, hex), DB_ERETRY);	/* waits on the same key */
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(sign(fx_db, sag, hex), DB_EDUP);
	ck_assert_int_eq(sign(fx_db, sag, other_text), DB_OK);	/* another text: fine */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE proposal_signatures SET voided_at = NOW(6) "
	    "WHERE case_id = ?", "i", sag), DB_OK);
	ck_assert_int_eq(sign(fx_db, sag, hex), DB_OK);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE "
	    "case_id = ? AND voided_at IS NULL", sag), 1);
}
END_TEST

static enum db_err
give_access(struct db *db, long long sag, long long project, const char *email)
{
	return db_exec(db, NULL, "INSERT INTO student_access (student_case_id, project_case_id, "
	    "authorisation_id, student_email, granted_by) VALUES (?, ?, ?, ?, ?)", "iiisi", sag,
	    project, auth, email, uid);
}

/* R20: one live access per student (their address), whichever case and node grants it; an
 * ended access leaves the key, so a move ends one and grants the next. */
START_TEST(one_live_project_access_per_student)
{
	char email[128], upper[128];
	long long one, two, project;
	size_t i;

	snprintf(email, sizeof(email), "studerende.%s@regler.dk", sfx);
	for (i = 0; email[i] && i + 1 < sizeof(upper); i++)
		upper[i] = (char)(email[i] >= 'a' && email[i] <= 'z' ? email[i] - 32 : email[i]);
	upper[i] = '\0';
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "student", uid, auth, "Rikke Regel", "navn=R", &one),
	    CASES_OK);
	ck_assert_int_eq(cases_create(fx_db, "student", uid, auth, "Rikke Regel", "navn=R", &two),
	    CASES_OK);
	ck_assert_int_eq(cases_create(fx_db, "project", uid, auth, "Regelprojekt", "titel=R",
	    &project), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(give_access(fx_db, one, project, email), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	/* The same person under a second case, on "another node": waits on the same key. */
	ck_assert_int_eq(give_access(other, two, project, upper), DB_ERETRY);
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(give_access(fx_db, two, project, upper), DB_EDUP);	/* any case */
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE student_access SET ended_at = NOW(6), "
	    "end_reason = 'test_rules' WHERE student_case_id = ?", "i", one), DB_OK);
	ck_assert_int_eq(give_access(fx_db, two, project, email), DB_OK);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM student_access WHERE student_email "
	    "= ? AND ended_at IS NULL", email), 1);
}
END_TEST

/* R10: one approval per student case, and an FSE user id is one person's. */
START_TEST(one_fse_approval_per_student_and_one_person_per_id)
{
	char id[32];
	long long sag, request, second;

	snprintf(id, sizeof(id), "RUL%s", sfx);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "student", uid, auth, "Rikke Regel", "navn=R", &sag),
	    CASES_OK);
	ck_assert_int_eq(cases_create(fx_db, "fse_user", uid, auth, "Rikke Regel", "navn=R",
	    &request), CASES_OK);
	ck_assert_int_eq(cases_create(fx_db, "fse_user", uid, auth, "Rikke Regel", "navn=R",
	    &second), CASES_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_ids (fse_id, email) VALUES "
	    "(?, 'rikke@regler.dk')", "s", id), DB_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_ids (fse_id, email) VALUES "
	    "(?, 'en.anden@regler.dk')", "s", id), DB_EDUP);
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_approvals (case_id, "
	    "student_case_id, fse_id, new_user, approved_by) VALUES (?, ?, ?, 1, ?)", "iisi",
	    request, sag, id, uid), DB_OK);
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(db_exec(other, NULL, "INSERT INTO fse_user_approvals (case_id, "
	    "student_case_id, fse_id, new_user, approved_by) VALUES (?, ?, ?, 1, ?)", "iisi",
	    second, sag, id, uid), DB_ERETRY);
	db_rollback(other);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_approvals (case_id, "
	    "student_case_id, fse_id, new_user, approved_by) VALUES (?, ?, ?, 1, ?)", "iisi",
	    second, sag, id, uid), DB_EDUP);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("written");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, one_active_assignment_is_a_unique_key);
	tcase_add_test(tc, two_grants_at_once_collide_on_the_key);
	tcase_add_test(tc, second_invitation_accepted_without_a_second_grant);
	tcase_add_test(tc, rate_additions_of_one_kind_write_one_row);
	tcase_add_test(tc, one_live_reset_link_is_a_unique_key);
	tcase_add_test(tc, one_live_signature_of_a_text);
	tcase_add_test(tc, one_live_project_access_per_student);
	tcase_add_test(tc, one_fse_approval_per_student_and_one_person_per_id);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	return check_run(suite());
}
