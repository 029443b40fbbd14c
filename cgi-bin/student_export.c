/*
 * student_export: the student's written request to take results home (issue 14; R13, R22),
 * /studerende/hjemtagelse?id=, and what the student and the supervisor's pages share (loading a
 * request with the rule of whose it is, its files, a download). The student asks on their own
 * page: up to three files (one file field each, uploaded with the request through lib/files,
 * checked by the form layer: size, type by the bytes, a PDF's active content), what each
 * contains, and a checkbox confirming they are aggregated results only. Only a student whose
 * access is active may ask (lib/studentprogress: everything holds). The request, its files, the
 * audit entry and the supervisor's mail commit together. Once the supervisor has approved, the
 * student downloads the released files here.
 */
#include "studentexport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "auth.h"
#include "caps.h"
#include "datefmt.h"
#include "filename.h"
#include "files.h"
#include "form.h"
#include "http_parse.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "policy.h"
#include "studentprogress.h"
#include "submitkey.h"
#include "tmpl.h"

/* ---- shared with the supervisor's pages ----------------------------------------------------- */

const char *
exp_state_label(const char *state)
{
	if (state && strcmp(state, "approved") == 0)
		return "Godkendt: kan hjemtages";
	if (state && strcmp(state, "refused") == 0)
		return "Afvist";
	return "Venter på vejlederen";
}

int
exp_load(struct ctx *ctx, enum action act, struct stud_auth *a, struct exp_request *r,
    int lock)
{
	struct db_result res;
	enum db_err rc;
	long long id;
	int st;

	memset(r, 0, sizeof(*r));
	if ((st = stud_auth_load(ctx, act, a, lock)) != 0)
		return st;
	if ((id = stud_param(ctx, "anmodning")) <= 0) {
		if (lock)
			db_rollback(ctx->db);
		return 400;
	}
	if ((rc = db_exec(ctx->db, &res, lock ? "SELECT r.id, r.student_case_id, c.created_by, "
	    "r.requested_by, COALESCE(r.rules_version_id, 0), r.state, DATE_FORMAT(r.requested_at, "
	    "'%Y-%m-%d %H:%i:%s'), COALESCE(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i:%s'), ''), "
	    "r.decision_note, u.name, c.title, COALESCE(d.name, '') FROM export_requests r JOIN "
	    "cases c ON c.id = r.student_case_id JOIN users u ON u.id = r.requested_by LEFT JOIN "
	    "users d ON d.id = r.decided_by WHERE r.id = ? AND r.authorisation_id = ? FOR UPDATE" :
	    "SELECT r.id, r.student_case_id, c.created_by, r.requested_by, "
	    "COALESCE(r.rules_version_id, 0), r.state, DATE_FORMAT(r.requested_at, '%Y-%m-%d "
	    "%H:%i:%s'), COALESCE(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i:%s'), ''), "
	    "r.decision_note, u.name, c.title, COALESCE(d.name, '') FROM export_requests r JOIN "
	    "cases c ON c.id = r.student_case_id JOIN users u ON u.id = r.requested_by LEFT JOIN "
	    "users d ON d.id = r.decided_by WHERE r.id = ? AND r.authorisation_id = ?", "ii", id,
	    a->id)) != DB_OK)
		return lock ? ctx_tx_error(ctx, rc) : ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	r->id = db_cell_int(&res, 0, 0, 0);
	r->student_case_id = db_cell_int(&res, 0, 1, 0);
	r->supervisor = db_cell_int(&res, 0, 2, 0);
	r->requested_by = db_cell_int(&res, 0, 3, 0);
	r->rules_version = db_cell_int(&res, 0, 4, 0);
	snprintf(r->state, sizeof(r->state), "%s", db_cell(&res, 0, 5));
	snprintf(r->requested_at, sizeof(r->requested_at), "%s", db_cell(&res, 0, 6));
	snprintf(r->decided_at, sizeof(r->decided_at), "%s", db_cell(&res, 0, 7));
	snprintf(r->note, sizeof(r->note), "%s", db_cell(&res, 0, 8));
	snprintf(r->student, sizeof(r->student), "%s", db_cell(&res, 0, 9));
	snprintf(r->student_case, sizeof(r->student_case), "%s", db_cell(&res, 0, 10));
	snprintf(r->decider, sizeof(r->decider), "%s", db_cell(&res, 0, 11));
	db_result_free(&res);
	/* R13: only the student's own supervisor checks and decides. */
	if (act == ACT_EXPORT_RESULTS && r->supervisor != ctx_user(ctx)) {
		if (lock)
			db_rollback(ctx->db);
		return 403;
	}
	/* Another student's request is not this student's to know of. */
	if (act == ACT_EXPORT_REQUEST && r->requested_by != ctx_user(ctx)) {
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	return 0;
}

enum db_err
exp_request_files(struct ctx *ctx, struct tmpl_dict *d, const struct exp_request *r,
    const char *section, int with_links)
{
	struct tmpl_dict *row;
	struct db_result res;
	enum db_err rc;
	char size[32];
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT f.id, f.name, f.size_bytes, f.sha256, "
	    "x.contents FROM export_request_files x JOIN files f ON f.id = x.file_id WHERE "
	    "x.request_id = ? ORDER BY x.position", "i", r->id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, section);
		tmpl_set(row, "FILE_ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		form_size_text((size_t)db_cell_int(&res, i, 2, 0), size, sizeof(size));
		tmpl_set(row, "SIZE", size);
		tmpl_set(row, "SIZE_BYTES", db_cell(&res, i, 2));
		tmpl_set(row, "SHA256", db_cell(&res, i, 3));
		tmpl_set(row, "CONTENTS", db_cell(&res, i, 4));
		if (with_links)
			tmpl_show(row, "LINK");
		else
			tmpl_show(row, "NO_LINK");
	}
	db_result_free(&res);
	return DB_OK;
}

