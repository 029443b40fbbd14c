/*
 * fse: the pages of Statistics Denmark's research service (FSE) under /fse. For now the start page
 * and the outbox page of issue 4: what the portal's mail is doing (queued, deferred, dead, sent)
 * and "Send igen" for a dead mail. And the case work of issue 5: the queue of submitted
 * applications for an education authorisation (/fse/sager), one case (/fse/sag) and the decision
 * (/fse/sag/afgoer: approve, return for changes, reject), each decision one transaction with the
 * version the caseworker saw, so a colleague's decision is never overwritten.
 *
 * The accept loop has already enforced each route's policy row (scope fse) before a handler
 * runs, including the second factor FSE staff must use; handlers only ask the policy again to
 * decide which links to offer.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "appfields.h"
#include "audit.h"
#include "buf.h"
#include "cases.h"
#include "auth.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "fse_rates.h"
#include "http_parse.h"
#include "invite.h"
#include "kv.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "policy.h"
#include "tmpl.h"
#include "workdays.h"

#define MAIL_PAGE_ROWS	100	/* newest first; the counts above the table cover everything */
#define MAIL_ID_MAX	999999999999999LL	/* form_int takes at most 15 digits */

/* ---- shared helpers ------------------------------------------------------------------------- */

static int
mail_fail(struct ctx *ctx, enum mail_err rc)
{
	log_error("outbox: %s: %s", mail_strerror(rc), db_errmsg(ctx->db));
	return db_connected(ctx->db) ? 500 : 503;
}

/* The user's FSE roles, to offer only the links the policy allows (never decided in templates). */
static int
may(struct ctx *ctx, enum action action)
{
	unsigned global, object, any;

	if (auth_roles(ctx->db, ctx_user(ctx), 0, &global, &object, &any) != DB_OK)
		return 0;	/* fail closed: a link less, never one too many */
	return policy_decide(action, 1, global, 0, 0) == POLICY_ALLOW;
}

/*
 * The outbox keeps UTC ("YYYY-MM-DD HH:MM:SS", db.c sets time_zone '+00:00'); staff read Danish
 * time. main() sets TZ, so localtime_r gives Copenhagen time with summer time.
 */
static void
danish_when(char *out, size_t outlen, const char *utc, int date_only)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (utc == NULL || sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, outlen, "%s", utc ? utc : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	/* date_only: "YYYY-MM-DD", the Danish day, for the working-day count. */
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, outlen, date_only ? "%Y-%m-%d" : "%d-%m-%Y %H:%M", &tm) == 0)
		snprintf(out, outlen, "%s", utc);
}

static void
danish_time(char *out, size_t outlen, const char *utc)
{
	danish_when(out, outlen, utc, 0);
}

/* ---- the start page ------------------------------------------------------------------------- */

static int
home_page(struct ctx *ctx)
{
	struct mail_counts c;
	struct tmpl_dict *d, *m;
	enum mail_err mrc;

	if ((d = ctx_page(ctx, "fse/home.tpl", "Forskningsservice")) == NULL)
		return 500;
	if (!may(ctx, ACT_FSE_MAIL_VIEW)) {
		if (may(ctx, ACT_FSE_CASES_VIEW))
			tmpl_show(d, "CASES");
		else
			tmpl_show(d, "NOTHING_YET");
		return 200;
	}
	if ((mrc = mail_count(ctx->db, &c)) != MAIL_OK)
		return mail_fail(ctx, mrc);
	m = tmpl_add_row(d, "MAIL");
	tmpl_set_int(m, "DEAD", (long long)c.dead);
	tmpl_set_int(m, "WAITING", (long long)(c.queued + c.deferred));
	tmpl_show(m, c.dead ? "SOME_DEAD" : "NONE_DEAD");
	if (may(ctx, ACT_FSE_CASES_VIEW))
		tmpl_show(d, "CASES");
	return 200;
}

/* ---- the outbox page ------------------------------------------------------------------------ */

/* The filter's values in the query (?tilstand=), in the order of the select on the page. */
static const char *const state_choices[] = {
	"queued", "deferred", "dead", "sent", "alle", NULL,
};
static const unsigned state_masks[] = {
	MAIL_LIST_QUEUED, MAIL_LIST_DEFERRED, MAIL_LIST_DEAD, MAIL_LIST_SENT,
	MAIL_LIST_PENDING | MAIL_LIST_SENT,
};
/* How the table's caption names what it shows; the last one is the default (no filter). */
static const char *const state_captions[] = {
	"Mails i kø", "Udsatte mails", "Mails, der ikke er leveret", "Sendte mails", "Alle mails",
	"Mails, der ikke er sendt endnu",
};

static const struct {
	const char	*state;
	const char	*label;
	const char	*badge;		/* DKFDS badge colour */
} state_labels[] = {
	{ "queued", "I kø", "badge-info" },
	{ "deferred", "Udsat", "badge-warning" },
	{ "dead", "Ikke leveret", "badge-error" },
	{ "sent", "Sendt", "badge-success" },
};

static const struct {
	const char	*kind;
	const char	*label;
} kind_labels[] = {
	{ "verify_email", "Bekræft e-mailadresse" },
	{ "password_reset", "Nulstil adgangskode" },
	{ "account_exists", "Konto findes allerede" },
	{ "test_message", "Prøvebesked" },
};

static void
set_state(struct tmpl_dict *row, const char *state)
{
	size_t i;

	for (i = 0; i < sizeof(state_labels) / sizeof(state_labels[0]); i++)
		if (state && strcmp(state, state_labels[i].state) == 0) {
			tmpl_set(row, "STATE_LABEL", state_labels[i].label);
			tmpl_set(row, "STATE_BADGE", state_labels[i].badge);
			return;
		}
	tmpl_set(row, "STATE_LABEL", state ? state : "");
	tmpl_set(row, "STATE_BADGE", "badge-info");
}

