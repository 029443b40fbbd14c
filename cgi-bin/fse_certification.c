/*
 * fse_certification: /fse/certificering, the certification course (issue 14; R14). Every user
 * must pass Statistics Denmark's course before any access. FSE staff see who has passed
 * (search by address or name, newest first, withdrawn passes marked); caseworkers and the head
 * of office record a pass one by one or from a list (lib/certlist: a CSV or semicolon file
 * from Excel, or cells pasted), and withdraw one with a reason, never deleting it.
 *
 * A list is all or nothing: every bad line is named with its number and nothing is recorded;
 * a line already recorded (the same address and day) counts as such, not as an error. Every
 * write is one transaction with its audit event and the person's accesses settled
 * (lib/certification.h), so a student whose access waited only for the course turns active,
 * and is charged the user fee, in the same commit; the page says how many did.
 *
 * The accept loop has already enforced each route's policy row before a handler runs; the page
 * asks the policy again only to decide which forms to show.
 */
#include "fse_certification.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "certification.h"
#include "certlist.h"
#include "clock.h"
#include "datefmt.h"
#include "db.h"
#include "fees.h"
#include "form.h"
#include "http_parse.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "session.h"
#include "submitkey.h"
#include "tmpl.h"

#define CERT_ID_MAX	999999999999999LL	/* form_int takes at most 15 digits */
#define COUNT_MAX	1000000LL		/* the counts a notice link carries */
#define PAGE_ROWS	200			/* newest first; search for the others */
#define SEARCH_MAX	200			/* characters */

/* ---- the forms ------------------------------------------------------------------------------ */

enum { R_EMAIL, R_NAME, R_PASSED, R_UNTIL, R__MAX };
static const struct form_field record_fields[R__MAX] = {
	[R_EMAIL] = { "email", form_email, 1, 0, CERTLIST_EMAIL_MAX, NULL,
	    "Skriv personens e-mailadresse." },
	[R_NAME] = { "navn", form_line, 1, 1, CERTLIST_NAME_MAX, NULL,
	    "Skriv personens navn." },
	/* One date input for every date field (issue 11): <input type="date">, form_date. */
	[R_PASSED] = { "bestaaet", form_date, 1, 19000101, 99991231, NULL,
	    "Skriv den dag, kurset blev bestået." },
	[R_UNTIL] = { "gyldig_til", form_date, 0, 19000101, 99991231, NULL, NULL },
};
static const char *const record_kept[] = { "email", "navn", "bestaaet", "gyldig_til" };

/* libmagic reads a CSV file as plain text (lib/filetype turns its CSV parser off). */
static const char *const list_types[] = { "text/plain", NULL };

enum { L_FILE, L_TEXT, L__MAX };
static const struct form_field list_fields[L__MAX] = {
	[L_FILE] = { "fil", form_file_field, 0, 0, CERTLIST_MAX_BYTES, list_types, NULL },
	/* Bounded in characters here, in bytes by lib/certlist. */
	[L_TEXT] = { "liste", form_text, 0, 0, CERTLIST_MAX_BYTES, NULL, NULL },
};

enum { W_ID, W_REASON, W__MAX };
static const struct form_field withdraw_fields[W__MAX] = {
	[W_ID] = { "id", form_int, 1, 1, CERT_ID_MAX, NULL,
	    "Vælg den beståelse i listen, der skal tilbagekaldes." },
	[W_REASON] = { "begrundelse", form_text, 1, 1, CERTIFICATION_REASON_MAX, NULL,
	    "Skriv, hvorfor du tilbagekalder beståelsen." },
};

enum { Q_SEARCH, Q_NOTICE, Q_ID, Q_NEW, Q_FOUND, Q_REPEATED, Q_ACTIVE, Q_HEADER, Q_WITHDRAW,
	Q__MAX };
