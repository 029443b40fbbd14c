/*
 * application_manager: the personnel-responsible manager confirms their responsibility (R4.2)
 * by a single-use link mailed to them (manager_confirmations, token stored hashed), on a public
 * page: no account. A confirmation counts only while the case's leder_email is the confirmed
 * address.
 */
#include "application.h"

#include <stdio.h>
#include <string.h>

#include "appfields.h"
#include "audit.h"
#include "caps.h"
#include "datefmt.h"
#include "http.h"
#include "http_parse.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "session.h"
#include "submitkey.h"

/*
 * The manager's confirmation as it stands for the address now saved in the case: 1 confirmed,
 * 0 not; when not, *pending tells whether a link to that address is still open. when: the time
 * of the confirmation or of the open link.
 */
enum db_err
app_manager_state(struct ctx *ctx, long long id, const char *email, int *confirmed, int *pending,
    char *when, size_t n)
{
	struct db_result res;
	enum db_err rc;

	*confirmed = *pending = 0;
	when[0] = '\0';
	if (email == NULL || form_blank(email))
		return DB_OK;
	if ((rc = db_exec(ctx->db, &res, "SELECT confirmed_at IS NOT NULL, DATE_FORMAT("
	    "COALESCE(confirmed_at, created_at), '%Y-%m-%d %H:%i:%s') FROM manager_confirmations "
	    "WHERE case_id = ? AND manager_email = ? AND (confirmed_at IS NOT NULL OR "
	    "expires_at > NOW(6)) ORDER BY confirmed_at IS NOT NULL DESC, id DESC LIMIT 1", "is",
	    id, email)) != DB_OK)
		return rc;
	if (res.nrows) {
		*confirmed = db_cell_int(&res, 0, 0, 0) == 1;
		*pending = !*confirmed;
		/* Danish local time, as every time a person reads (issue 11). */
		datefmt_danish(when, n, db_cell(&res, 0, 1), DATEFMT_DATETIME);
	}
	db_result_free(&res);
	return DB_OK;
}

/* The manager's confirmation on step 2 and the review: its state, and the button to send it. */
enum db_err
app_manager_section(struct ctx *ctx, struct tmpl_dict *s, const struct case_row *c, int step)
{
	struct tmpl_dict *mg, *sec;
	struct kvlist data;
	const char *email, *name;
	char when[48];
	int confirmed, pending;
	enum db_err rc;

	kvlist_init(&data);
	if (http_parse_urlencoded(c->data, strlen(c->data), &data) != 0) {
		kvlist_free(&data);
		return DB_EEXEC;
	}
	email = kvlist_value(&data, "leder_email");
	name = kvlist_value(&data, "leder_navn");
	if ((rc = app_manager_state(ctx, c->id, email, &confirmed, &pending, when,
	    sizeof(when))) != DB_OK) {
		kvlist_free(&data);
		return rc;
	}
	mg = tmpl_add_row(s, "MANAGER");
	if (confirmed) {
		sec = tmpl_add_row(mg, "CONFIRMED");
		tmpl_set(sec, "NAME", name ? name : "");
		tmpl_set(sec, "EMAIL", email);
		tmpl_set(sec, "AT", when);
	} else {
		sec = tmpl_add_row(mg, "NOT_CONFIRMED");
		if (pending) {
			struct tmpl_dict *p = tmpl_add_row(sec, "PENDING");

			tmpl_set(p, "EMAIL", email);
			tmpl_set(p, "AT", when);
		} else
			tmpl_show(sec, "NOT_SENT");
		if (email && !form_blank(email) && name && !form_blank(name)) {
			struct tmpl_dict *f = tmpl_add_row(sec, "CAN_SEND");

			tmpl_set(f, "CSRF", ctx->session.csrf);
			tmpl_set_int(f, "ID", c->id);
			tmpl_set_int(f, "VERSION", c->version);
			tmpl_set_int(f, "TRIN", step);
			if (pending)
				tmpl_show(f, "PENDING_AGAIN");
		} else
			tmpl_show(sec, "NO_ADDRESS");
	}
	kvlist_free(&data);
	return DB_OK;
}

/* ---- the manager's confirmation (R4.2) ------------------------------------------------------ */

