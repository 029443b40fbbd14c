/*
 * student_export_check: the supervisor's part of taking results home (issue 14; R9, R10, R13,
 * R22). The supervisor of the student (the student case's creator; another supervisor answers
 * 403) sees the student's requests, downloads each file (an audited read), checks the files
 * against FSE's current checklist (a checkbox per item, every one ticked to approve) and
 * approves with a note, or refuses with a reason. The decision is one UPDATE of the request
 * from 'requested' in the transaction that records what was released (each file's name, size
 * and SHA-256, copied from the bytes stored), the audit entry and the student's mail. Students
 * never get here: the policy gives ACT_EXPORT_RESULTS to supervisors only (R10).
 */
#include "studentexport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "datefmt.h"
#include "exportrules.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "policy.h"
#include "tmpl.h"

/* A version of FSE's checklist (R22); id 0: none published. */
struct rules {
	long long		id;
	char			published_at[32];
	struct exportrules	items;
};

/* The version id (0: the current one), its items. */
static enum db_err
rules_read(struct ctx *ctx, long long id, struct rules *out)
{
	struct db_result res;
	enum db_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = id ? db_exec(ctx->db, &res, "SELECT id, text, DATE_FORMAT(published_at, "
	    "'%Y-%m-%d %H:%i:%s') FROM export_rule_versions WHERE id = ?", "i", id) :
	    db_exec(ctx->db, &res, "SELECT id, text, DATE_FORMAT(published_at, '%Y-%m-%d "
	    "%H:%i:%s') FROM export_rule_versions ORDER BY id DESC LIMIT 1", "")) != DB_OK)
		return rc;
	if (res.nrows) {
		/* Stored as exportrules_join wrote it: parsing it again gives what FSE published. */
		if (exportrules_parse(db_cell(&res, 0, 1), res.lens ? res.lens[1] :
		    strlen(db_cell(&res, 0, 1)), &out->items) != EXPORTRULES_OK)
			log_error("export rules version %s does not parse", db_cell(&res, 0, 0));
		else
			out->id = db_cell_int(&res, 0, 0, 0);
		snprintf(out->published_at, sizeof(out->published_at), "%s", db_cell(&res, 0, 2));
	}
	db_result_free(&res);
	return DB_OK;
}

/* What the supervisor sent, kept in the form shown again (the ticks only for the version they
 * were given for). */
struct kept {
	const char	*note;
	const char	*reason;
	int		 ticks;		/* the ticks of punkt_N apply */
};

static void
items_rows(struct tmpl_dict *d, const struct exportrules *items, struct ctx *ctx,
    const struct kept *k)
{
	struct tmpl_dict *row;
	char name[32];
	size_t i;

	for (i = 0; i < items->n; i++) {
		const char *v;

		row = tmpl_add_row(d, "ITEM");
		tmpl_set_int(row, "N", (long long)i + 1);
		tmpl_set(row, "TEXT", items->item[i]);
		snprintf(name, sizeof(name), "punkt_%zu", i + 1);
		if (k && k->ticks && (v = kvlist_value(&ctx->req->form, name)) != NULL &&
		    strcmp(v, "ja") == 0)
			tmpl_show(row, "CHECKED");
	}
}

