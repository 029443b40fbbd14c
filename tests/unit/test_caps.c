/*
 * lib/caps, pure (issue 16): within a cap, exactly at it and one past; 0 turns a cap off; no
 * overflow near the top of the range; each kind's limit is its own setting with the documented
 * default; each refusal is plain Danish with the limit, and every kind has a distinct name.
 */
#include <check.h>
#include <string.h>

#include "caps.h"
#include "config.h"

#include "../check_run.h"

START_TEST(within_at_and_past_the_cap)
{
	ck_assert_int_eq(caps_within(0, 1, 20), 1);
	ck_assert_int_eq(caps_within(19, 1, 20), 1);	/* the 20th */
	ck_assert_int_eq(caps_within(20, 1, 20), 0);	/* the 21st */
	ck_assert_int_eq(caps_within(25, 1, 20), 0);	/* already past (a cap lowered) */
	ck_assert_int_eq(caps_within(100, 101, 200), 0);
	ck_assert_int_eq(caps_within(100, 100, 200), 1);
	ck_assert_int_eq(caps_within(0, 0, 1), 1);
}
END_TEST

START_TEST(zero_is_no_cap_and_no_overflow)
{
	ck_assert_int_eq(caps_within(1000000, 1, 0), 1);
	ck_assert_int_eq(caps_within(~0ULL, ~0ULL, 0), 1);
	/* used + adding would wrap to a small number: still past the cap */
	ck_assert_int_eq(caps_within(10, ~0ULL, 20), 0);
	ck_assert_int_eq(caps_within(~0ULL, 1, ~0ULL), 0);
	ck_assert_int_eq(caps_within(~0ULL - 1, 1, ~0ULL), 1);
}
END_TEST

START_TEST(limits_are_the_settings)
{
	struct config c;

	config_defaults(&c);
	ck_assert_uint_eq(caps_limit(&c, CAPS_DRAFT_APPLICATION), 20);
	ck_assert_uint_eq(caps_limit(&c, CAPS_DRAFT_PROPOSAL), 20);
	ck_assert_uint_eq(caps_limit(&c, CAPS_DRAFT_STUDENT), 20);
	ck_assert_uint_eq(caps_limit(&c, CAPS_INVITE_HOUR), 50);
	ck_assert_uint_eq(caps_limit(&c, CAPS_UPLOAD_DAY), 200ULL * 1024 * 1024);
	ck_assert_uint_eq(caps_limit(&c, CAPS_CASE_BYTES), 100ULL * 1024 * 1024);
	ck_assert_uint_eq(caps_limit(&c, CAPS_AUTH_BYTES), 2048ULL * 1024 * 1024);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_REGISTER), 50);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_FORGOT), 50);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_CONFIRM), 50);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_INVITATION), 50);
	c.cap_proposal_drafts = 3;
	c.cap_address_resets = 7;
	ck_assert_uint_eq(caps_limit(&c, CAPS_DRAFT_PROPOSAL), 3);
	ck_assert_uint_eq(caps_limit(&c, CAPS_DRAFT_APPLICATION), 20);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_FORGOT), 7);
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_REGISTER), 50);
	c.cap_address_invitations = 0;	/* off */
	ck_assert_uint_eq(caps_limit(&c, CAPS_ADDR_INVITATION), 0);
	ck_assert_uint_eq(caps_limit(&c, CAPS_KIND__MAX), 0);
}
END_TEST

START_TEST(messages_and_names)
{
	char m[512];
	int i, j;

	caps_message(CAPS_DRAFT_APPLICATION, 20, m, sizeof(m));
	ck_assert_ptr_nonnull(strstr(m, "Du har 20 kladder til ansøgninger"));
	ck_assert_ptr_nonnull(strstr(m, "før du opretter en ny"));
	caps_message(CAPS_DRAFT_STUDENT, 7, m, sizeof(m));
	ck_assert_ptr_nonnull(strstr(m, "7 kladder til studerende"));
	caps_message(CAPS_UPLOAD_DAY, 200ULL * 1024 * 1024, m, sizeof(m));
	ck_assert_ptr_nonnull(strstr(m, "Du kan uploade 200 MB på et døgn"));
	caps_message(CAPS_INVITE_HOUR, 50, m, sizeof(m));
	ck_assert_ptr_nonnull(strstr(m, "Du har sendt 50 invitationer inden for den seneste time"));
	ck_assert_str_eq(caps_label("upload.day"), "Uploadet på et døgn");
	ck_assert_ptr_null(caps_label("no.such"));
	ck_assert_ptr_null(caps_label(NULL));
	caps_message(CAPS_ADDR_REGISTER, 50, m, sizeof(m));
	ck_assert_ptr_nonnull(strstr(m, "Prøv igen om en time"));
	ck_assert_ptr_null(strstr(m, "kladde"));
	caps_message(CAPS_DRAFT_PROPOSAL, 20, m, 10);	/* bounded */
	ck_assert_uint_eq(strlen(m), 9);
	for (i = 0; i < CAPS_KIND__MAX; i++) {
		ck_assert_str_ne(caps_name((enum caps_kind)i), "unknown");
		for (j = 0; j < i; j++)
			ck_assert_str_ne(caps_name((enum caps_kind)i), caps_name((enum caps_kind)j));
	}
	ck_assert_str_eq(caps_name(CAPS_KIND__MAX), "unknown");
	ck_assert_str_eq(caps_strerror(CAPS_EOVER), "past the cap");
	ck_assert_str_eq(caps_strerror(CAPS__MAX), "unknown error");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("caps");
	TCase *tc = tcase_create("caps");

	tcase_add_test(tc, within_at_and_past_the_cap);
	tcase_add_test(tc, zero_is_no_cap_and_no_overflow);
	tcase_add_test(tc, limits_are_the_settings);
	tcase_add_test(tc, messages_and_names);
	suite_add_tcase(s, tc);
	return check_run(s);
}
