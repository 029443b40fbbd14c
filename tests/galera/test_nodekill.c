/*
 * A node lost under load (issue 12): four writers save new proposal drafts through both hosts
 * (two on host A, node 1 first; two on host B, node 2 first), each on an authorisation of its
 * own (the races of test_races are where writers meet; here the node is), while node 2 is killed with
 * SIGKILL. The portal must keep answering through the other nodes (host B moves on to node 3,
 * its next db_socket), never with a 500, and every write it acknowledged (a 303 with the new
 * case's id) must be found afterwards on the surviving nodes, and on node 2 once it has joined
 * again. Printed: the acknowledged writes before and after the kill per host, the 503s (a
 * request cut off with the node: outcome unknown, the input kept), how long host B took to
 * answer again, and what each node holds.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "galera.h"
#include "policy.h"

#include "../check_run.h"

#define WRITERS		4
#define RUN_SECONDS	14.0
#define KILL_AT		4.0
#define MAX_ACKS	20000

struct answer {
	int		writer;
	int		status;
	long long	id;	/* the new case, for a 303 */
	double		t;	/* seconds since the start */
	double		secs;	/* how long the answer took */
};

static char sfx[24];

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
}

/* A writer: new drafts on its host until the run ends, each answer to the pipe. */
static void
writer(int w, long long a, struct jar *jar, const char *csrf, double t0, int fd)
{
	char id[32], title[64], loc[256];
	struct reply r;
	int i;

	setenv("PORTAL_URL", galera_url(w % 2), 1);
	/* A request caught by the kill may wait for the cluster's new view and a reconnection;
	 * nginx would give up after 60 s, so may this writer. */
	setenv("PORTAL_CLIENT_TIMEOUT", "60", 1);
	snprintf(id, sizeof(id), "%lld", a);
	for (i = 0; now() - t0 < RUN_SECONDS; i++) {
		struct answer ans = { w, 0, 0, 0, 0 };
		double sent = now();
		const char *p;

		snprintf(title, sizeof(title), "Last %d-%d", w, i);
		client_post_form("/projekt/rediger", jar, &r, "csrf", csrf, "id", id, "sag", "",
		    "version", "", "engangsnoegle", client_new_key(), "titel", title, NULL);
		ans.status = (int)r.status;
		ans.t = now() - t0;
		ans.secs = now() - sent;
		if (reply_done(&r, loc, sizeof(loc)) == 303 && (p = strstr(loc, "sag=")) != NULL)
			ans.id = atoll(p + 4);
		if (write(fd, &ans, sizeof(ans)) != (ssize_t)sizeof(ans))
			_exit(1);
		if (ans.status == 503)
			usleep(100 * 1000);	/* as a person would, a moment before sending again */
	}
	_exit(0);
}

/* How many of the acknowledged ids node n holds. */
static long
found_on(int n, const long long *ids, long nids)
{
	struct db_result res;
	struct db *db = galera_node(n);
	long i, found = 0;

	ck_assert_msg(db != NULL, "node %d cannot be reached", n);
	for (i = 0; i < nids; i++) {
		ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM cases WHERE id = ?", "i",
		    ids[i]), DB_OK);
		found += db_cell_int(&res, 0, 0, 0) == 1;
		db_result_free(&res);
	}
	return found;
}

