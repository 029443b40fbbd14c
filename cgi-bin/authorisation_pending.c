/*
 * Pending invitations, withdrawn or sent again (issue 11; R34: roles granted and revoked
 * explicitly, by someone entitled to, and the history kept). Whoever may invite on the
 * authorisation may do both; the responsible role is FSE's (it comes with FSE's approval).
 * Withdrawing stops the link and tells the invitee; sending again withdraws the old invitation
 * and makes a new one with a new link and a new week, so the history keeps both. Each is one
 * transaction with its audit event and its mail.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "authorisation.h"
#include "caps.h"
#include "db.h"
#include "invite.h"
#include "log.h"
#include "mail.h"
#include "policy.h"

enum { P_ID, P_INVITATION, P__MAX };

static const struct form_field pending_fields[P__MAX] = {
	[P_ID] = { "id", form_int, 1, 1, 999999999999999LL, NULL, NULL },
	[P_INVITATION] = { "invitation", form_int, 1, 1, 999999999999999LL, NULL, NULL },
};

struct pending {
	long long	id;
	char		email[255];
	char		role[32];
	char		override_reason[501];
	char		institution[201];
};

/*
 * The pending invitation of the form, locked, in a transaction begun here. Returns 0 with the
 * transaction open, or the status to answer (the transaction rolled back).
 */
static int
lock_pending(struct ctx *ctx, long long auth, struct pending *p)
{
	struct db_result res;
	struct fielderr fe;
	struct form f;
	enum db_err rc;

	memset(p, 0, sizeof(*p));
	if (form_read(&f, pending_fields, P__MAX, &ctx->req->form) != 0)
		return 400;	/* only our own buttons send these fields */
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Carried by the invitation's row: mark_withdrawn writes it (withdrawn_at), as an
	 * acceptance does (accepted_at), so the two cannot both commit on a cluster. */
	if ((rc = db_exec(ctx->db, &res, "SELECT v.id, v.email, v.role, v.override_reason, i.name "
	    "FROM invitations v JOIN authorisations a ON a.id = v.authorisation_id JOIN "
	    "institutions i ON i.id = a.institution_id WHERE v.id = ? AND v.authorisation_id = ? "
	    "AND v.accepted_at IS NULL AND v.withdrawn_at IS NULL FOR UPDATE", "ii",
	    f.v[P_INVITATION].num, auth)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		db_rollback(ctx->db);
		fielderr_init(&fe);
		fielderr_add(&fe, "email", "Invitationen er allerede taget imod eller trukket "
		    "tilbage. Siden viser, hvordan det ser ud nu.");
		return roles_page_with(ctx, auth, NULL, &fe, 409);
	}
	p->id = db_cell_int(&res, 0, 0, 0);
	snprintf(p->email, sizeof(p->email), "%s", db_cell(&res, 0, 1));
	snprintf(p->role, sizeof(p->role), "%s", db_cell(&res, 0, 2));
	snprintf(p->override_reason, sizeof(p->override_reason), "%s", db_cell(&res, 0, 3));
	snprintf(p->institution, sizeof(p->institution), "%s", db_cell(&res, 0, 4));
	db_result_free(&res);
	/* The responsible role is FSE's to give, and so to withdraw or send again. */
	if (strcmp(p->role, "responsible") == 0 && !auth_can(ctx, ACT_DOMAIN_OVERRIDE, 0)) {
		db_rollback(ctx->db);
		return 403;
	}
	return 0;
}

static enum db_err
mark_withdrawn(struct ctx *ctx, const struct pending *p, long long auth, const char *action)
{
	char detail[300];
	enum db_err rc;

	snprintf(detail, sizeof(detail), "%s:%s", p->role, p->email);
	if ((rc = db_exec(ctx->db, NULL, "UPDATE invitations SET withdrawn_at = NOW(6), "
	    "withdrawn_by = ? WHERE id = ?", "ii", ctx_user(ctx), p->id)) != DB_OK)
		return rc;
	return audit_event(ctx->db, ctx_user(ctx), action, "invitation", p->id, 0,
	    ctx->req->remote_addr, detail) == DB_OK ? audit_event(ctx->db, ctx_user(ctx), action,
	    "authorisation", auth, 0, ctx->req->remote_addr, detail) : DB_EEXEC;
}

static int
done(struct ctx *ctx, long long auth, const char *notice)
{
	char path[128];
	enum db_err rc;

	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%lld&besked=%s", auth, notice);
	return ctx_redirect(ctx, path);
}

int
invitation_withdraw(struct ctx *ctx)
{
	long long auth = http_id(http_param(ctx->req, "id"));
	struct tmpl_dict *md;
	struct pending p;
	enum mail_err mrc;
	enum db_err rc;
	int st;

	if ((st = auth_require(ctx, ACT_ROLE_INVITE, auth)) != 0 ||
	    (st = lock_pending(ctx, auth, &p)) != 0)
		return st;
	if ((rc = mark_withdrawn(ctx, &p, auth, "invitation.withdraw")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	/* The invitee was told of a link; they are told it no longer works (R31). */
	if ((md = tmpl_dict_new()) == NULL)
		return ctx_tx_error(ctx, DB_ENOMEM);
	tmpl_set(md, "ROLE", role_label(p.role));
	tmpl_set(md, "INSTITUTION", p.institution);
	tmpl_set(md, "BY", ctx->session.name);
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, p.email, NULL, "Invitationen er trukket "
	    "tilbage", "invitation_withdrawn", md, "invitation_withdrawn", NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("withdrawn invitation mail: %s", mail_strerror(mrc));
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	return done(ctx, auth, "trukket-tilbage");
}

int
invitation_resend(struct ctx *ctx)
{
	long long auth = http_id(http_param(ctx->req, "id"));
	char msg[CAPS_MESSAGE_MAX];
	struct fielderr fe;
	struct invite in;
	struct pending p;
	enum db_err rc;
	int st;

	if ((st = auth_require(ctx, ACT_ROLE_INVITE, auth)) != 0 ||
	    (st = lock_pending(ctx, auth, &p)) != 0)
		return st;
	/* Issue 16: a link sent again is an invitation sent, under the same cap. */
	if ((st = caps_gate(ctx, CAPS_INVITE_HOUR, ctx_user(ctx), 1, msg, sizeof(msg))) != 0) {
		if (st != 429)
			return st;
		fielderr_init(&fe);
		fielderr_add(&fe, "email", msg);
		return roles_page_with(ctx, auth, NULL, &fe, 429);
	}
	if ((rc = mark_withdrawn(ctx, &p, auth, "invitation.resend")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	memset(&in, 0, sizeof(in));
	in.authorisation_id = auth;
	in.email = p.email;
	in.role = p.role;
	in.invited_by = ctx_user(ctx);
	in.inviter = ctx->session.name;
	in.override_reason = p.override_reason;	/* as allowed the first time (R6) */
	in.remote_addr = ctx->req->remote_addr;
	in.mail = "invitation";
	in.subject = "Du er inviteret til en rolle på Specialeportalen";
	if ((rc = invite_create(ctx->db, ctx->cfg, &in, NULL)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	return done(ctx, auth, "sendt-igen");
}
