/*
 * The certification course end to end over HTTP through nginx (issue 14; R14, R24): an FSE
 * caseworker records a pass and sees it, the person sees it on their account page; a student
 * whose access waited only for the course turns active the moment a list names them, and is
 * charged exactly one user fee at the rate of the day, however often the list is sent again
 * (R24); a list with a bad line records nothing and names the line; an expired or a withdrawn
 * pass leaves the access not active (the student case's checklist says so); the national
 * statistician may look but not record, and people outside FSE are refused as the policy says.
 *
 * The "everything but the course" student is built straight in the database from exactly what
 * lib/studentprogress.c reads (tests/e2e/fixture_student.h): the signed Annex 1, FSE's approval
 * with an id, a live access to an approved project ending in the future, and the current user
 * agreement accepted by the student's user. The database is shared and the suite may run again
 * on a used stack: every address is new per run, and a student-user rate for today is added
 * only when there is none (and removed again).
 */
#include <check.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../check_run.h"
#include "client.h"
#include "clock.h"
#include "fixture.h"
#include "fixture_student.h"
#include "policy.h"

#define B(r)		ROLE_BIT(ROLE_##r)
#define BOUNDARY	"----portal-cert-7f3c"

static long long auth, project, rate_id, rate_ore, own_rate;
static char domain[64], today[CLOCK_DATE_LEN], tag[32];
static struct who cw, statistician, outsider, admin, supervisor;
static int serial;

/* A new address per call: <local>.<tag>.<n>@<domain>. */
static void
address(char *out, size_t n, const char *local)
{
	snprintf(out, n, "%s.%s.%d@%s", local, tag, ++serial, domain);
}

static void
person(struct who *w, const char *local, unsigned roles, long long on)
{
	char name[128];

	address(w->email, sizeof(w->email), local);
	snprintf(name, sizeof(name), "Cert %s", local);
	w->uid = fixture_user(w->email, name);
	if (roles)
		fixture_grant(w->uid, roles, on);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static void
day_from_today(int n, char out[CLOCK_DATE_LEN])
{
	ck_assert_int_eq(clock_add_days(today, n, out), 0);
}

/* The student-user rate valid today (R24), made for the day when there is none. */
static void
rate_of_the_day(void)
{
	struct db_result res;

	own_rate = 0;
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT id, amount_ore FROM rates WHERE kind = "
	    "'student_user' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY "
	    "valid_from DESC LIMIT 1", "ss", today, today), DB_OK);
	if (res.nrows) {
		rate_id = db_cell_int(&res, 0, 0, 0);
		rate_ore = db_cell_int(&res, 0, 1, 0);
		db_result_free(&res);
		return;
	}
	db_result_free(&res);
	rate_ore = 123450;
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO rates (kind, amount_ore, valid_from, "
	    "valid_to, note) VALUES ('student_user', ?, ?, ?, 'e2e certificering')", "iss",
	    rate_ore, today, today), DB_OK);
	rate_id = own_rate = (long long)res.insert_id;
	db_result_free(&res);
}

static void
setup(void)
{
	char name[128], number[64];
	struct db_result res;

	fixture_open();
	clock_today(today);	/* the stack's today: its clock is not moved in this suite */
	snprintf(tag, sizeof(tag), "%ld", (long)getpid());
	snprintf(domain, sizeof(domain), "cert%s.ku.dk", tag);
	snprintf(name, sizeof(name), "Certinstitut %s", tag);
	snprintf(number, sizeof(number), "C-%s", tag);
	auth = fixture_authorisation(name, number, domain);
	person(&cw, "sagsbehandler", B(FSE_CASEWORKER), 0);
	person(&statistician, "rigsstatistiker", B(NATIONAL_STATISTICIAN), 0);
	person(&outsider, "uden-rolle", 0, 0);
	person(&admin, "administrator", B(ADMINISTRATOR), auth);
	person(&supervisor, "vejleder", B(SUPERVISOR), auth);
	/* An approved broad project with its FSE number (R16), outside the year's series. */
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'approved', ?, ?, 'Uddannelse og "
	    "indkomst', 'titel=Uddannelse')", "ii", supervisor.uid, auth), DB_OK);
	project = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(number, sizeof(number), "PC-%s", tag);
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Uddannelse og indkomst')", "iis", project, auth,
	    number), DB_OK);
	rate_of_the_day();
}

