/*
 * log: one line per event on stderr, logfmt style, so grep and any log shipper can read it:
 *   ts=2026-11-29T11:30:00Z level=info prog=public pid=42 req=4f2a… msg="…" key=value…
 * The request id comes from nginx ($request_id, passed as REQUEST_ID) so the access log and the
 * program's log join on it.
 */
#ifndef PORTAL_LOG_H
#define PORTAL_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void	log_init(const char *program, const char *level_name);
void	log_set_request_id(const char *id);	/* NULL clears */
const char *log_request_id(void);
void	log_msg(enum log_level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)

#endif
