/*
 * cases: the generic case in the database (issue 5). Every function works inside the caller's
 * transaction, so a state change, its event, its audit entry and its mails commit together.
 * Changes are optimistic: the caller says which version it saw, and a case changed in between
 * answers CASES_ECONFLICT instead of being overwritten (two caseworkers at once).
 */
#ifndef PORTAL_CASES_H
#define PORTAL_CASES_H

#include "casefsm.h"
#include "db.h"

enum cases_err {
	CASES_OK = 0,
	CASES_ENOTFOUND,
	CASES_ECONFLICT,	/* someone changed the case since the caller read it */
	CASES_ENOTALLOWED,	/* the state machine has no such move for this side */
	CASES_EREASON,		/* the move needs a reason */
	CASES_ENOTEDITABLE,	/* the form is not a draft and not returned for changes */
	CASES_EDB,		/* see db_errmsg */
	CASES__MAX
};

struct case_row {
	long long	 id;
	char		 type[32];	/* CASEKIND_TYPE_MAX: the longest kind, "datamanager_user", fits */
	enum case_state	 state;
	unsigned	 version;
	long long	 created_by;
	long long	 authorisation_id;	/* 0: none */
	char		*title;
	char		*data;			/* urlencoded form */
};

const char	*cases_strerror(enum cases_err);
enum cases_err	 cases_create(struct db *, const char *type, long long created_by,
		    long long authorisation_id, const char *title, const char *data,
		    long long *id);
/* lock: SELECT ... FOR UPDATE (inside a transaction). */
enum cases_err	 cases_load(struct db *, long long id, int lock, struct case_row *);
void		 case_row_free(struct case_row *);
enum cases_err	 cases_save(struct db *, long long id, unsigned expected_version,
		    const char *title, const char *data, unsigned *new_version);
enum cases_err	 cases_move(struct db *, long long id, unsigned expected_version,
		    enum case_state to, enum case_side, long long actor, const char *reason,
		    const char *remote_addr, unsigned *new_version);
/* What changed between the last two submissions (0 changes after the first). */
int		 cases_resubmission_diff(struct db *, long long id, struct case_change **out);

#endif
