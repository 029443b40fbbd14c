#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reminder.h"

#define STR(f)	CONFIG_STR, offsetof(struct config, f), sizeof(((struct config *)0)->f)
#define UINT(f)	CONFIG_UINT, offsetof(struct config, f), sizeof(unsigned)
#define SIZE(f)	CONFIG_SIZE, offsetof(struct config, f), sizeof(size_t)

const struct config_key config_keys[] = {
	{ "db_socket", STR(db_socket), "",
	  "MariaDB unix socket path; when set, db_host and db_port are not used. A cluster: the "
	  "nodes' sockets separated by commas, the preferred first; a program that cannot reach "
	  "one, or finds it outside the cluster's primary component, goes on to the next" },
	{ "db_host", STR(db_host), "127.0.0.1",
	  "MariaDB host when no socket is given; a cluster: the nodes separated by commas, the "
	  "preferred first (as for db_socket), all on db_port" },
	{ "db_port", UINT(db_port), "3306", "MariaDB TCP port when no socket is given" },
	{ "db_name", STR(db_name), "portal", "database (schema) name" },
	{ "db_user", STR(db_user), "portal", "database user (least privilege: this schema only)" },
	{ "db_password", STR(db_password), "", "database password" },
	{ "db_connect_timeout", UINT(db_connect_timeout), "3",
	  "seconds to wait for a connection before answering 503" },
	{ "db_sync_wait", UINT(db_sync_wait), "0",
	  "Galera: wsrep_sync_wait for each connection; 1 makes a read wait until the node has "
	  "applied every write committed anywhere before it, so a page shown after a redirect by "
	  "another host shows what was just saved. 0 (one server) leaves it unset" },
	{ "db_prefer_after", UINT(db_prefer_after), "300",
	  "seconds a program stays on a fallback node before it tries the preferred (first) node "
	  "again, between transactions" },
	{ "templates_dir", STR(templates_dir), "templates",
	  "directory of the ctemplate .tpl files, loaded once at start-up" },
	{ "migrations_dir", STR(migrations_dir), "db/migrations",
	  "directory of NNN_name.sql migrations (portalctl migrate)" },
	{ "pdf_font_dir", STR(pdf_font_dir), "/usr/share/fonts/truetype/dejavu",
	  "directory of the TrueType fonts the generated PDFs embed (Annex 1): DejaVuSans.ttf and "
	  "DejaVuSans-Bold.ttf from Debian's fonts-dejavu-core" },
	{ "max_body_bytes", SIZE(max_body_bytes), "1048576",
	  "largest request body a program reads, in bytes; larger gets 413 (nginx's "
	  "client_max_body_size is the first gate)" },
	{ "max_upload_bytes", SIZE(max_upload_bytes), "8388608",
	  "largest multipart/form-data body (a form with a file) a program reads, in bytes; each "
	  "file field has its own smaller cap with a message at the field (nginx's "
	  "client_max_body_size, 8m, is the first gate)" },
	{ "base_url", STR(base_url), "http://127.0.0.1:8080",
	  "the portal's public address, used in links in mail" },
	{ "fse_mailbox", STR(fse_mailbox), "FSEautorisation@dst.dk",
	  "FSE's mailbox for authorisation matters (R5)" },
	{ "fse_service_days", UINT(fse_service_days), "20",
	  "FSE's service goal for deciding an application, in working days (R30, R31)" },
	{ "fse_user_id_format", STR(fse_user_id_format), "^[A-Z]{3}[0-9]{3,5}$",
	  "what an FSE user id looks like, as a POSIX extended regular expression (R10, R15)" },
	{ "log_level", STR(log_level), "info", "least severe level logged: debug, info, warn, error" },
	{ "session_idle_minutes", UINT(session_idle_minutes), "30",
	  "minutes without a request after which a session ends" },
	{ "session_absolute_hours", UINT(session_absolute_hours), "12",
	  "hours after login after which a session ends however active it is" },
	{ "login_free_failures", UINT(login_free_failures), "3",
	  "failed logins per account and per address before each further try must wait" },
	{ "login_max_delay", UINT(login_max_delay), "900",
	  "longest wait, in seconds, after repeated failed logins (it doubles up to this)" },
	{ "totp_key_file", STR(totp_key_file), "",
	  "file with the 32-byte key (64 hex characters, mode 0600) that seals the TOTP secrets in "
	  "the database; back it up apart from the database; empty or unreadable: no TOTP "
	  "enrolment or TOTP login" },
	{ "sso_param", STR(sso_param), "",
	  "FastCGI param nginx alone sets to the address a SAML service provider logged in, e.g. "
	  "SSO_EMAIL; empty: single sign-on off (nginx/portal.conf)" },
	{ "sso_trusts_second_factor", UINT(sso_trusts_second_factor), "0",
	  "1: a single sign-on login is the second factor (NemLog-in/MitID); 0: TOTP users still "
	  "enter a code" },
	{ "mail_from", STR(mail_from), "specialeportalen@dst.dk",
	  "sender address of every mail the portal sends (R31: a clear sender)" },
	{ "mail_from_name", STR(mail_from_name), "Danmarks Statistik, Forskningsservice",
	  "sender name shown with mail_from" },
	{ "smtp_url", STR(smtp_url), "smtp://127.0.0.1:25",
	  "the SMTP server the mailer sends through (smtp:// or smtps://, with port)" },
	{ "smtp_starttls", STR(smtp_starttls), "try",
	  "STARTTLS on smtp:// URLs: off, try (use when offered; a password then goes in clear to "
	  "a server that offers none) or required (use it with smtp_user)" },
	{ "smtp_user", STR(smtp_user), "", "SMTP user name; empty: no authentication" },
	{ "smtp_password", STR(smtp_password), "", "SMTP password" },
	{ "smtp_ca_file", STR(smtp_ca_file), "",
	  "PEM file of the CA certificate(s) that sign the SMTP server's certificate, trusted instead "
	  "of the system's CA store (for an internal CA); empty: the system's store. The server's "
	  "certificate and name are always verified" },
	{ "smtp_timeout", UINT(smtp_timeout), "30",
	  "seconds before a connection or an SMTP command counts as failed (then retried)" },
	{ "mail_retry_first", UINT(mail_retry_first), "300",
	  "seconds before the first retry of a temporarily failed mail; doubles each time" },
	{ "mail_retry_max", UINT(mail_retry_max), "3600", "longest wait between two retries, in seconds" },
	{ "mail_give_up", UINT(mail_give_up), "432000",
	  "seconds after enqueueing when a mail still not sent is moved to dead (5 days)" },
	{ "mailer_batch", UINT(mailer_batch), "50",
	  "mails a mailer claims and sends over one SMTP connection at a time" },
	{ "mailer_poll", UINT(mailer_poll), "2", "seconds a mailer sleeps when nothing is due" },
	{ "mailer_slot", UINT(mailer_slot), "0",
	  "with several mailers on a cluster: this mailer's share of the outbox, the rows whose id "
	  "modulo mailer_slots is this number (0 to mailer_slots - 1); each mailer its own" },
	{ "mailer_slots", UINT(mailer_slots), "1",
	  "the number of shares the mailers divide the outbox into (1: every mailer claims any "
	  "row); a share's rows due for a minute are claimed by any mailer, so one stopped "
	  "mailer delays its mail, never loses it" },
	{ "mail_keep_sent_days", UINT(mail_keep_sent_days), "30",
	  "days a sent mail (body, attachments, server reply) is kept in the outbox before the "
	  "mailer deletes it (R33: data minimisation); 0: keep forever" },
	{ "mail_keep_dead_days", UINT(mail_keep_dead_days), "90",
	  "days a dead mail is kept for FSE to read and send again on /fse/post before the mailer "
	  "deletes it (R33); 0: keep forever" },
	{ "scheduler_interval", UINT(scheduler_interval), "300",
	  "seconds between two passes of the scheduled runner (bin/scheduler: the reminders below, "
	  "the automatic end of a thesis period, and a note to fse_mailbox of each case that has "
	  "waited longer than fse_service_days); several runners may run, on any host" },
	{ "remind_thesis_days", STR(remind_thesis_days), "30,7",
	  "days before a thesis period ends when the student, the supervisor and the "
	  "administrators are reminded (R11, R32), separated by commas; the access ends by itself "
	  "on the end date; empty: no reminders" },
	{ "remind_signature_days", UINT(remind_signature_days), "5",
	  "days a project proposal has waited for a signature when the signers are reminded and "
	  "the supervisor told, once per request (R12, R32); 0: never" },
	{ "remind_invitation_days", UINT(remind_invitation_days), "2",
	  "days before an invitation's link expires when the invitee is reminded, once per "
	  "invitation (R32); 0: never" },
	{ "demo_fee_proposal_dkk", UINT(demo_fee_proposal_dkk), "6000",
	  "DEMO VALUE, not a real fee: the proposal fee in whole kroner that portalctl "
	  "seed-demo-rates puts in the rate table when it has no proposal rate (R23, R29); real "
	  "rates are set by FSE on /fse/takster" },
	{ "demo_fee_student_user_dkk", UINT(demo_fee_student_user_dkk), "1500",
	  "DEMO VALUE, not a real fee: the student user fee in whole kroner that portalctl "
	  "seed-demo-rates puts in the rate table when it has no student user rate (R24, R29)" },
	{ "cap_application_drafts", UINT(cap_application_drafts), "20",
	  "open application drafts (not yet sent to FSE) one person may have; one more is refused "
	  "at the form with a message and an audit event FSE sees on /fse/graenser; 0: no cap" },
	{ "cap_proposal_drafts", UINT(cap_proposal_drafts), "20",
	  "open project proposal drafts one person may have, as cap_application_drafts" },
	{ "cap_student_drafts", UINT(cap_student_drafts), "20",
	  "open student case drafts one person may have, as cap_application_drafts" },
	{ "cap_invitations_hour", UINT(cap_invitations_hour), "50",
	  "invitations to a role one person may send in an hour (each is a mail); one more is "
	  "refused at the form, as cap_application_drafts; 0: no cap" },
	{ "cap_mails_hour", UINT(cap_mails_hour), "200",
	  "mails one logged-in person's requests may cause in an hour (mails of the system, the "
	  "scheduler and anonymous forms are not counted); a request that would cause one more is "
	  "refused whole with 429 and a plain page; 0: no cap" },
	{ "cap_upload_bytes_day", SIZE(cap_upload_bytes_day), "209715200",
	  "bytes one person may upload in 24 hours, every kind of file together (200 MB); a file "
	  "that would pass it is refused at its form, as cap_application_drafts; 0: no cap" },
	{ "cap_case_bytes", SIZE(cap_case_bytes), "104857600",
	  "bytes the files of one case may take in the database, every version kept (100 MB); "
	  "0: no cap" },
	{ "cap_authorisation_bytes", SIZE(cap_authorisation_bytes), "2147483648",
	  "bytes the files of one authorisation and its cases may take in the database, every "
	  "version kept (2 GB); 0: no cap" },
	{ "cap_address_registrations", UINT(cap_address_registrations), "50",
	  "registrations (/konto/opret) one client address may send in an hour, counted in the "
	  "database for every program and host; one address may be a whole institution behind "
	  "NAT, hence generous; 0: no cap" },
	{ "cap_address_resets", UINT(cap_address_resets), "50",
	  "forgotten-password requests (/konto/glemt) one client address may send in an hour, as "
	  "cap_address_registrations" },
	{ "cap_address_confirmations", UINT(cap_address_confirmations), "50",
	  "managers' confirmations (/ansoegning/bekraeft) one client address may record in an "
	  "hour, as cap_address_registrations" },
	{ "cap_address_invitations", UINT(cap_address_invitations), "50",
	  "invitations one client address may accept (/autorisation/invitation) in an hour, as "
	  "cap_address_registrations" },
};
const size_t config_nkeys = sizeof(config_keys) / sizeof(config_keys[0]);

