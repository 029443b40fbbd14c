/*
 * fse_kind_proposal: a broad project proposal as FSE decides it (issue 6; R12, R16, R18, R19,
 * R23). The page shows the authorisation it is under, the supervisor, the signer's attestation
 * (valid only for exactly the text FSE reads, R12) and the fee charged; approval gives the
 * project its FSE project number (R16). The supervisor and the responsible are told by mail.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "datefmt.h"
#include "fees.h"
#include "fse_cases.h"
#include "log.h"
#include "mail.h"
#include "numbering.h"
#include "platform.h"
#include "proposal.h"

/* The signature that matches the text as it is now (R12), into row. */
static enum db_err
signature(struct ctx *ctx, struct tmpl_dict *row, const struct case_row *c,
    const struct kvlist *data, const char *number)
{
	char hex[PROPOSAL_HASH_HEX + 1], when[48];
	struct db_result res;
	enum db_err rc;

	if (proposal_text_hash(data, c->id, number, hex, NULL) != 0)
		return DB_ENOMEM;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, DATE_FORMAT(s.signed_at, "
	    "'%Y-%m-%d %H:%i:%s') FROM proposal_signatures s JOIN users u ON u.id = s.signer_id "
	    "WHERE s.case_id = ? AND s.voided_at IS NULL AND s.text_hash = UNHEX(?) ORDER BY s.id "
	    "DESC LIMIT 1", "is", c->id, hex)) != DB_OK)
		return rc;
	if (res.nrows) {
		struct tmpl_dict *s = tmpl_add_row(row, "SIGNED");

		tmpl_set(s, "NAME", db_cell(&res, 0, 0));
		tmpl_set(s, "EMAIL", db_cell(&res, 0, 1));
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 2), DATEFMT_DATETIME);
		tmpl_set(s, "AT", when);
		tmpl_setf(s, "HASH", "%.16s", hex);
	} else
		tmpl_show(row, "NOT_SIGNED");
	db_result_free(&res);
	return DB_OK;
}

