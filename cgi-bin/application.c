/*
 * application: the applicant's side of an application for an education authorisation (issue 5;
 * R1-R6, R17, R31, R32), up to and including submission. "Mine sager" lists the user's
 * own cases and what waits for them (R32); the guided form has five steps, each saved into the
 * case's urlencoded data (lib/cases.h) with the version the user saw, so a change made in another
 * window is never overwritten. A draft ("Gem kladde") may be incomplete but never malformed; going
 * on ("Videre") needs the step complete. Only the case's creator sees it: others get 404.
 *
 * The personnel-responsible manager confirms their responsibility (R4.2) by a single-use link
 * mailed to them (manager_confirmations, token stored hashed), on a public page: no account. A
 * confirmation counts only while the case's leder_email is the confirmed address. Submitting
 * checks the whole application again, then moves the case, audits, mails FSE (R5) and sends the
 * applicant a receipt (R31) in one transaction.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "appfields.h"
#include "audit.h"
#include "buf.h"
#include "cases.h"
#include "datefmt.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "http_parse.h"
#include "kv.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "platform.h"
#include "policy.h"
#include "session.h"
#include "tmpl.h"

#define NSTEPS		5
#define NPROG		5
#define NPERSON		6
#define MIN_PERSONS	3
#define CONFIRM_DAYS	14

static const char *const step_labels[NSTEPS] = {
	"Institution", "De fire krav", "E-maildomæner", "Analyseplatform", "Gennemse",
};

static const char *const universities[] = { "ku", "au", "sdu", "ruc", "aau", "dtu", "cbs", "itu",
	"anden", NULL };

static const char R1_TEXT[] = "Ordningen er kun for kandidatuddannelser, der afsluttes med et "
    "speciale (typisk 30-60 ECTS).";
static const char R43_TEXT[] = "Der skal være mindst tre personer i miljøet (vejledere "
    "medregnet) med konkret erfaring med data og store datasæt og solidt kendskab til Danmarks "
    "Statistiks regler for datasikkerhed. Udfyld navn, e-mail, rolle og erfaring for mindst tre.";

/* R4.2, as the applicant reads it when the manager has not confirmed. */
static const char R42_TEXT[] = "Lederen har ikke bekræftet endnu. Den personaleansvarlige leder "
    "skal selv bekræfte, at lederen påtager sig ansvaret for autorisationen og fører tilsyn med, "
    "at dens regler overholdes, herunder at alle med adgang kender reglerne for adgang til data "
    "og for hjemtagelse af resultater. Send bekræftelsen til lederen, og send ansøgningen, når "
    "lederen har bekræftet via linket i sin e-mail.";

/* What the review page shows besides the application: why it cannot be sent, and notices. */
/* A reason the whole application cannot be sent yet, under the step it belongs to. */
#define PROBLEM(rv, step, ...)	fielderr_addf(&(rv)->problems, NULL, (step), __VA_ARGS__)

struct review {
	struct fielderr	problems;	/* each in the group of its step */
	int		not_confirmed;	/* submit refused: R4.2 */
	int		stale;		/* submit refused: the case changed meanwhile */
};

/* ---- the steps' fields ------------------------------------------------------------------- */

