/*
 * fse_certification: the certification course for FSE staff, /fse/certificering (issue 14;
 * R14), linked into the fse program, whose route table names these handlers.
 */
#ifndef PORTAL_FSE_CERTIFICATION_H
#define PORTAL_FSE_CERTIFICATION_H

#include "ctx.h"

/* GET /fse/certificering: the passes (search, newest first), the forms the policy allows. */
int	fse_cert_page(struct ctx *);
/* POST /fse/certificering: record one pass (address, name, passed on, valid until). */
int	fse_cert_record(struct ctx *);
/* POST /fse/certificering/liste: record a list (a file or pasted text), all or nothing. */
int	fse_cert_list(struct ctx *);
/* POST /fse/certificering/tilbagekald: withdraw a pass with a reason. */
int	fse_cert_withdraw(struct ctx *);

#endif
