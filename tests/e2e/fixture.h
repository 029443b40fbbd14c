/*
 * Test fixtures written straight into the database of the test stack (PORTAL_CONFIG): an
 * authorisation with its institution and domain, users (second factor on, so roles that need
 * it do not divert every request), accounts to log in with over HTTP, roles, and sessions
 * minted the way session_start() makes them. Logging in itself is tested over HTTP in
 * test_account.
 */
#ifndef PORTAL_TESTS_FIXTURE_H
#define PORTAL_TESTS_FIXTURE_H

#include "client.h"
#include "config.h"
#include "db.h"
#include "session.h"

/* A person a suite acts as: the user, a logged-in session (cookie and CSRF token) and, where
 * the suite keeps it, the address. */
struct who {
	long long	uid;
	struct jar	jar;
	char		csrf[SESSION_TOKEN_CHARS + 1];
	char		email[128];
};

extern struct db	*fx_db;
extern struct config	 fx_cfg;

/* The configuration and a database connection (fx_cfg, fx_db); a checked fixture's pair. */
void		fixture_open(void);
void		fixture_close(void);
/* An authorisation NUMBER for a new institution NAME under KU, with one e-mail domain. */
long long	fixture_authorisation(const char *name, const char *number, const char *domain);
/* A new user with a password nobody logs in with and a second factor nobody knows. */
long long	fixture_user(const char *email, const char *name);
/*
 * An account to log in with over HTTP, made or made so again (suites run again on a used
 * stack): verified, active, this password, and TOTP on with secret (TOTP_SECRET_BYTES, code
 * steps not used yet; stored sealed with the stack's totp_key_file, as the portal does) or off
 * when secret is NULL. Its id.
 */
long long	fixture_account(const char *email, const char *name, const char *password,
		    const unsigned char *secret);
void		fixture_grant(long long uid, unsigned roles, long long authorisation);
/* An open invitation (a day left) to email for role on authorisation from inviter; the link's
 * token into token; its id. */
long long	fixture_invitation(long long authorisation, const char *email, const char *role,
		    long long inviter, char token[SESSION_TOKEN_CHARS + 1]);
/* A logged-in session of uid (0: an anonymous visitor's) in jar, and its CSRF token. */
void		fixture_session(long long uid, struct jar *, char csrf[SESSION_TOKEN_CHARS + 1]);
/* The first cell of a query with one string or one integer argument (-1 for none). */
long long	fixture_scalar(const char *sql, const char *arg);
long long	fixture_scalar_int(const char *sql, long long arg);

#endif
