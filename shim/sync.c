// SPDX-License-Identifier: GPL-2.0
/*
 * Locks and the RCU read side (wrap/lock.rs, wrap/sync.rs, wrap/task.rs): the
 * static inlines and macros of rcupdate.h, seqlock.h, spinlock.h and completion.h
 * that rust/helpers does not already wrap, and procfs2's own oom_adj_mutex.
 */
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>

#include "shim.h"

void procfs2_rcu_read_lock(void)
{
	rcu_read_lock();
}

void procfs2_rcu_read_unlock(void)
{
	rcu_read_unlock();
}

void procfs2_init_completion(struct completion *c)
{
	init_completion(c);
}

/* The lock half of lock_task_sighand(); Rust does the retry. */
unsigned long procfs2_siglock_irqsave(struct sighand_struct *sighand)
{
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	return flags;
}

void procfs2_siglock_irqrestore(struct sighand_struct *sighand, unsigned long flags)
{
	spin_unlock_irqrestore(&sighand->siglock, flags);
}

/* The reader side of a seqlock (signal->stats_lock); Rust does the retry. */
unsigned long procfs2_read_seqbegin_or_lock_irqsave(seqlock_t *lock, int *seq)
{
	return read_seqbegin_or_lock_irqsave(lock, seq);
}

bool procfs2_need_seqretry(seqlock_t *lock, int seq)
{
	return need_seqretry(lock, seq);
}

void procfs2_done_seqretry_irqrestore(seqlock_t *lock, int seq, unsigned long flags)
{
	done_seqretry_irqrestore(lock, seq, flags);
}

unsigned long procfs2_raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	raw_spin_lock_irqsave(lock, flags);
	return flags;
}

void procfs2_raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(lock, flags);
}

static DEFINE_MUTEX(procfs2_oom_adj_lock);

struct mutex *procfs2_oom_adj_mutex(void)
{
	return &procfs2_oom_adj_lock;
}
