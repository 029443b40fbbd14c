/*
 * Annex 1 (R26, R28) as the PDF lib/annex1 makes, read back with poppler-utils as a person's
 * PDF reader would: pdftotext finds every element of R28 in the rulebook's order with the
 * values given (a student name with letters outside Latin-1), pdfinfo shows the title,
 * pdffonts shows only the embedded TrueType font, pdfimages lists the logo, and pdftoppm draws
 * the first page, kept as test output ($PORTAL_TEST_OUTPUT, else the build directory).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annex1.h"
#include "buf.h"

#include "../check_run.h"
#include "../fixtures.h"

#define FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#define STUDENT		"Łukasz Ğündüz Ærø-Sørensen"

static char pdf_path[1024];
static char outdir[512];

/* A poppler tool's whole standard output for the PDF, options first; the caller frees. */
static char *
run(const char *tool, const char *path)
{
	char cmd[2048], *out;

	/* stderr dropped: poppler warns about libhpdf 2.3's ToUnicode CMap, and reads it. */
	snprintf(cmd, sizeof(cmd), "%s '%s'%s 2>/dev/null", tool, path,
	    strncmp(tool, "pdftotext", 9) ? "" : " -");
	ck_assert_msg((out = fx_output(cmd, NULL)) != NULL, "%s failed", cmd);
	return out;
}

