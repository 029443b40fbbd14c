/*
 * mail_smtp: sending one outbox row through libcurl SMTP. One easy handle lives as long as the
 * mailer, so consecutive sends reuse its connection (curl drops it after a failed transfer and
 * opens a new one for the next). The message is built with curl_mime: the text and HTML parts
 * as multipart/alternative (quoted-printable, UTF-8), inside multipart/mixed with the
 * attachments (base64) when there are any. The top-level headers are ours (Date at send, the
 * Message-ID from enqueue, encoded Subject and names); curl adds MIME-Version.
 *
 * To tell "this message was refused" from "the server is not answering", the debug callback
 * follows which SMTP command the last reply answered (mail_classify decides from that).
 *
 * TLS: the server's certificate and host name are always verified (curl's default, set again
 * here so no later edit can loosen it silently), against smtp_ca_file when set (an internal CA;
 * then only that file, not the system's store) or else the system's store. smtp_starttls =
 * required (CURLUSESSL_ALL) means nothing but EHLO and STARTTLS goes in the clear: a server that
 * does not offer STARTTLS, refuses it or fails verification ends the connection before AUTH or
 * MAIL, so credentials never cross a plain connection. `try` (CURLUSESSL_TRY) carries on
 * without TLS when STARTTLS is not offered or is refused, AUTH included: anyone able to strip
 * STARTTLS from the greeting then reads the password. Use `required` (or smtps://) whenever
 * smtp_user is set; mail_smtp_new warns otherwise. (tests/integration/test_smtp_tls proves all
 * this against a real STARTTLS + AUTH server.)
 */
#include "mail.h"

#include <curl/curl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "log.h"

/* curl 8.2 fixed the option's spelling; Debian 12 has 7.88 with the old one. */
#if LIBCURL_VERSION_NUM < 0x080200
#define CURLOPT_MAIL_RCPT_ALLOWFAILS CURLOPT_MAIL_RCPT_ALLLOWFAILS
#endif

struct mail_smtp {
	const struct config	*cfg;
	CURL			*curl;
	char			 errbuf[CURL_ERROR_SIZE];
	enum mail_stage		 stage;
	char			 reply[512];	/* the last complete reply, lines joined */
	int			 reply_code;
	int			 reply_open;	/* a multi-line reply is still coming */
	int			 quitting;	/* QUIT sent: its "221" says nothing */
};

static int
on_debug(CURL *h, curl_infotype type, char *data, size_t size, void *ud)
{
	struct mail_smtp *s = ud;
	size_t n, len;

	(void)h;
	if (type == CURLINFO_HEADER_OUT) {
		/* Commands we send: which one the next reply belongs to. After a refusal curl
		 * says QUIT; the refusal is the reply that counts. */
		if (size >= 4 && strncasecmp(data, "QUIT", 4) == 0)
			s->quitting = 1;
		else if (size >= 4 && strncasecmp(data, "MAIL", 4) == 0)
			s->stage = MAIL_STAGE_MAIL;
		else if (size >= 4 && strncasecmp(data, "RCPT", 4) == 0)
			s->stage = MAIL_STAGE_RCPT;
		else if (size >= 4 && strncasecmp(data, "DATA", 4) == 0)
			s->stage = MAIL_STAGE_DATA;
		else
			s->stage = MAIL_STAGE_CONNECT;	/* EHLO, HELO, STARTTLS, AUTH, QUIT */
	} else if (type == CURLINFO_HEADER_IN) {
		/* "250-first line" ... "250 last line": keep the whole reply, lines joined. */
		if (s->quitting || size < 3 || data[0] < '0' || data[0] > '9')
			return 0;
		if (!s->reply_open)
			s->reply[0] = '\0';
		s->reply_code = (data[0] - '0') * 100 + (data[1] - '0') * 10 + (data[2] - '0');
		s->reply_open = size > 3 && data[3] == '-';
		for (len = size; len && (data[len - 1] == '\r' || data[len - 1] == '\n'); len--)
			;
		n = strlen(s->reply);
		if (n && n + 3 < sizeof(s->reply)) {
			memcpy(s->reply + n, " / ", 4);
			n += 3;
		}
		if (len > sizeof(s->reply) - 1 - n)
			len = sizeof(s->reply) - 1 - n;
		memcpy(s->reply + n, data, len);
		s->reply[n + len] = '\0';
	}
	return 0;
}

