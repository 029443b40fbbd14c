#include "fcgi.h"

#include <fcgiapp.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "auth.h"
#include "log.h"

/*
 * How many times a request runs when its transaction keeps losing conflicts (Galera's
 * certification, InnoDB's deadlocks), and when its connection breaks before COMMIT (once more:
 * lib/db.c moves on to the next node). Then the answer is 503 with the form to send again.
 */
#define FCGI_CONFLICT_RUNS	5
#define FCGI_LOST_RUNS		2

static volatile sig_atomic_t fcgi_stopping;

/*
 * Undoes what a run of the handler left behind, so the next run starts as the first did: its
 * transaction (already rolled back by ctx_tx_error; again here in case), its page, its headers
 * (a cookie of a session its transaction never kept), and the session it may have changed.
 */
static void
rerun_reset(struct ctx *ctx, int authorised)
{
	db_rollback(ctx->db);
	tmpl_dict_free(ctx->layout);
	ctx->layout = NULL;
	buf_reset(&ctx->resp->headers);
	buf_reset(&ctx->resp->body);
	ctx->resp->content_type = NULL;
	ctx->resp->cacheable = 0;
	ctx->resp->status = 0;
	explicit_bzero(&ctx->session, sizeof(ctx->session));
	ctx->session_loaded = 0;
	ctx->authorised = authorised;
	ctx->rerun = CTX_RERUN_NONE;
}

/*
 * Runs the handler, and again while its transaction lost a conflict (DESIGN: Process model): the
 * whole request, its reads, writes, audit events and outbox mail, since a rolled-back
 * transaction left nothing. A short random pause first, longer each time, so two requests that
 * collided do not collide again in step.
 */
static int
run_handler(struct ctx *ctx, const struct route *match)
{
	const int authorised = ctx->authorised;
	struct timespec pause;
	int status, run;

	for (run = 1;; run++) {
		ctx->rerun = CTX_RERUN_NONE;
		db_forget_error(ctx->db);	/* what ctx_db_error consults is this run's */
		status = match->handler(ctx);
		if (ctx->rerun == CTX_RERUN_NONE ||
		    run >= (ctx->rerun == CTX_RERUN_CONFLICT ? FCGI_CONFLICT_RUNS : FCGI_LOST_RUNS))
			break;
		log_warn("%s %s: %s; running the request again (run %d)", ctx->req->method,
		    ctx->req->path, ctx->rerun == CTX_RERUN_CONFLICT ?
		    "conflict with another transaction" : "connection lost before commit", run + 1);
		rerun_reset(ctx, authorised);
		pause.tv_sec = 0;
		pause.tv_nsec = (long)(run * 5 + (int)randombytes_uniform(10)) * 1000000L;
		nanosleep(&pause, NULL);
	}
	if (ctx->rerun != CTX_RERUN_NONE)
		log_warn("%s %s: gave up after %d runs", ctx->req->method, ctx->req->path, run);
	return status;
}

/*
 * Cross-site requests that change something are refused before any handler runs (DESIGN:
 * Security defaults). Browsers send Sec-Fetch-Site; older ones send Origin on POST.
 */
static int
origin_ok(const struct http_request *r)
{
	const char *host = r->host, *o = r->origin, *p;

	if (r->sec_fetch_site && strcmp(r->sec_fetch_site, "same-origin") != 0 &&
	    strcmp(r->sec_fetch_site, "none") != 0)
		return 0;
	if (o == NULL || strcmp(o, "null") == 0)
		return r->sec_fetch_site != NULL || o == NULL;
	if ((p = strstr(o, "://")) == NULL || host == NULL)
		return 0;
	return strcasecmp(p + 3, host) == 0;
}

/* 405 names the methods the path does take (RFC 9110 15.5.6). */
static void
allow_header(struct http_response *resp, const struct route *routes, size_t nroutes,
    const char *path)
{
	char allow[64] = "";
	size_t i;

	for (i = 0; i < nroutes; i++) {
		if (strcmp(routes[i].path, path) != 0)
			continue;
		if (allow[0])
			strncat(allow, ", ", sizeof(allow) - strlen(allow) - 1);
		strncat(allow, strcmp(routes[i].method, "GET") == 0 ? "GET, HEAD" : routes[i].method,
		    sizeof(allow) - strlen(allow) - 1);
	}
	http_response_header(resp, "Allow", allow);
}

