#include "caps.h"

#include <stdio.h>

#include "audit.h"
#include "log.h"

static const char *const caps_errs[CAPS__MAX] = {
	[CAPS_OK] = "ok",
	[CAPS_EOVER] = "past the cap",
	[CAPS_EDB] = "database error",
};

/* Per kind: its name, the cases.type counted (drafts) or NULL (an address's form). */
static const struct {
	const char	*name;
	const char	*case_type;
} kinds[CAPS_KIND__MAX] = {
	[CAPS_DRAFT_APPLICATION] = { "draft.application", "authorisation" },
	[CAPS_DRAFT_PROPOSAL] = { "draft.proposal", "project" },
	[CAPS_DRAFT_STUDENT] = { "draft.student", "student" },
	[CAPS_ADDR_REGISTER] = { "address.register", NULL },
	[CAPS_ADDR_FORGOT] = { "address.forgot", NULL },
};

const char *
caps_strerror(enum caps_err e)
{
	return (unsigned)e < CAPS__MAX ? caps_errs[e] : "unknown error";
}

const char *
caps_name(enum caps_kind k)
{
	return (unsigned)k < CAPS_KIND__MAX ? kinds[k].name : "unknown";
}

unsigned
caps_limit(const struct config *cfg, enum caps_kind k)
{
	switch (k) {
	case CAPS_DRAFT_APPLICATION:
		return cfg->cap_application_drafts;
	case CAPS_DRAFT_PROPOSAL:
		return cfg->cap_proposal_drafts;
	case CAPS_DRAFT_STUDENT:
		return cfg->cap_student_drafts;
	case CAPS_ADDR_REGISTER:
		return cfg->cap_address_registrations;
	case CAPS_ADDR_FORGOT:
		return cfg->cap_address_resets;
	case CAPS_KIND__MAX:
		break;
	}
	return 0;
}

int
caps_within(unsigned long long used, unsigned long long adding, unsigned long long limit)
{
	if (limit == 0)
		return 1;
	return used <= limit && adding <= limit - used;
}

void
caps_message(enum caps_kind k, unsigned limit, char *out, size_t outlen)
{
	const char *what = NULL;

	switch (k) {
	case CAPS_DRAFT_APPLICATION:
		what = "ansøgninger";
		break;
	case CAPS_DRAFT_PROPOSAL:
		what = "projektindstillinger";
		break;
	case CAPS_DRAFT_STUDENT:
		what = "studerende";
		break;
	case CAPS_ADDR_REGISTER:
	case CAPS_ADDR_FORGOT:
	case CAPS_KIND__MAX:
		break;
	}
	if (what) {
		snprintf(out, outlen, "Du har %u kladder til %s, og det er det højeste antal. Gør en "
		    "kladde færdig, eller slet en, før du opretter en ny.", limit, what);
		return;
	}
	/* One address may be a whole institution: the text does not blame the reader. */
	snprintf(out, outlen, "Der er sendt mange forespørgsler fra din netværksadresse inden for "
	    "den seneste time. Prøv igen om en time. Haster det, så skriv til Forskningsservice.");
}

enum caps_err
caps_drafts(struct db *db, const struct config *cfg, long long user, enum caps_kind k)
{
	unsigned limit = caps_limit(cfg, k);
	struct db_result res;
	long long open;

	if ((unsigned)k >= CAPS_KIND__MAX || kinds[k].case_type == NULL)
		return CAPS_EDB;
	if (limit == 0)
		return CAPS_OK;
	/* The gate: written, so two creations of one person collide (see caps.h). */
	if (db_exec(db, NULL, "INSERT INTO user_caps (user_id, kind, uses) VALUES (?, ?, 1) "
	    "ON DUPLICATE KEY UPDATE uses = uses + 1, used_at = NOW(6)", "is", user,
	    kinds[k].name) != DB_OK)
		return CAPS_EDB;
	/* A locking read sees what committed before the gate was ours, not the snapshot the
	 * transaction may have begun with (REPEATABLE READ). */
	if (db_exec(db, &res, "SELECT COUNT(*) FROM cases WHERE created_by = ? AND type = ? AND "
	    "state = 'draft' LOCK IN SHARE MODE", "is", user, kinds[k].case_type) != DB_OK)
		return CAPS_EDB;
	open = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return caps_within((unsigned long long)open, 1, limit) ? CAPS_OK : CAPS_EOVER;
}

/* A new hour starts the count at 1; MariaDB assigns left to right, so window_start is tested
 * before it moves (as throttle.c's failures). */
static const char address_sql[] =
	"INSERT INTO address_caps (form, address, uses, window_start) VALUES (?, ?, 1, NOW(6)) "
	"ON DUPLICATE KEY UPDATE "
	" uses = IF(window_start < NOW(6) - INTERVAL 1 HOUR, 1, uses + 1), "
	" window_start = IF(uses = 1, NOW(6), window_start)";

enum caps_err
caps_address(struct db *db, const struct config *cfg, enum caps_kind k, const char *address)
{
	unsigned limit = caps_limit(cfg, k);
	const char *a = address ? address : "";
	struct db_result res;
	long long uses;

	if ((unsigned)k >= CAPS_KIND__MAX || kinds[k].case_type != NULL)
		return CAPS_EDB;
	if (limit == 0)
		return CAPS_OK;
	if (db_exec(db, NULL, address_sql, "ss", kinds[k].name, a) != DB_OK ||
	    db_exec(db, &res, "SELECT uses FROM address_caps WHERE form = ? AND address = ?", "ss",
	    kinds[k].name, a) != DB_OK)
		return CAPS_EDB;
	uses = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	/* uses counts this one: within when the ones before it left room for it. */
	return uses >= 1 && caps_within((unsigned long long)uses - 1, 1, limit) ? CAPS_OK :
	    CAPS_EOVER;
}

enum db_err
caps_refused(struct db *db, long long user, enum caps_kind k, const char *address)
{
	enum db_err rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = audit_event(db, user, "cap.refused", "user", user, user,
	    address ? address : "", caps_name(k))) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
gate_answer(struct ctx *ctx, enum caps_kind k, enum caps_err rc, long long user, char *msg,
    size_t msglen)
{
	if (rc == CAPS_OK)
		return 0;
	if (rc != CAPS_EOVER)
		return ctx_tx_error(ctx, DB_EEXEC);
	db_rollback(ctx->db);
	/* The refusal stands without its audit row when the database fails now: logged. */
	if (caps_refused(ctx->db, user, k, ctx->req->remote_addr) != DB_OK)
		log_error("cap.refused %s for user %lld not audited: %s", caps_name(k), user,
		    db_errmsg(ctx->db));
	caps_message(k, caps_limit(ctx->cfg, k), msg, msglen);
	return 429;
}

int
caps_gate_drafts(struct ctx *ctx, enum caps_kind k, char *msg, size_t msglen)
{
	long long user = ctx_user(ctx);

	return gate_answer(ctx, k, caps_drafts(ctx->db, ctx->cfg, user, k), user, msg, msglen);
}

int
caps_gate_address(struct ctx *ctx, enum caps_kind k, char *msg, size_t msglen)
{
	return gate_answer(ctx, k, caps_address(ctx->db, ctx->cfg, k, ctx->req->remote_addr),
	    ctx_user(ctx), msg, msglen);
}