enum db_err
exp_released_files(struct ctx *ctx, struct tmpl_dict *d, long long request_id, size_t *n)
{
	struct tmpl_dict *row;
	struct db_result res;
	enum db_err rc;
	char size[32];
	size_t i;

	*n = 0;
	if ((rc = db_exec(ctx->db, &res, "SELECT file_id, name, size_bytes, sha256 FROM "
	    "export_released_files WHERE request_id = ? ORDER BY id", "i", request_id)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "RELEASED");
		tmpl_set(row, "FILE_ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		form_size_text((size_t)db_cell_int(&res, i, 2, 0), size, sizeof(size));
		tmpl_set(row, "SIZE", size);
		tmpl_set(row, "SIZE_BYTES", db_cell(&res, i, 2));
		tmpl_set(row, "SHA256", db_cell(&res, i, 3));
	}
	*n = res.nrows;
	db_result_free(&res);
	return DB_OK;
}

int
exp_send_file(struct ctx *ctx, long long file_id, long long request_id)
{
	struct files_meta m;
	struct db_result res;
	struct buf disp;
	enum db_err rc;
	char detail[64];

	if ((rc = files_get(ctx->db, file_id, &m)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (m.id == 0 || m.purpose != FILES_EXPORT)
		return 404;
	/* R33: results of a named student's work; who read them is on record. */
	snprintf(detail, sizeof(detail), "export request %lld", request_id);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "export.file.read", "file", m.id, 0,
	    ctx->req->remote_addr, detail)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = files_content(ctx->db, m.id, &res)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (res.nrows != 1 || res.lens == NULL) {
		db_result_free(&res);
		return 404;
	}
	buf_init(&disp, 0);
	/* Always a download, never shown by the browser, whatever it is. */
	if (filename_disposition(&disp, 1, m.name) != 0 ||
	    http_response_header(ctx->resp, "Content-Disposition", disp.data) != 0 ||
	    buf_append(&ctx->resp->body, db_cell(&res, 0, 0), res.lens[0]) != 0) {
		buf_free(&disp);
		db_result_free(&res);
		return 500;
	}
	buf_free(&disp);
	db_result_free(&res);
	ctx->resp->content_type = m.mime ? m.mime : "application/octet-stream";
	return 200;
}

void
exp_notice(struct ctx *ctx, struct tmpl_dict *d)
{
	static const struct {
		const char	*key, *text;
	} notices[] = {
		{ "sendt", "Din anmodning er sendt til din vejleder, som har fået en e-mail. "
		  "Vejlederen tjekker filerne efter reglerne for hjemtagelse. Du får en e-mail, når "
		  "vejlederen har godkendt eller afvist anmodningen." },
		{ "godkendt", "Filerne er godkendt til hjemtagelse. Den studerende har fået en "
		  "e-mail og kan nu hente dem." },
		{ "afvist", "Anmodningen er afvist. Den studerende har fået en e-mail med "
		  "begrundelsen." },
	};
	const char *v = kvlist_value(&ctx->req->query, "besked");
	struct tmpl_dict *row;
	size_t i;

	for (i = 0; v && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(v, notices[i].key) == 0) {
			row = tmpl_add_row(d, "NOTICE");
			tmpl_set(row, "KIND", "success");
			tmpl_set(row, "ROLE", "status");
			tmpl_set(row, "LABEL", "Udført");
			tmpl_set(row, "ICON", "success");
			tmpl_set(row, "TEXT", notices[i].text);
		}
}

/* ---- the student's side --------------------------------------------------------------------- */

static const char *const yes[] = { "ja", NULL };

/* The request form: the file fields and what each contains, in pairs, then the confirmation. */
static const struct form_field request_fields[] = {
	{ "fil_1", form_file_field, 1, 0, FILES_EXPORT_MAX_BYTES, files_export_types,
	  "Vælg den fil, du vil hjemtage." },
	{ "indhold_1", form_text, 0, 0, EXPORT_CONTENTS_MAX, NULL, NULL },
	{ "fil_2", form_file_field, 0, 0, FILES_EXPORT_MAX_BYTES, files_export_types, NULL },
	{ "indhold_2", form_text, 0, 0, EXPORT_CONTENTS_MAX, NULL, NULL },
	{ "fil_3", form_file_field, 0, 0, FILES_EXPORT_MAX_BYTES, files_export_types, NULL },
	{ "indhold_3", form_text, 0, 0, EXPORT_CONTENTS_MAX, NULL, NULL },
	{ "aggregeret", form_choice, 1, 0, 0, yes,
	  "Bekræft, at filerne kun indeholder aggregerede resultater. Filer med oplysninger om "
	  "enkeltpersoner kan ikke hjemtages." },
};
#define F_AGGREGATED	6
#define NREQUEST	(sizeof(request_fields) / sizeof(request_fields[0]))

/* The student's case on the authorisation, its address, and its supervisor. */
struct own {
	long long	sag;
	long long	supervisor;
	char		email[256];
	char		supervisor_name[256];
	char		supervisor_email[256];
	int		active;		/* everything holds (lib/studentprogress) */
};

static enum db_err
own_read(struct ctx *ctx, long long auth, struct own *o)
{
	struct student_progress prog;
	struct db_result res;
	struct kvlist data;
	enum db_err rc;

	memset(o, 0, sizeof(*o));
	if ((rc = stud_own_case(ctx, auth, &o->sag)) != DB_OK || o->sag == 0)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT c.data, c.created_by, u.name, u.email, u.status "
	    "= 'active' FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id = ?", "i",
	    o->sag)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		db_result_free(&res);
		o->sag = 0;
		return DB_OK;
	}
	kvlist_init(&data);
	if (http_parse_urlencoded(db_cell(&res, 0, 0), strlen(db_cell(&res, 0, 0)), &data) ==
	    HTTP_PARSE_OK && kvlist_value(&data, "email"))
		snprintf(o->email, sizeof(o->email), "%s", kvlist_value(&data, "email"));
	kvlist_free(&data);
	o->supervisor = db_cell_int(&res, 0, 1, 0);
	snprintf(o->supervisor_name, sizeof(o->supervisor_name), "%s", db_cell(&res, 0, 2));
	if (db_cell_int(&res, 0, 4, 0))
		snprintf(o->supervisor_email, sizeof(o->supervisor_email), "%s", db_cell(&res, 0, 3));
	db_result_free(&res);
	if ((rc = student_progress_read(ctx->db, o->sag, auth, o->email, &prog)) != DB_OK)
		return rc;
	o->active = student_progress_active(&prog);
	return DB_OK;
}

