/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C side of procfs2: one-line wrappers for the static inlines, macros, bit
 * fields and structures that Rust cannot reach in 6.12, grouped by the file of
 * shim/ that defines them, and the Rust callbacks the C tables point at. Rust
 * does not declare these by hand: Kbuild runs bindgen on bindings.h (this header
 * and the kernel headers of the exported functions the crate calls) and
 * wrap/shim.rs includes the result.
 */
#ifndef PROCFS2_SHIM_H
#define PROCFS2_SHIM_H

#include <linux/fs.h>
#include <linux/fs_parser.h>
#include <linux/mm_types.h>
#include <linux/seqlock.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <asm/hardirq.h>
#include <asm/pgtable_types.h>

struct anon_vma_name;
struct autogroup;
struct block_device;
struct class;
struct cgroup_root;
struct cgroup_subsys;
struct cgroup_subsys_state;
struct completion;
struct console;
struct cpuinfo_x86;
struct cred;
struct crypto_alg;
struct crypto_type;
struct ctl_table;
struct dentry;
struct device;
struct kobject;
struct kset;
struct dir_context;
struct file;
struct files_struct;
struct fs_context;
struct fs_parameter;
struct fs_parameter_spec;
struct cpumask;
struct folio;
struct fs_struct;
struct gendisk;
struct hstate;
struct inode;
struct ipc_namespace;
struct irq_chip;
struct irq_data;
struct irq_desc;
struct irqaction;
struct k_itimer;
struct kernel_cpustat;
struct kmem_cache;
struct kthread;
struct mem_cgroup;
struct mm_struct;
struct numa_group;
struct mnt_namespace;
struct module;
struct mutex;
struct net;
struct new_utsname;
struct page;
struct path;
struct per_cpu_pages;
struct pid;
struct pid_namespace;
struct psi_group;
struct psi_group_cpu;
struct pt_regs;
struct sched_domain;
struct seq_file;
struct sighand_struct;
struct signal_struct;
struct super_block;
struct task_delay_info;
struct task_struct;
struct time_namespace;
struct timens_offsets;
struct timespec64;
struct tty_driver;
struct tty_struct;
struct ucounts;
struct user_namespace;
struct uts_namespace;
struct vfsmount;
struct vm_area_struct;
struct vma_iterator;
struct worker;
struct worker_pool;
struct workqueue_struct;
struct zone;

/* Mount option numbers, fs/proc/root.c enum proc_param. */
enum procfs2_param {
	PROCFS2_OPT_GID,
	PROCFS2_OPT_HIDEPID,
	PROCFS2_OPT_SUBSET,
};

/* Implemented in Rust (wrap/fs.rs): the context operations. */
int procfs2_fill_super(struct super_block *sb, struct fs_context *fc);
int procfs2_parse_param(struct fs_context *fc, struct fs_parameter *param);
int procfs2_reconfigure(struct fs_context *fc);
void procfs2_fc_free(struct fs_context *fc);

/* fs.c: mounting, the entry tree, readdir, the inode cache, debugfs */
extern const struct fs_parameter_spec procfs2_fs_parameters[];
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns);
void *procfs2_fc_private(struct fs_context *fc);
struct super_block *procfs2_fc_root_sb(struct fs_context *fc);
int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32);
bool procfs2_param_is_string(struct fs_parameter *param);
const char *procfs2_param_string(struct fs_parameter *param);
int procfs2_invalf(struct fs_context *fc, const char *msg);
void procfs2_put_filesystem(struct file_system_type *fs);
bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type);
unsigned long procfs2_file_parent_ino(struct file *file);
void procfs2_dont_mount(struct dentry *d);
void procfs2_subdir_read_lock(void);
void procfs2_subdir_read_unlock(void);
void procfs2_subdir_write_lock(void);
void procfs2_subdir_write_unlock(void);
int procfs2_ida_alloc(unsigned int max);
void procfs2_ida_free(unsigned int id);
struct kmem_cache *procfs2_kmem_cache_create(const char *name, unsigned int size,
					     unsigned int align, void (*ctor)(void *));
void *procfs2_alloc_inode_sb(struct super_block *sb, struct kmem_cache *cache);
void procfs2_get_fs_root(struct fs_struct *fs, struct path *path);
void procfs2_get_fs_pwd(struct fs_struct *fs, struct path *path);
unsigned int procfs2_fs_umask(struct fs_struct *fs);
struct file *procfs2_file_open_root_mnt(struct vfsmount *mnt, const char *name, int flags);

/* file.c: open files */
unsigned int procfs2_files_max_fds(struct files_struct *files);
unsigned int procfs2_files_open_count(struct files_struct *files);
struct file *procfs2_files_lookup_fd_locked(struct files_struct *files, unsigned int fd);
spinlock_t *procfs2_files_file_lock(struct files_struct *files);
bool procfs2_close_on_exec(unsigned int fd, struct files_struct *files);
void procfs2_get_file(struct file *f);
struct file *procfs2_get_file_rcu(struct file __rcu **f);
const struct path *procfs2_file_user_path(struct file *f);
const struct inode *procfs2_file_user_inode(struct file *f);

