/*
 * project: the routes, the authorisation's list of proposals with the five-limit and the fees
 * (R18, R23), and a proposal's own page with its signature and history (R12). See project.h.
 */
#include "project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "datefmt.h"
#include "fees.h"
#include "http.h"
#include "http_parse.h"
#include "log.h"
#include "page.h"
#include "platform.h"
#include "policy.h"
#include "tmpl.h"

long long
proj_param(struct ctx *ctx, const char *name)
{
	return http_id(http_param(ctx->req, name));
}

int
proj_auth_load(struct ctx *ctx, enum action act, struct proj_auth *a, int lock)
{
	struct db_result res;
	enum db_err rc;
	int st;

	memset(a, 0, sizeof(*a));
	a->id = proj_param(ctx, "id");
	if ((st = auth_require(ctx, act, a->id)) != 0) {
		if (lock)
			db_rollback(ctx->db);
		return st;
	}
	if ((rc = db_exec(ctx->db, &res, lock ?
	    "SELECT COALESCE(a.number, '-'), i.name, COALESCE(a.platform, ''), a.platform_server "
	    "FROM authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ? "
	    "FOR UPDATE" :
	    "SELECT COALESCE(a.number, '-'), i.name, COALESCE(a.platform, ''), a.platform_server "
	    "FROM authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?",
	    "i", a->id)) != DB_OK)
		return lock ? ctx_tx_error(ctx, rc) : ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	snprintf(a->number, sizeof(a->number), "%s", db_cell(&res, 0, 0));
	snprintf(a->institution, sizeof(a->institution), "%s", db_cell(&res, 0, 1));
	snprintf(a->platform, sizeof(a->platform), "%s", db_cell(&res, 0, 2));
	snprintf(a->server, sizeof(a->server), "%s", db_cell(&res, 0, 3));
	db_result_free(&res);
	return 0;
}

