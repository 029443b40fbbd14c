/*
 * The pure parts of accounts: the password policy and argon2id parameters, TOTP against the
 * RFC 6238 test vector (window, single use), session tokens, and the enrolment QR code.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "password.h"
#include "session.h"
#include "totp.h"

#include "../check_run.h"

static const struct {
	const char *pw;
	const char *email;
	const char *name;
	enum password_err want;
} policy[] = {
	{ "kort", "anne@ku.dk", "Anne Hansen", PASSWORD_ETOOSHORT },
	{ "æøåæøåæ", "anne@ku.dk", "Anne Hansen", PASSWORD_ETOOSHORT },	/* 7 characters, 14 bytes */
	{ "password", "anne@ku.dk", "Anne Hansen", PASSWORD_EWEAK },	/* the dictionary */
	{ "password123", "anne@ku.dk", "Anne Hansen", PASSWORD_EWEAK },
	{ "12345678", "anne@ku.dk", "Anne Hansen", PASSWORD_EWEAK },
	{ "aaaaaaaaaaaa", "anne@ku.dk", "Anne Hansen", PASSWORD_EWEAK },
	{ "hansenrocks-blue-42", "anne@ku.dk", "Anne Hansen", PASSWORD_EWEAK },	/* own name */
	{ "annekat-river-stone", "annekat@ku.dk", "A. K.", PASSWORD_EWEAK },	/* own address */
	{ "tre grønne heste på taget", "anne@ku.dk", "Anne Hansen", PASSWORD_OK },
	{ "Vindue-Kaffe-Bjerg-71", "anne@ku.dk", "Anne Hansen", PASSWORD_OK },
};

START_TEST(password_policy)
{
	char why[256];
	enum password_err e;

	ck_assert_int_eq(password_init(), 0);
	e = password_check(policy[_i].pw, policy[_i].email, policy[_i].name, why, sizeof(why));
	ck_assert_msg(e == policy[_i].want, "\"%s\": %d (%s), want %d", policy[_i].pw, e, why,
	    policy[_i].want);
	if (e != PASSWORD_OK)
		ck_assert_msg(why[0] != '\0', "a refusal says why");	/* R31 */
}
END_TEST

START_TEST(password_too_long)
{
	char pw[200], why[256];

	memset(pw, 'x', sizeof(pw) - 1);
	pw[sizeof(pw) - 1] = '\0';
	ck_assert_int_eq(password_check(pw, "a@ku.dk", "A", why, sizeof(why)), PASSWORD_ETOOLONG);
	ck_assert_ptr_nonnull(strstr(why, "128"));
}
END_TEST

START_TEST(password_hash_argon2id)
{
	char hash[PASSWORD_HASH_MAX];

	ck_assert_int_eq(password_init(), 0);
	ck_assert_int_eq(password_hash("tre grønne heste", hash), PASSWORD_OK);
	/* argon2id, 19 MiB (19456 KiB), 2 passes: DESIGN's floor. */
	ck_assert_msg(strncmp(hash, "$argon2id$v=19$m=19456,t=2,", 27) == 0, "%s", hash);
	ck_assert_int_eq(password_verify(hash, "tre grønne heste"), PASSWORD_OK);
	ck_assert_int_eq(password_verify(hash, "tre grønne hest"), PASSWORD_EMISMATCH);
	ck_assert_int_eq(password_verify("not a hash", "x"), PASSWORD_EMISMATCH);
}
END_TEST

/* RFC 6238 appendix B: SHA-1 secret "12345678901234567890"; at T=59 the 8-digit code is
 * 94287082, so the 6-digit one is 287082. */
static const unsigned char rfc_secret[] = "12345678901234567890";

START_TEST(totp_rfc6238)
{
	char code[8];

	ck_assert_int_eq(totp_init(), 0);
	ck_assert_int_eq(totp_code(rfc_secret, 20, 59, code), 0);
	ck_assert_str_eq(code, "287082");
	ck_assert_int_eq(totp_verify(rfc_secret, 20, "287082", 59, 0), 1);	/* step 59/30 = 1 */
}
END_TEST

