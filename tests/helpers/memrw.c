// SPDX-License-Identifier: GPL-2.0
/*
 * memrw PATH ADDR LEN      - reads LEN bytes of a mem file at ADDR (hex), prints hex
 * memrw PATH ADDR -w TEXT  - writes TEXT there
 * memrw PATH ADDR -s WHENCE - lseek(ADDR, WHENCE) only
 *
 * Prints what the call returned: the bytes in hex, "wrote N", "pos N", or the
 * error's name (open: or rw:), so that the tests can compare /proc and /proc2.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned char buf[4096];
	off_t addr;
	ssize_t n;
	int fd;

	if (argc < 4)
		return 2;
	addr = (off_t)strtoull(argv[2], NULL, 16);
	fd = open(argv[1], strcmp(argv[3], "-w") ? O_RDONLY : O_RDWR);
	if (fd < 0) {
		printf("open: %s\n", strerrorname_np(errno));
		return 0;
	}
	if (!strcmp(argv[3], "-s")) {
		off_t r = lseek(fd, addr, atoi(argv[4]));

		if (r == (off_t)-1 && errno)
			printf("lseek: %s\n", strerrorname_np(errno));
		else
			printf("pos %llx\n", (unsigned long long)r);
		return 0;
	}
	if (!strcmp(argv[3], "-w")) {
		n = pwrite(fd, argv[4], strlen(argv[4]), addr);
		if (n < 0)
			printf("rw: %s\n", strerrorname_np(errno));
		else
			printf("wrote %zd\n", n);
		return 0;
	}
	n = pread(fd, buf, atoi(argv[3]) < (int)sizeof(buf) ? atoi(argv[3]) : (int)sizeof(buf), addr);
	if (n < 0) {
		printf("rw: %s\n", strerrorname_np(errno));
		return 0;
	}
	for (ssize_t i = 0; i < n; i++)
		printf("%02x", buf[i]);
	printf(" (%zd)\n", n);
	return 0;
}
