// SPDX-License-Identifier: GPL-2.0
/*
 * hostile - processes in the states that hurt a /proc implementation, and the readers
 * that t86-hostile.sh compares on /proc and /proc2 (issue 20).
 *
 * Targets (each prints "pid PID" last, flushed, then waits in pause() until killed):
 *   hostile fds             holds one fd of every kind with a show_fdinfo (pidfd,
 *                           eventfd, epoll with a watched fd, signalfd, timerfd,
 *                           inotify with a watch, fanotify with a mark, io_uring,
 *                           memfd, a BPF array map, a perf software counter,
 *                           userfaultfd) plus pipes, sockets, a regular file, a
 *                           directory, an O_PATH fd and /dev/null: prints "FD KIND"
 *                           per fd, "- KIND REASON" for a kind it could not open
 *   hostile noexec PATH     writes a static ET_EXEC ELF without an executable
 *                           segment to PATH, starts it under ptrace (PTRACE_TRACEME)
 *                           and keeps it stopped at its exec SIGTRAP: PID is the
 *                           tracee (its mm has start_code ~0, end_code 0)
 *   hostile zombie          a child that has exited and is not reaped: PID is it
 *   hostile zombie nodump   the same, non-dumpable (PR_SET_DUMPABLE 0) when it exited
 *   hostile nodump          a live process that made itself non-dumpable
 *   hostile leaderexit      a process whose group leader exited (a zombie thread)
 *                           while a second thread lives on in pause()
 *   hostile bigargs MIB normal|proctitle [ENVMIB]
 *                           maps MIB MiB it never touches (but for its first bytes)
 *                           and makes it its argument area with PR_SET_MM_MAP; with
 *                           proctitle the area's last byte is not NUL (setproctitle);
 *                           with ENVMIB, a second area of ENVMIB MiB is its environment
 *   hostile pause           pause() (what `held exec` execs)
 *
 * The readers' tree under test is /proc2, or $P2 when set; their output names it
 * "/proc2" either way.
 *
 * Readers:
 *   hostile fdinfo DIR FD...        DIR/FD per FD ("FD<tab>line", or "FD<tab>!ERRNO" for
 *                                   a failed open or read), it_value of timerfds masked
 *   hostile pidfd-self              pidfd_open(getpid()), then /proc/self/fdinfo/<pidfd>
 *                                   and /proc2's, each line led by "/proc " or "/proc2 "
 *   hostile held exec|exit          a child whose environ, mem, maps and auxv are opened
 *                                   on /proc and /proc2 while it lives; it then execs
 *                                   (hostile pause) or exits; each fd is read once,
 *                                   /proc's first, then /proc2's, then /proc's again:
 *                                   "FILE TREE RESULT" lines (bytes or !ERRNO), then
 *                                   "done"
 *   hostile timedread FILE BYTES [CGROUP]
 *                                   one read of BYTES from FILE (opened first); with
 *                                   CGROUP, moves itself there before the read and
 *                                   reports memory.peak after it: "RESULT HASH NS PEAK"
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <linux/userfaultfd.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static char *self_exe;

/* The tree under test: /proc2, or $P2 (t86 run against a second proc mount). */
static const char *tree2(void)
{
	return getenv("P2") ? getenv("P2") : "/proc2";
}

static void ready(pid_t pid)
{
	printf("pid %d\n", (int)pid);
	fflush(stdout);
	for (;;)
		pause();
}

static const char *ename(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "E?";
}

/* --- fds --- */

static void got(int fd, const char *kind)
{
	if (fd < 0)
		printf("- %s %s\n", kind, ename(errno));
	else
		printf("%d %s\n", fd, kind);
}

