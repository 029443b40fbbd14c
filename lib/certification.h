/*
 * certification: the passes of Statistics Denmark's certification course (issue 14; R14), the
 * table certifications (migration 018). Every user must pass the course before any access.
 * FSE records a pass for a person, known by the address the portal knows them by, one by one
 * or from a list (lib/certlist.h); a person has at most one pass a day (a unique key, so a
 * list sent twice, or on two Galera nodes at once, records each pass once). A pass may expire
 * (valid_until, the last day it holds); a recorded pass can be withdrawn with a reason, never
 * deleted, so the history stays.
 *
 * Every write runs inside the caller's transaction, with its audit event, and settles the
 * person's live accesses there too (lib/studentaccess.h): a student whose access waited only
 * for the course becomes active, and is charged the user fee, in the same commit.
 */
#ifndef PORTAL_CERTIFICATION_H
#define PORTAL_CERTIFICATION_H

#include <stddef.h>

#include "certlist.h"
#include "config.h"
#include "db.h"

#define CERTIFICATION_REASON_MAX	1000	/* characters, as withdraw_reason */

struct certification {
	long long	id;
	char		email[CERTLIST_EMAIL_MAX + 1];
	char		name[CERTLIST_NAME_MAX * 4 + 1];
	char		passed_on[CERTLIST_DATE_LEN];	/* YYYY-MM-DD */
	char		valid_until[CERTLIST_DATE_LEN];	/* "" when it does not expire */
	int		from_list;			/* source 'list', else 'form' */
	char		recorded_by[256];		/* the caseworker's name */
	char		recorded_at[32];		/* UTC */
	char		withdrawn_at[32];		/* UTC; "" while it stands */
	char		withdrawn_by[256];
	char		withdraw_reason[CERTIFICATION_REASON_MAX * 4 + 1];
};

struct certification_list {
	struct certification	*rows;		/* newest recorded first */
	size_t			 nrows;
	size_t			 total;		/* rows that matched, beyond the limit too */
};

/* What one person's passes say on a day: the newest pass valid that day, else the newest
 * that has expired by then (withdrawn ones count for nothing). */
struct certification_status {
	int	valid;					/* a pass holds on the day */
	char	passed_on[CERTLIST_DATE_LEN];		/* that pass, or the expired one; "" none */
	char	valid_until[CERTLIST_DATE_LEN];		/* "" when it does not expire */
};

/* A pass to record: the address lower-case, the days YYYY-MM-DD (checked by the caller). */
struct certification_new {
	const char	*email;
	const char	*name;
	const char	*passed_on;
	const char	*valid_until;	/* NULL or "": it does not expire */
	int		 from_list;
};

/*
 * Records a pass in the caller's transaction: the row, the audit event certification.record,
 * and the person's accesses settled with cfg (lib/studentaccess.h: a student whose access turns
 * active is told by mail; *activated: how many became active; may be NULL). *id
 * gets the new row's id (may be NULL). DB_EDUP when the person already has a pass recorded on
 * that day (withdrawn or not): nothing is written and the transaction goes on.
 */
enum db_err	certification_record(struct db *, const struct config *,
		    const struct certification_new *, long long actor, const char *remote_addr,
		    long long *id, int *activated);

/*
 * Withdraws pass id with a reason, in the caller's transaction, with the audit event
 * certification.withdraw; the person's accesses are settled again. *done is 0 when there is
 * no such pass or it is withdrawn already (nothing written).
 */
enum db_err	certification_withdraw(struct db *, const struct config *, long long id,
		    const char *reason, long long actor, const char *remote_addr, int *done);

/* One pass; DB_OK with c->id 0 when there is none. */
enum db_err	certification_get(struct db *, long long id, struct certification *c);

/* The passes whose address or name contains search (NULL or "": all), newest recorded first,
 * at most limit of them. Free with certification_list_free. */
enum db_err	certification_find(struct db *, const char *search, size_t limit,
		    struct certification_list *);
void		certification_list_free(struct certification_list *);

/* The passes of the person with address email on day (YYYY-MM-DD); with lock, a locking read
 * (inside a transaction that acts on the answer: lib/studentaccess.c). */
enum db_err	certification_status(struct db *, const char *email, const char *day, int lock,
		    struct certification_status *);

#endif
