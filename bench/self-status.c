// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 4: open, read (4 KiB, to the end) and close ROOT/self/status 10,000 times:
 * the path walk through the self link, the pid lookup and the status show.
 */
#include "bench.h"

#define TIMES 10000

static long long run(const char *root, void *arg)
{
	char path[64], buf[4096];
	long long t0, n;
	int i;

	(void)arg;
	snprintf(path, sizeof(path), "%s/self/status", root);
	t0 = bench_now();
	for (i = 0; i < TIMES; i++) {
		n = bench_slurp(AT_FDCWD, path, buf, sizeof(buf));
		if (n < 0)
			return n;
	}
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);

	bench_run(&a, "self-status", run, NULL);
	return 0;
}