static const char *const config_errs[CONFIG__MAX] = {
	[CONFIG_OK] = "no error",
	[CONFIG_EOPEN] = "cannot read the configuration file",
	[CONFIG_ESYNTAX] = "line is not of the form key = value",
	[CONFIG_EUNKNOWN] = "unknown key",
	[CONFIG_EVALUE] = "value of the wrong type, out of range or too long",
	[CONFIG_ECLIENTPARAM] = "a client can set that FastCGI parameter (HTTP_* or a CGI "
	    "variable); name one that only nginx sets, e.g. SSO_EMAIL",
};

const char *
config_strerror(enum config_err e)
{
	return (unsigned)e < CONFIG__MAX ? config_errs[e] : "unknown error";
}

/*
 * A client's request header Foo-Bar reaches the program as HTTP_FOO_BAR, and nginx fills the
 * CGI variables from the request (CONTENT_TYPE from Content-Type, REMOTE_USER from any Basic
 * Authorization header, QUERY_STRING, ...): naming any of those would let a client choose the
 * identity. Only a name of its own, set by `fastcgi_param` in nginx alone, is accepted.
 */
static const char *const client_params[] = {
	"AUTH_TYPE", "CONTENT_LENGTH", "CONTENT_TYPE", "DOCUMENT_ROOT", "DOCUMENT_URI",
	"GATEWAY_INTERFACE", "HTTPS", "PATH_INFO", "PATH_TRANSLATED", "PORTAL_HOST",
	"QUERY_STRING", "REDIRECT_STATUS", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_IDENT",
	"REMOTE_PORT", "REMOTE_USER", "REQUEST_ID", "REQUEST_METHOD", "REQUEST_SCHEME",
	"REQUEST_URI", "SCRIPT_FILENAME", "SCRIPT_NAME", "SERVER_ADDR", "SERVER_NAME",
	"SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", NULL,
};

