#include "invite.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "session.h"

enum db_err
invite_domain_ok(struct db *db, long long id, const char *email, int *ok)
{
	const char *at = strrchr(email, '@'), *dom;
	struct db_result res;
	enum db_err rc;
	size_t i, dl, el;

	*ok = 0;
	if (at == NULL)
		return DB_OK;
	if ((rc = db_exec(db, &res, "SELECT domain FROM authorisation_domains WHERE "
	    "authorisation_id = ?", "i", id)) != DB_OK)
		return rc;
	el = strlen(at + 1);
	for (i = 0; i < res.nrows && !*ok; i++) {
		dom = db_cell(&res, i, 0);
		dl = strlen(dom);
		if (strcasecmp(at + 1, dom) == 0 ||
		    (el > dl && at[1 + el - dl - 1] == '.' && strcasecmp(at + 1 + el - dl, dom) == 0))
			*ok = 1;
	}
	db_result_free(&res);
	return DB_OK;
}

enum db_err
invite_create(struct db *db, const struct config *cfg, const struct invite *in, long long *id)
{
	char token[SESSION_TOKEN_CHARS + 1], detail[800];
	const char *why = in->override_reason ? in->override_reason : "";
	unsigned char hash[32];
	struct tmpl_dict *md = in->md, *own = NULL;
	struct db_result res;
	long long inv_id;
	enum mail_err mrc;
	enum db_err rc;

	session_new_token(token, hash);
	if ((rc = db_exec(db, &res, "INSERT INTO invitations (token_hash, authorisation_id, "
	    "email, role, invited_by, override_reason, expires_at) VALUES (?, ?, ?, ?, ?, ?, "
	    "NOW(6) + INTERVAL ? DAY)", "bissisi", hash, sizeof(hash), in->authorisation_id,
	    in->email, in->role, in->invited_by, why, (long long)INVITE_DAYS)) != DB_OK)
		return rc;
	inv_id = (long long)res.insert_id;
	db_result_free(&res);
	if (id)
		*id = inv_id;
	if ((rc = db_exec(db, &res, "SELECT i.name, COALESCE(a.number, '') FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    in->authorisation_id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_EEXEC;
	}
	if (md == NULL && (md = own = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "INVITER", in->inviter ? in->inviter : "");
	tmpl_set(md, "INSTITUTION", db_cell(&res, 0, 0));
	tmpl_set(md, "NUMBER", db_cell(&res, 0, 1));
	tmpl_set(md, "ROLE", role_label(in->role));
	tmpl_setf(md, "LINK", "%s/autorisation/invitation?token=%s", cfg->base_url, token);
	tmpl_set_int(md, "INVITE_DAYS", INVITE_DAYS);
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s:%s%s%s", in->role, in->email, why[0] ?
	    " override: " : "", why);
	if ((mrc = mail_enqueue_template(db, cfg, in->email, in->name, in->subject, in->mail, md,
	    in->mail, NULL)) != MAIL_OK) {
		log_error("mail %s: %s", in->mail, mail_strerror(mrc));
		rc = DB_EEXEC;
	} else
		rc = audit_event(db, in->invited_by, why[0] ? "invitation.create_override" :
		    "invitation.create", "invitation", inv_id, 0, in->remote_addr, detail);
	if (own)
		tmpl_dict_free(own);
	return rc;
}
