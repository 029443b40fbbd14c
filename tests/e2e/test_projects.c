/*
 * Broad project proposals (issue 6), end to end through nginx against the real project program,
 * MariaDB, the mailer and the test stack's SMTP server: the platform rule (R17), signing and its
 * voiding (R12), submission with the fee of the day (R23) and its mails (R31), the five-limit
 * under concurrency (R18), and who may do what (a non-signer cannot sign; another institution
 * sees nothing). People are minted in the database; how they log in is test_account's business.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cases.h"
#include "client.h"
#include "fees.h"
#include "fixture.h"
#include "maildir.h"
#include "policy.h"
#include "proposal.h"
#include "race.h"

#include "../check_run.h"

#define B(r)	ROLE_BIT(ROLE_##r)

static char sfx[24];

static void
person(struct who *w, const char *local, unsigned roles, long long auth)
{
	char name[64];

	snprintf(w->email, sizeof(w->email), "%s.%s@projekt-%s.dk", local, sfx, sfx);
	snprintf(name, sizeof(name), "%c%s Projektsen", local[0] - 32, local + 1);
	w->uid = fixture_user(w->email, name);
	if (roles)
		fixture_grant(w->uid, roles, auth);
	fixture_session(w->uid, &w->jar, w->csrf);
}

/* An authorisation with a platform (or none), its number into number. */
static long long
authorisation(const char *tag, int platform, char *number, size_t n)
{
	char name[96], domain[96];
	long long a;

	snprintf(name, sizeof(name), "Projektinstitut %s %s", tag, sfx);
	snprintf(number, n, "UA-P%s-%s", tag, sfx);
	snprintf(domain, sizeof(domain), "projekt-%s.dk", sfx);
	a = fixture_authorisation(name, number, domain);
	if (platform)
		ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = "
		    "'forskermaskinen' WHERE id = ?", "i", a), DB_OK);
	return a;
}

/* The proposal rate valid today, made when there is none (the test stack starts empty). */
static long long
proposal_rate_today(void)
{
	char today[FEES_DATE_LEN];
	long long ore = 0, id = 0;
	struct fees_new r = { FEES_PROPOSAL, 350000, NULL, NULL, "Testtakst (test_projects)", 0 };

	fees_today(today);
	if (fees_rate_on(fx_db, FEES_PROPOSAL, today, &ore, &id) == FEES_OK)
		return ore;
	r.valid_from = today;
	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	{
		enum fees_err fe = fees_add(fx_db, &r, 0, "127.0.0.1", &id, NULL);

		ck_assert_msg(fe == FEES_OK, "fees_add: %s (%s)", fees_strerror(fe),
		    db_errmsg(fx_db));
	}
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	return r.ore;
}

static long
post(struct who *w, const char *path, struct reply *r, long long auth, long long sag, ...)
{
	char a[32], s[32];

	snprintf(a, sizeof(a), "%lld", auth);
	snprintf(s, sizeof(s), "%lld", sag);
	/* The common fields, then the caller's (up to six pairs). */
	{
		va_list ap;
		const char *k[12] = { NULL };
		int i = 0;

		va_start(ap, sag);
		while (i < 12 && (k[i] = va_arg(ap, const char *)) != NULL)
			i++;
		va_end(ap);
		/* A fresh submission key with every post: a new proposal needs one (issue 12),
		 * the other forms ignore it. */
		client_post_form(path, &w->jar, r, "csrf", w->csrf, "id", a, "sag", sag ? s : "",
		    "engangsnoegle", client_new_key(), k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10], k[11],
		    NULL);
	}
	return r->status;
}

static long
get(struct who *w, const char *path, struct reply *r)
{
	client_get(path, &w->jar, r);
	return r->status;
}

static const char *const COMPLETE[] = {
	"titel", "Uddannelse og arbejdsmarked",
	"emne", "Arbejdsmarkedsøkonomi",
	"formaal", "Hvordan påvirker uddannelse løn og beskæftigelse",
	"register_navn_1", "BEF",
	"register_begrundelse_1", "Køn og alder er nødvendige for at sammenligne grupper",
	"samfundsrelevans", "Svarer på uddannelsespolitiske spørgsmål",
	"antal_studerende", "12",
	"periode_fra", "2027-02-01",
	"periode_til", "2028-01-31",
};

/* POST /projekt/rediger with the complete form (sag 0: a new one), title as given. */
static long
save(struct who *w, long long auth, long long sag, const char *title, const char *reason,
    struct reply *r)
{
	char a[32], s[32], v[32];