static enum config_err
sso_param_valid(const char *v, size_t len)
{
	size_t i;

	if (len == 0)
		return CONFIG_OK;	/* off */
	for (i = 0; i < len; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= '0' && v[i] <= '9') || v[i] == '_'))
			return CONFIG_EVALUE;
	if (len >= 5 && strncasecmp(v, "HTTP_", 5) == 0)
		return CONFIG_ECLIENTPARAM;
	for (i = 0; client_params[i]; i++)
		if (strlen(client_params[i]) == len && strncasecmp(v, client_params[i], len) == 0)
			return CONFIG_ECLIENTPARAM;
	return CONFIG_OK;
}

/* A list of days before a deadline, as the scheduled runner reads it (lib/reminder.h). */
static enum config_err
days_list_valid(const char *v, size_t len)
{
	unsigned days[REMINDER_MAX_STAGES];
	size_t n;

	return reminder_parse_days(v, len, days, &n) == REMINDER_OK ? CONFIG_OK : CONFIG_EVALUE;
}

static enum config_err
flag_valid(const char *v, size_t len)
{
	return len == 1 && (v[0] == '0' || v[0] == '1') ? CONFIG_OK : CONFIG_EVALUE;
}

/* Keys whose values need more than their type's check, by field. */
static const struct {
	size_t		 offset;
	enum config_err	(*valid)(const char *, size_t);
} config_checks[] = {
	{ offsetof(struct config, sso_param), sso_param_valid },
	{ offsetof(struct config, sso_trusts_second_factor), flag_valid },
	{ offsetof(struct config, remind_thesis_days), days_list_valid },
};

