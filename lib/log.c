#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const level_names[] = { "debug", "info", "warn", "error" };
static char log_program[32] = "portal";
static char log_reqid[64];
static enum log_level log_min = LOG_INFO;

void
log_init(const char *program, const char *level_name)
{
	size_t i;

	snprintf(log_program, sizeof(log_program), "%s", program);
	for (i = 0; level_name && i < sizeof(level_names) / sizeof(level_names[0]); i++)
		if (strcmp(level_name, level_names[i]) == 0)
			log_min = (enum log_level)i;
}

void
log_set_request_id(const char *id)
{
	size_t i, n = 0;

	/* The id is outside input (a FastCGI param): keep only characters safe in a log line. */
	for (i = 0; id && id[i] && n + 1 < sizeof(log_reqid); i++)
		if ((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= 'A' && id[i] <= 'Z') || id[i] == '-')
			log_reqid[n++] = id[i];
	log_reqid[n] = '\0';
}

const char *
log_request_id(void)
{
	return log_reqid;
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	char msg[1024], line[1400], ts[32];
	size_t i, n;
	struct tm tm;
	time_t now;
	va_list ap;
	int len;

	if (level < log_min)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	len = snprintf(line, sizeof(line), "ts=%s level=%s prog=%s pid=%ld req=%s msg=\"",
	    ts, level_names[level], log_program, (long)getpid(), log_reqid[0] ? log_reqid : "-");
	n = len > 0 ? (size_t)len : 0;
	/* One event, one line: quotes, backslashes and control bytes are escaped. */
	for (i = 0; msg[i] && n + 4 < sizeof(line); i++) {
		unsigned char ch = (unsigned char)msg[i];

		if (ch == '"' || ch == '\\') {
			line[n++] = '\\';
			line[n++] = (char)ch;
		} else if (ch < 0x20 || ch == 0x7f)
			line[n++] = '?';
		else
			line[n++] = (char)ch;
	}
	line[n++] = '"';
	line[n++] = '\n';
	fwrite(line, 1, n, stderr);
	fflush(stderr);
}
