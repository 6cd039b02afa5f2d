// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 3: stat every <pid> directory of the root, warm (stat-pids: the dentries
 * are cached from the previous run) and cold (stat-pids-cold: the dentry and inode
 * caches are dropped first, so every stat is a lookup). The names are listed before the
 * caches are dropped and before the clock starts: fs/proc's readdir instantiates
 * dentries, procfs2's does not, and the listing must warm neither.
 */
#include <ctype.h>
#include <sys/stat.h>
#include "bench.h"

#define MAX_PIDS 65536

struct pids {
	int cold;
	long count;
	char names[MAX_PIDS][12];
};

static void collect(const char *name, void *arg)
{
	struct pids *p = arg;

	if (isdigit((unsigned char)name[0]) && p->count < MAX_PIDS && strlen(name) < 12)
		strcpy(p->names[p->count++], name);
}

static long long run(const char *root, void *arg)
{
	struct pids *p = arg;
	struct stat st;
	long long t0;
	long i, n;
	int fd = open(root, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		return -errno;
	p->count = 0;
	n = bench_list(fd, ".", 32768, collect, p);
	if (n < 0) {
		close(fd);
		return n;
	}
	if (p->cold)
		bench_drop_caches();
	t0 = bench_now();
	for (i = 0; i < p->count; i++)
		if (fstatat(fd, p->names[i], &st, 0) < 0 && errno != ENOENT) {
			n = -errno;
			close(fd);
			return n;
		}
	t0 = bench_now() - t0;
	close(fd);
	return t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);
	static struct pids p;

	bench_run(&a, "stat-pids", run, &p);
	p.cold = 1;
	bench_run(&a, "stat-pids-cold", run, &p);
	return 0;
}
