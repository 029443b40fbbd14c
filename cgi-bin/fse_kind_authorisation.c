/*
 * fse_kind_authorisation: an application for an education authorisation as FSE decides it
 * (issue 5; R1-R6, R17). The page shows the manager's confirmation (R4.2) and, once approved, who
 * holds the responsible role; approval creates the institution, the authorisation with its
 * number, domains (R6) and analysis platform (R17), and the responsible role, or invites the
 * manager to take it over when they have no account yet.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "appfields.h"
#include "audit.h"
#include "appvalue.h"
#include "datefmt.h"
#include "form.h"
#include "fse_cases.h"
#include "invite.h"
#include "log.h"
#include "mail.h"
#include "numbering.h"
#include "platform.h"

/* The university's name for its code in the data; "anden" is the other path (R3). */
static enum db_err
university_name(struct ctx *ctx, const char *code, char *out, size_t n)
{
	return appvalue_university(ctx->db, code, out, n);
}


/* The manager's confirmation (R4.2) for the address now in the case, into the page. */
static enum db_err
manager_status(struct ctx *ctx, struct tmpl_dict *d, long long id, const struct kvlist *data)
{
	const char *email = kvlist_value(data, "leder_email");
	struct tmpl_dict *m;
	struct db_result res;
	enum db_err rc;

	m = tmpl_add_row(d, "MANAGER");
	tmpl_set(m, "NAME", fse_value(data, "leder_navn"));
	tmpl_set(m, "TITLE", fse_value(data, "leder_titel"));
	tmpl_set(m, "EMAIL", email ? email : "");
	if (email == NULL || form_blank(email)) {
		tmpl_show(m, "NOT_CONFIRMED");
		return DB_OK;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(confirmed_at, '%Y-%m-%d %H:%i:%s') "
	    "FROM manager_confirmations WHERE case_id = ? AND manager_email = ? AND "
	    "confirmed_at IS NOT NULL ORDER BY confirmed_at DESC LIMIT 1", "is", id, email)) !=
	    DB_OK)
		return rc;
	if (res.nrows) {
		char when[64];

		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 0), DATEFMT_DATETIME);
		tmpl_set(tmpl_add_row(m, "CONFIRMED"), "AT", when);
	} else
		tmpl_show(m, "NOT_CONFIRMED");
	db_result_free(&res);
	return DB_OK;
}

/*
 * The invitation the approval sent the manager when they had no account (create_authorisation,
 * R4.2): sent, taken, or expired unanswered. The latest one counts.
 */
static enum db_err
manager_invitation(struct ctx *ctx, struct tmpl_dict *row, long long auth)
{
	struct tmpl_dict *m;
	struct db_result res;
	enum db_err rc;
	char when[64];

	if ((rc = db_exec(ctx->db, &res, "SELECT email, DATE_FORMAT(created_at, "
	    "'%Y-%m-%d %H:%i:%s'), DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s'), "
	    "DATE_FORMAT(accepted_at, '%Y-%m-%d %H:%i:%s'), expires_at > NOW(6) FROM invitations "
	    "WHERE authorisation_id = ? AND role = 'responsible' ORDER BY id DESC LIMIT 1", "i",
	    auth)) != DB_OK)
		return rc;
	if (res.nrows) {
		m = tmpl_add_row(row, "MANAGER_INVITATION");
		tmpl_set(m, "EMAIL", db_cell(&res, 0, 0));
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 1), DATEFMT_DATETIME);
		tmpl_set(m, "SENT", when);
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 2), DATEFMT_DATETIME);
		tmpl_set(m, "EXPIRES", when);
		if (db_cell(&res, 0, 3)) {
			datefmt_danish(when, sizeof(when), db_cell(&res, 0, 3), DATEFMT_DATETIME);
			tmpl_set(tmpl_add_row(m, "ACCEPTED"), "AT", when);
		} else
			tmpl_show(m, db_cell_int(&res, 0, 4, 0) ? "OPEN" : "EXPIRED");
	}
	db_result_free(&res);
	return DB_OK;
}

