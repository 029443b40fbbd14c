/*
 * student_life: the administrator's part of a student's access after it is granted (issue 14;
 * R7, R11): extending the thesis period with a reason, ending the access when the thesis is
 * passed or given up, and a sanction for a breach of the security rules (suspend, lift), each
 * with a reason, told by mail to those it concerns (a sanction to FSE as well). Every change is
 * one transaction with its audit event; the rules rest on rows the transaction writes (the
 * access row, the sanction's unique key), so they hold on a Galera cluster too. The part of the
 * case's page that shows and offers these is stud_life_part.
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "datefmt.h"
#include "fees.h"
#include "form.h"
#include "log.h"
#include "mail.h"
#include "policy.h"
#include "studentaccess.h"
#include "tmpl.h"

#define REASON_MAX	1000	/* bytes: the audit event keeps it too (detail, 1000) */

/* The case's newest access, live or ended: what can be extended, ended or reopened. */
struct latest {
	long long	id;
	int		live;
	char		cause[16];		/* end_cause; "" while live */
	char		ends_on[CLOCK_DATE_LEN];
	char		ended_at[32];		/* UTC; "" while live */
	char		ended_by[256];		/* "" when the portal ended it */
	char		reason[REASON_MAX + 1];
};

static enum db_err
latest_access(struct ctx *ctx, long long case_id, int lock, struct latest *l)
{
	struct db_result res;
	enum db_err rc;

	memset(l, 0, sizeof(*l));
	if ((rc = db_exec(ctx->db, &res, lock ? "SELECT s.id, s.ended_at IS NULL, s.end_cause, "
	    "COALESCE(DATE_FORMAT(s.ends_on, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(s.ended_at, "
	    "'%Y-%m-%d %H:%i:%s'), ''), '', s.end_reason FROM student_access s WHERE "
	    "s.student_case_id = ? ORDER BY s.id DESC LIMIT 1 FOR UPDATE" : "SELECT s.id, "
	    "s.ended_at IS NULL, s.end_cause, COALESCE(DATE_FORMAT(s.ends_on, '%Y-%m-%d'), ''), "
	    "COALESCE(DATE_FORMAT(s.ended_at, '%Y-%m-%d %H:%i:%s'), ''), COALESCE(u.name, ''), "
	    "s.end_reason FROM student_access s LEFT JOIN users u ON u.id = s.ended_by WHERE "
	    "s.student_case_id = ? ORDER BY s.id DESC LIMIT 1", "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows) {
		l->id = db_cell_int(&res, 0, 0, 0);
		l->live = db_cell_int(&res, 0, 1, 0) != 0;
		snprintf(l->cause, sizeof(l->cause), "%s", db_cell(&res, 0, 2));
		snprintf(l->ends_on, sizeof(l->ends_on), "%s", db_cell(&res, 0, 3));
		snprintf(l->ended_at, sizeof(l->ended_at), "%s", db_cell(&res, 0, 4));
		snprintf(l->ended_by, sizeof(l->ended_by), "%s", db_cell(&res, 0, 5));
		snprintf(l->reason, sizeof(l->reason), "%s", db_cell(&res, 0, 6));
	}
	db_result_free(&res);
	return DB_OK;
}

/* A reason: required (or not), at most REASON_MAX bytes; a message into fe under field. */
static void
check_reason(struct fielderr *fe, const char *field, const char *v, int required,
    const char *missing)
{
	if (form_blank(v)) {
		if (required)
			fielderr_add(fe, field, missing);
	} else if (strlen(v) > REASON_MAX)
		fielderr_add(fe, field, "Teksten er for lang: den må højst fylde 1000 tegn.");
}

/* Who a mail goes to. */
#define TO_STUDENT	0x1
#define TO_SUPERVISOR	0x2
#define TO_ADMINS	0x4
#define TO_FSE		0x8

/* What a mail says besides the case's facts: NULL-terminated key, value pairs (a value NULL
 * shows the section named by the key). */
struct mail_facts {
	const char	*kv[12];
};

/* A dictionary for one recipient: the case's facts, the mail's, NAME and LINK. */
static struct tmpl_dict *
mail_dict(struct ctx *ctx, const struct stud *s, const struct mail_facts *f, const char *name,
    const char *audience, int to_student)
{
	struct tmpl_dict *md = tmpl_dict_new();
	size_t i;

	if (md == NULL)
		return NULL;
	tmpl_set(md, "STUDENT", s->c.title);
	tmpl_set(md, "SUPERVISOR", s->supervisor);
	tmpl_set(md, "NUMBER", s->a.number);
	tmpl_set(md, "INSTITUTION", s->a.institution);
	tmpl_set(md, "BY", ctx->session.name);
	tmpl_set(md, "NAME", name);
	tmpl_show(md, audience);
	if (to_student)
		tmpl_setf(md, "LINK", "%s/studerende/mig?id=%lld", ctx->cfg->base_url, s->a.id);
	else
		tmpl_setf(md, "LINK", "%s/studerende/sag?id=%lld&sag=%lld", ctx->cfg->base_url,
		    s->a.id, s->c.id);
	for (i = 0; i + 1 < sizeof(f->kv) / sizeof(f->kv[0]) && f->kv[i]; i += 2)
		if (f->kv[i + 1])
			tmpl_set(md, f->kv[i], f->kv[i + 1]);
		else
			tmpl_show(md, f->kv[i]);
	return md;
}

/* One mail tmpl (templates/mail/<tmpl>.*.tpl), inside the transaction. */
static enum mail_err
send_one(struct ctx *ctx, const struct stud *s, const struct mail_facts *f, const char *to,
    const char *name, const char *audience, const char *subject, const char *tmpl)
{
	struct tmpl_dict *md = mail_dict(ctx, s, f, name ? name : "", audience,
	    strcmp(audience, "TO_STUDENT") == 0);
	enum mail_err mrc;

	if (md == NULL)
		return MAIL_ENOMEM;
	mrc = mail_enqueue_template(ctx->db, ctx->cfg, to, name, subject, tmpl, md, tmpl, NULL);
	tmpl_dict_free(md);
	return mrc;
}

/* The mail tmpl to each of who (TO_*), each in their own words (TO_STUDENT, TO_STAFF, TO_FSE
 * sections of the template). */
static enum db_err
tell(struct ctx *ctx, const struct stud *s, unsigned who, const char *subject, const char *tmpl,
    const struct mail_facts *f)
{
	const char *email = kvlist_value(&s->data, "email");
	enum mail_err mrc = MAIL_OK;
	struct db_result res;
	enum db_err rc;
	size_t i;

	if ((who & TO_STUDENT) && !form_blank(email))
		mrc = send_one(ctx, s, f, email, s->c.title, "TO_STUDENT", subject, tmpl);
	if (mrc == MAIL_OK && (who & (TO_SUPERVISOR | TO_ADMINS))) {
		if ((rc = db_exec(ctx->db, &res, "SELECT DISTINCT u.email, u.name FROM users u WHERE "
		    "u.status = 'active' AND ((? AND u.id = ?) OR (? AND u.id IN (SELECT r.user_id "
		    "FROM role_assignments r WHERE r.authorisation_id = ? AND r.role = "
		    "'administrator' AND r.revoked_at IS NULL))) ORDER BY u.email", "iiii",
		    (long long)((who & TO_SUPERVISOR) != 0), s->c.created_by,
		    (long long)((who & TO_ADMINS) != 0), s->a.id)) != DB_OK)
			return rc;
		for (i = 0; i < res.nrows && mrc == MAIL_OK; i++)
			mrc = send_one(ctx, s, f, db_cell(&res, i, 0), db_cell(&res, i, 1),
			    "TO_STAFF", subject, tmpl);
		db_result_free(&res);
	}
	if (mrc == MAIL_OK && (who & TO_FSE))
		mrc = send_one(ctx, s, f, ctx->cfg->fse_mailbox, NULL, "TO_FSE", subject, tmpl);
	if (mrc != MAIL_OK) {
		log_error("student mail %s: %s", tmpl, mail_strerror(mrc));
		return DB_EEXEC;
	}
	return DB_OK;
}

/* A refusal that is not about a field: the page with a notice, nothing written. */
static int
refuse(struct ctx *ctx, struct stud *s, const char *text)
{
	int st;

	db_rollback(ctx->db);
	st = stud_page(ctx, s, "warning", text, NULL, 409);
	stud_free(s);
	return st;
}

static int
field_errors(struct ctx *ctx, struct stud *s, const struct fielderr *fe)
{
	int st;

	db_rollback(ctx->db);
	st = stud_page(ctx, s, NULL, NULL, fe, 422);
	stud_free(s);
	return st;
}

/* The end of a change: rc from its writes; on DB_OK commits and goes back to the case's page
 * with notice key, else answers the error (a lost conflict runs the request again). */
static int
done(struct ctx *ctx, struct stud *s, enum db_err rc, const char *key)
{
	char path[128];

	if (rc != DB_OK) {
		stud_free(s);
		return ctx_tx_error(ctx, rc);
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=%s", s->a.id,
	    s->c.id, key);
	stud_free(s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	return ctx_redirect(ctx, path);
}

/*
 * Begins the transaction, loads the case for act (locked: the page's own rule, R13) and its
 * newest access row (locked). 0, or the status already answered (rolled back).
 */
static int
begin(struct ctx *ctx, enum action act, struct stud *s, struct latest *l)
{
	enum db_err rc;
	int st;

	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((st = stud_load(ctx, act, s, 1)) != 0)
		return st;
	if ((rc = latest_access(ctx, s->c.id, 1, l)) != DB_OK) {
		stud_free(s);
		return ctx_tx_error(ctx, rc);
	}
	return 0;
}

/* ---- POST /studerende/forlaeng: id, sag, slutdato, begrundelse ------------------------------ */

int
stud_extend(struct ctx *ctx)
{
	const char *date = kvlist_value(&ctx->req->form, "slutdato");
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	char day[FEES_DATE_LEN], today[CLOCK_DATE_LEN], was[64], now[64], detail[96];
	struct db_result res;
	struct fielderr fe;
	struct latest l;
	enum db_err rc;
	struct stud s;
	int st;

	if ((st = begin(ctx, ACT_STUDENT_ACCESS, &s, &l)) != 0)
		return st;
	/* A live access, or one the end date ended by itself (extending it opens it again). */
	if (l.id == 0 || (!l.live && strcmp(l.cause, "expired") != 0))
		return refuse(ctx, &s, "Den studerende har ingen adgang, hvis periode kan "
		    "forlænges. Er adgangen afsluttet, kan den gives igen.");
	clock_today(today);
	fielderr_init(&fe);
	if (form_blank(date))
		fielderr_add(&fe, "forlaeng_slutdato", "Skriv den nye slutdato.");
	else if (fees_parse_date(date, day) != FEES_OK)
		fielderr_add(&fe, "forlaeng_slutdato", "Skriv datoen som dd-mm-åååå, fx 30-09-2027.");
	else if (strcmp(day, today) <= 0)
		fielderr_add(&fe, "forlaeng_slutdato", "Den nye slutdato skal ligge efter i dag.");
	else if (l.ends_on[0] && strcmp(day, l.ends_on) <= 0) {
		char m[160];

		datefmt_day(was, sizeof(was), l.ends_on);
		snprintf(m, sizeof(m), "Den nye slutdato skal ligge efter den nuværende, %s.", was);
		fielderr_add(&fe, "forlaeng_slutdato", m);
	}
	check_reason(&fe, "forlaeng_begrundelse", reason, 1, "Skriv, hvorfor perioden skal "
	    "forlænges.");
	if (fielderr_count(&fe))
		return field_errors(ctx, &s, &fe);
	rc = db_exec(ctx->db, &res, "UPDATE student_access SET ends_on = ?, ended_at = NULL, "
	    "ended_by = NULL, end_reason = '', end_cause = '' WHERE id = ?", "si", day, l.id);
	if (rc == DB_EDUP)	/* reopening, but the person has another live access (R20) */
		return refuse(ctx, &s, "Den studerende har nu adgang til et andet projekt, så "
		    "denne adgang kan ikke åbnes igen.");
	if (rc != DB_OK)
		return done(ctx, &s, rc, NULL);
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s -> %s", l.ends_on[0] ? l.ends_on : "-", day);
	if ((rc = db_exec(ctx->db, NULL, "INSERT INTO student_period_changes (student_case_id, "
	    "access_id, old_end, new_end, reason, changed_by) VALUES (?, ?, NULLIF(?, ''), ?, ?, ?)",
	    "iisssi", s.c.id, l.id, l.ends_on, day, reason, ctx_user(ctx))) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "student.period.extend", "case", s.c.id, 0,
	    ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = student_access_settle(ctx->db, ctx->cfg, s.c.id, ctx_user(ctx),
	    ctx->req->remote_addr, NULL)) != DB_OK)
		return done(ctx, &s, rc, NULL);
	datefmt_day(now, sizeof(now), day);
	{
		struct mail_facts f = { { "ENDS", now, "REASON", reason, l.live ? NULL :
		    "REOPENED", NULL } };

		rc = tell(ctx, &s, TO_STUDENT | TO_SUPERVISOR, "Specialeperioden er forlænget",
		    "student_extended", &f);
	}
	return done(ctx, &s, rc, "forlaenget");
}

/* ---- POST /studerende/afslut: id, sag, aarsag (bestaaet|opgivet), bemaerkning -------------- */

int
stud_end(struct ctx *ctx)
{
	const char *why = kvlist_value(&ctx->req->form, "aarsag");
	const char *note = kvlist_value(&ctx->req->form, "bemaerkning");
	const char *cause = NULL;
	char detail[REASON_MAX + 32];
	struct db_result res;
	struct fielderr fe;
	struct latest l;
	enum db_err rc;
	struct stud s;
	int st;

	if ((st = begin(ctx, ACT_STUDENT_ACCESS, &s, &l)) != 0)
		return st;
	if (l.id == 0 || !l.live)
		return refuse(ctx, &s, "Den studerendes adgang er allerede afsluttet.");
	fielderr_init(&fe);
	if (why && strcmp(why, "bestaaet") == 0)
		cause = "passed";
	else if (why && strcmp(why, "opgivet") == 0)
		cause = "abandoned";
	else
		fielderr_add(&fe, "afslut_aarsag", "Vælg, om specialet er bestået eller opgivet.");
	check_reason(&fe, "afslut_bemaerkning", note, 0, NULL);
	if (fielderr_count(&fe))
		return field_errors(ctx, &s, &fe);
	/* R11: the administrator removes the student after the thesis; the history keeps it. */
	if ((rc = db_exec(ctx->db, &res, "UPDATE student_access SET ended_at = NOW(6), ended_by = "
	    "?, end_reason = ?, end_cause = ? WHERE id = ? AND ended_at IS NULL", "issi",
	    ctx_user(ctx), note ? note : "", cause, l.id)) != DB_OK)
		return done(ctx, &s, rc, NULL);
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s%s%s", cause, form_blank(note) ? "" : ": ",
	    form_blank(note) ? "" : note);
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "student.access.end", "case", s.c.id, 0,
	    ctx->req->remote_addr, detail)) != DB_OK)
		return done(ctx, &s, rc, NULL);
	{
		struct mail_facts f = { { strcmp(cause, "passed") == 0 ? "PASSED" : "ABANDONED",
		    NULL, "NOTE", form_blank(note) ? "" : note, form_blank(note) ? NULL : "HAS_NOTE",
		    NULL } };

		rc = tell(ctx, &s, TO_STUDENT | TO_SUPERVISOR, "Adgangen til data til specialet "
		    "er afsluttet", "student_ended", &f);
	}
	return done(ctx, &s, rc, strcmp(cause, "passed") == 0 ? "bestaaet" : "opgivet");
}

