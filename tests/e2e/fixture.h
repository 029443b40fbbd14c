/*
 * Test fixtures written straight into the database of the test stack (PORTAL_CONFIG): an
 * authorisation with its institution and domain, users (second factor on, so roles that need
 * it do not divert every request), roles, and sessions minted the way session_start() makes
 * them. Logging in itself is tested over HTTP in test_account.
 */
#ifndef PORTAL_TESTS_FIXTURE_H
#define PORTAL_TESTS_FIXTURE_H

#include "config.h"
#include "db.h"
#include "session.h"

extern struct db	*fx_db;
extern struct config	 fx_cfg;

void		fixture_open(void);
void		fixture_close(void);
/* An authorisation NUMBER for a new institution NAME under KU, with one e-mail domain. */
long long	fixture_authorisation(const char *name, const char *number, const char *domain);
long long	fixture_user(const char *email, const char *name);
void		fixture_grant(long long uid, unsigned roles, long long authorisation);
/* uid 0: an anonymous visitor's session. */
void		fixture_session(long long uid, char token[SESSION_TOKEN_CHARS + 1],
		    char csrf[SESSION_TOKEN_CHARS + 1]);
long long	fixture_scalar(const char *sql, const char *arg);

#endif
