/*
 * Taking results home over HTTP through nginx (issue 14; R9, R10, R13, R22): a student whose
 * access is active (built in the database by tests/e2e/fixture_student: the signed Annex 1,
 * FSE's approval with an id, a live access ending in a year, the current user agreement
 * accepted, a certification) asks in
 * writing with two files; their supervisor downloads them, ticks FSE's checklist and approves;
 * the release rows hold the exact names, sizes and SHA-256 of the uploaded bytes, the student is
 * told and downloads the same bytes; the log is visible to the responsible, an administrator and
 * FSE, not to a signer. Refusals: a student approving (403), another supervisor (403), a student
 * without active access asking (409, with the reason), a checklist item not ticked (422, input
 * kept), a stale checklist (409), refusing without a reason (422), a file too large (413), a
 * type not taken, no confirmation of aggregated results; and FSE's checklist page.
 */
#include <check.h>
#include <curl/curl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check_run.h"
#include "../fixtures.h"
#include "client.h"
#include "files.h"
#include "fixture.h"
#include "fixture_student.h"
#include "maildir.h"
#include "policy.h"

#define B(r)	ROLE_BIT(ROLE_##r)
#define BOUNDARY "----portal-export-7f3c"

static long long auth_a, auth_b, project_a;
static char domain_a[64], number_a[64], number_b[64];
static struct who responsible, admin, supervisor, supervisor2, signer, fse, other;
static struct who active, idle;		/* students: access active, and not (no course) */
static long long active_case, idle_case;

static const char csv[] = "kommune;antal personer\r\n101;5321\r\n147;2204\r\n";

static void
person(struct who *w, const char *tag, unsigned roles, long long auth)
{
	char name[128];

	snprintf(w->email, sizeof(w->email), "%s.%ld@%s", tag, (long)getpid(),
	    auth == auth_b ? "exp-b.ku.dk" : domain_a);
	snprintf(name, sizeof(name), "Eksp %s %ld", tag, (long)getpid());
	w->uid = fixture_user(w->email, name);
	fixture_grant(w->uid, roles, auth);
	fixture_session(w->uid, &w->jar, w->csrf);
}

/* A student of supervisor whose access is active when certified (R14): what
 * lib/studentprogress.c reads, through the shared fixture. */
static long long
student(struct who *w, const char *tag, int certified)
{
	struct fx_student fx;
	char name[64];

	person(w, tag, B(STUDENT), auth_a);
	snprintf(name, sizeof(name), "Eksp %s", tag);
	memset(&fx, 0, sizeof(fx));
	fx.authorisation = auth_a;
	fx.supervisor = supervisor.uid;
	fx.project = project_a;
	fx.student_uid = w->uid;
	fx.name = name;
	fx.email = w->email;
	fx.has = certified ? FXS_ALL : FXS_ALL & ~FXS_CERTIFIED;
	return fixture_student(&fx, NULL);
}

/* FSE's checklist as a new current version, through the database (the page: its own test). */
static void
rules(const char *text)
{
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO export_rule_versions (text, "
	    "published_by) VALUES (?, ?)", "si", text, fse.uid), DB_OK);
}

