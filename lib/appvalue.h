/*
 * appvalue: the values of the authorisation application's fields as people read them (issue 11:
 * no stored code on a page), one piece for the applicant's review step (cgi-bin/application)
 * and FSE's case page (cgi-bin/fse_kind_authorisation): a university's name for its code, the
 * platform described, the drive's checkbox as a sentence. Every other value as it was typed.
 */
#ifndef PORTAL_APPVALUE_H
#define PORTAL_APPVALUE_H

#include <stddef.h>

#include "db.h"

/* The university's name for its code (the universities table); NULL or "anden", the other path
 * (R3), and an unknown code read as another institution. */
enum db_err	appvalue_university(struct db *, const char *code, char *out, size_t n);

/* The value of field name as people read it, into out. */
enum db_err	appvalue_text(struct db *, const char *name, const char *value, char *out,
		    size_t n);

#endif
