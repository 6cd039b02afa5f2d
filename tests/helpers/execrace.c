/*
 * execrace: readlink of a process's link while it execs a setuid-root program
 * (issue 21, class 3: checks made outside exec_update_lock).
 *
 *   execrace ROUNDS MNT ENTRY SUIDPROG
 *       ROUNDS times: fork a child that execs SUIDPROG ("SUIDPROG sleep", which
 *       sleeps 20 ms and exits) while this process reads MNT/PID/ENTRY in a loop
 *       until the child is gone. Prints
 *           rounds N reads R old O new K denied D
 *       where old counts reads that named this program, new those that named
 *       SUIDPROG (never allowed: once the child runs SUIDPROG it is root's and
 *       not dumpable), denied EACCES/EPERM.
 *   execrace sleep
 *       what SUIDPROG runs: sleeps 20 ms.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long rounds, reads = 0, old = 0, new = 0, denied = 0;
	char self[PATH_MAX], link[64], buf[PATH_MAX];
	ssize_t n;

	if (argc == 2 && !strcmp(argv[1], "sleep")) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		return 0;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: execrace ROUNDS MNT ENTRY SUIDPROG\n");
		return 2;
	}
	rounds = atol(argv[1]);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0)
		return 2;
	self[n] = 0;
	for (long r = 0; r < rounds; r++) {
		int go[2], status;
		char c = 0;
		pid_t pid;

		if (pipe(go))
			return 2;
		pid = fork();
		if (pid < 0)
			return 2;
		if (pid == 0) {
			close(go[1]);
			if (read(go[0], &c, 1) != 1)
				_exit(2);
			execl(argv[4], argv[4], "sleep", (char *)NULL);
			_exit(3);
		}
		close(go[0]);
		snprintf(link, sizeof(link), "%s/%d/%s", argv[2], pid, argv[3]);
		/* One read before the exec is let go, then a loop across it. */
		if (write(go[1], &c, 1) != 1)
			return 2;
		close(go[1]);
		while (waitpid(pid, &status, WNOHANG) == 0) {
			n = readlink(link, buf, sizeof(buf) - 1);
			reads++;
			if (n >= 0) {
				buf[n] = 0;
				if (!strcmp(buf, self))
					old++;
				else if (!strcmp(buf, argv[4]))
					new++;
			} else if (errno == EACCES || errno == EPERM) {
				denied++;
			}
		}
	}
	printf("rounds %ld reads %ld old %ld new %ld denied %ld\n", rounds, reads, old, new,
	       denied);
	return 0;
}