/* ---- POST /studerende/suspender and /studerende/ophaev: id, sag, begrundelse ---------------- */

/* A sanction imposed (or lifted), told to the student, the supervisor and FSE with its reason. */
static enum db_err
tell_sanction(struct ctx *ctx, const struct stud *s, int imposed, const char *reason)
{
	struct mail_facts f = { { "REASON", reason, imposed ? "SUSPENDED" : "LIFTED", NULL,
	    NULL } };

	return tell(ctx, s, TO_STUDENT | TO_SUPERVISOR | TO_FSE, imposed ? "Adgang til data er "
	    "suspenderet" : "Suspenderingen af adgangen til data er ophævet", "student_sanction",
	    &f);
}

int
stud_suspend(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	struct fielderr fe;
	struct latest l;
	enum db_err rc;
	struct stud s;
	int st;

	if ((st = begin(ctx, ACT_STUDENT_SANCTION, &s, &l)) != 0)
		return st;
	if (l.id == 0 || !l.live)
		return refuse(ctx, &s, "Den studerende har ingen adgang, der kan suspenderes.");
	fielderr_init(&fe);
	check_reason(&fe, "sanktion_begrundelse", reason, 1, "Skriv, hvilket brud på "
	    "sikkerhedsreglerne suspenderingen skyldes.");
	if (fielderr_count(&fe))
		return field_errors(ctx, &s, &fe);
	/* R11: one sanction in force at a time, a unique key (not a check that can race). */
	rc = db_exec(ctx->db, NULL, "INSERT INTO access_sanctions (student_case_id, "
	    "authorisation_id, reason, imposed_by) VALUES (?, ?, ?, ?)", "iisi", s.c.id, s.a.id,
	    reason, ctx_user(ctx));
	if (rc == DB_EDUP)
		return refuse(ctx, &s, "Adgangen er allerede suspenderet.");
	if (rc == DB_OK && (rc = audit_event(ctx->db, ctx_user(ctx), "student.sanction.impose",
	    "case", s.c.id, 0, ctx->req->remote_addr, reason)) == DB_OK)
		rc = tell_sanction(ctx, &s, 1, reason);
	return done(ctx, &s, rc, "suspenderet");
}