static int fds(void)
{
	char watched[64];
	int p[2], s[2], fd;

	snprintf(watched, sizeof(watched), "/tmp/hostile-watched.%d", (int)getpid());
	close(open(watched, O_CREAT | O_WRONLY, 0644));

	got(syscall(SYS_pidfd_open, getpid(), 0), "pidfd");
	got(fd = eventfd(3, 0), "eventfd");
	{
		int ep = epoll_create1(0);
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 42 };

		if (ep >= 0 && fd >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev)) {
			close(ep);
			ep = -1;
		}
		got(ep, "epoll");
	}
	{
		sigset_t m;

		sigemptyset(&m);
		sigaddset(&m, SIGUSR1);
		sigaddset(&m, SIGRTMIN + 1);
		got(signalfd(-1, &m, 0), "signalfd");
	}
	{
		struct itimerspec it = { .it_value = { .tv_sec = 100000 } };

		fd = timerfd_create(CLOCK_MONOTONIC, 0);
		if (fd >= 0 && timerfd_settime(fd, 0, &it, NULL)) {
			close(fd);
			fd = -1;
		}
		got(fd, "timerfd");
	}
	fd = inotify_init1(0);
	if (fd >= 0 && inotify_add_watch(fd, watched, IN_MODIFY | IN_ATTRIB) < 0) {
		close(fd);
		fd = -1;
	}
	got(fd, "inotify");
	fd = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY);
	if (fd >= 0 && fanotify_mark(fd, FAN_MARK_ADD, FAN_MODIFY, AT_FDCWD, watched)) {
		close(fd);
		fd = -1;
	}
	got(fd, "fanotify");
	{
		struct io_uring_params par = { 0 };

		got(syscall(SYS_io_uring_setup, 4, &par), "io_uring");
	}
	got(memfd_create("hostile", 0), "memfd");
	{
		union bpf_attr a;

		memset(&a, 0, sizeof(a));
		a.map_type = BPF_MAP_TYPE_ARRAY;
		a.key_size = 4;
		a.value_size = 8;
		a.max_entries = 4;
		got(syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof(a)), "bpf-map");
	}
	{
		struct perf_event_attr a;

		memset(&a, 0, sizeof(a));
		a.size = sizeof(a);
		a.type = PERF_TYPE_SOFTWARE;
		a.config = PERF_COUNT_SW_CPU_CLOCK;
		a.exclude_kernel = 1;
		a.exclude_hv = 1;
		got(syscall(SYS_perf_event_open, &a, 0, -1, -1, 0), "perf");
	}
	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (fd >= 0) {
		struct uffdio_api api = { .api = UFFD_API };

		if (ioctl(fd, UFFDIO_API, &api)) {
			close(fd);
			fd = -1;
		}
	}
	got(fd, "userfaultfd");
	if (pipe(p) == 0) {
		got(p[0], "pipe-read");
		got(p[1], "pipe-write");
	} else {
		got(-1, "pipe");
	}
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, s) == 0) {
		got(s[0], "unix-socket");
		close(s[1]);
	} else {
		got(-1, "unix-socket");
	}
	got(socket(AF_INET, SOCK_DGRAM, 0), "udp-socket");
	got(socket(AF_NETLINK, SOCK_RAW, 0), "netlink-socket");
	fd = open(watched, O_RDWR | O_APPEND);
	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	got(fd, "regular-file");
	got(open("/tests/lib.sh", O_RDONLY), "regular-file-ro");
	got(open("/", O_RDONLY | O_DIRECTORY), "directory");
	got(open("/", O_PATH), "o-path");
	got(open("/dev/null", O_WRONLY), "dev-null");
	got(open("/proc/self/stat", O_RDONLY), "proc-file");
	ready(getpid());
	return 0;
}

/* --- the ELF without an executable segment --- */

