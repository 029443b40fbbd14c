/*
 * The file field of the form layer and what it uses (issue 10): the type from the bytes
 * (libmagic), the PDF check (encryption, JavaScript, Launch, embedded files, object streams),
 * the image size cap, the cleaned display name, the download's Content-Disposition. Every
 * fixture is made here: libhpdf for PDFs, qpdf for the encrypted and active ones, libpng and
 * libjpeg for images (tests/fixtures.c).
 */
#include <check.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../check_run.h"
#include "../fixtures.h"
#include "filename.h"
#include "files.h"
#include "form.h"
#include "http_parse.h"
#include "imgcheck.h"
#include "pdfcheck.h"

static const char *const pdf_types[] = { "application/pdf", NULL };
#define PDF_CAP	(64 * 1024)

/* A PDF field as Annex 1's upload will have it, with a small cap for the size tests. */
static const struct form_field pdf_field = { "bilag", form_file_field, 1, 0, PDF_CAP, pdf_types,
	"Vælg filen." };
static const struct form_field logo_field = { "logo", form_file_field, 1, FILES_LOGO_MAX_SIDE,
	FILES_LOGO_MAX_BYTES, files_image_types, "Vælg filen." };

static struct buf pdf;	/* a real one-page PDF, made once per test */

static void
setup(void)
{
	ck_assert_int_eq(fx_pdf(&pdf, "Bilag 1 for Åse Ødegård", "Assessment of research potential"),
	    0);
}

static void
teardown(void)
{
	buf_free(&pdf);
}

static enum form_err
check_pdf(const struct buf *b, const char *name, struct form_file *ff)
{
	return form_file(&pdf_field, b->data, b->len, name, ff);
}

static void
message(const struct form_field *fd, enum form_err e, char *out, size_t n)
{
	struct form f;

	memset(&f, 0, sizeof(f));
	f.fields = fd;
	f.nfields = 1;
	f.v[0].err = e;
	form_message(&f, 0, out, n);
}

START_TEST(real_pdf_passes)
{
	struct form_file ff;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[65];

	ck_assert_int_eq(check_pdf(&pdf, "C:\\Users\\vejleder\\bilag 1.pdf", &ff), FORM_OK);
	ck_assert_str_eq(ff.type, "application/pdf");
	ck_assert_str_eq(ff.name, "bilag 1.pdf");
	crypto_hash_sha256(hash, (const unsigned char *)pdf.data, pdf.len);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	ck_assert_str_eq(ff.sha256, hex);
	ck_assert_int_eq(ff.signatures, 0);
}
END_TEST

START_TEST(png_named_pdf_is_refused)
{
	struct buf png;
	struct form_file ff;
	char msg[256];

	ck_assert_int_eq(fx_png(&png, 40, 20), 0);
	ck_assert_int_eq(check_pdf(&png, "bilag.pdf", &ff), FORM_EFILETYPE);
	message(&pdf_field, FORM_EFILETYPE, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "en PDF-fil") && strstr(msg, "indhold"), "message: %s", msg);
	buf_free(&png);
}
END_TEST

START_TEST(encrypted_pdf_is_refused)
{
	struct buf enc;
	struct form_file ff;
	char msg[256];

	ck_assert_int_eq(fx_pdf_encrypted(&pdf, &enc), 0);
	ck_assert(fx_contains(&enc, "/Encrypt"));
	ck_assert_int_eq(check_pdf(&enc, "bilag.pdf", &ff), FORM_EPDFENCRYPTED);
	message(&pdf_field, FORM_EPDFENCRYPTED, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "krypteret") && strstr(msg, "adgangskode"), "message: %s", msg);
	buf_free(&enc);
}
END_TEST

/* JavaScript in the catalog: plain, inside a compressed object stream (where PDF 1.5 writers
 * put it, so the name is not in the file's bytes), and spelled with #xx escapes. */
START_TEST(javascript_is_refused)
{
	static const struct {
		const char	*entry;
		enum fx_pdf_form form;
		const char	*absent;	/* must not be in the raw bytes: the case is real */
	} cases[] = {
		{ "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", FX_PLAIN, NULL },
		{ "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", FX_OBJSTM,
		    "/JavaScript" },
		{ "/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>", FX_AS_WRITTEN,
		    "/JavaScript" },
	};
	struct form_file ff;
	struct pdfcheck_info info;
	struct buf js;
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(fx_pdf_catalog_entry(&pdf, cases[i].entry, cases[i].form, &js), 0);
		if (cases[i].absent)
			ck_assert_msg(!fx_contains(&js, cases[i].absent), "case %zu: %s in the bytes",
			    i, cases[i].absent);
		ck_assert_msg(check_pdf(&js, "bilag.pdf", &ff) == FORM_EPDFSCRIPT, "case %zu", i);
		ck_assert_int_eq(pdfcheck(js.data, js.len, &info), PDFCHECK_EJAVASCRIPT);
		if (cases[i].form == FX_OBJSTM)
			ck_assert_int_ge(info.object_streams, 1);
		buf_free(&js);
	}
	message(&pdf_field, FORM_EPDFSCRIPT, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "JavaScript"), "message: %s", msg);
}
END_TEST

