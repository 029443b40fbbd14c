#include "totp.h"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <stdlib.h>
#include <string.h>

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
