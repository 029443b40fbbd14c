/*
 * config: the one configuration file. Every key is declared once, in config.c's table, with its
 * type, default and documentation; etc/portal.conf.example is that table written out, and a unit
 * test keeps the two in step. Format: `key = value` lines, `#` comments, unknown keys refused.
 */
#ifndef PORTAL_CONFIG_H
#define PORTAL_CONFIG_H

#include <stddef.h>

enum config_err {
	CONFIG_OK = 0,
	CONFIG_EOPEN,		/* file cannot be read */
	CONFIG_ESYNTAX,		/* a line that is not `key = value` */
	CONFIG_EUNKNOWN,	/* a key the table does not declare */
	CONFIG_EVALUE,		/* a value of the wrong type, out of range, or too long */
	CONFIG_ECLIENTPARAM,	/* a FastCGI parameter a client can set (HTTP_*, CGI variables) */
	CONFIG__MAX
};

struct config {
	/* database */
	char		db_socket[1024];	/* one path, or a list: a, b, c (first preferred) */
	char		db_host[512];	/* one host, or a list like db_socket */
	unsigned	db_port;
	char		db_name[64];
	char		db_user[64];
	char		db_password[128];
	unsigned	db_connect_timeout;
	unsigned	db_sync_wait;	/* wsrep_sync_wait on each connection (Galera) */
	unsigned	db_prefer_after;	/* seconds on a fallback node before trying the first again */
	/* files */
	char		templates_dir[512];
	char		migrations_dir[512];
	char		pdf_font_dir[512];	/* the TrueType fonts generated PDFs embed */
	/* requests */
	size_t		max_body_bytes;
	size_t		max_upload_bytes;	/* multipart bodies: forms with a file */
	/* service */
	char		base_url[256];
	char		fse_mailbox[256];
	unsigned	fse_service_days;
	char		fse_user_id_format[128];	/* POSIX ERE an FSE user id matches */
	char		log_level[16];
	/* sessions and login */
	unsigned	session_idle_minutes;
	unsigned	session_absolute_hours;
	unsigned	login_free_failures;
	unsigned	login_max_delay;
	char		totp_key_file[512];
	/* single sign-on through a SAML service provider in front of nginx (issue 3) */
	char		sso_param[64];
	unsigned	sso_trusts_second_factor;
	/* mail (outbox and mailer) */
	char		mail_from[256];
	char		mail_from_name[128];
	char		smtp_url[256];
	char		smtp_starttls[16];
	char		smtp_user[128];
	char		smtp_password[128];
	char		smtp_ca_file[512];
	unsigned	smtp_timeout;
	unsigned	mail_retry_first;
	unsigned	mail_retry_max;
	unsigned	mail_give_up;
	unsigned	mailer_batch;
	unsigned	mailer_poll;
	unsigned	mailer_slot;	/* issue 12: this mailer's share, id % mailer_slots */
	unsigned	mailer_slots;
	unsigned	mail_keep_sent_days;	/* R33: 0 = keep forever */
	unsigned	mail_keep_dead_days;
	/* the scheduled runner (bin/scheduler; issue 14: R11, R32) */
	unsigned	scheduler_interval;
	char		remind_thesis_days[64];	/* "30,7": lib/reminder.h */
	unsigned	remind_signature_days;
	unsigned	remind_invitation_days;
	/* demo fee rates, seeded by portalctl seed-demo-rates (issue 6; R29): not real fees */
	unsigned	demo_fee_proposal_dkk;
	unsigned	demo_fee_student_user_dkk;
	/* caps per person and per client address (issue 16, lib/caps.h); 0: no cap */
	unsigned	cap_application_drafts;
	unsigned	cap_proposal_drafts;
	unsigned	cap_student_drafts;
	unsigned	cap_invitations_hour;
	unsigned	cap_mails_hour;
	size_t		cap_upload_bytes_day;
	size_t		cap_case_bytes;
	size_t		cap_authorisation_bytes;
	unsigned	cap_address_registrations;	/* per hour */
	unsigned	cap_address_resets;		/* per hour */
	unsigned	cap_address_confirmations;	/* per hour */
	unsigned	cap_address_invitations;	/* per hour */
};

enum config_type { CONFIG_STR, CONFIG_UINT, CONFIG_SIZE };

struct config_key {
	const char	*name;
	enum config_type type;
	size_t		 offset;
	size_t		 size;		/* CONFIG_STR: capacity of the char array */
	const char	*def;		/* default as text */
	const char	*doc;		/* one line: what it is, in which unit */
};

extern const struct config_key	config_keys[];
extern const size_t		config_nkeys;

const char	*config_strerror(enum config_err);
void		 config_defaults(struct config *);
/* Parses text (NUL-terminated). On error, *line gets the 1-based line number. */
enum config_err	 config_parse(struct config *, const char *text, unsigned *line);
/* Defaults, then the file. err gets a one-line message naming file and line. */
enum config_err	 config_load(struct config *, const char *path, char *err, size_t errlen);

#endif
