/*
 * scheduler: the one scheduled runner of the portal (issue 14; R11, R32). bin/scheduler.c is the
 * daemon (configuration, signals, the loop); scheduler_once.c runs one piece of work exactly
 * once whoever else runs it; scheduler_thesis.c watches the thesis periods (reminders, the
 * automatic end); scheduler_waiting.c what waits for someone (a signature, an invitation, FSE).
 */
#ifndef PORTAL_SCHEDULER_H
#define PORTAL_SCHEDULER_H

#include <signal.h>
#include <stddef.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "reminder.h"
#include "tmpl.h"

/* What one pass did, for its log line. */
struct sched_counts {
	unsigned	done;		/* items done by this runner */
	unsigned	already;	/* another runner (or an earlier pass) did them */
	unsigned	gone;		/* no longer due when claimed (ended, signed, extended) */
	unsigned	failed;		/* left for the next pass */
	unsigned	conflicts;	/* lost conflicts, each run again */
	unsigned	mails;
};

struct sched {
	struct db		*db;
	const struct config	*cfg;
	char			 today[CLOCK_DATE_LEN];	/* the pass's day (lib/clock) */
	char			 owner[128];	/* host:pid:random: reminders_sent.runner */
	unsigned		 thesis_days[REMINDER_MAX_STAGES];
	size_t			 nthesis_days;
	struct sched_counts	 n;
	const volatile sig_atomic_t *stop;		/* set by a signal: no new item */
};

/*
 * One piece of work, inside the transaction sched_once opened after claiming its stage: it
 * checks that the item is still due (else *gone = 1, and nothing is kept), makes its change and
 * queues its mails, counting them in *mails. A database error is returned as it is (DB_ERETRY:
 * the whole item runs again).
 */
typedef enum db_err (*sched_work)(struct sched *, const void *item, int *gone, unsigned *mails);

/*
 * Runs work for (job, object, stage) once across every runner and restart: claims the stage
 * (the row of reminders_sent, migration 019) and does the work in one transaction. A duplicate
 * key means another runner did it: rolled back, counted as already. A lost conflict runs the
 * item again, a few times, then leaves it for the next pass.
 */
void		sched_once(struct sched *, const char *job, long long object, const char *stage,
		    sched_work, const void *item);

/* One recipient of a mail: the address, the name and what they are to the matter. */
struct sched_rcpt {
	char	email[255];
	char	name[201];
	int	as;		/* the job's own tag (student, supervisor, administrator, ...) */
};
#define SCHED_RCPT_MAX	64

/* A list of recipients without duplicates: the first added of an address stays. */
struct sched_rcpts {
	struct sched_rcpt	r[SCHED_RCPT_MAX];
	size_t			n;
};
void		sched_rcpt_add(struct sched_rcpts *, const char *email, const char *name, int as);
/* The active holders of role on authorisation auth, by address. */
enum db_err	sched_rcpt_role(struct sched *, struct sched_rcpts *, long long auth,
		    const char *role, int as);
/* The active user uid. */
enum db_err	sched_rcpt_user(struct sched *, struct sched_rcpts *, long long uid, int as);

/* Queues templates/mail/<name> to one recipient and counts it in *mails. An address the outbox
 * refuses is left out (logged, DB_OK); a database error is returned as db_err, else DB_EEXEC. */
enum db_err	sched_mail(struct sched *, const char *to, const char *to_name, const char *subject,
		    const char *name, const struct tmpl_dict *, unsigned *mails);

/* A DATE or DATETIME from the database ("YYYY-MM-DD[ HH:MM:SS]", UTC for a DATETIME) as Danes
 * read it: "30-06-2027"; with_time: "30-06-2027 kl. 14:05" (Copenhagen). */
void		sched_day(char *out, size_t n, const char *db_value, int with_time);

/* The jobs of one pass, each over everything due on s->today. */
void		sched_thesis_expire(struct sched *);
void		sched_thesis_remind(struct sched *);
void		sched_signatures(struct sched *);
void		sched_invitations(struct sched *);
void		sched_fse_overdue(struct sched *);

#endif
