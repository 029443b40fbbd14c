/*
 * fse_rates: /fse/takster, the dated fee rate table (issue 6; R23, R24, R29). Fees are rates that
 * FSE staff set for a period, never prices in code (R29). The page lists every rate per kind with
 * the one valid today marked, and marks the placeholder values portalctl seed-demo-rates put
 * there, so nobody mistakes them for real fees. Caseworkers and the head of office add a rate;
 * periods of one kind never overlap (lib/fees.c checks that under a lock), and a new rate ends
 * an open-ended earlier one the day before it starts.
 *
 * The accept loop has already enforced each route's policy row before a handler runs; the page
 * asks the policy again only to decide whether to show the form.
 */
#include "fse_rates.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "fees.h"
#include "form.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

#define RATE_ID_MAX	999999999999999LL	/* form_int takes at most 15 digits */

/* What each kind means for whoever sets it (R23, R24, R29), in the order of enum fees_kind. */
static const char *const kind_help[FEES_KIND__MAX] = {
	"En projektindstilling koster den takst, der gælder den dag, indstillingen sendes. Det "
	"gælder også, når en indstilling sendes igen. Data til institutionens højst fem brede projekter er "
	"gratis.",
	"Brugergebyret betales i princippet kun for studerende. Andre med en rolle betaler ikke, "
	"medmindre de selv bruger mikrodata.",
	"Sagsbehandling, der afregnes efter tid, koster denne takst pr. time.",
	"Hver certificering af en bruger koster denne takst.",
};

static const char *const kind_choices[FEES_KIND__MAX + 1] = {
	"proposal", "student_user", "casework_hour", "certification", NULL,
};

enum { F_KIND, F_AMOUNT, F_FROM, F_TO, F_NOTE, F__MAX };
static const struct form_field add_fields[F__MAX] = {
	[F_KIND] = { "art", form_choice, 1, 0, 0, kind_choices,
	    "Vælg, hvad taksten er for." },
	[F_AMOUNT] = { "beloeb", form_line, 1, 1, 30, NULL, "Skriv beløbet i kroner." },
	/* One date input for every date field (issue 11): <input type="date">, form_date. */
	[F_FROM] = { "gyldig_fra", form_date, 1, 19000101, 99991231, NULL,
	    "Skriv den første dag, taksten gælder." },
	[F_TO] = { "gyldig_til", form_date, 0, 19000101, 99991231, NULL, NULL },
	[F_NOTE] = { "note", form_line, 0, 0, FEES_NOTE_MAX, NULL, NULL },
};
static const char *const kept[] = { "beloeb", "gyldig_fra", "gyldig_til", "note" };

static const char AMOUNT_TEXT[] = "Skriv beløbet i kroner med højst to decimaler, fx 1.250,00. "
    "Det må ikke være negativt eller over 10.000.000 kr.";

enum { Q_NOTICE, Q_ID, Q_CLOSED, Q__MAX };
static const char *const notice_choices[] = { "tilfoejet", NULL };
static const struct form_field query_fields[Q__MAX] = {
	[Q_NOTICE] = { "besked", form_choice, 0, 0, 0, notice_choices, NULL },
	[Q_ID] = { "nr", form_int, 0, 1, RATE_ID_MAX, NULL, NULL },
	[Q_CLOSED] = { "sluttet", form_int, 0, 1, RATE_ID_MAX, NULL, NULL },
};

static int
fees_fail(struct ctx *ctx, enum fees_err frc)
{
	/* A lost conflict (another addition of the kind, R29): the request runs again whole. */
	if (frc == FEES_ERETRY)
		return ctx_tx_error(ctx, DB_ERETRY);
	db_rollback(ctx->db);
	log_error("rates: %s: %s", fees_strerror(frc), db_errmsg(ctx->db));
	return db_connected(ctx->db) ? 500 : 503;
}

/* Whether to offer the form: the same policy row the POST route has (never decided in
 * templates). */