START_TEST(node_killed_under_load)
{
	static long long ids[MAX_ACKS];
	long acked[2][2] = { { 0, 0 }, { 0, 0 } }, e503[2] = { 0, 0 }, other = 0, e500 = 0;
	long nids = 0, f1, f2, f3, slow = 0, conflicts = galera_log_lines("conflict");
	double slowest = 0;
	double t0, t_kill = 0, back_b = -1, t_rejoin;
	char name[96], number[64], domain[64], email[128], csrf[WRITERS][SESSION_TOKEN_CHARS + 1];
	struct jar jar[WRITERS];
	struct answer ans;
	int fds[2], w, killed = 0;
	pid_t pid[WRITERS];
	long long a[WRITERS];
	char cmd[1024];

	for (w = 0; w < WRITERS; w++) {
		long long uid;

		snprintf(name, sizeof(name), "Klyngeinstitut %d %s", w, sfx);
		snprintf(number, sizeof(number), "K-%d-%s", w, sfx);
		snprintf(domain, sizeof(domain), "klynge-%d-%s.dk", w, sfx);
		a[w] = fixture_authorisation(name, number, domain);
		ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = "
		    "'forskermaskinen' WHERE id = ?", "i", a[w]), DB_OK);
		snprintf(email, sizeof(email), "skriver%d.%s@%s", w, sfx, domain);
		uid = fixture_user(email, "Sigurd Skriver");
		fixture_grant(uid, ROLE_BIT(ROLE_SUPERVISOR), a[w]);
		fixture_session(uid, &jar[w], csrf[w]);
	}
	galera_caught_up();

	ck_assert_int_eq(pipe(fds), 0);
	t0 = now();
	for (w = 0; w < WRITERS; w++) {
		pid[w] = fork();
		ck_assert_int_ge(pid[w], 0);
		if (pid[w] == 0) {
			close(fds[0]);
			writer(w, a[w], &jar[w], csrf[w], t0, fds[1]);
		}
	}
	close(fds[1]);
	ck_assert_ptr_nonnull(getenv("PORTAL_NODE_KILL"));
	for (;;) {
		ssize_t got;

		if (!killed && now() - t0 >= KILL_AT) {
			/* Node 2 is host B's own: it goes while both hosts are writing. */
			snprintf(cmd, sizeof(cmd), "%s 2", getenv("PORTAL_NODE_KILL"));
			ck_assert_int_eq(system(cmd), 0);
			t_kill = now() - t0;
			killed = 1;
		}
		/* Short reads: the kill must not wait for an answer. */
		{
			fd_set rd;
			struct timeval tv = { 0, 50 * 1000 };

			FD_ZERO(&rd);
			FD_SET(fds[0], &rd);
			if (select(fds[0] + 1, &rd, NULL, NULL, &tv) <= 0)
				continue;
		}
		if ((got = read(fds[0], &ans, sizeof(ans))) != (ssize_t)sizeof(ans))
			break;
		slow += ans.secs > 5;
		if (ans.secs > slowest)
			slowest = ans.secs;
		if (ans.status == 303 && ans.id > 0) {
			int after = killed && ans.t >= t_kill;

			acked[ans.writer % 2][after]++;
			if (nids < MAX_ACKS)
				ids[nids++] = ans.id;
			if (after && ans.writer % 2 == 1 && back_b < 0)
				back_b = ans.t - t_kill;
		} else if (ans.status == 503)
			e503[ans.writer % 2]++;
		else {
			e500 += ans.status == 500;
			other++;
			printf("writer %d (host %c) at %.2f s: %d\n", ans.writer, "AB"[ans.writer % 2],
			    ans.t, ans.status);
		}
	}
	close(fds[0]);
	for (w = 0; w < WRITERS; w++)
		waitpid(pid[w], NULL, 0);
	ck_assert_int_eq(killed, 1);
	conflicts = galera_log_lines("conflict") - conflicts;

	galera_caught_up();
	f1 = found_on(1, ids, nids);
	f3 = found_on(3, ids, nids);
	printf("node kill: node 2 killed at %.1f s of %.0f; acknowledged writes host A %ld before, "
	    "%ld after; host B %ld before, %ld after; 503s host A %ld, host B %ld; other answers "
	    "%ld (500s %ld); answers slower than 5 s %ld (slowest %.1f s); host B answered again "
	    "%.2f s after the kill; conflicts run again %ld; found of %ld acknowledged: node 1 %ld, "
	    "node 3 %ld\n", t_kill, RUN_SECONDS, acked[0][0], acked[0][1], acked[1][0], acked[1][1],
	    e503[0], e503[1], other, e500, slow, slowest, back_b, conflicts, nids, f1, f3);
	fflush(stdout);

	/* Node 2 joins again and holds every acknowledged write too. */
	snprintf(cmd, sizeof(cmd), "%s 2", getenv("PORTAL_NODE_START"));
	t_rejoin = now();
	ck_assert_int_eq(system(cmd), 0);
	t_rejoin = now() - t_rejoin;
	f2 = found_on(2, ids, nids);
	printf("node 2 joined again in %.1f s and holds %ld of %ld\n", t_rejoin, f2, nids);
	fflush(stdout);

	ck_assert_int_eq(e500, 0);
	ck_assert_int_eq(other, 0);
	ck_assert_int_gt(acked[0][0], 0);
	ck_assert_int_gt(acked[1][0], 0);
	ck_assert_int_gt(acked[0][1], 0);
	ck_assert_int_gt(acked[1][1], 0);	/* host B kept answering, through node 3 */
	ck_assert_int_lt(nids, MAX_ACKS);
	ck_assert_int_eq(f1, nids);
	ck_assert_int_eq(f3, nids);
	ck_assert_int_eq(f2, nids);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("galera_nodekill");
	TCase *tc = tcase_create("nodekill");

	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, node_killed_under_load);
	suite_add_tcase(s, tc);
	return check_run(s);
}
