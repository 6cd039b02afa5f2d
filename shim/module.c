// SPDX-License-Identifier: GPL-2.0
/*
 * The module's parameters (wrap/debugfs.rs). module! in 6.12's kernel crate takes
 * no params, so moduleparam.h's macro declares them here and Rust reads them.
 */
#include <linux/moduleparam.h>

#include "shim.h"

/* insmod procfs2.ko selftest=1: the tests' control file is created only then. */
static bool selftest;
module_param(selftest, bool, 0444);
MODULE_PARM_DESC(selftest, "create /sys/kernel/debug/procfs2/entries, which adds and removes entries (tests only; default off)");

bool procfs2_selftest_param(void)
{
	return selftest;
}
