/*
 * password: argon2id hashing through libsodium, and the policy a new password must meet:
 * 8-128 characters, and not weak or common (libpwquality with the cracklib dictionary), with the
 * reason told in Danish next to the field.
 */
#ifndef PORTAL_PASSWORD_H
#define PORTAL_PASSWORD_H

#include <stddef.h>

enum password_err {
	PASSWORD_OK = 0,
	PASSWORD_ETOOSHORT,
	PASSWORD_ETOOLONG,
	PASSWORD_EWEAK,		/* libpwquality refused it; the reason is in `why` */
	PASSWORD_EHASH,		/* hashing failed (out of memory) */
	PASSWORD_EMISMATCH,	/* verify: wrong password */
	PASSWORD__MAX
};

#define PASSWORD_MIN_CHARS	8
#define PASSWORD_MAX_CHARS	128
/* DESIGN: argon2id with at least 19 MiB and 2 passes (OWASP's minimum). */
#define PASSWORD_OPSLIMIT	2ULL
#define PASSWORD_MEMLIMIT	(19U * 1024U * 1024U)
#define PASSWORD_HASH_MAX	128

int			 password_init(void);
/* Checks a new password; email and name are used to refuse passwords built from them. */
enum password_err	 password_check(const char *pw, const char *email, const char *name,
			    char *why, size_t whylen);
enum password_err	 password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);
enum password_err	 password_verify(const char *hash, const char *pw);
/* Costs the same as a verify, for unknown accounts: the answer's timing tells nothing. */
void			 password_verify_dummy(const char *pw);

#endif
