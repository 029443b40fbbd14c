#include "pdfsig.h"

#include <poppler.h>

#include <sys/resource.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pdfrange.h"

static const char *const pdfsig_errs[PDFSIG__MAX] = {
	[PDFSIG_OK] = "no error",
	[PDFSIG_EPARSE] = "not a PDF poppler can open",
	[PDFSIG_ENOMEM] = "out of memory",
	[PDFSIG_EREADER] = "the reader stopped (crashed, or over its time or memory limit)",
};

const char *
pdfsig_strerror(enum pdfsig_err e)
{
	return (unsigned)e < PDFSIG__MAX ? pdfsig_errs[e] : "unknown error";
}

/* ---- the signatures, through poppler ----------------------------------------------------- */

static enum pdfsig_match
match_of(PopplerSignatureStatus s)
{
	switch (s) {
	case POPPLER_SIGNATURE_VALID:
		return PDFSIG_MATCHES;
	case POPPLER_SIGNATURE_DIGEST_MISMATCH:
		return PDFSIG_CHANGED;
	default:
		return PDFSIG_BROKEN;
	}
}

static enum pdfsig_cert
cert_of(PopplerCertificateStatus s)
{
	switch (s) {
	case POPPLER_CERTIFICATE_TRUSTED:
		return PDFSIG_CERT_TRUSTED;
	case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER:
	case POPPLER_CERTIFICATE_UNKNOWN_ISSUER:
		return PDFSIG_CERT_UNKNOWN;
	case POPPLER_CERTIFICATE_EXPIRED:
		return PDFSIG_CERT_EXPIRED;
	case POPPLER_CERTIFICATE_REVOKED:
		return PDFSIG_CERT_REVOKED;
	default:
		return PDFSIG_CERT_UNCHECKED;
	}
}

static void
read_one(PopplerFormField *field, struct pdfsig_one *one)
{
	/* No network from a request: no OCSP, no fetching of issuers. */
	const PopplerSignatureValidationFlags flags =
	    POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE |
	    POPPLER_SIGNATURE_VALIDATION_FLAG_WITHOUT_OCSP_REVOCATION_CHECK;
	PopplerSignatureInfo *si;
	GDateTime *when;
	const char *name;
	GError *err = NULL;

	memset(one, 0, sizeof(*one));
	one->match = PDFSIG_BROKEN;
	one->cert = PDFSIG_CERT_UNCHECKED;
	if ((si = poppler_form_field_signature_validate_sync(field, flags, NULL, &err)) == NULL) {
		g_clear_error(&err);
		return;
	}
	one->match = match_of(poppler_signature_info_get_signature_status(si));
	one->cert = cert_of(poppler_signature_info_get_certificate_status(si));
	if ((name = poppler_signature_info_get_signer_name(si)) != NULL &&
	    g_utf8_validate(name, -1, NULL))
		g_strlcpy(one->signer, name, sizeof(one->signer));
	if ((when = poppler_signature_info_get_local_signing_time(si)) != NULL)
		one->signed_at = (time_t)g_date_time_to_unix(when);
	poppler_signature_info_free(si);
}

/* In the reading process: the whole answer from poppler. */
static enum pdfsig_err
read_here(const void *pdf, size_t len, struct pdfsig_info *out)
{
	GBytes *bytes;
	PopplerDocument *doc;
	GList *fields, *l;
	GError *err = NULL;
	size_t ranges, whole;

	memset(out, 0, sizeof(*out));
	if ((bytes = g_bytes_new_static(pdf, len)) == NULL)
		return PDFSIG_ENOMEM;
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		g_clear_error(&err);
		return PDFSIG_EPARSE;
	}
	fields = poppler_document_get_signature_fields(doc);
	for (l = fields; l != NULL; l = l->next) {
		if (out->count < PDFSIG_MAX)
			read_one(l->data, &out->sig[out->count]);
		out->count++;
	}
	g_list_free_full(fields, g_object_unref);
	g_object_unref(doc);
	pdfrange_scan(pdf, len, &ranges, &whole);
	out->whole_file = out->count > 0 && whole > 0;
	return PDFSIG_OK;
}

/* Limits of the reading process: a PDF built to make poppler spin or grow meets these. */
#define READER_CPU_SECONDS	10
#define READER_MEMORY		(1024UL * 1024 * 1024)
#define READER_WAIT_MS		20000

/* Writes all of n bytes (the pipe to the parent). */
static int
write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, c, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads n bytes within the deadline; -1 on timeout, error or a short answer. */
static int
read_all(int fd, void *p, size_t n, struct timespec deadline)
{
	char *c = p;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	struct timespec now;
	long ms;
	ssize_t r;

	while (n > 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (deadline.tv_sec - now.tv_sec) * 1000 + (deadline.tv_nsec - now.tv_nsec) / 1000000;
		if (ms <= 0)
			return -1;
		if (poll(&pfd, 1, (int)ms) <= 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if ((r = read(fd, c, n)) <= 0) {
			if (r < 0 && errno == EINTR)
				continue;
			return -1;
		}
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * poppler reads the uploaded bytes in a child process of its own (kcgi's sandboxed parsing):
 * a PDF that crashes it, or makes it spin or grow, costs the child, never the program serving
 * requests; the child ends with _exit, so poppler's and NSS's exit handlers (whose teardown
 * beside glib's worker thread is not reliable) never run. The answer comes back through a pipe.
 */
enum pdfsig_err
pdfsig_read(const void *pdf, size_t len, struct pdfsig_info *out)
{
	struct rlimit cpu = { READER_CPU_SECONDS, READER_CPU_SECONDS + 1 };
	struct rlimit mem = { READER_MEMORY, READER_MEMORY };
	struct timespec deadline;
	enum pdfsig_err rc = PDFSIG_EREADER;
	int fds[2], status;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	if (pipe2(fds, O_CLOEXEC) != 0)
		return PDFSIG_ENOMEM;
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return PDFSIG_ENOMEM;
	}
	if (pid == 0) {
		close(fds[0]);
		setrlimit(RLIMIT_CPU, &cpu);
#ifndef __SANITIZE_ADDRESS__	/* ASan's shadow memory alone is terabytes of address space */
		setrlimit(RLIMIT_AS, &mem);
#else
		(void)mem;
#endif
		rc = read_here(pdf, len, out);
		_exit(write_all(fds[1], &rc, sizeof(rc)) == 0 &&
		    write_all(fds[1], out, sizeof(*out)) == 0 ? 0 : 1);
	}
	close(fds[1]);
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += READER_WAIT_MS / 1000;
	if (read_all(fds[0], &rc, sizeof(rc), deadline) != 0 || (unsigned)rc >= PDFSIG__MAX ||
	    read_all(fds[0], out, sizeof(*out), deadline) != 0) {
		rc = PDFSIG_EREADER;
		memset(out, 0, sizeof(*out));
		kill(pid, SIGKILL);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* What came through the pipe is another process's bytes: its strings end in the buffer. */
	for (size_t i = 0; i < PDFSIG_MAX; i++)
		out->sig[i].signer[sizeof(out->sig[i].signer) - 1] = '\0';
	return rc;
}
