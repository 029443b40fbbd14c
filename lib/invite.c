#include "invite.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "session.h"

int
invite_domain_matches(const char *email, const char *domain)
{
	const char *at = email ? strrchr(email, '@') : NULL;
	size_t dl, el;

	if (at == NULL || domain == NULL || domain[0] == '\0')
		return 0;
	el = strlen(at + 1);
	dl = strlen(domain);
	if (strcasecmp(at + 1, domain) == 0)
		return 1;
	/* A subdomain: the domain after a dot, never a name that merely ends the same way
	 * (xecon.ku.dk is not econ.ku.dk's, evilku.dk is not ku.dk's). */
	return el > dl + 1 && at[el - dl] == '.' && strcasecmp(at + 1 + el - dl, domain) == 0;
}

enum db_err
invite_domain_ok(struct db *db, long long id, const char *email, int *ok)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	*ok = 0;
	if (email == NULL || strrchr(email, '@') == NULL)
		return DB_OK;
	if ((rc = db_exec(db, &res, "SELECT domain FROM authorisation_domains WHERE "
	    "authorisation_id = ?", "i", id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows && !*ok; i++)
		*ok = invite_domain_matches(email, db_cell(&res, i, 0));
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
	{	/* what the role may do, in the policy table's plain words (issue 11) */
		char can[1024];
		int r = role_parse(in->role);

		if (r >= 0 && policy_role_can((enum role)r, can, sizeof(can)))
			tmpl_set(tmpl_add_row(md, "CAN"), "WHAT", can);
	}
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

/* The interim holders' condition, shared by invite_interim and hand_over (R4.2). */
#define INTERIM_WHERE	"r.authorisation_id = ? AND r.role = 'responsible' AND " \
	"r.revoked_at IS NULL AND r.user_id <> ? AND r.user_id IN (SELECT c.created_by FROM " \
	"cases c WHERE c.authorisation_id = ? AND c.type = 'authorisation')"

enum db_err
invite_interim(struct db *db, long long auth, long long except, int *found, char *name,
    size_t namelen)
{
	struct db_result res;
	enum db_err rc;

	*found = 0;
	if (name && namelen)
		name[0] = '\0';
	if ((rc = db_exec(db, &res, "SELECT u.name FROM role_assignments r JOIN users u ON "
	    "u.id = r.user_id WHERE " INTERIM_WHERE " ORDER BY r.id LIMIT 1", "iii", auth, except,
	    auth)) != DB_OK)
		return rc;
	if (res.nrows) {
		*found = 1;
		if (name && namelen)
			snprintf(name, namelen, "%s", db_cell(&res, 0, 0) ? db_cell(&res, 0, 0) : "");
	}
	db_result_free(&res);
	return DB_OK;
}

/* The mail to the applicant whose interim role just ended (R32): who holds it now, and that
 * their own cases stay theirs to see (Mine sager lists what they created, role or not). */
static enum db_err
handover_mail(struct db *db, const struct config *cfg, long long auth, long long uid,
    const char *to, const char *to_name)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc;
	enum db_err rc;

	if ((rc = db_exec(db, &res, "SELECT u.name, u.email, i.name, COALESCE(a.number, '') FROM "
	    "users u, authorisations a JOIN institutions i ON i.id = a.institution_id WHERE "
	    "u.id = ? AND a.id = ?", "ii", uid, auth)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_EEXEC;
	}
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "NAME", to_name);
	tmpl_set(md, "NEW_NAME", db_cell(&res, 0, 0));
	tmpl_set(md, "NEW_EMAIL", db_cell(&res, 0, 1));
	tmpl_set(md, "INSTITUTION", db_cell(&res, 0, 2));
	tmpl_set(md, "NUMBER", db_cell(&res, 0, 3));
	tmpl_setf(md, "LINK", "%s/ansoegning", cfg->base_url);
	tmpl_set(md, "FSE_MAILBOX", cfg->fse_mailbox);
	db_result_free(&res);
	if ((mrc = mail_enqueue_template(db, cfg, to, to_name, "Din rolle som "
	    "autorisationsansvarlig er overtaget af den personaleansvarlige leder",
	    "responsible_handover", md, "responsible_handover", NULL)) != MAIL_OK) {
		log_error("mail responsible_handover: %s", mail_strerror(mrc));
		rc = mrc == MAIL_EDB ? mail_last_db_error() : DB_EEXEC;
	}
	tmpl_dict_free(md);
	return rc;
}

/*
 * R4.2: uid takes over the responsible role that FSE's approval gave the applicant in the
 * meantime. Each interim role is revoked with the reason, audited (R34) and its holder told by
 * mail (R32). Only the applicant's role goes: a responsible FSE has appointed since stays.
 */
static enum db_err
hand_over(struct db *db, const struct config *cfg, long long auth, long long uid,
    const char *remote_addr)
{
	char detail[128];
	struct db_result res;
	enum db_err rc = DB_OK;
	size_t i;

	/* Each row locked here is written (revoked) below, so a cluster sees two hand-overs of
	 * one role collide on the assignment's row. */
	if ((rc = db_exec(db, &res, "SELECT r.id, r.user_id, u.email, u.name FROM role_assignments "
	    "r JOIN users u ON u.id = r.user_id WHERE " INTERIM_WHERE " FOR UPDATE", "iii", auth,
	    uid, auth)) != DB_OK)
		return rc;
	snprintf(detail, sizeof(detail), "responsible: %s", INVITE_HANDOVER_REASON);
	for (i = 0; i < res.nrows && rc == DB_OK; i++) {
		if ((rc = db_exec(db, NULL, "UPDATE role_assignments SET revoked_at = NOW(6), "
		    "revoked_by = ?, revoke_reason = ? WHERE id = ?", "isi", uid,
		    INVITE_HANDOVER_REASON, db_cell_int(&res, i, 0, 0))) == DB_OK &&
		    (rc = audit_event(db, uid, "role.revoke", "authorisation", auth,
		    db_cell_int(&res, i, 1, 0), remote_addr, detail)) == DB_OK)
			rc = handover_mail(db, cfg, auth, uid, db_cell(&res, i, 2),
			    db_cell(&res, i, 3));
	}
	db_result_free(&res);
	return rc;
}

enum db_err
invite_accept(struct db *db, const struct config *cfg, long long id, long long uid,
    const char *remote_addr)
{
	char detail[300], role[32];
	struct db_result res;
	long long auth;
	enum db_err rc;
	int granted;

	if ((rc = db_exec(db, &res, "SELECT role, authorisation_id FROM invitations WHERE id = ?",
	    "i", id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_EEXEC;
	}
	snprintf(role, sizeof(role), "%s", db_cell(&res, 0, 0));
	auth = db_cell_int(&res, 0, 1, 0);
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s via invitation %lld", role, id);
	if ((rc = db_exec(db, NULL, "UPDATE invitations SET accepted_at = NOW(6), accepted_by = ? "
	    "WHERE id = ?", "ii", uid, id)) != DB_OK)
		return rc;
	/*
	 * A role held already is not granted twice (two open invitations to the same person, R34).
	 * Carried by the unique key role_assignments_active (migration 013), not by a NOT EXISTS
	 * read: on a Galera cluster two acceptances on two nodes each see "none yet", and only a
	 * key both write makes one of them lose. The loser here is a duplicate (one server: after
	 * the other committed) or error 1213 at COMMIT (a cluster: it runs again and lands here).
	 * Either way the person has the role, so the invitation is accepted without a new grant;
	 * InnoDB undoes only the failed statement.
	 */
	rc = db_exec(db, &res, "INSERT INTO role_assignments (user_id, role, authorisation_id, "
	    "granted_by, grant_reason) SELECT ?, v.role, v.authorisation_id, v.invited_by, ? FROM "
	    "invitations v WHERE v.id = ?", "isi", uid, detail, id);
	if (rc == DB_EDUP)
		granted = 0;
	else if (rc != DB_OK)
		return rc;
	else {
		granted = res.affected > 0;
		db_result_free(&res);
	}
	if (granted && (rc = audit_event(db, uid, "role.grant", "authorisation", auth, uid,
	    remote_addr, detail)) != DB_OK)
		return rc;
	if (strcmp(role, "responsible") == 0)
		return hand_over(db, cfg, auth, uid, remote_addr);
	return DB_OK;
}