static int noexec(const char *path)
{
	struct image {
		Elf64_Ehdr e;
		Elf64_Phdr p;
		unsigned char code[8];
	} img;
	int fd, st;
	pid_t pid;

	memset(&img, 0, sizeof(img));
	memcpy(img.e.e_ident, ELFMAG, SELFMAG);
	img.e.e_ident[EI_CLASS] = ELFCLASS64;
	img.e.e_ident[EI_DATA] = ELFDATA2LSB;
	img.e.e_ident[EI_VERSION] = EV_CURRENT;
	img.e.e_ident[EI_OSABI] = ELFOSABI_SYSV;
	img.e.e_type = ET_EXEC;
	img.e.e_machine = EM_X86_64;
	img.e.e_version = EV_CURRENT;
	img.e.e_entry = 0x400000 + offsetof(struct image, code);
	img.e.e_phoff = offsetof(struct image, p);
	img.e.e_ehsize = sizeof(Elf64_Ehdr);
	img.e.e_phentsize = sizeof(Elf64_Phdr);
	img.e.e_phnum = 1;
	img.p.p_type = PT_LOAD;
	img.p.p_flags = PF_R | PF_W; /* no PF_X: start_code stays ~0, end_code 0 */
	img.p.p_offset = 0;
	img.p.p_vaddr = img.p.p_paddr = 0x400000;
	img.p.p_filesz = sizeof(img);
	img.p.p_memsz = 0x2000;
	img.p.p_align = 0x1000;
	memset(img.code, 0xcc, sizeof(img.code)); /* int3, never run */

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || write(fd, &img, sizeof(img)) != sizeof(img) || close(fd)) {
		perror(path);
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		char *argv[] = { (char *)path, NULL }, *envp[] = { "HOSTILE=noexec", NULL };

		/* Ends with its tracer. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execve(path, argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP) {
		fprintf(stderr, "noexec: child status %#x, not stopped at exec\n", st);
		return 1;
	}
	ready(pid);
	return 0;
}

/* --- zombie --- */

static int zombie(int nodump)
{
	siginfo_t si;
	pid_t pid = fork();

	if (pid < 0)
		return 1;
	if (pid == 0) {
		if (nodump && prctl(PR_SET_DUMPABLE, 0, 0, 0, 0))
			_exit(1);
		_exit(7);
	}
	/* Wait until it is a zombie, without reaping it. */
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT)) {
		perror("waitid");
		return 1;
	}
	ready(pid);
	return 0;
}

/* --- leaderexit --- */

static void *pause_thread(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static int leaderexit(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, pause_thread, NULL))
		return 1;
	printf("pid %d\n", (int)getpid());
	fflush(stdout);
	/* Only this thread exits: the process lives on in the other. */
	syscall(SYS_exit, 0);
	return 1;
}

/* --- the huge argument area --- */

/* Fields 1.. of /proc/self/stat, field 1 being the pid. */
static unsigned long statfield(const char *stat, int n)
{
	const char *p = strrchr(stat, ')');

	if (!p || n < 3)
		return 0;
	p += 2; /* field 3 */
	for (int i = 3; i < n && p; i++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	return p ? strtoul(p, NULL, 10) : 0;
}

static int bigargs(long mib, const char *how, long envmib)
{
	struct prctl_mm_map m;
	char stat[4096];
	size_t len = (size_t)mib << 20, elen = (size_t)envmib << 20;
	char *area, *env = NULL;
	ssize_t n;
	int fd;

	area = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		    -1, 0);
	if (area == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	strcpy(area, "hostile-bigargs");
	if (!strcmp(how, "proctitle"))
		area[len - 1] = 'x';
	if (elen) {
		env = mmap(NULL, elen, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (env == MAP_FAILED) {
			perror("mmap");
			return 1;
		}
		strcpy(env, "HOSTILE=bigenv");
	}
	fd = open("/proc/self/stat", O_RDONLY);
	n = fd < 0 ? -1 : read(fd, stat, sizeof(stat) - 1);
	if (n <= 0) {
		perror("/proc/self/stat");
		return 1;
	}
	stat[n] = 0;
	close(fd);
	memset(&m, 0, sizeof(m));
	m.start_code = statfield(stat, 26);
	m.end_code = statfield(stat, 27);
	m.start_stack = statfield(stat, 28);
	m.start_data = statfield(stat, 45);
	m.end_data = statfield(stat, 46);
	m.start_brk = statfield(stat, 47);
	m.brk = (unsigned long)sbrk(0);
	m.arg_start = (unsigned long)area;
	m.arg_end = (unsigned long)area + len;
	m.env_start = env ? (unsigned long)env : statfield(stat, 50);
	m.env_end = env ? (unsigned long)env + elen : statfield(stat, 51);
	m.exe_fd = -1;
	if (m.brk < m.start_brk)
		m.brk = m.start_brk;
	if (prctl(PR_SET_MM, PR_SET_MM_MAP, &m, sizeof(m), 0)) {
		printf("- prctl(PR_SET_MM_MAP) %s\n", ename(errno));
		fflush(stdout);
		return 1;
	}
	ready(getpid());
	return 0;
}

/* --- readers --- */

static const char *prefix = "";

static void put_line(const char *tag, const char *s, size_t n)
{
	/* Lines that change between two reads of the same file on /proc. */
	if (n >= 9 && !memcmp(s, "it_value:", 9)) {
		printf("%s%s\tit_value: (masked)\n", prefix, tag);
		return;
	}
	printf("%s%s\t%.*s\n", prefix, tag, (int)n, s);
}

/* One fdinfo file, read whole by this process. */
static void fdinfo_one(const char *dir, const char *fdname)
{
	static char buf[1 << 16];
	char path[4096 + 64];
	size_t size = 0;
	ssize_t n = 0;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, fdname);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("%s%s\t!open %s\n", prefix, fdname, ename(errno));
		return;
	}
	while (size < sizeof(buf) && (n = read(fd, buf + size, sizeof(buf) - size)) > 0)
		size += n;
	if (n < 0)
		printf("%s%s\t!read %s\n", prefix, fdname, ename(errno));
	for (size_t off = 0; off < size;) {
		char *nl = memchr(buf + off, '\n', size - off);
		size_t len = nl ? (size_t)(nl - buf - off) : size - off;

		put_line(fdname, buf + off, len);
		off += len + 1;
	}
	close(fd);
}

