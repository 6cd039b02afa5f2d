// SPDX-License-Identifier: GPL-2.0
/*
 * churn MODE - short-lived shapes of processes for the storm (tests/stress.sh):
 *   leader   the thread-group leader exits (pthread_exit) before its two threads,
 *            which exit 200 ms later: a zombie leader with live threads;
 *   exec     a second thread execs /bin/true while a third sleeps (de_thread);
 *   zombie   a child exits at once and is reaped 300 ms later.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *nap(void *arg)
{
	usleep((long)arg);
	return NULL;
}

static void *do_exec(void *arg)
{
	char *argv[] = { "true", NULL };

	(void)arg;
	usleep(20000);
	execv("/bin/true", argv);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[2];

	if (argc < 2)
		return 2;
	if (!strcmp(argv[1], "leader")) {
		pthread_create(&t[0], NULL, nap, (void *)200000L);
		pthread_create(&t[1], NULL, nap, (void *)200000L);
		pthread_exit(NULL);
	}
	if (!strcmp(argv[1], "exec")) {
		pthread_create(&t[0], NULL, nap, (void *)1000000L);
		pthread_create(&t[1], NULL, do_exec, NULL);
		pause();
	}
	if (!strcmp(argv[1], "zombie")) {
		pid_t c = fork();

		if (c == 0)
			_exit(0);
		usleep(300000);
		waitpid(c, NULL, 0);
		return 0;
	}
	return 2;
}
