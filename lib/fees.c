/*
 * fees: the dated rate table (issue 6; R23, R24, R29). See fees.h for the period rule (both days
 * included, empty valid_to = until further notice) and the one convenience of fees_add.
 */
#include "fees.h"

#include "clock.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "audit.h"

#define OPEN_END	"9999-12-31"	/* how an open-ended period compares */

static const char *const fees_errs[FEES__MAX] = {
	[FEES_OK] = "no error",
	[FEES_ENONE] = "no rate is valid on that day",
	[FEES_EAMOUNT] = "not an amount in kroner, negative or too large",
	[FEES_EDATE] = "not a date",
	[FEES_EPERIOD] = "the period ends before it begins",
	[FEES_EOVERLAP] = "the period overlaps another rate of the same kind",
	[FEES_EKIND] = "not a rate kind",
	[FEES_ENOTE] = "note too long or with control characters",
	[FEES_EDB] = "database error",
	[FEES_ERETRY] = "deadlock or lock wait timeout: run the transaction again",
	[FEES_ENOMEM] = "out of memory",
};

static const struct {
	const char	*name;
	const char	*label;
	const char	*unit;
} kinds[FEES_KIND__MAX] = {
	[FEES_PROPOSAL] = { "proposal", "Projektindstilling", "pr. indstilling" },
	[FEES_STUDENT_USER] = { "student_user", "Brugergebyr for studerende", "pr. studerende" },
	[FEES_CASEWORK_HOUR] = { "casework_hour", "Sagsbehandling", "pr. time" },
	[FEES_CERTIFICATION] = { "certification", "Brugercertificering", "pr. certificering" },
};

static const char *const months[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
	"oktober", "november", "december",
};

const char *
fees_strerror(enum fees_err e)
{
	return (unsigned)e < FEES__MAX ? fees_errs[e] : "unknown error";
}

const char *
fees_kind_name(enum fees_kind k)
{
	return (unsigned)k < FEES_KIND__MAX ? kinds[k].name : "";
}

const char *
fees_kind_label(enum fees_kind k)
{
	return (unsigned)k < FEES_KIND__MAX ? kinds[k].label : "";
}

const char *
fees_kind_unit(enum fees_kind k)
{
	return (unsigned)k < FEES_KIND__MAX ? kinds[k].unit : "";
}

int
fees_kind_parse(const char *s)
{
	int i;

	for (i = 0; s && i < FEES_KIND__MAX; i++)
		if (strcmp(s, kinds[i].name) == 0)
			return i;
	return -1;
}

/* ---- amounts -------------------------------------------------------------------------------- */

/* Adds one digit to the kroner; 0 once well past the cap (the exact check comes after). */
static int
add_digit(long long *v, int digit)
{
	if (*v > (FEES_MAX_ORE / 100) / 10 + 1)
		return 0;
	*v = *v * 10 + digit;
	return 1;
}

