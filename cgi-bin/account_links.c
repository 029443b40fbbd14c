/*
 * account_links: what the mailed links do. Register with an institutional address (R6) and
 * confirm it by a link (VERIFY_HOURS); a forgotten password is reset by a single-use link
 * (RESET_MINUTES) that never bypasses the second factor.
 */
#include "account.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "caps.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "password.h"
#include "session.h"
#include "throttle.h"

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

int
acct_register_form(struct ctx *ctx)
{
	return acct_form_page(ctx, "account/register.tpl", "Opret en konto") ? 200 : 503;
}

int
acct_register_submit(struct ctx *ctx)
{
	static const char *const kept[] = { "navn", "email" };
	struct fielderr fe;
	char email[255], why[256], hash[PASSWORD_HASH_MAX], token[SESSION_TOKEN_CHARS + 1];
	char msg[CAPS_MESSAGE_MAX];
	struct db_result res;
	struct tmpl_dict *d;
	struct form f;
	enum db_err rc;
	long long uid;
	int st;

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
	/* Issue 16: a client address registers at most so many times an hour. One past its hour
	 * is refused before the hash, which a scanner would otherwise have us compute for
	 * nothing; the check that holds is the one in the transaction. */
	if ((st = caps_address_spent(ctx->db, ctx->cfg, CAPS_ADDR_REGISTER,
	    ctx->req->remote_addr)) == -1)
		return ctx_db_error(ctx, db_last_error(ctx->db));
	if (st == 1)
		st = caps_refuse(ctx, CAPS_ADDR_REGISTER, msg, sizeof(msg));
	/* argon2id costs ~50 ms and 19 MiB: done before the transaction, not inside it. */
	else if (password_hash(f.v[R_PASSWORD].value, hash) != PASSWORD_OK)
		return 500;
	else if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	else
		st = caps_gate_address(ctx, CAPS_ADDR_REGISTER, msg, sizeof(msg));
	if (st != 0) {
		if (st != 429 || (d = ctx_page(ctx, "account/register.tpl", "Opret en konto")) == NULL)
			return st == 429 ? 500 : st;
		page_cap_refused(d, msg);
		page_keep_values(d, &f, kept, 2);
		return 429;
	}
	/* One account per address: carried by the unique key users_email, which the INSERT
	 * below writes; the lock only orders two registrations on one server. */
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
		/* A registration of the same address on another node committed after our read:
		 * run again, whole, and take the "has an account" path (lib/fcgi.c reruns). */
		if (rc == DB_EDUP)
			rc = DB_ERETRY;
		if (rc != DB_OK)
			return ctx_tx_error(ctx, rc);
		uid = (long long)res.insert_id;
		db_result_free(&res);
		if ((rc = acct_new_email_token(ctx, uid, "verify", VERIFY_HOURS * 60, token)) != DB_OK ||
		    (rc = acct_send_link_mail(ctx, email, f.v[R_NAME].value,
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

int
acct_check_mail_page(struct ctx *ctx)
{
	struct tmpl_dict *d = ctx_page(ctx, "account/check_mail.tpl", "Tjek din e-mail");

	if (d == NULL)
		return 500;
	tmpl_set_int(d, "VERIFY_HOURS", VERIFY_HOURS);
	return 200;
}

/* Looks a link's token up; FOR UPDATE inside a transaction so two clicks cannot both use it.
 * Carried by the token's row: using it writes used_at, so two clicks on a cluster collide. */
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
int
acct_verify_form(struct ctx *ctx)
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
	if ((d = acct_form_page(ctx, "account/verify.tpl", "Bekræft din e-mailadresse")) == NULL)
		return 503;
	tmpl_set(d, "TOKEN", token);
	return 200;
}

int
acct_verify_submit(struct ctx *ctx)
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

/* ---- forgotten password --------------------------------------------------------------------- */

int
acct_forgot_form(struct ctx *ctx)
{
	return acct_form_page(ctx, "account/forgot.tpl", "Glemt adgangskode") ? 200 : 503;
}

int
acct_forgot_submit(struct ctx *ctx)
{
	const char *raw = kvlist_value(&ctx->req->form, "email");
	char email[255], token[SESSION_TOKEN_CHARS + 1], msg[CAPS_MESSAGE_MAX];
	struct db_result res;
	struct tmpl_dict *d;
	enum db_err rc;
	long long uid;
	int st;

	form_lower(email, sizeof(email), raw);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Issue 16: a client address asks for so many links an hour, whatever the addresses. */
	if ((st = caps_gate_address(ctx, CAPS_ADDR_FORGOT, msg, sizeof(msg))) != 0) {
		if (st != 429 || (d = ctx_page(ctx, "account/forgot.tpl", "Glemt adgangskode")) == NULL)
			return st == 429 ? 500 : st;
		page_cap_refused(d, msg);
		tmpl_set(d, "VALUE_email", raw ? raw : "");
		return 429;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT id, name FROM users WHERE email = ? AND "
	    "status = 'active' FOR UPDATE", "s", email)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows) {
		uid = db_cell_int(&res, 0, 0, 0);
		/* One live link at a time: an older one stops working when a new one is sent.
		 * The user's row is only locked, not written; the rule is carried by the unique key
		 * email_tokens_live_reset (migration 013), which two requests on two nodes both
		 * write, so one of them runs again and ends the other's link. */
		if ((rc = db_exec(ctx->db, NULL, "UPDATE email_tokens SET used_at = NOW(6) WHERE "
		    "user_id = ? AND purpose = 'reset' AND used_at IS NULL", "i", uid)) != DB_OK ||
		    (rc = acct_new_email_token(ctx, uid, "reset", RESET_MINUTES, token)) != DB_OK ||
		    (rc = acct_send_link_mail(ctx, email, db_cell(&res, 0, 1),
		    "Nulstil din adgangskode til Specialeportalen", "password_reset",
		    "/konto/nulstil", token, "password_reset")) != DB_OK ||
		    (rc = audit_event(ctx->db, 0, "password.reset_requested", "user", uid, uid,
		    ctx->req->remote_addr, "")) != DB_OK) {
			db_result_free(&res);
			/* Another request's live link committed after our read: run again. */
			return ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
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

int
acct_reset_form(struct ctx *ctx)
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
	if ((d = acct_form_page(ctx, "account/reset.tpl", "Vælg en ny adgangskode")) == NULL)
		return 503;
	tmpl_set(d, "TOKEN", token);
	return 200;
}

int
acct_reset_submit(struct ctx *ctx)
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

