/* R1-R3: the eligibility check's decision table, every combination. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "eligibility.h"

#include "../check_run.h"

static const struct {
	int recognised;
	const char *rule;
	enum eligibility want;
	const char *section;
} cases[] = {
	{ 1, "thesis", ELIGIBILITY_YES, "RESULT_YES" },			/* R1 + R2 */
	{ 0, "thesis", ELIGIBILITY_OTHER_INSTITUTION, "RESULT_OTHER" },	/* R3 */
	{ 1, "no_thesis", ELIGIBILITY_NO_THESIS, "RESULT_NO_THESIS" },	/* R1 */
	{ 0, "no_thesis", ELIGIBILITY_NO_THESIS, "RESULT_NO_THESIS" },	/* R1 before R3 */
	{ 1, "research", ELIGIBILITY_RESEARCH_SCHEME, "RESULT_RESEARCH" },
	{ 0, "research", ELIGIBILITY_RESEARCH_SCHEME, "RESULT_RESEARCH" },
	{ 1, "doubt", ELIGIBILITY_ASK_FSE, "RESULT_ASK_FSE" },		/* R25 */
	{ 0, "doubt", ELIGIBILITY_ASK_FSE, "RESULT_ASK_FSE" },
};

START_TEST(decision_table)
{
	int rule = programme_rule_parse(cases[_i].rule);
	enum eligibility e;

	ck_assert_int_ge(rule, 0);
	e = eligibility_decide(cases[_i].recognised, (enum programme_rule)rule);
	ck_assert_int_eq(e, cases[_i].want);
	ck_assert_str_eq(eligibility_section(e), cases[_i].section);
}
END_TEST

START_TEST(unknown_rule)
{
	ck_assert_int_eq(programme_rule_parse("speciale"), -1);
	ck_assert_int_eq(programme_rule_parse(""), -1);
	ck_assert_int_eq(programme_rule_parse(NULL), -1);
	/* An out-of-range value must not index past the section table. */
	ck_assert_str_eq(eligibility_section((enum eligibility)99), "RESULT_ASK_FSE");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("eligibility");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, decision_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, unknown_rule);
	suite_add_tcase(s, tc);
	return check_run(s);
}
