/*
 * Two mailers on two nodes (issue 12): host A's mailer (node 1) and host B's (node 2) empty an
 * outbox of 1,000 mails side by side. SKIP LOCKED keeps claims apart on one server only: on a
 * cluster each node's locks are its own, so both mailers may claim the same rows and the one
 * that commits second loses (1213). Asserted: each mail delivered exactly once (counted in the
 * maildir by Message-ID), both mailers did work; printed: the claim conflicts the mailers logged
 * ("mail: claim" lines) and the batches they claimed, so the figure before and after a change
 * to the claim can be compared.
 * The hosts' own mailers are stopped for the run and started again after.
 */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "galera.h"
#include "mail.h"

#include "../check_run.h"

#define MAILS	1000

static char kind[64];

static void
setup(void)
{
	fixture_open();
	snprintf(kind, sizeof(kind), "galera_%ld_%ld", (long)getpid(), (long)time(NULL));
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
run(const char *envname)
{
	const char *cmd = getenv(envname);

	ck_assert_msg(cmd != NULL, "%s is not set (scripts/galera env)", envname);
	ck_assert_msg(system(cmd) == 0, "%s failed", cmd);
}

/* bin/mailer with host h's configuration (its node first); its log in that host's log dir. */
static pid_t
mailer_spawn(int h)
{
	const char *conf = getenv(h == 0 ? "PORTAL_CONFIG" : "PORTAL_CONFIG_B");
	char log[1024];
	pid_t pid;
	int fd;

	ck_assert_ptr_nonnull(conf);
	snprintf(log, sizeof(log), "%s/host-%c/log/mailer-race.log", getenv("PORTAL_GALERA_VAR"),
	    "ab"[h]);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if ((fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644)) >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(PORTAL_BUILDDIR "/bin/mailer", "mailer", "-c", conf, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static long long
count_state(const char *state)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "state = ?", "ss", kind, state), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* The Message-IDs of every mail in the maildir (new/ and cur/), sorted. */
struct ids {
	char	**v;
	size_t	  n, cap;
};

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
scan_dir(struct ids *ids, const char *dir)
{
	char path[2048], line[1024];
	struct dirent *e;
	DIR *d = opendir(dir);

	ck_assert_msg(d != NULL, "%s", dir);
	while ((e = readdir(d)) != NULL) {
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		while (fgets(line, sizeof(line), f) && line[0] != '\r' && line[0] != '\n') {
			char *v;

			if (strncasecmp(line, "Message-ID:", 11) != 0)
				continue;
			for (v = line + 11; *v == ' '; v++)
				;
			v[strcspn(v, "\r\n")] = '\0';
			if (ids->n == ids->cap) {
				ids->cap = ids->cap ? 2 * ids->cap : 1024;
				ids->v = realloc(ids->v, ids->cap * sizeof(*ids->v));
				ck_assert_ptr_nonnull(ids->v);
			}
			ids->v[ids->n++] = strdup(v);
			break;
		}
		fclose(f);
	}
	closedir(d);
}

/* How many mails carry this Message-ID. */
static size_t
delivered(const struct ids *ids, const char *mid)
{
	char *const *p = bsearch(&mid, ids->v, ids->n, sizeof(*ids->v), cmp);
	size_t n = 0;
	char *const *q;

	if (p == NULL)
		return 0;
	for (q = p; q >= ids->v && strcmp(*q, mid) == 0; q--)
		n++;
	for (q = p + 1; q < ids->v + ids->n && strcmp(*q, mid) == 0; q++)
		n++;
	return n;
}

START_TEST(two_mailers_two_nodes_thousand_mails)
{
	char to[128], subject[96], dir[1024], needle[96];
	long conflicts, batches, sent_a, sent_b;
	long long once = 0, twice = 0, missing = 0;
	struct db_result res;
	struct ids ids = { NULL, 0, 0 };
	pid_t pid[2];
	double t0, secs;
	struct mail m;
	size_t i;
	int h;

	run("PORTAL_MAILER_STOP");
	for (i = 0; i < MAILS; i++) {
		if (i % 250 == 0)
			ck_assert_int_eq(db_begin(fx_db), DB_OK);
		snprintf(to, sizeof(to), "post-%zu@galera.example.org", i);
		snprintf(subject, sizeof(subject), "Besked %zu af %d", i + 1, MAILS);
		memset(&m, 0, sizeof(m));
		m.to = to;
		m.subject = subject;
		m.text = "Kære modtager\n\nEn besked fra klyngen. Æ Ø Å.\n";
		m.kind = kind;
		ck_assert_int_eq(mail_enqueue(fx_db, &fx_cfg, &m, NULL), MAIL_OK);
		if (i % 250 == 249 || i + 1 == MAILS)
			ck_assert_int_eq(db_commit(fx_db), DB_OK);
	}
	galera_caught_up();
	conflicts = galera_log_lines("mail: claim");
	batches = galera_log_lines("claimed ");
	t0 = now();
	pid[0] = mailer_spawn(0);
	pid[1] = mailer_spawn(1);
	while (count_state("sent") < MAILS && now() - t0 < 180)
		usleep(200 * 1000);
	secs = now() - t0;
	for (h = 0; h < 2; h++) {
		kill(pid[h], SIGTERM);
		waitpid(pid[h], NULL, 0);
	}
	run("PORTAL_MAILER_START");
	conflicts = galera_log_lines("mail: claim") - conflicts;
	batches = galera_log_lines("claimed ") - batches;
	snprintf(needle, sizeof(needle), " kind=%s ", kind);
	/* Who sent what: each mailer logs its sends with the kind (host A's log, host B's). */
	{
		long all = galera_log_lines(needle);
		char path[1024], line[2048];
		FILE *f;

		sent_a = 0;
		snprintf(path, sizeof(path), "%s/host-a/log/mailer-race.log",
		    getenv("PORTAL_GALERA_VAR"));
		if ((f = fopen(path, "r")) != NULL) {
			while (fgets(line, sizeof(line), f))
				sent_a += strstr(line, needle) && strstr(line, "sent id=");
			fclose(f);
		}
		sent_b = all - sent_a;
	}
	for (i = 0; i < 2; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", getenv("PORTAL_MAILDIR"), i ? "cur" : "new");
		scan_dir(&ids, dir);
	}
	qsort(ids.v, ids.n, sizeof(*ids.v), cmp);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT message_id FROM outbox WHERE kind = ?", "s",
	    kind), DB_OK);
	ck_assert_uint_eq(res.nrows, MAILS);
	for (i = 0; i < res.nrows; i++) {
		size_t n = delivered(&ids, db_cell(&res, i, 0));

		once += n == 1;
		twice += n > 1;
		missing += n == 0;
	}
	db_result_free(&res);
	for (i = 0; i < ids.n; i++)
		free(ids.v[i]);
	free(ids.v);
	printf("two mailers on two nodes: %d mails in %.1f s; host A's mailer sent %ld, host B's "
	    "%ld; delivered once %lld, more than once %lld, missing %lld; claim conflicts %ld in "
	    "%ld claimed batches\n", MAILS, secs, sent_a, sent_b, once, twice, missing, conflicts,
	    batches);
	fflush(stdout);
	ck_assert_int_eq(count_state("sent"), MAILS);
	ck_assert_int_eq(once, MAILS);
	ck_assert_int_eq(twice, 0);
	ck_assert_int_eq(missing, 0);
	ck_assert_int_gt(sent_a, 0);
	ck_assert_int_gt(sent_b, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("galera_mailers");
	TCase *tc = tcase_create("mailers");

	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, two_mailers_two_nodes_thousand_mails);
	suite_add_tcase(s, tc);
	return check_run(s);
}
