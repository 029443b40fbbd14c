/* fse_agreement: the user agreement's versions (R15), /fse/brugeraftale. */
#ifndef PORTAL_FSE_AGREEMENT_H
#define PORTAL_FSE_AGREEMENT_H

#include "fcgi.h"

int	fse_agreement_page(struct ctx *);
int	fse_agreement_publish(struct ctx *);

#endif