static const char *const notice_choices[] = { "registreret", "liste", "tilbagekaldt", NULL };
static const char *const yes_choices[] = { "ja", NULL };
static const struct form_field query_fields[Q__MAX] = {
	[Q_SEARCH] = { "soeg", form_line, 0, 0, SEARCH_MAX, NULL, NULL },
	[Q_NOTICE] = { "besked", form_choice, 0, 0, 0, notice_choices, NULL },
	[Q_ID] = { "nr", form_int, 0, 1, CERT_ID_MAX, NULL, NULL },
	[Q_NEW] = { "nye", form_int, 0, 0, COUNT_MAX, NULL, NULL },
	[Q_FOUND] = { "fandtes", form_int, 0, 0, COUNT_MAX, NULL, NULL },
	[Q_REPEATED] = { "gentaget", form_int, 0, 0, COUNT_MAX, NULL, NULL },
	[Q_ACTIVE] = { "aktive", form_int, 0, 0, COUNT_MAX, NULL, NULL },
	[Q_HEADER] = { "overskrift", form_choice, 0, 0, 0, yes_choices, NULL },
	[Q_WITHDRAW] = { "tilbagekald", form_int, 0, 1, CERT_ID_MAX, NULL, NULL },
};

/* What the page shows besides the list: a refused form, or the notice after a change. */
struct view {
	const char		*search;	/* "" for all */
	const char		*search_error;	/* the search field's message; NULL none */
	/* the record form, refused */
	const struct form	*record;
	const struct fielderr	*record_fe;
	/* the list form, refused */
	const struct form	*list;
	const struct fielderr	*list_fe;
	const struct certlist	*lines;		/* its bad lines; NULL none */
	const char		*list_text;	/* the list to show again in the text field */
	int			 list_from_file;
	/* the withdraw form: shown for this pass; refused when wd is set */
	long long		 withdraw_id;
	const struct form	*wd;
	const struct fielderr	*wd_fe;
	/* the notice */
	int			 notice;	/* index in notice_choices; -1 none */
	long long		 notice_id;
	long long		 n_new, n_found, n_repeated, n_active;
	int			 header;
};

static void
view_init(struct view *v)
{
	memset(v, 0, sizeof(*v));
	v->search = "";
	v->notice = -1;
}

/* ---- helpers -------------------------------------------------------------------------------- */

static int
may_record(struct ctx *ctx)
{
	/* Fail closed (auth_can): a form less, never one too many. */
	return auth_can(ctx, ACT_FSE_CERT_RECORD, 0);
}

/* A key of its own for a form that was not the one sent (lib/submitkey puts the sent key in
 * every form that asks, and a key serves one form). */
static void
fresh_key(struct tmpl_dict *d)
{
	char key[SESSION_TOKEN_CHARS + 1];
	unsigned char hash[32];

	session_new_token(key, hash);
	tmpl_set(d, "SUBMIT_KEY", key);
}

/* "14. marts 2027" for a YYYY-MM-DD day. */
static void
day(const char *ymd, char *out, size_t n)
{
	fees_format_date(ymd, out, n);
}

/* How many accesses a change made active, as a sentence. */
static void
active_text(long long n, char *out, size_t len)
{
	if (n <= 0)
		snprintf(out, len, "Ingen adgange er blevet aktive af det. Enten har personen ikke "
		    "fået adgang til et projekt endnu, eller adgangen venter stadig på noget andet.");
	else if (n == 1)
		snprintf(out, len, "1 studerendes adgang til data er blevet aktiv, og brugergebyret "
		    "er opkrævet efter dagens takst.");
	else
		snprintf(out, len, "%lld studerendes adgange til data er blevet aktive, og "
		    "brugergebyret er opkrævet efter dagens takst.", n);
}

