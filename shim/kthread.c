// SPDX-License-Identifier: GPL-2.0
/*
 * The names fs/proc gives kernel threads (wrap/task/kthread.rs): proc_task_name()
 * calls get_kthread_comm() and wq_worker_comm(), neither exported. Kbuild cuts
 * struct kthread out of kernel/kthread.c, and struct worker_pool, struct
 * workqueue_struct and their constants out of kernel/workqueue.c; struct worker is
 * in kernel/workqueue_internal.h. The module is built against the tree it loads
 * into, so these are that kernel's layouts.
 *
 * Lifetimes: a task's struct kthread and its full_name are freed with the task
 * (free_task), so a held task keeps them. A worker is freed after
 * kthread_stop() returns (reap_dying_workers, destroy_workqueue), that is after its
 * thread's vfork_done (&kthread->exited) completed, which complete_vfork_done()
 * does under task_lock: while the caller holds the task's task_lock and sees
 * vfork_done set, the worker lives, and so do its rescued workqueue (destroyed
 * after kthread_stop() of its rescuer). Pools are per-CPU, or freed with their
 * attrs an RCU grace period after put_unbound_pool(), which first reaps the pool's
 * workers; a rescuer clears its pool pointer (worker_detach_from_pool) before it
 * drops the pwq reference that keeps the pool, so a pool pointer read under RCU
 * stays valid until rcu_read_unlock().
 */
#include <linux/completion.h>
#include <linux/hashtable.h>
#include <linux/idr.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include "workqueue_internal.h"
#include "kthread_struct.h"
#include "workqueue_structs.h"

#include "shim.h"

/* wrap/task/kthread.rs reads a worker's description and a workqueue's name up to these. */
static_assert(sizeof(((struct worker *)0)->desc) == WORKER_DESC_LEN && WORKER_DESC_LEN == 32);
static_assert(sizeof(((struct workqueue_struct *)0)->name) == WQ_NAME_LEN && WQ_NAME_LEN == 32);

/* to_kthread(): a PF_KTHREAD task's struct kthread (NULL if none was allocated). */
struct kthread *procfs2_task_kthread(struct task_struct *t)
{
	return READ_ONCE(t->worker_private);
}

/* get_kthread_comm's full name, which the thread sets as it starts (NULL: none). */
const char *procfs2_kthread_full_name(struct kthread *k)
{
	return READ_ONCE(k->full_name);
}

/* kthread_data(): a worker's struct worker. */
struct worker *procfs2_kthread_worker(struct kthread *k)
{
	return READ_ONCE(k->data);
}

/* Whether the thread has not yet completed its vfork_done; under task_lock. */
bool procfs2_task_vfork_pending(struct task_struct *t)
{
	return t->vfork_done;
}

struct workqueue_struct *procfs2_worker_rescue_wq(struct worker *w)
{
	return w->rescue_wq;
}

const char *procfs2_wq_name(struct workqueue_struct *wq)
{
	return wq->name;
}

/* The worker's pool (wq_pool_attach_mutex would keep it; read once, under RCU). */
struct worker_pool *procfs2_worker_pool(struct worker *w)
{
	return READ_ONCE(w->pool);
}

int procfs2_worker_id(struct worker *w)
{
	return w->id;
}

int procfs2_pool_cpu(struct worker_pool *pool)
{
	return pool->cpu;
}

int procfs2_pool_id(struct worker_pool *pool)
{
	return pool->id;
}

int procfs2_pool_nice(struct worker_pool *pool)
{
	return pool->attrs->nice;
}

raw_spinlock_t *procfs2_pool_lock(struct worker_pool *pool)
{
	return &pool->lock;
}

/* Under the pool's lock, as wq_worker_comm reads them. */
const char *procfs2_worker_desc(struct worker *w)
{
	return w->desc;
}

bool procfs2_worker_busy(struct worker *w)
{
	return w->current_work;
}
