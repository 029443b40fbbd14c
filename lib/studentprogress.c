#include "studentprogress.h"

#include <stdio.h>
#include <string.h>

#include "datefmt.h"

/* The newest pass of email that is valid on today, else the newest that has expired (R14). */
static enum db_err
certification(struct db *db, const char *email, const char *today, struct student_progress *p)
{
	struct db_result res;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT DATE_FORMAT(passed_on, '%Y-%m-%d'), "
	    "COALESCE(DATE_FORMAT(valid_until, '%Y-%m-%d'), ''), passed_on <= ? AND (valid_until "
	    "IS NULL OR valid_until >= ?) FROM certifications WHERE email = ? AND withdrawn_at IS "
	    "NULL AND passed_on <= ? ORDER BY 3 DESC, passed_on DESC LIMIT 1", "ssss", today, today,
	    email, today)) != DB_OK)
		return rc;
	if (res.nrows && db_cell_int(&res, 0, 2, 0)) {
		p->certified = 1;
		snprintf(p->cert_passed_on, sizeof(p->cert_passed_on), "%s", db_cell(&res, 0, 0));
		snprintf(p->cert_valid_until, sizeof(p->cert_valid_until), "%s", db_cell(&res, 0, 1));
	} else if (res.nrows)
		snprintf(p->cert_expired_on, sizeof(p->cert_expired_on), "%s", db_cell(&res, 0, 1));
	db_result_free(&res);
	return DB_OK;
}

enum db_err
student_progress_read(struct db *db, long long case_id, long long auth, const char *email,
    struct student_progress *p)
{
	char today[CLOCK_DATE_LEN];
	struct db_result res;
	enum db_err rc;

	memset(p, 0, sizeof(*p));
	if (email == NULL)
		email = "";
	clock_today(today);
	if ((rc = db_exec(db, &res, "SELECT (SELECT COUNT(*) FROM files WHERE purpose = 'annex1' AND "
	    "authorisation_id = ? AND slot = ? AND is_current = 1), COALESCE((SELECT fse_id FROM "
	    "fse_user_approvals WHERE student_case_id = ?), ''), (SELECT COUNT(*) FROM "
	    "user_agreement_acceptances x JOIN users u ON u.id = x.user_id WHERE u.email = ? AND "
	    "x.agreement_id = (SELECT MAX(id) FROM user_agreements)), (SELECT COUNT(*) FROM "
	    "access_sanctions WHERE live_case = ?), (SELECT COUNT(*) FROM case_fees WHERE "
	    "user_fee_case = ?)", "iiisii", auth, case_id, case_id, email, case_id, case_id)) !=
	    DB_OK)
		return rc;
	if (res.nrows) {
		p->annex1_signed = db_cell_int(&res, 0, 0, 0) > 0;
		snprintf(p->fse_id, sizeof(p->fse_id), "%s", db_cell(&res, 0, 1));
		p->agreement_accepted = db_cell_int(&res, 0, 2, 0) > 0;
		p->suspended = db_cell_int(&res, 0, 3, 0) > 0;
		p->fee_charged = db_cell_int(&res, 0, 4, 0) > 0;
	}
	db_result_free(&res);
	if ((rc = db_exec(db, &res, "SELECT s.id, CONCAT(j.number, ' ', j.title), "
	    "COALESCE(DATE_FORMAT(s.ends_on, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(s.activated_at, "
	    "'%Y-%m-%d %H:%i:%s'), '') FROM student_access s JOIN projects j ON j.case_id = "
	    "s.project_case_id WHERE s.student_case_id = ? AND s.ended_at IS NULL", "i", case_id)) !=
	    DB_OK)
		return rc;
	if (res.nrows) {
		p->access_id = db_cell_int(&res, 0, 0, 0);
		snprintf(p->project, sizeof(p->project), "%s", db_cell(&res, 0, 1));
		snprintf(p->ends_on, sizeof(p->ends_on), "%s", db_cell(&res, 0, 2));
		snprintf(p->activated_at, sizeof(p->activated_at), "%s", db_cell(&res, 0, 3));
		/* R11: the access ends on the end date (the day itself no longer counts). */
		p->period_ended = p->ends_on[0] == '\0' || strcmp(today, p->ends_on) >= 0;
	}
	db_result_free(&res);
	return certification(db, email, today, p);
}