/* The student's requests on their case, newest first, each with its files and decision. */
static enum db_err
own_requests(struct ctx *ctx, struct tmpl_dict *d, const struct own *o)
{
	struct tmpl_dict *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	size_t i, n;

	if ((rc = db_exec(ctx->db, &res, "SELECT r.id, r.state, DATE_FORMAT(r.requested_at, "
	    "'%Y-%m-%d %H:%i:%s'), COALESCE(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i:%s'), ''), "
	    "r.decision_note, COALESCE(u.name, '') FROM export_requests r LEFT JOIN users u ON "
	    "u.id = r.decided_by WHERE r.student_case_id = ? AND r.requested_by = ? ORDER BY "
	    "r.requested_at DESC, r.id DESC LIMIT 100", "ii", o->sag, ctx_user(ctx))) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows; i++) {
		struct exp_request r;

		memset(&r, 0, sizeof(r));
		r.id = db_cell_int(&res, i, 0, 0);
		row = tmpl_add_row(d, "REQUEST");
		tmpl_set_int(row, "REQUEST_ID", r.id);
		tmpl_set(row, "STATE_LABEL", exp_state_label(db_cell(&res, i, 1)));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 2), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		if ((rc = exp_request_files(ctx, row, &r, "FILE", 0)) != DB_OK)
			break;
		if (strcmp(db_cell(&res, i, 1), "requested") == 0)
			tmpl_show(row, "WAITING");
		else {
			struct tmpl_dict *dec = tmpl_add_row(row, strcmp(db_cell(&res, i, 1),
			    "approved") == 0 ? "APPROVED" : "REFUSED");

			datefmt_danish(when, sizeof(when), db_cell(&res, i, 3), DATEFMT_DATETIME);
			tmpl_set(dec, "AT", when);
			tmpl_set(dec, "BY", db_cell(&res, i, 5));
			if (!form_blank(db_cell(&res, i, 4)))
				tmpl_set(tmpl_add_row(dec, "NOTE"), "TEXT", db_cell(&res, i, 4));
			if (strcmp(db_cell(&res, i, 1), "approved") == 0 &&
			    (rc = exp_released_files(ctx, dec, r.id, &n)) != DB_OK)
				break;
		}
	}
	if (rc == DB_OK)
		tmpl_show(d, res.nrows ? "HAS_REQUESTS" : "NO_REQUESTS");
	db_result_free(&res);
	return rc;
}

