/*
 * workdays: how many working days lie between two dates, pure (issue 5: the FSE queue shows each
 * application's age in working days, R30). A working day is Monday to Friday except the days a
 * Danish state office is closed: the public holidays (Easter computed for the year), Store
 * Bededag until 2023 when it was abolished, Grundlovsdag (5 June), and 24, 25, 26 and 31
 * December.
 */
#ifndef PORTAL_WORKDAYS_H
#define PORTAL_WORKDAYS_H

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
long	workdays_day_number(int year, int month, int day);
/* 0 Monday .. 6 Sunday. */
int	workdays_weekday(long day_number);
/* 1 when the day is a Danish public holiday or another day the state is closed (above). */
int	workdays_holiday(long day_number);
/*
 * The working days after `from` up to and including `to` (day numbers): a case submitted on a
 * Friday is 1 working day old on Monday, 0 on the weekend. 0 when to is not after from.
 */
long	workdays_between(long from, long to);
/* The same for "YYYY-MM-DD..." strings (the rest, e.g. a time, is ignored); -1 when malformed. */
long	workdays_between_dates(const char *from, const char *to);

#endif
