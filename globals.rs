// SPDX-License-Identifier: GPL-2.0

//! The global entries of the root that a module can provide: `version`, `uptime`,
//! `loadavg`, `meminfo`, `stat`, `softirqs`, `consoles` (fs/proc/*.c) and
//! `execdomains` (kernel/exec_domain.c) here, `cpuinfo`, `vmstat`, `buddyinfo`, `zoneinfo`,
//! `pagetypeinfo`, `interrupts`, `kpagecount`, `filesystems`, `diskstats`, `partitions`,
//! `modules`, `misc`, `slabinfo` and `cgroups` in their own files, and the
//! directories that fs/proc's `proc_root_init` makes (`fs`, `fs/nfsd`, `driver`,
//! `bus`). Its `mounts` link is left out: it points at `self/mounts`, which procfs2
//! does not have, and a dangling link stops lsof. What is left out, and why, is
//! listed in tests/missing-root-entries.txt.

#[cfg(CONFIG_HUGETLBFS)]
use crate::wrap::hugetlb;
use crate::{
    cgroup, cpuinfo, crypto, filesystems, genhd, interrupts, misc, modules, page,
    pde::{self, ProcDirEntry},
    slabinfo, vmstat,
    wrap::seq::SeqFile,
    wrap::{
        console,
        cred::PidNamespace,
        irq, rq,
        sys::{self, CpuId},
    },
};
use kernel::{bindings, fmt, prelude::*};

/// Creates the global entries under `root`.
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    pde::mkdir(root, b"fs")?;
    pde::mkdir(root, b"driver")?;
    pde::create_mount_point(root, b"fs/nfsd")?;
    pde::mkdir(root, b"bus")?;
    // drivers/acpi/bus.c's `acpi_bus_init` makes `acpi` (`acpi_root_dir`) unless ACPI
    // is off; its `wakeup` (CONFIG_ACPI_SLEEP) is not built (tests/missing-root-entries.txt).
    if !sys::acpi_disabled() {
        pde::mkdir(root, b"acpi")?;
    }
    pde::create_single(root, b"version", 0, version_show)?;
    pde::create_single(root, b"uptime", 0, uptime_show)?;
    pde::create_single(root, b"loadavg", 0, loadavg_show)?;
    pde::create_single(root, b"meminfo", 0, meminfo_show)?;
    pde::create_single(root, b"stat", 0, stat_show)?;
    pde::create_single(root, b"softirqs", 0, softirqs_show)?;
    pde::create_seq(root, b"cpuinfo", 0, &cpuinfo::CPUINFO_OPS)?;
    pde::create_single_size(root, b"vmstat", 0, vmstat::vmstat_show, vmstat::VMSTAT_SIZE)?;
    pde::create_single(root, b"execdomains", 0, execdomains_show)?;
    pde::create_single(root, b"consoles", 0, consoles_show)?;
    pde::create_single(root, b"crypto", 0, crypto::crypto_show)?;
    #[cfg(CONFIG_SYSFS)]
    pde::create_single(root, b"filesystems", 0, filesystems::filesystems_show)?;
    #[cfg(CONFIG_BLOCK)]
    {
        pde::create_single(root, b"diskstats", 0, genhd::diskstats_show)?;
        pde::create_single(root, b"partitions", 0, genhd::partitions_show)?;
    }
    #[cfg(CONFIG_MODULE_UNLOAD)]
    pde::create_single(root, b"modules", 0, modules::modules_show)?;
    pde::create_single(root, b"misc", 0, misc::misc_show)?;
    pde::create_single_size(
        root,
        b"slabinfo",
        slabinfo::SLABINFO_MODE,
        slabinfo::slabinfo_show,
        slabinfo::SLABINFO_SIZE,
    )?;
    #[cfg(CONFIG_CGROUPS)]
    pde::create_single(root, b"cgroups", 0, cgroup::proc_cgroupstats_show)?;
    pde::create_single(root, b"buddyinfo", 0, vmstat::buddyinfo_show)?;
    pde::create_seq(root, b"zoneinfo", 0, &vmstat::ZONEINFO_OPS)?;
    pde::create_seq(root, b"interrupts", 0, &interrupts::INTERRUPTS_OPS)?;
    crate::irq::register(root)?;
    // With CONFIG_PAGE_OWNER, fs/proc adds page_owner's mixed-block counts, which
    // are private: the file is left out rather than shown short.
    #[cfg(not(CONFIG_PAGE_OWNER))]
    pde::create_seq(root, b"pagetypeinfo", 0o400, &vmstat::PAGETYPEINFO_OPS)?;
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    pde::create_read(root, b"kpagecount", 0o400, page::kpagecount_read)?;
    pde::create_read(root, b"kpageflags", 0o400, page::kpageflags_read)?;
    pde::create_read(root, b"kpagecgroup", 0o400, page::kpagecgroup_read)?;
    #[cfg(CONFIG_SCHEDSTATS)]
    pde::create_seq(root, b"schedstat", 0, &crate::schedstat::SCHEDSTAT_OPS)?;
    #[cfg(CONFIG_SYSVIPC)]
    crate::sysvipc::register(root)?;
    Ok(())
}

