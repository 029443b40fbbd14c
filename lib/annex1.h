/*
 * annex1: the research-potential document of a thesis student (the rulebook's Annex 1, R26-R28)
 * as a PDF, laid out as the rulebook lays it out: the document title `<FSE project number>
 * <student name>` (also the PDF's Title), the line `Research potential of the Master Thesis
 * <date>`, the heading, the fixed background text word for word, the thesis title and
 * author(s), the short reason, the supervisor's name and date and a box to sign in, and the
 * institution's logo. Text is set in an embedded TrueType font (DejaVu Sans from Debian's
 * fonts-dejavu-core), so a name in any script a Danish university meets keeps its letters.
 * Pure but for reading the two font files; no database.
 */
#ifndef PORTAL_ANNEX1_H
#define PORTAL_ANNEX1_H

#include <stddef.h>

#include "buf.h"

enum annex1_err {
	ANNEX1_OK = 0,
	ANNEX1_EARGS,		/* a required value is missing or not valid UTF-8 */
	ANNEX1_EFONT,		/* the font files cannot be read or embedded */
	ANNEX1_ELOGO,		/* the logo is not a PNG or JPEG libhpdf can read */
	ANNEX1_EPDF,		/* libhpdf failed otherwise */
	ANNEX1_ENOMEM,
	ANNEX1__MAX
};

/* The regular and bold fonts, under the font directory (config: pdf_font_dir). */
#define ANNEX1_FONT		"DejaVuSans.ttf"
#define ANNEX1_FONT_BOLD	"DejaVuSans-Bold.ttf"

struct annex1 {
	const char	*project_number;	/* the approved project's FSE number, P-2026-3 */
	const char	*student_name;
	const char	*date;			/* as printed, e.g. "1 December 2026" */
	const char	*thesis_title;
	const char	*authors;		/* the thesis's author(s) */
	const char	*reason;		/* 1-3 lines (R28; the form refuses more) */
	const char	*supervisor_name;
	const void	*logo;			/* PNG or JPEG bytes; NULL: no logo */
	size_t		 logo_len;
	int		 logo_is_jpeg;
};

const char	*annex1_strerror(enum annex1_err);
/* The document title, `<FSE project number> <student name>`, into out (NUL-terminated). */
int		 annex1_title(const struct annex1 *, char *out, size_t outlen);
/* The whole PDF into out. font_dir holds ANNEX1_FONT and ANNEX1_FONT_BOLD. */
enum annex1_err	 annex1_render(const struct annex1 *, const char *font_dir, struct buf *out);

#endif
