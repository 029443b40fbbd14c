/*
 * student_annex1: the student's Annex 1 (R26-R28) as a PDF made from the case (lib/annex1),
 * and the supervisor's upload of it signed (R27): by hand and scanned, or signed digitally. The
 * upload is checked by the form layer's file field (a PDF by its bytes, within the cap, not
 * encrypted, no active content); a digital signature is read once, in a sandboxed child
 * (lib/pdfsig), and what it says is kept beside the file. A new upload replaces the old one and
 * the history keeps both. Reading either is an audited read of personal data (R33).
 */
#include "studentcase.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "annex1.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "caps.h"
#include "filename.h"
#include "files.h"
#include "form.h"
#include "log.h"
#include "pdfsig.h"
#include "policy.h"
#include "submitkey.h"

static const struct form_field upload_fields[] = {
	{ "fil", form_file_field, 1, 0, FILES_ANNEX1_MAX_BYTES, files_pdf_types,
	  "Vælg den PDF med det underskrevne bilag 1, du vil uploade." },
};

void
stud_annex1_name(const char *project_number, const char *student, char *out, size_t n)
{
	char sent[512];

	snprintf(sent, sizeof(sent), "%s %s", project_number, student);
	filename_clean(sent, "pdf", out, n);
}

/* Today in Danish local time, as Annex 1 prints it: "2 December 2026" (the rulebook's English). */
static void
annex1_date(char *out, size_t n)
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	snprintf(out, n, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

/* GET /studerende/bilag1?id=&sag= */
int
stud_annex1(struct ctx *ctx)
{
	struct fielderr missing;
	struct stud_project p;
	struct files_meta logo;
	struct db_result lb;
	struct annex1 a;
	struct buf pdf, disp;
	enum annex1_err arc;
	enum db_err rc;
	struct stud s;
	char date[32], title[512];
	int st;

	if ((st = stud_load(ctx, ACT_STUDENT_VIEW, &s, 0)) != 0)
		return st;
	fielderr_init(&missing);
	memset(&lb, 0, sizeof(lb));
	if ((rc = stud_complete(ctx, s.a.id, &s.data, &missing)) != DB_OK ||
	    (rc = stud_project(ctx, s.a.id, http_id(kvlist_value(&s.data, "projekt")), &p)) !=
	    DB_OK || (rc = files_current(ctx->db, FILES_LOGO, s.a.id, 0, &logo)) != DB_OK) {
		stud_free(&s);
		return ctx_db_error(ctx, rc);
	}
	/* Not ready: the case's page says what is missing, or who must upload the logo. */
	if (fielderr_count(&missing) || logo.id == 0 || p.case_id == 0) {
		st = stud_page(ctx, &s, "warning", logo.id == 0 && !fielderr_count(&missing) ?
		    "Bilag 1 kan ikke dannes endnu: institutionens logo mangler." :
		    "Bilag 1 kan ikke dannes endnu: der mangler oplysninger.", NULL, 409);
		stud_free(&s);
		return st;
	}
	if ((rc = files_content(ctx->db, logo.id, &lb)) != DB_OK) {
		stud_free(&s);
		return ctx_db_error(ctx, rc);
	}
	annex1_date(date, sizeof(date));
	memset(&a, 0, sizeof(a));
	a.project_number = p.number;
	a.student_name = kvlist_value(&s.data, "navn");
	a.date = date;
	a.thesis_title = kvlist_value(&s.data, "speciale_titel");
	a.authors = kvlist_value(&s.data, "forfattere");
	a.reason = kvlist_value(&s.data, "begrundelse");
	a.supervisor_name = s.supervisor;
	if (lb.nrows == 1 && lb.lens) {
		a.logo = db_cell(&lb, 0, 0);
		a.logo_len = lb.lens[0];
		a.logo_is_jpeg = logo.mime && strcmp(logo.mime, "image/jpeg") == 0;
	}
	buf_init(&pdf, 16 * 1024 * 1024);
	buf_init(&disp, 0);
	arc = annex1_render(&a, ctx->cfg->pdf_font_dir, &pdf);
	db_result_free(&lb);
	if (arc != ANNEX1_OK) {
		log_error("case %lld: Annex 1: %s", s.c.id, annex1_strerror(arc));
		st = 500;
		goto out;
	}
	/* R33: the document names the student; who printed it is on record. */
	if ((rc = audit_event(ctx->db, ctx_user(ctx), "student.annex1.read", "case", s.c.id, 0,
	    ctx->req->remote_addr, "generated")) != DB_OK) {
		st = ctx_db_error(ctx, rc);
		goto out;
	}
	stud_annex1_name(p.number, a.student_name, title, sizeof(title));
	if (filename_disposition(&disp, 1, title) != 0 ||
	    http_response_header(ctx->resp, "Content-Disposition", disp.data) != 0 ||
	    buf_append(&ctx->resp->body, pdf.data, pdf.len) != 0) {
		st = 500;
		goto out;
	}
	ctx->resp->content_type = "application/pdf";
	st = 200;
out:
	buf_free(&pdf);
	buf_free(&disp);
	stud_free(&s);
	return st;
}

static const char *
match_name(enum pdfsig_match m)
{
	return m == PDFSIG_MATCHES ? "matches" : m == PDFSIG_CHANGED ? "changed" : "broken";
}

static const char *
cert_name(enum pdfsig_cert c)
{
	switch (c) {
	case PDFSIG_CERT_TRUSTED: return "trusted";
	case PDFSIG_CERT_UNKNOWN: return "unknown";
	case PDFSIG_CERT_EXPIRED: return "expired";
	case PDFSIG_CERT_REVOKED: return "revoked";
	default: return "unchecked";
	}
}

/* What the last signature says, beside the file (R27); a scan has none. */
static enum db_err
keep_signature(struct ctx *ctx, long long file_id, const struct pdfsig_info *info)
{
	const struct pdfsig_one *one;
	struct tm tm;
	char when[32] = "";
	size_t last;

	if (info->count == 0)
		return DB_OK;
	last = (info->count < PDFSIG_MAX ? info->count : PDFSIG_MAX) - 1;
	one = &info->sig[last];
	if (one->signed_at && gmtime_r(&one->signed_at, &tm))
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	return db_exec(ctx->db, NULL, "INSERT INTO file_signatures (file_id, signatures, signer, "
	    "signed_at, verdict, certificate, whole_file) VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?)",
	    "iisssss", file_id, (long long)info->count, one->signer, when,
	    match_name(one->match), cert_name(one->cert), info->whole_file ? "1" : "0");
}

/* POST /studerende/underskrevet (multipart): csrf, id, sag, engangsnoegle, fil. */
int
stud_upload(struct ctx *ctx)
{
	struct pdfsig_info info;
	struct stud_project p;
	struct form_file ff;
	struct fielderr fe;
	const struct kv *part;
	enum pdfsig_err prc;
	long long file_id = 0;
	struct form f;
	enum db_err rc;
	struct stud s;
	char path[128], detail[160], msg[CAPS_MESSAGE_MAX];
	int st;

	if ((st = stud_load(ctx, ACT_STUDENT_EDIT, &s, 0)) != 0)
		return st;
	if (s.c.created_by != ctx_user(ctx)) {
		stud_free(&s);
		return 403;	/* R13: the supervisor's own students */
	}
	if (!case_editable(s.c.state)) {
		st = stud_page(ctx, &s, "warning", "Bilag 1 kan ikke skiftes nu: sagen er sendt til "
		    "administratorerne.", NULL, 409);
		stud_free(&s);
		return st;
	}
	fielderr_init(&fe);
	if (form_read(&f, upload_fields, 1, &ctx->req->form) != 0) {
		fielderr_form(&fe, &f);
		st = stud_page(ctx, &s, NULL, NULL, &fe, 422);
		stud_free(&s);
		return st;
	}
	part = kvlist_get(&ctx->req->form, "fil");
	/* Signed digitally? Read before the transaction: poppler runs in a child, with limits. */
	memset(&info, 0, sizeof(info));
	if ((prc = pdfsig_read(part->value, part->value_len, &info)) != PDFSIG_OK) {
		log_warn("case %lld: signature not readable: %s", s.c.id, pdfsig_strerror(prc));
		fielderr_add(&fe, "fil", "Vi kan ikke læse PDF-filen. Gem den som PDF igen, og "
		    "upload den.");
		st = stud_page(ctx, &s, NULL, NULL, &fe, 422);
		stud_free(&s);
		return st;
	}
	stud_free(&s);

	snprintf(detail, sizeof(detail), "sha256 %.16s, %zu digital signature(s)",
	    f.v[0].file->sha256, info.count);
	if ((rc = db_begin(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	/* Locked now: the case is still the supervisor's and still editable. */
	if ((st = stud_load(ctx, ACT_STUDENT_EDIT, &s, 1)) != 0)
		return st;
	if (!case_editable(s.c.state)) {
		db_rollback(ctx->db);
		st = stud_page(ctx, &s, "warning", "Bilag 1 kan ikke skiftes nu: sagen er sendt til "
		    "administratorerne.", NULL, 409);
		stud_free(&s);
		return st;
	}
	/* Sent twice (issue 12): one upload, the page shows it. */
	if ((st = submitkey_claim(ctx, "student.annex1")) != 0) {
		stud_free(&s);
		return st;
	}
	/* Issue 16: the person's bytes of the day, the case's and the authorisation's. */
	if ((st = caps_gate_upload(ctx, s.a.id, s.c.id, part->value_len, msg, sizeof(msg))) !=
	    0) {
		if (st == 429) {
			fielderr_add(&fe, "fil", msg);
			st = stud_page(ctx, &s, NULL, NULL, &fe, 429);
		}
		stud_free(&s);
		return st;
	}
	/* R27: filed as "<FSE project number> <student name>.pdf", whatever the upload was called:
	 * the name it has in Work/Forskningshøjde and when downloaded. */
	ff = *f.v[0].file;
	if ((rc = stud_project(ctx, s.a.id, http_id(kvlist_value(&s.data, "projekt")), &p)) !=
	    DB_OK) {
		stud_free(&s);
		return ctx_tx_error(ctx, rc);
	}
	stud_annex1_name(p.number, s.c.title, ff.name, sizeof(ff.name));
	snprintf(path, sizeof(path), "/studerende/sag?id=%lld&sag=%lld&besked=uploadet", s.a.id,
	    s.c.id);
	if ((rc = files_store(ctx->db, FILES_ANNEX1, s.a.id, s.c.id, ctx_user(ctx), part->value,
	    part->value_len, &ff, &file_id)) != DB_OK ||
	    (rc = keep_signature(ctx, file_id, &info)) != DB_OK ||
	    (rc = audit_event(ctx->db, ctx_user(ctx), "student.annex1.upload", "case", s.c.id, 0,
	    ctx->req->remote_addr, detail)) != DB_OK ||
	    (rc = submitkey_done(ctx, path)) != DB_OK) {
		stud_free(&s);
		/* Another upload took the current place first: ours runs again, whole. */
		return ctx_tx_error(ctx, rc == DB_EDUP ? DB_ERETRY : rc);
	}
	stud_free(&s);
	if ((rc = db_commit(ctx->db)) != DB_OK)
		return ctx_db_error(ctx, rc);
	log_info("annex 1 file %lld uploaded", file_id);
	return ctx_redirect(ctx, path);
}
