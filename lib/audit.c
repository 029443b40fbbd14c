#include "audit.h"

#include "log.h"

enum db_err
audit_event(struct db *db, long long actor, const char *action, const char *object_type,
    long long object_id, long long subject, const char *remote_addr, const char *detail)
{
	return db_exec(db, NULL,
	    "INSERT INTO audit_events (actor_id, action, object_type, object_id, subject_id, "
	    "remote_addr, request_id, detail) VALUES (NULLIF(?, 0), ?, ?, NULLIF(?, 0), "
	    "NULLIF(?, 0), ?, ?, ?)", "issiisss", actor, action, object_type ? object_type : "",
	    object_id, subject, remote_addr ? remote_addr : "", log_request_id(),
	    detail ? detail : "");
}
