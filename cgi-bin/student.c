/*
 * student: the routes, loading a case with the rule of whose it is (R13), the authorisation's
 * students and one case's page with its checklist. See studentcase.h.
 */
#include "studentcase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "datefmt.h"
#include "files.h"
#include "http.h"
#include "http_parse.h"
#include "invite.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "studentexport.h"
#include "studentprogress.h"
#include "studenttimeline.h"
#include "submitkey.h"
#include "tmpl.h"

long long
stud_param(struct ctx *ctx, const char *name)
{
	return http_id(http_param(ctx->req, name));
}

int
stud_auth_load(struct ctx *ctx, enum action act, struct stud_auth *a, int lock)
{
	struct db_result res;
	enum db_err rc;
	int st;

	memset(a, 0, sizeof(*a));
	a->id = stud_param(ctx, "id");
	/* A signer or a student of the same authorisation learns nothing of its students: the
	 * policy hides them (student.view answers 404 to those without the role). */
	if ((st = auth_require(ctx, act, a->id)) != 0) {
		if (lock)
			db_rollback(ctx->db);
		return st;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT COALESCE(a.number, '-'), i.name FROM "
	    "authorisations a JOIN institutions i ON i.id = a.institution_id WHERE a.id = ?", "i",
	    a->id)) != DB_OK)
		return lock ? ctx_tx_error(ctx, rc) : ctx_db_error(ctx, rc);
	if (res.nrows == 0) {
		db_result_free(&res);
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	snprintf(a->number, sizeof(a->number), "%s", db_cell(&res, 0, 0));
	snprintf(a->institution, sizeof(a->institution), "%s", db_cell(&res, 0, 1));
	db_result_free(&res);
	return 0;
}

int
stud_load(struct ctx *ctx, enum action act, struct stud *s, int lock)
{
	struct db_result res;
	enum cases_err crc;
	enum db_err rc;
	long long sag;
	int st;

	memset(s, 0, sizeof(*s));
	kvlist_init(&s->data);
	if ((st = stud_auth_load(ctx, act, &s->a, lock)) != 0)
		return st;
	if ((sag = stud_param(ctx, "sag")) <= 0) {
		if (lock)
			db_rollback(ctx->db);
		return 400;
	}
	if ((crc = cases_load(ctx->db, sag, lock, &s->c)) == CASES_ENOTFOUND ||
	    (crc == CASES_OK && (strcmp(s->c.type, "student") != 0 ||
	    s->c.authorisation_id != s->a.id))) {
		/* Another authorisation's student is as absent as one that does not exist. */
		if (crc == CASES_OK)
			case_row_free(&s->c);
		if (lock)
			db_rollback(ctx->db);
		return 404;
	}
	if (crc != CASES_OK)
		return lock ? ctx_tx_error(ctx, DB_EEXEC) : ctx_db_error(ctx, DB_EEXEC);
	s->loaded = 1;
	/* R13: a supervisor's own students; the responsible, administrators and FSE see all. */
	if (s->c.created_by != ctx_user(ctx) && !auth_can(ctx, ACT_STUDENT_VIEW_ALL, s->a.id)) {
		stud_free(s);
		if (lock)
			db_rollback(ctx->db);
		return 403;
	}
	if (http_parse_urlencoded(s->c.data, strlen(s->c.data), &s->data) != HTTP_PARSE_OK) {
		log_error("case %lld: stored form does not parse", s->c.id);
		stud_free(s);
		return lock ? ctx_tx_error(ctx, DB_EEXEC) : ctx_db_error(ctx, DB_EEXEC);
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT name FROM users WHERE id = ?", "i",
	    s->c.created_by)) != DB_OK) {
		stud_free(s);
		return lock ? ctx_tx_error(ctx, rc) : ctx_db_error(ctx, rc);
	}
	snprintf(s->supervisor, sizeof(s->supervisor), "%s", res.nrows ? db_cell(&res, 0, 0) : "");
	db_result_free(&res);
	return 0;
}

void
stud_free(struct stud *s)
{
	if (s->loaded)
		case_row_free(&s->c);
	kvlist_free(&s->data);
	s->loaded = 0;
}

#define PROJECT_SELECT "SELECT p.case_id, p.number, p.title FROM projects p JOIN cases c ON " \
	"c.id = p.case_id WHERE p.authorisation_id = ? AND c.state = 'approved' "

