#include "session.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

#include "log.h"

void
session_new_token(char out[SESSION_TOKEN_CHARS + 1], unsigned char hash[32])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, SESSION_TOKEN_CHARS + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	if (hash)
		crypto_hash_sha256(hash, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

int
session_hash_token(const char *token, unsigned char hash[32])
{
	unsigned char raw[32];
	size_t n = 0;

	if (token == NULL || strlen(token) != SESSION_TOKEN_CHARS)
		return -1;
	if (sodium_base642bin(raw, sizeof(raw), token, SESSION_TOKEN_CHARS, NULL, &n, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || n != sizeof(raw))
		return -1;
	crypto_hash_sha256(hash, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

static void
set_cookie(struct http_response *resp, const char *token)
{
	char v[128];

	if (token)
		snprintf(v, sizeof(v), "%s=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
		    SESSION_COOKIE, token);
	else
		snprintf(v, sizeof(v), "%s=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0",
		    SESSION_COOKIE);
	http_response_header(resp, "Set-Cookie", v);
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

enum db_err
session_load(struct db *db, const struct config *cfg, const struct http_request *req,
    struct http_response *resp, struct session *s)
{
	const char *token = kvlist_value(&req->cookies, SESSION_COOKIE);
	unsigned char hash[32];
	struct db_result res;
	long long idle;
	enum db_err rc;
	int alive;

	memset(s, 0, sizeof(*s));
	if (token == NULL)
		return DB_OK;
	if (session_hash_token(token, hash) == -1) {
		set_cookie(resp, NULL);
		return DB_OK;
	}
	rc = db_exec(db, &res,
	    "SELECT s.id, COALESCE(s.user_id, 0), s.mfa_pending, s.csrf_token, "
	    " TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW(6)), s.expires_at > NOW(6), "
	    " COALESCE(u.email, ''), COALESCE(u.name, ''), COALESCE(u.status, 'active'), "
	    " u.totp_enabled_at IS NOT NULL "
	    "FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
	    "b", hash, sizeof(hash));
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		set_cookie(resp, NULL);
		return DB_OK;
	}
	s->id = db_cell_int(&res, 0, 0, 0);
	idle = db_cell_int(&res, 0, 4, 0);
	alive = db_cell_int(&res, 0, 5, 0) == 1 &&
	    idle <= (long long)cfg->session_idle_minutes * 60 &&
	    strcmp(db_cell(&res, 0, 8), "active") == 0;
	if (!alive) {
		long long id = s->id;

		db_result_free(&res);
		memset(s, 0, sizeof(*s));
		set_cookie(resp, NULL);
		return db_exec(db, NULL, "DELETE FROM sessions WHERE id = ?", "i", id);
	}
	s->user_id = db_cell_int(&res, 0, 1, 0);
	s->mfa_pending = (int)db_cell_int(&res, 0, 2, 0);
	copy(s->csrf, sizeof(s->csrf), db_cell(&res, 0, 3));
	copy(s->email, sizeof(s->email), db_cell(&res, 0, 6));
	copy(s->name, sizeof(s->name), db_cell(&res, 0, 7));
	s->has_totp = (int)db_cell_int(&res, 0, 9, 0);
	db_result_free(&res);
	/* The idle clock moves at most once a minute: one write a minute, not one a request. */
	if (idle >= 60)
		return db_exec(db, NULL, "UPDATE sessions SET last_seen_at = NOW(6) WHERE id = ?",
		    "i", s->id);
	return DB_OK;
}

enum db_err
session_start(struct db *db, const struct config *cfg, struct http_response *resp,
    long long user_id, int mfa_pending, const char *remote_addr, struct session *s)
{
	char token[SESSION_TOKEN_CHARS + 1], csrf[SESSION_TOKEN_CHARS + 1];
	unsigned char hash[32];
	struct db_result res;
	enum db_err rc;

	session_new_token(token, hash);
	session_new_token(csrf, NULL);
	rc = db_exec(db, &res,
	    "INSERT INTO sessions (token_hash, user_id, mfa_pending, csrf_token, expires_at, "
	    "remote_addr) VALUES (?, NULLIF(?, 0), ?, ?, NOW(6) + INTERVAL ? HOUR, ?)",
	    "biisis", hash, sizeof(hash), user_id, (long long)mfa_pending, csrf,
	    (long long)cfg->session_absolute_hours, remote_addr ? remote_addr : "");
	if (rc != DB_OK)
		return rc;
	memset(s, 0, sizeof(*s));
	s->id = (long long)res.insert_id;
	s->user_id = user_id;
	s->mfa_pending = mfa_pending;
	copy(s->csrf, sizeof(s->csrf), csrf);
	db_result_free(&res);
	if (user_id) {
		rc = db_exec(db, &res, "SELECT email, name, totp_enabled_at IS NOT NULL FROM users "
		    "WHERE id = ?", "i", user_id);
		if (rc != DB_OK)
			return rc;
		copy(s->email, sizeof(s->email), db_cell(&res, 0, 0));
		copy(s->name, sizeof(s->name), db_cell(&res, 0, 1));
		s->has_totp = (int)db_cell_int(&res, 0, 2, 0);
		db_result_free(&res);
	}
	set_cookie(resp, token);
	sodium_memzero(token, sizeof(token));
	return DB_OK;
}

enum db_err
session_end(struct db *db, struct http_response *resp, struct session *s)
{
	enum db_err rc = DB_OK;

	if (s->id)
		rc = db_exec(db, NULL, "DELETE FROM sessions WHERE id = ?", "i", s->id);
	set_cookie(resp, NULL);
	memset(s, 0, sizeof(*s));
	return rc;
}

enum db_err
session_end_user(struct db *db, long long user_id)
{
	return db_exec(db, NULL, "DELETE FROM sessions WHERE user_id = ?", "i", user_id);
}

int
session_csrf_ok(const struct session *s, const struct http_request *req)
{
	const char *sent = kvlist_value(&req->form, "csrf");

	if (s->id == 0 || sent == NULL || strlen(sent) != SESSION_TOKEN_CHARS ||
	    strlen(s->csrf) != SESSION_TOKEN_CHARS)
		return 0;
	return sodium_memcmp(sent, s->csrf, SESSION_TOKEN_CHARS) == 0;
}