/// `version_proc_show`: `linux_proc_banner` (not exported) rebuilt from the UTS
/// namespace and the build information of the kernel the module is built against.
fn version_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let (sysname, release, version) = sys::utsname();
    m.print(fmt!(
        "{} version {} {} {}\n",
        sysname,
        release,
        sys::compile_info(),
        version
    ));
    Ok(())
}

/// Idle time of `cpu` in nanoseconds (fs/proc/stat.c `get_idle_time`).
fn idle_time_ns(cpu: CpuId) -> u64 {
    let us = if sys::cpu_online(cpu) {
        sys::cpu_idle_time_us(cpu)
    } else {
        u64::MAX
    };
    if us == u64::MAX {
        sys::kcpustat(cpu)[bindings::cpu_usage_stat_CPUTIME_IDLE as usize]
    } else {
        // `idle_usecs * NSEC_PER_USEC` in `u64`, which wraps.
        us.wrapping_mul(1000)
    }
}

/// `uptime_proc_show`: time since boot and summed idle time, in centiseconds.
fn uptime_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let (sec, nsec) = sys::boottime();
    // `idle_nsec += get_idle_time(...)`: a `u64` sum, which wraps.
    let idle = sys::possible_cpus()
        .map(idle_time_ns)
        .fold(0u64, u64::wrapping_add);
    let (idle_sec, idle_nsec) = (idle / 1_000_000_000, idle % 1_000_000_000);
    m.print(fmt!(
        "{}.{:02} {}.{:02}\n",
        sec as u64,
        nsec / 10_000_000,
        idle_sec,
        idle_nsec / 10_000_000
    ));
    Ok(())
}

pub(crate) const FSHIFT: u32 = 11;
pub(crate) const FIXED_1: u64 = 1 << FSHIFT;

pub(crate) fn load_int(x: u64) -> u64 {
    x >> FSHIFT
}

pub(crate) fn load_frac(x: u64) -> u64 {
    load_int((x & (FIXED_1 - 1)) * 100)
}

/// `loadavg_proc_show`. `nr_running()` sums the runqueues (`wrap/rq.rs`); `nr_threads`
/// is not exported: it comes from a walk of the task list, O(threads) here.
fn loadavg_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    // `get_avenrun(avnrun, FIXED_1 / 200, 0)`: `unsigned long` additions.
    let avnrun = sys::avenrun().map(|a| a.wrapping_add(FIXED_1 / 200));
    let running = rq::nr_running();
    let threads = sys::count_threads();
    let last_pid = PidNamespace::current().last_pid();
    m.print(fmt!(
        "{}.{:02} {}.{:02} {}.{:02} {}/{} {}\n",
        load_int(avnrun[0]),
        load_frac(avnrun[0]),
        load_int(avnrun[1]),
        load_frac(avnrun[1]),
        load_int(avnrun[2]),
        load_frac(avnrun[2]),
        running,
        threads,
        last_pid
    ));
    Ok(())
}

/// One `meminfo` line of `pages` in kB (`show_val_kb`).
fn show_val_kb(m: &SeqFile, label: &str, pages: u64) {
    m.print(fmt!(
        "{}{:8} kB\n",
        label,
        pages << (bindings::PAGE_SHIFT - 10)
    ));
}

