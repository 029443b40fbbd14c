/*
 * Uploaded files over HTTP through nginx (issue 10): the responsible uploads the institution's
 * logo that Annex 1 carries (R26), the pages show it, /fil serves it with its real type, its
 * name in RFC 6266 / RFC 5987 form, nosniff and no-store, to the authorisation's people and FSE
 * only (another institution: 404, R33); a PNG called .jpg is stored as a PNG, a text called
 * .png is refused at the field, a file over the field's cap is refused at the field and a body
 * over nginx's cap gets 413; a new upload replaces the logo and the history keeps both.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check_run.h"
#include "../fixtures.h"
#include "client.h"
#include "files.h"
#include "fixture.h"
#include "policy.h"

#define B(r)	ROLE_BIT(ROLE_##r)
#define BOUNDARY "----portal-test-7d1f"

static long long auth_a, auth_b;
static struct who responsible, supervisor, other, fse, anonymous;

static void
person(struct who *w, const char *tag, unsigned roles, long long auth)
{
	char email[128], name[128];

	snprintf(email, sizeof(email), "%s.%ld@%s", tag, (long)getpid(),
	    auth == auth_b ? "fil-b.ku.dk" : "fil-a.ku.dk");
	snprintf(name, sizeof(name), "Fil %s %ld", tag, (long)getpid());
	w->uid = fixture_user(email, name);
	fixture_grant(w->uid, roles, auth);
	fixture_session(w->uid, &w->jar, w->csrf);
}

static void
setup(void)
{
	char name[128], number[64];

	fixture_open();
	snprintf(name, sizeof(name), "Filinstitut A %ld", (long)getpid());
	snprintf(number, sizeof(number), "F-A-%ld", (long)getpid());
	auth_a = fixture_authorisation(name, number, "fil-a.ku.dk");
	snprintf(name, sizeof(name), "Filinstitut B %ld", (long)getpid());
	snprintf(number, sizeof(number), "F-B-%ld", (long)getpid());
	auth_b = fixture_authorisation(name, number, "fil-b.ku.dk");
	person(&responsible, "ansvarlig", B(RESPONSIBLE), auth_a);
	person(&supervisor, "vejleder", B(SUPERVISOR), auth_a);
	person(&other, "andet-institut", B(RESPONSIBLE), auth_b);
	person(&fse, "fse", B(FSE_CASEWORKER), 0);
	fixture_session(0, &anonymous.jar, anonymous.csrf);
}

/* POST /autorisation/logo as multipart/form-data: csrf, id, the submission key (key, or a
 * fresh one when NULL) and the file part. */
static long
upload_keyed(struct who *w, long long auth, const char *key, const char *filename,
    const struct buf *bytes, struct reply *r)
{
	struct buf body;
	char ctype[96];

	buf_init(&body, 0);
	buf_printf(&body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "%s\r\n--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n%lld\r\n"
	    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"engangsnoegle\"\r\n\r\n%s\r\n"
	    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"%s\"\r\n"
	    "Content-Type: image/png\r\n\r\n", w->csrf, auth, key ? key : client_new_key(),
	    filename);
	if (bytes)
		buf_append(&body, bytes->data, bytes->len);
	buf_puts(&body, "\r\n--" BOUNDARY "--\r\n");
	snprintf(ctype, sizeof(ctype), "multipart/form-data; boundary=%s", BOUNDARY);
	client_request("POST", "/autorisation/logo", ctype, body.data, body.len, NULL, &w->jar, r);
	buf_free(&body);
	return r->status;
}

static long
upload(struct who *w, long long auth, const char *filename, const struct buf *bytes,
    struct reply *r)
{
	return upload_keyed(w, auth, NULL, filename, bytes, r);
}

static long long
files_of(long long auth)
{
	return fixture_scalar_int("SELECT COUNT(*) FROM files WHERE authorisation_id = ?", auth);
}

static long long
current_logo(long long auth)
{
	return fixture_scalar_int("SELECT COALESCE(MAX(id), 0) FROM files WHERE authorisation_id = "
	    "? AND purpose = 'logo' AND is_current = 1", auth);
}

/* GET prefix followed by the id (and rest, e.g. "&besked=gemt"). */
static long
get_id(struct who *w, const char *prefix, long long id, const char *rest, struct reply *r)
{
	char path[160];

	snprintf(path, sizeof(path), "%s%lld%s", prefix, id, rest);
	client_get(path, &w->jar, r);
	return r->status;
}
#define get(w, prefix, id, r)	get_id(w, prefix, id, "", r)