/* pid.c: pids and pid namespaces */
struct pid *procfs2_get_pid(struct pid *pid);
struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns);
int procfs2_current_tgid_nr_ns(struct pid_namespace *ns);
int procfs2_current_pid_nr_ns(struct pid_namespace *ns);
int procfs2_pid_ns_last_pid(struct pid_namespace *ns);
int procfs2_pid_ns_level(struct pid_namespace *ns);
unsigned int procfs2_pid_ns_inum(struct pid_namespace *ns);
struct task_struct *procfs2_pid_ns_child_reaper(struct pid_namespace *ns);

/* ns.c: namespaces, time namespace offsets, cgroups */
unsigned int procfs2_uts_ns_inum(struct uts_namespace *ns);
unsigned int procfs2_ipc_ns_inum(struct ipc_namespace *ns);
unsigned int procfs2_net_inum(struct net *net);
unsigned int procfs2_time_ns_inum(struct time_namespace *ns);
const struct timens_offsets *procfs2_time_ns_offsets(struct time_namespace *ns);
void procfs2_timens_add_boottime(struct timespec64 *ts);
u64 procfs2_timens_add_boottime_ns(u64 nsec);
void procfs2_timens_sub_boottime(struct timespec64 *ts);
bool procfs2_css_tryget(struct cgroup_subsys_state *css);
void procfs2_css_put(struct cgroup_subsys_state *css);
bool procfs2_cgroup_ssid_enabled(int ssid);
struct cgroup_subsys *procfs2_current_cgroup_subsys(int ssid);
const char *procfs2_cgroup_subsys_legacy_name(struct cgroup_subsys *ss);
struct cgroup_root *procfs2_cgroup_subsys_root(struct cgroup_subsys *ss);
int procfs2_cgroup_root_hierarchy_id(struct cgroup_root *root);
int procfs2_cgroup_root_nr_cgrps(struct cgroup_root *root);

/* sync.c: locks and RCU */
void procfs2_rcu_read_lock(void);
void procfs2_rcu_read_unlock(void);
void procfs2_init_completion(struct completion *c);
unsigned long procfs2_siglock_irqsave(struct sighand_struct *sighand);
void procfs2_siglock_irqrestore(struct sighand_struct *sighand, unsigned long flags);
unsigned long procfs2_read_seqbegin_or_lock_irqsave(seqlock_t *lock, int *seq);
bool procfs2_need_seqretry(seqlock_t *lock, int seq);
void procfs2_done_seqretry_irqrestore(seqlock_t *lock, int seq, unsigned long flags);
unsigned long procfs2_raw_spin_lock_irqsave(raw_spinlock_t *lock);
void procfs2_raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
struct mutex *procfs2_oom_adj_mutex(void);

/* task.c: tasks */
unsigned int procfs2_task_state_index(struct task_struct *t);
unsigned int procfs2_task_cpu(struct task_struct *t);
u64 procfs2_task_gtime(struct task_struct *t);
bool procfs2_in_vfork(struct task_struct *t);
u32 procfs2_tty_nr(struct tty_struct *tty);
void procfs2_task_cpus_list(struct task_struct *t, struct seq_file *m);
void procfs2_task_cpus_mask(struct task_struct *t, struct seq_file *m);
void procfs2_task_mems_list(struct task_struct *t, struct seq_file *m);
void procfs2_task_mems_mask(struct task_struct *t, struct seq_file *m);
int procfs2_task_seccomp_mode(struct task_struct *t);
int procfs2_task_seccomp_filters(struct task_struct *t);
unsigned long procfs2_task_x86_features(struct task_struct *t);
unsigned long procfs2_task_x86_features_locked(struct task_struct *t);
unsigned long procfs2_task_avx512_timestamp(struct task_struct *t);
bool procfs2_rt_or_dl_task_policy(struct task_struct *t);
long procfs2_ucounts_sigpending(struct ucounts *ucounts);
bool procfs2_sched_info_on(void);
void procfs2_put_cred(const struct cred *cred);
u64 procfs2_delays_blkio(struct task_delay_info *delays);
unsigned long procfs2_pt_regs_offset(void);
long procfs2_syscall_get_nr(struct task_struct *t, struct pt_regs *regs);
void procfs2_syscall_get_arguments(struct task_struct *t, struct pt_regs *regs,
				   unsigned long *args);
int procfs2_itimer_signo(struct k_itimer *timer);
void *procfs2_itimer_sival_ptr(struct k_itimer *timer);
uid_t procfs2_audit_loginuid(struct task_struct *t, struct user_namespace *ns);
unsigned int procfs2_audit_sessionid(struct task_struct *t);

/* module.c: the module's parameters (wrap/debugfs.rs) */
bool procfs2_selftest_param(void);