static void
teardown(void)
{
	if (own_rate)
		ck_assert_int_eq(db_exec(fx_db, NULL, "DELETE FROM rates WHERE id = ?", "i",
		    own_rate), DB_OK);
	fixture_close();
}

/* A student whose access waits only for the course (tests/e2e/fixture_student.h: everything
 * but FXS_CERTIFIED). Its case id; the address into email. */
static long long
waiting_student(const char *local, char *email, size_t n)
{
	char ends[CLOCK_DATE_LEN];
	struct fx_student in;

	address(email, n, local);
	day_from_today(200, ends);
	memset(&in, 0, sizeof(in));
	in.authorisation = auth;
	in.supervisor = supervisor.uid;
	in.project = project;
	in.student_uid = fixture_user(email, "Studerende Ørsted");
	fixture_grant(in.student_uid, B(STUDENT), auth);
	in.name = "Studerende Ørsted";
	in.email = email;
	in.ends_on = ends;
	in.has = FXS_ALL & ~FXS_CERTIFIED;
	return fixture_student(&in, NULL);
}

static long
get(struct who *w, struct reply *r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static long
get(struct who *w, struct reply *r, const char *fmt, ...)
{
	char path[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	client_get(path, &w->jar, r);
	return r->status;
}

/* The student case's page as the administrator sees it (the checklist of R14). */
static void
case_page(long long sag, struct reply *r)
{
	ck_assert_int_eq(get(&admin, r, "/studerende/sag?id=%lld&sag=%lld", auth, sag), 200);
}

static long
record(struct who *w, const char *email, const char *name, const char *passed,
    const char *until, struct reply *r)
{
	client_post_form("/fse/certificering", &w->jar, r, "csrf", w->csrf, "engangsnoegle",
	    client_new_key(), "email", email, "navn", name, "bestaaet", passed, "gyldig_til",
	    until ? until : "", NULL);
	return r->status;
}

/* The list form as a browser sends it (multipart): the text field, and a file when given. */
static long
post_list(struct who *w, const char *key, const char *text, const char *file, struct reply *r)
{
	struct buf body;
	char ctype[96];

	buf_init(&body, 0);
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "%s\r\n", w->csrf);
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"engangsnoegle\""
	    "\r\n\r\n%s\r\n", key ? key : client_new_key());
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"liste\"\r\n\r\n"
	    "%s\r\n", text ? text : "");
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"fil\"; "
	    "filename=\"%s\"\r\nContent-Type: text/csv\r\n\r\n", file ? "kursus.csv" : "");
	if (file)
		buf_puts(&body, file);
	buf_puts(&body, "\r\n--" BOUNDARY "--\r\n");
	snprintf(ctype, sizeof(ctype), "multipart/form-data; boundary=%s", BOUNDARY);
	client_request("POST", "/fse/certificering/liste", ctype, body.data, body.len, NULL,
	    &w->jar, r);
	buf_free(&body);
	return r->status;
}

static long
withdraw(struct who *w, long long id, const char *reason, struct reply *r)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", id);
	client_post_form("/fse/certificering/tilbagekald", &w->jar, r, "csrf", w->csrf, "id", s,
	    "begrundelse", reason, NULL);
	return r->status;
}

/* The text of the field's error message (id="<field>-error") in body, or "" when none. */
static void
field_error(const struct buf *body, const char *field, char *out, size_t n)
{
	char needle[64];
	const char *p, *end;
	size_t len;

	out[0] = '\0';
	snprintf(needle, sizeof(needle), "id=\"%s-error\"", field);
	if (body->data == NULL || (p = strstr(body->data, needle)) == NULL ||
	    (p = strstr(p, "Fejl: </span>")) == NULL || (end = strstr(p + 13, "</span>")) == NULL)
		return;
	p += 13;
	len = (size_t)(end - p) < n - 1 ? (size_t)(end - p) : n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

static long long
passes_of(const char *email)
{
	return fixture_scalar("SELECT COUNT(*) FROM certifications WHERE email = ?", email);
}

static long long
fees_of(long long sag)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM case_fees WHERE case_id = ? AND kind = "
	    "'student_user'", sag);
}

