/*
 * invite: invitations to a role on an authorisation (R6, R9, R34). Two programs create them:
 * the responsible's invite form (cgi-bin/authorisation) and FSE's approval of an application
 * whose personnel-responsible manager has no account yet (cgi-bin/fse, R4.2); FSE staff may
 * also invite to the responsible role from the roles page, e.g. when the manager's invitation
 * expired. One module, so the token scheme (a mailed random token, only its SHA-256 stored),
 * the validity, the audit event and the mail are the same whoever invites, and accepting is one
 * path whoever invited (invite_accept). Everything runs in the caller's transaction.
 */
#ifndef PORTAL_INVITE_H
#define PORTAL_INVITE_H

#include "config.h"
#include "db.h"
#include "tmpl.h"

#define INVITE_DAYS	7	/* how long the mailed link works */

/* R6, pure: 1 when the address's domain is domain or a subdomain of it (after a dot). */
int		invite_domain_matches(const char *email, const char *domain);
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

/*
 * The applicant who holds the responsible role in the meantime (R4.2): FSE's approval gave it to
 * them because the manager had no account. It is an active responsible role on the authorisation
 * held by someone, other than except_uid, who created the authorisation's application case. The
 * first such holder's name into name (may be NULL) and *found = 1; else *found = 0.
 */
enum db_err	invite_interim(struct db *, long long authorisation_id, long long except_uid,
		    int *found, char *name, size_t namelen);

/* The reason kept in the history when the manager takes the role over (R34). */
#define INVITE_HANDOVER_REASON	"Overdraget til den personaleansvarlige leder"

/*
 * uid accepts invitation id, which the caller has locked (SELECT ... FOR UPDATE) and found
 * usable and addressed to uid's address. Marks it accepted, grants its role (role.grant) and,
 * for the responsible role, whoever invited (FSE's approval or FSE from the roles page), hands
 * the role over: an interim applicant-responsible's role is revoked with INVITE_HANDOVER_REASON
 * (role.revoke, R34) and they are told by mail (responsible_handover, R32). All in the caller's
 * transaction; on any error the caller rolls back.
 */
enum db_err	invite_accept(struct db *, const struct config *, long long id, long long uid,
		    const char *remote_addr);

#endif
