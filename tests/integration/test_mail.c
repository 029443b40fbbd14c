/*
 * The outbox and the mailer against the test stack's MariaDB and SMTP server (scripts/test:
 * PORTAL_CONFIG, PORTAL_MAILDIR, PORTAL_SMTP_STOP/START, PORTAL_MAILER_STOP/START). Mail is the
 * portal's only channel for receipts and notices (R31, R32) and for everything FSE must act on
 * (R5), so each test proves a way it could be lost or sent twice does not happen:
 *   - a message arrives whole: From (name and address), To, Subject with æøå, Date, Message-ID,
 *     text and HTML parts, a PDF with a Danish file name (read back by Python's email package);
 *   - a rolled-back enqueue sends nothing; enqueue outside a transaction is refused;
 *   - SMTP server down: the enqueuing transaction commits, the rows stay queued/deferred, and
 *     when the server is back each is delivered exactly once;
 *   - 451 then 250: deferred by the schedule, then delivered; 550: dead with the reason kept,
 *     retried by FSE (lib + portalctl), dead again;
 *   - two mailers on 1,000 queued messages: each delivered exactly once;
 *   - a mailer SIGKILLed mid-batch: its claims wait for their lease, then another mailer sends
 *     them; nothing lost, duplicates (at most the one in flight) counted and reported;
 *   - SIGTERM: exit 0, the rest of the batch given back, no duplicate;
 *   - shares (issue 12: mailers on several Galera nodes): each claims its own rows first and
 *     another share's only once they have been due for the takeover time;
 *   - retention (R33): sent mails past mail_keep_sent_days and dead ones past
 *     mail_keep_dead_days go (with their attachments), nothing else does, whatever its age
 *     (queued, deferred, claimed); 0 days keeps forever; more than a batch is purged whole;
 *     the mailer purges at start and `portalctl mail-purge` on demand. Rows are planted with
 *     their ages and counted by this run's kind only, so other suites' rows do not matter.
 * Waiting for retry times and leases: the tests move next_attempt / claimed_until in the
 * database instead of sleeping (the schedule itself is unit-tested, and one test checks that a
 * 451 really schedules the retry mail_retry_first seconds ahead).
 * The stack's own mailer is stopped for the run and started again after; the checks poll the
 * database, so they hold with it running too.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "mail.h"
#include "tmpl.h"

#include "../check_run.h"

static struct config cfg;
static struct db *db;
static char kind[64];		/* unique per test and run: every query is scoped by it */
static char logdir[256];

static void
setup(void)
{
	const char *path = getenv("PORTAL_CONFIG");
	char err[512];

	ck_assert_msg(path != NULL, "PORTAL_CONFIG is not set: run through scripts/test");
	ck_assert_msg(getenv("PORTAL_MAILDIR") != NULL, "PORTAL_MAILDIR is not set");
	ck_assert_msg(config_load(&cfg, path, err, sizeof(err)) == CONFIG_OK, "%s", err);
	db = db_new(&cfg);
	ck_assert_int_eq(db_connect(db), DB_OK);
}

static void
teardown(void)
{
	db_free(db);
	db = NULL;
}

static void
set_kind(const char *test)
{
	snprintf(kind, sizeof(kind), "t_%s_%ld_%ld", test, (long)getpid(), (long)time(NULL));
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* ---- the stack and the mailer ------------------------------------------------------------- */

static void
stack(const char *envname)
{
	const char *cmd = getenv(envname);

	ck_assert_msg(cmd != NULL, "%s is not set: run through scripts/test", envname);
	ck_assert_msg(system(cmd) == 0, "%s failed", cmd);
}

/* Starts bin/mailer with the stack's config; its log goes to logdir/NAME.log. */
static pid_t
mailer_spawn(const char *name, int once)
{
	char log[512];
	pid_t pid;
	int fd;

	snprintf(log, sizeof(log), "%s/%s.log", logdir, name);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(PORTAL_BUILDDIR "/bin/mailer", "mailer", "-c", getenv("PORTAL_CONFIG"),
		    once ? "--once" : (char *)NULL, (char *)NULL);
		_exit(127);
	}
	return pid;
}

/* Waits at most secs for pid; its exit status, or -1 (then it is killed). */
static int
wait_exit(pid_t pid, double secs)
{
	double until = now() + secs;
	int st;

	while (now() < until) {
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		sleep_ms(20);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

static void
mailer_once(const char *name)
{
	ck_assert_int_eq(wait_exit(mailer_spawn(name, 1), 30), 0);
}

/* Lines in a mailer's log that contain needle. */
static unsigned
log_count(const char *name, const char *needle)
{
	char path[512], line[2048];
	unsigned n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.log", logdir, name);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, needle))
			n++;
	fclose(f);
	return n;
}

/* ---- the outbox ---------------------------------------------------------------------------- */

static const unsigned char pdf[] =
	"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
	"trailer << /Root 1 0 R >>\n\x00\x01\x02\xff%%EOF\n";
static const char pdf_name[] = "Forskningspotentiale – Åse Ørsted (vejleder).pdf";

/* n mails to LOCAL-i@example.org in transactions of at most 250; ids in order. */
static void
enqueue_n(size_t n, const char *local, unsigned long long *ids)
{
	char to[128], subject[128], text[256];
	struct mail m;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i % 250 == 0)
			ck_assert_int_eq(db_begin(db), DB_OK);
		snprintf(to, sizeof(to), "%s-%zu@example.org", local, i);
		snprintf(subject, sizeof(subject), "Besked %zu af %zu: kvittering (R31)", i + 1, n);
		snprintf(text, sizeof(text), "Kære modtager\n\nBesked %zu. Æ Ø Å.\n", i + 1);
		memset(&m, 0, sizeof(m));
		m.to = to;
		m.subject = subject;
		m.text = text;
		m.kind = kind;
		ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &ids[i]), MAIL_OK);
		if (i % 250 == 249 || i == n - 1)
			ck_assert_int_eq(db_commit(db), DB_OK);
	}
}

