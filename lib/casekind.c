#include "casekind.h"

#include <stdio.h>
#include <string.h>

/* Applications for an education authorisation (issue 5): any user with an account applies. */
static void
authorisation_page(long long case_id, long long authorisation_id, char *out, size_t n)
{
	(void)authorisation_id;
	snprintf(out, n, "/ansoegning/trin?id=%lld&trin=1", case_id);
}

static const struct casekind_mail authorisation_mails[] = {
	{ "manager_confirm", "Lederen bekræfter sit ansvar" },
	{ "application_submitted", "Ny ansøgning om uddannelsesautorisation" },
	{ "application_receipt", "Kvittering for ansøgning" },
	{ "application_withdrawn", "Ansøgning trukket tilbage" },
	{ "application_approved", "Ansøgning godkendt" },
	{ "application_returned", "Ansøgning sendt tilbage til rettelse" },
	{ "application_rejected", "Ansøgning afvist" },
	{ "invitation_manager", "Lederen inviteres som autorisationsansvarlig" },
	{ "responsible_handover", "Rollen som autorisationsansvarlig er overtaget" },
	{ NULL, NULL },
};

/* Broad project proposals under an authorisation (issue 6): its supervisors write them. */
static void
project_page(long long case_id, long long authorisation_id, char *out, size_t n)
{
	snprintf(out, n, "/projekt/sag?id=%lld&sag=%lld", authorisation_id, case_id);
}

static const struct casekind_mail project_mails[] = {
	{ "proposal_sign_request", "Projektindstilling venter på underskrift" },
	{ "proposal_signed", "Projektindstilling underskrevet" },
	{ "proposal_signature_voided", "Underskrift bortfaldet" },
	{ "proposal_submitted", "Ny projektindstilling" },
	{ "proposal_receipt", "Kvittering for projektindstilling" },
	{ "proposal_approved", "Projektindstilling godkendt" },
	{ "proposal_returned", "Projektindstilling sendt tilbage til rettelse" },
	{ "proposal_rejected", "Projektindstilling afvist" },
	/* the scheduled runner (bin/scheduler, issue 14) */
	{ "signature_reminder", "Påmindelse: projektindstilling venter på underskrift" },
	{ "signature_reminder_supervisor", "Underskriverne er mindet om projektindstillingen" },
	{ NULL, NULL },
};

/* Thesis students (issue 13; R13, R26-R28): a supervisor attaches them to an approved project. */
static void
student_page(long long case_id, long long authorisation_id, char *out, size_t n)
{
	snprintf(out, n, "/studerende/sag?id=%lld&sag=%lld", authorisation_id, case_id);
}

static const struct casekind_mail student_mails[] = {
	{ "student_to_admin", "Specialestuderende venter på en administrator" },
	{ "student_receipt", "Kvittering for tilknytning af specialestuderende" },
	{ "student_returned", "Specialestuderende sendt tilbage til vejlederen" },
	{ "invitation_student", "Specialestuderende inviteres og har fået adgang til projektet" },
	/* the scheduled runner (bin/scheduler, issue 14) */
	{ "thesis_end_reminder", "Påmindelse: specialeperioden slutter snart" },
	{ "access_expired", "Adgangen er lukket ved specialeperiodens slutning" },
	{ NULL, NULL },
};

/* FSE approves a thesis student as a user (issue 13; R10, R15): the responsible asks. */
static void
fse_user_page(long long case_id, long long authorisation_id, char *out, size_t n)
{
	snprintf(out, n, "/studerende/fse-bruger?id=%lld&sag=%lld", authorisation_id, case_id);
}

static const struct casekind_mail fse_user_mails[] = {
	{ "fse_user_submitted", "Ny anmodning om godkendelse af en studerende som bruger" },
	{ "fse_user_approved", "Studerende godkendt som bruger" },
	{ "fse_user_returned", "Anmodning om brugergodkendelse sendt tilbage til rettelse" },
	{ "fse_user_rejected", "Studerende ikke godkendt som bruger" },
	{ NULL, NULL },
};

/* A datamanager's own user access (issue 14; R11): the responsible asks, on the page of the
 * authorisation's datamanagers. */
static void
datamanager_page(long long case_id, long long authorisation_id, char *out, size_t n)
{
	snprintf(out, n, "/autorisation/datamanager?id=%lld#sag-%lld", authorisation_id, case_id);
}

static const struct casekind_mail datamanager_mails[] = {
	{ "datamanager_submitted", "Ny anmodning om brugeradgang til en datamanager" },
	{ "datamanager_approved", "Datamanager godkendt som bruger" },
	{ "datamanager_returned", "Anmodning om brugeradgang til en datamanager sendt tilbage" },
	{ "datamanager_rejected", "Datamanager ikke godkendt som bruger" },
	{ "datamanager_active", "Datamanagerens brugeradgang er aktiv" },
	{ "datamanager_changed", "Datamanagerens brugeradgang suspenderet, ophævet eller afsluttet" },
	{ NULL, NULL },
};