static void
setup(void)
{
	struct db_result res;
	char name[128];

	fixture_open();
	snprintf(domain_a, sizeof(domain_a), "exp-a%ld.ku.dk", (long)getpid());
	snprintf(name, sizeof(name), "Eksportinstitut A %ld", (long)getpid());
	snprintf(number_a, sizeof(number_a), "E-A-%ld", (long)getpid());
	auth_a = fixture_authorisation(name, number_a, domain_a);
	snprintf(name, sizeof(name), "Eksportinstitut B %ld", (long)getpid());
	snprintf(number_b, sizeof(number_b), "E-B-%ld", (long)getpid());
	auth_b = fixture_authorisation(name, number_b, "exp-b.ku.dk");
	person(&responsible, "ansvarlig", B(RESPONSIBLE), auth_a);
	person(&admin, "administrator", B(ADMINISTRATOR), auth_a);
	person(&supervisor, "vejleder", B(SUPERVISOR), auth_a);
	person(&supervisor2, "vejleder2", B(SUPERVISOR), auth_a);
	person(&signer, "underskriver", B(SIGNER), auth_a);
	person(&other, "andet", B(RESPONSIBLE) | B(SUPERVISOR), auth_b);
	person(&fse, "fse", B(FSE_CASEWORKER), 0);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('project', 'approved', ?, ?, 'Indkomst', "
	    "'titel=Indkomst')", "ii", supervisor.uid, auth_a), DB_OK);
	project_a = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(name, sizeof(name), "PE-%ld", (long)getpid());
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO projects (case_id, authorisation_id, "
	    "number, title) VALUES (?, ?, ?, 'Indkomst og uddannelse')", "iis", project_a, auth_a,
	    name), DB_OK);
	active_case = student(&active, "aktiv", 1);
	idle_case = student(&idle, "uden", 0);
	rules("Kun aggregerede resultater\nIngen celler med færre end 5 personer\n"
	    "Ingen personnumre eller adresser\n");
}

/* One file part of a multipart body. */
struct part {
	const char	*name, *filename, *type;
	const void	*data;
	size_t		 len;
};

/* A multipart/form-data POST: the text fields as name, value pairs (NULL-terminated), then the
 * file parts. */
static long
post_multipart(struct who *w, const char *path, const char *const *fields,
    const struct part *parts, size_t nparts, struct reply *r)
{
	struct buf body;
	char ctype[96];
	size_t i;

	buf_init(&body, 0);
	for (i = 0; fields[i]; i += 2)
		buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\""
		    "\r\n\r\n%s\r\n", fields[i], fields[i + 1]);
	for (i = 0; i < nparts; i++) {
		buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\"; "
		    "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n", parts[i].name, parts[i].filename,
		    parts[i].type);
		buf_append(&body, parts[i].data, parts[i].len);
		buf_puts(&body, "\r\n");
	}
	buf_puts(&body, "--" BOUNDARY "--\r\n");
	snprintf(ctype, sizeof(ctype), "multipart/form-data; boundary=%s", BOUNDARY);
	client_request("POST", path, ctype, body.data, body.len, NULL, &w->jar, r);
	buf_free(&body);
	return r->status;
}

/* The student's request: one CSV file (and a PNG when png is given), contents, aggregated. */
static long
ask(struct who *w, const char *contents, const char *aggregated, const struct buf *png,
    struct reply *r)
{
	char id[32];
	const char *fields[] = { "csrf", w->csrf, "id", id, "engangsnoegle", client_new_key(),
		"indhold_1", contents, "indhold_2", png ? "Figur: indkomst efter uddannelse, "
		"gennemsnit pr. gruppe" : "", "aggregeret", aggregated, NULL };
	struct part parts[2] = {
		{ "fil_1", "tabel 1.csv", "text/csv", csv, sizeof(csv) - 1 },
		{ "fil_2", "figur.png", "image/png", png ? png->data : NULL, png ? png->len : 0 },
	};

	snprintf(id, sizeof(id), "%lld", auth_a);
	return post_multipart(w, "/studerende/hjemtagelse", fields, parts, png ? 2 : 1, r);
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

static long long
request_of(long long sag)
{
	return fixture_scalar_int("SELECT COALESCE(MAX(id), 0) FROM export_requests WHERE "
	    "student_case_id = ?", sag);
}

static const char *
state_of(long long request)
{
	static char state[16];
	struct db_result res;

	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT state FROM export_requests WHERE id = ?", "i",
	    request), DB_OK);
	ck_assert_uint_eq(res.nrows, 1);
	snprintf(state, sizeof(state), "%s", db_cell(&res, 0, 0));
	db_result_free(&res);
	return state;
}

/* The checklist version the supervisor's page offers (the hidden field regler). */
static long long
rules_on_page(struct who *w, long long request)
{
	struct reply r;
	char v[32];

	ck_assert_int_eq(get(w, &r, "/studerende/hjemtagelse/anmodning?id=%lld&anmodning=%lld",
	    auth_a, request), 200);
	ck_assert_int_eq(html_input_value(&r.body, "regler", v, sizeof(v)), 0);
	reply_free(&r);
	return atoll(v);
}

