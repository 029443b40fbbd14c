#include "page.h"

#include <stdio.h>
#include <string.h>

static void
one_error(struct tmpl_dict *d, struct tmpl_dict **summary, const char *field, const char *anchor,
    const char *msg)
{
	struct tmpl_dict *item;
	char sec[96];

	snprintf(sec, sizeof(sec), "ERROR_%s", field);
	tmpl_set(tmpl_add_row(d, sec), "MESSAGE", msg);
	if (*summary == NULL)
		*summary = tmpl_include(d, "ERROR_SUMMARY", "partials/error_summary.tpl");
	item = tmpl_add_row(*summary, "ERROR_ITEM");
	tmpl_set(item, "MESSAGE", msg);
	tmpl_set(item, "ANCHOR", anchor);
}

void
page_form_errors(struct tmpl_dict *d, const struct form *f, const char *const *anchors,
    const struct fielderr *e)
{
	struct tmpl_dict *summary = NULL;
	char msg[256];
	size_t i;

	for (i = 0; f && i < f->nfields; i++) {
		if (f->v[i].err == FORM_OK)
			continue;
		form_message(f, i, msg, sizeof(msg));
		one_error(d, &summary, f->fields[i].name,
		    anchors && anchors[i] ? anchors[i] : f->fields[i].name, msg);
	}
	for (i = 0; e && i < e->n; i++)
		one_error(d, &summary, e->item[i].field, e->item[i].field, e->item[i].message);
}

void
page_keep_values(struct tmpl_dict *d, const struct form *f, const char *const *names, size_t n)
{
	char key[96];
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < f->nfields; j++)
			if (strcmp(f->fields[j].name, names[i]) == 0 && f->v[j].value) {
				snprintf(key, sizeof(key), "VALUE_%s", names[i]);
				tmpl_set(d, key, f->v[j].value);
			}
}

void
page_cap_refused(struct tmpl_dict *d, const char *message)
{
	tmpl_set(tmpl_include(d, "CAP_REFUSED", "partials/cap_refused.tpl"), "MESSAGE", message);
}