static long long
activated(long long sag)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM student_access WHERE student_case_id = ? "
	    "AND ended_at IS NULL AND activated_at IS NOT NULL", sag);
}

/* "14. marts 2027", as the pages write a day. */
static void
danish_day(const char *ymd, char *out, size_t n)
{
	static const char *const months[] = { "januar", "februar", "marts", "april", "maj",
		"juni", "juli", "august", "september", "oktober", "november", "december" };

	snprintf(out, n, "%d. %s %d", atoi(ymd + 8), months[atoi(ymd + 5) - 1], atoi(ymd));
}

START_TEST(a_caseworker_records_one_and_the_person_sees_it)
{
	char email[128], upper[128], passed[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN], loc[256];
	char when[64], msg[600], value[128];
	struct db_result res;
	struct who me;
	struct reply r;
	long long id;
	size_t i;

	address(email, sizeof(email), "anne");
	for (i = 0; email[i]; i++)
		upper[i] = i < 4 ? (char)(email[i] - 'a' + 'A') : email[i];
	upper[i] = '\0';
	memset(&me, 0, sizeof(me));
	me.uid = fixture_user(email, "Anne Jensen");
	fixture_session(me.uid, &me.jar, me.csrf);
	ck_assert_int_eq(get(&me, &r, "/konto"), 200);
	ck_assert(has(&r.body, "Ikke bestået endnu"));
	reply_free(&r);

	/* The start page links to it; the page has both forms. */
	ck_assert_int_eq(get(&cw, &r, "/fse"), 200);
	ck_assert(has(&r.body, "href=\"/fse/certificering\""));
	reply_free(&r);
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering"), 200);
	ck_assert(has(&r.body, "<h1>Certificeringskursus</h1>"));
	ck_assert(has(&r.body, "method=\"post\" action=\"/fse/certificering\""));
	ck_assert(has(&r.body, "action=\"/fse/certificering/liste\""));
	ck_assert(!has(&r.body, "R14"));
	reply_free(&r);

	day_from_today(-3, passed);
	day_from_today(730, until);
	ck_assert_int_eq(record(&cw, upper, "Anne Jensen", passed, until, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strncmp(loc, "/fse/certificering?besked=registreret&nr=", 41) == 0, "%s",
	    loc);
	id = atoll(loc + 41);
	ck_assert_int_gt(id, 0);
	/* The row: the address as the portal knows people (lower-case), from the form, by whom. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM certifications WHERE id = ? AND "
	    "source = 'form' AND withdrawn_at IS NULL", id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT recorded_by FROM certifications WHERE id = ?",
	    id), cw.uid);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM certifications WHERE BINARY email = "
	    "?", email), 1);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT DATE_FORMAT(passed_on, '%Y-%m-%d'), "
	    "DATE_FORMAT(valid_until, '%Y-%m-%d'), name FROM certifications WHERE id = ?", "i", id),
	    DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_str_eq(db_cell(&res, 0, 0), passed);
	ck_assert_str_eq(db_cell(&res, 0, 1), until);
	ck_assert_str_eq(db_cell(&res, 0, 2), "Anne Jensen");
	db_result_free(&res);
	/* Audited with the person as subject (R33). */
	ck_assert_int_eq(fixture_scalar_int("SELECT subject_id FROM audit_events WHERE action = "
	    "'certification.record' AND object_id = ?", id), me.uid);

	ck_assert_int_eq(get(&cw, &r, "%s", loc), 200);
	ck_assert(has(&r.body, "Kurset er registreret for Anne Jensen"));
	danish_day(passed, when, sizeof(when));
	ck_assert(has(&r.body, when));
	ck_assert(has(&r.body, "Ingen adgange er blevet aktive"));
	ck_assert(has(&r.body, "enkeltvis"));
	reply_free(&r);
	/* The person sees it (R14: "the person and their administrator see it"). */
	ck_assert_int_eq(get(&me, &r, "/konto"), 200);
	snprintf(msg, sizeof(msg), "Bestået %s, gælder til og med ", when);
	ck_assert_msg(has(&r.body, msg), "%.*s", (int)r.body.len, r.body.data);
	danish_day(until, when, sizeof(when));
	ck_assert(has(&r.body, when));
	reply_free(&r);

	/* The same person and day again: refused at the field, the input kept, nothing added. */
	ck_assert_int_eq(record(&cw, email, "Anne B. Jensen", passed, "", &r), 409);
	field_error(&r.body, "bestaaet", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "allerede registreret") != NULL, "%s", msg);
	ck_assert_int_eq(html_input_value(&r.body, "navn", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "Anne B. Jensen");
	reply_free(&r);
	ck_assert_int_eq(passes_of(email), 1);
}
END_TEST

START_TEST(bad_input_is_refused_next_to_the_field)
{
	char email[128], future[CLOCK_DATE_LEN], past[CLOCK_DATE_LEN], msg[600], value[128];
	struct reply r;

	address(email, sizeof(email), "bo");
	day_from_today(1, future);
	day_from_today(-10, past);
	ck_assert_int_eq(record(&cw, "bo.ku.dk", "", future, "", &r), 422);
	field_error(&r.body, "email", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "gyldig e-mailadresse") != NULL, "%s", msg);
	field_error(&r.body, "navn", msg, sizeof(msg));
	ck_assert_str_eq(msg, "Skriv personens navn.");
	field_error(&r.body, "bestaaet", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "efter i dag") != NULL, "%s", msg);
	ck_assert(has(&r.body, "href=\"#email\""));	/* the summary links to the field */
	ck_assert_int_eq(html_input_value(&r.body, "email", value, sizeof(value)), 0);
	ck_assert_str_eq(value, "bo.ku.dk");
	ck_assert_int_eq(html_input_value(&r.body, "bestaaet", value, sizeof(value)), 0);
	ck_assert_str_eq(value, future);
	reply_free(&r);

	ck_assert_int_eq(record(&cw, email, "Bo", past, "2000-01-01", &r), 422);
	field_error(&r.body, "gyldig_til", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "kan ikke ligge før") != NULL, "%s", msg);
	reply_free(&r);
	ck_assert_int_eq(record(&cw, email, "Bo", "14-03-2027", "", &r), 422);
	field_error(&r.body, "bestaaet", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "åååå-mm-dd") != NULL, "%s", msg);
	reply_free(&r);
	ck_assert_int_eq(passes_of(email), 0);
	/* Our own form always carries its one-time key; without one it is malformed. */
	client_post_form("/fse/certificering", &cw.jar, &r, "csrf", cw.csrf, "email", email,
	    "navn", "Bo", "bestaaet", past, NULL);
	ck_assert_int_eq(r.status, 400);
	reply_free(&r);
	ck_assert_int_eq(passes_of(email), 0);
}
END_TEST

