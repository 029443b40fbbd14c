/*
 * agreement: the user agreement FSE publishes (R15: every user accepts it before working with
 * data), as the person reads and accepts it: a thesis student on "Mit speciale", a datamanager
 * on the page of their own user access. Which version is current, whether this person accepted
 * it (or an older one: then it changed since), and the acceptance itself.
 */
#ifndef PORTAL_AGREEMENT_H
#define PORTAL_AGREEMENT_H

#include "db.h"
#include "tmpl.h"

struct user_agreement {
	long long	version;		/* 0: none published yet */
	char		*text;
	char		accepted_at[32];	/* "" when this version is not accepted (UTC) */
	long long	accepted_older;		/* the newest older version accepted; 0: none */
};

enum db_err	user_agreement_read(struct db *, long long uid, struct user_agreement *);
void		user_agreement_free(struct user_agreement *);

/*
 * Into d: NO_AGREEMENT, or a row AGREEMENT {VERSION, TEXT, ACCEPTED {AT, BY} or ACCEPT
 * {VERSION, CHANGED}}; name is the reader's, who accepted.
 */
void		user_agreement_rows(struct tmpl_dict *d, const struct user_agreement *,
		    const char *name);

enum agreement_outcome {
	AGREEMENT_ACCEPTED,		/* accepted now (and audited) */
	AGREEMENT_ALREADY,		/* accepted before: nothing written */
	AGREEMENT_NOT_CURRENT,		/* not the current version: nothing written */
};

/* uid accepts version (the one they read), inside the caller's transaction. */
enum db_err	user_agreement_accept(struct db *, long long uid, long long version,
		    const char *remote_addr, enum agreement_outcome *);

#endif
