/*
 * studentaccess: acting on a student's access when its facts change (issue 14; R11, R14, R24,
 * R29). Every handler that changes one of the facts of lib/studentprogress.h (access granted or
 * moved, the user agreement accepted, a certification recorded, a sanction lifted) calls
 * student_access_settle in its own transaction, after its write. The first time everything
 * holds, the access is marked active, the user fee is charged at the student-user rate
 * valid that day (R24, R29) and the student is told by mail that they can begin (R32). The mark is a write to the access row the caller holds, and the
 * fee sits under a unique key per student case, so two activations racing (on one server or on
 * two Galera nodes) charge one fee; special-role holders are never charged here (R24).
 */
#ifndef PORTAL_STUDENTACCESS_H
#define PORTAL_STUDENTACCESS_H

#include "config.h"
#include "db.h"

/* What settling did. */
enum student_settled {
	STUDENT_SETTLED_NONE = 0,	/* no live access, or it is not active (yet, or any more) */
	STUDENT_SETTLED_ACTIVE,		/* active, and it was before */
	STUDENT_SETTLED_ACTIVATED,	/* active for the first time: marked, fee charged */
};

/*
 * Settles student case case_id's live access, inside the caller's transaction; actor 0 is the
 * portal itself (the scheduled runner). *out may be NULL.
 */
enum db_err	student_access_settle(struct db *, const struct config *, long long case_id,
		    long long actor, const char *remote_addr, enum student_settled *out);
/* The same for every live access of the person with that address (a certification, the user
 * agreement: facts of the person, not of one case). *activated counts first activations. */
enum db_err	student_access_settle_email(struct db *, const struct config *,
		    const char *email, long long actor, const char *remote_addr, int *activated);

#endif
