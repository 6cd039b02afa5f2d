// SPDX-License-Identifier: GPL-2.0
/*
 * proc-diff - compare two proc trees, by default /proc and /proc2, path by path.
 *
 *   proc-diff [-r RULES] [-p PID[,PID...]] [-v] [A [B]]
 *
 * Walks the root entries and the directories of the chosen processes (default: every
 * pid present in both trees, but not proc-diff itself) without following links, and
 * prints one line per difference:
 *
 *   only-in-A PATH        A has it, B does not (and no rule says it is expected)
 *   only-in-B PATH
 *   type PATH             file types differ
 *   mode PATH 0555 0500   permission bits differ
 *   owner PATH 0:0 1:1    owners differ
 *   errno PATH E1 E2      opening or reading fails differently
 *   link PATH T1 | T2     link targets differ
 *   content PATH:N A | B  first differing line N, after the rules' masks
 *
 * and ends with a summary line. Exit status 0 when nothing unexpected differs, 1
 * otherwise, 2 on bad usage.
 *
 * RULES (default /etc/procfs2/proc-diff.rules) has a rule per line, `#` comments:
 *
 *   GLOB ACTION [ARGS]
 *
 * GLOB matches a path relative to the tree (fnmatch, FNM_PATHNAME) in which a
 * process's number reads PID, a thread's TID and an fd's FD: `PID/stat`,
 * `PID/task/TID/status`, `PID/fd/FD`. Every rule that matches applies. ACTION:
 *
 *   fields LIST     mask these whitespace-separated fields (1-based; `2-` = 2 to the
 *                   end) on every line, or only on lines starting with `PREFIX` when
 *                   LIST is `PREFIX:LIST`
 *   lines LABELS    mask the values of the lines `LABEL:...` (comma-separated)
 *   drop LABELS     drop the lines starting with LABEL (comma-separated, leading
 *                   blanks aside) from A, and from B where B has them
 *   taskname        A's task name may be longer than B's: B shows comm only
 *   either LINE     a line that reads LINE in A or in B stands for any line (a
 *                   state caught in one read only, such as syscall's `running`)
 *   nocontent       compare presence, type, mode and owner, not content
 *   missing [WHY]   expected only in A (and what is below it)
 *   skip            do not compare at all
 *   missing-list F  every NAME of file F (NAME REASON lines) is expected only in A,
 *                   at the root and in process and thread directories
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_RULES 512
#define MAX_FILE (4 << 20)

struct rule {
	char glob[256];
	char action[16];
	char args[512];
};

static struct rule rules[MAX_RULES];
static int nrules;
static const char *tree_a = "/proc", *tree_b = "/proc2";
static int verbose;
static long n_paths, n_equal, n_diff, n_missing, n_expected, n_only_b;
static char pids_wanted[4096];

static void die(const char *msg)
{
	perror(msg);
	exit(2);
}

static void add_rule(const char *glob, const char *action, const char *args)
{
	if (nrules == MAX_RULES) {
		fprintf(stderr, "proc-diff: too many rules\n");
		exit(2);
	}
	snprintf(rules[nrules].glob, sizeof(rules[nrules].glob), "%s", glob);
	snprintf(rules[nrules].action, sizeof(rules[nrules].action), "%s", action);
	snprintf(rules[nrules].args, sizeof(rules[nrules].args), "%s", args);
	nrules++;
}

static void load_missing_list(const char *file)
{
	char line[1024], name[256];
	FILE *f = fopen(file, "r");

	if (!f)
		die(file);
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || sscanf(line, "%255s", name) != 1)
			continue;
		char glob[300];

		add_rule(name, "missing", file);
		snprintf(glob, sizeof(glob), "PID/%s", name);
		add_rule(glob, "missing", file);
		snprintf(glob, sizeof(glob), "PID/task/TID/%s", name);
		add_rule(glob, "missing", file);
	}
	fclose(f);
}

static void load_rules(const char *file)
{
	char line[1024], glob[256], action[16], args[512];
	FILE *f = fopen(file, "r");

	if (!f)
		die(file);
	while (fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#');

		if (hash)
			*hash = 0;
		char rest[768] = "";

		args[0] = 0;
		if (sscanf(line, "%255s %767[^\n]", glob, rest) < 2)
			continue;
		if (!strcmp(glob, "missing-list")) {
			char file[512];

			if (sscanf(rest, "%511s", file) == 1)
				load_missing_list(file);
			continue;
		}
		if (sscanf(rest, "%15s %511[^\n]", action, args) < 1)
			continue;
		add_rule(glob, action, args);
	}
	fclose(f);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* PATH with numbers named: a process PID, a thread TID, an fd FD. */
