/*
 * mailer: the daemon that empties the outbox (DESIGN: Mail).
 *   mailer [-c config] [--once]
 * Loop: claim up to mailer_batch due rows (SELECT ... FOR UPDATE SKIP LOCKED in a short
 * transaction that writes claimed_by and a lease, claimed_until), send each over one reused SMTP
 * connection, record each outcome on its row at once: sent with the server's reply; a 4xx to
 * this message deferred (mail_retry_first doubling, at most mail_retry_max); a 5xx, or a
 * temporary failure once the mail has waited mail_give_up, dead with the error kept. When the
 * server itself fails (connect, greeting, timeout) the current row is deferred, the rest of the
 * batch is given back untouched and the mailer pauses (doubling up to a minute) before it tries
 * again. Nothing is idle-polled faster than mailer_poll. --once: stop when nothing is due.
 *
 * Several mailers (on any hosts) may run: SKIP LOCKED keeps their claims apart on one server.
 * On a Galera cluster each node locks alone, so mailers on two nodes divide the outbox
 * (mailer_slot of mailer_slots, each claims its share first and takes others' rows once they
 * have waited MAIL_TAKEOVER seconds), and a claim that still loses a conflict is run again at
 * once (lib/mail_outbox.c). SIGTERM (and SIGINT) end the current message, give the rest of the
 * batch back and exit 0.
 *
 * Never lost, possibly twice: a row is marked sent only after the server accepted it. If the
 * mailer dies (SIGKILL, crash, host gone) or cannot reach the database between the server's
 * "250" and that UPDATE, the row is still claimed but not sent; when the lease expires another
 * mailer (or this one, restarted) sends it again, so that one mail arrives twice. Every other
 * moment of a crash loses nothing and duplicates nothing: an unsent claim simply expires.
 * Receivers can tell such a duplicate by its Message-ID, which is the same on every attempt.
 *
 * Retention (R33): at start and then every hour the mailer deletes sent mails older than
 * mail_keep_sent_days and dead ones older than mail_keep_dead_days (mail_purge, in batches) and
 * logs how many went. Several mailers purging at once only share the work.
 */
#include <curl/curl.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "mail.h"

#define MAX_BATCH	1000
#define MAX_PAUSE	60	/* seconds between attempts to reach a failing server */
#define PURGE_EVERY	3600	/* seconds between two purges of old sent and dead mail */
#define PURGE_RETRY	60	/* seconds before a failed purge is tried again */

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: mailer [-c config] [--once]\n");
	exit(2);
}

static double
now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleeps, but a signal ends it early (the loop then sees `stop`). */
static void
pause_for(unsigned seconds)
{
	struct timespec ts = { (time_t)seconds, 0 };

	if (!stop)
		nanosleep(&ts, NULL);
}

/*
 * Records one outcome. The database may be briefly away (restart, failover): keep trying while
 * the lease still protects the row, because giving up here after a "250" is exactly the case
 * that sends a mail twice.
 */
static void
record(struct db *db, const struct config *cfg, const char *owner, const struct mail_row *r,
    enum mail_outcome out, const char *reply, unsigned lease)
{
	double until = now_mono() + lease / 2.0;
	enum mail_err rc;

	for (;;) {
		rc = mail_record(db, cfg, owner, r, out, reply);
		if (rc == MAIL_ENOTFOUND)
			return;	/* another mailer holds it now (logged) */
		if (rc == MAIL_OK)
			break;
		if (now_mono() >= until) {
			log_error("id=%llu: outcome not recorded (%s); the row will be sent again "
			    "when its lease expires", r->id, mail_strerror(rc));
			return;
		}
		sleep(1);
	}
	switch (out) {
	case MAIL_SENT:
		log_info("sent id=%llu kind=%s message_id=%s reply=\"%s\"", r->id, r->kind,
		    r->message_id, reply);
		break;
	case MAIL_PERMFAIL:
		log_warn("dead id=%llu kind=%s message_id=%s error=\"%s\"", r->id, r->kind,
		    r->message_id, reply);
		break;
	default:
		log_warn("deferred id=%llu kind=%s attempt=%u error=\"%s\"", r->id, r->kind,
		    r->attempts + 1, reply);
		break;
	}
}

/* Old sent and dead mail deleted (R33); when the next purge is due. */
static double
purge(struct db *db, const struct config *cfg)
{
	unsigned long long n = 0;
	enum mail_err rc;

	rc = mail_purge(db, cfg, &n);
	if (rc != MAIL_OK) {
		log_warn("purge: %s after %llu rows; next try in %d s", mail_strerror(rc), n,
		    PURGE_RETRY);
		return now_mono() + PURGE_RETRY;
	}
	log_info("purged %llu mails (sent older than %u days, dead older than %u days; 0: kept)",
	    n, cfg->mail_keep_sent_days, cfg->mail_keep_dead_days);
	return now_mono() + PURGE_EVERY;
}

