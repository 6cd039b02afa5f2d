// SPDX-License-Identifier: GPL-2.0
/*
 * numagroup [SECONDS] - a process of two threads that write the same pages in turn
 * until NUMA balancing puts them in one NUMA group (the Ngid line of their status
 * turns non-zero), or SECONDS (default 30) pass; then both sleep until the process is
 * killed. It prints one line, "<ngid> <tid1> <tid2>", ngid 0 if no group formed.
 *
 * NUMA balancing unmaps a task's pages after about a second of its run time; the
 * hinting fault of a thread on a page the other one touched last is what joins them.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define SIZE (8 << 20)

static volatile int stop;
static char *buf;
static pid_t tid2;

static void touch(int round)
{
	for (long i = 0; i < SIZE; i += 4096)
		buf[i] = (char)round;
}

static void *second(void *arg)
{
	(void)arg;
	tid2 = gettid();
	for (int r = 0; !stop; r++)
		touch(r);
	for (;;)
		pause();
	return NULL;
}

/* The Ngid of this thread's status, -1 if it cannot be read. */
static long ngid(void)
{
	char line[256];
	long v = -1;
	FILE *f = fopen("/proc/thread-self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "Ngid:", 5))
			v = strtol(line + 5, NULL, 10);
	fclose(f);
	return v;
}

int main(int argc, char **argv)
{
	int seconds = argc > 1 ? atoi(argv[1]) : 30;
	time_t end = time(NULL) + seconds;
	pthread_t t;
	long g = 0;

	buf = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED || pthread_create(&t, NULL, second, NULL))
		return 1;
	for (int r = 0; time(NULL) < end; r++) {
		touch(r);
		g = ngid();
		if (g > 0)
			break;
	}
	stop = 1;
	while (!tid2)
		usleep(1000);
	printf("%ld %d %d\n", g, gettid(), tid2);
	fflush(stdout);
	for (;;)
		pause();
}