/* POST godkend with the first `ticks` of three items ticked. */
static long
approve(struct who *w, long long request, long long version, int ticks, const char *note,
    struct reply *r)
{
	char a[32], q[32], v[32];

	snprintf(a, sizeof(a), "%lld", auth_a);
	snprintf(q, sizeof(q), "%lld", request);
	snprintf(v, sizeof(v), "%lld", version);
	client_post_form("/studerende/hjemtagelse/godkend", &w->jar, r, "csrf", w->csrf, "id", a,
	    "anmodning", q, "regler", v, "note", note ? note : "",
	    ticks > 0 ? "punkt_1" : "x1", "ja", ticks > 1 ? "punkt_2" : "x2", "ja",
	    ticks > 2 ? "punkt_3" : "x3", "ja", NULL);
	return r->status;
}

static long
refuse(struct who *w, long long request, const char *reason, struct reply *r)
{
	char a[32], q[32];

	snprintf(a, sizeof(a), "%lld", auth_a);
	snprintf(q, sizeof(q), "%lld", request);
	client_post_form("/studerende/hjemtagelse/afvis", &w->jar, r, "csrf", w->csrf, "id", a,
	    "anmodning", q, "begrundelse", reason, NULL);
	return r->status;
}

static void
sha256_hex(const void *p, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* The released file of request named name: its row checked against the bytes. */
static void
assert_released(long long request, const char *name, const void *bytes, size_t len)
{
	struct db_result res;
	char sha[65];

	sha256_hex(bytes, len, sha);
	ck_assert_int_eq(db_exec(fx_db, &res, "SELECT size_bytes, sha256 FROM "
	    "export_released_files WHERE request_id = ? AND name = ?", "is", request, name), DB_OK);
	ck_assert_msg(res.nrows == 1, "no release row for %s", name);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), (long long)len);
	ck_assert_str_eq(db_cell(&res, 0, 1), sha);
	db_result_free(&res);
}

