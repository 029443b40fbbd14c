/*
 * appfields: the names of the authorisation application's fields as people read them (issue 5),
 * shared by the applicant's review (cgi-bin/application) and the FSE case page (cgi-bin/fse).
 */
#ifndef PORTAL_APPFIELDS_H
#define PORTAL_APPFIELDS_H

#include <stddef.h>

/* The field's label, with the row number where it has one ("Erfaren person 2: e-mail"); the
 * name itself when it has no label. */
void	appfields_label(const char *name, char *out, size_t n);

#endif
