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

#include "shim.h"

/* Rust mirrors these flag values (vfs.rs); bindgen cannot evaluate BIT(). */
static_assert(SB_NOSUID == 2);
static_assert(SB_NOEXEC == 8);
static_assert(SB_NODIRATIME == 2048);
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