enum fees_err
fees_parse_dkk(const char *s, long long *ore)
{
	const char *p, *end;
	long long kr = 0, frac = 0;
	int group = 0, ngroups = 0, digits = 0, fdigits = 0;
	char sep = 0;

	if (s == NULL || ore == NULL)
		return FEES_EAMOUNT;
	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	/* An optional currency after the number, as people write it. */
	if (end - s >= 3 && strncasecmp(end - 3, "kr.", 3) == 0)
		end -= 3;
	else if (end - s >= 3 && strncasecmp(end - 3, "dkk", 3) == 0)
		end -= 3;
	else if (end - s >= 2 && strncasecmp(end - 2, "kr", 2) == 0)
		end -= 2;
	while (end > s && end[-1] == ' ')
		end--;
	if (s == end)
		return FEES_EAMOUNT;

	/* Kroner: digits, optionally in groups of three after one kind of separator. */
	for (p = s; p < end && *p != ','; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!add_digit(&kr, *p - '0'))
				return FEES_EAMOUNT;
			digits++;
			group++;
			continue;
		}
		if (*p != '.' && *p != ' ')
			return FEES_EAMOUNT;	/* '-' included: no negative fees */
		if ((sep && *p != sep) || group == 0 || (ngroups == 0 && group > 3) ||
		    (ngroups > 0 && group != 3))
			return FEES_EAMOUNT;
		sep = *p;
		ngroups++;
		group = 0;
	}
	if (digits == 0 || (ngroups > 0 && group != 3))
		return FEES_EAMOUNT;
	/* Øre: a decimal comma and one or two digits ("1250,5" is 1.250,50). */
	if (p < end) {
		for (p++; p < end; p++) {
			if (*p < '0' || *p > '9' || fdigits == 2)
				return FEES_EAMOUNT;
			frac = frac * 10 + (*p - '0');
			fdigits++;
		}
		if (fdigits == 0)
			return FEES_EAMOUNT;
		if (fdigits == 1)
			frac *= 10;
	}
	if (kr > FEES_MAX_ORE / 100 || kr * 100 + frac > FEES_MAX_ORE)
		return FEES_EAMOUNT;
	*ore = kr * 100 + frac;
	return FEES_OK;
}

void
fees_format_dkk_plain(long long ore, char *out, size_t outlen)
{
	char digits[32], grouped[48];
	unsigned long long kr, o;
	size_t n, i, j = 0;
	int neg = ore < 0;

	if (outlen == 0)
		return;
	o = neg ? 0ULL - (unsigned long long)ore : (unsigned long long)ore;
	kr = o / 100;
	n = (size_t)snprintf(digits, sizeof(digits), "%llu", kr);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(out, outlen, "%s%s,%02llu", neg ? "-" : "", grouped, o % 100);
}

void
fees_format_dkk(long long ore, char *out, size_t outlen)
{
	size_t len;

	fees_format_dkk_plain(ore, out, outlen);
	len = strlen(out);
	if (len + sizeof(" kr.") <= outlen)
		memcpy(out + len, " kr.", sizeof(" kr."));
}

/* ---- dates ---------------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long
day_number(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* Writes a date known to be valid (years 1900-9999) as YYYY-MM-DD. */
static void
put_date(char out[FEES_DATE_LEN], int y, int m, int d)
{
	char tmp[48];

	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, FEES_DATE_LEN - 1);
	out[FEES_DATE_LEN - 1] = '\0';
}

