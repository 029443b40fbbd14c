/*
 * submitkey: a form sent twice makes one change (issue 12).
 *
 * When the connection drops during COMMIT the outcome is unknown: the portal answers 503 with
 * the input kept, and the user sends the form again. A form that creates something (a draft,
 * a proposal, an invitation, an upload, a rate) therefore carries a one-time key in a hidden
 * field, made when its page is rendered. The handler claims the key inside the transaction
 * that creates, and records there where the created thing is. The key is stored as its SHA-256
 * under the primary key of submission_keys, bound to the user and the form, so a second send
 * of the same key (after a cut-off COMMIT, a double click, the back button, a rerun on another
 * node) finds the first result and is sent there, and nothing is created twice. A form shown
 * again after a refusal keeps its key: nothing was created under it.
 *
 * The key is the session module's token (32 random bytes, base64url) and is not remembered
 * when the page is rendered (no write per page view): any well-formed key the user's form
 * carries is claimed on first use. A missing or malformed key is a 400 (our own forms always
 * carry one; a page from before keys existed is reloaded), as is a key claimed by another user
 * or another form.
 */
#ifndef PORTAL_SUBMITKEY_H
#define PORTAL_SUBMITKEY_H

#include "ctx.h"
#include "db.h"
#include "tmpl.h"

#define SUBMITKEY_FIELD		"engangsnoegle"
#define SUBMITKEY_RESULT_MAX	255	/* submission_keys.result */

/* SUBMIT_KEY into d: the key the form was sent with when well formed, else a new one. */
void		submitkey_put(const struct ctx *, struct tmpl_dict *d);

/*
 * In the handler's open transaction, before it creates anything: claims the form's key for
 * the user and form (a short name, e.g. "proposal.new"). 0: go on, create, then
 * submitkey_done. Else the handler's answer, its transaction rolled back: 303 to what the
 * first send of the key created, 400 for a missing, malformed or foreign key, or the answer to
 * a database error (ctx_tx_error: a lost conflict runs the request again).
 */
int		submitkey_claim(struct ctx *, const char *form);

/* Records path (ours, "/..."), where the created thing is shown, as the claimed key's result,
 * in the same transaction. */
enum db_err	submitkey_done(struct ctx *, const char *path);

#endif
