#include "galera.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

const char *
galera_url(int host)
{
	const char *u = getenv(host == 0 ? "PORTAL_URL" : "PORTAL_URL_B");

	ck_assert_msg(u != NULL, "run through scripts/test (scripts/galera env)");
	return u;
}

/* The n-th socket (1-based) of PORTAL_NODE_SOCKETS into out. */
static void
node_socket(int n, char *out, size_t len)
{
	const char *p = getenv("PORTAL_NODE_SOCKETS"), *end;
	int i;

	ck_assert_msg(p != NULL, "PORTAL_NODE_SOCKETS is not set (scripts/galera env)");
	for (i = 1; i < n && p; i++)
		p = (p = strchr(p, ',')) ? p + 1 : NULL;
	ck_assert_ptr_nonnull(p);
	end = strchr(p, ',');
	snprintf(out, len, "%.*s", (int)(end ? (size_t)(end - p) : strlen(p)), p);
}

struct db *
galera_node(int n)
{
	/* The configurations outlive the connections that point to them. */
	static struct config cfg[GALERA_NODES + 1];
	static struct db *db[GALERA_NODES + 1];

	ck_assert(n >= 1 && n <= GALERA_NODES);
	if (db[n] == NULL) {
		cfg[n] = fx_cfg;
		node_socket(n, cfg[n].db_socket, sizeof(cfg[n].db_socket));
		db[n] = db_new(&cfg[n]);
		ck_assert_ptr_nonnull(db[n]);
	}
	if (!db_connected(db[n])) {
		if (db_connect(db[n]) != DB_OK)
			return NULL;
		if (db_exec(db[n], NULL, "SET SESSION wsrep_sync_wait = 1", "") != DB_OK)
			return NULL;
	}
	return db[n];
}

void
galera_caught_up(void)
{
	struct db_result res;
	int n;

	for (n = 1; n <= GALERA_NODES; n++) {
		struct db *db = galera_node(n);

		/* A causal read: it waits until this node has applied all that came before. */
		if (db && db_exec(db, &res, "SELECT 1", "") == DB_OK)
			db_result_free(&res);
	}
}

void
galera_race(int (*fn)(int who, void *arg), void *arg, int out[2])
{
	int fds[2], go[2], who;
	pid_t pid[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(pipe(go), 0);
	for (who = 0; who < 2; who++) {
		pid[who] = fork();
		ck_assert_int_ge(pid[who], 0);
		if (pid[who] == 0) {
			int v[2];
			char c;

			close(go[1]);
			close(fds[0]);
			setenv("PORTAL_URL", galera_url(who), 1);
			/* EOF (0) is the go signal: both read it at the same moment. */
			if (read(go[0], &c, 1) < 0)
				_exit(1);
			v[0] = who;
			v[1] = fn(who, arg);
			_exit(write(fds[1], v, sizeof(v)) == (ssize_t)sizeof(v) ? 0 : 1);
		}
	}
	close(go[0]);
	close(fds[1]);
	out[0] = out[1] = -1;
	close(go[1]);	/* releases both */
	for (;;) {
		int v[2];

		if (read(fds[0], v, sizeof(v)) != (ssize_t)sizeof(v))
			break;
		if (v[0] == 0 || v[0] == 1)
			out[v[0]] = v[1];
	}
	close(fds[0]);
	for (who = 0; who < 2; who++)
		waitpid(pid[who], NULL, 0);
}

/* Lines of one file containing needle. */
static long
file_lines(const char *path, const char *needle)
{
	char line[4096];
	long n = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

long
galera_log_lines(const char *needle)
{
	const char *var = getenv("PORTAL_GALERA_VAR");
	const char *hosts[] = { "host-a", "host-b" };
	char dir[1024], path[2048];
	struct dirent *e;
	long n = 0;
	size_t h;

	ck_assert_msg(var != NULL, "PORTAL_GALERA_VAR is not set (scripts/galera env)");
	for (h = 0; h < sizeof(hosts) / sizeof(hosts[0]); h++) {
		DIR *d;

		snprintf(dir, sizeof(dir), "%s/%s/log", var, hosts[h]);
		if ((d = opendir(dir)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			size_t l = strlen(e->d_name);

			if (l < 5 || strcmp(e->d_name + l - 4, ".log") != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			n += file_lines(path, needle);
		}
		closedir(d);
	}
	return n;
}
