/*
 * The applicant's side of an application for an education authorisation, end to end through
 * nginx (issue 5; R1, R3, R4, R6, R17, R32): start one, the per-field refusals with the input
 * kept and nothing saved, drafts that survive a new session, a stale version refused without
 * overwriting (409), another person's application hidden (404), and "Mine sager".
 */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "casefsm.h"
#include "client.h"
#include "fixture.h"
#include "maildir.h"

#include "../check_run.h"

static char sfx[16];

static void
as(struct who *w, long long uid)
{
	w->uid = uid;
	fixture_session(uid, &w->jar, w->csrf);
}

static long long
new_user(const char *local, const char *name)
{
	char email[128];

	snprintf(email, sizeof(email), "%s.%s@econ.ansoeg.dk", local, sfx);
	return fixture_user(email, name);
}

/* The case's data and version as stored. */
static unsigned stored(long long id, char *data, size_t n);

/* The case's version now, as a form sends it back (a saved step moves it on). */
static const char *
ver(long long id)
{
	static char out[4][16];
	static int n;
	char data[8192];

	n = (n + 1) % 4;
	snprintf(out[n], sizeof(out[n]), "%u", stored(id, data, sizeof(data)));
	return out[n];
}

static unsigned
stored(long long id, char *data, size_t n)
{
	struct db_result res;
	unsigned v;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT data, version FROM cases WHERE id = ?", "i",
	    id), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(data, n, "%s", db_cell(&res, 0, 0));
	v = (unsigned)db_cell_int(&res, 0, 1, 0);
	db_result_free(&res);
	return v;
}

/* Starts an application as w; its id. */
static long long
start(struct who *w)
{
	char location[256], *p;
	struct reply r;
	long long id;

	client_post_form("/ansoegning/ny", &w->jar, &r, "csrf", w->csrf, "engangsnoegle",
	    client_new_key(), NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	p = strstr(location, "/ansoegning/trin?id=");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(location, "trin=1"));
	id = atoll(p + strlen("/ansoegning/trin?id="));
	ck_assert_int_gt(id, 0);
	return id;
}

static void
setup(void)
{
	fixture_open();
	snprintf(sfx, sizeof(sfx), "%ld%d", (long)getpid(), rand() % 1000);
}

