// SPDX-License-Identifier: GPL-2.0
/*
 * The other namespaces' inode numbers and the time namespace's offsets, for ns/
 * and timens_offsets (wrap/task.rs, wrap/sys.rs), the default cgroup
 * hierarchy's references (cgroup.h), and the cgroup subsystems (wrap/cgroup.rs).
 */
#include <linux/cgroup.h>
#include <linux/ipc_namespace.h>
#include <linux/time_namespace.h>
#include <linux/utsname.h>
#include <net/net_namespace.h>

#include "shim.h"

unsigned int procfs2_uts_ns_inum(struct uts_namespace *ns)
{
	return ns->ns.inum;
}

unsigned int procfs2_ipc_ns_inum(struct ipc_namespace *ns)
{
	return ns->ns.inum;
}

unsigned int procfs2_net_inum(struct net *net)
{
	return net->ns.inum;
}

#ifdef CONFIG_TIME_NS
unsigned int procfs2_time_ns_inum(struct time_namespace *ns)
{
	return ns->ns.inum;
}

const struct timens_offsets *procfs2_time_ns_offsets(struct time_namespace *ns)
{
	return &ns->offsets;
}
#endif

/* The caller's time namespace's boot-time offset (static inlines). */
void procfs2_timens_add_boottime(struct timespec64 *ts)
{
	timens_add_boottime(ts);
}

u64 procfs2_timens_add_boottime_ns(u64 nsec)
{
	return timens_add_boottime_ns(nsec);
}

void procfs2_timens_sub_boottime(struct timespec64 *ts)
{
	timens_sub_boottime(ts);
}

bool procfs2_css_tryget(struct cgroup_subsys_state *css)
{
	return css_tryget(css);
}

void procfs2_css_put(struct cgroup_subsys_state *css)
{
	css_put(css);
}

/*
 * /proc/cgroups (kernel/cgroup/cgroup-v1.c proc_cgroupstats_show): each
 * subsystem's static key, as cgroup.c's cgroup_subsys_enabled_key[] is built from
 * cgroup_subsys.h (the keys are exported one by one, the array is not), and the
 * subsystem behind each css of a css_set.
 */
/* In cgroup_subsys.h's order, which is also enum cgroup_subsys_id's. */
#define SUBSYS(_x) (&_x ## _cgrp_subsys_enabled_key),
static struct static_key_true *const procfs2_cgroup_enabled_keys[] = {
#include <linux/cgroup_subsys.h>
};
#undef SUBSYS
static_assert(ARRAY_SIZE(procfs2_cgroup_enabled_keys) == CGROUP_SUBSYS_COUNT);

bool procfs2_cgroup_ssid_enabled(int ssid)
{
	return static_key_enabled(procfs2_cgroup_enabled_keys[ssid]);
}

struct cgroup_subsys *procfs2_current_cgroup_subsys(int ssid)
{
	return task_css_set(current)->subsys[ssid]->ss;
}

const char *procfs2_cgroup_subsys_legacy_name(struct cgroup_subsys *ss)
{
	return ss->legacy_name;
}

struct cgroup_root *procfs2_cgroup_subsys_root(struct cgroup_subsys *ss)
{
	return READ_ONCE(ss->root);
}

int procfs2_cgroup_root_hierarchy_id(struct cgroup_root *root)
{
	return root->hierarchy_id;
}

int procfs2_cgroup_root_nr_cgrps(struct cgroup_root *root)
{
	return atomic_read(&root->nr_cgrps);
}