static void normalize(const char *path, char *out, size_t size)
{
	char copy[4096], *save, *c, *prev = NULL;
	size_t len = 0;
	int depth = 0;

	snprintf(copy, sizeof(copy), "%s", path);
	out[0] = 0;
	for (c = strtok_r(copy, "/", &save); c; prev = c, c = strtok_r(NULL, "/", &save), depth++) {
		const char *name = c;

		if (all_digits(c)) {
			if (depth == 0)
				name = "PID";
			else if (prev && !strcmp(prev, "task"))
				name = "TID";
			else if (prev && (!strcmp(prev, "fd") || !strcmp(prev, "fdinfo")))
				name = "FD";
		}
		len += snprintf(out + len, size - len, "%s%s", len ? "/" : "", name);
		if (len >= size)
			break;
	}
}

/* Whether a rule with ACTION matches PATH or (for missing/skip) one of its parents. */
static struct rule *find_rule(const char *norm, const char *action, int parents)
{
	char p[4096];

	snprintf(p, sizeof(p), "%s", norm);
	for (;;) {
		for (int i = 0; i < nrules; i++)
			if (!strcmp(rules[i].action, action) && !fnmatch(rules[i].glob, p, FNM_PATHNAME))
				return &rules[i];
		char *slash = strrchr(p, '/');

		if (!parents || !slash)
			return NULL;
		*slash = 0;
	}
}

struct buf {
	char *data;
	size_t len;
	int err;
};

static void read_file(const char *path, struct buf *b)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	ssize_t n;

	b->data = malloc(MAX_FILE + 1);
	b->len = 0;
	b->err = 0;
	if (!b->data)
		die("malloc");
	if (fd < 0) {
		b->err = errno;
		return;
	}
	while (b->len < MAX_FILE && (n = read(fd, b->data + b->len, MAX_FILE - b->len)) > 0)
		b->len += n;
	if (n < 0)
		b->err = errno;
	close(fd);
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] == 0)
			b->data[i] = '\n';	/* cmdline, environ: NULs as line ends */
	b->data[b->len] = 0;
}

/* Does field number N (1-based) fall in LIST ("2,5-7,9-")? */
static int in_list(const char *list, int n)
{
	const char *p = list;

	while (*p) {
		char *end;
		long a = strtol(p, &end, 10), b = a;

		if (end == p)
			return 0;
		p = end;
		if (*p == '-') {
			p++;
			b = isdigit((unsigned char)*p) ? strtol(p, &end, 10) : 1 << 30;
			if (isdigit((unsigned char)*p))
				p = end;
		}
		if (n >= a && n <= b)
			return 1;
		if (*p == ',')
			p++;
	}
	return 0;
}

static int label_in(const char *line, const char *labels)
{
	char copy[512], *save, *l;

	line += strspn(line, " ");	/* interrupts right-aligns its labels */
	snprintf(copy, sizeof(copy), "%s", labels);
	for (l = strtok_r(copy, ",", &save); l; l = strtok_r(NULL, ",", &save)) {
		size_t n = strlen(l);

		if (!strncmp(line, l, n) && (line[n] == ':' || line[n] == ' ' || line[n] == '\t' || !line[n]))
			return 1;
	}
	return 0;
}

/* The task name on a comm, "Name:" or stat line: start and length. */
static int task_name(const char *line, const char **s, size_t *n)
{
	const char *open, *close;

	if (!strncmp(line, "Name:\t", 6)) {
		*s = line + 6;
		*n = strlen(*s);
		return 1;
	}
	open = strchr(line, '(');
	close = strrchr(line, ')');
	if (open && close && close > open) {
		*s = open + 1;
		*n = close - open - 1;
		return 1;
	}
	*s = line;
	*n = strlen(line);
	return 1;
}

/* One line of A or B after the rules for NORM: masked fields and values. */
static void mask_line(const char *norm, char *line, size_t size)
{
	char out[8192];
	size_t len = 0;

	for (int i = 0; i < nrules; i++) {
		struct rule *r = &rules[i];

		if (fnmatch(r->glob, norm, FNM_PATHNAME))
			continue;
		if (!strcmp(r->action, "lines") && label_in(line, r->args)) {
			char *colon = strchr(line, ':');

			if (colon && (size_t)(colon - line) + 3 < size)
				strcpy(colon + 1, " *");
		} else if (!strcmp(r->action, "fields")) {
			const char *list = r->args, *colon = strchr(r->args, ':');

			if (colon) {
				if (strncmp(line, r->args, colon - r->args))
					continue;
				list = colon + 1;
			}
			char copy[8192], *save, *f;
			int n = 0;

			snprintf(copy, sizeof(copy), "%s", line);
			len = 0;
			for (f = strtok_r(copy, " \t", &save); f; f = strtok_r(NULL, " \t", &save)) {
				n++;
				len += snprintf(out + len, sizeof(out) - len, "%s%s", n > 1 ? " " : "",
						in_list(list, n) ? "*" : f);
				if (len >= sizeof(out))
					break;
			}
			snprintf(line, size, "%s", out);
		}
	}
}

