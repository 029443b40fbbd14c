#include "fixture_student.h"

#include <check.h>
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

/* The first cell of a query without arguments, as a number. */
static long long
scalar(const char *sql)
{
	struct db_result res;
	long long v;

	ck_assert_int_eq(db_exec(fx_db, &res, sql, ""), DB_OK);
	v = res.nrows ? db_cell_int(&res, 0, 0, 0) : 0;
	db_result_free(&res);
	return v;
}

long long
fixture_agreement(long long publisher)
{
	long long id = scalar("SELECT COALESCE(MAX(id), 0) FROM user_agreements");

	if (id > 0)
		return id;
	ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO user_agreements (text, published_by) "
	    "VALUES ('Brugeraftale til test: data bliver på platformen.', ?)", "i", publisher),
	    DB_OK);
	return scalar("SELECT MAX(id) FROM user_agreements");
}

long long
fixture_student(const struct fx_student *in, long long *access)
{
	char ends[16], data[1024], fse_id[32], *e_name, *e_email;
	struct db_result res;
	long long sag, req;
	CURL *c = curl_easy_init();

	if (access)
		*access = 0;
	if (in->ends_on)
		snprintf(ends, sizeof(ends), "%s", in->ends_on);
	else {
		ck_assert_int_eq(db_exec(fx_db, &res, "SELECT DATE_FORMAT(CURDATE() + INTERVAL 1 "
		    "YEAR, '%Y-%m-%d')", ""), DB_OK);
		snprintf(ends, sizeof(ends), "%s", db_cell(&res, 0, 0));
		db_result_free(&res);
	}
	ck_assert_ptr_nonnull(c);
	e_name = curl_easy_escape(c, in->name, 0);
	e_email = curl_easy_escape(c, in->email, 0);
	snprintf(data, sizeof(data), "navn=%s&email=%s&speciale_titel=Uddannelse+og+l%%C3%%B8n&"
	    "forfattere=%s&begrundelse=Registerdata+om+l%%C3%%B8n&projekt=%lld&periode_fra="
	    "2026-02-01&periode_til=%s", e_name, e_email, e_name, in->project, ends);
	curl_free(e_name);
	curl_free(e_email);
	curl_easy_cleanup(c);
	ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
	    "authorisation_id, title, data) VALUES ('student', 'approved', ?, ?, ?, ?)", "iiss",
	    in->supervisor, in->authorisation, in->name, data), DB_OK);
	sag = (long long)res.insert_id;
	db_result_free(&res);
	if (in->has & FXS_ANNEX1)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO files (purpose, authorisation_id, "
		    "case_id, slot, name, mime, size_bytes, sha256, content, uploaded_by) VALUES "
		    "('annex1', ?, ?, ?, 'bilag1.pdf', 'application/pdf', 4, REPEAT('0', 64), "
		    "'%PDF', ?)", "iiii", in->authorisation, sag, sag, in->supervisor), DB_OK);
	if (in->has & FXS_FSE_ID) {
		snprintf(fse_id, sizeof(fse_id), "FXS%lld", sag);
		ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO cases (type, state, created_by, "
		    "authorisation_id, title, data, parent_id) VALUES ('fse_user', 'approved', ?, ?, "
		    "?, '', ?)", "iisi", in->supervisor, in->authorisation, in->name, sag), DB_OK);
		req = (long long)res.insert_id;
		db_result_free(&res);
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_ids (fse_id, email) "
		    "VALUES (?, ?)", "ss", fse_id, in->email), DB_OK);
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT INTO fse_user_approvals (case_id, "
		    "student_case_id, fse_id, new_user, approved_by) VALUES (?, ?, ?, 1, ?)", "iisi",
		    req, sag, fse_id, in->supervisor), DB_OK);
	}
	if (in->has & FXS_ACCESS) {
		ck_assert_int_eq(db_exec(fx_db, &res, "INSERT INTO student_access (student_case_id, "
		    "project_case_id, authorisation_id, student_email, granted_by, ends_on) VALUES "
		    "(?, ?, ?, ?, ?, ?)", "iiisis", sag, in->project, in->authorisation, in->email,
		    in->supervisor, ends), DB_OK);
		if (access)
			*access = (long long)res.insert_id;
		db_result_free(&res);
	}
	if (in->has & FXS_AGREEMENT)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT IGNORE INTO user_agreement_acceptances "
		    "(agreement_id, user_id) VALUES (?, ?)", "ii", fixture_agreement(in->supervisor),
		    in->student_uid), DB_OK);
	if (in->has & FXS_CERTIFIED)
		ck_assert_int_eq(db_exec(fx_db, NULL, "INSERT IGNORE INTO certifications (email, name, "
		    "passed_on, recorded_by) VALUES (?, ?, CURDATE() - INTERVAL 10 DAY, ?)", "ssi",
		    in->email, in->name, in->supervisor), DB_OK);
	return sag;
}
