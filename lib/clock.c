#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static char moved[CLOCK_DATE_LEN];	/* "" while the clock is the real one */

/* day as a struct tm at noon (no daylight-saving edge can move it a day); -1 if not a date. */
static int
parse_day(const char *day, struct tm *tm)
{
	int y, m, d;
	char tail;

	if (day == NULL || strlen(day) != 10 ||
	    sscanf(day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || day[4] != '-' || day[7] != '-')
		return -1;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	tm->tm_isdst = -1;
	if (y < 1900 || y > 9999 || timegm(tm) == (time_t)-1)
		return -1;
	/* timegm normalises 2027-02-30 to March: such a day does not exist. */
	return tm->tm_year == y - 1900 && tm->tm_mon == m - 1 && tm->tm_mday == d ? 0 : -1;
}

int
clock_set_today(const char *day)
{
	struct tm tm;

	if (day == NULL || day[0] == '\0') {
		moved[0] = '\0';
		return 0;
	}
	if (parse_day(day, &tm) != 0)
		return -1;
	snprintf(moved, sizeof(moved), "%s", day);
	return 0;
}

void
clock_today(char out[CLOCK_DATE_LEN])
{
	time_t t = time(NULL);
	struct tm tm;

	if (moved[0]) {
		memcpy(out, moved, CLOCK_DATE_LEN);
		return;
	}
	if (localtime_r(&t, &tm) == NULL || strftime(out, CLOCK_DATE_LEN, "%Y-%m-%d", &tm) == 0)
		snprintf(out, CLOCK_DATE_LEN, "1970-01-01");
}

int
clock_add_days(const char *day, int n, char out[CLOCK_DATE_LEN])
{
	struct tm tm;
	time_t t;

	if (parse_day(day, &tm) != 0)
		return -1;
	t = timegm(&tm) + (time_t)n * 86400;
	if (gmtime_r(&t, &tm) == NULL || strftime(out, CLOCK_DATE_LEN, "%Y-%m-%d", &tm) == 0)
		return -1;
	return 0;
}
