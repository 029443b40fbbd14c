#include "fixture.h"

#include <check.h>
#include <stdlib.h>

#include "password.h"
#include "policy.h"

struct db *fx_db;
struct config fx_cfg;
static char fx_hash[PASSWORD_HASH_MAX];

void
fixture_open(void)
{
	char err[512];

	ck_assert_msg(getenv("PORTAL_CONFIG") != NULL, "run through scripts/test");
	ck_assert_msg(config_load(&fx_cfg, getenv("PORTAL_CONFIG"), err, sizeof(err)) == CONFIG_OK,
	    "%s", err);
	fx_db = db_new(&fx_cfg);
	ck_assert_int_eq(db_connect(fx_db), DB_OK);
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

long long
fixture_user(const char *email, const char *name)
{
	struct db_result res;
	long long id;

	if (fx_hash[0] == '\0') {
		ck_assert_int_eq(password_init(), 0);
		ck_assert_int_eq(password_hash("fixture-only-password-xyz", fx_hash), PASSWORD_OK);
	}
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO users (email, name, password_hash, "
	    "email_verified_at, totp_secret, totp_enabled_at) VALUES (?, ?, ?, NOW(6), "
	    "RANDOM_BYTES(20), NOW(6))", "sss", email, name, fx_hash), DB_OK);
	id = (long long)res.insert_id;
	db_result_free(&res);
	return id;
}

void
fixture_grant(long long uid, unsigned roles, long long authorisation)
{
	int r;

	for (r = 0; r < ROLE__MAX; r++)
		if (roles & ROLE_BIT(r))
			ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO role_assignments (user_id, "
			    "role, authorisation_id, grant_reason) VALUES (?, ?, NULLIF(?, 0), "
			    "'test fixture')", "isi", uid, role_name((enum role)r), authorisation),
			    DB_OK);
}

void
fixture_session(long long uid, char token[SESSION_TOKEN_CHARS + 1],
    char csrf[SESSION_TOKEN_CHARS + 1])
{
	unsigned char hash[32];

	session_new_token(token, hash);
	session_new_token(csrf, NULL);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO sessions (token_hash, user_id, "
	    "mfa_pending, csrf_token, expires_at) VALUES (?, NULLIF(?, 0), 0, ?, NOW(6) + "
	    "INTERVAL 1 HOUR)", "bis", hash, sizeof(hash), uid, csrf), DB_OK);
}

long long
fixture_scalar(const char *sql, const char *arg)
{
	struct db_result res;
	long long v;

	ck_assert_int_eq(db_exec(fx_db, &res, sql, "s", arg), DB_OK);
	v = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return v;
}
