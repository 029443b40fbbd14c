/*
 * casekind: the registry of the kinds of case (issue 10). Fails when a case type the migrations
 * give cases.type (the .sql files in db/migrations; the last ENUM for the column wins) has no
 * registry entry or the registry holds a type the database cannot store; when the FSE program's hooks
 * (cgi-bin/fse_kind_*.c, linked in) and the registry disagree; and shows that the start-up
 * check refuses a kind without hooks. The database's own rows are checked by
 * tests/integration/test_cases.c.
 */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casekind.h"
#include "cases.h"
#include "fse_cases.h"

#include "../check_run.h"

#define MAX_TYPES	32

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file's text, lower-cased (SQL keywords may be written either way). */
static void
read_lower(const char *path, struct buf *out)
{
	char chunk[4096];
	FILE *f = fopen(path, "r");
	size_t n, i;

	ck_assert_msg(f != NULL, "cannot read %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		for (i = 0; i < n; i++)
			chunk[i] = (char)tolower((unsigned char)chunk[i]);
		ck_assert_int_eq(buf_append(out, chunk, n), 0);
	}
	fclose(f);
	ck_assert_int_eq(buf_append(out, "", 1), 0);
}

/*
 * The values of the last "type ENUM(...)" given to the cases table in text: in CREATE TABLE
 * cases, or ALTER TABLE cases MODIFY/CHANGE. Returns how many were found (0: text does not
 * define the column), the values into types (owned by the caller).
 */
static size_t
cases_type_enum(const char *text, char **types, size_t max)
{
	const char *stmt = text, *end, *p, *q, *b;
	size_t n = 0, i;

	for (; (end = strchr(stmt, ';')) != NULL; stmt = end + 1) {
		char *s = strndup(stmt, (size_t)(end - stmt));

		ck_assert_ptr_nonnull(s);
		/* CREATE TABLE [IF NOT EXISTS] cases (...), ALTER TABLE cases MODIFY ... */
		if (!(strstr(s, "create table") && (strstr(s, " cases (") || strstr(s, " cases("))) &&
		    !strstr(s, "alter table cases ")) {
			free(s);
			continue;
		}
		/* The column named type, declared as an ENUM: "type<spaces>enum(". */
		for (p = s; (p = strstr(p, "enum(")) != NULL; p += 5) {
			for (b = p; b > s && isspace((unsigned char)b[-1]); b--)
				;
			if (b - s < 5 || strncmp(b - 4, "type", 4) != 0 ||
			    !isspace((unsigned char)b[-5]) || (q = strchr(p, ')')) == NULL)
				continue;
			for (i = 0; i < n; i++)
				free(types[i]);
			n = 0;
			for (p += 5; p < q && n < max; p++) {
				const char *close;

				if (*p != '\'' || (close = strchr(p + 1, '\'')) == NULL || close > q)
					continue;
				types[n++] = strndup(p + 1, (size_t)(close - p - 1));
				p = close;
			}
			break;
		}
		free(s);
	}
	return n;
}

START_TEST(every_type_in_the_migrations_is_a_kind)
{
	const char *src = getenv("PORTAL_SRCDIR");
	char dir[1024], path[1300], *names[256], *types[MAX_TYPES] = { NULL };
	size_t nnames = 0, ntypes = 0, i, n;
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/db/migrations", src ? src : ".");
	ck_assert_msg((d = opendir(dir)) != NULL, "no migrations at %s", dir);
	while ((de = readdir(d)) != NULL && nnames < 256)
		if (strstr(de->d_name, ".sql"))
			names[nnames++] = strdup(de->d_name);
	closedir(d);
	qsort(names, nnames, sizeof(names[0]), by_name);	/* the order they run in */
	ck_assert_uint_gt(nnames, 0);
	for (i = 0; i < nnames; i++) {
		char *found[MAX_TYPES];
		struct buf text;

		buf_init(&text, 0);
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		read_lower(path, &text);
		if ((n = cases_type_enum(text.data, found, MAX_TYPES)) > 0) {
			size_t j;

			for (j = 0; j < ntypes; j++)
				free(types[j]);
			memcpy(types, found, n * sizeof(found[0]));
			ntypes = n;
		}
		buf_free(&text);
		free(names[i]);
	}
	ck_assert_msg(ntypes > 0, "no migration defines cases.type");
	for (i = 0; i < ntypes; i++)
		ck_assert_msg(casekind_of(types[i]) != NULL, "cases.type '%s' (db/migrations) has no "
		    "entry in the case kind registry (lib/casekind.c)", types[i]);
	for (i = 0; i < ncasekinds; i++) {
		size_t j;

		for (j = 0; j < ntypes && strcmp(types[j], casekinds[i].type) != 0; j++)
			;
		ck_assert_msg(j < ntypes, "case kind '%s' is not in cases.type's ENUM: add it in a "
		    "migration", casekinds[i].type);
	}
	for (i = 0; i < ntypes; i++)
		free(types[i]);
}
END_TEST

