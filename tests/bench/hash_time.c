/*
 * The cost of one password check alone, for tests/bench/login: argon2id through libsodium with
 * the portal's own parameters (lib/password.h), the same call lib/password.c makes. Prints one
 * line of key=value pairs: the parameters, then hash and verify times (median and min, ms).
 *   cc -O2 -I lib tests/bench/hash_time.c -lsodium && ./a.out [ROUNDS]
 */
#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "password.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	static const char pw[] = "tre grønne heste på taget";
	char hash[crypto_pwhash_STRBYTES];
	double *th, *tv, t0;
	int i, n = argc > 1 ? atoi(argv[1]) : 20;

	if (n < 1 || n > 10000 || sodium_init() < 0)
		return 1;
	th = calloc((size_t)n, sizeof(*th));
	tv = calloc((size_t)n, sizeof(*tv));
	if (th == NULL || tv == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		t0 = now_ms();
		if (crypto_pwhash_str_alg(hash, pw, strlen(pw), PASSWORD_OPSLIMIT, PASSWORD_MEMLIMIT,
		    crypto_pwhash_ALG_ARGON2ID13) != 0)
			return 1;
		th[i] = now_ms() - t0;
		t0 = now_ms();
		if (crypto_pwhash_str_verify(hash, pw, strlen(pw)) != 0)
			return 1;
		tv[i] = now_ms() - t0;
	}
	qsort(th, (size_t)n, sizeof(*th), cmp);
	qsort(tv, (size_t)n, sizeof(*tv), cmp);
	printf("alg=argon2id13 t=%llu m_kib=%u p=1 rounds=%d hash_ms_median=%.1f hash_ms_min=%.1f "
	    "verify_ms_median=%.1f verify_ms_min=%.1f libsodium=%s hash=%.29s\n",
	    (unsigned long long)PASSWORD_OPSLIMIT, (unsigned)(PASSWORD_MEMLIMIT / 1024), n,
	    th[n / 2], th[0], tv[n / 2], tv[0], sodium_version_string(), hash);
	free(th);
	free(tv);
	return 0;
}
