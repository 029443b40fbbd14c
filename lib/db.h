/*
 * db: the MariaDB connection of one process. Prepared statements only (user data never
 * enters SQL text), each prepared once and cached by its SQL text; utf8mb4 set before
 * connecting; on a lost connection (2006/2013) it reconnects and prepares again, retrying a
 * statement only outside a transaction, and a commit cut off is reported as unknown.
 *
 * A cluster (MariaDB Galera): db_socket or db_host lists the nodes, the preferred first. A node
 * that cannot be reached, or answers that it is outside the primary component (1047), is left
 * for the next one. A transaction that loses a certification conflict gets DB_ERETRY at COMMIT
 * (or at any statement, when another node's write aborted it): the request runs again whole
 * (lib/fcgi.c). DESIGN.md: Process model.
 */
#ifndef PORTAL_DB_H
#define PORTAL_DB_H

#include <stddef.h>

#include "config.h"

enum db_err {
	DB_OK = 0,
	DB_ECONNECT,	/* server not reachable: the caller answers 503 */
	DB_EPREPARE,	/* the SQL text is wrong: a programming error */
	DB_EEXEC,	/* the statement failed */
	DB_EDUP,	/* duplicate key (1062): usually a user-facing conflict */
	DB_ERETRY,	/* deadlock, lock wait timeout or Galera conflict (1213): run it again */
	DB_ELOST,	/* connection lost inside a transaction: it was rolled back */
	DB_EUNKNOWN,	/* connection lost during COMMIT: it may or may not have committed */
	DB_EARGS,	/* bad type string or parameter count */
	DB_ENOMEM,
	DB__MAX
};

struct db;

struct db_result {
	size_t		 nrows;
	size_t		 ncols;
	char		**cells;	/* nrows * ncols, row-major; NULL for SQL NULL */
	size_t		*lens;
	unsigned long long affected;
	unsigned long long insert_id;
};

const char	*db_strerror(enum db_err);
struct db	*db_new(const struct config *);
void		 db_free(struct db *);
/* Connects if not connected. */
enum db_err	 db_connect(struct db *);
int		 db_connected(const struct db *);
/* The server's last message, for logs only (never shown to users). */
const char	*db_errmsg(const struct db *);

/*
 * Runs one prepared statement. types has one letter per `?`: s = const char *, i = long long,
 * b = const void *, size_t (bytes), n = NULL (no argument). res may be NULL; when given it is
 * filled (rows for a SELECT, affected rows and insert id otherwise) and must be freed.
 */
enum db_err	 db_exec(struct db *, struct db_result *res, const char *sql,
		    const char *types, ...);
void		 db_result_free(struct db_result *);
/* Cell text (NUL-terminated) or NULL for SQL NULL or out of range. */
const char	*db_cell(const struct db_result *, size_t row, size_t col);
long long	 db_cell_int(const struct db_result *, size_t row, size_t col, long long def);

enum db_err	 db_begin(struct db *);
enum db_err	 db_commit(struct db *);
void		 db_rollback(struct db *);
/* Ends a transaction a handler left open (rolled back): the next request starts clean. */
void		 db_end_request(struct db *);

/*
 * The last error db_exec, db_begin or db_commit gave since db_forget_error (errno's way): a
 * module that reports its own error (CASES_EDB, ...) over a lost conflict leaves DB_ERETRY here,
 * and ctx_db_error finds it, so the request runs again instead of answering 500.
 */
enum db_err	 db_last_error(const struct db *);
void		 db_forget_error(struct db *);
/* The index in the node list of the node connected to (0: the preferred one). */
size_t		 db_node(const struct db *);
/*
 * For tests: the next n commits roll back and return rc (DB_ERETRY: as if another node's
 * transaction had won at COMMIT), so the rerun of a request can be shown on one server.
 */
void		 db_fault_commits(struct db *, enum db_err rc, unsigned n);

#endif