static const char *
kind_label(const char *kind)
{
	size_t i;

	for (i = 0; kind && i < sizeof(kind_labels) / sizeof(kind_labels[0]); i++)
		if (strcmp(kind, kind_labels[i].kind) == 0)
			return kind_labels[i].label;
	return kind ? kind : "";
}

/* Durations in the explanations come from the config, so the page says what the mailer does. */
static void
set_schedule(struct tmpl_dict *d, const struct config *cfg)
{
	unsigned days = cfg->mail_give_up / 86400, hours = cfg->mail_give_up / 3600;
	unsigned first = cfg->mail_retry_first, max = cfg->mail_retry_max;

	if (days >= 2)
		tmpl_setf(d, "GIVE_UP", "%u dage", days);
	else if (hours >= 2)
		tmpl_setf(d, "GIVE_UP", "%u timer", hours);
	else
		tmpl_setf(d, "GIVE_UP", "%u minutter", cfg->mail_give_up >= 120 ?
		    cfg->mail_give_up / 60 : 1);
	if (first >= 120)
		tmpl_setf(d, "RETRY_FIRST", "%u minutter", first / 60);
	else
		tmpl_setf(d, "RETRY_FIRST", "%u sekunder", first);
	if (max >= 7200)
		tmpl_setf(d, "RETRY_MAX", "%u timer", max / 3600);
	else if (max >= 3600)
		tmpl_set(d, "RETRY_MAX", "en time");
	else if (max >= 120)
		tmpl_setf(d, "RETRY_MAX", "%u minutter", max / 60);
	else
		tmpl_setf(d, "RETRY_MAX", "%u sekunder", max);
}

enum { Q_STATE, Q_NOTICE, Q_NUMBER, Q__MAX };
static const char *const notice_choices[] = { "igen", NULL };
static const struct form_field query_fields[Q__MAX] = {
	[Q_STATE] = { "tilstand", form_choice, 0, 0, 0, state_choices,
	    "Vælg, hvilke mails du vil se." },
	[Q_NOTICE] = { "besked", form_choice, 0, 0, 0, notice_choices, NULL },
	[Q_NUMBER] = { "nr", form_int, 0, 1, MAIL_ID_MAX, NULL, NULL },
};

enum { RT_ID, RT_STATE, RT__MAX };
static const struct form_field retry_fields[RT__MAX] = {
	[RT_ID] = { "id", form_int, 1, 1, MAIL_ID_MAX, NULL,
	    "Vælg den mail på listen, der skal sendes igen." },
	[RT_STATE] = { "tilstand", form_choice, 0, 0, 0, state_choices,
	    "Vælg, hvilke mails du vil se." },
};

/* The chosen filter: an index into state_choices, or -1 for the default (not sent yet). */
static int
chosen_state(const struct form_value *v)
{
	return v->err == FORM_OK && v->value && v->len ? (int)v->num : -1;
}

/*
 * Renders the outbox page: counts, filter, table. notice: the id just queued again (0: none);
 * errors: the form whose fields were refused (NULL: none), plus extra messages.
 */
static int
render_mail_page(struct ctx *ctx, int state, unsigned long long notice, const struct form *errors,
    const char *const *anchors, const struct page_error *extra, size_t nextra, int status)
{
	struct tmpl_dict *d, *row, *sec = NULL;
	struct mail_list l;
	enum mail_err mrc;
	char when[64];
	enum db_err rc;
	size_t i;

	/* Recipients' addresses are other people's data: who looked is kept (R33). */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "mail.list", "outbox", 0, 0,
	    ctx->req->remote_addr, state < 0 ? "pending" : state_choices[state])) != DB_OK)
		return ctx_db_error(ctx, rc);
	mrc = mail_list(ctx->db, state < 0 ? MAIL_LIST_PENDING : state_masks[state], MAIL_PAGE_ROWS,
	    0, &l);
	if (mrc != MAIL_OK)
		return mail_fail(ctx, mrc);
	if ((d = ctx_page(ctx, "fse/mail.tpl", "Post fra portalen")) == NULL) {
		mail_list_free(&l);
		return 500;
	}
	set_schedule(d, ctx->cfg);
	if (notice)
		tmpl_set_int(tmpl_add_row(d, "NOTICE_RETRIED"), "ID", (long long)notice);
	if (errors || nextra)
		page_form_errors(d, errors, anchors, extra, nextra);

	tmpl_set_int(d, "COUNT_QUEUED", (long long)l.counts.queued);
	tmpl_set_int(d, "COUNT_DEFERRED", (long long)l.counts.deferred);
	tmpl_set_int(d, "COUNT_DEAD", (long long)l.counts.dead);
	tmpl_set_int(d, "COUNT_SENT", (long long)l.counts.sent);
	if (l.counts.dead)
		tmpl_set_int(tmpl_add_row(d, "HAS_DEAD"), "DEAD", (long long)l.counts.dead);

	/* The filter's select: the default first, then one option per state_choices entry. */
	if (state < 0)
		tmpl_show(d, "SELECTED_DEFAULT");
	for (i = 0; state_choices[i]; i++) {
		row = tmpl_add_row(d, "FILTER");
		tmpl_set(row, "VALUE", state_choices[i]);
		tmpl_set(row, "LABEL", i < 4 ? state_labels[i].label : "Alle");
		if ((int)i == state)
			tmpl_show(row, "SELECTED");
	}
	tmpl_set(d, "CAPTION", state_captions[state < 0 ? 5 : state]);
	tmpl_set_int(d, "SHOWN", (long long)l.nrows);
	if (l.nrows == MAIL_PAGE_ROWS)
		tmpl_set_int(tmpl_add_row(d, "LIMITED"), "LIMIT", MAIL_PAGE_ROWS);

	if (l.nrows == 0)
		tmpl_show(d, "EMPTY");
	else
		sec = tmpl_add_row(d, "HAS_ROWS");
	for (i = 0; i < l.nrows; i++) {
		const struct mail_entry *e = &l.rows[i];
		int dead = strcmp(e->state, "dead") == 0, sent = strcmp(e->state, "sent") == 0;

		row = tmpl_add_row(sec, "ROW");
		tmpl_set_int(row, "ID", (long long)e->id);
		set_state(row, e->state);
		tmpl_set(row, "KIND", kind_label(e->kind));
		tmpl_set(row, "TO", e->to);
		tmpl_set(row, "SUBJECT", e->subject);
		danish_time(when, sizeof(when), e->created_at);
		tmpl_set(row, "CREATED", when);
		tmpl_set_int(row, "ATTEMPTS", e->attempts);
		if (e->claimed)
			tmpl_set(row, "NEXT", "Sendes nu");
		else if (e->next_attempt) {
			danish_time(when, sizeof(when), e->next_attempt);
			tmpl_set(row, "NEXT", when);
		} else
			tmpl_set(row, "NEXT", sent ? "Sendt" : "Ingen");
		if ((dead || strcmp(e->state, "deferred") == 0) && e->last_error && e->last_error[0])
			tmpl_set(tmpl_add_row(row, "ERROR"), "TEXT", e->last_error);
		else
			tmpl_show(row, "NO_ERROR");
		if (dead) {
			struct tmpl_dict *f = tmpl_add_row(row, "RETRY");

			tmpl_set_int(f, "ID", (long long)e->id);
			if (state >= 0)
				tmpl_set(tmpl_add_row(f, "KEEP_STATE"), "STATE", state_choices[state]);
		}
	}
	mail_list_free(&l);
	return status;
}