/* sys.c: the numbers the global files show */
unsigned long procfs2_jiffies(void);
const struct new_utsname *procfs2_utsname(void);
const char *procfs2_compile_info(void);
void procfs2_boottime(struct timespec64 *ts);
bool procfs2_acpi_disabled(void);

/* cpu.c: CPUs */
int procfs2_next_possible_cpu(int cpu);
int procfs2_next_online_cpu(int cpu);
bool procfs2_cpu_online(int cpu);
u64 procfs2_cpu_idle_time_us(int cpu);
u64 procfs2_cpu_iowait_time_us(int cpu);
void procfs2_kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu);
const struct cpuinfo_x86 *procfs2_cpu_data(unsigned int cpu);
unsigned int procfs2_x86_bug_spec_store_bypass(void);
unsigned int procfs2_x86_bug_spectre_v2(void);
unsigned int procfs2_cpu_family(const struct cpuinfo_x86 *c);
unsigned int procfs2_cpu_model(const struct cpuinfo_x86 *c);
bool procfs2_cpu_has(const struct cpuinfo_x86 *c, unsigned int bit);
bool procfs2_cpu_vmx_has(const struct cpuinfo_x86 *c, unsigned int bit);
unsigned int procfs2_core_siblings(unsigned int cpu);
unsigned int procfs2_cpu_khz(void);
bool procfs2_has_avx512f(void);

/* device.c: the device list and devices */
struct device *procfs2_cpu_dev_root(void);
struct kset *procfs2_dev_kset(struct device *dev);
spinlock_t *procfs2_kset_list_lock(struct kset *kset);
struct kobject *procfs2_kset_first(struct kset *kset);
bool procfs2_kset_is_last(struct kset *kset, struct kobject *kobj);
struct kobject *procfs2_kset_next(struct kobject *kobj);
struct kobject *procfs2_kset_last(struct kset *kset);
bool procfs2_kset_is_first(struct kset *kset, struct kobject *kobj);
struct kobject *procfs2_kset_prev(struct kobject *kobj);
bool procfs2_kobj_unlisted(struct kobject *kobj);
const struct class *procfs2_kobj_dev_class(struct kobject *kobj);
bool procfs2_kobj_dev_is_misc(struct kobject *kobj);
const char *procfs2_class_name(const struct class *class);
unsigned int procfs2_dev_minor(struct device *dev);
const char *procfs2_dev_name(struct device *dev);

/* irq.c: interrupts */
unsigned int procfs2_softirqs_cpu(unsigned int irq, int cpu);
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
unsigned int procfs2_irq_desc_tot_count(struct irq_desc *desc);
unsigned long procfs2_kstat_cpu_irqs_sum(int cpu);
const struct cpumask *procfs2_irq_desc_affinity(struct irq_desc *desc);
bool procfs2_irq_move_pending(struct irq_data *data);
#ifdef CONFIG_GENERIC_PENDING_IRQ
const struct cpumask *procfs2_irq_desc_pending_mask(struct irq_desc *desc);
#endif
const struct cpumask *procfs2_irq_data_effective_affinity(struct irq_data *data);
int procfs2_irq_desc_node(struct irq_desc *desc);
const struct cpumask *procfs2_irq_desc_affinity_hint(struct irq_desc *desc);
void procfs2_cpumask_copy(struct cpumask *dst, const struct cpumask *src);
void procfs2_seq_cpumask(struct seq_file *m, const struct cpumask *mask);
void procfs2_seq_cpumask_list(struct seq_file *m, const struct cpumask *mask);
unsigned int procfs2_irq_desc_irq_count(struct irq_desc *desc);
unsigned int procfs2_irq_desc_irqs_unhandled(struct irq_desc *desc);
unsigned long procfs2_irq_desc_last_unhandled(struct irq_desc *desc);
bool procfs2_irqd_can_balance(struct irq_data *data);
bool procfs2_irq_chip_has_set_affinity(struct irq_chip *chip);
bool procfs2_irqd_affinity_is_managed(struct irq_data *data);

/* mm.c: address spaces and memory totals */
unsigned long procfs2_swapcache_pages(void);
long procfs2_nr_swap_pages(void);
unsigned long procfs2_vmalloc_total(void);
unsigned long procfs2_totalram_pages(void);
unsigned int procfs2_hpage_pmd_nr(void);
unsigned long procfs2_mm_rss(struct mm_struct *mm);
unsigned long procfs2_mm_counter(struct mm_struct *mm, int member);
unsigned long procfs2_mm_counter_sum(struct mm_struct *mm, int member);
s64 procfs2_mm_pinned_vm(struct mm_struct *mm);
unsigned long procfs2_mm_pgtables_bytes(struct mm_struct *mm);
bool procfs2_mm_thp_enabled(struct mm_struct *mm);
unsigned long procfs2_mm_hugetlb_usage(struct mm_struct *mm);
unsigned long procfs2_mm_untag_mask(struct mm_struct *mm);
void procfs2_mmgrab(struct mm_struct *mm);
void procfs2_mmdrop(struct mm_struct *mm);
bool procfs2_mmget_not_zero(struct mm_struct *mm);
int procfs2_mmap_read_lock_killable(struct mm_struct *mm);
void procfs2_mmap_read_unlock(struct mm_struct *mm);
void procfs2_vma_iter_init(struct vma_iterator *vmi, struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *procfs2_vma_next(struct vma_iterator *vmi);
struct vm_area_struct *procfs2_vma_lookup(struct mm_struct *mm, unsigned long addr);
bool procfs2_vma_is_initial_heap(const struct vm_area_struct *vma);
bool procfs2_vma_is_initial_stack(const struct vm_area_struct *vma);
struct anon_vma_name *procfs2_vma_anon_name(struct vm_area_struct *vma);
struct page *procfs2_get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
					      int gup_flags, struct vm_area_struct **vmap);