/*
 * Each fd's file is read by a child of its own, so that a reader killed by an oops
 * ("!killed by signal N") does not hide the other fds' results.
 */
static int fdinfo(const char *dir, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		pid_t pid;
		int st;

		fflush(stdout);
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			fdinfo_one(dir, argv[i]);
			fflush(stdout);
			_exit(0);
		}
		if (waitpid(pid, &st, 0) == pid && WIFSIGNALED(st))
			printf("%s%s\t!killed by signal %d\n", prefix, argv[i], WTERMSIG(st));
	}
	fflush(stdout);
	return 0;
}

/* A pidfd of this process, its fdinfo read through /proc/self and /proc2/self. */
static int pidfd_self(void)
{
	char n[16], dir[4096];
	char *args[] = { n };
	int fd = syscall(SYS_pidfd_open, getpid(), 0);

	if (fd < 0) {
		printf("- pidfd_open %s\n", ename(errno));
		return 0;
	}
	snprintf(n, sizeof(n), "%d", fd);
	prefix = "/proc ";
	fdinfo("/proc/self/fdinfo", 1, args);
	prefix = "/proc2 ";
	snprintf(dir, sizeof(dir), "%s/self/fdinfo", tree2());
	return fdinfo(dir, 1, args);
}

static char probe[4096] = "hostile";

/* One read of an open fd: "N bytes" or "!ERRNO"; mem is read at probe's address. */
static void read_once(int fd, const char *file, const char *tree)
{
	static char buf[8192];
	ssize_t n;

	if (fd < 0) {
		printf("%s %s !open %s\n", file, tree, ename(-fd));
		return;
	}
	if (!strcmp(file, "mem"))
		n = pread(fd, buf, 16, (off_t)(uintptr_t)probe);
	else
		n = pread(fd, buf, sizeof(buf), 0);
	if (n < 0)
		printf("%s %s !%s\n", file, tree, ename(errno));
	else
		printf("%s %s %zd bytes\n", file, tree, n);
}

