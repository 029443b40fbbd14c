#include "agreement.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "datefmt.h"

enum db_err
user_agreement_read(struct db *db, long long uid, struct user_agreement *a)
{
	struct db_result res;
	enum db_err rc;

	memset(a, 0, sizeof(*a));
	if ((rc = db_exec(db, &res, "SELECT a.id, a.text, COALESCE((SELECT DATE_FORMAT("
	    "x.accepted_at, '%Y-%m-%d %H:%i:%s') FROM user_agreement_acceptances x WHERE "
	    "x.agreement_id = a.id AND x.user_id = ?), ''), COALESCE((SELECT MAX(y.agreement_id) "
	    "FROM user_agreement_acceptances y WHERE y.user_id = ? AND y.agreement_id < a.id), 0) "
	    "FROM user_agreements a ORDER BY a.id DESC LIMIT 1", "ii", uid, uid)) != DB_OK)
		return rc;
	if (res.nrows) {
		a->version = db_cell_int(&res, 0, 0, 0);
		a->text = strdup(db_cell(&res, 0, 1));
		snprintf(a->accepted_at, sizeof(a->accepted_at), "%s", db_cell(&res, 0, 2));
		a->accepted_older = db_cell_int(&res, 0, 3, 0);
	}
	db_result_free(&res);
	return a->version && a->text == NULL ? DB_ENOMEM : DB_OK;
}

void
user_agreement_free(struct user_agreement *a)
{
	free(a->text);
	a->text = NULL;
}

void
user_agreement_rows(struct tmpl_dict *d, const struct user_agreement *a, const char *name)
{
	struct tmpl_dict *g;
	char when[64];

	if (a->version == 0) {
		tmpl_show(d, "NO_AGREEMENT");
		return;
	}
	g = tmpl_add_row(d, "AGREEMENT");
	tmpl_set_int(g, "VERSION", a->version);
	tmpl_set(g, "TEXT", a->text ? a->text : "");
	if (a->accepted_at[0]) {
		struct tmpl_dict *acc = tmpl_add_row(g, "ACCEPTED");

		datefmt_danish(when, sizeof(when), a->accepted_at, DATEFMT_DATETIME);
		tmpl_set(acc, "AT", when);
		tmpl_set(acc, "BY", name);
	} else {
		struct tmpl_dict *form = tmpl_add_row(g, "ACCEPT");

		tmpl_set_int(form, "VERSION", a->version);
		if (a->accepted_older)
			tmpl_show(form, "CHANGED");	/* a new version: accept it again */
	}
}

enum db_err
user_agreement_accept(struct db *db, long long uid, long long version, const char *remote_addr,
    enum agreement_outcome *out)
{
	struct db_result res;
	enum db_err rc;
	char detail[64];

	*out = AGREEMENT_NOT_CURRENT;
	/* Only the version the person read, and only while it is the current one. */
	if ((rc = db_exec(db, &res, "SELECT MAX(id) FROM user_agreements", "")) != DB_OK)
		return rc;
	if (res.nrows == 0 || db_cell_int(&res, 0, 0, 0) != version || version <= 0) {
		db_result_free(&res);
		return DB_OK;
	}
	db_result_free(&res);
	rc = db_exec(db, NULL, "INSERT INTO user_agreement_acceptances (agreement_id, user_id) "
	    "VALUES (?, ?)", "ii", version, uid);
	if (rc == DB_EDUP) {
		*out = AGREEMENT_ALREADY;
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	snprintf(detail, sizeof(detail), "version %lld", version);
	if ((rc = audit_event(db, uid, "agreement.accept", "agreement", version, 0, remote_addr,
	    detail)) != DB_OK)
		return rc;
	*out = AGREEMENT_ACCEPTED;
	return DB_OK;
}