#define LINE(n, req, max, msg)	{ n, form_line, req, 0, max, NULL, msg }
#define TEXT(n, req, max, msg)	{ n, form_text, req, 0, max, NULL, msg }
#define PROG(i)	LINE("udd_navn_" #i, 0, 200, NULL), \
	{ "udd_ects_" #i, form_int, 0, 0, 999, NULL, NULL }
#define PERSON(i) LINE("person_navn_" #i, 0, 200, NULL), \
	{ "person_email_" #i, form_email, 0, 0, 254, NULL, NULL }, \
	LINE("person_rolle_" #i, 0, 200, NULL), TEXT("person_erfaring_" #i, 0, 2000, NULL)

enum { S1_UNI, S1_UNIT, S1_DESC, S1_NEED, S1_PROG };	/* then name, ects per programme */
static const struct form_field step1[] = {
	{ "universitet", form_choice, 1, 0, 0, universities,
	    "Vælg et universitet, eller vælg en anden institution." },
	LINE("enhed", 1, 200, "Skriv navnet på fakultetet, instituttet eller centret."),
	TEXT("anden_beskrivelse", 0, 4000, NULL),
	TEXT("anden_behov", 0, 4000, NULL),
	PROG(1), PROG(2), PROG(3), PROG(4), PROG(5),
};

enum { S2_SEC, S2_MNAME, S2_MTITLE, S2_MEMAIL, S2_URL, S2_PERSON };	/* then 4 per person */
static const struct form_field step2[] = {
	TEXT("sikkerhed", 1, 4000, "Beskriv, hvordan I holder et højt og vedvarende fokus på "
	    "datasikkerhed."),
	LINE("leder_navn", 1, 200, "Skriv navnet på den personaleansvarlige leder."),
	LINE("leder_titel", 1, 200, "Skriv lederens titel."),
	{ "leder_email", form_email, 1, 0, 254, NULL,
	    "Skriv lederens e-mailadresse fra institutionen." },
	{ "url", form_url, 1, 0, 500, NULL,
	    "Skriv adressen på siden på universitetets hjemmeside, der præsenterer miljøet." },
	PERSON(1), PERSON(2), PERSON(3), PERSON(4), PERSON(5), PERSON(6),
};

static const struct form_field step3[] = {
	TEXT("domaener", 1, 2000, "Skriv mindst ét e-maildomæne, fx econ.ku.dk."),
};


static const struct {
	const struct form_field	*fields;
	size_t			 n;
} steps[NSTEPS] = {
	{ step1, sizeof(step1) / sizeof(step1[0]) },
	{ step2, sizeof(step2) / sizeof(step2[0]) },
	{ step3, sizeof(step3) / sizeof(step3[0]) },
	{ platform_fields, PLATFORM_F__MAX },	/* R17: shared with /projekt/platform */
	{ NULL, 0 },
};

/* ---- small helpers ----------------------------------------------------------------------- */

static int
in_step(int step, const char *name)
{
	size_t i;

	for (i = 0; i < steps[step - 1].n; i++)
		if (strcmp(steps[step - 1].fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* The user's own case, loaded; 0 when it is theirs, else the status to answer (404 hides it). */
static int
own_case(struct ctx *ctx, long long id, struct case_row *c)
{
	enum cases_err rc;

	if (id <= 0)
		return 404;
	if ((rc = cases_load(ctx->db, id, 0, c)) == CASES_ENOTFOUND)
		return 404;
	if (rc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if (c->created_by != ctx_user(ctx) || strcmp(c->type, "authorisation") != 0) {
		case_row_free(c);
		return 404;
	}
	return 0;
}

/* ---- messages per field ------------------------------------------------------------------- */

/* The message for a field, from its validator or from a rule; NULL when none. */
static const char *
field_msg(const struct form *f, const struct fielderr *m, const char *name, char *out, size_t n)
{
	const char *rule = fielderr_message(m, name);
	size_t i;

	if (rule)
		return rule;
	for (i = 0; f && i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0 && f->v[i].err != FORM_OK) {
			form_message(f, i, out, n);
			return out;
		}
	return NULL;
}

/* The value and the message of a field of a repeated row, into the row's dictionary. */
static void
row_field(struct tmpl_dict *row, const char *key, const char *name, const struct kvlist *src,
    const struct form *f, const struct fielderr *m)
{
	char msg[256], sec[64];
	const char *v = kvlist_value(src, name), *e;

	snprintf(sec, sizeof(sec), "VALUE_%s", key);
	tmpl_set(row, sec, v ? v : "");
	if ((e = field_msg(f, m, name, msg, sizeof(msg))) != NULL) {
		snprintf(sec, sizeof(sec), "ERROR_%s", key);
		tmpl_set(tmpl_add_row(row, sec), "MESSAGE", e);
	}
}

/* ---- the pages ----------------------------------------------------------------------------- */

static void
step_guide(struct tmpl_dict *d, long long id, int current)
{
	struct tmpl_dict *row;
	int i;

	for (i = 0; i < NSTEPS; i++) {
		row = tmpl_add_row(d, "STEP");
		tmpl_set_int(row, "N", i + 1);
		tmpl_set_int(row, "ID", id);
		tmpl_set(row, "LABEL", step_labels[i]);
		tmpl_show(row, i + 1 == current ? "CURRENT" : "OTHER");
	}
}

/*
 * The manager's confirmation as it stands for the address now saved in the case: 1 confirmed,
 * 0 not; when not, *pending tells whether a link to that address is still open. when: the time
 * of the confirmation or of the open link.
 */
static enum db_err
manager_state(struct ctx *ctx, long long id, const char *email, int *confirmed, int *pending,
    char *when, size_t n)
{
	struct db_result res;
	enum db_err rc;

	*confirmed = *pending = 0;
	when[0] = '\0';
	if (email == NULL || form_blank(email))
		return DB_OK;
	if ((rc = db_exec(ctx->db, &res, "SELECT confirmed_at IS NOT NULL, DATE_FORMAT("
	    "COALESCE(confirmed_at, created_at), '%d-%m-%Y %H:%i') FROM manager_confirmations "
	    "WHERE case_id = ? AND manager_email = ? AND (confirmed_at IS NOT NULL OR "
	    "expires_at > NOW(6)) ORDER BY confirmed_at IS NOT NULL DESC, id DESC LIMIT 1", "is",
	    id, email)) != DB_OK)
		return rc;
	if (res.nrows) {
		*confirmed = db_cell_int(&res, 0, 0, 0) == 1;
		*pending = !*confirmed;
		snprintf(when, n, "%s", db_cell(&res, 0, 1));
	}
	db_result_free(&res);
	return DB_OK;
}

/* The manager's confirmation on step 2 and the review: its state, and the button to send it. */
static enum db_err
manager_section(struct ctx *ctx, struct tmpl_dict *s, const struct case_row *c, int step)
{
	struct tmpl_dict *mg, *sec;
	struct kvlist data;
	const char *email, *name;
	char when[32];
	int confirmed, pending;
	enum db_err rc;

	kvlist_init(&data);
	if (http_parse_urlencoded(c->data, strlen(c->data), &data) != 0) {
		kvlist_free(&data);
		return DB_EEXEC;
	}
	email = kvlist_value(&data, "leder_email");
	name = kvlist_value(&data, "leder_navn");
	if ((rc = manager_state(ctx, c->id, email, &confirmed, &pending, when,
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
		}
		if (email && !form_blank(email) && name && !form_blank(name)) {
			struct tmpl_dict *f = tmpl_add_row(sec, "CAN_SEND");

			tmpl_set(f, "CSRF", ctx->session.csrf);
			tmpl_set_int(f, "ID", c->id);
			tmpl_set_int(f, "VERSION", c->version);
			tmpl_set_int(f, "TRIN", step);
		} else
			tmpl_show(sec, "NO_ADDRESS");
	}
	kvlist_free(&data);
	return DB_OK;
}

/* One step's page: values from src (the saved data or what the user sent), messages from f (the
 * validators) and m (the rules); on the review, rv says why it could not be sent (NULL: nothing
 * to say). */
static int
step_page(struct ctx *ctx, const struct case_row *c, int step, const struct kvlist *src,
    const struct form *f, const struct fielderr *m, int conflict, int status,
    const struct review *rv)
{
	struct tmpl_dict *d, *s, *row;
	struct db_result res;
	char title[96], key[64];
	enum db_err rc;
	size_t i;
	int k;

	snprintf(title, sizeof(title), "Ansøgning, trin %d af %d: %s", step, NSTEPS,
	    step_labels[step - 1]);
	if ((d = ctx_page(ctx, "application/step.tpl", title)) == NULL)
		return 500;
	tmpl_set_int(d, "ID", c->id);
	tmpl_set_int(d, "TRIN", step);
	tmpl_set_int(d, "NSTEPS", NSTEPS);
	tmpl_set(d, "STEP_LABEL", step_labels[step - 1]);
	tmpl_set_int(d, "VERSION", c->version);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set_int(d, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	step_guide(d, c->id, step);
	if (conflict)
		tmpl_show(d, "CONFLICT");
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "gemt") == 0 && f == NULL && m == NULL)
			tmpl_show(d, "SAVED");
	}
	snprintf(key, sizeof(key), "STEP%d", step);
	s = tmpl_add_row(d, key);
	tmpl_set(s, "CSRF", ctx->session.csrf);
	if (step < NSTEPS)
		for (i = 0; i < steps[step - 1].n; i++) {
			const char *name = steps[step - 1].fields[i].name, *v = kvlist_value(src, name);

			snprintf(key, sizeof(key), "VALUE_%s", name);
			if (v)
				tmpl_set(s, key, v);
		}
	if (f || m)
		page_form_errors(s, f, NULL, m);

	switch (step) {
	case 1: {
		const char *chosen = kvlist_value(src, "universitet");

		if ((rc = db_exec(ctx->db, &res, "SELECT code, name, affiliated FROM universities "
		    "ORDER BY sort_order", "")) != DB_OK)
			return ctx_db_error(ctx, rc);
		for (i = 0; i < res.nrows; i++) {
			row = tmpl_add_row(s, "UNIVERSITY");
			tmpl_set(row, "CODE", db_cell(&res, i, 0));
			tmpl_set(row, "NAME", db_cell(&res, i, 1));
			if (db_cell(&res, i, 2)[0])
				tmpl_set(tmpl_add_row(row, "AFFILIATED"), "TEXT", db_cell(&res, i, 2));
			if (chosen && strcmp(chosen, db_cell(&res, i, 0)) == 0)
				tmpl_show(row, "SELECTED");
		}
		db_result_free(&res);
		if (chosen && strcmp(chosen, "anden") == 0)
			tmpl_show(s, "OTHER_SELECTED");
		for (k = 1; k <= NPROG; k++) {
			char n1[32], n2[32];

			row = tmpl_add_row(s, "PROGRAMME");
			tmpl_set_int(row, "N", k);
			snprintf(n1, sizeof(n1), "udd_navn_%d", k);
			snprintf(n2, sizeof(n2), "udd_ects_%d", k);
			row_field(row, "NAME", n1, src, f, m);
			row_field(row, "ECTS", n2, src, f, m);
		}
		break;
	}
	case 2:
		tmpl_set_int(s, "MIN_PERSONS", MIN_PERSONS);
		for (k = 1; k <= NPERSON; k++) {
			char n[4][40];

			row = tmpl_add_row(s, "PERSON");
			tmpl_set_int(row, "N", k);
			snprintf(n[0], sizeof(n[0]), "person_navn_%d", k);
			snprintf(n[1], sizeof(n[1]), "person_email_%d", k);
			snprintf(n[2], sizeof(n[2]), "person_rolle_%d", k);
			snprintf(n[3], sizeof(n[3]), "person_erfaring_%d", k);
			row_field(row, "NAME", n[0], src, f, m);
			row_field(row, "EMAIL", n[1], src, f, m);
			row_field(row, "ROLE", n[2], src, f, m);
			row_field(row, "EXPERIENCE", n[3], src, f, m);
		}
		if ((rc = manager_section(ctx, s, c, 2)) != DB_OK)
			return ctx_db_error(ctx, rc);
		break;
	case 4: {
		const char *p = kvlist_value(src, "platform"), *dv = kvlist_value(src, "drev");

		tmpl_show(s, p && strcmp(p, "hosted") == 0 ? "HOSTED_CHECKED" : "FM_CHECKED");
		if (dv && strcmp(dv, "ja") == 0)
			tmpl_show(s, "DRIVE_CHECKED");
		break;
	}
	case 5: {
		char label[128];

		/* Everything entered, per step, each with a link back to change it. */
		for (k = 1; k < NSTEPS; k++) {
			struct tmpl_dict *sec = tmpl_add_row(s, "REVIEW");

			tmpl_set_int(sec, "N", k);
			tmpl_set_int(sec, "ID", c->id);
			tmpl_set(sec, "LABEL", step_labels[k - 1]);
			for (i = 0; i < src->n; i++) {
				if (!in_step(k, src->items[i].name) || form_blank(src->items[i].value))
					continue;
				row = tmpl_add_row(sec, "ITEM");
				appfields_label(src->items[i].name, label, sizeof(label));
				tmpl_set(row, "NAME", label);
				tmpl_set(row, "VALUE", src->items[i].value);
			}
		}
		tmpl_set_int(s, "ID", c->id);
		tmpl_set_int(s, "VERSION", c->version);
		tmpl_set_int(s, "SERVICE_DAYS", ctx->cfg->fse_service_days);
		if (rv && rv->problems.n) {
			struct tmpl_dict *ps = tmpl_add_row(s, "PROBLEMS");

			for (i = 0; i < rv->problems.n; i++) {
				row = tmpl_add_row(ps, "PROBLEM");
				tmpl_set_int(row, "ID", c->id);
				tmpl_set_int(row, "N", rv->problems.item[i].group);
				tmpl_set(row, "TEXT", rv->problems.item[i].message);
			}
		}
		if (rv && rv->not_confirmed)
			tmpl_set(tmpl_add_row(s, "NOT_CONFIRMED_ERROR"), "TEXT", R42_TEXT);
		if (rv && rv->stale)
			tmpl_show(s, "STALE");
		{
			const char *b = kvlist_value(&ctx->req->query, "besked");

			if (b && strcmp(b, "leder") == 0 && rv == NULL)
				tmpl_show(s, "MAIL_SENT");
		}
		if ((rc = manager_section(ctx, s, c, 5)) != DB_OK)
			return ctx_db_error(ctx, rc);
		break;
	}
	}
	return status;
}

/* ---- Mine sager (R32) ----------------------------------------------------------------------- */

static int
list_page(struct ctx *ctx)
{
	struct tmpl_dict *d, *row;
	struct db_result res;
	enum db_err rc;
	size_t i;

	/* The user's own cases of every type, with FSE's last word on a returned or rejected one. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.type, c.title, c.state, "
	    "DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i:%s'), COALESCE(c.authorisation_id, 0), "
	    "COALESCE((SELECT e.reason FROM case_events e WHERE e.case_id = c.id AND e.to_state IN "
	    "('returned', 'rejected') AND c.state IN ('returned', 'rejected') ORDER BY e.id DESC "
	    "LIMIT 1), '') FROM cases c WHERE c.created_by = ? ORDER BY c.updated_at DESC, c.id DESC",
	    "i", ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "application/list.tpl", "Mine sager")) == NULL) {
		db_result_free(&res);
		return 500;
	}
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set_int(d, "SERVICE_DAYS", ctx->cfg->fse_service_days);
	{
		const char *b = kvlist_value(&ctx->req->query, "besked");

		if (b && strcmp(b, "sendt") == 0)
			tmpl_show(d, "SENT");
		else if (b && strcmp(b, "trukket") == 0)
			tmpl_show(d, "WITHDRAWN");
	}
	for (i = 0; i < res.nrows; i++) {
		int st = case_state_parse(db_cell(&res, i, 3));
		const char *type = db_cell(&res, i, 1);
		int project = strcmp(type, "project") == 0;
		char when[48];

		row = tmpl_add_row(d, "CASE");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "TYPE", project ? "Projektindstilling" :
		    strcmp(type, "authorisation") == 0 ? "Uddannelsesautorisation" : type);
		tmpl_set(row, "TITLE", db_cell(&res, i, 2));
		tmpl_set(row, "STATE", st < 0 ? db_cell(&res, i, 3) :
		    case_state_label((enum case_state)st));
		datefmt_danish(when, sizeof(when), db_cell(&res, i, 4), DATEFMT_DATETIME);
		tmpl_set(row, "CHANGED", when);
		if (db_cell(&res, i, 6)[0])
			tmpl_set(tmpl_add_row(row, "FSE_NOTE"), "TEXT", db_cell(&res, i, 6));
		/* R32: what waits for the user. */
		if (st == CASE_DRAFT || st == CASE_RETURNED) {
			struct tmpl_dict *todo = tmpl_add_row(row, "TODO");

			if (project)
				tmpl_setf(todo, "HREF", "/projekt/sag?id=%s&sag=%s", db_cell(&res, i, 5),
				    db_cell(&res, i, 0));
			else
				tmpl_setf(todo, "HREF", "/ansoegning/trin?id=%s&trin=1",
				    db_cell(&res, i, 0));
			tmpl_set(todo, "ID", db_cell(&res, i, 0));
			tmpl_set(todo, "TEXT", st == CASE_DRAFT ? (project ?
			    "Gør indstillingen færdig" : "Gør ansøgningen færdig") :
			    "Ret og send igen");
		} else
			tmpl_show(row, "NOTHING");
		if (!project && (st == CASE_DRAFT || st == CASE_RETURNED || st == CASE_SUBMITTED))
			tmpl_set(tmpl_add_row(row, "WITHDRAW"), "ID", db_cell(&res, i, 0));
	}
	tmpl_show(d, res.nrows ? "HAS_ANY" : "NONE");
	db_result_free(&res);

	/* R12, R32: proposals that wait for this user's signature as a signer. */
	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, c.authorisation_id, "
	    "COALESCE(a.number, '-') FROM cases c JOIN authorisations a ON a.id = "
	    "c.authorisation_id JOIN role_assignments r ON r.authorisation_id = c.authorisation_id "
	    "AND r.user_id = ? AND r.role = 'signer' AND r.revoked_at IS NULL WHERE c.type = "
	    "'project' AND c.state IN ('draft', 'returned') AND NOT EXISTS (SELECT 1 FROM "
	    "proposal_signatures s WHERE s.case_id = c.id AND s.voided_at IS NULL) AND EXISTS "
	    "(SELECT 1 FROM audit_events v WHERE v.object_type = 'case' AND v.object_id = c.id AND "
	    "v.action = 'proposal.signature.request') ORDER BY c.updated_at", "i",
	    ctx_user(ctx))) != DB_OK)
		return ctx_db_error(ctx, rc);
	for (i = 0; i < res.nrows; i++) {
		row = tmpl_add_row(d, "TO_SIGN");
		tmpl_set(row, "SAG", db_cell(&res, i, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "AUTH", db_cell(&res, i, 2));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 3));
	}
	if (res.nrows)
		tmpl_show(d, "HAS_TO_SIGN");
	db_result_free(&res);
	return 200;
}

static int
create(struct ctx *ctx)
{
	char path[96];
	long long id;
	enum db_err rc;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (cases_create(ctx->db, "authorisation", ctx_user(ctx), 0,
	    "Ansøgning om uddannelsesautorisation", "", &id) != CASES_OK)
		return ctx_tx_error(ctx, DB_EEXEC);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=1", id);
	return ctx_redirect(ctx, path);
}

/* ---- a step: show, check, save ---------------------------------------------------------------- */

static int
step_form(struct ctx *ctx)
{
	long long id = http_id(http_param(ctx->req, "id"));
	long long step = http_id(http_param(ctx->req, "trin"));
	struct kvlist data;
	struct case_row c;
	int st;

	if ((st = own_case(ctx, id, &c)) != 0)
		return st;
	if (step == 0)
		step = 1;
	if (step < 1 || step > NSTEPS || !case_editable(c.state)) {
		case_row_free(&c);
		return step < 1 || step > NSTEPS ? 404 : ctx_redirect(ctx, "/ansoegning");
	}
	kvlist_init(&data);
	if (http_parse_urlencoded(c.data, strlen(c.data), &data) != 0) {
		kvlist_free(&data);
		case_row_free(&c);
		return 500;
	}
	st = step_page(ctx, &c, (int)step, &data, NULL, NULL, 0, 200, NULL);
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}

/* R6: each line a plain domain, lower-cased; the clean list into out. NULL or the message. */
static const char *
check_domains(const char *in, struct buf *out, char *msg, size_t n)
{
	const char *p = in, *e;
	char d[256];
	size_t len, i;

	while (p && *p) {
		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		while (len && isspace((unsigned char)*p))
			p++, len--;
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len) {
			int dot = 0, ok = len < sizeof(d);

			for (i = 0; ok && i < len; i++) {
				d[i] = (char)tolower((unsigned char)p[i]);
				if (d[i] == '.') {
					dot = 1;
					ok = i > 0 && i + 1 < len && d[i - 1] != '.' &&
					    d[i - 1] != '-' && p[i + 1] != '-';
				} else if (!(isalnum((unsigned char)d[i]) || d[i] == '-') ||
				    (d[i] & 0x80))
					ok = 0;
			}
			if (ok && (d[0] == '-' || d[len - 1] == '-'))
				ok = 0;
			if (!ok || !dot) {
				snprintf(msg, n, "\"%.*s\" er ikke et domæne. Skriv ét domæne pr. "
				    "linje, fx econ.ku.dk: kun bogstaver, tal, bindestreger og "
				    "punktummer, og mindst ét punktum.", (int)(len > 80 ? 80 : len), p);
				return msg;
			}
			d[len] = '\0';
			if (out->len)
				buf_puts(out, "\n");
			buf_puts(out, d);
		}
		p = e ? e + 1 : NULL;
	}
	return NULL;
}