START_TEST(every_kind_is_whole)
{
	const struct casekind_mail *m;
	char page[128];
	size_t i;

	ck_assert_uint_gt(ncasekinds, 0);
	for (i = 0; i < ncasekinds; i++) {
		const struct casekind *k = &casekinds[i];

		ck_assert_ptr_eq(casekind_of(k->type), k);
		/* A loaded case carries its type whole (a cut one is no kind: FSE answered 404). */
		ck_assert_uint_lt(strlen(k->type), sizeof(((struct case_row *)0)->type));
		ck_assert_str_eq(casekind_label(k->type), k->label);
		ck_assert(k->label[0] && k->title[0] && k->creator[0]);
		ck_assert(k->todo_draft[0] && k->todo_returned[0]);
		k->creator_page(41, 3, page, sizeof(page));
		ck_assert_msg(page[0] == '/' && strstr(page, "41"), "%s: creator page %s", k->type,
		    page);
		ck_assert_ptr_nonnull(k->mails);
		for (m = k->mails; m->kind; m++) {
			ck_assert(m->label && m->label[0]);
			ck_assert_str_eq(casekind_mail_label(m->kind), m->label);
		}
	}
	ck_assert_ptr_nonnull(casekind_of("student"));	/* issue 13 */
	ck_assert_ptr_nonnull(casekind_of("fse_user"));	/* issue 13 */
	ck_assert_ptr_null(casekind_of(NULL));
	ck_assert_str_eq(casekind_label("ukendt"), "ukendt");
	ck_assert_ptr_null(casekind_mail_label("verify_email"));	/* an account's mail */
}
END_TEST

START_TEST(the_queue_lists_every_kind)
{
	char list[CASEKIND_MAX * CASEKIND_TYPE_MAX], small[4];
	size_t i;

	ck_assert_int_eq(casekind_type_list(list, sizeof(list), 0), 0);
	for (i = 0; i < ncasekinds; i++)
		ck_assert_ptr_nonnull(strstr(list, casekinds[i].type));
	ck_assert_ptr_null(strchr(list, ' '));	/* FIND_IN_SET takes no spaces */
	ck_assert_int_eq(casekind_type_list(small, sizeof(small), 0), -1);
	/* What waits for FSE: a student case waits for the institution's administrators (R13). */
	ck_assert_int_eq(casekind_type_list(list, sizeof(list), 1), 0);
	ck_assert_str_eq(list, "authorisation,project,fse_user,datamanager_user");
	ck_assert_int_eq(casekind_of("student")->fse_decides, 0);
}
END_TEST

START_TEST(a_kind_without_hooks_refuses_the_start)
{
	const char *types[CASEKIND_MAX + 1];
	char why[256];
	size_t i;

	for (i = 0; i < ncasekinds; i++)
		types[i] = casekinds[i].type;
	ck_assert_int_eq(casekind_check_hooks(types, ncasekinds, why, sizeof(why)), 0);
	/* The last kind's hooks forgotten: refused, naming it. */
	ck_assert_int_eq(casekind_check_hooks(types, ncasekinds - 1, why, sizeof(why)), -1);
	ck_assert_ptr_nonnull(strstr(why, casekinds[ncasekinds - 1].type));
	ck_assert_ptr_nonnull(strstr(why, "no hooks"));
	/* Hooks for a type the registry does not have, and hooks twice. */
	types[ncasekinds] = "student";
	ck_assert_int_eq(casekind_check_hooks(types, ncasekinds + 1, why, sizeof(why)), -1);
	ck_assert_ptr_nonnull(strstr(why, "student"));
	types[ncasekinds] = types[0];
	ck_assert_int_eq(casekind_check_hooks(types, ncasekinds + 1, why, sizeof(why)), -1);
	ck_assert_ptr_nonnull(strstr(why, "two hook tables"));
}
END_TEST

START_TEST(the_fse_program_has_hooks_for_every_kind)
{
	char why[256] = "";

	/* The check the fse program runs before it serves (cgi-bin/fse.c), on its real table. */
	ck_assert_msg(fse_kinds_check(why, sizeof(why)) == 0, "%s", why);
	ck_assert_ptr_nonnull(fse_kind_of("authorisation"));
	ck_assert_ptr_nonnull(fse_kind_of("project"));
	ck_assert_ptr_nonnull(fse_kind_of("student"));
	ck_assert_ptr_nonnull(fse_kind_of("fse_user"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("casekind");
	TCase *tc = tcase_create("casekind");

	tcase_add_test(tc, every_type_in_the_migrations_is_a_kind);
	tcase_add_test(tc, every_kind_is_whole);
	tcase_add_test(tc, the_queue_lists_every_kind);
	tcase_add_test(tc, a_kind_without_hooks_refuses_the_start);
	tcase_add_test(tc, the_fse_program_has_hooks_for_every_kind);
	suite_add_tcase(s, tc);
	return check_run(s);
}
