/*
 * fse_export_rules: the checklist supervisors check results against before they are taken
 * home (issue 14; R13, R22), as FSE keeps it, /fse/hjemtagelsesregler: a setting, never rules
 * in code. FSE writes one item a line (lib/exportrules); each publication is a new version,
 * never an edit, so the version a supervisor checked a request against stays readable. The
 * page shows the current items, every version with how many requests were approved against
 * it, and (for caseworkers and the head of office) the form for a new version. The model is
 * the user agreement's page (fse_agreement.c).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "exportrules.h"
#include "form.h"
#include "fse_export_rules.h"
#include "fse_versions.h"
#include "tmpl.h"

/* 30 items of 400 characters, four bytes each at most, with their line breaks. */
#define RULES_TEXT_MAX	(EXPORTRULES_MAX_ITEMS * (EXPORTRULES_ITEM_CHARS + 2))

static const struct form_field rules_fields[] = {
	{ "tekst", form_text, 1, 0, RULES_TEXT_MAX, NULL,
	  "Skriv tjeklisten: ét punkt på hver linje." },
};

/* A version's items as ITEM rows of d. */
static void
items(struct tmpl_dict *d, const char *text)
{
	static struct exportrules r;	/* 48 kB: not on the stack of every request */
	size_t i;

	if (exportrules_parse(text, strlen(text), &r) != EXPORTRULES_OK)
		return;
	for (i = 0; i < r.n; i++)
		tmpl_set(tmpl_add_row(d, "ITEM"), "TEXT", r.item[i]);
}

static const struct fse_versions rules = {
	"SELECT v.id, v.text, DATE_FORMAT(v.published_at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.name, "
	"''), (SELECT COUNT(*) FROM export_requests r WHERE r.rules_version_id = v.id) FROM "
	"export_rule_versions v LEFT JOIN users u ON u.id = v.published_by ORDER BY v.id DESC",
	"INSERT INTO export_rule_versions (text, published_by) VALUES (?, ?)",
	"fse/export_rules.tpl", "Regler for hjemtagelse", "APPROVALS",
	ACT_FSE_EXPORT_RULES_EDIT, "/fse/hjemtagelsesregler", "export_rules.publish",
	"export_rules", "export_rules.publish", items,
};

int
fse_export_rules_page(struct ctx *ctx)
{
	return fse_versions_render(ctx, &rules, NULL, NULL, 200);
}

/* POST /fse/hjemtagelsesregler: csrf, engangsnoegle, tekst. */
int
fse_export_rules_publish(struct ctx *ctx)
{
	static struct exportrules r;
	enum exportrules_err erc;
	struct buf text;
	struct form f;
	char detail[32], msg[256];
	int st;

	if (form_read(&f, rules_fields, 1, &ctx->req->form) != 0) {
		form_message(&f, 0, msg, sizeof(msg));
		return fse_versions_render(ctx, &rules, &f, msg, 422);
	}
	if ((erc = exportrules_parse(f.v[0].value, f.v[0].len, &r)) != EXPORTRULES_OK)
		return fse_versions_render(ctx, &rules, &f, exportrules_strerror(erc), 422);
	/* Stored as the items it parses to, so what a supervisor ticks is what this page shows. */
	buf_init(&text, 0);
	if (exportrules_join(&r, &text) != 0) {
		buf_free(&text);
		return 500;
	}
	snprintf(detail, sizeof(detail), "%zu items", r.n);
	st = fse_versions_publish(ctx, &rules, text.data, detail);
	buf_free(&text);
	return st;
}
