/*
 * casefsm: the one state machine of every case in the portal (issue 5), pure: which state may
 * follow which, and who may move it (the applicant's side or FSE), and which moves need a
 * reason. And the diff of two versions of a case's form, for the caseworker who gets an
 * application back (R31: what changed since last time).
 */
#ifndef PORTAL_CASEFSM_H
#define PORTAL_CASEFSM_H

#include <stddef.h>

#include "kv.h"

enum case_state {
	CASE_DRAFT,
	CASE_SUBMITTED,
	CASE_RETURNED,		/* FSE asks for changes; the applicant edits and resubmits */
	CASE_APPROVED,
	CASE_REJECTED,
	CASE_WITHDRAWN,
	CASE_REVOKED,
	CASE__STATES
};

enum case_side {
	CASE_SIDE_APPLICANT,
	CASE_SIDE_FSE,
};

enum casefsm_answer {
	CASEFSM_OK,
	CASEFSM_NEEDS_REASON,	/* allowed, with a reason */
	CASEFSM_NOT_ALLOWED,
};

const char		*case_state_name(enum case_state);
const char		*case_state_label(enum case_state);	/* Danish, as users see it */
int			 case_state_parse(const char *);	/* -1 when unknown */
/* May `side` move a case from `from` to `to`, and must it say why? */
enum casefsm_answer	 casefsm_check(enum case_state from, enum case_state to, enum case_side);
/* The form can be edited in this state (a draft, or returned for changes). */
int			 case_editable(enum case_state);

struct case_change {
	char	*name;
	char	*before;	/* "" when the field was not there */
	char	*after;
};

/*
 * The fields whose values differ between two urlencoded forms, in the order of `after` then of
 * fields only in `before`. Repeated fields are compared as their whole list. Returns the number
 * of changes (*out must be freed with case_changes_free), or -1 when a form does not parse.
 */
int			 case_diff(const char *before, const char *after, struct case_change **out);
void			 case_changes_free(struct case_change *, int n);

#endif