int
stud_lift(struct ctx *ctx)
{
	const char *reason = kvlist_value(&ctx->req->form, "begrundelse");
	unsigned long long affected;
	struct db_result res;
	struct fielderr fe;
	struct latest l;
	enum db_err rc;
	struct stud s;
	int st;

	if ((st = begin(ctx, ACT_STUDENT_SANCTION, &s, &l)) != 0)
		return st;
	fielderr_init(&fe);
	check_reason(&fe, "ophaev_begrundelse", reason, 1, "Skriv, hvorfor suspenderingen "
	    "ophæves.");
	if (fielderr_count(&fe))
		return field_errors(ctx, &s, &fe);
	if ((rc = db_exec(ctx->db, &res, "UPDATE access_sanctions SET lifted_at = NOW(6), "
	    "lifted_by = ?, lift_reason = ? WHERE live_case = ?", "isi", ctx_user(ctx), reason,
	    s.c.id)) != DB_OK)
		return done(ctx, &s, rc, NULL);
	affected = res.affected;
	db_result_free(&res);
	if (affected == 0)
		return refuse(ctx, &s, "Adgangen er ikke suspenderet.");
	/* Lifting may be the last thing the access waited for. */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "student.sanction.lift", "case", s.c.id, 0,
	    ctx->req->remote_addr, reason)) == DB_OK &&
	    (rc = student_access_settle(ctx->db, ctx->cfg, s.c.id, ctx_user(ctx),
	    ctx->req->remote_addr, NULL)) == DB_OK)
		rc = tell_sanction(ctx, &s, 0, reason);
	return done(ctx, &s, rc, "ophaevet");
}

