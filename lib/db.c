#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define DB_MAX_STMTS	128
#define DB_MAX_PARAMS	64
#define DB_MAX_NODES	8	/* entries of a db_socket / db_host list */
#define DB_NODE_LEN	256

/* MariaDB Galera: a node outside the primary component refuses every query with 1047. */
#define ER_WSREP_NOT_READY	ER_UNKNOWN_COM_ERROR

struct db_stmt {
	char		*sql;
	MYSQL_STMT	*stmt;
};

struct db {
	const struct config	*cfg;
	MYSQL			*conn;
	int			 in_tx;
	int			 tx_marked;	/* TX_MARK set in this transaction */
	/* The nodes (db_socket's or db_host's list) and which one the connection is to. */
	char			 nodes[DB_MAX_NODES][DB_NODE_LEN];
	size_t			 nnodes;
	size_t			 node;		/* the connected node's index */
	size_t			 next;		/* where the next connect starts */
	time_t			 since;		/* when the connection to node was made */
	enum db_err		 last;		/* the last error a statement gave (db_last_error) */
	/* Test hook (db_fault_commits): the next fault_n commits fail with fault_rc. */
	enum db_err		 fault_rc;
	unsigned		 fault_n;
	struct db_stmt		 stmts[DB_MAX_STMTS];
	size_t			 nstmts;
	char			 errmsg[512];
};

static const char *const db_errs[DB__MAX] = {
	[DB_OK] = "no error",
	[DB_ECONNECT] = "database not reachable",
	[DB_EPREPARE] = "statement could not be prepared",
	[DB_EEXEC] = "statement failed",
	[DB_EDUP] = "duplicate key",
	[DB_ERETRY] = "deadlock or lock timeout; retry the transaction",
	[DB_ELOST] = "connection lost inside a transaction",
	[DB_EUNKNOWN] = "connection lost during commit; outcome unknown",
	[DB_EARGS] = "bad statement arguments",
	[DB_ENOMEM] = "out of memory",
};

const char *
db_strerror(enum db_err e)
{
	return (unsigned)e < DB__MAX ? db_errs[e] : "unknown error";
}

const char *
db_errmsg(const struct db *db)
{
	return db->errmsg;
}

/*
 * Splits a comma-separated list into db->nodes (spaces around entries dropped); an entry too
 * long for a node is skipped with a warning rather than cut into another path or host.
 */
static void
db_parse_nodes(struct db *db, const char *list)
{
	const char *p = list, *end, *a, *b;
	size_t len;

	db->nnodes = 0;
	while (*p && db->nnodes < DB_MAX_NODES) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		for (a = p; a < end && (*a == ' ' || *a == '\t'); a++)
			;
		for (b = end; b > a && (b[-1] == ' ' || b[-1] == '\t'); b--)
			;
		len = (size_t)(b - a);
		if (len >= DB_NODE_LEN)
			log_warn("database node list: an entry of %zu bytes is too long; skipped", len);
		else if (len > 0) {
			memcpy(db->nodes[db->nnodes], a, len);
			db->nodes[db->nnodes][len] = '\0';
			db->nnodes++;
		}
		p = *end ? end + 1 : end;
	}
}

struct db *
db_new(const struct config *cfg)
{
	struct db *db = calloc(1, sizeof(*db));

	if (db == NULL)
		return NULL;
	db->cfg = cfg;
	db_parse_nodes(db, cfg->db_socket[0] ? cfg->db_socket : cfg->db_host);
	return db;
}

/* Every error db_exec, db_begin and db_commit give is remembered for db_last_error. */
static enum db_err
noted(struct db *db, enum db_err rc)
{
	if (rc != DB_OK)
		db->last = rc;
	return rc;
}

enum db_err
db_last_error(const struct db *db)
{
	return db->last;
}

void
db_forget_error(struct db *db)
{
	db->last = DB_OK;
}

size_t
db_node(const struct db *db)
{
	return db->node;
}

