// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz SEED COUNT PID... - a seeded random stream of file system calls over paths that
 * exist under both /proc and /proc2, each call made on both trees; any difference in
 * the outcome (success, or which errno) is printed with the seed, the call number and
 * the call, so that `fuzz SEED N` replays it. Ends with "fuzz: SEED N calls, D
 * differences" and exits 1 if D > 0.
 *
 * The paths: the root entries both trees have, and for each PID given, its directory
 * and everything below it (task/, fd/, fdinfo/), plus hostile names. Links are never
 * followed (fs/proc's are magic links, procfs2's plain ones: doc/differences.md).
 * Writes go to read-only files, where both must refuse, and to the writable files
 * (comm, oom_adj, oom_score_adj, timerslack_ns, coredump_filter) of the scratch
 * processes listed in FUZZ_WRITABLE only: through /proc first, then through /proc2,
 * with a value from a
 * list of good and bad ones or random bytes, so that each pair of writes meets the
 * same checks (nothing else of the system is changed). Attribute changes (chmod,
 * chown, utimes, truncate) go to the entries of those scratch processes only, and
 * never change an owner: chown names the entry's own owner, or, for a caller other
 * than root, another one (refused on both trees), so that no later call depends
 * on how long each tree keeps an inode.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_PATHS 20000
#define MAX_WPATHS 256
#define MAX_SPATHS 4096

static char *paths[MAX_PATHS];
static int npaths;
static char *wpaths[MAX_WPATHS];
static int nwpaths;
static char *spaths[MAX_SPATHS];
static int nspaths;
static uint64_t state;

