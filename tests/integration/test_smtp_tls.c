/*
 * STARTTLS and SMTP authentication in lib/mail_smtp.c, against a real TLS SMTP server: the
 * mailer's password must never cross a plain connection, and the server it talks to must be the
 * one its CA vouches for. Self-contained (no database, no stack): the suite makes a throwaway CA
 * and a certificate for 127.0.0.1 with openssl in a temp dir, a second CA that signed nothing,
 * and starts two scripts/smtp-server.py on free loopback ports, each with its own maildir:
 *   tls     STARTTLS required (that certificate), AUTH required after STARTTLS, one user;
 *   plain   no STARTTLS, AUTH offered in the clear (a server, or an attacker who stripped
 *           STARTTLS from the greeting, that a client must not give a password).
 * Both print each command they get (--log-commands: the verb, AUTH's mechanism, over TLS or
 * not); the tests read what a send added to that log. Each test sends mail_row's built here
 * through mail_smtp_new / mail_smtp_send with a config it fills in:
 *   - required + the right password + smtp_ca_file = the CA: delivered, AUTH only over TLS;
 *     two mails over the one connection; `try` against the same server is TLS too;
 *   - a wrong password: refused at AUTH (535), nothing sent after it, nothing delivered;
 *   - required against the plain server: refused before AUTH or MAIL, nothing delivered;
 *   - a CA that did not sign the server's certificate, or the system's store: refused after
 *     STARTTLS, before AUTH (verification is on), with `try` as well;
 *   - the `try` caveat, shown: against the plain server it authenticates in the clear.
 * PORTAL_SRCDIR (or the source dir compiled in) locates scripts/smtp-server.py.
 */
#include <arpa/inet.h>
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "mail.h"

#include "../check_run.h"

#define USER		"portal-mailer"
#define PASSWORD	"Kodeord-med-æøå-1"

struct server {
	const char	*name;
	pid_t		 pid;
	int		 port;
	char		 maildir[512];
	char		 log[512];
};

static char tmp[256];		/* the temp dir: certificates, maildirs, logs */
static char ca_pem[512], other_ca_pem[512];
static struct server tls_srv = { .name = "tls" }, plain_srv = { .name = "plain" };
static struct config cfg;
static unsigned seq;

/* ---- helpers ------------------------------------------------------------------------------- */

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

/* Runs argv with stdout and stderr appended to log; its exit status, or -1. */
static int
run(char *const argv[], const char *log)
{
	pid_t pid = fork();
	int st, fd;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600)) >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int
free_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

/* The whole file from offset on (NUL-terminated, never NULL). */
static char *
read_from(const char *path, long off)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f;

	buf_init(&b, 0);
	if ((f = fopen(path, "rb")) != NULL) {
		if (fseek(f, off, SEEK_SET) == 0)
			while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
				buf_append(&b, chunk, n);
		fclose(f);
	}
	buf_append(&b, "", 1);
	return buf_steal(&b, NULL);
}

static long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

static unsigned
count(const char *hay, const char *needle)
{
	unsigned n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

/* Messages in maildir/new whose text contains needle. */
static unsigned
delivered(const struct server *s, const char *needle)
{
	char dir[600], path[1200];
	struct dirent *e;
	unsigned n = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/new", s->maildir);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *text;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		text = read_from(path, 0);
		if (strstr(text, needle))
			n++;
		free(text);
	}
	closedir(d);
	return n;
}

/* ---- the fixture: certificates and servers, made once in main() ---------------------------- */

static int
make_certs(void)
{
	char key[512], csr[512], cert[512], other_key[512], ext[512], log[512];
	FILE *f;

	snprintf(log, sizeof(log), "%s/openssl.log", tmp);
	snprintf(key, sizeof(key), "%s/ca.key", tmp);
	snprintf(ca_pem, sizeof(ca_pem), "%s/ca.pem", tmp);
	snprintf(other_key, sizeof(other_key), "%s/other-ca.key", tmp);
	snprintf(other_ca_pem, sizeof(other_ca_pem), "%s/other-ca.pem", tmp);
	snprintf(ext, sizeof(ext), "%s/server.ext", tmp);
	snprintf(csr, sizeof(csr), "%s/server.csr", tmp);
	snprintf(cert, sizeof(cert), "%s/server.pem", tmp);
	if ((f = fopen(ext, "w")) == NULL)
		return -1;
	fputs("subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n"
	    "keyUsage = digitalSignature\nextendedKeyUsage = serverAuth\n", f);
	if (fclose(f) != 0)
		return -1;
	{
		char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
		    "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", ca_pem, "-days", "2",
		    "-subj", "/CN=Specialeportalen test CA", NULL };
		char *other[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
		    "ec_paramgen_curve:P-256", "-nodes", "-keyout", other_key, "-out", other_ca_pem,
		    "-days", "2", "-subj", "/CN=Specialeportalen other CA", NULL };
		char srvkey[512], *req[] = { "openssl", "req", "-newkey", "ec", "-pkeyopt",
		    "ec_paramgen_curve:P-256", "-nodes", "-keyout", srvkey, "-out", csr, "-subj",
		    "/CN=127.0.0.1", NULL };
		char *sign[] = { "openssl", "x509", "-req", "-in", csr, "-CA", ca_pem, "-CAkey", key,
		    "-set_serial", "2", "-days", "2", "-extfile", ext, "-out", cert, NULL };

		snprintf(srvkey, sizeof(srvkey), "%s/server.key", tmp);
		if (run(ca, log) != 0 || run(other, log) != 0 || run(req, log) != 0 ||
		    run(sign, log) != 0) {
			fprintf(stderr, "openssl failed (is it installed?); see %s\n", log);
			return -1;
		}
	}
	return 0;
}

