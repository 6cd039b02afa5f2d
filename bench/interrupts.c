// SPDX-License-Identifier: GPL-2.0
/* Read the root's interrupts (4 KiB reads, to the end) 200 times: cpuinfo.c's workload. */
#define ROOT_FILE "interrupts"
#include "cpuinfo.c"
