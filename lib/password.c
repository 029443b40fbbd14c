#include "password.h"

#include <pwquality.h>
#include <sodium.h>

#include <stdio.h>
#include <string.h>

#include "form.h"

static char dummy_hash[PASSWORD_HASH_MAX];

int
password_init(void)
{
	if (sodium_init() < 0)
		return -1;
	if (dummy_hash[0] == '\0' && password_hash("not a real password", dummy_hash) != PASSWORD_OK)
		return -1;
	return 0;
}

/* libpwquality's reasons, in plain Danish (R31); anything else falls back to the general one. */
static const char *
reason(int code)
{
	switch (code) {
	case PWQ_ERROR_CRACKLIB_CHECK:
	case PWQ_ERROR_BAD_WORDS:
		return "Adgangskoden ligner et ord fra en ordbog eller en kendt adgangskode. "
		    "Vælg en, der er sværere at gætte, fx tre-fire tilfældige ord.";
	case PWQ_ERROR_USER_CHECK:
	case PWQ_ERROR_GECOS_CHECK:
		return "Adgangskoden må ikke indeholde dit navn eller din e-mailadresse.";
	case PWQ_ERROR_MAX_CONSECUTIVE:
	case PWQ_ERROR_MAX_CLASS_REPEAT:
		return "Adgangskoden har for mange ens tegn i træk.";
	case PWQ_ERROR_MAX_SEQUENCE:
		return "Adgangskoden indeholder en for lang rækkefølge, fx 12345 eller abcde.";
	case PWQ_ERROR_PALINDROME:
	case PWQ_ERROR_ROTATED:
	case PWQ_ERROR_CASE_CHANGES_ONLY:
	case PWQ_ERROR_TOO_SIMILAR:
		return "Adgangskoden er for let at gætte.";
	case PWQ_ERROR_MIN_LENGTH:
		return "Adgangskoden skal have mindst 8 tegn.";
	default:
		return "Adgangskoden er for let at gætte. Vælg en længere eller mere tilfældig.";
	}
}

enum password_err
password_check(const char *pw, const char *email, const char *name, char *why, size_t whylen)
{
	pwquality_settings_t *pwq;
	size_t chars = form_utf8_chars(pw, strlen(pw));
	char user[256];
	void *aux = NULL;
	int rc;

	why[0] = '\0';
	if (chars < PASSWORD_MIN_CHARS) {
		snprintf(why, whylen, "Adgangskoden skal have mindst %d tegn.", PASSWORD_MIN_CHARS);
		return PASSWORD_ETOOSHORT;
	}
	if (chars > PASSWORD_MAX_CHARS) {
		snprintf(why, whylen, "Adgangskoden må højst have %d tegn.", PASSWORD_MAX_CHARS);
		return PASSWORD_ETOOLONG;
	}
	if ((pwq = pwquality_default_settings()) == NULL) {
		snprintf(why, whylen, "%s", reason(0));
		return PASSWORD_EHASH;
	}
	/* Length is ours (counted in characters); pwquality judges guessability. */
	pwquality_set_int_value(pwq, PWQ_SETTING_MIN_LENGTH, 6);
	pwquality_set_int_value(pwq, PWQ_SETTING_DIG_CREDIT, 0);
	pwquality_set_int_value(pwq, PWQ_SETTING_UP_CREDIT, 0);
	pwquality_set_int_value(pwq, PWQ_SETTING_LOW_CREDIT, 0);
	pwquality_set_int_value(pwq, PWQ_SETTING_OTH_CREDIT, 0);
	pwquality_set_int_value(pwq, PWQ_SETTING_MAX_REPEAT, 3);
	pwquality_set_int_value(pwq, PWQ_SETTING_MAX_SEQUENCE, 4);
	pwquality_set_int_value(pwq, PWQ_SETTING_DICT_CHECK, 1);
	pwquality_set_int_value(pwq, PWQ_SETTING_USER_CHECK, 1);
	/* The local part of the address stands for the user name in pwquality's user check. */
	snprintf(user, sizeof(user), "%s", email ? email : "");
	if (strchr(user, '@'))
		*strchr(user, '@') = '\0';
	rc = pwquality_check(pwq, pw, NULL, user[0] ? user : NULL, &aux);
	pwquality_free_settings(pwq);
	if (rc < 0) {
		char english[256];

		/* It also frees aux; the English text is for nobody. */
		pwquality_strerror(english, sizeof(english), rc, aux);
		snprintf(why, whylen, "%s", reason(rc));
		return PASSWORD_EWEAK;
	}
	/* pwquality checks the user name; the full name too, word by word of 4+ letters. */
	if (name && *name) {
		char copy[256], *tok, *save = NULL;

		snprintf(copy, sizeof(copy), "%s", name);
		for (tok = strtok_r(copy, " -.'", &save); tok; tok = strtok_r(NULL, " -.'", &save))
			if (strlen(tok) >= 4 && strcasestr(pw, tok)) {
				snprintf(why, whylen, "%s", reason(PWQ_ERROR_USER_CHECK));
				return PASSWORD_EWEAK;
			}
	}
	return PASSWORD_OK;
}

enum password_err
password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	if (crypto_pwhash_str_alg(out, pw, strlen(pw), PASSWORD_OPSLIMIT, PASSWORD_MEMLIMIT,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return PASSWORD_EHASH;
	return PASSWORD_OK;
}

enum password_err
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0 ? PASSWORD_OK :
	    PASSWORD_EMISMATCH;
}

void
password_verify_dummy(const char *pw)
{
	if (dummy_hash[0])
		(void)password_verify(dummy_hash, pw);
}
