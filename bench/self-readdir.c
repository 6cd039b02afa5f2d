// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 5: list ROOT/self (self-readdir) and ROOT/self/task (task-readdir) 1,000
 * times each, 32 KiB buffer, while the process has THREADS threads.
 */
#include <pthread.h>
#include "bench.h"

#define TIMES 1000
#define THREADS 8

static void *idle(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static long long run(const char *root, void *arg)
{
	const char *sub = arg;
	char path[64];
	long long t0;
	long n;
	int i;

	snprintf(path, sizeof(path), "%s/%s", root, sub);
	t0 = bench_now();
	for (i = 0; i < TIMES; i++) {
		n = bench_list(AT_FDCWD, path, 32768, NULL, NULL);
		if (n < 0)
			return n;
	}
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);
	pthread_t t;
	int i;

	for (i = 1; i < THREADS; i++)
		if (pthread_create(&t, NULL, idle, NULL))
			bench_die("pthread_create");
	bench_run(&a, "self-readdir", run, "self");
	bench_run(&a, "task-readdir", run, "self/task");
	return 0;
}