int
main(int argc, char **argv)
{
	const char *path = getenv("PORTAL_CONFIG");
	unsigned long long ids[MAX_BATCH];
	struct sigaction sa;
	struct config cfg;
	struct mail_smtp *smtp = NULL;
	struct db *db = NULL;
	char err[1024], owner[128], host[64], rnd[9], reply[1024];
	unsigned char rb[4];
	struct mail_share share;
	unsigned lease, batch, paused = 0, lost = 0;
	unsigned long long nsent = 0;
	size_t n, i, j;
	int once = 0, rc = 1;
	double claimed_at, next_purge;

	/* Before anything else, as libcurl requires (DESIGN: Pitfalls). */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "mailer: curl_global_init failed\n");
		return 1;
	}
	if (path == NULL)
		path = "etc/portal.conf";
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < (size_t)argc)
			path = argv[++i];
		else
			usage();
	}
	if (config_load(&cfg, path, err, sizeof(err)) != CONFIG_OK) {
		fprintf(stderr, "mailer: %s\n", err);
		goto out;
	}
	log_init("mailer", cfg.log_level);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: a sleep ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	batch = cfg.mailer_batch ? cfg.mailer_batch : 1;
	if (batch > MAX_BATCH)
		batch = MAX_BATCH;
	/* Long enough for slow sends (renewed halfway through a batch), short enough that a
	 * killed mailer's rows come back within minutes. */
	lease = 4 * cfg.smtp_timeout + 60;
	share.slots = cfg.mailer_slots ? cfg.mailer_slots : 1;
	share.slot = cfg.mailer_slot;
	share.takeover = MAIL_TAKEOVER;
	if (share.slot >= share.slots) {
		fprintf(stderr, "mailer: mailer_slot (%u) must be below mailer_slots (%u)\n",
		    share.slot, share.slots);
		goto out;
	}
	if (sodium_init() < 0)
		goto out;
	randombytes_buf(rb, sizeof(rb));
	sodium_bin2hex(rnd, sizeof(rnd), rb, sizeof(rb));
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	snprintf(owner, sizeof(owner), "%s:%ld:%s", host, (long)getpid(), rnd);

	if ((db = db_new(&cfg)) == NULL || (smtp = mail_smtp_new(&cfg)) == NULL)
		goto out;
	log_info("started owner=%s smtp=%s batch=%u lease=%us share=%u/%u%s", owner, cfg.smtp_url,
	    batch, lease, share.slot, share.slots, once ? " once" : "");

	next_purge = purge(db, &cfg);
	while (!stop) {
		int server_down = 0;

		if (now_mono() >= next_purge)
			next_purge = purge(db, &cfg);

		if (mail_claim(db, owner, lease, &share, batch, ids, &n, &lost) != MAIL_OK) {
			/* Database away: nothing was claimed, nothing is lost; try again later. */
			if (once)
				goto out;
			pause_for(cfg.mailer_poll);
			continue;
		}
		if (n == 0) {
			if (once)
				break;
			pause_for(cfg.mailer_poll);
			continue;
		}
		claimed_at = now_mono();
		/* One line a batch: how often claims collide is read from these (tests/galera). */
		log_info("claimed batch n=%zu conflicts=%u", n, lost);
		for (i = 0; i < n; i++) {
			struct mail_row row;
			enum mail_outcome out;
			enum mail_err mrc;

			if (stop || server_down)
				break;
			if (now_mono() - claimed_at > lease / 2.0) {
				if (mail_renew(db, owner, lease) == MAIL_OK)
					claimed_at = now_mono();
			}
			if ((mrc = mail_load(db, owner, ids[i], &row)) != MAIL_OK) {
				if (mrc != MAIL_ENOTFOUND)
					break;	/* database away: the leases will expire */
				continue;
			}
			out = mail_smtp_send(smtp, &row, reply, sizeof(reply));
			record(db, &cfg, owner, &row, out, reply, lease);
			if (out == MAIL_SENT)
				nsent++;
			if (out == MAIL_CONNFAIL)
				server_down = 1;
			mail_row_free(&row);
		}
		/* Whatever was not attempted goes back, due at once, for any mailer. */
		for (j = i; j < n; j++)
			mail_release(db, owner, ids[j]);
		if (server_down) {
			paused = paused ? paused * 2 : (cfg.mailer_poll ? cfg.mailer_poll : 1);
			if (paused > MAX_PAUSE)
				paused = MAX_PAUSE;
			if (once)
				break;
			log_warn("SMTP server failing; next try in %u s", paused);
			pause_for(paused);
		} else
			paused = 0;
	}
	rc = 0;
out:
	if (db)
		log_info("stopping owner=%s sent=%llu%s", owner, nsent, stop ? " (signal)" : "");
	mail_smtp_free(smtp);
	db_free(db);
	curl_global_cleanup();
	return rc;
}
