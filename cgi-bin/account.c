/*
 * account: the routes of /konto (see account.h for the files), the helpers every part shares,
 * and the account page.
 */
#include "account.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "certification.h"
#include "clock.h"
#include "fcgi.h"
#include "fees.h"
#include "log.h"
#include "mail.h"
#include "password.h"
#include "policy.h"
#include "totp.h"

/* ---- shared helpers ------------------------------------------------------------------------- */

/* A page that needs a form: an anonymous session first, for its CSRF token. */
struct tmpl_dict *
acct_form_page(struct ctx *ctx, const char *tpl, const char *title)
{
	if (ctx_session_ensure(ctx) == NULL)
		return NULL;
	return ctx_page(ctx, tpl, title);
}

const char *
acct_notice(struct ctx *ctx)
{
	return kvlist_value(&ctx->req->query, "besked");
}

/* A single-use link token stored by its hash; the token itself goes only into the mail. */
enum db_err
acct_new_email_token(struct ctx *ctx, long long user_id, const char *purpose, int minutes,
    char token[SESSION_TOKEN_CHARS + 1])
{
	unsigned char hash[32];

	session_new_token(token, hash);
	return db_exec(ctx->db, NULL, "INSERT INTO email_tokens (token_hash, user_id, purpose, "
	    "expires_at) VALUES (?, ?, ?, NOW(6) + INTERVAL ? MINUTE)", "bisi", hash, sizeof(hash),
	    user_id, purpose, (long long)minutes);
}

enum db_err
acct_send_link_mail(struct ctx *ctx, const char *to, const char *name, const char *subject,
    const char *tpl, const char *path, const char *token, const char *kind)
{
	struct tmpl_dict *d = tmpl_dict_new();
	enum mail_err mrc;

	if (d == NULL)
		return DB_ENOMEM;
	tmpl_set(d, "NAME", name);
	tmpl_setf(d, "LINK", "%s%s?token=%s", ctx->cfg->base_url, path, token);
	tmpl_set_int(d, "VERIFY_HOURS", VERIFY_HOURS);
	tmpl_set_int(d, "RESET_MINUTES", RESET_MINUTES);
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, to, name, subject, tpl, d, kind, NULL);
	tmpl_dict_free(d);
	if (mrc != MAIL_OK) {
		log_error("mail %s: %s", kind, mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* Roles that grant access need the second factor (issue 3; DESIGN: Security defaults). */
static int
requires_totp(struct ctx *ctx, long long user_id)
{
	unsigned global, object, any;

	if (auth_roles(ctx->db, user_id, 0, &global, &object, &any) != DB_OK)
		return 1;	/* fail closed */
	return (any & TOTP_ROLES) != 0;
}

/* ---- the account page ----------------------------------------------------------------------- */

/* The accept loop has checked the policy (ACT_ACCOUNT: logged in); this is who it is. */
long long
acct_require_user(struct ctx *ctx, int *status)
{
	long long uid = ctx_user(ctx);

	*status = uid ? 0 : ctx_redirect(ctx, "/konto/log-ind");
	return uid;
}

/* R14: the certification course, as FSE recorded it: passed, until when, or not yet. */
static enum db_err
acct_certification(struct ctx *ctx, struct tmpl_dict *d, const char *email)
{
	char today[CLOCK_DATE_LEN], passed[40], until[40];
	struct certification_status s;
	enum db_err rc;

	clock_today(today);
	if ((rc = certification_status(ctx->db, email, today, 0, &s)) != DB_OK)
		return rc;
	fees_format_date(s.passed_on, passed, sizeof(passed));
	fees_format_date(s.valid_until, until, sizeof(until));
	if (s.valid && s.valid_until[0])
		tmpl_setf(d, "CERTIFIED", "Bestået %s, gælder til og med %s", passed, until);
	else if (s.valid)
		tmpl_setf(d, "CERTIFIED", "Bestået %s", passed);
	else if (s.passed_on[0])
		tmpl_setf(d, "CERTIFIED", "Udløbet %s (bestået %s). Tag kurset igen for at få "
		    "adgang til data.", until, passed);
	else
		tmpl_set(d, "CERTIFIED", "Ikke bestået endnu. Forskningsservice skriver det her, "
		    "når du har bestået kurset.");
	return DB_OK;
}

static int
account_page(struct ctx *ctx)
{
	struct tmpl_dict *d, *row, *roles;
	struct db_result res;
	enum db_err rc;
	long long uid;
	int status;
	size_t i;

	if ((uid = acct_require_user(ctx, &status)) == 0)
		return status;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, COALESCE(u.fse_user_id, ''), "
	    "u.totp_enabled_at IS NOT NULL FROM users u WHERE u.id = ?", "i", uid)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "account/account.tpl", "Min konto")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set(d, "NAME", db_cell(&res, 0, 0));
	tmpl_set(d, "EMAIL", db_cell(&res, 0, 1));
	tmpl_set(d, "FSE_USER_ID", db_cell(&res, 0, 2)[0] ? db_cell(&res, 0, 2) : "Ingen endnu");
	tmpl_show(d, db_cell_int(&res, 0, 3, 0) ? "TOTP_ON" : "TOTP_OFF");
	if ((rc = acct_certification(ctx, d, db_cell(&res, 0, 1))) != DB_OK) {
		db_result_free(&res);
		return ctx_db_error(ctx, rc);
	}
	db_result_free(&res);
	if (!ctx->session.has_totp && requires_totp(ctx, uid))
		tmpl_show(d, "TOTP_REQUIRED");
	if (acct_notice(ctx) && strcmp(acct_notice(ctx), "totp") == 0)
		tmpl_show(d, "NOTICE_TOTP");
	if (auth_can(ctx, ACT_FSE_HOME, 0))	/* links only to what the policy allows */
		tmpl_show(d, "FSE_LINK");
	if ((rc = db_exec(ctx->db, &res, "SELECT r.role, COALESCE(a.number, ''), "
	    "COALESCE(i.name, ''), DATE_FORMAT(r.granted_at, '%d-%m-%Y') FROM role_assignments r "
	    "LEFT JOIN authorisations a ON a.id = r.authorisation_id "
	    "LEFT JOIN institutions i ON i.id = a.institution_id "
	    "WHERE r.user_id = ? AND r.revoked_at IS NULL ORDER BY r.granted_at", "i", uid)) != DB_OK)
		return ctx_db_error(ctx, rc);
	roles = res.nrows ? tmpl_add_row(d, "HAS_ROLES") : NULL;
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(roles, "ROLE");
		tmpl_set(row, "ROLE", role_label(db_cell(&res, i, 0)));
		tmpl_set(row, "AUTHORISATION", db_cell(&res, i, 1)[0] ? db_cell(&res, i, 1) : "-");
		tmpl_set(row, "INSTITUTION", db_cell(&res, i, 2)[0] ? db_cell(&res, i, 2) :
		    "Danmarks Statistik");
		tmpl_set(row, "GRANTED", db_cell(&res, i, 3));
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_ROLES");
	db_result_free(&res);
	return 200;
}

