// SPDX-License-Identifier: GPL-2.0
/*
 * threads [N] - a process of N + 1 threads (N defaults to 4) that all sleep until the
 * process is killed, for the per-thread directories (task/TID) of the tests.
 *
 * Thread I (1..N) names itself "thr-I" (PR_SET_NAME) and sets its own nice value to I,
 * so that comm, stat and status differ from thread to thread. Once every thread has
 * done so, the main thread prints its thread ids, main thread first, on one line
 * and then sleeps too.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#define MAX_THREADS 64

static pthread_barrier_t ready;
static pid_t tids[MAX_THREADS + 1];

static void *thread_main(void *arg)
{
	long i = (long)arg;
	char name[16];

	snprintf(name, sizeof(name), "thr-%ld", i);
	prctl(PR_SET_NAME, name, 0, 0, 0);
	tids[i] = gettid();
	setpriority(PRIO_PROCESS, tids[i], (int)i);
	pthread_barrier_wait(&ready);
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 4;
	pthread_t t;

	if (n < 0 || n > MAX_THREADS) {
		fprintf(stderr, "usage: threads [N], N at most %d\n", MAX_THREADS);
		return 2;
	}
	tids[0] = gettid();
	pthread_barrier_init(&ready, NULL, (unsigned int)n + 1);
	for (long i = 1; i <= n; i++) {
		if (pthread_create(&t, NULL, thread_main, (void *)i)) {
			perror("pthread_create");
			return 1;
		}
	}
	pthread_barrier_wait(&ready);
	for (long i = 0; i <= n; i++)
		printf("%d%c", tids[i], i < n ? ' ' : '\n');
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}
