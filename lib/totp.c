#include "totp.h"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

int
totp_init(void)
{
	if (sodium_init() < 0)
		return -1;
	return oath_init() == OATH_OK ? 0 : -1;
}

void
totp_new_secret(unsigned char secret[TOTP_SECRET_BYTES])
{
	randombytes_buf(secret, TOTP_SECRET_BYTES);
}

int
totp_base32(const unsigned char *secret, size_t len, char *out, size_t outlen)
{
	char *b32 = NULL;
	size_t n = 0, i, j = 0;

	if (oath_base32_encode((const char *)secret, len, &b32, &n) != OATH_OK)
		return -1;
	for (i = 0; i < n && b32[i] != '='; i++) {
		if (j + 1 >= outlen) {
			free(b32);
			return -1;
		}
		out[j++] = b32[i];
	}
	out[j] = '\0';
	free(b32);
	return 0;
}

int
totp_uri(const unsigned char *secret, size_t len, const char *account, struct buf *out)
{
	char b32[TOTP_BASE32_MAX];
	const char *p;

	if (totp_base32(secret, len, b32, sizeof(b32)) == -1)
		return -1;
	buf_puts(out, "otpauth://totp/Specialeportalen:");
	/* The account label is an e-mail address: percent-encode all but unreserved characters. */
	for (p = account; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '-' || c == '_')
			buf_append(out, p, 1);
		else
			buf_printf(out, "%%%02X", c);
	}
	buf_printf(out, "?secret=%s&issuer=Specialeportalen&algorithm=SHA1&digits=%d&period=%d",
	    b32, TOTP_DIGITS, TOTP_STEP);
	return out->failed ? -1 : 0;
}

long long
totp_verify(const unsigned char *secret, size_t len, const char *code, time_t now,
    long long last_step)
{
	long long step;
	int pos = 0, rc;
	size_t i;

	if (code == NULL || strlen(code) != TOTP_DIGITS)
		return -1;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	rc = oath_totp_validate2((const char *)secret, len, now, TOTP_STEP, 0, 1, &pos, code);
	if (rc < 0)
		return -1;
	step = (long long)(now / TOTP_STEP) + pos;
	return step > last_step ? step : -1;
}

int
totp_code(const unsigned char *secret, size_t len, time_t when, char out[8])
{
	return oath_totp_generate((const char *)secret, len, when, TOTP_STEP, 0, TOTP_DIGITS, out) ==
	    OATH_OK ? 0 : -1;
}

int
totp_qr_svg(const char *uri, struct buf *out)
{
	QRcode *qr = QRcode_encodeString(uri, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int x, y, quiet = 4, size;

	if (qr == NULL)
		return -1;
	size = qr->width + 2 * quiet;
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" role=\"img\" "
	    "aria-label=\"QR-kode til godkendelsesappen\">"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	    size, size, size * 6, size * 6);
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x++)
			if (qr->data[y * qr->width + x] & 1)
				buf_printf(out, "M%d %dh1v1h-1z", x + quiet, y + quiet);
	buf_puts(out, "\"/></svg>\n");
	QRcode_free(qr);
	return out->failed ? -1 : 0;
}

/* ---- sealing at rest ------------------------------------------------------------------------ */

_Static_assert(TOTP_KEY_BYTES == crypto_secretbox_KEYBYTES, "secretbox key size");
_Static_assert(TOTP_NONCE_BYTES == crypto_secretbox_NONCEBYTES, "secretbox nonce size");
_Static_assert(TOTP_MAC_BYTES == crypto_secretbox_MACBYTES, "secretbox MAC size");
_Static_assert(TOTP_BLOB_BYTES <= TOTP_BLOB_MAX, "a sealed secret fits the column");
_Static_assert(TOTP_BLOB_BYTES != TOTP_SECRET_BYTES, "sealed and legacy sizes differ");

static const char *const totp_key_errs[TOTP_KEY__MAX] = {
	[TOTP_KEY_OK] = "no error",
	[TOTP_KEY_EUNSET] = "totp_key_file is not set",
	[TOTP_KEY_EOPEN] = "cannot read the key file",
	[TOTP_KEY_EFORMAT] = "the key file must hold 64 hex characters (32 bytes) and nothing else",
};

const char *
totp_key_strerror(enum totp_key_err e)
{
	return (unsigned)e < TOTP_KEY__MAX ? totp_key_errs[e] : "unknown error";
}