/* Line breaks as spaces: the checks below read the text as a person does, across lines. */
static void
unwrap(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

static const struct annex1 *
sample(struct buf *logo)
{
	static struct annex1 a;

	ck_assert_int_eq(fx_png(logo, 400, 120), 0);
	memset(&a, 0, sizeof(a));
	a.project_number = "P-2026-3";
	a.student_name = STUDENT;
	a.date = "1 December 2026";
	a.thesis_title = "Labour market attachment of young graduates after the 2008 crisis: "
	    "evidence from Danish register data, with a title long enough to wrap";
	a.authors = STUDENT;
	a.reason = "Uses the full population registers with a design that answers an open question.\n"
	    "The results can be published as a research article.";
	a.supervisor_name = "Karen Østergaard";
	a.logo = logo->data;
	a.logo_len = logo->len;
	return &a;
}

static void
write_pdf(void)
{
	struct buf logo, pdf;
	FILE *f;
	const char *env = getenv("PORTAL_TEST_OUTPUT");

	snprintf(outdir, sizeof(outdir), "%s", env && env[0] ? env : ".");
	snprintf(pdf_path, sizeof(pdf_path), "%s/annex1.pdf", outdir);
	buf_init(&logo, 1 << 20);
	buf_init(&pdf, 16 << 20);
	ck_assert_int_eq(annex1_render(sample(&logo), FONT_DIR, &pdf), ANNEX1_OK);
	ck_assert_uint_gt(pdf.len, 1000);
	ck_assert_int_eq(memcmp(pdf.data, "%PDF-", 5), 0);
	ck_assert_ptr_nonnull(f = fopen(pdf_path, "wb"));
	ck_assert_uint_eq(fwrite(pdf.data, 1, pdf.len, f), pdf.len);
	ck_assert_int_eq(fclose(f), 0);
	buf_free(&logo);
	buf_free(&pdf);
}

/* Where needle is in hay at or after from, or fails naming it. */
static const char *
after(const char *hay, const char *from, const char *needle)
{
	const char *p = strstr(from, needle);

	ck_assert_msg(p != NULL, "\"%s\" not found (in order) in:\n%s", needle, hay);
	return p + strlen(needle);
}

START_TEST(text_in_the_rulebooks_order)
{
	char *text;
	const char *p;

	write_pdf();
	/* -raw: the order in which the page was written, which is the reading order here. */
	text = run("pdftotext -raw -enc UTF-8", pdf_path);
	unwrap(text);
	/* The title line first: nothing but the title above it (the logo is an image). */
	ck_assert_msg(strncmp(text, "P-2026-3 " STUDENT " ", strlen("P-2026-3 " STUDENT " ")) == 0,
	    "%s", text);
	p = after(text, text, "P-2026-3 " STUDENT);
	p = after(text, p, "Research potential of the Master Thesis 1 December 2026");
	p = after(text, p, "Assessment of research potential in Master Thesis");
	/* The background text word for word, as the rulebook's Annex 1 has it. */
	p = after(text, p, "Background text The legal basis for processing Personal Data is the "
	    "Scientific Research Purpose. The Scientific Research Purpose is assessed by the Data "
	    "Governance Expert (supervisor) and allows the student to access Danish register-based "
	    "data. The assessment is based on a description of purpose, problem statement, what is "
	    "investigated and how access to personal data contributes to the project.");
	p = after(text, p, "Master’s Thesis information");
	p = after(text, p, "Title: Labour market attachment of young graduates after the 2008 "
	    "crisis: evidence from Danish register data, with a title long enough to wrap");
	p = after(text, p, "Author(s): " STUDENT);
	p = after(text, p, "Assessment of research potential");
	p = after(text, p, "Short description of reasons for research potential (1-3 lines):");
	p = after(text, p, "Uses the full population registers with a design that answers an open "
	    "question. The results can be published as a research article.");
	p = after(text, p, "Supervisor’s name and signature");
	p = after(text, p, "The undersigned signify by their signature that they have agreed in the "
	    "research potential of the Master Thesis.");
	p = after(text, p, "Karen Østergaard, 1 December 2026");
	p = after(text, p, "Signature");
	after(text, p, "FSE project number (under the Master’s Thesis scheme)");
	free(text);
}
END_TEST

/* pdfinfo's value of a field ("Title:   value"), in a static buffer. */
static const char *
info_field(const char *info, const char *name)
{
	static char value[512];
	const char *p = info;
	size_t n = strlen(name);

	while (p && !(strncmp(p, name, n) == 0 && p[n] == ':'))
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	ck_assert_msg(p != NULL, "no %s in:\n%s", name, info);
	for (p += n + 1; *p == ' '; p++)
		;
	snprintf(value, sizeof(value), "%.*s", (int)strcspn(p, "\n"), p);
	return value;
}

START_TEST(title_fonts_logo_and_picture)
{
	char *info, *fonts, *images, png[1100], cmd[2400];

	write_pdf();
	info = run("pdfinfo -enc UTF-8", pdf_path);
	ck_assert_str_eq(info_field(info, "Title"), "P-2026-3 " STUDENT);
	ck_assert_str_eq(info_field(info, "Pages"), "1");
	/* Every font embedded; none of the base-14 fonts that would drop Ł and Ğ. */
	fonts = run("pdffonts", pdf_path);
	ck_assert_msg(strstr(fonts, "DejaVuSans") != NULL, "%s", fonts);
	ck_assert_msg(strstr(fonts, "Helvetica") == NULL && strstr(fonts, "Times") == NULL, "%s",
	    fonts);
	ck_assert_msg(strstr(fonts, " no  ") == NULL, "a font is not embedded:\n%s", fonts);
	/* The logo: one image of the fixture's size. */
	images = run("pdfimages -list", pdf_path);
	ck_assert_msg(strstr(images, "image     400   120") != NULL, "%s", images);
	/* A picture of the page, kept to look at (pdftoppm adds .png). */
	snprintf(png, sizeof(png), "%s/annex1-page1", outdir);
	snprintf(cmd, sizeof(cmd), "pdftoppm -png -r 60 -singlefile '%s' '%s'", pdf_path, png);
	ck_assert_int_eq(system(cmd), 0);
	strncat(png, ".png", sizeof(png) - strlen(png) - 1);
	ck_assert_int_eq(access(png, R_OK), 0);
	free(info);
	free(fonts);
	free(images);
}
END_TEST

START_TEST(refusals)
{
	struct buf logo, pdf;
	struct annex1 a, good;

	buf_init(&logo, 1 << 20);
	buf_init(&pdf, 16 << 20);
	good = *sample(&logo);
	a = good;
	a.reason = "   ";
	ck_assert_int_eq(annex1_render(&a, FONT_DIR, &pdf), ANNEX1_EARGS);
	a = good;
	ck_assert_int_eq(annex1_render(&a, "/nonexistent", &pdf), ANNEX1_EFONT);
	a.logo = "not an image";
	a.logo_len = 12;
	ck_assert_int_eq(annex1_render(&a, FONT_DIR, &pdf), ANNEX1_ELOGO);
	/* Without a logo it is still a document (the portal asks for the logo first). */
	a.logo = NULL;
	a.logo_len = 0;
	buf_reset(&pdf);
	ck_assert_int_eq(annex1_render(&a, FONT_DIR, &pdf), ANNEX1_OK);
	ck_assert_uint_gt(pdf.len, 1000);
	buf_free(&logo);
	buf_free(&pdf);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("annex1");
	TCase *tc = tcase_create("pdf");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, text_in_the_rulebooks_order);
	tcase_add_test(tc, title_fonts_logo_and_picture);
	tcase_add_test(tc, refusals);
	suite_add_tcase(s, tc);
	return check_run(s);
}
