/*
 * auth: the one function every handler calls before touching an object, and the check the
 * accept loop makes before every handler (issue 3). It loads the user's roles once a request,
 * asks policy_decide(), and turns the answer into the response: a redirect to the login page,
 * 403, or 404 for another institution's object. Holders of roles that grant access are sent to
 * enrol the second factor first.
 */
#ifndef PORTAL_AUTH_H
#define PORTAL_AUTH_H

#include "ctx.h"
#include "db.h"
#include "policy.h"

/* Active roles of a user: FSE roles, roles on one authorisation, and roles anywhere. */
enum db_err	auth_roles(struct db *, long long user_id, long long authorisation_id,
		    unsigned *global, unsigned *object, unsigned *any);

/*
 * 0 when the logged-in user may take the action (on the authorisation, for that scope);
 * otherwise the status the handler returns as it is (303 to log in or to enrol TOTP, 403,
 * 404, 503). Marks the request as checked.
 */
int		auth_require(struct ctx *, enum action, long long authorisation_id);
/* Whether the user could take the action, without answering: for showing a button or not. */
int		auth_can(struct ctx *, enum action, long long authorisation_id);

#endif