START_TEST(logo_uploaded_shown_and_served)
{
	char loc[256], hdr[512], path[64], key[SESSION_TOKEN_CHARS + 1];
	struct buf png;
	struct reply r;
	long long id, files;

	ck_assert_int_eq(fx_png(&png, 240, 80), 0);
	ck_assert_int_eq(get(&responsible, "/autorisation/logo?id=", auth_a, &r), 200);
	ck_assert(has(&r.body, "Der er ikke uploadet et logo endnu"));
	ck_assert(has(&r.body, "enctype=\"multipart/form-data\""));
	ck_assert_int_eq(html_input_value(&r.body, "engangsnoegle", key, sizeof(key)), 0);
	reply_free(&r);

	ck_assert_int_eq(upload_keyed(&responsible, auth_a, key, "logo.png", &png, &r), 303);
	reply_header(&r, "Location", loc, sizeof(loc));
	snprintf(path, sizeof(path), "/autorisation/logo?id=%lld&besked=gemt", auth_a);
	ck_assert_str_eq(loc, path);
	reply_free(&r);
	ck_assert_int_gt(id = current_logo(auth_a), 0);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'authorisation.logo' AND object_id = ?", auth_a), 1);
	/* The same form sent again (issue 12): the same answer, no second upload. */
	files = files_of(auth_a);
	ck_assert_int_eq(upload_keyed(&responsible, auth_a, key, "logo.png", &png, &r), 303);
	reply_header(&r, "Location", hdr, sizeof(hdr));
	ck_assert_str_eq(hdr, loc);
	reply_free(&r);
	ck_assert_int_eq(files_of(auth_a), files);
	ck_assert_int_eq(current_logo(auth_a), id);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM audit_events WHERE action = "
	    "'authorisation.logo' AND object_id = ?", auth_a), 1);

	/* The page shows it, and so does the authorisation's roles page. */
	ck_assert_int_eq(get_id(&responsible, "/autorisation/logo?id=", auth_a, "&besked=gemt", &r),
	    200);
	snprintf(path, sizeof(path), "src=\"/fil?id=%lld\"", id);
	ck_assert(has(&r.body, "Logoet er gemt"));
	ck_assert(has(&r.body, path));
	ck_assert(has(&r.body, "240 × 80 pixel"));
	reply_free(&r);
	ck_assert_int_eq(get(&responsible, "/autorisation/roller?id=", auth_a, &r), 200);
	ck_assert(has(&r.body, path));
	reply_free(&r);

	/* The download: its real type, inline (an image), its name, nosniff, no-store. */
	ck_assert_int_eq(get(&responsible, "/fil?id=", id, &r), 200);
	ck_assert_int_eq(reply_header(&r, "Content-Type", hdr, sizeof(hdr)), 0);
	ck_assert_str_eq(hdr, "image/png");
	ck_assert_int_eq(reply_header(&r, "Content-Disposition", hdr, sizeof(hdr)), 0);
	ck_assert_str_eq(hdr, "inline; filename=\"logo.png\"; filename*=UTF-8''logo.png");
	ck_assert_int_eq(reply_header(&r, "X-Content-Type-Options", hdr, sizeof(hdr)), 0);
	ck_assert_str_eq(hdr, "nosniff");
	ck_assert_int_eq(reply_header(&r, "Cache-Control", hdr, sizeof(hdr)), 0);
	ck_assert(strstr(hdr, "no-store") != NULL);
	ck_assert_uint_eq(r.body.len, png.len);
	ck_assert(memcmp(r.body.data, png.data, png.len) == 0);
	reply_free(&r);

	/* Those on the authorisation and FSE see it; the supervisor may not change it. */
	ck_assert_int_eq(get(&supervisor, "/fil?id=", id, &r), 200);
	reply_free(&r);
	ck_assert_int_eq(get(&supervisor, "/autorisation/logo?id=", auth_a, &r), 200);
	ck_assert(has(&r.body, path));
	ck_assert(!has(&r.body, "enctype=\"multipart/form-data\""));
	reply_free(&r);
	ck_assert_int_eq(upload(&supervisor, auth_a, "logo.png", &png, &r), 403);
	reply_free(&r);
	ck_assert_int_eq(get(&fse, "/fil?id=", id, &r), 200);
	reply_free(&r);
	ck_assert_int_eq(get(&fse, "/autorisation/roller?id=", auth_a, &r), 200);
	ck_assert(has(&r.body, path));
	reply_free(&r);

	/* Another institution: the file and the page do not exist for them (R33). */
	ck_assert_int_eq(get(&other, "/fil?id=", id, &r), 404);
	ck_assert(!has(&r.body, "\x89PNG"));
	reply_free(&r);
	ck_assert_int_eq(get(&other, "/autorisation/logo?id=", auth_a, &r), 404);
	reply_free(&r);
	ck_assert_int_eq(upload(&other, auth_a, "logo.png", &png, &r), 404);
	reply_free(&r);
	ck_assert_int_eq(get(&other, "/fil?id=", 999999999999LL, &r), 404);
	reply_free(&r);
	/* Logged out: to the login page, and back to the file after it. */
	ck_assert_int_eq(client_status("/fil?id=1", &anonymous.jar, loc, sizeof(loc)), 303);
	ck_assert_msg(strncmp(loc, "/konto/log-ind", 14) == 0, "Location %s", loc);
	ck_assert_int_eq(files_of(auth_a), 1);
	buf_free(&png);
}
END_TEST

