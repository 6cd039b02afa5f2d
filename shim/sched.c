// SPDX-License-Identifier: GPL-2.0
/*
 * The runqueues (wrap/sched.rs), through kernel/sched/sched.h, a header private to
 * kernel/sched of the tree the module is built against (Kbuild adds the include
 * path for this file only): struct rq, cpu_of() and the domains' RCU pointer.
 *
 * cpu_rq(cpu) is &per_cpu(runqueues, cpu), and the per-CPU variable runqueues is
 * not exported. One runqueue is reachable from an object the kernel exports: the
 * boot CPU's idle task, init_task, whose se.cfs_rq init_idle() set, in sched_init(),
 * to root_task_group's cfs_rq of that CPU, &cpu_rq(cpu)->cfs, whose rq is cpu_rq(cpu)
 * (init_tg_cfs_entry); rq->cpu is that CPU (sched_init). An idle task never
 * migrates and is in no cgroup or autogroup one can move it out of, so that pointer
 * is never written again, and runqueues live as long as the kernel. As
 * per_cpu_ptr(&runqueues, n) is &runqueues plus __per_cpu_offset[n] (exported),
 * cpu_rq(n) is that runqueue minus its CPU's offset plus n's: the same address
 * cpu_rq(n) computes.
 */
#include <linux/mmu_context.h>
#include "sched/sched.h"

#include "shim.h"

#ifndef CONFIG_FAIR_GROUP_SCHED
#error "procfs2 reaches the runqueues through init_task.se.cfs_rq (CONFIG_FAIR_GROUP_SCHED)"
#endif

/* cpu_rq(cpu), for a cpu below nr_cpu_ids. */
static struct rq *procfs2_cpu_rq(int cpu)
{
	return (struct rq *)((unsigned long)init_task.se.cfs_rq->rq -
			     per_cpu_offset(cpu_of(init_task.se.cfs_rq->rq)) + per_cpu_offset(cpu));
}

/* nr_context_switches_cpu(): read without the runqueue's lock, as it does. */
u64 procfs2_rq_nr_switches(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->nr_switches);
}

/* cpu_rq(cpu)->nr_running, as nr_running() reads it. */
unsigned int procfs2_rq_nr_running(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->nr_running);
}

/* nr_iowait_cpu() */
unsigned int procfs2_rq_nr_iowait(int cpu)
{
	return atomic_read(&procfs2_cpu_rq(cpu)->nr_iowait);
}

#ifdef CONFIG_NUMA_BALANCING
#include "numa_group_struct.h"

/*
 * task_numa_group_id()'s read of a group's gid: set when task_numa_group() makes the
 * group and never written again; the caller holds RCU over the task's numa_group
 * pointer (put_numa_group frees the group with kfree_rcu).
 */
pid_t procfs2_numa_group_gid(struct numa_group *ng)
{
	return ng->gid;
}
#endif

#ifdef CONFIG_SCHED_AUTOGROUP
/*
 * A process's autogroup (kernel/sched/autogroup.h), for /proc/PID/autogroup: the
 * caller holds the process's siglock, under which signal->autogroup is stable and
 * counted (autogroup_move_group replaces it under that lock, and drops the old one's
 * reference after).
 */
#include "sched/autogroup.h"

struct autogroup *procfs2_signal_autogroup(struct signal_struct *sig)
{
	return sig->autogroup;
}

bool procfs2_autogroup_is_autogroup(struct autogroup *ag)
{
	return task_group_is_autogroup(ag->tg);
}

unsigned long procfs2_autogroup_id(struct autogroup *ag)
{
	return ag->id;
}

/* Written under ag->lock's write side, a single int. */
int procfs2_autogroup_nice(struct autogroup *ag)
{
	return READ_ONCE(ag->nice);
}
#endif

#ifdef CONFIG_SCHEDSTATS
/*
 * show_schedstat's fields of a runqueue (kernel/sched/stats.c), read without a lock
 * as it reads them. wrap/sched.rs prints version 16's lines, which Kbuild checks
 * against SCHEDSTAT_VERSION, cut out of kernel/sched/stats.c.
 */
#include "schedstat_version.h"
static_assert(SCHEDSTAT_VERSION == 16);