static long long
count_state(const char *state)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "(state = ? OR ? IS NULL)", "sss", kind, state, state), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

/* Polls until count_state(state) reaches want; the count it saw last. */
static long long
wait_count(const char *state, long long want, double secs)
{
	double until = now() + secs;
	long long n;

	while ((n = count_state(state)) < want && now() < until)
		sleep_ms(10);
	return n;
}

static char *
row_text(unsigned long long id, const char *column)
{
	struct db_result res;
	char sql[256], *s = NULL;

	/* column is one of ours, never input. */
	snprintf(sql, sizeof(sql), "SELECT %s FROM outbox WHERE id = ?", column);
	ck_assert_int_eq(db_exec(db, &res, sql, "i", (long long)id), DB_OK);
	if (db_cell(&res, 0, 0))
		s = strdup(db_cell(&res, 0, 0));
	db_result_free(&res);
	return s;
}

/* The retry time has come: what mail_retry_first seconds would do, without the wait. */
static void
make_due(void)
{
	ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET next_attempt = NOW(6) "
	    "WHERE kind = ? AND state = 'deferred'", "s", kind), DB_OK);
}

/* ---- the maildir --------------------------------------------------------------------------- */

struct delivered {
	char	*mid;
	char	*file;
};

struct maildir {
	struct delivered	*d;
	size_t			 n, cap;
};

static int
cmp_delivered(const void *a, const void *b)
{
	return strcmp(((const struct delivered *)a)->mid, ((const struct delivered *)b)->mid);
}

/* The Message-ID header of a delivered file (headers only; ours are never folded). */
static char *
file_message_id(const char *path)
{
	char head[16384], *p, *e;
	size_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	if ((p = strstr(head, "\r\n\r\n")) != NULL || (p = strstr(head, "\n\n")) != NULL)
		*p = '\0';
	for (p = head; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncasecmp(p, "Message-ID:", 11) == 0) {
			p += 11;
			while (*p == ' ')
				p++;
			for (e = p; *e && *e != '\r' && *e != '\n'; e++)
				;
			return strndup(p, (size_t)(e - p));
		}
	}
	return NULL;
}

static void
maildir_scan(struct maildir *m)
{
	static const char *const subs[] = { "new", "cur" };
	char dir[512], path[1024];
	struct dirent *de;
	size_t i;
	DIR *dp;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < 2; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", getenv("PORTAL_MAILDIR"), subs[i]);
		if ((dp = opendir(dir)) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			char *mid;

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if ((mid = file_message_id(path)) == NULL)
				continue;
			if (m->n == m->cap) {
				m->cap = m->cap ? m->cap * 2 : 1024;
				m->d = realloc(m->d, m->cap * sizeof(*m->d));
				ck_assert_ptr_nonnull(m->d);
			}
			m->d[m->n].mid = mid;
			m->d[m->n].file = strdup(path);
			m->n++;
		}
		closedir(dp);
	}
	if (m->n)
		qsort(m->d, m->n, sizeof(*m->d), cmp_delivered);
}

static void
maildir_free(struct maildir *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->d[i].mid);
		free(m->d[i].file);
	}
	free(m->d);
}

/* How many times mid was delivered; *file gets one of its files. */
static size_t
delivered(const struct maildir *m, const char *mid, const char **file)
{
	size_t lo = 0, hi = m->n, mid_i, n = 0;

	while (lo < hi) {
		mid_i = (lo + hi) / 2;
		if (strcmp(m->d[mid_i].mid, mid) < 0)
			lo = mid_i + 1;
		else
			hi = mid_i;
	}
	if (file)
		*file = lo < m->n && strcmp(m->d[lo].mid, mid) == 0 ? m->d[lo].file : NULL;
	for (; lo < m->n && strcmp(m->d[lo].mid, mid) == 0; lo++)
		n++;
	return n;
}

/* For every row of this test: how often its Message-ID arrived. */
struct tally {
	long long	rows, missing, once, twice_or_more, extra, sent_rows_missing;
};

static struct tally
tally(void)
{
	struct db_result res;
	struct maildir m;
	struct tally t;
	size_t i, n;

	memset(&t, 0, sizeof(t));
	maildir_scan(&m);
	ck_assert_int_eq(db_exec(db, &res, "SELECT message_id, state FROM outbox WHERE kind = ?",
	    "s", kind), DB_OK);
	for (i = 0; i < res.nrows; i++) {
		n = delivered(&m, db_cell(&res, i, 0), NULL);
		t.rows++;
		if (n == 0) {
			t.missing++;
			if (strcmp(db_cell(&res, i, 1), "sent") == 0)
				t.sent_rows_missing++;
		} else if (n == 1)
			t.once++;
		else {
			t.twice_or_more++;
			t.extra += (long long)n - 1;
		}
	}
	db_result_free(&res);
	maildir_free(&m);
	return t;
}

/* ---- reading a delivered message with Python's email package ------------------------------- */

static char *
parse_mail(const char *file)
{
	const char *src = getenv("PORTAL_SRCDIR") ? getenv("PORTAL_SRCDIR") : PORTAL_SRCDIR_DEFAULT;
	char cmd[2048], chunk[4096];
	struct buf out;
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 '%s/tests/integration/mail_parse.py' '%s'",
	    src, file);
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	buf_init(&out, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_append(&out, chunk, n);
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_ptr_nonnull(out.data);
	return buf_steal(&out, NULL);
}