/* The kind of institution from the unit's name: enhed is a faculty, institute or centre. */
static const char *
institution_kind(const char *code, const char *unit)
{
	char low[256];
	size_t i;

	if (code == NULL || strcmp(code, "anden") == 0)
		return "other";
	for (i = 0; unit && unit[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower((unsigned char)unit[i]);
	low[i] = '\0';
	if (strstr(low, "fakultet") || strstr(low, "faculty"))
		return "faculty";
	if (strstr(low, "center") || strstr(low, "centre"))
		return "centre";
	return "institute";
}

/*
 * Why an invitation to the manager's address may go outside the authorisation's domains (R6):
 * the address is the one the manager confirmed by a mailed link before the application could be
 * submitted (R4.2), and FSE has just approved the application with it. The approval is FSE's
 * approval of the person; the reason is kept on the invitation and in its audit event, as for
 * any FSE override (invitation.create_override). Inside the domains no reason is recorded.
 */
#define MANAGER_OVERRIDE_REASON "Lederens adresse er bekræftet af lederen i ansøgningen, som " \
	"Forskningsservice har godkendt"

/*
 * The manager has no account yet: invite their address to the responsible role (R4.2), so they
 * can create an account and take the role over from the applicant (cgi-bin/authorisation.c,
 * hand_over). Same token scheme, validity and audit as every invitation (lib/invite).
 */
static enum db_err
invite_manager(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    long long auth, const char *address)
{
	char email[255];
	struct tmpl_dict *md;
	struct db_result res;
	struct invite in;
	enum db_err rc;
	int inside = 0;

	form_lower(email, sizeof(email), address);
	if ((rc = invite_domain_ok(ctx->db, auth, email, &inside)) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT name FROM users WHERE id = ?", "i",
	    c->created_by)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "NAME", fse_value(data, "leder_navn"));
	tmpl_set(md, "APPLICANT", res.nrows ? db_cell(&res, 0, 0) : "");
	db_result_free(&res);
	memset(&in, 0, sizeof(in));
	in.authorisation_id = auth;
	in.email = email;
	in.name = fse_value(data, "leder_navn");
	in.role = "responsible";
	in.invited_by = ctx_user(ctx);
	in.inviter = "Forskningsservice";
	in.override_reason = inside ? "" : MANAGER_OVERRIDE_REASON;
	in.remote_addr = ctx->req->remote_addr;
	in.mail = "invitation_manager";
	in.subject = "Uddannelsesautorisationen er godkendt: overtag rollen som "
	    "autorisationsansvarlig";
	in.md = md;
	rc = invite_create(ctx->db, ctx->cfg, &in, NULL);
	tmpl_dict_free(md);
	return rc;
}

/*
 * On approval, inside the transaction: the institution, the authorisation with its number and
 * domains, the case's link to it, and the responsible role with its audit events. The role goes
 * to the manager (leder_email) when they have an account, else to the applicant for the
 * meantime, and the manager is invited to take it over (*invited). *to_manager tells which.
 */
static enum db_err
create_authorisation(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    char *num, size_t numlen, int *to_manager, int *invited)
{
	const char *code = kvlist_value(data, "universitet"), *unit = kvlist_value(data, "enhed");
	const char *email = kvlist_value(data, "leder_email"), *p, *e, *platform;
	long long inst, auth, grantee = c->created_by, uid = ctx_user(ctx);
	struct db_result res;
	enum db_err rc;
	time_t now = time(NULL);
	char name[201];

	*to_manager = 0;
	*invited = 0;
	snprintf(name, sizeof(name), "%s", unit && !form_blank(unit) ? unit : c->title);
	if (code && strcmp(code, "anden") == 0)
		code = NULL;
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = ?), ?, ?) ON DUPLICATE KEY UPDATE "
	    "id = LAST_INSERT_ID(id)", "sss", code ? code : "", name,
	    institution_kind(code, unit))) != DB_OK)
		return rc;
	inst = (long long)res.insert_id;
	db_result_free(&res);

	if ((rc = numbering_next(ctx->db, NUMBERING_AUTHORISATION, now, num, numlen)) != DB_OK)
		return rc;
	/* R17: the platform the application stated; the responsible may change it later. */
	platform = kvlist_value(data, "platform");
	if (platform == NULL || (strcmp(platform, "hosted") != 0 &&
	    strcmp(platform, "forskermaskinen") != 0))
		platform = "";
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO authorisations (institution_id, number, "
	    "platform, platform_server, platform_set_by, platform_set_at) VALUES (?, ?, "
	    "NULLIF(?, ''), ?, ?, IF(? = '', NULL, NOW(6)))", "isssis", inst, num, platform,
	    strcmp(platform, "hosted") == 0 ? fse_value(data, "server") : "", c->created_by,
	    platform)) != DB_OK)
		return rc;
	auth = (long long)res.insert_id;
	db_result_free(&res);

	for (p = kvlist_value(data, "domaener"); p && *p; p = e ? e + 1 : NULL) {
		char dom[191];
		size_t len, j;

		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		while (len && isspace((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len == 0 || len >= sizeof(dom))
			continue;
		for (j = 0; j < len; j++)
			dom[j] = (char)tolower((unsigned char)p[j]);
		dom[len] = '\0';
		if ((rc = db_exec(ctx->db, NULL, "INSERT IGNORE INTO authorisation_domains "
		    "(authorisation_id, domain) VALUES (?, ?)", "is", auth, dom)) != DB_OK)
			return rc;
	}
	if ((rc = db_exec(ctx->db, NULL, "UPDATE cases SET authorisation_id = ? WHERE id = ?",
	    "ii", auth, c->id)) != DB_OK)
		return rc;

	if (email && !form_blank(email)) {
		if ((rc = db_exec(ctx->db, &res, "SELECT id FROM users WHERE email = ? AND status = "
		    "'active'", "s", email)) != DB_OK)
			return rc;
		if (res.nrows) {
			grantee = db_cell_int(&res, 0, 0, c->created_by);
			*to_manager = 1;
		}
		db_result_free(&res);
	}
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO role_assignments (user_id, role, "
	    "authorisation_id, granted_by, grant_reason) VALUES (?, 'responsible', ?, ?, ?)",
	    "iiis", grantee, auth, uid, *to_manager ? "Godkendt ansøgning: den personaleansvarlige "
	    "leder" : "Godkendt ansøgning: lederen har ingen konto, så ansøgeren")) != DB_OK)
		return rc;
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, uid, "authorisation.create", "authorisation", auth,
	    c->created_by, ctx->req->remote_addr, num)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "role.grant", "authorisation", auth, grantee,
	    ctx->req->remote_addr, *to_manager ? "responsible (manager)" :
	    "responsible (applicant: the manager has no account)")) != DB_OK)
		return rc;
	if (!*to_manager && email && !form_blank(email)) {
		if ((rc = invite_manager(ctx, c, data, auth, email)) != DB_OK)
			return rc;
		*invited = 1;
	}
	return DB_OK;
}