int
student_progress_active(const struct student_progress *p)
{
	return p->annex1_signed && p->fse_id[0] && p->access_id && p->agreement_accepted &&
	    p->certified && !p->period_ended && !p->suspended;
}

static void
row(struct tmpl_dict *d, const char *text, int done, const char *who)
{
	struct tmpl_dict *r = tmpl_add_row(d, "CHECK");

	tmpl_set(r, "TEXT", text);
	if (done) {
		tmpl_show(r, "DONE");
		return;
	}
	tmpl_show(r, "NOT_YET");
	if (who)
		tmpl_set(tmpl_add_row(r, "WHO"), "TEXT", who);
}

/* "YYYY-MM-DD" as "1. juni 2027". */
static void
day(const char *ymd, char *out, size_t n)
{
	char utc[32];

	snprintf(utc, sizeof(utc), "%s 12:00:00", ymd);
	datefmt_danish(out, n, utc, DATEFMT_DATE);
}

void
student_progress_rows(struct tmpl_dict *d, const struct student_progress *p,
    enum student_reader who)
{
	int self = who == STUDENT_READER_SELF;
	char text[200], when[64];

	row(d, self ? "Din vejleder har underskrevet bilag 1 om specialets forskningshøjde" :
	    "Bilag 1 er underskrevet og uploadet", p->annex1_signed, self ? "din vejleder gør det" :
	    "venter på vejlederen");
	row(d, self ? "Forskningsservice har godkendt dig som bruger (FSE-bruger-id)" :
	    "Forskningsservice har godkendt den studerende som bruger", p->fse_id[0] != '\0',
	    "venter på Forskningsservice");
	row(d, self ? "Du har adgang til projektet" : "Adgang til projektet", p->access_id != 0,
	    self ? "en administrator på institutionen giver den" : "venter på en administrator");
	row(d, self ? "Du har accepteret brugeraftalen" : "Den studerende har accepteret "
	    "brugeraftalen", p->agreement_accepted, self ? "du accepterer den nedenfor" :
	    "venter på den studerende");
	/* R14: the course, with the pass's dates; an expired pass says so. */
	if (p->certified && p->cert_valid_until[0]) {
		day(p->cert_valid_until, when, sizeof(when));
		snprintf(text, sizeof(text), "%s (gælder til og med %s)", self ? "Du har bestået "
		    "certificeringskurset" : "Certificeringskurset er bestået", when);
	} else if (p->cert_expired_on[0]) {
		day(p->cert_expired_on, when, sizeof(when));
		snprintf(text, sizeof(text), "%s (det sidste bevis udløb %s)", self ? "Du har bestået "
		    "certificeringskurset" : "Certificeringskurset er bestået", when);
	} else
		snprintf(text, sizeof(text), "%s", self ? "Du har bestået certificeringskurset" :
		    "Certificeringskurset er bestået");
	row(d, text, p->certified, self ? "du tager kurset hos Danmarks Statistik; "
	    "Forskningsservice registrerer, at du har bestået" : "venter på, at den studerende "
	    "består kurset, og at Forskningsservice registrerer det");
	/* R11: the thesis period and sanctions only matter once there is an access. */
	if (p->access_id && p->ends_on[0]) {
		day(p->ends_on, when, sizeof(when));
		snprintf(text, sizeof(text), p->period_ended ? "Specialeperioden sluttede %s" :
		    "Specialeperioden er ikke slut (adgangen slutter %s)", when);
		row(d, text, !p->period_ended, self ? "kontakt din vejleder, hvis perioden skal "
		    "forlænges" : "en administrator kan forlænge perioden");
	}
	if (p->suspended)
		row(d, self ? "Din adgang er suspenderet" : "Adgangen er suspenderet", 0, self ?
		    "kontakt en administrator på institutionen" : "en administrator kan ophæve "
		    "suspenderingen");
	row(d, "Brugergebyret er opkrævet", p->fee_charged, "opkræves, når adgangen bliver aktiv");
	tmpl_show(d, student_progress_active(p) ? "ACCESS_ACTIVE" : "ACCESS_WAITING");
}