static enum db_err
render(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	char number[48], inst[256], amount[FEES_AMOUNT_LEN];
	struct tmpl_dict *row = tmpl_add_row(d, "PROPOSAL");
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) != DB_OK)
		return rc;
	tmpl_set(row, "NUMBER", number);
	tmpl_set(row, "INSTITUTION", inst);
	tmpl_set_int(row, "AUTH", c->authorisation_id);
	if ((rc = signature(ctx, row, c, data, number)) != DB_OK)
		return rc;
	/* How many of the five the authorisation uses (R18), the platform (R17). */
	if ((rc = db_exec(ctx->db, &res, "SELECT (SELECT COUNT(*) FROM cases WHERE type = "
	    "'project' AND authorisation_id = a.id AND state IN ('submitted', 'returned', "
	    "'approved')), COALESCE(a.platform, ''), a.platform_server FROM authorisations a WHERE "
	    "a.id = ?", "i", c->authorisation_id)) != DB_OK)
		return rc;
	if (res.nrows) {
		char platform[300];

		tmpl_set(row, "USED", db_cell(&res, 0, 0));
		tmpl_set_int(row, "LIMIT", PROPOSAL_LIMIT);
		platform_describe(db_cell(&res, 0, 1), db_cell(&res, 0, 2), platform,
		    sizeof(platform));
		tmpl_set(row, "PLATFORM", platform);
	}
	db_result_free(&res);
	/* R23: the fees the submissions incurred, the first and any re-proposal. */
	if ((rc = db_exec(ctx->db, &res, "SELECT f.amount_ore, COALESCE(r.is_demo, 0), f.kind, "
	    "DATE_FORMAT(f.incurred_on, '%d-%m-%Y') FROM case_fees f LEFT JOIN rates r ON r.id = "
	    "f.rate_id WHERE f.case_id = ? ORDER BY f.id", "i", c->id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		struct tmpl_dict *fee = tmpl_add_row(row, "FEE");

		fees_format_dkk(db_cell_int(&res, i, 0, 0), amount, sizeof(amount));
		tmpl_setf(fee, "TEXT", "%s%s: %s, %s", strcmp(db_cell(&res, i, 2), "reproposal") ==
		    0 ? "Genindstilling" : "Indstilling", db_cell_int(&res, i, 1, 0) ?
		    " (demoværdi)" : "", amount, db_cell(&res, i, 3));
	}
	if (res.nrows == 0)
		tmpl_show(row, "NO_FEE");
	db_result_free(&res);
	if ((rc = db_exec(ctx->db, &res, "SELECT number FROM projects WHERE case_id = ?", "i",
	    c->id)) != DB_OK)
		return rc;
	if (res.nrows)
		tmpl_set(tmpl_add_row(row, "PROJECT"), "PROJECT_NUMBER", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

/* R16: the approved proposal is a project with FSE's number, P-<year>-<n>, n from 1 each
 * year (lib/numbering). */
static enum db_err
approve(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    struct fse_outcome *o)
{
	struct db_result res;
	enum db_err rc;

	(void)data;
	if ((rc = numbering_next(ctx->db, NUMBERING_PROJECT, time(NULL), o->number,
	    sizeof(o->number))) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO projects (case_id, authorisation_id, number, "
	    "title, approved_by) VALUES (?, ?, ?, ?, ?)", "iissi", c->id, c->authorisation_id,
	    o->number, c->title, ctx_user(ctx))) != DB_OK)
		return rc;
	db_result_free(&res);
	return audit_event(ctx->db, ctx_user(ctx), "project.create", "case", c->id, c->created_by,
	    ctx->req->remote_addr, o->number);
}

/* The supervisor who proposed it and the authorisation's responsible are told (issue 6). */
static enum db_err
notify(struct ctx *ctx, const struct case_row *c, const struct kvlist *data, enum case_state to,
    const char *reason, const struct fse_outcome *o)
{
	char number[48], inst[256];
	const char *tpl, *subject;
	struct tmpl_dict *md;
	struct db_result res;
	enum db_err rc;

	(void)data;
	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.email, u.name FROM users u WHERE u.id = ? AND "
	    "u.status = 'active' UNION SELECT u.email, u.name FROM role_assignments r JOIN users u "
	    "ON u.id = r.user_id WHERE r.authorisation_id = ? AND r.role = 'responsible' AND "
	    "r.revoked_at IS NULL AND u.status = 'active'", "ii", c->created_by,
	    c->authorisation_id)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set_int(md, "ID", c->id);
	tmpl_set(md, "TITLE", c->title);
	tmpl_set(md, "NUMBER", number);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_set(md, "REASON", reason);
	if (to == CASE_APPROVED) {
		tmpl_set(md, "PROJECT_NUMBER", o->number);
		tmpl_setf(md, "LINK", "%s/projekt?id=%lld", ctx->cfg->base_url,
		    c->authorisation_id);
		if (!form_blank(reason))
			tmpl_set(tmpl_add_row(md, "NOTE"), "TEXT", reason);
		tpl = "proposal_approved";
		subject = "Projektindstillingen er godkendt";
	} else {
		tmpl_setf(md, "LINK", "%s/projekt/sag?id=%lld&sag=%lld", ctx->cfg->base_url,
		    c->authorisation_id, c->id);
		tpl = to == CASE_RETURNED ? "proposal_returned" : "proposal_rejected";
		subject = to == CASE_RETURNED ? "Projektindstillingen skal rettes" :
		    "Projektindstillingen er afvist";
	}
	rc = fse_mail_rows(ctx, &res, md, subject, tpl);
	db_result_free(&res);
	tmpl_dict_free(md);
	return rc;
}

/* What the approval will create (issue 11): the project with its number, and who is told. */
static enum db_err
preview(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	char number[48], inst[256], next[48];
	enum db_err rc;

	(void)data;
	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) != DB_OK ||
	    (rc = numbering_peek(ctx->db, NUMBERING_PROJECT, time(NULL), next, sizeof(next))) !=
	    DB_OK)
		return rc;
	fse_preview_line(d, "Det brede projekt »%s« oprettes på uddannelsesautorisation %s (%s) "
	    "med det næste projektnummer i årets række, %s.", c->title, number, inst, next);
	fse_preview_line(d, "Projektet tæller med blandt autorisationens højst fem brede projekter.");
	fse_preview_line(d, "Vejlederen og den autorisationsansvarlige får besked med "
	    "projektnummeret.");
	return DB_OK;
}

const struct fse_kind fse_kind_proposal = {
	.type = "project",
	.field_label = proposal_label,
	.field_value = NULL,
	.origin = fse_origin_authorisation,
	.render = render,
	.approve = approve,
	.notify = notify,
	.approve_text = "Godkend projektindstillingen: projektet får sit projektnummer, og "
	    "vejlederen og den autorisationsansvarlige får besked.",
	.preview = preview,
};
