/*
 * fse_agreement: the user agreement (brugeraftale, R15) as FSE keeps it, /fse/brugeraftale. FSE
 * publishes the text; each publication is a new version, never an edit, so what a person
 * accepted stays readable, and a new version must be accepted again by every student. The page
 * shows the current text, every version with how many accepted it, and (for caseworkers and the
 * head of office) the form for a new version.
 */
#include <stdio.h>

#include "form.h"
#include "fse_agreement.h"
#include "fse_versions.h"

#define AGREEMENT_MAX	60000	/* bytes: a long agreement, with room to spare */

static const struct form_field agreement_fields[] = {
	{ "tekst", form_text, 1, 0, AGREEMENT_MAX, NULL, "Skriv brugeraftalens tekst." },
};

static const struct fse_versions agreement = {
	"SELECT a.id, a.text, DATE_FORMAT(a.published_at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.name, "
	"''), (SELECT COUNT(*) FROM user_agreement_acceptances x WHERE x.agreement_id = a.id) FROM "
	"user_agreements a LEFT JOIN users u ON u.id = a.published_by ORDER BY a.id DESC",
	"INSERT INTO user_agreements (text, published_by) VALUES (?, ?)",
	"fse/agreement.tpl", "Brugeraftalen", "ACCEPTED", ACT_FSE_AGREEMENT_EDIT,
	"/fse/brugeraftale", "agreement.publish", "agreement", "agreement.publish", NULL,
};

int
fse_agreement_page(struct ctx *ctx)
{
	return fse_versions_render(ctx, &agreement, NULL, NULL, 200);
}

/* POST /fse/brugeraftale: csrf, engangsnoegle, tekst. */
int
fse_agreement_publish(struct ctx *ctx)
{
	struct form f;
	char msg[256];

	if (form_read(&f, agreement_fields, 1, &ctx->req->form) != 0) {
		form_message(&f, 0, msg, sizeof(msg));
		return fse_versions_render(ctx, &agreement, &f, msg, 422);
	}
	return fse_versions_publish(ctx, &agreement, f.v[0].value, NULL);
}
