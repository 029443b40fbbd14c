/*
 * authorisation: the handlers of /autorisation beyond the route table's own file: the
 * institution's logo (authorisation_logo.c, issue 10; R26: Annex 1 carries it) and pending
 * invitations withdrawn or sent again (authorisation_pending.c, issue 11), and the datamanagers'
 * own user access (authorisation_dm.c, issue 14).
 */
#ifndef PORTAL_CGI_AUTHORISATION_H
#define PORTAL_CGI_AUTHORISATION_H

#include "fcgi.h"
#include "fielderr.h"
#include "form.h"
#include "tmpl.h"

/* The roles page of authorisation id, with the invite form's input and messages (f, fe may be
 * NULL), answering status. */
int	roles_page_with(struct ctx *, long long id, const struct form *f,
	    const struct fielderr *fe, int status);
int	invitation_withdraw(struct ctx *);
int	invitation_resend(struct ctx *);

int	logo_page(struct ctx *);
int	logo_submit(struct ctx *);
/* The current logo's image in a section LOGO of d (with its file id), or NO_LOGO. */
int	logo_show(struct ctx *, struct tmpl_dict *d, long long authorisation_id);

/* The datamanagers' own user access (authorisation_dm.c, issue 14; R11). */
int	dm_page(struct ctx *);
int	dm_request(struct ctx *);
int	dm_accept_agreement(struct ctx *);
int	dm_suspend(struct ctx *);
int	dm_lift(struct ctx *);
int	dm_end(struct ctx *);

#endif