static int
step_submit(struct ctx *ctx)
{
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long step = http_id(kvlist_value(&ctx->req->form, "trin"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	const char *handling = kvlist_value(&ctx->req->form, "handling");
	int going_on = handling && strcmp(handling, "videre") == 0;
	const struct form_field *fields;
	struct kvlist data;
	struct case_row c;
	struct form f;
	struct fielderr m;
	struct buf out, domains;
	char path[128], dmsg[300], title[300];
	enum cases_err crc;
	enum db_err rc;
	size_t i, nf;
	int st, k;

	if ((st = own_case(ctx, id, &c)) != 0)
		return st;
	if (step < 1 || step >= NSTEPS || version <= 0) {
		case_row_free(&c);
		return 400;
	}
	fields = steps[step - 1].fields;
	nf = steps[step - 1].n;
	form_read(&f, fields, nf, &ctx->req->form);
	/* A draft may leave required fields empty, never fill them wrongly. */
	if (!going_on)
		for (i = 0; i < nf; i++)
			if (f.v[i].err == FORM_EMISSING) {
				f.v[i].err = FORM_OK;
				f.nerrors--;
			}
	fielderr_init(&m);
	buf_init(&domains, 0);
	switch (step) {
	case 1: {
		const char *uni = f.v[S1_UNI].err == FORM_OK ? f.v[S1_UNI].value : NULL;
		int programmes = 0;

		/* R3: another institution describes itself and its need. */
		if (going_on && uni && strcmp(uni, "anden") == 0) {
			if (f.v[S1_DESC].err == FORM_OK && form_blank(f.v[S1_DESC].value))
				fielderr_add(&m, "anden_beskrivelse", "Beskriv institutionen og dens "
				    "kandidatuddannelser.");
			if (f.v[S1_NEED].err == FORM_OK && form_blank(f.v[S1_NEED].value))
				fielderr_add(&m, "anden_behov", "Beskriv institutionens behov for "
				    "ordningen.");
		}
		for (k = 0; k < NPROG; k++) {
			struct form_value *nv = &f.v[S1_PROG + 2 * k], *ev = nv + 1;
			int named = nv->err == FORM_OK && !form_blank(nv->value);
			int has_ects = ev->err == FORM_OK && !form_blank(ev->value);

			if (named)
				programmes++;
			/* R1: only programmes that end in a thesis of 30-60 ECTS. */
			if (ev->err == FORM_ENUMBER || (has_ects && (ev->num < 30 || ev->num > 60)) ||
			    (going_on && named && !has_ects && ev->err == FORM_OK)) {
				if (ev->err != FORM_OK) {
					ev->err = FORM_OK;
					f.nerrors--;
				}
				fielderr_add(&m, fields[S1_PROG + 2 * k + 1].name, R1_TEXT);
			} else if (has_ects && !named && nv->err == FORM_OK)
				fielderr_add(&m, fields[S1_PROG + 2 * k].name, "Skriv uddannelsens navn.");
		}
		if (going_on && programmes == 0 && fielderr_count(&m) == 0 && f.v[S1_PROG].err == FORM_OK)
			fielderr_add(&m, "udd_navn_1", "Skriv mindst én kandidatuddannelse, der skal bruge "
			    "ordningen.");
		break;
	}
	case 2: {
		int complete = 0;

		for (k = 0; k < NPERSON; k++) {
			int filled = 0, j;

			for (j = 0; j < 4; j++)
				if (f.v[S2_PERSON + 4 * k + j].err == FORM_OK &&
				    !form_blank(f.v[S2_PERSON + 4 * k + j].value))
					filled++;
			if (filled == 4)
				complete++;
		}
		/* R4.3: at least three experienced persons, to go on (a draft may hold fewer). */
		if (going_on && complete < MIN_PERSONS)
			fielderr_add(&m, "person_navn_1", R43_TEXT);
		break;
	}
	case 3:
		if (f.v[0].err == FORM_OK && f.v[0].value &&
		    check_domains(f.v[0].value, &domains, dmsg, sizeof(dmsg)))
			fielderr_add(&m, "domaener", dmsg);
		break;
	case 4:
		/* R17: a hosted server needs its name and the drive arranged with DST. */
		if (going_on)
			platform_check(&f, &m);
		break;
	}
	if (f.nerrors || fielderr_count(&m)) {
		buf_free(&domains);
		st = step_page(ctx, &c, (int)step, &ctx->req->form, &f, &m, 0, 422, NULL);
		case_row_free(&c);
		return st;
	}

	/* Merge: this step's fields replace their old values, the other steps' stay. */
	kvlist_init(&data);
	buf_init(&out, 0);
	if (http_parse_urlencoded(c.data, strlen(c.data), &data) != 0) {
		kvlist_free(&data);
		buf_free(&domains);
		case_row_free(&c);
		return 500;
	}
	for (i = 0; i < data.n; i++)
		if (!in_step((int)step, data.items[i].name))
			form_encode_pair(&out, data.items[i].name, data.items[i].value);
	for (i = 0; i < nf; i++) {
		const char *v = f.v[i].value;

		if (step == 3 && i == 0)
			v = domains.len ? domains.data : NULL;
		if (v && !form_blank(v))
			form_encode_pair(&out, fields[i].name, v);
	}
	kvlist_free(&data);
	buf_free(&domains);
	title[0] = '\0';
	if (step == 1 && f.v[S1_UNIT].value && !form_blank(f.v[S1_UNIT].value))
		snprintf(title, sizeof(title), "%s", f.v[S1_UNIT].value);

	if ((rc = db_begin(ctx->db)) != DB_OK) {
		buf_free(&out);
		case_row_free(&c);
		return ctx_db_error(ctx, rc);
	}
	crc = cases_save(ctx->db, id, (unsigned)version, title[0] ? title : NULL,
	    out.data ? out.data : "", NULL);
	buf_free(&out);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTEDITABLE) {
		struct case_row now;

		db_rollback(ctx->db);
		/* Show the form with the user's input and the version as it is now. */
		if (cases_load(ctx->db, id, 0, &now) == CASES_OK) {
			c.version = now.version;
			case_row_free(&now);
		}
		st = step_page(ctx, &c, (int)step, &ctx->req->form, NULL, NULL, 1, 409, NULL);
		case_row_free(&c);
		return st;
	}
	case_row_free(&c);
	if (crc != CASES_OK)
		return ctx_tx_error(ctx, DB_EEXEC);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if (going_on)
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld", id, step + 1);
	else
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld&besked=gemt", id,
		    step);
	return ctx_redirect(ctx, path);
}

