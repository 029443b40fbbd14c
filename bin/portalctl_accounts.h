/* portalctl's account commands: create-fse, create-user, disable-user, reset-totp, list-roles. */
#ifndef PORTAL_PORTALCTL_ACCOUNTS_H
#define PORTAL_PORTALCTL_ACCOUNTS_H

#include "config.h"
#include "db.h"

/* Returns the exit status, or -1 when cmd is not an account command. */
int	accounts_command(struct db *, const struct config *, const char *cmd, int argc,
	    char **argv);

#endif
