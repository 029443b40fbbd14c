/*
 * application: the applicant's side of an application for an education authorisation (issue 5;
 * R1-R6, R17, R31, R32), up to and including submission, in one file per concern:
 *
 *   application.c           the routes, and the applicant's own case (only its creator sees it)
 *   application_steps.c     the five steps: each saved into the case's urlencoded data with the
 *                           version the user saw; the fields and rules are lib/appfields'
 *   application_manager.c   the manager's confirmation by a mailed link (R4.2)
 *   application_submit.c    submission: checked again, then moved, mailed to FSE (R5) and a
 *                           receipt to the applicant (R31), in one transaction
 *   application_withdraw.c  the applicant withdraws
 *   application_list.c      Mine sager: the user's cases of every kind (R32)
 */
#ifndef PORTAL_APPLICATION_H
#define PORTAL_APPLICATION_H

#include <stddef.h>

#include "cases.h"
#include "ctx.h"
#include "db.h"
#include "fielderr.h"
#include "form.h"
#include "kv.h"
#include "tmpl.h"

#define APP_CONFIRM_DAYS	14	/* the manager's link lasts this long */

/* What the review page shows besides the application: why it cannot be sent, and notices. */
struct review {
	struct fielderr	problems;	/* each in the group of its step */
	int		not_confirmed;	/* submit refused: R4.2 */
	int		stale;		/* submit refused: the case changed meanwhile */
};

/* ---- application.c: the applicant's own case ------------------------------------------------ */

/* The user's own application, loaded; 0 when it is theirs, else the status (404 hides it). */
int		app_own_case(struct ctx *, long long id, struct case_row *);
/*
 * The user's own case, still editable, with its form parsed: 0, or the answer (404 for another
 * person's, back to Mine sager when no longer editable). The caller frees c and data.
 */
int		app_own_editable_case(struct ctx *, long long id, struct case_row *,
		    struct kvlist *data);
/* The university's name (or the other path, R3) and the institution as "unit, university". */
enum db_err	app_institution(struct ctx *, const struct kvlist *data, char *uni, size_t un,
		    char *inst, size_t in);

/* ---- application_steps.c -------------------------------------------------------------------- */

/*
 * One step's page: values from src (the saved data or what the user sent), messages from f
 * (the validators) and m (the rules); on the review, rv says why it could not be sent (NULL:
 * nothing to say). conflict: the case changed in another window (409).
 */
int		app_step_page(struct ctx *, const struct case_row *, int step,
		    const struct kvlist *src, const struct form *f, const struct fielderr *m,
		    int conflict, int status, const struct review *rv);
int		app_create(struct ctx *);		/* POST /ansoegning/ny */
int		app_step_form(struct ctx *);		/* GET /ansoegning/trin */
int		app_step_submit(struct ctx *);		/* POST /ansoegning/trin */

/* ---- application_manager.c (R4.2) ----------------------------------------------------------- */

/*
 * The manager's confirmation as it stands for the address now saved in the case: 1 confirmed,
 * 0 not; when not, *pending tells whether a link to that address is still open. when: the time
 * of the confirmation or of the open link.
 */
enum db_err	app_manager_state(struct ctx *, long long id, const char *email, int *confirmed,
		    int *pending, char *when, size_t n);
/* The manager's confirmation on step 2 and the review: its state, and the button to send it. */
enum db_err	app_manager_section(struct ctx *, struct tmpl_dict *, const struct case_row *,
		    int step);
int		app_manager_send(struct ctx *);		/* POST /ansoegning/leder */
int		app_confirm_form(struct ctx *);		/* GET /ansoegning/bekraeft (public) */
int		app_confirm_submit(struct ctx *);	/* POST /ansoegning/bekraeft (public) */

/* ---- application_submit.c, application_withdraw.c, application_list.c ----------------------- */

int		app_submit(struct ctx *);		/* POST /ansoegning/send */
int		app_withdraw_form(struct ctx *);	/* GET /ansoegning/traek-tilbage */
int		app_withdraw_submit(struct ctx *);	/* POST /ansoegning/traek-tilbage */
int		app_list_page(struct ctx *);		/* GET /ansoegning: Mine sager */
/* Mine sager with a cap's refusal at the top (issue 16): 429, or the answer to an error. */
int		app_list_refused(struct ctx *, const char *message);

#endif
