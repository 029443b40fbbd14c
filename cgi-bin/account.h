/*
 * account: everything about one's own account, under /konto (issue 3; R6, R14, R33, R34), in
 * one file per concern:
 *
 *   account.c        the routes, the helpers every part shares, and the account page
 *   account_login.c  log in (password, then the TOTP code when enrolled), log out, and single
 *                    sign-on through the SAML service provider in front of nginx
 *   account_totp.c   enrolling the second factor, and the sealed secret (lib/totp.h)
 *   account_links.c  what a mailed link does: register and verify the address, reset a
 *                    forgotten password
 */
#ifndef PORTAL_ACCOUNT_H
#define PORTAL_ACCOUNT_H

#include <stddef.h>

#include "ctx.h"
#include "db.h"
#include "session.h"
#include "tmpl.h"

#define VERIFY_HOURS	24	/* the address-confirmation link */
#define RESET_MINUTES	60	/* the password-reset link */

/* ---- account.c: shared ---------------------------------------------------------------------- */

/* A page that needs a form: an anonymous session first, for its CSRF token. */
struct tmpl_dict	*acct_form_page(struct ctx *, const char *tpl, const char *title);
/* ?besked=: the notice a redirect asked the page to show; NULL when none. */
const char		*acct_notice(struct ctx *);
/* A single-use link token stored by its hash; the token itself goes only into the mail. */
enum db_err		 acct_new_email_token(struct ctx *, long long user_id, const char *purpose,
			    int minutes, char token[SESSION_TOKEN_CHARS + 1]);
/* The mail with that link (path?token=), queued in the caller's transaction. */
enum db_err		 acct_send_link_mail(struct ctx *, const char *to, const char *name,
			    const char *subject, const char *tpl, const char *path,
			    const char *token, const char *kind);
/* The accept loop has checked the policy (ACT_ACCOUNT: logged in); this is who it is. */
long long		 acct_require_user(struct ctx *, int *status);

/* ---- account_totp.c: the sealed secret ------------------------------------------------------ */

/*
 * The key that seals the TOTP secrets (lib/totp.h), or NULL: then the caller answers 503 and
 * nothing about the second factor goes on (fail closed; totp_key() logged why).
 */
const unsigned char	*acct_sealing_key(struct ctx *);
/* A stored blob that does not open: logged, never used (no secret is guessed at). */
void			 acct_log_unreadable(long long uid);
/* Seals secret again into users.totp_secret (a legacy raw row, lib/totp.h). */
enum db_err		 acct_reseal(struct ctx *, const unsigned char *key, long long uid,
			    const unsigned char *secret, size_t len);

/* ---- handlers ------------------------------------------------------------------------------- */

int	acct_register_form(struct ctx *);	/* account_links.c */
int	acct_register_submit(struct ctx *);
int	acct_check_mail_page(struct ctx *);
int	acct_verify_form(struct ctx *);
int	acct_verify_submit(struct ctx *);
int	acct_forgot_form(struct ctx *);
int	acct_forgot_submit(struct ctx *);
int	acct_reset_form(struct ctx *);
int	acct_reset_submit(struct ctx *);
int	acct_login_form(struct ctx *);		/* account_login.c */
int	acct_login_submit(struct ctx *);
int	acct_code_form(struct ctx *);
int	acct_code_submit(struct ctx *);
int	acct_logout(struct ctx *);
int	acct_sso_login(struct ctx *);
int	acct_totp_form(struct ctx *);		/* account_totp.c */
int	acct_totp_submit(struct ctx *);
int	acct_totp_qr(struct ctx *);

#endif
