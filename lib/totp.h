/*
 * totp: the second factor (RFC 6238 through liboath): 30-second steps, 6 digits, one step of
 * clock drift either way, and every code usable once (the last used step is remembered).
 * Secrets come from libsodium's random source.
 *
 * At rest (users.totp_secret) a secret is sealed, never raw: a database dump alone gives no
 * second factor away (R33). The stored blob is
 *   1 version byte (TOTP_BLOB_VERSION) | 24-byte random nonce | crypto_secretbox_easy(secret)
 * (XSalsa20-Poly1305: ciphertext + 16-byte MAC), 1 + 24 + 20 + 16 = 61 bytes for a 20-byte
 * secret, which fits the VARBINARY(64) column. The 32-byte key lives outside the database, in
 * the file named by the config setting totp_key_file (64 hex characters, an optional newline,
 * mode 0600). A blob that does not open (other key, altered, unknown version) is an error,
 * never a wrong secret. Legacy rows from before sealing hold the raw 20-byte secret: totp_open
 * accepts exactly that length as TOTP_OPEN_LEGACY, and the account program seals it again at
 * the user's next successful code (enrolment or login).
 */
#ifndef PORTAL_TOTP_H
#define PORTAL_TOTP_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "config.h"

#define TOTP_SECRET_BYTES	20
#define TOTP_STEP		30
#define TOTP_DIGITS		6
#define TOTP_BASE32_MAX		64
#define TOTP_KEY_BYTES		32	/* crypto_secretbox_KEYBYTES */
#define TOTP_KEY_HEX		(2 * TOTP_KEY_BYTES)
#define TOTP_BLOB_VERSION	0x01
#define TOTP_NONCE_BYTES	24	/* crypto_secretbox_NONCEBYTES */
#define TOTP_MAC_BYTES		16	/* crypto_secretbox_MACBYTES */
#define TOTP_BLOB_OVERHEAD	(1 + TOTP_NONCE_BYTES + TOTP_MAC_BYTES)
#define TOTP_BLOB_BYTES		(TOTP_BLOB_OVERHEAD + TOTP_SECRET_BYTES)	/* 61 */
#define TOTP_BLOB_MAX		64	/* the column: VARBINARY(64) */
#define TOTP_SECRET_MAX		(TOTP_BLOB_MAX - TOTP_BLOB_OVERHEAD)

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

/* ---- sealing at rest ---- */

enum totp_key_err {
	TOTP_KEY_OK = 0,
	TOTP_KEY_EUNSET,	/* totp_key_file is empty */
	TOTP_KEY_EOPEN,		/* the file cannot be read */
	TOTP_KEY_EFORMAT,	/* not 64 hex characters (+ an optional newline) */
	TOTP_KEY__MAX
};

const char	*totp_key_strerror(enum totp_key_err);
/* The key from its file's text: exactly 64 hex digits, then nothing or one "\n" or "\r\n". */
enum totp_key_err totp_key_parse(const char *text, size_t len,
		    unsigned char key[TOTP_KEY_BYTES]);
/* The key from a file; *loose = 1 when group or others may read the file (caller warns). */
enum totp_key_err totp_key_read(const char *path, unsigned char key[TOTP_KEY_BYTES], int *loose);
/*
 * The process's key from cfg->totp_key_file: read once, then kept (locked in memory where the
 * system allows). NULL when it is not set or not usable, logged each time as an error: callers
 * fail closed (no enrolment, no TOTP login). A file group or others may read is used, with a
 * warning in the log.
 */
const unsigned char *totp_key(const struct config *cfg);
/* Zeroes and forgets the process's key (tests; a process may call it before it exits). */
void		 totp_key_forget(void);

/* Seals secret (1..TOTP_SECRET_MAX bytes) into out (room for TOTP_BLOB_MAX); its length or -1. */
int		 totp_seal(const unsigned char key[TOTP_KEY_BYTES], const unsigned char *secret,
		    size_t len, unsigned char out[TOTP_BLOB_MAX]);
enum totp_open_rc {
	TOTP_OPEN_OK = 0,	/* a sealed blob, opened */
	TOTP_OPEN_LEGACY = 1,	/* a raw TOTP_SECRET_BYTES secret from before sealing: seal it again */
	TOTP_OPEN_ERROR = -1	/* other key, altered, unknown version or size: no secret */
};
/* The secret a stored blob holds, into secret (room for TOTP_SECRET_MAX), *len its length. */
enum totp_open_rc totp_open(const unsigned char key[TOTP_KEY_BYTES], const unsigned char *blob,
		    size_t bloblen, unsigned char secret[TOTP_SECRET_MAX], size_t *len);

#endif
