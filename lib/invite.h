/*
 * invite: invitations to a role on an authorisation (R6, R9, R34). Two programs create them:
 * the responsible's invite form (cgi-bin/authorisation) and FSE's approval of an application
 * whose personnel-responsible manager has no account yet (cgi-bin/fse, R4.2). One module, so
 * the token scheme (a mailed random token, only its SHA-256 stored), the validity, the audit
 * event and the mail are the same whoever invites. Everything runs in the caller's transaction.
 */
#ifndef PORTAL_INVITE_H
#define PORTAL_INVITE_H

#include "config.h"
#include "db.h"
#include "tmpl.h"

#define INVITE_DAYS	7	/* how long the mailed link works */

/* R6: *ok = 1 when the address's domain is one of the authorisation's, or a subdomain of one. */
enum db_err	invite_domain_ok(struct db *, long long authorisation_id, const char *email,
		    int *ok);

struct invite {
	long long	 authorisation_id;
	const char	*email;		/* lower case, already checked as an address */
	const char	*name;		/* the invitee's name for the mail, or NULL */
	const char	*role;		/* a value of invitations.role */
	long long	 invited_by;
	const char	*inviter;	/* the inviter's name, in the mail */
	const char	*override_reason; /* "" inside the domains; else why it is allowed (R6) */
	const char	*remote_addr;
	const char	*mail;		/* the mail's template: "invitation", "invitation_manager" */
	const char	*subject;
	struct tmpl_dict *md;		/* the caller's extra mail values, or NULL; not freed here */
};

/*
 * Inserts the invitation, queues its mail (the values INVITER, INSTITUTION, NUMBER, ROLE, LINK,
 * INVITE_DAYS are set here) and writes the audit event (invitation.create, or
 * invitation.create_override outside the domains). The invitation's id into *id when not NULL.
 * On any error the caller rolls the transaction back.
 */
enum db_err	invite_create(struct db *, const struct config *, const struct invite *,
		    long long *id);

#endif
