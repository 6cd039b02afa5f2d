// SPDX-License-Identifier: GPL-2.0
/*
 * An extra workload, not in the list: stat the root 1,000 times. Its link
 * count is 2 + subdirectories + the number of processes; fs/proc reads that number
 * from nr_processes(), which is not exported, so procfs2 counts the processes of its
 * namespace (pid_base.rs, count_processes). This row shows what that costs.
 */
#include <sys/stat.h>
#include "bench.h"

#define TIMES 1000

static long long run(const char *root, void *arg)
{
	struct stat st;
	long long t0 = bench_now();
	int i;

	(void)arg;
	for (i = 0; i < TIMES; i++)
		if (stat(root, &st) < 0)
			return -errno;
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);

	bench_run(&a, "root-stat", run, NULL);
	return 0;
}
