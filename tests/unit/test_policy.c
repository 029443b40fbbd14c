/*
 * policy: the decision table (issue 3). First single decisions with the rules they encode cited,
 * then the whole matrix: every action against every kind of person, one row per action.
 */
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

/*
 * Every action, every kind of person: one row per action (a new action without a row fails
 * `every_action_has_a_row`). Each row is the decision for eleven people asking about an object
 * that exists: not logged in, logged in with no role, each institution role on the object's
 * authorisation, each FSE role. A allow, L log in first, D 403, H 404 (not theirs to know of).
 */
#define PEOPLE	11

static const struct person {
	const char *who;
	int logged_in;
	unsigned global, object;
} people[PEOPLE] = {
	{ "not logged in", 0, 0, 0 },
	{ "logged in, no role", 1, 0, 0 },
	{ "responsible", 1, 0, B(RESPONSIBLE) },
	{ "administrator", 1, 0, B(ADMINISTRATOR) },
	{ "datamanager", 1, 0, B(DATAMANAGER) },
	{ "signer", 1, 0, B(SIGNER) },
	{ "supervisor", 1, 0, B(SUPERVISOR) },
	{ "student", 1, 0, B(STUDENT) },
	{ "FSE caseworker", 1, B(FSE_CASEWORKER), 0 },
	{ "FSE head of office", 1, B(FSE_HEAD), 0 },
	{ "national statistician", 1, B(NATIONAL_STATISTICIAN), 0 },
};

static const struct {
	enum action action;
	const char *name;
	/* anon user | resp admin datam signer superv student | casew head stat */
	const char *want;
} matrix[] = {
	{ ACT_PUBLIC, "public", "AA|AAAAAA|AAA" },
	{ ACT_SESSION, "session", "AA|AAAAAA|AAA" },
	{ ACT_ACCOUNT, "account", "LA|AAAAAA|AAA" },
	{ ACT_AUTH_LIST, "authorisation.list", "LA|AAAAAA|AAA" },
	{ ACT_AUTH_VIEW, "authorisation.view", "LH|AAAAAA|AAA" },
	{ ACT_ROLES_VIEW, "roles.view", "LH|AADDDD|AAA" },		/* R9, R34 */
	{ ACT_ROLE_INVITE, "roles.invite", "LH|ADDDDD|AAD" },		/* R9 */
	{ ACT_ROLE_REVOKE, "roles.revoke", "LH|ADDDDD|AAD" },		/* R34 */
	{ ACT_INVITE_ACCEPT, "invitation.accept", "LA|AAAAAA|AAA" },
	{ ACT_DOMAIN_OVERRIDE, "invitation.domain_override", "LD|DDDDDD|AAD" },	/* R6 */
	{ ACT_EXPORT_RESULTS, "results.export", "LH|DDDDAD|DDD" },	/* R9, R10, R13 */
	{ ACT_STUDENT_ACCESS, "student.project_access", "LH|DADDDD|DDD" },	/* R11 */
	{ ACT_FSE_MAIL_VIEW, "fse.mail.view", "LD|DDDDDD|AAD" },
	{ ACT_FSE_MAIL_RETRY, "fse.mail.retry", "LD|DDDDDD|AAD" },
	{ ACT_FSE_HOME, "fse.home", "LD|DDDDDD|AAA" },
	{ ACT_APPLICATION, "application", "LA|AAAAAA|AAA" },
	{ ACT_FSE_CASES_VIEW, "fse.cases.view", "LD|DDDDDD|AAA" },
	{ ACT_FSE_CASE_DECIDE, "fse.case.decide", "LD|DDDDDD|AAD" },	/* R25 */
	{ ACT_PROJECT_VIEW, "project.view", "LH|AADAAD|AAA" },
	{ ACT_PROJECT_EDIT, "project.edit", "LH|DDDDAD|DDD" },		/* R18 */
	{ ACT_PROJECT_SIGN, "project.sign", "LH|DDDADD|DDD" },		/* R12 */
	{ ACT_PLATFORM_SET, "platform.set", "LH|ADDDDD|DDD" },		/* R17 */
	{ ACT_FSE_RATES_VIEW, "fse.rates.view", "LD|DDDDDD|AAA" },	/* R29 */
	{ ACT_FSE_RATES_EDIT, "fse.rates.edit", "LD|DDDDDD|AAD" },	/* R29 */
	/* Any logged-in user reaches /fil; the policy of what the file belongs to decides. */
	{ ACT_FILE_READ, "file.read", "LA|AAAAAA|AAA" },
	{ ACT_LOGO_UPLOAD, "logo.upload", "LH|ADDDDD|DDD" },		/* R26 */
	/* R13: supervisors their own students (the handler checks whose), never the student. */
	{ ACT_STUDENT_VIEW, "student.view", "LH|AAHHAH|AAA" },
	{ ACT_STUDENT_VIEW_ALL, "student.view_all", "LH|AADDDD|AAA" },
	{ ACT_STUDENT_EDIT, "student.edit", "LH|DDDDAD|DDD" },		/* R13, R26-R28 */
	{ ACT_STUDENT_RETURN, "student.return", "LH|AADDDD|DDD" },	/* R13 */
	{ ACT_STUDENT_TO_FSE, "student.to_fse", "LH|ADDDDD|DDD" },	/* R10, R15 */
	{ ACT_STUDENT_SELF, "student.self", "LH|DDDDDA|DDD" },		/* R15 */
	{ ACT_FSE_AGREEMENT_VIEW, "fse.agreement.view", "LD|DDDDDD|AAA" },	/* R15 */
	{ ACT_FSE_AGREEMENT_EDIT, "fse.agreement.edit", "LD|DDDDDD|AAD" },	/* R15 */
	{ ACT_STUDENT_SANCTION, "student.sanction", "LH|DADDDD|DDD" },	/* R11 */
	{ ACT_EXPORT_REQUEST, "results.request", "LH|DDDDDA|DDD" },	/* R13 */
	{ ACT_EXPORT_LOG, "results.log", "LH|AADDDD|AAA" },		/* R13, R22 */
	{ ACT_FSE_CERT_VIEW, "fse.certification.view", "LD|DDDDDD|AAA" },	/* R14 */
	{ ACT_FSE_CERT_RECORD, "fse.certification.record", "LD|DDDDDD|AAD" },	/* R14 */
	{ ACT_FSE_EXPORT_RULES_VIEW, "fse.export_rules.view", "LD|DDDDDD|AAA" },	/* R22 */
	{ ACT_FSE_EXPORT_RULES_EDIT, "fse.export_rules.edit", "LD|DDDDDD|AAD" },	/* R22 */
	/* R11: who the datamanagers are and how far their access is: not the others' to know. */
	{ ACT_DM_VIEW, "datamanager.view", "LH|AAAHHH|AAA" },
	{ ACT_DM_REQUEST, "datamanager.request", "LH|ADDDDD|DDD" },	/* R10, R11 */
	{ ACT_DM_SELF, "datamanager.self", "LH|DDADDD|DDD" },		/* R15 */
	{ ACT_DM_SANCTION, "datamanager.sanction", "LH|DADDDD|DDD" },	/* R11 */
};

