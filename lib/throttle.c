#include "throttle.h"

int
throttle_blocked(struct db *db, const char *account, const char *address)
{
	struct db_result res;
	int blocked;

	if (db_exec(db, &res, "SELECT COUNT(*) FROM login_throttle WHERE blocked_until > NOW(6) "
	    "AND ((scope = 'account' AND subject = ?) OR (scope = 'address' AND subject = ?))",
	    "ss", account, address ? address : "") != DB_OK)
		return -1;
	blocked = db_cell_int(&res, 0, 0, 0) > 0;
	db_result_free(&res);
	return blocked;
}

/* MariaDB evaluates the assignments left to right, each seeing the columns already updated. */
static const char fail_sql[] =
	"INSERT INTO login_throttle (scope, subject, failures, blocked_until) VALUES (?, ?, 1, NULL) "
	"ON DUPLICATE KEY UPDATE "
	" failures = IF(last_failure_at < NOW(6) - INTERVAL 1 HOUR, 1, failures + 1), "
	" last_failure_at = NOW(6), "
	" blocked_until = IF(failures > ?, NOW(6) + INTERVAL LEAST(POW(2, failures - ?), ?) SECOND, "
	"   NULL)";

enum db_err
throttle_fail(struct db *db, const struct config *cfg, const char *account, const char *address)
{
	long long free_tries = cfg->login_free_failures, max = cfg->login_max_delay;
	enum db_err rc;

	rc = db_exec(db, NULL, fail_sql, "ssiii", "account", account, free_tries, free_tries, max);
	/*
	 * One address may be a whole institution behind NAT: it gets ten times the free tries,
	 * which still stops one machine guessing across many accounts.
	 */
	if (rc == DB_OK && address && *address)
		rc = db_exec(db, NULL, fail_sql, "ssiii", "address", address, free_tries * 10,
		    free_tries * 10, max);
	return rc;
}

enum db_err
throttle_clear(struct db *db, const char *account)
{
	return db_exec(db, NULL, "DELETE FROM login_throttle WHERE scope = 'account' AND "
	    "subject = ?", "s", account);
}