START_TEST(launch_and_attachments_are_refused)
{
	struct form_file ff;
	struct buf b;
	char msg[256];

	ck_assert_int_eq(fx_pdf_catalog_entry(&pdf, "/OpenAction << /S /Launch /F (calc.exe) >>",
	    FX_OBJSTM, &b), 0);
	ck_assert_int_eq(check_pdf(&b, "bilag.pdf", &ff), FORM_EPDFLAUNCH);
	buf_free(&b);
	ck_assert_int_eq(fx_pdf_attachment(&pdf, &b), 0);
	ck_assert_int_eq(check_pdf(&b, "bilag.pdf", &ff), FORM_EPDFEMBEDDED);
	buf_free(&b);
	message(&pdf_field, FORM_EPDFLAUNCH, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "starter et program"), "message: %s", msg);
	message(&pdf_field, FORM_EPDFEMBEDDED, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "vedhæftet"), "message: %s", msg);
}
END_TEST

/* Names inside strings and stream data are no names: a title that reads "/JavaScript" and a
 * page that shows it pass. */
START_TEST(words_in_text_are_not_names)
{
	struct buf b;
	struct form_file ff;

	ck_assert_int_eq(fx_pdf_catalog_entry(&pdf, "/Lang (/JavaScript /Launch \\(/Encrypt\\))",
	    FX_AS_WRITTEN, &b), 0);
	ck_assert(fx_contains(&b, "(/JavaScript /Launch"));
	ck_assert_int_eq(check_pdf(&b, "bilag.pdf", &ff), FORM_OK);
	buf_free(&b);
}
END_TEST

START_TEST(size_cap_to_the_byte)
{
	struct buf b;
	struct form_file ff;
	char msg[256];

	/* Padding after %%EOF: still a PDF to every reader, exactly the cap, then one byte more. */
	buf_init(&b, 0);
	buf_append(&b, pdf.data, pdf.len);
	while (b.len < PDF_CAP)
		buf_append(&b, "\n", 1);
	ck_assert_uint_eq(b.len, PDF_CAP);
	ck_assert_int_eq(check_pdf(&b, "bilag.pdf", &ff), FORM_OK);
	buf_append(&b, "\n", 1);
	ck_assert_int_eq(check_pdf(&b, "bilag.pdf", &ff), FORM_EFILESIZE);
	message(&pdf_field, FORM_EFILESIZE, msg, sizeof(msg));
	ck_assert_str_eq(msg, "Filen er for stor. Den må højst fylde 64 kB.");
	message(&logo_field, FORM_EFILESIZE, msg, sizeof(msg));
	ck_assert_str_eq(msg, "Filen er for stor. Den må højst fylde 1 MB.");
	buf_free(&b);
}
END_TEST

/* A zip bomb in an object stream, and an object stream with a filter we cannot read. */
START_TEST(uncheckable_object_streams)
{
	size_t raw = PDFCHECK_INFLATE_MAX + 1024;
	unsigned char *zeros = calloc(raw, 1), *z;
	uLongf zlen = compressBound(raw);
	struct buf b;

	ck_assert_ptr_nonnull(zeros);
	ck_assert_ptr_nonnull(z = malloc(zlen));
	ck_assert_int_eq(compress(z, &zlen, zeros, raw), Z_OK);
	buf_init(&b, 0);
	buf_printf(&b, "%%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode "
	    "/Length %lu >>\nstream\n", (unsigned long)zlen);
	buf_append(&b, z, zlen);
	buf_puts(&b, "\nendstream\nendobj\n%%EOF\n");
	ck_assert_int_eq(pdfcheck(b.data, b.len, NULL), PDFCHECK_EUNCHECKABLE);
	buf_reset(&b);
	buf_puts(&b, "%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode "
	    "/Length 4 >>\nstream\n2F4A\nendstream\nendobj\n%%EOF\n");
	ck_assert_int_eq(pdfcheck(b.data, b.len, NULL), PDFCHECK_EUNCHECKABLE);
	buf_reset(&b);
	buf_puts(&b, "no header here");
	ck_assert_int_eq(pdfcheck(b.data, b.len, NULL), PDFCHECK_ENOTPDF);
	buf_free(&b);
	free(zeros);
	free(z);
}
END_TEST

