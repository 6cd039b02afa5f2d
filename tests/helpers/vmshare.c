// SPDX-License-Identifier: GPL-2.0
/*
 * vmshare - two processes sharing one address space: the parent clones a child
 * with CLONE_VM but not CLONE_THREAD (so the mm is marked MMF_MULTIPROCESS), prints
 * "PARENT CHILD" and both sleep until killed. For the oom_score_adj tests: a write
 * to one process's file sets the other's too.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

static char child_stack[64 * 1024] __attribute__((aligned(16)));

static int child_main(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return 0;
}

int main(void)
{
	int child = clone(child_main, child_stack + sizeof(child_stack), CLONE_VM | SIGCHLD, NULL);

	if (child < 0) {
		perror("clone");
		return 1;
	}
	printf("%d %d\n", getpid(), child);
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}
