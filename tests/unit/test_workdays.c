/* workdays: working days (Mon-Fri) between two dates, for the FSE queue (issue 5). */
#include <check.h>
#include <stdlib.h>

#include "workdays.h"

#include "../check_run.h"

START_TEST(weekdays)
{
	ck_assert_int_eq(workdays_weekday(workdays_day_number(1970, 1, 1)), 3);	/* Thursday */
	ck_assert_int_eq(workdays_weekday(workdays_day_number(2026, 11, 30)), 0);	/* Monday */
	ck_assert_int_eq(workdays_weekday(workdays_day_number(2024, 2, 29)), 3);	/* leap day */
	ck_assert_int_eq(workdays_weekday(workdays_day_number(1969, 12, 28)), 6);	/* Sunday */
}
END_TEST

START_TEST(between)
{
	/* 2026-11-27 is a Friday. */
	ck_assert_int_eq(workdays_between_dates("2026-11-27", "2026-11-27"), 0);
	ck_assert_int_eq(workdays_between_dates("2026-11-27", "2026-11-28"), 0);	/* Saturday */
	ck_assert_int_eq(workdays_between_dates("2026-11-27", "2026-11-29"), 0);	/* Sunday */
	ck_assert_int_eq(workdays_between_dates("2026-11-27", "2026-11-30"), 1);	/* Monday */
	ck_assert_int_eq(workdays_between_dates("2026-11-23", "2026-11-27"), 4);	/* Mon-Fri */
	ck_assert_int_eq(workdays_between_dates("2026-11-23", "2026-11-30"), 5);	/* a week */
	ck_assert_int_eq(workdays_between_dates("2026-11-28", "2026-12-12 10:00:00"), 10);
	ck_assert_int_eq(workdays_between_dates("2026-12-24", "2027-01-04"), 7);	/* no holidays */
	ck_assert_int_eq(workdays_between_dates("2026-11-30", "2026-11-27"), 0);	/* backwards */
	ck_assert_int_eq(workdays_between_dates("2024-02-28", "2024-03-01"), 2);	/* leap year */
	ck_assert_int_eq(workdays_between_dates("2026-01-01", "2027-01-01"), 261);
}
END_TEST

START_TEST(malformed)
{
	ck_assert_int_eq(workdays_between_dates(NULL, "2026-11-27"), -1);
	ck_assert_int_eq(workdays_between_dates("2026-13-01", "2026-11-27"), -1);
	ck_assert_int_eq(workdays_between_dates("2026-11-27", "27-11-2026"), -1);
	ck_assert_int_eq(workdays_between_dates("2026-1-27", "2026-11-27"), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("workdays");
	TCase *tc = tcase_create("workdays");

	tcase_add_test(tc, weekdays);
	tcase_add_test(tc, between);
	tcase_add_test(tc, malformed);
	suite_add_tcase(s, tc);
	return check_run(s);
}
