/*
 * audit: the trail of R33/R34. Every login, grant, revoke and read of another person's data is
 * one row, written in the caller's transaction so it exists exactly when the change does.
 */
#ifndef PORTAL_AUDIT_H
#define PORTAL_AUDIT_H

#include "db.h"

/* actor, object_id and subject 0 mean none. detail: short, no secrets. */
enum db_err	audit_event(struct db *, long long actor, const char *action,
		    const char *object_type, long long object_id, long long subject,
		    const char *remote_addr, const char *detail);

#endif
