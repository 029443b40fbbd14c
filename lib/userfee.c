#include "userfee.h"

#include <stdio.h>

#include "audit.h"
#include "fees.h"
#include "log.h"

static const struct {
	const char	*kind, *audit;
} kinds[] = {
	[USER_FEE_STUDENT] = { "student_user", "student.fee" },
	[USER_FEE_DATAMANAGER] = { "datamanager_user", "datamanager.fee" },
};

enum db_err
user_fee_charge(struct db *db, enum user_fee_kind kind, long long case_id, long long auth,
    long long actor, const char *remote_addr)
{
	char today[FEES_DATE_LEN], detail[64];
	long long ore, rate_id;
	enum fees_err fe;
	enum db_err rc;

	if ((unsigned)kind >= sizeof(kinds) / sizeof(kinds[0]))
		return DB_EARGS;
	fees_today(today);
	if ((fe = fees_rate_on(db, FEES_STUDENT_USER, today, &ore, &rate_id)) == FEES_ENONE) {
		/* Without a rate there is nothing to charge; FSE sees it in the log. */
		log_warn("case %lld: no student-user rate on %s, no user fee charged", case_id,
		    today);
		return DB_OK;
	}
	if (fe != FEES_OK)
		return fe == FEES_ERETRY ? DB_ERETRY : DB_EEXEC;
	rc = db_exec(db, NULL, "INSERT INTO case_fees (case_id, authorisation_id, kind, rate_id, "
	    "amount_ore, incurred_on) VALUES (?, ?, ?, ?, ?, ?)", "iisiis", case_id, auth,
	    kinds[kind].kind, rate_id, ore, today);
	if (rc == DB_EDUP)
		return DB_OK;	/* charged already: once per case (the unique key) */
	if (rc != DB_OK)
		return rc;
	snprintf(detail, sizeof(detail), "%lld øre", ore);
	return audit_event(db, actor, kinds[kind].audit, "case", case_id, 0, remote_addr, detail);
}
