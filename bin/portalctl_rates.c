/*
 * seed-demo-rates
 *   Puts a proposal rate (R23) and a student user rate (R24) into the dated rate table, each
 *   only when the table has no rate of that kind at all, so running it again changes nothing
 *   (scripts/up runs it on every start). The amounts come from the settings
 *   demo_fee_proposal_dkk and demo_fee_student_user_dkk; they are DEMO VALUES, not real fees:
 *   the rows are marked is_demo and noted FEES_DEMO_NOTE, and the FSE page says so. They are
 *   valid from today (Danish date) until further notice. Real rates are set by FSE staff on
 *   /fse/takster (R29: never a price in code).
 * list-rates
 *   Every rate, by kind and period.
 */
#include "portalctl_rates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fees.h"

static int
seed_one(struct db *db, enum fees_kind kind, unsigned dkk, const char *today)
{
	struct fees_new n = { kind, (long long)dkk * 100, today, NULL, FEES_DEMO_NOTE, 1 };
	char amount[FEES_AMOUNT_LEN];
	struct fees_list l;
	enum fees_err frc;
	long long id = 0;
	size_t have;

	if (db_begin(db) != DB_OK)
		goto fail_db;
	/* Any rate of the kind, demo or real, past or future, means FSE has been here. */
	if ((frc = fees_list(db, (int)kind, &l)) != FEES_OK)
		goto fail;
	have = l.nrows;
	fees_list_free(&l);
	if (have) {
		db_rollback(db);
		printf("%-14s has %zu rate%s already: not seeded\n", fees_kind_name(kind), have,
		    have == 1 ? "" : "s");
		return 0;
	}
	frc = fees_add(db, &n, 0, "portalctl", &id, NULL);
	if (frc == FEES_EOVERLAP) {
		/* Another seeder was first (same kind, same day): that is the wanted state. */
		db_rollback(db);
		printf("%-14s seeded by someone else just now\n", fees_kind_name(kind));
		return 0;
	}
	if (frc != FEES_OK)
		goto fail;
	if (db_commit(db) != DB_OK)
		goto fail_db;
	fees_format_dkk(n.ore, amount, sizeof(amount));
	printf("%-14s %s from %s (rate %lld, DEMO VALUE)\n", fees_kind_name(kind), amount, today,
	    id);
	return 0;
fail:
	db_rollback(db);
	fprintf(stderr, "portalctl: seed-demo-rates: %s: %s\n", fees_strerror(frc),
	    db_errmsg(db));
	return 1;
fail_db:
	db_rollback(db);
	fprintf(stderr, "portalctl: seed-demo-rates: %s\n", db_errmsg(db));
	return 1;
}

static int
seed_demo_rates(struct db *db, const struct config *cfg)
{
	char today[FEES_DATE_LEN];

	/* "Today" is the Danish day, as on the FSE pages. */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	fees_today(today);
	if (seed_one(db, FEES_PROPOSAL, cfg->demo_fee_proposal_dkk, today) != 0 ||
	    seed_one(db, FEES_STUDENT_USER, cfg->demo_fee_student_user_dkk, today) != 0)
		return 1;
	return 0;
}

static int
list_rates(struct db *db)
{
	char amount[FEES_AMOUNT_LEN];
	struct fees_list l;
	enum fees_err frc;
	size_t i;

	if ((frc = fees_list(db, -1, &l)) != FEES_OK) {
		fprintf(stderr, "portalctl: list-rates: %s: %s\n", fees_strerror(frc),
		    db_errmsg(db));
		return 1;
	}
	for (i = 0; i < l.nrows; i++) {
		fees_format_dkk(l.rows[i].ore, amount, sizeof(amount));
		printf("%-6lld %-14s %18s  %s .. %-10s%s%s%s\n", l.rows[i].id,
		    fees_kind_name(l.rows[i].kind), amount, l.rows[i].valid_from,
		    l.rows[i].valid_to[0] ? l.rows[i].valid_to : "", l.rows[i].is_demo ?
		    "  DEMO" : "", l.rows[i].note[0] ? "  " : "", l.rows[i].note);
	}
	fees_list_free(&l);
	return 0;
}

int
rates_command(struct db *db, const struct config *cfg, const char *cmd, int argc, char **argv)
{
	(void)argv;
	if (strcmp(cmd, "seed-demo-rates") == 0)
		return argc == 0 ? seed_demo_rates(db, cfg) : 2;
	if (strcmp(cmd, "list-rates") == 0)
		return argc == 0 ? list_rates(db) : 2;
	return -1;
}
