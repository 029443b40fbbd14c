/*
 * tmpl: templates without an AUTOESCAPE pragma are refused at start-up; outside text is escaped
 * in HTML text, in quoted attributes and in URLs (javascript: never survives in an href); the
 * project's own templates all load and render. Each test forks (Check's default), so each gets
 * its own, freshly frozen template cache.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fcgi.h"
#include "tmpl.h"

#include "../check_run.h"

static char dir[256];

static void
write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
make_dir(void)
{
	snprintf(dir, sizeof(dir), "/tmp/portal-tmpl-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static const char *const hostile[] = {
	"<script>alert(1)</script>",
	"\" onmouseover=\"alert(1)",
	"' onfocus='alert(1)",
	"javascript:alert(1)",
};

START_TEST(escapes_text_attribute_and_url)
{
	struct tmpl_dict *d;
	char err[256];
	struct buf out;

	make_dir();
	write_file("t.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p>{{V}}</p><input value=\"{{V}}\"><a href=\"{{V}}\">x</a>\n");
	ck_assert_int_eq(tmpl_init(dir, err, sizeof(err)), TMPL_OK);
	d = tmpl_dict_new();
	tmpl_set(d, "V", hostile[_i]);
	buf_init(&out, 0);
	ck_assert_int_eq(tmpl_render("t.tpl", d, &out), TMPL_OK);
	/* No raw markup characters from the value survive anywhere. */
	ck_assert_ptr_null(strstr(out.data, "<script"));
	ck_assert_ptr_null(strstr(out.data, "\" onmouseover"));
	ck_assert_ptr_null(strstr(out.data, "' onfocus"));
	ck_assert_ptr_null(strstr(out.data, "href=\"javascript:"));
	if (_i == 0)
		ck_assert_ptr_nonnull(strstr(out.data, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
	if (_i == 1)
		ck_assert_ptr_nonnull(strstr(out.data, "value=\"&quot; onmouseover=&quot;alert(1)\""));
	if (_i == 2)
		ck_assert_ptr_nonnull(strstr(out.data, "value=\"&#39; onfocus=&#39;alert(1)\""));
	if (_i == 3) /* an unsafe scheme in a URL attribute becomes "#" */
		ck_assert_ptr_nonnull(strstr(out.data, "href=\"#\""));
	tmpl_dict_free(d);
	buf_free(&out);
}
END_TEST

START_TEST(safe_url_kept)
{
	struct tmpl_dict *d;
	char err[256];
	struct buf out;

	make_dir();
	write_file("u.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<a href=\"{{U}}\">x</a>");
	ck_assert_int_eq(tmpl_init(dir, err, sizeof(err)), TMPL_OK);
	d = tmpl_dict_new();
	tmpl_set(d, "U", "/kan-vi-bruge-ordningen?universitet=ku&uddannelse=a b\"");
	buf_init(&out, 0);
	ck_assert_int_eq(tmpl_render("u.tpl", d, &out), TMPL_OK);
	ck_assert_ptr_nonnull(strstr(out.data, "href=\"/kan-vi-bruge-ordningen?universitet=ku&amp;"));
	ck_assert_ptr_null(strstr(out.data, "b\"\""));
	tmpl_dict_free(d);
	buf_free(&out);
}
END_TEST

START_TEST(refuses_template_without_pragma)
{
	char err[256];

	make_dir();
	write_file("a_ok.tpl", "{{%AUTOESCAPE context=\"HTML\"}}ok");
	write_file("b_bad.tpl", "<p>{{V}}</p>");
	ck_assert_int_eq(tmpl_init(dir, err, sizeof(err)), TMPL_ENOPRAGMA);
	ck_assert_ptr_nonnull(strstr(err, "b_bad.tpl"));
}
END_TEST

START_TEST(refuses_missing_dir)
{
	char err[256];

	ck_assert_int_eq(tmpl_init("/nonexistent-templates", err, sizeof(err)), TMPL_EDIR);
}
END_TEST

START_TEST(unknown_template_fails_whole)
{
	struct tmpl_dict *d;
	char err[256];
	struct buf out;

	make_dir();
	write_file("t.tpl", "{{%AUTOESCAPE context=\"HTML\"}}x");
	ck_assert_int_eq(tmpl_init(dir, err, sizeof(err)), TMPL_OK);
	d = tmpl_dict_new();
	buf_init(&out, 0);
	/* Frozen cache: a template not loaded at start-up cannot be read later. */
	ck_assert_int_eq(tmpl_render("other.tpl", d, &out), TMPL_EEXPAND);
	ck_assert_uint_eq(out.len, 0);
	tmpl_dict_free(d);
	buf_free(&out);
}
END_TEST

/* The project's templates load, and every error page renders in the layout. */
START_TEST(project_error_pages)
{
	static const int statuses[] = { 400, 403, 404, 405, 413, 415, 500, 503 };
	const char *src = getenv("PORTAL_SRCDIR");
	char path[512], err[256];
	struct buf out;
	size_t i;

	snprintf(path, sizeof(path), "%s/templates", src ? src : ".");
	ck_assert_msg(tmpl_init(path, err, sizeof(err)) == TMPL_OK, "%s", err);
	tmpl_set_global("FSE_MAILBOX", "FSEautorisation@dst.dk");
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		char code[32];

		buf_init(&out, 0);
		ck_assert_int_eq(fcgi_error_page(statuses[i], &out), 0);
		snprintf(code, sizeof(code), "Fejlkode %d", statuses[i]);
		ck_assert_ptr_nonnull(strstr(out.data, code));
		ck_assert_ptr_nonnull(strstr(out.data, "<html lang=\"da\">"));
		ck_assert_ptr_nonnull(strstr(out.data, "FSEautorisation@dst.dk"));
		buf_free(&out);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("tmpl");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, escapes_text_attribute_and_url, 0,
	    sizeof(hostile) / sizeof(hostile[0]));
	tcase_add_test(tc, safe_url_kept);
	tcase_add_test(tc, refuses_template_without_pragma);
	tcase_add_test(tc, refuses_missing_dir);
	tcase_add_test(tc, unknown_template_fails_whole);
	tcase_add_test(tc, project_error_pages);
	suite_add_tcase(s, tc);
	return check_run(s);
}
