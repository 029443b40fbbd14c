/*
 * clock: the one "today" of the rules that depend on the date: a certification's valid-until
 * (R14), the thesis period's end (R11), the fee rate of the day (R23, R24) and the reminders
 * before a deadline (R32). The local date (the programs run with TZ=Europe/Copenhagen), unless a
 * test has moved it: the scheduled runner's --today, or the `clock_today` setting of a test
 * stack. Tests move the clock; they never sleep.
 */
#ifndef PORTAL_CLOCK_H
#define PORTAL_CLOCK_H

#define CLOCK_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */

/* From now on, today is day (YYYY-MM-DD, checked); NULL or "" for the real date. 0, or -1
 * when day is not a date (the clock is left as it was). */
int		clock_set_today(const char *day);
/* Today, as YYYY-MM-DD. */
void		clock_today(char out[CLOCK_DATE_LEN]);
/* The day n days after day (n may be negative), as YYYY-MM-DD; -1 when day is not a date. */
int		clock_add_days(const char *day, int n, char out[CLOCK_DATE_LEN]);

#endif
