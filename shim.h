/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim.h - the C side of procfs2: one-line wrappers for static inlines, macros and
 * structures that Rust cannot reach in 6.12 (fs_context.h, fs_parser.h,
 * pid_namespace.h are not in the kernel crate's bindings), and the Rust callbacks
 * the C tables point at.
 */
#ifndef PROCFS2_SHIM_H
#define PROCFS2_SHIM_H

#include <linux/types.h>

struct completion;
struct dentry;
struct dir_context;
struct inode;
struct kmem_cache;
struct fs_context;
struct fs_parameter;
struct fs_parameter_spec;
struct pid_namespace;
struct super_block;
struct user_namespace;

/* Mount option numbers, fs/proc/root.c enum proc_param. */
enum procfs2_param {
	PROCFS2_OPT_GID,
	PROCFS2_OPT_HIDEPID,
	PROCFS2_OPT_SUBSET,
};

extern const struct fs_parameter_spec procfs2_fs_parameters[];

/* Implemented in Rust (rust_procfs.rs). */
int procfs2_fill_super(struct super_block *sb, struct fs_context *fc);
int procfs2_parse_param(struct fs_context *fc, struct fs_parameter *param);
int procfs2_reconfigure(struct fs_context *fc);
void procfs2_fc_free(struct fs_context *fc);

/* fs_context.h and fs_parser.h */
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns);
void *procfs2_fc_private(struct fs_context *fc);
struct super_block *procfs2_fc_root_sb(struct fs_context *fc);
int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32);
const char *procfs2_param_string(struct fs_parameter *param);
int procfs2_invalf(struct fs_context *fc, const char *msg);

/* pid_namespace.h, cred.h */
struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns);
struct pid_namespace *procfs2_get_current_pid_ns(void);
struct user_namespace *procfs2_current_user_ns(void);
void procfs2_current_fsuid_fsgid(u32 *uid, u32 *gid);

/* The entry tree lock (fs/proc/generic.c proc_subdir_lock). */
void procfs2_subdir_read_lock(void);
void procfs2_subdir_read_unlock(void);
void procfs2_subdir_write_lock(void);
void procfs2_subdir_write_unlock(void);

/* Inode numbers of entries (fs/proc/generic.c proc_inum_ida). */
int procfs2_ida_alloc(unsigned int max);
void procfs2_ida_free(unsigned int id);

/* completion.h */
void procfs2_init_completion(struct completion *c);

/* slab.h: the inode cache */
struct kmem_cache *procfs2_kmem_cache_create(const char *name, unsigned int size,
					     unsigned int align, void (*ctor)(void *));
void *procfs2_alloc_inode_sb(struct super_block *sb, struct kmem_cache *cache);

/* pid.h: numbers of current as seen in @ns, 0 if invisible there */
unsigned int procfs2_pid_allocated(struct pid_namespace *ns);
unsigned long procfs2_jiffies(void);
int procfs2_current_tgid_nr_ns(struct pid_namespace *ns);
int procfs2_current_pid_nr_ns(struct pid_namespace *ns);

/* The numbers the global files show (fs/proc/version.c, uptime.c, loadavg.c). */
struct timespec64;
void procfs2_utsname(const char **sysname, const char **release, const char **version);
const char *procfs2_compile_info(void);
void procfs2_boottime(struct timespec64 *ts);
int procfs2_next_possible_cpu(int cpu);
bool procfs2_cpu_online(int cpu);
u64 procfs2_cpu_idle_time_us(int cpu);
u64 procfs2_cpu_iowait_time_us(int cpu);
void procfs2_kcpustat(int cpu, u64 *cpustat);
unsigned int procfs2_softirqs_cpu(unsigned int irq, int cpu);
int procfs2_pid_ns_last_pid(struct pid_namespace *ns);
void procfs2_count_threads(unsigned int *threads, unsigned int *running,
			   unsigned int *iowait);

/* fs/proc/meminfo.c: counters behind static inlines */
struct sysinfo;
unsigned long procfs2_node_page_state(int item);
unsigned long procfs2_node_page_state_pages(int item);
unsigned long procfs2_zone_page_state(int item);
unsigned long procfs2_swapcache_pages(void);
void procfs2_si_swapinfo(struct sysinfo *i);
unsigned long procfs2_vmalloc_total(void);

/* debugfs.h: the tests' control file */
struct file_operations;
struct dentry *procfs2_debugfs_create(const struct file_operations *fops);
void procfs2_debugfs_remove(struct dentry *dir);

/* fs.h */
bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type);

#endif /* PROCFS2_SHIM_H */

/* Tasks and pids (see shim.c). */
struct file;
struct mm_struct;
struct path;
struct pid;
struct task_struct;
struct pid *procfs2_get_pid(struct pid *pid);
void procfs2_get_task_struct(struct task_struct *t);
void procfs2_put_task_struct(struct task_struct *t);
struct task_struct *procfs2_find_task(struct pid_namespace *ns, int nr);
struct task_struct *procfs2_next_tgid(struct pid_namespace *ns, unsigned int *nr);
unsigned int procfs2_count_tgids(struct pid_namespace *ns, unsigned int *nr,
				 unsigned int max);
