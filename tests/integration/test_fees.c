/*
 * The dated rate table against MariaDB (issue 6; R23, R29): add rates, look up the rate of a day
 * between two rates and on the first and last day of a period, overlapping periods refused,
 * an open-ended rate ended by a later one, no date meaning today, each change audited.
 *
 * The database is shared with other suites, which may add proposal rates of their own, and this
 * suite may run again on a used database: it uses only the kind `certification` and years far in
 * the future chosen per run (3000-8999), and deletes its own rows afterwards.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "fees.h"

#include "../check_run.h"

#define KIND	FEES_CERTIFICATION

static struct config cfg;
static struct db *db;
static int year;	/* this run's first year; tests use year .. year + 3 */

static void
day(char out[FEES_DATE_LEN], int plus, const char *mmdd)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%04d-%s", year + plus, mmdd);
	memcpy(out, tmp, FEES_DATE_LEN - 1);
	out[FEES_DATE_LEN - 1] = '\0';
}

static void
cleanup(void)
{
	char from[FEES_DATE_LEN], to[FEES_DATE_LEN];

	day(from, 0, "01-01");
	day(to, 3, "12-31");
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM rates WHERE kind = 'certification' AND "
	    "valid_from BETWEEN ? AND ?", "ss", from, to), DB_OK);
	/* no_date_is_today's rate, should a run have stopped before deleting it. */
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM rates WHERE kind = 'certification' AND "
	    "note = 'test_fees today'", ""), DB_OK);
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
	cleanup();
}

static void
teardown(void)
{
	cleanup();
	db_free(db);
}

/* Adds a rate in its own transaction, as a caller of fees_add does. */
static enum fees_err
add(long long ore, int plus_from, const char *from_mmdd, int plus_to, const char *to_mmdd,
    long long *id, struct fees_closed *closed)
{
	char from[FEES_DATE_LEN], to[FEES_DATE_LEN];
	struct fees_new n = { KIND, ore, from, to_mmdd ? to : NULL, "test_fees", 0 };
	enum fees_err frc;

	day(from, plus_from, from_mmdd);
	if (to_mmdd)
		day(to, plus_to, to_mmdd);
	ck_assert_int_eq(db_begin(db), DB_OK);
	frc = fees_add(db, &n, 0, "test", id, closed);
	if (frc == FEES_OK)
		ck_assert_int_eq(db_commit(db), DB_OK);
	else
		db_rollback(db);
	return frc;
}

/* The amount on a day of the year `plus` after this run's, or -1 when no rate is valid then. */
static long long
on(int plus, const char *mmdd, long long *rate_id)
{
	char d[FEES_DATE_LEN];
	long long ore = -1;
	enum fees_err frc;

	day(d, plus, mmdd);
	frc = fees_rate_on(db, KIND, d, &ore, rate_id);
	ck_assert_msg(frc == FEES_OK || frc == FEES_ENONE, "%s", fees_strerror(frc));
	return frc == FEES_OK ? ore : -1;
}

static long long
count_kind(void)
{
	struct db_result res;
	char from[FEES_DATE_LEN], to[FEES_DATE_LEN];
	long long n;

	day(from, 0, "01-01");
	day(to, 3, "12-31");
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM rates WHERE kind = "
	    "'certification' AND valid_from BETWEEN ? AND ?", "ss", from, to), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* R23: the fee is the rate of the day; a day between two rates belongs to neither or the
 * earlier one, by the periods' ends. */
START_TEST(lookup_between_two_rates)
{
	long long first, second, rid = 0;
	struct fees_list l;
	size_t i, mine = 0;

	ck_assert_int_eq(add(10000, 0, "01-01", 0, "03-31", &first, NULL), FEES_OK);
	ck_assert_int_eq(add(20050, 0, "07-01", 0, "09-30", &second, NULL), FEES_OK);
	ck_assert_int_eq(on(0, "02-15", &rid), 10000);
	ck_assert_int_eq(rid, first);
	ck_assert_int_eq(on(0, "01-01", NULL), 10000);	/* first day included */
	ck_assert_int_eq(on(0, "03-31", NULL), 10000);	/* last day included */
	ck_assert_int_eq(on(0, "04-01", NULL), -1);	/* between the two: no rate */
	ck_assert_int_eq(on(0, "06-30", NULL), -1);
	ck_assert_int_eq(on(0, "07-01", &rid), 20050);
	ck_assert_int_eq(rid, second);
	ck_assert_int_eq(on(0, "10-01", NULL), -1);	/* after the last: none either */

	ck_assert_int_eq(fees_list(db, KIND, &l), FEES_OK);
	for (i = 0; i < l.nrows; i++)
		if (l.rows[i].id == first || l.rows[i].id == second) {
			mine++;
			ck_assert_int_eq(l.rows[i].kind, KIND);
			ck_assert_str_eq(l.rows[i].note, "test_fees");
			ck_assert_int_eq(l.rows[i].is_demo, 0);
		}
	ck_assert_uint_eq(mine, 2);
	for (i = 1; i < l.nrows; i++)	/* sorted by valid_from */
		ck_assert_int_le(strcmp(l.rows[i - 1].valid_from, l.rows[i].valid_from), 0);
	fees_list_free(&l);
}
END_TEST