static int
start_server(struct server *s, int tls)
{
	const char *src = getenv("PORTAL_SRCDIR") ? getenv("PORTAL_SRCDIR") : PORTAL_SRCDIR_DEFAULT;
	char script[512], cert[512], key[512], port[16], *argv[16];
	double until;
	int n = 0, fd, st;
	pid_t parent = getpid();

	snprintf(script, sizeof(script), "%s/scripts/smtp-server.py", src);
	snprintf(cert, sizeof(cert), "%s/server.pem", tmp);
	snprintf(key, sizeof(key), "%s/server.key", tmp);
	snprintf(s->maildir, sizeof(s->maildir), "%s/maildir-%s", tmp, s->name);
	snprintf(s->log, sizeof(s->log), "%s/smtp-%s.log", tmp, s->name);
	if ((s->port = free_port()) < 0)
		return -1;
	snprintf(port, sizeof(port), "%d", s->port);
	argv[n++] = "/usr/bin/python3";	/* Debian's: python3-aiosmtpd belongs to it */
	argv[n++] = script;
	if (tls) {
		argv[n++] = "--tls-cert";
		argv[n++] = cert;
		argv[n++] = "--tls-key";
		argv[n++] = key;
	}
	argv[n++] = "--auth";
	argv[n++] = USER ":" PASSWORD;
	argv[n++] = "--log-commands";
	argv[n++] = port;
	argv[n++] = s->maildir;
	argv[n] = NULL;
	if ((s->pid = fork()) < 0)
		return -1;
	if (s->pid == 0) {
		/* Dies with this runner, however it ends. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		if ((fd = open(s->log, O_WRONLY | O_CREAT | O_APPEND, 0600)) >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	/* It prints its address once aiosmtpd has answered its own test connection. */
	for (until = now() + 15; now() < until; sleep_ms(50)) {
		char *log = read_from(s->log, 0);
		int up = strstr(log, "smtp-server: 127.0.0.1:") != NULL;

		free(log);
		if (up)
			return 0;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			s->pid = 0;
			break;
		}
	}
	fprintf(stderr, "the %s SMTP server did not start; its log:\n", s->name);
	{
		char *log = read_from(s->log, 0);

		fputs(log, stderr);
		free(log);
	}
	return -1;
}

static void
stop_server(struct server *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
		s->pid = 0;
	}
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* On failure: what the servers saw, into the suite's output (the temp dir goes anyway). */
static void
dump_logs(void)
{
	const struct server *s[] = { &tls_srv, &plain_srv };
	size_t i;

	for (i = 0; i < 2; i++) {
		char *log;

		if (!s[i]->log[0])
			continue;
		log = read_from(s[i]->log, 0);
		fprintf(stderr, "---- the %s SMTP server's log ----\n%s", s[i]->name, log);
		free(log);
	}
}

/* ---- one send ------------------------------------------------------------------------------ */

static void
set_cfg(const struct server *s, const char *starttls, const char *password, const char *ca)
{
	config_defaults(&cfg);
	snprintf(cfg.smtp_url, sizeof(cfg.smtp_url), "smtp://127.0.0.1:%d", s->port);
	snprintf(cfg.smtp_starttls, sizeof(cfg.smtp_starttls), "%s", starttls);
	snprintf(cfg.smtp_user, sizeof(cfg.smtp_user), "%s", USER);
	snprintf(cfg.smtp_password, sizeof(cfg.smtp_password), "%s", password);
	snprintf(cfg.smtp_ca_file, sizeof(cfg.smtp_ca_file), "%s", ca);
	cfg.smtp_timeout = 5;
}

struct sent {
	enum mail_outcome	out;
	char			reply[1024];
	char			message_id[128];
	char			*log;	/* what the server printed during the send */
};