static int
mail_page(struct ctx *ctx)
{
	static const char *const anchors[Q__MAX] = { "tilstand", "tilstand", "tilstand" };
	unsigned long long notice = 0;
	struct form q;
	int state;

	form_read(&q, query_fields, Q__MAX, &ctx->req->query);
	state = chosen_state(&q.v[Q_STATE]);
	if (q.v[Q_NOTICE].len && q.v[Q_NOTICE].err == FORM_OK && q.v[Q_NUMBER].len &&
	    q.v[Q_NUMBER].err == FORM_OK)
		notice = (unsigned long long)q.v[Q_NUMBER].num;
	if (q.v[Q_STATE].err != FORM_OK) {
		/* Only the filter is shown as an error; a bad notice is simply not shown. */
		q.v[Q_NOTICE].err = q.v[Q_NUMBER].err = FORM_OK;
		return render_mail_page(ctx, -1, 0, &q, anchors, NULL, 0, 422);
	}
	return render_mail_page(ctx, state, notice, NULL, NULL, NULL, 0, 200);
}

static int
mail_retry(struct ctx *ctx)
{
	static const char *const anchors[RT__MAX] = { "postliste", "tilstand" };
	long long uid = ctx_user(ctx), id;
	struct page_error extra;
	char msg[400], path[128];
	enum mail_err mrc;
	enum db_err rc;
	struct form f;
	int state;

	form_read(&f, retry_fields, RT__MAX, &ctx->req->form);
	state = chosen_state(&f.v[RT_STATE]);
	if (f.nerrors) {
		/* The id is a hidden field: "write a whole number" would mean nothing to anyone. */
		size_t bad_id = f.v[RT_ID].err != FORM_OK;

		f.v[RT_ID].err = FORM_OK;
		extra.field = "postliste";
		extra.message = retry_fields[RT_ID].missing;
		return render_mail_page(ctx, state, 0, &f, anchors, &extra, bad_id, 422);
	}
	id = f.v[RT_ID].num;

	/* The row and its audit event commit together, or neither does. */
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	mrc = mail_retry_dead(ctx->db, (unsigned long long)id);
	if (mrc == MAIL_ENOTFOUND) {
		db_rollback(ctx->db);
		snprintf(msg, sizeof(msg), "Mail nr. %lld kan ikke sendes igen. Kun mails med "
		    "tilstanden »Ikke leveret« kan sendes igen, og det har den ikke: måske har en "
		    "kollega allerede sendt den igen, eller også findes den ikke. Listen nedenfor viser, "
		    "hvordan det står nu. Intet er ændret.", id);
		extra.field = "postliste";
		extra.message = msg;
		return render_mail_page(ctx, state, 0, NULL, NULL, &extra, 1, 422);
	}
	if (mrc != MAIL_OK) {
		db_rollback(ctx->db);
		return mail_fail(ctx, mrc);
	}
	if ((rc = audit_event(ctx->db, uid, "mail.retry", "outbox", id, 0, ctx->req->remote_addr,
	    "")) != DB_OK) {
		db_rollback(ctx->db);
		return ctx_db_error(ctx, rc);
	}
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("mail %lld queued again by user %lld", id, uid);
	snprintf(path, sizeof(path), "/fse/post?besked=igen&nr=%lld%s%s", id,
	    state >= 0 ? "&tilstand=" : "", state >= 0 ? state_choices[state] : "");
	return ctx_redirect(ctx, path);
}

/* ---- the case work: applications for an education authorisation (issue 5) ------------------ */

#define CASE_ID_MAX	999999999999999LL
#define REASON_MAX	1000	/* bytes: the audit event keeps it too (detail, 1000) */

static const char STALE_TEXT[] = "Sagen er ændret af en anden, siden du åbnede den. Her er den, "
    "som den er nu.";

/* A whole positive number of at most 15 digits, else 0. */
static long long
number(const char *v)
{
	long long n = 0;
	int digits = 0;

	if (v == NULL || *v == '\0')
		return 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9' || ++digits > 15)
			return 0;
		n = n * 10 + (*v - '0');
	}
	return n;
}

