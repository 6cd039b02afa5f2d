// SPDX-License-Identifier: GPL-2.0
/*
 * writefile PATH [READBACK] - writes what stdin holds to PATH in one write(2) and
 * prints "ok N" (N bytes taken) or the error; with READBACK, then prints that
 * file's content as this process reads it (so /proc/self is the writer).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4096];
	ssize_t n = 0, r;
	int fd;

	if (argc < 2)
		return 2;
	while (n < (ssize_t)sizeof(buf) && (r = read(0, buf + n, sizeof(buf) - n)) > 0)
		n += r;
	fd = open(argv[1], O_WRONLY);
	if (fd < 0) {
		printf("open: %s\n", strerror(errno));
	} else {
		r = write(fd, buf, n);
		if (r < 0)
			printf("write: %s\n", strerror(errno));
		else
			printf("ok %zd\n", r);
		close(fd);
	}
	if (argc > 2) {
		fd = open(argv[2], O_RDONLY);
		if (fd < 0) {
			printf("read: %s\n", strerror(errno));
			return 0;
		}
		r = read(fd, buf, sizeof(buf));
		if (r > 0)
			fwrite(buf, 1, r, stdout);
		close(fd);
	}
	return 0;
}