struct task_struct *procfs2_nth_thread(struct task_struct *leader, unsigned int n);
unsigned int procfs2_nr_threads(struct task_struct *t);
bool procfs2_pid_has_task(struct pid *pid, int type);
void procfs2_task_comm(struct task_struct *t, char *buf);
struct procfs2_owner_facts {
	bool kthread;
	u32 euid, egid;
	int mm_dumpable;
	u32 ns_uid, ns_gid;
};
void procfs2_task_owner_facts(struct task_struct *t, bool want_mm,
			      struct procfs2_owner_facts *f);
bool procfs2_pid_owner_facts(struct pid *pid, int type, bool want_mm,
			     struct procfs2_owner_facts *f);
void procfs2_task_cred_ids(struct task_struct *t, u32 *ids);
bool procfs2_task_ns_ptrace_capable(struct task_struct *t);
bool procfs2_task_mm_undumpable_uncapable(struct task_struct *t);
bool procfs2_same_thread_group(struct task_struct *t);
int procfs2_task_oom_score_adj(struct task_struct *t);
void procfs2_mm_arg_area(struct mm_struct *mm, unsigned long *v);
bool procfs2_task_fs_path(struct task_struct *t, bool root, struct path *path);
struct file *procfs2_mm_exe_file(struct mm_struct *mm);

/* do_task_stat()'s inputs, all as s64 so that Rust can mirror the layout. */
struct procfs2_task_stat {
	s64 state, ppid, pgid, sid, tty_nr, tty_pgrp, flags;
	s64 min_flt, cmin_flt, maj_flt, cmaj_flt;
	s64 utime, stime, cutime, cstime;
	s64 priority, nice, num_threads, start_time_ns;
	s64 vsize, rss, rsslim, start_code, end_code, start_stack;
	s64 sig_pending, sig_blocked, sig_ignored, sig_caught;
	s64 running, exit_signal, cpu, rt_priority, policy, blkio_delay_ns;
	s64 gtime, cgtime;
	s64 start_data, end_data, start_brk, arg_start, arg_end, env_start, env_end;
	s64 exit_code, has_mm;
};
int procfs2_task_stat(struct task_struct *task, struct pid_namespace *ns, bool whole,
		      struct procfs2_task_stat *st);
void procfs2_mm_statm(struct mm_struct *mm, unsigned long *v);
unsigned long procfs2_file_parent_ino(struct file *file);

/* proc_pid_status()'s inputs, all as s64 so that Rust can mirror the layout. */
struct seq_file;
struct procfs2_task_status {
	s64 umask, state, tgid, ngid, ppid, tracer_pid;
	s64 uid[4], gid[4];
	s64 fdsize, kthread, has_mm;
	s64 hiwater_vm, total_vm, locked_vm, pinned_vm, hiwater_rss, total_rss;
	s64 anon, file, shmem, data_vm, stack_vm, text_bytes, lib_bytes, pte_bytes, swap;
	s64 core_dumping, thp_enabled, untag_mask;
	s64 threads, sigq, sigq_lim;
	s64 sig_pending, sig_shpending, sig_blocked, sig_ignored, sig_caught;
	s64 cap[5];
	s64 no_new_privs, nvcsw, nivcsw;
};
void procfs2_task_status(struct seq_file *m, struct task_struct *p, struct pid_namespace *ns,
			 struct procfs2_task_status *st);
int procfs2_task_groups(struct seq_file *m, struct task_struct *p, u32 *buf, int max);
int procfs2_task_ns_ids(struct task_struct *p, struct pid *pid, struct pid_namespace *ns,
			int kind, u32 *buf, int max);
int procfs2_task_cpus(struct task_struct *p, bool list, char *buf, int size);
struct file *procfs2_task_next_fd(struct task_struct *t, unsigned int *fd);
long procfs2_task_fd_count(struct task_struct *t);
struct file *procfs2_task_fd_flags(struct task_struct *t, unsigned int fd, unsigned int *flags);
int procfs2_file_mnt_id(struct file *f);
long long procfs2_file_pos(struct file *f);
unsigned long procfs2_file_ino(struct file *f);
unsigned int procfs2_file_mode(struct file *f);
void procfs2_file_show_fdinfo(struct seq_file *m, struct file *f);
struct dentry;
void procfs2_dont_mount(struct dentry *d);
struct rlimit;
bool procfs2_task_rlimits(struct task_struct *t, struct rlimit *rlim);
int procfs2_task_io(struct task_struct *t, bool whole, u64 *v);
bool procfs2_oom_facts(struct task_struct *p, long *pages, long *adj, unsigned long *totalpages);
bool procfs2_task_schedstat(struct task_struct *t, u64 *v);
int procfs2_task_personality(struct task_struct *t, unsigned int *personality);
int procfs2_mm_saved_auxv(struct mm_struct *mm, unsigned long *buf, int max);
bool procfs2_seq_file_admin(struct seq_file *m);
int procfs2_task_stack(struct seq_file *m, struct task_struct *t);
bool procfs2_task_nice_capable(struct task_struct *t);
u64 procfs2_task_timer_slack_ns(struct task_struct *t);
bool procfs2_task_is_current(struct task_struct *t);
void procfs2_cap_ptrace_facts(struct task_struct *t, bool *same_ns_superset, bool *ptrace_cap);
struct task_struct *procfs2_next_thread(struct task_struct *t, bool *stale);
