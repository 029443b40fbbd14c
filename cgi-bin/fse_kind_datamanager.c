/*
 * fse_kind_datamanager: FSE approves a datamanager as a user, for their own user access (issue
 * 14; R10: every user is approved by FSE; R11: an administrator who is also datamanager may get
 * user access, to form populations for the projects). The responsible asks on the page of the
 * authorisation's datamanagers (cgi-bin/authorisation_dm.c), with the person's FSE user id or for
 * a new user; the approval keeps the id (one person's, fse_user_ids.c) on the access, and the
 * access turns active once everything else holds (lib/dmaccess.h). A rejection ends the access
 * request; a return goes to the responsible, who corrects it and sends it again.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "dmaccess.h"
#include "form.h"
#include "fse_cases.h"
#include "log.h"
#include "mail.h"

static const struct {
	const char	*name, *label;
} labels[] = {
	{ "navn", "Datamanagerens navn" },
	{ "email", "Datamanagerens e-mailadresse" },
	{ "fse_bruger_id", "FSE-bruger-id, som institutionen har oplyst" },
	{ "ny", "Ny bruger" },
	{ "bruger", "Konto på Specialeportalen" },
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
	char email[256], who[256];
	enum db_err rc;

	if (strcmp(name, "ny") == 0)
		snprintf(out, n, "%s", strcmp(value, "1") == 0 ? "Ja: personen har ikke et "
		    "FSE-bruger-id, Forskningsservice opretter brugeren" : "Nej: personen har et "
		    "FSE-bruger-id, som Forskningsservice bekræfter");
	else if (strcmp(name, "bruger") == 0) {
		if ((rc = fse_person(ctx, http_id(value), email, sizeof(email), who,
		    sizeof(who))) != DB_OK)
			return rc;
		snprintf(out, n, "%s (%s)", who[0] ? who : "en tidligere bruger", email);
	} else
		snprintf(out, n, "%s", value);
	return DB_OK;
}

/* The access the request asked for (live or not), by its case. */
static enum db_err
access_of(struct ctx *ctx, const struct case_row *c, int lock, struct dm_access *a)
{
	struct db_result res;
	enum db_err rc;

	memset(a, 0, sizeof(*a));
	if ((rc = db_exec(ctx->db, &res, "SELECT id FROM datamanager_access WHERE case_id = ?", "i",
	    c->id)) != DB_OK)
		return rc;
	if (res.nrows)
		rc = dm_access_get(ctx->db, c->authorisation_id, db_cell_int(&res, 0, 0, 0), lock, a);
	db_result_free(&res);
	return rc;
}

static enum db_err
render(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	struct tmpl_dict *row = tmpl_add_row(d, "DATAMANAGER");
	struct dm_progress f;
	struct dm_access a;
	enum db_err rc;

	tmpl_set(row, "NEW", strcmp(fse_value(data, "ny"), "1") == 0 ? "Ja" : "Nej");
	if ((rc = access_of(ctx, c, 0, &a)) != DB_OK)
		return rc;
	if (a.id == 0)
		return DB_OK;
	if (a.fse_id[0])
		tmpl_set(tmpl_add_row(row, "APPROVED_ID"), "ID", a.fse_id);
	if (a.ended_at[0])
		tmpl_set(tmpl_add_row(row, "ENDED"), "REASON", a.end_reason);
	if ((rc = dm_progress_read(ctx->db, &a, &f)) != DB_OK)
		return rc;
	dm_progress_rows(row, &a, &f, 0);
	return DB_OK;
}

/* R10, R11: the id as FSE gives it, one person's, for someone who still holds both roles. */
static enum db_err
approve_check(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    const char *value, char *msg, size_t n)
{
	struct dm_progress f;
	struct dm_access a;
	enum db_err rc;

	if ((rc = fse_user_id_check(ctx, value, fse_value(data, "email"), "personens", msg, n)) !=
	    DB_OK || msg[0])
		return rc;
	if ((rc = access_of(ctx, c, 0, &a)) != DB_OK)
		return rc;
	if (a.id == 0 || a.ended_at[0]) {
		snprintf(msg, n, "Institutionen har afsluttet anmodningen om brugeradgang, så "
		    "personen kan ikke godkendes nu.");
		return DB_OK;
	}
	if ((rc = dm_progress_read(ctx->db, &a, &f)) != DB_OK)
		return rc;
	if (!f.roles_held)
		snprintf(msg, n, "Personen er ikke længere både administrator og datamanager på "
		    "autorisationen og kan ikke få brugeradgang. Send anmodningen tilbage til "
		    "institutionen.");
	return DB_OK;
}

