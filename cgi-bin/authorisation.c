/*
 * authorisation: an institution's education authorisation and the people on it (R6, R9-R13,
 * R34). The responsible (and FSE) invites people to roles by e-mail, sees who holds which role
 * and the history, and revokes roles; the invitee accepts with the account of the invited
 * address. Every grant and revoke is one transaction with its audit event. The application for
 * an authorisation (issue 5) will add its case pages here.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "auth.h"
#include "authorisation.h"
#include "datefmt.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "invite.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "policy.h"
#include "session.h"
#include "submitkey.h"
#include "tmpl.h"

/* The roles the responsible appoints or attaches by invitation (R9). Students are attached on
 * their research-potential document instead (R10). */
static const char *const invitable[] = { "administrator", "datamanager", "signer", "supervisor",
	NULL };
/*
 * What the form accepts: the above and the responsible role, which comes from FSE (issue 5,
 * R4.2), never from the responsible: only FSE staff are offered it, and invite_submit refuses it
 * from anyone else. FSE uses it e.g. when the manager's invitation from the approval expired.
 */
static const char *const invitable_fse[] = { "responsible", "administrator", "datamanager",
	"signer", "supervisor", NULL };

/* The id of the authorisation a request is about: ?id= or the form's id. 0 when absent or not
 * a number (the policy then answers 404, like for an id that names nothing). */
static long long
authorisation_id(struct ctx *ctx)
{
	return http_id(http_param(ctx->req, "id"));
}

/* A time from the database (UTC) as Danes read it, into key (issue 11: one formatter). */
static void
danish(struct tmpl_dict *d, const char *key, const char *utc, enum datefmt_style style)
{
	char when[64];

	datefmt_danish(when, sizeof(when), utc, style);
	tmpl_set(d, key, when);
}

static const char *
notice(struct ctx *ctx)
{
	return kvlist_value(&ctx->req->query, "besked");
}

/* ---- the list ---------------------------------------------------------------------------- */

static int
list_page(struct ctx *ctx)
{
	long long uid = ctx_user(ctx);
	unsigned global, object, any;
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = auth_roles(ctx->db, uid, 0, &global, &object, &any)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* FSE staff see every authorisation; others those they hold a role on. */
	rc = global ? db_exec(ctx->db, &res,
	    "SELECT a.id, COALESCE(a.number, '-'), i.name, a.status, '' FROM authorisations a "
	    "JOIN institutions i ON i.id = a.institution_id ORDER BY a.id", "") :
	    db_exec(ctx->db, &res,
	    "SELECT a.id, COALESCE(a.number, '-'), i.name, a.status, "
	    " GROUP_CONCAT(r.role ORDER BY r.role SEPARATOR ',') FROM role_assignments r "
	    "JOIN authorisations a ON a.id = r.authorisation_id "
	    "JOIN institutions i ON i.id = a.institution_id "
	    "WHERE r.user_id = ? AND r.revoked_at IS NULL GROUP BY a.id ORDER BY a.id", "i", uid);
	if (rc != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "authorisation/list.tpl", "Mine autorisationer")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	for (i = 0; i < res.nrows; i++) {
		char roles[256] = "", *tok, *save = NULL, copy[256];

		row = tmpl_add_row(d, "AUTHORISATION");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 1));
		tmpl_set(row, "INSTITUTION", db_cell(&res, i, 2));
		snprintf(copy, sizeof(copy), "%s", db_cell(&res, i, 4));
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (roles[0])
				strncat(roles, ", ", sizeof(roles) - strlen(roles) - 1);
			strncat(roles, role_label(tok), sizeof(roles) - strlen(roles) - 1);
		}
		tmpl_set(row, "ROLES", roles[0] ? roles : "Forskningsservice");
		/* The broad projects (issue 6): for those who may see them, not students. */
		if (auth_can(ctx, ACT_PROJECT_VIEW, db_cell_int(&res, i, 0, 0)))
			tmpl_show(row, "PROJECTS");
		/* The thesis students (issue 13): a supervisor's own, or all of them (R13). */
		if (auth_can(ctx, ACT_STUDENT_VIEW, db_cell_int(&res, i, 0, 0)))
			tmpl_show(row, "STUDENTS");
		/* A student's own page: the project, the checklist, the user agreement (R15). */
		if (auth_can(ctx, ACT_STUDENT_SELF, db_cell_int(&res, i, 0, 0)))
			tmpl_show(row, "SELF");
		/* The datamanagers' own user access (R11): theirs, and the staff's to follow. */
		if (auth_can(ctx, ACT_DM_VIEW, db_cell_int(&res, i, 0, 0)))
			tmpl_show(row, "DATAMANAGERS");
	}
	tmpl_show(d, res.nrows ? "HAS_ANY" : "NONE");
	db_result_free(&res);
	if (notice(ctx) && strcmp(notice(ctx), "accepteret") == 0)
		tmpl_show(d, "NOTICE_ACCEPTED");
	/* Invitations waiting for this user's address (R32: what is waiting for them). */
	if ((rc = db_exec(ctx->db, &res, "SELECT v.id, v.role, i.name, u.name FROM invitations v "
	    "JOIN authorisations a ON a.id = v.authorisation_id "
	    "JOIN institutions i ON i.id = a.institution_id JOIN users u ON u.id = v.invited_by "
	    "WHERE v.email = ? AND v.accepted_at IS NULL AND v.withdrawn_at IS NULL AND "
	    "v.expires_at > NOW(6)", "s",
	    ctx->session.email)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "INVITATION");
		tmpl_set(row, "ROLE", role_label(db_cell(&res, i, 1)));
		tmpl_set(row, "INSTITUTION", db_cell(&res, i, 2));
		tmpl_set(row, "INVITED_BY", db_cell(&res, i, 3));
	}
	db_result_free(&res);
	return 200;
}

