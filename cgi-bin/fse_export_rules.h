/* fse_export_rules: FSE's checklist for results taken home (R22), /fse/hjemtagelsesregler. */
#ifndef PORTAL_FSE_EXPORT_RULES_H
#define PORTAL_FSE_EXPORT_RULES_H

#include "fcgi.h"

int	fse_export_rules_page(struct ctx *);
int	fse_export_rules_publish(struct ctx *);

#endif
