/*
 * exportrules: the checklist supervisors check results against before they go home (issue 14;
 * R13, R22), as FSE keeps it: a text with one item a line (migration 020, a version per
 * publication). Pure: it splits the text FSE typed into its items (each line trimmed, blank
 * lines dropped) and refuses a list that is empty, has too many items or an item too long, or
 * holds bytes a page cannot show, so what a supervisor ticks is exactly what FSE published.
 */
#ifndef PORTAL_EXPORTRULES_H
#define PORTAL_EXPORTRULES_H

#include <stddef.h>

#include "buf.h"

#define EXPORTRULES_MAX_ITEMS	30
#define EXPORTRULES_ITEM_CHARS	400	/* characters of one item */
#define EXPORTRULES_ITEM_BYTES	(EXPORTRULES_ITEM_CHARS * 4 + 1)

enum exportrules_err {
	EXPORTRULES_OK = 0,
	EXPORTRULES_EEMPTY,	/* no item: nothing to check against */
	EXPORTRULES_ETOOMANY,	/* more than EXPORTRULES_MAX_ITEMS */
	EXPORTRULES_ELONG,	/* an item over EXPORTRULES_ITEM_CHARS */
	EXPORTRULES_EBYTE,	/* a control byte or invalid UTF-8 */
	EXPORTRULES__MAX
};

struct exportrules {
	size_t	n;
	char	item[EXPORTRULES_MAX_ITEMS][EXPORTRULES_ITEM_BYTES];
};

/* Danish, for the message at the text field. */
const char		*exportrules_strerror(enum exportrules_err);
/* The items of [text, text + len) into out (n 0 on any error). */
enum exportrules_err	 exportrules_parse(const char *text, size_t len, struct exportrules *out);
/* The items one a line, each ending in '\n': the text a version is stored as, so parsing it
 * again gives the same items. -1 when out is full. */
int			 exportrules_join(const struct exportrules *, struct buf *out);

#endif
