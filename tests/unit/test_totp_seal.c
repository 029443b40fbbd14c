/*
 * TOTP secrets at rest (lib/totp.h): seal and open (round trip, other key, altered byte, unknown
 * version, fresh nonce each time, the legacy raw row), the key file's format and mode, and the
 * process key from totp_key_file failing closed.
 */
#include <sys/stat.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "totp.h"

#include "../check_run.h"

static const char KEY_HEX[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

static void
key_of(unsigned char key[TOTP_KEY_BYTES])
{
	ck_assert_int_eq(totp_key_parse(KEY_HEX, strlen(KEY_HEX), key), TOTP_KEY_OK);
}

START_TEST(seal_open_round_trip)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES], blob[TOTP_BLOB_MAX];
	unsigned char back[TOTP_SECRET_MAX];
	size_t len = 99, i;
	int n;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	totp_new_secret(secret);
	n = totp_seal(key, secret, sizeof(secret), blob);
	ck_assert_int_eq(n, TOTP_BLOB_BYTES);
	ck_assert_int_eq(n, 61);
	ck_assert_int_eq(blob[0], TOTP_BLOB_VERSION);
	for (i = 0; i + sizeof(secret) <= (size_t)n; i++)	/* not in the clear */
		ck_assert(memcmp(blob + i, secret, sizeof(secret)) != 0);
	ck_assert_int_eq(totp_open(key, blob, (size_t)n, back, &len), TOTP_OPEN_OK);
	ck_assert_uint_eq(len, TOTP_SECRET_BYTES);
	ck_assert_mem_eq(back, secret, sizeof(secret));
}
END_TEST

START_TEST(seal_limits)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_BLOB_MAX] = { 1, 2, 3 };
	unsigned char blob[TOTP_BLOB_MAX], back[TOTP_SECRET_MAX];
	size_t len;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	ck_assert_int_eq(totp_seal(key, secret, TOTP_SECRET_MAX, blob), TOTP_BLOB_MAX);
	ck_assert_int_eq(totp_open(key, blob, TOTP_BLOB_MAX, back, &len), TOTP_OPEN_OK);
	ck_assert_uint_eq(len, TOTP_SECRET_MAX);
	ck_assert_int_eq(totp_seal(key, secret, TOTP_SECRET_MAX + 1, blob), -1);
	ck_assert_int_eq(totp_seal(key, secret, 0, blob), -1);
	ck_assert_int_eq(totp_seal(NULL, secret, TOTP_SECRET_BYTES, blob), -1);
	/* Too short to hold a MAC, too long for the column, nothing at all. */
	ck_assert_int_eq(totp_open(key, blob, TOTP_BLOB_OVERHEAD, back, &len), TOTP_OPEN_ERROR);
	ck_assert_int_eq(totp_open(key, blob, 1, back, &len), TOTP_OPEN_ERROR);
	ck_assert_int_eq(totp_open(key, blob, TOTP_BLOB_MAX + 1, back, &len), TOTP_OPEN_ERROR);
	ck_assert_int_eq(totp_open(key, NULL, 0, back, &len), TOTP_OPEN_ERROR);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(other_key_fails)
{
	unsigned char key[TOTP_KEY_BYTES], other[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES];
	unsigned char blob[TOTP_BLOB_MAX], back[TOTP_SECRET_MAX];
	size_t len = 99;
	int n;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	memcpy(other, key, sizeof(key));
	other[31] ^= 0x80;
	totp_new_secret(secret);
	n = totp_seal(key, secret, sizeof(secret), blob);
	ck_assert_int_eq(totp_open(other, blob, (size_t)n, back, &len), TOTP_OPEN_ERROR);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(totp_open(NULL, blob, (size_t)n, back, &len), TOTP_OPEN_ERROR);
}
END_TEST

/* Every byte of the blob, flipped in turn: the version, the nonce, the ciphertext, the MAC. */
START_TEST(flipped_byte_fails)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES], blob[TOTP_BLOB_MAX];
	unsigned char back[TOTP_SECRET_MAX];
	size_t len;
	int n, i;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	totp_new_secret(secret);
	n = totp_seal(key, secret, sizeof(secret), blob);
	for (i = 0; i < n; i++) {
		blob[i] ^= 0x01;
		len = 99;
		ck_assert_msg(totp_open(key, blob, (size_t)n, back, &len) == TOTP_OPEN_ERROR,
		    "byte %d flipped still opens", i);
		ck_assert_uint_eq(len, 0);
		blob[i] ^= 0x01;
	}
	/* Cut short by one byte: no. */
	ck_assert_int_eq(totp_open(key, blob, (size_t)n - 1, back, &len), TOTP_OPEN_ERROR);
	ck_assert_int_eq(totp_open(key, blob, (size_t)n, back, &len), TOTP_OPEN_OK);
}
END_TEST

START_TEST(wrong_version_fails)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES], blob[TOTP_BLOB_MAX];
	unsigned char back[TOTP_SECRET_MAX];
	size_t len;
	int n, v;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	totp_new_secret(secret);
	n = totp_seal(key, secret, sizeof(secret), blob);
	for (v = 0; v < 256; v++) {
		if (v == TOTP_BLOB_VERSION)
			continue;
		blob[0] = (unsigned char)v;
		ck_assert_int_eq(totp_open(key, blob, (size_t)n, back, &len), TOTP_OPEN_ERROR);
	}
}
END_TEST