/* The nth (0-based) value of key in parse_mail's output, unescaped; NULL if absent. */
static char *
field(const char *parsed, const char *key, int nth)
{
	size_t klen = strlen(key);
	const char *p = parsed, *e;
	struct buf v;

	for (; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, key, klen) != 0 || p[klen] != '=' || nth-- > 0)
			continue;
		buf_init(&v, 0);
		buf_puts(&v, "");
		for (p += klen + 1, e = strchr(p, '\n'); p < e; p++) {
			if (*p == '\\' && p + 1 < e) {
				p++;
				buf_append(&v, *p == 'n' ? "\n" : *p == 'r' ? "\r" : p, 1);
			} else
				buf_append(&v, p, 1);
		}
		return buf_steal(&v, NULL);
	}
	return NULL;
}

static void
assert_field(const char *parsed, const char *key, const char *want)
{
	char *v = field(parsed, key, 0);

	ck_assert_msg(v != NULL, "no %s in the delivered mail", key);
	ck_assert_msg(strcmp(v, want) == 0, "%s: got \"%s\", want \"%s\"", key, v, want);
	free(v);
}

static void
assert_field_has(const char *parsed, const char *key, const char *needle)
{
	char *v = field(parsed, key, 0);

	ck_assert_msg(v != NULL, "no %s in the delivered mail", key);
	ck_assert_msg(strstr(v, needle) != NULL, "%s: \"%s\" lacks \"%s\"", key, v, needle);
	free(v);
}

/* The one delivered file of row id (asserting it arrived exactly once). */
static char *
delivered_file(unsigned long long id)
{
	char *mid = row_text(id, "message_id"), *file;
	const char *f;
	struct maildir m;

	ck_assert_ptr_nonnull(mid);
	maildir_scan(&m);
	ck_assert_msg(delivered(&m, mid, &f) == 1, "%s delivered %zu times", mid,
	    delivered(&m, mid, NULL));
	file = strdup(f);
	maildir_free(&m);
	free(mid);
	return file;
}

/* ---- tests --------------------------------------------------------------------------------- */

START_TEST(message_arrives_whole)
{
	static const char subject[] = "Kvittering: ansøgning om uddannelsesautorisation er modtaget "
	    "– Københavns Universitet, Institut for Økonomi, Ærø og Åbenrå (R31)";
	struct mail_attachment att = { pdf_name, "application/pdf", pdf, sizeof(pdf) - 1 };
	struct mail m = { "ida.soerensen@example.org", "Ida Sørensen", subject,
	    "Kære Ida Sørensen\n\nVi har modtaget ansøgningen. Æ Ø Å æ ø å.\n\n"
	    "Linje med = og .\n.\nsidste linje\n",
	    "<p>Kære Ida Sørensen</p><p>Vi har modtaget ansøgningen. Æ Ø Å æ ø å.</p>",
	    NULL, &att, 1 };
	unsigned long long id;
	char *file, *parsed, *v, *reply, hex[2 * sizeof(pdf) + 1];
	size_t i;
	long long sent_at;

	set_kind("whole");
	m.kind = kind;
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &id), MAIL_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	mailer_once("whole");
	ck_assert_int_eq(wait_count("sent", 1, 10), 1);
	reply = row_text(id, "smtp_reply");
	ck_assert_msg(reply && strncmp(reply, "250 ", 4) == 0, "reply kept: %s", reply);
	free(reply);

	file = delivered_file(id);
	parsed = parse_mail(file);
	assert_field(parsed, "defects", "");
	assert_field(parsed, "header_8bit", "0");
	v = field(parsed, "max_line", 0);
	ck_assert_int_le(atoi(v), 998);
	free(v);
	v = field(parsed, "max_line_ours", 0);
	ck_assert_int_le(atoi(v), 78);
	free(v);
	assert_field(parsed, "from_name", cfg.mail_from_name);
	assert_field(parsed, "from_addr", cfg.mail_from);
	assert_field(parsed, "to_name", "Ida Sørensen");
	assert_field(parsed, "to_addr", "ida.soerensen@example.org");
	assert_field(parsed, "subject", subject);
	assert_field_has(parsed, "subject_raw", "=?UTF-8?Q?");
	v = row_text(id, "message_id");
	assert_field(parsed, "message_id", v);
	free(v);
	v = field(parsed, "date_epoch", 0);
	sent_at = atoll(v);
	free(v);
	ck_assert_msg(llabs(sent_at - (long long)time(NULL)) < 120, "Date is the time of sending");
	assert_field(parsed, "mime_version", "1.0");
	assert_field(parsed, "auto_submitted", "auto-generated");
	assert_field(parsed, "content_type_count", "1");
	assert_field(parsed, "structure",
	    "multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf)");
	assert_field(parsed, "text", "Kære Ida Sørensen\n\nVi har modtaget ansøgningen. Æ Ø Å æ ø "
	    "å.\n\nLinje med = og .\n.\nsidste linje\n");
	assert_field(parsed, "text_cte", "quoted-printable");
	assert_field_has(parsed, "html", "<p>Vi har modtaget ansøgningen. Æ Ø Å æ ø å.</p>");
	for (i = 0; i < sizeof(pdf) - 1; i++)
		snprintf(hex + 2 * i, 3, "%02x", pdf[i]);
	v = field(parsed, "attachment", 0);
	ck_assert_ptr_nonnull(v);
	ck_assert_msg(strncmp(v, pdf_name, strlen(pdf_name)) == 0, "file name survives: %s", v);
	ck_assert_msg(strstr(v, "|application/pdf|base64|") != NULL, "%s", v);
	ck_assert_msg(strcmp(strrchr(v, '|') + 1, hex) == 0, "PDF bytes unchanged");
	free(v);
	ck_assert_ptr_null(field(parsed, "attachment", 1));
	free(parsed);
	free(file);
}
END_TEST

