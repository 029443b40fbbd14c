/*
 * studenttimeline: for a student, when each step of their access happened and who took it
 * (issue 14: "everyone can see, for a student, when each of these happened and who did it";
 * R11, R14, R15, R24, R34). Read from the rows the steps themselves wrote (the accesses, the
 * period's changes, sanctions, certifications, the user agreement, the fee), never from a
 * second copy that could disagree with them. Shown to the student, the institution and FSE.
 */
#include "studenttimeline.h"

#include <stdio.h>
#include <string.h>

#include "datefmt.h"
#include "fees.h"
#include "form.h"
#include "tmpl.h"

/* The steps of the person and of the access's case, the same for a student and a datamanager:
 * sanctions on the case, the person's certifications and user agreements, the case's fee. Its
 * parameters: the case, the case, the address three times, the case. */
#define PERSON_STEPS \
    "UNION ALL SELECT x.imposed_at, 'suspended', COALESCE(u.name, ''), '', '', x.reason FROM " \
    "access_sanctions x LEFT JOIN users u ON u.id = x.imposed_by WHERE x.student_case_id = ? " \
    "UNION ALL SELECT x.lifted_at, 'lifted', COALESCE(u.name, ''), '', '', x.lift_reason FROM " \
    "access_sanctions x LEFT JOIN users u ON u.id = x.lifted_by WHERE x.student_case_id = ? AND " \
    "x.lifted_at IS NOT NULL " \
    "UNION ALL SELECT c.recorded_at, 'certified', COALESCE(u.name, ''), " \
    "DATE_FORMAT(c.passed_on, '%Y-%m-%d'), COALESCE(DATE_FORMAT(c.valid_until, '%Y-%m-%d'), ''), " \
    "'' FROM certifications c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.email = ? " \
    "UNION ALL SELECT c.withdrawn_at, 'uncertified', COALESCE(u.name, ''), " \
    "DATE_FORMAT(c.passed_on, '%Y-%m-%d'), '', c.withdraw_reason FROM certifications c LEFT " \
    "JOIN users u ON u.id = c.withdrawn_by WHERE c.email = ? AND c.withdrawn_at IS NOT NULL " \
    "UNION ALL SELECT x.accepted_at, 'agreement', u.name, x.agreement_id, '', '' FROM " \
    "user_agreement_acceptances x JOIN users u ON u.id = x.user_id WHERE u.email = ? " \
    "UNION ALL SELECT f.created_at, 'fee', '', f.amount_ore, '', '' FROM case_fees f WHERE " \
    "f.user_fee_case = ?"