/* ---- the case's page ------------------------------------------------------------------------ */

/* Whether fe has a message for a field of the form whose fields begin with prefix. */
static int
form_failed(const struct fielderr *fe, const char *prefix)
{
	size_t i;

	for (i = 0; fe && i < fe->n; i++)
		if (strncmp(fe->item[i].field, prefix, strlen(prefix)) == 0)
			return 1;
	return 0;
}

/*
 * A field's message into sec (ERROR_<name> {MESSAGE}) and, when its form was the one refused,
 * the value sent (VALUE_<name>): the forms share field names, so only that form gets them.
 */
static void
field(struct ctx *ctx, struct tmpl_dict *sec, const struct fielderr *fe, const char *name,
    const char *form_name, const char *prefix)
{
	const char *m = fe ? fielderr_message(fe, name) : NULL;
	const char *v = kvlist_value(&ctx->req->form, form_name);
	char key[64];

	if (m) {
		snprintf(key, sizeof(key), "ERROR_%s", name);
		tmpl_set(tmpl_add_row(sec, key), "MESSAGE", m);
	}
	if (form_failed(fe, prefix)) {
		snprintf(key, sizeof(key), "VALUE_%s", name);
		tmpl_set(sec, key, v ? v : "");
	}
}

enum db_err
stud_life_part(struct ctx *ctx, struct tmpl_dict *d, long long case_id, long long auth,
    const struct fielderr *fe)
{
	static const struct {
		const char	*cause, *text;
	} causes[] = {
		{ "moved", "flyttet til et andet projekt" },
		{ "passed", "specialet er bestået" },
		{ "abandoned", "specialet er opgivet" },
		{ "expired", "specialeperioden sluttede" },
	};
	struct db_result res;
	struct tmpl_dict *sec;
	struct latest l;
	enum db_err rc;
	char when[64];
	size_t i;
	int sanctioned = 0, admin = auth_can(ctx, ACT_STUDENT_ACCESS, auth);

	if ((rc = latest_access(ctx, case_id, 0, &l)) != DB_OK)
		return rc;
	if (l.id == 0)
		return DB_OK;
	if (l.live && l.ends_on[0]) {
		datefmt_day(when, sizeof(when), l.ends_on);
		tmpl_set(tmpl_add_row(d, "PERIOD"), "ENDS", when);
	} else if (!l.live) {
		sec = tmpl_add_row(d, "ENDED");
		datefmt_danish(when, sizeof(when), l.ended_at, DATEFMT_DATETIME);
		tmpl_set(sec, "AT", when);
		tmpl_set(sec, "BY", l.ended_by[0] ? l.ended_by : "Portalen, af sig selv");
		for (i = 0; i < sizeof(causes) / sizeof(causes[0]); i++)
			if (strcmp(causes[i].cause, l.cause) == 0)
				tmpl_set(sec, "WHY", causes[i].text);
		if (!form_blank(l.reason))
			tmpl_set(tmpl_add_row(sec, "NOTE"), "TEXT", l.reason);
		/* R7: publishing goes through the researcher or project scheme, not this portal. */
		if (strcmp(l.cause, "passed") == 0)
			tmpl_show(sec, "PASSED");
	}
	/* A sanction in force (R11): who, when, why. */
	if ((rc = db_exec(ctx->db, &res, "SELECT DATE_FORMAT(x.imposed_at, '%Y-%m-%d %H:%i:%s'), "
	    "COALESCE(u.name, ''), x.reason FROM access_sanctions x LEFT JOIN users u ON u.id = "
	    "x.imposed_by WHERE x.live_case = ?", "i", case_id)) != DB_OK)
		return rc;
	if (res.nrows) {
		sanctioned = 1;
		sec = tmpl_add_row(d, "SANCTION");
		datefmt_danish(when, sizeof(when), db_cell(&res, 0, 0), DATEFMT_DATETIME);
		tmpl_set(sec, "AT", when);
		tmpl_set(sec, "BY", db_cell(&res, 0, 1));
		tmpl_set(sec, "REASON", db_cell(&res, 0, 2));
	}
	db_result_free(&res);

	/* The administrator's forms. */
	if (admin && (l.live || strcmp(l.cause, "expired") == 0)) {
		sec = tmpl_add_row(d, "EXTEND");
		tmpl_set(sec, "CSRF", ctx->session.csrf);
		tmpl_show(sec, l.live ? "LIVE_PERIOD" : "REOPEN");
		field(ctx, sec, fe, "forlaeng_slutdato", "slutdato", "forlaeng_");
		field(ctx, sec, fe, "forlaeng_begrundelse", "begrundelse", "forlaeng_");
	}
	if (admin && l.live) {
		const char *why = kvlist_value(&ctx->req->form, "aarsag");

		sec = tmpl_add_row(d, "END");
		tmpl_set(sec, "CSRF", ctx->session.csrf);
		field(ctx, sec, fe, "afslut_aarsag", "aarsag", "afslut_");
		field(ctx, sec, fe, "afslut_bemaerkning", "bemaerkning", "afslut_");
		if (form_failed(fe, "afslut_") && why)
			tmpl_show(sec, strcmp(why, "bestaaet") == 0 ? "CHOSE_PASSED" :
			    strcmp(why, "opgivet") == 0 ? "CHOSE_ABANDONED" : "CHOSE_NONE");
	}
	if (auth_can(ctx, ACT_STUDENT_SANCTION, auth) && (l.live || sanctioned)) {
		sec = tmpl_add_row(d, sanctioned ? "LIFT" : "SUSPEND");
		tmpl_set(sec, "CSRF", ctx->session.csrf);
		field(ctx, sec, fe, sanctioned ? "ophaev_begrundelse" : "sanktion_begrundelse",
		    "begrundelse", sanctioned ? "ophaev_" : "sanktion_");
	}
	return DB_OK;
}
