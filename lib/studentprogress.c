#include "studentprogress.h"

#include <stdio.h>
#include <string.h>

enum db_err
student_progress_read(struct db *db, long long case_id, long long auth, const char *email,
    struct student_progress *p)
{
	struct db_result res;
	enum db_err rc;

	memset(p, 0, sizeof(*p));
	if ((rc = db_exec(db, &res, "SELECT (SELECT COUNT(*) FROM files WHERE purpose = 'annex1' AND "
	    "authorisation_id = ? AND slot = ? AND is_current = 1), COALESCE((SELECT fse_id FROM "
	    "fse_user_approvals WHERE student_case_id = ?), ''), COALESCE((SELECT CONCAT(j.number, "
	    "' ', j.title) FROM student_access s JOIN projects j ON j.case_id = s.project_case_id "
	    "WHERE s.student_case_id = ? AND s.ended_at IS NULL), ''), (SELECT COUNT(*) FROM "
	    "user_agreement_acceptances x JOIN users u ON u.id = x.user_id WHERE u.email = ? AND "
	    "x.agreement_id = (SELECT MAX(id) FROM user_agreements))", "iiiis", auth, case_id,
	    case_id, case_id, email ? email : "")) != DB_OK)
		return rc;
	if (res.nrows) {
		p->annex1_signed = db_cell_int(&res, 0, 0, 0) > 0;
		snprintf(p->fse_id, sizeof(p->fse_id), "%s", db_cell(&res, 0, 1));
		snprintf(p->project, sizeof(p->project), "%s", db_cell(&res, 0, 2));
		p->agreement_accepted = db_cell_int(&res, 0, 3, 0) > 0;
	}
	db_result_free(&res);
	return DB_OK;
}

static void
row(struct tmpl_dict *d, const char *text, int done, const char *later)
{
	struct tmpl_dict *r = tmpl_add_row(d, "CHECK");

	tmpl_set(r, "TEXT", text);
	if (done)
		tmpl_show(r, "DONE");
	else if (later)
		tmpl_set(tmpl_add_row(r, "LATER"), "WHY", later);
	else
		tmpl_show(r, "NOT_YET");
}

void
student_progress_rows(struct tmpl_dict *d, const struct student_progress *p,
    enum student_reader who)
{
	int self = who == STUDENT_READER_SELF;

	row(d, self ? "Din vejleder har underskrevet bilag 1 om specialets forskningshøjde" :
	    "Bilag 1 er underskrevet og uploadet", p->annex1_signed, NULL);
	row(d, self ? "Forskningsservice har godkendt dig som bruger (FSE-bruger-id)" :
	    "Forskningsservice har godkendt den studerende som bruger", p->fse_id[0] != '\0', NULL);
	row(d, self ? "Du har adgang til projektet" : "Adgang til projektet", p->project[0] != '\0',
	    NULL);
	row(d, self ? "Du har accepteret brugeraftalen" : "Den studerende har accepteret "
	    "brugeraftalen", p->agreement_accepted, NULL);
	row(d, self ? "Du har bestået certificeringskurset" : "Certificeringskurset er bestået", 0,
	    "kommer senere på portalen");
	row(d, "Brugergebyret er betalt", 0, "kommer senere på portalen");
}