START_TEST(a_list_turns_a_waiting_student_active_and_charges_once)
{
	char student[128], other[128], passed[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN], loc[256];
	char list[1024], key[64];
	struct db_result res;
	struct reply r;
	long long sag;

	sag = waiting_student("lise", student, sizeof(student));
	address(other, sizeof(other), "karl");
	/* Everything holds but the course (R14): not active, the checklist says why. */
	case_page(sag, &r);
	ck_assert(has(&r.body, "Adgangen er ikke aktiv."));
	ck_assert(has(&r.body, "Endnu ikke:</strong> Certificeringskurset er bestået"));
	ck_assert(has(&r.body, "Klar:</strong> Den studerende har accepteret brugeraftalen"));
	ck_assert(has(&r.body, "Klar:</strong> Adgang til projektet"));
	reply_free(&r);
	ck_assert_int_eq(activated(sag), 0);
	ck_assert_int_eq(fees_of(sag), 0);

	/* Excel's file: a byte order mark, a header, semicolons, CRLF, Danish dates. */
	day_from_today(-1, passed);
	day_from_today(365, until);
	snprintf(list, sizeof(list), "\xef\xbb\xbf" "E-mail;Navn;Bestået;Gyldig til\r\n"
	    "%s;Lise Ørsted;%.2s-%.2s-%.4s;%.2s-%.2s-%.4s\r\n%s;Karl Smed;%s;\r\n", student,
	    passed + 8, passed + 5, passed, until + 8, until + 5, until, other, passed);
	snprintf(key, sizeof(key), "%s", client_new_key());
	ck_assert_int_eq(post_list(&cw, key, NULL, list, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strstr(loc, "besked=liste&nye=2&fandtes=0&gentaget=0&aktive=1&"
	    "overskrift=ja") != NULL, "%s", loc);
	/* Active now, and the user fee charged once at the rate of the day (R24). */
	ck_assert_int_eq(activated(sag), 1);
	ck_assert_int_eq(fees_of(sag), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT amount_ore FROM case_fees WHERE case_id = ? "
	    "AND kind = 'student_user'", sag), rate_ore);
	ck_assert_int_eq(fixture_scalar_int("SELECT rate_id FROM case_fees WHERE case_id = ? AND "
	    "kind = 'student_user'", sag), rate_id);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT DATE_FORMAT(incurred_on, '%Y-%m-%d') FROM "
	    "case_fees WHERE case_id = ? AND kind = 'student_user'", "i", sag), DB_OK);
	ck_assert_str_eq(db_cell(&res, 0, 0), today);
	db_result_free(&res);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM certifications WHERE email = ? AND "
	    "source = 'list' AND name = 'Lise Ørsted' AND valid_until IS NOT NULL", student), 1);
	/* The student is told, in the same commit (R32). */
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'student_active' "
	    "AND to_addr = ?", student), 1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM certifications WHERE email = ? AND "
	    "valid_until IS NULL", other), 1);
	ck_assert_int_eq(get(&cw, &r, "%s", loc), 200);
	ck_assert(has(&r.body, "<strong id=\"antal-nye\">2</strong>"));
	ck_assert(has(&r.body, "1 studerendes adgang til data er blevet aktiv"));
	ck_assert(has(&r.body, "Den første linje blev læst som overskrift"));
	reply_free(&r);
	case_page(sag, &r);
	ck_assert(has(&r.body, "Adgangen er aktiv:"));
	ck_assert(has(&r.body, "Klar:</strong> Certificeringskurset er bestået"));
	ck_assert(has(&r.body, "Klar:</strong> Brugergebyret er opkrævet"));
	reply_free(&r);

	/* The same send again (a double click, a lost answer): the first result, nothing more. */
	ck_assert_int_eq(post_list(&cw, key, NULL, list, &r), 303);
	ck_assert_int_eq(reply_done(&r, NULL, 0), 303);
	/* The same list again, as a new send: already registered, not an error, no fee. */
	ck_assert_int_eq(post_list(&cw, NULL, list, NULL, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strstr(loc, "nye=0&fandtes=2&gentaget=0&aktive=0") != NULL, "%s", loc);
	ck_assert_int_eq(passes_of(student), 1);
	ck_assert_int_eq(passes_of(other), 1);
	ck_assert_int_eq(fees_of(sag), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'student.fee' AND object_id = ?", sag), 1);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'student_active' "
	    "AND to_addr = ?", student), 1);
}
END_TEST

