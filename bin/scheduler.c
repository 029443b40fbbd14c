/*
 * scheduler: the portal's one scheduled runner (issue 14; R11, R30, R32).
 *   scheduler [-c config] [--once] [--today YYYY-MM-DD]
 * Each pass does the time-driven work of the day, every job over everything due:
 *   - a thesis period's end date come: the access ends by itself, the administrators are told
 *     (scheduler_thesis.c);
 *   - remind_thesis_days before that end: the student, the supervisor and the administrators
 *     are reminded;
 *   - a proposal's signature request waiting remind_signature_days: the signers are reminded,
 *     the supervisor told (scheduler_waiting.c);
 *   - an invitation's link expiring within remind_invitation_days: the invitee is reminded;
 *   - a case at FSE past the service goal (fse_service_days working days): FSE is told.
 * All of it by mail through the outbox, in the transaction that records the stage as done, so
 * each stage happens once even when the runner restarts, and several runners (on any host, on
 * any Galera node) never do one twice (scheduler_once.c). The loop sleeps scheduler_interval
 * seconds between passes; --once runs one pass and exits (0 when it could work, 1 when the
 * database was away). --today moves the clock for the pass (tests; lib/clock.h), never sleep.
 *
 * Like the mailer: one database connection, logs on stderr (lib/log), SIGTERM and SIGINT end
 * it after the current item (whose transaction commits or is rolled back whole) with exit 0.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "scheduler.h"

#include "clock.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "tmpl.h"

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
	fprintf(stderr, "usage: scheduler [-c config] [--once] [--today YYYY-MM-DD]\n");
	exit(2);
}

/* Sleeps, but a signal ends it early (the loop then sees `stop`). */
static void
pause_for(unsigned seconds)
{
	struct timespec ts = { (time_t)seconds, 0 };

	if (!stop)
		nanosleep(&ts, NULL);
}

/* One pass over every job; -1 when the database could not be reached. */
static int
pass(struct sched *s)
{
	static void (*const jobs[])(struct sched *) = {
		/* The end first: an access ending today needs no reminder of it. */
		sched_thesis_expire, sched_thesis_remind, sched_signatures, sched_invitations,
		sched_fse_overdue,
	};
	size_t i;

	memset(&s->n, 0, sizeof(s->n));
	clock_today(s->today);
	if (db_connect(s->db) != DB_OK) {
		log_warn("database not reachable (%s); next pass in %u s", db_errmsg(s->db),
		    s->cfg->scheduler_interval);
		return -1;
	}
	for (i = 0; i < sizeof(jobs) / sizeof(jobs[0]) && !stop; i++)
		jobs[i](s);
	/* One line a pass: what the runners did and how often they met, read from these. */
	log_info("pass today=%s done=%u already=%u gone=%u failed=%u conflicts=%u mails=%u",
	    s->today, s->n.done, s->n.already, s->n.gone, s->n.failed, s->n.conflicts, s->n.mails);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = getenv("PORTAL_CONFIG"), *today = NULL;
	struct sigaction sa;
	struct config cfg;
	struct sched s;
	char err[1024], host[64], rnd[9];
	unsigned char rb[4];
	enum reminder_err rerr;
	int once = 0, rc = 1, i;

	if (path == NULL)
		path = "etc/portal.conf";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "--today") == 0 && i + 1 < argc)
			today = argv[++i];
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			path = argv[++i];
		else
			usage();
	}
	/* Days and times as Danes read them, in every mail (lib/datefmt.h). */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	if (today && clock_set_today(today) != 0) {
		fprintf(stderr, "scheduler: --today %s is not a date (YYYY-MM-DD)\n", today);
		return 2;
	}
	if (config_load(&cfg, path, err, sizeof(err)) != CONFIG_OK) {
		fprintf(stderr, "scheduler: %s\n", err);
		return 1;
	}
	log_init("scheduler", cfg.log_level);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: a sleep ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	memset(&s, 0, sizeof(s));
	s.cfg = &cfg;
	s.stop = &stop;
	/* config_load checked the list already; this is its reading. */
	if ((rerr = reminder_parse_days(cfg.remind_thesis_days, strlen(cfg.remind_thesis_days),
	    s.thesis_days, &s.nthesis_days)) != REMINDER_OK) {
		fprintf(stderr, "scheduler: remind_thesis_days: %s\n", reminder_strerror(rerr));
		return 1;
	}
	if (tmpl_init(cfg.templates_dir, err, sizeof(err)) != TMPL_OK) {
		fprintf(stderr, "scheduler: templates: %s\n", err);
		return 1;
	}
	if (sodium_init() < 0)
		return 1;
	randombytes_buf(rb, sizeof(rb));
	sodium_bin2hex(rnd, sizeof(rnd), rb, sizeof(rb));
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	snprintf(s.owner, sizeof(s.owner), "%s:%ld:%s", host, (long)getpid(), rnd);
	if ((s.db = db_new(&cfg)) == NULL)
		return 1;
	log_info("started owner=%s interval=%us thesis_days=%s signature_days=%u "
	    "invitation_days=%u service_days=%u%s%s%s", s.owner, cfg.scheduler_interval,
	    cfg.remind_thesis_days, cfg.remind_signature_days, cfg.remind_invitation_days,
	    cfg.fse_service_days, once ? " once" : "", today ? " today=" : "", today ? today : "");

	for (;;) {
		int ok = pass(&s);

		if (once) {
			rc = ok == 0 ? 0 : 1;
			break;
		}
		if (stop)
			break;
		pause_for(cfg.scheduler_interval ? cfg.scheduler_interval : 1);
		if (stop)
			break;
	}
	if (!once)
		rc = 0;
	log_info("stopping owner=%s%s", s.owner, stop ? " (signal)" : "");
	db_free(s.db);
	return rc;
}
