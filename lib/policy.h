/*
 * policy: who may do what, in one table (issue 3; R9-R13, R25, R33, R34). Each action has a
 * scope and the roles that may take it:
 *   public         anyone, logged in or not
 *   user           anyone logged in (second factor done)
 *   fse            holders of the listed FSE roles (global roles)
 *   authorisation  holders of the listed roles on that authorisation; the listed FSE roles on any
 * policy_decide() is pure: the database supplies the roles, this decides. An object of another
 * institution answers "hide" (404), so its existence is not disclosed.
 */
#ifndef PORTAL_POLICY_H
#define PORTAL_POLICY_H

#include <stddef.h>

enum role {
	ROLE_RESPONSIBLE,
	ROLE_ADMINISTRATOR,
	ROLE_DATAMANAGER,
	ROLE_SIGNER,
	ROLE_SUPERVISOR,
	ROLE_STUDENT,
	ROLE_FSE_CASEWORKER,
	ROLE_FSE_HEAD,
	ROLE_NATIONAL_STATISTICIAN,
	ROLE__MAX
};

#define ROLE_BIT(r)	(1u << (r))
#define FSE_ROLES	(ROLE_BIT(ROLE_FSE_CASEWORKER) | ROLE_BIT(ROLE_FSE_HEAD) | \
			 ROLE_BIT(ROLE_NATIONAL_STATISTICIAN))
/* Roles whose holders must use the second factor (issue 3: they grant access). */
#define TOTP_ROLES	(ROLE_BIT(ROLE_RESPONSIBLE) | ROLE_BIT(ROLE_ADMINISTRATOR) | FSE_ROLES)

enum scope { SCOPE_PUBLIC, SCOPE_USER, SCOPE_FSE, SCOPE_AUTHORISATION };

enum action {
	ACT_UNSET = 0,		/* a route without a policy row: refused at start-up */
	ACT_PUBLIC,
	ACT_SESSION,		/* the steps of logging in and out: any session, even half-logged-in */
	ACT_ACCOUNT,
	ACT_AUTH_LIST,
	ACT_AUTH_VIEW,
	ACT_ROLES_VIEW,
	ACT_ROLE_INVITE,
	ACT_ROLE_REVOKE,
	ACT_INVITE_ACCEPT,
	ACT_DOMAIN_OVERRIDE,
	ACT_EXPORT_RESULTS,
	ACT_STUDENT_ACCESS,
	ACT_FSE_MAIL_VIEW,
	ACT_FSE_MAIL_RETRY,
	ACT_FSE_HOME,		/* the FSE staff start page (cgi-bin/fse) */
	ACT_APPLICATION,	/* one's own application (cgi-bin/application): the handler checks
				   ownership, another person's case answers 404 */
	ACT_FSE_CASES_VIEW,	/* the FSE queue of applications and a case's page (issue 5) */
	ACT_FSE_CASE_DECIDE,	/* approve, return or reject an application (issue 5) */
	ACT_PROJECT_VIEW,	/* an authorisation's project proposals and each one's page (issue 6) */
	ACT_PROJECT_EDIT,	/* draft, edit, submit or withdraw a proposal: supervisors (R18) */
	ACT_PROJECT_SIGN,	/* attest a proposal as lawful on the institution's behalf (R12) */
	ACT_PLATFORM_SET,	/* state the authorisation's analysis platform (R17) */
	ACT_FSE_RATES_VIEW,	/* the dated fee rate table, /fse/takster (issue 6; R29) */
	ACT_FSE_RATES_EDIT,	/* add a rate to it: caseworkers and the head of office */
	ACT_FILE_READ,		/* /fil: any logged-in user; the handler asks the policy of what
				   the file belongs to (lib/files.c), and answers 404 to others */
	ACT_LOGO_UPLOAD,	/* upload the institution's logo for Annex 1 (R26): the responsible */
	ACT_STUDENT_VIEW,	/* the thesis students of an authorisation and each one's case (issue
				   13): a supervisor sees their own only (R13), the handler checks */
	ACT_STUDENT_VIEW_ALL,	/* every student of the authorisation, not only one's own (R13) */
	ACT_STUDENT_EDIT,	/* write a student case, its Annex 1 and the signed upload (R26-R28) */
	ACT_STUDENT_RETURN,	/* send a student case back to its supervisor, with a reason (R13) */
	ACT_STUDENT_TO_FSE,	/* ask FSE to approve the student as a user (R10, R15) */
	ACT_STUDENT_SELF,	/* the student's own page: project, checklist, user agreement (R15) */
	ACT_FSE_AGREEMENT_VIEW,	/* the user agreement's versions (R15) */
	ACT_FSE_AGREEMENT_EDIT,	/* publish a new version of the user agreement (R15) */
	ACT_STUDENT_SANCTION,	/* suspend a student's access for a breach, and lift it (R11) */
	ACT_EXPORT_REQUEST,	/* the student's written request to take results home (R13, R22) */
	ACT_EXPORT_LOG,		/* the authorisation's log of results taken home (R13, R22) */
	ACT_FSE_CERT_VIEW,	/* who has passed the certification course (R14) */
	ACT_FSE_CERT_RECORD,	/* record a pass, one by one or from a list (R14) */
	ACT_FSE_EXPORT_RULES_VIEW,	/* the checklist supervisors check exports against (R22) */
	ACT_FSE_EXPORT_RULES_EDIT,	/* publish a new version of that checklist (R22) */
	ACT_DM_VIEW,		/* the datamanagers' own user access (R11): who, and how far */
	ACT_DM_REQUEST,		/* ask FSE for a datamanager's user access, or end it (R11) */
	ACT_DM_SELF,		/* one's own access as a datamanager: the user agreement (R15) */
	ACT_DM_SANCTION,	/* suspend a datamanager's access for a breach, and lift it (R11) */
	ACT__MAX
};

struct policy_rule {
	const char	*name;
	enum scope	 scope;
	unsigned	 roles;		/* institution roles on the object, and FSE roles anywhere */
	const char	*doc;
	/* Those on the authorisation without the role are answered as if it had nothing here
	 * (404, not 403): who the students are is personal data (R13, R33). */
	int		 hide_denied;
};

extern const struct policy_rule policy_rules[ACT__MAX];

enum policy_decision {
	POLICY_ALLOW,
	POLICY_LOGIN,		/* not logged in: to the login page */
	POLICY_DENY,		/* 403 */
	POLICY_HIDE,		/* 404: the object is not this user's to know of */
};

const char		*role_name(enum role);
/* The role's name in Danish, as users see it ("Vejleder"); the name itself when unknown. */
const char		*role_label(const char *name);
int			 role_parse(const char *);	/* -1 when unknown */
const char		*policy_action_name(enum action);
/* What the action lets a person do, in plain Danish ("uploade institutionens logo"), or NULL
 * for actions that are not a role's on an authorisation. */
const char		*policy_action_plain(enum action);
/* What a role may do on an authorisation, as one Danish phrase ("a, b og c") into out; the
 * number of things. */
size_t			 policy_role_can(enum role, char *out, size_t n);
const char		*policy_scope_name(enum scope);
/*
 * global: the user's FSE roles; object: the user's roles on the authorisation the object belongs
 * to (0 for none); object_exists: 0 when the id names nothing.
 */
enum policy_decision	 policy_decide(enum action, int logged_in, unsigned global,
			    unsigned object, int object_exists);

#endif
