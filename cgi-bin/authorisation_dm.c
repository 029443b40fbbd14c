/*
 * authorisation_dm: the datamanagers' own user access (issue 14; R11: an administrator who is
 * also datamanager may get user access, to form populations for the projects; R10, R14, R15,
 * R24). One page, /autorisation/datamanager, lists the authorisation's datamanagers and how far
 * each one's access has come. The responsible asks FSE for it (a case of kind
 * 'datamanager_user', decided in FSE's queue: cgi-bin/fse_kind_datamanager.c), sends it again
 * when FSE returned it, or ends it; an administrator suspends it for a breach and lifts the
 * suspension (FSE is told); the datamanager reads and accepts the user agreement here. Whether
 * the access is active is lib/dmaccess.h's rule; every handler that changes a fact settles it.
 */
#include <stdio.h>
#include <string.h>

#include "agreement.h"
#include "audit.h"
#include "auth.h"
#include "authorisation.h"
#include "buf.h"
#include "casefsm.h"
#include "cases.h"
#include "datefmt.h"
#include "db.h"
#include "dmaccess.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "student.h"
#include "studentaccess.h"
#include "studenttimeline.h"
#include "submitkey.h"

#define REASON_MAX	1000	/* characters, as the columns */

/* A refused form, shown again at the person it was for, with what was written. */
struct dm_refusal {
	long long		 uid;		/* whose form */
	const char		*form;		/* "anmod", "suspender", "ophaev", "afslut" */
	const struct fielderr	*fe;		/* field names carry the uid: "begrundelse-12" */
	const char		*warning;	/* a refusal that is not a field's (409) */
};

static long long
param_id(struct ctx *ctx, const char *name)
{
	return http_id(http_param(ctx->req, name));
}

static void
field_name(char *out, size_t n, const char *field, long long uid)
{
	snprintf(out, n, "%s-%lld", field, uid);
}

/* The reason's field of a form: ending has its own (the page may show it beside another). */
static const char *
reason_field(const char *form)
{
	return strcmp(form, "afslut") == 0 ? "afslut" : "begrundelse";
}

/* The message of field (for person uid) into row as ERR_<KEY> {MESSAGE}, and whether there
 * was one. */
static int
field_error(struct tmpl_dict *row, const struct dm_refusal *r, const char *field,
    const char *key)
{
	char name[FIELDERR_FIELD], section[32];
	const char *msg;

	if (r == NULL || r->fe == NULL)
		return 0;
	field_name(name, sizeof(name), field, r->uid);
	if ((msg = fielderr_message(r->fe, name)) == NULL)
		return 0;
	snprintf(section, sizeof(section), "ERR_%s", key);
	tmpl_set(tmpl_add_row(row, section), "MESSAGE", msg);
	return 1;
}

/* What was written in the refused form, kept in it. */
static void
kept(struct ctx *ctx, struct tmpl_dict *form, const struct dm_refusal *r, long long uid,
    const char *which)
{
	const char *v;

	if (r == NULL || r->uid != uid || strcmp(r->form, which) != 0)
		return;
	if ((v = kvlist_value(&ctx->req->form, "begrundelse")) != NULL)
		tmpl_set(form, "REASON", v);
	if ((v = kvlist_value(&ctx->req->form, "fse_bruger_id")) != NULL)
		tmpl_set(form, "FSE_ID", v);
	if ((v = kvlist_value(&ctx->req->form, "har_id")) != NULL)
		tmpl_show(form, strcmp(v, "ja") == 0 ? "HAS_ID_YES" : strcmp(v, "nej") == 0 ?
		    "HAS_ID_NO" : "HAS_ID_NONE");
}

/* A form of the person row: its section, with the person's id, the CSRF token and what the
 * refused form said. */
static struct tmpl_dict *
person_form(struct ctx *ctx, struct tmpl_dict *row, const char *section, long long uid,
    const struct dm_refusal *r, const char *which)
{
	struct tmpl_dict *form = tmpl_add_row(row, section);

	tmpl_set_int(form, "UID", uid);
	tmpl_set(form, "CSRF", ctx->session.csrf);
	kept(ctx, form, r, uid, which);
	if (r && r->uid == uid && strcmp(r->form, which) == 0) {
		field_error(form, r, reason_field(which), "REASON");
		field_error(form, r, "har_id", "HAS_ID");
		field_error(form, r, "fse_bruger_id", "FSE_ID");
	}
	return form;
}

