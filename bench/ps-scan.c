// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 2: what ps does. List the root, then for every pid open, read and close
 * <pid>/stat and <pid>/status (4 KiB reads, to the end). A pid that is gone by the
 * time it is opened (ENOENT, ESRCH) is skipped, as ps skips it.
 */
#include <ctype.h>
#include "bench.h"

struct scan {
	int rootfd;
	long files;
	int err;
};

static void visit(const char *name, void *arg)
{
	struct scan *s = arg;
	static const char *const files[] = { "stat", "status" };
	char path[64], buf[4096];
	long long n;
	unsigned int i;

	if (!isdigit((unsigned char)name[0]) || s->err)
		return;
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", name, files[i]);
		n = bench_slurp(s->rootfd, path, buf, sizeof(buf));
		if (n == -ENOENT || n == -ESRCH)
			return;
		if (n < 0)
			s->err = (int)-n;
		else
			s->files++;
	}
}

static long long run(const char *root, void *arg)
{
	struct scan s = { .rootfd = -1 };
	long long t0 = bench_now();
	long n;

	(void)arg;
	s.rootfd = open(root, O_RDONLY | O_DIRECTORY);
	if (s.rootfd < 0)
		return -errno;
	n = bench_list(s.rootfd, ".", 32768, visit, &s);
	close(s.rootfd);
	if (n < 0)
		return n;
	return s.err ? -s.err : bench_now() - t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);

	bench_run(&a, "ps-scan", run, NULL);
	return 0;
}
