/*
 * application: the routes of the applicant's side (see application.h for the files), and the
 * applicant's own case: only its creator sees it, others get 404.
 */
#include "application.h"

#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "fcgi.h"
#include "form.h"
#include "http_parse.h"
#include "policy.h"

/* The user's own case, loaded; 0 when it is theirs, else the status to answer (404 hides it). */
int
app_own_case(struct ctx *ctx, long long id, struct case_row *c)
{
	enum cases_err rc;

	if (id <= 0)
		return 404;
	if ((rc = cases_load(ctx->db, id, 0, c)) == CASES_ENOTFOUND)
		return 404;
	if (rc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if (c->created_by != ctx_user(ctx) || strcmp(c->type, "authorisation") != 0) {
		case_row_free(c);
		return 404;
	}
	return 0;
}

/* The university's name (or the other path, R3) and the institution as "unit, university". */
enum db_err
app_institution(struct ctx *ctx, const struct kvlist *data, char *uni, size_t un, char *inst,
    size_t in)
{
	const char *code = kvlist_value(data, "universitet"), *unit = kvlist_value(data, "enhed");
	struct db_result res;
	enum db_err rc;

	snprintf(uni, un, "%s", "En anden institution med kandidatuddannelser");
	if (code && strcmp(code, "anden") != 0) {
		if ((rc = db_exec(ctx->db, &res, "SELECT name FROM universities WHERE code = ?",
		    "s", code)) != DB_OK)
			return rc;
		if (res.nrows)
			snprintf(uni, un, "%s", db_cell(&res, 0, 0));
		db_result_free(&res);
	}
	if (unit && !form_blank(unit))
		snprintf(inst, in, "%s, %s", unit, uni);
	else
		snprintf(inst, in, "%s", uni);
	return DB_OK;
}

static int
parse_data(const struct case_row *c, struct kvlist *data)
{
	kvlist_init(data);
	if (http_parse_urlencoded(c->data, strlen(c->data), data) != 0) {
		kvlist_free(data);
		return -1;
	}
	return 0;
}

/*
 * The user's own case, still editable, with its form parsed: 0, or the answer (404 for another
 * person's, back to Mine sager when no longer editable). The caller frees c and data.
 */
int
app_own_editable_case(struct ctx *ctx, long long id, struct case_row *c, struct kvlist *data)
{
	int st;

	if ((st = app_own_case(ctx, id, c)) != 0)
		return st;
	if (!case_editable(c->state)) {
		case_row_free(c);
		return ctx_redirect(ctx, "/ansoegning");
	}
	if (parse_data(c, data) != 0) {
		case_row_free(c);
		return 500;
	}
	return 0;
}

static const struct route routes[] = {
	{ "GET", "/ansoegning", app_list_page, ACT_APPLICATION },
	{ "POST", "/ansoegning/ny", app_create, ACT_APPLICATION },
	{ "GET", "/ansoegning/trin", app_step_form, ACT_APPLICATION },
	{ "POST", "/ansoegning/trin", app_step_submit, ACT_APPLICATION },
	{ "POST", "/ansoegning/leder", app_manager_send, ACT_APPLICATION },
	{ "POST", "/ansoegning/send", app_submit, ACT_APPLICATION },
	{ "GET", "/ansoegning/traek-tilbage", app_withdraw_form, ACT_APPLICATION },
	{ "POST", "/ansoegning/traek-tilbage", app_withdraw_submit, ACT_APPLICATION },
	{ "GET", "/ansoegning/bekraeft", app_confirm_form, ACT_PUBLIC },
	{ "POST", "/ansoegning/bekraeft", app_confirm_submit, ACT_PUBLIC },
};

int
main(int argc, char **argv)
{
	return fcgi_main("application", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
