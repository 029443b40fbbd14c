/*
 * R6, pure: an address belongs to an institution when its domain is one of the institution's or
 * a subdomain of one, after a dot. A lookalike that merely ends the same way is not the
 * institution's: xecon.ku.dk is not econ.ku.dk's, and evilku.dk (a domain anyone can register)
 * is not ku.dk's (issue 15: the check without its dot went uncaught).
 */
#include <check.h>

#include "invite.h"

#include "../check_run.h"

START_TEST(the_domain_and_its_subdomains)
{
	ck_assert_int_eq(invite_domain_matches("anna@econ.ku.dk", "econ.ku.dk"), 1);
	ck_assert_int_eq(invite_domain_matches("anna@ECON.KU.dk", "econ.ku.dk"), 1);
	ck_assert_int_eq(invite_domain_matches("anna@stud.econ.ku.dk", "econ.ku.dk"), 1);
	ck_assert_int_eq(invite_domain_matches("anna@a.b.ku.dk", "ku.dk"), 1);
}
END_TEST

START_TEST(lookalikes_are_not_the_institutions)
{
	ck_assert_int_eq(invite_domain_matches("anna@xecon.ku.dk", "econ.ku.dk"), 0);
	ck_assert_int_eq(invite_domain_matches("anna@evilku.dk", "ku.dk"), 0);
	ck_assert_int_eq(invite_domain_matches("anna@ku.dk.evil.com", "ku.dk"), 0);
	ck_assert_int_eq(invite_domain_matches("anna@.ku.dk", "ku.dk"), 0);
	ck_assert_int_eq(invite_domain_matches("anna@dk", "ku.dk"), 0);
	ck_assert_int_eq(invite_domain_matches("ku.dk", "ku.dk"), 0);	/* no address */
	ck_assert_int_eq(invite_domain_matches("anna@ku.dk", ""), 0);
	ck_assert_int_eq(invite_domain_matches(NULL, "ku.dk"), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("invite_domain");
	TCase *tc = tcase_create("invite_domain");

	tcase_add_test(tc, the_domain_and_its_subdomains);
	tcase_add_test(tc, lookalikes_are_not_the_institutions);
	suite_add_tcase(s, tc);
	return check_run(s);
}
