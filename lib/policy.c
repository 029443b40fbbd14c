#include "policy.h"

#include <stdio.h>
#include <string.h>

#define B(r)	ROLE_BIT(ROLE_##r)

const struct policy_rule policy_rules[ACT__MAX] = {
	[ACT_UNSET] = { "unset", SCOPE_FSE, 0, "no policy: nobody" },
	[ACT_PUBLIC] = { "public", SCOPE_PUBLIC, 0, "public pages, logging in, registering" },
	[ACT_SESSION] = { "session", SCOPE_PUBLIC, 0,
	    "the second-factor step and logging out: the handler checks the session" },
	[ACT_ACCOUNT] = { "account", SCOPE_USER, 0, "one's own account and second factor" },
	[ACT_AUTH_LIST] = { "authorisation.list", SCOPE_USER, 0,
	    "the authorisations one holds a role on" },
	[ACT_AUTH_VIEW] = { "authorisation.view", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | B(DATAMANAGER) | B(SIGNER) | B(SUPERVISOR) |
	    B(STUDENT) | FSE_ROLES, "an authorisation's page" },
	[ACT_ROLES_VIEW] = { "roles.view", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | FSE_ROLES,
	    "who holds which role, and the history (R34)" },
	[ACT_ROLE_INVITE] = { "roles.invite", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "invite a person to a role (R9: the responsible appoints and attaches)" },
	[ACT_ROLE_REVOKE] = { "roles.revoke", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(FSE_CASEWORKER) | B(FSE_HEAD), "revoke a role (R34)" },
	[ACT_INVITE_ACCEPT] = { "invitation.accept", SCOPE_USER, 0,
	    "accept an invitation sent to one's own address" },
	[ACT_DOMAIN_OVERRIDE] = { "invitation.domain_override", SCOPE_FSE,
	    B(FSE_CASEWORKER) | B(FSE_HEAD), "invite outside the institution's domains (R6)" },
	[ACT_EXPORT_RESULTS] = { "results.export", SCOPE_AUTHORISATION, B(SUPERVISOR),
	    "take analysis results home: supervisors yes, students never (R9, R10, R13)" },
	[ACT_STUDENT_ACCESS] = { "student.project_access", SCOPE_AUTHORISATION, B(ADMINISTRATOR),
	    "grant or remove a student's access to a project (R11)" },
	[ACT_FSE_MAIL_VIEW] = { "fse.mail.view", SCOPE_FSE, B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "the outbox: queued, deferred and dead mail" },
	[ACT_FSE_MAIL_RETRY] = { "fse.mail.retry", SCOPE_FSE, B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "send a dead mail again" },
	[ACT_FSE_HOME] = { "fse.home", SCOPE_FSE, FSE_ROLES,
	    "the FSE staff start page: links to what each FSE role may do" },
	[ACT_APPLICATION] = { "application", SCOPE_USER, 0,
	    "start and edit one's own application (issue 5); another person's case: 404" },
	[ACT_FSE_CASES_VIEW] = { "fse.cases.view", SCOPE_FSE, FSE_ROLES,
	    "the FSE queue of submitted applications and each case's page (issue 5)" },
	[ACT_FSE_CASE_DECIDE] = { "fse.case.decide", SCOPE_FSE, B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "approve, return for changes or reject an application (issue 5)" },
	[ACT_PROJECT_VIEW] = { "project.view", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | B(SIGNER) | B(SUPERVISOR) | FSE_ROLES,
	    "an authorisation's broad project proposals, each one's page and its fees (issue 6)" },
	[ACT_PROJECT_EDIT] = { "project.edit", SCOPE_AUTHORISATION, B(SUPERVISOR),
	    "draft, edit, ask for a signature, submit or withdraw a proposal (R18)" },
	[ACT_PROJECT_SIGN] = { "project.sign", SCOPE_AUTHORISATION, B(SIGNER),
	    "sign a proposal as lawful under the GDPR on the institution's behalf (R12)" },
	[ACT_PLATFORM_SET] = { "platform.set", SCOPE_AUTHORISATION, B(RESPONSIBLE),
	    "state the analysis platform before the first proposal (R17)" },
	[ACT_FSE_RATES_VIEW] = { "fse.rates.view", SCOPE_FSE, FSE_ROLES,
	    "the dated fee rate table: every rate, the current one marked (issue 6; R29)" },
	[ACT_FSE_RATES_EDIT] = { "fse.rates.edit", SCOPE_FSE, B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "add a rate for a period; fees are never prices in code (R29)" },
	[ACT_FILE_READ] = { "file.read", SCOPE_USER, 0,
	    "an uploaded file, by the policy of what it belongs to (the handler asks)" },
	[ACT_LOGO_UPLOAD] = { "logo.upload", SCOPE_AUTHORISATION, B(RESPONSIBLE),
	    "upload the institution's logo that Annex 1 carries (R26)" },
	[ACT_STUDENT_VIEW] = { "student.view", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | B(SUPERVISOR) | FSE_ROLES,
	    "the thesis students and each one's case; a supervisor their own only (R13); to "
	    "others on the authorisation they are not there (404)", 1 },
	[ACT_STUDENT_VIEW_ALL] = { "student.view_all", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | FSE_ROLES,
	    "every thesis student of the authorisation, whoever supervises them (R13)" },
	[ACT_STUDENT_EDIT] = { "student.edit", SCOPE_AUTHORISATION, B(SUPERVISOR),
	    "attach a thesis student: the case, Annex 1 and its signed upload (R13, R26-R28)" },
	[ACT_STUDENT_RETURN] = { "student.return", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR),
	    "send a thesis student's case back to the supervisor with what to change (R13)" },
	[ACT_STUDENT_TO_FSE] = { "student.to_fse", SCOPE_AUTHORISATION, B(RESPONSIBLE),
	    "send a thesis student to FSE to be approved as a user (R10, R15)" },
	[ACT_STUDENT_SELF] = { "student.self", SCOPE_AUTHORISATION, B(STUDENT),
	    "the student's own page: the project, the checklist, the user agreement (R7, R15)" },
	[ACT_FSE_AGREEMENT_VIEW] = { "fse.agreement.view", SCOPE_FSE, FSE_ROLES,
	    "the user agreement, every version and how many accepted each (R15)" },
	[ACT_FSE_AGREEMENT_EDIT] = { "fse.agreement.edit", SCOPE_FSE,
	    B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "publish a new version of the user agreement; students accept it again (R15)" },
	[ACT_STUDENT_SANCTION] = { "student.sanction", SCOPE_AUTHORISATION, B(ADMINISTRATOR),
	    "suspend a student's access for a breach of the security rules, and lift it (R11)" },
	[ACT_EXPORT_REQUEST] = { "results.request", SCOPE_AUTHORISATION, B(STUDENT),
	    "ask one's supervisor in writing to take results home (R13, R22)" },
	[ACT_EXPORT_LOG] = { "results.log", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | FSE_ROLES,
	    "the authorisation's log of results taken home, and what was released (R13, R22)" },
	[ACT_FSE_CERT_VIEW] = { "fse.certification.view", SCOPE_FSE, FSE_ROLES,
	    "who has passed the certification course, and the history (R14)" },
	[ACT_FSE_CERT_RECORD] = { "fse.certification.record", SCOPE_FSE,
	    B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "record a pass of the certification course, one by one or from a list (R14)" },
	[ACT_FSE_EXPORT_RULES_VIEW] = { "fse.export_rules.view", SCOPE_FSE, FSE_ROLES,
	    "the checklist supervisors check results against before they go home (R22)" },
	[ACT_FSE_EXPORT_RULES_EDIT] = { "fse.export_rules.edit", SCOPE_FSE,
	    B(FSE_CASEWORKER) | B(FSE_HEAD),
	    "publish a new version of that checklist; it is a setting, never rules in code (R22)" },
	[ACT_DM_VIEW] = { "datamanager.view", SCOPE_AUTHORISATION,
	    B(RESPONSIBLE) | B(ADMINISTRATOR) | B(DATAMANAGER) | FSE_ROLES,
	    "the datamanagers' own user access and how far each has come (R11); to others on "
	    "the authorisation it is not there (404)", 1 },
	[ACT_DM_REQUEST] = { "datamanager.request", SCOPE_AUTHORISATION, B(RESPONSIBLE),
	    "ask FSE for user access for an administrator who is also datamanager, or end it "
	    "(R10, R11)" },
	[ACT_DM_SELF] = { "datamanager.self", SCOPE_AUTHORISATION, B(DATAMANAGER),
	    "accept the user agreement for one's own user access as a datamanager (R15)" },
	[ACT_DM_SANCTION] = { "datamanager.sanction", SCOPE_AUTHORISATION, B(ADMINISTRATOR),
	    "suspend a datamanager's user access for a breach of the security rules, and lift "
	    "it (R11)" },
};

