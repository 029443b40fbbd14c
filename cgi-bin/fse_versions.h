/*
 * fse_versions: a text FSE publishes as versions, never edited, so what a person accepted or a
 * supervisor checked against stays readable (the user agreement, R15; the export checklist,
 * R22). One page shape for both: the current version, every older one with how often it was
 * used, and for those who may, the form for a new version (one per form, however often sent).
 */
#ifndef PORTAL_FSE_VERSIONS_H
#define PORTAL_FSE_VERSIONS_H

#include "fcgi.h"
#include "form.h"
#include "policy.h"
#include "tmpl.h"

struct fse_versions {
	const char	*list_sql;	/* id, text, published_at, publisher, uses; newest first */
	const char	*insert_sql;	/* (text, published_by) */
	const char	*tpl, *title;	/* the page */
	const char	*uses_key;	/* the row's variable for uses ("ACCEPTED", ...) */
	enum action	 edit;		/* who sees the form */
	const char	*path;		/* the page, where publishing redirects */
	const char	*audit_action, *audit_object, *submit_key;
	/* How a version's text shows in its row (NULL: as TEXT). */
	void		(*show_text)(struct tmpl_dict *row, const char *text);
};

/* The page; f and text_error: a refused form, its input kept and the message at the field. */
int	fse_versions_render(struct ctx *, const struct fse_versions *, const struct form *f,
	    const char *text_error, int status);
/* Publishes text as a new version with the audit event (detail: what the version holds,
 * after "version N"), then back to the page. */
int	fse_versions_publish(struct ctx *, const struct fse_versions *, const char *text,
	    const char *detail);

#endif