static void
project_from(const struct db_result *res, size_t r, struct stud_project *p)
{
	p->case_id = db_cell_int(res, r, 0, 0);
	snprintf(p->number, sizeof(p->number), "%s", db_cell(res, r, 1));
	snprintf(p->title, sizeof(p->title), "%s", db_cell(res, r, 2));
}

enum db_err
stud_projects(struct ctx *ctx, long long auth, struct stud_project *out, size_t max, size_t *n)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	*n = 0;
	if ((rc = db_exec(ctx->db, &res, PROJECT_SELECT "ORDER BY p.approved_at, p.id", "i",
	    auth)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows && i < max; i++)
		project_from(&res, i, &out[i]);
	*n = i;
	db_result_free(&res);
	return DB_OK;
}

enum db_err
stud_project(struct ctx *ctx, long long auth, long long project_case, struct stud_project *p)
{
	struct db_result res;
	enum db_err rc;

	memset(p, 0, sizeof(*p));
	if (project_case <= 0)
		return DB_OK;
	if ((rc = db_exec(ctx->db, &res, PROJECT_SELECT "AND p.case_id = ?", "ii", auth,
	    project_case)) != DB_OK)
		return rc;
	if (res.nrows)
		project_from(&res, 0, p);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
stud_complete(struct ctx *ctx, long long auth, const struct kvlist *data, struct fielderr *fe)
{
	const char *email = kvlist_value(data, "email");
	struct stud_project p;
	enum db_err rc;
	int ok = 0;

	student_check(data, fe);
	/* R6: the student's address on one of the institution's domains. */
	if (!form_blank(email) && fielderr_message(fe, "email") == NULL) {
		if ((rc = invite_domain_ok(ctx->db, auth, email, &ok)) != DB_OK)
			return rc;
		if (!ok)
			fielderr_add(fe, "email", "Adressen skal være den studerendes adresse på "
			    "institutionen: den skal ligge på et af autorisationens domæner.");
	}
	/* R20: only an approved broad project of this authorisation. */
	if (!form_blank(kvlist_value(data, "projekt")) && fielderr_message(fe, "projekt") == NULL) {
		if ((rc = stud_project(ctx, auth, http_id(kvlist_value(data, "projekt")), &p)) !=
		    DB_OK)
			return rc;
		if (p.case_id == 0)
			fielderr_add(fe, "projekt", "Vælg et af autorisationens godkendte brede "
			    "projekter. En studerende kan kun tilknyttes et projekt, Forskningsservice "
			    "har godkendt.");
	}
	return DB_OK;
}

/* The message a redirect's ?besked= stands for. */
static const char *
query_notice(struct ctx *ctx, const char **kind)
{
	static const struct {
		const char	*key, *kind, *text;
	} notices[] = {
		{ "gemt", "success", "Oplysningerne om den studerende er gemt." },
		{ "bortfaldet", "warning", "Oplysningerne er gemt. Det underskrevne bilag 1 passer "
		  "ikke længere til teksten og er lagt i historikken. Hent bilag 1 igen, underskriv "
		  "det, og upload det." },
		{ "uploadet", "success", "Det underskrevne bilag 1 er gemt." },
		{ "sendt", "success", "Sagen er sendt til autorisationens administratorer. De har fået "
		  "en e-mail, og du har fået en kvittering." },
		{ "tilbage", "success", "Sagen er sendt tilbage til vejlederen, som har fået en e-mail "
		  "med din besked." },
		{ "fse", "success", "Den studerende er sendt til Forskningsservice, som godkender den "
		  "studerende som bruger. Du får en e-mail, når det er sket." },
		{ "adgang", "success", "Den studerende har fået adgang til projektet og en invitation "
		  "på e-mail til rollen som specialestuderende." },
		{ "flyttet", "success", "Den studerendes adgang er flyttet til det nye projekt. Den "
		  "gamle adgang er afsluttet og står i historikken." },
		{ "forlaenget", "success", "Specialeperioden er forlænget. Den studerende og "
		  "vejlederen har fået en e-mail om den nye slutdato." },
		{ "bestaaet", "success", "Den studerendes adgang er afsluttet, fordi specialet er "
		  "bestået. Den studerende og vejlederen har fået en e-mail." },
		{ "opgivet", "success", "Den studerendes adgang er afsluttet, fordi specialet er "
		  "opgivet. Den studerende og vejlederen har fået en e-mail." },
		{ "suspenderet", "success", "Adgangen er suspenderet. Den studerende, vejlederen og "
		  "Forskningsservice har fået en e-mail med begrundelsen." },
		{ "ophaevet", "success", "Suspenderingen er ophævet. Den studerende, vejlederen og "
		  "Forskningsservice har fået en e-mail." },
	};
	const char *v = kvlist_value(&ctx->req->query, "besked");
	size_t i;

	for (i = 0; v && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(v, notices[i].key) == 0) {
			*kind = notices[i].kind;
			return notices[i].text;
		}
	return NULL;
}

/* ---- the list: GET /studerende?id= --------------------------------------------------------- */

/* The FSE number of the approved project a stored form names; "-" for none (R20). */
static const char *
project_number(const char *data, const struct stud_project *projects, size_t n)
{
	struct kvlist kv;
	long long id = 0;
	size_t i;

	kvlist_init(&kv);
	if (http_parse_urlencoded(data, strlen(data), &kv) == HTTP_PARSE_OK)
		id = http_id(kvlist_value(&kv, "projekt"));
	kvlist_free(&kv);
	for (i = 0; id > 0 && i < n; i++)
		if (projects[i].case_id == id)
			return projects[i].number;
	return "-";
}

int
stud_list(struct ctx *ctx)
{
	struct stud_project projects[STUD_PROJECTS_MAX];
	struct stud_auth a;
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	size_t i, n;
	int st, all;

	if ((st = stud_auth_load(ctx, ACT_STUDENT_VIEW, &a, 0)) != 0)
		return st;
	all = auth_can(ctx, ACT_STUDENT_VIEW_ALL, a.id);
	if ((rc = stud_projects(ctx, a.id, projects, STUD_PROJECTS_MAX, &n)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* R13: the supervisor's own students; everyone's for those who see all. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, c.state, DATE_FORMAT(c.updated_at, "
	    "'%Y-%m-%d %H:%i:%s'), u.name, c.data FROM cases c JOIN users u ON u.id = c.created_by "
	    "WHERE c.type = 'student' AND c.authorisation_id = ? AND (? OR c.created_by = ?) ORDER "
	    "BY c.created_at DESC, c.id DESC", "iii", a.id, (long long)all, ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/list.tpl", "Specialestuderende")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set_int(d, "ID", a.id);
	tmpl_set(d, "NUMBER", a.number);
	tmpl_set(d, "INSTITUTION", a.institution);
	tmpl_show(d, all ? "ALL_STUDENTS" : "OWN_STUDENTS");
	for (i = 0; i < res.nrows; i++) {
		int s = case_state_parse(db_cell(&res, i, 2));

		row = tmpl_add_row(d, "STUDENT");
		tmpl_set_int(row, "ID", a.id);
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1)[0] ? db_cell(&res, i, 1) : "Uden navn");
		tmpl_set(row, "STATE_LABEL", s == CASE_SUBMITTED ? "Hos administratorerne" :
		    case_state_label(s < 0 ? CASE_DRAFT : (enum case_state)s));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 3), DATEFMT_DATE);
		tmpl_set(row, "CHANGED", when);
		tmpl_set(row, "SUPERVISOR", db_cell(&res, i, 4));
		tmpl_set(row, "PROJECT", project_number(db_cell(&res, i, 5), projects, n));
	}
	tmpl_show(d, res.nrows ? "HAS_STUDENTS" : "NO_STUDENTS");
	db_result_free(&res);
	if (auth_can(ctx, ACT_EXPORT_LOG, a.id))
		tmpl_show(d, "EXPORT_LOG");	/* issue 14: results taken home */
	if (auth_can(ctx, ACT_STUDENT_EDIT, a.id)) {
		if (n)
			tmpl_show(d, "CAN_CREATE");
		else
			tmpl_show(d, "NO_PROJECT");	/* R20: nothing to attach a student to yet */
	}
	for (i = 0; i < n; i++) {
		row = tmpl_add_row(d, "PROJECT_ROW");
		tmpl_set(row, "NUMBER", projects[i].number);
		tmpl_set(row, "TITLE", projects[i].title);
	}
	return 200;
}