	snprintf(a, sizeof(a), "%lld", auth);
	snprintf(s, sizeof(s), "%lld", sag);
	snprintf(v, sizeof(v), "%lld", sag ? fixture_scalar_int("SELECT version FROM cases WHERE "
	    "id = ?", sag) : 0);
	client_post_form("/projekt/rediger", &w->jar, r, "csrf", w->csrf, "id", a,
	    "sag", sag ? s : "", "version", sag ? v : "", "engangsnoegle", client_new_key(),
	    "titel", title,
	    COMPLETE[2], COMPLETE[3], COMPLETE[4], COMPLETE[5], COMPLETE[6], COMPLETE[7],
	    COMPLETE[8], reason, COMPLETE[10], COMPLETE[11], COMPLETE[12], COMPLETE[13],
	    COMPLETE[14], COMPLETE[15], COMPLETE[16], COMPLETE[17], NULL);
	return r->status;
}

/* The id in a Location "/projekt/sag?id=A&sag=S&besked=..." */
static long long
sag_of(const char *loc)
{
	const char *p = strstr(loc, "sag=");

	ck_assert_ptr_nonnull(p);
	return atoll(p + 4);
}

static long long
new_proposal(struct who *sup, long long auth, const char *title)
{
	char loc[256];
	struct reply r;

	ck_assert_int_eq(save(sup, auth, 0, title, COMPLETE[9], &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_ptr_nonnull(strstr(loc, "besked=gemt"));
	return sag_of(loc);
}

/* The signer opens the page and signs what it shows. */
static long
sign(struct who *signer, long long auth, long long sag, int tick, struct reply *r)
{
	char path[128], hash[80], version[16];

	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld", auth, sag);
	ck_assert_int_eq(get(signer, path, r), 200);
	ck_assert_int_eq(html_input_value(&r->body, "hash", hash, sizeof(hash)), 0);
	ck_assert_int_eq(html_input_value(&r->body, "version", version, sizeof(version)), 0);
	reply_free(r);
	return post(signer, "/projekt/underskriv", r, auth, sag, "version", version, "hash", hash,
	    "bekraeft", tick ? "ja" : "", NULL);
}

static long
submit(struct who *sup, long long auth, long long sag, struct reply *r)
{
	char v[32];

	snprintf(v, sizeof(v), "%lld", fixture_scalar_int("SELECT version FROM cases WHERE id = ?",
	    sag));
	return post(sup, "/projekt/indsend", r, auth, sag, "version", v, NULL);
}

static const char *
state_of(long long sag)
{
	static char s[16];
	struct db_result res;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT state FROM cases WHERE id = ?", "i", sag),
	    DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(s, sizeof(s), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return s;
}

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 100000);
}

/* ---- R17: no proposal before the platform is stated ------------------------------------------ */

START_TEST(platform_rule)
{
	char number[64], path[128], loc[256];
	struct who sup, resp;
	struct reply r;
	long long a, before;

	a = authorisation("platform", 0, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&resp, "ansvarlig", B(RESPONSIBLE), a);
	before = fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE authorisation_id = ?", a);

	snprintf(path, sizeof(path), "/projekt/rediger?id=%lld", a);
	ck_assert_int_eq(get(&sup, path, &r), 409);
	ck_assert(has(&r.body, "Analyseplatformen mangler"));
	/* The reason in plain words; the rule id (R17) belongs in comments, not on the page. */
	ck_assert(has(&r.body, "hvor de studerende skal analysere data"));
	ck_assert(!has(&r.body, "regel R"));
	snprintf(path, sizeof(path), "href=\"/projekt/platform?id=%lld\"", a);
	ck_assert(has(&r.body, path));
	reply_free(&r);
	ck_assert_int_eq(save(&sup, a, 0, "For tidligt", COMPLETE[9], &r), 409);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE authorisation_id = "
	    "?", a), before);

	/* Only the responsible states it: the supervisor may not. */
	ck_assert_int_eq(post(&sup, "/projekt/platform", &r, a, 0, "platform", "forskermaskinen",
	    NULL), 403);
	reply_free(&r);
	/* A hosted server needs its name and the drive arranged with servicedesk@dst.dk. */
	ck_assert_int_eq(post(&resp, "/projekt/platform", &r, a, 0, "platform", "hosted", NULL),
	    422);
	ck_assert(has(&r.body, "id=\"server-error\""));
	ck_assert(has(&r.body, "id=\"drev-error\""));
	ck_assert(has(&r.body, "value=\"hosted\" checked"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT platform IS NULL FROM authorisations WHERE "
	    "id = ?", a), 1);
	/* A server field sent blank is blank (the application's step has the same rule): refused
	 * at the field, the choice kept, nothing saved and nothing audited. */
	ck_assert_int_eq(post(&resp, "/projekt/platform", &r, a, 0, "platform", "hosted", "server",
	    "", "drev", "ja", NULL), 422);
	ck_assert(has(&r.body, "id=\"server-error\""));
	ck_assert(has(&r.body, "Skriv navnet på institutionens server."));
	ck_assert(!has(&r.body, "id=\"drev-error\""));
	ck_assert(has(&r.body, "value=\"hosted\" checked"));
	reply_free(&r);
	ck_assert_int_eq(post(&resp, "/projekt/platform", &r, a, 0, "platform", "hosted", "server",
	    "   ", "drev", "ja", NULL), 422);
	ck_assert(has(&r.body, "id=\"server-error\""));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT platform IS NULL FROM authorisations WHERE "
	    "id = ?", a), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'authorisation.platform' AND object_id = ?", a), 0);
	ck_assert_int_eq(post(&resp, "/projekt/platform", &r, a, 0, "platform", "hosted", "server",
	    "analyse01.projekt.dk", "drev", "ja", NULL), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_ptr_nonnull(strstr(loc, "besked=platform"));
	ck_assert_int_eq(fixture_scalar_int("SELECT platform_set_by FROM authorisations WHERE "
	    "platform = 'hosted' AND platform_server = 'analyse01.projekt.dk' AND id = ?", a),
	    resp.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'authorisation.platform' AND object_id = ?", a), 1);
	snprintf(path, sizeof(path), "/projekt?id=%lld", a);
	ck_assert_int_eq(get(&sup, path, &r), 200);
	ck_assert(has(&r.body, "analyse01.projekt.dk"));
	ck_assert(has(&r.body, "Skriv en ny projektindstilling"));
	reply_free(&r);
	new_proposal(&sup, a, "Nu kan det lade sig gøre");
}
END_TEST

/* ---- R12: signing, voided by an edit, and submission with the fee (R23) --------------------- */

/*
 * R17 at the moment a proposal is sent: a signed draft under an authorisation whose platform is
 * gone (set straight in the database: the pages never unset it) is not sent, the page says what
 * is missing and nothing is charged (issue 15: the submission's own check dropped went
 * uncaught, the editor's check came first in every other test).
 */
START_TEST(no_platform_no_submission)
{
	char number[64];
	struct who sup, signer;
	struct reply r;
	long long a, sag;

	a = authorisation("platform2", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	sag = new_proposal(&sup, a, "Boligmarkedet og uddannelse");
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE authorisations SET platform = NULL WHERE "
	    "id = ?", "i", a), DB_OK);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 409);
	ck_assert(has(&r.body, "Analyseplatformen mangler"));
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "draft");
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ?",
	    sag), 0);
}
END_TEST