void
fcgi_handle(const struct config *cfg, struct db *db, const struct route *routes, size_t nroutes,
    struct http_request *req, enum http_err parse_rc, struct http_response *resp)
{
	struct ctx ctx;
	const struct route *match = NULL;
	int status, path_known = 0;
	const char *method;
	size_t i;

	memset(&ctx, 0, sizeof(ctx));
	ctx.cfg = cfg;
	ctx.db = db;
	ctx.req = req;
	ctx.resp = resp;
	if (parse_rc != HTTP_OK) {
		status = ctx_error(&ctx, http_err_status(parse_rc));
		goto done;
	}
	method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	/* Before routing: a cross-site request learns nothing, not even which routes exist. */
	if (strcmp(method, "GET") != 0 && !origin_ok(req)) {
		log_warn("cross-site %s refused (origin %s, sec-fetch-site %s)", method,
		    req->origin ? req->origin : "-", req->sec_fetch_site ? req->sec_fetch_site : "-");
		status = ctx_error(&ctx, 403);
		goto done;
	}
	/*
	 * Every unsafe request carries its session's CSRF token (DESIGN: Security defaults). A
	 * path we do not serve still answers 404/405 below, so only routed requests are checked.
	 */
	for (i = 0; i < nroutes; i++)
		if (strcmp(routes[i].path, req->path) == 0 && strcmp(routes[i].method, method) == 0)
			break;
	if (strcmp(method, "GET") != 0 && i < nroutes) {
		struct session *s = ctx_session(&ctx);

		if (s == NULL) {
			status = ctx_error(&ctx, 503);
			goto done;
		}
		if (!session_csrf_ok(s, req)) {
			log_warn("%s %s refused: missing or wrong CSRF token", method, req->path);
			status = ctx_error(&ctx, 403);
			goto done;
		}
	}
	for (i = 0; i < nroutes; i++) {
		if (strcmp(routes[i].path, req->path) != 0)
			continue;
		path_known = 1;
		if (strcmp(routes[i].method, method) == 0) {
			match = &routes[i];
			break;
		}
	}
	if (match == NULL) {
		status = ctx_error(&ctx, path_known ? 405 : 404);
		goto done;
	}
	/*
	 * The policy first, for every route (issue 3): scopes without an object are decided here;
	 * a route on an authorisation's object is decided by its handler, which knows the object,
	 * and a handler that forgot to ask gets no answer through (fail closed).
	 */
	if (policy_rules[match->action].scope != SCOPE_AUTHORISATION &&
	    (status = auth_require(&ctx, match->action, 0)) != 0)
		goto done;
	ctx.authorised = policy_rules[match->action].scope != SCOPE_AUTHORISATION;
	status = run_handler(&ctx, match);
	if (ctx.db)
		db_end_request(ctx.db);
	if (!ctx.authorised && status < 400) {
		log_error("%s %s: handler answered without auth_require()", req->method, req->path);
		buf_reset(&resp->body);
		status = ctx_error(&ctx, 500);
	}
	if (status >= 400 && ctx.layout == NULL && resp->body.len == 0)
		status = ctx_error(&ctx, status);
done:
	ctx_render(&ctx, status);
	if (status == 405)
		allow_header(resp, routes, nroutes, req->path);
	tmpl_dict_free(ctx.layout);
}

static long
fcgx_read(void *stream, char *p, size_t n)
{
	/* FCGX_GetStr returns short counts: the caller loops until the declared length or EOF. */
	int chunk = n > 65536 ? 65536 : (int)n;

	return FCGX_GetStr(p, chunk, (FCGX_Stream *)stream);
}

/* A form with a file (multipart) may be larger than any other body (issue 10). */
static size_t
body_cap(const struct config *cfg, char *const *envp)
{
	const char *t = http_env(envp, "CONTENT_TYPE");

	return t && strncasecmp(t, "multipart/form-data", 19) == 0 ?
	    cfg->max_upload_bytes : cfg->max_body_bytes;
}