static uint64_t rnd(void)
{
	/* xorshift64* */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

static void add(const char *rel)
{
	char a[4096], b[4096];
	struct stat sa, sb;

	if (npaths == MAX_PATHS)
		return;
	snprintf(a, sizeof(a), "/proc/%s", rel);
	snprintf(b, sizeof(b), "/proc2/%s", rel);
	/* Hostile names are kept whether or not they exist; others must exist in both. */
	if (lstat(a, &sa) == 0 && lstat(b, &sb) != 0)
		return;
	if (lstat(a, &sa) != 0 && lstat(b, &sb) == 0)
		return;
	paths[npaths++] = strdup(rel);
}

static void walk(const char *rel, int depth)
{
	char dir[4096];
	struct dirent *e;
	DIR *d;

	add(rel);
	snprintf(dir, sizeof(dir), "/proc2/%s", rel);
	if (depth > 3 || !(d = opendir(dir)))
		return;
	while ((e = readdir(d))) {
		char child[4096];

		if (e->d_name[0] == '.')
			continue;
		/* Processes are walked only when named on the command line. */
		if (!rel[0] && e->d_name[0] >= '0' && e->d_name[0] <= '9')
			continue;
		snprintf(child, sizeof(child), "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		if (e->d_type == DT_DIR)
			walk(child, depth + 1);
		else
			add(child);
	}
	closedir(d);
}

/* The outcome of one call: 0 for success, else the errno. */
struct outcome {
	int err;
};

static int may_write(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISREG(st.st_mode) && !(st.st_mode & 0222);
}

static struct outcome call(int op, const char *path, uint64_t arg, uint64_t arg2, int is_link)
{
	char buf[65536];
	struct outcome o = { 0 };
	int nofollow = is_link ? O_NOFOLLOW : 0;
	int fd = -1;
	ssize_t r = 0;

	errno = 0;
	switch (op) {
	case 0: { /* open with random flags */
		static const int flags[] = { O_RDONLY, O_WRONLY, O_RDWR, O_RDONLY | O_DIRECTORY,
			O_PATH, O_RDONLY | O_NONBLOCK, O_WRONLY | O_TRUNC, O_RDONLY | O_CLOEXEC };
		int f = flags[arg % 8];

		if ((f & O_ACCMODE) != O_RDONLY && !may_write(path))
			f = O_RDONLY;
		fd = open(path, f | nofollow);
		r = fd;
		break;
	}
	case 1: /* read in a random size */
	case 2: /* pread at a random offset */
	case 3: /* lseek, then read */
		fd = open(path, O_RDONLY | nofollow);
		if (fd < 0) {
			r = -1;
			break;
		}
		if (op == 1)
			r = read(fd, buf, 1 + arg % sizeof(buf));
		else if (op == 2)
			r = pread(fd, buf, 1 + arg % 4096, arg2 % 8192);
		else if ((r = lseek(fd, (off_t)(arg2 % 8192) - 64, arg % 3)) >= 0)
			r = read(fd, buf, 512);
		break;
	case 4: /* getdents64 with a random buffer size, from a random position */
		fd = open(path, O_RDONLY | O_DIRECTORY | nofollow);
		if (fd < 0) {
			r = -1;
			break;
		}
		/*
		 * Only the first call from position 0 or 1 (the dots) is comparable: later
		 * ones reach entries that one tree lacks, with names of other lengths.
		 */
		if ((r = lseek(fd, arg2 % 2, SEEK_SET)) >= 0)
			r = syscall(SYS_getdents64, fd, buf, 1 + arg % 2048);
		break;
	case 5:
		r = readlink(path, buf, 1 + arg % 256);
		break;
	case 6: {
		struct stat st;

		r = (arg & 1) ? lstat(path, &st) : (is_link ? lstat(path, &st) : stat(path, &st));
		break;
	}
	case 7: /* a write of random bytes to a read-only file */
		if (!may_write(path))
			return o;
		fd = open(path, O_WRONLY | nofollow);
		if (fd < 0) {
			r = -1;
			break;
		}
		for (size_t i = 0; i < 64; i++)
			buf[i] = (char)(arg >> (i % 8));
		r = write(fd, buf, 1 + arg2 % 64);
		break;
	case 8: /* mmap */
		fd = open(path, O_RDONLY | nofollow);
		if (fd < 0) {
			r = -1;
			break;
		}
		{
			void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);

			r = p == MAP_FAILED ? -1 : 0;
			if (p != MAP_FAILED)
				munmap(p, 4096);
		}
		break;
	case 9: /* an ioctl */
		fd = open(path, O_RDONLY | nofollow);
		if (fd < 0) {
			r = -1;
			break;
		}
		{
			int v;

			r = ioctl(fd, (arg & 1) ? FIONREAD : TCGETS, &v);
		}
		break;
	}
	o.err = r < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	return o;
}

/* A write to a writable file of a scratch process: a listed value or random bytes. */
static struct outcome write_value(const char *path, uint64_t arg, uint64_t arg2)
{
	static const char *values[] = { "0", "1", "-1", "15", "-16", "-17", "16", "-1000",
		"1000", "1001", "500\n", " 12 ", "+5", "0x10", "010", "abc", "", "1000000",
		"18446744073709551615", "18446744073709551616", "99999999999999999999",
		"newname", "0123456789abcdefghij", "a\nb" };
	struct outcome o = { 0 };
	char buf[64];
	size_t len;
	int fd;

	if (arg % 4) {
		len = strlen(values[arg2 % (sizeof(values) / sizeof(values[0]))]);
		memcpy(buf, values[arg2 % (sizeof(values) / sizeof(values[0]))], len);
	} else {
		len = arg2 % sizeof(buf);
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(arg2 >> (i % 8 * 8)) | 0x20;
	}
	fd = open(path, O_WRONLY | O_NOFOLLOW);
	if (fd < 0 || write(fd, buf, len) < 0)
		o.err = errno;
	if (fd >= 0)
		close(fd);
	return o;
}

/* chmod, chown, utimes or truncate of an entry of a scratch process. */
static struct outcome setattr(const char *path, uint64_t arg, uint64_t arg2, int is_link)
{
	struct outcome o = { 0 };
	struct stat st;
	int r = 0;

	if (lstat(path, &st) != 0) {
		o.err = errno;
		return o;
	}
	switch (arg % 4) {
	case 0: /* chmod follows links: links are left alone */
		if (is_link)
			return o;
		r = chmod(path, arg2 & 07777);
		break;
	case 1:
		if (getuid() != 0 && (arg2 & 1))
			r = lchown(path, st.st_uid + 1 + (arg2 >> 1) % 1000, (gid_t)-1);
		else
			r = lchown(path, st.st_uid, st.st_gid);
		break;
	case 2: {
		struct timespec ts[2] = { { (time_t)(arg2 % 2000000000), 0 },
					  { (time_t)(arg2 % 1000000000), UTIME_NOW } };

		if (arg2 & 1)
			ts[0].tv_nsec = UTIME_OMIT;
		r = utimensat(AT_FDCWD, path, (arg2 & 2) ? ts : NULL, AT_SYMLINK_NOFOLLOW);
		break;
	}
	case 3: /* truncate follows links: links are left alone */
		if (is_link)
			return o;
		r = truncate(path, (off_t)(arg2 % 16));
		break;
	}
	o.err = r < 0 ? errno : 0;
	return o;
}

/* The paths under the scratch processes in FUZZ_WRITABLE, for setattr. */
static void add_scratch(void)
{
	char *list = getenv("FUZZ_WRITABLE"), *save = NULL, *pid;

	if (!list || !(list = strdup(list)))
		return;
	for (pid = strtok_r(list, " ", &save); pid; pid = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(pid);

		for (int i = 0; i < npaths && nspaths < MAX_SPATHS; i++)
			if (!strncmp(paths[i], pid, len) && (paths[i][len] == '/' || !paths[i][len]))
				spaths[nspaths++] = paths[i];
	}
	free(list);
}

/* The writable files of the scratch processes in FUZZ_WRITABLE, threads included. */
static void add_writable(void)
{
	static const char *names[] = { "comm", "oom_adj", "oom_score_adj", "timerslack_ns",
		"coredump_filter" };
	char *list = getenv("FUZZ_WRITABLE"), *save = NULL, *pid;

	if (!list || !(list = strdup(list)))
		return;
	for (pid = strtok_r(list, " ", &save); pid; pid = strtok_r(NULL, " ", &save)) {
		char dir[64], rel[512];
		struct dirent *e;
		DIR *d;

		snprintf(dir, sizeof(dir), "/proc/%s/task", pid);
		d = opendir(dir);
		for (size_t i = 0; i < 5 && nwpaths < MAX_WPATHS; i++) {
			snprintf(rel, sizeof(rel), "%s/%s", pid, names[i]);
			wpaths[nwpaths++] = strdup(rel);
		}
		while (d && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			for (size_t i = 0; i < 5 && nwpaths < MAX_WPATHS; i++) {
				snprintf(rel, sizeof(rel), "%s/task/%s/%s", pid, e->d_name, names[i]);
				wpaths[nwpaths++] = strdup(rel);
			}
		}
		if (d)
			closedir(d);
	}
	free(list);
}

static const char *op_names[] = { "open", "read", "pread", "lseek+read", "getdents64",
	"readlink", "stat", "write", "mmap", "ioctl", "write-scratch", "setattr-scratch" };

int main(int argc, char **argv)
{
	static const char *hostile[] = { "", "0", "-1", "+1", "01", "4294967296", "4294967295",
		"2147483648", "99999999", "self/../self", "self/.", "self//stat", "./version",
		"version/", "thread-self/..", "1/task/01", "1/fd/-1", "1/fdinfo/99999",
		"nonexistent", "1/nonexistent" };
	long count, diffs = 0;
	uint64_t seed;

	if (argc < 3) {
		fprintf(stderr, "usage: fuzz SEED COUNT PID...\n");
		return 2;
	}
	seed = strtoull(argv[1], NULL, 0);
	count = strtol(argv[2], NULL, 0);
	state = seed ? seed : 1;

	walk("", 0);
	for (int i = 3; i < argc; i++)
		walk(argv[i], 0);
	/* Names of 255 and 256 bytes, bytes 0x01..0xff, a pid of an exited task. */
	{
		char name[300];

		memset(name, 'a', 255);
		name[255] = 0;
		add(name);
		name[255] = 'a';
		name[256] = 0;
		add(name);
		for (int c = 1; c < 256; c += 17) {
			snprintf(name, sizeof(name), "x%cy", c == '/' ? '_' : c);
			add(name);
		}
	}
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++)
		paths[npaths < MAX_PATHS ? npaths++ : npaths - 1] = strdup(hostile[i]);

	add_writable();
	add_scratch();

	/* FUZZ_ONLY_B=1: calls on /proc2 only, nothing compared (the storm's readers). */
	int only_b = getenv("FUZZ_ONLY_B") != NULL;

	for (long n = 0; n < count; n++) {
		const char *rel = paths[rnd() % npaths];
		int op = rnd() % (nwpaths ? (nspaths ? 12 : 11) : 10);
		uint64_t arg = rnd(), arg2 = rnd();

		if (op == 10)
			rel = wpaths[arg % nwpaths];
		if (op == 11)
			rel = spaths[arg % nspaths];
		char a[4096], b[4096];
		struct stat st;
		int is_link;

		snprintf(a, sizeof(a), "/proc/%s", rel);
		snprintf(b, sizeof(b), "/proc2/%s", rel);
		is_link = lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
		if (only_b) {
			if (op < 10)
				call(op, b, arg, arg2, is_link);
			continue;
		}
		struct outcome oa = op == 11 ? setattr(a, arg >> 8, arg2, is_link) :
				    op == 10 ? write_value(a, arg >> 8, arg2) :
					       call(op, a, arg, arg2, is_link);
		struct outcome ob = op == 11 ? setattr(b, arg >> 8, arg2, is_link) :
				    op == 10 ? write_value(b, arg >> 8, arg2) :
					       call(op, b, arg, arg2, is_link);

		if (oa.err != ob.err) {
			diffs++;
			if (diffs <= 20)
				printf("fuzz %llu: call %ld: %s(%s, %llu, %llu): /proc %s, /proc2 %s\n",
				       (unsigned long long)seed, n, op_names[op], rel,
				       (unsigned long long)arg, (unsigned long long)arg2,
				       oa.err ? strerrorname_np(oa.err) : "ok",
				       ob.err ? strerrorname_np(ob.err) : "ok");
		}
	}
	printf("fuzz: seed %llu, %ld calls over %d paths, %ld differences\n",
	       (unsigned long long)seed, count, npaths, diffs);
	return diffs ? 1 : 0;
}
