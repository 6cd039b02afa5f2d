// SPDX-License-Identifier: GPL-2.0
/*
 * cgns PROG ARGS... - runs PROG in a new cgroup namespace rooted at the caller's
 * cgroup (busybox's unshare has no -C).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2 || unshare(CLONE_NEWCGROUP) < 0) {
		perror("cgns");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 1;
}
