/*
 * mapcol FILE: maps FILE at 0x10000000 and, where the CPU has 5-level paging, at
 * 0x10000000 + 2^47, prints "ready", then sleeps until killed: two map_files/
 * links whose page numbers differ only above bit 35 (their inode numbers must
 * differ).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const unsigned long low = 0x10000000UL, high = low + (1UL << 47);
	int fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) < 0)
		return 2;
	if (mmap((void *)low, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0) ==
	    MAP_FAILED)
		return 2;
	/* Fails without 5-level paging: then only the low mapping is there. */
	mmap((void *)high, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
