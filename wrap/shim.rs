// SPDX-License-Identifier: GPL-2.0

//! The C shim (`shim.c`, `shim.h`) as Rust sees it: one declaration per helper, in
//! shim.h's order and groups, plus the exported kernel symbols whose headers the
//! kernel crate's bindings do not include. Only the wrapper layer calls these.

use kernel::{
    bindings,
    ffi::{c_char, c_int, c_long, c_uint, c_ulong, c_void},
};

#[expect(
    improper_ctypes,
    reason = "pointers only; the pointee structs embed an empty sched_statistics"
)]
extern "C" {
    pub(crate) static procfs2_fs_parameters: bindings::fs_parameter_spec;

    // fs_context.h and fs_parser.h: mounting (wrap/fs.rs)
    pub(crate) fn procfs2_fc_init(
        fc: *mut bindings::fs_context,
        fs_private: *mut c_void,
        ns: *mut bindings::pid_namespace,
    );
    pub(crate) fn procfs2_fc_private(fc: *mut bindings::fs_context) -> *mut c_void;
    pub(crate) fn procfs2_fc_root_sb(fc: *mut bindings::fs_context) -> *mut bindings::super_block;
    pub(crate) fn procfs2_fs_parse(
        fc: *mut bindings::fs_context,
        param: *mut bindings::fs_parameter,
        uint_32: *mut u32,
    ) -> c_int;
    pub(crate) fn procfs2_param_is_string(param: *mut bindings::fs_parameter) -> bool;
    pub(crate) fn procfs2_param_string(param: *mut bindings::fs_parameter) -> *const c_char;
    pub(crate) fn procfs2_invalf(fc: *mut bindings::fs_context, msg: *const c_char) -> c_int;

    // pid_namespace.h (wrap/cred.rs)
    pub(crate) fn procfs2_get_pid_ns(
        ns: *mut bindings::pid_namespace,
    ) -> *mut bindings::pid_namespace;
    pub(crate) fn procfs2_get_current_pid_ns() -> *mut bindings::pid_namespace;
    // Exported by kernel/pid_namespace.c; declared in pid_namespace.h.
    pub(crate) fn put_pid_ns(ns: *mut bindings::pid_namespace);

    // fs.h: readdir (wrap/file.rs)
    pub(crate) fn procfs2_dir_emit(
        ctx: *mut bindings::dir_context,
        name: *const c_char,
        len: c_int,
        ino: u64,
        dtype: c_uint,
    ) -> bool;

    // The entry tree lock (wrap/subdir.rs)
    pub(crate) fn procfs2_subdir_read_lock();
    pub(crate) fn procfs2_subdir_read_unlock();
    pub(crate) fn procfs2_subdir_write_lock();
    pub(crate) fn procfs2_subdir_write_unlock();

    // Inode numbers of entries (wrap/inode.rs)
    pub(crate) fn procfs2_ida_alloc(max: c_uint) -> c_int;
    pub(crate) fn procfs2_ida_free(id: c_uint);

    // completion.h (wrap/sync.rs)
    pub(crate) fn procfs2_init_completion(c: *mut bindings::completion);

    // slab.h: the inode cache (wrap/inode.rs)
    pub(crate) fn procfs2_kmem_cache_create(
        name: *const c_char,
        size: c_uint,
        align: c_uint,
        ctor: Option<unsafe extern "C" fn(*mut c_void)>,
    ) -> *mut bindings::kmem_cache;
    pub(crate) fn procfs2_alloc_inode_sb(
        sb: *mut bindings::super_block,
        cache: *mut bindings::kmem_cache,
    ) -> *mut c_void;

    // pid.h (wrap/cred.rs)
    pub(crate) fn procfs2_pid_allocated(ns: *mut bindings::pid_namespace) -> c_uint;
    pub(crate) fn procfs2_jiffies() -> c_ulong;
    pub(crate) fn procfs2_current_tgid_nr_ns(ns: *mut bindings::pid_namespace) -> c_int;
    pub(crate) fn procfs2_current_pid_nr_ns(ns: *mut bindings::pid_namespace) -> c_int;

    // The numbers the global files show (wrap/sys.rs)
    pub(crate) fn procfs2_utsname(
        sysname: *mut *const c_char,
        release: *mut *const c_char,
        version: *mut *const c_char,
    );
    pub(crate) fn procfs2_compile_info() -> *const c_char;
    pub(crate) fn procfs2_boottime(ts: *mut bindings::timespec64);
    pub(crate) fn procfs2_timens_add_boottime(ts: *mut bindings::timespec64);
    pub(crate) fn procfs2_timens_add_boottime_ns(nsec: u64) -> u64;
    pub(crate) fn procfs2_timens_sub_boottime(ts: *mut bindings::timespec64);
    pub(crate) fn procfs2_next_possible_cpu(cpu: c_int) -> c_int;
    pub(crate) fn procfs2_cpu_online(cpu: c_int) -> bool;
    pub(crate) fn procfs2_cpu_idle_time_us(cpu: c_int) -> u64;
    pub(crate) fn procfs2_cpu_iowait_time_us(cpu: c_int) -> u64;
    pub(crate) fn procfs2_kcpustat(cpu: c_int, cpustat: *mut u64);
    pub(crate) fn procfs2_softirqs_cpu(irq: c_uint, cpu: c_int) -> c_uint;
    pub(crate) fn procfs2_pid_ns_last_pid(ns: *mut bindings::pid_namespace) -> c_int;

    // debugfs.h: the tests' control file (wrap/debugfs.rs)
    pub(crate) fn procfs2_selftest_param() -> bool;
    pub(crate) fn procfs2_debugfs_create(
        fops: *const bindings::file_operations,
    ) -> *mut bindings::dentry;
    pub(crate) fn procfs2_debugfs_remove(dir: *mut bindings::dentry);

    // fs/proc/meminfo.c: counters behind static inlines (wrap/sys.rs)
    pub(crate) fn procfs2_swapcache_pages() -> c_ulong;
    pub(crate) fn procfs2_nr_swap_pages() -> c_long;
    pub(crate) fn procfs2_vmalloc_total() -> c_ulong;
    // Exported by mm/util.c; declared in mman.h, which the bindings lack.
    pub(crate) fn vm_memory_committed() -> c_ulong;
    // Exported by kernel/sched/loadavg.c.
    #[link_name = "avenrun"]
    pub(crate) static AVENRUN: [c_ulong; 3];

    // Tasks and pids: locks and inlines (wrap/lock.rs, wrap/task.rs)
    pub(crate) fn procfs2_get_pid(pid: *mut bindings::pid) -> *mut bindings::pid;
    pub(crate) fn procfs2_rcu_read_lock();
    pub(crate) fn procfs2_rcu_read_unlock();
    pub(crate) fn procfs2_siglock_irqsave(sighand: *mut bindings::sighand_struct) -> c_ulong;
    pub(crate) fn procfs2_siglock_irqrestore(
        sighand: *mut bindings::sighand_struct,
        flags: c_ulong,
    );
    pub(crate) fn procfs2_read_seqbegin_or_lock_irqsave(
        lock: *mut bindings::seqlock_t,
        seq: *mut c_int,
    ) -> c_ulong;
    pub(crate) fn procfs2_need_seqretry(lock: *mut bindings::seqlock_t, seq: c_int) -> bool;
    pub(crate) fn procfs2_done_seqretry_irqrestore(
        lock: *mut bindings::seqlock_t,
        seq: c_int,
        flags: c_ulong,
    );
    pub(crate) fn procfs2_task_state_index(t: *mut bindings::task_struct) -> c_uint;
    pub(crate) fn procfs2_task_cpu(t: *mut bindings::task_struct) -> c_uint;
    pub(crate) fn procfs2_task_gtime(t: *mut bindings::task_struct) -> u64;
    pub(crate) fn procfs2_task_in_iowait(t: *mut bindings::task_struct) -> bool;
    pub(crate) fn procfs2_in_vfork(t: *mut bindings::task_struct) -> bool;
    pub(crate) fn procfs2_tty_nr(tty: *mut bindings::tty_struct) -> u32;
    pub(crate) fn procfs2_task_cpus_list(
        t: *mut bindings::task_struct,
        buf: *mut c_char,
        size: c_int,
    ) -> c_int;
    pub(crate) fn procfs2_task_cpus_mask(
        t: *mut bindings::task_struct,
        buf: *mut c_char,
        size: c_int,
    ) -> c_int;
    #[cfg(CONFIG_CPUSETS)]
    pub(crate) fn procfs2_task_mems_list(
        t: *mut bindings::task_struct,
        buf: *mut c_char,
        size: c_int,
    ) -> c_int;
    #[cfg(CONFIG_CPUSETS)]
    pub(crate) fn procfs2_task_mems_mask(
        t: *mut bindings::task_struct,
        buf: *mut c_char,
        size: c_int,
    ) -> c_int;
    #[cfg(CONFIG_SECCOMP)]
    pub(crate) fn procfs2_task_seccomp_mode(t: *mut bindings::task_struct) -> c_int;
    #[cfg(CONFIG_SECCOMP_FILTER)]
    pub(crate) fn procfs2_task_seccomp_filters(t: *mut bindings::task_struct) -> c_int;
    #[cfg(CONFIG_X86_USER_SHADOW_STACK)]
    pub(crate) fn procfs2_task_x86_features(t: *mut bindings::task_struct) -> c_ulong;
    #[cfg(CONFIG_X86_USER_SHADOW_STACK)]
    pub(crate) fn procfs2_task_x86_features_locked(t: *mut bindings::task_struct) -> c_ulong;
    pub(crate) fn procfs2_pid_ns_level(ns: *mut bindings::pid_namespace) -> c_int;

    // Address spaces, credentials and the memory totals (wrap/task.rs)
    pub(crate) fn procfs2_mm_rss(mm: *mut bindings::mm_struct) -> c_ulong;
    pub(crate) fn procfs2_mm_counter(mm: *mut bindings::mm_struct, member: c_int) -> c_ulong;
    pub(crate) fn procfs2_mm_counter_sum(mm: *mut bindings::mm_struct, member: c_int) -> c_ulong;
    pub(crate) fn procfs2_mm_pinned_vm(mm: *mut bindings::mm_struct) -> i64;
    pub(crate) fn procfs2_mm_pgtables_bytes(mm: *mut bindings::mm_struct) -> c_ulong;
    pub(crate) fn procfs2_mm_thp_enabled(mm: *mut bindings::mm_struct) -> bool;
    #[cfg(CONFIG_HUGETLB_PAGE)]
    pub(crate) fn procfs2_mm_hugetlb_usage(mm: *mut bindings::mm_struct) -> c_ulong;
    pub(crate) fn procfs2_mm_untag_mask(mm: *mut bindings::mm_struct) -> c_ulong;
    pub(crate) fn procfs2_ucounts_sigpending(ucounts: *mut bindings::ucounts) -> c_long;
    pub(crate) fn procfs2_totalram_pages() -> c_ulong;
    pub(crate) fn procfs2_sched_info_on() -> bool;
    pub(crate) fn procfs2_put_cred(cred: *const bindings::cred);
    pub(crate) fn procfs2_get_fs_root(fs: *mut bindings::fs_struct, path: *mut bindings::path);
    pub(crate) fn procfs2_get_fs_pwd(fs: *mut bindings::fs_struct, path: *mut bindings::path);
    pub(crate) fn procfs2_fs_umask(fs: *mut bindings::fs_struct) -> c_uint;
    pub(crate) fn procfs2_delays_blkio(delays: *mut bindings::task_delay_info) -> u64;
    // Exported; declared in headers the bindings do not include.
    pub(crate) fn tty_get_pgrp(tty: *mut bindings::tty_struct) -> *mut bindings::pid;
    pub(crate) fn task_cputime_adjusted(t: *mut bindings::task_struct, ut: *mut u64, st: *mut u64);

    // Open files (wrap/task.rs, wrap/dentry.rs, wrap/file.rs)
    pub(crate) fn procfs2_files_max_fds(files: *mut bindings::files_struct) -> c_uint;
    pub(crate) fn procfs2_files_open_count(files: *mut bindings::files_struct) -> c_uint;
    pub(crate) fn procfs2_files_lookup_fd_locked(
        files: *mut bindings::files_struct,
        fd: c_uint,
    ) -> *mut bindings::file;
    pub(crate) fn procfs2_files_file_lock(
        files: *mut bindings::files_struct,
    ) -> *mut bindings::spinlock_t;
    pub(crate) fn procfs2_close_on_exec(fd: c_uint, files: *mut bindings::files_struct) -> bool;
    pub(crate) fn procfs2_get_file(f: *mut bindings::file);
    // Exported by fs/file.c; declared in fdtable.h.
    pub(crate) fn task_lookup_next_fdget_rcu(
        t: *mut bindings::task_struct,
        fd: *mut c_uint,
    ) -> *mut bindings::file;
    pub(crate) fn procfs2_get_file_rcu(f: *mut *mut bindings::file) -> *mut bindings::file;
    pub(crate) fn procfs2_file_mnt_id(f: *mut bindings::file) -> c_int;
    pub(crate) fn procfs2_file_parent_ino(file: *mut bindings::file) -> c_ulong;
    pub(crate) fn procfs2_dont_mount(d: *mut bindings::dentry);

    // Address spaces held by open files, and their mappings (wrap/mm.rs)
    pub(crate) fn procfs2_mmgrab(mm: *mut bindings::mm_struct);
    pub(crate) fn procfs2_mmdrop(mm: *mut bindings::mm_struct);
    pub(crate) fn procfs2_mmget_not_zero(mm: *mut bindings::mm_struct) -> bool;
    pub(crate) fn procfs2_mmap_read_lock_killable(mm: *mut bindings::mm_struct) -> c_int;
    pub(crate) fn procfs2_mmap_read_unlock(mm: *mut bindings::mm_struct);
    pub(crate) fn procfs2_vma_iter_init(
        vmi: *mut bindings::vma_iterator,
        mm: *mut bindings::mm_struct,
        addr: c_ulong,
    );
    pub(crate) fn procfs2_vma_next(
        vmi: *mut bindings::vma_iterator,
    ) -> *mut bindings::vm_area_struct;
    pub(crate) fn procfs2_vma_is_initial_heap(vma: *const bindings::vm_area_struct) -> bool;
    pub(crate) fn procfs2_vma_is_initial_stack(vma: *const bindings::vm_area_struct) -> bool;
    pub(crate) fn procfs2_file_user_path(f: *mut bindings::file) -> *const bindings::path;
    pub(crate) fn procfs2_file_user_inode(f: *mut bindings::file) -> *const bindings::inode;
    #[cfg(CONFIG_ANON_VMA_NAME)]
    pub(crate) fn procfs2_vma_anon_name(
        vma: *mut bindings::vm_area_struct,
    ) -> *mut bindings::anon_vma_name;

    // The registers a blocked task entered the kernel with (wrap/task.rs)
    pub(crate) fn procfs2_pt_regs_offset() -> c_ulong;
    pub(crate) fn procfs2_syscall_get_nr(
        t: *mut bindings::task_struct,
        regs: *mut bindings::pt_regs,
    ) -> c_long;
    pub(crate) fn procfs2_syscall_get_arguments(
        t: *mut bindings::task_struct,
        regs: *mut bindings::pt_regs,
        args: *mut c_ulong,
    );

    // procfs2's own oom_adj_mutex (wrap/lock.rs)
    pub(crate) fn procfs2_oom_adj_mutex() -> *mut bindings::mutex;
    pub(crate) fn procfs2_mutex_lock(lock: *mut bindings::mutex);
    pub(crate) fn procfs2_raw_spin_lock_irq(lock: *mut bindings::raw_spinlock_t);
    pub(crate) fn procfs2_raw_spin_unlock_irq(lock: *mut bindings::raw_spinlock_t);
    pub(crate) fn procfs2_rt_or_dl_task_policy(t: *mut bindings::task_struct) -> bool;

    // Namespaces' inode numbers, for ns/ (wrap/task.rs)
    pub(crate) fn procfs2_uts_ns_inum(ns: *mut bindings::uts_namespace) -> c_uint;
    pub(crate) fn procfs2_ipc_ns_inum(ns: *mut bindings::ipc_namespace) -> c_uint;
    pub(crate) fn procfs2_net_inum(net: *mut bindings::net) -> c_uint;
    pub(crate) fn procfs2_pid_ns_inum(ns: *mut bindings::pid_namespace) -> c_uint;
    pub(crate) fn procfs2_pid_ns_child_reaper(
        ns: *mut bindings::pid_namespace,
    ) -> *mut bindings::task_struct;
    pub(crate) fn task_active_pid_ns(t: *mut bindings::task_struct)
        -> *mut bindings::pid_namespace;
    #[cfg(CONFIG_TIME_NS)]
    pub(crate) fn procfs2_time_ns_inum(ns: *mut bindings::time_namespace) -> c_uint;

    // The default cgroup hierarchy (wrap/task.rs)
    pub(crate) fn procfs2_css_tryget(css: *mut bindings::cgroup_subsys_state) -> bool;
    pub(crate) fn procfs2_css_put(css: *mut bindings::cgroup_subsys_state);
    pub(crate) fn procfs2_put_filesystem(fs: *mut bindings::file_system_type);

    // Architecture status, time namespace offsets, POSIX timers (wrap/task.rs)
    pub(crate) fn procfs2_has_avx512f() -> bool;
    pub(crate) fn procfs2_task_avx512_timestamp(t: *mut bindings::task_struct) -> c_ulong;
    #[cfg(CONFIG_TIME_NS)]
    pub(crate) fn procfs2_time_ns_offsets(
        ns: *mut bindings::time_namespace,
        monotonic: *mut bindings::timespec64,
        boottime: *mut bindings::timespec64,
    );
    pub(crate) fn procfs2_itimer_signo(timer: *mut bindings::k_itimer) -> c_int;
    pub(crate) fn procfs2_itimer_sival_ptr(timer: *mut bindings::k_itimer) -> *mut c_void;

    // Memory of another address space, for mem (wrap/mm.rs)
    pub(crate) fn procfs2_get_user_page_vma_remote(
        mm: *mut bindings::mm_struct,
        addr: c_ulong,
        gup_flags: c_int,
        vmap: *mut *mut bindings::vm_area_struct,
    ) -> *mut bindings::page;
    pub(crate) fn procfs2_vma_lookup(
        mm: *mut bindings::mm_struct,
        addr: c_ulong,
    ) -> *mut bindings::vm_area_struct;
    pub(crate) fn procfs2_untagged_addr_remote(
        mm: *mut bindings::mm_struct,
        addr: c_ulong,
    ) -> c_ulong;
    pub(crate) fn procfs2_unmap_and_put_page(page: *mut bindings::page, addr: *mut c_void);

    // Audit ids of a task (wrap/task.rs)
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn procfs2_audit_loginuid(
        t: *mut bindings::task_struct,
        ns: *mut bindings::user_namespace,
    ) -> u32;
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn procfs2_audit_sessionid(t: *mut bindings::task_struct) -> c_uint;

    // CPUs, for cpuinfo (wrap/cpu.rs)
    pub(crate) fn procfs2_cpu_data(cpu: c_uint) -> *const bindings::cpuinfo_x86;
    pub(crate) fn procfs2_cpu_family(c: *const bindings::cpuinfo_x86) -> c_uint;
    pub(crate) fn procfs2_cpu_model(c: *const bindings::cpuinfo_x86) -> c_uint;
    pub(crate) fn procfs2_cpu_has(c: *const bindings::cpuinfo_x86, bit: c_uint) -> bool;
    #[cfg(CONFIG_X86_VMX_FEATURE_NAMES)]
    pub(crate) fn procfs2_cpu_vmx_has(c: *const bindings::cpuinfo_x86, bit: c_uint) -> bool;
    pub(crate) fn procfs2_x86_cap_flag(bit: c_uint) -> *const c_char;
    pub(crate) fn procfs2_x86_bug_flag(i: c_uint) -> *const c_char;
    #[cfg(CONFIG_X86_VMX_FEATURE_NAMES)]
    pub(crate) fn procfs2_x86_vmx_flag(i: c_uint) -> *const c_char;
    pub(crate) fn procfs2_x86_power_flag(i: c_uint) -> *const c_char;
    pub(crate) fn procfs2_core_siblings(cpu: c_uint) -> c_uint;
    pub(crate) fn procfs2_cpu_khz() -> c_uint;
    pub(crate) fn procfs2_next_online_cpu(cpu: c_int) -> c_int;
    pub(crate) fn cpufreq_quick_get(cpu: c_uint) -> c_uint;

    // VM counters and their names, for vmstat (wrap/sys.rs)
    pub(crate) fn procfs2_vmstat_text_table() -> *const *const c_char;
    #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
    pub(crate) fn procfs2_hpage_pmd_nr() -> c_uint;
    pub(crate) fn procfs2_node_online(nid: c_int) -> bool;
    pub(crate) fn procfs2_node_zone(nid: c_int, z: c_uint) -> *mut bindings::zone;
    #[cfg(CONFIG_NUMA)]
    pub(crate) fn procfs2_zone_numa_event_array(
        zone: *mut bindings::zone,
    ) -> *const bindings::atomic_long_t;
    #[cfg(CONFIG_NUMA)]
    pub(crate) fn procfs2_zone_numa_event_cpu_array(
        zone: *mut bindings::zone,
        cpu: c_int,
    ) -> *const c_ulong;

    // Files on mounts only procfs2 holds: proc's sysctls (wrap/file.rs)
    pub(crate) fn procfs2_file_open_root_mnt(
        mnt: *mut bindings::vfsmount,
        name: *const c_char,
        flags: c_int,
    ) -> *mut bindings::file;
    pub(crate) fn procfs2_proc_sysctl_entry(f: *mut bindings::file) -> *const bindings::ctl_table;

    // Consoles (wrap/console.rs)
    pub(crate) fn console_list_lock();
    pub(crate) fn console_list_unlock();
    pub(crate) fn console_lock();
    pub(crate) fn console_unlock();
    pub(crate) fn procfs2_console_first() -> *mut c_void;
    pub(crate) fn procfs2_console_next(con: *mut c_void) -> *mut c_void;
    pub(crate) fn procfs2_console_name(con: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_console_index(con: *mut c_void) -> i16;
    pub(crate) fn procfs2_console_flags(con: *mut c_void) -> i16;
    pub(crate) fn procfs2_console_has_read(con: *mut c_void) -> bool;
    pub(crate) fn procfs2_console_has_write(con: *mut c_void) -> bool;
    pub(crate) fn procfs2_console_has_unblank(con: *mut c_void) -> bool;
    pub(crate) fn procfs2_console_has_device(con: *mut c_void) -> bool;
    pub(crate) fn procfs2_console_device(con: *mut c_void, index: *mut c_int) -> *mut c_void;
    pub(crate) fn procfs2_tty_driver_devt(driver: *mut c_void, index: c_int) -> u32;

    // Zones of the online nodes (wrap/mmzone.rs)
    pub(crate) fn procfs2_nr_node_ids() -> c_uint;
    pub(crate) fn procfs2_zone_lock_irqsave(zone: *mut bindings::zone) -> c_ulong;
    pub(crate) fn procfs2_zone_unlock_irqrestore(zone: *mut bindings::zone, flags: c_ulong);
    pub(crate) fn procfs2_zone_state(zone: *mut bindings::zone, item: c_uint) -> c_ulong;
    pub(crate) fn procfs2_zone_wmark(zone: *mut bindings::zone, w: c_uint) -> c_ulong;
    pub(crate) fn procfs2_zone_managed(zone: *mut bindings::zone) -> c_ulong;
    pub(crate) fn procfs2_zone_cma(zone: *mut bindings::zone) -> c_ulong;
    pub(crate) fn procfs2_zone_pcp(
        zone: *mut bindings::zone,
        cpu: c_int,
    ) -> *mut bindings::per_cpu_pages;
    pub(crate) fn procfs2_zone_stat_threshold(zone: *mut bindings::zone, cpu: c_int) -> c_int;
    pub(crate) fn procfs2_pgdat_state_pages(nid: c_int, item: c_uint) -> c_long;
    pub(crate) fn procfs2_pgdat_unreclaimable(nid: c_int) -> bool;
    pub(crate) fn procfs2_node_has_memory(nid: c_int) -> bool;
    pub(crate) fn procfs2_pageblock_order() -> c_uint;
    pub(crate) fn procfs2_migratetype_names_table() -> *const *const c_char;
    pub(crate) fn procfs2_pfn_to_online_page(pfn: c_ulong) -> *mut bindings::page;
    pub(crate) fn procfs2_page_zone(page: *mut bindings::page) -> *mut bindings::zone;
    pub(crate) fn procfs2_pfn_migratetype(pfn: c_ulong) -> c_ulong;

    // Crypto algorithms (wrap/crypto.rs)
    pub(crate) fn procfs2_crypto_alg_sem_read();
    pub(crate) fn procfs2_crypto_alg_sem_read_unlock();
    pub(crate) fn procfs2_crypto_alg_first() -> *mut c_void;
    pub(crate) fn procfs2_crypto_alg_is_last(alg: *mut c_void) -> bool;
    pub(crate) fn procfs2_crypto_alg_next(alg: *mut c_void) -> *mut c_void;
    pub(crate) fn procfs2_fips_enabled() -> bool;
    pub(crate) fn procfs2_crypto_alg_name(alg: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_crypto_alg_driver(alg: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_crypto_alg_module(alg: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_crypto_alg_priority(alg: *mut c_void) -> c_int;
    pub(crate) fn procfs2_crypto_alg_refcnt(alg: *mut c_void) -> c_uint;
    pub(crate) fn procfs2_crypto_alg_flags(alg: *mut c_void) -> u32;
    pub(crate) fn procfs2_crypto_alg_blocksize(alg: *mut c_void) -> c_uint;
    pub(crate) fn procfs2_crypto_alg_cipher_min_keysize(alg: *mut c_void) -> c_uint;
    pub(crate) fn procfs2_crypto_alg_cipher_max_keysize(alg: *mut c_void) -> c_uint;
    pub(crate) fn procfs2_crypto_alg_type(alg: *mut c_void) -> *const c_void;
    pub(crate) fn procfs2_crypto_type_has_show(ty: *const c_void) -> bool;
    pub(crate) fn procfs2_crypto_type_show(ty: *const c_void, m: *mut c_void, alg: *mut c_void);

    // Interrupt descriptors (wrap/irq.rs)
    pub(crate) fn procfs2_irq_get_irq_data(irq: c_uint) -> *mut c_void;
    pub(crate) fn procfs2_irq_data_to_desc(data: *mut c_void) -> *mut c_void;
    pub(crate) fn procfs2_irq_desc_status(desc: *mut c_void) -> c_uint;
    pub(crate) fn procfs2_irq_desc_has_kstat(desc: *mut c_void) -> bool;
    pub(crate) fn procfs2_irq_desc_kstat_cpu(desc: *mut c_void, cpu: c_int) -> c_uint;
    pub(crate) fn procfs2_irq_desc_lock(desc: *mut c_void) -> *mut bindings::raw_spinlock_t;
    pub(crate) fn procfs2_irq_desc_action(desc: *mut c_void) -> *mut bindings::irqaction;
    pub(crate) fn procfs2_irq_desc_name(desc: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_irq_data_chip(data: *mut c_void) -> *mut c_void;
    pub(crate) fn procfs2_irq_chip_has_print(chip: *mut c_void) -> bool;
    pub(crate) fn procfs2_irq_chip_print(data: *mut c_void, m: *mut bindings::seq_file);
    pub(crate) fn procfs2_irq_chip_name(chip: *mut c_void) -> *const c_char;
    pub(crate) fn procfs2_irq_data_has_domain(data: *mut c_void) -> bool;
    pub(crate) fn procfs2_irq_data_hwirq(data: *mut c_void) -> c_ulong;
    pub(crate) fn procfs2_irq_show_level() -> bool;
    pub(crate) fn procfs2_irqd_is_level_type(data: *mut c_void) -> bool;
    pub(crate) fn procfs2_irq_stat(cpu: c_int) -> *const bindings::irq_cpustat_t;

    // Page frames by number (wrap/page.rs)
    pub(crate) fn procfs2_node_end_pfn(nid: c_int) -> c_ulong;
    pub(crate) fn procfs2_pages_per_section() -> c_ulong;
    pub(crate) fn procfs2_page_precise_mapcount(page: *mut bindings::page) -> c_int;
}