/* ---- one case: GET /studerende/sag?id=&sag= ----------------------------------------------- */

/* The signed Annex 1 now on the case, with what its signature says (R27), into d. */
static enum db_err
signed_annex(struct ctx *ctx, struct tmpl_dict *d, const struct stud *s, int *has)
{
	struct files_meta m;
	struct db_result res;
	struct tmpl_dict *row;
	enum db_err rc;
	char when[64], size[32];

	*has = 0;
	if ((rc = files_current(ctx->db, FILES_ANNEX1, s->a.id, s->c.id, &m)) != DB_OK)
		return rc;
	if (m.id == 0) {
		tmpl_show(d, "NO_SIGNED_FILE");
		return DB_OK;
	}
	*has = 1;
	row = tmpl_add_row(d, "SIGNED_FILE");
	tmpl_set_int(row, "FILE_ID", m.id);
	tmpl_set(row, "NAME", m.name);
	datefmt_danish(when, sizeof(when), m.uploaded_at, DATEFMT_DATETIME);
	tmpl_set(row, "UPLOADED_AT", when);
	tmpl_set(row, "UPLOADER", m.uploader[0] ? m.uploader : "en tidligere bruger");
	form_size_text((size_t)m.size, size, sizeof(size));
	tmpl_set(row, "SIZE", size);
	if ((rc = db_exec(ctx->db, &res, "SELECT signatures, signer, COALESCE(DATE_FORMAT("
	    "signed_at, '%Y-%m-%d %H:%i:%s'), ''), verdict, certificate, whole_file FROM "
	    "file_signatures WHERE file_id = ?", "i", m.id)) != DB_OK)
		return rc;
	if (res.nrows == 0)
		tmpl_show(row, "SCAN");
	else {
		struct tmpl_dict *sig = tmpl_add_row(row, "DIGITAL");
		const char *verdict = db_cell(&res, 0, 3), *cert = db_cell(&res, 0, 4);
		int ok = strcmp(verdict, "matches") == 0 && db_cell_int(&res, 0, 5, 0);

		tmpl_set(sig, "SIGNER", db_cell(&res, 0, 1)[0] ? db_cell(&res, 0, 1) :
		    "(intet navn i certifikatet)");
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 2), DATEFMT_DATETIME);
		tmpl_set(sig, "AT", db_cell(&res, 0, 2)[0] ? when : "ikke oplyst");
		tmpl_set(sig, "VERDICT", !ok ? (strcmp(verdict, "changed") == 0 ||
		    !db_cell_int(&res, 0, 5, 0) ? "Dokumentet er ændret, efter det blev "
		    "underskrevet. Underskriften gælder ikke." : "Underskriften kan ikke "
		    "kontrolleres.") : "Underskriften passer til dokumentet: intet er ændret, siden "
		    "det blev underskrevet.");
		tmpl_set(sig, "KIND", ok ? "success" : "warning");
		tmpl_set(sig, "CERT", strcmp(cert, "trusted") == 0 ? "Certifikatet er udstedt af en "
		    "udsteder, vi kender." : strcmp(cert, "expired") == 0 ? "Certifikatet er "
		    "udløbet." : strcmp(cert, "revoked") == 0 ? "Certifikatet er spærret." :
		    "Vi kender ikke certifikatets udsteder, så navnet er underskriverens eget udsagn.");
		if (db_cell_int(&res, 0, 0, 0) > 1)
			tmpl_set_int(sig, "MORE", db_cell_int(&res, 0, 0, 0) - 1);
	}
	db_result_free(&res);
	return DB_OK;
}