/* One request's page, with a notice, field messages and what was sent kept. */
static int
check_page(struct ctx *ctx, const struct stud_auth *a, const struct exp_request *r,
    const char *kind, const char *text, const struct fielderr *fe, const struct kept *k,
    int status)
{
	struct tmpl_dict *d, *row;
	struct rules rules;
	enum db_err rc;
	char when[64];
	const char *m;
	size_t n;

	if ((d = ctx_page(ctx, "student/export_request.tpl", "Anmodning om hjemtagelse")) ==
	    NULL)
		return 500;
	tmpl_set_int(d, "ID", a->id);
	tmpl_set_int(d, "REQUEST_ID", r->id);
	tmpl_set_int(d, "SAG", r->student_case_id);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "NUMBER", a->number);
	tmpl_set(d, "INSTITUTION", a->institution);
	tmpl_set(d, "STUDENT", r->student);
	tmpl_set(d, "STUDENT_CASE", r->student_case);
	tmpl_set(d, "STATE_LABEL", exp_state_label(r->state));
	datefmt_danish(when, sizeof(when), r->requested_at, DATEFMT_DATETIME);
	tmpl_set(d, "REQUESTED_AT", when);
	exp_notice(ctx, d);
	if (text) {
		row = tmpl_add_row(d, "NOTICE");
		tmpl_set(row, "KIND", kind ? kind : "warning");
		tmpl_set(row, "ROLE", "alert");
		tmpl_set(row, "LABEL", kind && strcmp(kind, "error") == 0 ? "Fejl" : "Bemærk");
		tmpl_set(row, "ICON", kind && strcmp(kind, "error") == 0 ? "error" : "warning");
		tmpl_set(row, "TEXT", text);
	}
	if (fe && fielderr_count(fe))
		page_form_errors(d, NULL, NULL, fe);
	if ((rc = exp_request_files(ctx, d, r, "FILE", 1)) != DB_OK)
		return ctx_db_error(ctx, rc);

	if (strcmp(r->state, "requested") == 0) {
		struct tmpl_dict *refuse;

		if ((rc = rules_read(ctx, 0, &rules)) != DB_OK)
			return ctx_db_error(ctx, rc);
		if (rules.id == 0)
			tmpl_show(d, "NO_RULES");
		else {
			row = tmpl_add_row(d, "APPROVE");
			tmpl_set_int(row, "RULES_VERSION", rules.id);
			datefmt_danish(when, sizeof(when), rules.published_at, DATEFMT_DATE);
			tmpl_set(row, "RULES_AT", when);
			items_rows(row, &rules.items, ctx, k);
			if (k && k->note)
				tmpl_set(row, "NOTE", k->note);
			if ((m = fe ? fielderr_message(fe, "tjekliste") : NULL) != NULL)
				tmpl_set(tmpl_add_row(row, "TICK_ERROR"), "MESSAGE", m);
			if ((m = fe ? fielderr_message(fe, "note") : NULL) != NULL)
				tmpl_set(tmpl_add_row(row, "NOTE_ERROR"), "MESSAGE", m);
		}
		refuse = tmpl_add_row(d, "REFUSE");
		if (k && k->reason)
			tmpl_set(refuse, "REASON", k->reason);
		if ((m = fe ? fielderr_message(fe, "begrundelse") : NULL) != NULL)
			tmpl_set(tmpl_add_row(refuse, "REASON_ERROR"), "MESSAGE", m);
		return status;
	}
	row = tmpl_add_row(d, strcmp(r->state, "approved") == 0 ? "APPROVED" : "REFUSED");
	datefmt_danish(when, sizeof(when), r->decided_at, DATEFMT_DATETIME);
	tmpl_set(row, "AT", when);
	tmpl_set(row, "BY", r->decider);
	if (!form_blank(r->note))
		tmpl_set(tmpl_add_row(row, "NOTE"), "TEXT", r->note);
	if (strcmp(r->state, "approved") == 0) {
		if ((rc = rules_read(ctx, r->rules_version, &rules)) != DB_OK ||
		    (rc = exp_released_files(ctx, row, r->id, &n)) != DB_OK)
			return ctx_db_error(ctx, rc);
		tmpl_set_int(row, "RULES_VERSION", r->rules_version);
		items_rows(row, &rules.items, NULL, NULL);
	}
	return status;
}

/* GET /studerende/hjemtagelse/anmodning?id=&anmodning= */
int
stud_export_check(struct ctx *ctx)
{
	struct exp_request r;
	struct stud_auth a;
	int st;

	if ((st = exp_load(ctx, ACT_EXPORT_RESULTS, &a, &r, 0)) != 0)
		return st;
	return check_page(ctx, &a, &r, NULL, NULL, NULL, NULL, 200);
}

