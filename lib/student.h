/*
 * student: the thesis student's attachment, the portal's third kind of case (issue 13; R7, R10,
 * R13, R20, R26-R28), pure: the supervisor's field table, what a complete case must contain, the
 * research-potential reason's three lines, and the Annex 1 values the case gives. The database,
 * the pages and the state machine's use are cgi-bin/student's; the PDF is lib/annex1's.
 */
#ifndef PORTAL_STUDENT_H
#define PORTAL_STUDENT_H

#include <stddef.h>

#include "fielderr.h"
#include "form.h"
#include "kv.h"

#define STUDENT_REASON_LINES	3	/* R28: a short reason, 1-3 lines */
#define STUDENT_REASON_CHARS	400	/* and short: three lines of Annex 1's column */

/*
 * The supervisor's form, in its order: navn, email (institutional, R6), fse_bruger_id (if the
 * student has one, R10), speciale_titel, forfattere, begrundelse (R28), projekt (the approved
 * broad project's case id, R20), periode_fra, periode_til. Only navn is required for a draft.
 */
extern const struct form_field	student_fields[];
extern const size_t		student_nfields;

/* The field's label as people read it ("Specialets titel"); the name otherwise. */
const char	*student_label(const char *name);

/* R28: the reason's lines, blank ones not counted (a trailing newline is no line). */
size_t		 student_reason_lines(const char *reason);

/*
 * What keeps a case from being sent on: every field the supervisor fills, the reason in at most
 * three lines, the period in order. One message per field into out; returns how many were
 * added. The project's approval (R20) and the address's domain (R6) need the database: the
 * handler checks them after this.
 */
size_t		 student_check(const struct kvlist *data, struct fielderr *out);

/*
 * R10: does id look like an FSE user id (format: a POSIX extended regular expression, the
 * configuration's fse_user_id_format)? 1 yes, 0 no, -1 when the format does not compile.
 */
int		 student_fse_id_ok(const char *format, const char *id);

/*
 * The request's choice of FSE user id (R10): has_id "ja" with the id, or "nej" (a new user).
 * Refusals into fe under has_field and id_field, about who ("den studerende", "personen") and
 * whose ("den studerendes", "personens"). 1: with an id, 0: a new user, -1: refused.
 */
int		 student_fse_choice(const char *format, const char *has_id, const char *fse_id,
		    const char *who, const char *whose, const char *has_field,
		    const char *id_field, struct fielderr *fe);

#endif
