/* config: parsing, refusals, and the documented example kept in step with the key table. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "../check_run.h"

START_TEST(defaults_and_values)
{
	struct config c;
	unsigned line;

	config_defaults(&c);
	ck_assert_str_eq(c.fse_mailbox, "FSEautorisation@dst.dk");	/* R5 */
	ck_assert_uint_eq(c.max_body_bytes, 1048576);
	ck_assert_int_eq(config_parse(&c, "# comment\n\n  db_name = other \r\n"
	    "max_body_bytes=2048\nfse_service_days = 15\n", &line), CONFIG_OK);
	ck_assert_str_eq(c.db_name, "other");
	ck_assert_uint_eq(c.max_body_bytes, 2048);
	ck_assert_uint_eq(c.fse_service_days, 15);
	ck_assert_int_eq(config_parse(&c, "db_password =\n", &line), CONFIG_OK);
	ck_assert_str_eq(c.db_password, "");
}
END_TEST

static const struct {
	const char *text;
	enum config_err want;
	unsigned line;
} bad[] = {
	{ "no_such_key = 1\n", CONFIG_EUNKNOWN, 1 },
	{ "db_name\n", CONFIG_ESYNTAX, 1 },
	{ "\n = x\n", CONFIG_ESYNTAX, 2 },
	{ "db_port = 12x\n", CONFIG_EVALUE, 1 },
	{ "db_port = -1\n", CONFIG_EVALUE, 1 },
	{ "db_port = 99999999999\n", CONFIG_EVALUE, 1 },
	{ "db_port =\n", CONFIG_EVALUE, 1 },
	{ "db_name = ok\ndb_name = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
	  CONFIG_EVALUE, 2 },
};

START_TEST(refusals)
{
	struct config c;
	unsigned line;

	config_defaults(&c);
	ck_assert_int_eq(config_parse(&c, bad[_i].text, &line), bad[_i].want);
	ck_assert_uint_eq(line, bad[_i].line);
}
END_TEST

START_TEST(missing_file)
{
	struct config c;
	char err[256];

	ck_assert_int_eq(config_load(&c, "/nonexistent/portal.conf", err, sizeof(err)), CONFIG_EOPEN);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/portal.conf"));
}
END_TEST

/* Every key in the table is documented in etc/portal.conf.example with its default. */
START_TEST(example_documents_every_key)
{
	const char *src = getenv("PORTAL_SRCDIR");
	char path[1024], text[65536], want[512];
	struct config c;
	unsigned line;
	size_t i, n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/etc/portal.conf.example", src ? src : ".");
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	for (i = 0; i < config_nkeys; i++) {
		snprintf(want, sizeof(want), "\n# %s\n%s = %s\n", config_keys[i].doc,
		    config_keys[i].name, config_keys[i].def);
		ck_assert_msg(strstr(text, want) != NULL, "%s not documented as in config.c",
		    config_keys[i].name);
	}
	ck_assert_int_eq(config_parse(&c, text, &line), CONFIG_OK);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, defaults_and_values);
	tcase_add_loop_test(tc, refusals, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, example_documents_every_key);
	suite_add_tcase(s, tc);
	return check_run(s);
}
