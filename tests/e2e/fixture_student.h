/*
 * A thesis student written straight into the test stack's database, as far along as a test
 * needs (issue 14): the student case (approved), the signed Annex 1, FSE's approval with an FSE
 * user id, the live access to a project until an end date, the current user agreement accepted
 * by the student's user, and a certification pass. What the portal's own forms do to get there
 * is tested in test_students; suites about what comes after start from here.
 */
#ifndef PORTAL_TESTS_FIXTURE_STUDENT_H
#define PORTAL_TESTS_FIXTURE_STUDENT_H

#define FXS_ANNEX1	0x01	/* the signed Annex 1 filed (R27) */
#define FXS_FSE_ID	0x02	/* FSE approved the student as a user (R10) */
#define FXS_ACCESS	0x04	/* a live access to the project until ends_on (R11, R20) */
#define FXS_AGREEMENT	0x08	/* the current user agreement accepted by student_uid (R15) */
#define FXS_CERTIFIED	0x10	/* a certification pass, ten days ago, not expiring (R14) */
#define FXS_ALL		0x1f

struct fx_student {
	long long	 authorisation;
	long long	 supervisor;	/* the case's creator */
	long long	 project;	/* an approved project case of the authorisation */
	long long	 student_uid;	/* the student's user (FXS_AGREEMENT), with address email */
	const char	*name;
	const char	*email;
	const char	*ends_on;	/* YYYY-MM-DD; NULL: a year from today */
	unsigned	 has;		/* FXS_* */
};

/* The student case's id; the live access's id into *access (may be NULL; 0 without one). */
long long	fixture_student(const struct fx_student *, long long *access);
/* The current user agreement's id, publishing one (by publisher) when there is none. */
long long	fixture_agreement(long long publisher);

#endif
