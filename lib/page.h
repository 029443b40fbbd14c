/*
 * page: what every form page does with a filled-in form: the message next to each field in error,
 * the error summary at the top (templates/partials/error_summary.tpl), and the values the user
 * typed, shown again. Templates name the sections ERROR_<field> and the values VALUE_<field>.
 */
#ifndef PORTAL_PAGE_H
#define PORTAL_PAGE_H

#include <stddef.h>

#include "fielderr.h"
#include "form.h"
#include "tmpl.h"

/*
 * Field messages and the summary: first the fields the validator refused (f, may be NULL; the
 * anchor of field i is anchors[i] when given, else its name), then the messages of the rules
 * beyond the validators (e, may be NULL; the anchor is the field's name).
 */
void	page_form_errors(struct tmpl_dict *, const struct form *f, const char *const *anchors,
	    const struct fielderr *e);
/* VALUE_<name> for each named field the user sent (never use it for passwords). */
void	page_keep_values(struct tmpl_dict *, const struct form *, const char *const *names,
	    size_t n);

/* A request a cap refused (lib/caps): its message in partials/cap_refused.tpl, where the
 * template includes CAP_REFUSED (issue 16). */
void	page_cap_refused(struct tmpl_dict *, const char *message);

#endif