static const char *const role_names[ROLE__MAX] = {
	"responsible", "administrator", "datamanager", "signer", "supervisor", "student",
	"fse_caseworker", "fse_head", "national_statistician",
};

static const char *const role_labels[ROLE__MAX] = {
	"Autorisationsansvarlig", "Administrator", "Datamanager", "Underskriver", "Vejleder",
	"Specialestuderende", "Sagsbehandler i Forskningsservice", "Kontorchef i Forskningsservice",
	"Rigsstatistiker",
};

static const char *const scope_names[] = { "public", "user", "fse", "authorisation" };

/*
 * What an action on an authorisation lets a person do, in plain Danish, for the roles page and
 * the invitation mail (issue 11: people are told what a role may do; R34). Every action of
 * scope authorisation that institution roles hold has one (tests/unit/test_policy_plain.c).
 */
static const char *const plain[ACT__MAX] = {
	[ACT_AUTH_VIEW] = "se autorisationen og institutionens logo",
	[ACT_ROLES_VIEW] = "se, hvem der har hvilke roller, og historikken",
	[ACT_ROLE_INVITE] = "invitere personer til roller",
	[ACT_ROLE_REVOKE] = "tilbagekalde roller",
	[ACT_EXPORT_RESULTS] = "hjemtage analyseresultater for sine studerende",
	[ACT_STUDENT_ACCESS] = "give studerende adgang til et projekt og fjerne den igen",
	[ACT_PROJECT_VIEW] = "se projektindstillingerne og gebyrerne",
	[ACT_PROJECT_EDIT] = "skrive projektindstillinger og sende dem til Forskningsservice",
	[ACT_PROJECT_SIGN] = "underskrive projektindstillinger på institutionens vegne",
	[ACT_PLATFORM_SET] = "oplyse analyseplatformen",
	[ACT_LOGO_UPLOAD] = "uploade institutionens logo",
	[ACT_STUDENT_VIEW] = "se specialestuderende (vejledere kun deres egne)",
	[ACT_STUDENT_VIEW_ALL] = "se alle autorisationens specialestuderende",
	[ACT_STUDENT_EDIT] = "tilknytte specialestuderende og uploade deres underskrevne bilag 1",
	[ACT_STUDENT_RETURN] = "sende en studerendes sag tilbage til vejlederen",
	[ACT_STUDENT_TO_FSE] = "bede Forskningsservice om at godkende studerende som brugere",
	[ACT_STUDENT_SELF] = "se sit eget projekt og acceptere brugeraftalen",
	[ACT_STUDENT_SANCTION] = "suspendere en studerendes adgang ved brud på sikkerhedsreglerne",
	[ACT_EXPORT_REQUEST] = "bede sin vejleder om at hjemtage resultater",
	[ACT_EXPORT_LOG] = "se loggen over hjemtagne resultater",
	[ACT_DM_VIEW] = "se datamanagernes egen brugeradgang",
	[ACT_DM_REQUEST] = "bede Forskningsservice om brugeradgang til en datamanager og "
	    "afslutte den",
	[ACT_DM_SELF] = "acceptere brugeraftalen for sin egen brugeradgang som datamanager",
	[ACT_DM_SANCTION] = "suspendere en datamanagers brugeradgang ved brud på "
	    "sikkerhedsreglerne",
};

