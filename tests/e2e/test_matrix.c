/*
 * The permission matrix (issue 3): every route of every FastCGI program, for every role (plus
 * anonymous, a user with no role, and the responsible of another institution), requested over
 * HTTP through nginx; the answer must be what the policy table says: allowed, 303 to the login
 * page, 403, or 404 for another institution's object. The routes come from the programs
 * themselves (`PROG --routes`), so a new route is in the matrix the moment it exists, and a
 * route without a policy row fails here (the program refuses to start, and to list itself).
 * Sessions are minted in the database: how people log in is tested in test_account.
 */
#include <check.h>
#include <curl/curl.h>
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client.h"
#include "fixture.h"
#include "policy.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

struct persona {
	const char	*name;
	unsigned	 on_a;		/* roles on authorisation A */
	unsigned	 on_b;		/* roles on authorisation B (another institution) */
	unsigned	 global;	/* FSE roles */
	int		 anonymous;
	long long	 uid;
};

static struct persona people[] = {
	{ "anonymous", 0, 0, 0, 1, 0 },
	{ "no role", 0, 0, 0, 0, 0 },
	{ "responsible", B(RESPONSIBLE), 0, 0, 0, 0 },
	{ "administrator", B(ADMINISTRATOR), 0, 0, 0, 0 },
	{ "datamanager", B(DATAMANAGER), 0, 0, 0, 0 },
	{ "signer", B(SIGNER), 0, 0, 0, 0 },
	{ "supervisor", B(SUPERVISOR), 0, 0, 0, 0 },
	{ "student", B(STUDENT), 0, 0, 0, 0 },
	{ "other institution", 0, B(RESPONSIBLE), 0, 0, 0 },
	{ "fse_caseworker", 0, 0, B(FSE_CASEWORKER), 0, 0 },
	{ "fse_head", 0, 0, B(FSE_HEAD), 0, 0 },
	{ "national_statistician", 0, 0, B(NATIONAL_STATISTICIAN), 0, 0 },
};
#define NPEOPLE (sizeof(people) / sizeof(people[0]))

struct route_row {
	char		method[8];
	char		path[128];
	enum action	action;
};


static enum action
action_by_name(const char *name)
{
	int a;

	for (a = 0; a < ACT__MAX; a++)
		if (strcmp(policy_rules[a].name, name) == 0)
			return (enum action)a;
	return ACT__MAX;
}

/* Every program next to this build's tests lists its routes. */
static size_t
load_routes(struct route_row *rows, size_t max)
{
	char self[PATH_MAX], dir[PATH_MAX + 32], cmd[2 * PATH_MAX + 400], line[512];
	struct dirent *de;
	size_t n = 0;
	ssize_t len;
	DIR *dp;

	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	ck_assert_int_gt(len, 0);
	self[len] = '\0';
	snprintf(dir, sizeof(dir), "%s/../../cgi-bin", dirname(self));
	ck_assert_ptr_nonnull(dp = opendir(dir));
	while ((de = readdir(dp)) != NULL) {
		struct stat st;
		FILE *p;
		int status;

		snprintf(cmd, sizeof(cmd), "%s/%s", dir, de->d_name);
		if (de->d_name[0] == '.' || strchr(de->d_name, '.') || stat(cmd, &st) != 0 ||
		    !S_ISREG(st.st_mode) || !(st.st_mode & S_IXUSR))
			continue;
		strncat(cmd, " --routes", sizeof(cmd) - strlen(cmd) - 1);
		ck_assert_ptr_nonnull(p = popen(cmd, "r"));
		while (fgets(line, sizeof(line), p) && n < max) {
			char action[64];

			ck_assert_int_eq(sscanf(line, "%7s %127s %63s", rows[n].method, rows[n].path,
			    action), 3);
			rows[n].action = action_by_name(action);
			ck_assert_msg(rows[n].action < ACT__MAX && rows[n].action != ACT_UNSET,
			    "%s %s: action %s has no policy row", rows[n].method, rows[n].path, action);
			n++;
		}
		status = pclose(p);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "%s refused to list its routes (a route without a policy action?)", de->d_name);
	}
	closedir(dp);
	return n;
}

static const char *
decision_name(enum policy_decision d)
{
	static const char *const names[] = { "allow", "login", "403", "404" };

	return names[d];
}

