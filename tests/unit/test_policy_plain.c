/*
 * What each role may do, in plain Danish (issue 11; R34): every action on an authorisation that
 * an institution role holds has a phrase, so a new action without one fails here; the phrase of
 * a role names what the policy table gives it, and nothing it does not.
 */
#include <check.h>
#include <string.h>

#include "../check_run.h"
#include "policy.h"

#define INSTITUTION_ROLES	(ROLE_BIT(ROLE_RESPONSIBLE) | ROLE_BIT(ROLE_ADMINISTRATOR) | \
	ROLE_BIT(ROLE_DATAMANAGER) | ROLE_BIT(ROLE_SIGNER) | ROLE_BIT(ROLE_SUPERVISOR) | \
	ROLE_BIT(ROLE_STUDENT))

START_TEST(every_role_action_has_a_phrase)
{
	int a;

	for (a = 1; a < ACT__MAX; a++) {
		const struct policy_rule *r = &policy_rules[a];
		const char *p = policy_action_plain((enum action)a);

		if (r->scope == SCOPE_AUTHORISATION && (r->roles & INSTITUTION_ROLES))
			ck_assert_msg(p != NULL && *p, "%s has no plain Danish phrase", r->name);
		if (p)	/* no rule ids, no codes: words a person reads */
			ck_assert_msg(strchr(p, '_') == NULL && strstr(p, " R1") == NULL, "%s", p);
	}
}
END_TEST

START_TEST(what_a_role_may_do)
{
	char out[1024];
	int r, a;

	ck_assert_uint_gt(policy_role_can(ROLE_SUPERVISOR, out, sizeof(out)), 1);
	ck_assert_msg(strstr(out, "skrive projektindstillinger") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "underskrive") == NULL, "a supervisor does not sign: %s", out);
	ck_assert_msg(strstr(out, " og ") != NULL, "%s", out);
	policy_role_can(ROLE_SIGNER, out, sizeof(out));
	ck_assert_msg(strstr(out, "underskrive projektindstillinger") != NULL, "%s", out);
	/* Each role's phrase holds exactly the phrases of the actions the table gives it. */
	for (r = 0; r < ROLE_FSE_CASEWORKER; r++) {
		policy_role_can((enum role)r, out, sizeof(out));
		for (a = 1; a < ACT__MAX; a++) {
			const char *p = policy_action_plain((enum action)a);
			int has = policy_rules[a].scope == SCOPE_AUTHORISATION &&
			    (policy_rules[a].roles & ROLE_BIT(r));

			if (p)
				ck_assert_msg((strstr(out, p) != NULL) == has, "%s / %s: %s",
				    role_name((enum role)r), policy_rules[a].name, out);
		}
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("policy-plain");
	TCase *tc = tcase_create("plain");

	tcase_add_test(tc, every_role_action_has_a_phrase);
	tcase_add_test(tc, what_a_role_may_do);
	suite_add_tcase(s, tc);
	return check_run(s);
}