/* The student's page: the form (when their access is active) and their requests. */
static int
render(struct ctx *ctx, const struct stud_auth *a, const struct own *o, const struct form *f,
    const struct fielderr *fe, const char *refusal, int status)
{
	struct tmpl_dict *d, *form, *row;
	enum db_err rc;
	char size[32], key[32];
	const char *m;
	size_t i;

	if ((d = ctx_page(ctx, "student/export.tpl", "Hjemtag resultater")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", a->id);
	tmpl_set(d, "INSTITUTION", a->institution);
	exp_notice(ctx, d);
	if (fe && fielderr_count(fe))
		page_form_errors(d, NULL, NULL, fe);
	if (refusal) {
		row = tmpl_add_row(d, "REFUSAL");
		tmpl_set(row, "TEXT", refusal);
	}
	if (o->sag == 0) {
		tmpl_show(d, "NO_CASE");
		return status;
	}
	tmpl_show(d, "HAS_CASE");
	tmpl_set(d, "SUPERVISOR", o->supervisor_name);
	if (!o->active)
		tmpl_show(d, "NOT_ACTIVE");
	else {
		form = tmpl_add_row(d, "FORM");
		tmpl_set(form, "CSRF", ctx->session.csrf);
		submitkey_put(ctx, form);	/* one request per form, however often sent */
		form_size_text(FILES_EXPORT_MAX_BYTES, size, sizeof(size));
		tmpl_set(form, "MAX_SIZE", size);
		tmpl_set_int(form, "MAX_FILES", EXPORT_FILES);
		for (i = 1; i <= EXPORT_FILES; i++) {
			row = tmpl_add_row(form, "FILE_FIELD");
			tmpl_set_int(row, "N", (long long)i);
			if (i == 1)
				tmpl_show(row, "FIRST");
			else
				tmpl_show(row, "MORE");
			snprintf(key, sizeof(key), "fil_%zu", i);
			if ((m = fe ? fielderr_message(fe, key) : NULL) != NULL)
				tmpl_set(tmpl_add_row(row, "FILE_ERROR"), "MESSAGE", m);
			snprintf(key, sizeof(key), "indhold_%zu", i);
			if ((m = fe ? fielderr_message(fe, key) : NULL) != NULL)
				tmpl_set(tmpl_add_row(row, "CONTENTS_ERROR"), "MESSAGE", m);
			/* What was typed is kept; a file must be chosen again (a browser never
			 * fills in a file field). */
			if (f && f->v[2 * (i - 1) + 1].value)
				tmpl_set(row, "CONTENTS", f->v[2 * (i - 1) + 1].value);
		}
		if (f && fe && fielderr_count(fe))
			tmpl_show(form, "CHOOSE_AGAIN");
		if (f && f->v[F_AGGREGATED].err == FORM_OK && f->v[F_AGGREGATED].value)
			tmpl_show(form, "AGGREGATED_CHECKED");
		if ((m = fe ? fielderr_message(fe, "aggregeret") : NULL) != NULL)
			tmpl_set(tmpl_add_row(form, "AGGREGATED_ERROR"), "MESSAGE", m);
	}
	if ((rc = own_requests(ctx, d, o)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return status;
}

/* GET /studerende/hjemtagelse?id= */
int
stud_export_page(struct ctx *ctx)
{
	struct stud_auth a;
	struct own o;
	enum db_err rc;
	int st;

	if ((st = stud_auth_load(ctx, ACT_EXPORT_REQUEST, &a, 0)) != 0)
		return st;
	if ((rc = own_read(ctx, a.id, &o)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return render(ctx, &a, &o, NULL, NULL, NULL, 200);
}

/* The rules beyond the validators, as field messages: a file's contents said, no contents
 * without a file, and the type refusal in words a student knows. 1 when a file is too large. */
static int
check_request(const struct form *f, struct fielderr *fe)
{
	char fil[32], indhold[32];
	int too_large = 0;
	size_t i;

	for (i = 0; i < EXPORT_FILES; i++) {
		const struct form_value *file = &f->v[2 * i], *contents = &f->v[2 * i + 1];

		snprintf(fil, sizeof(fil), "fil_%zu", i + 1);
		snprintf(indhold, sizeof(indhold), "indhold_%zu", i + 1);
		if (file->err == FORM_EFILETYPE)
			fielderr_add(fe, fil, "Filen skal være en tabel som tekst (CSV eller TXT), en "
			    "PDF eller et billede (PNG eller JPEG). Vi ser på filens indhold, ikke på "
			    "dens navn.");
		else if (file->err != FORM_OK) {
			char msg[256];

			form_message(f, 2 * i, msg, sizeof(msg));
			fielderr_add(fe, fil, msg);
			too_large |= file->err == FORM_EFILESIZE;
		}
		if (contents->err != FORM_OK) {
			char msg[256];

			form_message(f, 2 * i + 1, msg, sizeof(msg));
			fielderr_add(fe, indhold, msg);
		} else if (file->file && form_blank(contents->value))
			fielderr_add(fe, indhold, "Skriv, hvad filen indeholder: hvilke tabeller, "
			    "figurer eller tal, og hvad de er opgjort på.");
		else if (file->err == FORM_OK && file->file == NULL && !form_blank(contents->value))
			fielderr_add(fe, fil, "Vælg den fil, beskrivelsen hører til, eller slet "
			    "beskrivelsen.");
	}
	if (f->v[F_AGGREGATED].err != FORM_OK) {
		char msg[256];

		form_message(f, F_AGGREGATED, msg, sizeof(msg));
		fielderr_add(fe, "aggregeret", msg);
	}
	return too_large;
}

/* The name a file is kept under: the cleaned name, and a text table keeps .csv if it had it. */
static void
export_name(const struct kv *part, const struct form_file *ff, char *out, size_t n)
{
	const char *sent = part && part->filename ? part->filename : "";
	size_t len = strlen(sent);

	snprintf(out, n, "%s", ff->name);
	if (strcmp(ff->type, "text/plain") == 0 && len >= 4 &&
	    strcasecmp(sent + len - 4, ".csv") == 0)
		filename_clean(sent, "csv", out, n);
}

/* The supervisor is asked to check (R13; R32: told when something needs them). */
static enum db_err
request_mail(struct ctx *ctx, const struct stud_auth *a, const struct own *o, long long id,
    size_t nfiles)
{
	struct tmpl_dict *md;
	enum mail_err mrc;

	if (o->supervisor_email[0] == '\0')
		return DB_OK;	/* a disabled account gets no mail; the page still waits for them */
	if ((md = tmpl_dict_new()) == NULL)
		return DB_ENOMEM;
	tmpl_set(md, "NAME", o->supervisor_name);
	tmpl_set(md, "STUDENT", ctx->session.name);
	tmpl_set(md, "NUMBER", a->number);
	tmpl_set(md, "INSTITUTION", a->institution);
	tmpl_set_int(md, "FILES", (long long)nfiles);
	tmpl_show(md, nfiles == 1 ? "ONE_FILE" : "SEVERAL_FILES");
	tmpl_setf(md, "LINK", "%s/studerende/hjemtagelse/anmodning?id=%lld&anmodning=%lld",
	    ctx->cfg->base_url, a->id, id);
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, o->supervisor_email, o->supervisor_name,
	    "En studerende beder dig hjemtage resultater", "export_requested", md,
	    "export_requested", NULL);
	tmpl_dict_free(md);
	if (mrc != MAIL_OK) {
		log_error("export request mail: %s", mail_strerror(mrc));
		return mrc == MAIL_EDB ? mail_last_db_error() : DB_EEXEC;
	}
	return DB_OK;
}

/* POST /studerende/hjemtagelse (multipart): csrf, id, engangsnoegle, fil_N, indhold_N,
 * aggregeret. */
int
stud_export_request(struct ctx *ctx)
{
	struct stud_auth a;
	struct fielderr fe;
	struct own o;
	struct form f;
	struct db_result res;
	enum db_err rc;
	long long id, file_id;
	char path[128], detail[96], msg[CAPS_MESSAGE_MAX];
	unsigned long long bytes;
	size_t i, nfiles = 0;
	int st, too_large;

	if ((st = stud_auth_load(ctx, ACT_EXPORT_REQUEST, &a, 0)) != 0)
		return st;
	/* Pure: the fields and files as they came; answered after the access is known. */
	form_read(&f, request_fields, NREQUEST, &ctx->req->form);
	fielderr_init(&fe);
	too_large = check_request(&f, &fe);

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* R13, R14, R15: only a student whose access is active asks; read in the transaction
	 * that writes, so a sanction or an end date just passed is seen. */
	if ((rc = own_read(ctx, a.id, &o)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (o.sag == 0 || !o.active) {
		db_rollback(ctx->db);
		return render(ctx, &a, &o, NULL, NULL, o.sag == 0 ? "Vi kan ikke finde din "
		    "tilknytning til et speciale, så du kan ikke bede om at hjemtage resultater." :
		    "Du kan ikke bede om at hjemtage resultater nu, fordi din adgang til projektet "
		    "ikke er aktiv. Se på siden Mit speciale, hvad adgangen venter på.", 409);
	}
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		/* A file over its cap is too large content (413); the rest is the form (422). */
		return render(ctx, &a, &o, &f, &fe, NULL, too_large ? 413 : 422);
	}
	if ((st = submitkey_claim(ctx, "export.request")) != 0)
		return st;
	/* Issue 16: the request's files together, against the person's day, the case and the
	 * authorisation. */
	for (i = 0, bytes = 0; i < EXPORT_FILES; i++) {
		const struct kv *part = kvlist_get(&ctx->req->form, request_fields[2 * i].name);

		if (f.v[2 * i].file && part)
			bytes += part->value_len;
	}
	if ((st = caps_gate_upload(ctx, a.id, o.sag, bytes, msg, sizeof(msg))) != 0) {
		if (st != 429)
			return st;
		fielderr_add(&fe, request_fields[0].name, msg);
		return render(ctx, &a, &o, &f, &fe, NULL, 429);
	}
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO export_requests (authorisation_id, "
	    "student_case_id, requested_by, aggregated_confirmed) VALUES (?, ?, ?, 1)", "iii", a.id,
	    o.sag, ctx_user(ctx))) != DB_OK)
		return ctx_tx_error(ctx, rc);
	id = (long long)res.insert_id;
	db_result_free(&res);
	for (i = 0; i < EXPORT_FILES; i++) {
		const struct form_value *file = &f.v[2 * i], *contents = &f.v[2 * i + 1];
		const struct kv *part = kvlist_get(&ctx->req->form, request_fields[2 * i].name);
		struct form_file ff;

		if (file->file == NULL || part == NULL)
			continue;
		ff = *file->file;
		export_name(part, file->file, ff.name, sizeof(ff.name));
		if ((rc = files_add(ctx->db, FILES_EXPORT, a.id, o.sag, ctx_user(ctx), part->value,
		    part->value_len, &ff, &file_id)) != DB_OK ||
		    (rc = db_exec(ctx->db, NULL, "INSERT INTO export_request_files (request_id, "
		    "position, file_id, contents) VALUES (?, ?, ?, ?)", "iiis", id,
		    (long long)(nfiles + 1), file_id, contents->value)) != DB_OK)
			return ctx_tx_error(ctx, rc);
		nfiles++;
	}
	snprintf(detail, sizeof(detail), "export request %lld, %zu file(s)", id, nfiles);
	snprintf(path, sizeof(path), "/studerende/hjemtagelse?id=%lld&besked=sendt", a.id);
	if (nfiles == 0 ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "export.request", "case", o.sag, 0,
	    ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = request_mail(ctx, &a, &o, id, nfiles)) != DB_OK ||
	    (rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, nfiles == 0 ? DB_EEXEC : rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("export request %lld: %zu file(s)", id, nfiles);
	return ctx_redirect(ctx, path);
}

/* GET /studerende/hjemtagelse/fil?id=&anmodning=&fil=: a released file, to the student who
 * asked, once the supervisor has approved (R13). */
int
stud_export_released(struct ctx *ctx)
{
	struct exp_request r;
	struct stud_auth a;
	struct db_result res;
	enum db_err rc;
	long long file = stud_param(ctx, "fil");
	int st, released;

	if ((st = exp_load(ctx, ACT_EXPORT_REQUEST, &a, &r, 0)) != 0)
		return st;
	if ((rc = db_exec(ctx->db, &res, "SELECT COUNT(*) FROM export_released_files x JOIN "
	    "export_requests r ON r.id = x.request_id WHERE x.request_id = ? AND x.file_id = ? AND "
	    "r.state = 'approved'", "ii", r.id, file)) != DB_OK)
		return ctx_db_error(ctx, rc);
	released = db_cell_int(&res, 0, 0, 0) > 0;
	db_result_free(&res);
	/* Not released (yet, or ever): to the student it is not there. */
	if (!released)
		return 404;
	return exp_send_file(ctx, file, r.id);
}