unsigned long procfs2_untagged_addr_remote(struct mm_struct *mm, unsigned long addr);
void procfs2_unmap_and_put_page(struct page *page, void *addr);

/* pagewalk.c: page tables and mapped pages (wrap/mm/pagewalk.rs) */
/* The bits of procfs2_pte_tests() and procfs2_page_folio_smaps_tests(). */
#define PROCFS2_PTE_PRESENT 0
#define PROCFS2_PTE_YOUNG 1
#define PROCFS2_PTE_DIRTY 2
#define PROCFS2_PTE_SPECIAL 3
#define PROCFS2_PTE_SOFT_DIRTY 4
#define PROCFS2_PTE_UFFD_WP 5
#define PROCFS2_PTE_SWAP 6
#define PROCFS2_PTE_SWP_SOFT_DIRTY 7
#define PROCFS2_PTE_SWP_UFFD_WP 8
unsigned int procfs2_pte_tests(pte_t pte, unsigned long *pfn, struct page **page);
#define PROCFS2_FOLIO_ANON 0
#define PROCFS2_FOLIO_SWAPBACKED 1
#define PROCFS2_FOLIO_DIRTY 2
#define PROCFS2_FOLIO_KSM 3
#define PROCFS2_FOLIO_YOUNG 4
#define PROCFS2_FOLIO_REFERENCED 5
unsigned int procfs2_page_folio_smaps_tests(struct page *page, int *refs);
bool procfs2_pgd_entry(struct mm_struct *mm, unsigned long addr, unsigned long *end, pgd_t **pgd);
bool procfs2_p4d_entry(pgd_t *pgd, unsigned long addr, unsigned long *end, p4d_t **p4d);
/* The bits of procfs2_pud_entry() and procfs2_pmd_tests(). */
#define PROCFS2_PUD_NONE 0
#define PROCFS2_PUD_LEAF_OR_BAD 1
unsigned int procfs2_pud_entry(p4d_t *p4d, unsigned long addr, unsigned long *end, pud_t **pud);
pmd_t *procfs2_pmd_entry(pud_t *pud, unsigned long addr, unsigned long *end);
#define PROCFS2_PMD_NONE 0
#define PROCFS2_PMD_HUGE 1
unsigned int procfs2_pmd_tests(pmd_t *pmd);
spinlock_t *procfs2_pmd_lock(struct mm_struct *mm, pmd_t *pmd);
pmd_t procfs2_pmdp_get(pmd_t *pmd);
bool procfs2_pmd_none(pmd_t *pmd);
bool procfs2_pmd_maps_pte_table(pmd_t *pmd, pmd_t *pmdval);
bool procfs2_pmd_bad(pmd_t pmd);
bool procfs2_pte_map_lock(struct mm_struct *mm, pmd_t *pmd, pmd_t *pmdval, unsigned long addr,
			  pte_t **pte, spinlock_t **ptl);
