// SPDX-License-Identifier: GPL-2.0
/*
 * cell ACTION DIR ENTRY...: does ACTION to DIR/ENTRY for each ENTRY and prints
 * one line each, "ENTRY RESULT MODE": the errno's name or "ok", and the octal
 * permission bits left (lstat), or "-" if lstat fails. One cell of t87's matrix
 * per entry.
 *   chmod       chmod 0777 (follows links: links print "link" and are left alone)
 *   chmod-none  chmod 0000 (likewise)
 *   chown       lchown to the entry's own owner and group
 *   touch       utimensat with AT_SYMLINK_NOFOLLOW to 2020-01-01
 *   read        open O_RDONLY, then read 4 KiB (getdents64 for a directory): both
 *               results, e.g. "ok/ok" or "EACCES/-"
 *   readlink    readlink (links only; others print "notlink")
 */
#include <dirent.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *result(int r)
{
	if (r == 0)
		return "ok";
	switch (errno) {
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINVAL: return "EINVAL";
	case ENOTDIR: return "ENOTDIR";
	case EROFS: return "EROFS";
	case EISDIR: return "EISDIR";
	case EIO: return "EIO";
	case ENXIO: return "ENXIO";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default: return strerror(errno);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: cell chmod|chmod-none|chown|touch|read|readlink DIR ENTRY...\n");
		return 2;
	}
	const char *action = argv[1];
	for (int i = 3; i < argc; i++) {
		char p[4096];
		struct stat st;
		const char *res;
		int r;

		snprintf(p, sizeof(p), "%s/%s", argv[2], argv[i]);
		if (lstat(p, &st) != 0) {
			printf("%s %s -\n", argv[i], result(-1));
			continue;
		}
		if (!strcmp(action, "chmod") || !strcmp(action, "chmod-none")) {
			if (S_ISLNK(st.st_mode)) {
				printf("%s link\n", argv[i]);
				continue;
			}
			r = chmod(p, strcmp(action, "chmod") ? 0 : 0777);
		} else if (!strcmp(action, "chown")) {
			r = lchown(p, st.st_uid, st.st_gid);
		} else if (!strcmp(action, "touch")) {
			struct timespec ts[2] = { { 1577836800, 0 }, { 1577836800, 0 } };

			r = utimensat(AT_FDCWD, p, ts, AT_SYMLINK_NOFOLLOW);
		} else if (!strcmp(action, "read")) {
			static char buf[4096];
			char res2[64];
			int fd = open(p, O_RDONLY | O_NOCTTY | O_NONBLOCK);

			if (fd < 0) {
				printf("%s %s/-\n", argv[i], result(-1));
				continue;
			}
			if (S_ISDIR(st.st_mode))
				r = syscall(SYS_getdents64, fd, buf, sizeof(buf)) < 0 ? -1 : 0;
			else
				r = read(fd, buf, sizeof(buf)) < 0 ? -1 : 0;
			snprintf(res2, sizeof(res2), "ok/%s", result(r));
			close(fd);
			printf("%s %s\n", argv[i], res2);
			continue;
		} else if (!strcmp(action, "readlink")) {
			char buf[4096];

			if (!S_ISLNK(st.st_mode)) {
				printf("%s notlink\n", argv[i]);
				continue;
			}
			r = readlink(p, buf, sizeof(buf)) < 0 ? -1 : 0;
			printf("%s %s\n", argv[i], result(r));
			continue;
		} else {
			fprintf(stderr, "cell: unknown action %s\n", action);
			return 2;
		}
		res = result(r);
		if (lstat(p, &st) != 0)
			printf("%s %s -\n", argv[i], res);
		else
			printf("%s %s %o\n", argv[i], res, st.st_mode & 07777);
	}
	return 0;
}
