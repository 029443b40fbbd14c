#include "annex1.h"

#include <hpdf.h>

#include <stdio.h>
#include <string.h>

#include "form.h"

/* A4 in points, and the page's furniture. */
#define PAGE_W		595.276f
#define PAGE_H		841.89f
#define MARGIN		56.0f
#define LOGO_W		170.0f		/* the logo is scaled to fit this box, top right */
#define LOGO_H		64.0f
#define LABEL_W		138.0f		/* the table's first column */
#define PAD		6.0f
#define BODY		10.0f		/* body text size */
#define LEADING		13.5f
#define SIGN_H		46.0f		/* the box to sign in */
#define CELL_LINES	48		/* at most this many lines in one cell (the form caps input) */
#define CELL_PARAS	4

/* The rulebook's fixed texts (Annex 1), word for word; English, as the rulebook has them. */
static const char *const T_LINE = "Research potential of the Master Thesis";
static const char *const T_HEADING = "Assessment of research potential in Master Thesis";
static const char *const T_BACKGROUND[] = {
	"The legal basis for processing Personal Data is the Scientific Research Purpose. The "
	"Scientific Research Purpose is assessed by the Data Governance Expert (supervisor) and "
	"allows the student to access Danish register-based data.",
	"The assessment is based on a description of purpose, problem statement, what is "
	"investigated and how access to personal data contributes to the project.",
};
static const char *const T_REASON = "Short description of reasons for research potential (1-3 lines):";
static const char *const T_UNDERSIGNED = "The undersigned signify by their signature that they "
	"have agreed in the research potential of the Master Thesis.";
static const char *const T_FOOTNOTE = "FSE project number (under the Master’s Thesis scheme): The "
	"approved project to which the Master's Thesis student will be granted access.";

static const char *const annex1_errs[ANNEX1__MAX] = {
	[ANNEX1_OK] = "no error",
	[ANNEX1_EARGS] = "a required value is missing",
	[ANNEX1_EFONT] = "the font cannot be read or embedded",
	[ANNEX1_ELOGO] = "the logo cannot be read",
	[ANNEX1_EPDF] = "the PDF could not be made",
	[ANNEX1_ENOMEM] = "out of memory",
};

const char *
annex1_strerror(enum annex1_err e)
{
	return (unsigned)e < ANNEX1__MAX ? annex1_errs[e] : "unknown error";
}

int
annex1_title(const struct annex1 *a, char *out, size_t outlen)
{
	int n = snprintf(out, outlen, "%s %s", a->project_number ? a->project_number : "",
	    a->student_name ? a->student_name : "");

	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/* libhpdf reports errors through a callback; the first one is kept. */
struct hpdf_state {
	HPDF_STATUS	err;
	HPDF_STATUS	detail;
};

static void
on_hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	struct hpdf_state *st = data;

	if (st->err == 0) {
		st->err = e;
		st->detail = detail;
	}
}

/* One paragraph of a cell: its text in one font. */
struct para {
	const char	*text;
	int		 bold;
	float		 space_before;
};

/* A paragraph broken into lines that fit the width: each line a byte range of its text. */
struct lines {
	size_t		 n;
	size_t		 start[CELL_LINES];
	size_t		 len[CELL_LINES];
};

struct doc {
	HPDF_Doc	 pdf;
	HPDF_Page	 page;
	HPDF_Font	 font, bold;
	float		 y;		/* the top of what comes next */
};

/* A cut never falls inside a UTF-8 sequence. */
static size_t
utf8_back(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/*
 * Breaks text into lines of at most width points (at spaces where it can, inside a word only
 * when one word is wider than the line); a newline in the text is a line break.
 */
static void
wrap(HPDF_Font f, float size, const char *text, float width, struct lines *out)
{
	const char *p = text;

	out->n = 0;
	while (*p && out->n < CELL_LINES) {
		const char *nl = strchr(p, '\n');
		size_t seg = nl ? (size_t)(nl - p) : strlen(p), off = 0, fit, len;
		HPDF_REAL real;

		if (seg == 0) {
			out->start[out->n] = (size_t)(p - text);
			out->len[out->n++] = 0;
		}
		while (off < seg && out->n < CELL_LINES) {
			fit = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)p + off, (HPDF_UINT)(seg - off),
			    width, size, 0, 0, HPDF_TRUE, &real);
			if (fit == 0)
				fit = utf8_back(p + off, HPDF_Font_MeasureText(f,
				    (const HPDF_BYTE *)p + off, (HPDF_UINT)(seg - off), width, size, 0, 0,
				    HPDF_FALSE, &real));
			if (fit == 0)	/* not even one letter fits: take one, never loop */
				for (fit = 1; off + fit < seg &&
				    ((unsigned char)p[off + fit] & 0xC0) == 0x80; fit++)
					;
			for (len = fit; len > 0 && p[off + len - 1] == ' '; len--)
				;
			out->start[out->n] = (size_t)(p + off - text);
			out->len[out->n++] = len;
			off += fit;
			while (off < seg && p[off] == ' ')
				off++;
		}
		p += seg;
		if (*p == '\n')
			p++;
	}
}

