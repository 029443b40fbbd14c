#include "dmaccess.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "casefsm.h"
#include "clock.h"
#include "log.h"
#include "mail.h"
#include "userfee.h"

#define ACCESS_SELECT "SELECT d.id, d.authorisation_id, d.user_id, d.case_id, u.name, u.email, " \
	"DATE_FORMAT(d.requested_at, '%Y-%m-%d %H:%i:%s'), COALESCE(DATE_FORMAT(d.approved_at, " \
	"'%Y-%m-%d %H:%i:%s'), ''), COALESCE(DATE_FORMAT(d.ended_at, '%Y-%m-%d %H:%i:%s'), ''), " \
	"d.end_reason, COALESCE(d.fse_id, ''), c.state FROM datamanager_access d JOIN users u ON " \
	"u.id = d.user_id JOIN cases c ON c.id = d.case_id "

static void
access_from(const struct db_result *res, struct dm_access *a)
{
	int st = case_state_parse(db_cell(res, 0, 11));

	a->id = db_cell_int(res, 0, 0, 0);
	a->authorisation_id = db_cell_int(res, 0, 1, 0);
	a->user_id = db_cell_int(res, 0, 2, 0);
	a->case_id = db_cell_int(res, 0, 3, 0);
	snprintf(a->name, sizeof(a->name), "%s", db_cell(res, 0, 4));
	snprintf(a->email, sizeof(a->email), "%s", db_cell(res, 0, 5));
	snprintf(a->requested_at, sizeof(a->requested_at), "%s", db_cell(res, 0, 6));
	snprintf(a->approved_at, sizeof(a->approved_at), "%s", db_cell(res, 0, 7));
	snprintf(a->ended_at, sizeof(a->ended_at), "%s", db_cell(res, 0, 8));
	snprintf(a->end_reason, sizeof(a->end_reason), "%s", db_cell(res, 0, 9));
	snprintf(a->fse_id, sizeof(a->fse_id), "%s", db_cell(res, 0, 10));
	a->case_state = st < 0 ? CASE_DRAFT : st;
}

enum db_err
dm_access_find(struct db *db, long long auth, long long uid, int live, struct dm_access *a)
{
	struct db_result res;
	enum db_err rc;

	memset(a, 0, sizeof(*a));
	if ((rc = db_exec(db, &res, live ? ACCESS_SELECT "WHERE d.authorisation_id = ? AND "
	    "d.live_user = ?" : ACCESS_SELECT "WHERE d.authorisation_id = ? AND d.user_id = ? "
	    "ORDER BY d.id DESC LIMIT 1", "ii", auth, uid)) != DB_OK)
		return rc;
	if (res.nrows)
		access_from(&res, a);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
dm_access_get(struct db *db, long long auth, long long id, int lock, struct dm_access *a)
{
	struct db_result res;
	enum db_err rc;

	memset(a, 0, sizeof(*a));
	if ((rc = db_exec(db, &res, lock ? ACCESS_SELECT "WHERE d.id = ? AND d.authorisation_id = "
	    "? FOR UPDATE" : ACCESS_SELECT "WHERE d.id = ? AND d.authorisation_id = ?", "ii", id,
	    auth)) != DB_OK)
		return rc;
	if (res.nrows)
		access_from(&res, a);
	db_result_free(&res);
	return DB_OK;
}

static enum db_err
read_facts(struct db *db, int lock, const struct dm_access *a, struct dm_progress *f)
{
	char today[CLOCK_DATE_LEN], q[512];
	struct student_progress *p = &f->person;
	long long v, agreement;
	enum db_err rc;

	memset(f, 0, sizeof(*f));
	clock_today(today);
	snprintf(p->fse_id, sizeof(p->fse_id), "%s", a->fse_id);
	f->ended = a->ended_at[0] != '\0';
	/* R11: an administrator who is also datamanager; either role revoked, and it waits. */
	snprintf(q, sizeof(q), "SELECT COUNT(DISTINCT role) FROM role_assignments WHERE user_id = "
	    "? AND authorisation_id = %lld AND role IN ('administrator', 'datamanager') AND "
	    "revoked_at IS NULL", a->authorisation_id);
	if ((rc = student_progress_fact(db, lock, &v, q, "i", a->user_id, NULL)) != DB_OK)
		return rc;
	f->roles_held = v == 2;
	/* R15: the current version, accepted by this person. */
	if ((rc = student_progress_fact(db, lock, &agreement, "SELECT COALESCE(MAX(id), 0) FROM "
	    "user_agreements", "", 0, NULL)) != DB_OK)
		return rc;
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM user_agreement_acceptances WHERE user_id = "
	    "%lld AND agreement_id = ?", a->user_id);
	if ((rc = student_progress_fact(db, lock, &v, q, "i", agreement, NULL)) != DB_OK)
		return rc;
	p->agreement_accepted = agreement > 0 && v > 0;
	if ((rc = student_progress_fact(db, lock, &v, "SELECT COUNT(*) FROM access_sanctions WHERE "
	    "live_case = ?", "i", a->case_id, NULL)) != DB_OK)
		return rc;
	p->suspended = v > 0;
	if ((rc = student_progress_fact(db, lock, &v, "SELECT COUNT(*) FROM case_fees WHERE "
	    "user_fee_case = ?", "i", a->case_id, NULL)) != DB_OK)
		return rc;
	p->fee_charged = v > 0;
	return student_progress_certification(db, lock, a->email, today, p);
}

