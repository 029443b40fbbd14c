/*
 * Taking results home (issue 14; R9, R10, R13, R22), in the student program under
 * /studerende/hjemtagelse. The student asks their supervisor in writing, on their own page
 * (student_export.c): which files, what each contains, and that they are aggregated results
 * only; only while their access is active. The supervisor of that student, and no one else
 * (R13: the student case's creator; another supervisor answers 403), downloads the files,
 * checks them against FSE's checklist (a version of it, lib/exportrules) and approves with a
 * note or refuses with a reason (student_export_check.c); an approval records the names, sizes
 * and SHA-256 of what was released, and the student can then download those. Students never
 * approve (R10: the policy gives ACT_EXPORT_RESULTS to supervisors only). The responsible, the
 * administrators and FSE read the authorisation's log (student_export_log.c).
 */
#ifndef PORTAL_STUDENTEXPORT_H
#define PORTAL_STUDENTEXPORT_H

#include "studentcase.h"

#define EXPORT_FILES		3	/* files per request: three within nginx's body cap */
#define EXPORT_CONTENTS_MAX	1000	/* characters: what a file contains */
#define EXPORT_NOTE_MAX		2000	/* characters: the note, or the reason of a refusal */

/* A request, loaded and checked to be this user's to see. */
struct exp_request {
	long long	id;
	long long	student_case_id;
	long long	supervisor;		/* the student case's creator (R13) */
	long long	requested_by;
	long long	rules_version;		/* checked against; 0 until approved */
	char		state[16];		/* requested, approved, refused */
	char		requested_at[32];	/* UTC */
	char		decided_at[32];		/* UTC; "" until decided */
	char		note[EXPORT_NOTE_MAX * 4 + 1];
	char		student[256];		/* who asked, as named */
	char		student_case[301];	/* the student case's title (the student's name) */
	char		decider[256];
};

/*
 * auth_require(act) on ?id=, then the request anmodning= of that authorisation (FOR UPDATE with
 * lock, inside the caller's transaction, rolled back on refusal): 400 without anmodning, 404
 * when it is not one of the authorisation's. For ACT_EXPORT_RESULTS the request must be of the
 * user's own student (R13), else 403; for ACT_EXPORT_REQUEST the user's own request, else 404.
 */
int		exp_load(struct ctx *, enum action, struct stud_auth *, struct exp_request *,
		    int lock);
/* The request's state as people read it. */
const char	*exp_state_label(const char *state);
/* The files the request asks for, as rows section of d (FILE_ID, NAME, SIZE, SIZE_BYTES,
 * SHA256, CONTENTS, and LINK or NO_LINK: whether the page offers the supervisor's download). */
enum db_err	exp_request_files(struct ctx *, struct tmpl_dict *d, const struct exp_request *,
		    const char *section, int with_links);
/* The files an approval released, as RELEASED rows of d (FILE_ID, NAME, SIZE, SIZE_BYTES,
 * SHA256); *n of them. */
enum db_err	exp_released_files(struct ctx *, struct tmpl_dict *d, long long request_id,
		    size_t *n);
/* The bytes of file_id, as an attachment under its name; its read is on record (R33). */
int		exp_send_file(struct ctx *, long long file_id, long long request_id);
/* The notice a redirect's ?besked= stands for, as a NOTICE row of d. */
void		exp_notice(struct ctx *, struct tmpl_dict *d);

/* Handlers. */
int		stud_export_page(struct ctx *);
int		stud_export_request(struct ctx *);
int		stud_export_released(struct ctx *);
int		stud_export_list(struct ctx *);
int		stud_export_check(struct ctx *);
int		stud_export_download(struct ctx *);
int		stud_export_approve(struct ctx *);
int		stud_export_refuse(struct ctx *);
int		stud_export_log(struct ctx *);

#endif
