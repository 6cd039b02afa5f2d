// SPDX-License-Identifier: GPL-2.0
/*
 * kpagecmp A B   - reads kpagecount file A, then B, then A again, and prints
 *                  "entries N nonzero Z differ D": N entries of B (sizes must
 *                  match, else "sizes SA SB"), Z of them not 0, D that equal
 *                  neither read of A (map counts move between reads)
 * kpagecmp -e F  - the answers of F to bad or edge reads: a read at offset 3, a
 *                  read of 7 bytes, SEEK_END, SEEK_CUR, a read at the end
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t *slurp(const char *path, size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || !buf) {
		perror(path);
		exit(1);
	}
	/* An odd read size that is a multiple of 8, to cross the module's chunks. */
	while ((r = read(fd, buf + n, cap - n < 8 * 777 ? cap - n : 8 * 777)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				exit(1);
		}
	}
	if (r < 0) {
		perror(path);
		exit(1);
	}
	close(fd);
	*len = n;
	return (uint64_t *)buf;
}

static const char *res(ssize_t r)
{
	static char s[64];

	if (r < 0)
		return strerrorname_np(errno);
	snprintf(s, sizeof(s), "%zd", r);
	return s;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "-e")) {
		char buf[4096];
		int fd = open(argv[2], O_RDONLY);
		off_t end;

		if (fd < 0) {
			printf("open: %s\n", strerrorname_np(errno));
			return 0;
		}
		printf("pread@3 %s\n", res(pread(fd, buf, 8, 3)));
		printf("read7 %s\n", res(read(fd, buf, 7)));
		printf("read16 %s\n", res(read(fd, buf, 16)));
		printf("seek_cur %s\n", res(lseek(fd, 8, SEEK_CUR)));
		printf("seek_end %s\n", res(lseek(fd, 0, SEEK_END)));
		lseek(fd, 0, SEEK_SET);
		while (read(fd, buf, sizeof(buf)) > 0)
			;
		end = lseek(fd, 0, SEEK_CUR);
		printf("at_end %s\n", res(pread(fd, buf, 8, end)));
		printf("past_end %s\n", res(pread(fd, buf, 8, end + 4096)));
		return 0;
	}
	if (argc != 3)
		return 2;

	size_t la, lb, lc, i, nonzero = 0, differ = 0;
	uint64_t *a = slurp(argv[1], &la), *b = slurp(argv[2], &lb), *c = slurp(argv[1], &lc);

	if (la != lb || lb != lc) {
		printf("sizes %zu %zu %zu\n", la, lb, lc);
		return 0;
	}
	for (i = 0; i < lb / 8; i++) {
		nonzero += b[i] != 0;
		differ += b[i] != a[i] && b[i] != c[i];
	}
	printf("entries %zu nonzero %zu differ %zu\n", lb / 8, nonzero, differ);
	return 0;
}
