#include "studentaccess.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "datefmt.h"
#include "log.h"
#include "mail.h"
#include "studentprogress.h"
#include "tmpl.h"
#include "userfee.h"

/* R32: the student is told that the access is active, what the project is, until when. */
static enum db_err
tell_student(struct db *db, const struct config *cfg, long long case_id, long long auth,
    const char *email, const struct student_progress *p)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc;
	enum db_err rc;
	char ends[64];

	if ((rc = db_exec(db, &res, "SELECT c.title, COALESCE(a.number, ''), i.name, "
	    "COALESCE(u.name, '') FROM cases c JOIN authorisations a ON a.id = c.authorisation_id "
	    "JOIN institutions i ON i.id = a.institution_id LEFT JOIN users u ON u.id = "
	    "c.created_by WHERE c.id = ?", "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows == 0 || (md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return res.nrows ? DB_ENOMEM : DB_OK;
	}
	tmpl_set(md, "NAME", db_cell(&res, 0, 0));
	tmpl_set(md, "NUMBER", db_cell(&res, 0, 1));
	tmpl_set(md, "INSTITUTION", db_cell(&res, 0, 2));
	tmpl_set(md, "SUPERVISOR", db_cell(&res, 0, 3));
	tmpl_set(md, "PROJECT", p->project);
	tmpl_set(md, "FSE_ID", p->fse_id);
	datefmt_day(ends, sizeof(ends), p->ends_on);
	tmpl_set(md, "ENDS", ends);
	tmpl_setf(md, "LINK", "%s/studerende/mig?id=%lld", cfg->base_url, auth);
	mrc = mail_enqueue_template(db, cfg, email, db_cell(&res, 0, 0), "Din adgang til data er "
	    "aktiv", "student_active", md, "student_active", NULL);
	tmpl_dict_free(md);
	db_result_free(&res);
	if (mrc != MAIL_OK) {
		log_error("student case %lld: activation mail: %s", case_id, mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

enum db_err
student_access_settle(struct db *db, const struct config *cfg, long long case_id,
    long long actor, const char *remote_addr, enum student_settled *out)
{
	struct student_progress p;
	struct db_result res, upd;
	char email[256];
	long long id, auth;
	enum db_err rc;
	int was_active;

	if (out)
		*out = STUDENT_SETTLED_NONE;
	/* Every settler writes the live access row first (migration 021): on one server two of
	 * them take turns here, on a cluster the second to commit conflicts and runs again; the
	 * facts are then read with locking reads, which see what the other committed. */
	if ((rc = db_exec(db, &upd, "UPDATE student_access SET settled_at = NOW(6) WHERE "
	    "student_case_id = ? AND ended_at IS NULL", "i", case_id)) != DB_OK)
		return rc;
	db_result_free(&upd);
	if ((rc = db_exec(db, &res, "SELECT id, authorisation_id, student_email, activated_at IS "
	    "NOT NULL FROM student_access WHERE student_case_id = ? AND ended_at IS NULL FOR UPDATE",
	    "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_OK;
	}
	id = db_cell_int(&res, 0, 0, 0);
	auth = db_cell_int(&res, 0, 1, 0);
	snprintf(email, sizeof(email), "%s", db_cell(&res, 0, 2));
	was_active = db_cell_int(&res, 0, 3, 0) != 0;
	db_result_free(&res);
	if ((rc = student_progress_read_locked(db, case_id, auth, email, &p)) != DB_OK)
		return rc;
	if (!student_progress_active(&p))
		return DB_OK;
	if (was_active) {
		if (out)
			*out = STUDENT_SETTLED_ACTIVE;
		return DB_OK;
	}
	if ((rc = db_exec(db, &upd, "UPDATE student_access SET activated_at = NOW(6) WHERE id = ? "
	    "AND activated_at IS NULL", "i", id)) != DB_OK)
		return rc;
	db_result_free(&upd);
	if ((rc = audit_event(db, actor, "student.access.active", "case", case_id, 0, remote_addr,
	    p.project)) != DB_OK || (rc = user_fee_charge(db, USER_FEE_STUDENT, case_id, auth, actor,
	    remote_addr)) != DB_OK ||
	    (rc = tell_student(db, cfg, case_id, auth, email, &p)) != DB_OK)
		return rc;
	if (out)
		*out = STUDENT_SETTLED_ACTIVATED;
	return DB_OK;
}

enum db_err
student_access_settle_email(struct db *db, const struct config *cfg, const char *email,
    long long actor, const char *remote_addr, int *activated)
{
	enum student_settled s;
	struct db_result res;
	enum db_err rc = DB_OK;
	size_t i;

	if (activated)
		*activated = 0;
	if ((rc = db_exec(db, &res, "SELECT student_case_id FROM student_access WHERE student_email "
	    "= ? AND ended_at IS NULL", "s", email ? email : "")) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows && rc == DB_OK; i++)
		if ((rc = student_access_settle(db, cfg, db_cell_int(&res, i, 0, 0), actor,
		    remote_addr, &s)) == DB_OK && s == STUDENT_SETTLED_ACTIVATED && activated)
			(*activated)++;
	db_result_free(&res);
	return rc;
}
