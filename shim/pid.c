// SPDX-License-Identifier: GPL-2.0
/*
 * Pids and pid namespaces (wrap/cred.rs, wrap/task.rs, wrap/sys.rs): pid.h and
 * pid_namespace.h, which the kernel crate's bindings do not include.
 */
#include <linux/idr.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/threads.h>

#include "shim.h"

static_assert(PID_MAX_LIMIT == 4 * 1024 * 1024);

struct pid *procfs2_get_pid(struct pid *pid)
{
	return get_pid(pid);
}

struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns)
{
	return get_pid_ns(ns);
}

int procfs2_current_tgid_nr_ns(struct pid_namespace *ns)
{
	return task_tgid_nr_ns(current, ns);
}

int procfs2_current_pid_nr_ns(struct pid_namespace *ns)
{
	return task_pid_nr_ns(current, ns);
}

int procfs2_pid_ns_last_pid(struct pid_namespace *ns)
{
	return idr_get_cursor(&ns->idr) - 1;
}

/* pid_namespace.h is not in the bindings. */
int procfs2_pid_ns_level(struct pid_namespace *ns)
{
	return ns->level;
}

unsigned int procfs2_pid_ns_inum(struct pid_namespace *ns)
{
	return ns->ns.inum;
}

struct task_struct *procfs2_pid_ns_child_reaper(struct pid_namespace *ns)
{
	return READ_ONCE(ns->child_reaper);
}
