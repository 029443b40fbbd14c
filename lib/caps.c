#include "caps.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "log.h"

#define MB	(1024ULL * 1024ULL)

static const char *const caps_errs[CAPS__MAX] = {
	[CAPS_OK] = "ok",
	[CAPS_EOVER] = "past the cap",
	[CAPS_EDB] = "database error",
};

/*
 * Per kind: its name, FSE's word for it, the count of what it limits for one subject (one
 * integer parameter; NULL: an address's form, counted in address_caps), the refusal's text
 * before and after the limit, and the unit the limit is shown in.
 */
static const struct {
	const char		*name;
	const char		*label;
	const char		*count_sql;
	const char		*before, *after;
	unsigned long long	 unit;
} kinds[CAPS_KIND__MAX] = {
	[CAPS_DRAFT_APPLICATION] = { "draft.application", "Kladder til ansøgninger",
	    "SELECT COUNT(*) FROM cases WHERE created_by = ? AND type = 'authorisation' AND "
	    "state = 'draft' LOCK IN SHARE MODE",
	    "Du har ", "kladder til ansøgninger, og det er det højeste antal. Gør en kladde "
	    "færdig, eller slet en, før du opretter en ny.", 1 },
	[CAPS_DRAFT_PROPOSAL] = { "draft.proposal", "Kladder til projektindstillinger",
	    "SELECT COUNT(*) FROM cases WHERE created_by = ? AND type = 'project' AND "
	    "state = 'draft' LOCK IN SHARE MODE",
	    "Du har ", "kladder til projektindstillinger, og det er det højeste antal. Gør en "
	    "kladde færdig, eller slet en, før du opretter en ny.", 1 },
	[CAPS_DRAFT_STUDENT] = { "draft.student", "Kladder til studerende",
	    "SELECT COUNT(*) FROM cases WHERE created_by = ? AND type = 'student' AND "
	    "state = 'draft' LOCK IN SHARE MODE",
	    "Du har ", "kladder til studerende, og det er det højeste antal. Gør en kladde "
	    "færdig, eller slet en, før du opretter en ny.", 1 },
	[CAPS_INVITE_HOUR] = { "invite.hour", "Invitationer i en time",
	    "SELECT COUNT(*) FROM invitations WHERE invited_by = ? AND "
	    "created_at > NOW(6) - INTERVAL 1 HOUR LOCK IN SHARE MODE",
	    "Du har sendt ", "invitationer inden for den seneste time, og det er det højeste "
	    "antal. Vent lidt, og send så resten. Skal I invitere mange på én gang, så skriv til "
	    "Forskningsservice.", 1 },
	[CAPS_MAIL_HOUR] = { "mail.hour", "Mails i en time",
	    "SELECT COUNT(*) FROM outbox WHERE caused_by = ? AND "
	    "created_at > NOW(6) - INTERVAL 1 HOUR LOCK IN SHARE MODE",
	    "Det, du har gjort inden for den seneste time, har sendt ", "mails, og det er det "
	    "højeste antal. Det, du prøvede nu, er ikke gemt. Prøv igen om lidt, eller skriv til "
	    "Forskningsservice.", 1 },
	[CAPS_UPLOAD_DAY] = { "upload.day", "Uploadet på et døgn",
	    "SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE uploaded_by = ? AND "
	    "uploaded_at > NOW(6) - INTERVAL 1 DAY LOCK IN SHARE MODE",
	    "Du kan uploade ", "MB på et døgn, og filen ville bringe dig over det. Prøv igen i "
	    "morgen, eller skriv til Forskningsservice, hvis filen skal med nu.", MB },
	[CAPS_CASE_BYTES] = { "bytes.case", "Filer på en sag",
	    "SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE case_id = ? LOCK IN SHARE MODE",
	    "En sags filer må fylde ", "MB i alt, og filen ville bringe sagen over det. Skriv "
	    "til Forskningsservice, hvis sagen skal have mere plads.", MB },
	[CAPS_AUTH_BYTES] = { "bytes.authorisation", "Filer på en autorisation",
	    "SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE authorisation_id = ? "
	    "LOCK IN SHARE MODE",
	    "En autorisations filer må fylde ", "MB i alt, og filen ville bringe den over det. "
	    "Skriv til Forskningsservice, hvis der skal være mere plads.", MB },
	/* The address kinds share caps_message's one text. */
	[CAPS_ADDR_REGISTER] = { "address.register", "Oprettelser fra én adresse",
	    NULL, NULL, NULL, 1 },
	[CAPS_ADDR_FORGOT] = { "address.forgot", "Glemt adgangskode fra én adresse",
	    NULL, NULL, NULL, 1 },
	[CAPS_ADDR_CONFIRM] = { "address.confirm", "Lederbekræftelser fra én adresse",
	    NULL, NULL, NULL, 1 },
	[CAPS_ADDR_INVITATION] = { "address.invitation", "Invitationer taget imod fra én adresse",
	    NULL, NULL, NULL, 1 },
};

