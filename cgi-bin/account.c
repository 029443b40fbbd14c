/*
 * account: everything about one's own account, under /konto: register and verify the address,
 * log in (password, then the TOTP code when enrolled), log out, enrol the second factor, reset a
 * forgotten password, and the account page. R6 (institutional e-mail), R14, R33, R34.
 */
#include <sodium.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "password.h"
#include "session.h"
#include "throttle.h"
#include "tmpl.h"
#include "totp.h"

#define VERIFY_HOURS	24
#define RESET_MINUTES	60

/* ---- shared helpers ------------------------------------------------------------------------- */

/* A page that needs a form: an anonymous session first, for its CSRF token. */
static struct tmpl_dict *
form_page(struct ctx *ctx, const char *tpl, const char *title)
{
	if (ctx_session_ensure(ctx) == NULL)
		return NULL;
	return ctx_page(ctx, tpl, title);
}

static const char *
notice(struct ctx *ctx)
{
	return kvlist_value(&ctx->req->query, "besked");
}

/* Free mail services: R6 wants an address issued by the institution. */
static const char *const public_domains[] = {
	"gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk", "outlook.com", "outlook.dk",
	"live.com", "live.dk", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mail.dk",
	"jubii.dk", "protonmail.com", "proton.me", "gmx.com", "gmx.net", "aol.com", NULL,
};

static int
is_public_domain(const char *email)
{
	const char *at = strrchr(email, '@');
	size_t i;

	for (i = 0; at && public_domains[i]; i++)
		if (strcasecmp(at + 1, public_domains[i]) == 0)
			return 1;
	return 0;
}

/* A single-use link token stored by its hash; the token itself goes only into the mail. */
static enum db_err
new_email_token(struct ctx *ctx, long long user_id, const char *purpose, int minutes,
    char token[SESSION_TOKEN_CHARS + 1])
{
	unsigned char hash[32];

	session_new_token(token, hash);
	return db_exec(ctx->db, NULL, "INSERT INTO email_tokens (token_hash, user_id, purpose, "
	    "expires_at) VALUES (?, ?, ?, NOW(6) + INTERVAL ? MINUTE)", "bisi", hash, sizeof(hash),
	    user_id, purpose, (long long)minutes);
}