START_TEST(images_by_their_bytes)
{
	struct buf png, jpg, text;
	struct form_file ff;
	enum imgcheck_type t;
	unsigned w, h;
	char msg[256];

	ck_assert_int_eq(fx_png(&png, 120, 45), 0);
	ck_assert_int_eq(form_file(&logo_field, png.data, png.len, "logo.jpg", &ff), FORM_OK);
	ck_assert_str_eq(ff.type, "image/png");	/* a PNG called .jpg is a PNG */
	ck_assert_str_eq(ff.name, "logo.png");
	ck_assert_uint_eq(ff.width, 120);
	ck_assert_uint_eq(ff.height, 45);
	ck_assert_int_eq(fx_jpeg(&jpg, 64, 32), 0);
	ck_assert_int_eq(form_file(&logo_field, jpg.data, jpg.len, "logo.png", &ff), FORM_OK);
	ck_assert_str_eq(ff.type, "image/jpeg");
	ck_assert_str_eq(ff.name, "logo.jpg");
	ck_assert_int_eq(imgcheck_size((const unsigned char *)jpg.data, jpg.len, &t, &w, &h),
	    IMGCHECK_OK);
	ck_assert(t == IMGCHECK_JPEG && w == 64 && h == 32);
	/* Text renamed .png, a PDF offered as a logo. */
	buf_init(&text, 0);
	buf_puts(&text, "Dette er ikke et billede, men en tekst.\n");
	ck_assert_int_eq(form_file(&logo_field, text.data, text.len, "logo.png", &ff),
	    FORM_EFILETYPE);
	ck_assert_int_eq(form_file(&logo_field, pdf.data, pdf.len, "logo.png", &ff), FORM_EFILETYPE);
	message(&logo_field, FORM_EFILETYPE, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "en PNG- eller JPEG-fil"), "message: %s", msg);
	buf_free(&png);
	buf_free(&jpg);
	buf_free(&text);
}
END_TEST

START_TEST(image_pixel_cap)
{
	static const struct form_field small = { "logo", form_file_field, 1, 100, 1024 * 1024,
		files_image_types, "Vælg filen." };
	struct buf png;
	struct form_file ff;
	char msg[256];

	ck_assert_int_eq(fx_png(&png, 100, 100), 0);
	ck_assert_int_eq(form_file(&small, png.data, png.len, "a.png", &ff), FORM_OK);
	buf_free(&png);
	ck_assert_int_eq(fx_png(&png, 101, 10), 0);
	ck_assert_int_eq(form_file(&small, png.data, png.len, "a.png", &ff), FORM_EIMAGESIZE);
	message(&small, FORM_EIMAGESIZE, msg, sizeof(msg));
	ck_assert_msg(strstr(msg, "100 × 100 pixel"), "message: %s", msg);
	buf_free(&png);
	/* A header that claims 0 pixels is broken, whatever libmagic thinks. */
	ck_assert_int_eq(fx_png(&png, 10, 10), 0);
	memset(png.data + 16, 0, 4);
	ck_assert_int_eq(form_file(&small, png.data, png.len, "a.png", &ff), FORM_EFILEBROKEN);
	buf_free(&png);
}
END_TEST

/* The field through the whole form layer: a multipart body parsed as a request's is. */
START_TEST(file_field_in_a_form)
{
	const struct form_field fields[] = {
		{ "titel", form_line, 1, 1, 100, NULL, "Skriv en titel." },
		pdf_field,
	};
	struct kvlist in;
	struct form f;
	struct buf body;

	buf_init(&body, 0);
	buf_puts(&body, "--XYZ\r\nContent-Disposition: form-data; name=\"titel\"\r\n\r\nSpeciale"
	    "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"bilag\"; filename=\"../../b.pdf\""
	    "\r\nContent-Type: image/png\r\n\r\n");
	buf_append(&body, pdf.data, pdf.len);
	buf_puts(&body, "\r\n--XYZ--\r\n");
	kvlist_init(&in);
	ck_assert_int_eq(http_parse_multipart("multipart/form-data; boundary=XYZ", body.data,
	    body.len, &in), HTTP_PARSE_OK);
	ck_assert_uint_eq(form_read(&f, fields, 2, &in), 0);
	ck_assert_ptr_nonnull(f.v[1].file);
	ck_assert_str_eq(f.v[1].file->type, "application/pdf");	/* not the browser's word */
	ck_assert_str_eq(f.v[1].file->name, "b.pdf");
	kvlist_free(&in);

	/* No file chosen: a part with an empty name and no bytes. A text where a file belongs. */
	buf_reset(&body);
	buf_puts(&body, "--XYZ\r\nContent-Disposition: form-data; name=\"bilag\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n--XYZ--\r\n");
	kvlist_init(&in);
	ck_assert_int_eq(http_parse_multipart("multipart/form-data; boundary=XYZ", body.data,
	    body.len, &in), HTTP_PARSE_OK);
	form_read(&f, fields, 2, &in);
	ck_assert_int_eq(f.v[1].err, FORM_EMISSING);
	ck_assert_ptr_null(f.v[1].file);
	kvlist_free(&in);
	kvlist_init(&in);
	kvlist_add(&in, "bilag", 5, "%PDF-1.4", 8);
	form_read(&f, fields, 2, &in);
	ck_assert_int_eq(f.v[1].err, FORM_EMISSING);
	kvlist_free(&in);
	buf_free(&body);
}
END_TEST