static int held(const char *how)
{
	static const char *files[] = { "environ", "mem", "maps", "auxv" };
	enum { NF = sizeof(files) / sizeof(files[0]) };
	int a[NF], b[NF], go[2], done[2];
	char c;
	pid_t pid;

	if (pipe(go) || pipe2(done, O_CLOEXEC))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		char *argv[] = { self_exe, "pause", NULL };

		close(go[1]);
		close(done[0]);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		if (!strcmp(how, "exec"))
			execv(self_exe, argv);
		_exit(0);
	}
	close(go[0]);
	close(done[1]);
	for (int i = 0; i < NF; i++) {
		char path[64];

		snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, files[i]);
		a[i] = open(path, O_RDONLY);
		if (a[i] < 0)
			a[i] = -errno;
		snprintf(path, sizeof(path), "%s/%d/%s", tree2(), (int)pid, files[i]);
		b[i] = open(path, O_RDONLY);
		if (b[i] < 0)
			b[i] = -errno;
	}
	/* Let it go, and wait until its old mm is gone: the CLOEXEC pipe closes after. */
	if (write(go[1], "x", 1) != 1)
		return 1;
	while (read(done[0], &c, 1) > 0)
		;
	if (!strcmp(how, "exit"))
		waitpid(pid, NULL, 0);
	for (int i = 0; i < NF; i++)
		read_once(a[i], files[i], "/proc");
	for (int i = 0; i < NF; i++)
		read_once(b[i], files[i], "/proc2");
	for (int i = 0; i < NF; i++)
		read_once(a[i], files[i], "/proc-again");
	printf("done\n");
	fflush(stdout);
	if (!strcmp(how, "exec")) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return 0;
}

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int timedread(const char *path, size_t want, const char *cg)
{
	static char buf[1 << 20];
	char f[4096], peak[64] = "-";
	long long t0, t1;
	uint64_t h = 1469598103934665603ULL;
	ssize_t n;
	int fd;

	if (want > sizeof(buf))
		want = sizeof(buf);
	memset(buf, 1, sizeof(buf)); /* touched before joining the cgroup */
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("!open-%s - 0 -\n", ename(errno));
		return 0;
	}
	if (cg) {
		int c;

		snprintf(f, sizeof(f), "%s/cgroup.procs", cg);
		c = open(f, O_WRONLY);
		if (c < 0 || write(c, "0", 1) != 1) {
			perror(f);
			return 1;
		}
		close(c);
	}
	t0 = now_ns();
	n = read(fd, buf, want);
	t1 = now_ns();
	if (cg) {
		int c;
		ssize_t k;

		snprintf(f, sizeof(f), "%s/memory.peak", cg);
		c = open(f, O_RDONLY);
		k = c < 0 ? -1 : read(c, peak, sizeof(peak) - 1);
		peak[k > 0 ? k : 0] = 0;
		peak[strcspn(peak, "\n")] = 0;
		if (c >= 0)
			close(c);
	}
	for (ssize_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)buf[i]) * 1099511628211ULL;
	if (n < 0)
		printf("!%s - %lld %s\n", ename(errno), t1 - t0, peak);
	else
		printf("%zd %016llx %lld %s\n", n, (unsigned long long)h, t1 - t0, peak);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	self_exe = argv[0];
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "fds"))
		return fds();
	if (argc == 3 && !strcmp(argv[1], "noexec"))
		return noexec(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "zombie"))
		return zombie(0);
	if (argc == 3 && !strcmp(argv[1], "zombie") && !strcmp(argv[2], "nodump"))
		return zombie(1);
	if (argc == 2 && !strcmp(argv[1], "leaderexit"))
		return leaderexit();
	if (argc == 2 && !strcmp(argv[1], "nodump")) {
		if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0))
			return 1;
		ready(getpid());
	}
	if ((argc == 4 || argc == 5) && !strcmp(argv[1], "bigargs"))
		return bigargs(atol(argv[2]), argv[3], argc == 5 ? atol(argv[4]) : 0);
	if (argc == 2 && !strcmp(argv[1], "pause")) {
		for (;;)
			pause();
	}
	if (argc >= 3 && !strcmp(argv[1], "fdinfo"))
		return fdinfo(argv[2], argc - 3, argv + 3);
	if (argc == 2 && !strcmp(argv[1], "pidfd-self"))
		return pidfd_self();
	if (argc == 3 && !strcmp(argv[1], "held"))
		return held(argv[2]);
	if ((argc == 4 || argc == 5) && !strcmp(argv[1], "timedread"))
		return timedread(argv[2], strtoul(argv[3], NULL, 0), argc == 5 ? argv[4] : NULL);
	fprintf(stderr, "usage: see the comment at the top of tests/helpers/hostile.c\n");
	return 2;
}