static void
text_at(struct doc *d, HPDF_Font f, float size, float x, float y, const char *s, size_t len)
{
	char line[1024];

	snprintf(line, sizeof(line), "%.*s", (int)len, s);
	HPDF_Page_BeginText(d->page);
	HPDF_Page_SetFontAndSize(d->page, f, size);
	HPDF_Page_TextOut(d->page, x, y, line);
	HPDF_Page_EndText(d->page);
}

/* A paragraph across the text width from d->y down; returns the height used. */
static float
flow(struct doc *d, const char *text, int bold, float size, float leading, float x, float width)
{
	struct lines l;
	HPDF_Font f = bold ? d->bold : d->font;
	size_t i;

	wrap(f, size, text, width, &l);
	for (i = 0; i < l.n; i++)
		text_at(d, f, size, x, d->y - size - (float)i * leading, text + l.start[i], l.len[i]);
	return (float)l.n * leading;
}

static float
cell_height(struct doc *d, const struct para *p, size_t np, float width)
{
	struct lines l;
	float h = 0;
	size_t i;

	for (i = 0; i < np; i++) {
		wrap(p[i].bold ? d->bold : d->font, BODY, p[i].text, width, &l);
		h += p[i].space_before + (float)l.n * LEADING;
	}
	return h;
}

static void
new_page(struct doc *d)
{
	d->page = HPDF_AddPage(d->pdf);
	HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	d->y = PAGE_H - MARGIN;
}

/*
 * One row of the table: the label in the first column, the paragraphs in the second, and
 * extra points of empty space below them (the box to sign in), framed.
 */
static void
row(struct doc *d, const char *label, const struct para *p, size_t np, float extra)
{
	const float x = MARGIN, w = PAGE_W - 2 * MARGIN, cw = w - LABEL_W - 2 * PAD;
	float h = cell_height(d, p, np, cw), lh, top, y;
	struct lines l;
	size_t i, k;

	wrap(d->bold, BODY, label, LABEL_W - 2 * PAD, &l);
	lh = (float)l.n * LEADING;
	h = (h > lh ? h : lh) + extra + 2 * PAD;
	if (d->y - h < MARGIN + 4 * LEADING)
		new_page(d);
	top = d->y;
	HPDF_Page_SetLineWidth(d->page, 0.6f);
	HPDF_Page_Rectangle(d->page, x, top - h, LABEL_W, h);
	HPDF_Page_Rectangle(d->page, x + LABEL_W, top - h, w - LABEL_W, h);
	HPDF_Page_Stroke(d->page);
	for (i = 0; i < l.n; i++)
		text_at(d, d->bold, BODY, x + PAD, top - PAD - BODY - (float)i * LEADING,
		    label + l.start[i], l.len[i]);
	y = top - PAD;
	for (k = 0; k < np; k++) {
		y -= p[k].space_before;
		d->y = y;
		y -= flow(d, p[k].text, p[k].bold, BODY, LEADING, x + LABEL_W + PAD, cw);
	}
	if (extra > 0) {	/* the signature box, labelled */
		HPDF_Page_SetLineWidth(d->page, 0.4f);
		HPDF_Page_Rectangle(d->page, x + LABEL_W + PAD, y - extra + 4, cw, extra - 8);
		HPDF_Page_Stroke(d->page);
		text_at(d, d->font, 7.5f, x + LABEL_W + PAD + 4, y - extra + 8, "Signature", 9);
	}
	d->y = top - h;
}

static enum annex1_err
load_fonts(struct doc *d, const char *dir)
{
	char path[1024];
	const char *name;

	if (HPDF_UseUTFEncodings(d->pdf) != HPDF_OK ||
	    HPDF_SetCurrentEncoder(d->pdf, "UTF-8") != HPDF_OK)
		return ANNEX1_EPDF;
	if (snprintf(path, sizeof(path), "%s/%s", dir, ANNEX1_FONT) >= (int)sizeof(path) ||
	    (name = HPDF_LoadTTFontFromFile(d->pdf, path, HPDF_TRUE)) == NULL ||
	    (d->font = HPDF_GetFont(d->pdf, name, "UTF-8")) == NULL)
		return ANNEX1_EFONT;
	if (snprintf(path, sizeof(path), "%s/%s", dir, ANNEX1_FONT_BOLD) >= (int)sizeof(path) ||
	    (name = HPDF_LoadTTFontFromFile(d->pdf, path, HPDF_TRUE)) == NULL ||
	    (d->bold = HPDF_GetFont(d->pdf, name, "UTF-8")) == NULL)
		return ANNEX1_EFONT;
	return ANNEX1_OK;
}