START_TEST(totp_window_and_reuse)
{
	char code[8];
	long long step;

	ck_assert_int_eq(totp_init(), 0);
	ck_assert_int_eq(totp_code(rfc_secret, 20, 1000000, code), 0);
	step = totp_verify(rfc_secret, 20, code, 1000000, 0);
	ck_assert_int_eq(step, 1000000 / 30);
	/* One step of drift either way is accepted, two are not. */
	ck_assert_int_eq(totp_verify(rfc_secret, 20, code, 1000000 + 30, 0), step);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, code, 1000000 - 30, 0), step);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, code, 1000000 + 90, 0), -1);
	/* A code is used once: not again, nor an older one after a newer one. */
	ck_assert_int_eq(totp_verify(rfc_secret, 20, code, 1000000, step), -1);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, code, 1000000, step + 1), -1);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, "12345", 1000000, 0), -1);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, "12345a", 1000000, 0), -1);
	ck_assert_int_eq(totp_verify(rfc_secret, 20, NULL, 1000000, 0), -1);
}
END_TEST

START_TEST(totp_secret_uri_qr)
{
	unsigned char a[TOTP_SECRET_BYTES], b[TOTP_SECRET_BYTES];
	char b32[TOTP_BASE32_MAX];
	struct buf uri, svg;

	ck_assert_int_eq(totp_init(), 0);
	totp_new_secret(a);
	totp_new_secret(b);
	ck_assert_int_ne(memcmp(a, b, sizeof(a)), 0);
	ck_assert_int_eq(totp_base32(rfc_secret, 20, b32, sizeof(b32)), 0);
	ck_assert_str_eq(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	buf_init(&uri, 0);
	ck_assert_int_eq(totp_uri(rfc_secret, 20, "anne+x@econ.ku.dk", &uri), 0);
	ck_assert_str_eq(uri.data, "otpauth://totp/Specialeportalen:anne%2Bx%40econ.ku.dk?secret="
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Specialeportalen&algorithm=SHA1&digits=6&"
	    "period=30");
	buf_init(&svg, 0);
	ck_assert_int_eq(totp_qr_svg(uri.data, &svg), 0);
	ck_assert_ptr_nonnull(strstr(svg.data, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	ck_assert_ptr_nonnull(strstr(svg.data, "M4 4h1v1h-1z"));	/* finder pattern corner */
	buf_free(&uri);
	buf_free(&svg);
}
END_TEST

START_TEST(session_tokens)
{
	char t1[SESSION_TOKEN_CHARS + 1], t2[SESSION_TOKEN_CHARS + 1];
	unsigned char h1[32], h1b[32], h2[32];

	ck_assert_int_eq(password_init(), 0);
	session_new_token(t1, h1);
	session_new_token(t2, h2);
	ck_assert_uint_eq(strlen(t1), SESSION_TOKEN_CHARS);
	ck_assert_str_ne(t1, t2);
	ck_assert_int_eq(session_hash_token(t1, h1b), 0);
	ck_assert_int_eq(memcmp(h1, h1b, 32), 0);	/* the stored hash is the cookie's */
	ck_assert_int_ne(memcmp(h1, h2, 32), 0);
	ck_assert_int_eq(session_hash_token("short", h1b), -1);
	t1[5] = '+';	/* not base64url */
	ck_assert_int_eq(session_hash_token(t1, h1b), -1);
	ck_assert_int_eq(session_hash_token(NULL, h1b), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("account");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, password_policy, 0, sizeof(policy) / sizeof(policy[0]));
	tcase_add_test(tc, password_too_long);
	tcase_add_test(tc, password_hash_argon2id);
	tcase_add_test(tc, totp_rfc6238);
	tcase_add_test(tc, totp_window_and_reuse);
	tcase_add_test(tc, totp_secret_uri_qr);
	tcase_add_test(tc, session_tokens);
	suite_add_tcase(s, tc);
	return check_run(s);
}