/* GET /studerende/hjemtagelse/anmodninger?id=&sag=: one student's requests. */
int
stud_export_list(struct ctx *ctx)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	struct stud s;
	char when[64];
	size_t i;
	int st;

	if ((st = stud_load(ctx, ACT_EXPORT_RESULTS, &s, 0)) != 0)
		return st;
	/* R13: the supervisor's own student; seeing all students is not checking their files. */
	if (s.c.created_by != ctx_user(ctx)) {
		stud_free(&s);
		return 403;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT r.id, r.state, DATE_FORMAT(r.requested_at, "
	    "'%Y-%m-%d %H:%i:%s'), (SELECT COUNT(*) FROM export_request_files x WHERE "
	    "x.request_id = r.id) FROM export_requests r WHERE r.student_case_id = ? ORDER BY "
	    "r.requested_at DESC, r.id DESC LIMIT 200", "i", s.c.id)) != DB_OK) {
		stud_free(&s);
		return ctx_db_error(ctx, rc);
	}
	if ((d = ctx_page(ctx, "student/exports.tpl", "Hjemtagelse af resultater")) == NULL) {
		db_result_free(&res);
		stud_free(&s);
		return 500;
	}
	tmpl_set_int(d, "ID", s.a.id);
	tmpl_set_int(d, "SAG", s.c.id);
	tmpl_set(d, "NAME", s.c.title);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "REQUEST");
		tmpl_set(row, "REQUEST_ID", db_cell(&res, i, 0));
		tmpl_set(row, "STATE_LABEL", exp_state_label(db_cell(&res, i, 1)));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "FILES", db_cell(&res, i, 3));
	}
	tmpl_show(d, res.nrows ? "HAS_REQUESTS" : "NO_REQUESTS");
	db_result_free(&res);
	stud_free(&s);
	return 200;
}

/* GET /studerende/hjemtagelse/hent?id=&anmodning=&fil=: a file of the request, to check. */
int
stud_export_download(struct ctx *ctx)
{
	long long file = stud_param(ctx, "fil");
	struct exp_request r;
	struct stud_auth a;
	struct db_result res;
	enum db_err rc;
	int st, of_request;

	if ((st = exp_load(ctx, ACT_EXPORT_RESULTS, &a, &r, 0)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, "SELECT COUNT(*) FROM export_request_files WHERE "
	    "request_id = ? AND file_id = ?", "ii", r.id, file)) != DB_OK)
		return ctx_db_error(ctx, rc);
	of_request = db_cell_int(&res, 0, 0, 0) > 0;
	db_result_free(&res);
	if (!of_request)
		return 404;
	return exp_send_file(ctx, file, r.id);
}

/* The student is told (R32): approved with what was released, or refused with why. */
static enum db_err
decision_mail(struct ctx *ctx, const struct stud_auth *a, const struct exp_request *r,
    int approved, const char *note)
{
	struct tmpl_dict *md;
	struct db_result res;
	enum mail_err mrc = MAIL_OK;
	enum db_err rc;
	size_t n;

	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ? AND status = "
	    "'active'", "i", r->requested_by)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		return DB_OK;
	}
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "NAME", db_cell(&res, 0, 1));
	tmpl_set(md, "SUPERVISOR", ctx->session.name);
	tmpl_set(md, "NUMBER", a->number);
	tmpl_set(md, "INSTITUTION", a->institution);
	tmpl_setf(md, "LINK", "%s/studerende/hjemtagelse?id=%lld", ctx->cfg->base_url, a->id);
	if (approved && !form_blank(note))
		tmpl_set(tmpl_add_row(md, "NOTE"), "TEXT", note);
	if (approved)
		rc = exp_released_files(ctx, md, r->id, &n);
	else
		tmpl_set(md, "REASON", note ? note : "");
	if (rc == DB_OK)
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, db_cell(&res, 0, 0),
		    db_cell(&res, 0, 1), approved ? "Dine resultater er godkendt til hjemtagelse" :
		    "Din anmodning om at hjemtage resultater er afvist", approved ?
		    "export_approved" : "export_refused", md, approved ? "export_approved" :
		    "export_refused", NULL);
	tmpl_dict_free(md);
	db_result_free(&res);
	if (rc != DB_OK)
		return rc;
	if (mrc != MAIL_OK) {
		log_error("export decision mail: %s", mail_strerror(mrc));
		return mrc == MAIL_EDB ? mail_last_db_error() : DB_EEXEC;
	}
	return DB_OK;
}

