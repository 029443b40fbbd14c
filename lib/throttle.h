/*
 * throttle: failed logins per account and per client address, in the database so every process
 * sees them. After login_free_failures failures each further try must wait, the wait doubling up
 * to login_max_delay; failures older than an hour are forgotten; a success clears the account.
 */
#ifndef PORTAL_THROTTLE_H
#define PORTAL_THROTTLE_H

#include "config.h"
#include "db.h"

/* 1 when the account or the address must wait now, 0 when not, -1 on a database error. */
int		throttle_blocked(struct db *, const char *account, const char *address);
enum db_err	throttle_fail(struct db *, const struct config *, const char *account,
		    const char *address);
enum db_err	throttle_clear(struct db *, const char *account);

#endif