/* Sends one mail with the current cfg (count of them over one handle) to s; the server's log
 * lines from just this send go to r->log (free it). */
static void
send_mails(const struct server *s, unsigned count, struct sent *r)
{
	struct mail_smtp *m;
	struct mail_row row;
	char subject[128];
	long off = file_size(s->log);
	unsigned i;

	ck_assert_ptr_nonnull(m = mail_smtp_new(&cfg));
	for (i = 0; i < count; i++) {
		snprintf(r[i].message_id, sizeof(r[i].message_id), "<smtp-tls-%ld-%u@test.invalid>",
		    (long)getpid(), ++seq);
		snprintf(subject, sizeof(subject), "TLS-prøve %u", seq);
		memset(&row, 0, sizeof(row));
		row.id = seq;
		row.message_id = r[i].message_id;
		row.from_addr = "specialeportalen@test.invalid";
		row.from_name = "Specialeportalen";
		row.to = "modtager@test.invalid";
		row.to_name = "Åse Ørsted";
		row.subject = subject;
		row.text = "Kære Åse\n\nDenne besked kom over TLS.\n";
		row.kind = "smtp_tls_test";
		r[i].out = mail_smtp_send(m, &row, r[i].reply, sizeof(r[i].reply));
	}
	mail_smtp_free(m);	/* QUIT; the server has printed every command by its reply */
	sleep_ms(100);
	for (i = 0; i < count; i++)
		r[i].log = read_from(s->log, off);
}

static void
sent_free(struct sent *r, unsigned count)
{
	unsigned i;

	for (i = 0; i < count; i++)
		free(r[i].log);
}

/* ---- the tests ----------------------------------------------------------------------------- */

START_TEST(required_right_password_delivers)
{
	struct sent r[2];

	set_cfg(&tls_srv, "required", PASSWORD, ca_pem);
	send_mails(&tls_srv, 2, r);
	ck_assert_msg(r[0].out == MAIL_SENT, "outcome %d: %s", r[0].out, r[0].reply);
	ck_assert_msg(r[1].out == MAIL_SENT, "outcome %d: %s", r[1].out, r[1].reply);
	ck_assert_uint_eq(delivered(&tls_srv, r[0].message_id), 1);
	ck_assert_uint_eq(delivered(&tls_srv, r[1].message_id), 1);
	ck_assert_msg(strstr(r[0].log, "command STARTTLS (tls: no)") != NULL, "%s", r[0].log);
	ck_assert_msg(strstr(r[0].log, "command AUTH PLAIN (tls: yes)") != NULL, "%s", r[0].log);
	ck_assert_msg(strstr(r[0].log, "AUTH PLAIN accepted") != NULL, "%s", r[0].log);
	ck_assert_msg(count(r[0].log, "(tls: no)") == 1, "only STARTTLS may come in the clear:\n%s",
	    r[0].log);
	/* One connection for both: one STARTTLS, one AUTH, two MAIL. */
	ck_assert_uint_eq(count(r[0].log, "command STARTTLS"), 1);
	ck_assert_uint_eq(count(r[0].log, "command AUTH"), 1);
	ck_assert_uint_eq(count(r[0].log, "command MAIL (tls: yes)"), 2);
	sent_free(r, 2);

	/* `try` takes STARTTLS when it is offered, and verifies it the same way. */
	set_cfg(&tls_srv, "try", PASSWORD, ca_pem);
	send_mails(&tls_srv, 1, r);
	ck_assert_msg(r[0].out == MAIL_SENT, "outcome %d: %s", r[0].out, r[0].reply);
	ck_assert_uint_eq(delivered(&tls_srv, r[0].message_id), 1);
	ck_assert_msg(strstr(r[0].log, "command AUTH PLAIN (tls: yes)") != NULL, "%s", r[0].log);
	sent_free(r, 1);
}
END_TEST

/* A refused password is the server's or our settings' matter, not this message's: mail_classify
 * makes it MAIL_CONNFAIL (deferred and retried, dead only after mail_give_up), so fixing
 * smtp_password sends the queue; it never reaches MAIL or DATA. */
START_TEST(wrong_password_refused)
{
	struct sent r[1];

	set_cfg(&tls_srv, "required", "not-the-password", ca_pem);
	send_mails(&tls_srv, 1, r);
	ck_assert_msg(r[0].out == MAIL_CONNFAIL, "outcome %d: %s", r[0].out, r[0].reply);
	ck_assert_msg(strstr(r[0].reply, "535") != NULL, "%s", r[0].reply);
	ck_assert_uint_eq(delivered(&tls_srv, r[0].message_id), 0);
	ck_assert_msg(strstr(r[0].log, "AUTH PLAIN refused") != NULL, "%s", r[0].log);
	ck_assert_msg(strstr(r[0].log, "command MAIL") == NULL, "%s", r[0].log);
	ck_assert_msg(strstr(r[0].log, "command DATA") == NULL, "%s", r[0].log);
	sent_free(r, 1);
}
END_TEST

