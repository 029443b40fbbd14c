/* form: the field table reads only declared fields; validators are pure and table-tested. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

#include "../check_run.h"

static const char *const colours[] = { "rød", "grøn", NULL };

static const struct form_field f_text = { "t", form_text, 1, 2, 5, NULL, NULL };
static const struct form_field f_line = { "l", form_line, 1, 0, 10, NULL, NULL };
static const struct form_field f_int = { "i", form_int, 1, 30, 60, NULL, NULL };
static const struct form_field f_choice = { "c", form_choice, 1, 0, 0, colours, NULL };
static const struct form_field f_email = { "e", form_email, 1, 0, 254, NULL, NULL };
static const struct form_field f_url = { "u", form_url, 1, 0, 300, NULL, NULL };

static const struct {
	const struct form_field *f;
	const char *v;
	size_t len;	/* 0: strlen */
	enum form_err want;
} cases[] = {
	{ &f_text, "æøå", 0, FORM_OK },			/* 3 characters, 6 bytes */
	{ &f_text, "æøåæø", 0, FORM_OK },		/* 5 characters, at the limit */
	{ &f_text, "æøåæøå", 0, FORM_ETOOLONG },
	{ &f_text, "a", 0, FORM_ETOOSHORT },
	{ &f_text, "a\nb", 0, FORM_OK },
	{ &f_text, "a\x01" "b", 0, FORM_EBADBYTE },
	{ &f_text, "a\0b", 3, FORM_EBADBYTE },
	{ &f_text, "\xc3\x28", 0, FORM_EBADBYTE },	/* invalid UTF-8 */
	{ &f_line, "a\nb", 0, FORM_EBADBYTE },
	{ &f_line, "Speciale", 0, FORM_OK },
	{ &f_int, "30", 0, FORM_OK },
	{ &f_int, "60", 0, FORM_OK },
	{ &f_int, "29", 0, FORM_ENUMBER },
	{ &f_int, "61", 0, FORM_ENUMBER },
	{ &f_int, "4O", 0, FORM_ENUMBER },
	{ &f_int, "-", 0, FORM_ENUMBER },
	{ &f_int, "99999999999999999999", 0, FORM_ENUMBER },
	{ &f_choice, "grøn", 0, FORM_OK },
	{ &f_choice, "blå", 0, FORM_ECHOICE },
	{ &f_choice, "rø", 0, FORM_ECHOICE },
	{ &f_email, "anne@econ.ku.dk", 0, FORM_OK },
	{ &f_email, "anne@ku", 0, FORM_EEMAIL },
	{ &f_email, "anne.ku.dk", 0, FORM_EEMAIL },
	{ &f_email, "a@b@ku.dk", 0, FORM_EEMAIL },
	{ &f_email, "anne@ku..dk", 0, FORM_EEMAIL },
	{ &f_email, "an ne@ku.dk", 0, FORM_EEMAIL },
	{ &f_email, "anne@ku.dk\r\nBcc: x@y.dk", 0, FORM_EEMAIL },
	{ &f_url, "https://www.ku.dk/forskning/data", 0, FORM_OK },
	{ &f_url, "http://ku.dk", 0, FORM_OK },
	{ &f_url, "javascript:alert(1)", 0, FORM_EURL },
	{ &f_url, "https://", 0, FORM_EURL },
	{ &f_url, "https://user@evil.example", 0, FORM_EURL },
	{ &f_url, "https://ku.dk/a b", 0, FORM_EURL },
	{ &f_url, "ku.dk", 0, FORM_EURL },
};

START_TEST(validators)
{
	size_t len = cases[_i].len ? cases[_i].len : strlen(cases[_i].v);
	long long num = -1;

	ck_assert_int_eq(cases[_i].f->validate(cases[_i].f, cases[_i].v, len, &num), cases[_i].want);
	if (cases[_i].f == &f_int && cases[_i].want == FORM_OK)
		ck_assert_int_eq(num, atoll(cases[_i].v));
}
END_TEST

enum { F_NAME, F_ECTS, F_NOTE, F__MAX };
static const struct form_field fields[F__MAX] = {
	[F_NAME] = { "navn", form_line, 1, 1, 20, NULL, "Skriv uddannelsens navn." },
	[F_ECTS] = { "ects", form_int, 1, 30, 60, NULL, NULL },
	[F_NOTE] = { "note", form_text, 0, 0, 100, NULL, NULL },
};

START_TEST(read_table)
{
	struct kvlist src;
	struct form f;
	char msg[128];

	kvlist_init(&src);
	kvlist_add(&src, "navn", 4, "Kandidat i økonomi", strlen("Kandidat i økonomi"));
	kvlist_add(&src, "ects", 4, "90", 2);
	kvlist_add(&src, "udeklareret", 11, "x", 1);
	ck_assert_uint_eq(form_read(&f, fields, F__MAX, &src), 1);
	ck_assert_int_eq(f.v[F_NAME].err, FORM_OK);
	ck_assert_str_eq(f.v[F_NAME].value, "Kandidat i økonomi");
	ck_assert_int_eq(f.v[F_ECTS].err, FORM_ENUMBER);
	ck_assert_str_eq(f.v[F_ECTS].value, "90");	/* kept, to show again in the form */
	ck_assert_int_eq(f.v[F_NOTE].err, FORM_OK);	/* optional and absent */
	ck_assert_ptr_null(f.v[F_NOTE].value);
	form_message(&f, F_ECTS, msg, sizeof(msg));
	ck_assert_str_eq(msg, "Skriv et helt tal fra 30 til 60.");
	kvlist_free(&src);
}
END_TEST

START_TEST(required_blank_and_repeated)
{
	struct kvlist src;
	struct form f;
	char msg[128];

	kvlist_init(&src);
	kvlist_add(&src, "navn", 4, "  \t", 3);
	kvlist_add(&src, "ects", 4, "30", 2);
	kvlist_add(&src, "ects", 4, "40", 2);
	ck_assert_uint_eq(form_read(&f, fields, F__MAX, &src), 2);
	ck_assert_int_eq(f.v[F_NAME].err, FORM_EMISSING);
	form_message(&f, F_NAME, msg, sizeof(msg));
	ck_assert_str_eq(msg, "Skriv uddannelsens navn.");	/* the field's own words */
	ck_assert_int_eq(f.v[F_ECTS].err, FORM_EREPEATED);
	ck_assert_str_eq(form_strerror(FORM_EMISSING), "Udfyld feltet.");
	kvlist_free(&src);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, validators, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, read_table);
	tcase_add_test(tc, required_blank_and_repeated);
	suite_add_tcase(s, tc);
	return check_run(s);
}
