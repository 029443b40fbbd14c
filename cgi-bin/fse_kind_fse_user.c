/*
 * fse_kind_fse_user: FSE approves a thesis student as a user (issue 13; R6, R10, R15: every
 * user is approved by FSE). The responsible asks, from the student case (the case's parent),
 * with the student's FSE user id if they have one (FSE confirms it) or for a new user (the
 * caseworker enters the id FSE assigns, in the configured format). The approval keeps the id
 * (an id is one person's: a primary key), and attaches the student: the student case is
 * approved in the same transaction (one approval per student: a unique key). A rejection
 * rejects the student case too; a return goes to the responsible, who corrects and sends again.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "form.h"
#include "fse_cases.h"
#include "http_parse.h"
#include "log.h"
#include "mail.h"
#include "student.h"

static const struct {
	const char	*name, *label;
} labels[] = {
	{ "navn", "Den studerendes navn" },
	{ "email", "Den studerendes e-mailadresse på institutionen" },
	{ "fse_bruger_id", "FSE-bruger-id, som institutionen har oplyst" },
	{ "ny", "Ny bruger" },
	{ "studerende", "Sagen om den studerende" },
};

static void
field_label(const char *name, char *out, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].name, name) == 0) {
			snprintf(out, n, "%s", labels[i].label);
			return;
		}
	snprintf(out, n, "%s", name);
}

static enum db_err
field_value(struct ctx *ctx, const char *name, const char *value, char *out, size_t n)
{
	(void)ctx;
	if (strcmp(name, "ny") == 0)
		snprintf(out, n, "%s", strcmp(value, "1") == 0 ? "Ja: den studerende har ikke et "
		    "FSE-bruger-id, Forskningsservice opretter brugeren" : "Nej: den studerende har "
		    "et FSE-bruger-id, som Forskningsservice bekræfter");
	else if (strcmp(name, "studerende") == 0)
		snprintf(out, n, "Sag %s", value);
	else
		snprintf(out, n, "%s", value);
	return DB_OK;
}

/* The student case the request came from. */
static enum db_err
parent_of(struct ctx *ctx, const struct case_row *c, int lock, struct case_row *p, int *found)
{
	struct db_result res;
	enum cases_err crc;
	enum db_err rc;
	long long pid = 0;

	*found = 0;
	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(parent_id, 0) FROM cases WHERE id = ?",
	    "i", c->id)) != DB_OK)
		return rc;
	if (res.nrows)
		pid = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (pid <= 0)
		return DB_OK;
	if ((crc = cases_load(ctx->db, pid, lock, p)) == CASES_ENOTFOUND)
		return DB_OK;
	if (crc != CASES_OK)
		return DB_EEXEC;
	*found = 1;
	return DB_OK;
}

static enum db_err
render(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	struct tmpl_dict *row = tmpl_add_row(d, "FSE_USER");
	struct case_row p;
	struct db_result res;
	enum db_err rc;
	int found;

	tmpl_set(row, "NEW", strcmp(fse_value(data, "ny"), "1") == 0 ? "Ja" : "Nej");
	if ((rc = parent_of(ctx, c, 0, &p, &found)) != DB_OK)
		return rc;
	if (found) {
		struct tmpl_dict *pr = tmpl_add_row(row, "PARENT");

		tmpl_set_int(pr, "ID", p.id);
		tmpl_set(pr, "STATE", case_state_label(p.state));
		/* The student case's own facts: the signed Annex 1 (R27), as FSE reads them. */
		rc = fse_kind_student.render(ctx, d, &p, NULL);
		case_row_free(&p);
		if (rc != DB_OK)
			return rc;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT fse_id FROM fse_user_approvals WHERE case_id = ?",
	    "i", c->id)) != DB_OK)
		return rc;
	if (res.nrows)
		tmpl_set(tmpl_add_row(row, "APPROVED_ID"), "ID", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

/* R10: the id as FSE gives it, one person's, for a student still with the institution. */
static enum db_err
approve_check(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    const char *value, char *msg, size_t n)
{
	struct case_row p;
	enum db_err rc;
	int found;

	if ((rc = fse_user_id_check(ctx, value, fse_value(data, "email"), "den studerendes", msg,
	    n)) != DB_OK || msg[0])
		return rc;
	if ((rc = parent_of(ctx, c, 0, &p, &found)) != DB_OK)
		return rc;
	if (!found || p.state != CASE_SUBMITTED)
		snprintf(msg, n, "Sagen om den studerende ligger ikke længere hos institutionens "
		    "administratorer, så den studerende kan ikke godkendes nu. Send anmodningen "
		    "tilbage til institutionen.");
	if (found)
		case_row_free(&p);
	return DB_OK;
}

/* The id kept (new, or the same person's again), the student attached (R10, R15). */
static enum db_err
approve(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    struct fse_outcome *o)
{
	const char *id = kvlist_value(&ctx->req->form, "fse_bruger_id");
	struct case_row p;
	enum cases_err crc;
	enum db_err rc;
	char reason[160];
	int found;

	if (form_blank(id))
		return DB_EARGS;	/* approve_check said so before */
	snprintf(o->number, sizeof(o->number), "%s", id);
	if ((rc = fse_user_id_keep(ctx, id, fse_value(data, "email"))) != DB_OK)
		return rc;
	if ((rc = parent_of(ctx, c, 1, &p, &found)) != DB_OK)
		return rc;
	if (!found)
		return DB_EARGS;
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO fse_user_approvals (case_id, "
	    "student_case_id, fse_id, new_user, approved_by) VALUES (?, ?, ?, ?, ?)", "iisii",
	    c->id, p.id, id, (long long)(strcmp(fse_value(data, "ny"), "1") == 0),
	    ctx_user(ctx))) != DB_OK) {
		case_row_free(&p);
		return rc;
	}
	snprintf(reason, sizeof(reason), "Godkendt som bruger af Forskningsservice med "
	    "FSE-bruger-id %s", id);
	crc = cases_move(ctx->db, p.id, p.version, CASE_APPROVED, CASE_SIDE_FSE, ctx_user(ctx),
	    reason, ctx->req->remote_addr, NULL);
	case_row_free(&p);
	if (crc == CASES_ECONFLICT)
		return DB_ERETRY;
	if (crc != CASES_OK)
		return DB_EEXEC;
	return audit_event(ctx->db, ctx_user(ctx), "fse_user.approve", "case", c->id, 0,
	    ctx->req->remote_addr, id);
}

