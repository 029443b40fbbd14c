/*
 * fees: the dated rate table (issue 6; R23, R24, R29). Fees are rates that change over time, set
 * by FSE staff, never prices in code (R29). Each rate has a kind, an amount in whole øre (no
 * floating point), and a period: valid_from to valid_to, BOTH DAYS INCLUDED; an empty valid_to
 * means "until further notice". Periods of one kind never overlap.
 *
 * A proposal and a re-proposal cost the proposal rate valid on the day of submission (R23):
 * fees_rate_on(db, FEES_PROPOSAL, day, ...). Data for the broad projects cost nothing (R23), and
 * only students pay the user fee (R24): callers decide who pays, this module only says what a
 * kind costs on a day.
 *
 * Dates are "YYYY-MM-DD" strings (they compare as text). "Today" is the process's local date:
 * the programs set TZ=Europe/Copenhagen, so it is the Danish day.
 *
 * The pure functions (parsing, formatting, the overlap rule, picking the rate of a day) need no
 * database and are unit-tested; the rest run against MariaDB.
 */
#ifndef PORTAL_FEES_H
#define PORTAL_FEES_H

#include <stddef.h>

#include "db.h"

enum fees_err {
	FEES_OK = 0,
	FEES_ENONE,		/* no rate of that kind is valid on that day */
	FEES_EAMOUNT,		/* not an amount in kroner, negative, or too large */
	FEES_EDATE,		/* not a date (YYYY-MM-DD or DD-MM-YYYY), or no such day */
	FEES_EPERIOD,		/* valid_to before valid_from */
	FEES_EOVERLAP,		/* the period overlaps another of the same kind */
	FEES_EKIND,		/* not a rate kind */
	FEES_ENOTE,		/* note too long or with control bytes */
	FEES_EDB,		/* a database error (db_errmsg says which, for the log) */
	FEES_ERETRY,		/* deadlock or lock wait: run the transaction again */
	FEES_ENOMEM,
	FEES__MAX
};

enum fees_kind {
	FEES_PROPOSAL,		/* per project proposal or re-proposal (R23) */
	FEES_STUDENT_USER,	/* per student user (R24) */
	FEES_CASEWORK_HOUR,	/* per hour of case work (R29) */
	FEES_CERTIFICATION,	/* per user certification (R29) */
	FEES_KIND__MAX
};

#define FEES_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */
#define FEES_NOTE_MAX	200	/* characters, as the column */
/* The largest amount accepted: 10 million kroner, far above any fee, far below overflow. */
#define FEES_MAX_ORE	1000000000LL
/* Room for fees_format_dkk's largest output ("10.000.000,00 kr.") with margin. */
#define FEES_AMOUNT_LEN	32

/* The note of the seeded placeholder rates (portalctl seed-demo-rates). */
#define FEES_DEMO_NOTE	"Demoværdi – ikke en gældende takst"

struct fees_rate {
	long long	 id;
	enum fees_kind	 kind;
	long long	 ore;
	char		 valid_from[FEES_DATE_LEN];
	char		 valid_to[FEES_DATE_LEN];	/* "" = until further notice */
	char		 note[FEES_NOTE_MAX * 4 + 1];
	int		 is_demo;
	long long	 created_by;			/* 0 when none (portalctl) */
	char		 created_at[32];		/* UTC "YYYY-MM-DD HH:MM:SS..." */
};

struct fees_list {
	struct fees_rate	*rows;		/* by kind, then valid_from */
	size_t			 nrows;
};

/* What fees_add did besides inserting: the open-ended rate it ended, if any. */
struct fees_closed {
	long long	 id;				/* 0: none */
	char		 valid_to[FEES_DATE_LEN];	/* its new last day */
};

const char	*fees_strerror(enum fees_err);
/* "proposal", "student_user", ...: the column's values. */
const char	*fees_kind_name(enum fees_kind);
/* Danish, for pages: "Projektindstilling", ... */
const char	*fees_kind_label(enum fees_kind);
/* What one unit of the kind is, in Danish: "pr. forslag", "pr. time", ... */
const char	*fees_kind_unit(enum fees_kind);
/* The kind named by its column value; -1 when none. */
int		 fees_kind_parse(const char *);

