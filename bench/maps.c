// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 8: with 1,000 extra mappings in this process (anonymous pages whose
 * protections alternate, so that none merge), open, read (4 KiB at a time, to the
 * end) and close ROOT/self/maps 100 times: the walk of the mappings under the mmap
 * lock, resumed by address at each read, and the line of each.
 */
#include <sys/mman.h>
#include "bench.h"

#define TIMES 100
#define MAPPINGS 1000

static long long run(const char *root, void *arg)
{
	char path[64], buf[4096];
	long long t0, n;
	int i;

	(void)arg;
	snprintf(path, sizeof(path), "%s/self/maps", root);
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
	int i;

	for (i = 0; i < MAPPINGS; i++) {
		if (mmap(NULL, 4096, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
			bench_die("mmap");
	}
	bench_run(&a, "maps", run, NULL);
	return 0;
}