static int
blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* The university's name for its code in the data; "anden" is the other path (R3). */
static enum db_err
university_name(struct ctx *ctx, const char *code, char *out, size_t n)
{
	struct db_result res;
	enum db_err rc;

	snprintf(out, n, "%s", "En anden institution med kandidatuddannelser");
	if (code == NULL || strcmp(code, "anden") == 0)
		return DB_OK;
	if ((rc = db_exec(ctx->db, &res, "SELECT name FROM universities WHERE code = ?", "s",
	    code)) != DB_OK)
		return rc;
	if (res.nrows)
		snprintf(out, n, "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return DB_OK;
}

static int
parse_case_data(const char *text, struct kvlist *data)
{
	kvlist_init(data);
	if (http_parse_urlencoded(text, strlen(text), data) != 0) {
		kvlist_free(data);
		return -1;
	}
	return 0;
}

static const char *
value_or_empty(const struct kvlist *data, const char *name)
{
	const char *v = kvlist_value(data, name);

	return v ? v : "";
}

/* GET /fse/sager: submitted applications, oldest first, with their age in working days. */
static int
cases_page(struct ctx *ctx)
{
	struct tmpl_dict *d, *sec = NULL, *row;
	struct db_result res;
	struct kvlist data;
	char today[16], day[16], when[64], uni[256];
	time_t now = time(NULL);
	struct tm tm;
	enum db_err rc;
	size_t i;

	if ((rc = db_exec(ctx->db, &res, "SELECT c.id, c.title, u.name, u.email, "
	    "DATE_FORMAT(c.submitted_at, '%Y-%m-%d %H:%i:%s'), c.data FROM cases c "
	    "JOIN users u ON u.id = c.created_by WHERE c.type = 'authorisation' AND "
	    "c.state = 'submitted' ORDER BY c.submitted_at, c.id", "")) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "fse/cases.tpl", "Ansøgninger om uddannelsesautorisation")) ==
	    NULL) {
		db_result_free(&res);
		return 500;
	}
	localtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	tmpl_set_int(d, "COUNT", (long long)res.nrows);
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	else
		sec = tmpl_add_row(d, "HAS_ROWS");
	for (i = 0; i < res.nrows; i++) {
		long age;

		row = tmpl_add_row(sec, "ROW");
		tmpl_set_int(row, "ID", db_cell_int(&res, i, 0, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "APPLICANT", db_cell(&res, i, 2));
		tmpl_set(row, "APPLICANT_EMAIL", db_cell(&res, i, 3));
		danish_time(when, sizeof(when), db_cell(&res, i, 4));
		tmpl_set(row, "SUBMITTED", when);
		danish_when(day, sizeof(day), db_cell(&res, i, 4), 1);
		age = workdays_between_dates(day, today);
		tmpl_set_int(row, "AGE", age < 0 ? 0 : age);
		if (age == 1)
			tmpl_show(row, "ONE_DAY");
		else
			tmpl_show(row, "DAYS");
		uni[0] = '\0';
		if (parse_case_data(db_cell(&res, i, 5), &data) == 0) {
			if ((rc = university_name(ctx, kvlist_value(&data, "universitet"), uni,
			    sizeof(uni))) != DB_OK) {
				kvlist_free(&data);
				db_result_free(&res);
				return ctx_db_error(ctx, rc);
			}
			kvlist_free(&data);
		}
		tmpl_set(row, "UNIVERSITY", uni);
	}
	db_result_free(&res);
	return 200;
}

/* The manager's confirmation (R4.2) for the address now in the case, into the page. */
static enum db_err
manager_status(struct ctx *ctx, struct tmpl_dict *d, long long id, const struct kvlist *data)
{
	const char *email = kvlist_value(data, "leder_email");
	struct tmpl_dict *m;
	struct db_result res;
	enum db_err rc;

	m = tmpl_add_row(d, "MANAGER");
	tmpl_set(m, "NAME", value_or_empty(data, "leder_navn"));
	tmpl_set(m, "TITLE", value_or_empty(data, "leder_titel"));
	tmpl_set(m, "EMAIL", email ? email : "");
	if (email == NULL || blank(email)) {
		tmpl_show(m, "NOT_CONFIRMED");
		return DB_OK;
	}
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(confirmed_at, '%Y-%m-%d %H:%i:%s') "
	    "FROM manager_confirmations WHERE case_id = ? AND manager_email = ? AND "
	    "confirmed_at IS NOT NULL ORDER BY confirmed_at DESC LIMIT 1", "is", id, email)) !=
	    DB_OK)
		return rc;
	if (res.nrows) {
		char when[64];

		danish_time(when, sizeof(when), db_cell(&res, 0, 0));
		tmpl_set(tmpl_add_row(m, "CONFIRMED"), "AT", when);
	} else
		tmpl_show(m, "NOT_CONFIRMED");
	db_result_free(&res);
	return DB_OK;
}

/*
 * The invitation the approval sent the manager when they had no account (create_authorisation,
 * R4.2): sent, taken, or expired unanswered. The latest one counts.
 */
static enum db_err
manager_invitation(struct ctx *ctx, struct tmpl_dict *row, long long auth)
{
	struct tmpl_dict *m;
	struct db_result res;
	enum db_err rc;
	char when[64];

	if ((rc = db_exec(ctx->db, &res, "SELECT email, DATE_FORMAT(created_at, "
	    "'%Y-%m-%d %H:%i:%s'), DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s'), "
	    "DATE_FORMAT(accepted_at, '%Y-%m-%d %H:%i:%s'), expires_at > NOW(6) FROM invitations "
	    "WHERE authorisation_id = ? AND role = 'responsible' ORDER BY id DESC LIMIT 1", "i",
	    auth)) != DB_OK)
		return rc;
	if (res.nrows) {
		m = tmpl_add_row(row, "MANAGER_INVITATION");
		tmpl_set(m, "EMAIL", db_cell(&res, 0, 0));
		danish_time(when, sizeof(when), db_cell(&res, 0, 1));
		tmpl_set(m, "SENT", when);
		danish_time(when, sizeof(when), db_cell(&res, 0, 2));
		tmpl_set(m, "EXPIRES", when);
		if (db_cell(&res, 0, 3)) {
			danish_time(when, sizeof(when), db_cell(&res, 0, 3));
			tmpl_set(tmpl_add_row(m, "ACCEPTED"), "AT", when);
		} else
			tmpl_show(m, db_cell_int(&res, 0, 4, 0) ? "OPEN" : "EXPIRED");
	}
	db_result_free(&res);
	return DB_OK;
}