START_TEST(template_message_text_and_html)
{
	struct tmpl_dict *d;
	unsigned long long id;
	static const char greeting[] = "Kære Åse Ørsted & Co <x>\n\nDette er";
	char err[512], *file, *parsed, *v;

	set_kind("template");
	ck_assert_msg(tmpl_init(cfg.templates_dir, err, sizeof(err)) == TMPL_OK, "%s", err);
	d = tmpl_dict_new();
	tmpl_set(d, "NAME", "Åse Ørsted & Co <x>");
	tmpl_set(d, "MESSAGE", "æøå ÆØÅ");
	tmpl_set(d, "BASE_URL", cfg.base_url);
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue_template(db, &cfg, "aase@example.org", NULL,
	    "Prøvebesked fra Specialeportalen", "test_message", d, kind, &id), MAIL_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	/* A template that does not exist is refused before anything is written. */
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue_template(db, &cfg, "aase@example.org", NULL, "x",
	    "no_such_template", d, kind, NULL), MAIL_ETEMPLATE);
	ck_assert_int_eq(mail_enqueue_template(db, &cfg, "aase@example.org", NULL, "x",
	    "../layout", d, kind, NULL), MAIL_EARGS);
	db_rollback(db);
	tmpl_dict_free(d);
	mailer_once("template");
	ck_assert_int_eq(wait_count("sent", 1, 10), 1);
	file = delivered_file(id);
	parsed = parse_mail(file);
	assert_field(parsed, "defects", "");
	assert_field(parsed, "to_addr", "aase@example.org");
	assert_field(parsed, "subject", "Prøvebesked fra Specialeportalen");
	/* No attachments: text and HTML are the whole message, as alternatives. */
	assert_field(parsed, "structure", "multipart/alternative(text/plain,text/html)");
	assert_field(parsed, "content_type_count", "1");
	v = field(parsed, "text", 0);
	ck_assert_msg(strncmp(v, greeting, strlen(greeting)) == 0,
	    "text starts with the greeting, then a blank line: %s", v);
	free(v);
	assert_field_has(parsed, "text", "prøvebesked fra Specialeportalen: æøå ÆØÅ");
	assert_field_has(parsed, "html", "Kære Åse Ørsted &amp; Co &lt;x&gt;");
	free(parsed);
	free(file);
}
END_TEST

START_TEST(rollback_sends_nothing)
{
	struct mail m = { "rollback@example.org", NULL, "Må aldrig sendes", "Rullet tilbage",
	    NULL, NULL, NULL, 0 };
	struct db_result res;
	unsigned long long id;
	struct maildir md;
	char *mid;

	set_kind("rollback");
	m.kind = kind;
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &id), MAIL_OK);
	mid = row_text(id, "message_id");	/* visible inside the transaction */
	ck_assert_ptr_nonnull(mid);
	db_rollback(db);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE id = ?", "i",
	    (long long)id), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);
	db_result_free(&res);
	mailer_once("rollback");
	maildir_scan(&md);
	ck_assert_uint_eq(delivered(&md, mid, NULL), 0);
	maildir_free(&md);
	free(mid);
	/* Without the caller's transaction a mail could commit apart from its cause. */
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &id), MAIL_ENOTX);
	ck_assert_int_eq(count_state(NULL), 0);
}
END_TEST

START_TEST(server_down_then_back)
{
	unsigned long long ids[5];
	struct db_result res;
	struct tally t;
	char *err;

	set_kind("down");
	stack("PORTAL_SMTP_STOP");
	/* The request that enqueues does not notice: its transaction commits. */
	enqueue_n(5, "down", ids);
	ck_assert_int_eq(count_state(NULL), 5);
	mailer_once("down");
	ck_assert_int_eq(count_state("sent"), 0);
	ck_assert_int_eq(count_state("dead"), 0);
	ck_assert_int_eq(count_state("queued") + count_state("deferred"), 5);
	/* The attempted one is deferred with the transport error; the rest were given back. */
	ck_assert_int_ge(count_state("deferred"), 1);
	ck_assert_int_eq(db_exec(db, &res, "SELECT id FROM outbox WHERE kind = ? AND "
	    "state = 'deferred' LIMIT 1", "s", kind), DB_OK);
	err = row_text((unsigned long long)db_cell_int(&res, 0, 0, 0), "last_error");
	db_result_free(&res);
	ck_assert_msg(err && strstr(err, "onnect") != NULL, "last_error: %s", err);
	free(err);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "claimed_by IS NOT NULL", "s", kind), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);
	db_result_free(&res);
	t = tally();
	ck_assert_int_eq(t.missing, 5);

	stack("PORTAL_SMTP_START");
	make_due();
	mailer_once("down-back");
	ck_assert_int_eq(wait_count("sent", 5, 15), 5);
	t = tally();
	ck_assert_int_eq(t.once, 5);
	ck_assert_int_eq(t.twice_or_more, 0);
}
END_TEST

START_TEST(tempfail_then_delivered)
{
	struct mail m = { NULL, "Midlertidig", "Prøv igen", "451 først, så 250", NULL, NULL,
	    NULL, 0 };
	struct db_result res;
	unsigned long long id;
	char to[128], *v;
	struct tally t;

	set_kind("tempfail");
	m.kind = kind;
	snprintf(to, sizeof(to), "tempfail-%s@example.org", kind + 2);
	for (v = to; *v; v++)
		if (*v == '_')
			*v = '-';
	m.to = to;
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &id), MAIL_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	mailer_once("tempfail");
	ck_assert_int_eq(wait_count("deferred", 1, 10), 1);
	v = row_text(id, "last_error");
	ck_assert_msg(v && strstr(v, "RCPT TO: 451") != NULL, "last_error: %s", v);
	free(v);
	/* The schedule, for real: the next attempt is mail_retry_first seconds ahead. */
	ck_assert_int_eq(db_exec(db, &res, "SELECT attempts, TIMESTAMPDIFF(SECOND, "
	    "last_attempt_at, next_attempt) FROM outbox WHERE id = ?", "i", (long long)id), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 1);
	ck_assert_int_ge(db_cell_int(&res, 0, 1, -1), (long long)cfg.mail_retry_first - 1);
	ck_assert_int_le(db_cell_int(&res, 0, 1, -1), (long long)cfg.mail_retry_first + 1);
	db_result_free(&res);
	/* Not due yet: a mailer leaves it alone. */
	mailer_once("tempfail-early");
	ck_assert_int_eq(count_state("deferred"), 1);

	make_due();
	mailer_once("tempfail-due");
	ck_assert_int_eq(wait_count("sent", 1, 10), 1);
	ck_assert_int_eq(db_exec(db, &res, "SELECT attempts FROM outbox WHERE id = ?", "i",
	    (long long)id), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 2);
	db_result_free(&res);
	t = tally();
	ck_assert_int_eq(t.once, 1);
}
END_TEST

