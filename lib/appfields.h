/*
 * appfields: the authorisation application's form (issue 5; R1, R3, R4, R6, R17), pure: the
 * field tables of its steps, the rules each step checks when the applicant goes on, the whole
 * application checked again before it is sent, and the fields' names as people read them
 * (shared by the applicant's review, cgi-bin/application, and FSE's case page, cgi-bin/fse).
 * The database and the pages are cgi-bin/application's; the state machine is the generic
 * case's (lib/casefsm.h).
 */
#ifndef PORTAL_APPFIELDS_H
#define PORTAL_APPFIELDS_H

#include <stddef.h>

#include "buf.h"
#include "fielderr.h"
#include "form.h"
#include "kv.h"

#define APPFIELDS_STEPS		5	/* four steps of fields, then the review */
#define APPFIELDS_PROGRAMMES	5	/* rows of programmes: udd_navn_N, udd_ects_N */
#define APPFIELDS_PERSONS	6	/* rows of experienced persons: person_*_N */
#define APPFIELDS_MIN_PERSONS	3	/* R4.3 */

/* The step's name on the page and in the step guide ("Analyseplatform"), steps 1..5. */
const char		*appfields_step_label(int step);
/* The fields of step 1..4 (n set to their number); NULL for the review and any other step. */
const struct form_field	*appfields_step_fields(int step, size_t *n);
/* 1 when the field belongs to step 1..4. */
int			 appfields_in_step(int step, const char *name);

/*
 * One step as the applicant sent it: the fields read into f, then the step's rules (R1, R3,
 * R4.3, R6, R17), their messages into m. A draft (going_on 0) may leave fields empty and hold
 * too few persons or programmes, never fill a field wrongly; going on needs the step complete.
 * Step 3's domains, cleaned (one per line, lower case), into domains. Returns the number of
 * fields in error plus the rules' messages: 0 means the step may be saved.
 */
size_t			 appfields_step(int step, const struct kvlist *src, int going_on,
			    struct form *f, struct buf *domains, struct fielderr *m);

/*
 * The whole saved application again before it is sent (every step's fields and rules): each
 * reason into problems, in the group of its step, prefixed with the field's label. Returns the
 * number of reasons.
 */
size_t			 appfields_review(const struct kvlist *data, struct fielderr *problems);

/*
 * R6: each line a plain domain (letters, digits, hyphens and dots, at least one dot), lower
 * cased into out, one per line. NULL when all are; else the message, written into msg.
 */
const char		*appfields_domains(const char *in, struct buf *out, char *msg, size_t n);

/* The field's label, with the row number where it has one ("Erfaren person 2: e-mail"); the
 * name itself when it has no label. */
void			 appfields_label(const char *name, char *out, size_t n);

#endif
