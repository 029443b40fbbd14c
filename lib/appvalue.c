#include "appvalue.h"

#include <stdio.h>
#include <string.h>

#include "platform.h"

enum db_err
appvalue_university(struct db *db, const char *code, char *out, size_t n)
{
	struct db_result res;
	enum db_err rc;

	snprintf(out, n, "%s", "En anden institution med kandidatuddannelser");
	if (code == NULL || strcmp(code, "anden") == 0)
		return DB_OK;
	if ((rc = db_exec(db, &res, "SELECT name FROM universities WHERE code = ?", "s",
	    code)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(out, n, "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

enum db_err
appvalue_text(struct db *db, const char *name, const char *value, char *out, size_t n)
{
	if (strcmp(name, "universitet") == 0)
		return appvalue_university(db, value, out, n);
	if (strcmp(name, "platform") == 0)
		platform_describe(value, NULL, out, n);	/* the server is its own field */
	else if (strcmp(name, "drev") == 0 && strcmp(value, "ja") == 0)
		snprintf(out, n, "%s", "Ja, aftalt med servicedesk@dst.dk");
	else
		snprintf(out, n, "%s", value);
	return DB_OK;
}
