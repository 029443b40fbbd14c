/* portalctl's demo data for the thesis students (issue 13): seed-demo-project,
 * seed-demo-agreement. */
#ifndef PORTAL_PORTALCTL_DEMO_H
#define PORTAL_PORTALCTL_DEMO_H

#include "config.h"
#include "db.h"

/* Returns the exit status, or -1 when cmd is not a demo command. */
int	demo_command(struct db *, const struct config *, const char *cmd, int argc, char **argv);

#endif