/* ---- roles: who holds what, history, invite, revoke ------------------------------------------ */

enum { I_ID, I_EMAIL, I_ROLE, I_REASON, I__MAX };
static const struct form_field invite_fields[I__MAX] = {
	[I_ID] = { "id", form_int, 1, 1, 100000000000LL, NULL, NULL },
	[I_EMAIL] = { "email", form_email, 1, 0, 254, NULL,
	    "Skriv e-mailadressen på den person, du vil invitere." },
	[I_ROLE] = { "rolle", form_choice, 1, 0, 0, invitable_fse, "Vælg en rolle." },
	[I_REASON] = { "begrundelse", form_text, 0, 0, 500, NULL, NULL },
};

/* The page, with an invite form that may carry messages and the user's input. */
int
roles_page_with(struct ctx *ctx, long long id, const struct form *f,
    const struct fielderr *fe, int status)
{
	static const char *const kept[] = { "email", "begrundelse" };
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name, "
	    "COALESCE((SELECT GROUP_CONCAT(domain ORDER BY domain SEPARATOR ', ') FROM "
	    "authorisation_domains WHERE authorisation_id = a.id), '') FROM authorisations a "
	    "JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i", id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		return 404;
	}
	if ((d = ctx_page(ctx, "authorisation/roles.tpl", "Roller på autorisationen")) != NULL)
		submitkey_put(ctx, d);	/* one invitation per form, however often sent */
	if (d == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "NUMBER", db_cell(&res, 0, 0));
	tmpl_set(d, "INSTITUTION", db_cell(&res, 0, 1));
	tmpl_set(d, "DOMAINS", db_cell(&res, 0, 2)[0] ? db_cell(&res, 0, 2) : "ingen endnu");
	db_result_free(&res);
	if (notice(ctx))
		tmpl_show(d, strcmp(notice(ctx), "inviteret") == 0 ? "NOTICE_INVITED" :
		    strcmp(notice(ctx), "tilbagekaldt") == 0 ? "NOTICE_REVOKED" :
		    strcmp(notice(ctx), "trukket-tilbage") == 0 ? "NOTICE_WITHDRAWN" :
		    strcmp(notice(ctx), "sendt-igen") == 0 ? "NOTICE_RESENT" : "NOTICE_NONE");

	/* Who holds which role now; the revoke button only for those allowed to revoke. */
	if ((rc = db_exec(ctx->db, &res, "SELECT r.id, r.role, u.name, u.email, "
	    "DATE_FORMAT(r.granted_at, '%Y-%m-%d %H:%i:%s'), COALESCE(g.name, 'Forskningsservice') "
	    "FROM role_assignments r JOIN users u ON u.id = r.user_id "
	    "LEFT JOIN users g ON g.id = r.granted_by "
	    "WHERE r.authorisation_id = ? AND r.revoked_at IS NULL ORDER BY r.role, u.name", "i",
	    id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	{
		unsigned global, object, any;
		int can_revoke = auth_can(ctx, ACT_ROLE_REVOKE, id), fse;

		/* The responsible role is FSE's to revoke (revoke_submit): no button for others. */
		fse = auth_roles(ctx->db, ctx_user(ctx), 0, &global, &object, &any) == DB_OK &&
		    (global & FSE_ROLES);

		for (i = 0; i < res.nrows; i++) {
			row = tmpl_add_row(d, "HOLDER");
			tmpl_set(row, "ASSIGNMENT", db_cell(&res, i, 0));
			tmpl_set(row, "ROLE", role_label(db_cell(&res, i, 1)));
			tmpl_set(row, "NAME", db_cell(&res, i, 2));
			tmpl_set(row, "EMAIL", db_cell(&res, i, 3));
			danish(row, "GRANTED", db_cell(&res, i, 4), DATEFMT_DATE);
			tmpl_set(row, "GRANTED_BY", db_cell(&res, i, 5));
			if (can_revoke && (fse || strcmp(db_cell(&res, i, 1), "responsible") != 0))
				tmpl_set(tmpl_add_row(row, "REVOKE"), "CSRF", ctx->session.csrf);
		}
		db_result_free(&res);
	}
	/* Invitations not yet accepted. */
	if ((rc = db_exec(ctx->db, &res, "SELECT v.email, v.role, DATE_FORMAT(v.expires_at, "
	    "'%Y-%m-%d %H:%i:%s'), v.expires_at > NOW(6), v.id FROM invitations v WHERE "
	    "v.authorisation_id = ? AND v.accepted_at IS NULL AND v.withdrawn_at IS NULL ORDER BY "
	    "v.created_at DESC", "i", id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0)
		tmpl_show(d, "NO_PENDING");
	{
		/* Who may invite may withdraw or send again; the responsible role is FSE's. */
		int can_invite = auth_can(ctx, ACT_ROLE_INVITE, id);
		int fse = auth_can(ctx, ACT_DOMAIN_OVERRIDE, 0);

		if (can_invite && res.nrows)
			tmpl_show(d, "PENDING_HELP");

		for (i = 0; i < res.nrows; i++) {
			row = tmpl_add_row(d, "PENDING");
			tmpl_set(row, "EMAIL", db_cell(&res, i, 0));
			tmpl_set(row, "ROLE", role_label(db_cell(&res, i, 1)));
			danish(row, "EXPIRES", db_cell(&res, i, 2), DATEFMT_DATETIME);
			tmpl_show(row, db_cell_int(&res, i, 3, 0) ? "OPEN" : "EXPIRED");
			if (can_invite && (fse || strcmp(db_cell(&res, i, 1), "responsible") != 0)) {
				struct tmpl_dict *act = tmpl_add_row(row, "ACTIONS");

				tmpl_set(act, "CSRF", ctx->session.csrf);
				tmpl_set(act, "INVITATION", db_cell(&res, i, 4));
			}
		}
	}
	db_result_free(&res);
	/* The history (R34): every grant and revoke, by whom and when. */
	if ((rc = db_exec(ctx->db, &res, "SELECT r.role, u.name, "
	    "DATE_FORMAT(r.granted_at, '%Y-%m-%d %H:%i:%s'), COALESCE(g.name, 'Forskningsservice'), "
	    "COALESCE(DATE_FORMAT(r.revoked_at, '%Y-%m-%d %H:%i:%s'), ''), COALESCE(v.name, ''), "
	    "r.revoke_reason FROM role_assignments r JOIN users u ON u.id = r.user_id "
	    "LEFT JOIN users g ON g.id = r.granted_by LEFT JOIN users v ON v.id = r.revoked_by "
	    "WHERE r.authorisation_id = ? ORDER BY r.granted_at DESC, r.id DESC", "i", id)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "HISTORY");
		tmpl_set(row, "ROLE", role_label(db_cell(&res, i, 0)));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		danish(row, "GRANTED", db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "GRANTED_BY", db_cell(&res, i, 3));
		if (db_cell(&res, i, 4)[0]) {
			struct tmpl_dict *rv = tmpl_add_row(row, "REVOKED");

			danish(rv, "AT", db_cell(&res, i, 4), DATEFMT_DATETIME);
			tmpl_set(rv, "BY", db_cell(&res, i, 5)[0] ? db_cell(&res, i, 5) :
			    "Forskningsservice");
			tmpl_set(rv, "REASON", db_cell(&res, i, 6));
		} else
			tmpl_show(row, "ACTIVE");
	}
	db_result_free(&res);

	if (auth_can(ctx, ACT_ROLE_INVITE, id)) {
		struct tmpl_dict *inv = tmpl_add_row(d, "INVITE");
		const char *chosen = f && f->v[I_ROLE].err == FORM_OK ? f->v[I_ROLE].value : NULL;
		int fse = auth_can(ctx, ACT_DOMAIN_OVERRIDE, 0);
		const char *const *roles = fse ? invitable_fse : invitable;

		tmpl_set(inv, "CSRF", ctx->session.csrf);
		tmpl_set_int(inv, "ID", id);
		tmpl_set_int(inv, "INVITE_DAYS", INVITE_DAYS);
		for (i = 0; roles[i]; i++) {
			row = tmpl_add_row(inv, "ROLE_OPTION");
			tmpl_set(row, "VALUE", roles[i]);
			tmpl_set(row, "LABEL", role_label(roles[i]));
			if (chosen && strcmp(chosen, roles[i]) == 0)
				tmpl_show(row, "SELECTED");
		}
		if (fse) {
			tmpl_show(inv, "OVERRIDE");
			tmpl_show(inv, "FSE_RESPONSIBLE");
		}
		if (f)
			page_keep_values(inv, f, kept, 2);
	}
	/* What each role may do, in plain words from the policy table (issue 11). */
	for (i = 0; i < ROLE_FSE_CASEWORKER; i++) {
		char can[1024];

		if (policy_role_can((enum role)i, can, sizeof(can)) == 0)
			continue;
		row = tmpl_add_row(d, "ROLE_CAN");
		tmpl_set(row, "LABEL", role_label(role_name((enum role)i)));
		tmpl_set(row, "WHAT", can);
	}
	/* The logo Annex 1 carries (R26), and who may change it. */
	{
		int st = logo_show(ctx, d, id);

		if (st != 0)
			return st;
	}
	if (auth_can(ctx, ACT_LOGO_UPLOAD, id))
		tmpl_show(d, "CAN_UPLOAD");
	/* Field messages sit in the page's own dictionary: the sections below look them up. */
	if (f || fielderr_count(fe))
		page_form_errors(d, f, NULL, fe);
	return status;
}

static int
roles_page(struct ctx *ctx)
{
	long long id = authorisation_id(ctx);
	int st;

	if ((st = auth_require(ctx, ACT_ROLES_VIEW, id)) != 0)
		return st;
	/* The page shows other people's names and addresses: a read of personal data (R33). */
	if (audit_event(ctx->db, ctx_user(ctx), "roles.view", "authorisation", id, 0,
	    ctx->req->remote_addr, "") != DB_OK)
		return 503;
	return roles_page_with(ctx, id, NULL, NULL, 200);
}

static int
invite_submit(struct ctx *ctx)
{
	char email[255], path[128];
	long long id = authorisation_id(ctx), uid = ctx_user(ctx);
	struct fielderr fe;
	struct invite in;
	const char *reason;
	struct form f;
	enum db_err rc;
	int st, ok = 1, fse;

	if ((st = auth_require(ctx, ACT_ROLE_INVITE, id)) != 0)
		return st;
	fse = auth_can(ctx, ACT_DOMAIN_OVERRIDE, 0);
	form_read(&f, invite_fields, I__MAX, &ctx->req->form);
	fielderr_init(&fe);
	form_lower(email, sizeof(email), f.v[I_EMAIL].value);
	reason = f.v[I_REASON].err == FORM_OK && f.v[I_REASON].value ? f.v[I_REASON].value : "";
	/* R9: the responsible appoints administrators, signers and supervisors; the responsible
	 * role itself comes from FSE (R4.2), so only FSE staff may invite to it. */
	if (f.v[I_ROLE].err == FORM_OK && strcmp(f.v[I_ROLE].value, "responsible") == 0 && !fse)
		fielderr_add(&fe, "rolle", "Rollen som autorisationsansvarlig gives af "
		    "Forskningsservice. Vælg en af de andre roller, eller skriv til Forskningsservice, "
		    "hvis en anden skal være autorisationsansvarlig.");
	if (f.v[I_EMAIL].err == FORM_OK) {
		if ((rc = invite_domain_ok(ctx->db, id, email, &ok)) != DB_OK)
			return ctx_db_error(ctx, rc);
		/* Outside the domains only FSE may invite, and only with a recorded reason (R6). */
		if (!ok && !(fse && reason[0]))
			fielderr_add(&fe, "email", fse ?
			    "Adressen er ikke fra institutionens domæner. Skriv en begrundelse, hvis "
			    "Forskningsservice alligevel vil invitere personen." :
			    "Adressen skal være en e-mailadresse fra institutionen (se domænerne "
			    "ovenfor). Alle brugere skal have en adresse, institutionen har udstedt.");
	}
	if (f.nerrors || fielderr_count(&fe))
		return roles_page_with(ctx, id, &f, &fe, 422);

	memset(&in, 0, sizeof(in));
	in.authorisation_id = id;
	in.email = email;
	in.role = f.v[I_ROLE].value;
	in.invited_by = uid;
	in.inviter = ctx->session.name;
	in.override_reason = ok ? "" : reason;
	in.remote_addr = ctx->req->remote_addr;
	in.mail = "invitation";
	in.subject = "Du er inviteret til en rolle på Specialeportalen";
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Sent twice (issue 12): one invitation and one mail, the page says it was sent. */
	if ((st = submitkey_claim(ctx, "invitation.new")) != 0)
		return st;
	snprintf(path, sizeof(path), "/autorisation/roller?id=%lld&besked=inviteret", id);
	if ((rc = invite_create(ctx->db, ctx->cfg, &in, NULL)) != DB_OK ||
	    (rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}

enum { V_ID, V_ASSIGNMENT, V_REASON, V__MAX };
static const struct form_field revoke_fields[V__MAX] = {
	[V_ID] = { "id", form_int, 1, 1, 100000000000LL, NULL, NULL },
	[V_ASSIGNMENT] = { "tildeling", form_int, 1, 1, 100000000000LL, NULL, NULL },
	[V_REASON] = { "begrundelse", form_text, 1, 1, 500, NULL,
	    "Skriv kort, hvorfor rollen tilbagekaldes. Begrundelsen gemmes i historikken." },
};

static int
revoke_submit(struct ctx *ctx)
{
	long long id = authorisation_id(ctx), uid = ctx_user(ctx);
	unsigned global, object, any;
	struct fielderr fe;
	struct db_result res;
	char path[128], detail[600];
	struct form f;
	enum db_err rc;
	int st;

	if ((st = auth_require(ctx, ACT_ROLE_REVOKE, id)) != 0)
		return st;
	form_read(&f, revoke_fields, V__MAX, &ctx->req->form);
	fielderr_init(&fe);
	if (f.nerrors) {
		fielderr_add(&fe, "begrundelse", revoke_fields[V_REASON].missing);
		return roles_page_with(ctx, id, NULL, &fe, 422);
	}
	if ((rc = auth_roles(ctx->db, uid, id, &global, &object, &any)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* The assignment must be on this authorisation and still active (checked under lock). The
	 * UPDATE below writes the same row, so on a cluster two revocations collide there. */
	if ((rc = db_exec(ctx->db, &res, "SELECT r.role, r.user_id, u.email, u.name, i.name FROM "
	    "role_assignments r JOIN users u ON u.id = r.user_id JOIN authorisations a ON a.id = "
	    "r.authorisation_id JOIN institutions i ON i.id = a.institution_id WHERE r.id = ? AND "
	    "r.authorisation_id = ? AND r.revoked_at IS NULL FOR UPDATE", "ii",
	    f.v[V_ASSIGNMENT].num, id)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		db_rollback(ctx->db);
		fielderr_add(&fe, "begrundelse", "Rollen er allerede tilbagekaldt, eller den findes "
		    "ikke. Siden viser, hvordan det ser ud nu.");
		return roles_page_with(ctx, id, NULL, &fe, 409);
	}
	/* The responsible role is FSE's to take away (it came with FSE's approval). */
	if (strcmp(db_cell(&res, 0, 0), "responsible") == 0 && !(global & FSE_ROLES)) {
		db_result_free(&res);
		db_rollback(ctx->db);
		return 403;
	}
	snprintf(detail, sizeof(detail), "%s: %s", db_cell(&res, 0, 0), f.v[V_REASON].value);
	if ((rc = db_exec(ctx->db, NULL, "UPDATE role_assignments SET revoked_at = NOW(6), "
	    "revoked_by = ?, revoke_reason = ? WHERE id = ?", "isi", uid, f.v[V_REASON].value,
	    f.v[V_ASSIGNMENT].num)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "role.revoke", "authorisation", id,
	    db_cell_int(&res, 0, 1, 0), ctx->req->remote_addr, detail)) != DB_OK) {
		db_result_free(&res);
		return ctx_tx_error(ctx, rc);
	}
	/* The person is told, with the reason, in the same transaction (issue 11; R32, R34). */
	{
		struct tmpl_dict *md = tmpl_dict_new();
		enum mail_err mrc = MAIL_ENOMEM;

		if (md) {
			tmpl_set(md, "NAME", db_cell(&res, 0, 3));
			tmpl_set(md, "ROLE", role_label(db_cell(&res, 0, 0)));
			tmpl_set(md, "INSTITUTION", db_cell(&res, 0, 4));
			tmpl_set(md, "BY", ctx->session.name);
			tmpl_set(md, "REASON", f.v[V_REASON].value);
			mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, 0, 2),
			    db_cell(&res, 0, 3), "Din rolle på Specialeportalen er tilbagekaldt",
			    "role_revoked", md, "role_revoked", NULL);
			tmpl_dict_free(md);
		}
		if (mrc != MAIL_OK) {
			log_error("revoked role mail: %s", mail_strerror(mrc));
			db_result_free(&res);
			return ctx_tx_error(ctx, DB_EEXEC);
		}
	}
	db_result_free(&res);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/autorisation/roller?id=%lld&besked=tilbagekaldt", id);
	return ctx_redirect(ctx, path);
}

/* ---- accepting an invitation ----------------------------------------------------------------- */

struct invitation {
	long long	id;
	long long	authorisation;
	int		usable;		/* not accepted, not expired */
	char		email[255];
	char		role[32];
	char		institution[201];
	char		inviter[201];
};

static enum db_err
find_invitation(struct ctx *ctx, const char *token, int lock, struct invitation *inv)
{
	unsigned char hash[32];
	struct db_result res;
	enum db_err rc;

	memset(inv, 0, sizeof(*inv));
	if (session_hash_token(token, hash) == -1)
		return DB_OK;
	rc = db_exec(ctx->db, &res, lock ?
	    "SELECT v.id, v.authorisation_id, v.accepted_at IS NULL AND v.withdrawn_at IS NULL AND "
	    "v.expires_at > NOW(6), "
	    "v.email, v.role, i.name, u.name FROM invitations v JOIN authorisations a ON "
	    "a.id = v.authorisation_id JOIN institutions i ON i.id = a.institution_id JOIN users u "
	    "ON u.id = v.invited_by WHERE v.token_hash = ? FOR UPDATE" :
	    "SELECT v.id, v.authorisation_id, v.accepted_at IS NULL AND v.withdrawn_at IS NULL AND "
	    "v.expires_at > NOW(6), "
	    "v.email, v.role, i.name, u.name FROM invitations v JOIN authorisations a ON "
	    "a.id = v.authorisation_id JOIN institutions i ON i.id = a.institution_id JOIN users u "
	    "ON u.id = v.invited_by WHERE v.token_hash = ?", "b", hash, sizeof(hash));
	if (rc != DB_OK)
		return rc;
	if (res.nrows) {
		inv->id = db_cell_int(&res, 0, 0, 0);
		inv->authorisation = db_cell_int(&res, 0, 1, 0);
		inv->usable = db_cell_int(&res, 0, 2, 0) == 1;
		snprintf(inv->email, sizeof(inv->email), "%s", db_cell(&res, 0, 3));
		snprintf(inv->role, sizeof(inv->role), "%s", db_cell(&res, 0, 4));
		snprintf(inv->institution, sizeof(inv->institution), "%s", db_cell(&res, 0, 5));
		snprintf(inv->inviter, sizeof(inv->inviter), "%s", db_cell(&res, 0, 6));
	}
	db_result_free(&res);
	return DB_OK;
}

static int
invitation_page(struct ctx *ctx, const char *token, const struct invitation *inv,
    const char *problem, int status)
{
	struct tmpl_dict *d;

	if (ctx_session_ensure(ctx) == NULL)
		return 503;
	if ((d = ctx_page(ctx, "authorisation/invitation.tpl", "Invitation")) == NULL)
		return 500;
	if (!inv->usable) {
		tmpl_show(d, "INVALID");
		tmpl_show(d, strcmp(inv->role, "responsible") == 0 ? "INVALID_RESPONSIBLE" :
		    "INVALID_OTHER");
		return 410;
	}
	tmpl_set(d, "TOKEN", token);
	tmpl_set(d, "EMAIL", inv->email);
	tmpl_set(d, "ROLE", role_label(inv->role));
	tmpl_set(d, "INSTITUTION", inv->institution);
	tmpl_set(d, "INVITER", inv->inviter);
	tmpl_show(d, "VALID");
	/* The responsible role comes from FSE (R4.2): say what accepting does, and whether it
	 * ends an applicant's interim role (lib/invite.c, invite_accept). */
	if (strcmp(inv->role, "responsible") == 0) {
		char applicant[201];
		enum db_err rc;
		int interim;

		if ((rc = invite_interim(ctx->db, inv->authorisation, ctx_user(ctx), &interim,
		    applicant, sizeof(applicant))) != DB_OK)
			return ctx_db_error(ctx, rc);
		if (interim)
			tmpl_set(tmpl_add_row(d, "HANDOVER"), "APPLICANT", applicant);
		else
			tmpl_show(d, "RESPONSIBLE");
	}
	if (problem)
		tmpl_set(tmpl_add_row(d, "PROBLEM"), "MESSAGE", problem);
	if (ctx_user(ctx))
		tmpl_show(d, "CAN_ACCEPT");
	else
		tmpl_show(d, "LOGIN_FIRST");
	return status;
}

static int
invitation_form(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->query, "token");
	struct invitation inv;
	enum db_err rc;

	if ((rc = find_invitation(ctx, token, 0, &inv)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return invitation_page(ctx, token, &inv, NULL, 200);
}

static int
invitation_accept(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->form, "token");
	long long uid = ctx_user(ctx);
	struct invitation inv;
	char path[96];
	enum db_err rc;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Single use: the invitation's row, locked here, is written by invite_accept
	 * (accepted_at), so two acceptances of one link collide on it on a cluster too; a
	 * withdrawal (authorisation_pending.c) writes the same row. */
	if ((rc = find_invitation(ctx, token, 1, &inv)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!inv.usable) {
		db_rollback(ctx->db);
		return invitation_page(ctx, token, &inv, NULL, 410);
	}
	/* The invitation is for an address, and so for the account of that address only. */
	if (strcasecmp(inv.email, ctx->session.email) != 0) {
		db_rollback(ctx->db);
		return invitation_page(ctx, token, &inv, "Invitationen er sendt til en anden "
		    "e-mailadresse end den, du er logget ind med. Log ud, og log ind med den adresse, "
		    "invitationen er sendt til.", 403);
	}
	/* One path for every invitation, whoever sent it: the grant and, for the responsible role
	 * (FSE's approval or FSE's invitation from the roles page), the hand-over from an interim
	 * applicant-responsible with its audit events and mail (lib/invite.c, R4.2, R34). */
	if ((rc = invite_accept(ctx->db, ctx->cfg, inv.id, uid, ctx->req->remote_addr)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/autorisation?besked=accepteret");
	return ctx_redirect(ctx, path);
}

static const struct route routes[] = {
	{ "GET", "/autorisation", list_page, ACT_AUTH_LIST },
	{ "GET", "/autorisation/roller", roles_page, ACT_ROLES_VIEW },
	{ "POST", "/autorisation/inviter", invite_submit, ACT_ROLE_INVITE },
	{ "POST", "/autorisation/tilbagekald", revoke_submit, ACT_ROLE_REVOKE },
	{ "GET", "/autorisation/invitation", invitation_form, ACT_PUBLIC },
	{ "POST", "/autorisation/invitation", invitation_accept, ACT_INVITE_ACCEPT },
	{ "POST", "/autorisation/invitation/traek-tilbage", invitation_withdraw, ACT_ROLE_INVITE },
	{ "POST", "/autorisation/invitation/send-igen", invitation_resend, ACT_ROLE_INVITE },
	{ "GET", "/autorisation/logo", logo_page, ACT_AUTH_VIEW },
	{ "POST", "/autorisation/logo", logo_submit, ACT_LOGO_UPLOAD },
	{ "GET", "/autorisation/datamanager", dm_page, ACT_DM_VIEW },
	{ "POST", "/autorisation/datamanager/anmod", dm_request, ACT_DM_REQUEST },
	{ "POST", "/autorisation/datamanager/brugeraftale", dm_accept_agreement, ACT_DM_SELF },
	{ "POST", "/autorisation/datamanager/suspender", dm_suspend, ACT_DM_SANCTION },
	{ "POST", "/autorisation/datamanager/ophaev", dm_lift, ACT_DM_SANCTION },
	{ "POST", "/autorisation/datamanager/afslut", dm_end, ACT_DM_REQUEST },
};

int
main(int argc, char **argv)
{
	return fcgi_main("authorisation", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