START_TEST(overlap_refused)
{
	long long id;

	ck_assert_int_eq(add(30000, 1, "01-01", 1, "12-31", &id, NULL), FEES_OK);
	ck_assert_int_eq(count_kind(), 1);
	ck_assert_int_eq(add(40000, 1, "06-01", 2, "01-31", NULL, NULL), FEES_EOVERLAP);
	ck_assert_int_eq(add(40000, 0, "12-31", 1, "01-01", NULL, NULL), FEES_EOVERLAP);
	ck_assert_int_eq(add(40000, 1, "01-01", 1, "01-01", NULL, NULL), FEES_EOVERLAP);
	ck_assert_int_eq(add(40000, 0, "06-01", -1, NULL, NULL, NULL), FEES_EOVERLAP);
	ck_assert_int_eq(add(40000, 2, "02-01", 2, "01-31", NULL, NULL), FEES_EPERIOD);
	/* Nothing of the refused ones stayed, and the first rate is as it was. */
	ck_assert_int_eq(count_kind(), 1);
	ck_assert_int_eq(on(1, "06-01", NULL), 30000);
	/* The day after its last day is free. */
	ck_assert_int_eq(add(40000, 2, "01-01", 2, "01-31", NULL, NULL), FEES_OK);
	ck_assert_int_eq(count_kind(), 2);
}
END_TEST

/* A new rate from a later day ends the open-ended one the day before; both changes audited. */
START_TEST(open_ended_is_ended)
{
	struct fees_closed closed;
	struct db_result res;
	long long old, new;
	char to[FEES_DATE_LEN];

	ck_assert_int_eq(add(50000, 3, "01-01", -1, NULL, &old, &closed), FEES_OK);
	ck_assert_int_eq(closed.id, 0);
	ck_assert_int_eq(on(3, "12-31", NULL), 50000);
	ck_assert_int_eq(add(60000, 3, "07-01", -1, NULL, &new, &closed), FEES_OK);
	ck_assert_int_eq(closed.id, old);
	day(to, 3, "06-30");
	ck_assert_str_eq(closed.valid_to, to);
	ck_assert_int_eq(on(3, "06-30", NULL), 50000);
	ck_assert_int_eq(on(3, "07-01", NULL), 60000);

	ck_assert_int_eq(db_exec(db, &res, "SELECT action FROM audit_events WHERE "
	    "object_type = 'rate' AND object_id IN (?, ?) ORDER BY id", "ii", old, new), DB_OK);
	ck_assert_uint_eq(res.nrows, 3);
	ck_assert_str_eq(db_cell(&res, 0, 0), "fee.rate.add");
	ck_assert_str_eq(db_cell(&res, 1, 0), "fee.rate.close");
	ck_assert_str_eq(db_cell(&res, 2, 0), "fee.rate.add");
	db_result_free(&res);
}
END_TEST

START_TEST(bad_input)
{
	struct fees_new n = { KIND, -1, "3000-01-01", NULL, NULL, 0 };
	long long ore;

	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_EAMOUNT);
	n.ore = FEES_MAX_ORE + 1;
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_EAMOUNT);
	n.ore = 100;
	n.valid_from = "3000-1-01";
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_EDATE);
	n.valid_from = "3000-02-30";
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_EDATE);
	n.valid_from = "3000-01-01";
	n.kind = FEES_KIND__MAX;
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_EKIND);
	n.kind = KIND;
	n.note = "a\nb";
	ck_assert_int_eq(fees_add(db, &n, 0, "test", NULL, NULL), FEES_ENOTE);
	db_rollback(db);
	ck_assert_int_eq(fees_rate_on(db, KIND, "01-01-3000", &ore, NULL), FEES_EDATE);
	ck_assert_int_eq(fees_rate_on(db, FEES_KIND__MAX, NULL, &ore, NULL), FEES_EKIND);
}
END_TEST

/* No date is today (Copenhagen's): a one-day rate of this suite's kind for today is the answer,
 * and once it is gone there is none (no other suite uses the kind, none runs at the same time). */
START_TEST(no_date_is_today)
{
	char today[FEES_DATE_LEN];
	struct fees_new n = { KIND, 4242, today, today, "test_fees today", 0 };
	long long id = 0, ore = -1, rid = -1;

	fees_today(today);
	ck_assert_int_eq(fees_rate_on(db, KIND, NULL, &ore, NULL), FEES_ENONE);
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(fees_add(db, &n, 0, "test", &id, NULL), FEES_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	ck_assert_int_eq(fees_rate_on(db, KIND, NULL, &ore, &rid), FEES_OK);
	ck_assert_int_eq(ore, 4242);
	ck_assert_int_eq(rid, id);
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM rates WHERE id = ?", "i", id), DB_OK);
	ck_assert_int_eq(fees_rate_on(db, KIND, NULL, &ore, NULL), FEES_ENONE);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fees");
	TCase *tc = tcase_create("mariadb");

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	year = 3000 + rand() % 6000;
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, lookup_between_two_rates);
	tcase_add_test(tc, overlap_refused);
	tcase_add_test(tc, open_ended_is_ended);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, no_date_is_today);
	suite_add_tcase(s, tc);
	return check_run(s);
}