void
db_fault_commits(struct db *db, enum db_err rc, unsigned n)
{
	db->fault_rc = rc;
	db->fault_n = n;
}

static void
db_forget_stmts(struct db *db)
{
	size_t i;

	for (i = 0; i < db->nstmts; i++) {
		if (db->stmts[i].stmt)
			mysql_stmt_close(db->stmts[i].stmt);
		free(db->stmts[i].sql);
	}
	db->nstmts = 0;
}

static void
db_disconnect(struct db *db)
{
	db_forget_stmts(db);
	if (db->conn)
		mysql_close(db->conn);
	db->conn = NULL;
	db->in_tx = 0;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db);
}

int
db_connected(const struct db *db)
{
	return db->conn != NULL;
}

static void
db_note(struct db *db, const char *what, unsigned err, const char *msg)
{
	snprintf(db->errmsg, sizeof(db->errmsg), "%s: %u %s", what, err, msg ? msg : "");
}

/* The connection is of no more use: broken, or its Galera node has left the primary component. */
static int
is_lost(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST || err == CR_CONN_HOST_ERROR ||
	    err == CR_CONNECTION_ERROR || err == CR_COMMANDS_OUT_OF_SYNC ||
	    err == ER_WSREP_NOT_READY;
}

/*
 * A server error as ours, the same wherever a statement fails (prepare, execute, fetch): lost
 * connections, duplicate keys, and the transaction aborted by a deadlock, a lock wait or
 * another Galera node's write (which can arrive at any of the three); otherwise, the place's
 * own error.
 */
static enum db_err
db_err_of(unsigned err, enum db_err otherwise)
{
	if (is_lost(err))
		return DB_ECONNECT;
	if (err == ER_DUP_ENTRY)
		return DB_EDUP;
	if (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT)
		return DB_ERETRY;
	return otherwise;
}

