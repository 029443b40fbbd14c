/*
 * student_edit: the supervisor's form for a thesis student (R6, R13, R20, R28). Only the name is
 * needed to save a draft; a value that is given is checked as it is saved (the address on the
 * institution's domains, the project approved, the reason in at most three lines), so a refusal
 * is said next to its field at once. A change to what Annex 1 says retires the signed copy in
 * the same transaction: a signature is for the text that was signed (R27).
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "caps.h"
#include "files.h"
#include "form.h"
#include "http_parse.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "submitkey.h"
#include "tmpl.h"

/* What Annex 1 prints (R28): a change to any of them makes a signed copy out of date. */
static const char *const annex1_fields[] = { "navn", "speciale_titel", "forfattere",
	"begrundelse", "projekt" };

int
stud_form(struct ctx *ctx, struct stud *s, const struct kvlist *values,
    const struct fielderr *fe, const char *stale, int status)
{
	struct stud_project projects[STUD_PROJECTS_MAX];
	const char *chosen = values ? kvlist_value(values, "projekt") : NULL;
	struct tmpl_dict *d, *row;
	enum db_err rc;
	char key[64];
	size_t i, n;

	if ((rc = stud_projects(ctx, s->a.id, projects, STUD_PROJECTS_MAX, &n)) != DB_OK)
		return ctx_db_error(ctx, rc);
	if ((d = ctx_page(ctx, "student/form.tpl", s->loaded ? "Ret oplysningerne om den "
	    "studerende" : "Tilknyt en specialestuderende")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", s->a.id);
	tmpl_set(d, "NUMBER", s->a.number);
	tmpl_set(d, "INSTITUTION", s->a.institution);
	tmpl_set(d, "CSRF", ctx->session.csrf);
	if (s->loaded) {
		row = tmpl_add_row(d, "EXISTING");
		tmpl_set_int(row, "SAG", s->c.id);
		tmpl_set_int(row, "VERSION", s->c.version);
		tmpl_show(d, "EDIT_HEADING");
	} else {
		tmpl_show(d, "NEW_HEADING");
		submitkey_put(ctx, tmpl_add_row(d, "NEW_KEY"));	/* one case per form */
	}
	if (stale)
		tmpl_set(tmpl_add_row(d, "STALE"), "TEXT", stale);
	for (i = 0; values && i < student_nfields; i++) {
		const char *v = kvlist_value(values, student_fields[i].name);

		if (v) {
			snprintf(key, sizeof(key), "VALUE_%s", student_fields[i].name);
			tmpl_set(d, key, v);
		}
	}
	/* R20: the approved broad projects, by their FSE numbers. */
	for (i = 0; i < n; i++) {
		row = tmpl_add_row(d, "PROJECT");
		tmpl_set_int(row, "VALUE", projects[i].case_id);
		tmpl_set(row, "NUMBER", projects[i].number);
		tmpl_set(row, "TITLE", projects[i].title);
		if (chosen && http_id(chosen) == projects[i].case_id)
			tmpl_show(row, "SELECTED");
	}
	if (fielderr_count(fe))
		page_form_errors(d, NULL, NULL, fe);
	return status;
}

/* R20: a student joins an approved broad project; before there is one, nothing to attach to. */
static int
no_project(struct ctx *ctx, const struct stud_auth *a)
{
	struct tmpl_dict *d;

	if ((d = ctx_page(ctx, "student/no_project.tpl", "Intet godkendt projekt endnu")) == NULL)
		return 500;
	tmpl_set_int(d, "ID", a->id);
	tmpl_set(d, "NUMBER", a->number);
	return 409;
}

/* GET /studerende/rediger?id=[&sag=] */
int
stud_edit_form(struct ctx *ctx)
{
	struct stud_project projects[1];
	struct stud s;
	enum db_err rc;
	size_t n;
	int st;

	if (stud_param(ctx, "sag") == 0) {
		memset(&s, 0, sizeof(s));
		kvlist_init(&s.data);
		if ((st = stud_auth_load(ctx, ACT_STUDENT_EDIT, &s.a, 0)) != 0)
			return st;
		if ((rc = stud_projects(ctx, s.a.id, projects, 1, &n)) != DB_OK)
			return ctx_db_error(ctx, rc);
		return n ? stud_form(ctx, &s, NULL, NULL, NULL, 200) : no_project(ctx, &s.a);
	}
	if ((st = stud_load(ctx, ACT_STUDENT_EDIT, &s, 0)) != 0)
		return st;
	if (s.c.created_by != ctx_user(ctx))
		st = 403;	/* R13: the supervisor's own students */
	else if (!case_editable(s.c.state))
		st = stud_page(ctx, &s, "warning", "Oplysningerne kan ikke rettes nu: sagen er sendt "
		    "til administratorerne. Kun en kladde eller en sag, der er sendt tilbage, kan "
		    "rettes.", NULL, 409);
	else
		st = stud_form(ctx, &s, &s.data, NULL, NULL, 200);
	stud_free(&s);
	return st;
}

/*
 * The checks a save makes: every message stud_complete has about a field that was filled in
 * (a blank one may wait until the case is sent). DB_OK or the database's error.
 */
static enum db_err
save_check(struct ctx *ctx, long long auth, const struct kvlist *in, struct fielderr *fe)
{
	static struct fielderr all;
	enum db_err rc;
	size_t i;

	fielderr_init(&all);
	if ((rc = stud_complete(ctx, auth, in, &all)) != DB_OK)
		return rc;
	for (i = 0; i < all.n; i++)
		if (!form_blank(kvlist_value(in, all.item[i].field)) ||
		    strcmp(all.item[i].field, "navn") == 0)
			fielderr_add(fe, all.item[i].field, all.item[i].message);
	return DB_OK;
}

/* Does what Annex 1 prints differ between the stored form and the new one? */
static int
annex1_changed(const struct kvlist *before, const struct kvlist *after)
{
	size_t i;

	for (i = 0; i < sizeof(annex1_fields) / sizeof(annex1_fields[0]); i++) {
		const char *b = kvlist_value(before, annex1_fields[i]);
		const char *a = kvlist_value(after, annex1_fields[i]);

		if (strcmp(b ? b : "", a ? a : "") != 0)
			return 1;
	}
	return 0;
}

/* POST /studerende/rediger: id, [sag, version], the fields. */
int
stud_edit_submit(struct ctx *ctx)
{
	const struct kvlist *in = &ctx->req->form;
	long long version = stud_param(ctx, "version"), sag, retired = 0;
	struct stud_project projects[1];
	struct fielderr fe;
	struct kvlist saved;
	struct form f;
	struct buf data;
	struct stud s;
	enum cases_err crc;
	enum db_err rc;
	char path[128], msg[CAPS_MESSAGE_MAX];
	size_t n;
	int st;

	memset(&s, 0, sizeof(s));
	kvlist_init(&s.data);
	kvlist_init(&saved);
	form_read(&f, student_fields, student_nfields, in);
	fielderr_init(&fe);
	buf_init(&data, 1024 * 1024);
	if (form_encode(&f, &data) != 0) {
		buf_free(&data);
		return 413;
	}

	if ((rc = db_begin(ctx->db)) != DB_OK) {
		buf_free(&data);
		return ctx_db_error(ctx, rc);
	}
	if (stud_param(ctx, "sag") == 0) {
		if ((st = stud_auth_load(ctx, ACT_STUDENT_EDIT, &s.a, 0)) != 0)
			goto out_rollback;
		if ((rc = stud_projects(ctx, s.a.id, projects, 1, &n)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		if (n == 0) {
			db_rollback(ctx->db);
			st = no_project(ctx, &s.a);
			goto out;
		}
		if ((rc = save_check(ctx, s.a.id, in, &fe)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		if (fielderr_count(&fe)) {
			db_rollback(ctx->db);
			st = stud_form(ctx, &s, in, &fe, NULL, 422);
			goto out;
		}
		/* Sent twice (issue 12): the case the first send made is shown. */
		if ((st = submitkey_claim(ctx, "student.new")) != 0)
			goto out;
		if ((st = caps_gate(ctx, CAPS_DRAFT_STUDENT, ctx_user(ctx), 1, msg,
		    sizeof(msg))) != 0) {
			if (st == 429)	/* issue 16: the form again, the input kept */
				st = stud_form(ctx, &s, in, NULL, msg, 429);
			goto out;
		}
		if ((crc = cases_create(ctx->db, "student", ctx_user(ctx), s.a.id,
		    kvlist_value(in, "navn"), data.data ? data.data : "", &sag)) != CASES_OK) {
			st = ctx_tx_error(ctx, DB_EEXEC);
			goto out;
		}
		snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=gemt", s.a.id,
		    sag);
		if ((rc = submitkey_done(ctx, path)) != DB_OK) {
			st = ctx_tx_error(ctx, rc);
			goto out;
		}
		if ((rc = db_commit(ctx->db)) != DB_OK) {
			st = ctx_db_error(ctx, rc);
			goto out;
		}
		st = ctx_redirect(ctx, path);
		goto out;
	}

	if ((st = stud_load(ctx, ACT_STUDENT_EDIT, &s, 1)) != 0)
		goto out;
	if (s.c.created_by != ctx_user(ctx)) {
		st = 403;	/* R13: the supervisor's own students */
		goto out_rollback;
	}
	if ((rc = save_check(ctx, s.a.id, in, &fe)) != DB_OK) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if (fielderr_count(&fe)) {
		db_rollback(ctx->db);
		st = stud_form(ctx, &s, in, &fe, NULL, 422);
		goto out;
	}
	crc = cases_save(ctx->db, s.c.id, (unsigned)version, kvlist_value(in, "navn"),
	    data.data ? data.data : "", NULL);
	if (crc == CASES_ECONFLICT || crc == CASES_ENOTEDITABLE) {
		db_rollback(ctx->db);
		st = crc == CASES_ENOTEDITABLE ? stud_page(ctx, &s, "warning", "Oplysningerne kan "
		    "ikke rettes nu: sagen er sendt til administratorerne.", NULL, 409) :
		    stud_form(ctx, &s, in, NULL, "Oplysningerne er ændret af en anden, siden du "
		    "åbnede dem. Dine ændringer er ikke gemt, men står herunder. Åbn sagen igen for "
		    "at se den nye udgave, og ret derefter.", 409);
		goto out;
	}
	if (crc != CASES_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	/* R27: a signed Annex 1 stands for the text it was signed with. */
	if (http_parse_urlencoded(data.data ? data.data : "", data.len, &saved) != HTTP_PARSE_OK) {
		st = ctx_tx_error(ctx, DB_EEXEC);
		goto out;
	}
	if (annex1_changed(&s.data, &saved) && ((rc = files_retire(ctx->db, FILES_ANNEX1, s.a.id,
	    s.c.id, &retired)) != DB_OK || (retired && (rc = audit_event(ctx->db, ctx_user(ctx),
	    "student.annex1.void", "case", s.c.id, 0, ctx->req->remote_addr,
	    "the text changed after signing")) != DB_OK))) {
		st = ctx_tx_error(ctx, rc);
		goto out;
	}
	if ((rc = db_commit(ctx->db)) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=%s", s.a.id, s.c.id,
	    retired ? "bortfaldet" : "gemt");
	st = ctx_redirect(ctx, path);
	goto out;
out_rollback:
	db_rollback(ctx->db);
out:
	buf_free(&data);
	kvlist_free(&saved);
	stud_free(&s);
	return st;
}
