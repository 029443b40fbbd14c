/*
 * certlist, the list of passes of the certification course FSE records (issue 14; R14): the
 * separators Excel and a pasted spreadsheet write, a header or none, a byte order mark, CRLF,
 * LF and CR, quoted fields, both date orders, blank lines; every bad line named with its number
 * and what is wrong, in Danish; the same pass twice is one, the same day with other details is
 * a problem; the bounds on bytes and lines.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certlist.h"

#include "../check_run.h"

#define TODAY	"2027-06-15"

static enum certlist_err
parse(const char *text, struct certlist *l)
{
	return certlist_parse(text, strlen(text), TODAY, l);
}

/* The problem texts of l, one a line. */
static void
problems(const struct certlist *l, char *out, size_t n)
{
	char one[600];
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < l->nproblems && used < n; i++) {
		certlist_problem_text(&l->problems[i], one, sizeof(one));
		used += (size_t)snprintf(out + used, n - used, "%s\n", one);
	}
}

START_TEST(excel_semicolons_with_header_bom_and_crlf)
{
	static const char text[] = "\xef\xbb\xbf" "E-mail;Navn;Bestået;Gyldig til\r\n"
	    "Anne.Jensen@KU.dk;Anne Jensen;14-03-2027;14-03-2029\r\n"
	    "bo@econ.ku.dk;Bo Ørsted;2027-01-02;\r\n"
	    ";;;\r\n"
	    "\r\n";
	struct certlist l;

	ck_assert_int_eq(parse(text, &l), CERTLIST_OK);
	ck_assert_int_eq(l.header, 1);
	ck_assert_int_eq(l.sep, ';');
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_uint_eq(l.lines, 2);
	ck_assert_uint_eq(l.rows[0].line, 2);
	ck_assert_str_eq(l.rows[0].email, "anne.jensen@ku.dk");	/* one person, one address */
	ck_assert_str_eq(l.rows[0].name, "Anne Jensen");
	ck_assert_str_eq(l.rows[0].passed_on, "2027-03-14");
	ck_assert_str_eq(l.rows[0].valid_until, "2029-03-14");
	ck_assert_uint_eq(l.rows[1].line, 3);
	ck_assert_str_eq(l.rows[1].name, "Bo Ørsted");
	ck_assert_str_eq(l.rows[1].passed_on, "2027-01-02");
	ck_assert_str_eq(l.rows[1].valid_until, "");
	ck_assert_uint_eq(l.rows[1].same_as, 0);
	certlist_free(&l);
}
END_TEST

START_TEST(commas_quotes_and_no_header)
{
	static const char text[] = "anne@ku.dk,\"Jensen, Anne\",14.03.2027\n"
	    "  bo@ku.dk , \"Bo \"\"Bosse\"\" Ørsted\" , 1/2/2027 , 31/12/2028  \n";
	struct certlist l;

	ck_assert_int_eq(parse(text, &l), CERTLIST_OK);
	ck_assert_int_eq(l.header, 0);
	ck_assert_int_eq(l.sep, ',');
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_uint_eq(l.rows[0].line, 1);
	ck_assert_str_eq(l.rows[0].name, "Jensen, Anne");
	ck_assert_str_eq(l.rows[0].passed_on, "2027-03-14");
	ck_assert_str_eq(l.rows[1].email, "bo@ku.dk");
	ck_assert_str_eq(l.rows[1].name, "Bo \"Bosse\" Ørsted");
	ck_assert_str_eq(l.rows[1].passed_on, "2027-02-01");
	ck_assert_str_eq(l.rows[1].valid_until, "2028-12-31");
	certlist_free(&l);
}
END_TEST

