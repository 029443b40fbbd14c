/* The one main() tail every Check suite shares: run in fork mode, exit non-zero on failure. */
#ifndef PORTAL_TESTS_CHECK_RUN_H
#define PORTAL_TESTS_CHECK_RUN_H

#include <check.h>
#include <stdlib.h>

static inline int
check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