START_TEST(sign_void_submit)
{
	char number[64], path[128], needle[256], amount[FEES_AMOUNT_LEN];
	struct who sup, signer, other_sup;
	struct reply r;
	long long a, sag, ore;

	a = authorisation("sign", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	person(&other_sup, "kollega", B(SUPERVISOR), a);
	ore = proposal_rate_today();
	sag = new_proposal(&sup, a, "Sundhed og uddannelse");
	ck_assert_str_eq(state_of(sag), "draft");

	/* Unsigned: refused with the rule, nothing moves. */
	ck_assert_int_eq(submit(&sup, a, sag, &r), 422);
	ck_assert(has(&r.body, "før en underskriver har underskrevet"));
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "draft");

	/* The supervisor asks; the signer is told by mail with the link (R32). */
	ck_assert_int_eq(post(&sup, "/projekt/anmod", &r, a, sag, NULL), 303);
	reply_free(&r);
	snprintf(needle, sizeof(needle), "/projekt/sag?id=%lld&sag=%lld", a, sag);
	ck_assert_int_eq(maildir_count(signer.email, needle, 30), 1);

	/* A supervisor is not a signer (403); without the tick it is not signed (422). */
	ck_assert_int_eq(post(&other_sup, "/projekt/underskriv", &r, a, sag, "version", "1",
	    "hash", "x", "bekraeft", "ja", NULL), 403);
	reply_free(&r);
	/* The signer reads the text as written, line breaks and all (R12). */
	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld", a, sag);
	ck_assert_int_eq(get(&signer, path, &r), 200);
	ck_assert(has(&r.body, "\nFormål:\nHvordan påvirker uddannelse løn og beskæftigelse\n"));
	reply_free(&r);
	ck_assert_int_eq(sign(&signer, a, sag, 0, &r), 422);
	ck_assert(has(&r.body, "id=\"bekraeft-error\""));
	ck_assert(has(&r.body, "href=\"#bekraeft\""));
	reply_free(&r);
	/* A hash of another text is not what is there now (409). */
	ck_assert_int_eq(post(&signer, "/projekt/underskriv", &r, a, sag, "version",
	    "1", "hash", "00", "bekraeft", "ja", NULL), 409);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE case_id "
	    "= ?", sag), 0);

	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE case_id "
	    "= ? AND voided_at IS NULL", sag), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT signer_id FROM proposal_signatures WHERE "
	    "case_id = ?", sag), signer.uid);
	ck_assert_int_eq(maildir_count(sup.email, "har underskrevet projektindstillingen", 30), 1);

	/* An edit voids it, and the page says so. */
	ck_assert_int_eq(save(&sup, a, sag, "Sundhed og uddannelse, rettet", COMPLETE[9], &r), 303);
	ck_assert_int_eq(reply_done(&r, needle, sizeof(needle)), 303);
	ck_assert_ptr_nonnull(strstr(needle, "besked=bortfaldet"));
	ck_assert_int_eq(fixture_scalar_int("SELECT voided_by FROM proposal_signatures WHERE "
	    "case_id = ? AND voided_at IS NOT NULL", sag), sup.uid);
	/* The signer is told their signature went (R32). */
	ck_assert_int_eq(maildir_count(signer.email, "Din underskrift gjaldt den tekst", 30), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE case_id "
	    "= ? AND voided_at IS NULL", sag), 0);
	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld", a, sag);
	ck_assert_int_eq(get(&sup, path, &r), 200);
	ck_assert(has(&r.body, "er bortfaldet"));
	ck_assert(has(&r.body, "Ikke underskrevet"));
	reply_free(&r);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 422);
	reply_free(&r);

	/* Signed again, then sent: submitted, charged the rate of the day, two mails. */
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	/* The fee is on the page where the supervisor sends, before sending (issue 11). */
	fees_format_dkk(ore, amount, sizeof(amount));
	snprintf(needle, sizeof(needle), "Det koster <strong>%s</strong> at sende den i dag", amount);
	ck_assert_int_eq(get(&sup, path, &r), 200);
	ck_assert_msg(has(&r.body, needle), "no \"%s\" before sending", needle);
	reply_free(&r);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 303);
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "submitted");
	ck_assert_int_eq(fixture_scalar_int("SELECT amount_ore FROM case_fees WHERE case_id = ?",
	    sag), ore);
	fees_format_dkk(ore, amount, sizeof(amount));
	ck_assert_int_eq(maildir_count(sup.email, amount, 30), 1);
	ck_assert_int_eq(maildir_count(sup.email, "Kvittering: projektindstillingen er modtaget",
	    0), 1);
	snprintf(needle, sizeof(needle), "/fse/sag?id=%lld", sag);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 30), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'proposal.sign' AND object_id = ?", sag), 2);

	/* Sent: nothing more to edit or sign, and the list shows one of five used and the fee. */
	ck_assert_int_eq(save(&sup, a, sag, "For sent", COMPLETE[9], &r), 409);
	reply_free(&r);
	snprintf(path, sizeof(path), "/projekt?id=%lld", a);
	ck_assert_int_eq(get(&signer, path, &r), 200);
	ck_assert(has(&r.body, "<strong>1 af 5</strong>"));
	ck_assert(has(&r.body, amount));
	reply_free(&r);
}
END_TEST

