/*
 * Demo data for trying the thesis students' part (issue 13) on a local stack, each marked as
 * demo and made only when missing:
 * seed-demo-project NUMBER SUPERVISOR_EMAIL
 *   An approved broad project on the authorisation, proposed by the supervisor, with the next
 *   FSE project number, as if FSE had approved a proposal (R16): students are attached to one
 *   (R20). Left alone when the authorisation has an approved project.
 * seed-demo-agreement FSE_EMAIL
 *   A user agreement text (R15) plainly marked as a demo text, published by that FSE user, when
 *   none is published. FSE publishes the real one at /fse/brugeraftale.
 * seed-demo-export-rules FSE_EMAIL
 *   A checklist for results taken home (issue 14; R22), its first item saying it is a demo,
 *   published by that FSE user, when none is published. FSE publishes the real one at
 *   /fse/hjemtagelsesregler.
 */
#include "portalctl_demo.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "exportrules.h"
#include "numbering.h"

static int
fail(struct db *db, enum db_err rc)
{
	db_rollback(db);
	fprintf(stderr, "portalctl: %s: %s\n", db_strerror(rc), db_errmsg(db));
	return 1;
}

static long long
scalar(struct db *db, const char *sql, const char *arg)
{
	struct db_result res;
	long long v = -1;

	if (db_exec(db, &res, sql, "s", arg) != DB_OK)
		return -1;
	if (res.nrows)
		v = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return v;
}

