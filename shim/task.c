// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks (wrap/task.rs, wrap/posix_timers.rs): the static inlines, macros and bit
 * fields of sched.h and its neighbours, the registers a blocked task entered the
 * kernel with, its audit ids and its POSIX timers.
 */
#include <asm/prctl.h>
#include <asm/syscall.h>
#include <linux/audit.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/delayacct.h>
#include <linux/kdev_t.h>
#include <linux/nodemask.h>
#include <linux/posix-timers.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/rt.h>
#include <linux/sched/signal.h>
#include <linux/sched/cputime.h>
#include <linux/sched/stat.h>
#include <linux/sched/task_stack.h>
#include <linux/tty.h>
#include <linux/user_namespace.h>

#include "shim.h"

unsigned int procfs2_task_state_index(struct task_struct *t)
{
	return task_state_index(t);
}

unsigned int procfs2_task_cpu(struct task_struct *t)
{
	return task_cpu(t);
}

u64 procfs2_task_gtime(struct task_struct *t)
{
	return task_gtime(t);
}

bool procfs2_in_vfork(struct task_struct *t)
{
	return in_vfork(t);
}

u32 procfs2_tty_nr(struct tty_struct *tty)
{
	return new_encode_dev(tty_devnum(tty));
}

void procfs2_task_cpus_list(struct task_struct *t, struct seq_file *m)
{
	seq_printf(m, "%*pbl", cpumask_pr_args(&t->cpus_mask));
}

void procfs2_task_cpus_mask(struct task_struct *t, struct seq_file *m)
{
	seq_printf(m, "%*pb", cpumask_pr_args(&t->cpus_mask));
}

#ifdef CONFIG_CPUSETS
void procfs2_task_mems_list(struct task_struct *t, struct seq_file *m)
{
	seq_printf(m, "%*pbl", nodemask_pr_args(&t->mems_allowed));
}

void procfs2_task_mems_mask(struct task_struct *t, struct seq_file *m)
{
	seq_printf(m, "%*pb", nodemask_pr_args(&t->mems_allowed));
}
#endif

#ifdef CONFIG_SECCOMP
int procfs2_task_seccomp_mode(struct task_struct *t)
{
	return t->seccomp.mode;
}
#endif

#ifdef CONFIG_SECCOMP_FILTER
int procfs2_task_seccomp_filters(struct task_struct *t)
{
	return atomic_read(&t->seccomp.filter_count);
}
#endif

#ifdef CONFIG_X86_USER_SHADOW_STACK
/* Rust tests these bits as arch/x86/kernel/cpu/proc.c's dump_x86_features does. */
static_assert(ARCH_SHSTK_SHSTK == 1 && ARCH_SHSTK_WRSS == 2);

unsigned long procfs2_task_x86_features(struct task_struct *t)
{
	return t->thread.features;
}

unsigned long procfs2_task_x86_features_locked(struct task_struct *t)
{
	return t->thread.features_locked;
}
#endif

unsigned long procfs2_task_avx512_timestamp(struct task_struct *t)
{
	return READ_ONCE(t->thread.fpu.avx512_timestamp);
}

bool procfs2_rt_or_dl_task_policy(struct task_struct *t)
{
	return rt_or_dl_task_policy(t);
}

long procfs2_ucounts_sigpending(struct ucounts *ucounts)
{
	return get_rlimit_value(ucounts, UCOUNT_RLIMIT_SIGPENDING);
}

bool procfs2_sched_info_on(void)
{
	return sched_info_on();
}

void procfs2_put_cred(const struct cred *cred)
{
	put_cred(cred);
}

/* Nor is struct task_delay_info. */
u64 procfs2_delays_blkio(struct task_delay_info *delays)
{
	return delays->blkio_delay;
}

unsigned long procfs2_pt_regs_offset(void)
{
	return THREAD_SIZE - TOP_OF_KERNEL_STACK_PADDING - sizeof(struct pt_regs);
}

long procfs2_syscall_get_nr(struct task_struct *t, struct pt_regs *regs)
{
	return syscall_get_nr(t, regs);
}

void procfs2_syscall_get_arguments(struct task_struct *t, struct pt_regs *regs,
				   unsigned long *args)
{
	syscall_get_arguments(t, regs, args);
}

int procfs2_itimer_signo(struct k_itimer *timer)
{
	return timer->sigq->info.si_signo;
}

void *procfs2_itimer_sival_ptr(struct k_itimer *timer)
{
	return timer->sigq->info.si_value.sival_ptr;
}

#ifdef CONFIG_AUDIT
uid_t procfs2_audit_loginuid(struct task_struct *t, struct user_namespace *ns)
{
	return from_kuid(ns, audit_get_loginuid(t));
}

unsigned int procfs2_audit_sessionid(struct task_struct *t)
{
	return audit_get_sessionid(t);
}
#endif
