// SPDX-License-Identifier: GPL-2.0
/* Read the root's diskstats (4 KiB reads, to the end) 200 times, as iostat and
 * vmstat -d do at each refresh: cpuinfo.c's workload. */
#define ROOT_FILE "diskstats"
#include "cpuinfo.c"