START_TEST(required_refuses_server_without_starttls)
{
	struct sent r[1];

	set_cfg(&plain_srv, "required", PASSWORD, ca_pem);
	send_mails(&plain_srv, 1, r);
	ck_assert_msg(r[0].out == MAIL_CONNFAIL, "outcome %d: %s", r[0].out, r[0].reply);
	ck_assert_msg(strstr(r[0].reply, "STARTTLS") != NULL, "%s", r[0].reply);
	ck_assert_uint_eq(delivered(&plain_srv, r[0].message_id), 0);
	ck_assert_msg(strstr(r[0].log, "command AUTH") == NULL, "AUTH in the clear:\n%s",
	    r[0].log);
	ck_assert_msg(strstr(r[0].log, "command MAIL") == NULL, "%s", r[0].log);
	ck_assert_msg(strstr(r[0].log, "command DATA") == NULL, "%s", r[0].log);
	sent_free(r, 1);
}
END_TEST

/* Verification is on: a CA that did not sign the server's certificate, or the system's store
 * (smtp_ca_file empty), ends the connection after STARTTLS, before AUTH; `try` does not fall
 * back to plain text on a failed verification either. */
START_TEST(untrusted_certificate_refused)
{
	static const struct {
		const char *starttls, *ca;
	} cases[] = { { "required", "other" }, { "required", "" }, { "try", "other" } };
	struct sent r[1];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		set_cfg(&tls_srv, cases[i].starttls, PASSWORD,
		    cases[i].ca[0] ? other_ca_pem : "");
		send_mails(&tls_srv, 1, r);
		ck_assert_msg(r[0].out == MAIL_CONNFAIL, "case %zu: outcome %d: %s", i, r[0].out,
		    r[0].reply);
		ck_assert_msg(strstr(r[0].reply, "certificate") != NULL, "case %zu: %s", i,
		    r[0].reply);
		ck_assert_uint_eq(delivered(&tls_srv, r[0].message_id), 0);
		ck_assert_msg(strstr(r[0].log, "command STARTTLS") != NULL, "case %zu:\n%s", i,
		    r[0].log);
		ck_assert_msg(strstr(r[0].log, "command AUTH") == NULL, "case %zu:\n%s", i, r[0].log);
		ck_assert_msg(strstr(r[0].log, "command MAIL") == NULL, "case %zu:\n%s", i, r[0].log);
		sent_free(r, 1);
	}
}
END_TEST

/* The caveat README and lib/mail_smtp.c state, shown: `try` with credentials authenticates in
 * the clear when STARTTLS is not offered. This is why `required` is the setting to use. */
START_TEST(try_sends_password_in_clear_without_starttls)
{
	struct sent r[1];

	set_cfg(&plain_srv, "try", PASSWORD, ca_pem);
	send_mails(&plain_srv, 1, r);
	ck_assert_msg(r[0].out == MAIL_SENT, "outcome %d: %s", r[0].out, r[0].reply);
	ck_assert_uint_eq(delivered(&plain_srv, r[0].message_id), 1);
	ck_assert_msg(strstr(r[0].log, "command AUTH PLAIN (tls: no)") != NULL, "%s", r[0].log);
	sent_free(r, 1);
}
END_TEST

static Suite *
smtp_tls_suite(void)
{
	Suite *s = suite_create("smtp_tls");
	TCase *tc = tcase_create("starttls_auth");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, required_right_password_delivers);
	tcase_add_test(tc, wrong_password_refused);
	tcase_add_test(tc, required_refuses_server_without_starttls);
	tcase_add_test(tc, untrusted_certificate_refused);
	tcase_add_test(tc, try_sends_password_in_clear_without_starttls);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	const char *base = getenv("TMPDIR") && getenv("TMPDIR")[0] ? getenv("TMPDIR") : "/tmp";
	int rc = EXIT_FAILURE;

	snprintf(tmp, sizeof(tmp), "%s/portal-smtp-tls-XXXXXX", base);
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	if (make_certs() == 0 && start_server(&tls_srv, 1) == 0 &&
	    start_server(&plain_srv, 0) == 0)
		rc = check_run(smtp_tls_suite());
	else
		fprintf(stderr, "test_smtp_tls: fixture failed (temp dir %s)\n", tmp);
	stop_server(&tls_srv);
	stop_server(&plain_srv);
	if (rc != EXIT_SUCCESS)
		dump_logs();
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}
