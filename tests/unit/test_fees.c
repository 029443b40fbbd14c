/*
 * fees, the pure part (issue 6; R23, R24, R29): amounts as people type them, Danish kroner as
 * pages show them, dates, the rule that periods of one kind never overlap (with the one
 * convenience of ending an open-ended rate), and which rate a day falls under, including a day
 * between two rates and the first and last day of a period (both included).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees.h"

#include "../check_run.h"

static struct fees_rate
rate(long long id, long long ore, const char *from, const char *to)
{
	struct fees_rate r;

	memset(&r, 0, sizeof(r));
	r.id = id;
	r.kind = FEES_PROPOSAL;
	r.ore = ore;
	snprintf(r.valid_from, sizeof(r.valid_from), "%s", from);
	snprintf(r.valid_to, sizeof(r.valid_to), "%s", to ? to : "");
	return r;
}

START_TEST(parse_amounts)
{
	static const struct { const char *in; long long ore; } ok[] = {
		{ "1250", 125000 }, { "1.250", 125000 }, { "1.250,00", 125000 },
		{ "1250,5", 125050 }, { "1250,05", 125005 }, { "1 250,50", 125050 },
		{ "0", 0 }, { "0,01", 1 }, { "  6.000,00 kr. ", 600000 }, { "6000 kr", 600000 },
		{ "1500 DKK", 150000 }, { "1.234.567,89", 123456789 },
		{ "10.000.000,00", FEES_MAX_ORE },
	};
	static const char *const bad[] = {
		"", "   ", "-1", "-1.250,00", "+5", "abc", "12a", "1,2,3", "1250,", ",50",
		"1250,505", "1.25", "1250.50", "12.50,00", "1.2500", ".250", "1.250.", "1..250",
		"1.250 000", "10.000.000,01", "99999999999999999999", "1e3", "kr.", "0x10",
		"1 250.000",
	};
	long long ore;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ore = -1;
		ck_assert_msg(fees_parse_dkk(ok[i].in, &ore) == FEES_OK, "refused \"%s\"", ok[i].in);
		ck_assert_msg(ore == ok[i].ore, "\"%s\" gave %lld, not %lld", ok[i].in, ore,
		    ok[i].ore);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(fees_parse_dkk(bad[i], &ore) == FEES_EAMOUNT, "took \"%s\"", bad[i]);
	ck_assert_int_eq(fees_parse_dkk(NULL, &ore), FEES_EAMOUNT);
}
END_TEST

START_TEST(format_amounts)
{
	char out[FEES_AMOUNT_LEN];

	fees_format_dkk(125000, out, sizeof(out));
	ck_assert_str_eq(out, "1.250,00 kr.");
	fees_format_dkk(125005, out, sizeof(out));
	ck_assert_str_eq(out, "1.250,05 kr.");
	fees_format_dkk(0, out, sizeof(out));
	ck_assert_str_eq(out, "0,00 kr.");
	fees_format_dkk(99, out, sizeof(out));
	ck_assert_str_eq(out, "0,99 kr.");
	fees_format_dkk(100000, out, sizeof(out));
	ck_assert_str_eq(out, "1.000,00 kr.");
	fees_format_dkk(99999, out, sizeof(out));
	ck_assert_str_eq(out, "999,99 kr.");
	fees_format_dkk(FEES_MAX_ORE, out, sizeof(out));
	ck_assert_str_eq(out, "10.000.000,00 kr.");
	fees_format_dkk(-150, out, sizeof(out));
	ck_assert_str_eq(out, "-1,50 kr.");
	fees_format_dkk_plain(123456789, out, sizeof(out));
	ck_assert_str_eq(out, "1.234.567,89");
}
END_TEST

/* What the page shows, read back, is what was typed. */
START_TEST(format_parses_back)
{
	static const long long values[] = { 0, 1, 99, 100, 123456, 100000000, FEES_MAX_ORE };
	char out[FEES_AMOUNT_LEN];
	long long ore;
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		fees_format_dkk(values[i], out, sizeof(out));
		ck_assert_int_eq(fees_parse_dkk(out, &ore), FEES_OK);
		ck_assert_int_eq(ore, values[i]);
	}
}
END_TEST