const char *
caps_strerror(enum caps_err e)
{
	return (unsigned)e < CAPS__MAX ? caps_errs[e] : "unknown error";
}

const char *
caps_name(enum caps_kind k)
{
	return (unsigned)k < CAPS_KIND__MAX ? kinds[k].name : "unknown";
}

const char *
caps_label(const char *name)
{
	size_t i;

	for (i = 0; name && i < CAPS_KIND__MAX; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].label;
	return NULL;
}

unsigned long long
caps_limit(const struct config *cfg, enum caps_kind k)
{
	switch (k) {
	case CAPS_DRAFT_APPLICATION:
		return cfg->cap_application_drafts;
	case CAPS_DRAFT_PROPOSAL:
		return cfg->cap_proposal_drafts;
	case CAPS_DRAFT_STUDENT:
		return cfg->cap_student_drafts;
	case CAPS_INVITE_HOUR:
		return cfg->cap_invitations_hour;
	case CAPS_MAIL_HOUR:
		return cfg->cap_mails_hour;
	case CAPS_UPLOAD_DAY:
		return cfg->cap_upload_bytes_day;
	case CAPS_CASE_BYTES:
		return cfg->cap_case_bytes;
	case CAPS_AUTH_BYTES:
		return cfg->cap_authorisation_bytes;
	case CAPS_ADDR_REGISTER:
		return cfg->cap_address_registrations;
	case CAPS_ADDR_FORGOT:
		return cfg->cap_address_resets;
	case CAPS_ADDR_CONFIRM:
		return cfg->cap_address_confirmations;
	case CAPS_ADDR_INVITATION:
		return cfg->cap_address_invitations;
	case CAPS_KIND__MAX:
		break;
	}
	return 0;
}

int
caps_within(unsigned long long used, unsigned long long adding, unsigned long long limit)
{
	if (limit == 0)
		return 1;
	return used <= limit && adding <= limit - used;
}

void
caps_message(enum caps_kind k, unsigned long long limit, char *out, size_t outlen)
{
	if ((unsigned)k < CAPS_KIND__MAX && kinds[k].before) {
		snprintf(out, outlen, "%s%llu %s", kinds[k].before, limit / kinds[k].unit,
		    kinds[k].after);
		return;
	}
	/* One address may be a whole institution: the text does not blame the reader. */
	snprintf(out, outlen, "Der er sendt mange forespørgsler fra din netværksadresse inden for "
	    "den seneste time. Prøv igen om en time. Haster det, så skriv til Forskningsservice.");
}

enum caps_err
caps_check(struct db *db, const struct config *cfg, enum caps_kind k, long long subject,
    unsigned long long adding)
{
	unsigned long long limit;
	struct db_result res;
	long long used;

	if ((unsigned)k >= CAPS_KIND__MAX || kinds[k].count_sql == NULL)
		return CAPS_EDB;
	if ((limit = caps_limit(cfg, k)) == 0)
		return CAPS_OK;
	/* The gate: written, so two requests that count the same thing collide (see caps.h). */
	if (db_exec(db, NULL, "INSERT INTO cap_gates (kind, subject_id, uses) VALUES (?, ?, 1) "
	    "ON DUPLICATE KEY UPDATE uses = uses + 1, used_at = NOW(6)", "si", kinds[k].name,
	    subject) != DB_OK ||
	    db_exec(db, &res, kinds[k].count_sql, "i", subject) != DB_OK)
		return CAPS_EDB;
	used = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return caps_within(used > 0 ? (unsigned long long)used : 0, adding, limit) ? CAPS_OK :
	    CAPS_EOVER;
}

/* A new hour starts the count at 1; MariaDB assigns left to right, so window_start moves only
 * when uses was just started again (as throttle.c's failures). */
static const char address_sql[] =
	"INSERT INTO address_caps (form, address, uses, window_start) VALUES (?, ?, 1, NOW(6)) "
	"ON DUPLICATE KEY UPDATE "
	" uses = IF(window_start < NOW(6) - INTERVAL 1 HOUR, 1, uses + 1), "
	" window_start = IF(uses = 1, NOW(6), window_start)";

