// SPDX-License-Identifier: GPL-2.0
/*
 * The other namespaces' inode numbers and the time namespace's offsets, for ns/
 * and timens_offsets (wrap/task.rs, wrap/sys.rs), and the default cgroup
 * hierarchy's references (cgroup.h).
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
