#include "workdays.h"

#include <stdio.h>

long
workdays_day_number(int year, int month, int day)
{
	/* H. Hinnant's days_from_civil. */
	long y = (long)year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

int
workdays_weekday(long n)
{
	/* 1970-01-01 was a Thursday (3). */
	long w = (n + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

long
workdays_between(long from, long to)
{
	long days, weeks, count, d;

	if (to <= from)
		return 0;
	days = to - from;
	weeks = days / 7;
	count = weeks * 5;
	for (d = from + weeks * 7 + 1; d <= to; d++)
		if (workdays_weekday(d) < 5)
			count++;
	return count;
}

static int
parse(const char *s, long *out)
{
	int y, m, d, n = 0;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return -1;
	*out = workdays_day_number(y, m, d);
	return 0;
}

long
workdays_between_dates(const char *from, const char *to)
{
	long a, b;

	if (parse(from, &a) != 0 || parse(to, &b) != 0)
		return -1;
	return workdays_between(a, b);
}