START_TEST(tabs_from_a_pasted_spreadsheet_and_cr_line_ends)
{
	static const char text[] = "E-mailadresse\tNavn\tBestået\r"
	    "anne@ku.dk\tAnne; Jensen\t14-03-2027\r"
	    "bo@ku.dk\tBo\t2027-03-14\t\t\t";	/* no line end at the end; empty cells */
	struct certlist l;

	ck_assert_int_eq(parse(text, &l), CERTLIST_OK);
	ck_assert_int_eq(l.sep, '\t');
	ck_assert_int_eq(l.header, 1);
	ck_assert_uint_eq(l.nrows, 2);
	ck_assert_str_eq(l.rows[0].name, "Anne; Jensen");
	ck_assert_uint_eq(l.rows[1].line, 3);
	certlist_free(&l);
}
END_TEST

START_TEST(every_bad_line_is_named)
{
	static const char text[] = "email;navn;bestået;gyldig til\n"
	    "anne@ku.dk;Anne;14-03-2027\n"			/* 2: good */
	    "anne.ku.dk;Anne;14-03-2027\n"			/* 3: no address */
	    "bo@ku.dk;;31-02-2027\n"				/* 4: no name, no such day */
	    "cy@ku.dk;Cy;20-06-2027\n"			/* 5: after today */
	    "di@ku.dk;Di;01-01-2027;31-12-2026\n"		/* 6: ends before it began */
	    "ed@ku.dk;Ed;01-01-2027;snart\n"			/* 7: not a date */
	    "fi@ku.dk;Fi\n"					/* 8: too few columns */
	    "gu@ku.dk;\"Gu;01-01-2027\n"			/* 9: quote not closed */
	    "hi@ku.dk;Hi;01-01-2027;;ekstra\n"		/* 10: a fifth column */
	    "ib@ku.dk;I\x01" "b;01-01-2027\n"			/* 11: a control byte */
	    "jo@ku.dk;J\xf8rgen;01-01-2027\n"			/* 12: Latin-1, not UTF-8 */
	    ";Ka;\n"						/* 13: address and day missing */
	    "ANNE@ku.dk;Anne Jensen;2027-03-14\n";		/* 14: line 2 with another name */
	char text_out[8192];
	struct certlist l;

	ck_assert_int_eq(parse(text, &l), CERTLIST_ELINES);
	ck_assert_uint_eq(l.nrows, 1);
	ck_assert_uint_eq(l.rows[0].line, 2);
	ck_assert_uint_eq(l.bad_lines, 12);
	ck_assert_uint_eq(l.lines, 13);
	problems(&l, text_out, sizeof(text_out));
	ck_assert_msg(strstr(text_out, "Linje 3: E-mailadressen »anne.ku.dk« er ikke gyldig") !=
	    NULL, "%s", text_out);
	ck_assert(strstr(text_out, "Linje 4: Navnet mangler.") != NULL);
	ck_assert(strstr(text_out, "Linje 4: Datoen for bestået kursus, »31-02-2027«, er ikke en "
	    "dato. Skriv den som dd-mm-åååå eller åååå-mm-dd") != NULL);
	ck_assert(strstr(text_out, "Linje 5: Datoen for bestået kursus, »20-06-2027«, ligger "
	    "efter i dag.") != NULL);
	ck_assert(strstr(text_out, "Linje 6: Den sidste dag, beviset gælder, »31-12-2026«, ligger "
	    "før") != NULL);
	ck_assert(strstr(text_out, "Linje 7: Den sidste dag, beviset gælder, »snart«, er ikke en "
	    "dato.") != NULL);
	ck_assert(strstr(text_out, "Linje 8: Linjen skal have tre eller fire kolonner") != NULL);
	ck_assert(strstr(text_out, "Linje 9: Et felt i anførselstegn") != NULL);
	ck_assert(strstr(text_out, "Linje 10: Linjen skal have tre eller fire kolonner") != NULL);
	ck_assert(strstr(text_out, "Linje 11: Linjen indeholder tegn, der ikke kan læses") != NULL);
	ck_assert(strstr(text_out, "Linje 12: Linjen indeholder tegn, der ikke kan læses. Gem "
	    "listen som UTF-8") != NULL);
	ck_assert(strstr(text_out, "Linje 13: E-mailadressen mangler.") != NULL);
	ck_assert(strstr(text_out, "Linje 13: Datoen for bestået kursus mangler.") != NULL);
	ck_assert(strstr(text_out, "Linje 14: Samme e-mailadresse og dato som linje 2") != NULL);
	ck_assert(strstr(text_out, "Linje 2:") == NULL);
	/* In line order, the lines of the text (the header counts). */
	ck_assert_uint_eq(l.problems[0].line, 3);
	ck_assert_uint_eq(l.problems[l.nproblems - 1].line, 14);
	certlist_free(&l);
}
END_TEST

