#include "migrate.h"

#include <sodium.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define MIGRATE_MAX_FILES	1000
#define MIGRATE_MAX_BYTES	(1024 * 1024)

static const char *const migrate_errs[MIGRATE__MAX] = {
	[MIGRATE_OK] = "no error",
	[MIGRATE_EDIR] = "cannot read the migrations directory",
	[MIGRATE_EREAD] = "cannot read a migration file",
	[MIGRATE_EDB] = "a migration statement failed",
	[MIGRATE_ECHANGED] = "an applied migration has been changed",
};

const char *
migrate_strerror(enum migrate_err e)
{
	return (unsigned)e < MIGRATE__MAX ? migrate_errs[e] : "unknown error";
}

/* NNN_name.sql with a lower-case name: anything else in the directory is not a migration. */
static int
is_migration(const char *n)
{
	size_t i, len = strlen(n);

	if (len < 9 || strcmp(n + len - 4, ".sql") != 0 || n[3] != '_')
		return 0;
	for (i = 0; i < 3; i++)
		if (n[i] < '0' || n[i] > '9')
			return 0;
	for (i = 4; i < len - 4; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') || n[i] == '_'))
			return 0;
	return 1;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
read_file(const char *path, struct buf *out)
{
	char chunk[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_append(out, chunk, n) == -1)
			break;
	fclose(f);
	return out->failed ? -1 : 0;
}

/*
 * Statements end with `;` at the end of a line; lines starting with `--` are comments. Each
 * statement runs as a prepared statement, like every other SQL in the portal.
 */
static enum migrate_err
run_statements(struct db *db, char *text, char *err, size_t errlen, const char *name)
{
	struct buf stmt;
	char *line, *save = NULL, *end;
	enum migrate_err rc = MIGRATE_OK;
	enum db_err drc;

	buf_init(&stmt, MIGRATE_MAX_BYTES);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *p = line;

		while (*p == ' ' || *p == '\t')
			p++;
		if (p[0] == '\0' || (p[0] == '-' && p[1] == '-'))
			continue;
		end = p + strlen(p);
		while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			end--;
		if (end > p && end[-1] == ';') {
			buf_append(&stmt, line, (size_t)(end - 1 - line));
			if ((drc = db_exec(db, NULL, stmt.data, "")) != DB_OK) {
				snprintf(err, errlen, "%s: %s: %s", name, db_strerror(drc),
				    db_errmsg(db));
				rc = MIGRATE_EDB;
				break;
			}
			buf_reset(&stmt);
		} else {
			buf_append(&stmt, line, strlen(line));
			buf_puts(&stmt, "\n");
		}
	}
	buf_free(&stmt);
	return rc;
}

static void
checksum(const char *text, size_t len, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)text, len);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

enum migrate_err
migrate_run(struct db *db, const char *dir, int dry_run, migrate_report report, char *err,
    size_t errlen)
{
	char *names[MIGRATE_MAX_FILES], path[1024], sum[65];
	enum migrate_err rc = MIGRATE_OK;
	struct db_result res;
	struct dirent *de;
	size_t n = 0, i;
	struct buf text;
	enum db_err drc;
	DIR *dp;

	err[0] = '\0';
	if (sodium_init() < 0)
		return MIGRATE_EREAD;
	if ((dp = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, migrate_errs[MIGRATE_EDIR]);
		return MIGRATE_EDIR;
	}
	while ((de = readdir(dp)) != NULL && n < MIGRATE_MAX_FILES)
		if (is_migration(de->d_name) && (names[n] = strdup(de->d_name)) != NULL)
			n++;
	closedir(dp);
	qsort(names, n, sizeof(names[0]), cmp_names);

	drc = db_exec(db, NULL,
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " name VARCHAR(200) NOT NULL,"
	    " checksum CHAR(64) NOT NULL,"
	    " applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", "");
	if (drc != DB_OK) {
		snprintf(err, errlen, "schema_migrations: %s: %s", db_strerror(drc), db_errmsg(db));
		rc = MIGRATE_EDB;
		goto out;
	}
	buf_init(&text, MIGRATE_MAX_BYTES);
	for (i = 0; i < n && rc == MIGRATE_OK; i++) {
		long long version = atoll(names[i]);

		buf_reset(&text);
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (read_file(path, &text) == -1) {
			snprintf(err, errlen, "%s: %s", path, migrate_errs[MIGRATE_EREAD]);
			rc = MIGRATE_EREAD;
			break;
		}
		checksum(text.data ? text.data : "", text.len, sum);
		drc = db_exec(db, &res, "SELECT checksum FROM schema_migrations WHERE version = ?",
		    "i", version);
		if (drc != DB_OK) {
			snprintf(err, errlen, "%s: %s", db_strerror(drc), db_errmsg(db));
			rc = MIGRATE_EDB;
			break;
		}
		if (res.nrows > 0) {
			if (strcmp(db_cell(&res, 0, 0), sum) != 0) {
				snprintf(err, errlen, "%s: %s", names[i], migrate_errs[MIGRATE_ECHANGED]);
				rc = MIGRATE_ECHANGED;
			} else if (report)
				report(names[i], "present");
			db_result_free(&res);
			continue;
		}
		db_result_free(&res);
		if (dry_run) {
			if (report)
				report(names[i], "pending");
			continue;
		}
		if (text.data && (rc = run_statements(db, text.data, err, errlen, names[i])) !=
		    MIGRATE_OK)
			break;
		drc = db_exec(db, NULL,
		    "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
		    "iss", version, names[i], sum);
		if (drc != DB_OK) {
			snprintf(err, errlen, "%s: %s: %s", names[i], db_strerror(drc), db_errmsg(db));
			rc = MIGRATE_EDB;
		} else if (report)
			report(names[i], "applied");
	}
	buf_free(&text);
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	return rc;
}
