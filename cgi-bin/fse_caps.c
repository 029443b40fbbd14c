#include "fse_caps.h"

#include <stdio.h>

#include "audit.h"
#include "caps.h"
#include "datefmt.h"
#include "db.h"

/* One row per person and cap; refusals of nobody logged in per address instead. */
static const char list_sql[] =
	"SELECT COALESCE(a.actor_id, 0), COALESCE(u.name, ''), COALESCE(u.email, ''), a.detail, "
	"COUNT(*), DATE_FORMAT(MIN(a.at), '%Y-%m-%d %H:%i:%s'), "
	"DATE_FORMAT(MAX(a.at), '%Y-%m-%d %H:%i:%s'), MAX(a.remote_addr) "
	"FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id "
	"WHERE a.action = 'cap.refused' AND a.at > NOW(6) - INTERVAL ? DAY "
	"GROUP BY a.actor_id, a.detail, IF(a.actor_id IS NULL, a.remote_addr, '') "
	"ORDER BY MAX(a.at) DESC LIMIT ?";

int
fse_caps_page(struct ctx *ctx)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[48];
	size_t i;

	if ((rc = db_exec(ctx->db, &res, list_sql, "ii", (long long)FSE_CAPS_DAYS,
	    (long long)FSE_CAPS_ROWS)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* The page names other people: a read of personal data (R33). */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "fse.caps.view", "", 0, 0,
	    ctx->req->remote_addr, "")) != DB_OK) {
		db_result_free(&res);
		return ctx_db_error(ctx, rc);
	}
	if ((d = ctx_page(ctx, "fse/caps.tpl", "Grænser, der er ramt")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "DAYS", FSE_CAPS_DAYS);
	tmpl_show(d, res.nrows ? "SOME" : "NONE");
	for (i = 0; i < res.nrows; i++) {
		const char *label = caps_label(db_cell(&res, i, 3));

		row = tmpl_add_row(d, "ROW");
		if (db_cell_int(&res, i, 0, 0) > 0) {
			tmpl_set(row, "NAME", db_cell(&res, i, 1));
			tmpl_set(row, "EMAIL", db_cell(&res, i, 2));
			tmpl_show(row, "PERSON");
		} else
			tmpl_set(tmpl_add_row(row, "ADDRESS"), "ADDR", db_cell(&res, i, 7));
		tmpl_set(row, "CAP", label ? label : db_cell(&res, i, 3));
		tmpl_set(row, "TIMES", db_cell(&res, i, 4));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 5), DATEFMT_DATETIME);
		tmpl_set(row, "FIRST", when);
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 6), DATEFMT_DATETIME);
		tmpl_set(row, "LAST", when);
	}
	db_result_free(&res);
	return 200;
}

enum db_err
fse_caps_summary(struct ctx *ctx, struct tmpl_dict *d)
{
	struct db_result res;
	enum db_err rc;
	long long n;

	if ((rc = db_exec(ctx->db, &res, "SELECT COUNT(DISTINCT COALESCE(CAST(actor_id AS CHAR), "
	    "CONCAT('@', remote_addr))) FROM audit_events WHERE action = 'cap.refused' AND "
	    "at > NOW(6) - INTERVAL 1 DAY", "")) != DB_OK)
		return rc;
	n = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	tmpl_set_int(tmpl_add_row(d, "CAPS"), "COUNT", n);
	return DB_OK;
}