START_TEST(steps_drafts_and_owner)
{
	char data[8192], idbuf[32], path[128], location[256], value[256];
	struct who a, a2, b;
	struct reply r;
	long long id;
	int k;

	as(&a, new_user("ansoeger", "Anne Ansøger"));
	as(&b, new_user("fremmed", "Frede Fremmed"));
	id = start(&a);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	ck_assert_int_eq(fixture_scalar_int("SELECT created_by FROM cases WHERE id = ?", id), a.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'draft' AND type = 'authorisation'", id), 1);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 1);

	/* Step 1 shows the eight universities, the other path (R3), and the version seen. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=1", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "IT-Universitetet i København"));
	ck_assert(has(&r.body, "value=\"anden\""));
	ck_assert(has(&r.body, "aria-current=\"step\""));
	ck_assert_int_eq(html_input_value(&r.body, "version", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "1");
	reply_free(&r);

	/* R1: a programme whose thesis is 15 ECTS is refused, next to its field, input kept. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "1", "handling", "videre", "universitet", "ku", "enhed", "Økonomisk Institut",
	    "udd_navn_1", "Cand.polit.", "udd_ects_1", "15", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "kun for kandidatuddannelser, der afsluttes med et speciale"));
	ck_assert(has(&r.body, "id=\"udd_ects_1-error\""));
	ck_assert(has(&r.body, "href=\"#udd_ects_1\""));
	ck_assert(has(&r.body, "value=\"15\""));
	ck_assert(has(&r.body, "value=\"Cand.polit.\""));
	ck_assert(has(&r.body, "value=\"ku\" selected"));
	reply_free(&r);
	/* A draft may not hold it either: it is wrong, not unfinished. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "1", "handling", "gem", "udd_navn_1", "Cand.polit.", "udd_ects_1", "0", NULL);
	ck_assert_int_eq(r.status, 422);
	reply_free(&r);
	/* What was typed at "videre" is kept as the draft (issue 11), the refused 15 included; the
	 * malformed 0 is not (a draft holds nothing the parser would refuse). */
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 2);
	ck_assert_ptr_nonnull(strstr(data, "udd_ects_1=15"));
	ck_assert_ptr_nonnull(strstr(data, "universitet=ku"));
	ck_assert_ptr_null(strstr(data, "udd_ects_1=0"));

	/* A valid step 1: saved, on to step 2. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "1",
	    "version", "2", "handling", "videre", "universitet", "ku", "enhed", "Økonomisk Institut",
	    "udd_navn_1", "Cand.polit.", "udd_ects_1", "45", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=2"));
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 3);
	ck_assert_ptr_nonnull(strstr(data, "udd_ects_1=45"));
	ck_assert_ptr_nonnull(strstr(data, "universitet=ku"));
	ck_assert_int_eq(fixture_scalar_int("SELECT title = 'Økonomisk Institut' FROM cases WHERE "
	    "id = ?", id), 1);

	/* R4.3: two experienced persons are not enough to go on... */
	for (k = 0; k < 2; k++) {
		const char *handling = k == 0 ? "videre" : "gem";

		client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf,
		    "trin", "2", "version", ver(id), "handling", handling,
		    "sikkerhed", "Logning og adgangsstyring", "leder_navn", "Lene Leder",
		    "leder_titel", "Institutleder", "leder_email", "lene@econ.ansoeg.dk",
		    "url", "https://econ.ansoeg.dk/miljoe",
		    "person_navn_1", "Per Et", "person_email_1", "per1@econ.ansoeg.dk",
		    "person_rolle_1", "Vejleder", "person_erfaring_1", "DST-adgang siden 2015",
		    "person_navn_2", "Pia To", "person_email_2", "pia2@econ.ansoeg.dk",
		    "person_rolle_2", "Vejleder", "person_erfaring_2", "Registerdata i ti år",
		    NULL);
		if (k == 0) {
			ck_assert_int_eq(r.status, 422);
			ck_assert(has(&r.body, "mindst tre personer i miljøet"));
			ck_assert(has(&r.body, "value=\"Pia To\""));
			ck_assert(has(&r.body, "Logning og adgangsstyring"));
			reply_free(&r);
			/* Kept as the draft all the same (issue 11): reopening shows it. */
			ck_assert_uint_eq(stored(id, data, sizeof(data)), 4);
			ck_assert_ptr_nonnull(strstr(data, "Pia"));
		} else {
			/* ...but a draft may hold them. */
			ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
			ck_assert_ptr_nonnull(strstr(location, "trin=2"));
			ck_assert_ptr_nonnull(strstr(location, "besked=gemt"));
		}
	}
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 5);
	ck_assert_ptr_nonnull(strstr(data, "person_navn_2=Pia%20To"));
	ck_assert_ptr_nonnull(strstr(data, "udd_ects_1=45"));	/* step 1 kept */

	/* The draft survives logging out and in (a new session), shown filled in. */
	as(&a2, a.uid);
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=2", id);
	client_get(path, &a2.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "value=\"Pia To\""));
	ck_assert(has(&r.body, "value=\"Lene Leder\""));
	ck_assert(has(&r.body, ">Logning og adgangsstyring</textarea>"));
	ck_assert_int_eq(html_input_value(&r.body, "version", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "5");
	reply_free(&r);

	/* A stale version (another window saved meanwhile): 409, input kept, nothing written. */
	client_post_form("/ansoegning/trin", &a2.jar, &r, "csrf", a2.csrf, "id", idbuf, "trin", "2",
	    "version", "2", "handling", "gem", "leder_navn", "Gammel Leder", NULL);
	ck_assert_int_eq(r.status, 409);
	ck_assert(has(&r.body, "ændret i et andet vindue"));
	ck_assert(has(&r.body, "value=\"Gammel Leder\""));
	reply_free(&r);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 5);
	ck_assert_ptr_null(strstr(data, "Gammel"));

	/* Another person: every step, and saving, is 404; nothing changes. */
	for (k = 1; k <= 5; k++) {
		snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=%d", id, k);
		ck_assert_int_eq(client_status(path, &b.jar, NULL, 0), 404);
		ck_assert_int_eq(client_status(path, &a2.jar, NULL, 0), 200);
	}
	client_post_form("/ansoegning/trin", &b.jar, &r, "csrf", b.csrf, "id", idbuf, "trin", "1",
	    "version", "5", "handling", "gem", "enhed", "Kapret", NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 404);
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 5);

	/* Mine sager (R32): the case, its state and what waits; not on the other person's. */
	client_get("/ansoegning", &a2.jar, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(path, sizeof(path), "<td data-title=\"Sag\">%lld</td>", id);
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, case_state_label(CASE_DRAFT)));
	ck_assert(has(&r.body, "Gør ansøgningen færdig"));
	reply_free(&r);
	client_get("/ansoegning", &b.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!has(&r.body, path));
	reply_free(&r);
}
END_TEST

