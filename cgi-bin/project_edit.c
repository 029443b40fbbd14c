/*
 * project_edit: the proposal's form (R18, R19) and the authorisation's analysis platform (R17).
 * Saving an edit voids any signature in the same transaction: a signature is for exactly the
 * text that was signed (R12).
 */
#include "project.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "caps.h"
#include "http_parse.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "platform.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

int
proj_form(struct ctx *ctx, struct proj *p, const struct kvlist *values,
    const struct fielderr *fe, const char *stale, int status)
{
	struct tmpl_dict *d, *row;
	char key[64];
	size_t i;
	int k;

	if ((d = ctx_page(ctx, "project/form.tpl", p->loaded ? "Ret projektindstilling" :
	    "Ny projektindstilling")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", p->a.id);
	tmpl_set(d, "NUMBER", p->a.number);
	tmpl_set(d, "INSTITUTION", p->a.institution);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	if (p->loaded) {
		row = tmpl_add_row(d, "EXISTING");
		tmpl_set_int(row, "SAG", p->c.id);
		tmpl_set_int(row, "VERSION", p->c.version);
		tmpl_show(d, "EDIT_HEADING");
	} else {
		tmpl_show(d, "NEW_HEADING");
		submitkey_put(ctx, tmpl_add_row(d, "NEW_KEY"));	/* one proposal per form */
	}
	if (stale)
		tmpl_set(tmpl_add_row(d, "STALE"), "TEXT", stale);
	for (i = 0; i < proposal_nfields; i++) {
		const char *v = values ? kvlist_value(values, proposal_fields[i].name) : NULL;

		if (v && strncmp(proposal_fields[i].name, "register_", 9) != 0) {
			snprintf(key, sizeof(key), "VALUE_%s", proposal_fields[i].name);
			tmpl_set(d, key, v);
		}
	}
	/* The register rows, each with its own values and messages. */
	for (k = 1; k <= PROPOSAL_REGISTERS; k++) {
		char name[40], reason[40];
		const char *m;

		snprintf(name, sizeof(name), "register_navn_%d", k);
		snprintf(reason, sizeof(reason), "register_begrundelse_%d", k);
		row = tmpl_add_row(d, "REGISTER");
		tmpl_set_int(row, "N", k);
		tmpl_set(row, "NAME", values && kvlist_value(values, name) ?
		    kvlist_value(values, name) : "");
		tmpl_set(row, "REASON", values && kvlist_value(values, reason) ?
		    kvlist_value(values, reason) : "");
		if ((m = fielderr_message(fe, name)) != NULL)
			tmpl_set(tmpl_add_row(row, "NAME_ERROR"), "MESSAGE", m);
		if ((m = fielderr_message(fe, reason)) != NULL)
			tmpl_set(tmpl_add_row(row, "REASON_ERROR"), "MESSAGE", m);
	}
	if (fielderr_count(fe))
		page_form_errors(d, NULL, NULL, fe);
	return status;
}

/* R17: no proposal before the authorisation has its analysis platform. */
int
proj_no_platform(struct ctx *ctx, const struct proj_auth *a)
{
	struct tmpl_dict *d;

	if ((d = ctx_page(ctx, "project/no_platform.tpl", "Analyseplatformen mangler")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", a->id);
	tmpl_set(d, "NUMBER", a->number);
	if (auth_can(ctx, ACT_PLATFORM_SET, a->id))
		tmpl_show(d, "CAN_SET");
	else
		tmpl_show(d, "ASK_RESPONSIBLE");
	return 409;
}

/* GET /projekt/rediger?id=[&sag=] */
int
proj_edit_form(struct ctx *ctx)
{
	struct proj p;
	int st;

	if (proj_param(ctx, "sag") == 0) {
		memset(&p, 0, sizeof(p));
		kvlist_init(&p.data);
		if ((st = proj_auth_load(ctx, ACT_PROJECT_EDIT, &p.a, 0)) != 0)
			return st;
		return p.a.platform[0] ? proj_form(ctx, &p, NULL, NULL, NULL, 200) :
		    proj_no_platform(ctx, &p.a);
	}
	if ((st = proj_load(ctx, ACT_PROJECT_EDIT, &p, 0)) != 0)
		return st;
	if (!case_editable(p.c.state)) {
		struct proj_notice n = { "warning", "Projektindstillingen kan ikke rettes nu: den er "
		    "sendt til Forskningsservice eller afgjort. Kun en kladde eller en indstilling, "
		    "der er sendt tilbage til ændringer, kan rettes.", NULL, NULL };

		st = proj_page(ctx, &p, &n, 409);
	} else
		st = proj_form(ctx, &p, &p.data, NULL, NULL, 200);
	proj_free(&p);
	return st;
}

/*
 * Voids the signatures of a case whose text changed (R12); *voided: how many. Each signer whose
 * signature went is told (R32), inside the same transaction.
 */
static enum db_err
void_signatures(struct ctx *ctx, const struct proj *p, long long *voided)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc = MAIL_OK;
	enum db_err rc;
	size_t i;

	*voided = 0;
	if ((rc = db_exec(ctx->db, &res, "SELECT DISTINCT u.email, u.name FROM proposal_signatures s "
	    "JOIN users u ON u.id = s.signer_id WHERE s.case_id = ? AND s.voided_at IS NULL AND "
	    "u.status = 'active'", "i", p->c.id)) != DB_OK)
		return rc;
	if (res.nrows && (md = tmpl_dict_new()) != NULL) {
		tmpl_set(md, "TITLE", p->c.title);
		tmpl_set(md, "NUMBER", p->a.number);
		tmpl_set(md, "SUPERVISOR", ctx->session.name);
		tmpl_setf(md, "LINK", "%s/projekt/sag?id=%lld&sag=%lld", ctx->cfg->base_url,
		    p->a.id, p->c.id);
		for (i = 0; i < res.nrows && mrc == MAIL_OK; i++) {
			tmpl_set(md, "NAME", db_cell(&res, i, 1));
			mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, i, 0),
			    db_cell(&res, i, 1), "Din underskrift på en projektindstilling er "
			    "bortfaldet", "proposal_signature_voided", md,
			    "proposal_signature_voided", NULL);
		}
		tmpl_dict_free(md);
	}
	db_result_free(&res);
	if (mrc != MAIL_OK) {
		log_error("signature voided mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	if ((rc = db_exec(ctx->db, &res, "UPDATE proposal_signatures SET voided_at = NOW(6), "
	    "voided_by = ? WHERE case_id = ? AND voided_at IS NULL", "ii", ctx_user(ctx),
	    p->c.id)) != DB_OK)
		return rc;
	*voided = (long long)res.affected;
	db_result_free(&res);
	if (*voided)
		rc = audit_event(ctx->db, ctx_user(ctx), "proposal.signature.void", "case", p->c.id,
		    0, ctx->req->remote_addr, "the text changed after signing");
	return rc;
}

