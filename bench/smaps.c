// SPDX-License-Identifier: GPL-2.0
/*
 * With 200 extra mappings in this process (anonymous, 16 pages each, every other page
 * touched, protections alternating so that none merge), open, read (4 KiB at a time,
 * to the end) and close ROOT/self/smaps TIMES times: the page-table walk of every
 * mapping under the mmap lock and its 25 lines, as pmap -x and psutil's
 * memory_maps() read it. smaps_rollup.c includes this file for the same address
 * space read through smaps_rollup.
 */
#include <sys/mman.h>
#include "bench.h"

#ifndef PID_FILE
#define PID_FILE "smaps"
#define TIMES 20
#endif

#define MAPPINGS 200
#define PAGES 16

static long long run(const char *root, void *arg)
{
	char path[64], buf[4096];
	long long t0, n = 0;
	int i;

	(void)arg;
	snprintf(path, sizeof(path), "%s/self/" PID_FILE, root);
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
	int i, j;

	for (i = 0; i < MAPPINGS; i++) {
		char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			bench_die("mmap");
		for (j = 0; j < PAGES; j += 2)
			p[j * 4096] = 1;
		if (i % 2 && mprotect(p, PAGES * 4096, PROT_READ))
			bench_die("mprotect");
	}
	bench_run(&a, PID_FILE, run, NULL);
	return 0;
}
