/*
 * account_login: logging in. The password (one generic error text; failures throttled per
 * account and per client address, lib/throttle), then the TOTP code when enrolled, then where
 * the user was going (?tilbage=, ctx_return_ok); logging out; and single sign-on.
 */
#include "account.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "form.h"
#include "log.h"
#include "page.h"
#include "password.h"
#include "session.h"
#include "throttle.h"
#include "totp.h"

/* ---- log in, second factor, log out --------------------------------------------------------- */

enum { L_EMAIL, L_PASSWORD, L__MAX };
static const struct form_field login_fields[L__MAX] = {
	[L_EMAIL] = { "email", form_line, 1, 0, 254, NULL, "Skriv din e-mailadresse." },
	[L_PASSWORD] = { "adgangskode", form_text, 1, 0, 1000, NULL, "Skriv din adgangskode." },
};

/*
 * Where the person was going when the portal asked them to log in (?tilbage= on the login
 * pages, a hidden field in their forms): a path of ours, else the account page.
 */
static const char *
return_to(struct ctx *ctx)
{
	const char *t = http_param(ctx->req, "tilbage");

	return ctx_return_ok(t) ? t : NULL;
}

static int
login_page(struct ctx *ctx, const char *error, const char *email, int status)
{
	struct tmpl_dict *d = acct_form_page(ctx, "account/login.tpl", "Log ind");
	const char *n = acct_notice(ctx);

	if (d == NULL)
		return 503;
	if (n)
		tmpl_show(d, strcmp(n, "bekraeftet") == 0 ? "NOTICE_VERIFIED" :
		    strcmp(n, "nulstillet") == 0 ? "NOTICE_RESET" :
		    strcmp(n, "logget-ud") == 0 ? "NOTICE_LOGGED_OUT" :
		    strcmp(n, "udloebet") == 0 ? "NOTICE_EXPIRED" : "NOTICE_NONE");
	if (error) {
		tmpl_set(tmpl_add_row(d, "LOGIN_ERROR"), "MESSAGE", error);
	}
	if (email)
		tmpl_set(d, "VALUE_email", email);
	if (return_to(ctx)) {
		tmpl_set(tmpl_add_row(d, "RETURN"), "TILBAGE", return_to(ctx));
		tmpl_show(d, "RETURN_NOTE");
	}
	return status;
}

int
acct_login_form(struct ctx *ctx)
{
	if (ctx_user(ctx))
		return ctx_redirect(ctx, return_to(ctx) ? return_to(ctx) : "/konto");
	return login_page(ctx, NULL, NULL, 200);
}

static const char login_generic[] =
	"E-mailadressen eller adgangskoden er forkert. Efter flere forkerte forsøg skal du vente "
	"lidt, før du kan prøve igen.";

int
acct_login_submit(struct ctx *ctx)
{
	char email[255], token[SESSION_TOKEN_CHARS + 1];
	const char *addr = ctx->req->remote_addr;
	struct session *s = ctx_session(ctx);
	struct db_result res;
	long long uid = 0;
	struct form f;
	enum db_err rc;
	int blocked, ok = 0, verified = 0, active = 0, totp = 0;

	form_read(&f, login_fields, L__MAX, &ctx->req->form);
	form_lower(email, sizeof(email), f.v[L_EMAIL].value);
	if (f.nerrors)
		return login_page(ctx, login_generic, f.v[L_EMAIL].value, 422);
	if ((blocked = throttle_blocked(ctx->db, email, addr)) == -1)
		return ctx_db_error(ctx, DB_ECONNECT);
	if (blocked) {
		audit_event(ctx->db, 0, "login.throttled", "", 0, 0, addr, email);
		return login_page(ctx, login_generic, email, 429);
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT id, password_hash, email_verified_at IS NOT NULL, "
	    "status = 'active', totp_enabled_at IS NOT NULL FROM users WHERE email = ?", "s",
	    email)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0)
		password_verify_dummy(f.v[L_PASSWORD].value);
	else {
		uid = db_cell_int(&res, 0, 0, 0);
		ok = password_verify(db_cell(&res, 0, 1), f.v[L_PASSWORD].value) == PASSWORD_OK;
		verified = (int)db_cell_int(&res, 0, 2, 0);
		active = (int)db_cell_int(&res, 0, 3, 0);
		totp = (int)db_cell_int(&res, 0, 4, 0);
	}
	db_result_free(&res);
	if (!ok || !active) {
		throttle_fail(ctx->db, ctx->cfg, email, addr);
		audit_event(ctx->db, 0, ok ? "login.disabled" : "login.failed", "user", uid, uid,
		    addr, "");
		return login_page(ctx, login_generic, email, 401);
	}
	if (!verified) {
		/* The password was right, so the owner is here: a fresh link, and say so. */
		if ((rc = db_begin(ctx->db)) != DB_OK)
			return ctx_db_error(ctx, rc);
		if ((rc = acct_new_email_token(ctx, uid, "verify", VERIFY_HOURS * 60, token)) != DB_OK ||
		    (rc = acct_send_link_mail(ctx, email, "", "Bekræft din e-mailadresse til "
		    "Specialeportalen", "verify_email", "/konto/bekraeft", token,
		    "verify_email")) != DB_OK)
			return ctx_tx_error(ctx, rc);
		if ((rc = db_commit(ctx->db)) != DB_OK)
			return ctx_db_error(ctx, rc);
		return login_page(ctx, "Du skal bekræfte din e-mailadresse, før du kan logge ind. "
		    "Vi har sendt dig en ny e-mail med et link.", email, 403);
	}
	/* Rotation: the session a visitor had before logging in is never the logged-in one. */
	if (s && s->id)
		session_end(ctx->db, ctx->resp, s);
	if ((rc = throttle_clear(ctx->db, email)) != DB_OK ||
	    (rc = session_start(ctx->db, ctx->cfg, ctx->resp, uid, totp, addr,
	    &ctx->session)) != DB_OK)
		return ctx_db_error(ctx, rc);
	ctx->session_loaded = 1;
	audit_event(ctx->db, uid, totp ? "login.password_ok" : "login.success", "user", uid, uid,
	    addr, "");
	if (totp)
		return ctx_redirect_back(ctx, "/konto/log-ind/kode", return_to(ctx));
	return ctx_redirect(ctx, return_to(ctx) ? return_to(ctx) : "/konto");
}

