#include "numbering.h"

#include <stdio.h>

static const struct {
	const char	*series;	/* number_series.series */
	const char	*prefix;
} series[NUMBERING__MAX] = {
	[NUMBERING_PROJECT] = { "project", "P" },
	[NUMBERING_AUTHORISATION] = { "authorisation", "UA" },
};

int
numbering_year(time_t when)
{
	struct tm tm;

	/* The programs run with TZ=Europe/Copenhagen (lib/datefmt.h). */
	if (localtime_r(&when, &tm) == NULL)
		return 1970;
	return tm.tm_year + 1900;
}

void
numbering_format(enum numbering_series s, int year, long long n, char *out, size_t len)
{
	snprintf(out, len, "%s-%d-%lld", (unsigned)s < NUMBERING__MAX ? series[s].prefix : "X",
	    year, n);
}

/*
 * The series' last number of the year plus `ahead` (0: the one just given; 1: the next), as
 * text. No row yet reads as 0.
 */
static enum db_err
read_last(struct db *db, enum numbering_series s, int year, int ahead, char *out, size_t n)
{
	struct db_result res;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT COALESCE(MAX(last), 0) + ? FROM number_series WHERE "
	    "series = ? AND year = ?", "isi", (long long)ahead, series[s].series,
	    (long long)year)) != DB_OK)
		return rc;
	numbering_format(s, year, db_cell_int(&res, 0, 0, ahead), out, n);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
numbering_next(struct db *db, enum numbering_series s, time_t when, char *out, size_t n)
{
	enum db_err rc;
	int year = numbering_year(when);

	if (n)
		out[0] = '\0';
	if ((unsigned)s >= NUMBERING__MAX)
		return DB_EARGS;
	if ((rc = db_exec(db, NULL, "INSERT INTO number_series (series, year, last) VALUES (?, ?, 1) "
	    "ON DUPLICATE KEY UPDATE last = last + 1", "si", series[s].series,
	    (long long)year)) != DB_OK)
		return rc;
	return read_last(db, s, year, 0, out, n);
}

enum db_err
numbering_peek(struct db *db, enum numbering_series s, time_t when, char *out, size_t n)
{
	if (n)
		out[0] = '\0';
	if ((unsigned)s >= NUMBERING__MAX)
		return DB_EARGS;
	return read_last(db, s, numbering_year(when), 1, out, n);
}