/* POST /ansoegning/leder: a single-use link to the saved leder_email, with its audit event. */
int
app_manager_send(struct ctx *ctx)
{
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	long long step = http_id(kvlist_value(&ctx->req->form, "trin"));
	char token[SESSION_TOKEN_CHARS + 1], uni[256], inst[512], path[128];
	unsigned char hash[32];
	const char *email, *name;
	struct tmpl_dict *md;
	struct kvlist data;
	struct case_row c;
	enum mail_err mrc;
	enum db_err rc;
	int st;

	if (step != 2)
		step = APPFIELDS_STEPS;
	if ((st = app_own_editable_case(ctx, id, &c, &data)) != 0)
		return st;
	/* The address the user saw on the page is the one the link goes to. */
	if (version <= 0 || (unsigned)version != c.version) {
		struct review rv;

		memset(&rv, 0, sizeof(rv));
		rv.stale = 1;
		st = app_step_page(ctx, &c, (int)step, &data, NULL, NULL, step == 2, 409,
		    step == APPFIELDS_STEPS ? &rv : NULL);
		goto out;
	}
	email = kvlist_value(&data, "leder_email");
	name = kvlist_value(&data, "leder_navn");
	if (form_blank(email) || form_blank(name)) {
		struct fielderr m;

		fielderr_init(&m);
		fielderr_add(&m, "leder_email", "Skriv og gem lederens navn og e-mailadresse, før "
		    "du sender bekræftelsen.");
		st = app_step_page(ctx, &c, 2, &data, NULL, &m, 0, 422, NULL);
		goto out;
	}
	if ((rc = app_institution(ctx, &data, uni, sizeof(uni), inst, sizeof(inst))) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	session_new_token(token, hash);
	if ((md = tmpl_dict_new()) == NULL) {
		st = 500;
		goto out;
	}
	tmpl_set(md, "MANAGER", name);
	tmpl_set(md, "APPLICANT", ctx->session.name);
	tmpl_set(md, "APPLICANT_EMAIL", ctx->session.email);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_setf(md, "LINK", "%s/ansoegning/bekraeft?token=%s", ctx->cfg->base_url, token);
	tmpl_set_int(md, "DAYS", APP_CONFIRM_DAYS);
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		tmpl_dict_free(md);
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	/* Sent twice (issue 12): one link and one mail to the manager, the page says so. */
	if ((st = submitkey_claim(ctx, "manager.confirm")) != 0) {
		tmpl_dict_free(md);
		goto out;
	}
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO manager_confirmations (case_id, token_hash, "
	    "manager_email, manager_name, expires_at) VALUES (?, ?, ?, ?, NOW(6) + INTERVAL ? DAY)",
	    "ibssi", id, hash, sizeof(hash), email, name, (long long)APP_CONFIRM_DAYS)) != DB_OK) {
		tmpl_dict_free(md);
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, email, name, "Bekræft dit ansvar for en "
	    "ansøgning om uddannelsesautorisation", "manager_confirm", md, "manager_confirm", NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("mail manager_confirm: %s", mail_strerror(mrc));
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "case.manager_confirm_request", "case", id,
	    0, ctx->req->remote_addr, email)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld&besked=leder", id, step);
	if ((rc = submitkey_done(ctx, path)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	st = ctx_redirect(ctx, path);
out:
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}

struct confirmation {
	long long	id;
	long long	case_id;
	int		found;
	int		usable;		/* not confirmed, not expired */
	char		email[255];
	char		name[201];
	char		applicant[201];
	char		applicant_email[255];
	char		institution[512];
};

static enum db_err
find_confirmation(struct ctx *ctx, const char *token, int lock, struct confirmation *mc)
{
	unsigned char hash[32];
	struct db_result res;
	struct kvlist data;
	char uni[256];
	enum db_err rc;

	memset(mc, 0, sizeof(*mc));
	if (token == NULL || session_hash_token(token, hash) == -1)
		return DB_OK;
	/* Single use (R4.2): carried by the confirmation's row, which confirming writes
	 * (confirmed_at), so two confirmations on a cluster collide on it. */
	rc = db_exec(ctx->db, &res, lock ?
	    "SELECT m.id, m.case_id, m.confirmed_at IS NULL AND m.expires_at > NOW(6), "
	    "m.manager_email, m.manager_name, u.name, u.email, c.data FROM manager_confirmations m "
	    "JOIN cases c ON c.id = m.case_id JOIN users u ON u.id = c.created_by "
	    "WHERE m.token_hash = ? FOR UPDATE" :
	    "SELECT m.id, m.case_id, m.confirmed_at IS NULL AND m.expires_at > NOW(6), "
	    "m.manager_email, m.manager_name, u.name, u.email, c.data FROM manager_confirmations m "
	    "JOIN cases c ON c.id = m.case_id JOIN users u ON u.id = c.created_by "
	    "WHERE m.token_hash = ?", "b", hash, sizeof(hash));
	if (rc != DB_OK)
		return rc;
	if (res.nrows) {
		const char *d = db_cell(&res, 0, 7);

		mc->found = 1;
		mc->id = db_cell_int(&res, 0, 0, 0);
		mc->case_id = db_cell_int(&res, 0, 1, 0);
		mc->usable = db_cell_int(&res, 0, 2, 0) == 1;
		snprintf(mc->email, sizeof(mc->email), "%s", db_cell(&res, 0, 3));
		snprintf(mc->name, sizeof(mc->name), "%s", db_cell(&res, 0, 4));
		snprintf(mc->applicant, sizeof(mc->applicant), "%s", db_cell(&res, 0, 5));
		snprintf(mc->applicant_email, sizeof(mc->applicant_email), "%s",
		    db_cell(&res, 0, 6));
		kvlist_init(&data);
		if (http_parse_urlencoded(d, strlen(d), &data) == 0)
			rc = app_institution(ctx, &data, uni, sizeof(uni), mc->institution,
			    sizeof(mc->institution));
		kvlist_free(&data);
	}
	db_result_free(&res);
	return rc;
}

static int
confirm_page(struct ctx *ctx, const char *token, const struct confirmation *mc, int done,
    const char *refusal, int status)
{
	struct tmpl_dict *d;

	if (ctx_session_ensure(ctx) == NULL)
		return 503;
	if ((d = ctx_page(ctx, "application/confirm.tpl", "Bekræftelse som leder")) == NULL)
		return 500;
	if (refusal)
		page_cap_refused(d, refusal);
	if (done) {
		tmpl_show(d, "DONE");
		return status;
	}
	if (!mc->usable) {
		tmpl_show(d, "INVALID");
		return 410;
	}
	tmpl_set(d, "TOKEN", token);
	tmpl_set(d, "MANAGER", mc->name);
	tmpl_set(d, "MANAGER_EMAIL", mc->email);
	tmpl_set(d, "APPLICANT", mc->applicant);
	tmpl_set(d, "APPLICANT_EMAIL", mc->applicant_email);
	tmpl_set(d, "INSTITUTION", mc->institution);
	tmpl_show(d, "VALID");
	return status;
}

/* GET /ansoegning/bekraeft?token=: public, the manager needs no account. */
int
app_confirm_form(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->query, "token");
	struct confirmation mc;
	enum db_err rc;

	if ((rc = find_confirmation(ctx, token, 0, &mc)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return confirm_page(ctx, token, &mc, 0, NULL, 200);
}

/* POST /ansoegning/bekraeft: records the confirmation, once. */
int
app_confirm_submit(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->form, "token");
	char msg[CAPS_MESSAGE_MAX];
	struct confirmation mc;
	enum db_err rc;
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = find_confirmation(ctx, token, 1, &mc)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!mc.usable) {
		db_rollback(ctx->db);
		return confirm_page(ctx, token, &mc, 0, NULL, 410);
	}
	/* Issue 16: a client address records so many confirmations an hour (each mails). */
	if ((st = caps_gate_address(ctx, CAPS_ADDR_CONFIRM, msg, sizeof(msg))) != 0)
		return st == 429 ? confirm_page(ctx, token, &mc, 0, msg, 429) : st;
	if ((rc = db_exec(ctx->db, NULL, "UPDATE manager_confirmations SET confirmed_at = NOW(6) "
	    "WHERE id = ? AND confirmed_at IS NULL", "i", mc.id)) != DB_OK ||
	    (rc = audit_event(ctx->db, 0, "case.manager_confirm", "case", mc.case_id, 0,
	    ctx->req->remote_addr, mc.email)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	/* The applicant is told, in the same transaction: the application can be sent now
	 * (issue 11; R32: the person who must act next is told). */
	{
		struct tmpl_dict *md = tmpl_dict_new();
		enum mail_err mrc = MAIL_ENOMEM;

		if (md) {
			tmpl_set(md, "NAME", mc.applicant);
			tmpl_set(md, "MANAGER", mc.name);
			tmpl_set(md, "INSTITUTION", mc.institution);
			tmpl_setf(md, "LINK", "%s/ansoegning/trin?id=%lld&trin=%d", ctx->cfg->base_url,
			    mc.case_id, APPFIELDS_STEPS);
			mrc = mail_enqueue_template(ctx->db, ctx->cfg, mc.applicant_email,
			    mc.applicant, "Lederen har bekræftet ansøgningen", "manager_confirmed",
			    md, "manager_confirmed", NULL);
			tmpl_dict_free(md);
		}
		if (mrc != MAIL_OK) {
			log_error("manager confirmed mail: %s", mail_strerror(mrc));
			return ctx_tx_error(ctx, DB_EEXEC);
		}
	}
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return confirm_page(ctx, token, &mc, 1, NULL, 200);
}

