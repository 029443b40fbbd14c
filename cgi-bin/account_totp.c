/*
 * account_totp: enrolling the second factor at /konto/totp (liboath, a QR code with
 * libqrencode or the key as text), and the sealed secret every TOTP page uses (lib/totp.h:
 * never stored raw; a blob that does not open is refused).
 */
#include "account.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "log.h"
#include "session.h"
#include "totp.h"

/*
 * The key that seals the TOTP secrets (lib/totp.h), or NULL: then the caller answers 503 and
 * nothing about the second factor goes on (fail closed; totp_key() logged why).
 */
const unsigned char *
acct_sealing_key(struct ctx *ctx)
{
	return totp_key(ctx->cfg);
}

/* A stored blob that does not open: logged, never used (no secret is guessed at). */
void
acct_log_unreadable(long long uid)
{
	log_error("totp: the stored secret of user %lld does not open (other key, altered or "
	    "unknown version); refused", uid);
}

/* Seals secret again into users.totp_secret (a legacy raw row, lib/totp.h). */
enum db_err
acct_reseal(struct ctx *ctx, const unsigned char *key, long long uid, const unsigned char *secret,
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
	if ((key = acct_sealing_key(ctx)) == NULL) {
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
			acct_log_unreadable(uid);
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

	if ((uid = acct_require_user(ctx, &st)) == 0)
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
	{	/* where they were going when the portal sent them here (issue 11) */
		const char *back = http_param(ctx->req, "tilbage");

		if (ctx_return_ok(back))
			tmpl_set(tmpl_add_row(d, "RETURN"), "TILBAGE", back);
	}
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

int
acct_totp_form(struct ctx *ctx)
{
	return totp_page(ctx, NULL, 200);
}

int
acct_totp_qr(struct ctx *ctx)
{
	unsigned char secret[TOTP_SECRET_MAX];
	struct buf uri;
	size_t len;
	long long uid;
	int enabled, legacy, st, ok;

	if ((uid = acct_require_user(ctx, &st)) == 0)
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

int
acct_totp_submit(struct ctx *ctx)
{
	const char *code = kvlist_value(&ctx->req->form, "kode");
	unsigned char secret[TOTP_SECRET_MAX];
	long long uid, step;
	enum db_err rc;
	size_t len;
	int enabled, legacy, st;

	if ((uid = acct_require_user(ctx, &st)) == 0)
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
	/* A legacy raw pending secret is sealed as it is confirmed (acct_sealing_key() is loaded). */
	rc = legacy ? acct_reseal(ctx, acct_sealing_key(ctx), uid, secret, len) : DB_OK;
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
	/* On to where they were going (e.g. /fse), else the account page says it is on. */
	{
		const char *back = http_param(ctx->req, "tilbage");

		return ctx_redirect(ctx, ctx_return_ok(back) ? back : "/konto?besked=totp");
	}
}