/* ---- pure ----------------------------------------------------------------------------------- */

/*
 * An amount in kroner as people type it, into øre: "1250", "1.250", "1.250,00", "1250,5",
 * "1 250,50 kr." Thousands separators are '.' or a space (only in groups of three), the decimal
 * comma ',' has one or two digits; "kr"/"kr."/"DKK" after the number is allowed. Refused
 * (FEES_EAMOUNT): empty, negative, anything else, more than two decimals, above FEES_MAX_ORE.
 */
enum fees_err	 fees_parse_dkk(const char *s, long long *ore);
/* "1.250,00 kr." (outlen >= FEES_AMOUNT_LEN); negative amounts get a leading '-'. */
void		 fees_format_dkk(long long ore, char *out, size_t outlen);
/* The same without " kr.", as a form field shows it again: "1.250,00". */
void		 fees_format_dkk_plain(long long ore, char *out, size_t outlen);
/* A date as "YYYY-MM-DD" or "DD-MM-YYYY" (also with '.' or '/'), into YYYY-MM-DD; checks the
 * day exists (years 1900-9999). */
enum fees_err	 fees_parse_date(const char *s, char out[FEES_DATE_LEN]);
/* The day before a valid YYYY-MM-DD date. */
enum fees_err	 fees_day_before(const char *date, char out[FEES_DATE_LEN]);
/* Today's local date. */
void		 fees_today(char out[FEES_DATE_LEN]);
/* "1. januar 2027" for pages. */
void		 fees_format_date(const char *date, char *out, size_t outlen);

/*
 * May a new period [from, to] (to NULL or "": until further notice) join the existing periods of
 * one kind? FEES_OK, or FEES_EPERIOD (to < from), or FEES_EOVERLAP with *clash the index of the
 * first period it overlaps.
 *
 * The one convenience: an open-ended existing period that began before `from` is not a clash;
 * its index goes to *close (else (size_t)-1), and the caller ends it the day before `from`. That
 * is how a new rate "from 1 January" replaces the current one without a second edit.
 */
enum fees_err	 fees_check_period(const struct fees_rate *existing, size_t n, const char *from,
		    const char *to, size_t *clash, size_t *close);
/* The rate valid on date among rates (one kind), or NULL: from <= date <= to (to "" = open). */
const struct fees_rate *fees_pick(const struct fees_rate *rates, size_t n, const char *date);

/* ---- against the database ------------------------------------------------------------------- */

/*
 * The amount of kind valid on date (NULL: today), in øre, and its rate's id (rate_id may be
 * NULL). FEES_ENONE when no rate is valid that day. A caller that charges a fee stores the
 * rate_id with the charge, so the fee can be explained later.
 */
enum fees_err	 fees_rate_on(struct db *, enum fees_kind, const char *date, long long *ore,
		    long long *rate_id);

struct fees_new {
	enum fees_kind	 kind;
	long long	 ore;
	const char	*valid_from;	/* YYYY-MM-DD */
	const char	*valid_to;	/* YYYY-MM-DD, or NULL/"": until further notice */
	const char	*note;		/* NULL: none */
	int		 is_demo;
};

/*
 * Adds a rate inside the CALLER'S transaction (db_begin before, db_commit after), so the rate
 * and whatever the caller writes with it commit together. It writes the kind's row in
 * rate_kinds (what carries the rule on a Galera cluster), locks the kind's rows with
 * SELECT ... FOR UPDATE, checks the period (fees_check_period), ends an open-ended earlier rate
 * the day before the new one starts (reported in *closed, which may be NULL), inserts, and writes
 * the audit events fee.rate.add (and fee.rate.close) with actor (0: none, e.g. portalctl) and
 * remote_addr. On any error the caller rolls back. *id gets the new rate's id (id may be NULL).
 * FEES_EOVERLAP names no row; the page lists the periods anyway.
 */
enum fees_err	 fees_add(struct db *, const struct fees_new *, long long actor,
		    const char *remote_addr, long long *id, struct fees_closed *closed);

/* Every rate, of one kind or of all (kind < 0), by kind then valid_from. Free with
 * fees_list_free. */
enum fees_err	 fees_list(struct db *, int kind, struct fees_list *);
void		 fees_list_free(struct fees_list *);

#endif