int
proj_load(struct ctx *ctx, enum action act, struct proj *p, int lock)
{
	long long sag;
	enum cases_err crc;
	int st;

	memset(p, 0, sizeof(*p));
	kvlist_init(&p->data);
	if ((st = proj_auth_load(ctx, act, &p->a, lock)) != 0)
		return st;
	if ((sag = proj_param(ctx, "sag")) <= 0) {
		if (lock)
			db_rollback(ctx->db);
		return 400;
	}
	if ((crc = cases_load(ctx->db, sag, lock, &p->c)) == CASES_ENOTFOUND ||
	    (crc == CASES_OK && (strcmp(p->c.type, "project") != 0 ||
	    p->c.authorisation_id != p->a.id))) {
		/* Another authorisation's proposal is as absent as one that does not exist. */
		case_row_free(&p->c);
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	if (crc != CASES_OK)
		return lock ? ctx_tx_error(ctx, DB_EEXEC) : ctx_db_error(ctx, DB_EEXEC);
	p->loaded = 1;
	if (http_parse_urlencoded(p->c.data, strlen(p->c.data), &p->data) != HTTP_PARSE_OK) {
		log_error("case %lld: stored form does not parse", p->c.id);
		proj_free(p);
		return lock ? ctx_tx_error(ctx, DB_EEXEC) : ctx_db_error(ctx, DB_EEXEC);
	}
	return 0;
}

void
proj_free(struct proj *p)
{
	if (p->loaded)
		case_row_free(&p->c);
	kvlist_free(&p->data);
	p->loaded = 0;
}

int
proj_text_hash(const struct proj *p, char hex[PROPOSAL_HASH_HEX + 1], struct buf *text)
{
	return proposal_text_hash(&p->data, p->c.id, p->a.number, hex, text);
}

static const char *
platform_text(const struct proj_auth *a, char *out, size_t n)
{
	platform_describe(a->platform, a->server, out, n);
	return out;
}

static void
set_notice(struct tmpl_dict *d, const struct proj_notice *n)
{
	struct tmpl_dict *row;

	if (n == NULL || n->text == NULL)
		return;
	if (n->field) {
		/* About one field: next to it, and in the summary that links to it. */
		struct fielderr fe;

		fielderr_init(&fe);
		fielderr_add(&fe, n->field, n->text);
		page_form_errors(d, NULL, NULL, &fe);
		return;
	}
	row = tmpl_add_row(d, "NOTICE");
	tmpl_set(row, "KIND", n->kind ? n->kind : "info");
	tmpl_set(row, "TEXT", n->text);
	tmpl_set(row, "LABEL", n->kind && strcmp(n->kind, "success") == 0 ? "Udført" :
	    n->kind && strcmp(n->kind, "error") == 0 ? "Fejl" : "Bemærk");
	tmpl_set(row, "ICON", n->kind && strcmp(n->kind, "success") == 0 ? "success" :
	    n->kind && strcmp(n->kind, "error") == 0 ? "error" : "warning");
	tmpl_set(row, "ROLE", n->kind && strcmp(n->kind, "success") == 0 ? "status" : "alert");
	if (n->items && fielderr_count(n->items)) {
		struct tmpl_dict *list = tmpl_add_row(row, "ITEMS");
		size_t i;

		for (i = 0; i < n->items->n; i++)
			tmpl_set(tmpl_add_row(list, "ITEM"), "TEXT", n->items->item[i].message);
	}
}

/* The message a redirect's ?besked= stands for. */
static const struct proj_notice *
query_notice(struct ctx *ctx)
{
	static const struct {
		const char		*key;
		struct proj_notice	 n;
	} notices[] = {
		{ "gemt", { "success", "Projektindstillingen er gemt.", NULL, NULL } },
		{ "bortfaldet", { "warning", "Projektindstillingen er gemt. Den var underskrevet, "
		    "men underskriften er bortfaldet, fordi teksten er ændret. En underskriver skal "
		    "underskrive igen, før den kan sendes.", NULL, NULL } },
		{ "anmodet", { "success", "Underskriverne har fået en e-mail om, at "
		    "projektindstillingen venter på deres underskrift.", NULL, NULL } },
		{ "underskrevet", { "success", "Projektindstillingen er underskrevet. Vejlederen "
		    "får besked og kan nu sende den til Forskningsservice.", NULL, NULL } },
		{ "sendt", { "success", "Projektindstillingen er sendt til Forskningsservice. Du har "
		    "fået en kvittering på e-mail.", NULL, NULL } },
		{ "trukket", { "success", "Projektindstillingen er trukket tilbage. Den tæller ikke "
		    "længere med i de fem.", NULL, NULL } },
		{ "platform", { "success", "Analyseplatformen er gemt.", NULL, NULL } },
	};
	const char *v = kvlist_value(&ctx->req->query, "besked");
	size_t i;

	for (i = 0; v && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(v, notices[i].key) == 0)
			return &notices[i].n;
	return NULL;
}

/* ---- the list: GET /projekt?id= ---------------------------------------------------------- */

int
proj_list(struct ctx *ctx)
{
	struct proj_auth a;
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char text[512], amount[FEES_AMOUNT_LEN];
	long long total = 0;
	int st, used = 0, see_students;
	size_t i;

	if ((st = proj_auth_load(ctx, ACT_PROJECT_VIEW, &a, 0)) != 0)
		return st;
	if ((d = ctx_page(ctx, "project/list.tpl", "Projektindstillinger")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "NUMBER", a.number);
	tmpl_set(d, "INSTITUTION", a.institution);
	tmpl_set(d, "PLATFORM", platform_text(&a, text, sizeof(text)));
	set_notice(d, query_notice(ctx));
	if (auth_can(ctx, ACT_PLATFORM_SET, a.id))
		tmpl_show(d, "CAN_SET_PLATFORM");
	if (a.platform[0] == '\0')
		tmpl_show(d, "NO_PLATFORM");

	/* R18: every proposal, newest first; submitted, returned and approved count. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, c.state, "
	    "DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i:%s'), "
	    "COALESCE(p.number, ''), u.name, (SELECT COUNT(*) FROM proposal_signatures s WHERE "
	    "s.case_id = c.id AND s.voided_at IS NULL) FROM cases c JOIN users u ON u.id = "
	    "c.created_by LEFT JOIN projects p ON p.case_id = c.id WHERE c.type = 'project' AND "
	    "c.authorisation_id = ? ORDER BY c.created_at DESC, c.id DESC", "i", a.id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		int s = case_state_parse(db_cell(&res, i, 2));

		row = tmpl_add_row(d, "PROPOSAL");
		tmpl_set_int(row, "ID", a.id);
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "STATE", db_cell(&res, i, 2));
		tmpl_set(row, "STATE_LABEL", case_state_label(s < 0 ? CASE_DRAFT :
		    (enum case_state)s));
		datefmt_danish(text, sizeof(text), db_cell(&res, i, 3), DATEFMT_DATE);
		tmpl_set(row, "CHANGED", text);
		tmpl_set(row, "PROJECT_NUMBER", db_cell(&res, i, 4)[0] ? db_cell(&res, i, 4) : "-");
		tmpl_set(row, "BY", db_cell(&res, i, 5));
		/* R12: a signature stands until the text changes; a sent or decided proposal
		 * keeps the one it was sent with, so it reads as signed there too. */
		tmpl_set(row, "SIGNED", db_cell_int(&res, i, 6, 0) ? "Underskrevet" :
		    s >= 0 && case_editable((enum case_state)s) ? "Mangler underskrift" :
		    "Ikke underskrevet");
		if (s >= 0 && proposal_counts((enum case_state)s))
			used++;
	}
	tmpl_show(d, res.nrows ? "HAS_PROPOSALS" : "NO_PROPOSALS");
	db_result_free(&res);
	tmpl_set_int(d, "USED", used);
	tmpl_set_int(d, "LIMIT", PROPOSAL_LIMIT);
	tmpl_set_int(d, "LEFT", used >= PROPOSAL_LIMIT ? 0 : PROPOSAL_LIMIT - used);
	if (used >= PROPOSAL_LIMIT)
		tmpl_show(d, "LIMIT_REACHED");
	if (auth_can(ctx, ACT_PROJECT_EDIT, a.id) && a.platform[0])
		tmpl_show(d, "CAN_CREATE");

	/* R23, R24: what the authorisation has been charged so far (proposals, and the user fee
	 * per student); the data themselves are free. */
	see_students = auth_can(ctx, ACT_STUDENT_VIEW_ALL, a.id);
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(f.incurred_on, '%d-%m-%Y'), c.title, "
	    "f.amount_ore, COALESCE(r.is_demo, 0), f.kind FROM case_fees f JOIN cases c ON c.id = "
	    "f.case_id "
	    "LEFT JOIN rates r ON r.id = f.rate_id WHERE f.authorisation_id = ? ORDER BY "
	    "f.incurred_on, f.id", "i", a.id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		long long ore = db_cell_int(&res, i, 2, 0);

		const char *kind = db_cell(&res, i, 4);

		row = tmpl_add_row(d, "FEE");
		tmpl_set(row, "DATE", db_cell(&res, i, 0));
		/* R24: the user fee names the student, to those who see every student (R13). */
		if (strcmp(kind, "student_user") == 0) {
			tmpl_set(row, "WHAT", "Brugergebyr for specialestuderende");
			tmpl_set(row, "TITLE", see_students ? db_cell(&res, i, 1) :
			    "en studerende");
		} else if (strcmp(kind, "datamanager_user") == 0) {
			/* R24: a datamanager pays when they use data themselves (R11). */
			tmpl_set(row, "WHAT", "Brugergebyr for datamanager");
			tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		} else {
			tmpl_set(row, "WHAT", strcmp(kind, "reproposal") == 0 ? "Genindstilling" :
			    "Projektindstilling");
			tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		}
		fees_format_dkk(ore, amount, sizeof(amount));
		tmpl_set(row, "AMOUNT", amount);
		if (db_cell_int(&res, i, 3, 0))
			tmpl_show(row, "DEMO");
		total += ore;
	}
	tmpl_show(d, res.nrows ? "HAS_FEES" : "NO_FEES");
	db_result_free(&res);
	fees_format_dkk(total, amount, sizeof(amount));
	tmpl_set(d, "FEE_TOTAL", amount);
	return 200;
}

