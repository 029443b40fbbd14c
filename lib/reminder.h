/*
 * reminder: which reminder is due on a day, pure (issue 14; R11, R32). The scheduled runner
 * (bin/scheduler) asks these for every deadline it watches and records what it sent under a
 * stage key, so each stage is sent once (migration 019). The days are settings (lib/config.c):
 * remind_thesis_days is a list ("30,7"), the others a number of days.
 */
#ifndef PORTAL_REMINDER_H
#define PORTAL_REMINDER_H

#include <stddef.h>

#define REMINDER_MAX_STAGES	8	/* days in one list */
#define REMINDER_MAX_DAYS	366	/* the most days before a deadline a reminder may go */
#define REMINDER_NO_DATE	(-1000000L)	/* reminder_days_between: a malformed date */
#define REMINDER_KEY_LEN	64	/* a stage key and its NUL (reminders_sent.stage) */

enum reminder_err {
	REMINDER_OK = 0,
	REMINDER_ESYNTAX,	/* not numbers separated by commas */
	REMINDER_ERANGE,	/* a day outside 1..REMINDER_MAX_DAYS, or the same day twice */
	REMINDER_ETOOMANY,	/* more than REMINDER_MAX_STAGES days */
	REMINDER__MAX
};

const char	*reminder_strerror(enum reminder_err);

/*
 * A list of days before a deadline, "30,7" (spaces allowed around the numbers), len bytes of
 * text: into days[], largest first, *n of them. "" is no reminder at all (*n = 0).
 */
enum reminder_err reminder_parse_days(const char *text, size_t len,
		    unsigned days[REMINDER_MAX_STAGES], size_t *n);

/* The days from `from` to `to` ("YYYY-MM-DD", the rest ignored): negative when to is earlier;
 * REMINDER_NO_DATE when either is not a date. */
long		 reminder_days_between(const char *from, const char *to);

/*
 * The stage due when days_left days remain before a deadline, for the stages days[] (largest
 * first, n of them): the index of the most urgent stage whose day has come, the smallest d with
 * days_left <= d. So a runner that first sees a deadline 5 days away, with stages 30 and 7,
 * sends the 7-day reminder only, and one that missed the 30th day sends that one late. -1 when
 * no stage has come yet, or the deadline itself has (days_left <= 0: the deadline's own work,
 * not a reminder).
 */
int		 reminder_due_stage(const unsigned *days, size_t n, long days_left);

/* A reminder `before` days ahead of a deadline days_left days away is due: the day has come and
 * the deadline has not passed (0 <= days_left <= before). before 0: never. */
int		 reminder_before_due(long days_left, unsigned before);
/* Something that has waited `waited` days is due a reminder after `after` days. after 0: never. */
int		 reminder_after_due(long waited, unsigned after);

/* The thesis period's stage key, "<ends_on>/<days>d": a new end date (an extension) is a new
 * key, so the moved deadline gets its own reminders. -1 when it does not fit. */
int		 reminder_thesis_key(char *out, size_t n, const char *ends_on, unsigned days);

/* How far away a day is, as a sentence says it: "i dag", "i morgen", "om 7 dage". */
void		 reminder_days_text(char *out, size_t n, long days);

#endif
