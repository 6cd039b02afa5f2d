// SPDX-License-Identifier: GPL-2.0
/*
 * Workload 6: read a large seq file in 4 KiB chunks. The largest seq file both trees
 * have is the fdinfo of an epoll instance, one line per watched file (eventpoll's
 * show_fdinfo, shown through each tree's fdinfo seq_file): here WATCHES eventfds,
 * about 0.7 MiB. Each run opens, reads to the end and closes it TIMES times.
 */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include "bench.h"

#define WATCHES 10000
#define TIMES 4

static long long run(const char *root, void *arg)
{
	const int *epfd = arg;
	char path[64], buf[4096];
	long long t0, n = 0;
	int i;

	snprintf(path, sizeof(path), "%s/self/fdinfo/%d", root, *epfd);
	t0 = bench_now();
	for (i = 0; i < TIMES; i++) {
		n = bench_slurp(AT_FDCWD, path, buf, sizeof(buf));
		if (n < 0)
			return n;
	}
	t0 = bench_now() - t0;
	return n < WATCHES * 40LL ? -EIO : t0;
}

int main(int argc, char **argv)
{
	struct bench_args a = bench_parse(argc, argv);
	struct rlimit rl = { WATCHES + 64, WATCHES + 64 };
	struct epoll_event ev = { .events = EPOLLIN };
	int i, epfd, efd;

	if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
		bench_die("setrlimit");
	epfd = epoll_create1(0);
	if (epfd < 0)
		bench_die("epoll_create1");
	for (i = 0; i < WATCHES; i++) {
		efd = eventfd(0, 0);
		if (efd < 0)
			bench_die("eventfd");
		ev.data.fd = efd;
		if (epoll_ctl(epfd, EPOLL_CTL_ADD, efd, &ev) < 0)
			bench_die("epoll_ctl");
	}
	bench_run(&a, "seq-read", run, &epfd);
	return 0;
}
