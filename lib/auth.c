#include "auth.h"

#include <string.h>

#include "log.h"

enum db_err
auth_roles(struct db *db, long long user_id, long long authorisation_id, unsigned *global,
    unsigned *object, unsigned *any)
{
	struct db_result res;
	enum db_err rc;
	size_t i;
	int r;

	*global = *object = *any = 0;
	if (user_id == 0)
		return DB_OK;
	/* A revoked role stops working on the next request: only unrevoked rows count (R34). */
	rc = db_exec(db, &res, "SELECT role, COALESCE(authorisation_id, 0) FROM role_assignments "
	    "WHERE user_id = ? AND revoked_at IS NULL", "i", user_id);
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		if ((r = role_parse(db_cell(&res, i, 0))) < 0)
			continue;
		*any |= ROLE_BIT(r);
		if (ROLE_BIT(r) & FSE_ROLES)
			*global |= ROLE_BIT(r);
		else if (authorisation_id && db_cell_int(&res, i, 1, 0) == authorisation_id)
			*object |= ROLE_BIT(r);
	}
	db_result_free(&res);
	return DB_OK;
}

static enum db_err
authorisation_exists(struct db *db, long long id, int *exists)
{
	struct db_result res;
	enum db_err rc;

	*exists = 0;
	if (id <= 0)
		return DB_OK;
	if ((rc = db_exec(db, &res, "SELECT COUNT(*) FROM authorisations WHERE id = ?", "i", id)) !=
	    DB_OK)
		return rc;
	*exists = db_cell_int(&res, 0, 0, 0) > 0;
	db_result_free(&res);
	return DB_OK;
}

int
auth_require(struct ctx *ctx, enum action action, long long authorisation_id)
{
	const struct policy_rule *rule = (unsigned)action < ACT__MAX ? &policy_rules[action] : NULL;
	unsigned global = 0, object = 0, any = 0;
	struct session *s;
	long long uid;
	int exists = 0;

	ctx->authorised = 1;
	if (rule == NULL || action == ACT_UNSET)
		return 403;
	if (rule->scope == SCOPE_PUBLIC)
		return 0;
	if ((s = ctx_session(ctx)) == NULL)
		return 503;
	uid = ctx_user(ctx);
	if (uid && (auth_roles(ctx->db, uid, authorisation_id, &global, &object, &any) != DB_OK ||
	    (rule->scope == SCOPE_AUTHORISATION &&
	    authorisation_exists(ctx->db, authorisation_id, &exists) != DB_OK)))
		return 503;
	switch (policy_decide(action, uid != 0, global, object, exists)) {
	case POLICY_ALLOW:
		break;
	case POLICY_LOGIN:
		/* Back to where they were going once logged in: a link from a mail works. */
		return ctx_redirect_login(ctx);
	case POLICY_HIDE:
		log_info("%s on authorisation %lld hidden from user %lld", rule->name,
		    authorisation_id, uid);
		return 404;
	case POLICY_DENY:
	default:
		log_warn("%s on authorisation %lld denied to user %lld", rule->name,
		    authorisation_id, uid);
		return 403;
	}
	/* Roles that grant access need the second factor before anything but the account page. */
	if ((any & TOTP_ROLES) && !s->has_totp && action != ACT_ACCOUNT)
		return ctx_redirect_totp(ctx);
	return 0;
}

int
auth_can(struct ctx *ctx, enum action action, long long authorisation_id)
{
	unsigned global = 0, object = 0, any = 0;
	long long uid = ctx_user(ctx);
	int exists = 1;

	if (uid && auth_roles(ctx->db, uid, authorisation_id, &global, &object, &any) != DB_OK)
		return 0;
	return policy_decide(action, uid != 0, global, object, exists) == POLICY_ALLOW;
}