void procfs2_pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);
void procfs2_pte_unmap_unlock_resched(pte_t *pte, spinlock_t *ptl);
void procfs2_spin_unlock(spinlock_t *lock);
swp_entry_t procfs2_pte_to_swp_entry(pte_t pte);
bool procfs2_ptep_test_and_clear_young(pte_t *pte);
bool procfs2_pmd_present(pmd_t pmd);
bool procfs2_pmd_young(pmd_t pmd);
bool procfs2_pmd_dirty(pmd_t pmd);
bool procfs2_pmd_special(pmd_t pmd);
bool procfs2_pmd_devmap(pmd_t pmd);
bool procfs2_pmd_soft_dirty(pmd_t pmd);
bool procfs2_pmd_uffd_wp(pmd_t pmd);
bool procfs2_pmd_swp_soft_dirty(pmd_t pmd);
bool procfs2_pmd_swp_uffd_wp(pmd_t pmd);
unsigned long procfs2_pmd_pfn(pmd_t pmd);
swp_entry_t procfs2_pmd_to_swp_entry(pmd_t pmd);
bool procfs2_pmdp_test_and_clear_young(pmd_t *pmd);
bool procfs2_non_swap_entry(swp_entry_t entry);
bool procfs2_is_pfn_swap_entry(swp_entry_t entry);
bool procfs2_is_device_private_entry(swp_entry_t entry);
bool procfs2_pte_marker_entry_uffd_wp(swp_entry_t entry);
unsigned long procfs2_swp_offset_pfn(swp_entry_t entry);
unsigned long procfs2_swp_offset(swp_entry_t entry);
unsigned int procfs2_swp_type(swp_entry_t entry);
unsigned int procfs2_max_swapfiles_shift(void);
bool procfs2_pfn_valid(unsigned long pfn);
struct page *procfs2_pfn_to_page(unsigned long pfn);
struct page *procfs2_nth_page(struct page *page, unsigned long n);
unsigned long procfs2_compound_nr(struct page *page);
bool procfs2_page_folio_anon(struct page *page);
bool procfs2_page_folio_swapbacked(struct page *page);
bool procfs2_page_folio_dirty(struct page *page);
bool procfs2_page_folio_zone_device(struct page *page);
bool procfs2_page_folio_test_clear_young(struct page *page);
void procfs2_page_folio_clear_referenced(struct page *page);
bool procfs2_page_folio_swapcache(struct page *page);
bool procfs2_page_folio_active(struct page *page);
bool procfs2_page_folio_unevictable(struct page *page);
bool procfs2_page_folio_writeback(struct page *page);
bool procfs2_page_reserved(struct page *page);
int procfs2_page_nid(struct page *page);
int procfs2_next_memory_node(int nid);
int procfs2_max_numnodes(void);
struct mempolicy;
struct shared_policy;
struct sp_node;
struct rb_node;
bool procfs2_vma_has_get_policy(struct vm_area_struct *vma);
struct mempolicy *procfs2_vma_policy(struct vm_area_struct *vma);
struct shared_policy *procfs2_vma_shared_policy(struct vm_area_struct *vma);
void procfs2_sp_read_lock(struct shared_policy *sp);
void procfs2_sp_read_unlock(struct shared_policy *sp);
struct rb_node *procfs2_sp_root(struct shared_policy *sp);
struct sp_node *procfs2_sp_node(struct rb_node *n);
unsigned long procfs2_sp_node_start(struct sp_node *n);
unsigned long procfs2_sp_node_end(struct sp_node *n);
struct mempolicy *procfs2_sp_node_policy(struct sp_node *n);
struct mempolicy *procfs2_task_mempolicy(struct task_struct *t);
unsigned short procfs2_mpol_mode(struct mempolicy *pol);
unsigned short procfs2_mpol_flags(struct mempolicy *pol);
bool procfs2_mpol_nodes_empty(struct mempolicy *pol);
int procfs2_mpol_nodelist(char *buf, size_t size, struct mempolicy *pol);
bool procfs2_vma_shmem(struct vm_area_struct *vma);
unsigned long procfs2_vma_shmem_swapped(struct vm_area_struct *vma);
loff_t procfs2_vma_file_size(struct vm_area_struct *vma);
bool procfs2_arch_pkeys_enabled(void);
int procfs2_vma_pkey(struct vm_area_struct *vma);
bool procfs2_vma_is_temporary_stack(struct vm_area_struct *vma);
bool procfs2_thp_vma_suitable_pmd(struct vm_area_struct *vma, unsigned long addr);
bool procfs2_mmap_lock_is_contended(struct mm_struct *mm);
void procfs2_vma_iter_invalidate(struct vma_iterator *vmi);
int procfs2_mmap_write_lock_killable(struct mm_struct *mm);
void procfs2_mmap_write_unlock(struct mm_struct *mm);
void procfs2_reset_mm_hiwater_rss(struct mm_struct *mm);
void procfs2_cond_resched(void);