START_TEST(the_student_asks_and_the_supervisor_approves)
{
	char loc[256], hdr[512], sha[65];
	struct buf png;
	struct reply r;
	long long request, version, csv_file;

	/* The student's own page links to the request page, which offers the form. */
	ck_assert_int_eq(get(&active, &r, "/studerende/mig?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "/studerende/hjemtagelse?id="));
	reply_free(&r);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "name=\"fil_1\""));
	ck_assert(has(&r.body, "name=\"aggregeret\""));
	ck_assert(has(&r.body, "id=\"ingen-anmodninger\""));
	ck_assert(!has(&r.body, "R22"));
	reply_free(&r);

	ck_assert_int_eq(fx_png(&png, 60, 40), 0);
	ck_assert_int_eq(ask(&active, "Antal personer pr. kommune, 2020", "ja", &png, &r), 303);
	ck_assert_int_eq(reply_header(&r, "Location", loc, sizeof(loc)), 0);
	ck_assert_ptr_nonnull(strstr(loc, "besked=sendt"));
	reply_free(&r);
	request = request_of(active_case);
	ck_assert_int_gt(request, 0);
	ck_assert_str_eq(state_of(request), "requested");
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_request_files WHERE "
	    "request_id = ?", request), 2);
	ck_assert_int_eq(fixture_scalar_int("SELECT requested_by FROM export_requests WHERE id = ?",
	    request), active.uid);
	/* R13: the supervisor is asked by mail, with a link to the request. */
	ck_assert_int_eq(maildir_count(supervisor.email, "beder dig om at tage resultater med hjem",
	    20), 1);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse?id=%lld&besked=sendt", auth_a),
	    200);
	ck_assert(has(&r.body, "tabel 1.csv"));
	ck_assert(has(&r.body, "Venter på vejlederen"));
	reply_free(&r);

	/* R32: the request waits for the supervisor under Mine sager, for nobody else. */
	ck_assert_int_eq(get(&supervisor, &r, "/ansoegning"), 200);
	ck_assert(has(&r.body, "id=\"til-hjemtagelse\""));
	snprintf(loc, sizeof(loc), "anmodning=%lld\"", request);
	ck_assert(has(&r.body, loc));
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor2, &r, "/ansoegning"), 200);
	ck_assert(!has(&r.body, "id=\"til-hjemtagelse\""));
	reply_free(&r);

	/* The supervisor: from the student's case page to the request. */
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/sag?id=%lld&sag=%lld", auth_a,
	    active_case), 200);
	ck_assert(has(&r.body, "/studerende/hjemtagelse/anmodninger?id="));
	ck_assert(has(&r.body, "1 venter på dig"));
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/anmodninger?id=%lld&sag="
	    "%lld", auth_a, active_case), 200);
	ck_assert(has(&r.body, "anmodning="));
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/anmodning?id=%lld&"
	    "anmodning=%lld", auth_a, request), 200);
	ck_assert(has(&r.body, "tabel 1.csv"));
	ck_assert(has(&r.body, "figur.png"));
	ck_assert(has(&r.body, "Antal personer pr. kommune, 2020"));
	ck_assert(has(&r.body, "Ingen celler med færre end 5 personer"));
	ck_assert(has(&r.body, "name=\"punkt_3\""));
	reply_free(&r);

	/* The supervisor downloads exactly what was uploaded; the read is on record (R33). */
	csv_file = fixture_scalar_int("SELECT file_id FROM export_request_files WHERE request_id = "
	    "? AND position = 1", request);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/hent?id=%lld&anmodning=%lld"
	    "&fil=%lld", auth_a, request, csv_file), 200);
	ck_assert_uint_eq(r.body.len, sizeof(csv) - 1);
	ck_assert(memcmp(r.body.data, csv, r.body.len) == 0);
	ck_assert_int_eq(reply_header(&r, "Content-Disposition", hdr, sizeof(hdr)), 0);
	ck_assert_ptr_nonnull(strstr(hdr, "attachment"));
	ck_assert_ptr_nonnull(strstr(hdr, "tabel 1.csv"));
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'export.file.read' AND object_id = ?", csv_file), 1);
	/* Not through /fil, and not to the student before it is released. */
	ck_assert_int_eq(get(&supervisor, &r, "/fil?id=%lld", csv_file), 404);
	reply_free(&r);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse/fil?id=%lld&anmodning=%lld&fil="
	    "%lld", auth_a, request, csv_file), 404);
	reply_free(&r);

	/* Every item ticked: approved with a note; what was released is on record. */
	version = rules_on_page(&supervisor, request);
	ck_assert_int_eq(approve(&supervisor, request, version, 3, "Fint: tabellerne er "
	    "aggregerede.", &r), 303);
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "approved");
	ck_assert_int_eq(fixture_scalar_int("SELECT rules_version_id FROM export_requests WHERE id "
	    "= ?", request), version);
	ck_assert_int_eq(fixture_scalar_int("SELECT decided_by FROM export_requests WHERE id = ?",
	    request), supervisor.uid);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_released_files WHERE "
	    "request_id = ?", request), 2);
	assert_released(request, "tabel 1.csv", csv, sizeof(csv) - 1);
	assert_released(request, "figur.png", png.data, png.len);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'export.approve' AND object_id = ?", active_case), 1);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/anmodning?id=%lld&"
	    "anmodning=%lld&besked=godkendt", auth_a, request), 200);
	ck_assert(has(&r.body, "Godkendt"));
	ck_assert(!has(&r.body, "name=\"punkt_1\""));	/* decided: no form */
	reply_free(&r);

	/* The student is told, and downloads the released bytes. */
	ck_assert_int_eq(maildir_count(active.email, "godkendt, at de hjemtages", 20), 1);
	ck_assert_int_eq(maildir_count(active.email, "tabel 1.csv", 20), 1);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "Fint: tabellerne er aggregerede."));
	ck_assert(has(&r.body, "/studerende/hjemtagelse/fil?id="));
	reply_free(&r);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse/fil?id=%lld&anmodning=%lld&fil="
	    "%lld", auth_a, request, csv_file), 200);
	ck_assert_uint_eq(r.body.len, sizeof(csv) - 1);
	ck_assert(memcmp(r.body.data, csv, r.body.len) == 0);
	reply_free(&r);
	/* Another student of the same authorisation does not see it. */
	ck_assert_int_eq(get(&idle, &r, "/studerende/hjemtagelse/fil?id=%lld&anmodning=%lld&fil="
	    "%lld", auth_a, request, csv_file), 404);
	reply_free(&r);

	/* The log: the responsible, an administrator and FSE; not a signer, nor another place. */
	sha256_hex(png.data, png.len, sha);
	ck_assert_int_eq(get(&admin, &r, "/studerende?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "/studerende/hjemtagelse/log?id="));
	reply_free(&r);
	ck_assert_int_eq(get(&admin, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "tabel 1.csv"));
	ck_assert(has(&r.body, sha));
	ck_assert(has(&r.body, "Eksp vejleder"));	/* who decided */
	ck_assert(has(&r.body, "Eksp aktiv"));		/* who asked */
	{
		char size[32];

		snprintf(size, sizeof(size), "%zu bytes", png.len);
		ck_assert(has(&r.body, size));
	}
	reply_free(&r);
	ck_assert_int_eq(get(&fse, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, sha));
	reply_free(&r);
	ck_assert_int_eq(get(&responsible, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a),
	    200);
	reply_free(&r);
	ck_assert_int_eq(get(&signer, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 403);
	ck_assert(!has(&r.body, sha));
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&other, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 404);
	reply_free(&r);
	buf_free(&png);
}
END_TEST

START_TEST(only_the_students_own_supervisor_decides)
{
	long long request, version, files_before;
	struct reply r;

	ck_assert_int_eq(ask(&active, "Antal personer pr. kommune", "ja", NULL, &r), 303);
	reply_free(&r);
	request = request_of(active_case);
	version = rules_on_page(&supervisor, request);

	/* R10: students never approve; R13: another supervisor, an administrator neither. */
	ck_assert_int_eq(approve(&active, request, version, 3, NULL, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(approve(&supervisor2, request, version, 3, NULL, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(approve(&admin, request, version, 3, NULL, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(refuse(&supervisor2, request, "Nej.", &r), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor2, &r, "/studerende/hjemtagelse/anmodning?id=%lld&"
	    "anmodning=%lld", auth_a, request), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor2, &r, "/studerende/hjemtagelse/anmodninger?id=%lld&sag="
	    "%lld", auth_a, active_case), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse/anmodning?id=%lld&anmodning="
	    "%lld", auth_a, request), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&other, &r, "/studerende/hjemtagelse/anmodning?id=%lld&anmodning="
	    "%lld", auth_a, request), 404);
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "requested");

	/* "Approves with a note": without one, the message at the field. */
	ck_assert_int_eq(approve(&supervisor, request, version, 3, " ", &r), 422);
	ck_assert(has(&r.body, "Skriv en kort note til den studerende"));
	reply_free(&r);
	/* Two of three items ticked: 422, the ticks and the note kept, nothing released. */
	ck_assert_int_eq(approve(&supervisor, request, version, 2, "Min note til den studerende",
	    &r), 422);
	ck_assert(has(&r.body, "tjekliste-error"));
	ck_assert(has(&r.body, "(1 mangler)"));
	ck_assert(has(&r.body, "Min note til den studerende</textarea>"));
	ck_assert(has(&r.body, "name=\"punkt_2\" value=\"ja\" checked"));
	ck_assert(!has(&r.body, "name=\"punkt_3\" value=\"ja\" checked"));
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "requested");
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_released_files WHERE "
	    "request_id = ?", request), 0);

	/* FSE changes the checklist meanwhile: the old version is not approved against. */
	rules("Kun aggregerede resultater\nIngen celler med færre end 5 personer\n"
	    "Ingen personnumre eller adresser\nIngen datoer for enkeltpersoner\n");
	ck_assert_int_eq(approve(&supervisor, request, version, 3, "Noten", &r), 409);
	ck_assert(has(&r.body, "ændret tjeklisten"));
	ck_assert(has(&r.body, "Ingen datoer for enkeltpersoner"));
	ck_assert(has(&r.body, "Noten</textarea>"));
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "requested");

	/* Refused without a reason: 422; with one: refused, and the student told why. */
	ck_assert_int_eq(refuse(&supervisor, request, "  ", &r), 422);
	ck_assert(has(&r.body, "begrundelse-error"));
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "requested");
	ck_assert_int_eq(refuse(&supervisor, request, "Tabel 2 har celler med 3 personer.", &r),
	    303);
	reply_free(&r);
	ck_assert_str_eq(state_of(request), "refused");
	ck_assert_int_eq(maildir_count(active.email, "Tabel 2 har celler med 3 personer.", 20), 1);
	ck_assert_int_eq(get(&active, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "Afvist"));
	ck_assert(has(&r.body, "Tabel 2 har celler med 3 personer."));
	reply_free(&r);
	/* Decided once: a later approval finds it decided and releases nothing. */
	files_before = fixture_scalar_int("SELECT COUNT(*) FROM export_released_files WHERE "
	    "request_id = ?", request);
	ck_assert_int_eq(approve(&supervisor, request, fixture_scalar_int("SELECT MAX(id) FROM "
	    "export_rule_versions WHERE id > ?", 0), 3, NULL, &r), 409);
	ck_assert(has(&r.body, "allerede afgjort"));
	reply_free(&r);
	ck_assert_int_eq(files_before, 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_released_files WHERE "
	    "request_id = ?", request), 0);
	ck_assert_str_eq(state_of(request), "refused");
	/* The log shows the refusal's reason. */
	ck_assert_int_eq(get(&admin, &r, "/studerende/hjemtagelse/log?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "Tabel 2 har celler med 3 personer."));
	reply_free(&r);
}
END_TEST

START_TEST(only_an_active_access_asks)
{
	struct who nocase;
	struct reply r;

	/* R14: no certification, so the access is not active: no form, and a request refused. */
	ck_assert_int_eq(get(&idle, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "id=\"ikke-aktiv\""));
	ck_assert(!has(&r.body, "name=\"fil_1\""));
	reply_free(&r);
	ck_assert_int_eq(ask(&idle, "Antal personer pr. kommune", "ja", NULL, &r), 409);
	ck_assert(has(&r.body, "adgang til projektet ikke er aktiv"));
	reply_free(&r);
	ck_assert_int_eq(request_of(idle_case), 0);
	/* Once the course is recorded, the same student may ask. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO certifications (email, name, passed_on, "
	    "recorded_by) VALUES (?, 'uden', '2021-01-01', ?)", "si", idle.email, fse.uid), DB_OK);
	ck_assert_int_eq(ask(&idle, "Antal personer pr. kommune", "ja", NULL, &r), 303);
	reply_free(&r);
	ck_assert_int_gt(request_of(idle_case), 0);
	/* R11: a sanction in force stops it again. */
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO access_sanctions (student_case_id, "
	    "authorisation_id, reason, imposed_by) VALUES (?, ?, 'Brud på reglerne', ?)", "iii",
	    idle_case, auth_a, admin.uid), DB_OK);
	ck_assert_int_eq(ask(&idle, "Endnu en tabel", "ja", NULL, &r), 409);
	reply_free(&r);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_requests WHERE "
	    "student_case_id = ?", idle_case), 1);

	/* A student with no case at all. */
	memset(&nocase, 0, sizeof(nocase));
	person(&nocase, "ingen-sag", B(STUDENT), auth_a);
	ck_assert_int_eq(get(&nocase, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 200);
	ck_assert(has(&r.body, "id=\"ingen-sag\""));
	reply_free(&r);
	ck_assert_int_eq(ask(&nocase, "Antal", "ja", NULL, &r), 409);
	reply_free(&r);
	/* Not a student: the request page is not theirs (R10: the export right is a supervisor's,
	 * asking a student's). */
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse?id=%lld", auth_a), 403);
	reply_free(&r);
	ck_assert_int_eq(ask(&supervisor, "Antal", "ja", NULL, &r), 403);
	reply_free(&r);
}
END_TEST

