/*
 * timens: runs a command in a new time namespace whose boot-time clock is
 * SECS seconds ahead (issue 21: uptime, stat's btime and start times as the
 * reader's time namespace sees them).
 *
 *   timens SECS CMD [ARG...]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

int main(int argc, char **argv)
{
	char buf[64];
	int fd, status;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: timens SECS CMD [ARG...]\n");
		return 2;
	}
	if (unshare(CLONE_NEWTIME)) {
		perror("unshare(CLONE_NEWTIME)");
		return 2;
	}
	snprintf(buf, sizeof(buf), "boottime %s 0\n", argv[1]);
	fd = open("/proc/self/timens_offsets", O_WRONLY);
	if (fd < 0 || write(fd, buf, strlen(buf)) != (ssize_t)strlen(buf)) {
		perror("timens_offsets");
		return 2;
	}
	close(fd);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return 2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