START_TEST(type_from_the_bytes_and_refusals)
{
	struct buf png, big, text;
	struct reply r;
	char hdr[512];
	long long before, id;

	ck_assert_int_eq(fx_png(&png, 100, 50), 0);
	/* A PNG named .jpg is stored, named and served as a PNG. */
	ck_assert_int_eq(upload(&responsible, auth_a, "Økonomisk Institut.jpg", &png, &r), 303);
	reply_free(&r);
	id = current_logo(auth_a);
	ck_assert_int_eq(fixture_scalar_int("SELECT COUNT(*) FROM files WHERE id = ? AND mime = "
	    "'image/png' AND name = 'Økonomisk Institut.png'", id), 1);
	ck_assert_int_eq(get(&responsible, "/fil?id=", id, &r), 200);
	reply_header(&r, "Content-Type", hdr, sizeof(hdr));
	ck_assert_str_eq(hdr, "image/png");
	reply_header(&r, "Content-Disposition", hdr, sizeof(hdr));
	ck_assert_str_eq(hdr, "inline; filename=\"Oekonomisk Institut.png\"; "
	    "filename*=UTF-8''%C3%98konomisk%20Institut.png");
	reply_free(&r);

	/* A second upload replaces it; the history keeps both, one of them current. */
	ck_assert_int_eq(upload(&responsible, auth_a, "nyt-logo.png", &png, &r), 303);
	reply_free(&r);
	ck_assert_int_ne(current_logo(auth_a), id);
	ck_assert_int_eq(files_of(auth_a) - fixture_scalar_int("SELECT COUNT(*) FROM files WHERE "
	    "authorisation_id = ? AND is_current IS NULL AND replaced_at IS NOT NULL", auth_a), 1);
	ck_assert_int_eq(get(&responsible, "/autorisation/logo?id=", auth_a, &r), 200);
	ck_assert(has(&r.body, "Erstattet."));
	ck_assert(has(&r.body, "Bruges nu."));
	reply_free(&r);
	/* The replaced file can still be read by those who may (the history links to it). */
	ck_assert_int_eq(get(&supervisor, "/fil?id=", id, &r), 200);
	reply_free(&r);

	before = files_of(auth_a);
	/* A text file named .png: refused at the field, nothing stored. */
	buf_init(&text, 0);
	buf_puts(&text, "Dette er et brev, ikke et billede.\n");
	ck_assert_int_eq(upload(&responsible, auth_a, "logo.png", &text, &r), 422);
	ck_assert(has(&r.body, "id=\"logo-error\""));
	ck_assert(has(&r.body, "Filen skal være en PNG- eller JPEG-fil"));
	ck_assert(has(&r.body, "aria-invalid=\"true\""));
	reply_free(&r);
	/* One byte over the field's cap: refused at the field. */
	buf_init(&big, 0);
	buf_append(&big, png.data, png.len);
	while (big.len < FILES_LOGO_MAX_BYTES + 1)
		buf_append(&big, "\0", 1);
	ck_assert_int_eq(upload(&responsible, auth_a, "logo.png", &big, &r), 422);
	ck_assert(has(&r.body, "Filen er for stor. Den må højst fylde 1 MB."));
	reply_free(&r);
	/* Exactly the cap passes the size check (and is a PNG with trailing bytes). */
	big.len = FILES_LOGO_MAX_BYTES;
	ck_assert_int_eq(upload(&responsible, auth_a, "stort.png", &big, &r), 303);
	reply_free(&r);
	before++;
	/* No file chosen. */
	ck_assert_int_eq(upload(&responsible, auth_a, "", NULL, &r), 422);
	ck_assert(has(&r.body, "Vælg den fil med logoet, du vil uploade."));
	reply_free(&r);
	/* Over nginx's cap: 413 before any program reads it. */
	while (big.len < 9 * 1024 * 1024)
		buf_append(&big, "\0", 1);
	ck_assert_int_eq(upload(&responsible, auth_a, "logo.png", &big, &r), 413);
	reply_free(&r);
	ck_assert_int_eq(files_of(auth_a), before);
	buf_free(&png);
	buf_free(&big);
	buf_free(&text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("files");
	TCase *tc = tcase_create("files");
	int failed;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	tcase_add_checked_fixture(tc, setup, fixture_close);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, logo_uploaded_shown_and_served);
	tcase_add_test(tc, type_from_the_bytes_and_refusals);
	suite_add_tcase(s, tc);
	failed = check_run(s);
	curl_global_cleanup();
	return failed;
}