/* The request is decided already: the page as it is now. In the caller's transaction. */
static int
decided_already(struct ctx *ctx, const struct stud_auth *a, const struct exp_request *r)
{
	db_rollback(ctx->db);
	return check_page(ctx, a, r, "warning", "Anmodningen er allerede afgjort. Her er "
	    "afgørelsen.", NULL, NULL, 409);
}

/* POST /studerende/hjemtagelse/godkend: csrf, id, anmodning, regler, punkt_N, note. */
int
stud_export_approve(struct ctx *ctx)
{
	static const char *const yes[] = { "ja", NULL };
	struct form_field fields[EXPORTRULES_MAX_ITEMS + 1];
	char names[EXPORTRULES_MAX_ITEMS][32], path[160], detail[128];
	long long seen = stud_param(ctx, "regler");
	struct exp_request r;
	struct stud_auth a;
	struct fielderr fe;
	struct kept k;
	struct db_result res;
	struct rules *rules;
	struct form f;
	enum db_err rc;
	size_t i, unticked = 0;
	int st;

	memset(&k, 0, sizeof(k));
	k.note = kvlist_value(&ctx->req->form, "note");
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = exp_load(ctx, ACT_EXPORT_RESULTS, &a, &r, 1)) != 0)
		return st;
	if (strcmp(r.state, "requested") != 0)
		return decided_already(ctx, &a, &r);
	if ((rules = malloc(sizeof(*rules))) == NULL)
		return ctx_tx_error(ctx, DB_ENOMEM);
	if ((rc = rules_read(ctx, 0, rules)) != DB_OK) {
		free(rules);
		return ctx_tx_error(ctx, rc);
	}
	/* R22: checked against the checklist as it is now, and the one the supervisor saw. */
	if (rules->id == 0 || rules->id != seen) {
		int none = rules->id == 0;

		free(rules);
		db_rollback(ctx->db);
		return check_page(ctx, &a, &r, "warning", none ? "Filerne kan ikke godkendes endnu: "
		    "Forskningsservice har ikke offentliggjort tjeklisten for hjemtagelse." :
		    "Forskningsservice har ændret tjeklisten, siden du åbnede siden. Tjek filerne "
		    "efter den nye tjekliste herunder.", NULL, &k, 409);
	}
	memset(fields, 0, sizeof(fields));
	for (i = 0; i < rules->items.n; i++) {
		snprintf(names[i], sizeof(names[i]), "punkt_%zu", i + 1);
		fields[i].name = names[i];
		fields[i].validate = form_choice;
		fields[i].required = 1;
		fields[i].choices = yes;
	}
	fields[i].name = "note";
	fields[i].validate = form_text;
	fields[i].required = 1;		/* the issue: "approves with a note" */
	fields[i].max = EXPORT_NOTE_MAX;
	form_read(&f, fields, rules->items.n + 1, &ctx->req->form);
	fielderr_init(&fe);
	for (i = 0; i < rules->items.n; i++)
		unticked += f.v[i].err != FORM_OK;
	if (unticked)
		fielderr_addf(&fe, "tjekliste", 0, "Sæt flueben ved alle punkter i tjeklisten (%zu "
		    "mangler). Filerne kan kun godkendes, når de overholder dem alle. Gør de ikke "
		    "det, så afvis anmodningen med en begrundelse.", unticked);
	if (f.v[rules->items.n].err != FORM_OK) {
		char msg[256];

		if (f.v[rules->items.n].err == FORM_EMISSING)
			snprintf(msg, sizeof(msg), "Skriv en kort note til den studerende om, hvad du "
			    "har tjekket.");
		else
			form_message(&f, rules->items.n, msg, sizeof(msg));
		fielderr_add(&fe, "note", msg);
	}
	free(rules);
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		k.ticks = 1;
		return check_page(ctx, &a, &r, NULL, NULL, &fe, &k, 422);
	}
	/* The row written carries the rule: one decision, even from two nodes at once. */
	if ((rc = db_exec(ctx->db, &res, "UPDATE export_requests SET state = 'approved', "
	    "rules_version_id = ?, decided_by = ?, decided_at = NOW(6), decision_note = ? WHERE "
	    "id = ? AND state = 'requested'", "iisi", seen, ctx_user(ctx), k.note ? k.note : "",
	    r.id)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.affected != 1) {
		db_result_free(&res);
		return decided_already(ctx, &a, &r);
	}
	db_result_free(&res);
	/* R13, R22: what was released, as the bytes stored say. */
	snprintf(detail, sizeof(detail), "export request %lld, checklist version %lld", r.id,
	    seen);
	snprintf(path, sizeof(path), "/studerende/hjemtagelse/anmodning?id=%lld&anmodning=%lld&"
	    "besked=godkendt", a.id, r.id);
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO export_released_files (request_id, file_id, "
	    "name, size_bytes, sha256) SELECT x.request_id, f.id, f.name, f.size_bytes, f.sha256 "
	    "FROM export_request_files x JOIN files f ON f.id = x.file_id WHERE x.request_id = ? "
	    "ORDER BY x.position", "i", r.id)) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "export.approve", "case", r.student_case_id,
	    r.requested_by, ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = decision_mail(ctx, &a, &r, 1, k.note)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("export request %lld approved", r.id);
	return ctx_redirect(ctx, path);
}

