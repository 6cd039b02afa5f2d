// SPDX-License-Identifier: GPL-2.0
/*
 * proctitle MODE - a process whose command line the tests read, then sleeps:
 *   title   overwrites its argument area with a title that runs on into the
 *           environment area, leaving the last argument byte non-NUL
 *           (setproctitle);
 *   short   writes a title shorter than the arguments, NUL-terminated, and
 *           leaves the last argument byte non-NUL;
 *   plain   leaves everything as exec made it.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
	char *start = argv[0];
	char *end = argv[argc - 1] + strlen(argv[argc - 1]);	/* the last NUL */

	if (argc > 1 && !strcmp(argv[1], "title")) {
		char *env_end = start;
		size_t room;

		for (char **e = envp; *e; e++)
			env_end = *e + strlen(*e);
		room = env_end - start;
		memset(start, 'T', room);
		memcpy(start, "proctitle: a long new title", 27);
		start[room] = '\0';
	} else if (argc > 1 && !strcmp(argv[1], "short")) {
		memset(start, 'x', end - start + 1);
		strcpy(start, "short title");
		*end = 'x';
	}
	/* Tell the test that the command line is as it will stay. */
	printf("ready\n");
	fflush(stdout);
	pause();
	return 0;
}
