/*
 * project_flow: a proposal's way to FSE. The supervisor asks the signers (R32: they are told
 * by mail), a signer attests the exact text (R12), the supervisor submits: the five-limit
 * (R18) holds under concurrency because every submission locks the authorisation's row first,
 * and the fee valid that day is charged in the same transaction (R23), with the FSE mail and
 * the receipt (R31).
 */
#include "project.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "fees.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "tmpl.h"


static void
links(struct ctx *ctx, struct tmpl_dict *md, const struct proj *p)
{
	tmpl_set(md, "TITLE", p->c.title);
	tmpl_set(md, "NUMBER", p->a.number);
	tmpl_set(md, "INSTITUTION", p->a.institution);
	tmpl_set_int(md, "SAG", p->c.id);
	tmpl_setf(md, "LINK", "%s/projekt/sag?id=%lld&sag=%lld", ctx->cfg->base_url, p->a.id,
	    p->c.id);
}

static int
redirect_to(struct ctx *ctx, const struct proj *p, const char *notice)
{
	char path[128];

	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld&besked=%s", p->a.id, p->c.id,
	    notice);
	return ctx_redirect(ctx, path);
}

/* The transaction committed, the proposal's page with the notice; or the database's error. */
static int
commit_and_show(struct ctx *ctx, const struct proj *p, const char *notice)
{
	enum db_err rc;

	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return redirect_to(ctx, p, notice);
}

/* Whether a signature matches the text as it is now (R12); its signer's name into who. */
static enum db_err
valid_signature(struct ctx *ctx, const struct proj *p, int *valid, char *who, size_t n)
{
	char hex[PROPOSAL_HASH_HEX + 1];
	struct db_result res;
	enum db_err rc;

	*valid = 0;
	if (who && n)
		who[0] = '\0';
	if (proj_text_hash(p, hex, NULL) != 0)
		return DB_EEXEC;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name FROM proposal_signatures s JOIN users u ON "
	    "u.id = s.signer_id WHERE s.case_id = ? AND s.voided_at IS NULL AND s.text_hash = "
	    "UNHEX(?) ORDER BY s.id DESC LIMIT 1", "is", p->c.id, hex)) != DB_OK)
		return rc;
	if (res.nrows) {
		*valid = 1;
		if (who && n)
			snprintf(who, n, "%s", db_cell(&res, 0, 0));
	}
	db_result_free(&res);
	return DB_OK;
}

static const struct proj_notice not_editable = { "warning", "Projektindstillingen er allerede "
    "sendt til Forskningsservice eller afgjort, så det kan ikke gøres nu.", NULL, NULL };
static const struct proj_notice changed = { "warning", "Projektindstillingen er ændret, siden "
    "du åbnede den. Her er den, som den er nu. Læs den igen, før du fortsætter.", NULL, NULL };

/* ---- POST /projekt/anmod: ask the signers (R32) ---------------------------------------------- */

int
proj_request_signature(struct ctx *ctx)
{
	struct fielderr fe;
	struct tmpl_dict *md = NULL;
	struct db_result res;
	struct proj p;
	enum mail_err mrc;
	enum db_err rc;
	size_t i;
	int st, valid;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = proj_load(ctx, ACT_PROJECT_EDIT, &p, 1)) != 0)
		return st;
	if (!case_editable(p.c.state)) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &not_editable, 409);
		goto out;
	}
	/* Only a finished proposal is signed (issue 11): the same checks as sending. */
	fielderr_init(&fe);
	if (proposal_check(&p.data, &fe) != 0) {
		db_rollback(ctx->db);
		st = proj_form(ctx, &p, &p.data, &fe, NULL, 422);
		goto out;
	}
	if ((rc = valid_signature(ctx, &p, &valid, NULL, 0)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (valid) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &(struct proj_notice){ "success", "Projektindstillingen er "
		    "allerede underskrevet. Du kan sende den til Forskningsservice.", NULL, NULL }, 200);
		goto out;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT DISTINCT u.email, u.name FROM role_assignments r "
	    "JOIN users u ON u.id = r.user_id WHERE r.authorisation_id = ? AND r.role = 'signer' "
	    "AND r.revoked_at IS NULL AND u.status = 'active' ORDER BY u.email", "i", p.a.id)) !=
	    DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (res.nrows == 0) {
		db_result_free(&res);
		db_rollback(ctx->db);
		/* R9: only the responsible appoints a signer. */
		st = proj_page(ctx, &p, &(struct proj_notice){ "error", "Der er ingen underskrivere "
		    "på autorisationen endnu. Bed den autorisationsansvarlige om at invitere en "
		    "underskriver.", NULL, NULL }, 422);
		goto out;
	}
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	links(ctx, md, &p);
	tmpl_set(md, "SUPERVISOR", ctx->session.name);
	for (i = 0; i < res.nrows; i++) {
		tmpl_set(md, "NAME", db_cell(&res, i, 1));
		if ((mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, i, 0),
		    db_cell(&res, i, 1), "En projektindstilling venter på din underskrift",
		    "proposal_sign_request", md, "proposal_sign_request", NULL)) != MAIL_OK) {
			log_error("sign request mail: %s", mail_strerror(mrc));
			db_result_free(&res);
			st = ctx_tx_error(ctx, DB_EEXEC);
			goto out;
		}
	}
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "proposal.signature.request", "case",
	    p.c.id, 0, ctx->req->remote_addr, "")) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	st = commit_and_show(ctx, &p, "anmodet");