/* What the attachment still waits for, in the order it happens. */
static void
check_item(struct tmpl_dict *d, const char *text, int done)
{
	struct tmpl_dict *row = tmpl_add_row(d, "CHECK");

	tmpl_set(row, "TEXT", text);
	tmpl_show(row, done ? "DONE" : "NOT_YET");
}

int
stud_page(struct ctx *ctx, struct stud *s, const char *kind, const char *text,
    const struct fielderr *fe, int status)
{
	struct fielderr missing;
	struct stud_project p;
	struct stud_fse req;
	struct stud_access live;
	struct files_meta logo;
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	char when[64];
	const char *v;
	size_t i;
	int editable = case_editable(s->c.state), has_signed, can_edit, fse_open;

	can_edit = editable && s->c.created_by == ctx_user(ctx) &&
	    auth_can(ctx, ACT_STUDENT_EDIT, s->a.id);
	fielderr_init(&missing);
	if ((rc = stud_complete(ctx, s->a.id, &s->data, &missing)) != DB_OK ||
	    (rc = stud_project(ctx, s->a.id, http_id(kvlist_value(&s->data, "projekt")), &p)) !=
	    DB_OK ||
	    (rc = files_current(ctx->db, FILES_LOGO, s->a.id, 0, &logo)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/case.tpl", s->c.title[0] ? s->c.title :
	    "Specialestuderende")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", s->a.id);
	tmpl_set_int(d, "SAG", s->c.id);
	tmpl_set_int(d, "VERSION", s->c.version);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "NUMBER", s->a.number);
	tmpl_set(d, "INSTITUTION", s->a.institution);
	tmpl_set(d, "NAME", s->c.title[0] ? s->c.title : "Studerende uden navn");
	tmpl_set(d, "SUPERVISOR", s->supervisor);
	tmpl_set(d, "STATE_LABEL", s->c.state == CASE_SUBMITTED ? "Sendt til administratorerne" :
	    case_state_label(s->c.state));
	if (text == NULL)
		text = query_notice(ctx, &kind);
	if (text) {
		row = tmpl_add_row(d, "NOTICE");
		tmpl_set(row, "KIND", kind ? kind : "info");
		tmpl_set(row, "TEXT", text);
		tmpl_set(row, "ROLE", kind && strcmp(kind, "success") == 0 ? "status" : "alert");
		tmpl_set(row, "LABEL", kind && strcmp(kind, "success") == 0 ? "Udført" :
		    kind && strcmp(kind, "error") == 0 ? "Fejl" : "Bemærk");
		tmpl_set(row, "ICON", kind && strcmp(kind, "success") == 0 ? "success" :
		    kind && strcmp(kind, "error") == 0 ? "error" : "warning");
	}
	if (fe && fielderr_count(fe))
		page_form_errors(d, NULL, NULL, fe);

	for (i = 0; i < student_nfields; i++) {
		const char *name = student_fields[i].name;

		v = kvlist_value(&s->data, name);
		if (form_blank(v))
			continue;
		row = tmpl_add_row(d, "FIELD");
		tmpl_set(row, "LABEL", student_label(name));
		if (strcmp(name, "projekt") == 0)
			tmpl_setf(row, "VALUE", "%s %s", p.case_id ? p.number : "",
			    p.case_id ? p.title : "(ikke et godkendt projekt)");
		else if (strncmp(name, "periode_", 8) == 0) {
			datefmt_day(when, sizeof(when), v);
			tmpl_set(row, "VALUE", when);
		} else
			tmpl_set(row, "VALUE", v);
	}
	if ((rc = signed_annex(ctx, d, s, &has_signed)) != DB_OK)
		return ctx_db_error(ctx, rc);

	/* Annex 1 (R26-R28): once the case is complete and the institution has its logo. */
	if (fielderr_count(&missing)) {
		struct tmpl_dict *m = tmpl_add_row(d, "INCOMPLETE");

		for (i = 0; i < missing.n; i++) {
			row = tmpl_add_row(m, "ITEM");
			tmpl_set(row, "TEXT", missing.item[i].message);
		}
	} else if (logo.id == 0) {
		/* Who must upload it, and where (R26). */
		struct tmpl_dict *m = tmpl_add_row(d, "NO_LOGO");

		tmpl_set_int(m, "ID", s->a.id);
		if ((rc = db_exec(ctx->db, &res, "SELECT u.name FROM role_assignments r JOIN users u "
		    "ON u.id = r.user_id WHERE r.authorisation_id = ? AND r.role = 'responsible' AND "
		    "r.revoked_at IS NULL ORDER BY r.id LIMIT 1", "i", s->a.id)) != DB_OK)
			return ctx_db_error(ctx, rc);
		tmpl_set(m, "RESPONSIBLE", res.nrows ? db_cell(&res, 0, 0) :
		    "den autorisationsansvarlige");
		db_result_free(&res);
		if (auth_can(ctx, ACT_LOGO_UPLOAD, s->a.id))
			tmpl_show(m, "YOU_UPLOAD");
		else
			tmpl_show(m, "THEY_UPLOAD");
	} else
		tmpl_set_int(tmpl_add_row(d, "ANNEX1"), "ID", s->a.id);

	if (can_edit) {
		char size[32];

		row = tmpl_add_row(d, "SUPERVISOR_ACTIONS");
		if (!fielderr_count(&missing) && logo.id) {
			struct tmpl_dict *up = tmpl_add_row(row, "UPLOAD");
			const char *m = fe ? fielderr_message(fe, "fil") : NULL;

			form_size_text(FILES_ANNEX1_MAX_BYTES, size, sizeof(size));
			tmpl_set(up, "MAX_SIZE", size);
			tmpl_set(up, "CSRF", ctx->session.csrf);
			submitkey_put(ctx, up);	/* one upload per form, however often sent */
			if (m)
				tmpl_set(tmpl_add_row(up, "FILE_ERROR"), "MESSAGE", m);
		}
		if (!fielderr_count(&missing) && has_signed)
			tmpl_show(row, "CAN_SEND");
		else
			tmpl_show(row, "CANNOT_SEND");
	}

	/* FSE's approval of the student as a user (R10, R15): asked by the responsible. */
	if ((rc = stud_fse_request(ctx, s->c.id, 0, &req)) != DB_OK)
		return ctx_db_error(ctx, rc);
	fse_open = req.case_id && req.state == CASE_SUBMITTED;
	if (req.case_id || s->c.state == CASE_SUBMITTED)
		tmpl_show(d, "FSE_PART");
	if (fse_open) {
		row = tmpl_add_row(d, "FSE_WAITING");
		datefmt_danish(when, sizeof(when), req.at, DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
	} else if (req.fse_id[0])
		tmpl_set(tmpl_add_row(d, "FSE_APPROVED"), "FSE_ID", req.fse_id);
	else if (req.case_id && req.state == CASE_REJECTED)
		tmpl_set(tmpl_add_row(d, "FSE_REJECTED"), "REASON", req.reason);
	if (s->c.state == CASE_SUBMITTED && !fse_open && auth_can(ctx, ACT_STUDENT_TO_FSE,
	    s->a.id)) {
		const char *given = kvlist_value(&ctx->req->form, "fse_bruger_id");
		const char *has = kvlist_value(&ctx->req->form, "har_id");
		const char *m;

		row = tmpl_add_row(d, "FSE_FORM");
		tmpl_set(row, "CSRF", ctx->session.csrf);
		submitkey_put(ctx, row);	/* one request per form, however often sent */
		if (!fe || !fielderr_count(fe)) {
			given = kvlist_value(&s->data, "fse_bruger_id");
			has = form_blank(given) ? "nej" : "ja";
		}
		tmpl_set(row, "FSE_ID", given ? given : "");
		if (has && strcmp(has, "ja") == 0)
			tmpl_show(row, "HAS_ID");
		else if (has && strcmp(has, "nej") == 0)
			tmpl_show(row, "NO_ID");
		if (req.case_id && req.state == CASE_RETURNED)
			tmpl_set(tmpl_add_row(row, "RETURNED"), "REASON", req.reason);
		if ((m = fe ? fielderr_message(fe, "har_id") : NULL) != NULL)
			tmpl_set(tmpl_add_row(row, "HAS_ID_ERROR"), "MESSAGE", m);
		if ((m = fe ? fielderr_message(fe, "fse_bruger_id") : NULL) != NULL)
			tmpl_set(tmpl_add_row(row, "FSE_ID_ERROR"), "MESSAGE", m);
	}

	/* The one project the student has access to (R11, R20), and the administrator's part. */
	if ((rc = stud_access_live(ctx, s->c.id, &live)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (live.id || s->c.state == CASE_APPROVED) {
		row = tmpl_add_row(d, "ACCESS");
		if (live.id) {
			struct tmpl_dict *l = tmpl_add_row(row, "LIVE");

			tmpl_set(l, "NUMBER", live.project.number);
			tmpl_set(l, "TITLE", live.project.title);
			datefmt_danish(when, sizeof(when), live.granted_at, DATEFMT_DATETIME);
			tmpl_set(l, "AT", when);
			tmpl_set(l, "BY", live.granted_by);
		} else
			tmpl_show(row, "NONE");
	}
	if (s->c.state == CASE_APPROVED && auth_can(ctx, ACT_STUDENT_ACCESS, s->a.id)) {
		struct tmpl_dict *a = tmpl_add_row(d, "ACCESS_ACTIONS");

		tmpl_set(a, "CSRF", ctx->session.csrf);
		if (live.id == 0 && p.case_id) {
			struct tmpl_dict *g = tmpl_add_row(a, "GRANT");

			tmpl_set(g, "NUMBER", p.number);
			tmpl_set(g, "TITLE", p.title);
			submitkey_put(ctx, g);
		} else if (live.id) {
			struct stud_project all[STUD_PROJECTS_MAX];
			struct tmpl_dict *mv = tmpl_add_row(a, "MOVE");
			const char *m;
			size_t k, n;

			if ((rc = stud_projects(ctx, s->a.id, all, STUD_PROJECTS_MAX, &n)) != DB_OK)
				return ctx_db_error(ctx, rc);
			for (k = 0; k < n; k++) {
				struct tmpl_dict *o;

				if (all[k].case_id == live.project.case_id)
					continue;
				o = tmpl_add_row(mv, "OPTION");
				tmpl_set_int(o, "VALUE", all[k].case_id);
				tmpl_set(o, "NUMBER", all[k].number);
				tmpl_set(o, "TITLE", all[k].title);
			}
			if (n < 2)
				tmpl_show(mv, "NO_OTHER");
			if ((m = fe ? fielderr_message(fe, "flyt_projekt") : NULL) != NULL)
				tmpl_set(tmpl_add_row(mv, "PROJECT_ERROR"), "MESSAGE", m);
			if ((m = fe ? fielderr_message(fe, "flyt_begrundelse") : NULL) != NULL) {
				const char *why = kvlist_value(&ctx->req->form, "begrundelse");

				tmpl_set(tmpl_add_row(mv, "REASON_ERROR"), "MESSAGE", m);
				tmpl_set(mv, "REASON", why ? why : "");
			}
		}
	}

	/* The access's life: its end, a sanction, the administrator's forms (R11). */
	if ((rc = stud_life_part(ctx, d, s->c.id, s->a.id, fe)) != DB_OK)
		return ctx_db_error(ctx, rc);

	/* Results to take home (issue 14; R13): the student's own supervisor checks them. */
	if (s->c.created_by == ctx_user(ctx) && auth_can(ctx, ACT_EXPORT_RESULTS, s->a.id)) {
		if ((rc = db_exec(ctx->db, &res, "SELECT COUNT(*) FROM export_requests WHERE "
		    "student_case_id = ? AND state = 'requested'", "i", s->c.id)) != DB_OK)
			return ctx_db_error(ctx, rc);
		row = tmpl_add_row(d, "EXPORTS");
		if (db_cell_int(&res, 0, 0, 0) > 0)
			tmpl_set(tmpl_add_row(row, "WAITING"), "COUNT", db_cell(&res, 0, 0));
		db_result_free(&res);
	}

	/* The administrators' part (R13): back to the supervisor, with what to change; not
	 * while FSE has the student. */
	if (s->c.state == CASE_SUBMITTED && !fse_open &&
	    auth_can(ctx, ACT_STUDENT_RETURN, s->a.id)) {
		const char *m = fe ? fielderr_message(fe, "begrundelse") : NULL;

		row = tmpl_add_row(d, "ADMIN_ACTIONS");
		tmpl_set(row, "CSRF", ctx->session.csrf);
		if (m) {
			tmpl_set(tmpl_add_row(row, "REASON_ERROR"), "MESSAGE", m);
			tmpl_set(row, "REASON",
			    kvlist_value(&ctx->req->form, "begrundelse") ?
			    kvlist_value(&ctx->req->form, "begrundelse") : "");
		}
	}

	/* The checklist: what the student's access still waits for (issue 13, item 8): the
	 * institution's own steps first, then what the student's access rests on. */
	check_item(d, "Oplysningerne om den studerende og specialet er udfyldt",
	    !fielderr_count(&missing));
	check_item(d, "Sendt til administratorerne", s->c.state == CASE_SUBMITTED ||
	    s->c.state == CASE_APPROVED);
	{
		struct student_progress prog;

		if ((rc = student_progress_read(ctx->db, s->c.id, s->a.id,
		    kvlist_value(&s->data, "email"), &prog)) != DB_OK)
			return ctx_db_error(ctx, rc);
		student_progress_rows(d, &prog, STUDENT_READER_STAFF);
	}

	/* The history: every move with who, when and why. */
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), "
	    "e.to_state, COALESCE(u.name, 'Forskningsservice'), e.reason FROM case_events e LEFT "
	    "JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id", "i", s->c.id)) !=
	    DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		int st = case_state_parse(db_cell(&res, i, 1));

		row = tmpl_add_row(d, "EVENT");
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 0), DATEFMT_DATETIME);
		tmpl_set(row, "AT", when);
		tmpl_set(row, "STATE_LABEL", st == CASE_SUBMITTED ? "Sendt til administratorerne" :
		    case_state_label(st < 0 ? CASE_DRAFT : (enum case_state)st));
		tmpl_set(row, "BY", db_cell(&res, i, 2));
		if (!form_blank(db_cell(&res, i, 3)))
			tmpl_set(tmpl_add_row(row, "WHY"), "TEXT", db_cell(&res, i, 3));
	}
	db_result_free(&res);
	if ((rc = student_timeline_rows(ctx->db, d, s->c.id, kvlist_value(&s->data, "email"))) != DB_OK)
		return ctx_db_error(ctx, rc);
	return status;
}