/* mmzone.c: nodes, zones and page frames */
unsigned int procfs2_nr_node_ids(void);
bool procfs2_node_online(int nid);
bool procfs2_node_has_memory(int nid);
struct zone *procfs2_node_zone(int nid, unsigned int z);
unsigned long procfs2_max_pfn(void);
const atomic_long_t *procfs2_zone_numa_event_array(struct zone *zone);
const unsigned long *procfs2_zone_numa_event_cpu_array(struct zone *zone, int cpu);
unsigned long procfs2_zone_lock_irqsave(struct zone *zone);
void procfs2_zone_unlock_irqrestore(struct zone *zone, unsigned long flags);
unsigned long procfs2_zone_state(struct zone *zone, unsigned int item);
unsigned long procfs2_zone_wmark(struct zone *zone, unsigned int w);
unsigned long procfs2_zone_managed(struct zone *zone);
unsigned long procfs2_zone_cma(struct zone *zone);
struct per_cpu_pages *procfs2_zone_pcp(struct zone *zone, int cpu);
int procfs2_zone_stat_threshold(struct zone *zone, int cpu);
long procfs2_pgdat_state_pages(int nid, unsigned int item);
unsigned int procfs2_pageblock_order(void);
unsigned long procfs2_pages_per_section(void);
struct page *procfs2_pfn_to_online_page(unsigned long pfn);
struct zone *procfs2_page_zone(struct page *page);
struct folio *procfs2_page_folio(struct page *page);
unsigned long procfs2_folio_flags(struct folio *folio);
unsigned long procfs2_page_flags(struct page *page);
unsigned long procfs2_folio_mapping_bits(struct folio *folio);
struct page *procfs2_folio_page(struct folio *folio);
bool procfs2_page_mapped(struct page *page);
bool procfs2_folio_test_hugetlb(struct folio *folio);
bool procfs2_folio_test_large(struct folio *folio);
bool procfs2_folio_test_large_rmappable(struct folio *folio);
bool procfs2_is_zero_folio(struct folio *folio);
bool procfs2_page_buddy(struct page *page);
int procfs2_page_count(struct page *page);
bool procfs2_page_offline(struct page *page);
bool procfs2_page_table(struct page *page);
bool procfs2_folio_test_slab(struct folio *folio);
bool procfs2_folio_test_idle(struct folio *folio);
struct mem_cgroup *procfs2_folio_memcg_check(struct folio *folio);
bool procfs2_memcg_online(struct mem_cgroup *memcg);
struct mem_cgroup *procfs2_parent_mem_cgroup(struct mem_cgroup *memcg);
u64 procfs2_memcg_cgroup_ino(struct mem_cgroup *memcg);
unsigned long procfs2_pfn_migratetype(unsigned long pfn);

/* console.c: consoles */
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

