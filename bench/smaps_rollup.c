// SPDX-License-Identifier: GPL-2.0
/* Read ROOT/self/smaps_rollup 200 times with smaps.c's 200 extra mappings: one walk
 * of every mapping's page tables summed into one record, as psutil's
 * memory_full_info() reads it. */
#define PID_FILE "smaps_rollup"
#define TIMES 200
#include "smaps.c"
