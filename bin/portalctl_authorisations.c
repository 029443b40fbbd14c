/*
 * create-authorisation UNIVERSITY INSTITUTION NUMBER DOMAINS RESPONSIBLE_EMAIL
 *   An approved authorisation without going through an application: for demo data, tests and
 *   moving existing authorisations in. UNIVERSITY is a code from the universities table (ku,
 *   au, ...) or "anden" (R3); DOMAINS is a comma-separated list (R6); the responsible must have
 *   an account. Issue 5's FSE approval is the way authorisations come about in the portal.
 * grant-role EMAIL ROLE NUMBER
 *   Gives an existing active user an institution role (administrator, datamanager, signer,
 *   supervisor, responsible) on the authorisation with that number, with its audit event, in one
 *   transaction; an active role of the same kind is reported and left alone. For demo data and
 *   tests; people normally get roles by invitation (R34).
 * set-platform NUMBER forskermaskinen|hosted [SERVER]
 *   States the authorisation's analysis platform (R17) when it has none; one already stated is
 *   reported and left alone (the responsible changes it at /projekt/platform).
 */
#include "portalctl_authorisations.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"

static int
fail(struct db *db, enum db_err rc)
{
	db_rollback(db);
	fprintf(stderr, "portalctl: %s: %s\n", db_strerror(rc), db_errmsg(db));
	return 1;
}

static int
create_authorisation(struct db *db, const char *uni, const char *institution,
    const char *number, const char *domains, const char *responsible)
{
	char list[1024], *dom, *save = NULL, *p;
	struct db_result res;
	long long inst, auth, uid;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT id FROM users WHERE email = ? AND status = 'active'",
	    "s", responsible)) != DB_OK)
		return fail(db, rc);
	uid = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (uid == 0) {
		fprintf(stderr, "portalctl: %s has no active account\n", responsible);
		return 1;
	}
	if ((rc = db_begin(db)) != DB_OK)
		return fail(db, rc);
	if ((rc = db_exec(db, &res, "INSERT INTO institutions (university_id, name, kind) VALUES "
	    "((SELECT id FROM universities WHERE code = ?), ?, ?) ON DUPLICATE KEY UPDATE "
	    "id = LAST_INSERT_ID(id)", "sss", uni, institution,
	    strcmp(uni, "anden") == 0 ? "other" : "faculty")) != DB_OK)
		return fail(db, rc);
	inst = (long long)res.insert_id;
	db_result_free(&res);
	if ((rc = db_exec(db, &res, "INSERT INTO authorisations (institution_id, number) VALUES "
	    "(?, ?)", "is", inst, number)) != DB_OK) {
		if (rc == DB_EDUP)
			fprintf(stderr, "portalctl: authorisation %s exists already\n", number);
		return rc == DB_EDUP ? (db_rollback(db), 1) : fail(db, rc);
	}
	auth = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(list, sizeof(list), "%s", domains);
	for (dom = strtok_r(list, ",", &save); dom; dom = strtok_r(NULL, ",", &save)) {
		while (*dom == ' ')
			dom++;
		for (p = dom; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (*dom && (rc = db_exec(db, NULL, "INSERT INTO authorisation_domains "
		    "(authorisation_id, domain) VALUES (?, ?)", "is", auth, dom)) != DB_OK)
			return fail(db, rc);
	}
	if ((rc = db_exec(db, NULL, "INSERT INTO role_assignments (user_id, role, authorisation_id, "
	    "grant_reason) VALUES (?, 'responsible', ?, 'portalctl create-authorisation')", "ii",
	    uid, auth)) != DB_OK ||
	    (rc = audit_event(db, 0, "authorisation.create", "authorisation", auth, uid,
	    "portalctl", number)) != DB_OK ||
	    (rc = audit_event(db, 0, "role.grant", "authorisation", auth, uid, "portalctl",
	    "responsible")) != DB_OK)
		return fail(db, rc);
	if ((rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("authorisation %s (id %lld) for %s, responsible %s\n", number, auth, institution,
	    responsible);
	return 0;
}

static const char *const grantable[] = { "administrator", "datamanager", "signer",
	"supervisor", "responsible", NULL };

/* The id of the authorisation numbered number, 0 when there is none; -1 on a database error. */
static long long
authorisation_id(struct db *db, const char *number)
{
	struct db_result res;
	long long id;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT id FROM authorisations WHERE number = ?", "s",
	    number)) != DB_OK) {
		fprintf(stderr, "portalctl: %s: %s\n", db_strerror(rc), db_errmsg(db));
		return -1;
	}
	id = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (id == 0)
		fprintf(stderr, "portalctl: there is no authorisation %s\n", number);
	return id;
}