/* The answer matches the decision: see the file comment. */
static int
matches(enum policy_decision want, enum scope scope, long status, const char *location)
{
	int to_login = status == 303 && strncmp(location, "/konto/log-ind", 14) == 0;

	if (status >= 500)
		return 0;
	switch (want) {
	case POLICY_ALLOW:
		return status != 403 && !(scope != SCOPE_PUBLIC && to_login) &&
		    !(scope == SCOPE_AUTHORISATION && status == 404);
	case POLICY_LOGIN:
		return to_login;
	case POLICY_DENY:
		return status == 403;
	case POLICY_HIDE:
		return status == 404;
	}
	return 0;
}

static long
call(const struct route_row *rt, const struct persona *p, long long auth, char *location,
    size_t loclen)
{
	char csrf[SESSION_TOKEN_CHARS + 1] = "", path[256], body[256];
	struct jar jar;
	struct reply r;

	/* Anonymous visitors too have a session once a form is open: that is where CSRF tokens
	 * live. (Without one, every POST is 403 before the policy is asked: test_account.) */
	fixture_session(p->uid, &jar, csrf);
	if (strcmp(rt->method, "GET") == 0) {
		snprintf(path, sizeof(path), "%s?id=%lld", rt->path, auth);
		return client_status(path, &jar, location, loclen);
	}
	snprintf(body, sizeof(body), "csrf=%s&id=%lld", csrf, auth);
	client_request("POST", rt->path, "application/x-www-form-urlencoded", body, strlen(body),
	    NULL, &jar, &r);
	return reply_done(&r, location, loclen);
}

START_TEST(matrix)
{
	static struct route_row routes[256];
	char suffix[16], email[128], name[128], number[64], location[256];
	long long a, b;
	size_t nroutes, i, j, checked = 0, failures = 0;

	snprintf(suffix, sizeof(suffix), "%ld", (long)getpid());
	nroutes = load_routes(routes, 256);
	ck_assert_uint_ge(nroutes, 20);
	snprintf(name, sizeof(name), "Matrixinstitut A %s", suffix);
	snprintf(number, sizeof(number), "M-A-%s", suffix);
	a = fixture_authorisation(name, number, "matrix.ku.dk");
	snprintf(name, sizeof(name), "Matrixinstitut B %s", suffix);
	snprintf(number, sizeof(number), "M-B-%s", suffix);
	b = fixture_authorisation(name, number, "matrix-b.ku.dk");
	for (i = 0; i < NPEOPLE; i++) {
		if (people[i].anonymous)
			continue;
		snprintf(email, sizeof(email), "matrix.%zu.%s@matrix.ku.dk", i, suffix);
		people[i].uid = fixture_user(email, people[i].name);
		fixture_grant(people[i].uid, people[i].on_a, a);
		fixture_grant(people[i].uid, people[i].on_b, b);
		fixture_grant(people[i].uid, people[i].global, 0);
	}
	printf("%-6s %-32s %-26s", "", "route", "action");
	for (j = 0; j < NPEOPLE; j++)
		printf(" %.6s", people[j].name);
	printf("\n");
	for (i = 0; i < nroutes; i++) {
		const struct policy_rule *rule = &policy_rules[routes[i].action];

		printf("%-6s %-32s %-26s", routes[i].method, routes[i].path, rule->name);
		for (j = 0; j < NPEOPLE; j++) {
			const struct persona *p = &people[j];
			enum policy_decision want = policy_decide(routes[i].action, !p->anonymous,
			    p->global, p->on_a, 1);
			long status = call(&routes[i], p, a, location, sizeof(location));
			int ok = matches(want, rule->scope, status, location);

			printf(" %3ld%s  ", status, ok ? " " : "!");
			checked++;
			if (!ok) {
				failures++;
				fprintf(stderr, "%s %s as %s: %ld (Location %s), policy says %s\n",
				    routes[i].method, routes[i].path, p->name, status, location,
				    decision_name(want));
			}
		}
		printf("\n");
		/* An id that names nothing: 404 for everyone logged in, FSE included. */
		if (rule->scope == SCOPE_AUTHORISATION) {
			long status = call(&routes[i], &people[9], 999999999, location,
			    sizeof(location));

			checked++;
			if (status != 404) {
				failures++;
				fprintf(stderr, "%s %s on a missing authorisation: %ld, want 404\n",
				    routes[i].method, routes[i].path, status);
			}
		}
	}
	printf("%zu routes x %zu people: %zu answers checked, %zu wrong\n", nroutes, NPEOPLE,
	    checked, failures);
	ck_assert_msg(failures == 0, "%zu answers differ from the policy (see above)", failures);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("permission-matrix");
	TCase *tc = tcase_create("matrix");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, fixture_open, fixture_close);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, matrix);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