/* ---- the whole application, checked again before it is sent ------------------------------- */

/* Every step's fields and rules (R1, R3, R4, R6, R17) on the saved data; the problems into rv. */
static void
validate_all(const struct kvlist *data, struct review *rv)
{
	char label[128], msg[300];
	struct fielderr r17;
	struct form f;
	struct buf domains;
	size_t i;
	int k, programmes = 0, complete = 0;
	const char *v;

	for (k = 1; k < NSTEPS; k++) {
		form_read(&f, steps[k - 1].fields, steps[k - 1].n, data);
		for (i = 0; i < f.nfields; i++) {
			if (f.v[i].err == FORM_OK)
				continue;
			appfields_label(steps[k - 1].fields[i].name, label, sizeof(label));
			form_message(&f, i, msg, sizeof(msg));
			PROBLEM(rv, k, "%s: %s", label, msg);
		}
	}
	/* R3: another institution describes itself and its need. */
	v = kvlist_value(data, "universitet");
	if (v && strcmp(v, "anden") == 0) {
		if (form_blank(kvlist_value(data, "anden_beskrivelse")))
			PROBLEM(rv, 1, "Beskrivelse af institutionen: Beskriv institutionen og "
			    "dens kandidatuddannelser.");
		if (form_blank(kvlist_value(data, "anden_behov")))
			PROBLEM(rv, 1, "Institutionens behov: Beskriv institutionens behov for "
			    "ordningen.");
	}
	/* R1: each programme named, with a thesis of 30-60 ECTS; at least one. */
	for (k = 1; k <= NPROG; k++) {
		char n1[32], n2[32];
		const char *name, *ects;
		long long e;

		snprintf(n1, sizeof(n1), "udd_navn_%d", k);
		snprintf(n2, sizeof(n2), "udd_ects_%d", k);
		name = kvlist_value(data, n1);
		ects = kvlist_value(data, n2);
		e = http_id(ects);
		if (!form_blank(name)) {
			programmes++;
			if (e < 30 || e > 60)
				PROBLEM(rv, 1, "Uddannelse %d: %s", k, R1_TEXT);
		} else if (!form_blank(ects))
			PROBLEM(rv, 1, "Uddannelse %d: Skriv uddannelsens navn.", k);
	}
	if (programmes == 0)
		PROBLEM(rv, 1, "Uddannelser: Skriv mindst én kandidatuddannelse, der skal bruge "
		    "ordningen.");
	/* R4.3: at least three complete experienced persons. */
	for (k = 1; k <= NPERSON; k++) {
		static const char *const part[] = { "person_navn_", "person_email_",
			"person_rolle_", "person_erfaring_" };
		int j, filled = 0;

		for (j = 0; j < 4; j++) {
			char n[40];

			snprintf(n, sizeof(n), "%s%d", part[j], k);
			if (!form_blank(kvlist_value(data, n)))
				filled++;
		}
		if (filled == 4)
			complete++;
	}
	if (complete < MIN_PERSONS)
		PROBLEM(rv, 2, "Erfarne personer: %s", R43_TEXT);
	/* R6: the domains are well-formed (they were when saved; the rule may not change). */
	buf_init(&domains, 0);
	v = kvlist_value(data, "domaener");
	if (v && check_domains(v, &domains, msg, sizeof(msg)))
		PROBLEM(rv, 3, "E-maildomæner: %s", msg);
	buf_free(&domains);
	/* R17: a hosted server needs its name and the drive arranged with DST. */
	fielderr_init(&r17);
	form_read(&f, platform_fields, PLATFORM_F__MAX, data);
	platform_check(&f, &r17);
	for (i = 0; i < r17.n; i++) {
		appfields_label(r17.item[i].field, label, sizeof(label));
		PROBLEM(rv, 4, "%s: %s", label, r17.item[i].message);
	}
}