START_TEST(domains_platform_review)
{
	char data[8192], idbuf[32], path[128], location[256];
	struct who a, anon;
	struct reply r;
	long long id;

	as(&a, new_user("ansoeger2", "Bo Ansøger"));
	id = start(&a);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	/* R4.4: no website URL is refused at "videre", next to the field; a draft may lack it. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "2",
	    "version", "1", "handling", "videre", "sikkerhed", "Logning", "leder_navn", "Lis",
	    "leder_titel", "Dekan", "leder_email", "lis@econ.ansoeg.dk",
	    "person_navn_1", "A", "person_email_1", "a@econ.ansoeg.dk", "person_rolle_1", "V",
	    "person_erfaring_1", "X", "person_navn_2", "B", "person_email_2", "b@econ.ansoeg.dk",
	    "person_rolle_2", "V", "person_erfaring_2", "X", "person_navn_3", "C",
	    "person_email_3", "c@econ.ansoeg.dk", "person_rolle_3", "V", "person_erfaring_3", "X",
	    NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"url-error\""));
	ck_assert(!has(&r.body, "mindst tre personer i miljøet"));	/* three are enough */
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "2",
	    "version", "1", "handling", "gem", "url", "ikke en adresse", NULL);
	ck_assert_int_eq(r.status, 422);	/* malformed, even in a draft */
	ck_assert(has(&r.body, "id=\"url-error\""));
	reply_free(&r);
	/* The first was kept as the draft (issue 11); the malformed one changed nothing. */
	ck_assert_uint_eq(stored(id, data, sizeof(data)), 2);
	ck_assert_ptr_nonnull(strstr(data, "leder_navn=Lis"));
	ck_assert_ptr_null(strstr(data, "url="));
	/* R6: each line a plain domain. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "3",
	    "version", ver(id), "handling", "videre", "domaener", "econ.ku.dk\nnot a domain", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"domaener-error\""));
	ck_assert(has(&r.body, "not a domain"));
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "3",
	    "version", ver(id), "handling", "videre", "domaener", " ECON.KU.dk \r\nsdu.dk", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=4"));
	stored(id, data, sizeof(data));
	ck_assert_ptr_nonnull(strstr(data, "domaener=econ.ku.dk%0Asdu.dk"));
	ck_assert_ptr_nonnull(strstr(data, "leder_navn=Lis"));	/* step 2's draft stays */
	/* R17: a hosted server needs its name and the drive confirmed. */
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "4",
	    "version", ver(id), "handling", "videre", "platform", "hosted", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "id=\"server-error\""));
	ck_assert(has(&r.body, "id=\"drev-error\""));
	reply_free(&r);
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "4",
	    "version", ver(id), "handling", "videre", "platform", "hosted", "server", "srv01.ku.dk",
	    "drev", "ja", NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "trin=5"));
	/* The review shows it all, with links back, and no way to submit yet. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=5", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "srv01.ku.dk"));
	ck_assert(has(&r.body, "sdu.dk"));
	/* In the user's words, not the form's field names. */
	ck_assert(has(&r.body, "Servernavn"));
	ck_assert(has(&r.body, "E-maildomæner"));
	ck_assert(!has(&r.body, ">domaener<"));
	/* Values as names and sentences, not the codes the form stores (issue 11). */
	ck_assert(has(&r.body, "<dd>Institutionens egen hostede server med et drev aftalt med "
	    "servicedesk@dst.dk</dd>"));
	ck_assert(!has(&r.body, "<dd>hosted</dd>"));
	ck_assert(has(&r.body, "<dd>Ja, aftalt med servicedesk@dst.dk</dd>"));
	ck_assert(!has(&r.body, "<dd>ja</dd>"));
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&amp;trin=3", id);
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, "arbejdsdage"));
	ck_assert(!has(&r.body, "Indsendelse kommer i næste version"));
	ck_assert(has(&r.body, "action=\"/ansoegning/send\""));	/* the submit form */
	ck_assert(!has(&r.body, "action=\"/ansoegning/trin\""));	/* no step form on the review */
	reply_free(&r);
	/* Anonymous: to the login page. */
	as(&anon, 0);
	ck_assert_int_eq(client_status("/ansoegning", &anon.jar, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "/konto/log-ind"));
}
END_TEST


