// SPDX-License-Identifier: GPL-2.0
/*
 * sysvipc - System V IPC objects for comparing /proc/sysvipc/{msg,sem,shm}: a
 * segment with a key, attached, two of its pages written; a private segment marked
 * for removal while attached (SHM_DEST); a message queue removed so that the next
 * one's id leaves a hole in the table; a queue with two messages; a set of three
 * semaphores, one operated on. Prints "ready" and sleeps; on SIGTERM (at any point)
 * it removes what it has made and exits.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

static int shm_a = -1, shm_b = -1, gone = -1, msq = -1, sem = -1;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void done(int sig)
{
	(void)sig;
	shmctl(shm_a, IPC_RMID, NULL);
	shmctl(shm_b, IPC_RMID, NULL);
	msgctl(gone, IPC_RMID, NULL);
	msgctl(msq, IPC_RMID, NULL);
	semctl(sem, 0, IPC_RMID);
	_exit(0);
}

int main(void)
{
	struct { long type; char text[32]; } msg = { 1, "hello" };
	struct sembuf op = { 1, 2, 0 };
	char *a, *b;

	signal(SIGTERM, done);
	shm_a = shmget(0x5150, 10000, IPC_CREAT | 0640);
	if (shm_a < 0 || (a = shmat(shm_a, NULL, 0)) == (void *)-1)
		die("shm a");
	a[0] = a[4096] = 1;
	shm_b = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (shm_b < 0 || (b = shmat(shm_b, NULL, 0)) == (void *)-1)
		die("shm b");
	b[0] = 1;
	if (shmctl(shm_b, IPC_RMID, NULL))
		die("shm b rmid");
	gone = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	msq = msgget(0x5151, IPC_CREAT | 0620);
	if (gone < 0 || msq < 0 || msgctl(gone, IPC_RMID, NULL))
		die("msg");
	if (msgsnd(msq, &msg, 10, 0) || msgsnd(msq, &msg, 20, 0))
		die("msgsnd");
	sem = semget(0x5152, 3, IPC_CREAT | 0666);
	if (sem < 0 || semop(sem, &op, 1))
		die("sem");
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