static const struct config_key *
config_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < config_nkeys; i++)
		if (strlen(config_keys[i].name) == len && memcmp(config_keys[i].name, name, len) == 0)
			return &config_keys[i];
	return NULL;
}

static enum config_err
config_set(struct config *c, const struct config_key *k, const char *v, size_t len)
{
	char *field = (char *)c + k->offset, *end, tmp[32];
	unsigned long long n;
	enum config_err rc;
	size_t i;

	for (i = 0; i < sizeof(config_checks) / sizeof(config_checks[0]); i++)
		if (config_checks[i].offset == k->offset &&
		    (rc = config_checks[i].valid(v, len)) != CONFIG_OK)
			return rc;
	if (k->type == CONFIG_STR) {
		if (len >= k->size)
			return CONFIG_EVALUE;
		memcpy(field, v, len);
		field[len] = '\0';
		return CONFIG_OK;
	}
	if (len == 0 || len >= sizeof(tmp) || v[0] == '-' || v[0] == '+')
		return CONFIG_EVALUE;
	memcpy(tmp, v, len);
	tmp[len] = '\0';
	errno = 0;
	n = strtoull(tmp, &end, 10);
	if (errno || *end != '\0')
		return CONFIG_EVALUE;
	if (k->type == CONFIG_UINT) {
		if (n > 0xffffffffULL)
			return CONFIG_EVALUE;
		*(unsigned *)(void *)field = (unsigned)n;
	} else
		*(size_t *)(void *)field = (size_t)n;
	return CONFIG_OK;
}

