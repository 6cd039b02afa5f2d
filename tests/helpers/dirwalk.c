// SPDX-License-Identifier: GPL-2.0
/*
 * dirwalk - directory reading checks for the procfs2 tests.
 *
 *   dirwalk list DIR    getdents64 with a 32 KiB buffer: "name type" per entry
 *   dirwalk one DIR     the same, each getdents64 call given the smallest buffer
 *                       that holds the next entry, so every call returns one entry
 *   dirwalk seek DIR    for every telldir() position, seekdir() there and check that
 *                       readdir() returns the entry that followed it: prints
 *                       "ok N" or the first mismatch
 *   dirwalk types DIR   d_type of each entry against lstat(): prints mismatches
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char type_char(unsigned char t)
{
	switch (t) {
	case DT_DIR: return 'd';
	case DT_REG: return 'f';
	case DT_LNK: return 'l';
	case DT_UNKNOWN: return '?';
	default: return 'o';
	}
}

static int walk(const char *dir, int one)
{
	static char buf[32768];
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	size_t size = one ? 24 : sizeof(buf);

	if (fd < 0) {
		perror(dir);
		return 1;
	}
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf, size);

		if (n < 0 && errno == EINVAL && one && size < sizeof(buf)) {
			size += 8;
			continue;
		}
		if (n < 0) {
			perror("getdents64");
			return 1;
		}
		if (n == 0)
			break;
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			printf("%s %c\n", d->d_name, type_char(d->d_type));
			off += d->d_reclen;
		}
		if (one)
			size = 24;
	}
	close(fd);
	return 0;
}

static int seek(const char *dir)
{
	DIR *d = opendir(dir);
	long pos[4096];
	char names[4096][256];
	int n = 0;
	struct dirent *e;

	if (!d) {
		perror(dir);
		return 1;
	}
	pos[0] = telldir(d);
	while (n < 4095 && (e = readdir(d))) {
		snprintf(names[n], sizeof(names[n]), "%s", e->d_name);
		pos[++n] = telldir(d);
	}
	for (int i = 0; i < n; i++) {
		seekdir(d, pos[i]);
		e = readdir(d);
		if (!e || strcmp(e->d_name, names[i])) {
			printf("mismatch at %d (pos %ld): got %s, wanted %s\n", i, pos[i],
			       e ? e->d_name : "(end)", names[i]);
			return 1;
		}
	}
	seekdir(d, pos[n]);
	e = readdir(d);
	if (e) {
		printf("mismatch at end: got %s\n", e->d_name);
		return 1;
	}
	printf("ok %d\n", n);
	return 0;
}

static int types(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	struct stat st;
	int bad = 0;

	if (!d) {
		perror(dir);
		return 1;
	}
	while ((e = readdir(d))) {
		unsigned char want;

		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st))
			continue; /* gone meanwhile */
		want = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK :
		       S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
		if (e->d_type != want) {
			printf("%s: d_type %c, stat says %c\n", e->d_name,
			       type_char(e->d_type), type_char(want));
			bad = 1;
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: dirwalk list|one|seek|types DIR\n");
		return 2;
	}
	if (!strcmp(argv[1], "list"))
		return walk(argv[2], 0);
	if (!strcmp(argv[1], "one"))
		return walk(argv[2], 1);
	if (!strcmp(argv[1], "seek"))
		return seek(argv[2]);
	if (!strcmp(argv[1], "types"))
		return types(argv[2]);
	fprintf(stderr, "dirwalk: unknown mode %s\n", argv[1]);
	return 2;
}