/* The university's name (or the other path, R3) and the institution as "unit, university". */
static enum db_err
institution(struct ctx *ctx, const struct kvlist *data, char *uni, size_t un, char *inst,
    size_t in)
{
	const char *code = kvlist_value(data, "universitet"), *unit = kvlist_value(data, "enhed");
	struct db_result res;
	enum db_err rc;

	snprintf(uni, un, "%s", "En anden institution med kandidatuddannelser");
	if (code && strcmp(code, "anden") != 0) {
		if ((rc = db_exec(ctx->db, &res, "SELECT name FROM universities WHERE code = ?",
		    "s", code)) != DB_OK)
			return rc;
		if (res.nrows)
			snprintf(uni, un, "%s", db_cell(&res, 0, 0));
		db_result_free(&res);
	}
	if (unit && !form_blank(unit))
		snprintf(inst, in, "%s, %s", unit, uni);
	else
		snprintf(inst, in, "%s", uni);
	return DB_OK;
}

static int
parse_data(const struct case_row *c, struct kvlist *data)
{
	kvlist_init(data);
	if (http_parse_urlencoded(c->data, strlen(c->data), data) != 0) {
		kvlist_free(data);
		return -1;
	}
	return 0;
}

/*
 * The user's own case, still editable, with its form parsed: 0, or the answer (404 for another
 * person's, back to Mine sager when no longer editable). The caller frees c and data.
 */