out:
	if (md)
		tmpl_dict_free(md);
	proj_free(&p);
	return st;
}

/* ---- POST /projekt/underskriv: a signer attests (R12) ----------------------------------------- */

int
proj_sign(struct ctx *ctx)
{
	struct fielderr fe;
	const char *shown = kvlist_value(&ctx->req->form, "hash");
	const char *yes = kvlist_value(&ctx->req->form, "bekraeft");
	long long version = proj_param(ctx, "version");
	char hex[PROPOSAL_HASH_HEX + 1];
	struct tmpl_dict *md = NULL;
	struct db_result res;
	struct proj p;
	enum mail_err mrc;
	enum db_err rc;
	int st, valid;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = proj_load(ctx, ACT_PROJECT_SIGN, &p, 1)) != 0)
		return st;
	if (!case_editable(p.c.state)) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &not_editable, 409);
		goto out;
	}
	if (proj_text_hash(&p, hex, NULL) != 0) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* The signer attests what they read: a text changed since then is not signed. */
	if ((unsigned long long)version != p.c.version || shown == NULL || strcmp(shown, hex) != 0) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &changed, 409);
		goto out;
	}
	/* A signer attests a finished proposal only (issue 11): the same checks as sending, and
	 * what is missing is listed, for the signer to pass on to the supervisor. */
	fielderr_init(&fe);
	if (proposal_check(&p.data, &fe) != 0) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &(struct proj_notice){ "error", "Projektindstillingen kan "
		    "ikke underskrives endnu, for den er ikke udfyldt helt. Vejlederen skal først "
		    "rette det, der står herunder. Når den er rettet, kan du underskrive den.", NULL,
		    &fe }, 422);
		goto out;
	}
	if (yes == NULL || strcmp(yes, "ja") != 0) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &(struct proj_notice){ "error", "Sæt kryds for at bekræfte, "
		    "at projektet er lovligt efter databeskyttelsesforordningen. Uden bekræftelsen "
		    "er indstillingen ikke underskrevet.", "bekraeft", NULL }, 422);
		goto out;
	}
	if ((rc = valid_signature(ctx, &p, &valid, NULL, 0)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (valid) {	/* a colleague signed a moment ago: nothing more to do */
		db_rollback(ctx->db);
		st = redirect_to(ctx, &p, "underskrevet");
		goto out;
	}
	/* One live signature of a text (R12): the case's lock above orders signers on one
	 * server; on a cluster the unique key proposal_signatures_live (migration 013) carries
	 * it. A duplicate is a colleague's signature that committed first: the request runs again
	 * and then finds it (the "nothing more to do" answer above). */
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO proposal_signatures (case_id, signer_id, "
	    "text_hash, case_version) VALUES (?, ?, UNHEX(?), ?)", "iisi", p.c.id, ctx_user(ctx),
	    hex, (long long)p.c.version)) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "proposal.sign", "case", p.c.id,
	    p.c.created_by, ctx->req->remote_addr, hex)) != DB_OK) {
		st = ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
		goto out;
	}
	/* The supervisor who drafted it is told it can be sent now (R32). */
	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ? AND status = "
	    "'active'", "i", p.c.created_by)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (res.nrows && (md = tmpl_dict_new()) != NULL) {
		links(ctx, md, &p);
		tmpl_set(md, "NAME", db_cell(&res, 0, 1));
		tmpl_set(md, "SIGNER", ctx->session.name);
		if ((mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, 0, 0),
		    db_cell(&res, 0, 1), "Projektindstillingen er underskrevet", "proposal_signed",
		    md, "proposal_signed", NULL)) != MAIL_OK) {
			log_error("signed mail: %s", mail_strerror(mrc));
			db_result_free(&res);
			st = ctx_tx_error(ctx, DB_EEXEC);
			goto out;
		}
	}
	db_result_free(&res);
	st = commit_and_show(ctx, &p, "underskrevet");
