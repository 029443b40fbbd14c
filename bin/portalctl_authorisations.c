/*
 * create-authorisation UNIVERSITY INSTITUTION NUMBER DOMAINS RESPONSIBLE_EMAIL
 *   An approved authorisation without going through an application: for demo data, tests and
 *   moving existing authorisations in. UNIVERSITY is a code from the universities table (ku,
 *   au, ...) or "anden" (R3); DOMAINS is a comma-separated list (R6); the responsible must have
 *   an account. Issue 5's FSE approval is the way authorisations come about in the portal.
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

int
authorisations_command(struct db *db, const struct config *cfg, const char *cmd, int argc,
    char **argv)
{
	(void)cfg;
	if (strcmp(cmd, "create-authorisation") == 0)
		return argc == 5 ? create_authorisation(db, argv[0], argv[1], argv[2], argv[3],
		    argv[4]) : 2;
	return -1;
}
