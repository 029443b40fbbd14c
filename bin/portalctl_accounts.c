/*
 * The operator's account commands. FSE staff exist only through here (issue 3): the web has no
 * way to grant an FSE role. Every change is one transaction with its audit event (R33, R34).
 *   create-fse EMAIL NAME ROLE     password read from standard input (one line)
 *   create-user EMAIL NAME         an ordinary account, address already verified, no roles
 *                                  (password from standard input): for operators and
 *                                  tests/bench/login; people normally register on the web
 *   disable-user EMAIL             ends every session at once
 *   reset-totp EMAIL               the user enrols the second factor again at next login
 *   list-roles [EMAIL]             roles with their history (granted, revoked, by whom)
 */
#include "portalctl_accounts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "password.h"
#include "session.h"

static const char *const fse_roles[] = { "fse_caseworker", "fse_head", "national_statistician",
	NULL };

static int
fail(struct db *db, enum db_err rc)
{
	db_rollback(db);
	fprintf(stderr, "portalctl: %s: %s\n", db_strerror(rc), db_errmsg(db));
	return 1;
}

static void
lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static long long
user_id(struct db *db, const char *email)
{
	struct db_result res;
	long long id = 0;

	if (db_exec(db, &res, "SELECT id FROM users WHERE email = ?", "s", email) == DB_OK) {
		id = db_cell_int(&res, 0, 0, 0);
		db_result_free(&res);
	}
	return id;
}

