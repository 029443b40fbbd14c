/*
 * The case model against MariaDB (issue 5): create, save a draft, submit, return with a
 * reason, resubmit with the diff, approve; events and audit kept; a stale version is a conflict
 * and changes nothing; a move the state machine does not have is refused. And the registry of
 * kinds (lib/casekind.h) against the database: every type the cases table can hold, and every
 * type a row has, is a kind with an entry (issue 10).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekind.h"
#include "cases.h"
#include "config.h"
#include "db.h"

#include "../check_run.h"

static struct config cfg;
static struct db *db;
static long long applicant, caseworker;

static long long
new_user(const char *tag)
{
	struct db_result res;
	char email[128];
	long long id;

	snprintf(email, sizeof(email), "%s.%ld.%d@cases.ku.dk", tag, (long)getpid(), rand());
	ck_assert_int_eq(db_exec(db, &res, "INSERT INTO users (email, name, password_hash) VALUES "
	    "(?, ?, 'x')", "ss", email, tag), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

static void
setup(void)
{
	char err[512];

	ck_assert_msg(getenv("PORTAL_CONFIG") != NULL, "run through scripts/test");
	ck_assert_msg(config_load(&cfg, getenv("PORTAL_CONFIG"), err, sizeof(err)) == CONFIG_OK,
	    "%s", err);
	db = db_new(&cfg);
	ck_assert_int_eq(db_connect(db), DB_OK);
	applicant = new_user("ansoeger");
	caseworker = new_user("fse");
}

static void
teardown(void)
{
	db_free(db);
}

static long long
count(const char *sql, long long id)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(db, &res, sql, "i", id), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

START_TEST(lifecycle_with_return_and_diff)
{
	struct case_change *c;
	struct case_row row;
	unsigned v;
	long long id;
	int n;

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_create(db, "authorisation", applicant, 0, "Økonomi",
	    "navn=%C3%98konomi&url=https%3A%2F%2Fku.dk", &id), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	ck_assert_int_eq(cases_load(db, id, 0, &row), CASES_OK);
	ck_assert_int_eq(row.state, CASE_DRAFT);
	v = row.version;
	case_row_free(&row);

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_save(db, id, v, NULL, "navn=%C3%98konomi&url=https%3A%2F%2Fku.dk"
	    "&erfarne=3", &v), CASES_OK);
	ck_assert_int_eq(cases_move(db, id, v, CASE_SUBMITTED, CASE_SIDE_APPLICANT, applicant, "",
	    "127.0.0.1", &v), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* Submitted: the form is locked for the applicant. */
	ck_assert_int_eq(cases_save(db, id, v, NULL, "x=1", NULL), CASES_ENOTEDITABLE);
	/* Returning needs a reason (R31: the applicant must know what to change). */
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_move(db, id, v, CASE_RETURNED, CASE_SIDE_FSE, caseworker, "",
	    "127.0.0.1", NULL), CASES_EREASON);
	ck_assert_int_eq(cases_move(db, id, v, CASE_RETURNED, CASE_SIDE_FSE, caseworker,
	    "Hjemmesiden mangler", "127.0.0.1", &v), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_save(db, id, v, NULL, "navn=%C3%98konomi&url=https%3A%2F%2Fku.dk"
	    "%2Fdata&erfarne=3", &v), CASES_OK);
	ck_assert_int_eq(cases_move(db, id, v, CASE_SUBMITTED, CASE_SIDE_APPLICANT, applicant, "",
	    "127.0.0.1", &v), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* The caseworker sees exactly what changed since the last submission. */
	n = cases_resubmission_diff(db, id, &c);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(c[0].name, "url");
	ck_assert_str_eq(c[0].before, "https://ku.dk");
	ck_assert_str_eq(c[0].after, "https://ku.dk/data");
	case_changes_free(c, n);
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_move(db, id, v, CASE_APPROVED, CASE_SIDE_FSE, caseworker, "",
	    "127.0.0.1", &v), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* Every step is an event and an audit entry, with who and why. */
	/* created, submitted, returned, submitted, approved */
	ck_assert_int_eq(count("SELECT COUNT(*) FROM case_events WHERE case_id = ?", id), 5);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND "
	    "reason = 'Hjemmesiden mangler' AND to_state = 'returned'", id), 1);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_events WHERE object_type = 'case' AND "
	    "object_id = ? AND action = 'case.approved'", id), 1);
	ck_assert_int_eq(count("SELECT decided_at IS NOT NULL FROM cases WHERE id = ?", id), 1);
}
END_TEST

