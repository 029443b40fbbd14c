/*
 * fse_user_ids: the FSE user id an approval confirms or assigns (R10: every user is approved by
 * FSE), shared by the kinds that approve a person as a user: a thesis student
 * (fse_kind_fse_user.c) and a datamanager's own access (fse_kind_datamanager.c). An id has the
 * configured format and is one person's (their address): the primary key of fse_user_ids.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "form.h"
#include "fse_cases.h"
#include "log.h"
#include "student.h"

const struct fse_approve_input fse_user_id_input = {
	.name = "fse_bruger_id",
	.label = "FSE-bruger-id",
	.hint = "Har personen et id, står det her: bekræft det. Er personen ny: opret brugeren, og "
	    "skriv det id, brugeren har fået.",
	.prefill = "fse_bruger_id",
};

enum db_err
fse_user_id_check(struct ctx *ctx, const char *value, const char *email, const char *whose,
    char *msg, size_t n)
{
	struct db_result res;
	enum db_err rc;
	int ok;

	msg[0] = '\0';
	if (form_blank(value)) {
		snprintf(msg, n, "Skriv %s FSE-bruger-id.", whose);
		return DB_OK;
	}
	if ((ok = student_fse_id_ok(ctx->cfg->fse_user_id_format, value)) < 0) {
		log_error("fse_user_id_format does not compile: %s", ctx->cfg->fse_user_id_format);
		return DB_EARGS;
	}
	if (!ok) {
		snprintf(msg, n, "Det er ikke et FSE-bruger-id: tjek, at det er skrevet, som "
		    "Forskningsservice har givet det.");
		return DB_OK;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT email FROM fse_user_ids WHERE fse_id = ?", "s",
	    value)) != DB_OK)
		return rc;
	if (res.nrows && strcasecmp(db_cell(&res, 0, 0), email) != 0)
		snprintf(msg, n, "FSE-bruger-id'et hører til en anden bruger. Tjek det.");
	db_result_free(&res);
	return DB_OK;
}

enum db_err
fse_user_id_keep(struct ctx *ctx, const char *id, const char *email)
{
	struct db_result res;
	enum db_err rc;
	int found;

	/* An id is one person's: a second person's insert of it fails on the primary key. */
	if ((rc = db_exec(ctx->db, &res, "SELECT email FROM fse_user_ids WHERE fse_id = ? FOR "
	    "UPDATE", "s", id)) != DB_OK)
		return rc;
	found = (int)res.nrows;
	if (found && strcasecmp(db_cell(&res, 0, 0), email) != 0) {
		db_result_free(&res);
		return DB_EDUP;	/* taken since the check: run again, and the check says so */
	}
	db_result_free(&res);
	if (found)
		return DB_OK;
	return db_exec(ctx->db, NULL, "INSERT INTO fse_user_ids (fse_id, email) VALUES (?, ?)",
	    "ss", id, email);
}
