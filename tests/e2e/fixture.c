#include "fixture.h"

#include <check.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "password.h"
#include "policy.h"
#include "totp.h"

struct db *fx_db;
struct config fx_cfg;

void
fixture_open(void)
{
	char err[512];

	ck_assert_msg(getenv("PORTAL_CONFIG") != NULL, "run through scripts/test");
	ck_assert_msg(config_load(&fx_cfg, getenv("PORTAL_CONFIG"), err, sizeof(err)) == CONFIG_OK,
	    "%s", err);
	fx_db = db_new(&fx_cfg);
	ck_assert_int_eq(db_connect(fx_db), DB_OK);
	ck_assert_int_eq(totp_init(), 0);
}

/* A secret sealed with the stack's key (totp_key_file), as the account program stores it. */
static int
fixture_seal(const unsigned char *secret, unsigned char blob[TOTP_BLOB_MAX])
{
	const unsigned char *key = totp_key(&fx_cfg);
	int n;

	ck_assert_msg(key != NULL, "totp_key_file of %s is not usable", getenv("PORTAL_CONFIG"));
	n = totp_seal(key, secret, TOTP_SECRET_BYTES, blob);
	ck_assert_int_eq(n, TOTP_BLOB_BYTES);
	return n;
}

void
fixture_close(void)
{
	db_free(fx_db);
	fx_db = NULL;
}

long long
fixture_authorisation(const char *name, const char *number, const char *domain)
{
	struct db_result res;
	long long inst, auth;

	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = 'ku'), ?, 'institute')", "s", name),
	    DB_OK);
	inst = (long long)res.insert_id;
	db_result_free(&res);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO authorisations (institution_id, number) "
	    "VALUES (?, ?)", "is", inst, number), DB_OK);
	auth = (long long)res.insert_id;
	db_result_free(&res);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO authorisation_domains VALUES (?, ?)",
	    "is", auth, domain), DB_OK);
	return auth;
}

/* NULL: the fixture's own password, hashed once per process (hashing is slow on purpose). */
static void
hash_password(const char *password, char hash[PASSWORD_HASH_MAX])
{
	static char own[PASSWORD_HASH_MAX];

	ck_assert_int_eq(password_init(), 0);
	if (password) {
		ck_assert_int_eq(password_hash(password, hash), PASSWORD_OK);
		return;
	}
	if (own[0] == '\0')
		ck_assert_int_eq(password_hash("fixture-only-password-xyz", own), PASSWORD_OK);
	memcpy(hash, own, sizeof(own));
}

long long
fixture_user(const char *email, const char *name)
{
	unsigned char secret[TOTP_SECRET_BYTES], blob[TOTP_BLOB_MAX];
	char hash[PASSWORD_HASH_MAX];
	struct db_result res;
	long long id;
	int n;

	hash_password(NULL, hash);
	totp_new_secret(secret);
	n = fixture_seal(secret, blob);
	sodium_memzero(secret, sizeof(secret));
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO users (email, name, password_hash, "
	    "email_verified_at, totp_secret, totp_enabled_at) VALUES (?, ?, ?, NOW(6), ?, NOW(6))",
	    "sssb", email, name, hash, blob, (size_t)n), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

long long
fixture_account(const char *email, const char *name, const char *password,
    const unsigned char *secret)
{
	unsigned char blob[TOTP_BLOB_MAX];
	char hash[PASSWORD_HASH_MAX];
	long long id;

	hash_password(password, hash);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT IGNORE INTO users (email, name, "
	    "password_hash) VALUES (?, ?, ?)", "sss", email, name, hash), DB_OK);
	if (secret) {
		size_t n = (size_t)fixture_seal(secret, blob);

		ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET password_hash = ?, status = "
		    "'active', email_verified_at = COALESCE(email_verified_at, NOW(6)), totp_secret = "
		    "?, totp_last_step = 0, totp_enabled_at = COALESCE(totp_enabled_at, NOW(6)) WHERE "
		    "email = ?", "sbs", hash, blob, n, email), DB_OK);
	} else
		ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE users SET password_hash = ?, status = "
		    "'active', email_verified_at = COALESCE(email_verified_at, NOW(6)), totp_secret = "
		    "NULL, totp_last_step = 0, totp_enabled_at = NULL WHERE email = ?", "ss", hash,
		    email), DB_OK);
	id = fixture_scalar("SELECT id FROM users WHERE email = ?", email);
	ck_assert_int_gt(id, 0);
	return id;
}

/* The role held already (an account made again on a used stack) stays as it is: one active
 * assignment of a role is a unique key (migration 013). */
void
fixture_grant(long long uid, unsigned roles, long long authorisation)
{
	int r;

	for (r = 0; r < ROLE__MAX; r++)
		if (roles & ROLE_BIT(r))
			ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO role_assignments (user_id, "
			    "role, authorisation_id, grant_reason) VALUES (?, ?, NULLIF(?, 0), "
			    "'test fixture') ON DUPLICATE KEY UPDATE id = id", "isi", uid, role_name((enum role)r), authorisation),
			    DB_OK);
}

long long
fixture_invitation(long long authorisation, const char *email, const char *role,
    long long inviter, char token[SESSION_TOKEN_CHARS + 1])
{
	unsigned char hash[32];
	struct db_result res;
	long long id;

	session_new_token(token, hash);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO invitations (token_hash, "
	    "authorisation_id, email, role, invited_by, expires_at) VALUES (?, ?, ?, ?, ?, "
	    "NOW(6) + INTERVAL 1 DAY)", "bissi", hash, sizeof(hash), authorisation, email, role,
	    inviter), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

void
fixture_session(long long uid, struct jar *jar, char csrf[SESSION_TOKEN_CHARS + 1])
{
	char token[SESSION_TOKEN_CHARS + 1];
	unsigned char hash[32];

	session_new_token(token, hash);
	session_new_token(csrf, NULL);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO sessions (token_hash, user_id, "
	    "mfa_pending, csrf_token, expires_at) VALUES (?, NULLIF(?, 0), 0, ?, NOW(6) + "
	    "INTERVAL 1 HOUR)", "bis", hash, sizeof(hash), uid, csrf), DB_OK);
	memset(jar, 0, sizeof(*jar));
	snprintf(jar->sid, sizeof(jar->sid), "%s", token);
}

/* The first cell of a query that ran (-1 when there is none); the result is freed. */
static long long
first_cell(enum db_err rc, struct db_result *res)
{
	long long v;

	ck_assert_int_eq(rc, DB_OK);
	v = db_cell_int(res, 0, 0, -1);
	db_result_free(res);
	return v;
}

long long
fixture_scalar(const char *sql, const char *arg)
{
	struct db_result res;

	return first_cell(db_exec(fx_db, &res, sql, "s", arg), &res);
}

long long
fixture_scalar_int(const char *sql, long long arg)
{
	struct db_result res;

	return first_cell(db_exec(fx_db, &res, sql, "i", arg), &res);
}
