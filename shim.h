/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C side of procfs2: one-line wrappers for the static inlines, macros, bit
 * fields and structures that Rust cannot reach in 6.12 (fs_context.h, fs_parser.h
 * and pid_namespace.h are not in the kernel crate's bindings), and the Rust
 * callbacks the C tables point at. wrap/shim.rs declares the same, in the same
 * order.
 */
#ifndef PROCFS2_SHIM_H
#define PROCFS2_SHIM_H

#include <linux/fs.h>
#include <linux/seqlock.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

struct completion;
struct cred;
struct dentry;
struct dir_context;
struct file;
struct files_struct;
struct fs_context;
struct fs_parameter;
struct fs_parameter_spec;
struct fs_struct;
struct inode;
struct kmem_cache;
struct mm_struct;
struct path;
struct pid;
struct pid_namespace;
struct sighand_struct;
struct super_block;
struct sysinfo;
struct task_struct;
struct timespec64;
struct tty_struct;
struct ucounts;

/* Mount option numbers, fs/proc/root.c enum proc_param. */
enum procfs2_param {
	PROCFS2_OPT_GID,
	PROCFS2_OPT_HIDEPID,
	PROCFS2_OPT_SUBSET,
};

extern const struct fs_parameter_spec procfs2_fs_parameters[];

/* Implemented in Rust (wrap/fs.rs): the context operations. */
int procfs2_fill_super(struct super_block *sb, struct fs_context *fc);
int procfs2_parse_param(struct fs_context *fc, struct fs_parameter *param);
int procfs2_reconfigure(struct fs_context *fc);
void procfs2_fc_free(struct fs_context *fc);

/* fs_context.h and fs_parser.h: mounting (wrap/fs.rs) */
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns);
void *procfs2_fc_private(struct fs_context *fc);
struct super_block *procfs2_fc_root_sb(struct fs_context *fc);
int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32);
bool procfs2_param_is_string(struct fs_parameter *param);
const char *procfs2_param_string(struct fs_parameter *param);
int procfs2_invalf(struct fs_context *fc, const char *msg);

/* pid_namespace.h (wrap/cred.rs) */
struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns);
struct pid_namespace *procfs2_get_current_pid_ns(void);

/* fs.h: readdir (wrap/file.rs) */
bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type);

/* The entry tree lock, fs/proc/generic.c proc_subdir_lock (wrap/subdir.rs). */
void procfs2_subdir_read_lock(void);
void procfs2_subdir_read_unlock(void);
void procfs2_subdir_write_lock(void);
void procfs2_subdir_write_unlock(void);

/* Inode numbers of entries, fs/proc/generic.c proc_inum_ida (wrap/inode.rs). */
int procfs2_ida_alloc(unsigned int max);
void procfs2_ida_free(unsigned int id);

/* completion.h (wrap/sync.rs) */
void procfs2_init_completion(struct completion *c);

/* slab.h: the inode cache (wrap/inode.rs) */
struct kmem_cache *procfs2_kmem_cache_create(const char *name, unsigned int size,
					     unsigned int align, void (*ctor)(void *));
void *procfs2_alloc_inode_sb(struct super_block *sb, struct kmem_cache *cache);

/* pid.h: numbers of current as seen in @ns, 0 if invisible there (wrap/cred.rs) */
unsigned int procfs2_pid_allocated(struct pid_namespace *ns);
unsigned long procfs2_jiffies(void);
int procfs2_current_tgid_nr_ns(struct pid_namespace *ns);
int procfs2_current_pid_nr_ns(struct pid_namespace *ns);

/* The numbers the global files show (wrap/sys.rs). */
void procfs2_utsname(const char **sysname, const char **release, const char **version);
const char *procfs2_compile_info(void);
void procfs2_boottime(struct timespec64 *ts);
void procfs2_timens_add_boottime(struct timespec64 *ts);
u64 procfs2_timens_add_boottime_ns(u64 nsec);
void procfs2_timens_sub_boottime(struct timespec64 *ts);
int procfs2_next_possible_cpu(int cpu);
bool procfs2_cpu_online(int cpu);
u64 procfs2_cpu_idle_time_us(int cpu);
u64 procfs2_cpu_iowait_time_us(int cpu);
void procfs2_kcpustat(int cpu, u64 *cpustat);
unsigned int procfs2_softirqs_cpu(unsigned int irq, int cpu);
int procfs2_pid_ns_last_pid(struct pid_namespace *ns);

/* debugfs.h: the tests' control file (wrap/debugfs.rs) */
bool procfs2_selftest_param(void);
struct dentry *procfs2_debugfs_create(const struct file_operations *fops);
void procfs2_debugfs_remove(struct dentry *dir);