static enum db_err
field_value(struct ctx *ctx, const char *name, const char *value, char *out, size_t n)
{
	return appvalue_text(ctx->db, name, value, out, n);
}

static enum db_err
origin(struct ctx *ctx, const struct case_row *c, const struct kvlist *data, char *out,
    size_t n)
{
	(void)c;
	return university_name(ctx, kvlist_value(data, "universitet"), out, n);
}

/* The page: the manager's confirmation; once approved, the authorisation and its responsible. */
static enum db_err
render(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	struct tmpl_dict *row = NULL;
	struct db_result res;
	enum db_err rc;
	long long auth = 0;

	if ((rc = db_exec(ctx->db, &res, "SELECT a.number, (SELECT u2.name FROM role_assignments r "
	    "JOIN users u2 ON u2.id = r.user_id WHERE r.authorisation_id = c.authorisation_id AND "
	    "r.role = 'responsible' AND r.revoked_at IS NULL ORDER BY r.id LIMIT 1), (SELECT "
	    "r.user_id = c.created_by AND u4.email <> ? FROM role_assignments r JOIN users u4 ON "
	    "u4.id = r.user_id WHERE r.authorisation_id = c.authorisation_id AND r.role = "
	    "'responsible' AND r.revoked_at IS NULL ORDER BY r.id LIMIT 1), c.authorisation_id "
	    "FROM cases c LEFT JOIN authorisations a ON a.id = c.authorisation_id WHERE c.id = ?",
	    "si", fse_value(data, "leder_email"), c->id)) != DB_OK)
		return rc;
	if (res.nrows && db_cell(&res, 0, 0) && db_cell(&res, 0, 0)[0]) {
		row = tmpl_add_row(d, "AUTHORISATION");
		tmpl_set(row, "NUMBER", db_cell(&res, 0, 0));
		tmpl_set(row, "RESPONSIBLE", db_cell(&res, 0, 1) ? db_cell(&res, 0, 1) : "");
		/* Which was done on approval (create_authorisation): the manager or, when they had
		   no account, the applicant holds the role. An applicant who is the manager (the
		   same address) is the manager (issue 11); addresses compare without case, as the
		   collation does. */
		if (db_cell_int(&res, 0, 2, 0) == 1)
			tmpl_show(row, "TO_APPLICANT");
		else if (db_cell(&res, 0, 2))
			tmpl_show(row, "TO_MANAGER");
		auth = db_cell_int(&res, 0, 3, 0);
	}
	db_result_free(&res);
	if (row && auth && (rc = manager_invitation(ctx, row, auth)) != DB_OK)
		return rc;
	return manager_status(ctx, d, c->id, data);
}

