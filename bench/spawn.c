// SPDX-License-Identifier: GPL-2.0
/*
 * spawn N: add N processes that do nothing (each forks off and pauses), for the
 * populations of make bench. Returns once all N exist; they live until the guest stops.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n = argc == 2 ? atol(argv[1]) : -1;
	pid_t pid;

	if (n < 0) {
		fprintf(stderr, "usage: spawn N\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0) {
			perror("spawn: fork");
			return 1;
		}
		if (pid == 0) {
			for (;;)
				pause();
		}
	}
	return 0;
}