void
config_defaults(struct config *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < config_nkeys; i++)
		(void)config_set(c, &config_keys[i], config_keys[i].def, strlen(config_keys[i].def));
}

static int
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

enum config_err
config_parse(struct config *c, const char *text, unsigned *line)
{
	const char *p = text, *eol, *eq, *ks, *ke, *vs, *ve;
	const struct config_key *k;
	enum config_err rc;

	*line = 0;
	while (*p) {
		(*line)++;
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		ks = p;
		while (ks < eol && is_space(*ks))
			ks++;
		if (ks == eol || *ks == '#')
			goto next;
		if ((eq = memchr(ks, '=', (size_t)(eol - ks))) == NULL)
			return CONFIG_ESYNTAX;
		ke = eq;
		while (ke > ks && is_space(ke[-1]))
			ke--;
		vs = eq + 1;
		while (vs < eol && is_space(*vs))
			vs++;
		ve = eol;
		while (ve > vs && is_space(ve[-1]))
			ve--;
		if (ke == ks)
			return CONFIG_ESYNTAX;
		if ((k = config_find(ks, (size_t)(ke - ks))) == NULL)
			return CONFIG_EUNKNOWN;
		if ((rc = config_set(c, k, vs, (size_t)(ve - vs))) != CONFIG_OK)
			return rc;
next:
		p = *eol ? eol + 1 : eol;
	}
	return CONFIG_OK;
}

enum config_err
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	enum config_err rc = CONFIG_EOPEN;
	unsigned line = 0;
	char *text = NULL;
	FILE *f = NULL;
	long size;

	config_defaults(c);
	if ((f = fopen(path, "r")) == NULL)
		goto out;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || size > 1024 * 1024 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto out;
	if ((text = malloc((size_t)size + 1)) == NULL)
		goto out;
	if (fread(text, 1, (size_t)size, f) != (size_t)size)
		goto out;
	text[size] = '\0';
	rc = config_parse(c, text, &line);
out:
	if (rc != CONFIG_OK && err)
		snprintf(err, errlen, "%s:%u: %s", path, line, config_strerror(rc));
	free(text);
	if (f)
		fclose(f);
	return rc;
}
