/*
 * The rule of a student's access (issue 14; R10, R11, R14, R15, R27), pure: active only when
 * every fact holds, and each missing fact alone keeps it off; and lib/clock, the one "today"
 * tests move: a moved day is checked, days are added across months, years and leap days.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "studentprogress.h"

#include "../check_run.h"

static void
everything(struct student_progress *p)
{
	memset(p, 0, sizeof(*p));
	p->annex1_signed = 1;
	snprintf(p->fse_id, sizeof(p->fse_id), "ABC123");
	p->access_id = 7;
	snprintf(p->project, sizeof(p->project), "P-2027-1 Løn");
	p->agreement_accepted = 1;
	p->certified = 1;
	snprintf(p->ends_on, sizeof(p->ends_on), "2027-06-30");
}

START_TEST(active_only_when_everything_holds)
{
	struct student_progress p;

	everything(&p);
	ck_assert(student_progress_active(&p));
	everything(&p);
	p.annex1_signed = 0;			/* R27 */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.fse_id[0] = '\0';			/* R10 */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.access_id = 0;			/* R11, R20 */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.agreement_accepted = 0;		/* R15 */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.certified = 0;			/* R14 */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.period_ended = 1;			/* R11: the thesis period */
	ck_assert(!student_progress_active(&p));
	everything(&p);
	p.suspended = 1;			/* R11: a sanction */
	ck_assert(!student_progress_active(&p));
}
END_TEST

START_TEST(the_clock_moves_only_to_real_days)
{
	char day[CLOCK_DATE_LEN], real[CLOCK_DATE_LEN];

	clock_today(real);
	ck_assert_int_eq(clock_set_today("2027-02-28"), 0);
	clock_today(day);
	ck_assert_str_eq(day, "2027-02-28");
	ck_assert_int_eq(clock_set_today("2027-02-29"), -1);	/* no such day: left as it was */
	ck_assert_int_eq(clock_set_today("2027-2-28"), -1);
	ck_assert_int_eq(clock_set_today("2027-02-28x"), -1);
	ck_assert_int_eq(clock_set_today("28-02-2027"), -1);
	clock_today(day);
	ck_assert_str_eq(day, "2027-02-28");
	ck_assert_int_eq(clock_set_today(NULL), 0);
	clock_today(day);
	ck_assert_str_eq(day, real);
}
END_TEST

START_TEST(days_are_added_across_months_and_leap_days)
{
	char out[CLOCK_DATE_LEN];

	ck_assert_int_eq(clock_add_days("2027-06-30", -30, out), 0);
	ck_assert_str_eq(out, "2027-05-31");
	ck_assert_int_eq(clock_add_days("2027-06-30", -7, out), 0);
	ck_assert_str_eq(out, "2027-06-23");
	ck_assert_int_eq(clock_add_days("2028-02-28", 1, out), 0);
	ck_assert_str_eq(out, "2028-02-29");
	ck_assert_int_eq(clock_add_days("2027-12-31", 1, out), 0);
	ck_assert_str_eq(out, "2028-01-01");
	/* Across the change to summer time in Denmark: still one day. */
	ck_assert_int_eq(clock_add_days("2027-03-28", 1, out), 0);
	ck_assert_str_eq(out, "2027-03-29");
	ck_assert_int_eq(clock_add_days("2027-13-01", 1, out), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("access_rule");
	TCase *tc = tcase_create("access_rule");

	tcase_add_test(tc, active_only_when_everything_holds);
	tcase_add_test(tc, the_clock_moves_only_to_real_days);
	tcase_add_test(tc, days_are_added_across_months_and_leap_days);
	suite_add_tcase(s, tc);
	return check_run(s);
}
