/*
 * Times as Danes read them (issue 11: every time on pages and in mails is Copenhagen's, summer
 * time included, through lib/datefmt): a minute on each side of both changes of 2026, the day
 * that is already tomorrow in Copenhagen, and input that is not a time.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../check_run.h"
#include "datefmt.h"

static void
setup(void)
{
	setenv("TZ", "Europe/Copenhagen", 1);	/* as fcgi_main sets it for every program */
	tzset();
}

START_TEST(summer_time_changes)
{
	static const struct {
		const char	*utc;
		enum datefmt_style style;
		const char	*want;
	} cases[] = {
		/* 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC). */
		{ "2026-03-29 00:59:00", DATEFMT_DATETIME, "29-03-2026 kl. 01:59" },
		{ "2026-03-29 01:00:00", DATEFMT_DATETIME, "29-03-2026 kl. 03:00" },
		/* 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC). */
		{ "2026-10-25 00:59:00", DATEFMT_DATETIME, "25-10-2026 kl. 02:59" },
		{ "2026-10-25 01:00:00", DATEFMT_DATETIME, "25-10-2026 kl. 02:00" },
		/* Summer and winter, away from the changes. */
		{ "2026-07-01 16:17:00.123456", DATEFMT_DATETIME, "01-07-2026 kl. 18:17" },
		{ "2026-12-01 17:17:00", DATEFMT_DATETIME, "01-12-2026 kl. 18:17" },
		/* Late on New Year's Eve in UTC is already the new year here. */
		{ "2026-12-31 23:30:00", DATEFMT_DATE, "01-01-2027" },
		{ "2026-12-31 23:30:00", DATEFMT_ISO_DATE, "2027-01-01" },
		{ "2026-06-30 22:00:00", DATEFMT_ISO_DATE, "2026-07-01" },
		/* Not a time: shown as it is. */
		{ "snart", DATEFMT_DATETIME, "snart" },
		{ NULL, DATEFMT_DATE, "" },
	};
	char out[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		datefmt_danish(out, sizeof(out), cases[i].utc, cases[i].style);
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "%s: %s, want %s",
		    cases[i].utc ? cases[i].utc : "NULL", out, cases[i].want);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("datefmt");
	TCase *tc = tcase_create("datefmt");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, summer_time_changes);
	suite_add_tcase(s, tc);
	return check_run(s);
}