/* POST /projekt/rediger: id, [sag, version], the fields. */
int
proj_edit_submit(struct ctx *ctx)
{
	struct fielderr fe;
	char before[PROPOSAL_HASH_HEX + 1], after[PROPOSAL_HASH_HEX + 1], path[128];
	char msg[CAPS_MESSAGE_MAX];
	const struct kvlist *in = &ctx->req->form;
	long long version = proj_param(ctx, "version"), sag, voided = 0;
	struct form f;
	struct buf data;
	struct proj p;
	enum cases_err crc;
	enum db_err rc;
	int st;

	memset(&p, 0, sizeof(p));
	kvlist_init(&p.data);
	form_read(&f, proposal_fields, proposal_nfields, in);
	fielderr_init(&fe);
	fielderr_form(&fe, &f);
	buf_init(&data, 1024 * 1024);
	if (fielderr_count(&fe) == 0 && form_encode(&f, &data) != 0) {
		buf_free(&data);
		return 413;
	}

	if ((rc = db_begin(ctx->db)) != DB_OK) {
		buf_free(&data);
		return ctx_db_error(ctx, rc);
	}
	if (proj_param(ctx, "sag") == 0) {
		/* A new proposal: the authorisation row locked, so the platform cannot vanish. No
		 * write needs to carry this on a cluster: a platform, once stated, is only ever
		 * replaced by another (proj_platform_submit checks it like the application does),
		 * never taken away, so a concurrent change cannot leave R17 unmet. */
		if ((st = proj_auth_load(ctx, ACT_PROJECT_EDIT, &p.a, 1)) != 0)
			goto out;
		if (p.a.platform[0] == '\0') {
			db_rollback(ctx->db);
			st = proj_no_platform(ctx, &p.a);
			goto out;
		}
		if (fielderr_count(&fe)) {
			db_rollback(ctx->db);
			st = proj_form(ctx, &p, in, &fe, NULL, 422);
			goto out;
		}
		/* Sent twice (issue 12): the proposal the first send made is shown. */
		if ((st = submitkey_claim(ctx, "proposal.new")) != 0)
			goto out;
		if ((st = caps_gate(ctx, CAPS_DRAFT_PROPOSAL, ctx_user(ctx), 1, msg,
		    sizeof(msg))) != 0) {
			if (st == 429)	/* issue 16: the form again, the input kept */
				st = proj_form(ctx, &p, in, NULL, msg, 429);
			goto out;
		}
		if ((crc = cases_create(ctx->db, "project", ctx_user(ctx), p.a.id,
		    kvlist_value(in, "titel"), data.data ? data.data : "", &sag)) != CASES_OK) {
			st = ctx_tx_error(ctx, DB_EEXEC);
			goto out;
		}
		snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld&besked=gemt", p.a.id, sag);
		if ((rc = submitkey_done(ctx, path)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		if ((rc = db_commit(ctx->db)) != DB_OK) {
			st = ctx_db_error(ctx, rc);
			goto out;
		}
		st = ctx_redirect(ctx, path);
		goto out;
	}

	if ((st = proj_load(ctx, ACT_PROJECT_EDIT, &p, 1)) != 0)
		goto out;
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		st = proj_form(ctx, &p, in, &fe, NULL, 422);
		goto out;
	}
	if (proj_text_hash(&p, before, NULL) != 0) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	crc = cases_save(ctx->db, p.c.id, (unsigned)version, kvlist_value(in, "titel"),
	    data.data ? data.data : "", NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTEDITABLE) {
		db_rollback(ctx->db);
		st = crc == CASES_ENOTEDITABLE ? proj_page(ctx, &p, &(struct proj_notice){ "warning",
		    "Projektindstillingen kan ikke rettes nu: den er sendt til Forskningsservice "
		    "eller afgjort.", NULL, NULL }, 409) :
		    proj_form(ctx, &p, in, NULL, "Projektindstillingen er ændret af en anden, "
		    "siden du åbnede den. Dine ændringer er ikke gemt, men står herunder. Åbn "
		    "indstillingen igen for at se den nye udgave, og ret derefter.", 409);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* The text as saved: any difference voids the signatures (R12). */
	kvlist_free(&p.data);
	kvlist_init(&p.data);
	if (http_parse_urlencoded(data.data ? data.data : "", data.len, &p.data) != HTTP_PARSE_OK ||
	    proj_text_hash(&p, after, NULL) != 0) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if (strcmp(before, after) != 0 && (rc = void_signatures(ctx, &p, &voided)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld&besked=%s", p.a.id, p.c.id,
	    voided ? "bortfaldet" : "gemt");
	st = ctx_redirect(ctx, path);
out:
	buf_free(&data);
	proj_free(&p);
	return st;
}

/* ---- the analysis platform (R17) ------------------------------------------------------------ */

static int
platform_page(struct ctx *ctx, const struct proj_auth *a, const struct form *f,
    const struct fielderr *fe, int status)
{
	static const char *const kept[] = { "server" };
	struct tmpl_dict *d;
	const char *chosen = f ? f->v[PLATFORM_F_PLATFORM].value : a->platform;

	if ((d = ctx_page(ctx, "project/platform.tpl", "Analyseplatform")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", a->id);
	tmpl_set(d, "NUMBER", a->number);
	tmpl_set(d, "INSTITUTION", a->institution);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	if (chosen && strcmp(chosen, "hosted") == 0)
		tmpl_show(d, "HOSTED_CHECKED");
	else if (!f || (chosen && strcmp(chosen, "forskermaskinen") == 0))
		tmpl_show(d, "FM_CHECKED");
	if (f) {
		page_keep_values(d, f, kept, 1);
		if (f->v[PLATFORM_F_DRIVE].value && f->v[PLATFORM_F_DRIVE].err == FORM_OK)
			tmpl_show(d, "DRIVE_CHECKED");
		page_form_errors(d, f, NULL, fe);
	} else {
		tmpl_set(d, "VALUE_server", a->server);
		if (strcmp(a->platform, "hosted") == 0)
			tmpl_show(d, "DRIVE_CHECKED");
	}
	return status;
}

int
proj_platform_form(struct ctx *ctx)
{
	struct proj_auth a;
	int st;

	if ((st = proj_auth_load(ctx, ACT_PLATFORM_SET, &a, 0)) != 0)
		return st;
	return platform_page(ctx, &a, NULL, NULL, 200);
}

int
proj_platform_submit(struct ctx *ctx)
{
	struct fielderr fe;
	struct proj_auth a;
	struct form f;
	enum db_err rc;
	char path[96], detail[256];
	int st, hosted;

	if ((st = proj_auth_load(ctx, ACT_PLATFORM_SET, &a, 0)) != 0)
		return st;
	form_read(&f, platform_fields, PLATFORM_F__MAX, &ctx->req->form);
	fielderr_init(&fe);
	/* R17: the same rule as the application's platform step. */
	platform_check(&f, &fe);
	if (f.nerrors || fielderr_count(&fe))
		return platform_page(ctx, &a, &f, &fe, 422);
	hosted = platform_hosted(&f);

	snprintf(detail, sizeof(detail), "%s%s%s", hosted ? "hosted: " : "forskermaskinen",
	    hosted ? f.v[PLATFORM_F_SERVER].value : "", "");
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = db_exec(ctx->db, NULL, "UPDATE authorisations SET platform = ?, platform_server "
	    "= ?, platform_set_by = ?, platform_set_at = NOW(6) WHERE id = ?", "ssii",
	    hosted ? "hosted" : "forskermaskinen", hosted ? f.v[PLATFORM_F_SERVER].value : "",
	    ctx_user(ctx), a.id)) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "authorisation.platform", "authorisation",
	    a.id, 0, ctx->req->remote_addr, detail)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/projekt?id=%lld&besked=platform", a.id);
	return ctx_redirect(ctx, path);
}
