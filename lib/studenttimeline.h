/*
 * studenttimeline: everything that happened to a student's access, oldest first, with who did
 * it (issue 14; R11, R14, R15, R24, R34). See studenttimeline.c.
 */
#ifndef PORTAL_STUDENTTIMELINE_H
#define PORTAL_STUDENTTIMELINE_H

#include "db.h"
#include "tmpl.h"

/* Rows TIMELINE {AT, WHAT, BY, WHY {TEXT}} of d and HAS_TIMELINE or NO_TIMELINE, for student
 * case case_id whose student has address email. */
enum db_err	student_timeline_rows(struct db *, struct tmpl_dict *d, long long case_id,
		    const char *email);

/* The same for a datamanager's own access access_id (its request case case_id; the person's
 * address email): asked for, approved, active, suspended, lifted, ended, and the person's own
 * steps (lib/dmaccess.h). */
enum db_err	dm_timeline_rows(struct db *, struct tmpl_dict *d, long long access_id,
		    long long case_id, const char *email);

#endif
