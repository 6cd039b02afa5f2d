// SPDX-License-Identifier: GPL-2.0
/* Read the root's slabinfo (4 KiB reads, to the end) 200 times, as slabtop does at
 * each refresh: cpuinfo.c's workload. */
#define ROOT_FILE "slabinfo"
#include "cpuinfo.c"
