/*
 * page: what every form page does with a filled-in form: the message next to each field in error,
 * the error summary at the top (templates/partials/error_summary.tpl), and the values the user
 * typed, shown again. Templates name the sections ERROR_<field> and the values VALUE_<field>.
 */
#ifndef PORTAL_PAGE_H
#define PORTAL_PAGE_H

#include <stddef.h>

#include "form.h"
#include "tmpl.h"

/* A message about a field that a rule beyond the field's validator refused. */
struct page_error {
	const char	*field;		/* its name and anchor (the input's id) */
	const char	*message;
};

/* Field messages and the summary; the anchor of field i is anchors[i] when given, else its name. */
void	page_form_errors(struct tmpl_dict *, const struct form *, const char *const *anchors,
	    const struct page_error *extra, size_t nextra);
/* VALUE_<name> for each named field the user sent (never use it for passwords). */
void	page_keep_values(struct tmpl_dict *, const struct form *, const char *const *names,
	    size_t n);

#endif