static int
seed_project(struct db *db, const char *number, const char *supervisor)
{
	static const char title[] = "Arbejdsmarkedet og uddannelse (demo)";
	struct db_result res;
	long long auth, uid, sag;
	char projnum[48];
	enum db_err rc;

	if ((auth = scalar(db, "SELECT id FROM authorisations WHERE number = ?", number)) <= 0 ||
	    (uid = scalar(db, "SELECT id FROM users WHERE email = ?", supervisor)) <= 0) {
		fprintf(stderr, "portalctl: no authorisation %s or no user %s\n", number, supervisor);
		return 1;
	}
	if (scalar(db, "SELECT COUNT(*) FROM projects p JOIN cases c ON c.id = p.case_id JOIN "
	    "authorisations a ON a.id = p.authorisation_id WHERE a.number = ? AND c.state = "
	    "'approved'", number) > 0) {
		printf("%s has an approved broad project already: left as it is\n", number);
		return 0;
	}
	if ((rc = db_begin(db)) != DB_OK ||
	    (rc = db_exec(db, &res, "INSERT INTO cases (type, state, created_by, authorisation_id, "
	    "title, data, submitted_at, decided_at) VALUES ('project', 'approved', ?, ?, ?, ?, "
	    "NOW(6), NOW(6))", "iiss", uid, auth, title, "titel=Arbejdsmarkedet+og+uddannelse+"
	    "%28demo%29&emne=Demodata+til+at+pr%C3%B8ve+portalen")) != DB_OK)
		return fail(db, rc);
	sag = (long long)res.insert_id;
	db_result_free(&res);
	if ((rc = db_exec(db, NULL, "INSERT INTO case_events (case_id, actor_id, from_state, "
	    "to_state, reason) VALUES (?, NULL, 'submitted', 'approved', 'Demodata')", "i", sag)) !=
	    DB_OK || (rc = numbering_next(db, NUMBERING_PROJECT, time(NULL), projnum,
	    sizeof(projnum))) != DB_OK ||
	    (rc = db_exec(db, NULL, "INSERT INTO projects (case_id, authorisation_id, number, title) "
	    "VALUES (?, ?, ?, ?)", "iiss", sag, auth, projnum, title)) != DB_OK ||
	    (rc = audit_event(db, 0, "project.create", "case", sag, uid, "portalctl", "demo")) !=
	    DB_OK || (rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("%s: approved demo project %s\n", number, projnum);
	return 0;
}

static int
seed_agreement(struct db *db, const char *fse)
{
	static const char text[] = "DEMOTEKST - ikke den gældende brugeraftale.\n\n"
	    "Forskningsservice lægger den rigtige brugeraftale ind på portalen. Denne tekst er kun "
	    "med i den lokale demo, så man kan prøve at acceptere en brugeraftale.";
	long long uid;
	enum db_err rc;

	if ((uid = scalar(db, "SELECT id FROM users WHERE email = ?", fse)) <= 0) {
		fprintf(stderr, "portalctl: no user %s\n", fse);
		return 1;
	}
	if (scalar(db, "SELECT COUNT(*) FROM user_agreements a JOIN users u ON u.id = "
	    "a.published_by WHERE u.email = ? OR a.id > 0", fse) > 0) {
		printf("a user agreement is published already: left as it is\n");
		return 0;
	}
	if ((rc = db_begin(db)) != DB_OK ||
	    (rc = db_exec(db, NULL, "INSERT INTO user_agreements (text, published_by) VALUES (?, ?)",
	    "si", text, uid)) != DB_OK ||
	    (rc = audit_event(db, uid, "agreement.publish", "agreement", 0, 0, "portalctl",
	    "demo")) != DB_OK || (rc = db_commit(db)) != DB_OK)
		return fail(db, rc);
	printf("demo user agreement published\n");
	return 0;
}

static int
seed_export_rules(struct db *db, const char *fse)
{
	/* One item a line, as FSE writes it (lib/exportrules); parsed here as the page would. */
	static const char text[] = "DEMOTJEKLISTE - ikke Forskningsservices gældende regler\n"
	    "Filerne indeholder kun aggregerede resultater: tabeller, figurer og tal\n"
	    "Ingen celle i en tabel bygger på færre end 5 personer eller virksomheder\n"
	    "Ingen oplysninger kan føres tilbage til en enkeltperson eller en enkelt virksomhed\n"
	    "Der er ingen personnumre, CVR-numre, adresser eller andre identifikationer\n"
	    "Filerne er gennemgået og stemmer med den studerendes beskrivelse af indholdet\n";
	static struct exportrules r;
	struct buf joined;
	long long uid;
	enum db_err rc;

	if ((uid = scalar(db, "SELECT id FROM users WHERE email = ?", fse)) <= 0) {
		fprintf(stderr, "portalctl: no user %s\n", fse);
		return 1;
	}
	if (scalar(db, "SELECT COUNT(*) FROM export_rule_versions v JOIN users u ON u.id = "
	    "v.published_by WHERE u.email = ? OR v.id > 0", fse) > 0) {
		printf("a checklist for results taken home is published already: left as it is\n");
		return 0;
	}
	buf_init(&joined, 0);
	if (exportrules_parse(text, strlen(text), &r) != EXPORTRULES_OK ||
	    exportrules_join(&r, &joined) != 0) {
		buf_free(&joined);
		fprintf(stderr, "portalctl: the demo checklist does not parse\n");
		return 1;
	}
	if ((rc = db_begin(db)) != DB_OK ||
	    (rc = db_exec(db, NULL, "INSERT INTO export_rule_versions (text, published_by) VALUES "
	    "(?, ?)", "si", joined.data, uid)) != DB_OK ||
	    (rc = audit_event(db, uid, "export_rules.publish", "export_rules", 0, 0, "portalctl",
	    "demo")) != DB_OK || (rc = db_commit(db)) != DB_OK) {
		buf_free(&joined);
		return fail(db, rc);
	}
	buf_free(&joined);
	printf("demo checklist for results taken home published\n");
	return 0;
}

int
demo_command(struct db *db, const struct config *cfg, const char *cmd, int argc, char **argv)
{
	(void)cfg;
	if (strcmp(cmd, "seed-demo-project") == 0)
		return argc == 2 ? seed_project(db, argv[0], argv[1]) : 2;
	if (strcmp(cmd, "seed-demo-agreement") == 0)
		return argc == 1 ? seed_agreement(db, argv[0]) : 2;
	if (strcmp(cmd, "seed-demo-export-rules") == 0)
		return argc == 1 ? seed_export_rules(db, argv[0]) : 2;
	return -1;
}