/* One connection attempt to node i; DB_OK or DB_ECONNECT (the reason in errmsg). */
static enum db_err
db_connect_node(struct db *db, size_t i)
{
	const struct config *c = db->cfg;
	unsigned timeout = c->db_connect_timeout ? c->db_connect_timeout : 3, rw = 30;
	my_bool off = 0;
	char init[160];
	int socket = c->db_socket[0] != '\0';

	if ((db->conn = mysql_init(NULL)) == NULL)
		return DB_ENOMEM;
	/* utf8mb4 before connecting, so the handshake itself uses it (DESIGN: Data). */
	mysql_options(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->conn, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_options(db->conn, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	/* Reconnecting silently would drop session state and prepared statements: we do it. */
	mysql_options(db->conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db->conn, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
	    "NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'");
	/* Galera applies other nodes' writes a moment after they commit; waiting for them makes
	 * the page after a redirect (perhaps served by another host) show what was just saved. */
	if (c->db_sync_wait) {
		snprintf(init, sizeof(init), "SET SESSION wsrep_sync_wait = %u", c->db_sync_wait);
		mysql_options(db->conn, MYSQL_INIT_COMMAND, init);
	}
	if (mysql_real_connect(db->conn, socket ? NULL : db->nodes[i], c->db_user, c->db_password,
	    c->db_name, socket ? 0 : c->db_port, socket ? db->nodes[i] : NULL, 0) == NULL) {
		db_note(db, "connect", mysql_errno(db->conn), mysql_error(db->conn));
		mysql_close(db->conn);
		db->conn = NULL;
		return DB_ECONNECT;
	}
	return DB_OK;
}

/*
 * Connects to the first node that answers, starting where the last connection failed, so a
 * node that is down is not asked first again and again; a program that has been on a fallback
 * node for db_prefer_after seconds starts over at the preferred one (between transactions).
 */
enum db_err
db_connect(struct db *db)
{
	enum db_err rc = DB_ECONNECT;
	size_t k, i;

	if (db->conn && !db->in_tx && db->node != 0 && db->cfg->db_prefer_after &&
	    time(NULL) - db->since >= (time_t)db->cfg->db_prefer_after) {
		db_disconnect(db);
		db->next = 0;
	}
	if (db->conn)
		return DB_OK;
	if (db->nnodes == 0) {
		db_note(db, "connect", 0, "no database socket or host configured");
		return DB_ECONNECT;
	}
	for (k = 0; k < db->nnodes; k++) {
		i = (db->next + k) % db->nnodes;
		if ((rc = db_connect_node(db, i)) == DB_OK) {
			if (i != 0)
				log_warn("database: on fallback node %zu of %zu (%s)", i + 1,
				    db->nnodes, db->nodes[i]);
			db->node = db->next = i;
			db->since = time(NULL);
			return DB_OK;
		}
		if (rc == DB_ENOMEM)
			return rc;
		if (db->nnodes > 1)
			log_warn("database node %s: %s", db->nodes[i], db->errmsg);
	}
	return rc;
}

/* The connection's node is gone or out of the cluster: drop it, and start at the next. */
static void
db_leave_node(struct db *db)
{
	db_disconnect(db);
	if (db->nnodes > 1)
		db->next = (db->node + 1) % db->nnodes;
}

static MYSQL_STMT *
db_prepare(struct db *db, const char *sql, enum db_err *rc)
{
	MYSQL_STMT *st;
	size_t i;

	for (i = 0; i < db->nstmts; i++)
		if (strcmp(db->stmts[i].sql, sql) == 0)
			return db->stmts[i].stmt;
	if ((st = mysql_stmt_init(db->conn)) == NULL) {
		*rc = DB_ENOMEM;
		return NULL;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		unsigned err = mysql_stmt_errno(st);

		db_note(db, "prepare", err, mysql_stmt_error(st));
		mysql_stmt_close(st);
		/* On Galera another node's write can abort our transaction while a statement is
		 * being prepared (seen in the test stack's races): a conflict, not a bad statement. */
		*rc = db_err_of(err, DB_EPREPARE);
		return NULL;
	}
	/* Statements seen once are kept; a full cache just stops caching new ones. */
	if (db->nstmts < DB_MAX_STMTS && (db->stmts[db->nstmts].sql = strdup(sql)) != NULL) {
		db->stmts[db->nstmts].stmt = st;
		db->nstmts++;
	}
	return st;
}

static int
db_is_cached(const struct db *db, const MYSQL_STMT *st)
{
	size_t i;

	for (i = 0; i < db->nstmts; i++)
		if (db->stmts[i].stmt == st)
			return 1;
	return 0;
}

void
db_result_free(struct db_result *res)
{
	size_t i;

	if (res == NULL)
		return;
	/* A result may hold secrets (a sealed TOTP key, hashes): wiped before the memory is reused. */
	for (i = 0; res->cells && i < res->nrows * res->ncols; i++) {
		if (res->cells[i] && res->lens)
			explicit_bzero(res->cells[i], res->lens[i]);
		free(res->cells[i]);
	}
	free(res->cells);
	free(res->lens);
	memset(res, 0, sizeof(*res));
}

const char *
db_cell(const struct db_result *res, size_t row, size_t col)
{
	if (res == NULL || row >= res->nrows || col >= res->ncols)
		return NULL;
	return res->cells[row * res->ncols + col];
}

long long
db_cell_int(const struct db_result *res, size_t row, size_t col, long long def)
{
	const char *s = db_cell(res, row, col);
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return def;
	v = strtoll(s, &end, 10);
	return *end == '\0' ? v : def;
}

/* Every column is fetched as text of its exact length (fetch_column after a zero-size bind). */
static enum db_err
db_fetch_all(MYSQL_STMT *st, struct db_result *res)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	MYSQL_BIND *bind = NULL;
	unsigned long *lens = NULL;
	my_bool *nulls = NULL;
	enum db_err rc = DB_ENOMEM;
	size_t cap = 0, c, ncols;
	int frc;

	if (meta == NULL)
		return DB_OK;
	ncols = mysql_num_fields(meta);
	res->ncols = ncols;
	bind = calloc(ncols, sizeof(*bind));
	lens = calloc(ncols, sizeof(*lens));
	nulls = calloc(ncols, sizeof(*nulls));
	if (!bind || !lens || !nulls)
		goto out;
	for (c = 0; c < ncols; c++) {
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		bind[c].length = &lens[c];
		bind[c].is_null = &nulls[c];
	}
	if (mysql_stmt_bind_result(st, bind) != 0 || mysql_stmt_store_result(st) != 0) {
		rc = DB_EEXEC;
		goto out;
	}
	for (;;) {
		frc = mysql_stmt_fetch(st);
		if (frc == MYSQL_NO_DATA)
			break;
		if (frc == 1) {
			rc = DB_EEXEC;
			goto out;
		}
		if (res->nrows == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **cells = realloc(res->cells, ncap * ncols * sizeof(*cells));
			size_t *l;

			if (cells == NULL)
				goto out;
			res->cells = cells;
			if ((l = realloc(res->lens, ncap * ncols * sizeof(*l))) == NULL)
				goto out;
			res->lens = l;
			cap = ncap;
		}
		/* The whole row empty first: a failure part-way leaves no cell uninitialised for
		 * db_result_free (realloc does not clear). */
		for (c = 0; c < ncols; c++) {
			res->cells[res->nrows * ncols + c] = NULL;
			res->lens[res->nrows * ncols + c] = 0;
		}
		for (c = 0; c < ncols; c++) {
			size_t idx = res->nrows * ncols + c;
			MYSQL_BIND one;

			if (nulls[c])
				continue;
			if ((res->cells[idx] = malloc(lens[c] + 1)) == NULL) {
				res->nrows++;
				goto out;
			}
			memset(&one, 0, sizeof(one));
			one.buffer_type = MYSQL_TYPE_STRING;
			one.buffer = res->cells[idx];
			one.buffer_length = lens[c] + 1;
			if (lens[c] && mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0) {
				res->nrows++;
				rc = DB_EEXEC;
				goto out;
			}
			res->cells[idx][lens[c]] = '\0';
			res->lens[idx] = lens[c];
		}
		res->nrows++;
	}
	rc = DB_OK;
out:
	mysql_stmt_free_result(st);
	mysql_free_result(meta);
	free(bind);
	free(lens);
	free(nulls);
	return rc;
}

/*
 * The transaction's own mark (DESIGN: Process model). On Galera another node's write can roll
 * our transaction back while we are between statements, and the server may hand the deadlock
 * to a command whose answer nobody reads (MDEV-24255: the close or reset of a prepared
 * statement); the statements after it then run in a new transaction of their own, and a COMMIT
 * would keep half of the request (seen in tests/galera: a grant answered 303 with no access
 * row, a sanction lifted without its activation). A rollback drops every savepoint, so the one
 * set before the transaction's first statement still being there at COMMIT proves the
 * transaction is the one we began. Set lazily, at that first statement: a SET TRANSACTION
 * (the mailer's isolation level) must come before anything starts the transaction, and on
 * Galera a savepoint does (1568).
 */
#define TX_MARK		"SAVEPOINT db_tx"
#define TX_MARK_CHECK	"RELEASE SAVEPOINT db_tx"

/* The mark's statement, prepared (and kept) like every other one. */
static enum db_err
tx_query(struct db *db, const char *what, const char *sql)
{
	MYSQL_STMT *st;
	enum db_err rc;
	unsigned err;

	if ((st = db_prepare(db, sql, &rc)) == NULL)
		return rc;
	if (mysql_stmt_execute(st) == 0) {
		mysql_stmt_free_result(st);
		if (!db_is_cached(db, st))
			mysql_stmt_close(st);
		return DB_OK;
	}
	err = mysql_stmt_errno(st);
	db_note(db, what, err, mysql_stmt_error(st));
	if (!db_is_cached(db, st))
		mysql_stmt_close(st);
	if (err == ER_SP_DOES_NOT_EXIST) {
		log_warn("database: the transaction was rolled back under us; running it again");
		return DB_ERETRY;
	}
	return db_err_of(err, DB_EEXEC);
}

static enum db_err
db_exec_once(struct db *db, struct db_result *res, const char *sql, const char *types,
    va_list ap)
{
	MYSQL_BIND params[DB_MAX_PARAMS];
	long long ints[DB_MAX_PARAMS];
	unsigned long lens[DB_MAX_PARAMS];
	enum db_err rc = DB_OK;
	size_t i, n = strlen(types);
	MYSQL_STMT *st;
	unsigned err;

	if (n > DB_MAX_PARAMS)
		return DB_EARGS;
	/* A transaction whose connection is gone is over: its rest must not autocommit on a new
	 * one (the caller runs it again whole). */
	if (db->in_tx && db->conn == NULL)
		return DB_ELOST;
	if ((rc = db_connect(db)) != DB_OK)
		return rc;
	if (db->in_tx && !db->tx_marked && strncmp(sql, "SET TRANSACTION", 15) != 0) {
		if ((rc = tx_query(db, "begin", TX_MARK)) != DB_OK)
			return rc;
		db->tx_marked = 1;
	}
	if ((st = db_prepare(db, sql, &rc)) == NULL)
		return rc;
	if (mysql_stmt_param_count(st) != n) {
		snprintf(db->errmsg, sizeof(db->errmsg), "%zu types for %lu parameters: %s", n,
		    mysql_stmt_param_count(st), sql);
		rc = DB_EARGS;
		goto out;
	}
	memset(params, 0, sizeof(params));
	for (i = 0; i < n; i++) {
		switch (types[i]) {
		case 's': {
			const char *s = va_arg(ap, const char *);

			if (s == NULL) {
				params[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			lens[i] = (unsigned long)strlen(s);
			params[i].buffer_type = MYSQL_TYPE_STRING;
			params[i].buffer = (void *)(uintptr_t)s;
			params[i].buffer_length = lens[i];
			params[i].length = &lens[i];
			break;
		}
		case 'i':
			ints[i] = va_arg(ap, long long);
			params[i].buffer_type = MYSQL_TYPE_LONGLONG;
			params[i].buffer = &ints[i];
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);

			lens[i] = (unsigned long)va_arg(ap, size_t);
			params[i].buffer_type = MYSQL_TYPE_BLOB;
			params[i].buffer = (void *)(uintptr_t)p;
			params[i].buffer_length = lens[i];
			params[i].length = &lens[i];
			break;
		}
		case 'n':
			params[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		default:
			rc = DB_EARGS;
			goto out;
		}
	}
	if ((n && mysql_stmt_bind_param(st, params) != 0) || mysql_stmt_execute(st) != 0) {
		err = mysql_stmt_errno(st);
		db_note(db, "execute", err, mysql_stmt_error(st));
		rc = db_err_of(err, DB_EEXEC);
		goto out;
	}
	if (res) {
		memset(res, 0, sizeof(*res));
		if ((rc = db_fetch_all(st, res)) != DB_OK) {
			err = mysql_stmt_errno(st);
			if (err == 0)
				err = mysql_errno(db->conn);
			db_note(db, "fetch", err, mysql_stmt_error(st));
			/* Rows cut off half-way leave the connection in a state we cannot know
			 * (on Galera, after another node's write aborted us, fetch reported no code,
			 * or 2014 out of sync, and a reused connection made a later statement wait
			 * 30 s): whatever the code, it is dropped and never used again, so the server
			 * rolls back and frees its locks now. Outside a transaction the statement
			 * runs again on a fresh connection; inside one, the request does. */
			if (rc == DB_EEXEC)
				rc = DB_ECONNECT;
			db_result_free(res);
			goto out;
		}
		res->affected = mysql_stmt_affected_rows(st);
		res->insert_id = mysql_stmt_insert_id(st);
	} else
		mysql_stmt_free_result(st);
out:
	if (!db_is_cached(db, st))
		mysql_stmt_close(st);
	return rc;
}

enum db_err
db_exec(struct db *db, struct db_result *res, const char *sql, const char *types, ...)
{
	enum db_err rc;
	va_list ap;

	va_start(ap, types);
	rc = db_exec_once(db, res, sql, types, ap);
	va_end(ap);
	if (rc != DB_ECONNECT || !db->conn)
		return noted(db, rc);
	/* The connection broke under us (2006/2013): start over with a fresh one. */
	log_warn("database connection lost (%s); reconnecting", db->errmsg);
	if (db->in_tx) {
		db_leave_node(db);
		return noted(db, DB_ELOST);	/* the server rolled the transaction back */
	}
	db_leave_node(db);
	va_start(ap, types);
	rc = db_exec_once(db, res, sql, types, ap);
	va_end(ap);
	return noted(db, rc);
}

enum db_err
db_begin(struct db *db)
{
	enum db_err rc;

	if ((rc = db_connect(db)) != DB_OK)
		return noted(db, rc);
	if (mysql_autocommit(db->conn, 0) != 0) {
		unsigned err = mysql_errno(db->conn);

		db_note(db, "begin", err, mysql_error(db->conn));
		db_leave_node(db);
		/* Nothing had happened yet: one fresh connection is safe to try. */
		if ((rc = db_connect(db)) != DB_OK)
			return noted(db, rc);
		if (mysql_autocommit(db->conn, 0) != 0)
			return noted(db, DB_ECONNECT);
	}
	db->in_tx = 1;
	db->tx_marked = 0;
	return noted(db, DB_OK);
}

enum db_err
db_commit(struct db *db)
{
	enum db_err rc;
	unsigned err;

	if (db->conn == NULL)
		return noted(db, DB_ELOST);
	if (db->fault_n > 0) {
		rc = db->fault_rc;
		db->fault_n--;
		db_note(db, "commit", 0, "failed on purpose (db_fault_commits)");
		db_rollback(db);
		return noted(db, rc);
	}
	/* Still the transaction we began (TX_MARK): else nothing of it may be kept. */
	if (db->tx_marked && (rc = tx_query(db, "commit", TX_MARK_CHECK)) != DB_OK) {
		db_rollback(db);
		if (rc == DB_ECONNECT) {
			db_leave_node(db);
			rc = DB_ELOST;	/* before COMMIT: rolled back by the server */
		}
		return noted(db, rc);
	}
	if (mysql_commit(db->conn) != 0) {
		err = mysql_errno(db->conn);
		db_note(db, "commit", err, mysql_error(db->conn));
		/* A node that left the cluster refuses the commit before it is replicated: rolled
		 * back, not unknown. A connection cut off during COMMIT: it may have committed. */
		if (err == ER_WSREP_NOT_READY) {
			db_leave_node(db);
			return noted(db, DB_ELOST);
		}
		if (is_lost(err)) {
			db_leave_node(db);
			return noted(db, DB_EUNKNOWN);
		}
		db_rollback(db);
		/* Galera's certification conflict arrives here as 1213 (the other node's
		 * transaction won); InnoDB's lock wait timeout too, when the lock was ours. */
		return noted(db, err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT ?
		    DB_ERETRY : DB_EEXEC);
	}
	db->in_tx = 0;
	db->tx_marked = 0;
	if (mysql_autocommit(db->conn, 1) != 0)
		db_disconnect(db);
	return noted(db, DB_OK);
}

void
db_end_request(struct db *db)
{
	if (db->in_tx)
		db_rollback(db);
}

void
db_rollback(struct db *db)
{
	db->in_tx = 0;
	db->tx_marked = 0;
	if (db->conn == NULL)
		return;
	if (mysql_rollback(db->conn) != 0 || mysql_autocommit(db->conn, 1) != 0)
		db_disconnect(db);
}