static int
may_edit(struct ctx *ctx)
{
	unsigned global, object, any;

	if (auth_roles(ctx->db, ctx_user(ctx), 0, &global, &object, &any) != DB_OK)
		return 0;	/* fail closed: a form less, never one too many */
	return policy_decide(ACT_FSE_RATES_EDIT, 1, global, 0, 0) == POLICY_ALLOW;
}

static const struct fees_rate *
find(const struct fees_list *l, long long id)
{
	size_t i;

	for (i = 0; id && i < l->nrows; i++)
		if (l->rows[i].id == id)
			return &l->rows[i];
	return NULL;
}

/* "1.250,00 kr. pr. indstilling fra 1. januar 2027 til og med 31. december 2027" */
static void
describe(const struct fees_rate *r, char *out, size_t outlen)
{
	char amount[FEES_AMOUNT_LEN], from[40], to[40];

	fees_format_dkk(r->ore, amount, sizeof(amount));
	fees_format_date(r->valid_from, from, sizeof(from));
	if (r->valid_to[0]) {
		fees_format_date(r->valid_to, to, sizeof(to));
		snprintf(out, outlen, "%s %s fra %s til og med %s", amount, fees_kind_unit(r->kind),
		    from, to);
	} else
		snprintf(out, outlen, "%s %s fra %s og indtil videre", amount,
		    fees_kind_unit(r->kind), from);
}

static void
set_rows(struct tmpl_dict *d, const struct fees_list *l, const char *today, int chosen_kind)
{
	char text[400], date[40];
	struct tmpl_dict *k, *row, *tbl;
	const struct fees_rate *cur;
	size_t i, first, n;
	int kind, demo;

	for (kind = 0; kind < FEES_KIND__MAX; kind++) {
		/* The list is sorted by kind, then valid_from: one kind's rows are a run. */
		for (first = 0; first < l->nrows && (int)l->rows[first].kind != kind; first++)
			;
		for (n = 0; first + n < l->nrows && (int)l->rows[first + n].kind == kind; n++)
			;
		k = tmpl_add_row(d, "KIND");
		tmpl_set(k, "NAME", fees_kind_name((enum fees_kind)kind));
		tmpl_set(k, "LABEL", fees_kind_label((enum fees_kind)kind));
		tmpl_set(k, "UNIT", fees_kind_unit((enum fees_kind)kind));
		tmpl_set(k, "HELP", kind_help[kind]);
		cur = n ? fees_pick(&l->rows[first], n, today) : NULL;
		if (cur) {
			row = tmpl_add_row(k, "CURRENT");
			fees_format_dkk(cur->ore, text, sizeof(text));
			tmpl_set(row, "AMOUNT", text);
			if (cur->is_demo)
				tmpl_show(row, "DEMO");
		} else
			tmpl_show(k, "NO_CURRENT");
		if (n == 0) {
			tmpl_show(k, "EMPTY");
			continue;
		}
		tbl = tmpl_add_row(k, "TABLE");
		for (i = first, demo = 0; i < first + n; i++) {
			const struct fees_rate *r = &l->rows[i];

			row = tmpl_add_row(tbl, "RATE");
			tmpl_set_int(row, "ID", r->id);
			fees_format_dkk(r->ore, text, sizeof(text));
			tmpl_set(row, "AMOUNT", text);
			fees_format_date(r->valid_from, date, sizeof(date));
			tmpl_set(row, "FROM", date);
			if (r->valid_to[0]) {
				fees_format_date(r->valid_to, date, sizeof(date));
				tmpl_set(row, "TO", date);
			} else
				tmpl_set(row, "TO", "Indtil videre");
			tmpl_set(row, "NOTE", r->note);
			if (r == cur)
				tmpl_show(row, "IS_CURRENT");
			else if (strcmp(r->valid_from, today) > 0)
				tmpl_show(row, "IS_FUTURE");
			else
				tmpl_show(row, "IS_PAST");
			if (r->is_demo) {
				tmpl_show(row, "IS_DEMO");
				demo = 1;
			}
		}
		if (demo)
			tmpl_show(k, "HAS_DEMO");
	}
	/* The form's select, keeping the user's choice on a refused form. */
	for (kind = 0; kind < FEES_KIND__MAX; kind++) {
		row = tmpl_add_row(d, "KIND_OPTION");
		tmpl_set(row, "VALUE", fees_kind_name((enum fees_kind)kind));
		tmpl_setf(row, "LABEL", "%s (%s)", fees_kind_label((enum fees_kind)kind),
		    fees_kind_unit((enum fees_kind)kind));
		if (kind == chosen_kind)
			tmpl_show(row, "SELECTED");
	}
}