/* A verified account, with an FSE role when role is not NULL; one transaction with its audit. */
static int
create_account(struct db *db, const char *email_in, const char *name, const char *role)
{
	char email[255], pw[256], why[256], hash[PASSWORD_HASH_MAX];
	struct db_result res;
	long long uid;
	enum db_err rc;
	size_t n;

	snprintf(email, sizeof(email), "%s", email_in);
	lower(email);
	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fprintf(stderr, "portalctl: give the password on standard input\n");
		return 2;
	}
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (password_init() == -1)
		return 1;
	if (password_check(pw, email, name, why, sizeof(why)) != PASSWORD_OK) {
		fprintf(stderr, "portalctl: password refused: %s\n", why);
		return 1;
	}
	if (password_hash(pw, hash) != PASSWORD_OK)
		return 1;
	if ((rc = db_begin(db)) != DB_OK)
		return fail(db, rc);
	if ((rc = db_exec(db, &res, "INSERT INTO users (email, name, password_hash, "
	    "email_verified_at) VALUES (?, ?, ?, NOW(6))", "sss", email, name, hash)) != DB_OK) {
		if (rc == DB_EDUP)
			fprintf(stderr, "portalctl: %s already has an account\n", email);
		db_rollback(db);
		return rc == DB_EDUP ? 1 : fail(db, rc);
	}
	uid = (long long)res.insert_id;
	db_result_free(&res);
	if (role && ((rc = db_exec(db, NULL, "INSERT INTO role_assignments (user_id, role, "
	    "grant_reason) VALUES (?, ?, 'portalctl create-fse')", "is", uid, role)) != DB_OK ||
	    (rc = audit_event(db, 0, "role.grant", "user", uid, uid, "portalctl", role)) != DB_OK))
		return fail(db, rc);
	if (!role && (rc = audit_event(db, 0, "account.create", "user", uid, uid, "portalctl",
	    "")) != DB_OK)
		return fail(db, rc);
	if ((rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	if (role)
		printf("created %s (%s) with role %s; the second factor is enrolled at first login\n",
		    email, name, role);
	else
		printf("created %s (%s), address verified, no roles\n", email, name);
	return 0;
}

static int
create_fse(struct db *db, const char *email, const char *name, const char *role)
{
	size_t i;
	int ok = 0;

	for (i = 0; fse_roles[i]; i++)
		ok |= strcmp(role, fse_roles[i]) == 0;
	if (!ok) {
		fprintf(stderr, "portalctl: role must be fse_caseworker, fse_head or "
		    "national_statistician\n");
		return 2;
	}
	return create_account(db, email, name, role);
}

/*
 * One change to one account, with every session of it ended and the audit event, in one
 * transaction: disabling it, or resetting its second factor.
 */
static int
account_change(struct db *db, const char *email, const char *sql, const char *action,
    const char *done)
{
	long long uid = user_id(db, email);
	enum db_err rc;

	if (uid == 0) {
		fprintf(stderr, "portalctl: no account %s\n", email);
		return 1;
	}
	if ((rc = db_begin(db)) != DB_OK)
		return fail(db, rc);
	if ((rc = db_exec(db, NULL, sql, "i", uid)) != DB_OK ||
	    (rc = session_end_user(db, uid)) != DB_OK ||
	    (rc = audit_event(db, 0, action, "user", uid, uid, "portalctl", "")) != DB_OK)
		return fail(db, rc);
	if ((rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("%s: %s\n", email, done);
	return 0;
}

static int
disable_user(struct db *db, const char *email)
{
	return account_change(db, email, "UPDATE users SET status = 'disabled', "
	    "version = version + 1 WHERE id = ?", "account.disable",
	    "disabled, every session ended");
}

static int
reset_totp(struct db *db, const char *email)
{
	return account_change(db, email, "UPDATE users SET totp_secret = NULL, "
	    "totp_enabled_at = NULL, totp_last_step = 0, version = version + 1 WHERE id = ?",
	    "totp.reset", "second factor reset; it is enrolled again at next login");
}

static int
list_roles(struct db *db, const char *email)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	rc = db_exec(db, &res, "SELECT u.email, r.role, COALESCE(a.number, '-'), "
	    "DATE_FORMAT(r.granted_at, '%Y-%m-%d %H:%i'), COALESCE(g.email, 'portalctl'), "
	    "COALESCE(DATE_FORMAT(r.revoked_at, '%Y-%m-%d %H:%i'), ''), COALESCE(v.email, '') "
	    "FROM role_assignments r JOIN users u ON u.id = r.user_id "
	    "LEFT JOIN authorisations a ON a.id = r.authorisation_id "
	    "LEFT JOIN users g ON g.id = r.granted_by LEFT JOIN users v ON v.id = r.revoked_by "
	    "WHERE ? = '' OR u.email = ? ORDER BY u.email, r.granted_at", "ss", email, email);
	if (rc != DB_OK)
		return fail(db, rc);
	printf("%-32s %-22s %-12s %-16s %-24s %s\n", "user", "role", "authorisation", "granted",
	    "granted by", "revoked");
	for (i = 0; i < res.nrows; i++)
		printf("%-32s %-22s %-12s %-16s %-24s %s%s%s\n", db_cell(&res, i, 0),
		    db_cell(&res, i, 1), db_cell(&res, i, 2), db_cell(&res, i, 3), db_cell(&res, i, 4),
		    db_cell(&res, i, 5), db_cell(&res, i, 6)[0] ? " by " : "", db_cell(&res, i, 6));
	db_result_free(&res);
	return 0;
}

int
accounts_command(struct db *db, const struct config *cfg, const char *cmd, int argc,
    char **argv)
{
	char email[255];

	(void)cfg;
	if (argc >= 1) {
		snprintf(email, sizeof(email), "%s", argv[0]);
		lower(email);
	} else
		email[0] = '\0';
	if (strcmp(cmd, "create-fse") == 0)
		return argc == 3 ? create_fse(db, argv[0], argv[1], argv[2]) : 2;
	if (strcmp(cmd, "create-user") == 0)
		return argc == 2 ? create_account(db, argv[0], argv[1], NULL) : 2;
	if (strcmp(cmd, "disable-user") == 0)
		return argc == 1 ? disable_user(db, email) : 2;
	if (strcmp(cmd, "reset-totp") == 0)
		return argc == 1 ? reset_totp(db, email) : 2;
	if (strcmp(cmd, "list-roles") == 0)
		return argc <= 1 ? list_roles(db, email) : 2;
	return -1;
}
