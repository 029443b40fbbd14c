#include "studentprogress.h"

#include <stdio.h>
#include <string.h>

#include "certification.h"
#include "datefmt.h"

/*
 * One fact: the first cell of sql (with a locking suffix when lock) as a number; the types and
 * arguments as db_exec's, at most two. Locking reads see what other transactions committed
 * since this one began (lib/studentaccess.c settles on them).
 */
enum db_err
student_progress_fact(struct db *db, int lock, long long *out, const char *sql,
    const char *types, long long i, const char *s)
{
	char q[768];
	struct db_result res;
	enum db_err rc;

	snprintf(q, sizeof(q), "%s%s", sql, lock ? " LOCK IN SHARE MODE" : "");
	rc = types[0] == '\0' ? db_exec(db, &res, q, "") : types[0] == 's' ?
	    db_exec(db, &res, q, "s", s) : types[1] == 's' ?
	    db_exec(db, &res, q, "is", i, s) : db_exec(db, &res, q, "i", i);
	if (rc != DB_OK)
		return rc;
	*out = res.nrows ? db_cell_int(&res, 0, 0, 0) : 0;
	db_result_free(&res);
	return DB_OK;
}

enum db_err
student_progress_certification(struct db *db, int lock, const char *email, const char *today,
    struct student_progress *p)
{
	struct certification_status c;
	enum db_err rc;

	if ((rc = certification_status(db, email, today, lock, &c)) != DB_OK)
		return rc;
	if (c.valid) {
		p->certified = 1;
		snprintf(p->cert_passed_on, sizeof(p->cert_passed_on), "%s", c.passed_on);
		snprintf(p->cert_valid_until, sizeof(p->cert_valid_until), "%s", c.valid_until);
	} else if (c.passed_on[0])
		snprintf(p->cert_expired_on, sizeof(p->cert_expired_on), "%s", c.valid_until);
	return DB_OK;
}

static enum db_err
read_facts(struct db *db, int lock, long long case_id, long long auth, const char *email,
    struct student_progress *p)
{
	char today[CLOCK_DATE_LEN], q[512];
	struct db_result res;
	long long v, agreement;
	enum db_err rc;

	memset(p, 0, sizeof(*p));
	if (email == NULL)
		email = "";
	clock_today(today);
	/* R27: the signed Annex 1 on the case (files are kept per authorisation and slot). */
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM files WHERE purpose = 'annex1' AND "
	    "authorisation_id = %lld AND slot = ? AND is_current = 1", auth);
	if ((rc = student_progress_fact(db, lock, &v, q, "i", case_id, NULL)) != DB_OK)
		return rc;
	p->annex1_signed = v > 0;
	if ((rc = db_exec(db, &res, lock ? "SELECT fse_id FROM fse_user_approvals WHERE "
	    "student_case_id = ? LOCK IN SHARE MODE" : "SELECT fse_id FROM fse_user_approvals WHERE "
	    "student_case_id = ?", "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(p->fse_id, sizeof(p->fse_id), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	/* R15: the current version, accepted by the person with the student's address. */
	if ((rc = student_progress_fact(db, lock, &agreement, "SELECT COALESCE(MAX(id), 0) FROM user_agreements",
	    "", 0, NULL)) != DB_OK ||
	    (rc = student_progress_fact(db, lock, &v, "SELECT COUNT(*) FROM user_agreement_acceptances x JOIN users "
	    "u ON u.id = x.user_id WHERE x.agreement_id = ? AND u.email = ?", "is", agreement,
	    email)) != DB_OK)
		return rc;
	p->agreement_accepted = agreement > 0 && v > 0;
	if ((rc = student_progress_fact(db, lock, &v, "SELECT COUNT(*) FROM access_sanctions WHERE live_case = ?",
	    "i", case_id, NULL)) != DB_OK)
		return rc;
	p->suspended = v > 0;
	if ((rc = student_progress_fact(db, lock, &v, "SELECT COUNT(*) FROM case_fees WHERE user_fee_case = ?", "i",
	    case_id, NULL)) != DB_OK)
		return rc;
	p->fee_charged = v > 0;
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
	return student_progress_certification(db, lock, email, today, p);
}

enum db_err
student_progress_read(struct db *db, long long case_id, long long auth, const char *email,
    struct student_progress *p)
{
	return read_facts(db, 0, case_id, auth, email, p);
}

enum db_err
student_progress_read_locked(struct db *db, long long case_id, long long auth,
    const char *email, struct student_progress *p)
{
	return read_facts(db, 1, case_id, auth, email, p);
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

void
student_progress_row(struct tmpl_dict *d, const char *text, int done, const char *who)
{
	row(d, text, done, who);
}

void
student_progress_cert_text(char *text, size_t n, const struct student_progress *p, int self)
{
	const char *done = self ? "Du har bestået certificeringskurset" :
	    "Certificeringskurset er bestået";
	char when[64];

	if (p->certified && p->cert_valid_until[0]) {
		datefmt_day(when, sizeof(when), p->cert_valid_until);
		snprintf(text, n, "%s (gælder til og med %s)", done, when);
	} else if (p->certified) {
		datefmt_day(when, sizeof(when), p->cert_passed_on);
		snprintf(text, n, "%s (bestået %s)", done, when);
	} else if (p->cert_expired_on[0]) {
		datefmt_day(when, sizeof(when), p->cert_expired_on);
		snprintf(text, n, "%s (det sidste bevis udløb %s)", done, when);
	} else
		snprintf(text, n, "%s", done);
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
	student_progress_cert_text(text, sizeof(text), p, self);
	row(d, text, p->certified, self ? "du tager kurset hos Danmarks Statistik; "
	    "Forskningsservice registrerer, at du har bestået" : "venter på, at den studerende "
	    "består kurset, og at Forskningsservice registrerer det");
	/* R11: the thesis period and sanctions only matter once there is an access. */
	if (p->access_id && p->ends_on[0]) {
		datefmt_day(when, sizeof(when), p->ends_on);
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