/* The applicant is told of each decision. */
static enum db_err
notify(struct ctx *ctx, const struct case_row *c, const struct kvlist *data, enum case_state to,
    const char *reason, const struct fse_outcome *o)
{
	char uni[256], email[255], name[201];
	const char *tpl, *subject;
	struct tmpl_dict *md;
	enum mail_err mrc;
	enum db_err rc;

	if ((rc = fse_person(ctx, c->created_by, email, sizeof(email), name, sizeof(name))) !=
	    DB_OK || (rc = university_name(ctx, kvlist_value(data, "universitet"), uni,
	    sizeof(uni))) != DB_OK)
		return rc;
	if (email[0] == '\0')
		return DB_OK;
	if ((md = tmpl_dict_new()) == NULL)
		return DB_ENOMEM;
	tmpl_set(md, "NAME", name);
	tmpl_set_int(md, "ID", c->id);
	if (!form_blank(kvlist_value(data, "enhed")))
		tmpl_setf(md, "INSTITUTION", "%s, %s", kvlist_value(data, "enhed"), uni);
	else
		tmpl_set(md, "INSTITUTION", uni);
	tmpl_set(md, "REASON", reason);
	if (to == CASE_APPROVED) {
		tmpl_set(md, "NUMBER", o->number);
		tmpl_setf(md, "LINK", "%s/autorisation", ctx->cfg->base_url);
		tmpl_show(md, o->to_manager ? "TO_MANAGER" : "TO_APPLICANT");
		tmpl_set(md, "MANAGER", fse_value(data, "leder_navn"));
		if (o->invited) {
			tmpl_show(md, "INVITED");
			tmpl_set_int(md, "INVITE_DAYS", INVITE_DAYS);
		}
		if (!form_blank(reason))
			tmpl_set(tmpl_add_row(md, "NOTE"), "TEXT", reason);
		tpl = "application_approved";
		subject = "Din ansøgning om uddannelsesautorisation er godkendt";
	} else if (to == CASE_RETURNED) {
		tmpl_setf(md, "LINK", "%s/ansoegning/trin?id=%lld&trin=1", ctx->cfg->base_url,
		    c->id);
		tpl = "application_returned";
		subject = "Din ansøgning om uddannelsesautorisation skal rettes";
	} else {
		tmpl_setf(md, "LINK", "%s/ansoegning", ctx->cfg->base_url);
		tpl = "application_rejected";
		subject = "Din ansøgning om uddannelsesautorisation er afvist";
	}
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, email, name, subject, tpl, md, tpl, NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("mail %s: %s", tpl, mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

static enum db_err
approve(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    struct fse_outcome *o)
{
	return create_authorisation(ctx, c, data, o->number, sizeof(o->number), &o->to_manager,
	    &o->invited);
}

/* What the approval will create (issue 11): the number, the domains, the platform, and who
 * holds the responsible role; the same decisions create_authorisation makes. */
static enum db_err
preview(struct ctx *ctx, struct tmpl_dict *d, const struct case_row *c,
    const struct kvlist *data)
{
	const char *email = kvlist_value(data, "leder_email"), *name = fse_value(data, "leder_navn");
	const char *platform = fse_value(data, "platform");
	char text[512], domains[1024];
	struct db_result res;
	enum db_err rc;
	size_t o = 0, k;

	if ((rc = numbering_peek(ctx->db, NUMBERING_AUTHORISATION, time(NULL), text,
	    sizeof(text))) != DB_OK)
		return rc;
	fse_preview_line(d, "Uddannelsesautorisationen for %s oprettes med det næste nummer i "
	    "årets række, %s.", c->title[0] ? c->title : "institutionen", text);
	domains[0] = '\0';
	for (k = 0; fse_value(data, "domaener")[k] && o + 3 < sizeof(domains); k++) {
		char ch = fse_value(data, "domaener")[k];

		if (ch == '\r')
			continue;
		if (ch == '\n') {
			if (o && domains[o - 1] != ' ') {
				domains[o++] = ',';
				domains[o++] = ' ';
			}
			continue;
		}
		domains[o++] = ch;
	}
	while (o && (domains[o - 1] == ' ' || domains[o - 1] == ','))
		o--;
	domains[o] = '\0';
	fse_preview_line(d, "E-maildomæner, som brugerne skal have adresser fra: %s.",
	    domains[0] ? domains : "ingen");
	platform_describe(platform, fse_value(data, "server"), text, sizeof(text));
	fse_preview_line(d, "Analyseplatform: %s.", text);
	if (email == NULL || form_blank(email)) {
		fse_preview_line(d, "Ansøgeren bliver autorisationsansvarlig.");
		return DB_OK;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT name FROM users WHERE email = ? AND status = "
	    "'active'", "s", email)) != DB_OK)
		return rc;
	if (res.nrows)
		fse_preview_line(d, "%s (%s), den personaleansvarlige leder, bliver "
		    "autorisationsansvarlig.", db_cell(&res, 0, 0), email);
	else
		fse_preview_line(d, "Lederen, %s (%s), har ingen konto endnu. Ansøgeren bliver "
		    "autorisationsansvarlig indtil videre, og lederen får en invitation til at overtage "
		    "rollen.", name, email);
	db_result_free(&res);
	return DB_OK;
}

const struct fse_kind fse_kind_authorisation = {
	.type = "authorisation",
	.field_label = appfields_label,
	.field_value = field_value,
	.origin = origin,
	.render = render,
	.approve = approve,
	.notify = notify,
	.approve_text = "Godkend ansøgningen: autorisationen får sit nummer, og lederen bliver "
	    "autorisationsansvarlig.",
	.preview = preview,
};