START_TEST(the_form_refuses_at_the_field)
{
	const char *key = client_new_key();
	char id[32];
	struct buf big, junk;
	struct reply r;
	long long files = fixture_scalar("SELECT COUNT(*) FROM files WHERE purpose = ?", "export");
	size_t i;

	snprintf(id, sizeof(id), "%lld", auth_a);
	/* No confirmation of aggregated results: 422, what was typed kept. */
	ck_assert_int_eq(ask(&active, "Antal personer pr. kommune", "", NULL, &r), 422);
	ck_assert(has(&r.body, "aggregeret-error"));
	ck_assert(has(&r.body, "href=\"#aggregeret\""));
	ck_assert(has(&r.body, "Antal personer pr. kommune</textarea>"));
	ck_assert(has(&r.body, "id=\"vaelg-igen\""));
	reply_free(&r);
	/* A file without what it contains. */
	ck_assert_int_eq(ask(&active, "", "ja", NULL, &r), 422);
	ck_assert(has(&r.body, "indhold_1-error"));
	reply_free(&r);

	/* One byte over the file's cap: 413, with the message at the field. */
	buf_init(&big, 0);
	for (i = 0; i < FILES_EXPORT_MAX_BYTES + 1; i++)
		buf_append(&big, "7", 1);
	{
		const char *fields[] = { "csrf", active.csrf, "id", id, "engangsnoegle", key,
			"indhold_1", "En stor tabel", "aggregeret", "ja", NULL };
		struct part p = { "fil_1", "stor.csv", "text/csv", big.data, big.len };

		ck_assert_int_eq(post_multipart(&active, "/studerende/hjemtagelse", fields, &p, 1,
		    &r), 413);
		ck_assert(has(&r.body, "fil_1-error"));
		ck_assert(has(&r.body, "Den må højst fylde 2 MB."));
		ck_assert(has(&r.body, "En stor tabel</textarea>"));
		reply_free(&r);
		/* Over nginx's cap: 413 before any program reads it. */
		while (big.len < 9 * 1024 * 1024)
			buf_append(&big, "7", 1);
		p.len = big.len;
		p.data = big.data;
		ck_assert_int_eq(post_multipart(&active, "/studerende/hjemtagelse", fields, &p, 1,
		    &r), 413);
		reply_free(&r);
	}
	/* A type that is not results: refused by its bytes, whatever it is called. */
	buf_init(&junk, 0);
	for (i = 0; i < 512; i++) {
		unsigned char c = (unsigned char)(i * 37 + 11);

		buf_append(&junk, (const char *)&c, 1);
	}
	{
		const char *fields[] = { "csrf", active.csrf, "id", id, "engangsnoegle", key,
			"indhold_1", "Noget", "aggregeret", "ja", NULL };
		struct part p = { "fil_1", "tabel.csv", "text/csv", junk.data, junk.len };

		ck_assert_int_eq(post_multipart(&active, "/studerende/hjemtagelse", fields, &p, 1,
		    &r), 422);
		ck_assert(has(&r.body, "Filen skal være en tabel som tekst"));
		reply_free(&r);
	}
	/* Nothing half-written by any of it. */
	ck_assert_int_eq(request_of(active_case), 0);
	ck_assert_int_eq(fixture_scalar("SELECT COUNT(*) FROM files WHERE purpose = ?", "export"),
	    files);
	/* The same form sent twice makes one request (the one-time key). */
	{
		const char *fields[] = { "csrf", active.csrf, "id", id, "engangsnoegle", key,
			"indhold_1", "Antal", "aggregeret", "ja", NULL };
		struct part p = { "fil_1", "tabel.csv", "text/csv", csv, sizeof(csv) - 1 };

		ck_assert_int_eq(post_multipart(&active, "/studerende/hjemtagelse", fields, &p, 1,
		    &r), 303);
		reply_free(&r);
		ck_assert_int_eq(post_multipart(&active, "/studerende/hjemtagelse", fields, &p, 1,
		    &r), 303);
		reply_free(&r);
	}
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_requests WHERE "
	    "student_case_id = ?", active_case), 1);
	buf_free(&big);
	buf_free(&junk);
}
END_TEST