static int
own_editable_case(struct ctx *ctx, long long id, struct case_row *c, struct kvlist *data)
{
	int st;

	if ((st = own_case(ctx, id, c)) != 0)
		return st;
	if (!case_editable(c->state)) {
		case_row_free(c);
		return ctx_redirect(ctx, "/ansoegning");
	}
	if (parse_data(c, data) != 0) {
		case_row_free(c);
		return 500;
	}
	return 0;
}

/* ---- the manager's confirmation (R4.2) ------------------------------------------------------ */

/* POST /ansoegning/leder: a single-use link to the saved leder_email, with its audit event. */
static int
manager_send(struct ctx *ctx)
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
		step = NSTEPS;
	if ((st = own_editable_case(ctx, id, &c, &data)) != 0)
		return st;
	/* The address the user saw on the page is the one the link goes to. */
	if (version <= 0 || (unsigned)version != c.version) {
		struct review rv;

		memset(&rv, 0, sizeof(rv));
		rv.stale = 1;
		st = step_page(ctx, &c, (int)step, &data, NULL, NULL, step == 2, 409,
		    step == NSTEPS ? &rv : NULL);
		goto out;
	}
	email = kvlist_value(&data, "leder_email");
	name = kvlist_value(&data, "leder_navn");
	if (form_blank(email) || form_blank(name)) {
		struct fielderr m;

		fielderr_init(&m);
		fielderr_add(&m, "leder_email", "Skriv og gem lederens navn og e-mailadresse, før "
		    "du sender bekræftelsen.");
		st = step_page(ctx, &c, 2, &data, NULL, &m, 0, 422, NULL);
		goto out;
	}
	if ((rc = institution(ctx, &data, uni, sizeof(uni), inst, sizeof(inst))) != DB_OK) {
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
	tmpl_set_int(md, "DAYS", CONFIRM_DAYS);
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		tmpl_dict_free(md);
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO manager_confirmations (case_id, token_hash, "
	    "manager_email, manager_name, expires_at) VALUES (?, ?, ?, ?, NOW(6) + INTERVAL ? DAY)",
	    "ibssi", id, hash, sizeof(hash), email, name, (long long)CONFIRM_DAYS)) != DB_OK) {
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
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%lld&besked=leder", id, step);
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
			rc = institution(ctx, &data, uni, sizeof(uni), mc->institution,
			    sizeof(mc->institution));
		kvlist_free(&data);
	}
	db_result_free(&res);
	return rc;
}

