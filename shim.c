// SPDX-License-Identifier: GPL-2.0
/*
 * shim.c - C glue for procfs2. Every function here is a wrapper around a static
 * inline, a macro or a structure field that Rust cannot reach; the decisions are
 * all made in Rust. The parameter and context tables are here because their types
 * are not in the bindings.
 */
#include <generated/compile.h>
#include <linux/build_bug.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/interrupt.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/namei.h>
#include <linux/threads.h>
#include <linux/tick.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>
#include <linux/completion.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/user_namespace.h>

#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/sched/coredump.h>
#include <linux/fs_struct.h>
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/tty.h>
#include <linux/sched/cputime.h>
#include <linux/delayacct.h>
#include <linux/kdev_t.h>
#include <linux/seq_file.h>
#include <linux/ptrace.h>
#include <linux/sched/numa_balancing.h>
#include <linux/fdtable.h>
#include <linux/mmu_context.h>
#include <linux/task_io_accounting_ops.h>
#include <linux/oom.h>
#include <linux/sched/stat.h>
#include <linux/resource.h>
#include <linux/stacktrace.h>
#include <linux/auxvec.h>
#include "mount.h"
#include "shim.h"

/* Rust mirrors these flag values (vfs.rs); bindgen cannot evaluate BIT(). */
static_assert(SB_NOSUID == 2);
static_assert(SB_NOEXEC == 8);
static_assert(SB_NODIRATIME == 2048);
/* fd.rs mirrors these. */
static_assert((__force unsigned int)FMODE_READ == 1 && (__force unsigned int)FMODE_WRITE == 2);
static_assert(LOOKUP_RCU == 0x40);
static_assert(PID_MAX_LIMIT == 4 * 1024 * 1024);

/* fs/proc/root.c proc_fs_parameters */
const struct fs_parameter_spec procfs2_fs_parameters[] = {
	fsparam_u32("gid", PROCFS2_OPT_GID),
	fsparam_string("hidepid", PROCFS2_OPT_HIDEPID),
	fsparam_string("subset", PROCFS2_OPT_SUBSET),
	{}
};

static int procfs2_get_tree(struct fs_context *fc)
{
	return get_tree_nodev(fc, procfs2_fill_super);
}

static const struct fs_context_operations procfs2_context_ops = {
	.free		= procfs2_fc_free,
	.parse_param	= procfs2_parse_param,
	.get_tree	= procfs2_get_tree,
	.reconfigure	= procfs2_reconfigure,
};

/* The tail of fs/proc's proc_init_fs_context: the mount belongs to @ns's user ns. */
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns)
{
	put_user_ns(fc->user_ns);
	fc->user_ns = get_user_ns(ns->user_ns);
	fc->fs_private = fs_private;
	fc->ops = &procfs2_context_ops;
}

void *procfs2_fc_private(struct fs_context *fc)
{
	return fc->fs_private;
}

struct super_block *procfs2_fc_root_sb(struct fs_context *fc)
{
	return fc->root->d_sb;
}

int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32)
{
	struct fs_parse_result result = {};
	int opt = fs_parse(fc, procfs2_fs_parameters, param, &result);

	*uint_32 = result.uint_32;
	return opt;
}

const char *procfs2_param_string(struct fs_parameter *param)
{
	return param->type == fs_value_is_string ? param->string : NULL;
}

int procfs2_invalf(struct fs_context *fc, const char *msg)
{
	return invalf(fc, "%s", msg);
}

struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns)
{
	return get_pid_ns(ns);
}

struct pid_namespace *procfs2_get_current_pid_ns(void)
{
	return get_pid_ns(task_active_pid_ns(current));
}

struct user_namespace *procfs2_current_user_ns(void)
{
	return current_user_ns();
}

void procfs2_current_fsuid_fsgid(u32 *uid, u32 *gid)
{
	*uid = __kuid_val(current_fsuid());
	*gid = __kgid_val(current_fsgid());
}

bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type)
{
	return dir_emit(ctx, name, len, ino, type);
}

static DEFINE_RWLOCK(procfs2_subdir_lock);

void procfs2_subdir_read_lock(void)
{
	read_lock(&procfs2_subdir_lock);
}

void procfs2_subdir_read_unlock(void)
{
	read_unlock(&procfs2_subdir_lock);
}

void procfs2_subdir_write_lock(void)
{
	write_lock(&procfs2_subdir_lock);
}

void procfs2_subdir_write_unlock(void)
{
	write_unlock(&procfs2_subdir_lock);
}

static DEFINE_IDA(procfs2_inum_ida);

int procfs2_ida_alloc(unsigned int max)
{
	return ida_alloc_max(&procfs2_inum_ida, max, GFP_KERNEL);
}

void procfs2_ida_free(unsigned int id)
{
	ida_free(&procfs2_inum_ida, id);
}

void procfs2_init_completion(struct completion *c)
{
	init_completion(c);
}

struct kmem_cache *procfs2_kmem_cache_create(const char *name, unsigned int size,
					     unsigned int align, void (*ctor)(void *))
{
	return kmem_cache_create(name, size, align,
				 SLAB_RECLAIM_ACCOUNT | SLAB_ACCOUNT, ctor);
}