static enum db_err
send_link_mail(struct ctx *ctx, const char *to, const char *name, const char *subject,
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

/* ---- register and verify -------------------------------------------------------------------- */

enum { R_NAME, R_EMAIL, R_PASSWORD, R_PASSWORD2, R__MAX };
static const struct form_field register_fields[R__MAX] = {
	[R_NAME] = { "navn", form_line, 1, 2, 200, NULL, "Skriv dit fulde navn." },
	[R_EMAIL] = { "email", form_email, 1, 0, 254, NULL,
	    "Skriv den e-mailadresse, du har fra din institution." },
	[R_PASSWORD] = { "adgangskode", form_text, 1, 0, 1000, NULL, "Vælg en adgangskode." },
	[R_PASSWORD2] = { "adgangskode2", form_text, 1, 0, 1000, NULL,
	    "Skriv adgangskoden en gang til." },
};

static int
register_form(struct ctx *ctx)
{
	return form_page(ctx, "account/register.tpl", "Opret en konto") ? 200 : 503;
}

static int
register_submit(struct ctx *ctx)
{
	static const char *const kept[] = { "navn", "email" };
	struct fielderr fe;
	char email[255], why[256], hash[PASSWORD_HASH_MAX], token[SESSION_TOKEN_CHARS + 1];
	struct db_result res;
	struct tmpl_dict *d;
	struct form f;
	enum db_err rc;
	long long uid;

	form_read(&f, register_fields, R__MAX, &ctx->req->form);
	fielderr_init(&fe);
	form_lower(email, sizeof(email), f.v[R_EMAIL].value);
	if (f.v[R_EMAIL].err == FORM_OK && is_public_domain(email))
		fielderr_add(&fe, "email", "Brug den e-mailadresse, du har fra din institution, fx "
		    "navn@econ.ku.dk. Adresser fra gratis mailtjenester kan ikke bruges.");
	if (f.v[R_PASSWORD].err == FORM_OK && password_check(f.v[R_PASSWORD].value, email,
	    f.v[R_NAME].value, why, sizeof(why)) != PASSWORD_OK)
		fielderr_add(&fe, "adgangskode", why);
	else if (f.v[R_PASSWORD].err == FORM_OK && f.v[R_PASSWORD2].err == FORM_OK &&
	    strcmp(f.v[R_PASSWORD].value, f.v[R_PASSWORD2].value) != 0)
		fielderr_add(&fe, "adgangskode2", "De to adgangskoder er ikke ens.");
	if (f.nerrors || fielderr_count(&fe)) {
		if ((d = ctx_page(ctx, "account/register.tpl", "Opret en konto")) == NULL)
			return 500;
		page_form_errors(d, &f, NULL, &fe);
		page_keep_values(d, &f, kept, 2);
		return 422;
	}
	/* argon2id costs ~50 ms and 19 MiB: done before the transaction, not inside it. */
	if (password_hash(f.v[R_PASSWORD].value, hash) != PASSWORD_OK)
		return 500;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = db_exec(ctx->db, &res, "SELECT id, name FROM users WHERE email = ? FOR UPDATE",
	    "s", email)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows) {
		/* The address has an account: say so to its owner, not to whoever typed it. */
		struct tmpl_dict *md = tmpl_dict_new();

		uid = db_cell_int(&res, 0, 0, 0);
		tmpl_set(md, "NAME", db_cell(&res, 0, 1));
		tmpl_setf(md, "LOGIN", "%s/konto/log-ind", ctx->cfg->base_url);
		tmpl_setf(md, "RESET", "%s/konto/glemt", ctx->cfg->base_url);
		if (mail_enqueue_template(ctx->db, ctx->cfg, email, db_cell(&res, 0, 1),
		    "Du har allerede en konto på Specialeportalen", "account_exists", md,
		    "account_exists", NULL) != MAIL_OK) {
			tmpl_dict_free(md);
			db_result_free(&res);
			return ctx_tx_error(ctx, DB_EEXEC);
		}
		tmpl_dict_free(md);
		db_result_free(&res);
		rc = audit_event(ctx->db, 0, "account.register_existing", "user", uid, uid,
		    ctx->req->remote_addr, "");
	} else {
		db_result_free(&res);
		rc = db_exec(ctx->db, &res, "INSERT INTO users (email, name, password_hash) "
		    "VALUES (?, ?, ?)", "sss", email, f.v[R_NAME].value, hash);
		if (rc != DB_OK)
			return ctx_tx_error(ctx, rc);
		uid = (long long)res.insert_id;
		db_result_free(&res);
		if ((rc = new_email_token(ctx, uid, "verify", VERIFY_HOURS * 60, token)) != DB_OK ||
		    (rc = send_link_mail(ctx, email, f.v[R_NAME].value,
		    "Bekræft din e-mailadresse til Specialeportalen", "verify_email",
		    "/konto/bekraeft", token, "verify_email")) != DB_OK ||
		    (rc = audit_event(ctx->db, uid, "account.register", "user", uid, uid,
		    ctx->req->remote_addr, "")) != DB_OK)
			return ctx_tx_error(ctx, rc);
	}
	if (rc != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/konto/tjek-mail");
}

static int
check_mail_page(struct ctx *ctx)
{
	struct tmpl_dict *d = ctx_page(ctx, "account/check_mail.tpl", "Tjek din e-mail");

	if (d == NULL)
		return 500;
	tmpl_set_int(d, "VERIFY_HOURS", VERIFY_HOURS);
	return 200;
}

/* Looks a link's token up; FOR UPDATE inside a transaction so two clicks cannot both use it. */
static enum db_err
find_token(struct ctx *ctx, const char *token, const char *purpose, int lock, long long *id,
    long long *user_id, int *usable)
{
	unsigned char hash[32];
	struct db_result res;
	enum db_err rc;

	*id = *user_id = 0;
	*usable = 0;
	if (session_hash_token(token, hash) == -1)
		return DB_OK;
	rc = db_exec(ctx->db, &res, lock ?
	    "SELECT id, user_id, used_at IS NULL AND expires_at > NOW(6) FROM email_tokens "
	    "WHERE token_hash = ? AND purpose = ? FOR UPDATE" :
	    "SELECT id, user_id, used_at IS NULL AND expires_at > NOW(6) FROM email_tokens "
	    "WHERE token_hash = ? AND purpose = ?", "bs", hash, sizeof(hash), purpose);
	if (rc != DB_OK)
		return rc;
	if (res.nrows) {
		*id = db_cell_int(&res, 0, 0, 0);
		*user_id = db_cell_int(&res, 0, 1, 0);
		*usable = db_cell_int(&res, 0, 2, 0) == 1;
	}
	db_result_free(&res);
	return DB_OK;
}

static int
link_invalid(struct ctx *ctx, const char *what)
{
	struct tmpl_dict *d = ctx_page(ctx, "account/link_invalid.tpl", "Linket virker ikke");

	if (d == NULL)
		return 500;
	tmpl_show(d, what);
	return 410;
}

/* GET only shows a button: mail scanners open links, and opening must not change anything. */
static int
verify_form(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->query, "token");
	long long id, uid;
	struct tmpl_dict *d;
	enum db_err rc;
	int usable;

	if ((rc = find_token(ctx, token, "verify", 0, &id, &uid, &usable)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (!usable)
		return link_invalid(ctx, "VERIFY");
	if ((d = form_page(ctx, "account/verify.tpl", "Bekræft din e-mailadresse")) == NULL)
		return 503;
	tmpl_set(d, "TOKEN", token);
	return 200;
}

static int
verify_submit(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->form, "token");
	long long id, uid;
	enum db_err rc;
	int usable;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = find_token(ctx, token, "verify", 1, &id, &uid, &usable)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!usable) {
		db_rollback(ctx->db);
		return link_invalid(ctx, "VERIFY");
	}
	if ((rc = db_exec(ctx->db, NULL, "UPDATE email_tokens SET used_at = NOW(6) WHERE id = ?",
	    "i", id)) != DB_OK ||
	    (rc = db_exec(ctx->db, NULL, "UPDATE users SET email_verified_at = NOW(6), "
	    "version = version + 1 WHERE id = ? AND email_verified_at IS NULL", "i", uid)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "account.verify_email", "user", uid, uid,
	    ctx->req->remote_addr, "")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/konto/log-ind?besked=bekraeftet");
}

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

/* 303 to base ("/konto/log-ind/kode"), carrying the way back when there is one. */
static int
redirect_on(struct ctx *ctx, const char *base, const char *back)
{
	struct buf loc;
	int st;

	if (back == NULL)
		return ctx_redirect(ctx, base);
	buf_init(&loc, 4 * CTX_RETURN_MAX);
	if (form_encode_pair(&loc, "tilbage", back) != 0)
		st = ctx_redirect(ctx, base);
	else {
		char path[5 * CTX_RETURN_MAX];

		snprintf(path, sizeof(path), "%s?%s", base, loc.data);
		st = ctx_redirect(ctx, path);
	}
	buf_free(&loc);
	return st;
}

static int
login_page(struct ctx *ctx, const char *error, const char *email, int status)
{
	struct tmpl_dict *d = form_page(ctx, "account/login.tpl", "Log ind");
	const char *n = notice(ctx);

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

static int
login_form(struct ctx *ctx)
{
	if (ctx_user(ctx))
		return ctx_redirect(ctx, return_to(ctx) ? return_to(ctx) : "/konto");
	return login_page(ctx, NULL, NULL, 200);
}

static const char login_generic[] =
	"E-mailadressen eller adgangskoden er forkert. Efter flere forkerte forsøg skal du vente "
	"lidt, før du kan prøve igen.";

static int
login_submit(struct ctx *ctx)
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
		if ((rc = new_email_token(ctx, uid, "verify", VERIFY_HOURS * 60, token)) != DB_OK ||
		    (rc = send_link_mail(ctx, email, "", "Bekræft din e-mailadresse til "
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
		return redirect_on(ctx, "/konto/log-ind/kode", return_to(ctx));
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

static int
code_form(struct ctx *ctx)
{
	struct session *s = ctx_session(ctx);

	if (s == NULL)
		return 503;
	if (s->id == 0 || s->user_id == 0 || !s->mfa_pending)
		return ctx_redirect(ctx, "/konto/log-ind");
	return code_page(ctx, NULL, 200);
}

/*
 * The key that seals the TOTP secrets (lib/totp.h), or NULL: then the caller answers 503 and
 * nothing about the second factor goes on (fail closed; totp_key() logged why).
 */
static const unsigned char *
sealing_key(struct ctx *ctx)
{
	return totp_key(ctx->cfg);
}

/* A stored blob that does not open: logged, never used (no secret is guessed at). */
static void
log_unreadable(long long uid)
{
	log_error("totp: the stored secret of user %lld does not open (other key, altered or "
	    "unknown version); refused", uid);
}

/* Seals secret again into users.totp_secret (a legacy raw row, lib/totp.h). */
static enum db_err
reseal(struct ctx *ctx, const unsigned char *key, long long uid, const unsigned char *secret,
    size_t len)
{
	unsigned char blob[TOTP_BLOB_MAX];
	enum db_err rc;
	int n;

	if ((n = totp_seal(key, secret, len, blob)) < 0)
		return DB_EARGS;
	rc = db_exec(ctx->db, NULL, "UPDATE users SET totp_secret = ? WHERE id = ?", "bi", blob,
	    (size_t)n, uid);
	sodium_memzero(blob, sizeof(blob));
	if (rc == DB_OK)
		log_info("totp: the legacy raw secret of user %lld is sealed now", uid);
	return rc;
}

static int
code_submit(struct ctx *ctx)
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
	if ((key = sealing_key(ctx)) == NULL)
		return 503;
	if ((blocked = throttle_blocked(ctx->db, s->email, addr)) == -1)
		return 503;
	if (blocked)
		return code_page(ctx, "Du har prøvet for mange gange. Vent lidt, og prøv igen.", 429);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* FOR UPDATE: two requests with the same code cannot both pass (codes are single use). */
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
		log_unreadable(uid);
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
	rc = orc == TOTP_OPEN_LEGACY ? reseal(ctx, key, uid, secret, len) : DB_OK;
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

static int
logout(struct ctx *ctx)
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

static int
sso_login(struct ctx *ctx)
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

/* ---- the account page and the second factor ------------------------------------------------- */

/* The accept loop has checked the policy (ACT_ACCOUNT: logged in); this is who it is. */
static long long
require_user(struct ctx *ctx, int *status)
{
	long long uid = ctx_user(ctx);

	*status = uid ? 0 : ctx_redirect(ctx, "/konto/log-ind");
	return uid;
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

	if ((uid = require_user(ctx, &status)) == 0)
		return status;
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, COALESCE(u.fse_user_id, ''), "
	    "COALESCE(DATE_FORMAT(u.certified_on, '%d-%m-%Y'), ''), u.totp_enabled_at IS NOT NULL "
	    "FROM users u WHERE u.id = ?", "i", uid)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "account/account.tpl", "Min konto")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set(d, "NAME", db_cell(&res, 0, 0));
	tmpl_set(d, "EMAIL", db_cell(&res, 0, 1));
	tmpl_set(d, "FSE_USER_ID", db_cell(&res, 0, 2)[0] ? db_cell(&res, 0, 2) : "Ingen endnu");
	tmpl_set(d, "CERTIFIED_ON", db_cell(&res, 0, 3)[0] ? db_cell(&res, 0, 3) : "Ikke bestået");
	tmpl_show(d, db_cell_int(&res, 0, 4, 0) ? "TOTP_ON" : "TOTP_OFF");
	db_result_free(&res);
	if (!ctx->session.has_totp && requires_totp(ctx, uid))
		tmpl_show(d, "TOTP_REQUIRED");
	if (notice(ctx) && strcmp(notice(ctx), "totp") == 0)
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

/*
 * The pending (not yet confirmed) secret, made on first visit to the enrolment page and stored
 * sealed only. 0 when done: *enabled set (nothing opened), or secret and *len (0: none yet and
 * !create), *legacy when it was a raw legacy row. Otherwise the status to answer: 503 when the
 * sealing key is not usable (fail closed: no secret made, none stored raw), or a database
 * error's. A pending blob that does not open (the key was replaced) is logged and counts as
 * none: nobody uses it yet, so a new one takes its place.
 */
static int
pending_secret(struct ctx *ctx, long long uid, int create, unsigned char secret[TOTP_SECRET_MAX],
    size_t *len, int *enabled, int *legacy)
{
	unsigned char blob[TOTP_BLOB_MAX];
	const unsigned char *key;
	struct db_result res;
	size_t bloblen = 0;
	enum db_err rc;
	int n;

	*len = 0;
	*enabled = 0;
	*legacy = 0;
	if ((rc = db_exec(ctx->db, &res, "SELECT totp_secret, totp_enabled_at IS NOT NULL FROM "
	    "users WHERE id = ?", "i", uid)) != DB_OK)
		return ctx_db_error(ctx, rc);
	*enabled = (int)db_cell_int(&res, 0, 1, 0);
	if (res.nrows && db_cell(&res, 0, 0) && res.lens[0] <= sizeof(blob)) {
		bloblen = res.lens[0];
		memcpy(blob, db_cell(&res, 0, 0), bloblen);
	}
	db_result_free(&res);
	if (*enabled) {
		sodium_memzero(blob, sizeof(blob));
		return 0;
	}
	if ((key = sealing_key(ctx)) == NULL) {
		sodium_memzero(blob, sizeof(blob));
		return 503;
	}
	if (bloblen) {
		switch (totp_open(key, blob, bloblen, secret, len)) {
		case TOTP_OPEN_OK:
			break;
		case TOTP_OPEN_LEGACY:
			*legacy = 1;
			break;
		case TOTP_OPEN_ERROR:
			log_unreadable(uid);
			*len = 0;
			break;
		}
	}
	sodium_memzero(blob, sizeof(blob));
	if (*len || !create)
		return 0;
	totp_new_secret(secret);
	*len = TOTP_SECRET_BYTES;
	if ((n = totp_seal(key, secret, TOTP_SECRET_BYTES, blob)) < 0) {
		sodium_memzero(secret, TOTP_SECRET_MAX);
		*len = 0;
		return 500;
	}
	rc = db_exec(ctx->db, NULL, "UPDATE users SET totp_secret = ? WHERE id = ? AND "
	    "totp_enabled_at IS NULL", "bi", blob, (size_t)n, uid);
	sodium_memzero(blob, sizeof(blob));
	if (rc != DB_OK) {
		sodium_memzero(secret, TOTP_SECRET_MAX);
		*len = 0;
		return ctx_db_error(ctx, rc);
	}
	return 0;
}

static int
totp_page(struct ctx *ctx, const char *error, int status)
{
	char b32[TOTP_BASE32_MAX], grouped[TOTP_BASE32_MAX * 2];
	unsigned char secret[TOTP_SECRET_MAX];
	struct tmpl_dict *d;
	size_t len, i, j = 0;
	long long uid;
	int enabled, legacy, st, b32rc;

	if ((uid = require_user(ctx, &st)) == 0)
		return st;
	if ((st = pending_secret(ctx, uid, 1, secret, &len, &enabled, &legacy)) != 0)
		return st;
	if ((d = ctx_page(ctx, "account/totp.tpl", "To-trins-login")) == NULL) {
		sodium_memzero(secret, sizeof(secret));
		return 500;
	}
	if (enabled) {
		tmpl_show(d, "ENABLED");
		return 200;
	}
	tmpl_show(d, "ENROL");
	b32rc = totp_base32(secret, len, b32, sizeof(b32));
	sodium_memzero(secret, sizeof(secret));
	if (b32rc == -1)
		return 500;
	/* Groups of four, as an app's "enter key" field is easiest to type from. */
	for (i = 0; b32[i] && j + 2 < sizeof(grouped); i++) {
		if (i && i % 4 == 0)
			grouped[j++] = ' ';
		grouped[j++] = b32[i];
	}
	grouped[j] = '\0';
	tmpl_set(d, "SECRET", grouped);
	sodium_memzero(b32, sizeof(b32));
	sodium_memzero(grouped, sizeof(grouped));
	if (error)
		tmpl_set(tmpl_add_row(d, "ERROR_kode"), "MESSAGE", error);
	return status;
}

static int
totp_form(struct ctx *ctx)
{
	return totp_page(ctx, NULL, 200);
}

static int
totp_qr(struct ctx *ctx)
{
	unsigned char secret[TOTP_SECRET_MAX];
	struct buf uri;
	size_t len;
	long long uid;
	int enabled, legacy, st, ok;

	if ((uid = require_user(ctx, &st)) == 0)
		return st == 503 ? 503 : 404;
	if ((st = pending_secret(ctx, uid, 0, secret, &len, &enabled, &legacy)) != 0)
		return st;
	if (enabled || len == 0)
		return 404;
	buf_init(&uri, 4096);
	ok = totp_uri(secret, len, ctx->session.email, &uri) == 0 &&
	    totp_qr_svg(uri.data, &ctx->resp->body) == 0;
	sodium_memzero(secret, sizeof(secret));
	if (uri.data)
		sodium_memzero(uri.data, uri.len);
	buf_free(&uri);
	if (!ok)
		return 500;
	ctx->resp->content_type = "image/svg+xml";
	return 200;
}

static int
totp_submit(struct ctx *ctx)
{
	const char *code = kvlist_value(&ctx->req->form, "kode");
	unsigned char secret[TOTP_SECRET_MAX];
	long long uid, step;
	enum db_err rc;
	size_t len;
	int enabled, legacy, st;

	if ((uid = require_user(ctx, &st)) == 0)
		return st;
	if ((st = pending_secret(ctx, uid, 0, secret, &len, &enabled, &legacy)) != 0)
		return st;
	if (enabled || len == 0)
		return ctx_redirect(ctx, "/konto/totp");
	if ((step = totp_verify(secret, len, code, time(NULL), 0)) < 0) {
		sodium_memzero(secret, sizeof(secret));
		return totp_page(ctx, "Koden passer ikke. Skriv den sekscifrede kode, appen viser nu.",
		    422);
	}
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		sodium_memzero(secret, sizeof(secret));
		return ctx_db_error(ctx, rc);
	}
	/* A legacy raw pending secret is sealed as it is confirmed (sealing_key() is loaded). */
	rc = legacy ? reseal(ctx, sealing_key(ctx), uid, secret, len) : DB_OK;
	sodium_memzero(secret, sizeof(secret));
	if (rc != DB_OK ||
	    (rc = db_exec(ctx->db, NULL, "UPDATE users SET totp_enabled_at = NOW(6), "
	    "totp_last_step = ?, version = version + 1 WHERE id = ? AND totp_enabled_at IS NULL",
	    "ii", step, uid)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "totp.enrol", "user", uid, uid, ctx->req->remote_addr,
	    "")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/konto?besked=totp");
}

/* ---- forgotten password --------------------------------------------------------------------- */

static int
forgot_form(struct ctx *ctx)
{
	return form_page(ctx, "account/forgot.tpl", "Glemt adgangskode") ? 200 : 503;
}

static int
forgot_submit(struct ctx *ctx)
{
	const char *raw = kvlist_value(&ctx->req->form, "email");
	char email[255], token[SESSION_TOKEN_CHARS + 1];
	struct db_result res;
	struct tmpl_dict *d;
	enum db_err rc;
	long long uid;

	form_lower(email, sizeof(email), raw);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = db_exec(ctx->db, &res, "SELECT id, name FROM users WHERE email = ? AND "
	    "status = 'active' FOR UPDATE", "s", email)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows) {
		uid = db_cell_int(&res, 0, 0, 0);
		/* One live link at a time: an older one stops working when a new one is sent. */
		if ((rc = db_exec(ctx->db, NULL, "UPDATE email_tokens SET used_at = NOW(6) WHERE "
		    "user_id = ? AND purpose = 'reset' AND used_at IS NULL", "i", uid)) != DB_OK ||
		    (rc = new_email_token(ctx, uid, "reset", RESET_MINUTES, token)) != DB_OK ||
		    (rc = send_link_mail(ctx, email, db_cell(&res, 0, 1),
		    "Nulstil din adgangskode til Specialeportalen", "password_reset",
		    "/konto/nulstil", token, "password_reset")) != DB_OK ||
		    (rc = audit_event(ctx->db, 0, "password.reset_requested", "user", uid, uid,
		    ctx->req->remote_addr, "")) != DB_OK) {
			db_result_free(&res);
			return ctx_tx_error(ctx, rc);
		}
	}
	db_result_free(&res);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* The same answer whether or not the address has an account. */
	if ((d = ctx_page(ctx, "account/forgot_sent.tpl", "Tjek din e-mail")) == NULL)
		return 500;
	tmpl_set_int(d, "RESET_MINUTES", RESET_MINUTES);
	return 200;
}

enum { P_PASSWORD, P_PASSWORD2, P__MAX };
static const struct form_field reset_fields[P__MAX] = {
	[P_PASSWORD] = { "adgangskode", form_text, 1, 0, 1000, NULL, "Vælg en ny adgangskode." },
	[P_PASSWORD2] = { "adgangskode2", form_text, 1, 0, 1000, NULL,
	    "Skriv adgangskoden en gang til." },
};

static int
reset_form(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->query, "token");
	long long id, uid;
	struct tmpl_dict *d;
	enum db_err rc;
	int usable;

	if ((rc = find_token(ctx, token, "reset", 0, &id, &uid, &usable)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (!usable)
		return link_invalid(ctx, "RESET");
	if ((d = form_page(ctx, "account/reset.tpl", "Vælg en ny adgangskode")) == NULL)
		return 503;
	tmpl_set(d, "TOKEN", token);
	return 200;
}

static int
reset_submit(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->form, "token");
	struct fielderr fe;
	char why[256], hash[PASSWORD_HASH_MAX];
	struct db_result res;
	struct tmpl_dict *d;
	long long id, uid;
	struct form f;
	enum db_err rc;
	int usable;

	if ((rc = find_token(ctx, token, "reset", 0, &id, &uid, &usable)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (!usable)
		return link_invalid(ctx, "RESET");
	form_read(&f, reset_fields, P__MAX, &ctx->req->form);
	fielderr_init(&fe);
	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ?", "i", uid)) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	if (f.v[P_PASSWORD].err == FORM_OK && password_check(f.v[P_PASSWORD].value,
	    db_cell(&res, 0, 0), db_cell(&res, 0, 1), why, sizeof(why)) != PASSWORD_OK)
		fielderr_add(&fe, "adgangskode", why);
	else if (f.nerrors == 0 && strcmp(f.v[P_PASSWORD].value, f.v[P_PASSWORD2].value) != 0)
		fielderr_add(&fe, "adgangskode2", "De to adgangskoder er ikke ens.");
	db_result_free(&res);
	if (f.nerrors || fielderr_count(&fe)) {
		if ((d = ctx_page(ctx, "account/reset.tpl", "Vælg en ny adgangskode")) == NULL)
			return 500;
		tmpl_set(d, "TOKEN", token);
		page_form_errors(d, &f, NULL, &fe);
		return 422;
	}
	if (password_hash(f.v[P_PASSWORD].value, hash) != PASSWORD_OK)
		return 500;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Again under lock: of two submissions with one link, only the first changes anything. */
	if ((rc = find_token(ctx, token, "reset", 1, &id, &uid, &usable)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!usable) {
		db_rollback(ctx->db);
		return link_invalid(ctx, "RESET");
	}
	/* The second factor stays: a reset link alone never logs anyone in. */
	if ((rc = db_exec(ctx->db, NULL, "UPDATE email_tokens SET used_at = NOW(6) WHERE id = ?",
	    "i", id)) != DB_OK ||
	    (rc = db_exec(ctx->db, NULL, "UPDATE users SET password_hash = ?, "
	    "email_verified_at = COALESCE(email_verified_at, NOW(6)), version = version + 1 "
	    "WHERE id = ?", "si", hash, uid)) != DB_OK ||
	    (rc = session_end_user(ctx->db, uid)) != DB_OK ||
	    (rc = audit_event(ctx->db, 0, "password.reset", "user", uid, uid,
	    ctx->req->remote_addr, "")) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/konto/log-ind?besked=nulstillet");
}

static const struct route routes[] = {
	{ "GET", "/konto", account_page, ACT_ACCOUNT },
	{ "GET", "/konto/opret", register_form, ACT_PUBLIC },
	{ "POST", "/konto/opret", register_submit, ACT_PUBLIC },
	{ "GET", "/konto/tjek-mail", check_mail_page, ACT_PUBLIC },
	{ "GET", "/konto/bekraeft", verify_form, ACT_PUBLIC },
	{ "POST", "/konto/bekraeft", verify_submit, ACT_PUBLIC },
	{ "GET", "/konto/log-ind", login_form, ACT_PUBLIC },
	{ "POST", "/konto/log-ind", login_submit, ACT_PUBLIC },
	{ "GET", "/konto/log-ind/kode", code_form, ACT_SESSION },
	{ "POST", "/konto/log-ind/kode", code_submit, ACT_SESSION },
	{ "POST", "/konto/log-ud", logout, ACT_SESSION },
	{ "GET", "/konto/sso", sso_login, ACT_PUBLIC },
	{ "GET", "/konto/totp", totp_form, ACT_ACCOUNT },
	{ "POST", "/konto/totp", totp_submit, ACT_ACCOUNT },
	{ "GET", "/konto/totp/qr.svg", totp_qr, ACT_ACCOUNT },
	{ "GET", "/konto/glemt", forgot_form, ACT_PUBLIC },
	{ "POST", "/konto/glemt", forgot_submit, ACT_PUBLIC },
	{ "GET", "/konto/nulstil", reset_form, ACT_PUBLIC },
	{ "POST", "/konto/nulstil", reset_submit, ACT_PUBLIC },
};

int
main(int argc, char **argv)
{
	if (password_init() == -1 || totp_init() == -1)
		return 1;
	return fcgi_main("account", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