static void
on_term(int sig)
{
	(void)sig;
	fcgi_stopping = 1;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
fcgi_main(const char *progname, int argc, char **argv, const struct route *routes,
    size_t nroutes)
{
	const char *path = getenv("PORTAL_CONFIG");
	struct sigaction sa;
	struct config cfg;
	FCGX_Request fr;
	struct db *db;
	char err[512];
	size_t i;
	int ch;

	if (path == NULL)
		path = "etc/portal.conf";
	/* The portal serves Denmark: local time is Copenhagen's, summer time included, whatever
	 * the server's zone (lib/datefmt.h). */
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	for (i = 0; i < nroutes; i++)
		if (routes[i].action == ACT_UNSET || (unsigned)routes[i].action >= ACT__MAX) {
			fprintf(stderr, "%s: %s %s has no policy action\n", progname, routes[i].method,
			    routes[i].path);
			return 1;
		}
	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		for (i = 0; i < nroutes; i++)
			printf("%s %s %s\n", routes[i].method, routes[i].path,
			    policy_action_name(routes[i].action));
		return 0;
	}
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c') {
			fprintf(stderr, "usage: %s [-c config]\n", progname);
			return 2;
		}
		path = optarg;
	}
	if (config_load(&cfg, path, err, sizeof(err)) != CONFIG_OK) {
		fprintf(stderr, "%s: %s\n", progname, err);
		return 1;
	}
	log_init(progname, cfg.log_level);
	if (tmpl_init(cfg.templates_dir, err, sizeof(err)) != TMPL_OK) {
		log_error("templates: %s", err);
		return 1;
	}
	tmpl_set_global("FSE_MAILBOX", cfg.fse_mailbox);
	tmpl_set_global("BASE_URL", cfg.base_url);
	if ((db = db_new(&cfg)) == NULL)
		return 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;	/* no SA_RESTART: a blocked accept returns and the loop ends */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0) {
		log_error("FastCGI initialisation failed");
		return 1;
	}
	log_info("ready");
	while (!fcgi_stopping && FCGX_Accept_r(&fr) >= 0) {
		struct http_request req;
		struct http_response resp;
		struct buf out;
		enum http_err prc;
		double t0 = now_ms();

		http_request_init(&req);
		http_response_init(&resp);
		buf_init(&out, 0);
		log_set_request_id(http_env(fr.envp, "REQUEST_ID"));
		prc = http_request_read(&req, fr.envp, fcgx_read, fr.in, body_cap(&cfg, fr.envp));
		if (prc != HTTP_OK)
			log_warn("request refused: %s (%s)", http_strerror(prc),
			    http_parse_strerror(req.parse_err));
		if (req.method == NULL)
			req.method = "GET";
		if (req.path == NULL)
			req.path = "/";
		fcgi_handle(&cfg, db, routes, nroutes, &req, prc, &resp);
		if (http_response_serialize(&resp, strcmp(req.method, "HEAD") == 0, &out) == 0)
			FCGX_PutStr(out.data, (int)out.len, fr.out);
		else
			FCGX_FPrintF(fr.out, "Status: 500 Internal Server Error\r\n"
			    "Content-Type: text/plain; charset=utf-8\r\n\r\nDer skete en fejl hos os.\n");
		log_info("%s %s %d %zu bytes %.1f ms", req.method, req.path, resp.status,
		    resp.body.len, now_ms() - t0);
		FCGX_Finish_r(&fr);
		log_set_request_id(NULL);
		buf_free(&out);
		http_response_free(&resp);
		http_request_free(&req);
	}
	log_info("stopping");
	db_free(db);
	return 0;
}

int
fcgi_error_page(int status, struct buf *out)
{
	struct http_request req;
	struct http_response resp;
	struct ctx ctx;
	int rc = -1;

	http_request_init(&req);
	http_response_init(&resp);
	req.method = "GET";
	req.path = "/";
	memset(&ctx, 0, sizeof(ctx));
	ctx.req = &req;
	ctx.resp = &resp;
	ctx_error(&ctx, status);
	ctx_render(&ctx, status);
	if (resp.status == status && buf_append(out, resp.body.data, resp.body.len) == 0)
		rc = 0;
	tmpl_dict_free(ctx.layout);
	http_response_free(&resp);
	http_request_free(&req);
	return rc;
}