/*
 * The page. errors: the refused form (NULL: none) with extra messages; notice/closed: the rate
 * just added and the one it ended (0: none).
 */
static int
render(struct ctx *ctx, const struct form *errors, const struct fielderr *fe,
    long long notice, long long closed, int status)
{
	char today[FEES_DATE_LEN], text[400];
	const struct fees_rate *r;
	struct tmpl_dict *d, *f, *nd;
	struct fees_list l;
	enum fees_err frc;
	int chosen = -1;

	if ((frc = fees_list(ctx->db, -1, &l)) != FEES_OK)
		return fees_fail(ctx, frc);
	if ((d = ctx_page(ctx, "fse/rates.tpl", "Takster")) != NULL)
		submitkey_put(ctx, d);	/* one rate per form, however often sent */
	if (d == NULL) {
		fees_list_free(&l);
		return 500;
	}
	fees_today(today);
	fees_format_date(today, text, sizeof(text));
	tmpl_set(d, "TODAY", text);
	if ((r = find(&l, notice)) != NULL) {
		nd = tmpl_add_row(d, "NOTICE_ADDED");
		tmpl_set(nd, "LABEL", fees_kind_label(r->kind));
		describe(r, text, sizeof(text));
		tmpl_set(nd, "RATE", text);
		if ((r = find(&l, closed)) != NULL) {
			fees_format_date(r->valid_to, text, sizeof(text));
			tmpl_set(tmpl_add_row(nd, "CLOSED"), "TO", text);
		}
	}
	if (errors && errors->v[F_KIND].err == FORM_OK && errors->v[F_KIND].value)
		chosen = (int)errors->v[F_KIND].num;
	set_rows(d, &l, today, chosen);
	fees_list_free(&l);
	if (may_edit(ctx)) {
		f = tmpl_add_row(d, "ADD");
		if (errors || fielderr_count(fe)) {
			page_form_errors(f, errors, NULL, fe);
			if (errors)
				page_keep_values(f, errors, kept, sizeof(kept) / sizeof(kept[0]));
		}
	} else
		tmpl_show(d, "READ_ONLY");
	return status;
}

int
fse_rates_page(struct ctx *ctx)
{
	struct form q;
	long long notice = 0, closed = 0;

	form_read(&q, query_fields, Q__MAX, &ctx->req->query);
	/* A notice only when the link is whole; a bad one is simply not shown. */
	if (q.v[Q_NOTICE].len && q.v[Q_NOTICE].err == FORM_OK && q.v[Q_ID].len &&
	    q.v[Q_ID].err == FORM_OK) {
		notice = q.v[Q_ID].num;
		if (q.v[Q_CLOSED].len && q.v[Q_CLOSED].err == FORM_OK)
			closed = q.v[Q_CLOSED].num;
	}
	return render(ctx, NULL, NULL, notice, closed, 200);
}

/* The message for a period that overlaps rate r of the same kind. */
static void
overlap_text(const struct fees_rate *r, char *out, size_t outlen)
{
	char what[300];

	if (r == NULL) {
		snprintf(out, outlen, "Perioden overlapper en anden takst af samme slags. To takster "
		    "for det samme må ikke gælde på samme dag. Se listen over takster, og vælg en "
		    "periode, der ikke overlapper. Intet er gemt.");
		return;
	}
	describe(r, what, sizeof(what));
	snprintf(out, outlen, "Perioden overlapper en takst, der allerede findes: %s. To takster "
	    "for det samme må ikke gælde på samme dag. Vælg en periode, der ligger før eller efter "
	    "den. Intet er gemt.", what);
}

