// SPDX-License-Identifier: GPL-2.0
/*
 * seqcheck FILE - reads FILE whole, then checks that reads in odd-sized chunks,
 * pread at many offsets, and lseek back to 0 all give the same bytes. Prints "ok
 * SIZE" or the first difference.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char full[1 << 21], part[1 << 21];

int main(int argc, char **argv)
{
	ssize_t size = 0, n;
	int fd;

	if (argc != 2)
		return 2;
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	while ((n = read(fd, full + size, 4096)) > 0)
		size += n;
	if (n < 0) {
		perror("read");
		return 1;
	}
	/* lseek back to 0 and read again in 7-byte chunks */
	if (lseek(fd, 0, SEEK_SET) != 0) {
		perror("lseek");
		return 1;
	}
	ssize_t got = 0;
	while ((n = read(fd, part + got, 7)) > 0)
		got += n;
	if (got != size || memcmp(full, part, size)) {
		printf("chunked read differs: %zd vs %zd bytes\n", got, size);
		return 1;
	}
	/* pread at offsets spread over the file, and past its end */
	for (off_t off = 0; off <= size + 10; off += 997) {
		char b[64];
		ssize_t want = size - off < 64 ? (size - off > 0 ? size - off : 0) : 64;

		n = pread(fd, b, 64, off);
		if (n != want || memcmp(b, full + off, want)) {
			printf("pread at %lld: got %zd bytes, wanted %zd\n", (long long)off, n, want);
			return 1;
		}
	}
	printf("ok %zd\n", size);
	return 0;
}