/// `meminfo_proc_show`, less the lines whose counters are not exported:
/// SwapTotal (`total_swap_pages`), CommitLimit (`vm_commit_limit`), VmallocUsed
/// (`vmalloc_nr_pages`), Percpu (`pcpu_nr_pages`) and the architecture's DirectMap
/// lines, and on this guest's configuration Zswap and Zswapped
/// (`zswap_total_pages`, `zswap_stored_pages`), HardwareCorrupted
/// (`num_poisoned_pages`); all listed in tests/missing-meminfo-lines.txt. The
/// lines follow fs/proc's order and format; of the config-dependent ones, THP and
/// hugetlb are shown where this kernel has them, Zswap, CMA, HIGHMEM and unaccepted
/// memory are off in this kernel, as in its /proc.
fn meminfo_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    use bindings::*;
    let i = sys::sysinfo();
    let committed = sys::memory_committed();
    let swapcache = sys::swapcache_pages();
    // `unsigned long` subtractions stored in a `long`, negative clamped to 0, as
    // meminfo_proc_show computes it.
    let cached = (sys::node_state(node_stat_item_NR_FILE_PAGES)
        .wrapping_sub(swapcache)
        .wrapping_sub(i.bufferram as u64) as i64)
        .max(0);
    let lru = |l: u32| sys::node_state(node_stat_item_NR_LRU_BASE + l);
    let (active_anon, inactive_anon) = (
        lru(lru_list_LRU_ACTIVE_ANON),
        lru(lru_list_LRU_INACTIVE_ANON),
    );
    let (active_file, inactive_file) = (
        lru(lru_list_LRU_ACTIVE_FILE),
        lru(lru_list_LRU_INACTIVE_FILE),
    );
    // `long available = si_mem_available()`, which is never negative, passed as
    // `unsigned long`.
    let available = sys::mem_available() as u64;
    let sreclaimable = sys::node_state_pages(node_stat_item_NR_SLAB_RECLAIMABLE_B);
    let sunreclaim = sys::node_state_pages(node_stat_item_NR_SLAB_UNRECLAIMABLE_B);

    show_val_kb(m, "MemTotal:       ", i.totalram as u64);
    show_val_kb(m, "MemFree:        ", i.freeram as u64);
    show_val_kb(m, "MemAvailable:   ", available);
    show_val_kb(m, "Buffers:        ", i.bufferram as u64);
    show_val_kb(m, "Cached:         ", cached as u64);
    show_val_kb(m, "SwapCached:     ", swapcache);
    show_val_kb(m, "Active:         ", active_anon.wrapping_add(active_file));
    show_val_kb(
        m,
        "Inactive:       ",
        inactive_anon.wrapping_add(inactive_file),
    );
    show_val_kb(m, "Active(anon):   ", active_anon);
    show_val_kb(m, "Inactive(anon): ", inactive_anon);
    show_val_kb(m, "Active(file):   ", active_file);
    show_val_kb(m, "Inactive(file): ", inactive_file);
    show_val_kb(m, "Unevictable:    ", lru(lru_list_LRU_UNEVICTABLE));
    show_val_kb(
        m,
        "Mlocked:        ",
        sys::zone_state(zone_stat_item_NR_MLOCK),
    );
    show_val_kb(m, "SwapFree:       ", sys::free_swap_pages());
    show_val_kb(
        m,
        "Dirty:          ",
        sys::node_state(node_stat_item_NR_FILE_DIRTY),
    );
    show_val_kb(
        m,
        "Writeback:      ",
        sys::node_state(node_stat_item_NR_WRITEBACK),
    );
    show_val_kb(
        m,
        "AnonPages:      ",
        sys::node_state(node_stat_item_NR_ANON_MAPPED),
    );
    show_val_kb(
        m,
        "Mapped:         ",
        sys::node_state(node_stat_item_NR_FILE_MAPPED),
    );
    show_val_kb(m, "Shmem:          ", i.sharedram as u64);
    show_val_kb(
        m,
        "KReclaimable:   ",
        sreclaimable.wrapping_add(sys::node_state(node_stat_item_NR_KERNEL_MISC_RECLAIMABLE)),
    );
    show_val_kb(m, "Slab:           ", sreclaimable.wrapping_add(sunreclaim));
    show_val_kb(m, "SReclaimable:   ", sreclaimable);
    show_val_kb(m, "SUnreclaim:     ", sunreclaim);
    m.print(fmt!(
        "KernelStack:    {:8} kB\n",
        sys::node_state(node_stat_item_NR_KERNEL_STACK_KB)
    ));
    show_val_kb(
        m,
        "PageTables:     ",
        sys::node_state(node_stat_item_NR_PAGETABLE),
    );
    show_val_kb(
        m,
        "SecPageTables:  ",
        sys::node_state(node_stat_item_NR_SECONDARY_PAGETABLE),
    );
    show_val_kb(m, "NFS_Unstable:   ", 0);
    show_val_kb(
        m,
        "Bounce:         ",
        sys::zone_state(zone_stat_item_NR_BOUNCE),
    );
    show_val_kb(
        m,
        "WritebackTmp:   ",
        sys::node_state(node_stat_item_NR_WRITEBACK_TEMP),
    );
    show_val_kb(m, "Committed_AS:   ", committed);
    m.print(fmt!(
        "VmallocTotal:   {:8} kB\n",
        sys::vmalloc_total() >> 10
    ));
    show_val_kb(m, "VmallocChunk:   ", 0);
    if cfg!(CONFIG_TRANSPARENT_HUGEPAGE) {
        for (label, item) in [
            ("AnonHugePages:  ", node_stat_item_NR_ANON_THPS),
            ("ShmemHugePages: ", node_stat_item_NR_SHMEM_THPS),
            ("ShmemPmdMapped: ", node_stat_item_NR_SHMEM_PMDMAPPED),
            ("FileHugePages:  ", node_stat_item_NR_FILE_THPS),
            ("FilePmdMapped:  ", node_stat_item_NR_FILE_PMDMAPPED),
        ] {
            show_val_kb(m, label, sys::node_state(item));
        }
    }
    #[cfg(CONFIG_HUGETLBFS)]
    hugetlb_report_meminfo(m);
    Ok(())
}