int
stud_view(struct ctx *ctx)
{
	struct stud s;
	int st;

	if ((st = stud_load(ctx, ACT_STUDENT_VIEW, &s, 0)) != 0)
		return st;
	st = stud_page(ctx, &s, NULL, NULL, NULL, 200);
	stud_free(&s);
	return st;
}

static const struct route routes[] = {
	{ "GET", "/studerende", stud_list, ACT_STUDENT_VIEW },
	{ "GET", "/studerende/sag", stud_view, ACT_STUDENT_VIEW },
	{ "GET", "/studerende/rediger", stud_edit_form, ACT_STUDENT_EDIT },
	{ "POST", "/studerende/rediger", stud_edit_submit, ACT_STUDENT_EDIT },
	{ "GET", "/studerende/bilag1", stud_annex1, ACT_STUDENT_VIEW },
	{ "POST", "/studerende/underskrevet", stud_upload, ACT_STUDENT_EDIT },
	{ "POST", "/studerende/send", stud_send, ACT_STUDENT_EDIT },
	{ "POST", "/studerende/tilbage", stud_return, ACT_STUDENT_RETURN },
	{ "POST", "/studerende/fse", stud_to_fse, ACT_STUDENT_TO_FSE },
	{ "GET", "/studerende/fse-bruger", stud_fse_page, ACT_STUDENT_VIEW },
	{ "POST", "/studerende/adgang", stud_grant, ACT_STUDENT_ACCESS },
	{ "GET", "/studerende/mig", stud_self, ACT_STUDENT_SELF },
	{ "GET", "/studerende/dokumenter", stud_documents, ACT_STUDENT_VIEW },
	{ "GET", "/studerende/dokumenter/zip", stud_documents_zip, ACT_STUDENT_VIEW },
	{ "POST", "/studerende/brugeraftale", stud_accept_agreement, ACT_STUDENT_SELF },
	{ "POST", "/studerende/flyt", stud_move, ACT_STUDENT_ACCESS },
	{ "POST", "/studerende/forlaeng", stud_extend, ACT_STUDENT_ACCESS },
	{ "POST", "/studerende/afslut", stud_end, ACT_STUDENT_ACCESS },
	{ "POST", "/studerende/suspender", stud_suspend, ACT_STUDENT_SANCTION },
	{ "POST", "/studerende/ophaev", stud_lift, ACT_STUDENT_SANCTION },
	/* Taking results home (issue 14; R13, R22): studentexport.h. */
	{ "GET", "/studerende/hjemtagelse", stud_export_page, ACT_EXPORT_REQUEST },
	{ "POST", "/studerende/hjemtagelse", stud_export_request, ACT_EXPORT_REQUEST },
	{ "GET", "/studerende/hjemtagelse/fil", stud_export_released, ACT_EXPORT_REQUEST },
	{ "GET", "/studerende/hjemtagelse/anmodninger", stud_export_list, ACT_EXPORT_RESULTS },
	{ "GET", "/studerende/hjemtagelse/anmodning", stud_export_check, ACT_EXPORT_RESULTS },
	{ "GET", "/studerende/hjemtagelse/hent", stud_export_download, ACT_EXPORT_RESULTS },
	{ "POST", "/studerende/hjemtagelse/godkend", stud_export_approve, ACT_EXPORT_RESULTS },
	{ "POST", "/studerende/hjemtagelse/afvis", stud_export_refuse, ACT_EXPORT_RESULTS },
	{ "GET", "/studerende/hjemtagelse/log", stud_export_log, ACT_EXPORT_LOG },
};

int
main(int argc, char **argv)
{
	return fcgi_main("student", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