void *procfs2_alloc_inode_sb(struct super_block *sb, struct kmem_cache *cache)
{
	return alloc_inode_sb(sb, cache, GFP_KERNEL);
}

/* The number of pids allocated in @ns (without the PIDNS_ADDING flag). */
unsigned int procfs2_pid_allocated(struct pid_namespace *ns)
{
	return READ_ONCE(ns->pid_allocated) & ~PIDNS_ADDING;
}

unsigned long procfs2_jiffies(void)
{
	return READ_ONCE(jiffies);
}

int procfs2_current_tgid_nr_ns(struct pid_namespace *ns)
{
	return task_tgid_nr_ns(current, ns);
}

int procfs2_current_pid_nr_ns(struct pid_namespace *ns)
{
	return task_pid_nr_ns(current, ns);
}

void procfs2_utsname(const char **sysname, const char **release, const char **version)
{
	struct new_utsname *u = utsname();

	*sysname = u->sysname;
	*release = u->release;
	*version = u->version;
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

int procfs2_next_possible_cpu(int cpu)
{
	return cpumask_next(cpu, cpu_possible_mask);
}

bool procfs2_cpu_online(int cpu)
{
	return cpu_online(cpu);
}

u64 procfs2_cpu_idle_time_us(int cpu)
{
	return get_cpu_idle_time_us(cpu, NULL);
}

u64 procfs2_cpu_iowait_time_us(int cpu)
{
	return get_cpu_iowait_time_us(cpu, NULL);
}

/* Rust reads the NR_STATS counters in enum cpu_usage_stat order. */
void procfs2_kcpustat(int cpu, u64 *cpustat)
{
	struct kernel_cpustat kcs;

	kcpustat_cpu_fetch(&kcs, cpu);
	memcpy(cpustat, kcs.cpustat, sizeof(kcs.cpustat));
}

/* The names globals.rs prints are softirq_to_name[] of this kernel (not exported). */
static_assert(NR_SOFTIRQS == 10 && HI_SOFTIRQ == 0 && RCU_SOFTIRQ == 9);

unsigned int procfs2_softirqs_cpu(unsigned int irq, int cpu)
{
	return kstat_softirqs_cpu(irq, cpu);
}

/* nsec_to_clock_t() is not exported; Rust divides by NSEC_PER_SEC / USER_HZ. */
static_assert(NSEC_PER_SEC % USER_HZ == 0 && USER_HZ == 100);

int procfs2_pid_ns_last_pid(struct pid_namespace *ns)
{
	return idr_get_cursor(&ns->idr) - 1;
}

/*
 * nr_threads, nr_running() and nr_iowait() are not exported: count the threads,
 * those in TASK_RUNNING, and the sleeping ones waiting for I/O (what the
 * runqueues' nr_iowait counts), with one walk under RCU.
 */
void procfs2_count_threads(unsigned int *threads, unsigned int *running,
			   unsigned int *iowait)
{
	struct task_struct *g, *t;
	unsigned int n = 0, r = 0, w = 0;

	rcu_read_lock();
	for_each_process_thread(g, t) {
		n++;
		if (task_is_running(t))
			r++;
		else if (t->in_iowait)
			w++;
	}
	rcu_read_unlock();
	*threads = n;
	*running = r;
	*iowait = w;
}

/* /sys/kernel/debug/procfs2/entries, write-only for root. */
struct dentry *procfs2_debugfs_create(const struct file_operations *fops)
{
	struct dentry *dir = debugfs_create_dir("procfs2", NULL);

	debugfs_create_file("entries", 0200, dir, NULL, fops);
	return dir;
}

void procfs2_debugfs_remove(struct dentry *dir)
{
	debugfs_remove(dir);
}

unsigned long procfs2_node_page_state(int item)
{
	return global_node_page_state(item);
}

unsigned long procfs2_node_page_state_pages(int item)
{
	return global_node_page_state_pages(item);
}

unsigned long procfs2_zone_page_state(int item)
{
	return global_zone_page_state(item);
}

/* Both are static inlines returning 0 without CONFIG_SWAP, and not exported with it. */
unsigned long procfs2_swapcache_pages(void)
{
	return total_swapcache_pages();
}

void procfs2_si_swapinfo(struct sysinfo *i)
{
	si_swapinfo(i);
}

unsigned long procfs2_vmalloc_total(void)
{
	return VMALLOC_TOTAL;
}

/*
 * Tasks and pids. find_task_by_pid_ns(), next_tgid(), task_dump_owner(),
 * lock_task_sighand() and do_task_stat()'s field reads are not exported: these
 * read the same fields under the same locks and leave every decision to Rust.
 */
struct pid *procfs2_get_pid(struct pid *pid)
{
	return get_pid(pid);
}

void procfs2_get_task_struct(struct task_struct *t)
{
	get_task_struct(t);
}

void procfs2_put_task_struct(struct task_struct *t)
{
	put_task_struct(t);
}

struct task_struct *procfs2_find_task(struct pid_namespace *ns, int nr)
{
	struct task_struct *t;

	rcu_read_lock();
	t = pid_task(find_pid_ns(nr, ns), PIDTYPE_PID);
	if (t)
		get_task_struct(t);
	rcu_read_unlock();
	return t;
}

struct task_struct *procfs2_next_tgid(struct pid_namespace *ns, unsigned int *nr)
{
	struct task_struct *t = NULL;
	unsigned int n = *nr;
	struct pid *pid;

	rcu_read_lock();
	while ((pid = find_ge_pid(n, ns))) {
		n = pid_nr_ns(pid, ns);
		t = pid_task(pid, PIDTYPE_TGID);
		if (t) {
			get_task_struct(t);
			break;
		}
		n++;
	}
	rcu_read_unlock();
	*nr = n;
	return t;
}

/*
 * Thread-group leaders with a pid number in @ns at or above *@nr, counting at most
 * @max pids (the caller rests between batches); *@nr is left where to go on, 0 when
 * there is no pid left. A count only: no task is referenced.
 */
unsigned int procfs2_count_tgids(struct pid_namespace *ns, unsigned int *nr,
				 unsigned int max)
{
	unsigned int count = 0, n = *nr;
	struct pid *pid = NULL;

	rcu_read_lock();
	while (max-- && (pid = find_ge_pid(n, ns))) {
		if (pid_task(pid, PIDTYPE_TGID))
			count++;
		n = pid_nr_ns(pid, ns) + 1;
	}
	rcu_read_unlock();
	*nr = pid ? n : 0;
	return count;
}

/* The n-th thread of leader's group, counted; NULL past the last or once it died. */
struct task_struct *procfs2_nth_thread(struct task_struct *leader, unsigned int n)
{
	struct task_struct *t, *found = NULL;

	rcu_read_lock();
	if (pid_alive(leader)) {
		for_each_thread(leader, t) {
			if (n-- == 0) {
				get_task_struct(t);
				found = t;
				break;
			}
		}
	}
	rcu_read_unlock();
	return found;
}

unsigned int procfs2_nr_threads(struct task_struct *t)
{
	return get_nr_threads(t);
}

bool procfs2_pid_has_task(struct pid *pid, int type)
{
	bool alive;

	rcu_read_lock();
	alive = pid_task(pid, type) != NULL;
	rcu_read_unlock();
	return alive;
}

void procfs2_task_comm(struct task_struct *t, char *buf)
{
	__get_task_comm(buf, TASK_COMM_LEN, t);
}

/*
 * What task_dump_owner() bases its answer on, in *f: whether @t is a kernel thread
 * (then nothing else); the effective ids; with want_mm, mm_dumpable (-1 without an
 * mm, else get_dumpable()) and, only when that is not SUID_DUMP_USER, ns_uid and
 * ns_gid: root of the mm's user namespace (make_kuid(mm->user_ns, 0), -1 if unmapped).
 * Like task_dump_owner(), it reads no more than the answer needs: a directory's owner
 * never looks at the mm. Nothing here sleeps.
 */
void procfs2_task_owner_facts(struct task_struct *t, bool want_mm,
			      struct procfs2_owner_facts *f)
{
	const struct cred *cred;
	struct mm_struct *mm;

	f->kthread = t->flags & PF_KTHREAD;
	if (f->kthread)
		return;
	rcu_read_lock();
	cred = __task_cred(t);
	f->euid = __kuid_val(cred->euid);
	f->egid = __kgid_val(cred->egid);
	rcu_read_unlock();
	if (!want_mm)
		return;

	task_lock(t);
	mm = t->mm;
	f->mm_dumpable = mm ? get_dumpable(mm) : -1;
	if (mm && f->mm_dumpable != SUID_DUMP_USER) {
		f->ns_uid = __kuid_val(make_kuid(mm->user_ns, 0));
		f->ns_gid = __kgid_val(make_kgid(mm->user_ns, 0));
	}
	task_unlock(t);
}

/*
 * The same for the task of list @type of @pid, found and read under RCU with no
 * reference taken (pid_revalidate() and pid_getattr() do so): false if @pid has no
 * such task any more.
 */
bool procfs2_pid_owner_facts(struct pid *pid, int type, bool want_mm,
			     struct procfs2_owner_facts *f)
{
	struct task_struct *t;

	rcu_read_lock();
	t = pid_task(pid, type);
	if (t)
		procfs2_task_owner_facts(t, want_mm, f);
	rcu_read_unlock();
	return t;
}

/* The credentials __ptrace_may_access() compares, in ids[]: uid euid suid gid egid sgid. */
void procfs2_task_cred_ids(struct task_struct *t, u32 *ids)
{
	const struct cred *cred;

	rcu_read_lock();
	cred = __task_cred(t);
	ids[0] = __kuid_val(cred->uid);
	ids[1] = __kuid_val(cred->euid);
	ids[2] = __kuid_val(cred->suid);
	ids[3] = __kgid_val(cred->gid);
	ids[4] = __kgid_val(cred->egid);
	ids[5] = __kgid_val(cred->sgid);
	rcu_read_unlock();
}

/* ptrace_has_cap(): CAP_SYS_PTRACE in the target's user namespace (no audit). */
bool procfs2_task_ns_ptrace_capable(struct task_struct *t)
{
	struct user_namespace *ns;
	bool ok;

	rcu_read_lock();
	ns = __task_cred(t)->user_ns;
	ok = ns_capable_noaudit(ns, CAP_SYS_PTRACE);
	rcu_read_unlock();
	return ok;
}

/* The mm's dumpability and CAP_SYS_PTRACE over mm->user_ns; false without an mm. */
bool procfs2_task_mm_undumpable_uncapable(struct task_struct *t)
{
	struct mm_struct *mm;
	bool deny = false;

	task_lock(t);
	mm = t->mm;
	if (mm && get_dumpable(mm) != SUID_DUMP_USER)
		deny = !ns_capable_noaudit(mm->user_ns, CAP_SYS_PTRACE);
	task_unlock(t);
	return deny;
}

bool procfs2_same_thread_group(struct task_struct *t)
{
	return same_thread_group(t, current);
}

int procfs2_task_oom_score_adj(struct task_struct *t)
{
	return READ_ONCE(t->signal->oom_score_adj);
}

/* mm->arg_start, arg_end, env_start, env_end under arg_lock. */
void procfs2_mm_arg_area(struct mm_struct *mm, unsigned long *v)
{
	spin_lock(&mm->arg_lock);
	v[0] = mm->arg_start;
	v[1] = mm->arg_end;
	v[2] = mm->env_start;
	v[3] = mm->env_end;
	spin_unlock(&mm->arg_lock);
}

/* The task's cwd (root=false) or root, counted (get_fs_pwd/get_fs_root). */
bool procfs2_task_fs_path(struct task_struct *t, bool root, struct path *path)
{
	bool ok = false;

	task_lock(t);
	if (t->fs) {
		if (root)
			get_fs_root(t->fs, path);
		else
			get_fs_pwd(t->fs, path);
		ok = true;
	}
	task_unlock(t);
	return ok;
}

/* mm->exe_file, counted (get_mm_exe_file). */
struct file *procfs2_mm_exe_file(struct mm_struct *mm)
{
	struct file *f;

	rcu_read_lock();
	f = get_file_rcu(&mm->exe_file);
	rcu_read_unlock();
	return f;
}

/*
 * do_task_stat()'s inputs. lock_task_sighand() is an inline around the unexported
 * __lock_task_sighand(): the same retry loop is done here.
 */
static struct sighand_struct *lock_sighand(struct task_struct *t, unsigned long *flags)
{
	struct sighand_struct *sighand;

	rcu_read_lock();
	for (;;) {
		sighand = rcu_dereference(t->sighand);
		if (!sighand)
			break;
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (likely(sighand == rcu_access_pointer(t->sighand)))
			break;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
	rcu_read_unlock();
	return sighand;
}

static_assert(sizeof(struct procfs2_task_stat) == 46 * sizeof(s64));

int procfs2_task_stat(struct task_struct *task, struct pid_namespace *ns, bool whole,
		      struct procfs2_task_stat *st)
{
	struct signal_struct *sig = task->signal;
	struct sighand_struct *sighand;
	struct mm_struct *mm;
	unsigned long flags;
	int ret;

	ret = down_read_killable(&sig->exec_update_lock);
	if (ret)
		return ret;

	memset(st, 0, sizeof(*st));
	st->state = task_state_index(task);
	st->exit_code = task->exit_code;
	st->pgid = -1;
	st->sid = -1;
	st->tty_pgrp = -1;
	mm = get_task_mm(task);
	if (mm) {
		st->has_mm = 1;
		st->vsize = PAGE_SIZE * mm->total_vm;
		st->rss = get_mm_rss(mm);
		st->start_code = mm->start_code;
		st->end_code = mm->end_code;
		st->start_stack = mm->start_stack;
		st->start_data = mm->start_data;
		st->end_data = mm->end_data;
		st->start_brk = mm->start_brk;
		st->arg_start = mm->arg_start;
		st->arg_end = mm->arg_end;
		st->env_start = mm->env_start;
		st->env_end = mm->env_end;
		mmput(mm);
	}

	sighand = lock_sighand(task, &flags);
	if (sighand) {
		struct k_sigaction *k = sighand->action;
		int i;

		if (sig->tty) {
			struct pid *pgrp = tty_get_pgrp(sig->tty);

			st->tty_pgrp = pid_nr_ns(pgrp, ns);
			put_pid(pgrp);
			st->tty_nr = new_encode_dev(tty_devnum(sig->tty));
		}
		st->num_threads = get_nr_threads(task);
		for (i = 1; i <= _NSIG; ++i, ++k) {
			unsigned long bit = i <= BITS_PER_LONG ? 1UL << (i - 1) : 0;

			if (k->sa.sa_handler == SIG_IGN)
				st->sig_ignored |= bit;
			else if (k->sa.sa_handler != SIG_DFL)
				st->sig_caught |= bit;
		}
		st->rsslim = READ_ONCE(sig->rlim[RLIMIT_RSS].rlim_cur);
		if (whole && (sig->flags & (SIGNAL_GROUP_EXIT | SIGNAL_STOP_STOPPED)))
			st->exit_code = sig->group_exit_code;
		st->sid = task_session_nr_ns(task, ns);
		st->ppid = task_ppid_nr_ns(task, ns);
		st->pgid = task_pgrp_nr_ns(task, ns);
		spin_unlock_irqrestore(&sighand->siglock, flags);
	}
	st->running = task_is_running(task);

	scoped_seqlock_read (&sig->stats_lock, ss_lock_irqsave) {
		st->cmin_flt = sig->cmin_flt;
		st->cmaj_flt = sig->cmaj_flt;
		st->cutime = sig->cutime;
		st->cstime = sig->cstime;
		st->cgtime = sig->cgtime;
		if (whole) {
			struct task_struct *t;

			st->min_flt = sig->min_flt;
			st->maj_flt = sig->maj_flt;
			st->gtime = sig->gtime;
			rcu_read_lock();
			__for_each_thread(sig, t) {
				st->min_flt += t->min_flt;
				st->maj_flt += t->maj_flt;
				st->gtime += task_gtime(t);
			}
			rcu_read_unlock();
		}
	}
	if (whole) {
		/*
		 * thread_group_cputime_adjusted() is not exported: the exited threads'
		 * adjusted times plus each live thread's task_cputime_adjusted().
		 */
		struct task_struct *t;
		u64 ut, stime;

		st->utime = READ_ONCE(sig->utime);
		st->stime = READ_ONCE(sig->stime);
		rcu_read_lock();
		__for_each_thread(sig, t) {
			task_cputime_adjusted(t, &ut, &stime);
			st->utime += ut;
			st->stime += stime;
		}
		rcu_read_unlock();
	} else {
		u64 ut, stime;

		task_cputime_adjusted(task, &ut, &stime);
		st->utime = ut;
		st->stime = stime;
		st->min_flt = task->min_flt;
		st->maj_flt = task->maj_flt;
		st->gtime = task_gtime(task);
	}
	st->flags = task->flags;
	st->priority = task->prio - MAX_RT_PRIO;
	st->nice = task_nice(task);
	st->start_time_ns = task->start_boottime;
	st->sig_pending = task->pending.signal.sig[0];
	st->sig_blocked = task->blocked.sig[0];
	st->exit_signal = task->exit_signal;
	st->cpu = task_cpu(task);
	st->rt_priority = task->rt_priority;
	st->policy = task->policy;
#ifdef CONFIG_TASK_DELAY_ACCT
	if (task->delays)
		st->blkio_delay_ns = task->delays->blkio_delay;
#endif
	up_read(&sig->exec_update_lock);
	return 0;
}

/* task_statm(): size, resident, shared, text, data, in pages. */
void procfs2_mm_statm(struct mm_struct *mm, unsigned long *v)
{
	unsigned long shared = get_mm_counter_sum(mm, MM_FILEPAGES) +
			       get_mm_counter_sum(mm, MM_SHMEMPAGES);

	v[0] = mm->total_vm;
	v[1] = shared + get_mm_counter_sum(mm, MM_ANONPAGES);
	v[2] = shared;
	v[3] = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	v[4] = mm->data_vm + mm->stack_vm;
}

/* d_parent_ino(file->f_path.dentry), for the ".." of a readdir (dir_emit_dots). */
unsigned long procfs2_file_parent_ino(struct file *file)
{
	return d_parent_ino(file->f_path.dentry);
}

/*
 * proc_pid_status()'s inputs (task_state, task_mem, task_sig, task_cap, ...), ids
 * already mapped into the reader's user namespace (seq_user_ns). The speculation
 * lines need arch_prctl_spec_ctrl_get(), which is not exported.
 */
static_assert(sizeof(struct procfs2_task_status) == 51 * sizeof(s64));
static_assert(_NSIG_WORDS == 1);

void procfs2_task_status(struct seq_file *m, struct task_struct *p, struct pid_namespace *ns,
			 struct procfs2_task_status *st)
{
	struct user_namespace *user_ns = seq_user_ns(m);
	struct sighand_struct *sighand;
	struct task_struct *tracer;
	const struct cred *cred;
	struct mm_struct *mm;
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	st->umask = -1;
	rcu_read_lock();
	st->ppid = pid_alive(p) ? task_tgid_nr_ns(rcu_dereference(p->real_parent), ns) : 0;
	tracer = ptrace_parent(p);
	if (tracer)
		st->tracer_pid = task_pid_nr_ns(tracer, ns);
	st->tgid = task_tgid_nr_ns(p, ns);
	st->ngid = task_numa_group_id(p);
	cred = __task_cred(p);
	st->uid[0] = from_kuid_munged(user_ns, cred->uid);
	st->uid[1] = from_kuid_munged(user_ns, cred->euid);
	st->uid[2] = from_kuid_munged(user_ns, cred->suid);
	st->uid[3] = from_kuid_munged(user_ns, cred->fsuid);
	st->gid[0] = from_kgid_munged(user_ns, cred->gid);
	st->gid[1] = from_kgid_munged(user_ns, cred->egid);
	st->gid[2] = from_kgid_munged(user_ns, cred->sgid);
	st->gid[3] = from_kgid_munged(user_ns, cred->fsgid);
	st->cap[0] = cred->cap_inheritable.val;
	st->cap[1] = cred->cap_permitted.val;
	st->cap[2] = cred->cap_effective.val;
	st->cap[3] = cred->cap_bset.val;
	st->cap[4] = cred->cap_ambient.val;
	task_lock(p);
	if (p->fs)
		st->umask = p->fs->umask;
	if (p->files)
		st->fdsize = files_fdtable(p->files)->max_fds;
	task_unlock(p);
	rcu_read_unlock();
	st->state = task_state_index(p);
	st->kthread = !!(p->flags & PF_KTHREAD);

	mm = get_task_mm(p);
	if (mm) {
		unsigned long text, anon, file, shmem;

		st->has_mm = 1;
		anon = get_mm_counter_sum(mm, MM_ANONPAGES);
		file = get_mm_counter_sum(mm, MM_FILEPAGES);
		shmem = get_mm_counter_sum(mm, MM_SHMEMPAGES);
		st->total_vm = mm->total_vm;
		st->hiwater_vm = max(mm->total_vm, mm->hiwater_vm);
		st->total_rss = anon + file + shmem;
		st->hiwater_rss = max(anon + file + shmem, mm->hiwater_rss);
		st->anon = anon;
		st->file = file;
		st->shmem = shmem;
		st->locked_vm = mm->locked_vm;
		st->pinned_vm = atomic64_read(&mm->pinned_vm);
		st->data_vm = mm->data_vm;
		st->stack_vm = mm->stack_vm;
		text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
		text = min(text, mm->exec_vm << PAGE_SHIFT);
		st->text_bytes = text;
		st->lib_bytes = (mm->exec_vm << PAGE_SHIFT) - text;
		st->pte_bytes = mm_pgtables_bytes(mm);
		st->swap = get_mm_counter_sum(mm, MM_SWAPENTS);
		st->core_dumping = !!p->signal->core_state;
		st->thp_enabled = IS_ENABLED(CONFIG_TRANSPARENT_HUGEPAGE) &&
				  !test_bit(MMF_DISABLE_THP, &mm->flags);
		st->untag_mask = mm_untag_mask(mm);
		mmput(mm);
	}

	sighand = lock_sighand(p, &flags);
	if (sighand) {
		struct k_sigaction *k = sighand->action;
		int i;

		st->sig_pending = p->pending.signal.sig[0];
		st->sig_shpending = p->signal->shared_pending.signal.sig[0];
		st->sig_blocked = p->blocked.sig[0];
		for (i = 1; i <= _NSIG; ++i, ++k) {
			if (k->sa.sa_handler == SIG_IGN)
				st->sig_ignored |= 1ULL << (i - 1);
			else if (k->sa.sa_handler != SIG_DFL)
				st->sig_caught |= 1ULL << (i - 1);
		}
		st->threads = get_nr_threads(p);
		rcu_read_lock();
		st->sigq = get_rlimit_value(task_ucounts(p), UCOUNT_RLIMIT_SIGPENDING);
		rcu_read_unlock();
		st->sigq_lim = task_rlimit(p, RLIMIT_SIGPENDING);
		spin_unlock_irqrestore(&sighand->siglock, flags);
	}
	st->no_new_privs = task_no_new_privs(p);
	st->nvcsw = p->nvcsw;
	st->nivcsw = p->nivcsw;
}

/* The supplementary groups in the reader's user namespace; returns how many there are. */
int procfs2_task_groups(struct seq_file *m, struct task_struct *p, u32 *buf, int max)
{
	struct user_namespace *user_ns = seq_user_ns(m);
	const struct cred *cred = get_task_cred(p);
	struct group_info *gi = cred->group_info;
	int g, n = gi->ngroups;

	for (g = 0; g < n && g < max; g++)
		buf[g] = from_kgid_munged(user_ns, gi->gid[g]);
	put_cred(cred);
	return n;
}

/*
 * The task's ids of one kind (0 tgid, 1 pid, 2 pgrp, 3 session) in each namespace from
 * ns down to its pid's own level (the NS* lines); returns how many.
 */
int procfs2_task_ns_ids(struct task_struct *p, struct pid *pid, struct pid_namespace *ns,
			int kind, u32 *buf, int max)
{
	int g, n = 0;

	for (g = ns->level; g <= pid->level && n < max; g++) {
		struct pid_namespace *in = pid->numbers[g].ns;

		switch (kind) {
		case 0: buf[n++] = task_tgid_nr_ns(p, in); break;
		case 1: buf[n++] = task_pid_nr_ns(p, in); break;
		case 2: buf[n++] = task_pgrp_nr_ns(p, in); break;
		default: buf[n++] = task_session_nr_ns(p, in); break;
		}
	}
	return n;
}

/* Cpus_allowed ("%*pb") or Cpus_allowed_list ("%*pbl") into buf. */
int procfs2_task_cpus(struct task_struct *p, bool list, char *buf, int size)
{
	if (list)
		return scnprintf(buf, size, "%*pbl", cpumask_pr_args(&p->cpus_mask));
	return scnprintf(buf, size, "%*pb", cpumask_pr_args(&p->cpus_mask));
}

/*
 * Open files of a task (fs/proc/fd.c). fget_task() and task_lookup_fdget_rcu() are
 * not exported; task_lookup_next_fdget_rcu() is, and finds the same files.
 */
struct file *procfs2_task_next_fd(struct task_struct *t, unsigned int *fd)
{
	struct file *f;

	rcu_read_lock();
	f = task_lookup_next_fdget_rcu(t, fd);
	rcu_read_unlock();
	return f;
}

/* The number of open fds (proc_readfd_count); -1 without a file table. */
long procfs2_task_fd_count(struct task_struct *t)
{
	long n = -1;

	task_lock(t);
	if (t->files) {
		struct fdtable *fdt;

		rcu_read_lock();
		fdt = files_fdtable(t->files);
		n = bitmap_weight(fdt->open_fds, fdt->max_fds);
		rcu_read_unlock();
	}
	task_unlock(t);
	return n;
}

/* fdinfo's first lines' inputs: the file at fd, counted, and its flags with O_CLOEXEC. */
struct file *procfs2_task_fd_flags(struct task_struct *t, unsigned int fd, unsigned int *flags)
{
	struct files_struct *files;
	struct file *file = NULL;

	task_lock(t);
	files = t->files;
	if (files) {
		spin_lock(&files->file_lock);
		file = files_lookup_fd_locked(files, fd);
		if (file) {
			*flags = file->f_flags;
			if (close_on_exec(fd, files))
				*flags |= O_CLOEXEC;
			get_file(file);
		}
		spin_unlock(&files->file_lock);
	}
	task_unlock(t);
	return file;
}

/*
 * mnt_id of the file's mount (real_mount(mnt)->mnt_id). struct mount is private to
 * fs/, but this module is built against the same tree as the kernel it loads into,
 * so fs/mount.h describes it exactly (Kbuild adds the include path).
 */
int procfs2_file_mnt_id(struct file *f)
{
	return real_mount(f->f_path.mnt)->mnt_id;
}

long long procfs2_file_pos(struct file *f)
{
	return f->f_pos;
}

unsigned long procfs2_file_ino(struct file *f)
{
	return file_inode(f)->i_ino;
}

unsigned int procfs2_file_mode(struct file *f)
{
	return f->f_mode;
}

void procfs2_file_show_fdinfo(struct seq_file *m, struct file *f)
{
	if (f->f_op->show_fdinfo)
		f->f_op->show_fdinfo(m, f);
}

/* dont_mount(): nothing may be mounted on an fd entry (proc_splice_unmountable). */
void procfs2_dont_mount(struct dentry *d)
{
	dont_mount(d);
}


/* task->signal->rlim[], copied under siglock as proc_pid_limits() does. */
bool procfs2_task_rlimits(struct task_struct *t, struct rlimit *rlim)
{
	struct sighand_struct *sighand;
	unsigned long flags;

	sighand = lock_sighand(t, &flags);
	if (!sighand)
		return false;
	memcpy(rlim, t->signal->rlim, sizeof(struct rlimit) * RLIM_NLIMITS);
	spin_unlock_irqrestore(&sighand->siglock, flags);
	return true;
}

/*
 * do_io_accounting()'s counters (rchar wchar syscr syscw read_bytes write_bytes
 * cancelled_write_bytes), the group's when whole; under exec_update_lock.
 */
int procfs2_task_io(struct task_struct *t, bool whole, u64 *v)
{
	struct task_io_accounting acct;
	int ret = down_read_killable(&t->signal->exec_update_lock);

	if (ret)
		return ret;
	if (whole) {
		struct signal_struct *sig = t->signal;
		struct task_struct *th;
		unsigned int seq = 1;
		unsigned long flags;

		rcu_read_lock();
		do {
			seq++;
			flags = read_seqbegin_or_lock_irqsave(&sig->stats_lock, &seq);
			acct = sig->ioac;
			__for_each_thread(sig, th)
				task_io_accounting_add(&acct, &th->ioac);
		} while (need_seqretry(&sig->stats_lock, seq));
		done_seqretry_irqrestore(&sig->stats_lock, seq, flags);
		rcu_read_unlock();
	} else {
		acct = t->ioac;
	}
	up_read(&t->signal->exec_update_lock);
	v[0] = acct.rchar;
	v[1] = acct.wchar;
	v[2] = acct.syscr;
	v[3] = acct.syscw;
#ifdef CONFIG_TASK_IO_ACCOUNTING
	v[4] = acct.read_bytes;
	v[5] = acct.write_bytes;
	v[6] = acct.cancelled_write_bytes;
#else
	v[4] = v[5] = v[6] = 0;
#endif
	return 0;
}

/*
 * What oom_badness() (mm/oom_kill.c, not exported) computes with: false for tasks the
 * OOM killer never picks (init, kernel threads, no thread with an mm, OOM-skipped or
 * in vfork); else the task's pages (rss, swap entries, page tables), its
 * oom_score_adj, and the page total (RAM and swap), from one thread with an mm
 * (find_lock_task_mm(), under its task lock).
 */
bool procfs2_oom_facts(struct task_struct *p, long *pages, long *adj, unsigned long *totalpages)
{
	struct task_struct *t, *found = NULL;
	bool pick = false;

	*totalpages = totalram_pages() + total_swap_pages;
	if (is_global_init(p) || (p->flags & PF_KTHREAD))
		return false;
	rcu_read_lock();
	for_each_thread(p, t) {
		task_lock(t);
		if (likely(t->mm)) {
			found = t;
			break;
		}
		task_unlock(t);
	}
	rcu_read_unlock();
	if (!found)
		return false;
	*adj = (long)found->signal->oom_score_adj;
	if (!test_bit(MMF_OOM_SKIP, &found->mm->flags) && !in_vfork(found)) {
		pick = true;
		*pages = get_mm_rss(found->mm) + get_mm_counter(found->mm, MM_SWAPENTS) +
			 mm_pgtables_bytes(found->mm) / PAGE_SIZE;
	}
	task_unlock(found);
	return pick;
}

/* proc_pid_schedstat(): run time, wait time, timeslices; false without sched_info. */
bool procfs2_task_schedstat(struct task_struct *t, u64 *v)
{
	if (!sched_info_on())
		return false;
	v[0] = t->se.sum_exec_runtime;
	v[1] = t->sched_info.run_delay;
	v[2] = t->sched_info.pcount;
	return true;
}

/* lock_trace()'s lock: personality is read under exec_update_lock. */
int procfs2_task_personality(struct task_struct *t, unsigned int *personality)
{
	int ret = down_read_killable(&t->signal->exec_update_lock);

	if (ret)
		return ret;
	*personality = t->personality;
	up_read(&t->signal->exec_update_lock);
	return 0;
}

/* mm->saved_auxv up to and including the AT_NULL pair (auxv_read); returns the words. */
int procfs2_mm_saved_auxv(struct mm_struct *mm, unsigned long *buf, int max)
{
	int n = 0;

	do {
		n += 2;
	} while (n < max && n < AT_VECTOR_SIZE && mm->saved_auxv[n - 2] != 0);
	memcpy(buf, mm->saved_auxv, n * sizeof(buf[0]));
	return n;
}

/* The caller of this read has CAP_SYS_ADMIN over the initial user namespace (file_ns_capable). */
bool procfs2_seq_file_admin(struct seq_file *m)
{
	return file_ns_capable(m->file, &init_user_ns, CAP_SYS_ADMIN);
}

/*
 * proc_pid_stack()'s listing of a task's kernel stack, under exec_update_lock; the
 * permission checks are the caller's. "%pB" has no Rust counterpart.
 */
int procfs2_task_stack(struct seq_file *m, struct task_struct *t)
{
	unsigned long *entries;
	unsigned int i, n;
	int ret;

	entries = kmalloc_array(64, sizeof(*entries), GFP_KERNEL);
	if (!entries)
		return -ENOMEM;
	ret = down_read_killable(&t->signal->exec_update_lock);
	if (!ret) {
		n = stack_trace_save_tsk(t, entries, 64, 0);
		for (i = 0; i < n; i++)
			seq_printf(m, "[<0>] %pB\n", (void *)entries[i]);
		up_read(&t->signal->exec_update_lock);
	}
	kfree(entries);
	return ret;
}

/* timerslack_ns_show(): CAP_SYS_NICE in the task's user namespace, and the value. */
bool procfs2_task_nice_capable(struct task_struct *t)
{
	bool ok;

	rcu_read_lock();
	ok = ns_capable(__task_cred(t)->user_ns, CAP_SYS_NICE);
	rcu_read_unlock();
	return ok;
}

u64 procfs2_task_timer_slack_ns(struct task_struct *t)
{
	u64 v;

	task_lock(t);
	v = t->timer_slack_ns;
	task_unlock(t);
	return v;
}

bool procfs2_task_is_current(struct task_struct *t)
{
	return t == current;
}

/*
 * What commoncap's cap_ptrace_access_check() looks at, for PTRACE_MODE_FSCREDS:
 * whether the caller shares the target's user namespace and holds (effective) every
 * capability the target has permitted, and whether it has CAP_SYS_PTRACE over the
 * target's user namespace.
 */
void procfs2_cap_ptrace_facts(struct task_struct *t, bool *same_ns_superset, bool *ptrace_cap)
{
	const struct cred *cred = current_cred(), *tcred;

	rcu_read_lock();
	tcred = __task_cred(t);
	*same_ns_superset = cred->user_ns == tcred->user_ns &&
			    cap_issubset(tcred->cap_permitted, cred->cap_effective);
	*ptrace_cap = ns_capable_noaudit(tcred->user_ns, CAP_SYS_PTRACE);
	rcu_read_unlock();
}

/*
 * The thread after t in its group, counted (__next_thread under RCU). *stale is set
 * when t has left the group meanwhile, so that the caller can find its place again.
 */
struct task_struct *procfs2_next_thread(struct task_struct *t, bool *stale)
{
	struct task_struct *next = NULL;

	rcu_read_lock();
	*stale = !pid_alive(t);
	if (!*stale) {
		next = __next_thread(t);
		if (next)
			get_task_struct(next);
	}
	rcu_read_unlock();
	return next;
}