enum db_err
dm_progress_read(struct db *db, const struct dm_access *a, struct dm_progress *f)
{
	return read_facts(db, 0, a, f);
}

int
dm_progress_active(const struct dm_progress *f)
{
	const struct student_progress *p = &f->person;

	return !f->ended && p->fse_id[0] && f->roles_held && p->agreement_accepted &&
	    p->certified && !p->suspended;
}

void
dm_progress_rows(struct tmpl_dict *d, const struct dm_access *a, const struct dm_progress *f,
    int self)
{
	const struct student_progress *p = &f->person;
	char text[200];

	(void)a;
	student_progress_row(d, self ? "Forskningsservice har godkendt dig som bruger "
	    "(FSE-bruger-id)" : "Forskningsservice har godkendt personen som bruger",
	    p->fse_id[0] != '\0', "venter på Forskningsservice");
	student_progress_row(d, self ? "Du er både administrator og datamanager på "
	    "autorisationen" : "Personen er både administrator og datamanager på autorisationen",
	    f->roles_held, "den autorisationsansvarlige tildeler rollerne");
	student_progress_row(d, self ? "Du har accepteret brugeraftalen" : "Personen har "
	    "accepteret brugeraftalen", p->agreement_accepted, self ? "du accepterer den nedenfor" :
	    "venter på personen selv");
	student_progress_cert_text(text, sizeof(text), p, self);
	student_progress_row(d, text, p->certified, self ? "du tager kurset hos Danmarks "
	    "Statistik; Forskningsservice registrerer, at du har bestået" : "venter på, at "
	    "personen består kurset, og at Forskningsservice registrerer det");
	if (p->suspended)
		student_progress_row(d, self ? "Din adgang er suspenderet" : "Adgangen er "
		    "suspenderet", 0, self ? "kontakt en administrator på institutionen" : "en "
		    "administrator kan ophæve suspenderingen");
	student_progress_row(d, "Brugergebyret er opkrævet", p->fee_charged, "opkræves, når "
	    "adgangen bliver aktiv");
	tmpl_show(d, dm_progress_active(f) ? "ACCESS_ACTIVE" : "ACCESS_WAITING");
}