static int dropped(const char *norm, const char *line)
{
	for (int i = 0; i < nrules; i++)
		if (!strcmp(rules[i].action, "drop") && !fnmatch(rules[i].glob, norm, FNM_PATHNAME) &&
		    label_in(line, rules[i].args))
			return 1;
	return 0;
}

static char *next_line(char **p)
{
	char *s = *p, *nl;

	if (!*s)
		return NULL;
	nl = strchr(s, '\n');
	if (nl) {
		*nl = 0;
		*p = nl + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

/* Whether LINE, read at NORM, is a state that stands for any line (rule `either`). */
static int either(const char *norm, const char *line)
{
	for (int i = 0; i < nrules; i++)
		if (!strcmp(rules[i].action, "either") && !fnmatch(rules[i].glob, norm, FNM_PATHNAME) &&
		    !strcmp(rules[i].args, line))
			return 1;
	return 0;
}

static int compare_content(const char *rel, const char *norm, struct buf *a, struct buf *b)
{
	char *pa = a->data, *pb = b->data, *la, *lb;
	int lineno = 0, taskname = find_rule(norm, "taskname", 0) != NULL;

	for (;;) {
		do
			la = next_line(&pa);
		while (la && dropped(norm, la));
		do
			lb = next_line(&pb);
		while (lb && dropped(norm, lb));
		lineno++;
		if (!la && !lb)
			return 0;
		if (!la || !lb) {
			printf("content %s:%d %s | %s\n", rel, lineno, la ? la : "(end)", lb ? lb : "(end)");
			return 1;
		}
		char ma[8192], mb[8192];

		snprintf(ma, sizeof(ma), "%s", la);
		snprintf(mb, sizeof(mb), "%s", lb);
		if (taskname) {
			const char *sa, *sb;
			size_t na, nb;

			task_name(ma, &sa, &na);
			task_name(mb, &sb, &nb);
			if (na > nb && !strncmp(sa, sb, nb) &&
			    (nb == 15 || sa[nb] == '-' || sa[nb] == '+')) {
				char fixed[8192];

				snprintf(fixed, sizeof(fixed), "%.*s%.*s%s", (int)(sa - ma), ma,
					 (int)nb, sb, sa + na);
				snprintf(ma, sizeof(ma), "%s", fixed);
			}
		}
		mask_line(norm, ma, sizeof(ma));
		mask_line(norm, mb, sizeof(mb));
		if (strcmp(ma, mb) && !either(norm, ma) && !either(norm, mb)) {
			printf("content %s:%d %s | %s\n", rel, lineno, ma, mb);
			return 1;
		}
	}
}

static void compare_path(const char *rel);

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of directory PATH (without . and ..); *n of them. */
static char **list_dir(const char *path, int *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	int cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
			if (!names)
				die("realloc");
		}
		names[(*n)++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), name_cmp);
	return names;
}

static int pid_chosen(const char *name)
{
	char key[32];

	if (!pids_wanted[0])
		return atoi(name) != getpid();
	snprintf(key, sizeof(key), ",%s,", name);
	return strstr(pids_wanted, key) != NULL;
}

static void compare_dirs(const char *rel)
{
	char pa[4096], pb[4096];
	int na, nb, i = 0, j = 0;
	char **a, **b;

	snprintf(pa, sizeof(pa), "%s/%s", tree_a, rel);
	snprintf(pb, sizeof(pb), "%s/%s", tree_b, rel);
	a = list_dir(pa, &na);
	b = list_dir(pb, &nb);
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
		const char *name = c <= 0 ? a[i] : b[j];
		char child[4096];

		if (rel[0] == 0 && all_digits(name) && !pid_chosen(name)) {
			/* not a process we compare */
		} else if (rel[0] == 0 && all_digits(name) && c) {
			/* a process in one tree only: it came or went meanwhile */
		} else {
			snprintf(child, sizeof(child), "%s%s%s", rel, rel[0] ? "/" : "", name);
			compare_path(child);
		}
		if (c <= 0)
			free(a[i++]);
		if (c >= 0)
			free(b[j++]);
	}
	free(a);
	free(b);
}