static int
grant_role(struct db *db, const char *email_in, const char *role, const char *number)
{
	char email[255], *p;
	struct db_result res;
	long long uid, auth;
	enum db_err rc;
	size_t i;
	int ok = 0;

	for (i = 0; grantable[i]; i++)
		ok |= strcmp(role, grantable[i]) == 0;
	if (!ok) {
		fprintf(stderr, "portalctl: role must be administrator, datamanager, signer, "
		    "supervisor or responsible\n");
		return 2;
	}
	snprintf(email, sizeof(email), "%s", email_in);
	for (p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if ((rc = db_exec(db, &res, "SELECT id FROM users WHERE email = ? AND status = 'active'",
	    "s", email)) != DB_OK)
		return fail(db, rc);
	uid = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	if (uid == 0) {
		fprintf(stderr, "portalctl: %s has no active account\n", email);
		return 1;
	}
	if ((auth = authorisation_id(db, number)) <= 0)
		return 1;
	if ((rc = db_begin(db)) != DB_OK)
		return fail(db, rc);
	/* One active assignment of a role (R34): carried by the unique key
	 * role_assignments_active (migration 013), which holds on a Galera cluster too, where a
	 * lock and a count would not; a duplicate is the role held already. */
	rc = db_exec(db, NULL, "INSERT INTO role_assignments (user_id, role, authorisation_id, "
	    "grant_reason) VALUES (?, ?, ?, 'portalctl grant-role')", "isi", uid, role, auth);
	if (rc == DB_EDUP) {
		db_rollback(db);
		printf("%s has the role %s on %s already\n", email, role, number);
		return 0;
	}
	if (rc != DB_OK ||
	    (rc = audit_event(db, 0, "role.grant", "authorisation", auth, uid, "portalctl",
	    "portalctl")) != DB_OK ||
	    (rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("granted %s the role %s on %s\n", email, role, number);
	return 0;
}

static int
set_platform(struct db *db, const char *number, const char *platform, const char *server)
{
	char detail[256];
	struct db_result res;
	long long auth;
	enum db_err rc;
	int hosted;

	if (strcmp(platform, "forskermaskinen") != 0 && strcmp(platform, "hosted") != 0) {
		fprintf(stderr, "portalctl: the platform is forskermaskinen or hosted\n");
		return 2;
	}
	hosted = strcmp(platform, "hosted") == 0;
	if (hosted != (server != NULL && *server != '\0')) {
		fprintf(stderr, "portalctl: a hosted server needs its name, and only it\n");
		return 2;
	}
	if (server && strlen(server) > 200) {
		fprintf(stderr, "portalctl: the server name is at most 200 characters\n");
		return 1;
	}
	if ((auth = authorisation_id(db, number)) <= 0)
		return 1;
	if ((rc = db_begin(db)) != DB_OK ||
	    (rc = db_exec(db, &res, "UPDATE authorisations SET platform = ?, platform_server = ?, "
	    "platform_set_by = NULL, platform_set_at = NOW(6) WHERE id = ? AND platform IS NULL",
	    "ssi", platform, hosted ? server : "", auth)) != DB_OK)
		return fail(db, rc);
	if (res.affected == 0) {
		db_result_free(&res);
		db_rollback(db);
		printf("%s has an analysis platform already: left as it is\n", number);
		return 0;
	}
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s%s", hosted ? "hosted: " : "forskermaskinen",
	    hosted ? server : "");
	if ((rc = audit_event(db, 0, "authorisation.platform", "authorisation", auth, 0,
	    "portalctl", detail)) != DB_OK ||
	    (rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("%s: analysis platform %s%s%s\n", number, platform, hosted ? " " : "",
	    hosted ? server : "");
	return 0;
}

int
authorisations_command(struct db *db, const struct config *cfg, const char *cmd, int argc,
    char **argv)
{
	(void)cfg;
	if (strcmp(cmd, "create-authorisation") == 0)
		return argc == 5 ? create_authorisation(db, argv[0], argv[1], argv[2], argv[3],
		    argv[4]) : 2;
	if (strcmp(cmd, "grant-role") == 0)
		return argc == 3 ? grant_role(db, argv[0], argv[1], argv[2]) : 2;
	if (strcmp(cmd, "set-platform") == 0)
		return argc == 2 || argc == 3 ? set_platform(db, argv[0], argv[1],
		    argc == 3 ? argv[2] : NULL) : 2;
	return -1;
}
