/*
 * datefmt: times as Danes read them. The database keeps UTC (db.c sets time_zone '+00:00');
 * pages and mails show Copenhagen time with summer time. Programs set TZ=Europe/Copenhagen in
 * main() (fcgi_main does it for every FastCGI program), so localtime_r gives the Danish time.
 */
#ifndef PORTAL_DATEFMT_H
#define PORTAL_DATEFMT_H

#include <stddef.h>

enum datefmt_style {
	DATEFMT_DATE,		/* "29-11-2026" */
	DATEFMT_DATETIME,	/* "29-11-2026 kl. 14:05" */
	DATEFMT_ISO_DATE,	/* "2026-11-29": the Danish day, for computing with */
};

/* utc is "YYYY-MM-DD HH:MM:SS[.ffffff]" as MariaDB prints a DATETIME; anything else is copied
 * as it is (and NULL gives ""). */
void	datefmt_danish(char *out, size_t outlen, const char *utc, enum datefmt_style);
/* A calendar day, "YYYY-MM-DD" as MariaDB prints a DATE (already a Danish day, no time zone to
 * move it), as Danes read it: "29-11-2026". Anything else is copied as it is. */
void	datefmt_day(char *out, size_t outlen, const char *ymd);

#endif
