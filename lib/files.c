#include "files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const files_image_types[] = { "image/png", "image/jpeg", NULL };

const char *const files_pdf_types[] = { "application/pdf", NULL };

const char *const files_export_types[] = { "text/plain", "application/pdf", "image/png",
	"image/jpeg", NULL };

const struct files_kind files_kinds[FILES__PURPOSES] = {
	[FILES_LOGO] = { "logo", "Logo", files_image_types, ACT_AUTH_VIEW, 0, 1, ACT_UNSET },
	/* R27, R33: a student's name and thesis: personal data, every read audited. */
	[FILES_ANNEX1] = { "annex1", "Underskrevet bilag 1", files_pdf_types, ACT_STUDENT_VIEW, 1,
	    0, ACT_STUDENT_VIEW_ALL },
	/* R13, R22: a student's results; ACT_UNSET: /fil serves them to nobody. The export pages
	 * (cgi-bin/student_export.c) do, with their rule: the student's own supervisor, and the
	 * student once released. Reads audited there. */
	[FILES_EXPORT] = { "export", "Resultat til hjemtagelse", files_export_types, ACT_UNSET, 1,
	    0, ACT_UNSET },
};

const struct files_kind *
files_kind_named(const char *name)
{
	size_t i;

	for (i = 0; name && i < FILES__PURPOSES; i++)
		if (strcmp(files_kinds[i].name, name) == 0)
			return &files_kinds[i];
	return NULL;
}

enum db_err
files_store(struct db *db, enum files_purpose p, long long auth, long long case_id,
    long long uploader, const char *bytes, size_t len, const struct form_file *ff,
    long long *file_id)
{
	struct db_result res;
	long long retired;
	enum db_err rc;

	*file_id = 0;
	if ((unsigned)p >= FILES__PURPOSES || ff == NULL || ff->type == NULL)
		return DB_EARGS;
	/* The row replaced is written, so two uploads at once conflict (Galera: at commit). */
	if ((rc = files_retire(db, p, auth, case_id, &retired)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, &res, "INSERT INTO files (purpose, authorisation_id, case_id, slot, "
	    "name, mime, size_bytes, sha256, width, height, content, uploaded_by) "
	    "VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?)",
	    "siiissisiibi", files_kinds[p].name, auth, case_id, case_id, ff->name, ff->type,
	    (long long)len, ff->sha256, (long long)ff->width, (long long)ff->height, bytes, len,
	    uploader)) != DB_OK)
		return rc;
	*file_id = (long long)res.insert_id;
	db_result_free(&res);
	return DB_OK;
}

enum db_err
files_add(struct db *db, enum files_purpose p, long long auth, long long case_id,
    long long uploader, const char *bytes, size_t len, const struct form_file *ff,
    long long *file_id)
{
	struct db_result res;
	enum db_err rc;

	*file_id = 0;
	if ((unsigned)p >= FILES__PURPOSES || ff == NULL || ff->type == NULL)
		return DB_EARGS;
	if ((rc = db_exec(db, &res, "INSERT INTO files (purpose, authorisation_id, case_id, slot, "
	    "is_current, name, mime, size_bytes, sha256, width, height, content, uploaded_by) "
	    "VALUES (?, ?, NULLIF(?, 0), ?, NULL, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?)",
	    "siiissisiibi", files_kinds[p].name, auth, case_id, case_id, ff->name, ff->type,
	    (long long)len, ff->sha256, (long long)ff->width, (long long)ff->height, bytes, len,
	    uploader)) != DB_OK)
		return rc;
	*file_id = (long long)res.insert_id;
	db_result_free(&res);
	return DB_OK;
}

#define META_COLUMNS "f.id, f.purpose, f.authorisation_id, COALESCE(f.case_id, 0), " \
	"f.uploaded_by, f.size_bytes, COALESCE(f.width, 0), COALESCE(f.height, 0), " \
	"f.is_current IS NOT NULL, f.name, f.mime, f.sha256, f.uploaded_at, COALESCE(u.name, '') " \
	"FROM files f LEFT JOIN users u ON u.id = f.uploaded_by "