const char *
policy_action_plain(enum action a)
{
	return (unsigned)a < ACT__MAX ? plain[a] : NULL;
}

size_t
policy_role_can(enum role r, char *out, size_t n)
{
	size_t a, count = 0, total = 0, o = 0;
	int w;

	if (n)
		out[0] = '\0';
	if ((unsigned)r >= ROLE__MAX)
		return 0;
	for (a = 0; a < ACT__MAX; a++)
		if (policy_rules[a].scope == SCOPE_AUTHORISATION &&
		    (policy_rules[a].roles & ROLE_BIT(r)) && plain[a])
			total++;
	/* "a, b og c" */
	for (a = 0; a < ACT__MAX && o < n; a++) {
		if (policy_rules[a].scope != SCOPE_AUTHORISATION ||
		    !(policy_rules[a].roles & ROLE_BIT(r)) || plain[a] == NULL)
			continue;
		count++;
		w = snprintf(out + o, n - o, "%s%s", count == 1 ? "" : count == total ? " og " : ", ",
		    plain[a]);
		if (w < 0)
			break;
		o += (size_t)w;
	}
	return total;
}

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_names[r] : "unknown";
}

const char *
role_label(const char *name)
{
	int r = role_parse(name);

	return r < 0 ? (name ? name : "") : role_labels[r];
}

int
role_parse(const char *s)
{
	int i;

	for (i = 0; s && i < ROLE__MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return -1;
}

const char *
policy_action_name(enum action a)
{
	return (unsigned)a < ACT__MAX ? policy_rules[a].name : "unknown";
}

const char *
policy_scope_name(enum scope s)
{
	return (unsigned)s <= SCOPE_AUTHORISATION ? scope_names[s] : "unknown";
}

enum policy_decision
policy_decide(enum action a, int logged_in, unsigned global, unsigned object, int object_exists)
{
	const struct policy_rule *rule;

	if ((unsigned)a >= ACT__MAX || a == ACT_UNSET)
		return POLICY_DENY;	/* fail closed */
	rule = &policy_rules[a];
	if (rule->scope == SCOPE_PUBLIC)
		return POLICY_ALLOW;
	if (!logged_in)
		return POLICY_LOGIN;
	switch (rule->scope) {
	case SCOPE_USER:
		return POLICY_ALLOW;
	case SCOPE_FSE:
		return global & rule->roles & FSE_ROLES ? POLICY_ALLOW : POLICY_DENY;
	case SCOPE_AUTHORISATION:
		if (!object_exists)
			return POLICY_HIDE;
		if (global & rule->roles & FSE_ROLES)
			return POLICY_ALLOW;
		/*
		 * No role on it at all: another institution's object, not to be disclosed. FSE
		 * staff know every authorisation, so to them it is a plain refusal.
		 */
		if (object == 0)
			return global & FSE_ROLES ? POLICY_DENY : POLICY_HIDE;
		return object & rule->roles ? POLICY_ALLOW : rule->hide_denied ? POLICY_HIDE :
		    POLICY_DENY;
	default:
		return POLICY_DENY;
	}
}