START_TEST(reject_is_dead_with_reason)
{
	struct mail m = { "reject-me@example.org", NULL, "Afvist", "550", NULL, NULL, NULL, 0 };
	struct mail_list l;
	unsigned long long id, sent_id;
	char cmd[1024], line[1024], *v;
	size_t i;
	int found = 0;
	FILE *p;

	set_kind("reject");
	m.kind = kind;
	ck_assert_int_eq(db_begin(db), DB_OK);
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &id), MAIL_OK);
	m.to = "accepted@example.org";
	ck_assert_int_eq(mail_enqueue(db, &cfg, &m, &sent_id), MAIL_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	mailer_once("reject");
	ck_assert_int_eq(wait_count("dead", 1, 10), 1);
	/* The rejection of one mail does not hold up the next on the connection. */
	ck_assert_int_eq(wait_count("sent", 1, 10), 1);
	v = row_text(id, "last_error");
	ck_assert_msg(v && strstr(v, "550") && strstr(v, "No such mailbox here"), "kept: %s", v);
	free(v);
	ck_assert_ptr_null(row_text(id, "next_attempt"));

	/* FSE's view (the data the page shows). */
	ck_assert_int_eq(mail_list(db, MAIL_LIST_DEAD, 1000, 0, &l), MAIL_OK);
	ck_assert_uint_ge(l.counts.dead, 1);
	for (i = 0; i < l.nrows; i++) {
		ck_assert_str_eq(l.rows[i].state, "dead");
		if (l.rows[i].id == id) {
			found = 1;
			ck_assert_ptr_nonnull(strstr(l.rows[i].last_error, "550"));
			ck_assert_str_eq(l.rows[i].to, "reject-me@example.org");
			ck_assert_uint_eq(l.rows[i].attempts, 1);
		}
	}
	mail_list_free(&l);
	ck_assert_int_eq(found, 1);
	/* The same through portalctl. */
	snprintf(cmd, sizeof(cmd), "'%s/bin/portalctl' -c '%s' mail-list dead 1000",
	    PORTAL_BUILDDIR, getenv("PORTAL_CONFIG"));
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	found = 0;
	while (fgets(line, sizeof(line), p))
		if (strtoull(line, NULL, 10) == id && strstr(line, "dead"))
			found = 1;
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_int_eq(found, 1);

	/* Retry: only a dead mail can be retried; it is queued again and, still refused, dies. */
	ck_assert_int_eq(mail_retry_dead(db, sent_id), MAIL_ENOTFOUND);
	ck_assert_int_eq(mail_retry_dead(db, 0), MAIL_ENOTFOUND);
	snprintf(cmd, sizeof(cmd), "'%s/bin/portalctl' -c '%s' mail-retry %llu >/dev/null",
	    PORTAL_BUILDDIR, getenv("PORTAL_CONFIG"), id);
	ck_assert_int_eq(system(cmd), 0);
	v = row_text(id, "state");
	ck_assert_str_eq(v, "queued");
	free(v);
	ck_assert_int_ne(system(cmd), 0);	/* not dead any more */
	mailer_once("reject-retry");
	ck_assert_int_eq(wait_count("dead", 1, 10), 1);
	v = row_text(id, "attempts");
	ck_assert_str_eq(v, "1");
	free(v);
	ck_assert_int_eq(tally().missing, 1);
}
END_TEST

START_TEST(two_mailers_thousand_messages)
{
	static unsigned long long ids[1000];
	char needle[128];
	pid_t a, b;
	double t0, secs;
	struct tally t;
	int ra, rb;
	unsigned na, nb;

	set_kind("two");
	enqueue_n(1000, "bulk", ids);
	t0 = now();
	a = mailer_spawn("two-a", 1);
	b = mailer_spawn("two-b", 1);
	ra = wait_exit(a, 50);
	rb = wait_exit(b, 50);
	secs = now() - t0;
	ck_assert_int_eq(ra, 0);
	ck_assert_int_eq(rb, 0);
	ck_assert_int_eq(wait_count("sent", 1000, 10), 1000);
	t = tally();
	snprintf(needle, sizeof(needle), " kind=%s ", kind);
	na = log_count("two-a", needle);
	nb = log_count("two-b", needle);
	printf("two mailers: 1000 messages in %.2f s (%.0f msg/s); mailer a sent %u, b sent %u; "
	    "delivered once %lld, more than once %lld, missing %lld\n", secs, 1000 / secs, na, nb,
	    t.once, t.twice_or_more, t.missing);
	fflush(stdout);
	ck_assert_int_eq(t.once, 1000);
	ck_assert_int_eq(t.twice_or_more, 0);
	ck_assert_int_eq(t.missing, 0);
	/* Both really worked, side by side (SKIP LOCKED kept their claims apart). */
	ck_assert_uint_gt(na, 0);
	ck_assert_uint_gt(nb, 0);
	ck_assert_uint_eq(na + nb, 1000);
}
END_TEST