/// `hugetlb_report_meminfo` (mm/hugetlb.c): the default pool's counts and page size,
/// and the memory in all pools ([`hugetlb::report`]).
#[cfg(CONFIG_HUGETLBFS)]
fn hugetlb_report_meminfo(m: &SeqFile) {
    let Some(r) = hugetlb::report() else {
        return;
    };
    let h = &r.default;
    m.print(fmt!(
        "HugePages_Total:   {:5}\nHugePages_Free:    {:5}\nHugePages_Rsvd:    {:5}\nHugePages_Surp:    {:5}\nHugepagesize:   {:8} kB\n",
        h.nr_huge_pages,
        h.free_huge_pages,
        h.resv_huge_pages,
        h.surplus_huge_pages,
        h.size / 1024
    ));
    m.print(fmt!("Hugetlb:        {:8} kB\n", r.total / 1024));
}

/// Iowait time of `cpu` in nanoseconds (fs/proc/stat.c `get_iowait_time`).
fn iowait_time_ns(cpu: CpuId, cpustat: &[u64]) -> u64 {
    let us = if sys::cpu_online(cpu) {
        sys::cpu_iowait_time_us(cpu)
    } else {
        u64::MAX
    };
    if us == u64::MAX {
        cpustat[bindings::cpu_usage_stat_CPUTIME_IOWAIT as usize]
    } else {
        // `iowait_usecs * NSEC_PER_USEC` in `u64`, which wraps.
        us.wrapping_mul(1000)
    }
}

/// `nsec_to_clock_t` for `USER_HZ` 100 (checked in shim/sys.c).
fn nsec_to_clock_t(ns: u64) -> u64 {
    ns / (1_000_000_000 / 100)
}

/// The ten numbers of a `cpu` line of `stat`, in nanoseconds, in fs/proc's order:
/// user nice system idle iowait irq softirq steal guest guest_nice.
fn cpu_times(cpu: CpuId) -> [u64; 10] {
    use bindings::*;
    let s = sys::kcpustat(cpu);
    let c = |i: u32| s[i as usize];
    [
        c(cpu_usage_stat_CPUTIME_USER),
        c(cpu_usage_stat_CPUTIME_NICE),
        c(cpu_usage_stat_CPUTIME_SYSTEM),
        idle_time_ns(cpu),
        iowait_time_ns(cpu, &s),
        c(cpu_usage_stat_CPUTIME_IRQ),
        c(cpu_usage_stat_CPUTIME_SOFTIRQ),
        c(cpu_usage_stat_CPUTIME_STEAL),
        c(cpu_usage_stat_CPUTIME_GUEST),
        c(cpu_usage_stat_CPUTIME_GUEST_NICE),
    ]
}

fn show_cpu_line(m: &SeqFile, label: core::fmt::Arguments<'_>, times: &[u64; 10]) {
    m.print(label);
    for t in times {
        m.print(fmt!(" {}", nsec_to_clock_t(*t)));
    }
    m.write(b"\n");
}

