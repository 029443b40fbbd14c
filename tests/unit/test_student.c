/*
 * The student attachment's form (issue 13; R20, R26, R28), pure: a complete case passes; each
 * missing field is named at the field; the research-potential reason in at most three lines
 * (R28: "1-3 lines"; a fourth is refused, blank lines are not lines); the period in order.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fielderr.h"
#include "kv.h"
#include "student.h"

#include "../check_run.h"

static struct kvlist data;
static struct fielderr fe;

static void
put(const char *name, const char *value)
{
	ck_assert_int_eq(kvlist_add(&data, name, strlen(name), value, strlen(value)), 0);
}

static void
setup(void)
{
	kvlist_init(&data);
	fielderr_init(&fe);
}

static void
teardown(void)
{
	kvlist_free(&data);
}

/* Everything but the fields named in skip (space-separated, with spaces around). */
static void
complete(const char *skip, const char *reason)
{
	static const char *const v[][2] = {
		{ "navn", "Łukasz Ğündüz" }, { "email", "lg@stud.ku.dk" },
		{ "speciale_titel", "Tilknytning til arbejdsmarkedet" },
		{ "forfattere", "Łukasz Ğündüz" }, { "projekt", "17" },
		{ "periode_fra", "2027-02-01" }, { "periode_til", "2027-06-15" },
	};
	char key[40];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(key, sizeof(key), " %s ", v[i][0]);
		if (skip == NULL || strstr(skip, key) == NULL)
			put(v[i][0], v[i][1]);
	}
	if (reason)
		put("begrundelse", reason);
}

START_TEST(complete_passes)
{
	complete(NULL, "Bruger hele befolkningen.\nResultaterne kan publiceres.");
	ck_assert_uint_eq(student_check(&data, &fe), 0);
}
END_TEST

START_TEST(missing_fields_are_named)
{
	complete(" speciale_titel projekt periode_til ", NULL);
	ck_assert_uint_eq(student_check(&data, &fe), 4);
	ck_assert_str_eq(fielderr_message(&fe, "speciale_titel"), "Skriv specialets titel.");
	ck_assert_str_eq(fielderr_message(&fe, "projekt"),
	    "Vælg det godkendte projekt, den studerende skal arbejde i.");
	ck_assert_ptr_nonnull(fielderr_message(&fe, "periode_til"));
	ck_assert_ptr_nonnull(fielderr_message(&fe, "begrundelse"));
	ck_assert_ptr_null(fielderr_message(&fe, "navn"));
	/* The FSE user id is asked for only if the student has one. */
	ck_assert_ptr_null(fielderr_message(&fe, "fse_bruger_id"));
}
END_TEST

START_TEST(reason_three_lines_at_most)
{
	/* R28: three lines pass, blank lines and a trailing newline are not lines. */
	ck_assert_uint_eq(student_reason_lines("en\nto\ntre\n"), 3);
	ck_assert_uint_eq(student_reason_lines("en\n\n  \nto\r\n"), 2);
	ck_assert_uint_eq(student_reason_lines(""), 0);
	complete(NULL, "en\n\nto\ntre\n");
	ck_assert_uint_eq(student_check(&data, &fe), 0);
}
END_TEST

START_TEST(a_fourth_line_is_refused)
{
	complete(NULL, "en\nto\ntre\nfire");
	ck_assert_uint_eq(student_check(&data, &fe), 1);
	ck_assert_ptr_nonnull(strstr(fielderr_message(&fe, "begrundelse"), "højst fylde 3 linjer"));
}
END_TEST

START_TEST(a_long_reason_is_refused)
{
	char reason[STUDENT_REASON_CHARS + 2];

	memset(reason, 'a', sizeof(reason) - 1);
	reason[sizeof(reason) - 1] = '\0';
	complete(NULL, reason);
	ck_assert_uint_eq(student_check(&data, &fe), 1);
	ck_assert_ptr_nonnull(fielderr_message(&fe, "begrundelse"));
}
END_TEST

START_TEST(period_in_order)
{
	complete(" periode_til ", "Kort.");
	put("periode_til", "2027-02-01");
	ck_assert_uint_eq(student_check(&data, &fe), 1);
	ck_assert_str_eq(fielderr_message(&fe, "periode_til"),
	    "Afleveringen skal ligge efter specialets begyndelse.");
}
END_TEST

START_TEST(bad_values_at_their_fields)
{
	complete(" email projekt ", "Kort.");
	put("email", "ikke en adresse");
	put("projekt", "P-2026-3");
	ck_assert_uint_eq(student_check(&data, &fe), 2);
	ck_assert_ptr_nonnull(fielderr_message(&fe, "email"));
	ck_assert_ptr_nonnull(fielderr_message(&fe, "projekt"));
	ck_assert_str_eq(student_label("begrundelse"),
	    "Kort begrundelse for forskningshøjden (1-3 linjer)");
}
END_TEST

/* R10: FSE user ids in the configured format; a format that does not compile refuses all. */
START_TEST(fse_user_ids_by_the_format)
{
	const char *format = "^[A-Z]{3}[0-9]{3,5}$";

	ck_assert_int_eq(student_fse_id_ok(format, "ABC123"), 1);
	ck_assert_int_eq(student_fse_id_ok(format, "XYZ12345"), 1);
	ck_assert_int_eq(student_fse_id_ok(format, "abc123"), 0);
	ck_assert_int_eq(student_fse_id_ok(format, "ABC12"), 0);
	ck_assert_int_eq(student_fse_id_ok(format, "ABC123456"), 0);
	ck_assert_int_eq(student_fse_id_ok(format, "ABC123 "), 0);
	ck_assert_int_eq(student_fse_id_ok(format, ""), 0);
	ck_assert_int_eq(student_fse_id_ok(format, NULL), 0);
	ck_assert_int_eq(student_fse_id_ok("([", "ABC123"), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("student");
	TCase *tc = tcase_create("form");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, complete_passes);
	tcase_add_test(tc, missing_fields_are_named);
	tcase_add_test(tc, reason_three_lines_at_most);
	tcase_add_test(tc, a_fourth_line_is_refused);
	tcase_add_test(tc, a_long_reason_is_refused);
	tcase_add_test(tc, period_in_order);
	tcase_add_test(tc, bad_values_at_their_fields);
	tcase_add_test(tc, fse_user_ids_by_the_format);
	suite_add_tcase(s, tc);
	return check_run(s);
}