/* Posts one step with "videre"; must answer 303. fields: NULL-terminated name, value pairs. */
static void
post_step(struct who *w, const char *idbuf, long long id, const char *step, ...)
{
	const char *f[64] = { NULL };
	char version[16], data[16384];
	struct reply r;
	va_list ap;
	int n = 0;

	snprintf(version, sizeof(version), "%u", stored(id, data, sizeof(data)));
	va_start(ap, step);
	while ((f[n] = va_arg(ap, const char *)) != NULL && n < 60)
		n++;
	va_end(ap);
	/* client_post_form is variadic too: spell the fixed fields, then up to 30 pairs. */
	client_post_form("/ansoegning/trin", &w->jar, &r, "csrf", w->csrf, "id", idbuf, "trin",
	    step, "version", version, "handling", "videre",
	    n > 0 ? f[0] : NULL, f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
	    f[12], f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23],
	    f[24], f[25], f[26], f[27], f[28], f[29], f[30], f[31], f[32], f[33], f[34], f[35],
	    f[36], f[37], f[38], f[39], f[40], f[41], NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
}

/* RFC 2047 encoded-words (B and Q, UTF-8) decoded, other text kept; whitespace between two
 * encoded-words dropped. */
static void
decode_words(const char *in, char *out, size_t n)
{
	size_t o = 0;
	const char *p = in;
	int last_word = 0;

	while (*p && o + 4 < n) {
		const char *q, *e;

		if (strncasecmp(p, "=?utf-8?", 8) == 0 && (q = p + 8) && (q[0] == 'Q' || q[0] ==
		    'q' || q[0] == 'B' || q[0] == 'b') && q[1] == '?' && (e = strstr(q + 2, "?=")) != NULL) {
			const char *t = q + 2;

			if (q[0] == 'Q' || q[0] == 'q') {
				for (; t < e && o + 4 < n; t++) {
					if (*t == '_')
						out[o++] = ' ';
					else if (*t == '=' && t + 2 < e) {
						char hex[3] = { t[1], t[2], 0 };

						out[o++] = (char)strtol(hex, NULL, 16);
						t += 2;
					} else
						out[o++] = *t;
				}
			} else {
				static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
				unsigned acc = 0;
				int bits = 0;

				for (; t < e && *t != '=' && o + 4 < n; t++) {
					const char *c = strchr(b64, *t);

					if (c == NULL)
						break;
					acc = (acc << 6) | (unsigned)(c - b64);
					if ((bits += 6) >= 8) {
						bits -= 8;
						out[o++] = (char)((acc >> bits) & 0xff);
					}
				}
			}
			p = e + 2;
			last_word = 1;
			continue;
		}
		if (last_word && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
			const char *s = p;

			while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
				s++;
			if (strncasecmp(s, "=?utf-8?", 8) == 0) {
				p = s;
				continue;
			}
		}
		last_word = 0;
		out[o++] = *p++;
	}
	out[o] = '\0';
}

