/*
 * project: broad project proposals under an authorisation (issue 6; R12, R16-R19, R23), the
 * FastCGI program behind /projekt. Every URL names the authorisation as ?id= (the policy is
 * asked about it first) and the proposal as sag=; a proposal of another authorisation answers
 * 404. The files: project.c (routes, the list and the proposal's page), project_edit.c (the
 * form and the platform), project_flow.c (ask for a signature, sign, submit, withdraw).
 */
#ifndef PORTAL_PROJECT_H
#define PORTAL_PROJECT_H

#include "cases.h"
#include "fcgi.h"
#include "fielderr.h"
#include "kv.h"
#include "proposal.h"

/* The authorisation a request is about. */
struct proj_auth {
	long long	id;
	char		number[33];
	char		institution[256];
	char		platform[16];		/* "" until stated (R17) */
	char		server[201];
};

/* A proposal, loaded and checked to belong to the authorisation. */
struct proj {
	struct proj_auth	a;
	struct case_row		c;
	struct kvlist		data;
	int			loaded;
};

/* A whole number in the query or the form; 0 when absent or not a number. */
long long	proj_param(struct ctx *, const char *name);
/*
 * auth_require(action) on ?id=, then the authorisation (and, with lock, locked FOR UPDATE
 * inside the caller's transaction). 0, or the status to answer.
 */
int		proj_auth_load(struct ctx *, enum action, struct proj_auth *, int lock);
/* proj_auth_load, then the proposal sag= (locked with lock); 400 without sag, 404 when it is
 * not a proposal of this authorisation. */
int		proj_load(struct ctx *, enum action, struct proj *, int lock);
void		proj_free(struct proj *);

/* The proposal's page, with a notice or problems to show, answering status. */
struct proj_notice {
	const char	*kind;		/* "success", "warning", "error" */
	const char	*text;
	const char	*field;		/* an error about this field of the page: shown next to it */
	const struct fielderr *items;	/* what is still to be done, listed under the text */
};
int		proj_page(struct ctx *, struct proj *, const struct proj_notice *, int status);

/* The form (project_edit.c): a new proposal (p->loaded == 0) or an editable one, with the
 * messages next to the fields. */
int		proj_form(struct ctx *, struct proj *, const struct kvlist *values,
		    const struct fielderr *, const char *stale, int status);

/* R17: the page that refuses a proposal before the platform is stated (409). */
int		proj_no_platform(struct ctx *, const struct proj_auth *);

/* The text a signer attests and its hash (R12). */
int		proj_text_hash(const struct proj *, char hex[PROPOSAL_HASH_HEX + 1],
		    struct buf *text);

/* Handlers. */
int		proj_list(struct ctx *);
int		proj_view(struct ctx *);
int		proj_edit_form(struct ctx *);
int		proj_edit_submit(struct ctx *);
int		proj_platform_form(struct ctx *);
int		proj_platform_submit(struct ctx *);
int		proj_request_signature(struct ctx *);
int		proj_sign(struct ctx *);
int		proj_submit(struct ctx *);
int		proj_withdraw(struct ctx *);

#endif
