/*
 * Who signed a PDF, and does it verify (issue 13, R27): lib/pdfsig through poppler-glib on
 * PDFs signed in the test by poppler's pdfsig with a new certificate, and lib/pdfrange on
 * byte ranges written by hand. A scan (no signature) says so; a signature that matches says
 * who and when, and that its issuer is not one we know; a byte changed inside the signed part
 * is a changed document; bytes appended after signing are not covered by the signature.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "pdfcheck.h"
#include "pdfrange.h"
#include "pdfsig.h"

#include "../check_run.h"
#include "../fixtures.h"

#define SIGNER	"Karen Østergaard"

static struct buf plain, signed_pdf;

static void
setup(void)
{
	ck_assert_int_eq(fx_pdf(&plain, "P-2026-3 Łukasz Ğündüz", "Annex 1"), 0);
	ck_assert_int_eq(fx_pdf_signed(&plain, SIGNER, &signed_pdf), 0);
	ck_assert_uint_gt(signed_pdf.len, plain.len);
}

static void
teardown(void)
{
	buf_free(&plain);
	buf_free(&signed_pdf);
}

START_TEST(a_scan_has_no_signature)
{
	struct pdfsig_info info;

	ck_assert_int_eq(pdfsig_read(plain.data, plain.len, &info), PDFSIG_OK);
	ck_assert_uint_eq(info.count, 0);
	ck_assert_int_eq(info.whole_file, 0);
}
END_TEST

START_TEST(signed_says_who_when_and_that_it_matches)
{
	struct pdfsig_info info;
	time_t now = time(NULL);

	ck_assert_int_eq(pdfsig_read(signed_pdf.data, signed_pdf.len, &info), PDFSIG_OK);
	ck_assert_uint_eq(info.count, 1);
	ck_assert_str_eq(info.sig[0].signer, SIGNER);
	ck_assert_int_eq(info.sig[0].match, PDFSIG_MATCHES);
	/* Self-signed: the name is the signer's own claim, never shown as checked. */
	ck_assert_int_ne(info.sig[0].cert, PDFSIG_CERT_TRUSTED);
	ck_assert_msg(info.sig[0].signed_at > now - 600 && info.sig[0].signed_at <= now + 60,
	    "signing time %lld, now %lld", (long long)info.sig[0].signed_at, (long long)now);
	ck_assert_int_eq(info.whole_file, 1);
}
END_TEST

START_TEST(a_signed_pdf_passes_the_upload_check)
{
	struct pdfcheck_info pc;

	/* A signing tool's output is no active content: the file field takes it (issue 10). */
	ck_assert_int_eq(pdfcheck(signed_pdf.data, signed_pdf.len, &pc), PDFCHECK_OK);
	ck_assert_int_eq(pc.signatures, 1);
}
END_TEST

START_TEST(a_byte_changed_after_signing)
{
	struct pdfsig_info info;
	char *p = memmem(signed_pdf.data, signed_pdf.len, "Annex 1", 7);

	/* fx_pdf's text is inside the signed part (an uncompressed content stream). */
	ck_assert_ptr_nonnull(p);
	p[0] = 'B';
	ck_assert_int_eq(pdfsig_read(signed_pdf.data, signed_pdf.len, &info), PDFSIG_OK);
	ck_assert_uint_eq(info.count, 1);
	ck_assert_int_eq(info.sig[0].match, PDFSIG_CHANGED);
}
END_TEST

START_TEST(bytes_appended_after_signing)
{
	struct pdfsig_info info;

	ck_assert_int_eq(buf_puts(&signed_pdf, "\n% added after signing\n"), 0);
	ck_assert_int_eq(pdfsig_read(signed_pdf.data, signed_pdf.len, &info), PDFSIG_OK);
	ck_assert_uint_eq(info.count, 1);
	ck_assert_int_eq(info.whole_file, 0);
}
END_TEST

START_TEST(not_a_pdf)
{
	struct pdfsig_info info;

	ck_assert_int_eq(pdfsig_read("%PDF-1.4\nnothing more", 21, &info), PDFSIG_EPARSE);
	ck_assert_uint_eq(info.count, 0);
}
END_TEST

/* pdfrange_scan on text whose length is the file's. */
static void
scan(const char *s, size_t *ranges, size_t *whole)
{
	pdfrange_scan(s, strlen(s), ranges, whole);
}

START_TEST(byte_ranges)
{
	size_t r, w;
	/* 40 bytes: [0 10] then [20 20] reaches byte 40, the end. */
	const char *whole = "/ByteRange [0 10 20 20] ................";
	const char *short_ = "/ByteRange [0 10 20 19] ................";

	ck_assert_uint_eq(strlen(whole), 40);
	scan(whole, &r, &w);
	ck_assert_uint_eq(r, 1);
	ck_assert_uint_eq(w, 1);
	scan(short_, &r, &w);
	ck_assert_uint_eq(r, 1);
	ck_assert_uint_eq(w, 0);
	scan("no signature here", &r, &w);
	ck_assert_uint_eq(r, 0);
	ck_assert_uint_eq(w, 0);
	/* Malformed: counted, never covering. */
	scan("/ByteRange [0 10 x 20]", &r, &w);
	ck_assert_uint_eq(r, 1);
	ck_assert_uint_eq(w, 0);
	scan("/ByteRange [0 10 20 20", &r, &w);
	ck_assert_uint_eq(w, 0);
	scan("/ByteRange [0 1 2 99999999999999999999999]", &r, &w);
	ck_assert_uint_eq(w, 0);
	scan("/ByteRange", &r, &w);
	ck_assert_uint_eq(r, 1);
	ck_assert_uint_eq(w, 0);
	/* Not starting at the first byte. */
	scan("/ByteRange [1 9 20 20] ................", &r, &w);
	ck_assert_uint_eq(w, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("pdfsig");
	TCase *tc = tcase_create("poppler");
	TCase *pure = tcase_create("byte ranges");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, a_scan_has_no_signature);
	tcase_add_test(tc, signed_says_who_when_and_that_it_matches);
	tcase_add_test(tc, a_signed_pdf_passes_the_upload_check);
	tcase_add_test(tc, a_byte_changed_after_signing);
	tcase_add_test(tc, bytes_appended_after_signing);
	tcase_add_test(tc, not_a_pdf);
	tcase_add_test(pure, byte_ranges);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, pure);
	return check_run(s);
}
