#include "certification.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "dmaccess.h"
#include "studentaccess.h"

/* The user with that address, for the audit trail's subject (R33); 0 when there is none yet. */
static enum db_err
person(struct db *db, const char *email, long long *uid)
{
	struct db_result res;
	enum db_err rc;

	*uid = 0;
	if ((rc = db_exec(db, &res, "SELECT id FROM users WHERE email = ?", "s", email)) != DB_OK)
		return rc;
	if (res.nrows)
		*uid = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
certification_record(struct db *db, const struct config *cfg, const struct certification_new *n,
    long long actor, const char *remote_addr, long long *id, int *activated)
{
	const char *source = n->from_list ? "list" : "form";
	struct db_result res;
	char detail[64];
	long long new_id, uid;
	enum db_err rc;
	int dm = 0;

	if (id)
		*id = 0;
	if (activated)
		*activated = 0;
	/* The unique key (email, passed_on) says "recorded already": no lock to rest on. */
	if (n->valid_until && n->valid_until[0])
		rc = db_exec(db, &res, "INSERT INTO certifications (email, name, passed_on, "
		    "valid_until, source, recorded_by) VALUES (?, ?, ?, ?, ?, ?)", "sssssi", n->email,
		    n->name, n->passed_on, n->valid_until, source, actor);
	else
		rc = db_exec(db, &res, "INSERT INTO certifications (email, name, passed_on, "
		    "valid_until, source, recorded_by) VALUES (?, ?, ?, ?, ?, ?)", "sssnsi", n->email,
		    n->name, n->passed_on, source, actor);
	if (rc != DB_OK)
		return rc;
	new_id = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s %s", source, n->passed_on);
	if ((rc = person(db, n->email, &uid)) != DB_OK ||
	    (rc = audit_event(db, actor, "certification.record", "certification", new_id, uid,
	    remote_addr, detail)) != DB_OK)
		return rc;
	/* R14: the course was what an access may have waited for (a student's, or a
	 * datamanager's own: R11). */
	if ((rc = student_access_settle_email(db, cfg, n->email, actor, remote_addr,
	    activated)) != DB_OK || (rc = dm_access_settle_email(db, cfg, n->email, actor,
	    remote_addr, &dm)) != DB_OK)
		return rc;
	if (activated)
		*activated += dm;
	if (id)
		*id = new_id;
	return DB_OK;
}

enum db_err
certification_withdraw(struct db *db, const struct config *cfg, long long id, const char *reason,
    long long actor, const char *remote_addr, int *done)
{
	struct db_result res;
	char email[CERTLIST_EMAIL_MAX + 1];
	long long uid;
	enum db_err rc;

	*done = 0;
	if ((rc = db_exec(db, &res, "SELECT email FROM certifications WHERE id = ? AND "
	    "withdrawn_at IS NULL FOR UPDATE", "i", id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_OK;
	}
	snprintf(email, sizeof(email), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	/* The write is on the row itself: two withdrawals conflict, one wins (Galera too). */
	if ((rc = db_exec(db, &res, "UPDATE certifications SET withdrawn_at = NOW(6), "
	    "withdrawn_by = ?, withdraw_reason = ? WHERE id = ? AND withdrawn_at IS NULL", "isi",
	    actor, reason, id)) != DB_OK)
		return rc;
	*done = res.affected == 1;
	db_result_free(&res);
	if (!*done)
		return DB_OK;
	if ((rc = person(db, email, &uid)) != DB_OK ||
	    (rc = audit_event(db, actor, "certification.withdraw", "certification", id, uid,
	    remote_addr, "")) != DB_OK)
		return rc;
	/* An access already active is not ended here; settling records what holds now. */
	if ((rc = student_access_settle_email(db, cfg, email, actor, remote_addr, NULL)) != DB_OK)
		return rc;
	return dm_access_settle_email(db, cfg, email, actor, remote_addr, NULL);
}

#define COLUMNS "c.id, c.email, c.name, DATE_FORMAT(c.passed_on, '%Y-%m-%d'), " \
	"COALESCE(DATE_FORMAT(c.valid_until, '%Y-%m-%d'), ''), c.source = 'list', " \
	"COALESCE(r.name, ''), DATE_FORMAT(c.recorded_at, '%Y-%m-%d %H:%i:%s'), " \
	"COALESCE(DATE_FORMAT(c.withdrawn_at, '%Y-%m-%d %H:%i:%s'), ''), COALESCE(w.name, ''), " \
	"c.withdraw_reason FROM certifications c LEFT JOIN users r ON r.id = c.recorded_by " \
	"LEFT JOIN users w ON w.id = c.withdrawn_by"

static void
from_row(const struct db_result *res, size_t i, struct certification *c)
{
	const char *v;

	memset(c, 0, sizeof(*c));
	c->id = db_cell_int(res, i, 0, 0);
#define CELL(field, col) snprintf(c->field, sizeof(c->field), "%s", \
	(v = db_cell(res, i, (col))) ? v : "")
	CELL(email, 1);
	CELL(name, 2);
	CELL(passed_on, 3);
	CELL(valid_until, 4);
	c->from_list = db_cell_int(res, i, 5, 0) != 0;
	CELL(recorded_by, 6);
	CELL(recorded_at, 7);
	CELL(withdrawn_at, 8);
	CELL(withdrawn_by, 9);
	CELL(withdraw_reason, 10);
#undef CELL
}

enum db_err
certification_get(struct db *db, long long id, struct certification *c)
{
	struct db_result res;
	enum db_err rc;

	memset(c, 0, sizeof(*c));
	if ((rc = db_exec(db, &res, "SELECT " COLUMNS " WHERE c.id = ?", "i", id)) != DB_OK)
		return rc;
	if (res.nrows)
		from_row(&res, 0, c);
	db_result_free(&res);
	return DB_OK;
}

/* search as a LIKE pattern that finds it anywhere, its own '%', '_' and '\' taken literally. */
static void
pattern(const char *search, char *out, size_t n)
{
	size_t o = 0;

	if (n < 3) {
		if (n)
			out[0] = '\0';
		return;
	}
	out[o++] = '%';
	for (; *search && o + 3 < n; search++) {
		if (*search == '%' || *search == '_' || *search == '\\')
			out[o++] = '\\';
		out[o++] = *search;
	}
	out[o++] = '%';
	out[o] = '\0';
}

enum db_err
certification_find(struct db *db, const char *search, size_t limit,
    struct certification_list *l)
{
	char like[1024];
	struct db_result res, count;
	enum db_err rc;
	size_t i;

	memset(l, 0, sizeof(*l));
	pattern(search ? search : "", like, sizeof(like));
	if ((rc = db_exec(db, &count, "SELECT COUNT(*) FROM certifications WHERE email LIKE ? OR "
	    "name LIKE ?", "ss", like, like)) != DB_OK)
		return rc;
	l->total = (size_t)db_cell_int(&count, 0, 0, 0);
	db_result_free(&count);
	if ((rc = db_exec(db, &res, "SELECT " COLUMNS " WHERE c.email LIKE ? OR c.name LIKE ? "
	    "ORDER BY c.recorded_at DESC, c.id DESC LIMIT ?", "ssi", like, like,
	    (long long)limit)) != DB_OK)
		return rc;
	if (res.nrows && (l->rows = calloc(res.nrows, sizeof(*l->rows))) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	for (i = 0; i < res.nrows; i++)
		from_row(&res, i, &l->rows[i]);
	l->nrows = res.nrows;
	db_result_free(&res);
	return DB_OK;
}

void
certification_list_free(struct certification_list *l)
{
	free(l->rows);
	memset(l, 0, sizeof(*l));
}

enum db_err
certification_status(struct db *db, const char *email, const char *day, int lock,
    struct certification_status *s)
{
	static const char sql[] = "SELECT DATE_FORMAT(passed_on, '%Y-%m-%d'), "
	    "COALESCE(DATE_FORMAT(valid_until, '%Y-%m-%d'), ''), valid_until IS NULL OR "
	    "valid_until >= ? FROM certifications WHERE email = ? AND withdrawn_at IS NULL AND "
	    "passed_on <= ? ORDER BY 3 DESC, passed_on DESC LIMIT 1";
	char q[sizeof(sql) + 24];
	struct db_result res;
	enum db_err rc;

	memset(s, 0, sizeof(*s));
	/* R14: the one reading of a person's passes, for /konto and the access's checklist. */
	snprintf(q, sizeof(q), "%s%s", sql, lock ? " LOCK IN SHARE MODE" : "");
	if ((rc = db_exec(db, &res, q, "sss", day, email ? email : "", day)) != DB_OK)
		return rc;
	if (res.nrows) {
		s->valid = db_cell_int(&res, 0, 2, 0) != 0;
		snprintf(s->passed_on, sizeof(s->passed_on), "%s", db_cell(&res, 0, 0));
		snprintf(s->valid_until, sizeof(s->valid_until), "%s", db_cell(&res, 0, 1));
	}
	db_result_free(&res);
	return DB_OK;
}