enum caps_err
caps_address(struct db *db, const struct config *cfg, enum caps_kind k, const char *address)
{
	unsigned long long limit;
	const char *a = address ? address : "";
	struct db_result res;
	long long uses;

	if ((unsigned)k >= CAPS_KIND__MAX || kinds[k].count_sql != NULL)
		return CAPS_EDB;
	if ((limit = caps_limit(cfg, k)) == 0)
		return CAPS_OK;
	if (db_exec(db, NULL, address_sql, "ss", kinds[k].name, a) != DB_OK ||
	    db_exec(db, &res, "SELECT uses FROM address_caps WHERE form = ? AND address = ?", "ss",
	    kinds[k].name, a) != DB_OK)
		return CAPS_EDB;
	uses = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	/* uses counts this one: within when the ones before it left room for it. */
	return uses >= 1 && caps_within((unsigned long long)uses - 1, 1, limit) ? CAPS_OK :
	    CAPS_EOVER;
}

int
caps_address_spent(struct db *db, const struct config *cfg, enum caps_kind k,
    const char *address)
{
	unsigned long long limit = caps_limit(cfg, k);
	struct db_result res;
	long long uses;

	if ((unsigned)k >= CAPS_KIND__MAX || kinds[k].count_sql != NULL)
		return -1;
	if (limit == 0)
		return 0;
	if (db_exec(db, &res, "SELECT COALESCE(MAX(uses), 0) FROM address_caps WHERE form = ? AND "
	    "address = ? AND window_start >= NOW(6) - INTERVAL 1 HOUR", "ss", kinds[k].name,
	    address ? address : "") != DB_OK)
		return -1;
	uses = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return !caps_within(uses > 0 ? (unsigned long long)uses : 0, 1, limit);
}

enum db_err
caps_refused(struct db *db, long long user, enum caps_kind k, const char *address)
{
	enum db_err rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = audit_event(db, user, "cap.refused", "user", user, user,
	    address ? address : "", caps_name(k))) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
gate_answer(struct ctx *ctx, enum caps_kind k, enum caps_err rc, char *msg, size_t msglen)
{
	long long user;

	if (rc == CAPS_OK)
		return 0;
	if (rc != CAPS_EOVER)
		return ctx_tx_error(ctx, DB_EEXEC);
	db_rollback(ctx->db);
	user = ctx_user(ctx);
	/* The refusal stands without its audit row when the database fails now: logged. */
	if (caps_refused(ctx->db, user, k, ctx->req->remote_addr) != DB_OK)
		log_error("cap.refused %s for user %lld not audited: %s", caps_name(k), user,
		    db_errmsg(ctx->db));
	caps_message(k, caps_limit(ctx->cfg, k), msg, msglen);
	return 429;
}

static enum caps_kind noted = CAPS_KIND__MAX;

void
caps_note(enum caps_kind k)
{
	noted = k;
}

void
caps_forget(void)
{
	noted = CAPS_KIND__MAX;
}

int
caps_answer_pending(struct ctx *ctx)
{
	enum caps_kind k = noted;
	char msg[CAPS_MESSAGE_MAX];
	struct tmpl_dict *d;

	if (k == CAPS_KIND__MAX)
		return 0;
	caps_forget();
	gate_answer(ctx, k, CAPS_EOVER, msg, sizeof(msg));
	if ((d = ctx_page(ctx, "error.tpl", "Det kunne ikke gennemføres")) == NULL)
		return 500;
	tmpl_set(d, "HEADING", "Det kunne ikke gennemføres");
	tmpl_set_int(d, "STATUS", 429);
	tmpl_set(tmpl_add_row(d, "E429"), "MESSAGE", msg);
	return 429;
}

int
caps_refuse(struct ctx *ctx, enum caps_kind k, char *msg, size_t msglen)
{
	return gate_answer(ctx, k, CAPS_EOVER, msg, msglen);
}

int
caps_gate(struct ctx *ctx, enum caps_kind k, long long subject, unsigned long long adding,
    char *msg, size_t msglen)
{
	return gate_answer(ctx, k, caps_check(ctx->db, ctx->cfg, k, subject, adding), msg,
	    msglen);
}

int
caps_gate_upload(struct ctx *ctx, long long authorisation_id, long long case_id,
    unsigned long long bytes, char *msg, size_t msglen)
{
	/* Always in this order: two uploads take the gates in the same order, never a deadlock. */
	const enum caps_kind k[] = { CAPS_UPLOAD_DAY, CAPS_CASE_BYTES, CAPS_AUTH_BYTES };
	const long long subject[] = { ctx_user(ctx), case_id, authorisation_id };
	size_t i;
	int st;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (subject[i] > 0 &&
		    (st = caps_gate(ctx, k[i], subject[i], bytes, msg, msglen)) != 0)
			return st;
	return 0;
}

int
caps_gate_address(struct ctx *ctx, enum caps_kind k, char *msg, size_t msglen)
{
	return gate_answer(ctx, k, caps_address(ctx->db, ctx->cfg, k, ctx->req->remote_addr),
	    msg, msglen);
}