static const char *type_name(mode_t m)
{
	return S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "link" : S_ISREG(m) ? "file" : "other";
}

static void compare_path(const char *rel)
{
	char pa[4096], pb[4096], norm[4096];
	struct stat sa, sb;
	int ha, hb, differs = 0;

	normalize(rel, norm, sizeof(norm));
	if (find_rule(norm, "skip", 1))
		return;
	snprintf(pa, sizeof(pa), "%s/%s", tree_a, rel);
	snprintf(pb, sizeof(pb), "%s/%s", tree_b, rel);
	ha = lstat(pa, &sa) == 0;
	hb = lstat(pb, &sb) == 0;
	if (!ha && !hb)
		return;
	n_paths++;
	if (ha && !hb) {
		struct rule *r = find_rule(norm, "missing", 1);

		n_missing++;
		if (r) {
			n_expected++;
			if (verbose)
				printf("expected-only-in-A %s (%s)\n", rel, r->args);
		} else {
			printf("only-in-A %s\n", rel);
		}
		return;
	}
	if (!ha) {
		n_only_b++;
		printf("only-in-B %s\n", rel);
		return;
	}
	if ((sa.st_mode & S_IFMT) != (sb.st_mode & S_IFMT)) {
		printf("type %s %s %s\n", rel, type_name(sa.st_mode), type_name(sb.st_mode));
		n_diff++;
		return;
	}
	if ((sa.st_mode & 07777) != (sb.st_mode & 07777)) {
		printf("mode %s %04o %04o\n", rel, sa.st_mode & 07777, sb.st_mode & 07777);
		differs = 1;
	}
	if (sa.st_uid != sb.st_uid || sa.st_gid != sb.st_gid) {
		printf("owner %s %u:%u %u:%u\n", rel, sa.st_uid, sa.st_gid, sb.st_uid, sb.st_gid);
		differs = 1;
	}
	if (S_ISLNK(sa.st_mode)) {
		char la[4096], lb[4096];
		ssize_t a = readlink(pa, la, sizeof(la) - 1), b = readlink(pb, lb, sizeof(lb) - 1);

		la[a < 0 ? 0 : a] = 0;
		lb[b < 0 ? 0 : b] = 0;
		if ((a < 0) != (b < 0) || strcmp(la, lb)) {
			printf("link %s %s | %s\n", rel, a < 0 ? strerror(errno) : la, lb);
			differs = 1;
		}
	} else if (S_ISREG(sa.st_mode) && !find_rule(norm, "nocontent", 0)) {
		struct buf a, b;

		read_file(pa, &a);
		read_file(pb, &b);
		if (a.err != b.err) {
			printf("errno %s %s | %s\n", rel, a.err ? strerrorname_np(a.err) : "0",
			       b.err ? strerrorname_np(b.err) : "0");
			differs = 1;
		} else if (!a.err && compare_content(rel, norm, &a, &b)) {
			differs = 1;
		}
		free(a.data);
		free(b.data);
	}
	if (differs)
		n_diff++;
	else
		n_equal++;
	if (S_ISDIR(sa.st_mode))
		compare_dirs(rel);
}

int main(int argc, char **argv)
{
	const char *rules_file = "/etc/procfs2/proc-diff.rules";
	int opt;

	while ((opt = getopt(argc, argv, "r:p:v")) != -1) {
		switch (opt) {
		case 'r':
			rules_file = optarg;
			break;
		case 'p':
			snprintf(pids_wanted, sizeof(pids_wanted), ",%s,", optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fprintf(stderr, "usage: proc-diff [-r RULES] [-p PID,...] [-v] [A [B]]\n");
			return 2;
		}
	}
	if (optind < argc)
		tree_a = argv[optind++];
	if (optind < argc)
		tree_b = argv[optind++];
	if (access(rules_file, R_OK) == 0)
		load_rules(rules_file);
	else if (strcmp(rules_file, "/etc/procfs2/proc-diff.rules"))
		die(rules_file);
	setvbuf(stdout, NULL, _IOLBF, 0);
	compare_dirs("");
	printf("proc-diff: %ld paths compared, %ld equal, %ld different, %ld only in %s "
	       "(%ld expected), %ld only in %s\n",
	       n_paths, n_equal, n_diff, n_missing, tree_a, n_expected, n_only_b, tree_b);
	return (n_diff || n_missing != n_expected || n_only_b) ? 1 : 0;
}
