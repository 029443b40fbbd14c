#include "datefmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void
datefmt_danish(char *out, size_t outlen, const char *utc, enum datefmt_style style)
{
	struct tm tm;
	time_t t;
	size_t n;

	memset(&tm, 0, sizeof(tm));
	if (utc == NULL || sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, outlen, "%s", utc ? utc : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL) {
		snprintf(out, outlen, "%s", utc);
		return;
	}
	/* Literal formats only (-Wformat-nonliteral). */
	switch (style) {
	case DATEFMT_DATETIME:
		n = strftime(out, outlen, "%d-%m-%Y kl. %H:%M", &tm);
		break;
	case DATEFMT_ISO_DATE:
		n = strftime(out, outlen, "%Y-%m-%d", &tm);
		break;
	default:
		n = strftime(out, outlen, "%d-%m-%Y", &tm);
		break;
	}
	if (n == 0)
		snprintf(out, outlen, "%s", utc);
}

void
datefmt_day(char *out, size_t outlen, const char *ymd)
{
	char utc[32];

	if (ymd == NULL || strlen(ymd) != 10) {
		snprintf(out, outlen, "%s", ymd ? ymd : "");
		return;
	}
	/* Noon UTC is the same day in Copenhagen, summer or winter. */
	snprintf(utc, sizeof(utc), "%s 12:00:00", ymd);
	datefmt_danish(out, outlen, utc, DATEFMT_DATE);
}