/* fs/proc/meminfo.c: counters behind static inlines (wrap/sys.rs) */
unsigned long procfs2_swapcache_pages(void);
long procfs2_nr_swap_pages(void);
unsigned long procfs2_vmalloc_total(void);

/* Tasks and pids: locks and inlines (wrap/lock.rs, wrap/task.rs) */
struct pid *procfs2_get_pid(struct pid *pid);
void procfs2_rcu_read_lock(void);
void procfs2_rcu_read_unlock(void);
unsigned long procfs2_siglock_irqsave(struct sighand_struct *sighand);
void procfs2_siglock_irqrestore(struct sighand_struct *sighand, unsigned long flags);
unsigned long procfs2_read_seqbegin_or_lock_irqsave(seqlock_t *lock, int *seq);
bool procfs2_need_seqretry(seqlock_t *lock, int seq);
void procfs2_done_seqretry_irqrestore(seqlock_t *lock, int seq, unsigned long flags);
unsigned int procfs2_task_state_index(struct task_struct *t);
unsigned int procfs2_task_cpu(struct task_struct *t);
u64 procfs2_task_gtime(struct task_struct *t);
bool procfs2_task_in_iowait(struct task_struct *t);
bool procfs2_in_vfork(struct task_struct *t);
u32 procfs2_tty_nr(struct tty_struct *tty);
int procfs2_task_cpus_list(struct task_struct *t, char *buf, int size);
int procfs2_task_cpus_mask(struct task_struct *t, char *buf, int size);
int procfs2_task_mems_list(struct task_struct *t, char *buf, int size);
int procfs2_task_mems_mask(struct task_struct *t, char *buf, int size);
int procfs2_task_seccomp_mode(struct task_struct *t);
int procfs2_task_seccomp_filters(struct task_struct *t);
unsigned long procfs2_task_x86_features(struct task_struct *t);
unsigned long procfs2_task_x86_features_locked(struct task_struct *t);
int procfs2_pid_ns_level(struct pid_namespace *ns);

/* Address spaces, credentials and the memory totals (wrap/task.rs) */
unsigned long procfs2_mm_rss(struct mm_struct *mm);
unsigned long procfs2_mm_counter(struct mm_struct *mm, int member);
unsigned long procfs2_mm_counter_sum(struct mm_struct *mm, int member);
s64 procfs2_mm_pinned_vm(struct mm_struct *mm);
unsigned long procfs2_mm_pgtables_bytes(struct mm_struct *mm);
bool procfs2_mm_thp_enabled(struct mm_struct *mm);
unsigned long procfs2_mm_hugetlb_usage(struct mm_struct *mm);
unsigned long procfs2_mm_untag_mask(struct mm_struct *mm);
long procfs2_ucounts_sigpending(struct ucounts *ucounts);
unsigned long procfs2_totalram_pages(void);
bool procfs2_sched_info_on(void);
void procfs2_put_cred(const struct cred *cred);
void procfs2_get_fs_root(struct fs_struct *fs, struct path *path);
void procfs2_get_fs_pwd(struct fs_struct *fs, struct path *path);
unsigned int procfs2_fs_umask(struct fs_struct *fs);
struct task_delay_info;
u64 procfs2_delays_blkio(struct task_delay_info *delays);

/* Open files (wrap/task.rs, wrap/dentry.rs, wrap/file.rs) */
unsigned int procfs2_files_max_fds(struct files_struct *files);
unsigned int procfs2_files_open_count(struct files_struct *files);
struct file *procfs2_files_lookup_fd_locked(struct files_struct *files, unsigned int fd);
spinlock_t *procfs2_files_file_lock(struct files_struct *files);
bool procfs2_close_on_exec(unsigned int fd, struct files_struct *files);
void procfs2_get_file(struct file *f);
struct file *procfs2_get_file_rcu(struct file __rcu **f);
int procfs2_file_mnt_id(struct file *f);
unsigned long procfs2_file_parent_ino(struct file *file);
void procfs2_dont_mount(struct dentry *d);