START_TEST(a_list_with_a_bad_line_records_nothing_and_names_it)
{
	char student[128], other[128], passed[CLOCK_DATE_LEN], list[1024], msg[600];
	struct reply r;
	long long sag;

	sag = waiting_student("mads", student, sizeof(student));
	address(other, sizeof(other), "nina");
	day_from_today(-2, passed);
	snprintf(list, sizeof(list), "%s;Mads;%s\n%s;Nina;31-02-2027\nnina.ku.dk;Nina;%s\n", student,
	    passed, other, passed);
	ck_assert_int_eq(post_list(&cw, NULL, list, NULL, &r), 422);
	field_error(&r.body, "liste", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "2 af listens 3 linjer har fejl. Intet er registreret.") != NULL,
	    "%s", msg);
	ck_assert(has(&r.body, "Linje 2: Datoen for bestået kursus, »31-02-2027«, er ikke en "
	    "dato."));
	ck_assert(has(&r.body, "Linje 3: E-mailadressen »nina.ku.dk« er ikke gyldig."));
	ck_assert(!has(&r.body, "Linje 1:"));
	ck_assert(has(&r.body, "aria-describedby=\"liste-hint liste-error liste-linjer\""));
	/* What was pasted is kept, to be put right. */
	ck_assert(has(&r.body, "Nina;31-02-2027"));
	reply_free(&r);
	/* Nothing was recorded, not even the good line, and nobody became active. */
	ck_assert_int_eq(passes_of(student), 0);
	ck_assert_int_eq(passes_of(other), 0);
	ck_assert_int_eq(activated(sag), 0);
	ck_assert_int_eq(fees_of(sag), 0);

	/* From a file, the bad lines named the same way, and its text put in the field. */
	ck_assert_int_eq(post_list(&cw, NULL, NULL, list, &r), 422);
	field_error(&r.body, "fil", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "2 af listens 3 linjer har fejl.") != NULL, "%s", msg);
	ck_assert(has(&r.body, "id=\"liste-fra-fil\""));
	ck_assert(has(&r.body, "Linje 2: "));
	reply_free(&r);
	/* An empty send, and one with too many lines: refused whole. */
	ck_assert_int_eq(post_list(&cw, NULL, "", NULL, &r), 422);
	field_error(&r.body, "liste", msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "Listen er tom.") != NULL, "%s", msg);
	reply_free(&r);
	{
		struct buf big;
		int i;

		buf_init(&big, 0);
		for (i = 0; i < 2001; i++)
			buf_printf(&big, "p%d.%s@%s;P;%s\n", i, tag, domain, passed);
		ck_assert_int_eq(post_list(&cw, NULL, big.data, NULL, &r), 413);
		field_error(&r.body, "liste", msg, sizeof(msg));
		ck_assert_msg(strstr(msg, "mere end 2.000 linjer") != NULL, "%s", msg);
		reply_free(&r);
		buf_free(&big);
	}
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM certifications WHERE email LIKE "
	    "CONCAT('%', ?)", domain), 0);
}
END_TEST

