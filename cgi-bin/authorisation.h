/*
 * authorisation: the handlers of /autorisation beyond the route table's own file: the
 * institution's logo (authorisation_logo.c, issue 10; R26: Annex 1 carries it).
 */
#ifndef PORTAL_CGI_AUTHORISATION_H
#define PORTAL_CGI_AUTHORISATION_H

#include "fcgi.h"
#include "tmpl.h"

int	logo_page(struct ctx *);
int	logo_submit(struct ctx *);
/* The current logo's image in a section LOGO of d (with its file id), or NO_LOGO. */
int	logo_show(struct ctx *, struct tmpl_dict *d, long long authorisation_id);

#endif