/* ---- a proposal's page: GET /projekt/sag?id=&sag= ------------------------------------------ */

/* The signatures, valid and voided (R12), into the page. *valid: one matches the text now. */
static enum db_err
signatures(struct ctx *ctx, struct tmpl_dict *d, const struct proj *p, const char *hex,
    int *valid)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	*valid = 0;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, DATE_FORMAT(s.signed_at, "
	    "'%Y-%m-%d %H:%i:%s'), LOWER(HEX(s.text_hash)), COALESCE(DATE_FORMAT(s.voided_at, "
	    "'%Y-%m-%d %H:%i:%s'), '') FROM proposal_signatures s JOIN users u ON u.id = "
	    "s.signer_id WHERE s.case_id = ? ORDER BY s.id DESC", "i", p->c.id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		int ok = db_cell(&res, i, 3)[0] == '\0' && strcmp(db_cell(&res, i, 2), hex) == 0;
		struct tmpl_dict *row = tmpl_add_row(d, ok ? "SIGNATURE" : "VOIDED");
		char when[48];

		tmpl_set(row, "NAME", db_cell(&res, i, 0));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 1), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_setf(row, "HASH", "%.16s", db_cell(&res, i, 2));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 3), DATEFMT_DATETIME);
		tmpl_set(row, "VOIDED_AT", when);
		*valid |= ok;
	}
	db_result_free(&res);
	return DB_OK;
}

