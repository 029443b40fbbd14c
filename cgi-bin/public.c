/*
 * public: the pages anyone may see without logging in. The start page explains the scheme
 * (R1-R4, R23-R24, R31), the eligibility check answers "Kan vores institution bruge ordningen?"
 * (R1-R3), and /healthz tells nginx and the operator whether the database answers.
 */
#include <string.h>

#include "db.h"
#include "eligibility.h"
#include "fcgi.h"
#include "form.h"
#include "log.h"
#include "page.h"
#include "tmpl.h"

#define OTHER_INSTITUTION "anden"
#define MAX_CHOICES 32

static enum db_err
load_universities(struct ctx *ctx, struct db_result *res)
{
	return db_exec(ctx->db, res,
	    "SELECT code, name, affiliated FROM universities ORDER BY sort_order", "");
}

static int
start_page(struct ctx *ctx)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = load_universities(ctx, &res)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "start.tpl", "Specialeordningen")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "UNIVERSITY");
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "AFFILIATED", db_cell(&res, i, 2));
		if (db_cell(&res, i, 2)[0])
			tmpl_show(row, "HAS_AFFILIATED");
	}
	db_result_free(&res);
	return 200;
}

enum { F_UNIVERSITY, F_PROGRAMME, F__MAX };

static int
eligibility_page(struct ctx *ctx)
{
	const char *uni_codes[MAX_CHOICES + 2], *prog_codes[MAX_CHOICES + 1];
	/* As long as the form: its messages point into these (form_message), up to the page. */
	const struct form_field fields[F__MAX] = {
		[F_UNIVERSITY] = { "universitet", form_choice, 1, 0, 0, uni_codes,
		    "Vælg det universitet, institutionen hører under, eller "
		    "\"En anden dansk uddannelsesinstitution\"." },
		[F_PROGRAMME] = { "uddannelse", form_choice, 1, 0, 0, prog_codes,
		    "Vælg den slags uddannelse, der skal bruge data." },
	};
	struct db_result unis, progs;
	struct tmpl_dict *d, *row;
	struct form form;
	enum db_err rc;
	size_t i, nu, np;
	int asked, status = 200;

	memset(&progs, 0, sizeof(progs));
	if ((rc = load_universities(ctx, &unis)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = db_exec(ctx->db, &progs, "SELECT code, label, hint, rule FROM programme_types "
	    "ORDER BY sort_order", "")) != DB_OK) {
		db_result_free(&unis);
		return ctx_db_error(ctx, rc);
	}
	nu = unis.nrows < MAX_CHOICES ? unis.nrows : MAX_CHOICES;
	np = progs.nrows < MAX_CHOICES ? progs.nrows : MAX_CHOICES;
	for (i = 0; i < nu; i++)
		uni_codes[i] = db_cell(&unis, i, 0);
	uni_codes[nu] = OTHER_INSTITUTION;
	uni_codes[nu + 1] = NULL;
	for (i = 0; i < np; i++)
		prog_codes[i] = db_cell(&progs, i, 0);
	prog_codes[np] = NULL;

	/* The check is a GET form: the answer has a link of its own and changes nothing. */
	asked = kvlist_get(&ctx->req->query, "universitet") != NULL ||
	    kvlist_get(&ctx->req->query, "uddannelse") != NULL;
	form_read(&form, fields, F__MAX, &ctx->req->query);

	if ((d = ctx_page(ctx, "eligibility.tpl", "Kan vores institution bruge ordningen?")) == NULL) {
		status = 500;
		goto out;
	}
	for (i = 0; i < nu; i++) {
		row = tmpl_add_row(d, "UNIVERSITY");
		tmpl_set(row, "CODE", db_cell(&unis, i, 0));
		tmpl_set(row, "NAME", db_cell(&unis, i, 1));
		if (form.v[F_UNIVERSITY].err == FORM_OK && form.v[F_UNIVERSITY].value &&
		    form.v[F_UNIVERSITY].num == (long long)i)
			tmpl_show(row, "SELECTED");
	}
	if (form.v[F_UNIVERSITY].err == FORM_OK && form.v[F_UNIVERSITY].num == (long long)nu &&
	    form.v[F_UNIVERSITY].value)
		tmpl_show(d, "OTHER_SELECTED");
	for (i = 0; i < np; i++) {
		row = tmpl_add_row(d, "PROGRAMME");
		tmpl_set_int(row, "INDEX", (long long)i);
		tmpl_set(row, "CODE", db_cell(&progs, i, 0));
		tmpl_set(row, "LABEL", db_cell(&progs, i, 1));
		if (db_cell(&progs, i, 2)[0])
			tmpl_set(tmpl_add_row(row, "HINT"), "TEXT", db_cell(&progs, i, 2));
		if (form.v[F_PROGRAMME].err == FORM_OK && form.v[F_PROGRAMME].value &&
		    form.v[F_PROGRAMME].num == (long long)i)
			tmpl_show(row, "CHECKED");
	}
	if (!asked)
		goto out;
	if (form.nerrors) {
		static const char *const anchors[F__MAX] = { "universitet", "uddannelse-0" };

		page_form_errors(d, &form, anchors, NULL);
		status = 422;	/* kept as a page, with the input, the messages and the form */
		goto out;
	}
	{
		long long u = form.v[F_UNIVERSITY].num, p = form.v[F_PROGRAMME].num;
		int rule = programme_rule_parse(db_cell(&progs, (size_t)p, 3));
		enum eligibility e = eligibility_decide(u < (long long)nu,
		    rule < 0 ? PROGRAMME_DOUBT : (enum programme_rule)rule);
		struct tmpl_dict *r = tmpl_add_row(d, "RESULT");

		struct tmpl_dict *sec = tmpl_add_row(r, eligibility_section(e));

		/* Where the answer is "you can apply", the way on is a link, not a sentence. */
		if (e == ELIGIBILITY_YES || e == ELIGIBILITY_OTHER_INSTITUTION)
			tmpl_include(sec, "NEXT_STEPS", "partials/apply_links.tpl");
		tmpl_set(r, "UNIVERSITY", u < (long long)nu ? db_cell(&unis, (size_t)u, 1) :
		    "En anden dansk uddannelsesinstitution");
		tmpl_set(r, "PROGRAMME", db_cell(&progs, (size_t)p, 1));
		tmpl_set_int(r, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	}
out:
	db_result_free(&unis);
	db_result_free(&progs);
	return status;
}

static int
healthz(struct ctx *ctx)
{
	enum db_err rc = db_exec(ctx->db, NULL, "SELECT 1", "");

	ctx->resp->content_type = "text/plain; charset=utf-8";
	if (rc != DB_OK) {
		log_warn("healthz: %s: %s", db_strerror(rc), db_errmsg(ctx->db));
		buf_puts(&ctx->resp->body, "database unavailable\n");
		return 503;
	}
	buf_puts(&ctx->resp->body, "ok\n");
	return 200;
}

static const struct route routes[] = {
	{ "GET", "/", start_page, ACT_PUBLIC },
	{ "GET", "/kan-vi-bruge-ordningen", eligibility_page, ACT_PUBLIC },
	{ "GET", "/healthz", healthz, ACT_PUBLIC },
};

int
main(int argc, char **argv)
{
	return fcgi_main("public", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
