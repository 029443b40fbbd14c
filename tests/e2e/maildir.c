#include "maildir.h"

#include <dirent.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

static int
read_all(const char *path, struct buf *out)
{
	char chunk[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, n);
	fclose(f);
	return 0;
}

/* The mail as text: the raw message, plus quoted-printable and base64 parts decoded. */
static void
decode(const char *raw, struct buf *out)
{
	const char *p, *body, *end;
	size_t i;

	buf_puts(out, raw);
	buf_puts(out, "\n");
	for (i = 0; raw[i]; i++) {	/* quoted-printable: soft breaks and =XX */
		if (raw[i] == '=' && raw[i + 1] == '\r' && raw[i + 2] == '\n')
			i += 2;
		else if (raw[i] == '=' && raw[i + 1] == '\n')
			i += 1;
		else if (raw[i] == '=' && raw[i + 1] && raw[i + 2] &&
		    strchr("0123456789ABCDEF", raw[i + 1]) && strchr("0123456789ABCDEF", raw[i + 2])) {
			char hex[3] = { raw[i + 1], raw[i + 2], 0 };
			char ch = (char)strtol(hex, NULL, 16);

			buf_append(out, &ch, 1);
			i += 2;
		} else
			buf_append(out, &raw[i], 1);
	}
	for (p = raw; (p = strcasestr(p, "Content-Transfer-Encoding: base64")) != NULL; p++) {
		unsigned char *bin;
		size_t binlen = 0, len;

		if ((body = strstr(p, "\r\n\r\n")) != NULL)
			body += 4;
		else if ((body = strstr(p, "\n\n")) != NULL)
			body += 2;
		else
			break;
		end = strstr(body, "\n--");
		len = end ? (size_t)(end - body) : strlen(body);
		if ((bin = malloc(len + 1)) == NULL)
			break;
		if (sodium_base642bin(bin, len, body, len, "\r\n ", &binlen, NULL,
		    sodium_base64_VARIANT_ORIGINAL) == 0) {
			buf_puts(out, "\n");
			buf_append(out, bin, binlen);
		}
		free(bin);
	}
}

static int
addressed_to(const char *raw, const char *to)
{
	const char *p = raw;

	while ((p = strcasestr(p, "\nTo:")) != NULL) {
		const char *eol = strchr(p + 1, '\n');
		char line[512];

		/* A long name (an encoded word) folds the address onto the next line (RFC 5322). */
		while (eol && (eol[1] == ' ' || eol[1] == '\t'))
			eol = strchr(eol + 1, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		if (strcasestr(line, to))
			return 1;
		p++;
	}
	return 0;
}

static long long mail_mtime;	/* of the mail fn is looking at, in ns */

/* Calls fn on the decoded text of each mail to `to`; adds up what fn returns. */
static int
scan(const char *to, int (*fn)(const char *, void *), void *ud)
{
	static const char *const subdirs[] = { "new", "cur" };
	const char *md = getenv("PORTAL_MAILDIR");
	char path[2048];
	struct dirent *de;
	size_t i;
	int hits = 0;
	DIR *dp;

	if (md == NULL)
		return 0;
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", md, subdirs[i]);
		if ((dp = opendir(path)) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			struct buf raw, text;

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", md, subdirs[i], de->d_name);
			buf_init(&raw, 0);
			buf_init(&text, 0);
			struct stat st;

			mail_mtime = stat(path, &st) == 0 ?
			    (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec : 0;
			if (read_all(path, &raw) == 0 && raw.data && addressed_to(raw.data, to)) {
				decode(raw.data, &text);
				hits += fn(text.data, ud);
			}
			buf_free(&raw);
			buf_free(&text);
		}
		closedir(dp);
	}
	return hits;
}

struct token_search {
	const char	*needle;
	char		 tokens[16][64];
	int		 n;
	char		 newest[64];
	long long	 newest_mtime;
};

static int
collect_token(const char *text, void *ud)
{
	struct token_search *ts = ud;
	const char *p = text;
	int found = 0;

	while ((p = strstr(p, ts->needle)) != NULL) {
		char tok[64];
		size_t n = 0;

		p += strlen(ts->needle);
		while (n + 1 < sizeof(tok) && p[n] && (strchr("-_", p[n]) ||
		    (p[n] >= '0' && p[n] <= '9') || (p[n] >= 'a' && p[n] <= 'z') ||
		    (p[n] >= 'A' && p[n] <= 'Z'))) {
			tok[n] = p[n];
			n++;
		}
		tok[n] = '\0';
		if (n == 43 && ts->n < 16) {
			int dup = 0, i;

			for (i = 0; i < ts->n; i++)
				dup |= strcmp(ts->tokens[i], tok) == 0;
			if (!dup)
				snprintf(ts->tokens[ts->n++], 64, "%s", tok);
			if (mail_mtime >= ts->newest_mtime) {
				ts->newest_mtime = mail_mtime;
				snprintf(ts->newest, sizeof(ts->newest), "%s", tok);
			}
			found = 1;
		}
	}
	return found;
}

int
maildir_find_token(const char *to, const char *path, int min_tokens, int seconds, char *out,
    size_t outlen)
{
	struct token_search ts;
	char needle[256];
	int waited;

	snprintf(needle, sizeof(needle), "%s?token=", path);
	for (waited = 0; waited <= seconds * 10; waited++) {
		memset(&ts, 0, sizeof(ts));
		ts.needle = needle;
		scan(to, collect_token, &ts);
		if (ts.n >= min_tokens && ts.n > 0) {
			snprintf(out, outlen, "%s", ts.newest);
			return ts.n;
		}
		usleep(100000);
	}
	return -1;
}

static int
contains(const char *text, void *ud)
{
	return strstr(text, (const char *)ud) != NULL;
}

int
maildir_count(const char *to, const char *needle, int seconds)
{
	int waited, n = 0;

	for (waited = 0; waited <= seconds * 10; waited++) {
		if ((n = scan(to, contains, (void *)(uintptr_t)needle)) > 0)
			return n;
		usleep(100000);
	}
	return n;
}