int
fse_rates_add(struct ctx *ctx)
{
	char from[FEES_DATE_LEN], to[FEES_DATE_LEN], msg[600], path[128];
	struct fielderr fe;
	struct fees_closed closed;
	struct fees_list l;
	struct fees_new n;
	size_t clash, close;
	enum fees_err frc;
	enum db_err rc;
	long long ore = 0, id = 0;
	struct form f;
	int st;

	form_read(&f, add_fields, F__MAX, &ctx->req->form);
	fielderr_init(&fe);
	to[0] = '\0';
	/* Rules beyond the validators, each message next to its field. */
	if (f.v[F_AMOUNT].err == FORM_OK && fees_parse_dkk(f.v[F_AMOUNT].value, &ore) != FEES_OK) {
		fielderr_add(&fe, "beloeb", AMOUNT_TEXT);
	}
	/* form_date has checked them: real days, written YYYY-MM-DD. */
	if (f.v[F_FROM].err == FORM_OK && f.v[F_FROM].value)
		snprintf(from, FEES_DATE_LEN, "%s", f.v[F_FROM].value);
	if (f.v[F_TO].err == FORM_OK && f.v[F_TO].value && f.v[F_TO].len)
		snprintf(to, FEES_DATE_LEN, "%s", f.v[F_TO].value);
	if (f.nerrors || fielderr_count(&fe))
		return render(ctx, &f, &fe, 0, 0, 422);

	memset(&n, 0, sizeof(n));
	n.kind = (enum fees_kind)f.v[F_KIND].num;
	n.ore = ore;
	n.valid_from = from;
	n.valid_to = to[0] ? to : NULL;
	n.note = f.v[F_NOTE].value ? f.v[F_NOTE].value : "";

	/* The rate, an ended earlier one and their audit events commit together (R29, R33). A
	 * transaction that loses to another addition of the kind is run again whole by the accept
	 * loop (fees_fail), so there is no retry here. */
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Sent twice (issue 12): one rate, the page names it. Claimed before the first look,
	 * which would otherwise take the first send's rate for a clash. */
	if ((st = submitkey_claim(ctx, "rate.new")) != 0)
		return st;
	/* A first look without a lock, to name the rate it clashes with; fees_add decides. */
	if ((frc = fees_list(ctx->db, (int)n.kind, &l)) != FEES_OK)
		return fees_fail(ctx, frc);
	frc = fees_check_period(l.rows, l.nrows, from, n.valid_to, &clash, &close);
	if (frc == FEES_EOVERLAP)
		overlap_text(&l.rows[clash], msg, sizeof(msg));
	fees_list_free(&l);
	if (frc == FEES_EPERIOD || frc == FEES_EOVERLAP) {
		db_rollback(ctx->db);
		if (frc == FEES_EPERIOD)
			fielderr_add(&fe, "gyldig_til", "Den sidste dag kan ikke ligge før den første "
			    "dag.");
		else
			fielderr_add(&fe, "gyldig_fra", msg);
		return render(ctx, &f, &fe, 0, 0, 422);
	}
	frc = fees_add(ctx->db, &n, ctx_user(ctx), ctx->req->remote_addr, &id, &closed);
	if (frc == FEES_EOVERLAP) {
		/* A colleague added one in the meantime. */
		db_rollback(ctx->db);
		overlap_text(NULL, msg, sizeof(msg));
		fielderr_add(&fe, "gyldig_fra", msg);
		return render(ctx, &f, &fe, 0, 0, 422);
	}
	if (frc != FEES_OK)
		return fees_fail(ctx, frc);
	if (closed.id)
		snprintf(path, sizeof(path), "/fse/takster?besked=tilfoejet&nr=%lld&sluttet=%lld#%s",
		    id, closed.id, fees_kind_name(n.kind));
	else
		snprintf(path, sizeof(path), "/fse/takster?besked=tilfoejet&nr=%lld#%s", id,
		    fees_kind_name(n.kind));
	if ((rc = submitkey_done(ctx, path)) != DB_OK)
		return ctx_tx_error(ctx, rc);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("rate %lld (%s) added by user %lld", id, fees_kind_name(n.kind), ctx_user(ctx));
	return ctx_redirect(ctx, path);
}