START_TEST(fresh_nonce_each_seal)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES];
	unsigned char a[TOTP_BLOB_MAX], b[TOTP_BLOB_MAX], back[TOTP_SECRET_MAX];
	size_t len;
	int na, nb;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	totp_new_secret(secret);
	na = totp_seal(key, secret, sizeof(secret), a);
	nb = totp_seal(key, secret, sizeof(secret), b);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(a + 1, b + 1, TOTP_NONCE_BYTES) != 0);
	ck_assert(memcmp(a, b, (size_t)na) != 0);
	ck_assert_int_eq(totp_open(key, a, (size_t)na, back, &len), TOTP_OPEN_OK);
	ck_assert_mem_eq(back, secret, sizeof(secret));
	ck_assert_int_eq(totp_open(key, b, (size_t)nb, back, &len), TOTP_OPEN_OK);
	ck_assert_mem_eq(back, secret, sizeof(secret));
}
END_TEST

/* A raw 20-byte value (rows from before sealing) is the legacy case, reported as such. */
START_TEST(legacy_raw_row)
{
	unsigned char key[TOTP_KEY_BYTES], secret[TOTP_SECRET_BYTES], back[TOTP_SECRET_MAX];
	size_t len = 0;

	ck_assert_int_eq(totp_init(), 0);
	key_of(key);
	totp_new_secret(secret);
	ck_assert_int_eq(totp_open(key, secret, sizeof(secret), back, &len), TOTP_OPEN_LEGACY);
	ck_assert_uint_eq(len, TOTP_SECRET_BYTES);
	ck_assert_mem_eq(back, secret, sizeof(secret));
	/* Any other raw length is no legacy row: an error. */
	ck_assert_int_eq(totp_open(key, secret, sizeof(secret) - 1, back, &len), TOTP_OPEN_ERROR);
}
END_TEST

static const struct {
	const char *text;
	enum totp_key_err want;
} key_texts[] = {
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", TOTP_KEY_OK },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n", TOTP_KEY_OK },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\r\n", TOTP_KEY_OK },
	{ "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", TOTP_KEY_OK },
	{ "", TOTP_KEY_EFORMAT },
	{ "\n", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f00", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1g", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f 101112131415161718191a1b1c1d1e1", TOTP_KEY_EFORMAT },
	{ " 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n\n", TOTP_KEY_EFORMAT },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f #", TOTP_KEY_EFORMAT },
	{ "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", TOTP_KEY_EFORMAT },
	{ "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", TOTP_KEY_EFORMAT },	/* base64 */
};

START_TEST(key_file_text)
{
	unsigned char key[TOTP_KEY_BYTES];
	const char *t = key_texts[_i].text;

	ck_assert_int_eq(totp_init(), 0);
	ck_assert_msg(totp_key_parse(t, strlen(t), key) == key_texts[_i].want, "key text %d", _i);
	if (key_texts[_i].want == TOTP_KEY_OK) {
		ck_assert_int_eq(key[0], 0x00);
		ck_assert_int_eq(key[10], 0x0a);
		ck_assert_int_eq(key[31], 0x1f);
	}
}
END_TEST

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(chmod(path, mode), 0);
}

START_TEST(key_file_read)
{
	char dir[] = "/tmp/totp-key-XXXXXX", path[256], conf[512];
	unsigned char key[TOTP_KEY_BYTES], want[TOTP_KEY_BYTES];
	struct config c;
	unsigned line;
	int loose = -1;

	ck_assert_int_eq(totp_init(), 0);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/totp.key", dir);
	key_of(want);

	write_file(path, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
	    0600);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_OK);
	ck_assert_int_eq(loose, 0);
	ck_assert_mem_eq(key, want, sizeof(key));
	ck_assert_int_eq(chmod(path, 0644), 0);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_OK);	/* used, with a warning */
	ck_assert_int_eq(loose, 1);

	/* The process key through the config setting: kept once read. */
	config_defaults(&c);
	ck_assert_str_eq(c.totp_key_file, "");
	ck_assert_ptr_null(totp_key(&c));	/* not set: fail closed */
	snprintf(conf, sizeof(conf), "totp_key_file = %s\n", path);
	ck_assert_int_eq(config_parse(&c, conf, &line), CONFIG_OK);
	ck_assert_ptr_nonnull(totp_key(&c));
	ck_assert_mem_eq(totp_key(&c), want, sizeof(want));
	totp_key_forget();

	/* Bad contents, a long file, a missing file, a directory, an empty setting. */
	write_file(path, "not a key\n", 0600);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_EFORMAT);
	ck_assert_ptr_null(totp_key(&c));
	write_file(path, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n", 0600);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_EFORMAT);
	write_file(path, "0001020304050607\n", 0600);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_EFORMAT);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(totp_key_read(path, key, &loose), TOTP_KEY_EOPEN);
	ck_assert_ptr_null(totp_key(&c));
	ck_assert_int_eq(totp_key_read(dir, key, &loose), TOTP_KEY_EOPEN);
	ck_assert_int_eq(totp_key_read("", key, &loose), TOTP_KEY_EUNSET);
	ck_assert_int_eq(rmdir(dir), 0);
	ck_assert_str_ne(totp_key_strerror(TOTP_KEY_EFORMAT), "");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("totp_seal");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, seal_open_round_trip);
	tcase_add_test(tc, seal_limits);
	tcase_add_test(tc, other_key_fails);
	tcase_add_test(tc, flipped_byte_fails);
	tcase_add_test(tc, wrong_version_fails);
	tcase_add_test(tc, fresh_nonce_each_seal);
	tcase_add_test(tc, legacy_raw_row);
	tcase_add_loop_test(tc, key_file_text, 0, sizeof(key_texts) / sizeof(key_texts[0]));
	tcase_add_test(tc, key_file_read);
	suite_add_tcase(s, tc);
	return check_run(s);
}