/* R32: the person is told the access is active, and what to do next. */
static enum db_err
tell_active(struct db *db, const struct config *cfg, const struct dm_access *a)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT COALESCE(a.number, ''), i.name FROM authorisations a "
	    "JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    a->authorisation_id)) != DB_OK)
		return rc;
	if (res.nrows == 0 || (md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return res.nrows ? DB_ENOMEM : DB_EEXEC;
	}
	tmpl_set(md, "NAME", a->name);
	tmpl_set(md, "NUMBER", db_cell(&res, 0, 0));
	tmpl_set(md, "INSTITUTION", db_cell(&res, 0, 1));
	tmpl_set(md, "FSE_ID", a->fse_id);
	tmpl_setf(md, "LINK", "%s/autorisation/datamanager?id=%lld", cfg->base_url,
	    a->authorisation_id);
	mrc = mail_enqueue_template(db, cfg, a->email, a->name, "Din brugeradgang til data er "
	    "aktiv", "datamanager_active", md, "datamanager_active", NULL);
	tmpl_dict_free(md);
	db_result_free(&res);
	if (mrc != MAIL_OK) {
		log_error("datamanager access %lld: activation mail: %s", a->id,
		    mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

enum db_err
dm_access_settle(struct db *db, const struct config *cfg, long long id, long long actor,
    const char *remote_addr, int *activated)
{
	struct dm_progress f;
	struct dm_access a;
	struct db_result res, upd;
	enum db_err rc;
	int was_active;

	if (activated)
		*activated = 0;
	/* The write every settler makes first (as lib/studentaccess.c: two at once take turns,
	 * or on a cluster the second conflicts and runs again). */
	if ((rc = db_exec(db, &upd, "UPDATE datamanager_access SET settled_at = NOW(6) WHERE id = "
	    "? AND ended_at IS NULL", "i", id)) != DB_OK)
		return rc;
	db_result_free(&upd);
	if ((rc = db_exec(db, &res, "SELECT authorisation_id, activated_at IS NOT NULL FROM "
	    "datamanager_access WHERE id = ? AND ended_at IS NULL FOR UPDATE", "i", id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_OK;
	}
	was_active = db_cell_int(&res, 0, 1, 0) != 0;
	rc = dm_access_get(db, db_cell_int(&res, 0, 0, 0), id, 0, &a);
	db_result_free(&res);
	if (rc != DB_OK || (rc = read_facts(db, 1, &a, &f)) != DB_OK)
		return rc;
	if (!dm_progress_active(&f) || was_active)
		return DB_OK;
	if ((rc = db_exec(db, &upd, "UPDATE datamanager_access SET activated_at = NOW(6) WHERE id = "
	    "? AND activated_at IS NULL", "i", id)) != DB_OK)
		return rc;
	db_result_free(&upd);
	if ((rc = audit_event(db, actor, "datamanager.access.active", "case", a.case_id,
	    a.user_id, remote_addr, a.fse_id)) != DB_OK ||
	    (rc = user_fee_charge(db, USER_FEE_DATAMANAGER, a.case_id, a.authorisation_id, actor,
	    remote_addr)) != DB_OK || (rc = tell_active(db, cfg, &a)) != DB_OK)
		return rc;
	if (activated)
		*activated = 1;
	return DB_OK;
}

enum db_err
dm_access_settle_email(struct db *db, const struct config *cfg, const char *email,
    long long actor, const char *remote_addr, int *activated)
{
	struct db_result res;
	enum db_err rc;
	size_t i;
	int one;

	if (activated)
		*activated = 0;
	if ((rc = db_exec(db, &res, "SELECT d.id FROM datamanager_access d JOIN users u ON u.id = "
	    "d.user_id WHERE u.email = ? AND d.ended_at IS NULL", "s", email ? email : "")) !=
	    DB_OK)
		return rc;
	for (i = 0; i < res.nrows && rc == DB_OK; i++)
		if ((rc = dm_access_settle(db, cfg, db_cell_int(&res, i, 0, 0), actor, remote_addr,
		    &one)) == DB_OK && one && activated)
			(*activated)++;
	db_result_free(&res);
	return rc;
}
