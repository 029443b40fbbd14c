#include "fielderr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
fielderr_init(struct fielderr *e)
{
	e->n = 0;
	e->lost = 0;
}

static struct fielderr_item *
next_item(struct fielderr *e, const char *field, int group)
{
	struct fielderr_item *it;

	if (e->n >= FIELDERR_MAX) {
		e->lost++;
		return NULL;
	}
	it = &e->item[e->n++];
	snprintf(it->field, sizeof(it->field), "%s", field ? field : "");
	it->group = group;
	return it;
}

void
fielderr_add(struct fielderr *e, const char *field, const char *message)
{
	struct fielderr_item *it;

	if ((it = next_item(e, field, 0)) != NULL)
		snprintf(it->message, sizeof(it->message), "%s", message ? message : "");
}

void
fielderr_addf(struct fielderr *e, const char *field, int group, const char *fmt, ...)
{
	struct fielderr_item *it;
	va_list ap;

	if ((it = next_item(e, field, group)) == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(it->message, sizeof(it->message), fmt, ap);
	va_end(ap);
}

void
fielderr_form(struct fielderr *e, const struct form *f)
{
	struct fielderr_item *it;
	size_t i;

	for (i = 0; f && i < f->nfields; i++)
		if (f->v[i].err != FORM_OK && (it = next_item(e, f->fields[i].name, 0)) != NULL)
			form_message(f, i, it->message, sizeof(it->message));
}

const char *
fielderr_message(const struct fielderr *e, const char *field)
{
	size_t i;

	for (i = 0; e && field && i < e->n; i++)
		if (strcmp(e->item[i].field, field) == 0)
			return e->item[i].message;
	return NULL;
}

size_t
fielderr_count(const struct fielderr *e)
{
	return e ? e->n + e->lost : 0;
}