static void
set_notice(struct ctx *ctx, struct tmpl_dict *d, const struct view *v)
{
	struct certification c;
	struct tmpl_dict *n;
	char text[400];

	if (v->notice == 1) {
		n = tmpl_add_row(d, "NOTICE_LIST");
		tmpl_set_int(n, "NEW", v->n_new);
		tmpl_set_int(n, "FOUND", v->n_found);
		if (v->n_repeated)
			tmpl_set_int(tmpl_add_row(n, "REPEATED"), "COUNT", v->n_repeated);
		active_text(v->n_active, text, sizeof(text));
		tmpl_set(n, "ACTIVE", text);
		if (v->header)
			tmpl_show(n, "HEADER");
		return;
	}
	/* The other notices name the pass; a link to one that is not there shows nothing. */
	if (v->notice < 0 || certification_get(ctx->db, v->notice_id, &c) != DB_OK || c.id == 0)
		return;
	n = tmpl_add_row(d, v->notice == 0 ? "NOTICE_RECORDED" : "NOTICE_WITHDRAWN");
	tmpl_set(n, "NAME", c.name);
	tmpl_set(n, "EMAIL", c.email);
	day(c.passed_on, text, sizeof(text));
	tmpl_set(n, "PASSED", text);
	if (c.valid_until[0]) {
		day(c.valid_until, text, sizeof(text));
		tmpl_set(tmpl_add_row(n, "UNTIL"), "DATE", text);
	} else
		tmpl_show(n, "NO_END");
	active_text(v->n_active, text, sizeof(text));
	tmpl_set(n, "ACTIVE", text);
}

static void
set_row(struct tmpl_dict *row, const struct certification *c, const char *today, int can)
{
	char text[64];

	tmpl_set_int(row, "ID", c->id);
	tmpl_set(row, "NAME", c->name);
	tmpl_set(row, "EMAIL", c->email);
	day(c->passed_on, text, sizeof(text));
	tmpl_set(row, "PASSED", text);
	if (c->valid_until[0]) {
		day(c->valid_until, text, sizeof(text));
		tmpl_set(row, "UNTIL", text);
	} else
		tmpl_set(row, "UNTIL", "Udløber ikke");
	if (c->withdrawn_at[0]) {
		struct tmpl_dict *w = tmpl_add_row(row, "WITHDRAWN");

		char local[CLOCK_DATE_LEN];

		/* The Danish day it happened, written as the other days of the row. */
		datefmt_danish(local, sizeof(local), c->withdrawn_at, DATEFMT_ISO_DATE);
		day(local, text, sizeof(text));
		tmpl_set(w, "AT", text);
		tmpl_set(w, "BY", c->withdrawn_by);
		tmpl_set(w, "REASON", c->withdraw_reason);
	} else if (c->valid_until[0] && strcmp(c->valid_until, today) < 0)
		tmpl_show(row, "EXPIRED");
	else
		tmpl_show(row, "VALID");
	datefmt_danish(text, sizeof(text), c->recorded_at, DATEFMT_DATETIME);
	tmpl_set(row, "REC_AT", text);
	tmpl_set(row, "REC_BY", c->recorded_by);
	tmpl_set(row, "HOW", c->from_list ? "fra en liste" : "enkeltvis");
	if (can) {
		tmpl_show(row, "ACTIONS");
		if (!c->withdrawn_at[0])
			tmpl_show(row, "CAN_WITHDRAW");
	}
}

static int
set_table(struct ctx *ctx, struct tmpl_dict *d, const struct view *v, const char *today,
    int can)
{
	struct certification_list l;
	struct tmpl_dict *t;
	enum db_err rc;
	size_t i;

	if ((rc = certification_find(ctx->db, v->search, PAGE_ROWS, &l)) != DB_OK)
		return ctx_db_error(ctx, rc);
	tmpl_set(d, "SEARCH", v->search);
	tmpl_show(d, v->search[0] ? "SEARCHING" : "ALL");
	if (l.nrows == 0) {
		t = tmpl_add_row(d, "EMPTY");
		tmpl_show(t, v->search[0] ? "SEARCHING" : "ALL");
		certification_list_free(&l);
		return 0;
	}
	t = tmpl_add_row(d, "TABLE");
	tmpl_set(t, "CAPTION", v->search[0] ? "Beståelser, der passer på søgningen" :
	    "Alle beståelser");
	if (can)
		tmpl_show(t, "ACTIONS");
	for (i = 0; i < l.nrows; i++)
		set_row(tmpl_add_row(t, "ROW"), &l.rows[i], today, can);
	if (l.total > l.nrows) {
		struct tmpl_dict *lim = tmpl_add_row(t, "LIMITED");

		tmpl_set_int(lim, "SHOWN", (long long)l.nrows);
		tmpl_set_int(lim, "TOTAL", (long long)l.total);
	}
	certification_list_free(&l);
	return 0;
}

