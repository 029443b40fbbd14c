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

/* H. Hinnant's civil_from_days, the year only. */
static int
year_of(long n)
{
	long z = n + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long m = mp < 10 ? mp + 3 : mp - 9;

	return (int)(yoe + era * 400 + (m <= 2));
}

/* Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as a day number. */
static long
easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
	int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;

	return workdays_day_number(y, month, day);
}

int
workdays_holiday(long n)
{
	/* Days after Easter Sunday: Maundy Thursday, Good Friday, Easter Monday, Ascension Day,
	 * Whit Monday. Store Bededag (26) was a holiday until 2023. */
	static const int after_easter[] = { -3, -2, 1, 39, 50 };
	static const int fixed[][2] = { { 1, 1 }, { 6, 5 }, { 12, 24 }, { 12, 25 }, { 12, 26 },
		{ 12, 31 } };
	int y = year_of(n);
	long e = easter(y);
	size_t i;

	for (i = 0; i < sizeof(after_easter) / sizeof(after_easter[0]); i++)
		if (n == e + after_easter[i])
			return 1;
	if (y <= 2023 && n == e + 26)
		return 1;
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (n == workdays_day_number(y, fixed[i][0], fixed[i][1]))
			return 1;
	return 0;
}

long
workdays_between(long from, long to)
{
	long count = 0, d;

	if (to <= from)
		return 0;
	/* Bounded: a queue's ages are days to months; ten years is plenty and keeps it cheap. */
	if (to - from > 3660)
		from = to - 3660;
	for (d = from + 1; d <= to; d++)
		if (workdays_weekday(d) < 5 && !workdays_holiday(d))
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