/* Address spaces held by open files, and their mappings (wrap/mm.rs) */
struct vma_iterator;
void procfs2_mmgrab(struct mm_struct *mm);
void procfs2_mmdrop(struct mm_struct *mm);
bool procfs2_mmget_not_zero(struct mm_struct *mm);
int procfs2_mmap_read_lock_killable(struct mm_struct *mm);
void procfs2_mmap_read_unlock(struct mm_struct *mm);
void procfs2_vma_iter_init(struct vma_iterator *vmi, struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *procfs2_vma_next(struct vma_iterator *vmi);
bool procfs2_vma_is_initial_heap(const struct vm_area_struct *vma);
bool procfs2_vma_is_initial_stack(const struct vm_area_struct *vma);
const struct path *procfs2_file_user_path(struct file *f);
const struct inode *procfs2_file_user_inode(struct file *f);
struct anon_vma_name *procfs2_vma_anon_name(struct vm_area_struct *vma);

/* The registers a blocked task entered the kernel with (wrap/task.rs) */
struct pt_regs;
unsigned long procfs2_pt_regs_offset(void);
long procfs2_syscall_get_nr(struct task_struct *t, struct pt_regs *regs);
void procfs2_syscall_get_arguments(struct task_struct *t, struct pt_regs *regs,
				   unsigned long *args);

/* procfs2's own oom_adj_mutex (wrap/lock.rs) */
struct mutex *procfs2_oom_adj_mutex(void);
void procfs2_mutex_lock(struct mutex *lock);
void procfs2_raw_spin_lock_irq(raw_spinlock_t *lock);
void procfs2_raw_spin_unlock_irq(raw_spinlock_t *lock);
bool procfs2_rt_or_dl_task_policy(struct task_struct *t);

/* Namespaces' inode numbers, for ns/ (wrap/task.rs) */
struct uts_namespace;
struct ipc_namespace;
struct net;
struct time_namespace;
unsigned int procfs2_uts_ns_inum(struct uts_namespace *ns);
unsigned int procfs2_ipc_ns_inum(struct ipc_namespace *ns);
unsigned int procfs2_net_inum(struct net *net);
unsigned int procfs2_pid_ns_inum(struct pid_namespace *ns);
struct task_struct *procfs2_pid_ns_child_reaper(struct pid_namespace *ns);
unsigned int procfs2_time_ns_inum(struct time_namespace *ns);

/* The default cgroup hierarchy (wrap/task.rs) */
struct cgroup_subsys_state;
bool procfs2_css_tryget(struct cgroup_subsys_state *css);
void procfs2_css_put(struct cgroup_subsys_state *css);
void procfs2_put_filesystem(struct file_system_type *fs);

/* Architecture status, time namespace offsets, POSIX timers (wrap/task.rs) */
struct k_itimer;
struct timespec64;
bool procfs2_has_avx512f(void);
unsigned long procfs2_task_avx512_timestamp(struct task_struct *t);
void procfs2_time_ns_offsets(struct time_namespace *ns, struct timespec64 *monotonic,
			     struct timespec64 *boottime);
int procfs2_itimer_signo(struct k_itimer *timer);
void *procfs2_itimer_sival_ptr(struct k_itimer *timer);

/* Memory of another address space, for mem (wrap/mm.rs) */
struct page;
struct page *procfs2_get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
					      int gup_flags, struct vm_area_struct **vmap);
struct vm_area_struct *procfs2_vma_lookup(struct mm_struct *mm, unsigned long addr);
unsigned long procfs2_untagged_addr_remote(struct mm_struct *mm, unsigned long addr);
void procfs2_unmap_and_put_page(struct page *page, void *addr);

/* Audit ids of a task (wrap/task.rs) */
uid_t procfs2_audit_loginuid(struct task_struct *t, struct user_namespace *ns);
unsigned int procfs2_audit_sessionid(struct task_struct *t);

/* CPUs, for cpuinfo (wrap/cpu.rs) */
struct cpuinfo_x86;
const struct cpuinfo_x86 *procfs2_cpu_data(unsigned int cpu);
unsigned int procfs2_cpu_family(const struct cpuinfo_x86 *c);
unsigned int procfs2_cpu_model(const struct cpuinfo_x86 *c);
bool procfs2_cpu_has(const struct cpuinfo_x86 *c, unsigned int bit);
bool procfs2_cpu_vmx_has(const struct cpuinfo_x86 *c, unsigned int bit);
const char *procfs2_x86_cap_flag(unsigned int bit);
const char *procfs2_x86_bug_flag(unsigned int i);
const char *procfs2_x86_vmx_flag(unsigned int i);
const char *procfs2_x86_power_flag(unsigned int i);
unsigned int procfs2_core_siblings(unsigned int cpu);
unsigned int procfs2_cpu_khz(void);
int procfs2_next_online_cpu(int cpu);

struct zone;
/* VM counters and their names, for vmstat (wrap/sys.rs) */
const char *const *procfs2_vmstat_text_table(void);
unsigned int procfs2_hpage_pmd_nr(void);
bool procfs2_node_online(int nid);
struct zone *procfs2_node_zone(int nid, unsigned int z);
const atomic_long_t *procfs2_zone_numa_event_array(struct zone *zone);
const unsigned long *procfs2_zone_numa_event_cpu_array(struct zone *zone, int cpu);

/* Files on mounts only procfs2 holds: proc's sysctls (wrap/file.rs) */
struct file *procfs2_file_open_root_mnt(struct vfsmount *mnt, const char *name, int flags);
const struct ctl_table *procfs2_proc_sysctl_entry(struct file *f);

