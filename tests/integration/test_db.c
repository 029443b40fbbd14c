/*
 * Integration against the real MariaDB that scripts/test starts (PORTAL_CONFIG names its
 * config): migrations applied and idempotent, the eight universities of R2, utf8mb4 round trips,
 * prepared statements with hostile input, transactions, duplicate keys, and reconnecting after
 * the server drops the connection (2006/2013).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "migrate.h"

#include "../check_run.h"

static struct config cfg;
static struct db *db;

static void
setup(void)
{
	const char *path = getenv("PORTAL_CONFIG");
	char err[512];

	ck_assert_msg(path != NULL, "PORTAL_CONFIG is not set: run through scripts/test");
	ck_assert_msg(config_load(&cfg, path, err, sizeof(err)) == CONFIG_OK, "%s", err);
	db = db_new(&cfg);
	ck_assert_int_eq(db_connect(db), DB_OK);
}

static void
teardown(void)
{
	db_free(db);
	db = NULL;
}

static unsigned present, applied;

static void
count(const char *name, const char *state)
{
	(void)name;
	if (strcmp(state, "present") == 0)
		present++;
	else if (strcmp(state, "applied") == 0)
		applied++;
}

START_TEST(migrations_idempotent)
{
	struct db_result res;
	char err[512];

	/* scripts/test has migrated already: a second run applies nothing and changes nothing. */
	present = applied = 0;
	ck_assert_int_eq(migrate_run(db, cfg.migrations_dir, 0, count, err, sizeof(err)), MIGRATE_OK);
	ck_assert_uint_eq(applied, 0);
	ck_assert_uint_ge(present, 1);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM schema_migrations", ""), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), (long long)present);
	db_result_free(&res);
}
END_TEST

START_TEST(eight_universities)
{
	struct db_result res;

	/* R2: exactly the eight recognised research universities, in their order. */
	ck_assert_int_eq(db_exec(db, &res, "SELECT code, name FROM universities ORDER BY sort_order",
	    ""), DB_OK);
	ck_assert_uint_eq(res.nrows, 8);
	ck_assert_str_eq(db_cell(&res, 0, 0), "ku");
	ck_assert_str_eq(db_cell(&res, 0, 1), "Københavns Universitet");
	ck_assert_str_eq(db_cell(&res, 7, 0), "itu");
	db_result_free(&res);
}
END_TEST

START_TEST(utf8mb4_and_hostile_input)
{
	static const char *name = "Institut for Æøå 🧮 '; DROP TABLE universities; --";
	struct db_result res;

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(db_exec(db, &res, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = ?), ?, 'institute')", "ss", "ku", name),
	    DB_OK);
	ck_assert_uint_eq(res.affected, 1);
	ck_assert_uint_gt(res.insert_id, 0);
	db_result_free(&res);
	ck_assert_int_eq(db_exec(db, &res, "SELECT name, CHAR_LENGTH(name) FROM institutions "
	    "WHERE name = ?", "s", name), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_str_eq(db_cell(&res, 0, 0), name);
	ck_assert_int_eq(db_cell_int(&res, 0, 1, -1), 49);	/* characters, not bytes */
	db_result_free(&res);
	db_rollback(db);
	/* Rolled back: nothing half-written remains. */
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM institutions WHERE name = ?", "s",
	    name), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);
	db_result_free(&res);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM universities", ""), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 8);
	db_result_free(&res);
}
END_TEST

START_TEST(commit_duplicate_null_and_args)
{
	struct db_result res;

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES (NULL, ?, 'other')", "s", "Testinstitution (integration)"), DB_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* The unique key catches the second insert, and says so as its own error. */
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = 'au'), ?, 'other')", "s",
	    "Dublet"), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = 'au'), ?, 'other')", "s",
	    "Dublet"), DB_EDUP);
	ck_assert_int_eq(db_exec(db, &res, "SELECT university_id FROM institutions WHERE name = ?",
	    "s", "Testinstitution (integration)"), DB_OK);
	ck_assert_ptr_null(db_cell(&res, 0, 0));	/* SQL NULL */
	db_result_free(&res);
	ck_assert_int_eq(db_exec(db, NULL, "SELECT ?", "ss", "a", "b"), DB_EARGS);
	ck_assert_int_eq(db_exec(db, NULL, "SELEC nonsense", ""), DB_EPREPARE);
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM institutions WHERE name IN (?, ?)", "ss",
	    "Testinstitution (integration)", "Dublet"), DB_OK);
}
END_TEST

/*
 * A transaction the server rolled back under us (on Galera: another node's write, its deadlock
 * handed to a command whose answer nobody reads) is never kept in part: what ran after the
 * rollback is a new transaction, and COMMIT finds the mark of the one we began gone.
 * ROLLBACK sent as a statement stands in for the server's own.
 */
START_TEST(rolled_back_under_us_is_not_kept_in_part)
{
	const char *before = "Rullet tilbage (før)", *after = "Rullet tilbage (efter)";
	struct db_result res;

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES (NULL, ?, 'other')", "s", before), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "ROLLBACK", ""), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES (NULL, ?, 'other')", "s", after), DB_OK);
	ck_assert_int_eq(db_commit(db), DB_ERETRY);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM institutions WHERE name IN (?, ?)",
	    "ss", before, after), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);
	db_result_free(&res);
	/* The next transaction on the same connection is whole again. */
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES (NULL, ?, 'other')", "s", after), DB_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM institutions WHERE name = ?", "s", after),
	    DB_OK);
}
END_TEST

START_TEST(reconnects_after_kill)
{
	struct db_result res, idres;
	struct db *other = db_new(&cfg);
	long long id;

	ck_assert_int_eq(db_exec(db, &idres, "SELECT CONNECTION_ID()", ""), DB_OK);
	id = db_cell_int(&idres, 0, 0, -1);
	db_result_free(&idres);
	/* Another connection kills ours: the next statement meets 2006/2013, reconnects, retries. */
	ck_assert_int_eq(db_exec(other, NULL, "KILL CONNECTION ?", "i", id), DB_OK);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM universities", ""), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 8);
	db_result_free(&res);
	ck_assert_int_eq(db_exec(db, &idres, "SELECT CONNECTION_ID()", ""), DB_OK);
	ck_assert_int_ne(db_cell_int(&idres, 0, 0, -1), id);
	db_result_free(&idres);

	/* Inside a transaction the statement is not retried: the caller hears it was lost. */
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(db_exec(db, &idres, "SELECT CONNECTION_ID()", ""), DB_OK);
	id = db_cell_int(&idres, 0, 0, -1);
	db_result_free(&idres);
	ck_assert_int_eq(db_exec(other, NULL, "KILL CONNECTION ?", "i", id), DB_OK);
	ck_assert_int_eq(db_exec(db, NULL, "SELECT 1", ""), DB_ELOST);
	ck_assert_int_eq(db_exec(db, NULL, "SELECT 1", ""), DB_OK);
	db_free(other);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("mariadb");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, migrations_idempotent);
	tcase_add_test(tc, eight_universities);
	tcase_add_test(tc, utf8mb4_and_hostile_input);
	tcase_add_test(tc, commit_duplicate_null_and_args);
	tcase_add_test(tc, rolled_back_under_us_is_not_kept_in_part);
	tcase_add_test(tc, reconnects_after_kill);
	suite_add_tcase(s, tc);
	return check_run(s);
}