/* ---- A signature is for a finished proposal only (issue 11) ----------------------------------- */

START_TEST(signing_needs_a_finished_proposal)
{
	char number[64], a_str[32], loc[256], needle[128];
	struct who sup, signer;
	struct reply r;
	long long a, sag;

	a = authorisation("halv", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	/* A draft with only a title, as a supervisor saves one to come back to. */
	snprintf(a_str, sizeof(a_str), "%lld", a);
	client_post_form("/projekt/rediger", &sup.jar, &r, "csrf", sup.csrf, "id", a_str, "sag", "",
	    "version", "", "titel", "Kun en titel endnu", "engangsnoegle", client_new_key(), NULL);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	sag = sag_of(loc);

	/* Asking for a signature: the form comes back with the messages at the fields. */
	ck_assert_int_eq(post(&sup, "/projekt/anmod", &r, a, sag, NULL), 422);
	ck_assert(has(&r.body, "id=\"formaal-error\""));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "/projekt/sag?id=%lld&sag=%lld", a, sag);
	ck_assert_int_eq(maildir_count(signer.email, needle, 0), 0);

	/* Signing it anyway (the link is known): refused, with what is missing listed. */
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 422);
	ck_assert(has(&r.body, "kan ikke underskrives endnu"));
	ck_assert(has(&r.body, "id=\"mangler\""));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE case_id "
	    "= ?", sag), 0);

	/* Finished, it is signed. */
	ck_assert_int_eq(save(&sup, a, sag, "Kun en titel endnu", COMPLETE[9], &r), 303);
	reply_free(&r);
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM proposal_signatures WHERE case_id "
	    "= ? AND voided_at IS NULL", sag), 1);
}
END_TEST