/* Reads 1..max digits at *p; -1 when there are none or too many. */
static int
number(const char **p, int min, int max)
{
	int v = 0, n = 0;

	while (**p >= '0' && **p <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return n < min ? -1 : v;
}

enum fees_err
fees_parse_date(const char *s, char out[FEES_DATE_LEN])
{
	const char *p = s, *start;
	int y, m, d, a;
	char sep;

	if (s == NULL)
		return FEES_EDATE;
	while (*p == ' ')
		p++;
	start = p;
	if ((a = number(&p, 1, 4)) < 0)
		return FEES_EDATE;
	sep = *p++;
	if (p - start == 5 && sep == '-') {
		/* YYYY-MM-DD, as the date field and the database write it */
		y = a;
		if ((m = number(&p, 2, 2)) < 0 || *p++ != '-' || (d = number(&p, 2, 2)) < 0)
			return FEES_EDATE;
	} else if (p - start <= 3 && (sep == '-' || sep == '.' || sep == '/')) {
		/* DD-MM-YYYY, as Danes write it (also with '.' or '/') */
		d = a;
		if ((m = number(&p, 1, 2)) < 0 || *p++ != sep || (y = number(&p, 4, 4)) < 0)
			return FEES_EDATE;
	} else
		return FEES_EDATE;
	while (*p == ' ')
		p++;
	if (*p != '\0' || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return FEES_EDATE;
	put_date(out, y, m, d);
	return FEES_OK;
}

/* A date exactly as stored: "YYYY-MM-DD", a real day. */
static int
canonical_date(const char *s)
{
	char tmp[FEES_DATE_LEN];

	return s && strlen(s) == 10 && fees_parse_date(s, tmp) == FEES_OK && strcmp(s, tmp) == 0;
}

enum fees_err
fees_day_before(const char *date, char out[FEES_DATE_LEN])
{
	int y, m, d;

	if (!canonical_date(date))
		return FEES_EDATE;
	civil(day_number(atoi(date), atoi(date + 5), atoi(date + 8)) - 1, &y, &m, &d);
	if (y < 1900)
		return FEES_EDATE;
	put_date(out, y, m, d);
	return FEES_OK;
}

void
fees_today(char out[FEES_DATE_LEN])
{
	clock_today(out);	/* the one today, which tests can move (lib/clock.h) */
}

void
fees_format_date(const char *date, char *out, size_t outlen)
{
	if (!canonical_date(date)) {
		snprintf(out, outlen, "%s", date ? date : "");
		return;
	}
	snprintf(out, outlen, "%d. %s %d", atoi(date + 8), months[atoi(date + 5) - 1], atoi(date));
}

/* ---- the period rule ------------------------------------------------------------------------ */

enum fees_err
fees_check_period(const struct fees_rate *existing, size_t n, const char *from, const char *to,
    size_t *clash, size_t *close)
{
	const char *nto = to && *to ? to : OPEN_END, *eto;
	size_t i;

	*clash = *close = (size_t)-1;
	if (strcmp(nto, from) < 0)
		return FEES_EPERIOD;
	for (i = 0; i < n; i++) {
		eto = existing[i].valid_to[0] ? existing[i].valid_to : OPEN_END;
		/* Both ends included: they overlap when each begins on or before the other ends. */
		if (strcmp(existing[i].valid_from, nto) > 0 || strcmp(from, eto) > 0)
			continue;
		if (existing[i].valid_to[0] == '\0' && strcmp(existing[i].valid_from, from) < 0 &&
		    *close == (size_t)-1) {
			*close = i;	/* it will end the day before `from` */
			continue;
		}
		*clash = i;
		return FEES_EOVERLAP;
	}
	return FEES_OK;
}

const struct fees_rate *
fees_pick(const struct fees_rate *rates, size_t n, const char *date)
{
	const struct fees_rate *best = NULL;
	size_t i;

	if (date == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strcmp(rates[i].valid_from, date) > 0 ||
		    (rates[i].valid_to[0] && strcmp(rates[i].valid_to, date) < 0))
			continue;
		/* Periods never overlap; should they, the one that began last is the newer decision. */
		if (best == NULL || strcmp(rates[i].valid_from, best->valid_from) > 0)
			best = &rates[i];
	}
	return best;
}

/* ---- against the database ------------------------------------------------------------------- */

static enum fees_err
from_db(enum db_err rc)
{
	if (rc == DB_OK)
		return FEES_OK;
	if (rc == DB_ERETRY)
		return FEES_ERETRY;
	return rc == DB_ENOMEM ? FEES_ENOMEM : FEES_EDB;
}

enum fees_err
fees_rate_on(struct db *db, enum fees_kind kind, const char *date, long long *ore,
    long long *rate_id)
{
	char day[FEES_DATE_LEN];
	struct db_result res;
	enum db_err rc;
	enum fees_err frc = FEES_OK;

	if ((unsigned)kind >= FEES_KIND__MAX)
		return FEES_EKIND;
	if (date == NULL)
		fees_today(day);
	else if (!canonical_date(date))
		return FEES_EDATE;
	else
		snprintf(day, sizeof(day), "%s", date);
	if ((rc = db_exec(db, &res, "SELECT id, amount_ore FROM rates WHERE kind = ? AND "
	    "valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC "
	    "LIMIT 1", "sss", kinds[kind].name, day, day)) != DB_OK)
		return from_db(rc);
	if (res.nrows == 0)
		frc = FEES_ENONE;
	else {
		if (ore)
			*ore = db_cell_int(&res, 0, 1, 0);
		if (rate_id)
			*rate_id = db_cell_int(&res, 0, 0, 0);
	}
	db_result_free(&res);
	return frc;
}

/* A short note: at most FEES_NOTE_MAX characters of UTF-8, no control bytes. */
static int
note_ok(const char *s)
{
	size_t chars = 0;

	for (; s && *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
		if (((unsigned char)*s & 0xc0) != 0x80)
			chars++;
	}
	return chars <= FEES_NOTE_MAX;
}

static void
row_from(struct fees_rate *r, const struct db_result *res, size_t i)
{
	const char *v;
	int k;

	memset(r, 0, sizeof(*r));
	r->id = db_cell_int(res, i, 0, 0);
	k = fees_kind_parse(db_cell(res, i, 1));
	r->kind = k < 0 ? FEES_PROPOSAL : (enum fees_kind)k;
	r->ore = db_cell_int(res, i, 2, 0);
	snprintf(r->valid_from, sizeof(r->valid_from), "%s", (v = db_cell(res, i, 3)) ? v : "");
	snprintf(r->valid_to, sizeof(r->valid_to), "%s", (v = db_cell(res, i, 4)) ? v : "");
	snprintf(r->note, sizeof(r->note), "%s", (v = db_cell(res, i, 5)) ? v : "");
	r->is_demo = db_cell_int(res, i, 6, 0) != 0;
	r->created_by = db_cell_int(res, i, 7, 0);
	snprintf(r->created_at, sizeof(r->created_at), "%s", (v = db_cell(res, i, 8)) ? v : "");
}

#define LIST_COLUMNS	"SELECT id, kind, amount_ore, valid_from, valid_to, note, is_demo, " \
			"created_by, created_at FROM rates "

static enum fees_err
list_rows(struct db *db, int kind, int lock, struct fees_list *out)
{
	struct db_result res;
	enum db_err rc;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (kind >= FEES_KIND__MAX)
		return FEES_EKIND;
	if (kind < 0)
		rc = db_exec(db, &res, LIST_COLUMNS "ORDER BY kind, valid_from", "");
	else if (lock)
		/*
		 * Locks the kind's rows and, through the (kind, valid_from) index, the gaps between
		 * them: a concurrent fees_add of the same kind waits here (or deadlocks and is told
		 * to retry) instead of inserting an overlapping period unseen.
		 */
		rc = db_exec(db, &res, LIST_COLUMNS "WHERE kind = ? ORDER BY valid_from FOR UPDATE",
		    "s", kinds[kind].name);
	else
		rc = db_exec(db, &res, LIST_COLUMNS "WHERE kind = ? ORDER BY valid_from", "s",
		    kinds[kind].name);
	if (rc != DB_OK)
		return from_db(rc);
	if (res.nrows && (out->rows = calloc(res.nrows, sizeof(*out->rows))) == NULL) {
		db_result_free(&res);
		return FEES_ENOMEM;
	}
	for (i = 0; i < res.nrows; i++)
		row_from(&out->rows[i], &res, i);
	out->nrows = res.nrows;
	db_result_free(&res);
	return FEES_OK;
}

enum fees_err
fees_list(struct db *db, int kind, struct fees_list *out)
{
	return list_rows(db, kind, 0, out);
}

void
fees_list_free(struct fees_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->nrows = 0;
}

enum fees_err
fees_add(struct db *db, const struct fees_new *n, long long actor, const char *remote_addr,
    long long *id, struct fees_closed *closed)
{
	const char *to = n->valid_to && *n->valid_to ? n->valid_to : NULL;
	char amount[FEES_AMOUNT_LEN], day_before[FEES_DATE_LEN], detail[400];
	struct fees_list l = { NULL, 0 };
	struct db_result res;
	size_t clash, close;
	enum fees_err frc;
	enum db_err rc;
	long long new_id;

	if (closed)
		memset(closed, 0, sizeof(*closed));
	if ((unsigned)n->kind >= FEES_KIND__MAX)
		return FEES_EKIND;
	if (n->ore < 0 || n->ore > FEES_MAX_ORE)
		return FEES_EAMOUNT;
	if (!canonical_date(n->valid_from) || (to && !canonical_date(to)))
		return FEES_EDATE;
	if (!note_ok(n->note))
		return FEES_ENOTE;
	/*
	 * R29, periods never overlap: carried by the kind's row in rate_kinds, written here before
	 * the periods are read. The lock below orders two additions on one server; on a Galera
	 * cluster it is local to a node, and two additions of one kind on two nodes conflict only
	 * through this write (the loser gets 1213 at COMMIT, runs again and sees the other's).
	 * The upsert also makes the row should a kind be added without migrating it.
	 */
	if ((rc = db_exec(db, NULL, "INSERT INTO rate_kinds (kind, version) VALUES (?, 1) "
	    "ON DUPLICATE KEY UPDATE version = version + 1", "s", kinds[n->kind].name)) != DB_OK)
		return from_db(rc);
	if ((frc = list_rows(db, (int)n->kind, 1, &l)) != FEES_OK)
		return frc;
	if ((frc = fees_check_period(l.rows, l.nrows, n->valid_from, to, &clash, &close)) !=
	    FEES_OK)
		goto out;
	fees_format_dkk(n->ore, amount, sizeof(amount));
	if (close != (size_t)-1) {
		if ((frc = fees_day_before(n->valid_from, day_before)) != FEES_OK)
			goto out;
		if ((rc = db_exec(db, NULL, "UPDATE rates SET valid_to = ? WHERE id = ?", "si",
		    day_before, l.rows[close].id)) != DB_OK) {
			frc = from_db(rc);
			goto out;
		}
		snprintf(detail, sizeof(detail), "%s: ends %s (a new rate from %s)",
		    kinds[n->kind].name, day_before, n->valid_from);
		if ((rc = audit_event(db, actor, "fee.rate.close", "rate", l.rows[close].id, 0,
		    remote_addr, detail)) != DB_OK) {
			frc = from_db(rc);
			goto out;
		}
		if (closed) {
			closed->id = l.rows[close].id;
			snprintf(closed->valid_to, sizeof(closed->valid_to), "%s", day_before);
		}
	}
	if (to)
		rc = db_exec(db, &res, "INSERT INTO rates (kind, amount_ore, valid_from, valid_to, "
		    "note, is_demo, created_by) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0))", "sisssii",
		    kinds[n->kind].name, n->ore, n->valid_from, to, n->note ? n->note : "",
		    (long long)(n->is_demo != 0), actor);
	else
		rc = db_exec(db, &res, "INSERT INTO rates (kind, amount_ore, valid_from, valid_to, "
		    "note, is_demo, created_by) VALUES (?, ?, ?, NULL, ?, ?, NULLIF(?, 0))", "sissii",
		    kinds[n->kind].name, n->ore, n->valid_from, n->note ? n->note : "",
		    (long long)(n->is_demo != 0), actor);
	if (rc == DB_EDUP) {
		/* The same kind from the same day: the lock makes this rare, the key certain. */
		frc = FEES_EOVERLAP;
		goto out;
	}
	if (rc != DB_OK) {
		frc = from_db(rc);
		goto out;
	}
	new_id = (long long)res.insert_id;
	db_result_free(&res);
	snprintf(detail, sizeof(detail), "%s: %s from %s to %s%s", kinds[n->kind].name, amount,
	    n->valid_from, to ? to : "further notice", n->is_demo ? " (demo value)" : "");
	if ((rc = audit_event(db, actor, "fee.rate.add", "rate", new_id, 0, remote_addr,
	    detail)) != DB_OK) {
		frc = from_db(rc);
		goto out;
	}
	if (id)
		*id = new_id;
out:
	fees_list_free(&l);
	return frc;
}