START_TEST(an_expired_pass_leaves_the_access_waiting)
{
	char student[128], passed[CLOCK_DATE_LEN], until[CLOCK_DATE_LEN], loc[256], when[64];
	struct reply r;
	long long sag;

	sag = waiting_student("olga", student, sizeof(student));
	day_from_today(-800, passed);
	day_from_today(-70, until);
	ck_assert_int_eq(record(&cw, student, "Olga", passed, until, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strstr(loc, "aktive=0") != NULL, "%s", loc);
	ck_assert_int_eq(passes_of(student), 1);
	ck_assert_int_eq(activated(sag), 0);
	ck_assert_int_eq(fees_of(sag), 0);
	case_page(sag, &r);
	ck_assert(has(&r.body, "Adgangen er ikke aktiv."));
	ck_assert(has(&r.body, "Endnu ikke:</strong> Certificeringskurset er bestået (det sidste "
	    "bevis udløb"));
	reply_free(&r);
	/* FSE's list marks it as expired. */
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?soeg=%s", student), 200);
	ck_assert(has(&r.body, "badge-warning\">Udløbet"));
	danish_day(until, when, sizeof(when));
	ck_assert(has(&r.body, when));
	reply_free(&r);
}
END_TEST

START_TEST(a_withdrawn_pass_leaves_the_access_not_active)
{
	char student[128], passed[CLOCK_DATE_LEN], again[CLOCK_DATE_LEN], loc[256], msg[600];
	struct reply r;
	long long sag, id;

	sag = waiting_student("per", student, sizeof(student));
	day_from_today(-5, passed);
	ck_assert_int_eq(record(&cw, student, "Per", passed, NULL, &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strstr(loc, "aktive=1") != NULL, "%s", loc);
	id = atoll(loc + 41);
	ck_assert_int_eq(fees_of(sag), 1);

	/* The form for it, with the pass named; a reason is required. */
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?tilbagekald=%lld", id), 200);
	ck_assert(has(&r.body, "action=\"/fse/certificering/tilbagekald\""));
	ck_assert(has(&r.body, student));
	reply_free(&r);
	ck_assert_int_eq(withdraw(&cw, id, "", &r), 422);
	field_error(&r.body, "begrundelse", msg, sizeof(msg));
	ck_assert_str_eq(msg, "Skriv, hvorfor du tilbagekalder beståelsen.");
	reply_free(&r);
	ck_assert_int_eq(withdraw(&cw, id, "Registreret for den forkerte person.", &r), 303);
	ck_assert_int_eq(reply_done(&r, loc, sizeof(loc)), 303);
	ck_assert_msg(strstr(loc, "besked=tilbagekaldt") != NULL, "%s", loc);
	/* Withdrawn, never deleted: who, when and why stay. */
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM certifications WHERE id = ? AND "
	    "withdrawn_at IS NOT NULL AND withdraw_reason = 'Registreret for den forkerte person.'",
	    id), 1);
	ck_assert_int_eq(fixture_scalar_int("SELECT withdrawn_by FROM certifications WHERE id = ?",
	    id), cw.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'certification.withdraw' AND object_id = ?", id), 1);
	case_page(sag, &r);
	ck_assert(has(&r.body, "Adgangen er ikke aktiv."));
	ck_assert(has(&r.body, "Endnu ikke:</strong> Certificeringskurset er bestået"));
	reply_free(&r);
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?soeg=%s", student), 200);
	ck_assert(has(&r.body, "badge-error\">Tilbagekaldt"));
	ck_assert(has(&r.body, "Registreret for den forkerte person."));
	reply_free(&r);
	/* Twice is refused (409), and a pass that does not exist is 404. */
	ck_assert_int_eq(withdraw(&cw, id, "Igen.", &r), 409);
	reply_free(&r);
	ck_assert_int_eq(withdraw(&cw, 999999999999LL, "Ingen.", &r), 404);
	reply_free(&r);

	/* A new pass on another day makes it active again, with no second fee (R24). */
	day_from_today(-1, again);
	ck_assert_int_eq(record(&cw, student, "Per", again, NULL, &r), 303);
	reply_free(&r);
	case_page(sag, &r);
	ck_assert(has(&r.body, "Adgangen er aktiv:"));
	reply_free(&r);
	ck_assert_int_eq(fees_of(sag), 1);
	ck_assert_int_eq(passes_of(student), 2);
}
END_TEST

START_TEST(search_finds_by_address_or_name_newest_first)
{
	char a[128], b[128], passed[CLOCK_DATE_LEN];
	struct reply r;
	const char *pa, *pb;

	address(a, sizeof(a), "soeg");
	address(b, sizeof(b), "soeg");
	day_from_today(-1, passed);
	ck_assert_int_eq(record(&cw, a, "Første Søgeperson", passed, NULL, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(record(&cw, b, "Anden Søgeperson", passed, NULL, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?soeg=soeg.%s", tag), 200);
	ck_assert(has(&r.body, a) && has(&r.body, b));
	pa = strstr(r.body.data, a);
	pb = strstr(r.body.data, b);
	ck_assert_ptr_nonnull(pa);
	ck_assert_ptr_nonnull(pb);
	ck_assert_msg(pb < pa, "the newest first");
	reply_free(&r);
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?soeg=F%%C3%%B8rste+S%%C3%%B8geperson"),
	    200);
	ck_assert(has(&r.body, a) && !has(&r.body, b));
	reply_free(&r);
	/* A search that is a LIKE pattern finds only itself. */
	ck_assert_int_eq(get(&cw, &r, "/fse/certificering?soeg=%%25%%25%%25%%5F"), 200);
	ck_assert(has(&r.body, "Ingen beståelser passer på søgningen"));
	reply_free(&r);
	/* Who looked is kept (R33). */
	ck_assert_int_gt(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'certification.list' AND actor_id = ?", cw.uid), 0);
}
END_TEST

START_TEST(the_national_statistician_may_look_but_not_record)
{
	char email[128], passed[CLOCK_DATE_LEN];
	struct reply r;
	long long pass;

	address(email, sizeof(email), "rasmus");
	day_from_today(-1, passed);
	ck_assert_int_eq(record(&cw, email, "Rasmus", passed, NULL, &r), 303);
	reply_free(&r);
	pass = fixture_scalar("SELECT id FROM certifications WHERE email = ?", email);
	ck_assert_int_eq(get(&statistician, &r, "/fse/certificering"), 200);
	ck_assert(has(&r.body, email));
	ck_assert(!has(&r.body, "method=\"post\" action=\"/fse/certificering\""));
	ck_assert(!has(&r.body, "action=\"/fse/certificering/liste\""));
	ck_assert(has(&r.body, "method=\"get\" action=\"/fse/certificering\""));	/* search */
	ck_assert(!has(&r.body, "?tilbagekald="));
	ck_assert(has(&r.body, "kan registrere og tilbagekalde"));
	reply_free(&r);
	ck_assert_int_eq(record(&statistician, "x." "y@ku.dk", "X", passed, NULL, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(post_list(&statistician, NULL, "z.w@ku.dk;Z;01-01-2020\n", NULL, &r),
	    403);
	reply_free(&r);
	ck_assert_int_eq(withdraw(&statistician, pass, "Nej.", &r), 403);
	reply_free(&r);
	ck_assert_int_eq(passes_of("x.y@ku.dk") + passes_of("z.w@ku.dk"), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM certifications WHERE id = ? AND "
	    "withdrawn_at IS NULL", pass), 1);
}
END_TEST

/* The answer is what the policy table says (as tests/e2e/test_matrix checks every route). */
static void
as_the_policy_says(enum action a, const struct who *w, unsigned global, long status,
    const char *location)
{
	enum policy_decision want = policy_decide(a, w != NULL, global, 0, 1);

	switch (want) {
	case POLICY_LOGIN:
		ck_assert_int_eq(status, 303);
		ck_assert_msg(strncmp(location, "/konto/log-ind", 14) == 0, "%s", location);
		break;
	case POLICY_DENY:
		ck_assert_int_eq(status, 403);
		break;
	case POLICY_HIDE:
		ck_assert_int_eq(status, 404);
		break;
	case POLICY_ALLOW:
		ck_abort_msg("the policy lets this person in: %ld", status);
	}
}

START_TEST(people_outside_fse_are_refused_as_the_policy_says)
{
	struct who *const people[] = { &outsider, &admin, &supervisor, NULL };
	char loc[256], passed[CLOCK_DATE_LEN];
	struct who anon;
	struct reply r;
	size_t i;

	day_from_today(-1, passed);
	for (i = 0; i <= 3; i++) {
		struct who *w = people[i] ? people[i] : &anon;

		if (people[i] == NULL) {
			memset(&anon, 0, sizeof(anon));
			fixture_session(0, &anon.jar, anon.csrf);	/* a visitor's session */
		}
		client_get("/fse/certificering", &w->jar, &r);
		reply_header(&r, "Location", loc, sizeof(loc));
		as_the_policy_says(ACT_FSE_CERT_VIEW, people[i], 0, r.status, loc);
		ck_assert(!has(&r.body, "Certificeringskursus</h1>"));
		reply_free(&r);
		loc[0] = '\0';
		record(w, "intet.her@ku.dk", "Intet", passed, NULL, &r);
		reply_header(&r, "Location", loc, sizeof(loc));
		as_the_policy_says(ACT_FSE_CERT_RECORD, people[i], 0, r.status, loc);
		reply_free(&r);
		loc[0] = '\0';
		post_list(w, NULL, "intet.her@ku.dk;Intet;01-01-2020\n", NULL, &r);
		reply_header(&r, "Location", loc, sizeof(loc));
		as_the_policy_says(ACT_FSE_CERT_RECORD, people[i], 0, r.status, loc);
		reply_free(&r);
		loc[0] = '\0';
		withdraw(w, 1, "Nej.", &r);
		reply_header(&r, "Location", loc, sizeof(loc));
		as_the_policy_says(ACT_FSE_CERT_RECORD, people[i], 0, r.status, loc);
		reply_free(&r);
	}
	ck_assert_int_eq(passes_of("intet.her@ku.dk"), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("certification");
	TCase *tc = tcase_create("certification");
	int failed;

	/* The programs' day is the Danish one (lib/clock.h); so is the suite's. */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, a_caseworker_records_one_and_the_person_sees_it);
	tcase_add_test(tc, bad_input_is_refused_next_to_the_field);
	tcase_add_test(tc, a_list_turns_a_waiting_student_active_and_charges_once);
	tcase_add_test(tc, a_list_with_a_bad_line_records_nothing_and_names_it);
	tcase_add_test(tc, an_expired_pass_leaves_the_access_waiting);
	tcase_add_test(tc, a_withdrawn_pass_leaves_the_access_not_active);
	tcase_add_test(tc, search_finds_by_address_or_name_newest_first);
	tcase_add_test(tc, the_national_statistician_may_look_but_not_record);
	tcase_add_test(tc, people_outside_fse_are_refused_as_the_policy_says);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