static int
confirm_page(struct ctx *ctx, const char *token, const struct confirmation *mc, int done,
    int status)
{
	struct tmpl_dict *d;

	if (ctx_session_ensure(ctx) == NULL)
		return 503;
	if ((d = ctx_page(ctx, "application/confirm.tpl", "Bekræftelse som leder")) == NULL)
		return 500;
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
static int
confirm_form(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->query, "token");
	struct confirmation mc;
	enum db_err rc;

	if ((rc = find_confirmation(ctx, token, 0, &mc)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return confirm_page(ctx, token, &mc, 0, 200);
}

/* POST /ansoegning/bekraeft: records the confirmation, once. */
static int
confirm_submit(struct ctx *ctx)
{
	const char *token = kvlist_value(&ctx->req->form, "token");
	struct confirmation mc;
	enum db_err rc;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = find_confirmation(ctx, token, 1, &mc)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!mc.usable) {
		db_rollback(ctx->db);
		return confirm_page(ctx, token, &mc, 0, 410);
	}
	if ((rc = db_exec(ctx->db, NULL, "UPDATE manager_confirmations SET confirmed_at = NOW(6) "
	    "WHERE id = ? AND confirmed_at IS NULL", "i", mc.id)) != DB_OK ||
	    (rc = audit_event(ctx->db, 0, "case.manager_confirm", "case", mc.case_id, 0,
	    ctx->req->remote_addr, mc.email)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return confirm_page(ctx, token, &mc, 1, 200);
}

/* ---- submission (issue 5: "On submit"; R5, R31) -------------------------------------------- */

/* The summary FSE gets (R5), from the saved data. */
static void
fse_summary(struct ctx *ctx, struct tmpl_dict *md, const struct kvlist *data, const char *uni,
    const char *inst, long long id, const char *confirmed_at)
{
	const char *v, *p, *e;
	struct tmpl_dict *row;
	int k;

	tmpl_set_int(md, "ID", id);
	tmpl_set(md, "INSTITUTION", inst);
	tmpl_set(md, "UNIVERSITY", uni);
	v = kvlist_value(data, "enhed");
	tmpl_set(md, "UNIT", v ? v : "");
	v = kvlist_value(data, "universitet");
	if (v && strcmp(v, "anden") == 0) {
		row = tmpl_add_row(md, "OTHER");
		v = kvlist_value(data, "anden_beskrivelse");
		tmpl_set(row, "DESCRIPTION", v ? v : "");
		v = kvlist_value(data, "anden_behov");
		tmpl_set(row, "NEED", v ? v : "");
	}
	for (k = 1; k <= NPROG; k++) {
		char n[32];

		snprintf(n, sizeof(n), "udd_navn_%d", k);
		if (form_blank(v = kvlist_value(data, n)))
			continue;
		row = tmpl_add_row(md, "PROGRAMME");
		tmpl_set(row, "NAME", v);
		snprintf(n, sizeof(n), "udd_ects_%d", k);
		v = kvlist_value(data, n);
		tmpl_set(row, "ECTS", v ? v : "");
	}
	v = kvlist_value(data, "leder_navn");
	tmpl_set(md, "MANAGER", v ? v : "");
	v = kvlist_value(data, "leder_titel");
	tmpl_set(md, "MANAGER_TITLE", v ? v : "");
	v = kvlist_value(data, "leder_email");
	tmpl_set(md, "MANAGER_EMAIL", v ? v : "");
	tmpl_set(md, "CONFIRMED_AT", confirmed_at);
	for (k = 1; k <= NPERSON; k++) {
		static const char *const part[] = { "person_navn_", "person_email_",
			"person_rolle_", "person_erfaring_" };
		static const char *const key[] = { "NAME", "EMAIL", "ROLE", "EXPERIENCE" };
		char n[40];
		int j;

		snprintf(n, sizeof(n), "%s%d", part[0], k);
		if (form_blank(kvlist_value(data, n)))
			continue;
		row = tmpl_add_row(md, "PERSON");
		for (j = 0; j < 4; j++) {
			snprintf(n, sizeof(n), "%s%d", part[j], k);
			v = kvlist_value(data, n);
			tmpl_set(row, key[j], v ? v : "");
		}
	}
	v = kvlist_value(data, "url");
	tmpl_set(md, "URL", v ? v : "");
	for (p = kvlist_value(data, "domaener"); p && *p; p = e ? e + 1 : NULL) {
		char dom[256];
		size_t len;

		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0 || len >= sizeof(dom))
			continue;
		memcpy(dom, p, len);
		dom[len] = '\0';
		tmpl_set(tmpl_add_row(md, "DOMAIN"), "NAME", dom);
	}
	{
		char platform[300];

		/* The application's default, as step 4 offers it: Forskermaskinen. */
		v = kvlist_value(data, "platform");
		platform_describe(v && strcmp(v, "hosted") == 0 ? v : "forskermaskinen",
		    kvlist_value(data, "server"), platform, sizeof(platform));
		tmpl_set(md, "PLATFORM", platform);
	}
	tmpl_set(md, "APPLICANT", ctx->session.name);
	tmpl_set(md, "APPLICANT_EMAIL", ctx->session.email);
	/* The FSE case page (cgi-bin/fse, /fse/sag) comes with the FSE side of issue 5. */
	tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, id);
}

/* POST /ansoegning/send: the whole application checked, then one transaction. */
static int
submit(struct ctx *ctx)
{
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	char uni[256], inst[512], when[32], date[32];
	struct tmpl_dict *md = NULL, *rd = NULL;
	struct review rv;
	struct kvlist data;
	struct case_row c;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	time_t now;
	int st, confirmed, pending;

	if ((st = own_editable_case(ctx, id, &c, &data)) != 0)
		return st;
	memset(&rv, 0, sizeof(rv));
	if (version <= 0 || (unsigned)version != c.version) {
		rv.stale = 1;
		st = step_page(ctx, &c, NSTEPS, &data, NULL, NULL, 0, 409, &rv);
		goto out;
	}
	validate_all(&data, &rv);
	if ((rc = manager_state(ctx, id, kvlist_value(&data, "leder_email"), &confirmed,
	    &pending, when, sizeof(when))) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	rv.not_confirmed = !confirmed;
	if (fielderr_count(&rv.problems) || rv.not_confirmed) {
		st = step_page(ctx, &c, NSTEPS, &data, NULL, NULL, 0, 422, &rv);
		goto out;
	}
	if ((rc = institution(ctx, &data, uni, sizeof(uni), inst, sizeof(inst))) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	if ((md = tmpl_dict_new()) == NULL || (rd = tmpl_dict_new()) == NULL) {
		st = 500;
		goto out;
	}
	fse_summary(ctx, md, &data, uni, inst, id, when);
	now = time(NULL);
	strftime(date, sizeof(date), "%d-%m-%Y", localtime(&now));
	tmpl_set(rd, "NAME", ctx->session.name);
	tmpl_set(rd, "INSTITUTION", inst);
	tmpl_set_int(rd, "ID", id);
	tmpl_set(rd, "DATE", date);
	tmpl_setf(rd, "LINK", "%s/ansoegning", ctx->cfg->base_url);
	tmpl_set_int(rd, "SERVICE_DAYS", ctx->cfg->fse_service_days);

	if ((rc = db_begin(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	/* cases_move writes the case event and the audit event (case.submitted). */
	crc = cases_move(ctx->db, id, (unsigned)version, CASE_SUBMITTED, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		struct case_row now_c;

		db_rollback(ctx->db);
		if (cases_load(ctx->db, id, 0, &now_c) == CASES_OK) {
			c.version = now_c.version;
			case_row_free(&now_c);
		}
		rv.stale = 1;
		st = step_page(ctx, &c, NSTEPS, &data, NULL, NULL, 0, 409, &rv);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* R5: FSE's mailbox and subject. */
	if ((mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
	    "Vedr. ansøgning om uddannelsesautorisation", "application_submitted_fse", md,
	    "application_submitted", NULL)) != MAIL_OK ||
	    /* R31: a receipt with the sender, what happens next, and how long. */
	    (mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->session.email, ctx->session.name,
	    "Kvittering: din ansøgning om uddannelsesautorisation er modtaget",
	    "application_receipt", rd, "application_receipt", NULL)) != MAIL_OK) {
		log_error("mail on submit: %s", mail_strerror(mrc));
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	st = ctx_redirect(ctx, "/ansoegning?besked=sendt");
out:
	if (md)
		tmpl_dict_free(md);
	if (rd)
		tmpl_dict_free(rd);
	kvlist_free(&data);
	case_row_free(&c);
	return st;
}

/* ---- withdraw: GET asks, POST does it (the applicant changes their mind) ---------------------- */

/* The applicant's own application that may still be withdrawn (draft, returned, submitted). */
static int
withdraw_page(struct ctx *ctx, const struct case_row *c, const char *error, const char *reason,
    int status)
{
	struct tmpl_dict *d;

	if ((d = ctx_page(ctx, "application/withdraw.tpl", "Træk ansøgningen tilbage")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", c->id);
	tmpl_set_int(d, "VERSION", c->version);
	tmpl_set(d, "TITLE", c->title);
	tmpl_set(d, "STATE", case_state_label(c->state));
	tmpl_set(d, "CSRF", ctx->session.csrf);
	tmpl_set(d, "VALUE_begrundelse", reason ? reason : "");
	if (c->state == CASE_SUBMITTED)
		tmpl_show(d, "SUBMITTED");
	if (error) {
		struct fielderr fe;

		fielderr_init(&fe);
		fielderr_add(&fe, "begrundelse", error);
		page_form_errors(d, NULL, NULL, &fe);
	}
	return status;
}

static int
withdraw_form(struct ctx *ctx)
{
	struct case_row c;
	int st;

	if ((st = own_case(ctx, http_id(kvlist_value(&ctx->req->query, "id")), &c)) != 0)
		return st;
	if (casefsm_check(c.state, CASE_WITHDRAWN, CASE_SIDE_APPLICANT) == CASEFSM_NOT_ALLOWED) {
		case_row_free(&c);
		return ctx_redirect(ctx, "/ansoegning");
	}
	st = withdraw_page(ctx, &c, NULL, NULL, 200);
	case_row_free(&c);
	return st;
}

static int
withdraw_submit(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	long long id = http_id(kvlist_value(&ctx->req->form, "id"));
	long long version = http_id(kvlist_value(&ctx->req->form, "version"));
	struct tmpl_dict *md = NULL;
	enum case_state was;
	struct case_row c;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	int st;

	if ((st = own_case(ctx, id, &c)) != 0)
		return st;
	if (reason && (strlen(reason) > 1000 || !mail_utf8_valid(reason, strlen(reason)))) {
		st = withdraw_page(ctx, &c, "Skriv højst 1000 tegn.", reason, 422);
		case_row_free(&c);
		return st;
	}
	was = c.state;
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		case_row_free(&c);
		return ctx_db_error(ctx, rc);
	}
	crc = cases_move(ctx->db, id, (unsigned)version, CASE_WITHDRAWN, CASE_SIDE_APPLICANT,
	    ctx_user(ctx), reason ? reason : "", ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		case_row_free(&c);
		/* Decided or changed meanwhile: Mine sager shows where it stands now. */
		return ctx_redirect(ctx, "/ansoegning");
	}
	if (crc != CASES_OK) {
		case_row_free(&c);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	/* FSE had it: they are told, so nobody works on it any more (R5's mailbox and subject). */
	if (was == CASE_SUBMITTED) {
		if ((md = tmpl_dict_new()) == NULL) {
			case_row_free(&c);
			return ctx_tx_error(ctx, DB_ENOMEM);
		}
		tmpl_set_int(md, "ID", c.id);
		tmpl_set(md, "TITLE", c.title);
		tmpl_set(md, "APPLICANT", ctx->session.name);
		tmpl_set(md, "APPLICANT_EMAIL", ctx->session.email);
		tmpl_set(md, "REASON", reason ? reason : "");
		tmpl_setf(md, "LINK", "%s/fse/sag?id=%lld", ctx->cfg->base_url, c.id);
		mrc = mail_enqueue_template(ctx->db, ctx->cfg, ctx->cfg->fse_mailbox, NULL,
		    "Vedr. ansøgning om uddannelsesautorisation", "application_withdrawn_fse", md,
		    "application_withdrawn", NULL);
		tmpl_dict_free(md);
		if (mrc != MAIL_OK) {
			log_error("mail on withdraw: %s", mail_strerror(mrc));
			case_row_free(&c);
			return ctx_tx_error(ctx, DB_EEXEC);
		}
	}
	case_row_free(&c);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, "/ansoegning?besked=trukket");
}

static const struct route routes[] = {
	{ "GET", "/ansoegning", list_page, ACT_APPLICATION },
	{ "POST", "/ansoegning/ny", create, ACT_APPLICATION },
	{ "GET", "/ansoegning/trin", step_form, ACT_APPLICATION },
	{ "POST", "/ansoegning/trin", step_submit, ACT_APPLICATION },
	{ "POST", "/ansoegning/leder", manager_send, ACT_APPLICATION },
	{ "POST", "/ansoegning/send", submit, ACT_APPLICATION },
	{ "GET", "/ansoegning/traek-tilbage", withdraw_form, ACT_APPLICATION },
	{ "POST", "/ansoegning/traek-tilbage", withdraw_submit, ACT_APPLICATION },
	{ "GET", "/ansoegning/bekraeft", confirm_form, ACT_PUBLIC },
	{ "POST", "/ansoegning/bekraeft", confirm_submit, ACT_PUBLIC },
};

int
main(int argc, char **argv)
{
	return fcgi_main("application", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
