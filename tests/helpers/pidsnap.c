// SPDX-License-Identifier: GPL-2.0
/*
 * pidsnap - everything a process directory shows, as text, so that the tests can take
 * a snapshot of /proc/PID and one of the procfs2 directory and compare them.
 *
 *   pidsnap [-x NAME]... DIR
 *
 * Walks DIR depth first in readdir order, without following symlinks and skipping
 * the entries called NAME (at any depth: pagemap would be read for hours), and
 * prints one record per line, fields separated by a tab, PATH relative to DIR ("."
 * for DIR itself):
 *
 *   PATH stat MODE UID GID NLINK SIZE   lstat, MODE in octal; "!ERROR" if it failed
 *   PATH dir NAME:T NAME:T ...          the entries in readdir order, T as d_type:
 *                                       d, f (regular), l, ? (unknown) or o (other)
 *   PATH link TARGET                    readlink, or "!ERROR"
 *   PATH N TEXT                         line N (from 1) of a regular file
 *   PATH end eol|noeol|!ERROR           after a regular file's lines: whether the
 *                                       last line had its newline, or the error that
 *                                       ended the reading (open or read)
 *
 * In TEXT, TARGET and names, a backslash is written \\ and any byte other than
 * printable ASCII and tab as \ooo, so that NUL-separated files (cmdline, environ)
 * fit on a line. A file is read up to 1 MiB.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SKIP 32
#define MAX_READ (1 << 20)

static const char *skip[MAX_SKIP];
static int nskip;

static void put_escaped(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\')
			fputs("\\\\", stdout);
		else if (c == '\t' || (c >= 0x20 && c < 0x7f))
			putchar(c);
		else
			printf("\\%03o", c);
	}
}

static void put_str(const char *s)
{
	put_escaped(s, strlen(s));
}

static void head(const char *path, const char *tag)
{
	put_str(path);
	printf("\t%s\t", tag);
}

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

static int skipped(const char *name)
{
	for (int i = 0; i < nskip; i++)
		if (!strcmp(name, skip[i]))
			return 1;
	return 0;
}

static void file(const char *full, const char *path)
{
	static char buf[65536];
	size_t total = 0;
	long line = 1;
	int mid = 0, err = 0;
	int fd = open(full, O_RDONLY);

	if (fd < 0) {
		head(path, "end");
		printf("!%s\n", strerror(errno));
		return;
	}
	while (total < MAX_READ) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0) {
			err = errno;
			break;
		}
		if (n == 0)
			break;
		total += n;
		for (ssize_t i = 0; i < n;) {
			char *nl = memchr(buf + i, '\n', n - i);
			size_t len = nl ? (size_t)(nl - (buf + i)) : (size_t)(n - i);

			if (!mid) {
				char tag[24];

				snprintf(tag, sizeof(tag), "%ld", line);
				head(path, tag);
			}
			put_escaped(buf + i, len);
			i += len;
			if (nl) {
				putchar('\n');
				line++;
				mid = 0;
				i++;
			} else {
				mid = 1;
			}
		}
	}
	close(fd);
	if (mid)
		putchar('\n');
	head(path, "end");
	if (err)
		printf("!%s\n", strerror(err));
	else
		puts(mid ? "noeol" : "eol");
}

static void entry(const char *full, const char *path);

static void dir(const char *full, const char *path)
{
	DIR *d = opendir(full);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	head(path, "dir");
	if (!d) {
		printf("!%s\n", strerror(errno));
		return;
	}
	for (;;) {
		errno = 0;
		e = readdir(d);
		if (!e)
			break;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n)
			putchar(' ');
		put_str(e->d_name);
		printf(":%c", type_char(e->d_type));
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof(*names));
			if (!names) {
				perror("realloc");
				exit(1);
			}
		}
		names[n++] = strdup(e->d_name);
	}
	if (errno)
		printf("%s!%s", n ? " " : "", strerror(errno));
	putchar('\n');
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		char *f, *p;

		if (!skipped(names[i])) {
			if (asprintf(&f, "%s/%s", full, names[i]) < 0 ||
			    asprintf(&p, "%s%s%s", strcmp(path, ".") ? path : "",
				     strcmp(path, ".") ? "/" : "", names[i]) < 0) {
				perror("asprintf");
				exit(1);
			}
			entry(f, p);
			free(f);
			free(p);
		}
		free(names[i]);
	}
	free(names);
}

static void entry(const char *full, const char *path)
{
	struct stat st;
	char target[4096];
	ssize_t n;

	head(path, "stat");
	if (lstat(full, &st)) {
		printf("!%s\n", strerror(errno));
		return;
	}
	printf("%o %u %u %lu %lld\n", st.st_mode, st.st_uid, st.st_gid,
	       (unsigned long)st.st_nlink, (long long)st.st_size);
	if (S_ISDIR(st.st_mode)) {
		dir(full, path);
	} else if (S_ISLNK(st.st_mode)) {
		head(path, "link");
		n = readlink(full, target, sizeof(target));
		if (n < 0) {
			printf("!%s\n", strerror(errno));
		} else {
			put_escaped(target, n);
			putchar('\n');
		}
	} else if (S_ISREG(st.st_mode)) {
		file(full, path);
	}
}

int main(int argc, char **argv)
{
	int i = 1;

	for (; i + 1 < argc && !strcmp(argv[i], "-x") && nskip < MAX_SKIP; i += 2)
		skip[nskip++] = argv[i + 1];
	if (i + 1 != argc) {
		fprintf(stderr, "usage: pidsnap [-x NAME]... DIR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	entry(argv[i], ".");
	return 0;
}
