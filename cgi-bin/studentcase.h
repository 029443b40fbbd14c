/*
 * student: attaching a thesis student (issue 13; R6, R13, R20, R26-R28), the FastCGI program
 * behind /studerende. A supervisor on an authorisation with an approved broad project writes the
 * student case (a case of type 'student'), downloads Annex 1 as a PDF, uploads it signed, and
 * sends the case to the authorisation's administrators. Every URL names the authorisation as
 * ?id= (the policy is asked about it first) and the case as sag=; a case of another
 * authorisation answers 404, and a supervisor sees only the students they supervise (R13:
 * "egne studerende"; another supervisor's student answers 403). The files: student.c (routes,
 * loading, the list and the case's page), student_edit.c (the form), student_annex1.c (the PDF
 * and the signed upload), student_flow.c (sending it on), student_admin.c (the administrators'
 * part), student_fse.c (the request to FSE to approve the student as a user),
 * student_access.c (the one project the student has access to), student_self.c (the student's
 * own page and the user agreement), student_documents.c (the folder Work/Forskningshøjde),
 * student_life.c (extending the period, ending the access, sanctions); lib/studenttimeline.c
 * lists everything that happened to the access, with who and when.
 */
#ifndef PORTAL_STUDENTCASE_H
#define PORTAL_STUDENTCASE_H

#include "cases.h"
#include "fcgi.h"
#include "fielderr.h"
#include "kv.h"
#include "student.h"
#include "tmpl.h"

/* The authorisation a request is about. */
struct stud_auth {
	long long	id;
	char		number[33];
	char		institution[256];
};

/* A student case, loaded and checked to belong to the authorisation and to be this user's to
 * see. */
struct stud {
	struct stud_auth	a;
	struct case_row		c;
	struct kvlist		data;
	int			loaded;
	char			supervisor[256];	/* the case's creator, as named */
};

/* The student's latest request to FSE to be approved as a user (R10, R15); case_id 0: none. */
struct stud_fse {
	long long	case_id;
	enum case_state	state;
	unsigned	version;
	char		at[32];			/* sent (UTC) */
	char		reason[1001];		/* FSE's last reason (a return, a rejection) */
	char		fse_id[33];		/* the id FSE approved; "" until then */
};

/* An approved broad project of the authorisation (R20), by its case id. */
struct stud_project {
	long long	case_id;
	char		number[33];
	char		title[301];
};

/* The student's live access to one broad project (R11, R20); id 0: none. */
struct stud_access {
	long long		id;
	struct stud_project	project;
	char			granted_at[32];		/* UTC */
	char			granted_by[256];
	char			ends_on[11];		/* the thesis period's end (R11) */
};

#define STUD_PROJECTS_MAX	16	/* R18 allows five; withdrawn and revoked ones are gone */

/* A whole number in the query or the form; 0 when absent or not a number. */
long long	stud_param(struct ctx *, const char *name);
/*
 * auth_require(action) on ?id=, then the authorisation. With lock, inside the caller's
 * transaction, rolled back on refusal. 0, or the status to answer.
 */
int		stud_auth_load(struct ctx *, enum action, struct stud_auth *, int lock);
/* stud_auth_load, then the case sag= (locked with lock): 400 without sag, 404 when it is not
 * a student case of this authorisation, 403 when it is another supervisor's (R13). */
int		stud_load(struct ctx *, enum action, struct stud *, int lock);
void		stud_free(struct stud *);

/* The authorisation's approved broad projects, oldest first (R20). */
enum db_err	stud_projects(struct ctx *, long long authorisation_id, struct stud_project *out,
		    size_t max, size_t *n);
/* The approved project of this authorisation with that case id; p->case_id 0 when none. */
enum db_err	stud_project(struct ctx *, long long authorisation_id, long long project_case,
		    struct stud_project *p);

/*
 * Everything that keeps the case from Annex 1 and from being sent (R6, R20, R28): the fields,
 * the address in the authorisation's domains, the project approved and of this authorisation.
 * Messages into fe; DB_OK or the database's error.
 */
enum db_err	stud_complete(struct ctx *, long long authorisation_id, const struct kvlist *data,
		    struct fielderr *fe);

/* The student case's request to FSE (student_fse.c); with lock, FOR UPDATE. */
enum db_err	stud_fse_request(struct ctx *, long long student_case, int lock,
		    struct stud_fse *);

/* The student case's live access (student_access.c). */
enum db_err	stud_access_live(struct ctx *, long long student_case, struct stud_access *);

/* The student's own case on the authorisation, the one /studerende/mig shows
 * (student_self.c); *sag 0 when there is none. */
enum db_err	stud_own_case(struct ctx *, long long authorisation_id, long long *sag);

/* R27: "<FSE project number> <student name>.pdf", cleaned as every file's name. */
void		stud_annex1_name(const char *project_number, const char *student, char *out,
		    size_t n);

/* The case's page, with a notice (kind "success", "warning", "error") or field messages. */
int		stud_page(struct ctx *, struct stud *, const char *kind, const char *text,
		    const struct fielderr *, int status);

/* The form (student_edit.c): a new case (s->loaded == 0) or an editable one. */
int		stud_form(struct ctx *, struct stud *, const struct kvlist *values,
		    const struct fielderr *, const char *stale, int status);

/* The access's life on the case's page (student_life.c): its end date, how it ended, a
 * sanction in force, and the administrator's forms with fe's messages. */
enum db_err	stud_life_part(struct ctx *, struct tmpl_dict *d, long long case_id,
		    long long authorisation_id, const struct fielderr *fe);

/* Handlers. */
int		stud_list(struct ctx *);
int		stud_view(struct ctx *);
int		stud_edit_form(struct ctx *);
int		stud_edit_submit(struct ctx *);
int		stud_annex1(struct ctx *);
int		stud_upload(struct ctx *);
int		stud_send(struct ctx *);
int		stud_return(struct ctx *);
int		stud_to_fse(struct ctx *);
int		stud_fse_page(struct ctx *);
int		stud_grant(struct ctx *);
int		stud_self(struct ctx *);
int		stud_documents(struct ctx *);
int		stud_documents_zip(struct ctx *);
int		stud_accept_agreement(struct ctx *);
int		stud_move(struct ctx *);
int		stud_extend(struct ctx *);
int		stud_end(struct ctx *);
int		stud_suspend(struct ctx *);
int		stud_lift(struct ctx *);

#endif