const struct casekind casekinds[] = {
	{
		.type = "authorisation",
		.label = "Uddannelsesautorisation",
		.title = "Ansøgning om uddannelsesautorisation",
		.creator = "Ansøger",
		.creator_page = authorisation_page,
		.todo_draft = "Gør ansøgningen færdig",
		.todo_returned = "Ret og send igen",
		.withdraw_path = "/ansoegning/traek-tilbage",
		.mails = authorisation_mails,
		.fse_decides = 1,
	},
	{
		.type = "project",
		.label = "Projektindstilling",
		.title = "Projektindstilling",
		.creator = "Vejleder",
		.creator_page = project_page,
		.todo_draft = "Gør indstillingen færdig",
		.todo_returned = "Ret og send igen",
		.withdraw_path = NULL,
		.mails = project_mails,
		.fse_decides = 1,
	},
	{
		.type = "student",
		.label = "Specialestuderende",
		.title = "Tilknytning af specialestuderende",
		.creator = "Vejleder",
		.creator_page = student_page,
		.todo_draft = "Gør tilknytningen færdig",
		.todo_returned = "Ret og send igen",
		.withdraw_path = NULL,
		.mails = student_mails,
		/* The administrators take it on (R13); FSE approves the student as a user in a
		 * case of its own. FSE reads it, with the signed Annex 1. */
		.fse_decides = 0,
	},
	{
		.type = "fse_user",
		.label = "Brugergodkendelse",
		.title = "Godkendelse af specialestuderende som bruger",
		.creator = "Autorisationsansvarlig",
		.creator_page = fse_user_page,
		.todo_draft = "Send anmodningen",
		.todo_returned = "Ret og send igen",
		.withdraw_path = NULL,
		.mails = fse_user_mails,
		.fse_decides = 1,
	},
	{
		.type = "datamanager_user",
		.label = "Brugeradgang for datamanager",
		.title = "Godkendelse af datamanager som bruger",
		.creator = "Autorisationsansvarlig",
		.creator_page = datamanager_page,
		.todo_draft = "Send anmodningen",
		.todo_returned = "Ret og send igen",
		.withdraw_path = NULL,
		.mails = datamanager_mails,
		.fse_decides = 1,
	},
};
const size_t ncasekinds = sizeof(casekinds) / sizeof(casekinds[0]);

_Static_assert(sizeof(casekinds) / sizeof(casekinds[0]) <= CASEKIND_MAX,
    "CASEKIND_MAX holds every kind");

const struct casekind *
casekind_of(const char *type)
{
	size_t i;

	for (i = 0; type && i < ncasekinds; i++)
		if (strcmp(casekinds[i].type, type) == 0)
			return &casekinds[i];
	return NULL;
}

const char *
casekind_label(const char *type)
{
	const struct casekind *k = casekind_of(type);

	return k ? k->label : type ? type : "";
}

const char *
casekind_mail_label(const char *mail_kind)
{
	const struct casekind_mail *m;
	size_t i;

	for (i = 0; mail_kind && i < ncasekinds; i++)
		for (m = casekinds[i].mails; m && m->kind; m++)
			if (strcmp(m->kind, mail_kind) == 0)
				return m->label;
	return NULL;
}

int
casekind_type_list(char *out, size_t n, int decided_only)
{
	size_t i, used = 0;
	int w;

	if (n == 0)
		return -1;
	out[0] = '\0';
	for (i = 0; i < ncasekinds; i++) {
		if (decided_only && !casekinds[i].fse_decides)
			continue;
		w = snprintf(out + used, n - used, "%s%s", used ? "," : "", casekinds[i].type);
		if (w < 0 || (size_t)w >= n - used)
			return -1;
		used += (size_t)w;
	}
	return 0;
}

/* [a-z_], 1..CASEKIND_TYPE_MAX-1 bytes: what the ENUM holds and FIND_IN_SET can list. */
static int
plain_type(const char *t)
{
	size_t i;

	for (i = 0; t && t[i]; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || t[i] == '_'))
			return 0;
	return t && i > 0 && i < CASEKIND_TYPE_MAX;
}

static int
listed(const char *const *types, size_t n, const char *type)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (types[i] && strcmp(types[i], type) == 0)
			return 1;
	return 0;
}

int
casekind_check_hooks(const char *const *types, size_t ntypes, char *why, size_t whylen)
{
	size_t i, j;

	for (i = 0; i < ncasekinds; i++) {
		if (!plain_type(casekinds[i].type)) {
			snprintf(why, whylen, "case kind %zu: type is not a plain name", i);
			return -1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(casekinds[j].type, casekinds[i].type) == 0) {
				snprintf(why, whylen, "case kind %s is declared twice",
				    casekinds[i].type);
				return -1;
			}
		if (!listed(types, ntypes, casekinds[i].type)) {
			snprintf(why, whylen, "case kind %s has no hooks: FSE could not decide it",
			    casekinds[i].type);
			return -1;
		}
	}
	for (i = 0; i < ntypes; i++) {
		if (types[i] == NULL || casekind_of(types[i]) == NULL) {
			snprintf(why, whylen, "hooks for %s, which is not a case kind",
			    types[i] ? types[i] : "(none)");
			return -1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(types[j], types[i]) == 0) {
				snprintf(why, whylen, "two hook tables for case kind %s", types[i]);
				return -1;
			}
	}
	return 0;
}
