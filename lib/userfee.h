/*
 * userfee: the user fee (R24, R29), charged once when a person's access first becomes active:
 * a thesis student's (lib/studentaccess.c), or a datamanager's who uses data themselves
 * (lib/dmaccess.c; R24: special-role holders pay only then). At the student-user rate valid
 * that day, the one user rate the rate table has; once per case, under the unique key of
 * migrations 018 and 022, so two activations racing (on one server or two Galera nodes)
 * charge one fee.
 */
#ifndef PORTAL_USERFEE_H
#define PORTAL_USERFEE_H

#include "db.h"

enum user_fee_kind { USER_FEE_STUDENT, USER_FEE_DATAMANAGER };

/* Charges the fee of kind on case_id of authorisation auth, inside the caller's transaction;
 * charged already, or no rate that day (logged), is DB_OK with nothing written. */
enum db_err	user_fee_charge(struct db *, enum user_fee_kind, long long case_id, long long auth,
		    long long actor, const char *remote_addr);

#endif