/// `show_stat`, less `processes` (`total_forks` is not exported); `intr`'s total
/// lacks the machine-check and error counts ([`show_intr`]). `ctxt`,
/// `procs_running` and `procs_blocked` sum the runqueues' counters as
/// `nr_context_switches()`, `nr_running()` and `nr_iowait()` do (`wrap/rq.rs`).
fn stat_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    const NR_SOFTIRQS: usize = bindings::NR_SOFTIRQS as usize;
    let mut total = [0u64; 10];
    let mut softirqs = [0u32; NR_SOFTIRQS];
    // show_stat's `sum_softirq`: every per-CPU count added into a `u64`, not the
    // sum of the `unsigned int` per-softirq sums (which wrap on their own).
    let mut sum_softirq = 0u64;
    for cpu in sys::possible_cpus() {
        for (sum, t) in total.iter_mut().zip(cpu_times(cpu)) {
            *sum = sum.wrapping_add(t);
        }
        for (j, sum) in softirqs.iter_mut().enumerate() {
            let n = sys::softirqs_cpu(j as u32, cpu);
            *sum = sum.wrapping_add(n);
            sum_softirq = sum_softirq.wrapping_add(u64::from(n));
        }
    }
    show_cpu_line(m, fmt!("cpu "), &total);
    for cpu in sys::possible_cpus().filter(|&c| sys::cpu_online(c)) {
        show_cpu_line(m, fmt!("cpu{}", cpu), &cpu_times(cpu));
    }
    show_intr(m);
    m.print(fmt!(
        "ctxt {}\nbtime {}\nprocs_running {}\nprocs_blocked {}\n",
        rq::nr_context_switches(),
        sys::boot_seconds() as u64,
        rq::nr_running(),
        rq::nr_iowait()
    ));
    m.print(fmt!("softirq {}", sum_softirq));
    for n in softirqs {
        m.print(fmt!(" {}", n));
    }
    m.write(b"\n");
    Ok(())
}

/// `stat`'s `intr` line: the total of `show_stat`'s sums (less the machine-check
/// counts of [`interrupts::arch_irq_stat_cpu`] and `arch_irq_stat`'s
/// `irq_err_count`, not exported), then `show_all_irqs`: `kstat_irqs_usr` of every
/// interrupt number below `nr_irqs`, 0 where there is no descriptor.
fn show_intr(m: &SeqFile) {
    let sum = sys::possible_cpus().fold(0u64, |sum, cpu| {
        sum.wrapping_add(irq::kstat_cpu_irqs_sum(cpu))
            .wrapping_add(interrupts::arch_irq_stat_cpu(cpu))
    });
    m.print(fmt!("intr {}", sum));
    for i in 0..irq::nr_irqs() {
        let n = irq::with_desc(i, |desc| desc.kstat_irqs()).unwrap_or(0);
        m.print(fmt!(" {}", n));
    }
    m.write(b"\n");
}

/// `softirq_to_name`, which is not exported; shim/irq.c checks that this kernel has
/// these ten, HI first and RCU last.
const SOFTIRQ_NAMES: [&str; bindings::NR_SOFTIRQS as usize] = [
    "HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU",
];

/// `show_softirqs`: a column per possible CPU, a row per softirq.
fn softirqs_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    m.write(b"                    ");
    for cpu in sys::possible_cpus() {
        m.print(fmt!("CPU{:<8}", cpu));
    }
    m.write(b"\n");
    for (i, name) in SOFTIRQ_NAMES.iter().enumerate() {
        m.print(fmt!("{:>12}:", name));
        for cpu in sys::possible_cpus() {
            m.print(fmt!(" {:10}", sys::softirqs_cpu(i as u32, cpu)));
        }
        m.write(b"\n");
    }
    Ok(())
}

/// `execdomains_proc_show`: only the Linux personality is left in 6.12.
fn execdomains_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    m.write(b"0-0\tLinux           \t[kernel]\n");
    Ok(())
}

/// `show_console_dev` for each registered console (fs/proc/consoles.c), from a
/// copy of the list taken under `console_list_lock`.
fn consoles_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    use console::*;
    const FLAGS: [(i16, u8); 7] = [
        (CON_ENABLED, b'E'),
        (CON_CONSDEV, b'C'),
        (CON_BOOT, b'B'),
        (CON_NBCON, b'N'),
        (CON_PRINTBUFFER, b'p'),
        (CON_BRL, b'b'),
        (CON_ANYTIME, b'a'),
    ];
    let mark = |on: bool, c: u8| if on { c } else { b'-' };
    for con in console::consoles()? {
        m.set_width(21 - 1);
        m.write(con.name());
        m.print(fmt!("{}", con.index));
        m.pad(b' ');
        m.write(&[
            mark(con.read, b'R'),
            mark(con.flags & CON_NBCON != 0 || con.write, b'W'),
            mark(con.unblank, b'U'),
            b' ',
            b'(',
        ]);
        m.write(&FLAGS.map(|(f, c)| if con.flags & f != 0 { c } else { b' ' }));
        m.write(b")");
        if let Some((major, minor)) = con.dev {
            m.print(fmt!(" {:4}:{}", major, minor));
        }
        m.write(b"\n");
    }
    Ok(())
}
