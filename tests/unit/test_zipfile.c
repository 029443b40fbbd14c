/*
 * The folder as one zip (issue 13, R27), read back by two other readers: Info-ZIP's unzip
 * tests the archive and gives back each file's bytes by its UTF-8 name, Python's zipfile lists
 * the names and times. Names that could leave the folder are refused.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "zipfile.h"

#include "../check_run.h"
#include "../fixtures.h"

#define FOLDER	"Work/Forskningshøjde/"
#define FIRST	FOLDER "P-2026-3 Łukasz Ğündüz.pdf"
#define SECOND	FOLDER "P-2026-4 Anne Sørensen.pdf"

static char path[64];

/* 2026-12-01 12:34:56 in Copenhagen: what the archive must say. */
static time_t
made(void)
{
	struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 1, .tm_hour = 12, .tm_min = 34,
		.tm_sec = 56, .tm_isdst = -1 };

	return mktime(&tm);
}

static void
write_archive(struct buf *a, struct buf *b)
{
	struct buf out;
	struct zipfile z;
	FILE *f;

	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	ck_assert_int_eq(fx_pdf(a, "P-2026-3 Łukasz Ğündüz", "Annex 1 a"), 0);
	ck_assert_int_eq(fx_pdf(b, "P-2026-4 Anne Sørensen", "Annex 1 b"), 0);
	buf_init(&out, 64 << 20);
	zipfile_begin(&z, &out);
	ck_assert_int_eq(zipfile_add(&z, FIRST, a->data, a->len, made()), ZIPFILE_OK);
	ck_assert_int_eq(zipfile_add(&z, SECOND, b->data, b->len, made()), ZIPFILE_OK);
	ck_assert_int_eq(zipfile_finish(&z), ZIPFILE_OK);
	zipfile_free(&z);
	snprintf(path, sizeof(path), "/tmp/portal-zip-%d.zip", (int)getpid());
	ck_assert_ptr_nonnull(f = fopen(path, "wb"));
	ck_assert_uint_eq(fwrite(out.data, 1, out.len, f), out.len);
	ck_assert_int_eq(fclose(f), 0);
	buf_free(&out);
}

/* A command's standard output, whole (its length into *len when given); the caller frees. */
static char *
output(const char *cmd, size_t *len)
{
	char *out = fx_output(cmd, len);

	ck_assert_msg(out != NULL, "%s failed", cmd);
	return out;
}

START_TEST(unzip_tests_and_gives_back_the_bytes)
{
	struct buf a, b;
	char cmd[512], *out;
	size_t n;

	write_archive(&a, &b);
	snprintf(cmd, sizeof(cmd), "LC_ALL=C.UTF-8 unzip -tq '%s'", path);
	out = output(cmd, NULL);
	ck_assert_msg(strstr(out, "No errors detected") != NULL, "%s", out);
	free(out);
	snprintf(cmd, sizeof(cmd), "LC_ALL=C.UTF-8 unzip -p '%s' '%s'", path, FIRST);
	out = output(cmd, &n);
	ck_assert_uint_eq(n, a.len);
	ck_assert_int_eq(memcmp(out, a.data, n), 0);
	free(out);
	snprintf(cmd, sizeof(cmd), "LC_ALL=C.UTF-8 unzip -p '%s' '%s'", path, SECOND);
	out = output(cmd, &n);
	ck_assert_uint_eq(n, b.len);
	ck_assert_int_eq(memcmp(out, b.data, b.len), 0);
	free(out);
	unlink(path);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

START_TEST(python_reads_names_and_times)
{
	struct buf a, b;
	char cmd[512], *out;

	write_archive(&a, &b);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 -c 'import sys, zipfile\n"
	    "z = zipfile.ZipFile(sys.argv[1])\n"
	    "assert z.testzip() is None\n"
	    "for i in z.infolist(): print(i.filename, i.date_time, i.file_size)' '%s'", path);
	out = output(cmd, NULL);
	ck_assert_msg(strstr(out, FIRST " (2026, 12, 1, 12, 34, 56)") != NULL, "%s", out);
	ck_assert_msg(strstr(out, SECOND " (2026, 12, 1, 12, 34, 56)") != NULL, "%s", out);
	free(out);
	unlink(path);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

START_TEST(names_that_leave_the_folder)
{
	static const char *const bad[] = { "", "/etc/passwd", "../x.pdf", "Work/../../x.pdf",
		"Work//x.pdf", "Work/./x.pdf", "Work\\x.pdf", "Work/x\n.pdf", "Work/" };
	struct buf out;
	struct zipfile z;
	size_t i;

	buf_init(&out, 1 << 20);
	zipfile_begin(&z, &out);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(zipfile_add(&z, bad[i], "x", 1, 0) == ZIPFILE_ENAME, "%s", bad[i]);
	ck_assert_int_eq(zipfile_add(&z, "Work/..x.pdf", "x", 1, 0), ZIPFILE_OK);
	ck_assert_int_eq(zipfile_finish(&z), ZIPFILE_OK);
	zipfile_free(&z);
	buf_free(&out);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("zipfile");
	TCase *tc = tcase_create("zip");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, unzip_tests_and_gives_back_the_bytes);
	tcase_add_test(tc, python_reads_names_and_times);
	tcase_add_test(tc, names_that_leave_the_folder);
	suite_add_tcase(s, tc);
	return check_run(s);
}
