/* Finding a mail in the test SMTP server's maildir (PORTAL_MAILDIR) and a link in its body. */
#ifndef PORTAL_TESTS_MAILDIR_H
#define PORTAL_TESTS_MAILDIR_H

#include <stddef.h>

/*
 * Waits up to `seconds` until the mails to `to` hold at least min_tokens different links
 * "<path>?token=..." and puts the newest mail's token in out. Returns how many different tokens
 * there are, or -1. Bodies may be quoted-printable or base64.
 */
int	maildir_find_token(const char *to, const char *path, int min_tokens, int seconds, char *out,
	    size_t outlen);
/* Number of mails to `to` whose decoded text contains `needle` (waits up to `seconds` for one). */
int	maildir_count(const char *to, const char *needle, int seconds);

#endif
