/*
 * totp: the second factor (RFC 6238 through liboath): 30-second steps, 6 digits, one step of
 * clock drift either way, and every code usable once (the last used step is remembered).
 * Secrets come from libsodium's random source.
 */
#ifndef PORTAL_TOTP_H
#define PORTAL_TOTP_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

#define TOTP_SECRET_BYTES	20
#define TOTP_STEP		30
#define TOTP_DIGITS		6
#define TOTP_BASE32_MAX		64

int		 totp_init(void);
void		 totp_new_secret(unsigned char secret[TOTP_SECRET_BYTES]);
/* Base32 without padding, as authenticator apps expect it. */
int		 totp_base32(const unsigned char *secret, size_t len, char *out, size_t outlen);
/* otpauth://totp/... URI for enrolment (the QR code's content). */
int		 totp_uri(const unsigned char *secret, size_t len, const char *account, struct buf *out);
/*
 * The step the code matches, when it is one of the steps now-1..now+1 and later than
 * last_step (a code is used once); -1 otherwise.
 */
long long	 totp_verify(const unsigned char *secret, size_t len, const char *code, time_t now,
		    long long last_step);
/* The code for a time: for tests and the admin CLI's self-check. */
int		 totp_code(const unsigned char *secret, size_t len, time_t when, char out[8]);
/* The enrolment QR code as an SVG image. */
int		 totp_qr_svg(const char *uri, struct buf *out);

#endif