/*
 * The decoded Subject of the mail to `to` whose quoted-printable body holds `needle` (soft line
 * breaks removed), into out; 0 when found.
 */
static int
subject_of(const char *to, const char *needle, char *out, size_t n)
{
	static const char *const sub[] = { "new", "cur" };
	const char *md = getenv("PORTAL_MAILDIR");
	char path[2048];
	struct dirent *de;
	int i, found = -1;
	DIR *dp;

	for (i = 0; md && i < 2 && found; i++) {
		snprintf(path, sizeof(path), "%s/%s", md, sub[i]);
		if ((dp = opendir(path)) == NULL)
			continue;
		while (found && (de = readdir(dp)) != NULL) {
			char raw[65536], flat[65536], subj[1024];
			const char *h;
			size_t len, k, o = 0, s = 0;
			FILE *f;

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", md, sub[i], de->d_name);
			if ((f = fopen(path, "r")) == NULL)
				continue;
			len = fread(raw, 1, sizeof(raw) - 1, f);
			fclose(f);
			raw[len] = '\0';
			for (k = 0; k < len; k++) {	/* quoted-printable soft breaks */
				if (raw[k] == '=' && raw[k + 1] == '\r' && raw[k + 2] == '\n')
					k += 2;
				else if (raw[k] == '=' && raw[k + 1] == '\n')
					k += 1;
				else if (raw[k] == '=' && isxdigit((unsigned char)raw[k + 1]) &&
				    isxdigit((unsigned char)raw[k + 2])) {
					char hex[3] = { raw[k + 1], raw[k + 2], 0 };

					flat[o++] = (char)strtol(hex, NULL, 16);
					k += 2;
				} else
					flat[o++] = raw[k];
			}
			flat[o] = '\0';
			if (strcasestr(raw, to) == NULL || strstr(flat, needle) == NULL ||
			    (h = strstr(raw, "\nSubject:")) == NULL)
				continue;
			/* The header with its folded lines. */
			for (h += 9; *h && s + 1 < sizeof(subj); h++) {
				if (*h == '\r')
					continue;
				if (*h == '\n' && h[1] != ' ' && h[1] != '\t')
					break;
				subj[s++] = *h == '\n' ? ' ' : *h;
			}
			subj[s] = '\0';
			decode_words(subj[0] == ' ' ? subj + 1 : subj, out, n);
			found = 0;
		}
		closedir(dp);
	}
	return found;
}

