/*
 * fielderr: the one collector of field messages every form uses. A rule beyond a field's
 * validator (lib/form) that refuses a value adds a message for that field; the page shows each
 * message next to its field and in the summary at the top (lib/page), and a step-by-step form
 * can say which step a message belongs to (group). Messages and field names are copied in, so
 * a message built in a local buffer may go out of scope. Bounded: past FIELDERR_MAX messages
 * the rest are counted, not kept. Pure.
 */
#ifndef PORTAL_FIELDERR_H
#define PORTAL_FIELDERR_H

#include <stddef.h>

#include "form.h"

#define FIELDERR_MAX		40
#define FIELDERR_FIELD		64	/* bytes of a field's name, with its NUL */
#define FIELDERR_TEXT		640	/* bytes of a message, with its NUL */

struct fielderr_item {
	char	field[FIELDERR_FIELD];	/* its name and anchor (the input's id) */
	int	group;			/* e.g. the step of a guided form; 0 when none */
	char	message[FIELDERR_TEXT];
};

struct fielderr {
	size_t			n;	/* messages kept */
	size_t			lost;	/* messages past FIELDERR_MAX, counted only */
	struct fielderr_item	item[FIELDERR_MAX];
};

void		 fielderr_init(struct fielderr *);
/* A message for a field (group 0). */
void		 fielderr_add(struct fielderr *, const char *field, const char *message);
/* A message in a group, formatted. */
void		 fielderr_addf(struct fielderr *, const char *field, int group, const char *fmt,
		    ...) __attribute__((format(printf, 4, 5)));
/* One message per field the validator refused, in the table's order (lib/form's wording). */
void		 fielderr_form(struct fielderr *, const struct form *);
/* The first message for a field; NULL when it has none. */
const char	*fielderr_message(const struct fielderr *, const char *field);
/* Every message, kept or lost: 0 means the form may be saved. */
size_t		 fielderr_count(const struct fielderr *);

#endif
