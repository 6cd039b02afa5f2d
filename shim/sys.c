// SPDX-License-Identifier: GPL-2.0
/*
 * The numbers the global files show (wrap/sys.rs): jiffies, the utsname, the
 * banner's build information and the boot time.
 */
#include <generated/compile.h>
#include <linux/acpi.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>

#include "shim.h"

/* nsec_to_clock_t() is not exported; Rust divides by NSEC_PER_SEC / USER_HZ. */
static_assert(NSEC_PER_SEC % USER_HZ == 0 && USER_HZ == 100);

unsigned long procfs2_jiffies(void)
{
	return READ_ONCE(jiffies);
}

const struct new_utsname *procfs2_utsname(void)
{
	return utsname();
}

/* The middle of linux_proc_banner, from the build the module is built against. */
const char *procfs2_compile_info(void)
{
	return "(" LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST ") (" LINUX_COMPILER ")";
}

void procfs2_boottime(struct timespec64 *ts)
{
	ktime_get_boottime_ts64(ts);
}

bool procfs2_acpi_disabled(void)
{
	return !IS_ENABLED(CONFIG_ACPI) || acpi_disabled;
}
