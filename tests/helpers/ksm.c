// SPDX-License-Identifier: GPL-2.0
/*
 * ksm [N] - a process for the KSM files (ksm_merging_pages, ksm_stat): N pages
 * (default 64) that hold the same bytes and N that hold zeros, written so that each
 * is a page of its own, in an area marked MADV_MERGEABLE. Prints "ready", then
 * sleeps until killed; ksmd merges them once /sys/kernel/mm/ksm/run is 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 64, i;
	size_t size = 2 * n * 4096;
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (i = 0; i < 2 * n; i++) {
		memset(p + i * 4096, i < n ? 0x5a : 1, 4096);
		if (i >= n)
			memset(p + i * 4096, 0, 4096);
	}
	if (madvise(p, size, MADV_MERGEABLE)) {
		perror("madvise");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
