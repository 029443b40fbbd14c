#include "submitkey.h"

#include <stdio.h>
#include <string.h>

#include "kv.h"
#include "log.h"
#include "session.h"

static const char *
sent_key(const struct ctx *ctx)
{
	return kvlist_value(&ctx->req->form, SUBMITKEY_FIELD);
}

void
submitkey_put(const struct ctx *ctx, struct tmpl_dict *d)
{
	char key[SESSION_TOKEN_CHARS + 1];
	const char *sent = sent_key(ctx);
	unsigned char hash[32];

	if (sent && session_hash_token(sent, hash) == 0) {
		tmpl_set(d, "SUBMIT_KEY", sent);
		return;
	}
	session_new_token(key, hash);
	tmpl_set(d, "SUBMIT_KEY", key);
}

/*
 * The key was claimed before: by a transaction that committed (on one server our INSERT waited
 * for it; on a cluster we lost at COMMIT, ran again and met its row). A locking read, since a
 * plain one would see our transaction's snapshot, which may be older than that row.
 */
static int
earlier_result(struct ctx *ctx, const unsigned char hash[32], const char *form)
{
	char result[SUBMITKEY_RESULT_MAX + 1];
	struct db_result res;
	enum db_err rc;
	int mine;

	if ((rc = db_exec(ctx->db, &res, "SELECT user_id, form, result FROM submission_keys "
	    "WHERE key_hash = ? LOCK IN SHARE MODE", "b", hash, (size_t)32)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.nrows == 0 || db_cell(&res, 0, 2) == NULL || db_cell(&res, 0, 2)[0] != '/') {
		/* Gone again, or no result yet: cannot be once committed; run the request again. */
		db_result_free(&res);
		return ctx_tx_error(ctx, DB_ERETRY);
	}
	mine = db_cell_int(&res, 0, 0, 0) == ctx_user(ctx) &&
	    strcmp(db_cell(&res, 0, 1), form) == 0;
	snprintf(result, sizeof(result), "%s", db_cell(&res, 0, 2));
	db_result_free(&res);
	db_rollback(ctx->db);
	if (!mine) {
		log_warn("submission key of another user or form sent to %s", form);
		return 400;
	}
	log_info("%s sent again with the same key: answered with the first result", form);
	return ctx_redirect(ctx, result);
}

int
submitkey_claim(struct ctx *ctx, const char *form)
{
	unsigned char hash[32];
	enum db_err rc;

	if (session_hash_token(sent_key(ctx), hash) == -1) {
		db_rollback(ctx->db);
		log_warn("%s sent without a well-formed submission key", form);
		return 400;
	}
	rc = db_exec(ctx->db, NULL, "INSERT INTO submission_keys (key_hash, user_id, form) "
	    "VALUES (?, ?, ?)", "bis", hash, sizeof(hash), ctx_user(ctx), form);
	if (rc == DB_OK)
		return 0;
	if (rc == DB_EDUP)
		return earlier_result(ctx, hash, form);
	return ctx_tx_error(ctx, rc);
}

enum db_err
submitkey_done(struct ctx *ctx, const char *path)
{
	unsigned char hash[32];

	if (path == NULL || path[0] != '/' || strlen(path) > SUBMITKEY_RESULT_MAX ||
	    session_hash_token(sent_key(ctx), hash) == -1)
		return DB_EARGS;
	return db_exec(ctx->db, NULL, "UPDATE submission_keys SET result = ? WHERE key_hash = ?",
	    "sb", path, hash, sizeof(hash));
}