/* ---- R19 and the form: bad input next to the field, kept --------------------------------------- */

START_TEST(incomplete_is_refused_next_to_fields)
{
	char number[64], loc[256];
	struct who sup, signer;
	struct reply r;
	long long a, sag;

	a = authorisation("form", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	/* A draft needs only a title; a bad date is refused even in a draft. */
	ck_assert_int_eq(post(&sup, "/projekt/rediger", &r, a, 0, "titel", "", "periode_fra",
	    "31-02-2027", "formaal", "Linje et\nlinje to", NULL), 422);
	ck_assert(has(&r.body, "id=\"titel-error\""));
	/* Kept as written: the line break survives the page (escaped, not flattened). */
	ck_assert(has(&r.body, ">Linje et\nlinje to</textarea>"));
	ck_assert(has(&r.body, "id=\"periode_fra-error\""));
	ck_assert(has(&r.body, "value=\"31-02-2027\""));	/* kept */
	reply_free(&r);
	ck_assert_int_eq(post(&sup, "/projekt/rediger", &r, a, 0, "titel", "Kun en titel",
	    "register_navn_2", "IND", NULL), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	sag = sag_of(loc);
	/* Incomplete: not signed (issue 11), and what is missing is listed for the signer. */
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 422);
	ck_assert(has(&r.body, "id=\"mangler\""));
	reply_free(&r);
	/* Sent anyway: the form again with each problem next to its field (R19). */
	ck_assert_int_eq(submit(&sup, a, sag, &r), 422);
	ck_assert(has(&r.body, "id=\"samfundsrelevans-error\""));
	ck_assert(has(&r.body, "id=\"register_begrundelse_2-error\""));
	ck_assert(has(&r.body, "Data godkendes kun, når det er begrundet."));
	ck_assert(!has(&r.body, "regel R"));
	ck_assert(has(&r.body, "value=\"IND\""));
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "draft");
}
END_TEST

/* ---- R18: five at most, also when two are sent at the same moment ---------------------------- */

/* A proposal of authorisation a in state, written straight into the database. */
static long long
proposal_in(long long a, long long uid, const char *state)
{
	long long id;
	enum case_state to;

	ck_assert_int_eq(db_begin(fx_db), DB_OK);
	ck_assert_int_eq(cases_create(fx_db, "project", uid, a, "Tidligere indstilling",
	    "titel=Tidligere", &id), CASES_OK);
	ck_assert_int_eq(db_commit(fx_db), DB_OK);
	to = (enum case_state)case_state_parse(state);
	ck_assert_int_eq(db_exec(fx_db, NULL, "UPDATE cases SET state = ? WHERE id = ?", "si",
	    case_state_name(to), id), DB_OK);
	return id;
}

/* The fifth and the sixth, sent at once: each child's verdict, 'o' sent, 'r' refused (R18). */
struct fifth_sixth {
	struct who	*sup[2];
	long long	 auth, sag[2];
	char		 ver[2][24];
};

static char
send_one(int i, void *arg)
{
	struct fifth_sixth *fs = arg;
	struct reply cr;

	post(fs->sup[i], "/projekt/indsend", &cr, fs->auth, fs->sag[i], "version", fs->ver[i],
	    NULL);
	return cr.status == 303 ? 'o' : cr.status == 409 &&
	    has(&cr.body, "allerede fem projektindstillinger") ? 'r' : '?';
}

