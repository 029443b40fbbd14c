#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"

static const char *const cases_errs[CASES__MAX] = {
	[CASES_OK] = "no error",
	[CASES_ENOTFOUND] = "no such case",
	[CASES_ECONFLICT] = "the case changed since it was read",
	[CASES_ENOTALLOWED] = "that move is not allowed",
	[CASES_EREASON] = "that move needs a reason",
	[CASES_ENOTEDITABLE] = "the case cannot be edited in its state",
	[CASES_EDB] = "database error",
};

const char *
cases_strerror(enum cases_err e)
{
	return (unsigned)e < CASES__MAX ? cases_errs[e] : "unknown error";
}

static char *
dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

enum cases_err
cases_create(struct db *db, const char *type, long long created_by, long long authorisation_id,
    const char *title, const char *data, long long *id)
{
	struct db_result res;

	if (db_exec(db, &res, "INSERT INTO cases (type, created_by, authorisation_id, title, data) "
	    "VALUES (?, ?, NULLIF(?, 0), ?, ?)", "siiss", type, created_by, authorisation_id,
	    title ? title : "", data ? data : "") != DB_OK)
		return CASES_EDB;
	*id = (long long)res.insert_id;
	db_result_free(&res);
	if (db_exec(db, NULL, "INSERT INTO case_events (case_id, actor_id, from_state, to_state) "
	    "VALUES (?, ?, '', 'draft')", "ii", *id, created_by) != DB_OK ||
	    audit_event(db, created_by, "case.create", "case", *id, 0, "", type) != DB_OK)
		return CASES_EDB;
	return CASES_OK;
}

enum cases_err
cases_load(struct db *db, long long id, int lock, struct case_row *c)
{
	struct db_result res;
	int st;

	memset(c, 0, sizeof(*c));
	/* The lock orders writers on one server; what carries "one change per version" on a
	 * cluster is the row itself: cases_save and cases_move write it (version + 1, WHERE
	 * version = the one read), so two changes on two nodes collide on it. */
	if (db_exec(db, &res, lock ?
	    "SELECT id, type, state, version, created_by, COALESCE(authorisation_id, 0), title, "
	    "data FROM cases WHERE id = ? FOR UPDATE" :
	    "SELECT id, type, state, version, created_by, COALESCE(authorisation_id, 0), title, "
	    "data FROM cases WHERE id = ?", "i", id) != DB_OK)
		return CASES_EDB;
	if (res.nrows == 0) {
		db_result_free(&res);
		return CASES_ENOTFOUND;
	}
	c->id = db_cell_int(&res, 0, 0, 0);
	snprintf(c->type, sizeof(c->type), "%s", db_cell(&res, 0, 1));
	st = case_state_parse(db_cell(&res, 0, 2));
	c->state = st < 0 ? CASE_DRAFT : (enum case_state)st;
	c->version = (unsigned)db_cell_int(&res, 0, 3, 0);
	c->created_by = db_cell_int(&res, 0, 4, 0);
	c->authorisation_id = db_cell_int(&res, 0, 5, 0);
	c->title = dup_or_empty(db_cell(&res, 0, 6));
	c->data = dup_or_empty(db_cell(&res, 0, 7));
	db_result_free(&res);
	return c->title && c->data ? CASES_OK : CASES_EDB;
}

void
case_row_free(struct case_row *c)
{
	free(c->title);
	free(c->data);
	memset(c, 0, sizeof(*c));
}

enum cases_err
cases_save(struct db *db, long long id, unsigned expected_version, const char *title,
    const char *data, unsigned *new_version)
{
	struct case_row c;
	enum cases_err rc;

	if ((rc = cases_load(db, id, 1, &c)) != CASES_OK)
		return rc;
	if (c.version != expected_version)
		rc = CASES_ECONFLICT;
	else if (!case_editable(c.state))
		rc = CASES_ENOTEDITABLE;
	else if (db_exec(db, NULL, "UPDATE cases SET title = ?, data = ?, version = version + 1, "
	    "updated_at = NOW(6) WHERE id = ? AND version = ?", "ssii", title ? title : c.title,
	    data ? data : "", id, (long long)expected_version) != DB_OK)
		rc = CASES_EDB;
	else if (new_version)
		*new_version = expected_version + 1;
	case_row_free(&c);
	return rc;
}

enum cases_err
cases_move(struct db *db, long long id, unsigned expected_version, enum case_state to,
    enum case_side side, long long actor, const char *reason, const char *remote_addr,
    unsigned *new_version)
{
	enum casefsm_answer answer;
	char action[48];
	struct case_row c;
	enum cases_err rc = CASES_OK;

	if ((rc = cases_load(db, id, 1, &c)) != CASES_OK)
		return rc;
	answer = casefsm_check(c.state, to, side);
	if (c.version != expected_version)
		rc = CASES_ECONFLICT;
	else if (answer == CASEFSM_NOT_ALLOWED)
		rc = CASES_ENOTALLOWED;
	else if (answer == CASEFSM_NEEDS_REASON && (reason == NULL || reason[0] == '\0'))
		rc = CASES_EREASON;
	if (rc != CASES_OK)
		goto out;
	/* A submission keeps the form as sent: what FSE decides on, and the base of the next diff. */
	if (db_exec(db, NULL, "UPDATE cases SET state = ?, version = version + 1, "
	    "updated_at = NOW(6), "
	    "submitted_at = IF(? = 'submitted', NOW(6), submitted_at), "
	    "submitted_data = IF(? = 'submitted', data, submitted_data), "
	    "decided_at = IF(? IN ('approved', 'rejected'), NOW(6), decided_at) "
	    "WHERE id = ? AND version = ?", "ssssii", case_state_name(to), case_state_name(to),
	    case_state_name(to), case_state_name(to), id, (long long)expected_version) != DB_OK ||
	    db_exec(db, NULL, "INSERT INTO case_events (case_id, actor_id, from_state, to_state, "
	    "reason, data) VALUES (?, NULLIF(?, 0), ?, ?, ?, IF(? = 'submitted', ?, NULL))",
	    "iisssss", id, actor, case_state_name(c.state), case_state_name(to),
	    reason ? reason : "", case_state_name(to), c.data) != DB_OK) {
		rc = CASES_EDB;
		goto out;
	}
	snprintf(action, sizeof(action), "case.%s", case_state_name(to));
	if (audit_event(db, actor, action, "case", id, c.created_by, remote_addr,
	    reason ? reason : "") != DB_OK) {
		rc = CASES_EDB;
		goto out;
	}
	if (new_version)
		*new_version = expected_version + 1;
out:
	case_row_free(&c);
	return rc;
}

int
cases_resubmission_diff(struct db *db, long long id, struct case_change **out)
{
	struct db_result res;
	int n;

	*out = NULL;
	if (db_exec(db, &res, "SELECT data FROM case_events WHERE case_id = ? AND to_state = "
	    "'submitted' ORDER BY id DESC LIMIT 2", "i", id) != DB_OK)
		return -1;
	n = res.nrows < 2 ? 0 : case_diff(db_cell(&res, 1, 0), db_cell(&res, 0, 0), out);
	db_result_free(&res);
	return n;
}