START_TEST(sigkill_mid_batch_loses_nothing)
{
	static unsigned long long ids[400];
	struct db_result res;
	char owner_like[64];
	long long held, sent_before;
	struct tally t;
	pid_t pid;

	set_kind("kill");
	enqueue_n(400, "kill", ids);
	pid = mailer_spawn("kill", 0);
	/* 120 is inside the third batch of 50: the kill lands with claimed rows unsent. */
	ck_assert_int_ge(wait_count("sent", 120, 20), 120);
	kill(pid, SIGKILL);
	ck_assert_int_eq(wait_exit(pid, 5), 128 + SIGKILL);
	sent_before = count_state("sent");

	/* Rows it had claimed but not finished: still held by its lease. */
	snprintf(owner_like, sizeof(owner_like), "%%:%ld:%%", (long)pid);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "state IN ('queued', 'deferred') AND claimed_by LIKE ? AND claimed_until > NOW(6)",
	    "ss", kind, owner_like), DB_OK);
	held = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	ck_assert_int_gt(held, 0);
	/* Another mailer sends everything else but respects the lease. */
	mailer_once("kill-other");
	ck_assert_int_eq(count_state("sent"), 400 - held);

	/* The lease runs out (moved, not waited for: 4 * smtp_timeout + 60 s). */
	ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET claimed_until = NOW(6) - INTERVAL 1 "
	    "SECOND WHERE kind = ? AND claimed_by LIKE ?", "ss", kind, owner_like), DB_OK);
	mailer_once("kill-after");
	ck_assert_int_eq(wait_count("sent", 400, 15), 400);
	t = tally();
	printf("SIGKILL after %lld sent: %lld claimed rows waited for their lease; "
	    "delivered once %lld, more than once %lld (extra copies %lld), missing %lld\n",
	    sent_before, held, t.once, t.twice_or_more, t.extra, t.missing);
	fflush(stdout);
	ck_assert_int_eq(t.missing, 0);		/* never lost */
	ck_assert_int_le(t.extra, 1);		/* at most the one between 250 and UPDATE */
	ck_assert_int_eq(t.once + t.twice_or_more, 400);
}
END_TEST

START_TEST(sigterm_returns_claims)
{
	static unsigned long long ids[300];
	struct db_result res;
	char owner_like[64];
	struct tally t;
	pid_t pid;

	set_kind("term");
	enqueue_n(300, "term", ids);
	pid = mailer_spawn("term", 0);
	ck_assert_int_ge(wait_count("sent", 70, 20), 70);
	kill(pid, SIGTERM);
	ck_assert_int_eq(wait_exit(pid, 15), 0);
	ck_assert_uint_eq(log_count("term", "stopping owner="), 1);
	snprintf(owner_like, sizeof(owner_like), "%%:%ld:%%", (long)pid);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "claimed_by LIKE ?", "ss", kind, owner_like), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);	/* nothing left claimed */
	db_result_free(&res);
	/* Exactly the rows marked sent arrived, each once: a clean stop duplicates nothing. */
	t = tally();
	ck_assert_int_eq(t.sent_rows_missing, 0);
	ck_assert_int_eq(t.twice_or_more, 0);
	ck_assert_int_eq(t.once, count_state("sent"));
	ck_assert_int_lt(t.once, 300);

	mailer_once("term-after");
	ck_assert_int_eq(wait_count("sent", 300, 15), 300);
	t = tally();
	ck_assert_int_eq(t.once, 300);
	ck_assert_int_eq(t.twice_or_more, 0);
}
END_TEST

/* ---- retention (R33) ----------------------------------------------------------------------- */

/* A row of this run's kind, as it would be after `days` days in `state` (queued, deferred,
 * sent, dead or "claimed": deferred and held by a live lease); label goes in the subject. */
static unsigned long long
plant(const char *state, long long days, const char *label)
{
	static unsigned seq;
	struct db_result res;
	char mid[160], to[96], subject[96];
	const char *st = strcmp(state, "claimed") == 0 ? "deferred" : state;
	unsigned long long id;

	snprintf(mid, sizeof(mid), "<%s.%u@purge.example.org>", kind, ++seq);
	snprintf(to, sizeof(to), "purge-%s@example.org", label);
	snprintf(subject, sizeof(subject), "Opbevaring %s", label);
	ck_assert_int_eq(db_exec(db, &res, "INSERT INTO outbox (message_id, kind, from_addr, "
	    "to_addr, subject, body_text, state, attempts, created_at, queued_at, last_attempt_at) "
	    "VALUES (?, ?, 'portal@example.org', ?, ?, 'Åse Ørsted, Vej 1, 2100 København Ø', ?, "
	    "1, NOW(6) - INTERVAL ? DAY, NOW(6) - INTERVAL ? DAY, NOW(6) - INTERVAL ? DAY)",
	    "sssssiii", mid, kind, to, subject, st, days, days, days), DB_OK);
	id = res.insert_id;
	db_result_free(&res);
	/* Pending rows are due only tomorrow: no mailer of a later test sends them. */
	if (strcmp(state, "sent") == 0)
		ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET sent_at = last_attempt_at, "
		    "smtp_reply = '250 2.0.0 OK' WHERE id = ?", "i", (long long)id), DB_OK);
	else if (strcmp(state, "dead") == 0)
		ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET last_error = '550 no' "
		    "WHERE id = ?", "i", (long long)id), DB_OK);
	else if (strcmp(state, "queued") == 0)
		ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET attempts = 0, "
		    "last_attempt_at = NULL, next_attempt = NOW(6) + INTERVAL 1 DAY WHERE id = ?", "i",
		    (long long)id), DB_OK);
	else
		ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET next_attempt = NOW(6) + "
		    "INTERVAL 1 DAY WHERE id = ?", "i", (long long)id), DB_OK);
	if (strcmp(state, "claimed") == 0)
		ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET claimed_by = ?, "
		    "claimed_until = NOW(6) + INTERVAL 1 HOUR WHERE id = ?", "si", kind,
		    (long long)id), DB_OK);
	return id;
}