START_TEST(five_limit_holds_under_concurrency)
{
	char number[64], path[128], verdict[2];
	struct who sup, sup2, signer;
	struct fifth_sixth fs;
	struct reply r;
	long long a, one, two, gate;
	int i, ok = 0, refused = 0;

	a = authorisation("fem", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&sup2, "kollega", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	proposal_rate_today();
	/* Four count; rejected, withdrawn and drafts do not. */
	proposal_in(a, sup.uid, "submitted");
	proposal_in(a, sup.uid, "returned");
	proposal_in(a, sup.uid, "approved");
	proposal_in(a, sup.uid, "approved");
	proposal_in(a, sup.uid, "rejected");
	proposal_in(a, sup.uid, "withdrawn");
	proposal_in(a, sup.uid, "draft");
	one = new_proposal(&sup, a, "Den femte");
	two = new_proposal(&sup2, a, "Den sjette");	/* two supervisors, one place left */
	ck_assert_int_eq(sign(&signer, a, one, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(sign(&signer, a, two, 1, &r), 303);
	reply_free(&r);

	/* Both sent at once from two processes, released together; they get the versions from
	 * the parent, whose is the database connection. */
	fs.sup[0] = &sup;
	fs.sup[1] = &sup2;
	fs.auth = a;
	fs.sag[0] = one;
	fs.sag[1] = two;
	for (i = 0; i < 2; i++)
		snprintf(fs.ver[i], sizeof(fs.ver[i]), "%lld", fixture_scalar_int("SELECT version "
		    "FROM cases WHERE id = ?", fs.sag[i]));
	/* What carries R18 on a cluster is a write to the authorisation's row (issue 12):
	 * drafts and signatures do not touch it, the winning submission bumps it once. */
	gate = fixture_scalar_int("SELECT proposal_gate FROM authorisations WHERE id = ?", a);
	ck_assert_int_eq(gate, 0);
	race_two(send_one, &fs, verdict);
	for (i = 0; i < 2; i++) {
		ok += verdict[i] == 'o';
		refused += verdict[i] == 'r';
	}
	ck_assert_int_eq(ok, 1);
	ck_assert_int_eq(refused, 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE authorisation_id = ? "
	    "AND type = 'project' AND state IN ('submitted', 'returned', 'approved')", a), 5);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE authorisation_id "
	    "= ?", a), 1);
	/* The loser's bump was rolled back with the rest of its transaction. */
	ck_assert_int_eq(fixture_scalar_int("SELECT proposal_gate FROM authorisations WHERE id = ?",
	    a), gate + 1);
	snprintf(path, sizeof(path), "/projekt?id=%lld", a);
	ck_assert_int_eq(get(&sup, path, &r), 200);
	ck_assert(has(&r.body, "<strong>5 af 5</strong>"));
	ck_assert(has(&r.body, "Der kan ikke sendes flere"));
	reply_free(&r);
}
END_TEST

/* ---- another institution sees nothing ----------------------------------------------------------- */

START_TEST(other_institution_gets_404)
{
	char number[64], number_b[64], path[128];
	struct who sup, stranger;
	struct reply r;
	long long a, b, sag;

	a = authorisation("egen", 1, number, sizeof(number));
	b = authorisation("anden", 1, number_b, sizeof(number_b));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&stranger, "fremmed", B(SUPERVISOR) | B(SIGNER) | B(RESPONSIBLE), b);
	sag = new_proposal(&sup, a, "Kun for os");

	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld", a, sag);
	ck_assert_int_eq(get(&stranger, path, &r), 404);
	reply_free(&r);
	/* Naming their own authorisation with our proposal does not help either. */
	snprintf(path, sizeof(path), "/projekt/sag?id=%lld&sag=%lld", b, sag);
	ck_assert_int_eq(get(&stranger, path, &r), 404);
	ck_assert(!has(&r.body, "Kun for os"));
	reply_free(&r);
	ck_assert_int_eq(post(&stranger, "/projekt/underskriv", &r, b, sag, "version", "1", "hash",
	    "00", "bekraeft", "ja", NULL), 404);
	reply_free(&r);
	ck_assert_int_eq(save(&stranger, b, sag, "Overtaget", COMPLETE[9], &r), 404);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND title = "
	    "'Kun for os'", sag), 1);
}
END_TEST

/* ---- FSE decides: the same queue, return with a message, the diff, approve with a number ----- */

