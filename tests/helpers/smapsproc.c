// SPDX-License-Identifier: GPL-2.0
/*
 * smapsproc - a process whose mappings exercise every smaps counter, for the smaps,
 * smaps_rollup, pagemap and clear_refs tests. It maps and touches:
 *   - a 4 MiB anonymous area with MADV_HUGEPAGE, so that a 2 MiB-aligned part is
 *     a transparent huge page (AnonHugePages),
 *   - a 2 MiB-aligned anonymous area only read, which maps the huge zero page,
 *   - 16 pages it then shares copy-on-write with a forked child (Pss < Rss),
 *   - 16 pages locked with mlock (Locked),
 *   - 16 pages written then given back with MADV_FREE (LazyFree),
 *   - 16 pages of shared anonymous memory (shmem),
 *   - its own executable, mapped privately and read (a file mapping),
 *   - memory policies for numa_maps: the process's own (interleave over nodes 0-1,
 *     static), 16 anonymous pages bound to node 0 with NUMA balancing, 16 bound to
 *     node 0 and 16 pages of shared anonymous memory preferring node 1 (a shmem
 *     shared policy), each set before the pages are touched.
 * Prints "PARENT CHILD" once all is mapped; both then sleep until killed.
 *
 * smapsproc -s DIR - reads /proc/self/F and /proc2/self/F for F in smaps,
 * smaps_rollup into DIR/proc.F and DIR/proc2.F, with buffers allocated before
 * the first read, so that both reads see the same address space; and 64 pagemap
 * entries of its text, of a buffer and of its stack from each into
 * DIR/proc.pagemap and DIR/proc2.pagemap.
 *
 * smapsproc -p FILE ADDR N - prints N pagemap entries of FILE from address ADDR
 * (hex), read in one pread, one entry a line in hex.
 *
 * smapsproc -e FILE - the answers of pagemap FILE to edge reads: at offset 3, of
 * 7 bytes, of 0 bytes, SEEK_END, SEEK_CUR, at 2^63 - 8, at the end of user space.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/mempolicy.h>

#define MIB (1UL << 20)
#define PG 4096UL
#define BUFSZ (4 * MIB)

static char scratch[PG] __attribute__((aligned(4096)));

static char *aligned_anon(size_t size, size_t align)
{
	char *p = mmap(NULL, size + align, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	return (char *)(((unsigned long)p + align - 1) & ~(align - 1));
}

static size_t slurp(const char *path, char *buf)
{
	size_t n = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	while ((r = read(fd, buf + n, BUFSZ - n)) > 0)
		n += r;
	close(fd);
	return n;
}

static void spill(const char *dir, const char *name, const char *buf, size_t n)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fwrite(buf, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static const char *res(ssize_t r)
{
	static char s[64];

	if (r < 0)
		return strerrorname_np(errno);
	snprintf(s, sizeof(s), "%zd", r);
	return s;
}

static int edge_mode(const char *path)
{
	char buf[64];
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("open: %s\n", strerrorname_np(errno));
		return 0;
	}
	printf("pread@3 %s\n", res(pread(fd, buf, 8, 3)));
	printf("read7 %s\n", res(read(fd, buf, 7)));
	printf("read0 %s\n", res(read(fd, buf, 0)));
	printf("read16 %s\n", res(read(fd, buf, 16)));
	printf("seek_cur %s\n", res(lseek(fd, 8, SEEK_CUR)));
	printf("seek_end %s\n", res(lseek(fd, 0, SEEK_END)));
	printf("pread@2^63-8 %s\n", res(pread(fd, buf, 16, INT64_MAX - 7)));
	printf("pread@end %s\n", res(pread(fd, buf, 16, (0x7ffffffff000UL >> 12) * 8)));
	printf("pread@end-8 %s\n", res(pread(fd, buf, 16, (0x7ffffffff000UL >> 12) * 8 - 8)));
	return 0;
}

static ssize_t entries(const char *path, unsigned long addr, size_t n, uint64_t *out)
{
	int fd = open(path, O_RDONLY);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = pread(fd, out, n * 8, (addr >> 12) * 8);
	close(fd);
	return r;
}

static int entries_mode(const char *path, const char *addr, const char *n)
{
	size_t cnt = strtoul(n, NULL, 0), i;
	uint64_t *e = calloc(cnt, 8);
	ssize_t r;

	if (!e)
		return 1;
	r = entries(path, strtoul(addr, NULL, 16), cnt, e);
	if (r < 0) {
		printf("%s\n", strerrorname_np(errno));
		return 0;
	}
	for (i = 0; i < (size_t)r / 8; i++)
		printf("%016llx\n", (unsigned long long)e[i]);
	return 0;
}

static int self_mode(const char *dir)
{
	static const char *const files[] = { "smaps", "smaps_rollup" };
	char *a = malloc(BUFSZ), *b = malloc(BUFSZ);
	char path[64], name[64];
	size_t na, nb, i;

	if (!a || !b)
		return 1;
	/* Touched (not zeroed: a zeroing memset may turn malloc into calloc). */
	memset(a, 1, BUFSZ);
	memset(b, 1, BUFSZ);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/proc/self/%s", files[i]);
		na = slurp(path, a);
		snprintf(path, sizeof(path), "/proc2/self/%s", files[i]);
		nb = slurp(path, b);
		snprintf(name, sizeof(name), "proc.%s", files[i]);
		spill(dir, name, a, na);
		snprintf(name, sizeof(name), "proc2.%s", files[i]);
		spill(dir, name, b, nb);
	}
	{
		unsigned long at[3] = { (unsigned long)self_mode & ~(PG - 1),
					(unsigned long)a & ~(PG - 1),
					(unsigned long)&at & ~(PG - 1) };
		uint64_t *ea = (uint64_t *)a, *eb = (uint64_t *)b;
		ssize_t r;

		for (i = 0; i < 3; i++) {
			r = entries("/proc/self/pagemap", at[i], 64, ea + 64 * i);
			if (r != 64 * 8)
				return 1;
			r = entries("/proc2/self/pagemap", at[i], 64, eb + 64 * i);
			if (r != 64 * 8)
				return 1;
		}
		spill(dir, "proc.pagemap", a, 3 * 64 * 8);
		spill(dir, "proc2.pagemap", b, 3 * 64 * 8);
	}
	return 0;
}