START_TEST(dates)
{
	char d[FEES_DATE_LEN], text[40];

	ck_assert_int_eq(fees_parse_date("2027-01-01", d), FEES_OK);
	ck_assert_str_eq(d, "2027-01-01");
	ck_assert_int_eq(fees_parse_date("1-2-2027", d), FEES_OK);
	ck_assert_str_eq(d, "2027-02-01");
	ck_assert_int_eq(fees_parse_date("29.02.2028", d), FEES_OK);	/* leap year */
	ck_assert_str_eq(d, "2028-02-29");
	ck_assert_int_eq(fees_parse_date("31/12/2026", d), FEES_OK);
	ck_assert_str_eq(d, "2026-12-31");
	ck_assert_int_eq(fees_parse_date("29-02-2027", d), FEES_EDATE);	/* no such day */
	ck_assert_int_eq(fees_parse_date("2027-13-01", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("2027-1-01", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("01-01-27", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("01-01/2027", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("2027-01-01x", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("i morgen", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("", d), FEES_EDATE);
	ck_assert_int_eq(fees_parse_date("0001-01-01", d), FEES_EDATE);

	ck_assert_int_eq(fees_day_before("2027-01-01", d), FEES_OK);
	ck_assert_str_eq(d, "2026-12-31");
	ck_assert_int_eq(fees_day_before("2028-03-01", d), FEES_OK);
	ck_assert_str_eq(d, "2028-02-29");
	ck_assert_int_eq(fees_day_before("2027-03-01", d), FEES_OK);
	ck_assert_str_eq(d, "2027-02-28");
	ck_assert_int_eq(fees_day_before("2027-3-01", d), FEES_EDATE);

	fees_format_date("2027-01-01", text, sizeof(text));
	ck_assert_str_eq(text, "1. januar 2027");
	fees_format_date("2026-12-31", text, sizeof(text));
	ck_assert_str_eq(text, "31. december 2026");
	fees_today(d);
	ck_assert_int_eq(fees_parse_date(d, text), FEES_OK);
}
END_TEST

/* R23: a proposal costs the rate valid on the day of submission. */
START_TEST(pick_between_two_rates)
{
	struct fees_rate r[3];

	r[0] = rate(1, 500000, "2026-01-01", "2026-12-31");
	r[1] = rate(2, 600000, "2027-07-01", NULL);	/* a gap: no rate in the first half of 2027 */
	r[2] = rate(3, 550000, "2025-01-01", "2025-06-30");
	/* A day between two rates' start days belongs to the earlier one, up to its last day. */
	ck_assert_ptr_eq(fees_pick(r, 3, "2026-06-15"), &r[0]);
	ck_assert_ptr_eq(fees_pick(r, 3, "2026-01-01"), &r[0]);	/* first day included */
	ck_assert_ptr_eq(fees_pick(r, 3, "2026-12-31"), &r[0]);	/* last day included */
	/* Between the end of one and the start of the next: no rate. */
	ck_assert_ptr_null(fees_pick(r, 3, "2027-01-01"));
	ck_assert_ptr_null(fees_pick(r, 3, "2027-06-30"));
	ck_assert_ptr_eq(fees_pick(r, 3, "2027-07-01"), &r[1]);
	ck_assert_ptr_eq(fees_pick(r, 3, "9999-12-31"), &r[1]);	/* open-ended */
	ck_assert_ptr_eq(fees_pick(r, 3, "2025-06-30"), &r[2]);
	ck_assert_ptr_null(fees_pick(r, 3, "2025-07-01"));
	ck_assert_ptr_null(fees_pick(r, 3, "2024-12-31"));	/* before every rate */
	ck_assert_ptr_null(fees_pick(r, 0, "2026-06-15"));
	ck_assert_ptr_null(fees_pick(r, 3, NULL));
}
END_TEST

START_TEST(overlap_refused)
{
	struct fees_rate r[2];
	size_t clash, close;

	r[0] = rate(1, 500000, "2026-01-01", "2026-12-31");
	r[1] = rate(2, 600000, "2027-07-01", "2027-12-31");
	/* Touching periods are fine: the last day of one, then the first of the next. */
	ck_assert_int_eq(fees_check_period(r, 2, "2027-01-01", "2027-06-30", &clash, &close),
	    FEES_OK);
	ck_assert_uint_eq(close, (size_t)-1);
	ck_assert_int_eq(fees_check_period(r, 2, "2025-01-01", "2025-12-31", &clash, &close),
	    FEES_OK);
	/* Sharing one day is an overlap, at either end (both days are included). */
	ck_assert_int_eq(fees_check_period(r, 2, "2026-12-31", "2027-01-31", &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 0);
	ck_assert_int_eq(fees_check_period(r, 2, "2027-01-01", "2027-07-01", &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 1);
	/* Inside, around, and open-ended across an existing one. */
	ck_assert_int_eq(fees_check_period(r, 2, "2026-03-01", "2026-03-31", &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_int_eq(fees_check_period(r, 2, "2025-01-01", "2028-01-01", &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_int_eq(fees_check_period(r, 2, "2027-01-01", NULL, &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 1);
	ck_assert_int_eq(fees_check_period(r, 2, "2028-01-01", "", &clash, &close), FEES_OK);
	/* The same start day as an existing one. */
	ck_assert_int_eq(fees_check_period(r, 2, "2026-01-01", "2026-01-01", &clash, &close),
	    FEES_EOVERLAP);
	/* A period that ends before it begins; a one-day period is fine. */
	ck_assert_int_eq(fees_check_period(r, 2, "2029-02-01", "2029-01-31", &clash, &close),
	    FEES_EPERIOD);
	ck_assert_int_eq(fees_check_period(r, 2, "2029-02-01", "2029-02-01", &clash, &close),
	    FEES_OK);
	ck_assert_int_eq(fees_check_period(NULL, 0, "2029-02-01", NULL, &clash, &close), FEES_OK);
}
END_TEST

/* The convenience: a later rate ends an open-ended earlier one; an earlier start does not. */
START_TEST(open_ended_is_ended)
{
	struct fees_rate r[2];
	size_t clash, close;

	r[0] = rate(1, 500000, "2025-01-01", "2025-12-31");
	r[1] = rate(2, 600000, "2026-01-01", NULL);
	ck_assert_int_eq(fees_check_period(r, 2, "2027-01-01", NULL, &clash, &close), FEES_OK);
	ck_assert_uint_eq(close, 1);
	ck_assert_int_eq(fees_check_period(r, 2, "2026-01-02", "2026-12-31", &clash, &close),
	    FEES_OK);
	ck_assert_uint_eq(close, 1);
	/* From the same day, or earlier, it would leave the open one with nothing: refused. */
	ck_assert_int_eq(fees_check_period(r, 2, "2026-01-01", NULL, &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 1);
	ck_assert_int_eq(fees_check_period(r, 2, "2025-06-01", NULL, &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 0);
	/* Still refused when it overlaps a closed period too. */
	ck_assert_int_eq(fees_check_period(r, 2, "2025-12-31", "2026-06-30", &clash, &close),
	    FEES_EOVERLAP);
	ck_assert_uint_eq(clash, 0);
}
END_TEST

START_TEST(kinds)
{
	ck_assert_int_eq(fees_kind_parse("proposal"), FEES_PROPOSAL);
	ck_assert_int_eq(fees_kind_parse("student_user"), FEES_STUDENT_USER);
	ck_assert_int_eq(fees_kind_parse("casework_hour"), FEES_CASEWORK_HOUR);
	ck_assert_int_eq(fees_kind_parse("certification"), FEES_CERTIFICATION);
	ck_assert_int_eq(fees_kind_parse("Proposal"), -1);
	ck_assert_int_eq(fees_kind_parse(NULL), -1);
	ck_assert_str_eq(fees_kind_name(FEES_STUDENT_USER), "student_user");
	ck_assert_str_eq(fees_kind_unit(FEES_CASEWORK_HOUR), "pr. time");
	ck_assert_str_eq(fees_kind_name(FEES_KIND__MAX), "");
	ck_assert_str_eq(fees_strerror(FEES_ENONE), "no rate is valid on that day");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fees");
	TCase *tc = tcase_create("pure");

	tcase_add_test(tc, parse_amounts);
	tcase_add_test(tc, format_amounts);
	tcase_add_test(tc, format_parses_back);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, pick_between_two_rates);
	tcase_add_test(tc, overlap_refused);
	tcase_add_test(tc, open_ended_is_ended);
	tcase_add_test(tc, kinds);
	suite_add_tcase(s, tc);
	return check_run(s);
}