enum totp_key_err
totp_key_parse(const char *text, size_t len, unsigned char key[TOTP_KEY_BYTES])
{
	size_t bin = 0, i;

	if (len == TOTP_KEY_HEX + 1 && text[TOTP_KEY_HEX] == '\n')
		len--;
	else if (len == TOTP_KEY_HEX + 2 && text[TOTP_KEY_HEX] == '\r' &&
	    text[TOTP_KEY_HEX + 1] == '\n')
		len -= 2;
	if (len != TOTP_KEY_HEX)
		return TOTP_KEY_EFORMAT;
	for (i = 0; i < len; i++)
		if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f') ||
		    (text[i] >= 'A' && text[i] <= 'F')))
			return TOTP_KEY_EFORMAT;
	if (sodium_hex2bin(key, TOTP_KEY_BYTES, text, len, NULL, &bin, NULL) != 0 ||
	    bin != TOTP_KEY_BYTES) {
		sodium_memzero(key, TOTP_KEY_BYTES);
		return TOTP_KEY_EFORMAT;
	}
	return TOTP_KEY_OK;
}

enum totp_key_err
totp_key_read(const char *path, unsigned char key[TOTP_KEY_BYTES], int *loose)
{
	char text[TOTP_KEY_HEX + 3];	/* one byte more than the longest valid file */
	enum totp_key_err rc;
	struct stat st;
	ssize_t n = 0;
	size_t len = 0;
	int fd;

	*loose = 0;
	if (path == NULL || path[0] == '\0')
		return TOTP_KEY_EUNSET;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return TOTP_KEY_EOPEN;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return TOTP_KEY_EOPEN;
	}
	*loose = (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
	while (len < sizeof(text)) {
		n = read(fd, text + len, sizeof(text) - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	rc = n == -1 ? TOTP_KEY_EOPEN : totp_key_parse(text, len, key);
	sodium_memzero(text, sizeof(text));
	return rc;
}

static unsigned char	totp_key_buf[TOTP_KEY_BYTES];
static int		totp_key_loaded;

const unsigned char *
totp_key(const struct config *cfg)
{
	enum totp_key_err rc;
	int loose = 0;

	if (totp_key_loaded)
		return totp_key_buf;
	if (sodium_init() < 0) {
		log_error("totp key: libsodium did not initialise; second factor unavailable");
		return NULL;
	}
	/* Not loaded: tried again on the next use, so a repaired file needs no restart. */
	if ((rc = totp_key_read(cfg->totp_key_file, totp_key_buf, &loose)) != TOTP_KEY_OK) {
		sodium_memzero(totp_key_buf, sizeof(totp_key_buf));
		log_error("totp key: %s%s%s; TOTP enrolment and TOTP login refused (fail closed)",
		    totp_key_strerror(rc), rc == TOTP_KEY_EUNSET ? "" : ": ",
		    rc == TOTP_KEY_EUNSET ? "" : cfg->totp_key_file);
		return NULL;
	}
	if (loose)
		log_warn("totp key: %s can be read by group or others; chmod 600 it",
		    cfg->totp_key_file);
	(void)sodium_mlock(totp_key_buf, sizeof(totp_key_buf));	/* best effort: keep it off swap */
	totp_key_loaded = 1;
	return totp_key_buf;
}

void
totp_key_forget(void)
{
	sodium_memzero(totp_key_buf, sizeof(totp_key_buf));
	totp_key_loaded = 0;
}

int
totp_seal(const unsigned char key[TOTP_KEY_BYTES], const unsigned char *secret, size_t len,
    unsigned char out[TOTP_BLOB_MAX])
{
	if (key == NULL || secret == NULL || len == 0 || len > TOTP_SECRET_MAX)
		return -1;
	out[0] = TOTP_BLOB_VERSION;
	randombytes_buf(out + 1, TOTP_NONCE_BYTES);
	if (crypto_secretbox_easy(out + 1 + TOTP_NONCE_BYTES, secret, len, out + 1, key) != 0) {
		sodium_memzero(out, TOTP_BLOB_MAX);
		return -1;
	}
	return (int)(TOTP_BLOB_OVERHEAD + len);
}

enum totp_open_rc
totp_open(const unsigned char key[TOTP_KEY_BYTES], const unsigned char *blob, size_t bloblen,
    unsigned char secret[TOTP_SECRET_MAX], size_t *len)
{
	*len = 0;
	if (blob == NULL)
		return TOTP_OPEN_ERROR;
	if (bloblen == TOTP_SECRET_BYTES) {
		/* Legacy: the raw secret of a row written before sealing (see totp.h). */
		memcpy(secret, blob, TOTP_SECRET_BYTES);
		*len = TOTP_SECRET_BYTES;
		return TOTP_OPEN_LEGACY;
	}
	if (key == NULL || bloblen <= TOTP_BLOB_OVERHEAD || bloblen > TOTP_BLOB_MAX ||
	    blob[0] != TOTP_BLOB_VERSION)
		return TOTP_OPEN_ERROR;
	if (crypto_secretbox_open_easy(secret, blob + 1 + TOTP_NONCE_BYTES,
	    bloblen - 1 - TOTP_NONCE_BYTES, blob + 1, key) != 0) {
		sodium_memzero(secret, TOTP_SECRET_MAX);
		return TOTP_OPEN_ERROR;
	}
	*len = bloblen - TOTP_BLOB_OVERHEAD;
	return TOTP_OPEN_OK;
}
