/*
 * studentprogress: what a thesis student's access still waits for (issue 13, item 8; R10, R11,
 * R15, R27), read once for the three who look at it: the student ("Mit speciale"), the
 * institution (the student case's page) and FSE (its case page). The certification course and
 * the user fee (R14, R24) are not built yet (issue 14): they are always "not yet", said so.
 */
#ifndef PORTAL_STUDENTPROGRESS_H
#define PORTAL_STUDENTPROGRESS_H

#include "db.h"
#include "tmpl.h"

struct student_progress {
	int	annex1_signed;		/* the signed Annex 1 is on the case (R27) */
	char	fse_id[33];		/* FSE approved the student as a user (R10); "" until then */
	char	project[340];		/* "<number> <title>" of the live access (R11, R20); "" none */
	int	agreement_accepted;	/* the current user agreement, by the student (R15) */
};

/* The facts of student case case_id on authorisation auth, whose student has address email. */
enum db_err	student_progress_read(struct db *, long long case_id, long long auth,
		    const char *email, struct student_progress *);

/* Who reads the checklist: the student themselves ("du"), or staff. */
enum student_reader { STUDENT_READER_SELF, STUDENT_READER_STAFF };

/* The checklist as rows CHECK {TEXT, DONE | NOT_YET | LATER {WHY}} of d, in the order access
 * comes. */
void		student_progress_rows(struct tmpl_dict *d, const struct student_progress *,
		    enum student_reader);

#endif