unsigned int procfs2_rq_yld_count(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->yld_count);
}

unsigned int procfs2_rq_sched_count(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->sched_count);
}

unsigned int procfs2_rq_sched_goidle(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->sched_goidle);
}

unsigned int procfs2_rq_ttwu_count(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->ttwu_count);
}

unsigned int procfs2_rq_ttwu_local(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->ttwu_local);
}

unsigned long long procfs2_rq_cpu_time(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->rq_cpu_time);
}

unsigned long long procfs2_rq_run_delay(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->rq_sched_info.run_delay);
}

unsigned long procfs2_rq_pcount(int cpu)
{
	return READ_ONCE(procfs2_cpu_rq(cpu)->rq_sched_info.pcount);
}

#ifdef CONFIG_SMP
/*
 * The runqueue's lowest scheduling domain (for_each_domain's start), under RCU;
 * rcu_dereference_check_sched_domain() would name sched_domains_mutex, which is
 * not exported, for lockdep: the reader holds RCU, and domains are freed after a
 * grace period (destroy_sched_domains).
 */
struct sched_domain *procfs2_rq_sd(int cpu)
{
	return rcu_dereference(procfs2_cpu_rq(cpu)->sd);
}

/* sched_domain_span(sd), printed as show_schedstat prints it. */
void procfs2_seq_sd_span(struct seq_file *m, struct sched_domain *sd)
{
	seq_printf(m, "%*pb", cpumask_pr_args(sched_domain_span(sd)));
}
#endif /* CONFIG_SMP */
#endif /* CONFIG_SCHEDSTATS */

#ifdef CONFIG_PSI
/*
 * Pressure stall information (wrap/psi.rs): psi_system, static in kernel/sched/psi.c,
 * is the parent of every top-level cgroup's psi_group (psi_cgroup_alloc), and its
 * per-CPU times are written under each CPU's runqueue lock (psi_group_change
 * asserts it), which stands in for the static psi_seq. PSI_FREQ and the EXP_*
 * constants are cut out of kernel/sched/psi.c by Kbuild.
 */
#include <linux/sched/clock.h>
#include "psi_consts.h"

/* &cgrp_dfl_root.cgrp.self: where css_next_descendant_pre() starts. */
struct cgroup_subsys_state *procfs2_dfl_root_css(void)
{
	return &cgrp_dfl_root.cgrp.self;
}

/* A cgroup's psi_group, set before the cgroup is linked and freed after a grace period. */
struct psi_group *procfs2_css_cgroup_psi(struct cgroup_subsys_state *css)
{
	return css->cgroup->psi;
}

/* per_cpu_ptr(group->pcpu, cpu) */
struct psi_group_cpu *procfs2_psi_group_cpu(struct psi_group *group, int cpu)
{
	return per_cpu_ptr(group->pcpu, cpu);
}

/* __rq_lockp(cpu_rq(cpu)): the lock raw_spin_rq_lock_nested() takes and rechecks. */
raw_spinlock_t *procfs2_rq_lockp(int cpu)
{
	return __rq_lockp(procfs2_cpu_rq(cpu));
}

unsigned long procfs2_local_irq_save(void)
{
	unsigned long flags;

	local_irq_save(flags);
	return flags;
}

void procfs2_local_irq_restore(unsigned long flags)
{
	local_irq_restore(flags);
}

void procfs2_raw_spin_lock(raw_spinlock_t *lock)
{
	raw_spin_lock(lock);
}

void procfs2_raw_spin_unlock(raw_spinlock_t *lock)
{
	raw_spin_unlock(lock);
}

/* cpu_clock(cpu), as get_recent_times() reads it. */
u64 procfs2_cpu_clock(int cpu)
{
	return cpu_clock(cpu);
}

/* PSI_FREQ, EXP_10s, EXP_60s and EXP_300s of kernel/sched/psi.c. */
unsigned long procfs2_psi_freq(void)
{
	return PSI_FREQ;
}

unsigned long procfs2_psi_exp_10s(void)
{
	return EXP_10s;
}

unsigned long procfs2_psi_exp_60s(void)
{
	return EXP_60s;
}

unsigned long procfs2_psi_exp_300s(void)
{
	return EXP_300s;
}
#endif /* CONFIG_PSI */