static int
code_page(struct ctx *ctx, const char *error, int status)
{
	struct tmpl_dict *d = ctx_page(ctx, "account/login_code.tpl", "Indtast din kode");

	if (d == NULL)
		return 500;
	if (error)
		tmpl_set(tmpl_add_row(d, "ERROR_kode"), "MESSAGE", error);
	if (return_to(ctx))
		tmpl_set(tmpl_add_row(d, "RETURN"), "TILBAGE", return_to(ctx));
	return status;
}

int
acct_code_form(struct ctx *ctx)
{
	struct session *s = ctx_session(ctx);

	if (s == NULL)
		return 503;
	if (s->id == 0 || s->user_id == 0 || !s->mfa_pending)
		return ctx_redirect(ctx, "/konto/log-ind");
	return code_page(ctx, NULL, 200);
}

int
acct_code_submit(struct ctx *ctx)
{
	const char *code = kvlist_value(&ctx->req->form, "kode"), *addr = ctx->req->remote_addr;
	struct session *s = ctx_session(ctx);
	unsigned char secret[TOTP_SECRET_MAX];
	const unsigned char *key;
	enum totp_open_rc orc;
	char email[255];
	struct db_result res;
	long long uid, step, last;
	size_t len = 0;
	enum db_err rc;
	int blocked;

	if (s == NULL)
		return 503;
	if (s->id == 0 || s->user_id == 0 || !s->mfa_pending)
		return ctx_redirect(ctx, "/konto/log-ind");
	uid = s->user_id;
	if ((key = acct_sealing_key(ctx)) == NULL)
		return 503;
	if ((blocked = throttle_blocked(ctx->db, s->email, addr)) == -1)
		return 503;
	if (blocked)
		return code_page(ctx, "Du har prøvet for mange gange. Vent lidt, og prøv igen.", 429);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* FOR UPDATE: two requests with the same code cannot both pass (codes are single use).
	 * Carried by the user's row: a code that passes writes totp_last_step (always a later
	 * step than the one read), so two on a cluster collide on that row at COMMIT. */
	if ((rc = db_exec(ctx->db, &res, "SELECT totp_secret, totp_last_step FROM users WHERE "
	    "id = ? AND totp_enabled_at IS NOT NULL FOR UPDATE", "i", uid)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows == 0 || db_cell(&res, 0, 0) == NULL || res.lens[0] == 0) {
		db_result_free(&res);
		db_rollback(ctx->db);
		return ctx_redirect(ctx, "/konto/log-ind");
	}
	orc = totp_open(key, (const unsigned char *)db_cell(&res, 0, 0), res.lens[0], secret, &len);
	last = db_cell_int(&res, 0, 1, 0);
	db_result_free(&res);
	if (orc == TOTP_OPEN_ERROR) {
		db_rollback(ctx->db);
		acct_log_unreadable(uid);
		return 500;
	}
	step = totp_verify(secret, len, code, time(NULL), last);
	if (step < 0) {
		sodium_memzero(secret, sizeof(secret));
		db_rollback(ctx->db);
		throttle_fail(ctx->db, ctx->cfg, s->email, addr);
		audit_event(ctx->db, 0, "login.totp_failed", "user", uid, uid, addr, "");
		return code_page(ctx, "Koden er forkert eller udløbet. Skriv den kode, appen viser nu.",
		    401);
	}
	/* A legacy raw secret is sealed in the same transaction as the successful login. */
	rc = orc == TOTP_OPEN_LEGACY ? acct_reseal(ctx, key, uid, secret, len) : DB_OK;
	sodium_memzero(secret, sizeof(secret));
	if (rc != DB_OK ||
	    (rc = db_exec(ctx->db, NULL, "UPDATE users SET totp_last_step = ? WHERE id = ?", "ii",
	    step, uid)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "login.success", "user", uid, uid, addr, "totp")) !=
	    DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Second factor done: a new token again, so the half-logged-in one is worth nothing. */
	snprintf(email, sizeof(email), "%s", s->email);
	session_end(ctx->db, ctx->resp, s);
	throttle_clear(ctx->db, email);
	if ((rc = session_start(ctx->db, ctx->cfg, ctx->resp, uid, 0, addr, &ctx->session)) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, return_to(ctx) ? return_to(ctx) : "/konto");
}