struct mail_smtp *
mail_smtp_new(const struct config *cfg)
{
	struct mail_smtp *s = calloc(1, sizeof(*s));
	long ssl = CURLUSESSL_TRY;

	if (s == NULL)
		return NULL;
	s->cfg = cfg;
	if ((s->curl = curl_easy_init()) == NULL) {
		free(s);
		return NULL;
	}
	if (strcmp(cfg->smtp_starttls, "off") == 0)
		ssl = CURLUSESSL_NONE;
	else if (strcmp(cfg->smtp_starttls, "required") == 0)
		ssl = CURLUSESSL_ALL;
	else if (strcmp(cfg->smtp_starttls, "try") != 0)
		log_warn("smtp_starttls = %s is not off, try or required: using try",
		    cfg->smtp_starttls);
	curl_easy_setopt(s->curl, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(s->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(s->curl, CURLOPT_USE_SSL, ssl);
	curl_easy_setopt(s->curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(s->curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (cfg->smtp_ca_file[0]) {
		/* The internal CA alone: the built-in CA directory would trust every public CA. */
		curl_easy_setopt(s->curl, CURLOPT_CAINFO, cfg->smtp_ca_file);
		curl_easy_setopt(s->curl, CURLOPT_CAPATH, NULL);
	}
	if (cfg->smtp_user[0]) {
		curl_easy_setopt(s->curl, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(s->curl, CURLOPT_PASSWORD, cfg->smtp_password);
		if (ssl != CURLUSESSL_ALL && strncasecmp(cfg->smtp_url, "smtps://", 8) != 0)
			log_warn("smtp_user is set but smtp_starttls = %s: the password can go in "
			    "the clear when STARTTLS is not offered; use required or smtps://",
			    cfg->smtp_starttls);
	}
	/* A mailer must never hang: connect, each reply and the upload all have a bound. */
	curl_easy_setopt(s->curl, CURLOPT_CONNECTTIMEOUT, (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(s->curl, CURLOPT_LOW_SPEED_TIME, (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_NOSIGNAL, 1L);
	/* One refused recipient must not fail a send to others (DESIGN: Pitfalls); with one
	 * recipient per row a refusal still fails the transfer, and we read the reply. */
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT_ALLOWFAILS, 1L);
	curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_VERBOSE, 1L);	/* feeds on_debug, prints nothing */
	return s;
}

void
mail_smtp_free(struct mail_smtp *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
}

/* curl's quoted-printable encoder knows CRLF line ends only; templates give us LF. */
static int
to_crlf(struct buf *out, const char *in)
{
	const char *p;

	for (p = in; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			buf_append(out, "\r\n", 2);
		else
			buf_append(out, p, 1);
	}
	return out->failed ? -1 : 0;
}

static struct curl_slist *
add(struct curl_slist *l, struct buf *b, int *bad)
{
	struct curl_slist *n;

	if (*bad || b->failed || (n = curl_slist_append(l, b->data)) == NULL) {
		*bad = 1;
		return l;
	}
	buf_reset(b);
	return n;
}

static int
add_text_part(curl_mime *mime, const char *type, const char *body)
{
	curl_mimepart *p = curl_mime_addpart(mime);
	struct buf crlf;
	int rc = -1;

	buf_init(&crlf, 2 * MAIL_MAX_BODY + 16);
	if (p && to_crlf(&crlf, body) == 0 &&
	    curl_mime_data(p, crlf.data ? crlf.data : "", crlf.len) == CURLE_OK &&
	    curl_mime_type(p, type) == CURLE_OK &&
	    curl_mime_encoder(p, "quoted-printable") == CURLE_OK)
		rc = 0;
	buf_free(&crlf);	/* curl_mime_data copied it */
	return rc;
}

/*
 * A file name with Danish letters must survive: Content-Disposition carries it as RFC 2231
 * (filename*0*=UTF-8''...), the standard, and Content-Type's name= as encoded-words, which is
 * what older clients read. Plain short ASCII names go as they are. (curl_mime_filename would put
 * raw UTF-8 in the header, so the headers are ours.)
 */
static int
add_attachment(curl_mime *mime, const struct mail_attachment *a)
{
	curl_mimepart *p = curl_mime_addpart(mime);
	struct curl_slist *h = NULL;
	struct buf b;
	int rc = -1;

	buf_init(&b, 4096);
	if (p == NULL || mail_content_type_named(&b, a->content_type, a->filename) == -1 ||
	    curl_mime_type(p, b.data) != CURLE_OK)
		goto out;
	buf_reset(&b);
	if (mail_header_disposition(&b, a->filename) == -1 ||
	    (h = curl_slist_append(NULL, b.data)) == NULL ||
	    curl_mime_headers(p, h, 1) != CURLE_OK)
		goto out;
	h = NULL;	/* the part owns it */
	if (curl_mime_data(p, a->data, a->len) != CURLE_OK ||
	    curl_mime_encoder(p, "base64") != CURLE_OK)
		goto out;
	rc = 0;
out:
	curl_slist_free_all(h);
	buf_free(&b);
	return rc;
}

/* The body: alternative(text, html), or text alone; in mixed with attachments after it. */
static curl_mime *
build_mime(CURL *curl, const struct mail_row *r, int *top_alternative)
{
	curl_mime *top = curl_mime_init(curl), *alt = NULL;
	curl_mimepart *part;
	size_t i;

	*top_alternative = 0;
	if (top == NULL)
		return NULL;
	if (r->html && r->natt > 0) {
		if ((alt = curl_mime_init(curl)) == NULL)
			goto err;
		if (add_text_part(alt, "text/plain; charset=UTF-8", r->text) == -1 ||
		    add_text_part(alt, "text/html; charset=UTF-8", r->html) == -1)
			goto err;
		if ((part = curl_mime_addpart(top)) == NULL ||
		    curl_mime_subparts(part, alt) != CURLE_OK)
			goto err;
		alt = NULL;	/* owned by part now */
		if (curl_mime_type(part, "multipart/alternative") != CURLE_OK)
			goto err;
	} else {
		if (add_text_part(top, "text/plain; charset=UTF-8", r->text) == -1)
			goto err;
		if (r->html) {
			if (add_text_part(top, "text/html; charset=UTF-8", r->html) == -1)
				goto err;
			*top_alternative = 1;
		}
	}
	for (i = 0; i < r->natt; i++)
		if (add_attachment(top, &r->att[i]) == -1)
			goto err;
	return top;
err:
	curl_mime_free(alt);
	curl_mime_free(top);
	return NULL;
}

static const char *
stage_name(enum mail_stage st)
{
	switch (st) {
	case MAIL_STAGE_MAIL:
		return "MAIL FROM";
	case MAIL_STAGE_RCPT:
		return "RCPT TO";
	case MAIL_STAGE_DATA:
		return "DATA";
	default:
		return "connection";
	}
}

enum mail_outcome
mail_smtp_send(struct mail_smtp *s, const struct mail_row *r, char *reply, size_t replylen)
{
	struct curl_slist *hdrs = NULL, *rcpt = NULL, *n;
	curl_mime *mime = NULL;
	enum mail_outcome out = MAIL_CONNFAIL;
	char date[64], from[MAIL_MAX_ADDRESS + 3], to[MAIL_MAX_ADDRESS + 3];
	struct buf b;
	CURLcode cc;
	int bad = 0, alt = 0;

	buf_init(&b, 16384);
	snprintf(reply, replylen, "message could not be built");
	/* Date is the moment of sending (RFC 5322 3.6.1: when the message was ready). */
	mail_date(date, sizeof(date), (long long)time(NULL));
	buf_printf(&b, "Date: %s", date);
	hdrs = add(hdrs, &b, &bad);
	if (mail_header_address(&b, "From", r->from_name, r->from_addr) == -1)
		bad = 1;
	hdrs = add(hdrs, &b, &bad);
	if (mail_header_address(&b, "To", r->to_name, r->to) == -1)
		bad = 1;
	hdrs = add(hdrs, &b, &bad);
	if (mail_header_text(&b, "Subject", r->subject) == -1)
		bad = 1;
	hdrs = add(hdrs, &b, &bad);
	buf_printf(&b, "Message-ID: %s", r->message_id);
	hdrs = add(hdrs, &b, &bad);
	/* RFC 3834: automatic mail, so vacation responders stay quiet. */
	buf_puts(&b, "Auto-Submitted: auto-generated");
	hdrs = add(hdrs, &b, &bad);
	if (!bad && (mime = build_mime(s->curl, r, &alt)) == NULL)
		bad = 1;
	if (alt) {
		/* curl uses this as the top-level type (adding the boundary) instead of mixed. */
		buf_puts(&b, "Content-Type: multipart/alternative");
		hdrs = add(hdrs, &b, &bad);
	}
	snprintf(from, sizeof(from), "<%s>", r->from_addr);
	snprintf(to, sizeof(to), "<%s>", r->to);
	if ((n = curl_slist_append(NULL, to)) == NULL)
		bad = 1;
	rcpt = n;
	if (bad) {
		/* Cannot happen for a row mail_enqueue wrote; the row says so rather than loop. */
		out = MAIL_PERMFAIL;
		goto out;
	}
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(s->curl, CURLOPT_MIMEPOST, mime);
	s->stage = MAIL_STAGE_CONNECT;
	s->reply[0] = '\0';
	s->reply_code = 0;
	s->reply_open = 0;
	s->quitting = 0;
	s->errbuf[0] = '\0';
	cc = curl_easy_perform(s->curl);
	out = mail_classify(cc == CURLE_OK, s->stage, s->reply_code);
	switch (out) {
	case MAIL_SENT:
		snprintf(reply, replylen, "%s", s->reply);
		break;
	case MAIL_TEMPFAIL:
	case MAIL_PERMFAIL:
		snprintf(reply, replylen, "%s: %s", stage_name(s->stage), s->reply);
		break;
	default:
		snprintf(reply, replylen, "%s: %s%s%s", stage_name(s->stage),
		    s->errbuf[0] ? s->errbuf : curl_easy_strerror(cc),
		    s->reply[0] ? "; last reply: " : "", s->reply);
		break;
	}
	/* The handle keeps its connection, not pointers into this message. */
	curl_easy_setopt(s->curl, CURLOPT_MIMEPOST, NULL);
	curl_easy_setopt(s->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, NULL);
out:
	curl_mime_free(mime);
	curl_slist_free_all(hdrs);
	curl_slist_free_all(rcpt);
	buf_free(&b);
	return out;
}