static void
set_list_form(struct ctx *ctx, struct tmpl_dict *d, const struct view *v)
{
	struct tmpl_dict *f = tmpl_add_row(d, "LIST");
	char text[600];
	size_t i;

	tmpl_set(f, "CSRF", ctx->session.csrf);
	if (v->list || (v->list_fe && fielderr_count(v->list_fe))) {
		submitkey_put(ctx, f);	/* nothing was created under it */
		page_form_errors(f, v->list, NULL, v->list_fe);
	} else
		fresh_key(f);
	if (v->list_text) {
		tmpl_set(f, "VALUE_liste", v->list_text);
		if (v->list_from_file)
			tmpl_show(f, "FROM_FILE");
	}
	if (v->lines && v->lines->nproblems) {
		struct tmpl_dict *p = tmpl_add_row(f, "LINE_PROBLEMS");

		tmpl_set_int(p, "COUNT", (long long)v->lines->bad_lines);
		for (i = 0; i < v->lines->nproblems; i++) {
			certlist_problem_text(&v->lines->problems[i], text, sizeof(text));
			tmpl_set(tmpl_add_row(p, "PROBLEM"), "TEXT", text);
		}
	}
}

static int
set_withdraw_form(struct ctx *ctx, struct tmpl_dict *d, const struct view *v)
{
	static const char *const kept[] = { "begrundelse" };
	struct certification c;
	struct tmpl_dict *f;
	enum db_err rc;
	char text[64];

	if ((rc = certification_get(ctx->db, v->withdraw_id, &c)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* A link to a pass that is gone or withdrawn already: the list says how it stands. */
	if (c.id == 0 || (c.withdrawn_at[0] && v->wd == NULL && v->wd_fe == NULL))
		return 0;
	f = tmpl_add_row(d, "WITHDRAW");
	tmpl_set(f, "CSRF", ctx->session.csrf);
	tmpl_set_int(f, "ID", c.id);
	tmpl_set(f, "NAME", c.name);
	tmpl_set(f, "EMAIL", c.email);
	day(c.passed_on, text, sizeof(text));
	tmpl_set(f, "PASSED", text);
	if (v->wd || v->wd_fe) {
		page_form_errors(f, v->wd, NULL, v->wd_fe);
		if (v->wd)
			page_keep_values(f, v->wd, kept, 1);
	}
	return 0;
}

/* The page: the notice or the refused form of v, the forms the policy allows, the list. */
static int
render(struct ctx *ctx, const struct view *v, int status)
{
	char today[CLOCK_DATE_LEN], text[64];
	struct tmpl_dict *d, *f;
	enum db_err rc;
	int can = may_record(ctx), st;

	/* The addresses and names are other people's data: who looked is kept (R33). */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "certification.list", "certification", 0,
	    0, ctx->req->remote_addr, v->search)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "fse/certification.tpl", "Certificeringskursus")) == NULL)
		return 500;
	clock_today(today);
	day(today, text, sizeof(text));
	tmpl_set(d, "TODAY", text);
	set_notice(ctx, d, v);
	if (v->search_error)
		tmpl_set(tmpl_add_row(d, "ERROR_soeg"), "MESSAGE", v->search_error);
	if (can) {
		if (v->withdraw_id && (st = set_withdraw_form(ctx, d, v)) != 0)
			return st;
		f = tmpl_add_row(d, "RECORD");
		tmpl_set(f, "CSRF", ctx->session.csrf);
		if (v->record || (v->record_fe && fielderr_count(v->record_fe))) {
			submitkey_put(ctx, f);	/* nothing was created under it */
			page_form_errors(f, v->record, NULL, v->record_fe);
			if (v->record)
				page_keep_values(f, v->record, record_kept,
				    sizeof(record_kept) / sizeof(record_kept[0]));
		} else
			fresh_key(f);
		set_list_form(ctx, d, v);
	} else
		tmpl_show(d, "READ_ONLY");
	if ((st = set_table(ctx, d, v, today, can)) != 0)
		return st;
	return status;
}

/* A whole, valid number of the query; 0 when absent or not one. */
static long long
query_num(const struct form *q, size_t i)
{
	return q->v[i].len && q->v[i].err == FORM_OK ? q->v[i].num : 0;
}

