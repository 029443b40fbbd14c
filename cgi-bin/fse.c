/*
 * fse: the pages of Statistics Denmark's research service (FSE) under /fse. For now the start page
 * and the outbox page of issue 4: what the portal's mail is doing (queued, deferred, dead, sent)
 * and "Send igen" for a dead mail; the rate table (fse_rates.c); the case work of every kind
 * of case (fse_cases.c: the queue, a case's page and the decision); and who has passed the
 * certification course (fse_certification.c).
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
#include "auth.h"
#include "buf.h"
#include "casekind.h"
#include "datefmt.h"
#include "db.h"
#include "fcgi.h"
#include "form.h"
#include "fse_agreement.h"
#include "fse_caps.h"
#include "fse_cases.h"
#include "fse_certification.h"
#include "fse_export_rules.h"
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

/* ---- the start page ------------------------------------------------------------------------- */

static int
home_page(struct ctx *ctx)
{
	struct mail_counts c;
	struct tmpl_dict *d, *m;
	enum mail_err mrc;

	if ((d = ctx_page(ctx, "fse/home.tpl", "Forskningsservice")) == NULL)
		return 500;
	if (may(ctx, ACT_FSE_CERT_VIEW))
		tmpl_show(d, "CERTIFICATION");
	if (may(ctx, ACT_FSE_CAPS_VIEW) && fse_caps_summary(ctx, d) != DB_OK)
		return ctx_db_error(ctx, db_last_error(ctx->db));
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

/* The account's and the portal's own mails; a case's mails are its kind's (lib/casekind.c). */
static const struct {
	const char	*kind;
	const char	*label;
} kind_labels[] = {
	{ "verify_email", "Bekræft e-mailadresse" },
	{ "password_reset", "Nulstil adgangskode" },
	{ "account_exists", "Konto findes allerede" },
	{ "invitation", "Invitation til en rolle" },
	{ "test_message", "Prøvebesked" },
	/* the scheduled runner (bin/scheduler, issue 14) */
	{ "invitation_reminder", "Påmindelse: invitation udløber snart" },
	{ "fse_service_overdue", "Sag har ventet længere end servicemålet" },
	/* taking results home (issue 14): not a kind of case, so named here */
	{ "export_requested", "Studerende beder vejlederen hjemtage resultater" },
	{ "export_approved", "Hjemtagelse af resultater godkendt" },
	{ "export_refused", "Hjemtagelse af resultater afvist" },
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
	const char *case_mail;
	size_t i;

	for (i = 0; kind && i < sizeof(kind_labels) / sizeof(kind_labels[0]); i++)
		if (strcmp(kind, kind_labels[i].kind) == 0)
			return kind_labels[i].label;
	if ((case_mail = casekind_mail_label(kind)) != NULL)
		return case_mail;
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
    const char *const *anchors, const struct fielderr *fe, int status)
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
	if (errors || fielderr_count(fe))
		page_form_errors(d, errors, anchors, fe);

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
		datefmt_danish(when, sizeof(when), e->created_at, DATEFMT_DATETIME);
		tmpl_set(row, "CREATED", when);
		tmpl_set_int(row, "ATTEMPTS", e->attempts);
		if (e->claimed)
			tmpl_set(row, "NEXT", "Sendes nu");
		else if (e->next_attempt) {
			datefmt_danish(when, sizeof(when), e->next_attempt, DATEFMT_DATETIME);
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
		return render_mail_page(ctx, -1, 0, &q, anchors, NULL, 422);
	}
	return render_mail_page(ctx, state, notice, NULL, NULL, NULL, 200);
}

static int
mail_retry(struct ctx *ctx)
{
	static const char *const anchors[RT__MAX] = { "postliste", "tilstand" };
	long long uid = ctx_user(ctx), id;
	struct fielderr fe;
	char msg[400], path[128];
	enum mail_err mrc;
	enum db_err rc;
	struct form f;
	int state;

	form_read(&f, retry_fields, RT__MAX, &ctx->req->form);
	state = chosen_state(&f.v[RT_STATE]);
	if (f.nerrors) {
		/* The id is a hidden field: "write a whole number" would mean nothing to anyone. */
		fielderr_init(&fe);
		if (f.v[RT_ID].err != FORM_OK)
			fielderr_add(&fe, "postliste", retry_fields[RT_ID].missing);
		f.v[RT_ID].err = FORM_OK;
		return render_mail_page(ctx, state, 0, &f, anchors, &fe, 422);
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
		fielderr_init(&fe);
		fielderr_add(&fe, "postliste", msg);
		return render_mail_page(ctx, state, 0, NULL, NULL, &fe, 422);
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

static const struct route routes[] = {
	{ "GET", "/fse", home_page, ACT_FSE_HOME },
	{ "GET", "/fse/post", mail_page, ACT_FSE_MAIL_VIEW },
	{ "GET", "/fse/graenser", fse_caps_page, ACT_FSE_CAPS_VIEW },
	{ "POST", "/fse/post/igen", mail_retry, ACT_FSE_MAIL_RETRY },
	{ "GET", "/fse/sager", fse_cases_page, ACT_FSE_CASES_VIEW },
	{ "GET", "/fse/sag", fse_case_page, ACT_FSE_CASES_VIEW },
	{ "POST", "/fse/sag/afgoer", fse_case_decide, ACT_FSE_CASE_DECIDE },
	{ "GET", "/fse/takster", fse_rates_page, ACT_FSE_RATES_VIEW },
	{ "POST", "/fse/takster", fse_rates_add, ACT_FSE_RATES_EDIT },
	{ "GET", "/fse/brugeraftale", fse_agreement_page, ACT_FSE_AGREEMENT_VIEW },
	{ "POST", "/fse/brugeraftale", fse_agreement_publish, ACT_FSE_AGREEMENT_EDIT },
	{ "GET", "/fse/hjemtagelsesregler", fse_export_rules_page, ACT_FSE_EXPORT_RULES_VIEW },
	{ "POST", "/fse/hjemtagelsesregler", fse_export_rules_publish, ACT_FSE_EXPORT_RULES_EDIT },
	{ "GET", "/fse/certificering", fse_cert_page, ACT_FSE_CERT_VIEW },
	{ "POST", "/fse/certificering", fse_cert_record, ACT_FSE_CERT_RECORD },
	{ "POST", "/fse/certificering/liste", fse_cert_list, ACT_FSE_CERT_RECORD },
	{ "POST", "/fse/certificering/tilbagekald", fse_cert_withdraw, ACT_FSE_CERT_RECORD },
};

int
main(int argc, char **argv)
{
	char why[256];

	/* FSE's decisions and lists mail many people by design (a certification list of hundreds
	 * of passes): this program mails as the service, outside cap_mails_hour (issue 16). */
	mail_as_service(1);
	/* Fail closed: a kind of case without its hooks would be missing from the queue. */
	if (fse_kinds_check(why, sizeof(why)) != 0) {
		log_error("fse: refusing to start: %s", why);
		return 1;
	}
	return fcgi_main("fse", argc, argv, routes, sizeof(routes) / sizeof(routes[0]));
}
