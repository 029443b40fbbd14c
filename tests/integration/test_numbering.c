/*
 * FSE's numbers against MariaDB (issue 11; R16): per series and Danish year from 1, no gaps, a
 * rolled-back approval gives its number back, two transactions at once never get the same one
 * (the second waits on the counter row the first wrote), and the year is Copenhagen's.
 *
 * The stack is shared with the e2e suites, which approve this year's projects and
 * authorisations: this suite counts in years far in the future chosen per run and deletes them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "numbering.h"

#include "../check_run.h"

static struct config cfg;
static struct db *db;
static int year;

/* Noon UTC on 1 July of y: well inside the Danish year y. */
static time_t
mid(int y)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = 6, .tm_mday = 1, .tm_hour = 12 };

	return timegm(&tm);
}

static struct db *
connect_db(void)
{
	struct db *d = db_new(&cfg);

	ck_assert_int_eq(db_connect(d), DB_OK);
	return d;
}

static void
setup(void)
{
	char err[512];

	ck_assert_msg(getenv("PORTAL_CONFIG") != NULL, "run through scripts/test");
	ck_assert_msg(config_load(&cfg, getenv("PORTAL_CONFIG"), err, sizeof(err)) == CONFIG_OK,
	    "%s", err);
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	db = connect_db();
	year = 3000 + (int)(getpid() % 5000);
}

static void
teardown(void)
{
	db_exec(db, NULL, "DELETE FROM number_series WHERE year BETWEEN ? AND ?", "ii",
	    (long long)year, (long long)year + 1);
	db_free(db);
}

static void
next_in_tx(struct db *d, enum numbering_series s, int y, int commit, char *out, size_t n)
{
	ck_assert_int_eq(db_begin(d), DB_OK);
	ck_assert_int_eq(numbering_next(d, s, mid(y), out, n), DB_OK);
	if (commit)
		ck_assert_int_eq(db_commit(d), DB_OK);
	else
		db_rollback(d);
}

START_TEST(from_one_without_gaps)
{
	char num[48], want[48];

	next_in_tx(db, NUMBERING_PROJECT, year, 1, num, sizeof(num));
	snprintf(want, sizeof(want), "P-%d-1", year);
	ck_assert_str_eq(num, want);
	next_in_tx(db, NUMBERING_PROJECT, year, 0, num, sizeof(num));	/* rolled back */
	snprintf(want, sizeof(want), "P-%d-2", year);
	ck_assert_str_eq(num, want);
	next_in_tx(db, NUMBERING_PROJECT, year, 1, num, sizeof(num));
	ck_assert_str_eq(num, want);	/* given again: no gap */
	/* Each series and each year counts on its own. */
	next_in_tx(db, NUMBERING_AUTHORISATION, year, 1, num, sizeof(num));
	snprintf(want, sizeof(want), "UA-%d-1", year);
	ck_assert_str_eq(num, want);
	next_in_tx(db, NUMBERING_PROJECT, year + 1, 1, num, sizeof(num));
	snprintf(want, sizeof(want), "P-%d-1", year + 1);
	ck_assert_str_eq(num, want);
}
END_TEST

/* A second transaction waits for the first's counter row and then gets the next number. */
START_TEST(two_at_once_get_two_numbers)
{
	char first[48], second[48], want[48];
	int fds[2], status;
	pid_t pid;
	ssize_t got;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(numbering_next(db, NUMBERING_PROJECT, mid(year), first, sizeof(first)),
	    DB_OK);
	if ((pid = fork()) == 0) {
		struct db *d = connect_db();
		char num[48] = "";

		close(fds[0]);
		if (db_begin(d) == DB_OK &&
		    numbering_next(d, NUMBERING_PROJECT, mid(year), num, sizeof(num)) == DB_OK &&
		    db_commit(d) == DB_OK)
			_exit(write(fds[1], num, strlen(num) + 1) > 0 ? 0 : 2);
		_exit(1);
	}
	close(fds[1]);
	sleep(1);	/* the child is now waiting on the row this transaction wrote */
	ck_assert_int_eq(db_commit(db), DB_OK);
	got = read(fds[0], second, sizeof(second) - 1);
	ck_assert_int_gt(got, 0);
	second[got] = '\0';
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	snprintf(want, sizeof(want), "P-%d-1", year);
	ck_assert_str_eq(first, want);
	snprintf(want, sizeof(want), "P-%d-2", year);
	ck_assert_str_eq(second, want);
	close(fds[0]);
}
END_TEST

/* 23:30 UTC on 31 December is 00:30 on 1 January in Copenhagen: the new year's number. */
START_TEST(the_danish_year)
{
	struct tm tm = { .tm_year = 2026 - 1900, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23,
		.tm_min = 30 };
	char num[48];

	ck_assert_int_eq(numbering_year(timegm(&tm)), 2027);
	tm.tm_hour = 22;
	tm.tm_min = 59;
	ck_assert_int_eq(numbering_year(timegm(&tm)), 2026);
	numbering_format(NUMBERING_AUTHORISATION, 2027, 12, num, sizeof(num));
	ck_assert_str_eq(num, "UA-2027-12");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("numbering");
	TCase *tc = tcase_create("numbering");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, from_one_without_gaps);
	tcase_add_test(tc, two_at_once_get_two_numbers);
	tcase_add_test(tc, the_danish_year);
	suite_add_tcase(s, tc);
	return check_run(s);
}