int
fse_cert_page(struct ctx *ctx)
{
	struct view v;
	struct form q;

	view_init(&v);
	form_read(&q, query_fields, Q__MAX, &ctx->req->query);
	if (q.v[Q_SEARCH].err == FORM_OK && q.v[Q_SEARCH].value)
		v.search = q.v[Q_SEARCH].value;
	else if (q.v[Q_SEARCH].err != FORM_OK)
		v.search_error = "Søg med højst 200 tegn, uden linjeskift og kontroltegn.";
	/* A notice only when its link is whole; a bad one is simply not shown. */
	if (q.v[Q_NOTICE].len && q.v[Q_NOTICE].err == FORM_OK) {
		v.notice = (int)q.v[Q_NOTICE].num;
		v.notice_id = query_num(&q, Q_ID);
		v.n_new = query_num(&q, Q_NEW);
		v.n_found = query_num(&q, Q_FOUND);
		v.n_repeated = query_num(&q, Q_REPEATED);
		v.n_active = query_num(&q, Q_ACTIVE);
		v.header = q.v[Q_HEADER].len && q.v[Q_HEADER].err == FORM_OK;
		if (v.notice != 1 && v.notice_id == 0)
			v.notice = -1;
	}
	v.withdraw_id = query_num(&q, Q_WITHDRAW);
	return render(ctx, &v, v.search_error ? 422 : 200);
}

/* ---- recording one -------------------------------------------------------------------------- */

static const char FUTURE_TEXT[] = "Datoen ligger efter i dag. Et kursus kan først registreres, "
    "når det er bestået.";
static const char PERIOD_TEXT[] = "Den sidste dag, beviset gælder, kan ikke ligge før den dag, "
    "kurset blev bestået.";

