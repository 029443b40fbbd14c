/*
 * session: server-side sessions (DESIGN: Security defaults). The cookie carries a 256-bit random
 * token; the database only its SHA-256. `__Host-` cookie, Secure, HttpOnly, SameSite=Lax. Idle
 * and absolute timeouts are checked on every load; logout and disabling an account delete the
 * rows, so the cookie is worthless at once. Every session has a CSRF token for its forms.
 */
#ifndef PORTAL_SESSION_H
#define PORTAL_SESSION_H

#include "config.h"
#include "db.h"
#include "http.h"

#define SESSION_COOKIE		"__Host-sid"
#define SESSION_TOKEN_CHARS	43	/* 32 bytes, base64url without padding */

struct session {
	long long	id;
	long long	user_id;	/* 0: anonymous (a visitor with a form open) */
	int		mfa_pending;	/* password accepted, second factor not yet */
	int		has_totp;
	char		csrf[SESSION_TOKEN_CHARS + 1];
	char		email[255];
	char		name[201];
};

/*
 * Loads the session the request's cookie names. Returns DB_OK with s->id == 0 when there is none
 * or it has expired (the expired row is deleted and a clearing cookie set).
 */
enum db_err	session_load(struct db *, const struct config *, const struct http_request *,
		    struct http_response *, struct session *);
/* A new session with a new token (rotation: end the old one first) and its cookie. */
enum db_err	session_start(struct db *, const struct config *, struct http_response *,
		    long long user_id, int mfa_pending, const char *remote_addr, struct session *);
/* Deletes the session and clears the cookie. */
enum db_err	session_end(struct db *, struct http_response *, struct session *);
/* Ends every session of a user (logout everywhere, disable, password reset). */
enum db_err	session_end_user(struct db *, long long user_id);
/* The form's csrf field equals the session's token (constant-time compare). */
int		session_csrf_ok(const struct session *, const struct http_request *);

/* base64url random token and its SHA-256, shared with one-time mail links. */
void		session_new_token(char out[SESSION_TOKEN_CHARS + 1], unsigned char hash[32]);
int		session_hash_token(const char *token, unsigned char hash[32]);

#endif
