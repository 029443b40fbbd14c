/*
 * fse_cases: FSE's case work on every kind of case in one queue (issues 5 and 6): the queue
 * (/fse/sager), one case (/fse/sag) and the decision (/fse/sag/afgoer). What is the same for
 * every kind lives in fse_cases.c: the state machine's moves, the version check, the diff since
 * the last submission, the history, the reasons, the audit. What differs is a kind's table of
 * hooks below: fse_kind_authorisation.c (applications for an education authorisation) and
 * fse_kind_proposal.c (broad project proposals). A kind's names come from the registry
 * (lib/casekind.h); fse_kinds_check() holds the two together when the program starts.
 */
#ifndef PORTAL_FSE_CASES_H
#define PORTAL_FSE_CASES_H

#include <stddef.h>

#include "cases.h"
#include "db.h"
#include "fcgi.h"
#include "kv.h"
#include "tmpl.h"

/* What an approval made, for the decision mails and the log. */
struct fse_outcome {
	char	number[48];	/* the authorisation's or the project's number */
	int	to_manager;	/* authorisations: the manager holds the responsible role */
	int	invited;	/* authorisations: the manager was invited to take it over */
};

/* An input an approval needs (the FSE user id FSE assigns or confirms): on the approve form,
 * carried through the confirmation page; the approve hook reads it from the form. */
struct fse_approve_input {
	const char	*name;		/* the form field, and the input's id */
	const char	*label;
	const char	*hint;
	const char	*prefill;	/* the case's field that fills it in first, or NULL */
};

struct fse_kind {
	const char	*type;		/* cases.type: its entry in the registry (lib/casekind.h) */
	/* A field's label as people read it ("Erfaren person 2: navn"). */
	void		(*field_label)(const char *name, char *out, size_t n);
	/* A field's value as people read it (a code turned into its name); may be NULL. */
	enum db_err	(*field_value)(struct ctx *, const char *name, const char *value, char *out,
			    size_t n);
	/* Where the case comes from, one line for the queue and the page's lead. */
	enum db_err	(*origin)(struct ctx *, const struct case_row *, const struct kvlist *,
			    char *out, size_t n);
	/* The kind's own facts on the case page (sections of case.tpl it owns). */
	enum db_err	(*render)(struct ctx *, struct tmpl_dict *, const struct case_row *,
			    const struct kvlist *);
	/* What an approval makes, inside the decision's transaction. */
	enum db_err	(*approve)(struct ctx *, const struct case_row *, const struct kvlist *,
			    struct fse_outcome *);
	/* The decision's mails to the institution, inside the transaction. */
	enum db_err	(*notify)(struct ctx *, const struct case_row *, const struct kvlist *,
			    enum case_state to, const char *reason, const struct fse_outcome *);
	/* What the approve button does, in a sentence on the case page. */
	const char	*approve_text;
	/* What an approval will create, as rows CREATES {TEXT} of the confirmation page that
	 * comes before it (issue 11: "Godkend" asks first); read only, no transaction. */
	enum db_err	(*preview)(struct ctx *, struct tmpl_dict *, const struct case_row *,
			    const struct kvlist *);
	/* The approval's input (NULL: none), and its check before anything is asked or written:
	 * a refusal as a message into msg (msg[0] stays '\0' when the value is right). */
	const struct fse_approve_input *approve_input;
	enum db_err	(*approve_check)(struct ctx *, const struct case_row *,
			    const struct kvlist *, const char *value, char *msg, size_t n);
};

/* One line of the approval's confirmation page (a CREATES row of d). */
void		 fse_preview_line(struct tmpl_dict *d, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

extern const struct fse_kind	fse_kind_authorisation;
extern const struct fse_kind	fse_kind_proposal;
extern const struct fse_kind	fse_kind_student;
extern const struct fse_kind	fse_kind_fse_user;
extern const struct fse_kind	fse_kind_datamanager;

/* The kind of a case type; NULL when FSE does not decide that type here. */
const struct fse_kind	*fse_kind_of(const char *type);
/*
 * The hook tables against the registry (casekind_check_hooks): 0 when every kind has hooks and
 * every hook table is a kind; else -1 with why. The program refuses to start on -1, so a kind
 * never silently goes missing from the queue.
 */
int			 fse_kinds_check(char *why, size_t whylen);

/* Shared pieces. */
/* The authorisation a case is under: its number ("-" before it has one) and institution. */
enum db_err	 fse_case_authorisation(struct ctx *, const struct case_row *, char *number,
		    size_t nn, char *institution, size_t in);
/* An origin hook for the kinds under an authorisation: "<institution>, uddannelsesautorisation
 * <number>". */
enum db_err	 fse_origin_authorisation(struct ctx *, const struct case_row *,
		    const struct kvlist *, char *out, size_t n);
const char	*fse_value(const struct kvlist *, const char *name);	/* "" when absent */
/* The user who created a case: address and name ("" when gone). */
enum db_err	 fse_person(struct ctx *, long long uid, char *email, size_t en, char *name,
		    size_t nn);

/* A decision's mail tpl to every (address, name) row of res, each greeted by NAME in md. */
enum db_err	 fse_mail_rows(struct ctx *, const struct db_result *res, struct tmpl_dict *md,
		    const char *subject, const char *tpl);
/* R10: an FSE user id as an approval gets it (fse_user_ids.c): the check (msg[0] '\0' when
 * the id is right; whose: "den studerendes", "personens"), and keeping it as email's
 * (DB_EDUP: another person's since the check). */
enum db_err	 fse_user_id_check(struct ctx *, const char *value, const char *email,
		    const char *whose, char *msg, size_t n);
enum db_err	 fse_user_id_keep(struct ctx *, const char *id, const char *email);
/* The approval's input of both kinds that approve a person as a user. */
extern const struct fse_approve_input fse_user_id_input;

/* Within the fse program (fse_cases.c, fse_queue.c, fse_decide.c). */
/* A refused decision: the form in error ("godkend", "tilbage" or "afvis"), its message and what
 * the caseworker wrote, shown again. */
struct fse_decide_error {
	const char	*handling;
	const char	*message;
	const char	*text;
};
/* A case's stored form, parsed; -1 when it does not parse. */
int		 fse_parse_case_data(const char *text, struct kvlist *data);
/* The case page. notice: what was just done (NULL: nothing); stale: someone else changed it
 * (409); err: a refused decision (422). Returns status. */
int		 fse_render_case(struct ctx *, long long id, const char *notice, int stale,
		    const struct fse_decide_error *err, int status);

/* Handlers. */
int		 fse_cases_page(struct ctx *);
int		 fse_case_page(struct ctx *);
int		 fse_case_decide(struct ctx *);

#endif