int
fse_cert_record(struct ctx *ctx)
{
	char email[CERTLIST_EMAIL_MAX + 1], today[CLOCK_DATE_LEN], path[160];
	struct certification_new n;
	struct fielderr fe;
	struct view v;
	struct form f;
	long long id;
	int activated, st;
	enum db_err rc;

	form_read(&f, record_fields, R__MAX, &ctx->req->form);
	fielderr_init(&fe);
	clock_today(today);
	/* form_date has checked both days: real ones, written YYYY-MM-DD, so they compare. */
	if (f.v[R_PASSED].err == FORM_OK && f.v[R_PASSED].value &&
	    strcmp(f.v[R_PASSED].value, today) > 0)
		fielderr_add(&fe, "bestaaet", FUTURE_TEXT);
	if (f.v[R_PASSED].err == FORM_OK && f.v[R_PASSED].value && f.v[R_UNTIL].err == FORM_OK &&
	    f.v[R_UNTIL].value && f.v[R_UNTIL].len &&
	    strcmp(f.v[R_UNTIL].value, f.v[R_PASSED].value) < 0)
		fielderr_add(&fe, "gyldig_til", PERIOD_TEXT);
	view_init(&v);
	v.record = &f;
	v.record_fe = &fe;
	if (f.nerrors || fielderr_count(&fe))
		return render(ctx, &v, 422);

	form_lower(email, sizeof(email), f.v[R_EMAIL].value);
	memset(&n, 0, sizeof(n));
	n.email = email;
	n.name = f.v[R_NAME].value;
	n.passed_on = f.v[R_PASSED].value;
	n.valid_until = f.v[R_UNTIL].len ? f.v[R_UNTIL].value : NULL;

	/* The pass, its audit event and the accesses it turns active commit together (R14, R24,
	 * R33); a lost conflict runs the whole request again (ctx_tx_error). */
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = submitkey_claim(ctx, "certification.new")) != 0)
		return st;
	rc = certification_record(ctx->db, ctx->cfg, &n, ctx_user(ctx), ctx->req->remote_addr,
	    &id, &activated);
	if (rc == DB_EDUP) {
		db_rollback(ctx->db);
		fielderr_add(&fe, "bestaaet", "Der er allerede registreret et bestået kursus for "
		    "denne e-mailadresse den dag. Listen nedenfor viser det. Intet er ændret.");
		v.search = email;
		return render(ctx, &v, 409);
	}
	if (rc != DB_OK)
		return ctx_tx_error(ctx, rc);
	snprintf(path, sizeof(path), "/fse/certificering?besked=registreret&nr=%lld&aktive=%d"
	    "#besked", id, activated);
	if ((rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("certification %lld recorded by user %lld; %d accesses active", id,
	    ctx_user(ctx), activated);
	return ctx_redirect(ctx, path);
}

/* ---- recording a list ----------------------------------------------------------------------- */

/* The message at the file field for what lib/form found wrong with the file. */
static const char *
file_text(enum form_err e)
{
	switch (e) {
	case FORM_EFILESIZE:
		return certlist_strerror(CERTLIST_ETOOBIG);
	case FORM_EFILEEMPTY:
		return "Filen er tom. Vælg filen med listen.";
	case FORM_EFILETYPE:
	case FORM_EFILEBROKEN:
		return "Filen er ikke en tekstfil. Gem listen fra Excel som »CSV UTF-8«, og vælg "
		    "den fil.";
	case FORM_EFILECHECK:
		return "Vi kunne ikke kontrollere filen lige nu. Prøv igen om lidt, eller indsæt "
		    "listen i feltet.";
	default:
		return "Vælg én fil med listen.";
	}
}

int
fse_cert_list(struct ctx *ctx)
{
	char today[CLOCK_DATE_LEN], path[200], msg[400];
	const struct kv *file = NULL;
	struct certlist l;
	struct fielderr fe;
	struct view v;
	struct form f;
	enum certlist_err lrc;
	const char *text;
	size_t len, i;
	long long n_new = 0, n_found = 0, n_repeated = 0, activated = 0;
	int st, one;
	enum db_err rc;

	form_read(&f, list_fields, L__MAX, &ctx->req->form);
	fielderr_init(&fe);
	view_init(&v);
	v.list = &f;
	v.list_fe = &fe;
	if (f.v[L_FILE].err != FORM_OK) {
		fielderr_add(&fe, "fil", file_text(f.v[L_FILE].err));
		f.v[L_FILE].err = FORM_OK;	/* one message, ours */
		f.nerrors--;
	}
	if (f.v[L_TEXT].err != FORM_OK) {
		fielderr_add(&fe, "liste", f.v[L_TEXT].err == FORM_ETOOLONG ?
		    certlist_strerror(CERTLIST_ETOOBIG) : "Listen indeholder tegn, der ikke kan "
		    "læses. Fjern dem, eller vælg listen som en fil.");
		f.v[L_TEXT].err = FORM_OK;
		f.nerrors--;
	}
	if (fielderr_count(&fe)) {
		/* Only what was typed is kept; a file cannot be put back in its field. */
		if (f.v[L_TEXT].value && fielderr_message(&fe, "liste") == NULL)
			v.list_text = f.v[L_TEXT].value;
		return render(ctx, &v, 422);
	}
	if (f.v[L_FILE].file)
		file = kvlist_get(&ctx->req->form, "fil");
	if (file && !form_blank(f.v[L_TEXT].value)) {
		fielderr_add(&fe, "fil", "Vælg enten en fil, eller indsæt listen i feltet, ikke "
		    "begge dele.");
		v.list_text = f.v[L_TEXT].value;
		return render(ctx, &v, 422);
	}
	text = file ? file->value : f.v[L_TEXT].value;
	len = file ? file->value_len : f.v[L_TEXT].len;
	clock_today(today);
	lrc = certlist_parse(text, len, today, &l);
	if (lrc == CERTLIST_ENOMEM) {
		log_error("certification list: out of memory");
		return 500;
	}
	if (lrc != CERTLIST_OK) {
		if (lrc == CERTLIST_ELINES)
			snprintf(msg, sizeof(msg), "%zu af listens %zu linjer har fejl. Intet er "
			    "registreret. Ret linjerne herunder, og send hele listen igen.",
			    l.bad_lines, l.lines);
		else
			snprintf(msg, sizeof(msg), "%s", certlist_strerror(lrc));
		fielderr_add(&fe, file ? "fil" : "liste", msg);
		v.lines = &l;
		/* A file's text goes into the text field to be put right there, when it reads. */
		if (text && len <= CERTLIST_MAX_BYTES && http_parse_text_ok(text, len)) {
			v.list_text = text;
			v.list_from_file = file != NULL;
		}
		st = render(ctx, &v, lrc == CERTLIST_ETOOBIG || lrc == CERTLIST_ETOOMANY ? 413 :
		    422);
		certlist_free(&l);
		return st;
	}

	/* Every pass, its audit event and the accesses it turns active commit together, or
	 * nothing does (R14, R24, R33). A lost conflict runs the whole request again. */
	if ((rc = db_begin(ctx->db)) != DB_OK) {
		certlist_free(&l);
		return ctx_db_error(ctx, rc);
	}
	if ((st = submitkey_claim(ctx, "certification.list")) != 0) {
		certlist_free(&l);
		return st;
	}
	for (i = 0; i < l.nrows; i++) {
		const struct certlist_entry *e = &l.rows[i];
		struct certification_new n;

		if (e->same_as) {
			n_repeated++;
			continue;
		}
		memset(&n, 0, sizeof(n));
		n.email = e->email;
		n.name = e->name;
		n.passed_on = e->passed_on;
		n.valid_until = e->valid_until;
		n.from_list = 1;
		rc = certification_record(ctx->db, ctx->cfg, &n, ctx_user(ctx),
		    ctx->req->remote_addr, NULL, &one);
		if (rc == DB_EDUP) {
			n_found++;	/* recorded already: the same address and day */
			continue;
		}
		if (rc != DB_OK) {
			certlist_free(&l);
			return ctx_tx_error(ctx, rc);
		}
		n_new++;
		activated += one;
	}
	snprintf(msg, sizeof(msg), "%lld new, %lld already, %lld repeated, %lld active", n_new,
	    n_found, n_repeated, activated);
	snprintf(path, sizeof(path), "/fse/certificering?besked=liste&nye=%lld&fandtes=%lld"
	    "&gentaget=%lld&aktive=%lld%s#besked", n_new, n_found, n_repeated, activated,
	    l.header ? "&overskrift=ja" : "");
	certlist_free(&l);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "certification.list.record",
	    "certification", 0, 0, ctx->req->remote_addr, msg)) != DB_OK ||
	    (rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("certification list by user %lld: %s", ctx_user(ctx), msg);
	return ctx_redirect(ctx, path);
}

