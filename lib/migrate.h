/*
 * migrate: db/migrations/NNN_name.sql applied in order, each recorded in schema_migrations with
 * a checksum. Idempotent: applied ones are skipped; an applied file whose text has changed is an
 * error (write a new migration instead of editing an old one).
 */
#ifndef PORTAL_MIGRATE_H
#define PORTAL_MIGRATE_H

#include <stddef.h>

#include "db.h"

enum migrate_err {
	MIGRATE_OK = 0,
	MIGRATE_EDIR,		/* the directory cannot be read */
	MIGRATE_EREAD,		/* a file cannot be read or is too large */
	MIGRATE_EDB,		/* a statement failed */
	MIGRATE_ECHANGED,	/* an applied migration's text has changed */
	MIGRATE__MAX
};

/* Called for each migration with "applied" (now), "present" (earlier) or "pending" (dry run). */
typedef void (*migrate_report)(const char *name, const char *state);

const char		*migrate_strerror(enum migrate_err);
enum migrate_err	 migrate_run(struct db *, const char *dir, int dry_run, migrate_report,
			    char *err, size_t errlen);

#endif