/* The responsible who asked and the student's supervisor are told (R32). */
static enum db_err
notify(struct ctx *ctx, const struct case_row *c, const struct kvlist *data, enum case_state to,
    const char *reason, const struct fse_outcome *o)
{
	char number[48], inst[256];
	const char *tpl, *subject;
	struct tmpl_dict *md;
	struct case_row p;
	struct db_result res;
	enum db_err rc;
	int found;

	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) !=
	    DB_OK || (rc = parent_of(ctx, c, to == CASE_REJECTED, &p, &found)) != DB_OK)
		return rc;
	if (!found)
		return DB_EARGS;
	/* Not approved as a user: the student is not attached either. */
	if (to == CASE_REJECTED && p.state == CASE_SUBMITTED) {
		enum cases_err crc = cases_move(ctx->db, p.id, p.version, CASE_REJECTED,
		    CASE_SIDE_FSE, ctx_user(ctx), reason, ctx->req->remote_addr, NULL);

		if (crc != CASES_OK) {
			case_row_free(&p);
			return crc == CASES_ECONFLICT ? DB_ERETRY : DB_EEXEC;
		}
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT u.email, u.name FROM users u WHERE u.id IN (?, ?) "
	    "AND u.status = 'active' ORDER BY u.id", "ii", c->created_by, to == CASE_RETURNED ?
	    c->created_by : p.created_by)) != DB_OK) {
		case_row_free(&p);
		return rc;
	}
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		case_row_free(&p);
		return DB_ENOMEM;
	}
	tmpl_set(md, "STUDENT", c->title);
	tmpl_set(md, "NUMBER", number);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_set(md, "REASON", reason);
	tmpl_set(md, "FSE_ID", o->number);
	tmpl_setf(md, "LINK", "%s/studerende/sag?id=%lld&sag=%lld", ctx->cfg->base_url,
	    c->authorisation_id, p.id);
	case_row_free(&p);
	tpl = to == CASE_APPROVED ? "fse_user_approved" : to == CASE_RETURNED ?
	    "fse_user_returned" : "fse_user_rejected";
	subject = to == CASE_APPROVED ? "Den studerende er godkendt som bruger" :
	    to == CASE_RETURNED ? "Anmodningen om at godkende en studerende skal rettes" :
	    "Den studerende er ikke godkendt som bruger";
	(void)data;
	rc = fse_mail_rows(ctx, &res, md, subject, tpl);
	db_result_free(&res);
	tmpl_dict_free(md);
	return rc;
}

static enum db_err
preview(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	const char *id = kvlist_value(&ctx->req->form, "fse_bruger_id");

	fse_preview_line(d, "%s (%s) %s FSE-bruger-id %s.", c->title, fse_value(data, "email"),
	    strcmp(fse_value(data, "ny"), "1") == 0 ? "oprettes som ny bruger med" :
	    "bekræftes som bruger med", id ? id : "");
	fse_preview_line(d, "Den studerende er dermed tilknyttet autorisationen; sagen om den "
	    "studerende bliver godkendt.");
	fse_preview_line(d, "Den autorisationsansvarlige og vejlederen får besked med id'et.");
	return DB_OK;
}


const struct fse_kind fse_kind_fse_user = {
	.type = "fse_user",
	.field_label = field_label,
	.field_value = field_value,
	.origin = fse_origin_authorisation,
	.render = render,
	.approve = approve,
	.notify = notify,
	.approve_text = "Godkend den studerende som bruger: id'et gemmes, den studerende er "
	    "tilknyttet, og institutionen får besked.",
	.preview = preview,
	.approve_input = &fse_user_id_input,
	.approve_check = approve_check,
};