/* FSE's last word on a request (a return's or a rejection's reason). */
static enum db_err
fse_reason(struct ctx *ctx, long long case_id, char *out, size_t n)
{
	struct db_result res;
	enum db_err rc;

	out[0] = '\0';
	if ((rc = db_exec(ctx->db, &res, "SELECT reason FROM case_events WHERE case_id = ? ORDER BY "
	    "id DESC LIMIT 1", "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(out, n, "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

/* One person's row: their roles, their access as far as it has come, and the forms the reader
 * may use on it. */
static enum db_err
person_row(struct ctx *ctx, struct tmpl_dict *d, long long auth, long long uid, const char *name,
    const char *email, int admin, int dm, const struct dm_refusal *r)
{
	struct tmpl_dict *row = tmpl_add_row(d, "PERSON");
	int can_request = auth_can(ctx, ACT_DM_REQUEST, auth);
	int can_sanction = auth_can(ctx, ACT_DM_SANCTION, auth);
	char when[64], reason[1024];
	struct dm_progress f;
	struct dm_access a;
	enum db_err rc;
	int live;

	tmpl_set_int(row, "UID", uid);
	tmpl_set(row, "NAME", name);
	tmpl_set(row, "EMAIL", email);
	tmpl_set(row, "ROLES", admin && dm ? "Administrator og datamanager" : dm ?
	    "Datamanager (ikke administrator)" : admin ? "Administrator (ikke længere "
	    "datamanager)" : "Har ikke længere rollerne");
	if ((rc = dm_access_find(ctx->db, auth, uid, 0, &a)) != DB_OK)
		return rc;
	live = a.id && !a.ended_at[0];
	if (a.id)	/* Mine sager's link to the request lands here (lib/casekind.c) */
		tmpl_set_int(tmpl_add_row(row, "CASE"), "CASE_ID", a.case_id);
	if (!live) {
		tmpl_show(row, "NO_ACCESS");
		if (a.id) {
			datefmt_danish(when, sizeof(when), a.ended_at, DATEFMT_DATE);
			tmpl_set(row, "ENDED_AT", when);
			tmpl_set(row, "END_REASON", a.end_reason);
			tmpl_show(row, "WAS_ENDED");
		}
		/* R11: only an administrator who is also datamanager. */
		if (can_request && admin && dm)
			person_form(ctx, row, "REQUEST", uid, r, "anmod");
		else if (can_request)
			tmpl_show(row, "CANNOT_REQUEST");
		return a.id ? dm_timeline_rows(ctx->db, row, a.id, a.case_id, a.email) : DB_OK;
	}
	datefmt_danish(when, sizeof(when), a.requested_at, DATEFMT_DATE);
	tmpl_set(row, "REQUESTED_AT", when);
	if (a.case_state == CASE_SUBMITTED)
		tmpl_show(row, "AT_FSE");
	else if (a.case_state == CASE_RETURNED) {
		if ((rc = fse_reason(ctx, a.case_id, reason, sizeof(reason))) != DB_OK)
			return rc;
		tmpl_set(tmpl_add_row(row, "RETURNED"), "REASON", reason);
		if (can_request)
			person_form(ctx, row, "REQUEST", uid, r, "anmod");
	}
	if ((rc = dm_progress_read(ctx->db, &a, &f)) != DB_OK)
		return rc;
	dm_progress_rows(row, &a, &f, 0);
	if (a.fse_id[0])
		tmpl_set(tmpl_add_row(row, "APPROVED"), "FSE_ID", a.fse_id);
	if (can_sanction && a.fse_id[0])
		person_form(ctx, row, f.person.suspended ? "LIFT" : "SUSPEND", uid, r,
		    f.person.suspended ? "ophaev" : "suspender");
	if (can_request)
		person_form(ctx, row, "END", uid, r, "afslut");
	return dm_timeline_rows(ctx->db, row, a.id, a.case_id, a.email);
}

/* The reader's own access, when they are a datamanager here: the checklist and the user
 * agreement to accept (R15). */
static enum db_err
own_part(struct ctx *ctx, struct tmpl_dict *d, long long auth)
{
	struct user_agreement ag;
	struct tmpl_dict *own;
	struct dm_progress f;
	struct dm_access a;
	enum db_err rc;

	if (!auth_can(ctx, ACT_DM_SELF, auth))
		return DB_OK;
	own = tmpl_add_row(d, "OWN");
	tmpl_set(own, "CSRF", ctx->session.csrf);
	if ((rc = dm_access_find(ctx->db, auth, ctx_user(ctx), 1, &a)) != DB_OK)
		return rc;
	if (a.id == 0) {
		tmpl_show(own, "OWN_NONE");
		return DB_OK;
	}
	if ((rc = dm_progress_read(ctx->db, &a, &f)) != DB_OK ||
	    (rc = user_agreement_read(ctx->db, ctx_user(ctx), &ag)) != DB_OK)
		return rc;
	dm_progress_rows(own, &a, &f, 1);
	user_agreement_rows(own, &ag, ctx->session.name);
	user_agreement_free(&ag);
	return dm_timeline_rows(ctx->db, own, a.id, a.case_id, a.email);
}

static const struct {
	const char	*key, *text;
} notices[] = {
	{ "sendt", "Anmodningen er sendt til Forskningsservice. Forskningsservice behandler den "
	    "normalt inden for få arbejdsdage; den autorisationsansvarlige og datamanageren får "
	    "besked på mail." },
	{ "aftale", "Du har accepteret brugeraftalen." },
	{ "suspenderet", "Adgangen er suspenderet. Datamanageren og Forskningsservice har fået "
	    "besked." },
	{ "ophaevet", "Suspenderingen er ophævet. Datamanageren og Forskningsservice har fået "
	    "besked." },
	{ "afsluttet", "Brugeradgangen er afsluttet. Datamanageren og Forskningsservice har fået "
	    "besked." },
};

static int
render(struct ctx *ctx, long long auth, const struct dm_refusal *r, int status)
{
	const char *besked = kvlist_value(&ctx->req->query, "besked");
	struct tmpl_dict *d;
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    auth)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		return 404;
	}
	if ((d = ctx_page(ctx, "authorisation/datamanager.tpl", "Datamanagernes brugeradgang")) ==
	    NULL) {
		db_result_free(&res);
		return 500;
	}
	submitkey_put(ctx, d);
	tmpl_set_int(d, "ID", auth);
	tmpl_set(d, "NUMBER", db_cell(&res, 0, 0));
	tmpl_set(d, "INSTITUTION", db_cell(&res, 0, 1));
	db_result_free(&res);
	for (i = 0; besked && r == NULL && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(besked, notices[i].key) == 0)
			tmpl_set(tmpl_add_row(d, "NOTICE"), "TEXT", notices[i].text);
	if (r && r->fe && fielderr_count(r->fe))
		page_form_errors(d, NULL, NULL, r->fe);
	/* A refusal that is no field's: at the top, where it is read first. */
	if (r && r->warning)
		tmpl_set(tmpl_add_row(d, "WARNING"), "TEXT", r->warning);
	if ((rc = own_part(ctx, d, auth)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* The datamanagers, and anyone whose access is still live after a role was revoked. */
	if ((rc = db_exec(ctx->db, &res, "SELECT u.id, u.name, u.email, MAX(r.role = "
	    "'administrator' AND r.revoked_at IS NULL), MAX(r.role = 'datamanager' AND "
	    "r.revoked_at IS NULL) FROM users u JOIN role_assignments r ON r.user_id = u.id AND "
	    "r.authorisation_id = ? AND r.role IN ('administrator', 'datamanager') GROUP BY u.id, "
	    "u.name, u.email HAVING MAX(r.role = 'datamanager' AND r.revoked_at IS NULL) = 1 OR "
	    "EXISTS (SELECT 1 FROM datamanager_access x WHERE x.authorisation_id = ? AND x.user_id "
	    "= u.id AND x.ended_at IS NULL) ORDER BY u.name, u.id", "ii", auth, auth)) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows && rc == DB_OK; i++)
		rc = person_row(ctx, d, auth, db_cell_int(&res, i, 0, 0), db_cell(&res, i, 1),
		    db_cell(&res, i, 2), db_cell_int(&res, i, 3, 0) != 0,
		    db_cell_int(&res, i, 4, 0) != 0, r);
	tmpl_show(d, res.nrows ? "HAS_PEOPLE" : "NO_PEOPLE");
	db_result_free(&res);
	if (rc != DB_OK)
		return ctx_db_error(ctx, rc);
	return status;
}

/* GET /autorisation/datamanager?id= */
int
dm_page(struct ctx *ctx)
{
	long long auth = param_id(ctx, "id");
	int st;

	if ((st = auth_require(ctx, ACT_DM_VIEW, auth)) != 0)
		return st;
	return render(ctx, auth, NULL, 200);
}

/* A refusal: nothing written, the page again with the form as it was sent. */
static int
refuse(struct ctx *ctx, long long auth, const struct dm_refusal *r, int status)
{
	db_rollback(ctx->db);
	return render(ctx, auth, r, status);
}

static int
done(struct ctx *ctx, long long auth, long long uid, enum db_err rc, const char *notice)
{
	char path[128];

	if (rc != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/autorisation/datamanager?id=%lld&besked=%s#person-%lld", auth,
	    notice, uid);
	return ctx_redirect(ctx, path);
}

/* ---- POST /autorisation/datamanager/anmod: id, bruger, har_id, fse_bruger_id ---------------- */

/* FSE's mailbox is told a request has arrived. */
static enum db_err
fse_mail(struct ctx *ctx, long long auth, long long request, const char *name, const char *email,
    const char *fse_id)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc;
	enum db_err rc;

	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    auth)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "RESPONSIBLE", ctx->session.name);
	tmpl_set(md, "PERSON", name);
	tmpl_set(md, "EMAIL", email);
	tmpl_set(md, "NUMBER", res.nrows ? db_cell(&res, 0, 0) : "-");
	tmpl_set(md, "INSTITUTION", res.nrows ? db_cell(&res, 0, 1) : "");
	db_result_free(&res);
	if (fse_id[0])
		tmpl_set(tmpl_add_row(md, "HAS_ID"), "FSE_ID", fse_id);
	else
		tmpl_show(md, "NEW_USER");
	tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, request);
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
	    "Ny anmodning: brugeradgang til en datamanager", "datamanager_submitted", md,
	    "datamanager_submitted", NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("datamanager_submitted mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* The request's case: new, or (FSE sent it back) the same one corrected and sent again. */
static enum db_err
send_case(struct ctx *ctx, long long auth, const struct dm_access *live, long long uid,
    const char *name, const char *email, const char *fse_id, long long *request)
{
	enum cases_err crc;
	struct buf data;
	char who[32];

	buf_init(&data, 4096);
	snprintf(who, sizeof(who), "%lld", uid);
	if (form_encode_pair(&data, "navn", name) != 0 ||
	    form_encode_pair(&data, "email", email) != 0 ||
	    (fse_id[0] && form_encode_pair(&data, "fse_bruger_id", fse_id) != 0) ||
	    form_encode_pair(&data, "ny", fse_id[0] ? "0" : "1") != 0 ||
	    form_encode_pair(&data, "bruger", who) != 0) {
		buf_free(&data);
		return DB_ENOMEM;
	}
	if (live->id) {
		struct case_row c;
		unsigned v;

		*request = live->case_id;
		if ((crc = cases_load(ctx->db, live->case_id, 1, &c)) == CASES_OK) {
			v = c.version;
			case_row_free(&c);
			crc = cases_save(ctx->db, live->case_id, v, name, data.data, &v);
			if (crc == CASES_OK)
				crc = cases_move(ctx->db, live->case_id, v, CASE_SUBMITTED,
				    CASE_SIDE_APPLICANT, ctx_user(ctx), "", ctx->req->remote_addr,
				    NULL);
		}
	} else if ((crc = cases_create(ctx->db, "datamanager_user", ctx_user(ctx), auth, name,
	    data.data, request)) == CASES_OK)
		crc = cases_move(ctx->db, *request, 1, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
		    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	buf_free(&data);
	return crc == CASES_OK ? DB_OK : crc == CASES_ECONFLICT ? DB_ERETRY : DB_EEXEC;
}

int
dm_request(struct ctx *ctx)
{
	const struct kvlist *in = &ctx->req->form;
	long long auth = param_id(ctx, "id"), uid = param_id(ctx, "bruger"), request;
	const char *fse_id = kvlist_value(in, "fse_bruger_id");
	char has_field[FIELDERR_FIELD], id_field[FIELDERR_FIELD], name[256], email[256];
	struct dm_refusal r = { uid, "anmod", NULL, NULL };
	struct dm_access live;
	struct db_result res;
	struct fielderr fe;
	enum db_err rc;
	int st, with_id, roles;

	if ((st = auth_require(ctx, ACT_DM_REQUEST, auth)) != 0)
		return st;
	if (uid <= 0)
		return 400;
	fielderr_init(&fe);
	r.fe = &fe;
	field_name(has_field, sizeof(has_field), "har_id", uid);
	field_name(id_field, sizeof(id_field), "fse_bruger_id", uid);
	with_id = student_fse_choice(ctx->cfg->fse_user_id_format, kvlist_value(in, "har_id"),
	    fse_id, "personen", "personens", has_field, id_field, &fe);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* R11: an administrator who is also datamanager, here; the roles' rows are read locked,
	 * so a revocation at the same time waits for this request or sees it. */
	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, COUNT(DISTINCT r.role) FROM users "
	    "u JOIN role_assignments r ON r.user_id = u.id WHERE u.id = ? AND r.authorisation_id = "
	    "? AND r.role IN ('administrator', 'datamanager') AND r.revoked_at IS NULL GROUP BY "
	    "u.id, u.name, u.email LOCK IN SHARE MODE", "ii", uid, auth)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	roles = res.nrows ? (int)db_cell_int(&res, 0, 2, 0) : 0;
	snprintf(name, sizeof(name), "%s", res.nrows ? db_cell(&res, 0, 0) : "");
	snprintf(email, sizeof(email), "%s", res.nrows ? db_cell(&res, 0, 1) : "");
	db_result_free(&res);
	if (roles != 2) {
		r.warning = "Kun en person, der både er administrator og datamanager på "
		    "autorisationen, kan få brugeradgang. Giv personen begge roller først.";
		return refuse(ctx, auth, &r, 409);
	}
	if ((rc = dm_access_find(ctx->db, auth, uid, 1, &live)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (live.id && live.case_state != CASE_RETURNED) {
		r.warning = "Personen har allerede en brugeradgang, eller anmodningen ligger hos "
		    "Forskningsservice.";
		return refuse(ctx, auth, &r, 409);
	}
	if (with_id < 0)
		return refuse(ctx, auth, &r, 422);
	if (!with_id)
		fse_id = "";
	if ((st = submitkey_claim(ctx, "datamanager.request")) != 0)
		return st;
	if ((rc = send_case(ctx, auth, &live, uid, name, email, fse_id, &request)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	/* One live access per person: the unique key, however two requests race. */
	if (live.id == 0 && (rc = db_exec(ctx->db, NULL, "INSERT INTO datamanager_access "
	    "(authorisation_id, user_id, case_id, requested_by) VALUES (?, ?, ?, ?)", "iiii", auth,
	    uid, request, ctx_user(ctx))) == DB_EDUP) {
		r.warning = "Personen har allerede en brugeradgang, eller anmodningen ligger hos "
		    "Forskningsservice.";
		return refuse(ctx, auth, &r, 409);
	}
	if (rc == DB_OK && live.id)
		rc = db_exec(ctx->db, NULL, "UPDATE datamanager_access SET settled_at = NOW(6) WHERE "
		    "id = ?", "i", live.id);
	if (rc == DB_OK)
		rc = audit_event(ctx->db, ctx_user(ctx), "datamanager.request", "case", request, uid,
		    ctx->req->remote_addr, fse_id[0] ? fse_id : "ny bruger");
	if (rc == DB_OK)
		rc = fse_mail(ctx, auth, request, name, email, fse_id);
	if (rc == DB_OK) {
		char path[128];

		snprintf(path, sizeof(path), "/autorisation/datamanager?id=%lld&besked=sendt"
		    "#person-%lld", auth, uid);
		rc = submitkey_done(ctx, path);
	}
	return done(ctx, auth, uid, rc, "sendt");
}

/* ---- POST /autorisation/datamanager/brugeraftale: id, version -------------------------------- */

int
dm_accept_agreement(struct ctx *ctx)
{
	long long auth = param_id(ctx, "id"), version = param_id(ctx, "version");
	enum agreement_outcome outcome;
	struct db_result me;
	enum db_err rc;
	int st;

	if ((st = auth_require(ctx, ACT_DM_SELF, auth)) != 0)
		return st;
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = user_agreement_accept(ctx->db, ctx_user(ctx), version, ctx->req->remote_addr,
	    &outcome)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (outcome == AGREEMENT_NOT_CURRENT) {
		struct dm_refusal r = { ctx_user(ctx), "aftale", NULL, "Brugeraftalen er ændret, "
		    "mens du læste den. Læs den nye udgave, og acceptér den." };

		return refuse(ctx, auth, &r, 409);
	}
	/* R15: accepting may be the last thing an access waited for (this one, or as a student). */
	if (outcome == AGREEMENT_ACCEPTED) {
		if ((rc = db_exec(ctx->db, &me, "SELECT email FROM users WHERE id = ?", "i",
		    ctx_user(ctx))) != DB_OK)
			return ctx_tx_error(ctx, rc);
		if (me.nrows && (rc = dm_access_settle_email(ctx->db, ctx->cfg, db_cell(&me, 0, 0),
		    ctx_user(ctx), ctx->req->remote_addr, NULL)) == DB_OK)
			rc = student_access_settle_email(ctx->db, ctx->cfg, db_cell(&me, 0, 0),
			    ctx_user(ctx), ctx->req->remote_addr, NULL);
		db_result_free(&me);
	}
	return done(ctx, auth, ctx_user(ctx), rc, "aftale");
}

/* ---- suspend, lift, end: id, bruger, begrundelse --------------------------------------------- */

/* The datamanager and FSE are told what happened to the access, and why (R11). */
static enum db_err
tell(struct ctx *ctx, const struct dm_access *a, const char *what, const char *subject,
    const char *reason)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc = MAIL_OK;
	enum db_err rc;
	int fse;

	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    a->authorisation_id)) != DB_OK)
		return rc;
	for (fse = 0; fse < 2 && mrc == MAIL_OK; fse++) {
		if ((md = tmpl_dict_new()) == NULL) {
			db_result_free(&res);
			return DB_ENOMEM;
		}
		tmpl_show(md, what);
		tmpl_show(md, fse ? "TO_FSE" : "TO_PERSON");
		tmpl_set(md, "NAME", fse ? "Forskningsservice" : a->name);
		tmpl_set(md, "PERSON", a->name);
		tmpl_set(md, "REASON", reason);
		tmpl_set(md, "BY", ctx->session.name);
		tmpl_set(md, "NUMBER", res.nrows ? db_cell(&res, 0, 0) : "-");
		tmpl_set(md, "INSTITUTION", res.nrows ? db_cell(&res, 0, 1) : "");
		tmpl_setf(md, "LINK", "%s/autorisation/datamanager?id=%lld", ctx->cfg->base_url,
		    a->authorisation_id);
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, fse ? ctx->cfg->fse_mailbox : a->email,
		    fse ? NULL : a->name, subject, "datamanager_changed", md, "datamanager_changed",
		    NULL);
		tmpl_dict_free(md);
	}
	db_result_free(&res);
	if (mrc != MAIL_OK) {
		log_error("datamanager_changed mail: %s", mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/*
 * The live access of the form's person, locked, with its reason checked: 0 and *a to go on,
 * else the answer (the page again, refused, or an error).
 */
static int
begin_change(struct ctx *ctx, enum action act, const char *form, const char *missing,
    struct dm_refusal *r, struct fielderr *fe, struct dm_access *a, long long *auth)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	char field[FIELDERR_FIELD];
	enum db_err rc;
	int st;

	*auth = param_id(ctx, "id");
	memset(r, 0, sizeof(*r));
	r->uid = param_id(ctx, "bruger");
	r->form = form;
	r->fe = fe;
	fielderr_init(fe);
	if ((st = auth_require(ctx, act, *auth)) != 0)
		return st;
	if (r->uid <= 0)
		return 400;
	field_name(field, sizeof(field), reason_field(form), r->uid);
	if (form_blank(reason))
		fielderr_add(fe, field, missing);
	else if (form_utf8_chars(reason, strlen(reason)) > REASON_MAX)
		fielderr_addf(fe, field, 0, "Begrundelsen må højst være %d tegn.", REASON_MAX);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = dm_access_find(ctx->db, *auth, r->uid, 1, a)) != DB_OK ||
	    (a->id && (rc = dm_access_get(ctx->db, *auth, a->id, 1, a)) != DB_OK))
		return ctx_tx_error(ctx, rc);
	if (a->id == 0 || a->ended_at[0]) {
		r->warning = "Personen har ingen brugeradgang, der kan ændres.";
		return refuse(ctx, *auth, r, 409);
	}
	if (fielderr_count(fe))
		return refuse(ctx, *auth, r, 422);
	return 0;
}

int
dm_suspend(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	struct dm_refusal r;
	struct dm_access a;
	struct fielderr fe;
	long long auth;
	enum db_err rc;
	int st;

	if ((st = begin_change(ctx, ACT_DM_SANCTION, "suspender", "Skriv, hvilket brud på "
	    "sikkerhedsreglerne suspenderingen skyldes.", &r, &fe, &a, &auth)) != 0)
		return st;
	/* R11: one sanction in force at a time, a unique key (not a check that can race). */
	rc = db_exec(ctx->db, NULL, "INSERT INTO access_sanctions (student_case_id, "
	    "authorisation_id, reason, imposed_by) VALUES (?, ?, ?, ?)", "iisi", a.case_id, auth,
	    reason, ctx_user(ctx));
	if (rc == DB_EDUP) {
		r.warning = "Adgangen er allerede suspenderet.";
		return refuse(ctx, auth, &r, 409);
	}
	if (rc == DB_OK && (rc = audit_event(ctx->db, ctx_user(ctx), "datamanager.sanction.impose",
	    "case", a.case_id, a.user_id, ctx->req->remote_addr, reason)) == DB_OK)
		rc = tell(ctx, &a, "SUSPENDED", "Brugeradgangen til data er suspenderet", reason);
	return done(ctx, auth, a.user_id, rc, "suspenderet");
}

int
dm_lift(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	struct dm_refusal r;
	struct dm_access a;
	struct db_result res;
	struct fielderr fe;
	long long auth;
	enum db_err rc;
	int st;

	if ((st = begin_change(ctx, ACT_DM_SANCTION, "ophaev", "Skriv, hvorfor suspenderingen "
	    "ophæves.", &r, &fe, &a, &auth)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, "UPDATE access_sanctions SET lifted_at = NOW(6), "
	    "lifted_by = ?, lift_reason = ? WHERE live_case = ?", "isi", ctx_user(ctx), reason,
	    a.case_id)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.affected == 0) {
		db_result_free(&res);
		r.warning = "Adgangen er ikke suspenderet.";
		return refuse(ctx, auth, &r, 409);
	}
	db_result_free(&res);
	/* Lifting may be the last thing the access waited for. */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "datamanager.sanction.lift", "case",
	    a.case_id, a.user_id, ctx->req->remote_addr, reason)) == DB_OK &&
	    (rc = dm_access_settle(ctx->db, ctx->cfg, a.id, ctx_user(ctx), ctx->req->remote_addr,
	    NULL)) == DB_OK)
		rc = tell(ctx, &a, "LIFTED", "Suspenderingen af brugeradgangen er ophævet", reason);
	return done(ctx, auth, a.user_id, rc, "ophaevet");
}

int
dm_end(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	struct dm_refusal r;
	struct dm_access a;
	struct fielderr fe;
	long long auth;
	enum db_err rc;
	int st;

	if ((st = begin_change(ctx, ACT_DM_REQUEST, "afslut", "Skriv, hvorfor brugeradgangen "
	    "afsluttes.", &r, &fe, &a, &auth)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, NULL, "UPDATE datamanager_access SET ended_at = NOW(6), "
	    "ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL", "isi", ctx_user(ctx),
	    reason, a.id)) == DB_OK && (rc = audit_event(ctx->db, ctx_user(ctx),
	    "datamanager.access.end", "case", a.case_id, a.user_id, ctx->req->remote_addr,
	    reason)) == DB_OK)
		rc = tell(ctx, &a, "ENDED", "Brugeradgangen til data er afsluttet", reason);
	return done(ctx, auth, a.user_id, rc, "afsluttet");
}
