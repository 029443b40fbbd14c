#include "filetype.h"

#include <magic.h>
#include <stdio.h>
#include <string.h>

#include "log.h"

/* libmagic reads at most this much of a file: the types we accept are known by their start. */
#define FILETYPE_READ_MAX	(256 * 1024)

static magic_t	handle;
static int	broken;

static magic_t
filetype_handle(void)
{
	int flags = MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF |
	    MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_CDF | MAGIC_NO_CHECK_APPTYPE;
	size_t cap = FILETYPE_READ_MAX;

#ifdef MAGIC_NO_CHECK_JSON
	flags |= MAGIC_NO_CHECK_JSON;
#endif
#ifdef MAGIC_NO_CHECK_CSV
	flags |= MAGIC_NO_CHECK_CSV;
#endif
	if (handle || broken)
		return handle;
	if ((handle = magic_open(flags)) == NULL || magic_load(handle, NULL) != 0) {
		log_error("libmagic: %s", handle ? magic_error(handle) : "magic_open failed");
		if (handle)
			magic_close(handle);
		handle = NULL;
		broken = 1;
		return NULL;
	}
	(void)magic_setparam(handle, MAGIC_PARAM_BYTES_MAX, &cap);
	return handle;
}

int
filetype_detect(const void *p, size_t len, char *out, size_t n)
{
	magic_t m = filetype_handle();
	const char *t;

	if (n)
		out[0] = '\0';
	if (m == NULL || (t = magic_buffer(m, p, len)) == NULL) {
		if (m)
			log_error("libmagic: %s", magic_error(m) ? magic_error(m) : "no answer");
		return -1;
	}
	snprintf(out, n, "%s", t);
	return 0;
}

const char *
filetype_extension(const char *mime)
{
	static const struct {
		const char *mime, *ext;
	} exts[] = {
		{ "application/pdf", "pdf" },
		{ "image/png", "png" },
		{ "image/jpeg", "jpg" },
		{ "text/plain", "txt" },	/* results as text tables (issue 14) */
	};
	size_t i;

	for (i = 0; mime && i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcmp(exts[i].mime, mime) == 0)
			return exts[i].ext;
	return "bin";
}