START_TEST(stale_version_is_a_conflict)
{
	struct case_row row;
	unsigned v, seen;
	long long id;
	struct db *other = db_new(&cfg);

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_create(db, "authorisation", applicant, 0, "", "a=1", &id), CASES_OK);
	ck_assert_int_eq(cases_load(db, id, 0, &row), CASES_OK);
	v = row.version;
	case_row_free(&row);
	ck_assert_int_eq(cases_move(db, id, v, CASE_SUBMITTED, CASE_SIDE_APPLICANT, applicant, "",
	    "", &v), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* Two caseworkers opened the same version; the first approves. */
	seen = v;
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(cases_move(db, id, seen, CASE_APPROVED, CASE_SIDE_FSE, caseworker, "", "",
	    NULL), CASES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* The second, on another connection, is told it changed; nothing is overwritten. */
	ck_assert_int_eq(db_begin(other), DB_OK);
	ck_assert_int_eq(cases_move(other, id, seen, CASE_REJECTED, CASE_SIDE_FSE, caseworker,
	    "for sent", "", NULL), CASES_ECONFLICT);
	db_rollback(other);
	ck_assert_int_eq(cases_load(db, id, 0, &row), CASES_OK);
	ck_assert_int_eq(row.state, CASE_APPROVED);
	case_row_free(&row);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND to_state = "
	    "'rejected'", id), 0);
	/* A move the machine does not have is refused, whatever the version. */
	ck_assert_int_eq(cases_move(db, id, seen + 1, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    applicant, "", "", NULL), CASES_ENOTALLOWED);
	ck_assert_int_eq(cases_move(db, 999999999, 1, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    applicant, "", "", NULL), CASES_ENOTFOUND);
	db_free(other);
}
END_TEST

/* The database as the migrations left it: cases.type's ENUM, and the types rows have. */
START_TEST(every_type_in_the_database_is_a_kind)
{
	struct db_result res;
	const char *p, *close;
	size_t i, nenum = 0;

	ck_assert_int_eq(db_exec(db, &res, "SELECT COLUMN_TYPE FROM information_schema.COLUMNS "
	    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'cases' AND COLUMN_NAME = 'type'",
	    ""), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_msg(strncmp(db_cell(&res, 0, 0), "enum(", 5) == 0, "%s", db_cell(&res, 0, 0));
	for (p = db_cell(&res, 0, 0); (p = strchr(p, '\'')) != NULL; p = close + 1) {
		char type[CASEKIND_TYPE_MAX];

		ck_assert_ptr_nonnull(close = strchr(p + 1, '\''));
		ck_assert_uint_lt((size_t)(close - p - 1), sizeof(type));
		memcpy(type, p + 1, (size_t)(close - p - 1));
		type[close - p - 1] = '\0';
		ck_assert_msg(casekind_of(type) != NULL, "cases.type '%s' has no entry in the case "
		    "kind registry (lib/casekind.c)", type);
		nenum++;
	}
	db_result_free(&res);
	ck_assert_uint_eq(nenum, ncasekinds);	/* and every kind can be stored */

	ck_assert_int_eq(db_exec(db, &res, "SELECT DISTINCT type FROM cases", ""), DB_OK);
	for (i = 0; i < res.nrows; i++)
		ck_assert_msg(casekind_of(db_cell(&res, i, 0)) != NULL, "a case of type '%s' has no "
		    "entry in the case kind registry", db_cell(&res, i, 0));
	db_result_free(&res);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cases");
	TCase *tc = tcase_create("mariadb");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, lifecycle_with_return_and_diff);
	tcase_add_test(tc, stale_version_is_a_conflict);
	tcase_add_test(tc, every_type_in_the_database_is_a_kind);
	suite_add_tcase(s, tc);
	return check_run(s);
}
