/*
 * dmaccess: a datamanager's own user access (issue 14; R11: an administrator who is also
 * datamanager may get user access, to form populations for the projects; R14, R15, R24). The
 * responsible asks FSE for it (a case of kind 'datamanager_user'); it is active only while
 * everything holds, the same rule as a student's without the student's own steps (Annex 1,
 * a project, the thesis period): FSE has approved the person as a user (an FSE user id), they
 * hold both roles on the authorisation, the current user agreement is accepted, the
 * certification course is passed and valid today, and no sanction is in force. The first time
 * everything holds, the access is marked active, the user fee is charged (R24: a special-role
 * holder pays when they use data themselves) and the person is told by mail.
 *
 * Settling works as a student's (lib/studentaccess.h): every handler that changes a fact calls
 * dm_access_settle in its own transaction; it writes the access row first, then reads the facts
 * with locking reads, so two facts committed at once cannot each miss the other.
 */
#ifndef PORTAL_DMACCESS_H
#define PORTAL_DMACCESS_H

#include "config.h"
#include "db.h"
#include "studentprogress.h"
#include "tmpl.h"

/* One access as its row says (live, or the person's newest). */
struct dm_access {
	long long	id, authorisation_id, user_id, case_id;
	char		name[256], email[256];
	char		requested_at[32], approved_at[32], ended_at[32];	/* UTC; "" none */
	char		end_reason[1000 * 4 + 1];
	char		fse_id[33];	/* as FSE approved it; "" until then */
	int		case_state;	/* enum case_state of the request */
};

/* The facts beyond the row: the person's (agreement, certification: the student's fields) and
 * the access's (both roles, a sanction, the fee, the first activation). */
struct dm_progress {
	struct student_progress	person;	/* fse_id, agreement_accepted, certified and its dates,
					   suspended, activated_at, fee_charged */
	int			roles_held;	/* administrator and datamanager, both */
	int			ended;
};

/* The live access of user uid on authorisation auth, or (live 0) the newest; a->id 0 none. */
enum db_err	dm_access_find(struct db *, long long auth, long long uid, int live,
		    struct dm_access *a);
/* The access with that id on authorisation auth (another's: a->id 0). */
enum db_err	dm_access_get(struct db *, long long auth, long long id, int lock,
		    struct dm_access *a);

enum db_err	dm_progress_read(struct db *, const struct dm_access *, struct dm_progress *);
/* Pure: everything holds. */
int		dm_progress_active(const struct dm_progress *);
/* The checklist as lib/studentprogress.h's rows, for the person (self) or staff. */
void		dm_progress_rows(struct tmpl_dict *d, const struct dm_access *,
		    const struct dm_progress *, int self);

/* Settles access id inside the caller's transaction; *activated (may be NULL) is 1 when it
 * turned active for the first time. */
enum db_err	dm_access_settle(struct db *, const struct config *, long long id, long long actor,
		    const char *remote_addr, int *activated);
/* The same for every live access of the person with that address (a certification, the user
 * agreement); *activated counts first activations (may be NULL). */
enum db_err	dm_access_settle_email(struct db *, const struct config *, const char *email,
		    long long actor, const char *remote_addr, int *activated);

#endif
