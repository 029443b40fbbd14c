/* portalctl's fee rate commands (issue 6; R29): seed-demo-rates, list-rates. */
#ifndef PORTAL_PORTALCTL_RATES_H
#define PORTAL_PORTALCTL_RATES_H

#include "config.h"
#include "db.h"

/* Returns the exit status, 2 for a usage error, or -1 when cmd is not a rate command. */
int	rates_command(struct db *, const struct config *, const char *cmd, int argc, char **argv);

#endif
