/* config: parsing, refusals, and the documented example kept in step with the key table. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	/* issue 14: the runner's days; empty is no reminder. */
	ck_assert_str_eq(c.remind_thesis_days, "30,7");
	ck_assert_int_eq(config_parse(&c, "remind_thesis_days = 14, 3\n", &line), CONFIG_OK);
	ck_assert_str_eq(c.remind_thesis_days, "14, 3");
	ck_assert_int_eq(config_parse(&c, "remind_thesis_days =\n", &line), CONFIG_OK);
	ck_assert_str_eq(c.remind_thesis_days, "");
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
	/* Single sign-on (issue 3): a parameter a client can set is never trusted. */
	{ "sso_param = HTTP_SSO_EMAIL\n", CONFIG_ECLIENTPARAM, 1 },
	{ "sso_param = http_x_sso_email\n", CONFIG_ECLIENTPARAM, 1 },
	{ "\nsso_param = HTTP_\n", CONFIG_ECLIENTPARAM, 2 },
	{ "sso_param = REMOTE_USER\n", CONFIG_ECLIENTPARAM, 1 },
	{ "sso_param = CONTENT_TYPE\n", CONFIG_ECLIENTPARAM, 1 },
	{ "sso_param = QUERY_STRING\n", CONFIG_ECLIENTPARAM, 1 },
	{ "sso_param = SSO-EMAIL\n", CONFIG_EVALUE, 1 },
	{ "sso_param = SSO EMAIL\n", CONFIG_EVALUE, 1 },
	{ "sso_trusts_second_factor = 2\n", CONFIG_EVALUE, 1 },
	{ "sso_trusts_second_factor = yes\n", CONFIG_EVALUE, 1 },
	/* The scheduled runner's days before a thesis period ends (issue 14, lib/reminder.h). */
	{ "remind_thesis_days = 30,,7\n", CONFIG_EVALUE, 1 },
	{ "remind_thesis_days = 0\n", CONFIG_EVALUE, 1 },
	{ "remind_thesis_days = 30,30\n", CONFIG_EVALUE, 1 },
	{ "remind_thesis_days = 30 dage\n", CONFIG_EVALUE, 1 },
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

START_TEST(sso_settings)
{
	struct config c;
	unsigned line;

	config_defaults(&c);
	ck_assert_str_eq(c.sso_param, "");		/* off unless configured */
	ck_assert_uint_eq(c.sso_trusts_second_factor, 0);
	ck_assert_int_eq(config_parse(&c, "sso_param = SSO_EMAIL\nsso_trusts_second_factor = 1\n",
	    &line), CONFIG_OK);
	ck_assert_str_eq(c.sso_param, "SSO_EMAIL");
	ck_assert_uint_eq(c.sso_trusts_second_factor, 1);
	/* A name merely containing HTTP_ is the operator's own. */
	ck_assert_int_eq(config_parse(&c, "sso_param = SAML_HTTP_MAIL\nsso_param =\n", &line),
	    CONFIG_OK);
	ck_assert_str_eq(c.sso_param, "");
}
END_TEST

/* A program refuses to start with a client header as its identity: the load fails, saying why. */
START_TEST(sso_client_header_refused_at_load)
{
	char path[] = "/tmp/portal-conf-XXXXXX", err[512];
	struct config c;
	FILE *f;
	int fd;

	ck_assert_int_ne(fd = mkstemp(path), -1);
	ck_assert_ptr_nonnull(f = fdopen(fd, "w"));
	fputs("db_name = portal\nsso_param = HTTP_SSO_EMAIL\n", f);
	fclose(f);
	ck_assert_int_eq(config_load(&c, path, err, sizeof(err)), CONFIG_ECLIENTPARAM);
	unlink(path);
	ck_assert_msg(strstr(err, ":2: ") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "HTTP_") != NULL, "%s", err);
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
	tcase_add_test(tc, sso_settings);
	tcase_add_test(tc, sso_client_header_refused_at_load);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, example_documents_every_key);
	suite_add_tcase(s, tc);
	return check_run(s);
}