START_TEST(manager_confirms_then_submit)
{
	char data[16384], idbuf[32], path[256], location[256], token[128], csrf[128],
	    applicant[128], manager[128], needle[128], subject[512], days[64], key[64], again[256];
	struct who a;
	struct jar anon;
	struct reply r;
	long long id;

	snprintf(applicant, sizeof(applicant), "sender.%s@econ.ansoeg.dk", sfx);
	snprintf(manager, sizeof(manager), "leder.%s@econ.ansoeg.dk", sfx);
	as(&a, fixture_user(applicant, "Signe Sender"));
	id = start(&a);
	snprintf(idbuf, sizeof(idbuf), "%lld", id);

	/* Every step filled validly, except the domains (step 3) for now. */
	post_step(&a, idbuf, id, "1", "universitet", "ku", "enhed", "Sociologisk Institut",
	    "udd_navn_1", "Cand.scient.soc.", "udd_ects_1", "30", NULL);
	post_step(&a, idbuf, id, "2", "sikkerhed", "Logning, adgangsstyring og kurser",
	    "leder_navn", "Lars Leder", "leder_titel", "Institutleder", "leder_email", manager,
	    "url", "https://soc.ansoeg.dk/miljoe",
	    "person_navn_1", "Ea Et", "person_email_1", "ea@econ.ansoeg.dk",
	    "person_rolle_1", "Vejleder", "person_erfaring_1", "DST-adgang siden 2012",
	    "person_navn_2", "Bo To", "person_email_2", "bo@econ.ansoeg.dk",
	    "person_rolle_2", "Vejleder", "person_erfaring_2", "Registerdata i otte år",
	    "person_navn_3", "Cy Tre", "person_email_3", "cy@econ.ansoeg.dk",
	    "person_rolle_3", "Lektor", "person_erfaring_3", "Forskerordningen", NULL);
	post_step(&a, idbuf, id, "4", "platform", "forskermaskinen", NULL);

	/* Not sendable: the domains are missing (R6), and the manager has not confirmed (R4.2). */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/send", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "Ansøgningen kan ikke sendes endnu"));
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&amp;trin=3\">Trin 3: E-maildomæner",
	    id);
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, "Lederen har ikke bekræftet endnu"));
	ck_assert(!has(&r.body, "Trin 1:"));	/* step 1 is complete */
	ck_assert(!has(&r.body, "Trin 2:"));	/* and so is step 2 */
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'draft'", id), 1);

	post_step(&a, idbuf, id, "3", "domaener", "soc.ansoeg.dk", NULL);
	/* Complete, but the manager has not confirmed: 422 with R4.2, still a draft. */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/send", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "Lederen har ikke bekræftet endnu"));
	ck_assert(has(&r.body, "hjemtagelse af resultater"));
	ck_assert(!has(&r.body, "Ansøgningen kan ikke sendes endnu"));
	ck_assert(has(&r.body, "Send bekræftelse til lederen"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'draft'", id), 1);

	/* Step 2 offers the confirmation too. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=2", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "action=\"/ansoegning/leder\""));
	ck_assert_int_eq(html_input_value(&r.body, "engangsnoegle", key, sizeof(key)), 0);
	/* At the top of the step, with its state (issue 11). */
	ck_assert(has(&r.body, "<strong>Ikke sendt endnu.</strong>"));
	ck_assert(strstr(r.body.data, "id=\"lederens-bekraeftelse\"") <
	    strstr(r.body.data, "name=\"sikkerhed\""));
	reply_free(&r);

	/* Send the confirmation: a single-use link in the manager's mail, stored hashed. */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/leder", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, "trin", "5", "engangsnoegle", key, NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_ptr_nonnull(strstr(location, "besked=leder"));
	/* The same press sent again (issue 12): the same answer, no second link or mail. */
	client_post_form("/ansoegning/leder", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, "trin", "5", "engangsnoegle", key, NULL);
	ck_assert_int_eq(reply_done(&r, again, sizeof(again)), 303);
	ck_assert_str_eq(again, location);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM manager_confirmations WHERE "
	    "case_id = ?", id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM manager_confirmations WHERE "
	    "case_id = ? AND confirmed_at IS NULL AND expires_at > NOW() + INTERVAL 13 DAY", id), 1);
	ck_assert_int_eq(maildir_find_token(manager, "/ansoegning/bekraeft", 1, 30, token,
	    sizeof(token)), 1);
	{
		unsigned char hash[32];
		struct db_result res;

		ck_assert_int_eq(session_hash_token(token, hash), 0);
		ck_assert_int_eq(db_exec(fx_db, &res, "SELECT case_id FROM manager_confirmations "
		    "WHERE token_hash = ?", "b", hash, sizeof(hash)), DB_OK);
		ck_assert_uint_eq(res.nrows, 1);
		ck_assert_int_eq(db_cell_int(&res, 0, 0, 0), id);
		db_result_free(&res);
	}
	ck_assert_int_eq(maildir_count(manager, "hjemtagelse af resultater", 0), 1);

	/* The manager, anonymous: the page says what they accept; the POST records it once. */
	memset(&anon, 0, sizeof(anon));
	snprintf(path, sizeof(path), "/ansoegning/bekraeft?token=%s", token);
	client_get(path, &anon, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Sociologisk Institut"));
	ck_assert(has(&r.body, "Signe Sender"));
	ck_assert(has(&r.body, "påtager du dig ansvaret for autorisationen"));
	ck_assert(has(&r.body, "hjemtagelse af resultater"));
	ck_assert_int_eq(html_input_value(&r.body, "csrf", csrf, sizeof(csrf)), 0);
	reply_free(&r);
	client_post_form("/ansoegning/bekraeft", &anon, &r, "csrf", csrf, "token", token, NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "din bekræftelse er registreret"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM manager_confirmations WHERE "
	    "case_id = ? AND confirmed_at IS NOT NULL", id), 1);
	/* The applicant is told, with the way to the review (issue 11; R32). */
	ck_assert_int_eq(maildir_count(applicant, "har bekræftet ansvaret for "
	    "uddannelsesautorisationen", 30), 1);
	client_post_form("/ansoegning/bekraeft", &anon, &r, "csrf", csrf, "token", token, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 410);
	ck_assert_int_eq(client_status(path, &anon, NULL, 0), 410);

	/* The review shows it confirmed. */
	snprintf(path, sizeof(path), "/ansoegning/trin?id=%lld&trin=5", id);
	client_get(path, &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Bekræftet:</strong> Lars Leder"));
	/* The university by its name, not the code the form stores (issue 11). */
	ck_assert(has(&r.body, "<dd>Københavns Universitet</dd>"));
	ck_assert(!has(&r.body, "<dd>ku</dd>"));
	reply_free(&r);

	/* A stale version: 409, nothing sent. */
	client_post_form("/ansoegning/send", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    "1", NULL);
	ck_assert_int_eq(r.status, 409);
	ck_assert(has(&r.body, "ændret i et andet vindue"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'draft'", id), 1);

	/* Submit: 303 to Mine sager with the notice; submitted in the database. */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/send", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, NULL);
	ck_assert_int_eq(reply_done(&r, location, sizeof(location)), 303);
	ck_assert_str_eq(location, "/ansoegning?besked=sendt");
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM cases WHERE id = ? AND state = "
	    "'submitted' AND submitted_at IS NOT NULL", id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE object_id = ? "
	    "AND object_type = 'case' AND action = 'case.submitted'", id), 1);
	client_get("/ansoegning?besked=sendt", &a.jar, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has(&r.body, "Ansøgningen er sendt"));
	reply_free(&r);

	/* R5: FSE's mailbox, the exact subject (decoded), the summary and the link to the case. */
	snprintf(needle, sizeof(needle), "(sag %lld) fra", id);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 30), 1);
	ck_assert_int_eq(subject_of(fx_cfg.fse_mailbox, needle, subject, sizeof(subject)), 0);
	ck_assert_str_eq(subject, "Vedr. ansøgning om uddannelsesautorisation");
	snprintf(needle, sizeof(needle), "/fse/sag?id=%lld\"", id);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 0), 1);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, "Sociologisk Institut", 0) >= 1, 1);
	snprintf(needle, sizeof(needle), "Cy Tre, Lektor, cy@econ.ansoeg.dk");
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 0) >= 1, 1);
	/* R31: the receipt to the applicant: sender, what next, the service goal. */
	snprintf(days, sizeof(days), "inden for %u arbejdsdage", fx_cfg.fse_service_days);
	ck_assert_int_eq(maildir_count(applicant, days, 30), 1);
	/* Two mails now: the manager's confirmation (issue 11) and the receipt, one sender. */
	ck_assert_int_eq(maildir_count(applicant, "Danmarks Statistik, Forskningsservice", 0), 2);
	ck_assert_int_eq(maildir_count(applicant, "Hvad sker der nu?", 0), 1);

	/* No longer editable: a step's save is refused, nothing changes. */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/trin", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "trin", "3",
	    "version", path, "handling", "gem", "domaener", "andet.dk", NULL);
	ck_assert_int_eq(r.status, 409);
	reply_free(&r);
	stored(id, data, sizeof(data));
	ck_assert_ptr_null(strstr(data, "andet.dk"));
	/* And it cannot be sent twice. */
	snprintf(path, sizeof(path), "%u", stored(id, data, sizeof(data)));
	client_post_form("/ansoegning/send", &a.jar, &r, "csrf", a.csrf, "id", idbuf, "version",
	    path, NULL);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	snprintf(needle, sizeof(needle), "(sag %lld) fra", id);
	ck_assert_int_eq(maildir_count(fx_cfg.fse_mailbox, needle, 2), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("application");
	TCase *tc = tcase_create("application");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, steps_drafts_and_owner);
	tcase_add_test(tc, domains_platform_review);
	tcase_add_test(tc, manager_confirms_then_submit);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
