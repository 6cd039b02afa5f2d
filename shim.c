// SPDX-License-Identifier: GPL-2.0
/*
 * The C glue of procfs2: one-line wrappers for the static inlines, macros, bit
 * fields and private structures that Rust cannot reach, each a single expression or
 * a single lock or unlock; loops, retries and decisions are Rust's (wrap/). The
 * mount parameter table and the context operations are here because their types
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
#include <linux/time_namespace.h>
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
#include <linux/sched/task_stack.h>
#include <linux/sched/rt.h>
#include <asm/syscall.h>
#include <linux/ipc_namespace.h>
#include <linux/time_namespace.h>
#include <net/net_namespace.h>
#include <linux/cgroup.h>
#include <linux/module.h>
#include <linux/posix-timers.h>
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <linux/topology.h>
#include <linux/nodemask.h>
#include <linux/mmzone.h>
#include <linux/audit.h>
#include <linux/console.h>
#include <linux/tty_driver.h>
#include <linux/crypto.h>
#include <linux/fips.h>
#include <../crypto/internal.h>
#include <../mm/internal.h>
#include <asm/prctl.h>
#include <linux/memory_hotplug.h>
#include <linux/pageblock-flags.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <asm/hardirq.h>
#include "mount.h"
#include "proc/internal.h"
#include "shim.h"

/* Rust mirrors these flag values (vfs.rs); bindgen cannot evaluate BIT(). */
static_assert(SB_NOSUID == 2);
static_assert(SB_NOEXEC == 8);
static_assert(SB_NODIRATIME == 2048);
/* fd.rs mirrors these. */
static_assert((__force unsigned int)FMODE_READ == 1 && (__force unsigned int)FMODE_WRITE == 2);
static_assert(LOOKUP_RCU == 0x40);
static_assert(PID_MAX_LIMIT == 4 * 1024 * 1024);
/*
 * super_block.rs's ProcFsInfo: procfs2's s_fs_info starts with fs/proc's
 * struct proc_fs_info, which pidfs and others read from a file's superblock.
 */
static_assert(sizeof(struct proc_fs_info) == 56);
static_assert(offsetof(struct proc_fs_info, pid_ns) == 0);
static_assert(offsetof(struct proc_fs_info, proc_self) == 8);
static_assert(offsetof(struct proc_fs_info, proc_thread_self) == 16);
static_assert(offsetof(struct proc_fs_info, pid_gid) == 24);
static_assert(offsetof(struct proc_fs_info, hide_pid) == 28);
static_assert(offsetof(struct proc_fs_info, pidonly) == 32);
static_assert(offsetof(struct proc_fs_info, rcu) == 40);

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

bool procfs2_param_is_string(struct fs_parameter *param)
{
	return param->type == fs_value_is_string;
}

