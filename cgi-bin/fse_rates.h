/*
 * fse_rates: the dated fee rate table for FSE staff, /fse/takster (issue 6; R23, R24, R29),
 * linked into the fse program, whose route table names these handlers.
 */
#ifndef PORTAL_FSE_RATES_H
#define PORTAL_FSE_RATES_H

#include "ctx.h"

/* GET /fse/takster: every rate per kind, the current one marked, demo values marked. */
int	fse_rates_page(struct ctx *);
/* POST /fse/takster: add a rate (kind, amount, valid from, optional valid to, note). */
int	fse_rates_add(struct ctx *);

#endif
