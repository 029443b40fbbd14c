#include "reminder.h"

#include <stdio.h>
#include <string.h>

#include "workdays.h"

static const char *const reminder_errs[REMINDER__MAX] = {
	[REMINDER_OK] = "no error",
	[REMINDER_ESYNTAX] = "not a list of whole numbers of days separated by commas",
	[REMINDER_ERANGE] = "a number of days outside 1-366, or the same number twice",
	[REMINDER_ETOOMANY] = "more than 8 numbers of days",
};

const char *
reminder_strerror(enum reminder_err e)
{
	return (unsigned)e < REMINDER__MAX ? reminder_errs[e] : "unknown error";
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

enum reminder_err
reminder_parse_days(const char *text, size_t len, unsigned days[REMINDER_MAX_STAGES], size_t *n)
{
	size_t i = 0, k, j;
	unsigned v, t;
	int digits;

	*n = 0;
	while (i < len && is_blank(text[i]))
		i++;
	if (i == len)
		return REMINDER_OK;	/* no reminders */
	for (;;) {
		while (i < len && is_blank(text[i]))
			i++;
		v = 0;
		digits = 0;
		while (i < len && text[i] >= '0' && text[i] <= '9') {
			if (v > REMINDER_MAX_DAYS)	/* stays bounded; refused below */
				v = REMINDER_MAX_DAYS + 1;
			else
				v = v * 10 + (unsigned)(text[i] - '0');
			digits++;
			i++;
		}
		if (digits == 0)
			return REMINDER_ESYNTAX;
		if (v < 1 || v > REMINDER_MAX_DAYS)
			return REMINDER_ERANGE;
		for (k = 0; k < *n; k++)
			if (days[k] == v)
				return REMINDER_ERANGE;
		if (*n == REMINDER_MAX_STAGES)
			return REMINDER_ETOOMANY;
		days[(*n)++] = v;
		while (i < len && is_blank(text[i]))
			i++;
		if (i == len)
			break;
		if (text[i] != ',')
			return REMINDER_ESYNTAX;
		i++;
	}
	/* Largest first: a handful of numbers, insertion sort. */
	for (k = 1; k < *n; k++)
		for (j = k; j > 0 && days[j - 1] < days[j]; j--) {
			t = days[j];
			days[j] = days[j - 1];
			days[j - 1] = t;
		}
	return REMINDER_OK;
}

static int
day_number(const char *s, long *out)
{
	int y, m, d;

	if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return -1;
	*out = workdays_day_number(y, m, d);
	return 0;
}

long
reminder_days_between(const char *from, const char *to)
{
	long a, b;

	if (day_number(from, &a) != 0 || day_number(to, &b) != 0)
		return REMINDER_NO_DATE;
	return b - a;
}

int
reminder_due_stage(const unsigned *days, size_t n, long days_left)
{
	int due = -1;
	size_t i;

	if (days_left <= 0)
		return -1;
	for (i = 0; i < n; i++)
		if (days_left <= (long)days[i] && (due < 0 || days[i] < days[due]))
			due = (int)i;
	return due;
}

int
reminder_before_due(long days_left, unsigned before)
{
	return before > 0 && days_left >= 0 && days_left <= (long)before;
}

int
reminder_after_due(long waited, unsigned after)
{
	return after > 0 && waited >= (long)after;
}

int
reminder_thesis_key(char *out, size_t n, const char *ends_on, unsigned days)
{
	int w;

	if (ends_on == NULL || strlen(ends_on) != 10)
		return -1;
	w = snprintf(out, n, "%s/%ud", ends_on, days);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

void
reminder_days_text(char *out, size_t n, long days)
{
	if (days == 0)
		snprintf(out, n, "i dag");
	else if (days == 1)
		snprintf(out, n, "i morgen");
	else
		snprintf(out, n, "om %ld dage", days);
}