const char *procfs2_param_string(struct fs_parameter *param)
{
	return param->string;
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
 * `insmod procfs2.ko selftest=1`: the tests' control file below is created only
 * then (module! in 6.12 takes no params: moduleparam.h's macro, read by Rust).
 */
static bool selftest;
module_param(selftest, bool, 0444);
MODULE_PARM_DESC(selftest, "create /sys/kernel/debug/procfs2/entries, which adds and removes entries (tests only; default off)");

bool procfs2_selftest_param(void)
{
	return selftest;
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

/* A static inline. */
unsigned long procfs2_swapcache_pages(void)
{
	return total_swapcache_pages();
}

/* si_swapinfo() and total_swap_pages are not exported; nr_swap_pages is. */
long procfs2_nr_swap_pages(void)
{
	return get_nr_swap_pages();
}

unsigned long procfs2_vmalloc_total(void)
{
	return VMALLOC_TOTAL;
}

/*
 * Tasks, pids, address spaces and open files. Rust (wrap/task.rs, wrap/lock.rs) reads
 * the fields and walks the lists under the locks fs/proc takes; these are the static
 * inlines, macros and bit fields among them that bindgen cannot reach.
 */
struct pid *procfs2_get_pid(struct pid *pid)
{
	return get_pid(pid);
}

void procfs2_rcu_read_lock(void)
{
	rcu_read_lock();
}

void procfs2_rcu_read_unlock(void)
{
	rcu_read_unlock();
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

/* A bit field. */
bool procfs2_task_in_iowait(struct task_struct *t)
{
	return t->in_iowait;
}


bool procfs2_in_vfork(struct task_struct *t)
{
	return in_vfork(t);
}

u32 procfs2_tty_nr(struct tty_struct *tty)
{
	return new_encode_dev(tty_devnum(tty));
}

int procfs2_task_cpus_list(struct task_struct *t, char *buf, int size)
{
	return scnprintf(buf, size, "%*pbl", cpumask_pr_args(&t->cpus_mask));
}

int procfs2_task_cpus_mask(struct task_struct *t, char *buf, int size)
{
	return scnprintf(buf, size, "%*pb", cpumask_pr_args(&t->cpus_mask));
}

#ifdef CONFIG_CPUSETS
int procfs2_task_mems_list(struct task_struct *t, char *buf, int size)
{
	return scnprintf(buf, size, "%*pbl", nodemask_pr_args(&t->mems_allowed));
}

int procfs2_task_mems_mask(struct task_struct *t, char *buf, int size)
{
	return scnprintf(buf, size, "%*pb", nodemask_pr_args(&t->mems_allowed));
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

/* pid_namespace.h is not in the bindings. */
int procfs2_pid_ns_level(struct pid_namespace *ns)
{
	return ns->level;
}

unsigned long procfs2_mm_rss(struct mm_struct *mm)
{
	return get_mm_rss(mm);
}

unsigned long procfs2_mm_counter(struct mm_struct *mm, int member)
{
	return get_mm_counter(mm, member);
}

unsigned long procfs2_mm_counter_sum(struct mm_struct *mm, int member)
{
	return get_mm_counter_sum(mm, member);
}

s64 procfs2_mm_pinned_vm(struct mm_struct *mm)
{
	return atomic64_read(&mm->pinned_vm);
}

unsigned long procfs2_mm_pgtables_bytes(struct mm_struct *mm)
{
	return mm_pgtables_bytes(mm);
}

bool procfs2_mm_thp_enabled(struct mm_struct *mm)
{
	return IS_ENABLED(CONFIG_TRANSPARENT_HUGEPAGE) && !test_bit(MMF_DISABLE_THP, &mm->flags);
}

#ifdef CONFIG_HUGETLB_PAGE
unsigned long procfs2_mm_hugetlb_usage(struct mm_struct *mm)
{
	return atomic_long_read(&mm->hugetlb_usage);
}
#endif

unsigned long procfs2_mm_untag_mask(struct mm_struct *mm)
{
	return mm_untag_mask(mm);
}

long procfs2_ucounts_sigpending(struct ucounts *ucounts)
{
	return get_rlimit_value(ucounts, UCOUNT_RLIMIT_SIGPENDING);
}

unsigned long procfs2_totalram_pages(void)
{
	return totalram_pages();
}

bool procfs2_sched_info_on(void)
{
	return sched_info_on();
}

void procfs2_put_cred(const struct cred *cred)
{
	put_cred(cred);
}

void procfs2_get_fs_root(struct fs_struct *fs, struct path *path)
{
	get_fs_root(fs, path);
}

void procfs2_get_fs_pwd(struct fs_struct *fs, struct path *path)
{
	get_fs_pwd(fs, path);
}

/* struct fs_struct is not in the bindings. */
unsigned int procfs2_fs_umask(struct fs_struct *fs)
{
	return fs->umask;
}

/* Nor is struct task_delay_info. */
u64 procfs2_delays_blkio(struct task_delay_info *delays)
{
	return delays->blkio_delay;
}

/* struct fdtable is not in the bindings. */
unsigned int procfs2_files_max_fds(struct files_struct *files)
{
	return files_fdtable(files)->max_fds;
}

/* proc_readfd_count(): the open fds; called under RCU. */
unsigned int procfs2_files_open_count(struct files_struct *files)
{
	return bitmap_weight(files_fdtable(files)->open_fds, files_fdtable(files)->max_fds);
}

/* Called with files->file_lock held. */
struct file *procfs2_files_lookup_fd_locked(struct files_struct *files, unsigned int fd)
{
	return files_lookup_fd_locked(files, fd);
}

spinlock_t *procfs2_files_file_lock(struct files_struct *files)
{
	return &files->file_lock;
}

bool procfs2_close_on_exec(unsigned int fd, struct files_struct *files)
{
	return close_on_exec(fd, files);
}

void procfs2_get_file(struct file *f)
{
	get_file(f);
}

/* Called under RCU. */
struct file *procfs2_get_file_rcu(struct file __rcu **f)
{
	return get_file_rcu(f);
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

/* d_parent_ino(file->f_path.dentry), for the ".." of a readdir (dir_emit_dots). */
unsigned long procfs2_file_parent_ino(struct file *file)
{
	return d_parent_ino(file->f_path.dentry);
}

/* dont_mount(): nothing may be mounted on an fd entry (proc_splice_unmountable). */
void procfs2_dont_mount(struct dentry *d)
{
	dont_mount(d);
}

void procfs2_mmgrab(struct mm_struct *mm)
{
	mmgrab(mm);
}

void procfs2_mmdrop(struct mm_struct *mm)
{
	mmdrop(mm);
}

bool procfs2_mmget_not_zero(struct mm_struct *mm)
{
	return mmget_not_zero(mm);
}

int procfs2_mmap_read_lock_killable(struct mm_struct *mm)
{
	return mmap_read_lock_killable(mm);
}

void procfs2_mmap_read_unlock(struct mm_struct *mm)
{
	mmap_read_unlock(mm);
}

void procfs2_vma_iter_init(struct vma_iterator *vmi, struct mm_struct *mm, unsigned long addr)
{
	vma_iter_init(vmi, mm, addr);
}

struct vm_area_struct *procfs2_vma_next(struct vma_iterator *vmi)
{
	return vma_next(vmi);
}

bool procfs2_vma_is_initial_heap(const struct vm_area_struct *vma)
{
	return vma_is_initial_heap(vma);
}

bool procfs2_vma_is_initial_stack(const struct vm_area_struct *vma)
{
	return vma_is_initial_stack(vma);
}

const struct path *procfs2_file_user_path(struct file *f)
{
	return file_user_path(f);
}

const struct inode *procfs2_file_user_inode(struct file *f)
{
	return file_user_inode(f);
}

#ifdef CONFIG_ANON_VMA_NAME
struct anon_vma_name *procfs2_vma_anon_name(struct vm_area_struct *vma)
{
	return vma->anon_name;
}
#endif

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

static DEFINE_MUTEX(procfs2_oom_adj_lock);

struct mutex *procfs2_oom_adj_mutex(void)
{
	return &procfs2_oom_adj_lock;
}

void procfs2_mutex_lock(struct mutex *lock)
{
	mutex_lock(lock);
}

void procfs2_raw_spin_lock_irq(raw_spinlock_t *lock)
{
	raw_spin_lock_irq(lock);
}

void procfs2_raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	raw_spin_unlock_irq(lock);
}

bool procfs2_rt_or_dl_task_policy(struct task_struct *t)
{
	return rt_or_dl_task_policy(t);
}

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

unsigned int procfs2_pid_ns_inum(struct pid_namespace *ns)
{
	return ns->ns.inum;
}

struct task_struct *procfs2_pid_ns_child_reaper(struct pid_namespace *ns)
{
	return READ_ONCE(ns->child_reaper);
}

#ifdef CONFIG_TIME_NS
unsigned int procfs2_time_ns_inum(struct time_namespace *ns)
{
	return ns->ns.inum;
}
#endif

bool procfs2_css_tryget(struct cgroup_subsys_state *css)
{
	return css_tryget(css);
}

void procfs2_css_put(struct cgroup_subsys_state *css)
{
	css_put(css);
}

void procfs2_put_filesystem(struct file_system_type *fs)
{
	module_put(fs->owner);
}

bool procfs2_has_avx512f(void)
{
	return cpu_feature_enabled(X86_FEATURE_AVX512F);
}

unsigned long procfs2_task_avx512_timestamp(struct task_struct *t)
{
	return READ_ONCE(t->thread.fpu.avx512_timestamp);
}

#ifdef CONFIG_TIME_NS
void procfs2_time_ns_offsets(struct time_namespace *ns, struct timespec64 *monotonic,
			     struct timespec64 *boottime)
{
	*monotonic = ns->offsets.monotonic;
	*boottime = ns->offsets.boottime;
}
#endif

int procfs2_itimer_signo(struct k_itimer *timer)
{
	return timer->sigq->info.si_signo;
}

void *procfs2_itimer_sival_ptr(struct k_itimer *timer)
{
	return timer->sigq->info.si_value.sival_ptr;
}

struct page *procfs2_get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
					      int gup_flags, struct vm_area_struct **vmap)
{
	return get_user_page_vma_remote(mm, addr, gup_flags, vmap);
}

struct vm_area_struct *procfs2_vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	return vma_lookup(mm, addr);
}

unsigned long procfs2_untagged_addr_remote(struct mm_struct *mm, unsigned long addr)
{
	return untagged_addr_remote(mm, addr);
}

void procfs2_unmap_and_put_page(struct page *page, void *addr)
{
	unmap_and_put_page(page, addr);
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

/*
 * cpuinfo. The flag names are this tree's own: capflags.c is generated into the
 * kernel build directory (arch/x86/kernel/cpu/mkcapflags.sh) and powerflags.c is
 * a table; neither array is exported, so the module carries its own copy under
 * another name (Kbuild puts both directories on the include path).
 */
#define x86_cap_flags procfs2_x86_cap_flags
#define x86_bug_flags procfs2_x86_bug_flags
#define x86_vmx_flags procfs2_x86_vmx_flags
#define x86_power_flags procfs2_x86_power_flags
#include "capflags.c"
#include "powerflags.c"
#undef x86_cap_flags
#undef x86_bug_flags
#undef x86_vmx_flags
#undef x86_power_flags

const struct cpuinfo_x86 *procfs2_cpu_data(unsigned int cpu)
{
	return &cpu_data(cpu);
}

unsigned int procfs2_cpu_family(const struct cpuinfo_x86 *c)
{
	return c->x86;
}

unsigned int procfs2_cpu_model(const struct cpuinfo_x86 *c)
{
	return c->x86_model;
}

bool procfs2_cpu_has(const struct cpuinfo_x86 *c, unsigned int bit)
{
	return test_bit(bit, (unsigned long *)c->x86_capability);
}

static_assert(ARRAY_SIZE(procfs2_x86_cap_flags) == NCAPINTS * 32);
const char *procfs2_x86_cap_flag(unsigned int bit)
{
	return procfs2_x86_cap_flags[bit];
}

static_assert(ARRAY_SIZE(procfs2_x86_bug_flags) == NBUGINTS * 32);
const char *procfs2_x86_bug_flag(unsigned int i)
{
	return procfs2_x86_bug_flags[i];
}

#ifdef CONFIG_X86_VMX_FEATURE_NAMES
bool procfs2_cpu_vmx_has(const struct cpuinfo_x86 *c, unsigned int bit)
{
	return test_bit(bit, (unsigned long *)c->vmx_capability);
}

static_assert(ARRAY_SIZE(procfs2_x86_vmx_flags) == NVMXINTS * 32);
const char *procfs2_x86_vmx_flag(unsigned int i)
{
	return procfs2_x86_vmx_flags[i];
}
#endif

static_assert(ARRAY_SIZE(procfs2_x86_power_flags) == 32);
const char *procfs2_x86_power_flag(unsigned int i)
{
	return procfs2_x86_power_flags[i];
}

unsigned int procfs2_core_siblings(unsigned int cpu)
{
	return cpumask_weight(topology_core_cpumask(cpu));
}

unsigned int procfs2_cpu_khz(void)
{
	return cpu_khz;
}

int procfs2_next_online_cpu(int cpu)
{
	return cpumask_next(cpu, cpu_online_mask);
}

/*
 * vmstat. vmstat_text[] is not exported; Kbuild copies its definition out of this
 * tree's mm/vmstat.c at build time (vmstat_text.h), so the names and their
 * configuration conditions are the running kernel's.
 */
#include "vmstat_text.h"
static_assert(ARRAY_SIZE(procfs2_vmstat_names) ==
	      NR_VM_ZONE_STAT_ITEMS + (IS_ENABLED(CONFIG_NUMA) ? NR_VM_NUMA_EVENT_ITEMS : 0) +
	      NR_VM_NODE_STAT_ITEMS + NR_VM_STAT_ITEMS +
	      (IS_ENABLED(CONFIG_VM_EVENT_COUNTERS) ? NR_VM_EVENT_ITEMS : 0));

const char *const *procfs2_vmstat_text_table(void)
{
	return procfs2_vmstat_names;
}

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
unsigned int procfs2_hpage_pmd_nr(void)
{
	return HPAGE_PMD_NR;
}
#endif

bool procfs2_node_online(int nid)
{
	return node_online(nid);
}

struct zone *procfs2_node_zone(int nid, unsigned int z)
{
	return &NODE_DATA(nid)->node_zones[z];
}

#ifdef CONFIG_NUMA
const atomic_long_t *procfs2_zone_numa_event_array(struct zone *zone)
{
	return zone->vm_numa_event;
}

const unsigned long *procfs2_zone_numa_event_cpu_array(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_zonestats, cpu)->vm_numa_event;
}
#endif

struct file *procfs2_file_open_root_mnt(struct vfsmount *mnt, const char *name, int flags)
{
	return file_open_root_mnt(mnt, name, flags, 0);
}

/* The sysctl table of a file of proc's /proc/sys (NULL for other proc files). */
const struct ctl_table *procfs2_proc_sysctl_entry(struct file *f)
{
	return PROC_I(file_inode(f))->sysctl_entry;
}

/* consoles: wrap/console.rs mirrors these flag values. */
static_assert(CON_PRINTBUFFER == 1 && CON_CONSDEV == 2 && CON_ENABLED == 4 && CON_BOOT == 8 &&
	      CON_ANYTIME == 16 && CON_BRL == 32 && CON_NBCON == 256);
static_assert(MINORBITS == 20);

struct console *procfs2_console_first(void)
{
	return hlist_entry_safe(console_list.first, struct console, node);
}

struct console *procfs2_console_next(struct console *con)
{
	return hlist_entry_safe(con->node.next, struct console, node);
}

const char *procfs2_console_name(struct console *con)
{
	return con->name;
}

short procfs2_console_index(struct console *con)
{
	return con->index;
}

short procfs2_console_flags(struct console *con)
{
	return con->flags;
}

bool procfs2_console_has_read(struct console *con)
{
	return con->read;
}

bool procfs2_console_has_write(struct console *con)
{
	return con->write;
}

bool procfs2_console_has_unblank(struct console *con)
{
	return con->unblank;
}

bool procfs2_console_has_device(struct console *con)
{
	return con->device;
}

struct tty_driver *procfs2_console_device(struct console *con, int *index)
{
	return con->device(con, index);
}

dev_t procfs2_tty_driver_devt(struct tty_driver *driver, int index)
{
	return MKDEV(driver->major, driver->minor_start) + index;
}

unsigned int procfs2_nr_node_ids(void)
{
	return nr_node_ids;
}

unsigned long procfs2_zone_lock_irqsave(struct zone *zone)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	return flags;
}

void procfs2_zone_unlock_irqrestore(struct zone *zone, unsigned long flags)
{
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * crypto: crypto_alg_list and crypto_alg_sem are exported; they and struct
 * crypto_type are declared in crypto/internal.h, private to crypto/ but part of the
 * tree this module is built against (as fs/mount.h).
 */
static_assert(CRYPTO_ALG_TYPE_MASK == 0xf && CRYPTO_ALG_TYPE_CIPHER == 0x1 &&
	      CRYPTO_ALG_TYPE_COMPRESS == 0x2 && CRYPTO_ALG_LARVAL == 0x10 &&
	      CRYPTO_ALG_TESTED == 0x400 && CRYPTO_ALG_INTERNAL == 0x2000 &&
	      CRYPTO_ALG_FIPS_INTERNAL == 0x20000);

void procfs2_crypto_alg_sem_read(void)
{
	down_read(&crypto_alg_sem);
}

void procfs2_crypto_alg_sem_read_unlock(void)
{
	up_read(&crypto_alg_sem);
}

struct crypto_alg *procfs2_crypto_alg_first(void)
{
	return list_first_entry_or_null(&crypto_alg_list, struct crypto_alg, cra_list);
}

bool procfs2_crypto_alg_is_last(struct crypto_alg *alg)
{
	return list_is_last(&alg->cra_list, &crypto_alg_list);
}

struct crypto_alg *procfs2_crypto_alg_next(struct crypto_alg *alg)
{
	return list_next_entry(alg, cra_list);
}

bool procfs2_fips_enabled(void)
{
	return fips_enabled;
}

const char *procfs2_crypto_alg_name(struct crypto_alg *alg)
{
	return alg->cra_name;
}

const char *procfs2_crypto_alg_driver(struct crypto_alg *alg)
{
	return alg->cra_driver_name;
}

const char *procfs2_crypto_alg_module(struct crypto_alg *alg)
{
	return module_name(alg->cra_module);
}

int procfs2_crypto_alg_priority(struct crypto_alg *alg)
{
	return alg->cra_priority;
}

unsigned int procfs2_crypto_alg_refcnt(struct crypto_alg *alg)
{
	return refcount_read(&alg->cra_refcnt);
}

u32 procfs2_crypto_alg_flags(struct crypto_alg *alg)
{
	return alg->cra_flags;
}

unsigned int procfs2_crypto_alg_blocksize(struct crypto_alg *alg)
{
	return alg->cra_blocksize;
}

unsigned int procfs2_crypto_alg_cipher_min_keysize(struct crypto_alg *alg)
{
	return alg->cra_cipher.cia_min_keysize;
}

unsigned int procfs2_crypto_alg_cipher_max_keysize(struct crypto_alg *alg)
{
	return alg->cra_cipher.cia_max_keysize;
}

const struct crypto_type *procfs2_crypto_alg_type(struct crypto_alg *alg)
{
	return alg->cra_type;
}

bool procfs2_crypto_type_has_show(const struct crypto_type *type)
{
	return type->show;
}

void procfs2_crypto_type_show(const struct crypto_type *type, struct seq_file *m,
			      struct crypto_alg *alg)
{
	type->show(m, alg);
}

/* zoneinfo: min, low, high and promo in enum zone_watermarks order. */
static_assert(WMARK_MIN == 0 && WMARK_LOW == 1 && WMARK_HIGH == 2 && WMARK_PROMO == 3);

unsigned long procfs2_zone_state(struct zone *zone, unsigned int item)
{
	return zone_page_state(zone, item);
}

unsigned long procfs2_zone_wmark(struct zone *zone, unsigned int w)
{
	return wmark_pages(zone, w);
}

unsigned long procfs2_zone_managed(struct zone *zone)
{
	return zone_managed_pages(zone);
}

unsigned long procfs2_zone_cma(struct zone *zone)
{
	return zone_cma_pages(zone);
}

struct per_cpu_pages *procfs2_zone_pcp(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_pageset, cpu);
}

int procfs2_zone_stat_threshold(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_zonestats, cpu)->stat_threshold;
}

/* node_page_state_pages() is not exported; Rust clamps at 0 as it does on SMP. */
long procfs2_pgdat_state_pages(int nid, unsigned int item)
{
	return atomic_long_read(&NODE_DATA(nid)->vm_stat[item]);
}

/* MAX_RECLAIM_RETRIES of mm/internal.h, a private header of the same tree. */
bool procfs2_pgdat_unreclaimable(int nid)
{
	return READ_ONCE(NODE_DATA(nid)->kswapd_failures) >= MAX_RECLAIM_RETRIES;
}

bool procfs2_node_has_memory(int nid)
{
	return node_state(nid, N_MEMORY);
}

unsigned int procfs2_pageblock_order(void)
{
	return pageblock_order;
}

/*
 * pagetypeinfo. migratetype_names[] is not exported; Kbuild copies its definition
 * out of this tree's mm/page_alloc.c (migratetype_names.h), #ifdefs and all.
 */
#include "migratetype_names.h"
static_assert(ARRAY_SIZE(procfs2_migratetype_names) == MIGRATE_TYPES);

const char *const *procfs2_migratetype_names_table(void)
{
	return procfs2_migratetype_names;
}

/* An inline without memory hotplug, an export (GPL) with it. */
struct page *procfs2_pfn_to_online_page(unsigned long pfn)
{
	return pfn_to_online_page(pfn);
}

struct zone *procfs2_page_zone(struct page *page)
{
	return page_zone(page);
}

/*
 * get_pageblock_migratetype() is get_pfnblock_flags_mask(page, pfn,
 * MIGRATETYPE_MASK), which is not exported. With SPARSEMEM (always, on x86-64) it
 * reads the word of the pfn's section's pageblock bitmap (section_to_usemap, an
 * inline of mmzone.h; mem_section is exported) that holds the block's
 * NR_PAGEBLOCK_BITS, with one READ_ONCE, racing set_pfnblock_flags_mask() as it
 * does; this is that read, without the page it takes and does not use.
 */
static_assert(IS_ENABLED(CONFIG_SPARSEMEM));

unsigned long procfs2_pfn_migratetype(unsigned long pfn)
{
	return READ_ONCE(section_to_usemap(__pfn_to_section(pfn))
			 [((pfn & (PAGES_PER_SECTION - 1)) >> pageblock_order) *
			  NR_PAGEBLOCK_BITS / BITS_PER_LONG]) >>
	       (((pfn & (PAGES_PER_SECTION - 1)) >> pageblock_order) * NR_PAGEBLOCK_BITS %
		BITS_PER_LONG) & MIGRATETYPE_MASK;
}

/*
 * Interrupt descriptors, as kernel/irq/proc.c's show_interrupts reads them.
 * irq_to_desc() is not exported but irq_get_irq_data() is, and the descriptor holds
 * its irq_data; the caller holds RCU (sparse descriptors are freed after a grace
 * period) and takes desc->lock for the chip and the actions.
 */
static_assert(IRQ_NOREQUEST == (1 << 11) && IRQ_HIDDEN == (1 << 20));

struct irq_data *procfs2_irq_get_irq_data(unsigned int irq)
{
	return irq_get_irq_data(irq);
}

struct irq_desc *procfs2_irq_data_to_desc(struct irq_data *data)
{
	return irq_data_to_desc(data);
}

unsigned int procfs2_irq_desc_status(struct irq_desc *desc)
{
	return desc->status_use_accessors;
}

bool procfs2_irq_desc_has_kstat(struct irq_desc *desc)
{
	return desc->kstat_irqs;
}

unsigned int procfs2_irq_desc_kstat_cpu(struct irq_desc *desc, int cpu)
{
	return per_cpu(desc->kstat_irqs->cnt, cpu);
}

raw_spinlock_t *procfs2_irq_desc_lock(struct irq_desc *desc)
{
	return &desc->lock;
}

struct irqaction *procfs2_irq_desc_action(struct irq_desc *desc)
{
	return desc->action;
}

const char *procfs2_irq_desc_name(struct irq_desc *desc)
{
	return desc->name;
}

struct irq_chip *procfs2_irq_data_chip(struct irq_data *data)
{
	return data->chip;
}

bool procfs2_irq_chip_has_print(struct irq_chip *chip)
{
	return chip->irq_print_chip;
}

void procfs2_irq_chip_print(struct irq_data *data, struct seq_file *m)
{
	data->chip->irq_print_chip(data, m);
}

const char *procfs2_irq_chip_name(struct irq_chip *chip)
{
	return chip->name;
}

bool procfs2_irq_data_has_domain(struct irq_data *data)
{
	return data->domain;
}

unsigned long procfs2_irq_data_hwirq(struct irq_data *data)
{
	return data->hwirq;
}

bool procfs2_irq_show_level(void)
{
	return IS_ENABLED(CONFIG_GENERIC_IRQ_SHOW_LEVEL);
}

bool procfs2_irqd_is_level_type(struct irq_data *data)
{
	return irqd_is_level_type(data);
}

/* irq_stats(cpu) of arch/x86/kernel/irq.c; irq_stat is exported. */
const irq_cpustat_t *procfs2_irq_stat(int cpu)
{
	return &per_cpu(irq_stat, cpu);
}

/*
 * kpagecount. max_pfn is not exported: wrap/page.rs takes the highest end of the
 * online nodes' spans instead. folio_precise_page_mapcount() is an inline of
 * fs/proc/internal.h, a private header of the same tree.
 */
unsigned long procfs2_node_end_pfn(int nid)
{
	return node_end_pfn(nid);
}

unsigned long procfs2_pages_per_section(void)
{
	return PAGES_PER_SECTION;
}

int procfs2_page_precise_mapcount(struct page *page)
{
	return folio_precise_page_mapcount(page_folio(page), page);
}
