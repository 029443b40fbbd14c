/* casefsm: every move of the case state machine (issue 5), and the diff of two forms. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "casefsm.h"

#include "../check_run.h"

#define A CASE_SIDE_APPLICANT
#define F CASE_SIDE_FSE

static const struct {
	enum case_state from, to;
	enum case_side side;
	enum casefsm_answer want;
} moves[] = {
	{ CASE_DRAFT, CASE_SUBMITTED, A, CASEFSM_OK },
	{ CASE_DRAFT, CASE_SUBMITTED, F, CASEFSM_NOT_ALLOWED },	/* FSE does not submit for them */
	{ CASE_DRAFT, CASE_APPROVED, F, CASEFSM_NOT_ALLOWED },	/* never decided unseen */
	{ CASE_SUBMITTED, CASE_APPROVED, F, CASEFSM_OK },
	{ CASE_SUBMITTED, CASE_APPROVED, A, CASEFSM_NOT_ALLOWED },	/* nobody approves themselves */
	{ CASE_SUBMITTED, CASE_RETURNED, F, CASEFSM_NEEDS_REASON },
	{ CASE_SUBMITTED, CASE_REJECTED, F, CASEFSM_NEEDS_REASON },
	{ CASE_SUBMITTED, CASE_WITHDRAWN, A, CASEFSM_OK },
	{ CASE_RETURNED, CASE_SUBMITTED, A, CASEFSM_OK },
	{ CASE_RETURNED, CASE_APPROVED, F, CASEFSM_NOT_ALLOWED },	/* resubmitted first */
	{ CASE_APPROVED, CASE_REVOKED, F, CASEFSM_NEEDS_REASON },
	{ CASE_APPROVED, CASE_APPROVED, F, CASEFSM_NOT_ALLOWED },	/* a second approval */
	{ CASE_REJECTED, CASE_SUBMITTED, A, CASEFSM_NOT_ALLOWED },	/* final */
	{ CASE_WITHDRAWN, CASE_SUBMITTED, A, CASEFSM_NOT_ALLOWED },
	{ CASE_REVOKED, CASE_APPROVED, F, CASEFSM_NOT_ALLOWED },
};

START_TEST(state_machine)
{
	ck_assert_int_eq(casefsm_check(moves[_i].from, moves[_i].to, moves[_i].side), moves[_i].want);
}
END_TEST

START_TEST(names_and_editing)
{
	int s;

	for (s = 0; s < CASE__STATES; s++) {
		ck_assert_int_eq(case_state_parse(case_state_name((enum case_state)s)), s);
		ck_assert_str_ne(case_state_label((enum case_state)s), "Ukendt");
	}
	ck_assert_int_eq(case_state_parse("approve"), -1);
	ck_assert(case_editable(CASE_DRAFT));
	ck_assert(case_editable(CASE_RETURNED));
	ck_assert(!case_editable(CASE_SUBMITTED));
	ck_assert(!case_editable(CASE_APPROVED));
}
END_TEST

START_TEST(diff)
{
	struct case_change *c;
	int n;

	n = case_diff("navn=Institut&url=https%3A%2F%2Fku.dk&uddannelse=A&uddannelse=B",
	    "navn=Institut&url=https%3A%2F%2Fku.dk%2Fmiljoe&uddannelse=A&uddannelse=C&ny=%C3%A6", &c);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(c[0].name, "url");
	ck_assert_str_eq(c[0].before, "https://ku.dk");
	ck_assert_str_eq(c[0].after, "https://ku.dk/miljoe");
	ck_assert_str_eq(c[1].name, "uddannelse");	/* repeated fields compared as lists */
	ck_assert_str_eq(c[1].before, "A\nB");
	ck_assert_str_eq(c[1].after, "A\nC");
	ck_assert_str_eq(c[2].name, "ny");
	ck_assert_str_eq(c[2].before, "");
	ck_assert_str_eq(c[2].after, "æ");
	case_changes_free(c, n);

	n = case_diff("a=1&gone=x", "a=1", &c);	/* a field that disappeared */
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(c[0].name, "gone");
	ck_assert_str_eq(c[0].after, "");
	case_changes_free(c, n);

	ck_assert_int_eq(case_diff("a=1&b=2", "b=2&a=1", &c), 0);	/* order does not matter */
	case_changes_free(c, 0);
	ck_assert_int_eq(case_diff("a=%zz", "a=1", &c), -1);
	ck_assert_ptr_null(c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("casefsm");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, state_machine, 0, sizeof(moves) / sizeof(moves[0]));
	tcase_add_test(tc, names_and_editing);
	tcase_add_test(tc, diff);
	suite_add_tcase(s, tc);
	return check_run(s);
}