START_TEST(fse_keeps_the_checklist)
{
	char *text;
	struct reply r;
	long long before = fixture_scalar_int("SELECT COUNT(*) FROM export_rule_versions WHERE "
	    "id > ?", 0);
	size_t i, n;

	ck_assert_int_eq(get(&fse, &r, "/fse"), 200);
	ck_assert(has(&r.body, "/fse/hjemtagelsesregler"));
	reply_free(&r);
	ck_assert_int_eq(get(&fse, &r, "/fse/hjemtagelsesregler"), 200);
	ck_assert(has(&r.body, "Ingen personnumre eller adresser"));
	ck_assert(has(&r.body, "name=\"tekst\""));
	reply_free(&r);
	ck_assert_int_eq(get(&signer, &r, "/fse/hjemtagelsesregler"), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, &r, "/fse/hjemtagelsesregler"), 403);
	reply_free(&r);

	/* Refused at the field, the text kept: blank, and more than 30 items. */
	client_post_form("/fse/hjemtagelsesregler", &fse.jar, &r, "csrf", fse.csrf,
	    "engangsnoegle", client_new_key(), "tekst", " \n \n", NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "tekst-error"));
	reply_free(&r);
	ck_assert_ptr_nonnull(text = calloc(1, 31 * 12 + 1));
	for (i = 0, n = 0; i < 31; i++)
		n += (size_t)snprintf(text + n, 31 * 12 + 1 - n, "Punkt %02zu\n", i);
	client_post_form("/fse/hjemtagelsesregler", &fse.jar, &r, "csrf", fse.csrf,
	    "engangsnoegle", client_new_key(), "tekst", text, NULL);
	ck_assert_int_eq(r.status, 422);
	ck_assert(has(&r.body, "højst have 30 punkter"));
	ck_assert(has(&r.body, "Punkt 30"));
	reply_free(&r);
	free(text);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM export_rule_versions WHERE id > "
	    "?", 0), before);

	/* Published: trimmed to its items, one a line; the supervisors check against it. */
	client_post_form("/fse/hjemtagelsesregler", &fse.jar, &r, "csrf", fse.csrf,
	    "engangsnoegle", client_new_key(), "tekst", "  Kun tabeller  \r\n\r\nIngen små "
	    "celler\n", NULL);
	ck_assert_int_eq(r.status, 303);
	reply_free(&r);
	{
		struct db_result res;

		ck_assert_int_eq(db_exec(fx_db, &res, "SELECT text, published_by FROM "
		    "export_rule_versions ORDER BY id DESC LIMIT 1", ""), DB_OK);
		ck_assert_str_eq(db_cell(&res, 0, 0), "Kun tabeller\nIngen små celler\n");
		ck_assert_int_eq(db_cell_int(&res, 0, 1, 0), fse.uid);
		db_result_free(&res);
	}
	ck_assert_int_eq(get(&fse, &r, "/fse/hjemtagelsesregler?besked=offentliggjort"), 200);
	ck_assert(has(&r.body, "<li>Ingen små celler</li>"));
	ck_assert(has(&r.body, "Tidligere udgaver"));
	reply_free(&r);
	ck_assert_int_eq(ask(&active, "Antal", "ja", NULL, &r), 303);
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, &r, "/studerende/hjemtagelse/anmodning?id=%lld&"
	    "anmodning=%lld", auth_a, request_of(active_case)), 200);
	ck_assert(has(&r.body, "Ingen små celler"));
	ck_assert(!has(&r.body, "name=\"punkt_3\""));
	reply_free(&r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("exports");
	TCase *tc = tcase_create("exports");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, the_student_asks_and_the_supervisor_approves);
	tcase_add_test(tc, only_the_students_own_supervisor_decides);
	tcase_add_test(tc, only_an_active_access_asks);
	tcase_add_test(tc, the_form_refuses_at_the_field);
	tcase_add_test(tc, fse_keeps_the_checklist);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