/* crypto.c: crypto algorithms */
bool procfs2_fips_enabled(void);
struct crypto_alg *procfs2_crypto_alg_next(struct crypto_alg *alg);
const char *procfs2_crypto_alg_name(struct crypto_alg *alg);
const char *procfs2_crypto_alg_driver(struct crypto_alg *alg);
const char *procfs2_crypto_alg_module(struct crypto_alg *alg);
int procfs2_crypto_alg_priority(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_refcnt(struct crypto_alg *alg);
u32 procfs2_crypto_alg_flags(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_blocksize(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_cipher_min_keysize(struct crypto_alg *alg);
unsigned int procfs2_crypto_alg_cipher_max_keysize(struct crypto_alg *alg);
const struct crypto_type *procfs2_crypto_alg_type(struct crypto_alg *alg);

/* module.c: the loaded modules */
struct list_head *procfs2_this_module_list(void);
struct list_head *procfs2_list_next_rcu(struct list_head *l);
struct module *procfs2_module_of(struct list_head *l);
int procfs2_module_state(struct module *mod);
const char *procfs2_module_name(struct module *mod);
unsigned int procfs2_module_mem_size(struct module *mod, int type);
void *procfs2_module_text_base(struct module *mod);
bool procfs2_module_has_users(struct module *mod);
bool procfs2_module_permanent(struct module *mod);
unsigned long procfs2_module_taints(struct module *mod);
int procfs2_format_pk(char *buf, size_t size, const void *p);
bool procfs2_current_cred_is(const struct cred *cred);

/* hugetlb.c: huge page pools */
bool procfs2_hugepages_supported(void);
struct hstate *procfs2_hugetlbfs_sb_hstate(struct super_block *sb);
unsigned long procfs2_hstate_size(struct hstate *h);
unsigned long procfs2_hstate_nr_huge_pages(struct hstate *h);
unsigned long procfs2_hstate_free_huge_pages(struct hstate *h);
unsigned long procfs2_hstate_resv_huge_pages(struct hstate *h);
unsigned long procfs2_hstate_surplus_huge_pages(struct hstate *h);

/* block.c: block devices, their I/O counters and partitions */
struct inode *procfs2_sb_inodes_first(struct super_block *sb);
bool procfs2_sb_inode_is_last(struct super_block *sb, struct inode *inode);
struct inode *procfs2_sb_inode_next(struct inode *inode);
spinlock_t *procfs2_sb_inode_list_lock(struct super_block *sb);
bool procfs2_bdev_is_partition(struct block_device *bdev);
const struct class *procfs2_bdev_class(struct block_device *bdev);
const struct device_type *procfs2_bdev_type(struct block_device *bdev);
struct gendisk *procfs2_dev_to_disk(struct device *dev);
struct block_device *procfs2_disk_part_find(struct gendisk *disk, unsigned long *idx);
struct block_device *procfs2_disk_part_find_after(struct gendisk *disk, unsigned long *idx);
sector_t procfs2_disk_capacity(struct gendisk *disk);
bool procfs2_disk_hidden(struct gendisk *disk);
sector_t procfs2_bdev_nr_sectors(struct block_device *bdev);
dev_t procfs2_bdev_dev(struct block_device *bdev);
struct block_device *procfs2_bdev_whole(struct block_device *bdev);
unsigned long procfs2_bdev_stamp(struct block_device *bdev);
bool procfs2_bdev_stamp_cmpxchg(struct block_device *bdev, unsigned long old, unsigned long new);
void procfs2_bdev_add_io_ticks(struct block_device *bdev, unsigned long n);
u64 procfs2_bdev_stat_nsecs(struct block_device *bdev, int cpu, int group);
unsigned long procfs2_bdev_stat_sectors(struct block_device *bdev, int cpu, int group);
unsigned long procfs2_bdev_stat_ios(struct block_device *bdev, int cpu, int group);
unsigned long procfs2_bdev_stat_merges(struct block_device *bdev, int cpu, int group);
unsigned long procfs2_bdev_stat_io_ticks(struct block_device *bdev, int cpu);
long procfs2_bdev_stat_in_flight(struct block_device *bdev, int cpu, int rw);
void procfs2_seq_put_bdev_name(struct seq_file *m, struct block_device *bdev);

/* sched.c: the runqueues (kernel/sched/sched.h) */
u64 procfs2_rq_nr_switches(int cpu);
unsigned int procfs2_rq_nr_running(int cpu);
unsigned int procfs2_rq_nr_iowait(int cpu);
unsigned int procfs2_rq_yld_count(int cpu);
unsigned int procfs2_rq_sched_count(int cpu);
unsigned int procfs2_rq_sched_goidle(int cpu);
unsigned int procfs2_rq_ttwu_count(int cpu);
unsigned int procfs2_rq_ttwu_local(int cpu);
unsigned long long procfs2_rq_cpu_time(int cpu);
unsigned long long procfs2_rq_run_delay(int cpu);
unsigned long procfs2_rq_pcount(int cpu);
struct sched_domain *procfs2_rq_sd(int cpu);
void procfs2_seq_sd_span(struct seq_file *m, struct sched_domain *sd);
struct cgroup_subsys_state *procfs2_dfl_root_css(void);
struct psi_group *procfs2_css_cgroup_psi(struct cgroup_subsys_state *css);
struct psi_group_cpu *procfs2_psi_group_cpu(struct psi_group *group, int cpu);
raw_spinlock_t *procfs2_rq_lockp(int cpu);
unsigned long procfs2_local_irq_save(void);
void procfs2_local_irq_restore(unsigned long flags);
void procfs2_raw_spin_lock(raw_spinlock_t *lock);
void procfs2_raw_spin_unlock(raw_spinlock_t *lock);
u64 procfs2_cpu_clock(int cpu);
unsigned long procfs2_psi_freq(void);
unsigned long procfs2_psi_exp_10s(void);
unsigned long procfs2_psi_exp_60s(void);
unsigned long procfs2_psi_exp_300s(void);
pid_t procfs2_numa_group_gid(struct numa_group *ng);
struct autogroup *procfs2_signal_autogroup(struct signal_struct *sig);
bool procfs2_autogroup_is_autogroup(struct autogroup *ag);
unsigned long procfs2_autogroup_id(struct autogroup *ag);
int procfs2_autogroup_nice(struct autogroup *ag);

/* kthread.c: kernel threads' and workqueue workers' names */
struct kthread *procfs2_task_kthread(struct task_struct *t);
const char *procfs2_kthread_full_name(struct kthread *k);
struct worker *procfs2_kthread_worker(struct kthread *k);
bool procfs2_task_vfork_pending(struct task_struct *t);
struct workqueue_struct *procfs2_worker_rescue_wq(struct worker *w);
const char *procfs2_wq_name(struct workqueue_struct *wq);
struct worker_pool *procfs2_worker_pool(struct worker *w);
int procfs2_worker_id(struct worker *w);
int procfs2_pool_cpu(struct worker_pool *pool);
int procfs2_pool_id(struct worker_pool *pool);
int procfs2_pool_nice(struct worker_pool *pool);
raw_spinlock_t *procfs2_pool_lock(struct worker_pool *pool);
const char *procfs2_worker_desc(struct worker *w);
bool procfs2_worker_busy(struct worker *w);

/* private.c: users of private headers and tables */
int procfs2_file_mnt_id(struct file *f);
unsigned int procfs2_mnt_ns_inum(struct mnt_namespace *ns);
const struct ctl_table *procfs2_proc_sysctl_entry(struct file *f);
int procfs2_page_precise_mapcount(struct page *page);
unsigned long procfs2_ksm_rmap_item_size(void);
bool procfs2_pgdat_unreclaimable(int nid);
void procfs2_crypto_alg_sem_read(void);
void procfs2_crypto_alg_sem_read_unlock(void);
struct crypto_alg *procfs2_crypto_alg_first(void);
bool procfs2_crypto_alg_is_last(struct crypto_alg *alg);
bool procfs2_crypto_type_has_show(const struct crypto_type *type);
void procfs2_crypto_type_show(const struct crypto_type *type, struct seq_file *m,
			      struct crypto_alg *alg);
const char *procfs2_x86_cap_flag(unsigned int bit);
const char *procfs2_x86_bug_flag(unsigned int i);
const char *procfs2_x86_vmx_flag(unsigned int i);
const char *procfs2_x86_power_flag(unsigned int i);
const char *const *procfs2_vmstat_text_table(void);
const char *const *procfs2_migratetype_names_table(void);
const char *const *procfs2_policy_modes_table(void);
bool procfs2_taint_is_module(unsigned int i);
char procfs2_taint_char(unsigned int i);
bool procfs2_irq_desc_is_nmi(struct irq_desc *desc);
/* ipc.c: System V IPC objects (wrap/ipc.rs) */
#define PROCFS2_IPC_SEM_IDS 0
#define PROCFS2_IPC_MSG_IDS 1
#define PROCFS2_IPC_SHM_IDS 2
struct ipc_ids;
struct ipc_namespace;
struct nsproxy;
struct kern_ipc_perm;
struct procfs2_ipc_perm_row {
	int key, id;
	unsigned int mode;
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
};
struct procfs2_msg_row {
	unsigned long cbytes, qnum;
	pid_t lspid, lrpid;
	time64_t stime, rtime, ctime;
};
struct procfs2_shm_row {
	unsigned long segsz, nattch;
	pid_t cpid, lpid;
	time64_t atim, dtim, ctim;
};
struct nsproxy *procfs2_current_nsproxy(void);
struct ipc_namespace *procfs2_nsproxy_get_ipc_ns(struct nsproxy *nsproxy);
struct pid_namespace *procfs2_current_active_pid_ns_get(void);
void procfs2_put_ipc_ns(struct ipc_namespace *ns);
struct ipc_ids *procfs2_ipc_ids(struct ipc_namespace *ns, unsigned int which);
void procfs2_ipc_ids_down_read(struct ipc_ids *ids);
void procfs2_ipc_ids_up_read(struct ipc_ids *ids);
struct kern_ipc_perm *procfs2_ipc_get_next(struct ipc_ids *ids, int *idx);
struct kern_ipc_perm *procfs2_ipc_find(struct ipc_ids *ids, int idx);
void procfs2_ipc_lock(struct kern_ipc_perm *perm);
void procfs2_ipc_unlock(struct kern_ipc_perm *perm);
void procfs2_ipc_perm_row(struct kern_ipc_perm *perm, struct user_namespace *user_ns,
			  struct procfs2_ipc_perm_row *r);
void procfs2_msg_row(struct kern_ipc_perm *perm, struct pid_namespace *ns,
		     struct procfs2_msg_row *r);
void procfs2_shm_row(struct kern_ipc_perm *perm, struct pid_namespace *ns,
		     struct procfs2_shm_row *r);
bool procfs2_shm_rss_hugetlb(struct kern_ipc_perm *perm, unsigned long *rss);
unsigned long procfs2_shm_swapped(struct kern_ipc_perm *perm);
int procfs2_sem_nsems(struct kern_ipc_perm *perm);
time64_t procfs2_sem_ctime(struct kern_ipc_perm *perm);
time64_t *procfs2_sem_otime_first(struct kern_ipc_perm *perm, size_t *stride);
/* slab.c: slab caches for /proc/slabinfo (wrap/slab.rs) */
#define PROCFS2_MAX_PARTIAL_TO_SCAN 10000
struct kmem_cache;
struct kmem_cache_node;
struct kset *procfs2_slab_kset(void);
const struct kmem_cache *procfs2_kmem_cache_cache(void);
struct kmem_cache *procfs2_kobj_kmem_cache(struct kobject *kobj);
struct kobject *procfs2_kmem_cache_kobj(struct kmem_cache *s);
const char *procfs2_kmem_cache_name(const struct kmem_cache *s);
bool procfs2_kmem_cache_live(const struct kmem_cache *s);
unsigned int procfs2_kmem_cache_size(const struct kmem_cache *s);
unsigned int procfs2_kmem_cache_oo_objects(const struct kmem_cache *s);
unsigned int procfs2_kmem_cache_oo_order(const struct kmem_cache *s);
struct kmem_cache_node *procfs2_kmem_cache_get_node(const struct kmem_cache *s, unsigned int node);
unsigned long procfs2_kmem_cache_node_lock(struct kmem_cache_node *n);
void procfs2_kmem_cache_node_unlock(struct kmem_cache_node *n, unsigned long flags);
unsigned long procfs2_node_nr_slabs(struct kmem_cache_node *n);
unsigned long procfs2_node_nr_objs(struct kmem_cache_node *n);
unsigned long procfs2_node_nr_partial(struct kmem_cache_node *n);
struct list_head *procfs2_node_partial(struct kmem_cache_node *n);
int procfs2_partial_slab_free(struct list_head *slab_list);
struct kmem_cache *procfs2_test_kmem_cache_create(const char *name, unsigned int size);
#endif /* PROCFS2_SHIM_H */
