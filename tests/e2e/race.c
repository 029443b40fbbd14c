#include "race.h"

#include <check.h>
#include <sys/wait.h>
#include <unistd.h>

void
race_two(char (*fn)(int, void *), void *arg, char verdict[2])
{
	int fds[2], go[2], i;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(pipe(go), 0);
	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			char c, res;

			close(go[1]);
			/* EOF (0) is the go signal; the byte itself is never sent. */
			if (read(go[0], &c, 1) < 0)
				_exit(1);
			res = fn(i, arg);
			/* A child that cannot report leaves the parent's read short: its assert fails. */
			_exit(write(fds[1], &res, 1) == 1 ? 0 : 1);
		}
	}
	close(go[0]);
	close(go[1]);	/* EOF releases both */
	for (i = 0; i < 2; i++) {
		verdict[i] = 0;
		ck_assert_int_eq(read(fds[0], &verdict[i], 1), 1);
	}
	while (wait(NULL) > 0)
		;
	close(fds[0]);
	close(fds[1]);
}
