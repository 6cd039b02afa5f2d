// SPDX-License-Identifier: GPL-2.0
/*
 * System V IPC objects for /proc/sysvipc/{msg,sem,shm} (wrap/ipc.rs): the opener's
 * namespaces, the id tables (struct ipc_ids) of its ipc namespace, walked as
 * ipc/util.c's sysvipc_find_ipc() does, and the fields ipc/{msg,sem,shm}.c's proc show functions
 * print, read through struct msg_queue, sem_array and shmid_kernel cut out of those
 * files at build time (Kbuild). ipc/util.h is this tree's private header.
 */
#include <linux/hugetlb.h>
#include <linux/idr.h>
#include <linux/ipc.h>
#include <linux/ipc_namespace.h>
#include <linux/msg.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <linux/shmem_fs.h>

#include "shim.h"

#ifdef CONFIG_SYSVIPC
#include "util.h"
#include "ipc_structs.h"

/* wrap/ipc.rs names the tables by these indices, and the objects by their perm. */
static_assert(PROCFS2_IPC_SEM_IDS == IPC_SEM_IDS && PROCFS2_IPC_MSG_IDS == IPC_MSG_IDS &&
	      PROCFS2_IPC_SHM_IDS == IPC_SHM_IDS);
static_assert(offsetof(struct msg_queue, q_perm) == 0 && offsetof(struct sem_array, sem_perm) == 0);

/* sysvipc_proc_open()'s namespaces: the caller's (NULL past exit_task_namespaces()). */
struct nsproxy *procfs2_current_nsproxy(void)
{
	return current->nsproxy;
}

struct ipc_namespace *procfs2_nsproxy_get_ipc_ns(struct nsproxy *nsproxy)
{
	return get_ipc_ns(nsproxy->ipc_ns);
}

struct pid_namespace *procfs2_current_active_pid_ns_get(void)
{
	return get_pid_ns(task_active_pid_ns(current));
}

void procfs2_put_ipc_ns(struct ipc_namespace *ns)
{
	put_ipc_ns(ns);
}

/* The table of kind `which` in ns. */
struct ipc_ids *procfs2_ipc_ids(struct ipc_namespace *ns, unsigned int which)
{
	return &ns->ids[which];
}

void procfs2_ipc_ids_down_read(struct ipc_ids *ids)
{
	down_read(&ids->rwsem);
}

void procfs2_ipc_ids_up_read(struct ipc_ids *ids)
{
	up_read(&ids->rwsem);
}

/*
 * The object at the first idr index at or after *idx (idr_get_next), with *idx set
 * to it; the index is the low part of the IPC id (ipcid_to_idx), not the id.
 */
struct kern_ipc_perm *procfs2_ipc_get_next(struct ipc_ids *ids, int *idx)
{
	return idr_get_next(&ids->ipcs_idr, idx);
}

struct kern_ipc_perm *procfs2_ipc_find(struct ipc_ids *ids, int idx)
{
	return idr_find(&ids->ipcs_idr, idx);
}

/* sysvipc_find_ipc()'s lock, and ipc_unlock(). */
void procfs2_ipc_lock(struct kern_ipc_perm *perm)
{
	rcu_read_lock();
	ipc_lock_object(perm);
}

void procfs2_ipc_unlock(struct kern_ipc_perm *perm)
{
	ipc_unlock(perm);
}

/* The columns every kind prints first, ids mapped into user_ns (from_k*id_munged). */
void procfs2_ipc_perm_row(struct kern_ipc_perm *perm, struct user_namespace *user_ns,
			  struct procfs2_ipc_perm_row *r)
{
	*r = (struct procfs2_ipc_perm_row){ perm->key, perm->id, perm->mode,
		from_kuid_munged(user_ns, perm->uid), from_kgid_munged(user_ns, perm->gid),
		from_kuid_munged(user_ns, perm->cuid), from_kgid_munged(user_ns, perm->cgid) };
}

/* sysvipc_msg_proc_show()'s columns, pids in ns. */
void procfs2_msg_row(struct kern_ipc_perm *perm, struct pid_namespace *ns, struct procfs2_msg_row *r)
{
	struct msg_queue *msq = container_of(perm, struct msg_queue, q_perm);

	*r = (struct procfs2_msg_row){ msq->q_cbytes, msq->q_qnum, pid_nr_ns(msq->q_lspid, ns),
		pid_nr_ns(msq->q_lrpid, ns), msq->q_stime, msq->q_rtime, msq->q_ctime };
}

/* sysvipc_shm_proc_show()'s columns but rss and swap, pids in ns. */
void procfs2_shm_row(struct kern_ipc_perm *perm, struct pid_namespace *ns, struct procfs2_shm_row *r)
{
	struct shmid_kernel *shp = container_of(perm, struct shmid_kernel, shm_perm);

	*r = (struct procfs2_shm_row){ shp->shm_segsz, shp->shm_nattch, pid_nr_ns(shp->shm_cprid, ns),
		pid_nr_ns(shp->shm_lprid, ns), shp->shm_atim, shp->shm_dtim, shp->shm_ctim };
}

/* shm_add_rss_swap(): the file's pages, and whether it is hugetlbfs's (no shmem swap). */
bool procfs2_shm_rss_hugetlb(struct kern_ipc_perm *perm, unsigned long *rss)
{
	struct file *file = container_of(perm, struct shmid_kernel, shm_perm)->shm_file;

	*rss = READ_ONCE(file_inode(file)->i_mapping->nrpages);
	return is_file_hugepages(file);
}

/* The swapped pages of a shmem segment (not a hugetlbfs one). */
unsigned long procfs2_shm_swapped(struct kern_ipc_perm *perm)
{
	struct file *file = container_of(perm, struct shmid_kernel, shm_perm)->shm_file;

	return READ_ONCE(SHMEM_I(file_inode(file))->swapped);
}

int procfs2_sem_nsems(struct kern_ipc_perm *perm)
{
	return container_of(perm, struct sem_array, sem_perm)->sem_nsems;
}

time64_t procfs2_sem_ctime(struct kern_ipc_perm *perm)
{
	return container_of(perm, struct sem_array, sem_perm)->sem_ctime;
}

/* The first semaphore's sem_otime, and the distance to the next one's (get_semotime()). */
time64_t *procfs2_sem_otime_first(struct kern_ipc_perm *perm, size_t *stride)
{
	*stride = sizeof(struct sem);
	return &container_of(perm, struct sem_array, sem_perm)->sems[0].sem_otime;
}
#endif /* CONFIG_SYSVIPC */
