/*
 * files: uploaded files, stored in the database (issue 10; DESIGN: Data and durability). A
 * file has a purpose (the institution's logo now; the signed Annex 1 with the student cases),
 * belongs to an authorisation and, for a case's files, to one of its cases, and the purpose
 * says who may read it (a policy action on that authorisation), whether each read is logged
 * (R33: personal data) and whether a browser may show it inline. A new upload of the same
 * purpose and owner replaces the current file; the old one stays in the history.
 */
#ifndef PORTAL_FILES_H
#define PORTAL_FILES_H

#include <stddef.h>

#include "buf.h"
#include "db.h"
#include "form.h"
#include "policy.h"

enum files_purpose {
	FILES_LOGO,		/* the institution's logo on Annex 1 (R26) */
	FILES_ANNEX1,		/* a student case's signed Annex 1 (R27), slot = the case */
	FILES_EXPORT,		/* a file a student asks to take home (R13, R22), one of a set:
				   files_add; read only through the export pages */
	FILES__PURPOSES
};

struct files_kind {
	const char			*name;		/* files.purpose */
	const char			*label;		/* as people read it: "Logo" */
	const char *const		*types;		/* what an upload may be, by its bytes */
	enum action			 view;		/* who may read it, on its authorisation */
	int				 personal;	/* holds personal data: reads are audited */
	int				 show_inline;	/* an image a page shows; else attachment */
	/* A case's file: who may read those of every case (ACT_UNSET: whoever may view); the
	 * others, only the files of the cases they created (R13: a supervisor's own students). */
	enum action			 view_all;
};

extern const struct files_kind files_kinds[FILES__PURPOSES];
/* What a logo may be, for the upload form's file field (lib/form.h): the logo is printed on
 * Annex 1 and shown on pages, so a few hundred pixels are plenty; the caps keep a huge picture
 * from the PDF writer (R26). */
extern const char *const files_image_types[];
/* The signed Annex 1 (R27): a PDF by its bytes, scanned or signed digitally; a few pages of
 * scan fit well within this. */
extern const char *const files_pdf_types[];
#define FILES_ANNEX1_MAX_BYTES	(5 * 1024 * 1024)
/* Results to take home (R22): aggregated tables as text (CSV), PDFs or figures. Three files of
 * 2 MB each stay within nginx's 8 MB body cap with room for the form. */
extern const char *const files_export_types[];
#define FILES_EXPORT_MAX_BYTES	(2 * 1024 * 1024)
#define FILES_LOGO_MAX_BYTES	(1024 * 1024)
#define FILES_LOGO_MAX_SIDE	4000

/* The kind stored under this name, or NULL. */
const struct files_kind	*files_kind_named(const char *);

/* A stored file, without its bytes. */
struct files_meta {
	long long	 id;		/* 0: no such file */
	enum files_purpose purpose;
	long long	 authorisation_id, case_id, uploaded_by, size;
	unsigned	 width, height;
	int		 current;
	char		 name[256];
	const char	*mime;		/* one of the kind's types (static), or NULL when the stored
					   type is no longer one of them */
	char		 sha256[65];
	char		 uploaded_at[32];	/* UTC as MariaDB prints it */
	char		 uploader[256];		/* the uploader's name */
};

/*
 * Stores bytes checked by the form's file field as the current file of purpose for the owner
 * (case_id 0: the authorisation itself), marking the one it replaces. Runs inside the caller's
 * transaction; DB_EDUP means another upload won the race: run the transaction again.
 */
enum db_err	files_store(struct db *, enum files_purpose, long long authorisation_id,
		    long long case_id, long long uploader, const char *bytes, size_t len,
		    const struct form_file *, long long *file_id);
/*
 * Stores bytes checked by the form's file field as one file of a set (a request's files):
 * never the current file of its slot and never replacing one, so an owner may have any number
 * (is_current NULL: the unique key of the current file does not count it). The row that lists
 * the set finds it by its id. Inside the caller's transaction.
 */
enum db_err	files_add(struct db *, enum files_purpose, long long authorisation_id,
		    long long case_id, long long uploader, const char *bytes, size_t len,
		    const struct form_file *, long long *file_id);
/* The current file of purpose for the owner; m->id == 0 when there is none. */
enum db_err	files_current(struct db *, enum files_purpose, long long authorisation_id,
		    long long case_id, struct files_meta *);
/* Every file of purpose for the owner, newest first: up to max into out, *n of them. */
enum db_err	files_history(struct db *, enum files_purpose, long long authorisation_id,
		    long long case_id, struct files_meta *out, size_t max, size_t *n);
/* One file by id; m->id == 0 when there is none. */
enum db_err	files_get(struct db *, long long id, struct files_meta *);
/* Who created case_id (0: no such case): whose a case's file is (R13). */
enum db_err	files_case_creator(struct db *, long long case_id, long long *creator);
/* The owner's current file of purpose stops being current (kept in the history): a signed
 * document whose text changed (R27). *retired: 0 or 1. Inside the caller's transaction. */
enum db_err	files_retire(struct db *, enum files_purpose, long long authorisation_id,
		    long long case_id, long long *retired);
/* Its bytes, as the single cell of res (free it). */
enum db_err	files_content(struct db *, long long id, struct db_result *res);

#endif
