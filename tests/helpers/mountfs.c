// SPDX-License-Identifier: GPL-2.0
/*
 * mountfs TYPE DIR [OPTIONS]: mount(2) of a TYPE file system (source "none") on
 * DIR, printing "ok" or the errno's name, for tests that must tell EPERM from
 * EACCES (busybox's mount says "permission denied (are you root?)" for both).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: mountfs TYPE DIR [OPTIONS]\n");
		return 2;
	}
	if (mount("none", argv[2], argv[1], 0, argc > 3 ? argv[3] : NULL) == 0) {
		puts("ok");
		return 0;
	}
	puts(strerrorname_np(errno));
	return 1;
}