struct decide_error {
	const char	*handling;	/* the form in error: "tilbage" or "afvis"; NULL: none */
	const char	*message;
	const char	*text;		/* what the caseworker wrote, shown again */
};

/*
 * The case page. notice: what was just done (NULL: nothing); stale: someone else changed it
 * (409); err: a refused decision (422).
 */
static int
render_case(struct ctx *ctx, long long id, const char *notice, int stale,
    const struct decide_error *err, int status)
{
	struct tmpl_dict *d, *sec, *row = NULL;
	struct case_change *changes = NULL;
	long long auth = 0;
	struct db_result res;
	struct kvlist data;
	struct case_row c;
	char label[160], when[64], uni[256];
	enum cases_err crc;
	enum db_err rc;
	int n, i;
	size_t k;

	if (id <= 0)
		return 404;
	if ((crc = cases_load(ctx->db, id, 0, &c)) == CASES_ENOTFOUND)
		return 404;
	if (crc != CASES_OK)
		return ctx_db_error(ctx, DB_EEXEC);
	if (strcmp(c.type, "authorisation") != 0) {
		case_row_free(&c);
		return 404;
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return 500;
	}
	/* The applicant's data are another person's: who looked is kept (R33). */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "case.view", "case", id, c.created_by,
	    ctx->req->remote_addr, "")) != DB_OK)
		goto dberr;
	if ((d = ctx_page(ctx, "fse/case.tpl", "Ansøgning om uddannelsesautorisation")) == NULL) {
		kvlist_free(&data);
		case_row_free(&c);
		return 500;
	}
	tmpl_set_int(d, "ID", c.id);
	tmpl_set(d, "TITLE", c.title);
	tmpl_set(d, "STATE", case_state_label(c.state));
	tmpl_set(d, "STATE_NAME", case_state_name(c.state));
	if ((rc = university_name(ctx, kvlist_value(&data, "universitet"), uni, sizeof(uni))) !=
	    DB_OK)
		goto dberr;
	tmpl_set(d, "UNIVERSITY", uni);
	if (stale)
		tmpl_set(tmpl_add_row(d, "STALE"), "TEXT", STALE_TEXT);
	if (notice) {
		if (strcmp(notice, "godkend") == 0)
			tmpl_show(d, "NOTICE_APPROVED");
		else if (strcmp(notice, "tilbage") == 0)
			tmpl_show(d, "NOTICE_RETURNED");
		else if (strcmp(notice, "afvis") == 0)
			tmpl_show(d, "NOTICE_REJECTED");
	}

	if ((rc = db_exec(ctx->db, &res, "SELECT u.name, u.email, DATE_FORMAT(c.submitted_at, "
	    "'%Y-%m-%d %H:%i:%s'), a.number, (SELECT u2.name FROM role_assignments r JOIN users u2 "
	    "ON u2.id = r.user_id WHERE r.authorisation_id = c.authorisation_id AND r.role = "
	    "'responsible' AND r.revoked_at IS NULL ORDER BY r.id LIMIT 1), (SELECT r.user_id = "
	    "c.created_by FROM role_assignments r WHERE r.authorisation_id = c.authorisation_id AND "
	    "r.role = 'responsible' AND r.revoked_at IS NULL ORDER BY r.id LIMIT 1), "
	    "c.authorisation_id FROM cases c JOIN users u ON u.id = c.created_by "
	    "LEFT JOIN authorisations a ON a.id = c.authorisation_id WHERE c.id = ?", "i", id)) !=
	    DB_OK)
		goto dberr;
	if (res.nrows) {
		tmpl_set(d, "APPLICANT", db_cell(&res, 0, 0));
		tmpl_set(d, "APPLICANT_EMAIL", db_cell(&res, 0, 1));
		danish_time(when, sizeof(when), db_cell(&res, 0, 2));
		tmpl_set(d, "SUBMITTED", when);
		if (db_cell(&res, 0, 3) && db_cell(&res, 0, 3)[0]) {
			row = tmpl_add_row(d, "AUTHORISATION");
			tmpl_set(row, "NUMBER", db_cell(&res, 0, 3));
			tmpl_set(row, "RESPONSIBLE", db_cell(&res, 0, 4) ? db_cell(&res, 0, 4) : "");
			/* Which was done on approval (create_authorisation): the manager or, when
			   they had no account, the applicant holds the role. */
			if (db_cell_int(&res, 0, 5, 0) == 1)
				tmpl_show(row, "TO_APPLICANT");
			else if (db_cell(&res, 0, 5))
				tmpl_show(row, "TO_MANAGER");
			auth = db_cell_int(&res, 0, 6, 0);
		}
	}
	db_result_free(&res);
	if (row && auth && (rc = manager_invitation(ctx, row, auth)) != DB_OK)
		goto dberr;

	/* Everything the institution entered, in the order it was saved. */
	for (k = 0; k < data.n; k++) {
		if (blank(data.items[k].value))
			continue;
		row = tmpl_add_row(d, "FIELD");
		appfields_label(data.items[k].name, label, sizeof(label));
		tmpl_set(row, "LABEL", label);
		tmpl_set(row, "NAME", data.items[k].name);
		tmpl_set(row, "VALUE", data.items[k].value);
	}
	if ((rc = manager_status(ctx, d, id, &data)) != DB_OK)
		goto dberr;

	/* R31: what changed since the last submission. */
	if ((n = cases_resubmission_diff(ctx->db, id, &changes)) < 0) {
		rc = DB_EEXEC;
		goto dberr;
	}
	if (n > 0) {
		sec = tmpl_add_row(d, "CHANGES");
		for (i = 0; i < n; i++) {
			row = tmpl_add_row(sec, "CHANGE");
			appfields_label(changes[i].name, label, sizeof(label));
			tmpl_set(row, "LABEL", label);
			tmpl_set(row, "BEFORE", changes[i].before);
			tmpl_set(row, "AFTER", changes[i].after);
		}
		case_changes_free(changes, n);
	}

	/* The history: when, who, from what to what, why. */
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), "
	    "COALESCE(u.name, ''), e.from_state, e.to_state, e.reason FROM case_events e "
	    "LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id", "i",
	    id)) != DB_OK)
		goto dberr;
	for (k = 0; k < res.nrows; k++) {
		int from = case_state_parse(db_cell(&res, k, 2)), to = case_state_parse(db_cell(&res,
		    k, 3));

		row = tmpl_add_row(d, "EVENT");
		danish_time(when, sizeof(when), db_cell(&res, k, 0));
		tmpl_set(row, "AT", when);
		tmpl_set(row, "WHO", db_cell(&res, k, 1)[0] ? db_cell(&res, k, 1) : "Portalen");
		tmpl_set(row, "FROM", from < 0 ? db_cell(&res, k, 2) :
		    case_state_label((enum case_state)from));
		tmpl_set(row, "TO", to < 0 ? db_cell(&res, k, 3) :
		    case_state_label((enum case_state)to));
		tmpl_set(row, "REASON", db_cell(&res, k, 4));
	}
	db_result_free(&res);

	/* The decision, only to those who may decide, and only while it waits for one. */
	if (c.state == CASE_SUBMITTED && auth_can(ctx, ACT_FSE_CASE_DECIDE, 0)) {
		static const char *const forms[] = { "tilbage", "afvis" };

		sec = tmpl_add_row(d, "DECIDE");
		tmpl_set_int(sec, "ID", c.id);
		tmpl_set_int(sec, "VERSION", c.version);
		for (i = 0; i < 2; i++) {
			char key[32];

			if (err == NULL || err->handling == NULL || strcmp(err->handling,
			    forms[i]) != 0)
				continue;
			snprintf(key, sizeof(key), "VALUE_%s", forms[i]);
			tmpl_set(sec, key, err->text ? err->text : "");
		}
		if (err && err->handling) {
			struct page_error pe;
			char field[48], key2[64];

			snprintf(field, sizeof(field), "begrundelse_%s", err->handling);
			pe.field = field;
			pe.message = err->message;
			/* The summary at the top; the message next to the field, in its form. */
			page_form_errors(d, NULL, NULL, &pe, 1);
			snprintf(key2, sizeof(key2), "ERROR_%s", field);
			tmpl_set(tmpl_add_row(sec, key2), "MESSAGE", err->message);
		}
	}
	kvlist_free(&data);
	case_row_free(&c);
	return status;
