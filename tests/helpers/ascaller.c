// SPDX-License-Identifier: GPL-2.0
/*
 * ascaller: run a command as one of t87's less common callers.
 *
 *   ascaller userns CMD...
 *       in a new user namespace whose root is the caller's uid and gid (the
 *       caller keeps its ids outside; inside it is root, with every capability
 *       over the namespace and none outside)
 *   ascaller userns-of PID CMD...
 *       in PID's user namespace, as its root (setns: the caller must own it)
 *   ascaller noptrace CMD...
 *       as root without CAP_SYS_PTRACE (dropped from the bounding, inheritable,
 *       permitted and effective sets; CAP_SYS_ADMIN and the others kept)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(126);
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		die(path);
	close(fd);
}

static void map_root(unsigned int uid, unsigned int gid)
{
	char map[64];

	write_file("/proc/self/setgroups", "deny");
	snprintf(map, sizeof(map), "0 %u 1", uid);
	write_file("/proc/self/uid_map", map);
	snprintf(map, sizeof(map), "0 %u 1", gid);
	write_file("/proc/self/gid_map", map);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "userns")) {
		unsigned int uid = getuid(), gid = getgid();

		if (unshare(CLONE_NEWUSER))
			die("unshare");
		map_root(uid, gid);
		execvp(argv[2], argv + 2);
		die(argv[2]);
	}
	if (argc >= 4 && !strcmp(argv[1], "userns-of")) {
		char path[64];
		int fd;

		snprintf(path, sizeof(path), "/proc/%s/ns/user", argv[2]);
		fd = open(path, O_RDONLY);
		if (fd < 0 || setns(fd, CLONE_NEWUSER))
			die(path);
		if (setresgid(0, 0, 0) || setresuid(0, 0, 0))
			die("setresuid");
		execvp(argv[3], argv + 3);
		die(argv[3]);
	}
	if (argc >= 3 && !strcmp(argv[1], "noptrace")) {
		struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct d[2];

		if (prctl(PR_CAPBSET_DROP, CAP_SYS_PTRACE, 0, 0, 0))
			die("PR_CAPBSET_DROP");
		if (syscall(SYS_capget, &h, d))
			die("capget");
		for (int i = 0; i < 2; i++) {
			unsigned int bit = i == CAP_TO_INDEX(CAP_SYS_PTRACE) ? CAP_TO_MASK(CAP_SYS_PTRACE) : 0;

			d[i].effective &= ~bit;
			d[i].permitted &= ~bit;
			d[i].inheritable &= ~bit;
		}
		if (syscall(SYS_capset, &h, d))
			die("capset");
		execvp(argv[2], argv + 2);
		die(argv[2]);
	}
	fprintf(stderr, "usage: ascaller userns|userns-of PID|noptrace CMD...\n");
	return 2;
}