/* Consoles (wrap/console.rs) */
struct console;
struct tty_driver;
struct console *procfs2_console_first(void);
struct console *procfs2_console_next(struct console *con);
const char *procfs2_console_name(struct console *con);
short procfs2_console_index(struct console *con);
short procfs2_console_flags(struct console *con);
bool procfs2_console_has_read(struct console *con);
bool procfs2_console_has_write(struct console *con);
bool procfs2_console_has_unblank(struct console *con);
bool procfs2_console_has_device(struct console *con);
struct tty_driver *procfs2_console_device(struct console *con, int *index);
dev_t procfs2_tty_driver_devt(struct tty_driver *driver, int index);

/* Zones of the online nodes (wrap/mmzone.rs) */
unsigned int procfs2_nr_node_ids(void);
unsigned long procfs2_zone_lock_irqsave(struct zone *zone);
void procfs2_zone_unlock_irqrestore(struct zone *zone, unsigned long flags);
unsigned long procfs2_zone_state(struct zone *zone, unsigned int item);
unsigned long procfs2_zone_wmark(struct zone *zone, unsigned int w);
unsigned long procfs2_zone_managed(struct zone *zone);
unsigned long procfs2_zone_cma(struct zone *zone);
struct per_cpu_pages *procfs2_zone_pcp(struct zone *zone, int cpu);
int procfs2_zone_stat_threshold(struct zone *zone, int cpu);
long procfs2_pgdat_state_pages(int nid, unsigned int item);
bool procfs2_pgdat_unreclaimable(int nid);
bool procfs2_node_has_memory(int nid);
unsigned int procfs2_pageblock_order(void);
const char *const *procfs2_migratetype_names_table(void);
struct page *procfs2_pfn_to_online_page(unsigned long pfn);
struct zone *procfs2_page_zone(struct page *page);
unsigned long procfs2_pfn_migratetype(unsigned long pfn);

/* Crypto algorithms (wrap/crypto.rs) */
struct crypto_alg;
void procfs2_crypto_alg_sem_read(void);
void procfs2_crypto_alg_sem_read_unlock(void);
struct crypto_alg *procfs2_crypto_alg_first(void);
bool procfs2_crypto_alg_is_last(struct crypto_alg *alg);
struct crypto_alg *procfs2_crypto_alg_next(struct crypto_alg *alg);
bool procfs2_fips_enabled(void);
const char *procfs2_crypto_alg_name(struct crypto_alg *alg);
const char *procfs2_crypto_alg_driver(struct crypto_alg *alg);
const char *procfs2_crypto_alg_module(struct crypto_alg *alg);
int procfs2_crypto_alg_priority(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_refcnt(struct crypto_alg *alg);
u32 procfs2_crypto_alg_flags(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_blocksize(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_cipher_min_keysize(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_cipher_max_keysize(struct crypto_alg *alg);
struct crypto_type;
const struct crypto_type *procfs2_crypto_alg_type(struct crypto_alg *alg);
bool procfs2_crypto_type_has_show(const struct crypto_type *type);
void procfs2_crypto_type_show(const struct crypto_type *type, struct seq_file *m,
			      struct crypto_alg *alg);

/* Interrupt descriptors (wrap/irq.rs) */
struct irq_data;
struct irq_desc;
struct irq_chip;
struct irq_data *procfs2_irq_get_irq_data(unsigned int irq);
struct irq_desc *procfs2_irq_data_to_desc(struct irq_data *data);
unsigned int procfs2_irq_desc_status(struct irq_desc *desc);
bool procfs2_irq_desc_has_kstat(struct irq_desc *desc);
unsigned int procfs2_irq_desc_kstat_cpu(struct irq_desc *desc, int cpu);
raw_spinlock_t *procfs2_irq_desc_lock(struct irq_desc *desc);
struct irqaction *procfs2_irq_desc_action(struct irq_desc *desc);
const char *procfs2_irq_desc_name(struct irq_desc *desc);
struct irq_chip *procfs2_irq_data_chip(struct irq_data *data);
bool procfs2_irq_chip_has_print(struct irq_chip *chip);
void procfs2_irq_chip_print(struct irq_data *data, struct seq_file *m);
const char *procfs2_irq_chip_name(struct irq_chip *chip);
bool procfs2_irq_data_has_domain(struct irq_data *data);
unsigned long procfs2_irq_data_hwirq(struct irq_data *data);
bool procfs2_irq_show_level(void);
bool procfs2_irqd_is_level_type(struct irq_data *data);
const irq_cpustat_t *procfs2_irq_stat(int cpu);

/* Page frames by number (wrap/page.rs) */
unsigned long procfs2_node_end_pfn(int nid);
unsigned long procfs2_pages_per_section(void);
int procfs2_page_precise_mapcount(struct page *page);

#endif /* PROCFS2_SHIM_H */