/* This run's rows whose subject is "Opbevaring <label>" (NULL: all of this run's rows). */
static long long
planted(const char *label)
{
	struct db_result res;
	char subject[96];
	long long n;

	snprintf(subject, sizeof(subject), "Opbevaring %s", label ? label : "");
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "(subject = ? OR ? IS NULL)", "sss", kind, subject, label), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

static void
unplant(void)
{
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM outbox WHERE kind = ?", "s", kind), DB_OK);
}

START_TEST(purge_keeps_exactly_what_it_should)
{
	static const char *const kept[] = { "sent29", "dead89", "queued400", "deferred400",
		"claimed400", "sent1", "dead31" };
	struct config c = cfg;
	struct db_result res;
	unsigned long long n = 0, sent31;
	char cmd[1024], line[512];
	size_t i;
	FILE *p;

	set_kind("purge");
	c.mail_keep_sent_days = 30;
	c.mail_keep_dead_days = 90;
	sent31 = plant("sent", 31, "sent31");
	plant("sent", 29, "sent29");
	plant("sent", 1, "sent1");
	plant("dead", 91, "dead91");
	plant("dead", 89, "dead89");
	plant("dead", 31, "dead31");	/* past the sent limit, not the dead one */
	plant("queued", 400, "queued400");
	plant("deferred", 400, "deferred400");
	plant("claimed", 400, "claimed400");
	ck_assert_int_eq(db_exec(db, NULL, "INSERT INTO outbox_attachments (outbox_id, seq, "
	    "filename, content_type, data) VALUES (?, 1, 'ansøgning.pdf', 'application/pdf', ?)",
	    "ib", (long long)sent31, pdf, sizeof(pdf)), DB_OK);

	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_uint_ge(n, 2);	/* ours; other suites' old rows may go too */
	ck_assert_int_eq(planted("sent31"), 0);
	ck_assert_int_eq(planted("dead91"), 0);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		ck_assert_msg(planted(kept[i]) == 1, "%s was purged", kept[i]);
	ck_assert_int_eq(planted(NULL), 7);
	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox_attachments "
	    "WHERE outbox_id = ?", "i", (long long)sent31), DB_OK);
	ck_assert_int_eq(db_cell_int(&res, 0, 0, -1), 0);	/* the PDF went with its mail */
	db_result_free(&res);
	/* Again: nothing of ours left to purge. */
	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_int_eq(planted(NULL), 7);

	/* The mailer purges at start (the stack's config: the defaults, 30 and 90 days). */
	ck_assert_uint_eq(cfg.mail_keep_sent_days, 30);
	ck_assert_uint_eq(cfg.mail_keep_dead_days, 90);
	plant("sent", 45, "sent45");
	mailer_once("purge");
	ck_assert_uint_eq(log_count("purge", "msg=\"purged "), 1);
	ck_assert_int_eq(planted("sent45"), 0);

	/* portalctl mail-purge: the same, by hand, with the count. */
	plant("dead", 120, "dead120");
	snprintf(cmd, sizeof(cmd), "'%s/bin/portalctl' -c '%s' mail-purge", PORTAL_BUILDDIR,
	    getenv("PORTAL_CONFIG"));
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), p));
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_msg(strtoull(line, NULL, 10) >= 1 && strstr(line, " purged"), "%s", line);
	ck_assert_int_eq(planted("dead120"), 0);
	ck_assert_int_eq(planted(NULL), 7);
	unplant();
}
END_TEST

START_TEST(purge_zero_days_keeps_forever)
{
	struct config c = cfg;
	unsigned long long n = 1;

	set_kind("purge0");
	plant("sent", 4000, "sent");
	plant("dead", 4000, "dead");
	c.mail_keep_sent_days = 0;
	c.mail_keep_dead_days = 0;
	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_uint_eq(n, 0);	/* nothing at all, anyone's */
	ck_assert_int_eq(planted(NULL), 2);
	/* Each setting alone. */
	c.mail_keep_dead_days = 90;
	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_int_eq(planted("sent"), 1);
	ck_assert_int_eq(planted("dead"), 0);
	plant("dead", 4000, "dead");
	c.mail_keep_sent_days = 30;
	c.mail_keep_dead_days = 0;
	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_int_eq(planted("sent"), 0);
	ck_assert_int_eq(planted("dead"), 1);
	unplant();
}
END_TEST

START_TEST(purge_more_than_a_batch)
{
	enum { N = 2 * MAIL_PURGE_BATCH + 500 };
	struct config c = cfg;
	unsigned long long n = 0;
	char sql[1024];

	set_kind("purgebulk");
	/* seq_1_to_N (MariaDB's sequence engine); N is ours, never input. Send times a second
	 * apart so the batches really walk the index in order. */
	snprintf(sql, sizeof(sql), "INSERT INTO outbox (message_id, kind, from_addr, to_addr, "
	    "subject, body_text, state, attempts, last_attempt_at, sent_at) "
	    "SELECT CONCAT('<', ?, '.bulk', seq, '@purge.example.org>'), ?, 'portal@example.org', "
	    "CONCAT('purge-bulk-', seq, '@example.org'), 'Opbevaring bulk', 'Navn og adresse', "
	    "'sent', 1, NOW(6) - INTERVAL 40 DAY + INTERVAL seq SECOND, "
	    "NOW(6) - INTERVAL 40 DAY + INTERVAL seq SECOND FROM seq_1_to_%d", (int)N);
	ck_assert_int_eq(db_exec(db, NULL, sql, "ss", kind, kind), DB_OK);
	plant("sent", 10, "recent");
	ck_assert_int_eq(planted("bulk"), N);
	c.mail_keep_sent_days = 30;
	c.mail_keep_dead_days = 90;
	ck_assert_int_eq(mail_purge(db, &c, &n), MAIL_OK);
	ck_assert_uint_ge(n, N);
	ck_assert_int_eq(planted("bulk"), 0);
	ck_assert_int_eq(planted("recent"), 1);
	unplant();
}
END_TEST