int
proj_page(struct ctx *ctx, struct proj *p, const struct proj_notice *n, int status)
{
	char hex[PROPOSAL_HASH_HEX + 1], label[96], text[512], amount[FEES_AMOUNT_LEN];
	struct tmpl_dict *d, *row;
	struct db_result res;
	struct buf body;
	enum db_err rc;
	int valid, editable = case_editable(p->c.state);
	size_t i;

	buf_init(&body, 1024 * 1024);
	if (proj_text_hash(p, hex, &body) != 0) {
		buf_free(&body);
		return 500;
	}
	if ((d = ctx_page(ctx, "project/case.tpl", p->c.title[0] ? p->c.title :
	    "Projektindstilling")) == NULL) {
		buf_free(&body);
		return 500;
	}
	tmpl_set_int(d, "ID", p->a.id);
	tmpl_set_int(d, "SAG", p->c.id);
	tmpl_set_int(d, "VERSION", p->c.version);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "NUMBER", p->a.number);
	tmpl_set(d, "INSTITUTION", p->a.institution);
	tmpl_set(d, "TITLE", p->c.title[0] ? p->c.title : "Projektindstilling uden titel");
	tmpl_set(d, "STATE", case_state_name(p->c.state));
	tmpl_set(d, "STATE_LABEL", case_state_label(p->c.state));
	tmpl_set(d, "PLATFORM", platform_text(&p->a, text, sizeof(text)));
	set_notice(d, n ? n : query_notice(ctx));

	for (i = 0; i < proposal_nfields; i++) {
		const char *v = kvlist_value(&p->data, proposal_fields[i].name);

		if (v == NULL || *v == '\0')
			continue;
		proposal_label(proposal_fields[i].name, label, sizeof(label));
		row = tmpl_add_row(d, "FIELD");
		tmpl_set(row, "LABEL", label);
		tmpl_set(row, "VALUE", v);
	}
	if ((rc = signatures(ctx, d, p, hex, &valid)) != DB_OK) {
		buf_free(&body);
		return ctx_db_error(ctx, rc);
	}
	if (!valid && editable)
		tmpl_show(d, "UNSIGNED");

	/* The approved project's number (R16), and the fee the submission incurred (R23). */
	if ((rc = db_exec(ctx->db, &res, "SELECT number FROM projects WHERE case_id = ?", "i",
	    p->c.id)) != DB_OK) {
		buf_free(&body);
		return ctx_db_error(ctx, rc);
	}
	if (res.nrows)
		tmpl_set(tmpl_add_row(d, "PROJECT"), "PROJECT_NUMBER", db_cell(&res, 0, 0));
	db_result_free(&res);
	if ((rc = db_exec(ctx->db, &res, "SELECT f.amount_ore, DATE_FORMAT(f.incurred_on, "
	    "'%d-%m-%Y'), COALESCE(r.is_demo, 0), f.kind FROM case_fees f LEFT JOIN rates r ON "
	    "r.id = f.rate_id WHERE f.case_id = ? ORDER BY f.id", "i", p->c.id)) != DB_OK) {
		buf_free(&body);
		return ctx_db_error(ctx, rc);
	}
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "FEE");
		fees_format_dkk(db_cell_int(&res, i, 0, 0), amount, sizeof(amount));
		tmpl_set(row, "AMOUNT", amount);
		tmpl_set(row, "DATE", db_cell(&res, i, 1));
		tmpl_set(row, "WHAT", strcmp(db_cell(&res, i, 3), "reproposal") == 0 ?
		    "Genindstilling" : "Indstilling");
		if (db_cell_int(&res, i, 2, 0))
			tmpl_show(row, "DEMO");
	}
	db_result_free(&res);

	/* What this person can do now. */
	if (editable && auth_can(ctx, ACT_PROJECT_EDIT, p->a.id)) {
		row = tmpl_add_row(d, "SUPERVISOR");
		if (valid) {
			/* The fee is shown before the supervisor sends, not first on the receipt
			 * (issue 11; R23: the rate valid on the day it is sent). */
			struct tmpl_dict *send = tmpl_add_row(row, "CAN_SUBMIT");
			long long ore = 0;
			enum fees_err fr = fees_rate_on(ctx->db, FEES_PROPOSAL, NULL, &ore, NULL);

			if (fr == FEES_OK) {
				fees_format_dkk(ore, amount, sizeof(amount));
				tmpl_set(tmpl_add_row(send, "FEE"), "AMOUNT", amount);
			} else if (fr == FEES_ENONE)
				tmpl_show(send, "NO_FEE");
			else
				tmpl_show(send, "FEE_UNKNOWN");
		} else
			tmpl_show(row, "ASK_SIGNATURE");
	}
	if ((editable || p->c.state == CASE_SUBMITTED) &&
	    auth_can(ctx, ACT_PROJECT_EDIT, p->a.id))
		tmpl_show(d, "CAN_WITHDRAW");
	if (editable && !valid && auth_can(ctx, ACT_PROJECT_SIGN, p->a.id)) {
		row = tmpl_add_row(d, "SIGN");
		tmpl_set(row, "TEXT", body.data ? body.data : "");
		tmpl_set(row, "HASH", hex);
		tmpl_setf(row, "HASH_SHORT", "%.16s", hex);
	}
	buf_free(&body);

	/* The history: every move with who, when and why. */
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), "
	    "e.to_state, COALESCE(u.name, "
	    "'Forskningsservice'), e.reason FROM case_events e LEFT JOIN users u ON u.id = "
	    "e.actor_id WHERE e.case_id = ? ORDER BY e.id", "i", p->c.id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		int s = case_state_parse(db_cell(&res, i, 1));

		row = tmpl_add_row(d, "EVENT");
		datefmt_danish(text, sizeof(text), db_cell(&res, i, 0), DATEFMT_DATETIME);
		tmpl_set(row, "AT", text);
		tmpl_set(row, "STATE_LABEL", case_state_label(s < 0 ? CASE_DRAFT :
		    (enum case_state)s));
		tmpl_set(row, "BY", db_cell(&res, i, 2));
		tmpl_set(row, "REASON", db_cell(&res, i, 3));
	}
	db_result_free(&res);
	return status;
}