START_TEST(the_same_pass_twice_is_one)
{
	static const char text[] = "anne@ku.dk;Anne;14-03-2027\n"
	    "bo@ku.dk;Bo;14-03-2027\n"
	    "Anne@KU.DK;Anne;2027-03-14\n"	/* the same pass, written another way */
	    "anne@ku.dk;Anne;2027-03-15\n";	/* another day: another pass */
	struct certlist l;

	ck_assert_int_eq(parse(text, &l), CERTLIST_OK);
	ck_assert_uint_eq(l.nrows, 4);
	ck_assert_uint_eq(l.rows[2].same_as, 1);
	ck_assert_uint_eq(l.rows[3].same_as, 0);
	certlist_free(&l);
}
END_TEST

START_TEST(a_line_of_data_is_never_a_header)
{
	struct certlist l;

	/* No '@' and a bad date: still a line (a bad one), not a header skipped in silence. */
	ck_assert_int_eq(parse("anne.ku.dk;Anne;31-02-2027\nbo@ku.dk;Bo;01-01-2027\n", &l),
	    CERTLIST_ELINES);
	ck_assert_int_eq(l.header, 0);
	ck_assert_uint_eq(l.problems[0].line, 1);
	certlist_free(&l);
	/* Only the first line may be a header. */
	ck_assert_int_eq(parse("bo@ku.dk;Bo;01-01-2027\nNavn;Adresse;Dato\n", &l),
	    CERTLIST_ELINES);
	ck_assert_uint_eq(l.problems[0].line, 2);
	certlist_free(&l);
}
END_TEST

START_TEST(empty_too_big_too_many)
{
	struct certlist l;
	char *big;
	size_t i, n;

	ck_assert_int_eq(parse("", &l), CERTLIST_EEMPTY);
	ck_assert_int_eq(parse("\xef\xbb\xbf\r\n  \n;;;\n", &l), CERTLIST_EEMPTY);
	ck_assert_int_eq(parse("E-mail;Navn;Bestået\n", &l), CERTLIST_EEMPTY);
	ck_assert_uint_eq(l.nrows, 0);
	ck_assert_int_eq(certlist_parse(NULL, 0, TODAY, &l), CERTLIST_EEMPTY);

	ck_assert_ptr_nonnull(big = malloc(CERTLIST_MAX_BYTES + 2));
	memset(big, ' ', CERTLIST_MAX_BYTES + 1);
	ck_assert_int_eq(certlist_parse(big, CERTLIST_MAX_BYTES + 1, TODAY, &l), CERTLIST_ETOOBIG);
	ck_assert_ptr_null(l.rows);
	/* Exactly the limit of lines passes; one more is refused whole. */
	for (i = 0, n = 0; i < CERTLIST_MAX_LINES; i++)
		n += (size_t)snprintf(big + n, CERTLIST_MAX_BYTES + 2 - n,
		    "p%zu@ku.dk;P;01-01-2027\n", i);
	ck_assert_int_eq(certlist_parse(big, n, TODAY, &l), CERTLIST_OK);
	ck_assert_uint_eq(l.nrows, CERTLIST_MAX_LINES);
	certlist_free(&l);
	n += (size_t)snprintf(big + n, CERTLIST_MAX_BYTES + 2 - n, "en.til@ku.dk;P;01-01-2027\n");
	ck_assert_int_eq(certlist_parse(big, n, TODAY, &l), CERTLIST_ETOOMANY);
	ck_assert_ptr_null(l.rows);
	ck_assert_uint_eq(l.nrows, 0);
	free(big);
	ck_assert_str_eq(certlist_strerror(CERTLIST_ETOOMANY), "Listen har mere end 2.000 linjer. "
	    "Del den op i flere lister, og send dem hver for sig.");
}
END_TEST

