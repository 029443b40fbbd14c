/*
 * numbering: FSE's numbers, per series and year from 1 with no gaps (issue 11; R16: the FSE
 * project number of an approved proposal; the number of an approved authorisation). The year is
 * the Danish one (Europe/Copenhagen: an approval at 00:30 on 1 January is in the new year).
 */
#ifndef PORTAL_NUMBERING_H
#define PORTAL_NUMBERING_H

#include <stddef.h>
#include <time.h>

#include "db.h"

enum numbering_series {
	NUMBERING_PROJECT,		/* P-2026-1 */
	NUMBERING_AUTHORISATION,	/* UA-2026-1 */
	NUMBERING__MAX
};

/*
 * The next number of the series for the Danish year of `when`, formatted into out, inside the
 * caller's transaction (its counter row is written, so the number is given back on rollback and
 * two approvals at once never get the same one).
 */
enum db_err	numbering_next(struct db *, enum numbering_series, time_t when, char *out, size_t n);
/*
 * The number the next approval will most likely get (read only, nothing reserved: another
 * approval may take it first), for the page that asks before approving (issue 11).
 */
enum db_err	numbering_peek(struct db *, enum numbering_series, time_t when, char *out, size_t n);
/* The number as text, "P-2026-7". Pure. */
void		numbering_format(enum numbering_series, int year, long long n, char *out,
		    size_t len);
/* The Danish calendar year of a moment. */
int		numbering_year(time_t when);

#endif