/*
 * Shares (issue 12): mailers on several Galera nodes divide the outbox by id % mailer_slots so
 * that their claims do not collide; each takes its own share first and another's rows only when
 * they have been due for the takeover time (their mailer stopped), so nothing waits forever.
 * mail_claim is called directly; other suites' due rows may be claimed too, so only this run's
 * kind is counted and every claim is given back at the end.
 */
static long long
claimed_of_kind(const char *owner, int parity)
{
	struct db_result res;
	long long n;

	ck_assert_int_eq(db_exec(db, &res, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND "
	    "claimed_by = ? AND (id % 2 = ? OR ? = -1)", "ssii", kind, owner, (long long)parity,
	    (long long)parity), DB_OK);
	n = db_cell_int(&res, 0, 0, -1);
	db_result_free(&res);
	return n;
}

static void
give_back(const char *owner)
{
	ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET claimed_by = NULL, claimed_until = "
	    "NULL WHERE claimed_by = ?", "s", owner), DB_OK);
}

START_TEST(shares_claim_own_rows_then_stale_ones)
{
	static unsigned long long ids[40], got[1000];
	const struct mail_share zero = { 0, 2, 60 }, one = { 1, 2, 60 };
	unsigned lost = 99;
	size_t n;

	set_kind("share");
	enqueue_n(40, "share", ids);
	/* Fresh rows: each share takes its own, never the other's. */
	ck_assert_int_eq(mail_claim(db, "share-0", 300, &zero, 1000, got, &n, &lost), MAIL_OK);
	ck_assert_uint_eq(lost, 0);
	ck_assert_int_eq(claimed_of_kind("share-0", 0), 20);
	ck_assert_int_eq(claimed_of_kind("share-0", 1), 0);
	ck_assert_int_eq(mail_claim(db, "share-1", 300, &one, 1000, got, &n, NULL), MAIL_OK);
	ck_assert_int_eq(claimed_of_kind("share-1", 1), 20);
	ck_assert_int_eq(claimed_of_kind("share-1", 0), 0);
	give_back("share-0");
	give_back("share-1");

	/* Share 0's rows due for two minutes (its mailer is gone): share 1 takes them too, its
	 * own first when the batch has room for only some. */
	ck_assert_int_eq(db_exec(db, NULL, "UPDATE outbox SET next_attempt = NOW(6) - INTERVAL "
	    "120 SECOND WHERE kind = ? AND id % 2 = 0", "s", kind), DB_OK);
	ck_assert_int_eq(mail_claim(db, "share-1", 300, &one, 10, got, &n, NULL), MAIL_OK);
	ck_assert_uint_eq(n, 10);
	ck_assert_int_eq(claimed_of_kind("share-1", 1), 10);
	give_back("share-1");
	ck_assert_int_eq(mail_claim(db, "share-1", 300, &one, 1000, got, &n, NULL), MAIL_OK);
	ck_assert_int_eq(claimed_of_kind("share-1", -1), 40);
	give_back("share-1");

	/* One share (NULL, or slots 1) is any due row, as before shares existed. */
	ck_assert_int_eq(mail_claim(db, "share-any", 300, NULL, 1000, got, &n, NULL), MAIL_OK);
	ck_assert_int_eq(claimed_of_kind("share-any", -1), 40);
	give_back("share-any");
	/* Never sent: gone, so that neither a mailer nor FSE's outbox page meets them later. */
	ck_assert_int_eq(db_exec(db, NULL, "DELETE FROM outbox WHERE kind = ?", "s", kind), DB_OK);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("mail");
	TCase *tc = tcase_create("outbox");
	char *tmp;
	int rc;

	/* Mailers started by the tests log here; scripts/test keeps the directory's path. */
	snprintf(logdir, sizeof(logdir), "/tmp/portal-test-mail-XXXXXX");
	if ((tmp = mkdtemp(logdir)) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	printf("mailer logs in %s\n", logdir);
	fflush(stdout);
	/* The stack's mailer would share the work; the tests start their own. */
	if (getenv("PORTAL_MAILER_STOP") && system(getenv("PORTAL_MAILER_STOP")) != 0)
		fprintf(stderr, "warning: could not stop the stack's mailer\n");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, message_arrives_whole);
	tcase_add_test(tc, template_message_text_and_html);
	tcase_add_test(tc, rollback_sends_nothing);
	tcase_add_test(tc, server_down_then_back);
	tcase_add_test(tc, tempfail_then_delivered);
	tcase_add_test(tc, reject_is_dead_with_reason);
	tcase_add_test(tc, two_mailers_thousand_messages);
	tcase_add_test(tc, sigkill_mid_batch_loses_nothing);
	tcase_add_test(tc, sigterm_returns_claims);
	tcase_add_test(tc, purge_keeps_exactly_what_it_should);
	tcase_add_test(tc, purge_zero_days_keeps_forever);
	tcase_add_test(tc, purge_more_than_a_batch);
	tcase_add_test(tc, shares_claim_own_rows_then_stale_ones);
	suite_add_tcase(s, tc);
	rc = check_run(s);
	if (rc == EXIT_SUCCESS) {
		char cmd[512];

		/* Kept when something failed: the mailers' own account of it. */
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", logdir);
		if (system(cmd) != 0)
			fprintf(stderr, "warning: could not remove %s\n", logdir);
	}
	/* In case a test stopped it. */
	if (getenv("PORTAL_SMTP_START") && system(getenv("PORTAL_SMTP_START")) != 0)
		fprintf(stderr, "warning: could not start the stack's SMTP server again\n");
	if (getenv("PORTAL_MAILER_START") && system(getenv("PORTAL_MAILER_START")) != 0)
		fprintf(stderr, "warning: could not start the stack's mailer again\n");
	return rc;
}
