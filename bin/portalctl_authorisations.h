/* portalctl's authorisation commands: create-authorisation, grant-role, set-platform. */
#ifndef PORTAL_PORTALCTL_AUTHORISATIONS_H
#define PORTAL_PORTALCTL_AUTHORISATIONS_H

#include "config.h"
#include "db.h"

/* Returns the exit status, or -1 when cmd is not an authorisation command. */
int	authorisations_command(struct db *, const struct config *, const char *cmd, int argc,
	    char **argv);

#endif
