/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench.h - what the workloads of `make bench` share: the clock, the alternation of
 * the two trees, and the lines the host reads back from the guest.
 *
 * Each workload program runs as   NAME POPULATION REPS ROOT_A ROOT_B
 * It runs its timed function once untimed per root (warm-up), then REPS times per root,
 * alternating A, B, A, B, ..., and prints for every run
 *     bench-sample WORKLOAD POPULATION FS REP NANOSECONDS
 * and for every root
 *     bench-result WORKLOAD POPULATION FS MEDIAN MIN MAX
 * The guest runs under `-icount shift=0`, so a nanosecond is one executed instruction.
 * BENCH_ONLY=WORKLOAD in the environment skips the program's other workloads.
 * The timed part is a single function: no shell, no fork, no output inside it.
 */
#ifndef PROCFS2_BENCH_H
#define PROCFS2_BENCH_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BENCH_MAX_REPS 64

/* A timed run: returns its own elapsed nanoseconds (it may prepare before starting the
 * clock), or a negative errno. */
typedef long long (*bench_fn)(const char *root, void *arg);

static inline long long bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void bench_die(const char *what)
{
	fprintf(stderr, "bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* A run's result: its time, or the end of the program with its errno. */
static inline long long bench_check(const char *workload, const char *root, long long t)
{
	if (t < 0) {
		fprintf(stderr, "bench: %s on %s: %s\n", workload, root, strerror((int)-t));
		exit(1);
	}
	return t;
}

/* "/proc" -> "proc", anything else (the procfs2 mount) -> "procfs2". */
static inline const char *bench_fs(const char *root)
{
	return strcmp(root, "/proc") == 0 ? "proc" : "procfs2";
}

/* Unused dentries in the system (the second field of fs/dentry-state). */
static inline long bench_nr_unused_dentries(void)
{
	char buf[128], *p;
	long n = -1;
	int fd = open("/proc/sys/fs/dentry-state", O_RDONLY);

	if (fd >= 0) {
		ssize_t len = read(fd, buf, sizeof(buf) - 1);

		if (len > 0) {
			buf[len] = 0;
			strtol(buf, &p, 10);
			n = strtol(p, NULL, 10);
		}
		close(fd);
	}
	return n;
}

/*
 * Drop the dentry and inode caches (vm.drop_caches=2), for cold-lookup runs. One write
 * is not enough, nor is a fixed number: a pass only clears the referenced bit of a
 * dentry used since it was cached (a later pass frees it), a parent goes only after
 * its children, and how far a pass gets depends on the shrinker's batches. So write
 * until almost no unused dentry is left (the guest keeps a handful). The sleep lets
 * the RCU callbacks that free the inodes run before the clock starts.
 */
#define BENCH_UNUSED_LEFT 64
static inline void bench_drop_caches(void)
{
	int i, fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	if (fd < 0)
		bench_die("drop_caches");
	sync();
	for (i = 0; i < 100 && bench_nr_unused_dentries() >= BENCH_UNUSED_LEFT; i++)
		if (pwrite(fd, "2\n", 2, 0) != 2)
			bench_die("drop_caches");
	if (bench_nr_unused_dentries() >= BENCH_UNUSED_LEFT) {
		fprintf(stderr, "bench: drop_caches leaves %ld unused dentries\n",
			bench_nr_unused_dentries());
		exit(1);
	}
	close(fd);
	usleep(200000);
}

/* Read FD to its end, CHUNK bytes at a time: the byte count, or -errno. */
static inline long long bench_read_all(int fd, char *buf, size_t chunk)
{
	long long total = 0;
	ssize_t n;

	while ((n = read(fd, buf, chunk)) > 0)
		total += n;
	return n < 0 ? -errno : total;
}

/* open PATH under DIRFD, read it to its end in CHUNK-byte reads, close: bytes or -errno. */
static inline long long bench_slurp(int dirfd, const char *path, char *buf, size_t chunk)
{
	long long total;
	int fd = openat(dirfd, path, O_RDONLY);

	if (fd < 0)
		return -errno;
	total = bench_read_all(fd, buf, chunk);
	close(fd);
	return total;
}

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/*
 * List the directory PATH under DIRFD with getdents64 calls of BUFSIZE bytes (at most
 * 32 KiB), calling EACH (if not NULL) on every name: the entry count, or -errno.
 */
static inline long bench_list(int dirfd, const char *path, size_t bufsize,
			      void (*each)(const char *name, void *arg), void *arg)
{
	static char buf[32768];
	long count = 0, n, off;
	int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		return -errno;
	while ((n = syscall(SYS_getdents64, fd, buf, bufsize)) > 0)
		for (off = 0; off < n; count++) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

			if (each)
				each(d->d_name, arg);
			off += d->d_reclen;
		}
	if (n < 0)
		n = -errno;
	close(fd);
	return n < 0 ? n : count;
}

static int bench_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

struct bench_args {
	const char *population;
	int reps;		/* 0: run once on roots[0], untimed, print nothing */
	const char *roots[2];
};

/* NAME POPULATION REPS ROOT_A ROOT_B, or NAME once ROOT (one untimed run). */
static inline struct bench_args bench_parse(int argc, char **argv)
{
	struct bench_args a;

	if (argc == 3 && strcmp(argv[1], "once") == 0) {
		a.population = "-";
		a.reps = 0;
		a.roots[0] = a.roots[1] = argv[2];
		return a;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: %s POPULATION REPS ROOT_A ROOT_B | %s once ROOT\n",
			argv[0], argv[0]);
		exit(2);
	}
	a.population = argv[1];
	a.reps = atoi(argv[2]);
	if (a.reps < 1 || a.reps > BENCH_MAX_REPS) {
		fprintf(stderr, "%s: REPS must be 1..%d\n", argv[0], BENCH_MAX_REPS);
		exit(2);
	}
	a.roots[0] = argv[3];
	a.roots[1] = argv[4];
	return a;
}

/* Run WORKLOAD on both roots, alternating, and print its samples and results. */
static inline void bench_run(const struct bench_args *a, const char *workload, bench_fn fn,
			     void *arg)
{
	long long t[2][BENCH_MAX_REPS], sorted[BENCH_MAX_REPS];
	const char *only = getenv("BENCH_ONLY");	/* one workload, for profiling */
	int r, i;

	if (only && strcmp(only, workload) != 0)
		return;

	for (i = 0; i < (a->reps ? 2 : 1); i++)
		bench_check(workload, a->roots[i], fn(a->roots[i], arg));
	if (!a->reps)
		return;
	for (r = 0; r < a->reps; r++)
		for (i = 0; i < 2; i++)
			t[i][r] = bench_check(workload, a->roots[i], fn(a->roots[i], arg));
	for (i = 0; i < 2; i++) {
		for (r = 0; r < a->reps; r++)
			printf("bench-sample %s %s %s %d %lld\n", workload, a->population,
			       bench_fs(a->roots[i]), r + 1, t[i][r]);
		memcpy(sorted, t[i], sizeof(long long) * a->reps);
		qsort(sorted, a->reps, sizeof(long long), bench_cmp);
		printf("bench-result %s %s %s %lld %lld %lld\n", workload, a->population,
		       bench_fs(a->roots[i]), sorted[a->reps / 2], sorted[0],
		       sorted[a->reps - 1]);
	}
	fflush(stdout);
}

#endif /* PROCFS2_BENCH_H */