/* Every step, as (at, kind, by, a, b, why); "" by: the portal itself. */
static const char timeline_sql[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), kind, who, a, b, why FROM ("
    "SELECT s.granted_at AS at, 'granted' AS kind, COALESCE(u.name, '') AS who, "
    "CONCAT(j.number, ' ', j.title) AS a, '' AS b, '' AS why FROM student_access s JOIN "
    "projects j ON j.case_id = s.project_case_id LEFT JOIN users u ON u.id = s.granted_by "
    "WHERE s.student_case_id = ? "
    "UNION ALL SELECT s.activated_at, 'active', '', CONCAT(j.number, ' ', j.title), '', '' FROM "
    "student_access s JOIN projects j ON j.case_id = s.project_case_id WHERE "
    "s.student_case_id = ? AND s.activated_at IS NOT NULL "
    "UNION ALL SELECT s.ended_at, CONCAT('end_', s.end_cause), COALESCE(u.name, ''), "
    "CONCAT(j.number, ' ', j.title), '', s.end_reason FROM student_access s JOIN projects j ON "
    "j.case_id = s.project_case_id LEFT JOIN users u ON u.id = s.ended_by WHERE "
    "s.student_case_id = ? AND s.ended_at IS NOT NULL AND s.end_cause <> 'moved' "
    "UNION ALL SELECT p.changed_at, 'extended', COALESCE(u.name, ''), "
    "DATE_FORMAT(p.new_end, '%Y-%m-%d'), COALESCE(DATE_FORMAT(p.old_end, '%Y-%m-%d'), ''), "
    "p.reason FROM student_period_changes p LEFT JOIN users u ON u.id = p.changed_by WHERE "
    "p.student_case_id = ? "
    PERSON_STEPS
    ") t ORDER BY t.at, t.kind";

/* A datamanager's own access (lib/dmaccess.h): asked for, approved, active, ended; then the
 * person's steps. Its parameters: the access four times, then PERSON_STEPS's. */
static const char dm_timeline_sql[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), kind, who, a, b, why FROM ("
    "SELECT d.requested_at AS at, 'dm_requested' AS kind, COALESCE(u.name, '') AS who, "
    "'' AS a, '' AS b, '' AS why FROM datamanager_access d LEFT JOIN users u ON u.id = "
    "d.requested_by WHERE d.id = ? "
    "UNION ALL SELECT d.approved_at, 'dm_approved', COALESCE(u.name, ''), d.fse_id, '', '' FROM "
    "datamanager_access d LEFT JOIN users u ON u.id = d.approved_by WHERE d.id = ? AND "
    "d.approved_at IS NOT NULL "
    "UNION ALL SELECT d.activated_at, 'dm_active', '', '', '', '' FROM datamanager_access d "
    "WHERE d.id = ? AND d.activated_at IS NOT NULL "
    "UNION ALL SELECT d.ended_at, 'dm_ended', COALESCE(u.name, ''), '', '', d.end_reason FROM "
    "datamanager_access d LEFT JOIN users u ON u.id = d.ended_by WHERE d.id = ? AND "
    "d.ended_at IS NOT NULL "
    PERSON_STEPS
    ") t ORDER BY t.at, t.kind";

/* What happened, in words, for kind with its two facts a and b. */
static void
what(const char *kind, const char *a, const char *b, char *out, size_t n)
{
	char d1[64], d2[64];

	if (strcmp(kind, "granted") == 0)
		snprintf(out, n, "Adgang givet til projektet %s", a);
	else if (strcmp(kind, "active") == 0)
		snprintf(out, n, "Adgangen til projektet %s blev aktiv", a);
	else if (strcmp(kind, "end_passed") == 0)
		snprintf(out, n, "Adgangen afsluttet: specialet er bestået");
	else if (strcmp(kind, "end_abandoned") == 0)
		snprintf(out, n, "Adgangen afsluttet: specialet er opgivet");
	else if (strcmp(kind, "end_expired") == 0)
		snprintf(out, n, "Adgangen sluttede af sig selv: specialeperioden var slut");
	else if (strcmp(kind, "extended") == 0) {
		datefmt_day(d1, sizeof(d1), a);
		if (b[0]) {
			datefmt_day(d2, sizeof(d2), b);
			snprintf(out, n, "Specialeperioden forlænget fra %s til %s", d2, d1);
		} else
			snprintf(out, n, "Specialeperioden forlænget til %s", d1);
	} else if (strcmp(kind, "suspended") == 0)
		snprintf(out, n, "Adgangen suspenderet for brud på sikkerhedsreglerne");
	else if (strcmp(kind, "lifted") == 0)
		snprintf(out, n, "Suspenderingen ophævet");
	else if (strcmp(kind, "certified") == 0) {
		datefmt_day(d1, sizeof(d1), a);
		if (b[0]) {
			datefmt_day(d2, sizeof(d2), b);
			snprintf(out, n, "Certificeringskurset registreret som bestået %s (gælder til "
			    "og med %s)", d1, d2);
		} else
			snprintf(out, n, "Certificeringskurset registreret som bestået %s", d1);
	} else if (strcmp(kind, "uncertified") == 0) {
		datefmt_day(d1, sizeof(d1), a);
		snprintf(out, n, "Registreringen af certificeringskurset (bestået %s) trukket "
		    "tilbage", d1);
	} else if (strcmp(kind, "agreement") == 0)
		snprintf(out, n, "Brugeraftalen accepteret (udgave %s)", a);
	else if (strcmp(kind, "dm_requested") == 0)
		snprintf(out, n, "Brugeradgang anmodet hos Forskningsservice");
	else if (strcmp(kind, "dm_approved") == 0)
		snprintf(out, n, "Godkendt som bruger af Forskningsservice med FSE-bruger-id %s", a);
	else if (strcmp(kind, "dm_active") == 0)
		snprintf(out, n, "Brugeradgangen blev aktiv");
	else if (strcmp(kind, "dm_ended") == 0)
		snprintf(out, n, "Brugeradgangen afsluttet");
	else if (strcmp(kind, "fee") == 0) {
		long long ore = 0;

		sscanf(a, "%lld", &ore);
		fees_format_dkk(ore, d1, sizeof(d1));
		snprintf(out, n, "Brugergebyret opkrævet: %s", d1);
	} else
		snprintf(out, n, "%s", kind);
}

/* The rows of a timeline query into d. */
static void
rows(struct tmpl_dict *d, const struct db_result *res)
{
	struct tmpl_dict *row;
	char when[64], text[400];
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		row = tmpl_add_row(d, "TIMELINE");
		datefmt_danish(when, sizeof(when), db_cell(res, i, 0), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		what(db_cell(res, i, 1), db_cell(res, i, 3), db_cell(res, i, 4), text,
		    sizeof(text));
		tmpl_set(row, "WHAT", text);
		tmpl_set(row, "BY", db_cell(res, i, 2)[0] ? db_cell(res, i, 2) : "Portalen");
		if (!form_blank(db_cell(res, i, 5)))
			tmpl_set(tmpl_add_row(row, "WHY"), "TEXT", db_cell(res, i, 5));
	}
	tmpl_show(d, res->nrows ? "HAS_TIMELINE" : "NO_TIMELINE");
}

enum db_err
student_timeline_rows(struct db *db, struct tmpl_dict *d, long long case_id, const char *email)
{
	struct db_result res;
	enum db_err rc;

	if (email == NULL)
		email = "";
	if ((rc = db_exec(db, &res, timeline_sql, "iiiiiisssi", case_id, case_id, case_id,
	    case_id, case_id, case_id, email, email, email, case_id)) != DB_OK)
		return rc;
	rows(d, &res);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
dm_timeline_rows(struct db *db, struct tmpl_dict *d, long long access_id, long long case_id,
    const char *email)
{
	struct db_result res;
	enum db_err rc;

	if (email == NULL)
		email = "";
	if ((rc = db_exec(db, &res, dm_timeline_sql, "iiiiiisssi", access_id, access_id,
	    access_id, access_id, case_id, case_id, email, email, email, case_id)) != DB_OK)
		return rc;
	rows(d, &res);
	db_result_free(&res);
	return DB_OK;
}