int
acct_logout(struct ctx *ctx)
{
	struct session *s = ctx_session(ctx);
	long long uid = s ? s->user_id : 0;

	if (s == NULL)
		return 503;
	if (uid)
		audit_event(ctx->db, uid, "logout", "user", uid, uid, ctx->req->remote_addr, "");
	session_end(ctx->db, ctx->resp, s);
	return ctx_redirect(ctx, "/konto/log-ind?besked=logget-ud");
}

/* ---- single sign-on (issue 3) ---------------------------------------------------------------- */

/*
 * GET /konto/sso: a SAML service provider in front of nginx (WAYF, NemLog-in) has logged the
 * person in, and nginx passes the asserted address as the FastCGI param named by sso_param
 * (nginx/portal.conf shows how). Only that param counts, read by its exact name from nginx's
 * params: a client header of any name arrives as HTTP_* and is never looked at. Off, or the
 * param not set (a location without the service provider): 404, as if the route did not exist.
 * Nothing is created from a single sign-on: an unknown address gets a page saying how to get
 * an account. A GET that logs in is safe against login CSRF here: the identity is the one the
 * service provider holds for this browser, so a forged request can only log one in as oneself.
 */
static const struct form_field sso_field = { "sso", form_email, 1, 0, 254, NULL, NULL };

static int
sso_refused(struct ctx *ctx, const char *section, const char *email)
{
	struct tmpl_dict *d = ctx_page(ctx, "account/sso_refused.tpl", "Log ind med din institution");

	if (d == NULL)
		return 500;
	tmpl_show(d, section);
	tmpl_set(d, "EMAIL", email);
	return 403;
}

int
acct_sso_login(struct ctx *ctx)
{
	const char *raw, *addr = ctx->req->remote_addr;
	struct session *s;
	struct db_result res;
	char email[255];
	long long uid, num;
	enum db_err rc;
	int verified, active, totp, pending;

	if (ctx->cfg->sso_param[0] == '\0' ||
	    (raw = http_nginx_param(ctx->req, ctx->cfg->sso_param)) == NULL)
		return 404;
	if (form_email(&sso_field, raw, strlen(raw), &num) != FORM_OK) {
		log_warn("single sign-on: %s is not an e-mail address; service provider set-up?",
		    ctx->cfg->sso_param);
		return 403;
	}
	form_lower(email, sizeof(email), raw);
	if ((s = ctx_session(ctx)) == NULL)
		return 503;
	if ((rc = db_exec(ctx->db, &res, "SELECT id, email_verified_at IS NOT NULL, "
	    "status = 'active', totp_enabled_at IS NOT NULL FROM users WHERE email = ?", "s",
	    email)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		audit_event(ctx->db, 0, "login.sso_unknown", "", 0, 0, addr, email);
		return sso_refused(ctx, "NO_ACCOUNT", email);
	}
	uid = db_cell_int(&res, 0, 0, 0);
	verified = (int)db_cell_int(&res, 0, 1, 0);
	active = (int)db_cell_int(&res, 0, 2, 0);
	totp = (int)db_cell_int(&res, 0, 3, 0);
	db_result_free(&res);
	if (!active || !verified) {
		audit_event(ctx->db, 0, active ? "login.sso_unverified" : "login.disabled", "user",
		    uid, uid, addr, "sso");
		return sso_refused(ctx, active ? "NOT_VERIFIED" : "DISABLED", email);
	}
	/* The identity provider's login is the second factor only when configured so. */
	pending = totp && !ctx->cfg->sso_trusts_second_factor;
	/* Rotation, as for a password login: the visitor's old session is never the new one. */
	if (s->id)
		session_end(ctx->db, ctx->resp, s);
	if ((rc = session_start(ctx->db, ctx->cfg, ctx->resp, uid, pending, addr,
	    &ctx->session)) != DB_OK)
		return ctx_db_error(ctx, rc);
	ctx->session_loaded = 1;
	audit_event(ctx->db, uid, "login.sso", "user", uid, uid, addr,
	    pending ? "second factor pending" : totp ? "second factor by identity provider" : "");
	return ctx_redirect(ctx, pending ? "/konto/log-ind/kode" : "/konto");
}

