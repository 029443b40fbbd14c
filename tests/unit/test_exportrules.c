/*
 * exportrules: FSE's checklist for results taken home, one item a line (issue 14; R22): lines
 * trimmed and blank ones dropped, CRLF and tabs read as spaces, the bounds (items, characters
 * of an item, not bytes) refused whole, control bytes and invalid UTF-8 refused, and the stored
 * text (exportrules_join) parsing back to the same items.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "exportrules.h"

#include "../check_run.h"

static struct exportrules r;

static enum exportrules_err
parse(const char *text)
{
	return exportrules_parse(text, strlen(text), &r);
}

START_TEST(lines_are_items)
{
	ck_assert_int_eq(parse("  Kun aggregerede tal  \r\n\n\t\nIngen celler med under 5 "
	    "personer\nIngen\tCPR-numre"), EXPORTRULES_OK);
	ck_assert_uint_eq(r.n, 3);
	ck_assert_str_eq(r.item[0], "Kun aggregerede tal");
	ck_assert_str_eq(r.item[1], "Ingen celler med under 5 personer");
	ck_assert_str_eq(r.item[2], "Ingen CPR-numre");
	ck_assert_int_eq(parse("Æbler og østers på én linje"), EXPORTRULES_OK);
	ck_assert_uint_eq(r.n, 1);
}
END_TEST

START_TEST(refusals)
{
	char *text;
	size_t i;

	ck_assert_int_eq(parse(""), EXPORTRULES_EEMPTY);
	ck_assert_int_eq(parse(" \n\r\n\t "), EXPORTRULES_EEMPTY);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_int_eq(exportrules_parse(NULL, 0, &r), EXPORTRULES_EEMPTY);
	ck_assert_int_eq(parse("Punkt\x01 med et styretegn"), EXPORTRULES_EBYTE);
	ck_assert_int_eq(parse("Ugyldig \xc3\x28 UTF-8"), EXPORTRULES_EBYTE);
	ck_assert_int_eq(exportrules_parse("a\0b", 3, &r), EXPORTRULES_EBYTE);
	ck_assert_uint_eq(r.n, 0);

	/* 30 items pass, 31 do not. */
	ck_assert_ptr_nonnull(text = calloc(1, 31 * 4 + 1));
	for (i = 0; i < 31; i++)
		memcpy(text + 3 * i, "xy\n", 3);
	ck_assert_int_eq(parse(text), EXPORTRULES_ETOOMANY);
	ck_assert_uint_eq(r.n, 0);
	text[30 * 3] = '\0';
	ck_assert_int_eq(parse(text), EXPORTRULES_OK);
	ck_assert_uint_eq(r.n, 30);
	free(text);

	/* 400 characters pass, 401 do not; counted as characters, not bytes. */
	ck_assert_ptr_nonnull(text = calloc(1, 401 * 2 + 1));
	for (i = 0; i < 400; i++)
		memcpy(text + 2 * i, "ø", 2);	/* two bytes, one character */
	ck_assert_int_eq(parse(text), EXPORTRULES_OK);
	ck_assert_uint_eq(strlen(r.item[0]), 800);
	text[800] = 'a';
	ck_assert_int_eq(parse(text), EXPORTRULES_ELONG);
	free(text);
	ck_assert_str_ne(exportrules_strerror(EXPORTRULES_ELONG), "");
	ck_assert_str_ne(exportrules_strerror((enum exportrules_err)99), "");
}
END_TEST

START_TEST(joined_and_parsed_again)
{
	struct exportrules again;
	struct buf b;
	size_t i;

	ck_assert_int_eq(parse("\n  én\t to  \r\ntre\n\n"), EXPORTRULES_OK);
	buf_init(&b, 0);
	ck_assert_int_eq(exportrules_join(&r, &b), 0);
	ck_assert_str_eq(b.data, "én  to\ntre\n");
	ck_assert_int_eq(exportrules_parse(b.data, b.len, &again), EXPORTRULES_OK);
	ck_assert_uint_eq(again.n, r.n);
	for (i = 0; i < r.n; i++)
		ck_assert_str_eq(again.item[i], r.item[i]);
	buf_free(&b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("exportrules");
	TCase *tc = tcase_create("exportrules");

	tcase_add_test(tc, lines_are_items);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, joined_and_parsed_again);
	suite_add_tcase(s, tc);
	return check_run(s);
}