/* The id kept (new, or the same person's again) on the access, which may now be active. */
static enum db_err
approve(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    struct fse_outcome *o)
{
	const char *id = kvlist_value(&ctx->req->form, "fse_bruger_id");
	struct db_result res;
	struct dm_access a;
	enum db_err rc;
	unsigned long long affected;

	if (form_blank(id))
		return DB_EARGS;	/* approve_check said so before */
	snprintf(o->number, sizeof(o->number), "%s", id);
	if ((rc = fse_user_id_keep(ctx, id, fse_value(data, "email"))) != DB_OK ||
	    (rc = access_of(ctx, c, 1, &a)) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "UPDATE datamanager_access SET fse_id = ?, approved_by = "
	    "?, approved_at = NOW(6) WHERE case_id = ? AND ended_at IS NULL", "sii", id,
	    ctx_user(ctx), c->id)) != DB_OK)
		return rc;
	affected = res.affected;
	db_result_free(&res);
	if (affected != 1)
		return DB_EARGS;	/* ended since the check: the check says so when run again */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "datamanager.approve", "case", c->id,
	    a.user_id, ctx->req->remote_addr, id)) != DB_OK)
		return rc;
	/* Agreement and course may be in place already: then it is active now. */
	return dm_access_settle(ctx->db, ctx->cfg, a.id, ctx_user(ctx), ctx->req->remote_addr,
	    NULL);
}

/* The responsible who asked is told, and the datamanager when it is decided (R32). */
static enum db_err
notify(struct ctx *ctx, const struct case_row *c, const struct kvlist *data, enum case_state to,
    const char *reason, const struct fse_outcome *o)
{
	char number[48], inst[256];
	const char *tpl, *subject;
	struct tmpl_dict *md;
	struct db_result res;
	struct dm_access a;
	enum db_err rc;

	if ((rc = fse_case_authorisation(ctx, c, number, sizeof(number), inst, sizeof(inst))) !=
	    DB_OK || (rc = access_of(ctx, c, to == CASE_REJECTED, &a)) != DB_OK)
		return rc;
	/* Not approved as a user: the request ends, and the responsible may ask again. */
	if (to == CASE_REJECTED && a.id && !a.ended_at[0] && (rc = db_exec(ctx->db, NULL,
	    "UPDATE datamanager_access SET ended_at = NOW(6), ended_by = ?, end_reason = ? WHERE "
	    "id = ? AND ended_at IS NULL", "isi", ctx_user(ctx), reason, a.id)) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id IN (?, ?) AND "
	    "status = 'active' ORDER BY id", "ii", c->created_by, to == CASE_RETURNED ?
	    c->created_by : a.user_id)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "PERSON", fse_value(data, "navn"));
	tmpl_set(md, "NUMBER", number);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_set(md, "REASON", reason);
	tmpl_set(md, "FSE_ID", o->number);
	tmpl_setf(md, "LINK", "%s/autorisation/datamanager?id=%lld", ctx->cfg->base_url,
	    c->authorisation_id);
	tpl = to == CASE_APPROVED ? "datamanager_approved" : to == CASE_RETURNED ?
	    "datamanager_returned" : "datamanager_rejected";
	subject = to == CASE_APPROVED ? "Datamanageren er godkendt som bruger" :
	    to == CASE_RETURNED ? "Anmodningen om brugeradgang til en datamanager skal rettes" :
	    "Datamanageren er ikke godkendt som bruger";
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

	(void)c;
	fse_preview_line(d, "%s (%s) %s FSE-bruger-id %s.", fse_value(data, "navn"),
	    fse_value(data, "email"), strcmp(fse_value(data, "ny"), "1") == 0 ?
	    "oprettes som ny bruger med" : "bekræftes som bruger med", id ? id : "");
	fse_preview_line(d, "Adgangen bliver aktiv, når personen har accepteret brugeraftalen og "
	    "har et gyldigt certificeringskursus; så opkræves brugergebyret.");
	fse_preview_line(d, "Den autorisationsansvarlige og datamanageren får besked med id'et.");
	return DB_OK;
}


const struct fse_kind fse_kind_datamanager = {
	.type = "datamanager_user",
	.field_label = field_label,
	.field_value = field_value,
	.origin = fse_origin_authorisation,
	.render = render,
	.approve = approve,
	.notify = notify,
	.approve_text = "Godkend datamanageren som bruger: id'et gemmes på adgangen, og "
	    "institutionen og datamanageren får besked.",
	.preview = preview,
	.approve_input = &fse_user_id_input,
	.approve_check = approve_check,
};