START_TEST(display_names)
{
	static const struct {
		const char *sent, *ext, *want;
	} cases[] = {
		{ "logo.png", "png", "logo.png" },
		{ "/home/x/Økonomisk Institut.JPG", "png", "Økonomisk Institut.png" },
		{ "C:\\fakepath\\bilag.pdf", "pdf", "bilag.pdf" },
		{ "a\x01" "b\x7f" "c.pdf", "pdf", "abc.pdf" },
		{ "gnp\xe2\x80\xae" "fdp.exe", "pdf", "gnpfdp.pdf" },	/* right-to-left override */
		{ "bad\xff\xfe utf8.pdf", "pdf", "bad utf8.pdf" },
		{ "...hidden", "pdf", "hidden.pdf" },
		{ "", "pdf", "fil.pdf" },
		{ NULL, "png", "fil.png" },
		{ "archive.tar.gz", "pdf", "archive.tar.pdf" },
		{ "Łukasz Gündoğdu é.pdf", "pdf", "Łukasz Gündoğdu é.pdf" },
		{ "navn.med.punktum.langendelse", "pdf", "navn.med.punktum.langendelse.pdf" },
	};
	char out[FILENAME_MAX_BYTES + 1], longname[400];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		filename_clean(cases[i].sent, cases[i].ext, out, sizeof(out));
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "case %zu: %s, want %s", i, out,
		    cases[i].want);
	}
	/* At most FILENAME_CHARS characters, cut between characters, not inside one. */
	for (i = 0; i < 150; i++)	/* "ø" is two bytes: 300 of the 400 */
		memcpy(longname + 2 * i, "ø", 2);
	longname[300] = '\0';
	filename_clean(longname, "pdf", out, sizeof(out));
	ck_assert_uint_eq(form_utf8_chars(out, strlen(out)), FILENAME_CHARS + 4);
	ck_assert(http_parse_text_ok(out, strlen(out)));
}
END_TEST

START_TEST(content_disposition)
{
	struct buf b;

	buf_init(&b, 0);
	ck_assert_int_eq(filename_disposition(&b, 1, "Forskningshøjde Åse.pdf"), 0);
	ck_assert_str_eq(b.data, "attachment; filename=\"Forskningshoejde Aase.pdf\"; "
	    "filename*=UTF-8''Forskningsh%C3%B8jde%20%C3%85se.pdf");
	buf_reset(&b);
	ck_assert_int_eq(filename_disposition(&b, 0, "a\"b\\c ł.png"), 0);
	ck_assert_str_eq(b.data, "inline; filename=\"a_b_c _.png\"; "
	    "filename*=UTF-8''a%22b%5Cc%20%C5%82.png");
	buf_free(&b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("files");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, real_pdf_passes);
	tcase_add_test(tc, png_named_pdf_is_refused);
	tcase_add_test(tc, encrypted_pdf_is_refused);
	tcase_add_test(tc, javascript_is_refused);
	tcase_add_test(tc, launch_and_attachments_are_refused);
	tcase_add_test(tc, words_in_text_are_not_names);
	tcase_add_test(tc, size_cap_to_the_byte);
	tcase_add_test(tc, uncheckable_object_streams);
	tcase_add_test(tc, images_by_their_bytes);
	tcase_add_test(tc, image_pixel_cap);
	tcase_add_test(tc, file_field_in_a_form);
	tcase_add_test(tc, display_names);
	tcase_add_test(tc, content_disposition);
	suite_add_tcase(s, tc);
	return check_run(s);
}
