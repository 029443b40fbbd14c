/*
 * fielderr: the one collector of field messages every form uses (issue 10): messages kept with
 * their field and group, copied in, the first per field found again, the validator's messages
 * added in the table's order, and the bound (past it counted, never written).
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fielderr.h"
#include "http_parse.h"

#include "../check_run.h"

START_TEST(add_and_find)
{
	struct fielderr e;
	char local[32];

	fielderr_init(&e);
	ck_assert_uint_eq(fielderr_count(&e), 0);
	ck_assert_ptr_null(fielderr_message(&e, "navn"));
	/* Copied in: the caller's buffer may change or go away. */
	snprintf(local, sizeof(local), "Skriv dit navn.");
	fielderr_add(&e, "navn", local);
	snprintf(local, sizeof(local), "noget andet");
	fielderr_addf(&e, "email", 3, "Adressen %s er ikke gyldig.", "x@");
	fielderr_add(&e, "navn", "En anden besked om navnet.");
	ck_assert_uint_eq(fielderr_count(&e), 3);
	ck_assert_str_eq(fielderr_message(&e, "navn"), "Skriv dit navn.");	/* the first */
	ck_assert_str_eq(fielderr_message(&e, "email"), "Adressen x@ er ikke gyldig.");
	ck_assert_int_eq(e.item[1].group, 3);
	ck_assert_int_eq(e.item[0].group, 0);
	ck_assert_ptr_null(fielderr_message(&e, "nav"));	/* whole names only */
	ck_assert_ptr_null(fielderr_message(NULL, "navn"));
	ck_assert_uint_eq(fielderr_count(NULL), 0);
}
END_TEST

START_TEST(from_the_validators)
{
	static const struct form_field fields[] = {
		{ "titel", form_line, 1, 0, 10, NULL, "Skriv en titel." },
		{ "antal", form_int, 0, 1, 5, NULL, NULL },
		{ "note", form_line, 0, 0, 100, NULL, NULL },
	};
	const char *in = "antal=9&note=fin";
	struct kvlist src;
	struct fielderr e;
	struct form f;

	kvlist_init(&src);
	ck_assert_int_eq(http_parse_urlencoded(in, strlen(in), &src), HTTP_PARSE_OK);
	ck_assert_uint_eq(form_read(&f, fields, 3, &src), 2);
	fielderr_init(&e);
	fielderr_form(&e, &f);
	ck_assert_uint_eq(e.n, 2);
	ck_assert_str_eq(e.item[0].field, "titel");	/* the table's order */
	ck_assert_str_eq(e.item[0].message, "Skriv en titel.");
	ck_assert_str_eq(e.item[1].field, "antal");
	ck_assert_ptr_nonnull(strstr(e.item[1].message, "5"));	/* the limit filled in */
	ck_assert_ptr_null(fielderr_message(&e, "note"));
	kvlist_free(&src);
}
END_TEST

START_TEST(bounded)
{
	struct fielderr e;
	char longtext[FIELDERR_TEXT * 2], longname[FIELDERR_FIELD * 2];
	size_t i;

	fielderr_init(&e);
	for (i = 0; i < FIELDERR_MAX + 5; i++)
		fielderr_addf(&e, "felt", 0, "Besked %zu", i);
	ck_assert_uint_eq(e.n, FIELDERR_MAX);
	ck_assert_uint_eq(e.lost, 5);
	ck_assert_uint_eq(fielderr_count(&e), FIELDERR_MAX + 5);	/* never "no errors" */

	/* Over-long texts are cut at the buffer, never past it. */
	memset(longtext, 'a', sizeof(longtext) - 1);
	longtext[sizeof(longtext) - 1] = '\0';
	memset(longname, 'b', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	fielderr_init(&e);
	fielderr_add(&e, longname, longtext);
	ck_assert_uint_eq(strlen(e.item[0].message), FIELDERR_TEXT - 1);
	ck_assert_uint_eq(strlen(e.item[0].field), FIELDERR_FIELD - 1);
	fielderr_add(&e, NULL, NULL);	/* a message about the whole form: no field */
	ck_assert_str_eq(e.item[1].field, "");
	ck_assert_str_eq(e.item[1].message, "");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fielderr");
	TCase *tc = tcase_create("fielderr");

	tcase_add_test(tc, add_and_find);
	tcase_add_test(tc, from_the_validators);
	tcase_add_test(tc, bounded);
	suite_add_tcase(s, tc);
	return check_run(s);
}
