// SPDX-License-Identifier: GPL-2.0
/*
 * mappings [N] - a process with many kinds of mappings for the maps tests: N
 * (default 100) private anonymous areas whose protections alternate so that none
 * merge, a PROT_NONE guard, shared anonymous memory, private and shared mappings of
 * a file (at an offset), of a file that is then deleted and of a file whose name
 * holds a newline and a space, a heap grown with sbrk, and the stack, vdso and vvar
 * every process has. Names with PR_SET_VMA_ANON_NAME are tried (the kernel may lack
 * CONFIG_ANON_VMA_NAME). It also has two POSIX timers (for timers). Prints "ready"
 * once all is mapped, then sleeps until killed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

static void *map_file(const char *path, int shared, off_t off, int unlink_it)
{
	int fd = open(path, O_RDWR | O_CREAT, 0644);
	void *p;

	if (fd < 0 || ftruncate(fd, 4 * 4096) < 0) {
		perror(path);
		exit(1);
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, shared ? MAP_SHARED : MAP_PRIVATE, fd, off);
	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	close(fd);
	if (unlink_it)
		unlink(path);
	return p;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 100;
	const char *dir = argc > 2 ? argv[2] : "/tmp";
	char path[256];
	void *p;
	int i;

	for (i = 0; i < n; i++) {
		p = mmap(NULL, 4096, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			perror("mmap");
			return 1;
		}
		*(volatile char *)p;
	}
	mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long)p, 8192, "shared name");
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long)p, 8192, "anon name");
	snprintf(path, sizeof(path), "%s/mappings.file", dir);
	map_file(path, 0, 4096, 0);
	map_file(path, 1, 2 * 4096, 0);
	snprintf(path, sizeof(path), "%s/mappings.deleted", dir);
	map_file(path, 1, 0, 1);
	snprintf(path, sizeof(path), "%s/mappings odd\nname", dir);
	map_file(path, 0, 0, 0);
	p = sbrk(3 * 4096);
	if (p != (void *)-1)
		*(volatile char *)p = 1;
	{
		struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1,
				       .sigev_value.sival_ptr = &ev };
		timer_t t;

		signal(SIGUSR1, SIG_IGN);
		timer_create(CLOCK_MONOTONIC, &ev, &t);
		ev.sigev_notify = SIGEV_NONE;
		timer_create(CLOCK_REALTIME, &ev, &t);
	}
	puts("ready");
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}