/* ---- withdrawing ---------------------------------------------------------------------------- */

int
fse_cert_withdraw(struct ctx *ctx)
{
	char path[128];
	struct fielderr fe;
	struct view v;
	struct form f;
	enum db_err rc;
	int done;

	form_read(&f, withdraw_fields, W__MAX, &ctx->req->form);
	fielderr_init(&fe);
	view_init(&v);
	v.wd = &f;
	v.wd_fe = &fe;
	/* The id is a hidden field our form always carries: without it the request is malformed. */
	if (f.v[W_ID].err != FORM_OK)
		return 400;
	v.withdraw_id = f.v[W_ID].num;
	if (f.nerrors)
		return render(ctx, &v, 422);

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((rc = certification_withdraw(ctx->db, ctx->cfg, v.withdraw_id, f.v[W_REASON].value,
	    ctx_user(ctx), ctx->req->remote_addr, &done)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if (!done) {
		struct certification c;

		db_rollback(ctx->db);
		if ((rc = certification_get(ctx->db, v.withdraw_id, &c)) != DB_OK)
			return ctx_db_error(ctx, rc);
		if (c.id == 0)
			return 404;
		fielderr_add(&fe, "begrundelse", "Beståelsen er allerede tilbagekaldt, måske af en "
		    "kollega. Listen nedenfor viser, hvordan det står nu. Intet er ændret.");
		return render(ctx, &v, 409);
	}
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("certification %lld withdrawn by user %lld", v.withdraw_id, ctx_user(ctx));
	snprintf(path, sizeof(path), "/fse/certificering?besked=tilbagekaldt&nr=%lld#besked",
	    v.withdraw_id);
	return ctx_redirect(ctx, path);
}