int
proj_view(struct ctx *ctx)
{
	struct proj p;
	int st;

	if ((st = proj_load(ctx, ACT_PROJECT_VIEW, &p, 0)) != 0)
		return st;
	st = proj_page(ctx, &p, NULL, 200);
	proj_free(&p);
	return st;
}

static const struct route routes[] = {
	{ "GET", "/projekt", proj_list, ACT_PROJECT_VIEW },
	{ "GET", "/projekt/sag", proj_view, ACT_PROJECT_VIEW },
	{ "GET", "/projekt/rediger", proj_edit_form, ACT_PROJECT_EDIT },
	{ "POST", "/projekt/rediger", proj_edit_submit, ACT_PROJECT_EDIT },
	{ "POST", "/projekt/anmod", proj_request_signature, ACT_PROJECT_EDIT },
	{ "POST", "/projekt/underskriv", proj_sign, ACT_PROJECT_SIGN },
	{ "POST", "/projekt/indsend", proj_submit, ACT_PROJECT_EDIT },
	{ "POST", "/projekt/traek-tilbage", proj_withdraw, ACT_PROJECT_EDIT },
	{ "GET", "/projekt/platform", proj_platform_form, ACT_PLATFORM_SET },
	{ "POST", "/projekt/platform", proj_platform_submit, ACT_PLATFORM_SET },
};

int
main(int argc, char **argv)
{
	return fcgi_main("project", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