START_TEST(long_values_are_cut_in_messages_and_names_are_bounded)
{
	char text[2048], name[1024], out[600];
	struct certlist l;
	size_t i;

	/* 201 characters of "ø" (two bytes each): one too many. */
	for (i = 0; i < 201; i++)
		memcpy(name + 2 * i, "\xc3\xb8", 2);
	name[402] = '\0';
	snprintf(text, sizeof(text), "a@ku.dk;%s;01-01-2027\n", name);
	ck_assert_int_eq(parse(text, &l), CERTLIST_ELINES);
	ck_assert_int_eq(l.problems[0].err, CERTLIST_ENAMELONG);
	certlist_free(&l);
	name[400] = '\0';	/* 200: the most there may be */
	snprintf(text, sizeof(text), "a@ku.dk;%s;01-01-2027\n", name);
	ck_assert_int_eq(parse(text, &l), CERTLIST_OK);
	ck_assert_str_eq(l.rows[0].name, name);
	certlist_free(&l);
	/* A long bad date: the message quotes its start, never half a character. */
	snprintf(text, sizeof(text), "a@ku.dk;A;%s\n", name);
	ck_assert_int_eq(parse(text, &l), CERTLIST_ELINES);
	ck_assert_int_eq(l.problems[0].err, CERTLIST_EPASSED);
	ck_assert_uint_le(strlen(l.problems[0].value), CERTLIST_VALUE_MAX + 3);
	ck_assert_ptr_nonnull(strstr(l.problems[0].value, "\xe2\x80\xa6"));
	certlist_problem_text(&l.problems[0], out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "Linje 1: Datoen for bestået kursus, »\xc3\xb8"));
	certlist_free(&l);
}
END_TEST

START_TEST(without_today_a_future_day_passes)
{
	struct certlist l;
	const char *t = "a@ku.dk;A;01-01-2999\n";

	ck_assert_int_eq(certlist_parse(t, strlen(t), NULL, &l), CERTLIST_OK);
	certlist_free(&l);
	ck_assert_int_eq(certlist_parse(t, strlen(t), TODAY, &l), CERTLIST_ELINES);
	ck_assert_int_eq(l.problems[0].err, CERTLIST_EFUTURE);
	certlist_free(&l);
}
END_TEST

START_TEST(every_error_has_danish_words)
{
	int e;

	for (e = 1; e < CERTLIST__MAX; e++)
		ck_assert_msg(strlen(certlist_strerror((enum certlist_err)e)) > 10, "error %d", e);
	ck_assert_str_eq(certlist_strerror(CERTLIST__MAX), "Ukendt fejl i listen.");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("certlist");
	TCase *tc = tcase_create("certlist");

	tcase_add_test(tc, excel_semicolons_with_header_bom_and_crlf);
	tcase_add_test(tc, commas_quotes_and_no_header);
	tcase_add_test(tc, tabs_from_a_pasted_spreadsheet_and_cr_line_ends);
	tcase_add_test(tc, every_bad_line_is_named);
	tcase_add_test(tc, the_same_pass_twice_is_one);
	tcase_add_test(tc, a_line_of_data_is_never_a_header);
	tcase_add_test(tc, empty_too_big_too_many);
	tcase_add_test(tc, long_values_are_cut_in_messages_and_names_are_bounded);
	tcase_add_test(tc, without_today_a_future_day_passes);
	tcase_add_test(tc, every_error_has_danish_words);
	suite_add_tcase(s, tc);
	return check_run(s);
}
