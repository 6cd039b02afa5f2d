/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What bindgen reads for wrap/shim.rs (Kbuild): the helpers of shim.h, and the
 * headers of the exported kernel functions and variables the crate calls whose
 * headers the kernel crate's bindings (rust/bindings/bindings_helper.h) do not
 * include. Kbuild's bindgen rule allowlists exactly those symbols, so their
 * prototypes come from the kernel's own headers.
 */
#ifndef PROCFS2_BINDINGS_H
#define PROCFS2_BINDINGS_H

#include <linux/console.h>	/* console_lock(), console_list_lock() and unlocks */
#include <linux/cpufreq.h>	/* cpufreq_quick_get() */
#include <linux/debugfs.h>	/* debugfs_create_dir(), debugfs_create_file(), debugfs_remove() */
#include <linux/fdtable.h>	/* task_lookup_next_fdget_rcu() */
#include <linux/hugetlb.h>	/* vma_kernel_pagesize() */
#include <linux/mman.h>		/* vm_memory_committed() */
#include <linux/pid_namespace.h> /* put_pid_ns(), task_active_pid_ns() */
#include <linux/sched/clock.h> /* sched_clock() */
#include <linux/sched/cputime.h> /* task_cputime_adjusted() */
#include <linux/sched/loadavg.h> /* avenrun[] */
#include <linux/time_namespace.h> /* struct timens_offsets */
#include <linux/tty.h>		/* tty_get_pgrp() */
#include <linux/utsname.h>	/* struct new_utsname */

#include "shim.h"

#endif /* PROCFS2_BINDINGS_H */
