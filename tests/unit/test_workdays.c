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
	/* 24, 25, 28, 29, 30, 31 Dec, 1 Jan, 4 Jan: 24, 25, 31 Dec and 1 Jan are closed days. */
	ck_assert_int_eq(workdays_between_dates("2026-12-23", "2027-01-04"), 4);
	ck_assert_int_eq(workdays_between_dates("2026-11-30", "2026-11-27"), 0);	/* backwards */
	ck_assert_int_eq(workdays_between_dates("2024-02-28", "2024-03-01"), 2);	/* leap year */
	/* 2026: 261 weekdays less the closed days on weekdays: 1 Jan, 2, 3, 6 Apr (Easter 5 Apr),
	 * 14 May, 25 May, 5 Jun, 24, 25, 31 Dec (26 Dec is a Saturday): 251. */
	ck_assert_int_eq(workdays_between_dates("2025-12-31", "2026-12-31"), 251);
}
END_TEST

START_TEST(holidays)
{
	/* Easter Sunday: 2024-03-31, 2026-04-05, 2027-03-28, 2038-04-25 (the latest possible). */
	ck_assert(workdays_holiday(workdays_day_number(2024, 3, 28)));	/* Maundy Thursday */
	ck_assert(workdays_holiday(workdays_day_number(2026, 4, 3)));	/* Good Friday */
	ck_assert(workdays_holiday(workdays_day_number(2026, 4, 6)));	/* Easter Monday */
	ck_assert(workdays_holiday(workdays_day_number(2026, 5, 14)));	/* Ascension */
	ck_assert(workdays_holiday(workdays_day_number(2026, 5, 25)));	/* Whit Monday */
	ck_assert(workdays_holiday(workdays_day_number(2038, 4, 26)));	/* Easter Monday */
	ck_assert(workdays_holiday(workdays_day_number(2027, 3, 29)));
	ck_assert(workdays_holiday(workdays_day_number(2023, 5, 5)));	/* Store Bededag, last */
	ck_assert(!workdays_holiday(workdays_day_number(2024, 4, 26)));	/* abolished */
	ck_assert(workdays_holiday(workdays_day_number(2026, 6, 5)));	/* Grundlovsdag */
	ck_assert(workdays_holiday(workdays_day_number(2026, 12, 24)));
	ck_assert(!workdays_holiday(workdays_day_number(2026, 12, 23)));
	ck_assert(!workdays_holiday(workdays_day_number(2026, 4, 2) + 7));	/* an ordinary Thursday */
	/* Across Easter 2026: Wed 1 Apr to Tue 7 Apr is 1 working day (the Tuesday). */
	ck_assert_int_eq(workdays_between_dates("2026-04-01", "2026-04-07"), 1);
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
	tcase_add_test(tc, holidays);
	tcase_add_test(tc, malformed);
	suite_add_tcase(s, tc);
	return check_run(s);
}
