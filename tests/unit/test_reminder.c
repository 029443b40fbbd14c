/*
 * reminder: which reminder stage is due on a day (issue 14; R11, R32), the list of days as the
 * settings hold it, and the stage keys that make each stage happen once.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "reminder.h"

#include "../check_run.h"

static enum reminder_err
parse(const char *text, unsigned days[REMINDER_MAX_STAGES], size_t *n)
{
	return reminder_parse_days(text, strlen(text), days, n);
}

START_TEST(days_lists)
{
	unsigned d[REMINDER_MAX_STAGES];
	size_t n;

	ck_assert_int_eq(parse("30,7", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(d[0], 30);
	ck_assert_uint_eq(d[1], 7);
	/* Any order, spaces around the numbers: largest first. */
	ck_assert_int_eq(parse(" 7 , 30,1 ", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(d[0], 30);
	ck_assert_uint_eq(d[1], 7);
	ck_assert_uint_eq(d[2], 1);
	ck_assert_int_eq(parse("366", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 1);
	/* Empty: no reminders at all. */
	ck_assert_int_eq(parse("", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(parse("  ", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(parse("1,2,3,4,5,6,7,8", d, &n), REMINDER_OK);
	ck_assert_uint_eq(n, 8);
	ck_assert_uint_eq(d[7], 1);
}
END_TEST

START_TEST(days_refused)
{
	static const struct {
		const char		*text;
		enum reminder_err	 want;
	} bad[] = {
		{ "30,,7", REMINDER_ESYNTAX }, { "30,", REMINDER_ESYNTAX }, { ",7", REMINDER_ESYNTAX },
		{ "30;7", REMINDER_ESYNTAX }, { "30 7", REMINDER_ESYNTAX }, { "-7", REMINDER_ESYNTAX },
		{ "7d", REMINDER_ESYNTAX }, { "tredive", REMINDER_ESYNTAX },
		{ "0", REMINDER_ERANGE }, { "367", REMINDER_ERANGE }, { "30,30", REMINDER_ERANGE },
		{ "99999999999999999999", REMINDER_ERANGE },
		{ "1,2,3,4,5,6,7,8,9", REMINDER_ETOOMANY },
	};
	unsigned d[REMINDER_MAX_STAGES];
	size_t i, n;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(parse(bad[i].text, d, &n) == bad[i].want, "\"%s\"", bad[i].text);
	/* A NUL inside the value is not a separator. */
	ck_assert_int_eq(reminder_parse_days("30\0" "7", 4, d, &n), REMINDER_ESYNTAX);
	ck_assert_str_eq(reminder_strerror(REMINDER_ERANGE),
	    "a number of days outside 1-366, or the same number twice");
}
END_TEST

START_TEST(days_between)
{
	ck_assert_int_eq(reminder_days_between("2027-06-30", "2027-06-30"), 0);
	ck_assert_int_eq(reminder_days_between("2027-05-31", "2027-06-30"), 30);
	ck_assert_int_eq(reminder_days_between("2027-06-30", "2027-05-31"), -30);
	ck_assert_int_eq(reminder_days_between("2028-02-28", "2028-03-01"), 2);	/* leap year */
	ck_assert_int_eq(reminder_days_between("2026-12-31", "2027-01-01"), 1);
	/* Summer time does not move a day (the dates have no time). */
	ck_assert_int_eq(reminder_days_between("2027-03-27", "2027-03-29"), 2);
	ck_assert_int_eq(reminder_days_between("2027-06-30 23:59:59", "2027-07-01"), 1);
	ck_assert_int_eq(reminder_days_between("2027-6-30", "2027-07-01"), REMINDER_NO_DATE);
	ck_assert_int_eq(reminder_days_between("", "2027-07-01"), REMINDER_NO_DATE);
	ck_assert_int_eq(reminder_days_between(NULL, "2027-07-01"), REMINDER_NO_DATE);
	ck_assert_int_eq(reminder_days_between("2027-13-01", "2027-07-01"), REMINDER_NO_DATE);
}
END_TEST

/* R32: 30 and 7 days before the end; the most urgent stage whose day has come. */
START_TEST(due_stage)
{
	const unsigned d[] = { 30, 7 };
	static const struct {
		long	left;
		int	want;	/* index into d, or -1 */
	} cases[] = {
		{ 60, -1 }, { 31, -1 },
		{ 30, 0 }, { 29, 0 }, { 8, 0 },	/* a runner that missed the 30th sends it late */
		{ 7, 1 }, { 5, 1 }, { 1, 1 },	/* first seen inside 7 days: the 7-day one alone */
		{ 0, -1 }, { -3, -1 },		/* the end date itself: the access ends, no reminder */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(reminder_due_stage(d, 2, cases[i].left) == cases[i].want,
		    "%ld days left", cases[i].left);
	ck_assert_int_eq(reminder_due_stage(d, 0, 5), -1);	/* no reminders set */
	ck_assert_int_eq(reminder_due_stage((const unsigned[]){ 1 }, 1, 1), 0);
}
END_TEST

START_TEST(before_and_after)
{
	/* An invitation expiring in 2 days or less, not yet expired. */
	ck_assert(!reminder_before_due(3, 2));
	ck_assert(reminder_before_due(2, 2));
	ck_assert(reminder_before_due(0, 2));
	ck_assert(!reminder_before_due(-1, 2));
	ck_assert(!reminder_before_due(1, 0));	/* 0: never */
	/* A signature request that has waited 5 days or more. */
	ck_assert(!reminder_after_due(4, 5));
	ck_assert(reminder_after_due(5, 5));
	ck_assert(reminder_after_due(40, 5));
	ck_assert(!reminder_after_due(40, 0));
	ck_assert(!reminder_after_due(REMINDER_NO_DATE, 5));
}
END_TEST

/* The end date is in the key: an extension is a new stage; the days tell 30 from 7. */
START_TEST(thesis_keys)
{
	char a[REMINDER_KEY_LEN], b[REMINDER_KEY_LEN], c[REMINDER_KEY_LEN], tiny[8];

	ck_assert_int_eq(reminder_thesis_key(a, sizeof(a), "2027-06-30", 30), 0);
	ck_assert_str_eq(a, "2027-06-30/30d");
	ck_assert_int_eq(reminder_thesis_key(b, sizeof(b), "2027-06-30", 7), 0);
	ck_assert_int_eq(reminder_thesis_key(c, sizeof(c), "2027-08-31", 30), 0);
	ck_assert_str_ne(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_int_eq(reminder_thesis_key(tiny, sizeof(tiny), "2027-06-30", 30), -1);
	ck_assert_int_eq(reminder_thesis_key(a, sizeof(a), "", 30), -1);
}
END_TEST

START_TEST(days_text)
{
	char out[32];

	reminder_days_text(out, sizeof(out), 0);
	ck_assert_str_eq(out, "i dag");
	reminder_days_text(out, sizeof(out), 1);
	ck_assert_str_eq(out, "i morgen");
	reminder_days_text(out, sizeof(out), 7);
	ck_assert_str_eq(out, "om 7 dage");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("reminder");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, days_lists);
	tcase_add_test(tc, days_refused);
	tcase_add_test(tc, days_between);
	tcase_add_test(tc, due_stage);
	tcase_add_test(tc, before_and_after);
	tcase_add_test(tc, thesis_keys);
	tcase_add_test(tc, days_text);
	suite_add_tcase(s, tc);
	return check_run(s);
}