/* The logo, scaled to fit its box at the top right, its proportions kept. */
static enum annex1_err
draw_logo(struct doc *d, const struct annex1 *a)
{
	HPDF_Image img;
	float iw, ih, scale;

	if (a->logo == NULL || a->logo_len == 0)
		return ANNEX1_OK;
	img = a->logo_is_jpeg ?
	    HPDF_LoadJpegImageFromMem(d->pdf, a->logo, (HPDF_UINT)a->logo_len) :
	    HPDF_LoadPngImageFromMem(d->pdf, a->logo, (HPDF_UINT)a->logo_len);
	if (img == NULL || (iw = (float)HPDF_Image_GetWidth(img)) <= 0 ||
	    (ih = (float)HPDF_Image_GetHeight(img)) <= 0)
		return ANNEX1_ELOGO;
	scale = LOGO_W / iw < LOGO_H / ih ? LOGO_W / iw : LOGO_H / ih;
	HPDF_Page_DrawImage(d->page, img, PAGE_W - MARGIN - iw * scale, d->y - ih * scale,
	    iw * scale, ih * scale);
	return ANNEX1_OK;
}

static enum annex1_err
compose(struct doc *d, const struct annex1 *a, const char *font_dir)
{
	const float w = PAGE_W - 2 * MARGIN;
	char title[600], dated[300], author[700], thesis[700], signed_by[400];
	enum annex1_err rc;

	if (annex1_title(a, title, sizeof(title)) != 0 ||
	    snprintf(dated, sizeof(dated), "%s %s", T_LINE, a->date) >= (int)sizeof(dated) ||
	    snprintf(thesis, sizeof(thesis), "Title: %s", a->thesis_title) >= (int)sizeof(thesis) ||
	    snprintf(author, sizeof(author), "Author(s): %s", a->authors) >= (int)sizeof(author) ||
	    snprintf(signed_by, sizeof(signed_by), "%s, %s", a->supervisor_name, a->date) >=
	    (int)sizeof(signed_by))
		return ANNEX1_EARGS;
	if ((rc = load_fonts(d, font_dir)) != ANNEX1_OK)
		return rc;
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "Specialeportalen");
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT, T_HEADING);
	new_page(d);
	if ((rc = draw_logo(d, a)) != ANNEX1_OK)
		return rc;
	d->y -= LOGO_H + 18;
	d->y -= flow(d, title, 1, 16, 20, MARGIN, w) + 6;
	d->y -= flow(d, dated, 0, 11, 15, MARGIN, w) + 10;
	d->y -= flow(d, T_HEADING, 1, 13, 17, MARGIN, w) + 12;
	{
		const struct para background[] = {
			{ T_BACKGROUND[0], 0, 0 }, { T_BACKGROUND[1], 0, LEADING / 2 },
		};
		const struct para info[] = { { thesis, 0, 0 }, { author, 0, LEADING / 2 } };
		const struct para reason[] = { { T_REASON, 0, 0 }, { a->reason, 0, LEADING / 2 } };
		const struct para sign[] = {
			{ T_UNDERSIGNED, 0, 0 }, { signed_by, 1, LEADING / 2 },
		};

		row(d, "Background text", background, 2, 0);
		row(d, "Master’s Thesis information", info, 2, 0);
		row(d, "Assessment of research potential", reason, 2, 0);
		row(d, "Supervisor’s name and signature", sign, 2, SIGN_H);
	}
	d->y -= 10;
	flow(d, T_FOOTNOTE, 0, 8, 10.5f, MARGIN, w);
	return ANNEX1_OK;
}

enum annex1_err
annex1_render(const struct annex1 *a, const char *font_dir, struct buf *out)
{
	struct hpdf_state st = { 0, 0 };
	struct doc d;
	enum annex1_err rc;
	HPDF_UINT32 size, n;
	HPDF_BYTE chunk[8192];

	if (form_blank(a->project_number) || form_blank(a->student_name) || form_blank(a->date) ||
	    form_blank(a->thesis_title) || form_blank(a->authors) || form_blank(a->reason) ||
	    form_blank(a->supervisor_name) || font_dir == NULL)
		return ANNEX1_EARGS;
	memset(&d, 0, sizeof(d));
	if ((d.pdf = HPDF_New(on_hpdf_error, &st)) == NULL)
		return ANNEX1_ENOMEM;
	HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL);
	rc = compose(&d, a, font_dir);
	if (rc == ANNEX1_OK && (st.err != 0 || HPDF_SaveToStream(d.pdf) != HPDF_OK))
		rc = ANNEX1_EPDF;
	if (rc == ANNEX1_OK) {
		size = HPDF_GetStreamSize(d.pdf);
		HPDF_ResetStream(d.pdf);
		while (size > 0) {
			HPDF_STATUS got;

			n = sizeof(chunk);
			got = HPDF_ReadFromStream(d.pdf, chunk, &n);
			if ((got != HPDF_OK && got != HPDF_STREAM_EOF) || n == 0) {
				rc = ANNEX1_EPDF;
				break;
			}
			if (buf_append(out, chunk, n) != 0) {
				rc = ANNEX1_ENOMEM;
				break;
			}
			size -= n < size ? n : size;
		}
	}
	HPDF_Free(d.pdf);
	return rc;
}