static long
decide(struct who *cw, long long sag, const char *handling, const char *reason, struct reply *r)
{
	char id[32], v[32];

	snprintf(id, sizeof(id), "%lld", sag);
	snprintf(v, sizeof(v), "%lld", fixture_scalar_int("SELECT version FROM cases WHERE id = ?",
	    sag));
	client_post_form("/fse/sag/afgoer", &cw->jar, r, "csrf", cw->csrf, "id", id, "version", v,
	    "handling", handling, "begrundelse", reason, "bekraeft", "ja", NULL);
	return r->status;
}

START_TEST(fse_returns_then_approves)
{
	char number[64], path[128], needle[256], reason[128], project[64];
	struct who sup, signer, resp, cw;
	struct reply r;
	long long a, sag;
	time_t now = time(NULL);

	a = authorisation("fse", 1, number, sizeof(number));
	person(&sup, "vejleder", B(SUPERVISOR), a);
	person(&signer, "underskriver", B(SIGNER), a);
	person(&resp, "ansvarlig", B(RESPONSIBLE), a);
	person(&cw, "sagsbehandler", 0, 0);
	fixture_grant(cw.uid, B(FSE_CASEWORKER), 0);
	proposal_rate_today();
	sag = new_proposal(&sup, a, "Boligmarkedet");
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 303);
	reply_free(&r);

	/* One queue for every kind: the proposal is there with its type and authorisation. */
	ck_assert_int_eq(get(&cw, "/fse/sager", &r), 200);
	snprintf(needle, sizeof(needle), "<a href=\"/fse/sag?id=%lld\">Sag %lld</a></th>\n"
	    "    <td data-title=\"Type\">Projektindstilling</td>", sag, sag);
	ck_assert_msg(has(&r.body, needle), "the queue row names the kind");
	ck_assert(has(&r.body, number));
	reply_free(&r);
	snprintf(path, sizeof(path), "/fse/sag?id=%lld", sag);
	ck_assert_int_eq(get(&cw, path, &r), 200);
	ck_assert(has(&r.body, "Projektindstilling fra Projektinstitut fse"));
	ck_assert(has(&r.body, "<dt>Register 1: hvorfor nødvendigt for formålet</dt>"));
	ck_assert(has(&r.body, "id=\"underskrift\">Underskriver Projektsen"));
	ck_assert(has(&r.body, "id=\"brugt\">1 af 5 brugt"));
	ck_assert(has(&r.body, "id=\"gebyr\">Indstilling"));
	ck_assert(has(&r.body, "value=\"godkend\""));
	reply_free(&r);

	/* Returned with a message: the supervisor and the responsible are told. */
	snprintf(reason, sizeof(reason), "Begrund registeret BEF bedre %s", sfx);
	ck_assert_int_eq(decide(&cw, sag, "tilbage", reason, &r), 303);
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "returned");
	ck_assert_int_eq(maildir_count(sup.email, reason, 30), 1);
	ck_assert_int_eq(maildir_count(resp.email, reason, 30), 1);

	/* The supervisor changes one field: the signature goes, the signer signs again, resent. */
	ck_assert_int_eq(save(&sup, a, sag, "Boligmarkedet", "BEF giver husstandens sammensætning",
	    &r), 303);
	reply_free(&r);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 422);	/* the signature was voided */
	reply_free(&r);
	ck_assert_int_eq(sign(&signer, a, sag, 1, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(submit(&sup, a, sag, &r), 303);
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "submitted");
	/* R18's gate (issue 12): a re-proposal adds nothing to the count, so only the first
	 * submission wrote the authorisation's row. */
	ck_assert_int_eq(fixture_scalar_int("SELECT proposal_gate FROM authorisations WHERE id = ?",
	    a), 1);
	/* A re-proposal costs the fee of its day too (R23): charged twice, the second as such. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ?", sag),
	    2);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ? AND "
	    "kind = 'reproposal'", sag), 1);
	ck_assert_int_eq(maildir_count(sup.email, "Det er en genindstilling", 30), 1);

	ck_assert_int_eq(get(&cw, path, &r), 200);
	ck_assert(has(&r.body, "Ændret siden sidste indsendelse"));
	ck_assert(has(&r.body, "scope=\"row\">Register 1: hvorfor nødvendigt for formålet</th>"));
	ck_assert(has(&r.body, "BEF giver husstandens sammensætning"));
	ck_assert(!has(&r.body, "scope=\"row\">Titel</th>"));	/* unchanged */
	reply_free(&r);

	/* Approved: the project with its number (R16), on the authorisation's page, by mail. */
	ck_assert_int_eq(decide(&cw, sag, "godkend", "", &r), 303);
	reply_free(&r);
	ck_assert_str_eq(state_of(sag), "approved");
	/* The number counts per year from 1 (issue 11): this year's numbers are exactly 1..N,
	 * and this one is the newest, whatever the case id. */
	{
		char like[32];
		long long count, top;

		snprintf(like, sizeof(like), "P-%d-%%", 1900 + localtime(&now)->tm_year);
		count = fixture_scalar("SELECT COUNT(*) FROM projects WHERE number LIKE ?", like);
		top = fixture_scalar("SELECT MAX(CAST(SUBSTRING_INDEX(number, '-', -1) AS UNSIGNED)) "
		    "FROM projects WHERE number LIKE ?", like);
		ck_assert_int_ge(count, 1);
		ck_assert_int_eq(top, count);
		snprintf(project, sizeof(project), "P-%d-%lld", 1900 + localtime(&now)->tm_year, top);
	}
	ck_assert_int_eq(fixture_scalar("SELECT case_id FROM projects WHERE number = ?", project),
	    sag);
	ck_assert_int_eq(fixture_scalar_int("SELECT authorisation_id FROM projects WHERE case_id = "
	    "?", sag), a);
	ck_assert_int_eq(maildir_count(sup.email, project, 30), 1);
	ck_assert_int_eq(maildir_count(resp.email, project, 30), 1);
	snprintf(path, sizeof(path), "/projekt?id=%lld", a);
	ck_assert_int_eq(get(&resp, path, &r), 200);
	ck_assert(has(&r.body, project));
	ck_assert(has(&r.body, "data-state=\"approved\""));
	reply_free(&r);
	/* FSE finds it again among the decided cases: by state, kind and search. */
	snprintf(needle, sizeof(needle), "<a href=\"/fse/sag?id=%lld\">Sag %lld</a>", sag, sag);
	ck_assert_int_eq(get(&cw, "/fse/sager", &r), 200);
	ck_assert(!has(&r.body, needle));	/* no longer waiting */
	reply_free(&r);
	snprintf(path, sizeof(path), "/fse/sager?tilstand=approved&type=project&soeg=%s", sfx);
	ck_assert_int_eq(get(&cw, path, &r), 200);
	ck_assert(has(&r.body, needle));
	ck_assert(has(&r.body, "<td data-title=\"Status\">Godkendt</td>"));
	ck_assert(has(&r.body, "<option value=\"approved\" selected>"));
	reply_free(&r);
	snprintf(path, sizeof(path), "/fse/sager?tilstand=alle&type=alle&soeg=%lld", sag);
	ck_assert_int_eq(get(&cw, path, &r), 200);
	ck_assert(has(&r.body, needle));
	reply_free(&r);
	snprintf(path, sizeof(path), "/fse/sager?tilstand=approved&type=authorisation&soeg=%s", sfx);
	ck_assert_int_eq(get(&cw, path, &r), 200);
	ck_assert(!has(&r.body, needle));	/* another kind */
	reply_free(&r);
	ck_assert_int_eq(get(&cw, "/fse/sager?tilstand=alle&soeg=100%25_%5C", &r), 200);
	ck_assert(has(&r.body, "value=\"100%_\\\""));	/* kept, and taken literally */
	reply_free(&r);
	ck_assert_int_eq(get(&cw, "/fse/sager?tilstand=slettet", &r), 422);
	ck_assert(has(&r.body, "id=\"tilstand-error\""));
	reply_free(&r);

	/* Nothing left to decide: a second approval is stale (409), nothing doubles. */
	ck_assert_int_eq(decide(&cw, sag, "godkend", "", &r), 409);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM projects WHERE case_id = ?", sag),
	    1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("projects");
	TCase *tc = tcase_create("projects");

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, platform_rule);
	tcase_add_test(tc, no_platform_no_submission);
	tcase_add_test(tc, sign_void_submit);
	tcase_add_test(tc, signing_needs_a_finished_proposal);
	tcase_add_test(tc, incomplete_is_refused_next_to_fields);
	tcase_add_test(tc, five_limit_holds_under_concurrency);
	tcase_add_test(tc, other_institution_gets_404);
	tcase_add_test(tc, fse_returns_then_approves);
	suite_add_tcase(s, tc);
	return check_run(s);
}