dberr:
	kvlist_free(&data);
	case_row_free(&c);
	return ctx_db_error(ctx, rc);
}

/* GET /fse/sag?id=N */
static int
case_page(struct ctx *ctx)
{
	const char *notice = kvlist_value(&ctx->req->query, "besked");

	return render_case(ctx, number(kvlist_value(&ctx->req->query, "id")), notice, 0, NULL,
	    200);
}

/* The kind of institution from the unit's name: enhed is a faculty, institute or centre. */
static const char *
institution_kind(const char *code, const char *unit)
{
	char low[256];
	size_t i;

	if (code == NULL || strcmp(code, "anden") == 0)
		return "other";
	for (i = 0; unit && unit[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower((unsigned char)unit[i]);
	low[i] = '\0';
	if (strstr(low, "fakultet") || strstr(low, "faculty"))
		return "faculty";
	if (strstr(low, "center") || strstr(low, "centre"))
		return "centre";
	return "institute";
}

/*
 * Why an invitation to the manager's address may go outside the authorisation's domains (R6):
 * the address is the one the manager confirmed by a mailed link before the application could be
 * submitted (R4.2), and FSE has just approved the application with it. The approval is FSE's
 * approval of the person; the reason is kept on the invitation and in its audit event, as for
 * any FSE override (invitation.create_override). Inside the domains no reason is recorded.
 */
#define MANAGER_OVERRIDE_REASON "Lederens adresse er bekræftet af lederen i ansøgningen, som " \
	"Forskningsservice har godkendt (R4.2)"

/*
 * The manager has no account yet: invite their address to the responsible role (R4.2), so they
 * can create an account and take the role over from the applicant (cgi-bin/authorisation.c,
 * hand_over). Same token scheme, validity and audit as every invitation (lib/invite).
 */
static enum db_err
invite_manager(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    long long auth, const char *address)
{
	char email[255];
	struct tmpl_dict *md;
	struct db_result res;
	struct invite in;
	enum db_err rc;
	int inside = 0;

	form_lower(email, sizeof(email), address);
	if ((rc = invite_domain_ok(ctx->db, auth, email, &inside)) != DB_OK)
		return rc;
	if ((rc = db_exec(ctx->db, &res, "SELECT name FROM users WHERE id = ?", "i",
	    c->created_by)) != DB_OK)
		return rc;
	if ((md = tmpl_dict_new()) == NULL) {
		db_result_free(&res);
		return DB_ENOMEM;
	}
	tmpl_set(md, "NAME", value_or_empty(data, "leder_navn"));
	tmpl_set(md, "APPLICANT", res.nrows ? db_cell(&res, 0, 0) : "");
	db_result_free(&res);
	memset(&in, 0, sizeof(in));
	in.authorisation_id = auth;
	in.email = email;
	in.name = value_or_empty(data, "leder_navn");
	in.role = "responsible";
	in.invited_by = ctx_user(ctx);
	in.inviter = "Forskningsservice";
	in.override_reason = inside ? "" : MANAGER_OVERRIDE_REASON;
	in.remote_addr = ctx->req->remote_addr;
	in.mail = "invitation_manager";
	in.subject = "Uddannelsesautorisationen er godkendt: overtag rollen som "
	    "autorisationsansvarlig";
	in.md = md;
	rc = invite_create(ctx->db, ctx->cfg, &in, NULL);
	tmpl_dict_free(md);
	return rc;
}

/*
 * On approval, inside the transaction: the institution, the authorisation with its number and
 * domains, the case's link to it, and the responsible role with its audit events. The role goes
 * to the manager (leder_email) when they have an account, else to the applicant for the
 * meantime, and the manager is invited to take it over (*invited). *to_manager tells which.
 */
static enum db_err
create_authorisation(struct ctx *ctx, const struct case_row *c, const struct kvlist *data,
    char *num, size_t numlen, int *to_manager, int *invited)
{
	const char *code = kvlist_value(data, "universitet"), *unit = kvlist_value(data, "enhed");
	const char *email = kvlist_value(data, "leder_email"), *p, *e;
	long long inst, auth, grantee = c->created_by, uid = ctx_user(ctx);
	struct db_result res;
	enum db_err rc;
	time_t now = time(NULL);
	struct tm tm;
	char name[201];

	*to_manager = 0;
	*invited = 0;
	snprintf(name, sizeof(name), "%s", unit && !blank(unit) ? unit : c->title);
	if (code && strcmp(code, "anden") == 0)
		code = NULL;
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO institutions (university_id, name, kind) "
	    "VALUES ((SELECT id FROM universities WHERE code = ?), ?, ?) ON DUPLICATE KEY UPDATE "
	    "id = LAST_INSERT_ID(id)", "sss", code ? code : "", name,
	    institution_kind(code, unit))) != DB_OK)
		return rc;
	inst = (long long)res.insert_id;
	db_result_free(&res);

	localtime_r(&now, &tm);
	snprintf(num, numlen, "UA-%d-%lld", tm.tm_year + 1900, c->id);
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO authorisations (institution_id, number) "
	    "VALUES (?, ?)", "is", inst, num)) != DB_OK)
		return rc;
	auth = (long long)res.insert_id;
	db_result_free(&res);

	for (p = kvlist_value(data, "domaener"); p && *p; p = e ? e + 1 : NULL) {
		char dom[191];
		size_t len, j;

		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		while (len && isspace((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len == 0 || len >= sizeof(dom))
			continue;
		for (j = 0; j < len; j++)
			dom[j] = (char)tolower((unsigned char)p[j]);
		dom[len] = '\0';
		if ((rc = db_exec(ctx->db, NULL, "INSERT IGNORE INTO authorisation_domains "
		    "(authorisation_id, domain) VALUES (?, ?)", "is", auth, dom)) != DB_OK)
			return rc;
	}
	if ((rc = db_exec(ctx->db, NULL, "UPDATE cases SET authorisation_id = ? WHERE id = ?",
	    "ii", auth, c->id)) != DB_OK)
		return rc;

	if (email && !blank(email)) {
		if ((rc = db_exec(ctx->db, &res, "SELECT id FROM users WHERE email = ? AND status = "
		    "'active'", "s", email)) != DB_OK)
			return rc;
		if (res.nrows) {
			grantee = db_cell_int(&res, 0, 0, c->created_by);
			*to_manager = 1;
		}
		db_result_free(&res);
	}
	if ((rc = db_exec(ctx->db, &res, "INSERT INTO role_assignments (user_id, role, "
	    "authorisation_id, granted_by, grant_reason) VALUES (?, 'responsible', ?, ?, ?)",
	    "iiis", grantee, auth, uid, *to_manager ? "Godkendt ansøgning: den personaleansvarlige "
	    "leder" : "Godkendt ansøgning: lederen har ingen konto, så ansøgeren")) != DB_OK)
		return rc;
	db_result_free(&res);
	if ((rc = audit_event(ctx->db, uid, "authorisation.create", "authorisation", auth,
	    c->created_by, ctx->req->remote_addr, num)) != DB_OK ||
	    (rc = audit_event(ctx->db, uid, "role.grant", "authorisation", auth, grantee,
	    ctx->req->remote_addr, *to_manager ? "responsible (manager)" :
	    "responsible (applicant: the manager has no account)")) != DB_OK)
		return rc;
	if (!*to_manager && email && !blank(email)) {
		if ((rc = invite_manager(ctx, c, data, auth, email)) != DB_OK)
			return rc;
		*invited = 1;
	}
	return DB_OK;
}

/* POST /fse/sag/afgoer: id, version, handling=godkend|tilbage|afvis, begrundelse. */
static int
case_decide(struct ctx *ctx)
{
	const struct kvlist *f = &ctx->req->form;
	long long id = number(kvlist_value(f, "id")), version = number(kvlist_value(f, "version"));
	const char *handling = kvlist_value(f, "handling"), *reason = kvlist_value(f, "begrundelse");
	struct decide_error err;
	struct tmpl_dict *md = NULL;
	struct db_result res;
	struct kvlist data;
	struct case_row c;
	enum case_state to;
	enum cases_err crc;
	enum mail_err mrc;
	enum db_err rc;
	char num[48] = "", uni[256], path[96], applicant[255] = "", applicant_name[201] = "";
	const char *tpl, *subject;
	int to_manager = 0, invited = 0, st, parsed = 0;

	if (id <= 0)
		return 404;
	if (handling && strcmp(handling, "godkend") == 0)
		to = CASE_APPROVED;
	else if (handling && strcmp(handling, "tilbage") == 0)
		to = CASE_RETURNED;
	else if (handling && strcmp(handling, "afvis") == 0)
		to = CASE_REJECTED;
	else
		return 400;
	if (reason == NULL)
		reason = "";
	memset(&err, 0, sizeof(err));
	if (to != CASE_APPROVED && blank(reason)) {
		err.handling = handling;
		err.text = reason;
		err.message = to == CASE_RETURNED ? "Skriv, hvad ansøgeren skal rette. Beskeden "
		    "sendes til ansøgeren." : "Skriv begrundelsen for afslaget. Den sendes til "
		    "ansøgeren.";
		return render_case(ctx, id, NULL, 0, &err, 422);
	}
	if (strlen(reason) > REASON_MAX) {
		err.handling = to == CASE_APPROVED ? NULL : handling;
		err.text = reason;
		err.message = "Teksten er for lang: den må højst fylde 1000 tegn. Gør den kortere.";
		return render_case(ctx, id, NULL, 0, err.handling ? &err : NULL, 422);
	}
	if (version <= 0)
		return render_case(ctx, id, NULL, 1, NULL, 409);

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Locks the row: a colleague's decision at the same moment waits, then sees a new version. */
	if ((crc = cases_load(ctx->db, id, 1, &c)) == CASES_ENOTFOUND) {
		db_rollback(ctx->db);
		return 404;
	}
	if (crc != CASES_OK)
		return ctx_tx_error(ctx, DB_EEXEC);
	if (strcmp(c.type, "authorisation") != 0) {
		db_rollback(ctx->db);
		case_row_free(&c);
		return 404;
	}
	if (parse_case_data(c.data, &data) != 0) {
		case_row_free(&c);
		return ctx_tx_error(ctx, DB_EEXEC);
	}
	parsed = 1;
	crc = cases_move(ctx->db, id, (unsigned)version, to, CASE_SIDE_FSE, ctx_user(ctx),
	    blank(reason) ? "" : reason, ctx->req->remote_addr, NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTALLOWED) {
		db_rollback(ctx->db);
		st = render_case(ctx, id, NULL, 1, NULL, 409);
		goto out;
	}
	if (crc == CASES_EREASON) {
		db_rollback(ctx->db);
		err.handling = handling;
		err.text = reason;
		err.message = "Skriv en begrundelse.";
		st = render_case(ctx, id, NULL, 0, &err, 422);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if (to == CASE_APPROVED && (rc = create_authorisation(ctx, &c, &data, num, sizeof(num),
	    &to_manager, &invited)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}

	/* The applicant is told each time, in the same transaction. */
	if ((rc = db_exec(ctx->db, &res, "SELECT email, name FROM users WHERE id = ?", "i",
	    c.created_by)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (res.nrows) {
		snprintf(applicant, sizeof(applicant), "%s", db_cell(&res, 0, 0));
		snprintf(applicant_name, sizeof(applicant_name), "%s", db_cell(&res, 0, 1));
	}
	db_result_free(&res);
	if ((rc = university_name(ctx, kvlist_value(&data, "universitet"), uni, sizeof(uni))) !=
	    DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if ((md = tmpl_dict_new()) == NULL) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	tmpl_set(md, "NAME", applicant_name);
	tmpl_set_int(md, "ID", c.id);
	if (!blank(kvlist_value(&data, "enhed")))
		tmpl_setf(md, "INSTITUTION", "%s, %s", kvlist_value(&data, "enhed"), uni);
	else
		tmpl_set(md, "INSTITUTION", uni);
	tmpl_set(md, "REASON", reason);
	if (to == CASE_APPROVED) {
		tmpl_set(md, "NUMBER", num);
		tmpl_setf(md, "LINK", "%s/autorisation", ctx->cfg->base_url);
		tmpl_show(md, to_manager ? "TO_MANAGER" : "TO_APPLICANT");
		tmpl_set(md, "MANAGER", value_or_empty(&data, "leder_navn"));
		if (invited) {
			tmpl_show(md, "INVITED");
			tmpl_set_int(md, "INVITE_DAYS", INVITE_DAYS);
		}
		tpl = "application_approved";
		subject = "Din ansøgning om uddannelsesautorisation er godkendt";
	} else if (to == CASE_RETURNED) {
		tmpl_setf(md, "LINK", "%s/ansoegning/trin?id=%lld&trin=1", ctx->cfg->base_url, c.id);
		tpl = "application_returned";
		subject = "Din ansøgning om uddannelsesautorisation skal rettes";
	} else {
		tmpl_setf(md, "LINK", "%s/ansoegning", ctx->cfg->base_url);
		tpl = "application_rejected";
		subject = "Din ansøgning om uddannelsesautorisation er afvist";
	}
	if (!blank(reason) && to == CASE_APPROVED)
		tmpl_set(tmpl_add_row(md, "NOTE"), "TEXT", reason);
	if (applicant[0] && (mrc = mail_enqueue_template(ctx->db, ctx->cfg, applicant,
	    applicant_name, subject, tpl, md, tpl, NULL)) != MAIL_OK) {
		log_error("mail %s: %s", tpl, mail_strerror(mrc));
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	log_info("case %lld %s by user %lld%s%s", id, case_state_name(to), ctx_user(ctx),
	    num[0] ? ", authorisation " : "", num);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld&besked=%s", id, handling);
	st = ctx_redirect(ctx, path);
out:
	if (md)
		tmpl_dict_free(md);
	if (parsed)
		kvlist_free(&data);
	case_row_free(&c);
	return st;
}

static const struct route routes[] = {
	{ "GET", "/fse", home_page, ACT_FSE_HOME },
	{ "GET", "/fse/post", mail_page, ACT_FSE_MAIL_VIEW },
	{ "POST", "/fse/post/igen", mail_retry, ACT_FSE_MAIL_RETRY },
	{ "GET", "/fse/sager", cases_page, ACT_FSE_CASES_VIEW },
	{ "GET", "/fse/sag", case_page, ACT_FSE_CASES_VIEW },
	{ "POST", "/fse/sag/afgoer", case_decide, ACT_FSE_CASE_DECIDE },
	{ "GET", "/fse/takster", fse_rates_page, ACT_FSE_RATES_VIEW },
	{ "POST", "/fse/takster", fse_rates_add, ACT_FSE_RATES_EDIT },
};

int
main(int argc, char **argv)
{
	/* Times on the pages are Danish, whatever the server's zone (see danish_time). */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	return fcgi_main("fse", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
