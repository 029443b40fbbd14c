/*
 * platform: the one R17 piece the application's platform step and /projekt/platform share
 * (issue 10). The bug it ends: a field sent blank reads as "" (not NULL), so
 * platform=hosted&server=&drev=ja must be refused at the server field, as must a server name of
 * only spaces or line breaks.
 */
#include <check.h>
#include <string.h>

#include "fielderr.h"
#include "http_parse.h"
#include "platform.h"

#include "../check_run.h"

/* The body of the last check: the form's values point into it, so it lives until the next. */
static struct kvlist in;

static void
free_body(void)
{
	kvlist_free(&in);
}

/* R17 on a form body as a browser sends it; the messages into e. */
static size_t
check_body(const char *body, struct form *f, struct fielderr *e)
{
	kvlist_free(&in);
	kvlist_init(&in);
	ck_assert_int_eq(http_parse_urlencoded(body, strlen(body), &in), HTTP_PARSE_OK);
	form_read(f, platform_fields, PLATFORM_F__MAX, &in);
	fielderr_init(e);
	return platform_check(f, e);
}

START_TEST(blank_server_is_blank)
{
	static const char *const blanks[] = { "platform=hosted&server=&drev=ja",
		"platform=hosted&server=+++&drev=ja", "platform=hosted&server=%0D%0A%09&drev=ja",
		"platform=hosted&drev=ja" };
	struct fielderr e;
	struct form f;
	size_t i;

	for (i = 0; i < sizeof(blanks) / sizeof(blanks[0]); i++) {
		ck_assert_uint_eq(check_body(blanks[i], &f, &e), 1);
		ck_assert_uint_eq(f.nerrors, 0);	/* the validator lets it through: R17 does not */
		ck_assert_str_eq(fielderr_message(&e, "server"),
		    "Skriv navnet på institutionens server.");
		ck_assert_ptr_null(fielderr_message(&e, "drev"));
	}
}
END_TEST

START_TEST(hosted_needs_the_drive)
{
	struct fielderr e;
	struct form f;

	ck_assert_uint_eq(check_body("platform=hosted&server=srv01.ku.dk", &f, &e), 1);
	ck_assert_ptr_nonnull(strstr(fielderr_message(&e, "drev"), "servicedesk@dst.dk"));
	ck_assert_uint_eq(check_body("platform=hosted&server=", &f, &e), 2);
	ck_assert_uint_eq(check_body("platform=hosted&server=srv01.ku.dk&drev=ja", &f, &e), 0);
	ck_assert(platform_hosted(&f));
}
END_TEST

START_TEST(forskermaskinen_needs_nothing_more)
{
	struct fielderr e;
	struct form f;

	ck_assert_uint_eq(check_body("platform=forskermaskinen&server=", &f, &e), 0);
	ck_assert(!platform_hosted(&f));
	/* No choice, or one we do not offer: the validator's message, not R17's. */
	ck_assert_uint_eq(check_body("server=", &f, &e), 0);
	ck_assert_uint_eq(f.nerrors, 1);
	ck_assert_uint_eq(check_body("platform=skyen&server=", &f, &e), 0);
	ck_assert_uint_eq(f.nerrors, 1);
	/* A drive value we do not offer: only the validator speaks about it. */
	ck_assert_uint_eq(check_body("platform=hosted&server=s&drev=nej", &f, &e), 0);
	ck_assert_uint_eq(f.nerrors, 1);
}
END_TEST

START_TEST(as_people_read_it)
{
	char out[300];

	platform_describe("hosted", "srv01", out, sizeof(out));
	ck_assert_str_eq(out, "Institutionens egen hostede server (srv01) med et drev aftalt med "
	    "servicedesk@dst.dk");
	platform_describe("hosted", NULL, out, sizeof(out));
	ck_assert_str_eq(out, "Institutionens egen hostede server med et drev aftalt med "
	    "servicedesk@dst.dk");
	platform_describe("hosted", "  ", out, sizeof(out));	/* blank is no name */
	ck_assert_str_eq(out, "Institutionens egen hostede server med et drev aftalt med "
	    "servicedesk@dst.dk");
	platform_describe("forskermaskinen", "x", out, sizeof(out));
	ck_assert_str_eq(out, "Forskermaskinen");
	platform_describe("", NULL, out, sizeof(out));
	ck_assert_str_eq(out, "Ikke oplyst endnu");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("platform");
	TCase *tc = tcase_create("platform");

	tcase_add_checked_fixture(tc, NULL, free_body);
	tcase_add_test(tc, blank_server_is_blank);
	tcase_add_test(tc, hosted_needs_the_drive);
	tcase_add_test(tc, forskermaskinen_needs_nothing_more);
	tcase_add_test(tc, as_people_read_it);
	suite_add_tcase(s, tc);
	return check_run(s);
}