out:
	if (md)
		tmpl_dict_free(md);
	proj_free(&p);
	return st;
}

/* ---- POST /projekt/indsend ---------------------------------------------------------------- */

/* The FSE mail's summary: every filled field with its label. */
static void
summary(struct tmpl_dict *md, const struct proj *p)
{
	char label[96];
	size_t i;

	for (i = 0; i < proposal_nfields; i++) {
		const char *v = kvlist_value(&p->data, proposal_fields[i].name);
		struct tmpl_dict *row;

		if (v == NULL || *v == '\0')
			continue;
		proposal_label(proposal_fields[i].name, label, sizeof(label));
		row = tmpl_add_row(md, "FIELD");
		tmpl_set(row, "LABEL", label);
		tmpl_set(row, "VALUE", v);
	}
}

/*
 * R23: a proposal and a re-proposal (genindstilling: sent again after FSE returned it) each cost
 * the proposal fee valid on the day it is sent. *ore < 0: no rate that day, nothing charged.
 */
static enum db_err
charge(struct ctx *ctx, const struct proj *p, int again, long long *ore, int *demo)
{
	char today[FEES_DATE_LEN];
	struct db_result res;
	long long rate_id = 0;
	enum fees_err fe;
	enum db_err rc;

	*demo = 0;
	fees_today(today);
	if ((fe = fees_rate_on(ctx->db, FEES_PROPOSAL, today, ore, &rate_id)) == FEES_ENONE) {
		*ore = -1;
		return DB_OK;
	}
	if (fe != FEES_OK)
		return DB_EEXEC;
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO case_fees (case_id, authorisation_id, kind, "
	    "rate_id, amount_ore, incurred_on) VALUES (?, ?, ?, ?, ?, ?)", "iisiis",
	    p->c.id, p->a.id, again ? "reproposal" : "proposal", rate_id, *ore, today)) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT is_demo FROM rates WHERE id = ?", "i", rate_id)) !=
	    DB_OK)
		return rc;
	*demo = res.nrows && db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return DB_OK;
}

