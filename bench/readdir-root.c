// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 1: list the root with getdents64, with a 32 KiB buffer (root-readdir) and
 * with a buffer that holds one entry (root-readdir-1): every call then resumes from
 * the position alone, as `ls` on a slow reader or a seekdir walk does.
 */
#include "bench.h"

/* Two entries need at least 2 x 24 bytes; 47 holds one entry of a name up to 20 bytes. */
#define ONE_ENTRY 47

static long long run(const char *root, void *arg)
{
	size_t bufsize = *(size_t *)arg;
	long long t0 = bench_now();
	long n = bench_list(AT_FDCWD, root, bufsize, NULL, NULL);

	return n < 0 ? n : bench_now() - t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);
	size_t big = 32768, one = ONE_ENTRY;

	bench_run(&a, "root-readdir", run, &big);
	bench_run(&a, "root-readdir-1", run, &one);
	return 0;
}