static enum policy_decision
letter(char c)
{
	switch (c) {
	case 'A': return POLICY_ALLOW;
	case 'L': return POLICY_LOGIN;
	case 'D': return POLICY_DENY;
	case 'H': return POLICY_HIDE;
	default: ck_abort_msg("matrix letter '%c'", c);
	}
	return POLICY_DENY;
}

static const char *
decision_name(enum policy_decision d)
{
	return d == POLICY_ALLOW ? "allow" : d == POLICY_LOGIN ? "login" : d == POLICY_DENY ?
	    "403" : d == POLICY_HIDE ? "404" : "?";
}

/* The eleven decisions of row _i, and (authorisation scope) 404 for an object that is not there. */
START_TEST(every_person_every_action)
{
	const char *w = matrix[_i].want;
	enum policy_decision want, got;
	size_t p = 0;

	ck_assert_str_eq(policy_action_name(matrix[_i].action), matrix[_i].name);
	for (; *w; w++) {
		if (*w == '|')
			continue;
		ck_assert_msg(p < PEOPLE, "%s: more than %d letters", matrix[_i].name, PEOPLE);
		want = letter(*w);
		got = policy_decide(matrix[_i].action, people[p].logged_in, people[p].global,
		    people[p].object, 1);
		ck_assert_msg(got == want, "%s, %s: %s, the matrix says %s", matrix[_i].name,
		    people[p].who, decision_name(got), decision_name(want));
		got = policy_decide(matrix[_i].action, people[p].logged_in, people[p].global,
		    people[p].object, 0);
		if (policy_rules[matrix[_i].action].scope == SCOPE_AUTHORISATION && people[p].logged_in)
			want = POLICY_HIDE;
		ck_assert_msg(got == want, "%s, %s, no such object: %s, not %s", matrix[_i].name,
		    people[p].who, decision_name(got), decision_name(want));
		p++;
	}
	ck_assert_msg(p == PEOPLE, "%s: %zu letters, not %d", matrix[_i].name, p, PEOPLE);
}
END_TEST

/* A new action needs its row in the matrix: the test names the one missing. */
START_TEST(every_action_has_a_row)
{
	size_t i, n;
	int a;

	for (a = ACT_UNSET + 1; a < ACT__MAX; a++) {
		for (i = n = 0; i < sizeof(matrix) / sizeof(matrix[0]); i++)
			n += matrix[i].action == (enum action)a;
		ck_assert_msg(n == 1, "action %s has %zu rows in the matrix, not one",
		    policy_action_name((enum action)a), n);
	}
	ck_assert_uint_eq(sizeof(matrix) / sizeof(matrix[0]), ACT__MAX - 1);
}
END_TEST

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
	tcase_add_loop_test(tc, every_person_every_action, 0, sizeof(matrix) / sizeof(matrix[0]));
	tcase_add_test(tc, every_action_has_a_row);
	tcase_add_test(tc, table_complete);
	suite_add_tcase(s, tc);
	return check_run(s);
}