/* POST /studerende/hjemtagelse/afvis: csrf, id, anmodning, begrundelse. */
int
stud_export_refuse(struct ctx *ctx)
{
	static const struct form_field refuse_fields[] = {
		{ "begrundelse", form_text, 1, 0, EXPORT_NOTE_MAX, NULL,
		  "Skriv, hvorfor filerne ikke kan hjemtages. Begrundelsen sendes til den "
		  "studerende." },
	};
	struct exp_request r;
	struct stud_auth a;
	struct fielderr fe;
	struct kept k;
	struct db_result res;
	struct form f;
	enum db_err rc;
	char path[160], detail[64];
	int st;

	memset(&k, 0, sizeof(k));
	k.reason = kvlist_value(&ctx->req->form, "begrundelse");
	fielderr_init(&fe);
	if (form_read(&f, refuse_fields, 1, &ctx->req->form) != 0)
		fielderr_form(&fe, &f);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = exp_load(ctx, ACT_EXPORT_RESULTS, &a, &r, 1)) != 0)
		return st;
	if (strcmp(r.state, "requested") != 0)
		return decided_already(ctx, &a, &r);
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		return check_page(ctx, &a, &r, NULL, NULL, &fe, &k, 422);
	}
	if ((rc = db_exec(ctx->db, &res, "UPDATE export_requests SET state = 'refused', "
	    "decided_by = ?, decided_at = NOW(6), decision_note = ? WHERE id = ? AND state = "
	    "'requested'", "isi", ctx_user(ctx), f.v[0].value, r.id)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (res.affected != 1) {
		db_result_free(&res);
		return decided_already(ctx, &a, &r);
	}
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "export request %lld", r.id);
	snprintf(path, sizeof(path), "/studerende/hjemtagelse/anmodning?id=%lld&anmodning=%lld&"
	    "besked=afvist", a.id, r.id);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "export.refuse", "case", r.student_case_id,
	    r.requested_by, ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = decision_mail(ctx, &a, &r, 0, f.v[0].value)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("export request %lld refused", r.id);
	return ctx_redirect(ctx, path);
}