static void
meta_from(const struct db_result *res, size_t r, struct files_meta *m)
{
	const struct files_kind *k = files_kind_named(db_cell(res, r, 1));
	const char *mime = db_cell(res, r, 10);
	size_t i;

	memset(m, 0, sizeof(*m));
	m->id = db_cell_int(res, r, 0, 0);
	m->purpose = k ? (enum files_purpose)(k - files_kinds) : FILES__PURPOSES;
	m->authorisation_id = db_cell_int(res, r, 2, 0);
	m->case_id = db_cell_int(res, r, 3, 0);
	m->uploaded_by = db_cell_int(res, r, 4, 0);
	m->size = db_cell_int(res, r, 5, 0);
	m->width = (unsigned)db_cell_int(res, r, 6, 0);
	m->height = (unsigned)db_cell_int(res, r, 7, 0);
	m->current = (int)db_cell_int(res, r, 8, 0);
	snprintf(m->name, sizeof(m->name), "%s", db_cell(res, r, 9) ? db_cell(res, r, 9) : "");
	for (i = 0; k && mime && k->types[i]; i++)
		if (strcmp(k->types[i], mime) == 0)
			m->mime = k->types[i];
	snprintf(m->sha256, sizeof(m->sha256), "%s", db_cell(res, r, 11) ? db_cell(res, r, 11) : "");
	snprintf(m->uploaded_at, sizeof(m->uploaded_at), "%s",
	    db_cell(res, r, 12) ? db_cell(res, r, 12) : "");
	snprintf(m->uploader, sizeof(m->uploader), "%s", db_cell(res, r, 13) ? db_cell(res, r, 13) : "");
	if (k == NULL)
		m->id = 0;	/* a purpose this build does not know: nobody reads it */
}

enum db_err
files_history(struct db *db, enum files_purpose p, long long auth, long long case_id,
    struct files_meta *out, size_t max, size_t *n)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	*n = 0;
	if ((unsigned)p >= FILES__PURPOSES)
		return DB_EARGS;
	if ((rc = db_exec(db, &res, "SELECT " META_COLUMNS "WHERE f.purpose = ? AND "
	    "f.authorisation_id = ? AND f.slot = ? ORDER BY f.uploaded_at DESC, f.id DESC LIMIT ?",
	    "siii", files_kinds[p].name, auth, case_id, (long long)max)) != DB_OK)
		return rc;
	for (i = 0; i < res.nrows && i < max; i++)
		meta_from(&res, i, &out[(*n)++]);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
files_current(struct db *db, enum files_purpose p, long long auth, long long case_id,
    struct files_meta *m)
{
	struct db_result res;
	enum db_err rc;

	memset(m, 0, sizeof(*m));
	if ((unsigned)p >= FILES__PURPOSES)
		return DB_EARGS;
	if ((rc = db_exec(db, &res, "SELECT " META_COLUMNS "WHERE f.purpose = ? AND "
	    "f.authorisation_id = ? AND f.slot = ? AND f.is_current = 1", "sii",
	    files_kinds[p].name, auth, case_id)) != DB_OK)
		return rc;
	if (res.nrows)
		meta_from(&res, 0, m);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
files_get(struct db *db, long long id, struct files_meta *m)
{
	struct db_result res;
	enum db_err rc;

	memset(m, 0, sizeof(*m));
	if (id <= 0)
		return DB_OK;
	if ((rc = db_exec(db, &res, "SELECT " META_COLUMNS "WHERE f.id = ?", "i", id)) != DB_OK)
		return rc;
	if (res.nrows)
		meta_from(&res, 0, m);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
files_content(struct db *db, long long id, struct db_result *res)
{
	return db_exec(db, res, "SELECT content FROM files WHERE id = ?", "i", id);
}

enum db_err
files_case_creator(struct db *db, long long case_id, long long *creator)
{
	struct db_result res;
	enum db_err rc;

	*creator = 0;
	if ((rc = db_exec(db, &res, "SELECT created_by FROM cases WHERE id = ?", "i", case_id)) !=
	    DB_OK)
		return rc;
	if (res.nrows)
		*creator = db_cell_int(&res, 0, 0, 0);
	db_result_free(&res);
	return DB_OK;
}

enum db_err
files_retire(struct db *db, enum files_purpose p, long long auth, long long case_id,
    long long *retired)
{
	struct db_result res;
	enum db_err rc;

	*retired = 0;
	if ((unsigned)p >= FILES__PURPOSES)
		return DB_EARGS;
	if ((rc = db_exec(db, &res, "UPDATE files SET is_current = NULL, replaced_at = NOW(6) "
	    "WHERE purpose = ? AND authorisation_id = ? AND slot = ? AND is_current = 1", "sii",
	    files_kinds[p].name, auth, case_id)) != DB_OK)
		return rc;
	*retired = (long long)res.affected;
	db_result_free(&res);
	return DB_OK;
}