int main(int argc, char **argv)
{
	char *thp, *zero, *cow, *locked, *lazy, *shm, *file, *bound, *balanced, *shpol;
	unsigned long node0 = 1, node1 = 2, both = 3;
	volatile char sink = 0;
	unsigned long i;
	pid_t child;
	int fd;

	if (argc == 3 && !strcmp(argv[1], "-s"))
		return self_mode(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "-e"))
		return edge_mode(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "-p"))
		return entries_mode(argv[2], argv[3], argv[4]);

	thp = aligned_anon(4 * MIB, 2 * MIB);
	madvise(thp, 4 * MIB, MADV_HUGEPAGE);
	memset(thp, 1, 4 * MIB);

	zero = aligned_anon(2 * MIB, 2 * MIB);
	madvise(zero, 2 * MIB, MADV_HUGEPAGE);
	for (i = 0; i < 2 * MIB; i += PG)
		sink += zero[i];

	cow = aligned_anon(16 * PG, PG);
	memset(cow, 2, 16 * PG);

	locked = aligned_anon(16 * PG, PG);
	memset(locked, 3, 16 * PG);
	if (mlock(locked, 16 * PG))
		perror("mlock");

	lazy = aligned_anon(16 * PG, PG);
	memset(lazy, 4, 16 * PG);
	if (madvise(lazy, 16 * PG, MADV_FREE))
		perror("madvise(MADV_FREE)");
	/* mlock() drains this CPU's LRU batches: the lazy-free folios lose
	 * PG_swapbacked now, not whenever the batch next drains. */
	if (!mlock(scratch, PG))
		munlock(scratch, PG);

	shm = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shm == MAP_FAILED) {
		perror("mmap shared");
		return 1;
	}
	memset(shm, 5, 16 * PG);

	/* numa_maps: a policy of each kind it prints (node 1 exists: two nodes). */
	if (syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_STATIC_NODES, &both, 64))
		perror("set_mempolicy");
	bound = aligned_anon(16 * PG, PG);
	if (syscall(SYS_mbind, bound, 16 * PG, MPOL_BIND, &node0, 64, 0))
		perror("mbind bind");
	memset(bound, 6, 16 * PG);
	balanced = aligned_anon(16 * PG, PG);
	if (syscall(SYS_mbind, balanced, 16 * PG, MPOL_BIND | MPOL_F_NUMA_BALANCING, &node0, 64, 0))
		perror("mbind balancing");
	memset(balanced, 7, 16 * PG);
	shpol = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shpol == MAP_FAILED) {
		perror("mmap shared");
		return 1;
	}
	if (syscall(SYS_mbind, shpol, 16 * PG, MPOL_PREFERRED, &node1, 64, 0))
		perror("mbind shared");
	memset(shpol, 8, 16 * PG);

	fd = open("/proc/self/exe", O_RDONLY);
	file = fd < 0 ? MAP_FAILED : mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	if (file == MAP_FAILED) {
		perror("mmap file");
		return 1;
	}
	for (i = 0; i < 4 * PG; i += PG)
		sink += file[i];

	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		for (;;)
			pause();
	}
	printf("%d %d\n", getpid(), child);
	fflush(stdout);
	for (;;)
		pause();
}