static const struct route routes[] = {
	{ "GET", "/konto", account_page, ACT_ACCOUNT },
	{ "GET", "/konto/opret", acct_register_form, ACT_PUBLIC },
	{ "POST", "/konto/opret", acct_register_submit, ACT_PUBLIC },
	{ "GET", "/konto/tjek-mail", acct_check_mail_page, ACT_PUBLIC },
	{ "GET", "/konto/bekraeft", acct_verify_form, ACT_PUBLIC },
	{ "POST", "/konto/bekraeft", acct_verify_submit, ACT_PUBLIC },
	{ "GET", "/konto/log-ind", acct_login_form, ACT_PUBLIC },
	{ "POST", "/konto/log-ind", acct_login_submit, ACT_PUBLIC },
	{ "GET", "/konto/log-ind/kode", acct_code_form, ACT_SESSION },
	{ "POST", "/konto/log-ind/kode", acct_code_submit, ACT_SESSION },
	{ "POST", "/konto/log-ud", acct_logout, ACT_SESSION },
	{ "GET", "/konto/sso", acct_sso_login, ACT_PUBLIC },
	{ "GET", "/konto/totp", acct_totp_form, ACT_ACCOUNT },
	{ "POST", "/konto/totp", acct_totp_submit, ACT_ACCOUNT },
	{ "GET", "/konto/totp/qr.svg", acct_totp_qr, ACT_ACCOUNT },
	{ "GET", "/konto/glemt", acct_forgot_form, ACT_PUBLIC },
	{ "POST", "/konto/glemt", acct_forgot_submit, ACT_PUBLIC },
	{ "GET", "/konto/nulstil", acct_reset_form, ACT_PUBLIC },
	{ "POST", "/konto/nulstil", acct_reset_submit, ACT_PUBLIC },
};

int
main(int argc, char **argv)
{
	if (password_init() == -1 || totp_init() == -1)
		return 1;
	return fcgi_main("account", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}

