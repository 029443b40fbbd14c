/*
 * fse_caps: the accounts and addresses that hit a cap (issue 16, lib/caps.h), /fse/graenser,
 * linked into the fse program, whose route table names the handler. Read from the audit
 * events cap.refused, which every refusal writes.
 */
#ifndef PORTAL_FSE_CAPS_H
#define PORTAL_FSE_CAPS_H

#include "ctx.h"
#include "tmpl.h"

#define FSE_CAPS_DAYS	30	/* how far back the page looks */
#define FSE_CAPS_ROWS	200	/* rows at most, the latest first */

/* GET /fse/graenser: per person (or address) and cap, how often, first and last time. */
int		fse_caps_page(struct ctx *);
/* On FSE's start page: how many accounts and addresses hit a cap in the last day, into d's
 * section CAPS (COUNT). */
enum db_err	fse_caps_summary(struct ctx *, struct tmpl_dict *d);

#endif
