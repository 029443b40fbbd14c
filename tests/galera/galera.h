/*
 * Helpers of the Galera suites (issue 12), run by scripts/test against scripts/galera's stack:
 * three MariaDB Galera nodes, two "hosts" (host A's programs prefer node 1, host B's node 2),
 * one SMTP server. Requests go to a host by its nginx (PORTAL_URL, PORTAL_URL_B); the fixtures
 * (tests/e2e/fixture.h) write through host A's configuration, so node 1 first.
 */
#ifndef PORTAL_TESTS_GALERA_H
#define PORTAL_TESTS_GALERA_H

#include "client.h"
#include "db.h"

#define GALERA_HOSTS	2
#define GALERA_NODES	3

/* The nginx of host 0 (A) or 1 (B). */
const char	*galera_url(int host);
/* A connection of the portal's account to node n (1..3) alone, made once; NULL when the node
 * cannot be reached. Its session waits for the cluster (wsrep_sync_wait = 1), so what it reads
 * includes every write committed anywhere before the read began. */
struct db	*galera_node(int n);
/* Returns once every reachable node has applied everything committed before the call, so a
 * request to either host sees what the fixtures just wrote. */
void		 galera_caught_up(void);

/*
 * Runs fn(0, arg) in one process and fn(1, arg) in another, released at the same moment (a
 * pipe's EOF), each speaking HTTP to its own host (PORTAL_URL set to galera_url(who) in the
 * child): who 0 to host A, who 1 to host B. fn returns a small number (an HTTP status, or the
 * caller's code, < 1000) that lands in out[who]; a child that could not report gives -1.
 */
void		 galera_race(int (*fn)(int who, void *arg), void *arg, int out[2]);

/* Lines containing needle in the programs' logs of both hosts (var/test-galera/host-X/log). */
long		 galera_log_lines(const char *needle);

#endif
