/*
 * proposal: the broad project proposal's form and rules (issue 6; R12, R17-R19), pure: the
 * field table, what a complete proposal must contain, which states count against the limit of
 * five, and the exact text a signer attests with its hash. The database and the pages are
 * cgi-bin/project's; the state machine is the generic case's (lib/casefsm.h).
 */
#ifndef PORTAL_PROPOSAL_H
#define PORTAL_PROPOSAL_H

#include <stddef.h>

#include "buf.h"
#include "casefsm.h"
#include "fielderr.h"
#include "form.h"
#include "kv.h"

#define PROPOSAL_LIMIT		5	/* R18: five broad projects per authorisation */
#define PROPOSAL_REGISTERS	8	/* rows for registers / data asked for */
#define PROPOSAL_HASH_BYTES	32	/* SHA-256 */
#define PROPOSAL_HASH_HEX	(2 * PROPOSAL_HASH_BYTES)

/* The proposal's fields, in the order of the form (registers as register_navn_N and
 * register_begrundelse_N, N = 1..PROPOSAL_REGISTERS). Only titel is required for a draft. */
extern const struct form_field	proposal_fields[];
extern const size_t		proposal_nfields;

/* The label of a field as people read it ("Register 2: hvorfor nødvendigt"); name otherwise. */
void	proposal_label(const char *name, char *out, size_t n);

/* R18: submitted, returned and approved proposals count; drafts, rejected, withdrawn do not. */
int	proposal_counts(enum case_state);

/*
 * What keeps a proposal from being submitted (R19: every register named with why it is
 * necessary for the purpose, and the societal relevance argued; the period in order): one
 * message per field into out. Returns the number of messages added.
 */
size_t	proposal_check(const struct kvlist *data, struct fielderr *out);

/*
 * R12: the text a signer reads and attests, made the same way every time from the stored form:
 * the case number and the authorisation's number, then each filled field with its label. The
 * hash of this text is what a signature records; any edit changes it.
 */
int	proposal_text(const struct kvlist *data, long long case_id, const char *authorisation,
	    struct buf *out);
void	proposal_hash(const char *text, size_t len, unsigned char hash[PROPOSAL_HASH_BYTES]);
void	proposal_hash_hex(const unsigned char hash[PROPOSAL_HASH_BYTES],
	    char hex[PROPOSAL_HASH_HEX + 1]);
/* The two together: the text (into text when given) and its hash as hex; -1 when out of memory.
 * What a signature records and what every later check compares with. */
int	proposal_text_hash(const struct kvlist *data, long long case_id, const char *authorisation,
	    char hex[PROPOSAL_HASH_HEX + 1], struct buf *text);

#endif
