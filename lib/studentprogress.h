/*
 * studentprogress: whether a thesis student's access to their project is active, and what it
 * still waits for, and for whom (issue 13, item 8; issue 14; R10, R11, R14, R15, R24, R27). The
 * access is active only when everything holds: the signed Annex 1 filed, the FSE user id, the
 * project access granted, the current user agreement accepted, the certification course passed
 * and valid today (R14), the thesis period not ended (R11) and no sanction in force (R11). Read
 * once for the three who look at it: the student ("Mit speciale"), the institution (the student
 * case's page) and FSE (its case page); lib/studentaccess.c acts on the same facts.
 */
#ifndef PORTAL_STUDENTPROGRESS_H
#define PORTAL_STUDENTPROGRESS_H

#include "clock.h"
#include "db.h"
#include "tmpl.h"

struct student_progress {
	int	annex1_signed;		/* the signed Annex 1 is on the case (R27) */
	char	fse_id[33];		/* FSE approved the student as a user (R10); "" until then */
	long long access_id;		/* the live access (R11, R20); 0 none */
	char	project[340];		/* "<number> <title>" of the live access; "" none */
	int	agreement_accepted;	/* the current user agreement, by the student (R15) */
	int	certified;		/* a pass of the course valid today (R14) */
	char	cert_passed_on[CLOCK_DATE_LEN];		/* that pass; "" none */
	char	cert_valid_until[CLOCK_DATE_LEN];	/* "" when it does not expire */
	char	cert_expired_on[CLOCK_DATE_LEN];	/* a pass that has expired; "" none */
	char	ends_on[CLOCK_DATE_LEN];	/* the live access's end (R11); "" none */
	int	period_ended;		/* today is the end date or later */
	int	suspended;		/* a sanction in force (R11) */
	char	activated_at[32];	/* the first time everything held (UTC); "" never */
	int	fee_charged;		/* the user fee is on the authorisation's fees (R24) */
};

/*
 * The facts of student case case_id on authorisation auth, whose student has address email,
 * on the day clock_today() says.
 */
enum db_err	student_progress_read(struct db *, long long case_id, long long auth,
		    const char *email, struct student_progress *);
/* The same with locking reads, inside a transaction that acts on the answer: they see what
 * others committed since the transaction began, and hold it until this one ends. */
enum db_err	student_progress_read_locked(struct db *, long long case_id, long long auth,
		    const char *email, struct student_progress *);

/* Pure: everything holds. */
int		student_progress_active(const struct student_progress *);

/* Who reads the checklist: the student themselves ("du"), or staff. */
enum student_reader { STUDENT_READER_SELF, STUDENT_READER_STAFF };

/*
 * The checklist as rows CHECK {TEXT, DONE | NOT_YET, WHO {TEXT}} of d, in the order access
 * comes (WHO: whose move it is, for a step not done), and ACCESS_ACTIVE or ACCESS_WAITING.
 */
void		student_progress_rows(struct tmpl_dict *d, const struct student_progress *,
		    enum student_reader);

/*
 * The parts lib/dmaccess.c shares (a datamanager's own access rests on the same facts of the
 * person): one fact, the first cell of sql as a number (a locking read when lock; types as
 * db_exec's, at most two: "", "i", "s" or "is"); the person's certification on today into p's
 * cert fields; the course's line of the checklist; one checklist row.
 */
enum db_err	student_progress_fact(struct db *, int lock, long long *out, const char *sql,
		    const char *types, long long i, const char *s);
enum db_err	student_progress_certification(struct db *, int lock, const char *email,
		    const char *today, struct student_progress *p);
void		student_progress_cert_text(char *out, size_t n, const struct student_progress *,
		    int self);
void		student_progress_row(struct tmpl_dict *d, const char *text, int done,
		    const char *who);

#endif