int
proj_submit(struct ctx *ctx)
{
	struct fielderr fe;
	long long version = proj_param(ctx, "version"), ore = -1;
	char signer[201], amount[FEES_AMOUNT_LEN], date[32];
	struct tmpl_dict *md = NULL, *rd = NULL;
	struct proj p;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	time_t now = time(NULL);
	int st, valid, first, demo = 0;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Locks the authorisation's row, then the proposal's: submissions under one authorisation
	 * run one at a time on one server, so two cannot both take the fifth place (R18; on a
	 * cluster the proposal_gate write below carries it). The case's version, written by
	 * cases_move, carries "one move per version". */
	if ((st = proj_load(ctx, ACT_PROJECT_EDIT, &p, 1)) != 0)
		return st;
	if (!case_editable(p.c.state)) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &not_editable, 409);
		goto out;
	}
	if ((unsigned long long)version != p.c.version) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &changed, 409);
		goto out;
	}
	if (p.a.platform[0] == '\0') {
		db_rollback(ctx->db);
		st = proj_no_platform(ctx, &p.a);
		goto out;
	}
	fielderr_init(&fe);
	if (proposal_check(&p.data, &fe) != 0) {
		db_rollback(ctx->db);
		st = proj_form(ctx, &p, &p.data, &fe, NULL, 422);
		goto out;
	}
	if ((rc = valid_signature(ctx, &p, &valid, signer, sizeof(signer))) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (!valid) {
		db_rollback(ctx->db);
		/* R12: the signature covers the text as it is now. */
		st = proj_page(ctx, &p, &(struct proj_notice){ "error", "Projektindstillingen kan "
		    "ikke sendes, før en underskriver har underskrevet den, som den er nu. "
		    "Underskriveren bekræfter på institutionens vegne, at projektet er lovligt.",
		    NULL, NULL }, 422);
		goto out;
	}
	first = p.c.state == CASE_DRAFT;
	if (first) {
		struct db_result res;
		long long used;

		/*
		 * R18 is carried by the authorisation's row, written here: every first submission
		 * (the only move that adds to the count, lib/casefsm.c) bumps proposal_gate before
		 * it counts. The FOR UPDATE lock of proj_load serialises submissions on one server;
		 * on a Galera cluster it is local to a node, and only this write makes two first
		 * submissions on two nodes conflict at COMMIT (the loser runs again and then sees
		 * the other's proposal). Migration 013 says why withdrawals need not write it.
		 */
		if ((rc = db_exec(ctx->db, NULL, "UPDATE authorisations SET proposal_gate = "
		    "proposal_gate + 1 WHERE id = ?", "i", p.a.id)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		/* A locking read: it sees what a submission that held the lock before us
		 * committed, where a plain read would see the transaction's older snapshot. */
		if ((rc = db_exec(ctx->db, &res, "SELECT COUNT(*) FROM cases WHERE type = 'project' "
		    "AND authorisation_id = ? AND state IN ('submitted', 'returned', 'approved') "
		    "FOR UPDATE", "i", p.a.id)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		used = db_cell_int(&res, 0, 0, 0);
		db_result_free(&res);
		if (used >= PROPOSAL_LIMIT) {
			db_rollback(ctx->db);
			st = proj_page(ctx, &p, &(struct proj_notice){ "error", "Autorisationen har "
			    "allerede fem projektindstillinger, der er sendt eller godkendt. Der kan "
			    "højst være fem. En afvist eller tilbagetrukket indstilling "
			    "tæller ikke med.", NULL, NULL }, 409);
			goto out;
		}
	}
	crc = cases_move(ctx->db, p.c.id, p.c.version, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, &changed, 409);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if ((rc = charge(ctx, &p, !first, &ore, &demo)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}

	if ((md = tmpl_dict_new()) == NULL || (rd = tmpl_dict_new()) == NULL) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	links(ctx, md, &p);
	summary(md, &p);
	tmpl_set(md, "SUPERVISOR", ctx->session.name);
	tmpl_set(md, "SUPERVISOR_EMAIL", ctx->session.email);
	tmpl_set(md, "SIGNER", signer);
	tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, p.c.id);
	if (!first)
		tmpl_show(md, "RESUBMITTED");
	links(ctx, rd, &p);
	tmpl_set(rd, "NAME", ctx->session.name);
	strftime(date, sizeof(date), "%d-%m-%Y", localtime(&now));
	tmpl_set(rd, "DATE", date);
	tmpl_set_int(rd, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	if (!first)
		tmpl_show(rd, "RESUBMITTED");
	if (ore >= 0) {
		struct tmpl_dict *fee = tmpl_add_row(rd, "FEE");

		fees_format_dkk(ore, amount, sizeof(amount));
		tmpl_set(fee, "AMOUNT", amount);
		if (demo)
			tmpl_show(fee, "DEMO");
		tmpl_set(tmpl_add_row(md, "FEE"), "AMOUNT", amount);
	} else
		tmpl_show(rd, "NO_RATE");
	if ((mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
	    "Vedr. projektindstilling under uddannelsesautorisation", "proposal_submitted_fse", md,
	    "proposal_submitted", NULL)) != MAIL_OK ||
	    (mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->session.email, ctx->session.name,
	    "Kvittering: projektindstillingen er modtaget", "proposal_receipt", rd,
	    "proposal_receipt", NULL)) != MAIL_OK) {
		log_error("mail on proposal submit: %s", mail_strerror(mrc));
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	st = commit_and_show(ctx, &p, "sendt");
out:
	if (md)
		tmpl_dict_free(md);
	if (rd)
		tmpl_dict_free(rd);
	proj_free(&p);
	return st;
}

/* ---- POST /projekt/traek-tilbage ---------------------------------------------------------- */

int
proj_withdraw(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	long long version = proj_param(ctx, "version");
	struct proj p;
	enum cases_err crc;
	enum db_err rc;
	int st;

	if (reason && strlen(reason) > 1000)
		return 413;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = proj_load(ctx, ACT_PROJECT_EDIT, &p, 1)) != 0)
		return st;
	crc = cases_move(ctx->db, p.c.id, (unsigned)version, CASE_WITHDRAWN, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), reason ? reason : "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = proj_page(ctx, &p, crc == CASES_ECONFLICT ? &changed : &not_editable, 409);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	st = commit_and_show(ctx, &p, "trukket");
out:
	proj_free(&p);
	return st;
}
