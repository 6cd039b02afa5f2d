// SPDX-License-Identifier: GPL-2.0
/*
 * Read the root's cpuinfo (4 KiB reads, to the end) TIMES times: what top, vmstat and
 * psutil do at each refresh. vmstat.c and interrupts.c include this file for the same
 * workload on vmstat and interrupts.
 */
#include "bench.h"

#ifndef ROOT_FILE
#define ROOT_FILE "cpuinfo"
#endif

#define TIMES 200

static long long run(const char *root, void *arg)
{
	char path[64], buf[4096];
	long long t0, n = 0;
	int i;

	(void)arg;
	snprintf(path, sizeof(path), "%s/" ROOT_FILE, root);
	t0 = bench_now();
	for (i = 0; i < TIMES; i++) {
		n = bench_slurp(AT_FDCWD, path, buf, sizeof(buf));
		if (n < 0)
			return n;
	}
	t0 = bench_now() - t0;
	return n < 100 ? -EIO : t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);

	bench_run(&a, ROOT_FILE, run, NULL);
	return 0;
}
