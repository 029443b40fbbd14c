/* policy: the decision table (issue 3), with the rules it encodes cited. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

static const struct {
	enum action action;
	int logged_in;
	unsigned global;
	unsigned object;
	int exists;
	enum policy_decision want;
	const char *why;
} rows[] = {
	{ ACT_PUBLIC, 0, 0, 0, 0, POLICY_ALLOW, "public pages need nothing" },
	{ ACT_ACCOUNT, 0, 0, 0, 0, POLICY_LOGIN, "one's account needs a login" },
	{ ACT_ACCOUNT, 1, 0, 0, 0, POLICY_ALLOW, "any user has an account page" },
	{ ACT_ROLES_VIEW, 1, 0, B(RESPONSIBLE), 1, POLICY_ALLOW, "R9: the responsible sees roles" },
	{ ACT_ROLES_VIEW, 1, 0, B(STUDENT), 1, POLICY_DENY, "a student of it: 403" },
	{ ACT_ROLES_VIEW, 1, 0, 0, 1, POLICY_HIDE, "another institution's: 404, not 403" },
	{ ACT_ROLES_VIEW, 1, 0, B(RESPONSIBLE), 0, POLICY_HIDE, "no such authorisation: 404" },
	{ ACT_ROLES_VIEW, 1, B(FSE_CASEWORKER), 0, 1, POLICY_ALLOW, "FSE sees every authorisation" },
	{ ACT_ROLES_VIEW, 0, 0, 0, 1, POLICY_LOGIN, "not logged in: log in first" },
	{ ACT_ROLE_INVITE, 1, 0, B(ADMINISTRATOR), 1, POLICY_DENY, "R9: only the responsible appoints" },
	{ ACT_ROLE_INVITE, 1, 0, B(RESPONSIBLE), 1, POLICY_ALLOW, "R9" },
	{ ACT_ROLE_INVITE, 1, B(NATIONAL_STATISTICIAN), 0, 1, POLICY_DENY, "R25 decides, not invites" },
	{ ACT_EXPORT_RESULTS, 1, 0, B(SUPERVISOR), 1, POLICY_ALLOW, "R9, R13: supervisors export" },
	{ ACT_EXPORT_RESULTS, 1, 0, B(STUDENT), 1, POLICY_DENY, "R10: students never export" },
	{ ACT_EXPORT_RESULTS, 1, 0, B(STUDENT) | B(SIGNER), 1, POLICY_DENY, "R10, R12" },
	{ ACT_EXPORT_RESULTS, 1, B(FSE_HEAD), 0, 1, POLICY_DENY, "FSE does not export for others" },
	{ ACT_STUDENT_ACCESS, 1, 0, B(ADMINISTRATOR), 1, POLICY_ALLOW, "R11" },
	{ ACT_STUDENT_ACCESS, 1, 0, B(SUPERVISOR), 1, POLICY_DENY, "R13: the supervisor asks" },
	{ ACT_FSE_MAIL_VIEW, 1, 0, B(RESPONSIBLE), 0, POLICY_DENY, "institution roles: not FSE pages" },
	{ ACT_FSE_MAIL_VIEW, 1, B(FSE_CASEWORKER), 0, 0, POLICY_ALLOW, "FSE staff" },
	{ ACT_DOMAIN_OVERRIDE, 1, B(FSE_HEAD), 0, 0, POLICY_ALLOW, "R6 override is FSE's" },
	{ ACT_DOMAIN_OVERRIDE, 1, 0, B(RESPONSIBLE), 1, POLICY_DENY, "R6: not the institution's" },
	{ ACT_FSE_HOME, 1, B(NATIONAL_STATISTICIAN), 0, 0, POLICY_ALLOW, "all FSE roles: start page" },
	{ ACT_FSE_HOME, 1, 0, B(RESPONSIBLE), 1, POLICY_DENY, "institution roles: not FSE pages" },
	{ ACT_APPLICATION, 0, 0, 0, 0, POLICY_LOGIN, "an application needs a login" },
	{ ACT_APPLICATION, 1, 0, 0, 0, POLICY_ALLOW, "any user may apply (issue 5)" },
	{ ACT_FSE_CASES_VIEW, 1, B(NATIONAL_STATISTICIAN), 0, 0, POLICY_ALLOW,
	    "issue 5: every FSE role sees the queue" },
	{ ACT_FSE_CASES_VIEW, 1, 0, B(RESPONSIBLE), 1, POLICY_DENY, "institutions: not the queue" },
	{ ACT_FSE_CASE_DECIDE, 1, B(FSE_CASEWORKER), 0, 0, POLICY_ALLOW, "caseworkers decide" },
	{ ACT_FSE_CASE_DECIDE, 1, B(NATIONAL_STATISTICIAN), 0, 0, POLICY_DENY,
	    "the national statistician looks, does not decide cases" },
	{ ACT_FSE_CASE_DECIDE, 0, 0, 0, 0, POLICY_LOGIN, "deciding needs a login" },
	{ ACT_UNSET, 1, FSE_ROLES, ~0u, 1, POLICY_DENY, "no policy row: nobody" },
	{ (enum action)999, 1, FSE_ROLES, ~0u, 1, POLICY_DENY, "out of range: nobody" },
};

START_TEST(decisions)
{
	ck_assert_msg(policy_decide(rows[_i].action, rows[_i].logged_in, rows[_i].global,
	    rows[_i].object, rows[_i].exists) == rows[_i].want, "row %d: %s", _i, rows[_i].why);
}
END_TEST

START_TEST(table_complete)
{
	int a, r;

	for (a = ACT_UNSET + 1; a < ACT__MAX; a++) {
		ck_assert_msg(policy_rules[a].name != NULL, "action %d has no row", a);
		ck_assert_msg(policy_rules[a].doc != NULL && policy_rules[a].doc[0], "%d undocumented", a);
		/* Object scopes name at least one role, or nobody could ever act. */
		if (policy_rules[a].scope >= SCOPE_FSE)
			ck_assert_msg(policy_rules[a].roles != 0, "%s allows nobody", policy_rules[a].name);
	}
	for (r = 0; r < ROLE__MAX; r++)
		ck_assert_int_eq(role_parse(role_name((enum role)r)), r);
	ck_assert_int_eq(role_parse("admin"), -1);
	ck_assert_int_eq(role_parse(NULL), -1);
	/* The second factor is required for exactly the roles that grant access. */
	ck_assert(TOTP_ROLES & B(RESPONSIBLE));
	ck_assert(TOTP_ROLES & B(ADMINISTRATOR));
	ck_assert(!(TOTP_ROLES & B(STUDENT)));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, decisions, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, table_complete);
	suite_add_tcase(s, tc);
	return check_run(s);
}
