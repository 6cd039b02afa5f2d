// SPDX-License-Identifier: GPL-2.0

//! The system-wide numbers the global files show (fs/proc/version.c, uptime.c,
//! loadavg.c, meminfo.c, stat.c, softirqs.c), each behind a safe function.

use super::shim::*;
use kernel::{bindings, str::CStr};

/// `utsname()` fields of the caller's UTS namespace: sysname, release, version.
pub(crate) fn utsname() -> (&'static CStr, &'static CStr, &'static CStr) {
    // SAFETY: The caller's UTS namespace stays alive while it runs (the show
    // callback runs in the reader's context and returns before it could change);
    // the fields are NUL-terminated arrays.
    unsafe {
        let u = procfs2_utsname();
        (
            CStr::from_char_ptr((*u).sysname.as_ptr()),
            CStr::from_char_ptr((*u).release.as_ptr()),
            CStr::from_char_ptr((*u).version.as_ptr()),
        )
    }
}

/// "(user@host) (compiler)" of the kernel build the module was built against.
pub(crate) fn compile_info() -> &'static CStr {
    // SAFETY: A string literal in `shim/sys.c`.
    unsafe { CStr::from_char_ptr(procfs2_compile_info()) }
}

/// Time since boot, suspend included (`ktime_get_boottime_ts64`), as the caller's
/// time namespace sees it (`timens_add_boottime`).
pub(crate) fn boottime() -> (i64, i64) {
    let mut ts = bindings::timespec64::default();
    // SAFETY: `ts` is a valid output location; the caller runs, so its namespaces
    // are set.
    unsafe {
        procfs2_boottime(&mut ts);
        super::shim::procfs2_timens_add_boottime(&mut ts);
    }
    (ts.tv_sec, ts.tv_nsec as i64)
}

/// Whether ACPI was turned off at boot (`acpi_disabled`, exported; always true
/// without `CONFIG_ACPI`).
pub(crate) fn acpi_disabled() -> bool {
    // SAFETY: Reads an int set during early boot.
    unsafe { procfs2_acpi_disabled() }
}

pub(crate) use super::cpu::{cpu_online, online_cpus, possible_cpus, CpuId};

/// `get_cpu_idle_time_us(cpu, NULL)`: `u64::MAX` where the tick does not track it.
pub(crate) fn cpu_idle_time_us(cpu: CpuId) -> u64 {
    // SAFETY: `cpu` has per-CPU data (type invariant).
    unsafe { procfs2_cpu_idle_time_us(cpu.raw()) }
}

/// `get_cpu_iowait_time_us(cpu, NULL)`: `u64::MAX` where the tick does not track it.
pub(crate) fn cpu_iowait_time_us(cpu: CpuId) -> u64 {
    // SAFETY: `cpu` has per-CPU data (type invariant).
    unsafe { procfs2_cpu_iowait_time_us(cpu.raw()) }
}

/// The CPU time counters of `cpu` in nanoseconds (`kcpustat_cpu_fetch`), indexed
/// by `enum cpu_usage_stat`.
pub(crate) fn kcpustat(cpu: CpuId) -> [u64; bindings::cpu_usage_stat_NR_STATS as usize] {
    let mut s = bindings::kernel_cpustat::default();
    // SAFETY: `cpu` has per-CPU data (type invariant) and `s` is a `kernel_cpustat`
    // to fill.
    unsafe { procfs2_kcpustat_cpu_fetch(&mut s, cpu.raw()) };
    s.cpustat
}

/// `kstat_softirqs_cpu(irq, cpu)`; 0 for an `irq` past `NR_SOFTIRQS`.
pub(crate) fn softirqs_cpu(irq: u32, cpu: CpuId) -> u32 {
    if irq >= bindings::NR_SOFTIRQS {
        return 0;
    }
    // SAFETY: `irq` is below `NR_SOFTIRQS` (checked) and `cpu` has per-CPU data
    // (type invariant).
    unsafe { procfs2_softirqs_cpu(irq, cpu.raw()) }
}

pub(crate) use super::task::count_threads;

/// The wall-clock time of boot, in seconds (`getboottime64`), shifted by the
/// caller's time namespace's offset (`timens_sub_boottime`).
pub(crate) fn boot_seconds() -> i64 {
    let mut ts = bindings::timespec64::default();
    // SAFETY: `ts` is a valid output location; the caller runs, so its namespaces
    // are set.
    unsafe {
        bindings::getboottime64(&mut ts);
        super::shim::procfs2_timens_sub_boottime(&mut ts);
    }
    ts.tv_sec
}

/// `si_meminfo`. Swap is left at 0: `si_swapinfo` is not exported (see
/// [`free_swap_pages`]).
pub(crate) fn sysinfo() -> bindings::sysinfo {
    // SAFETY: All-zero is a valid `sysinfo`; the call fills in its memory fields.
    let mut i: bindings::sysinfo = unsafe { core::mem::zeroed() };
    // SAFETY: `i` is a valid output location.
    unsafe { bindings::si_meminfo(&mut i) };
    i
}

/// `totalram_pages()`.
pub(crate) fn totalram_pages() -> u64 {
    // SAFETY: Reads a global counter.
    unsafe { procfs2_totalram_pages() as u64 }
}

/// Free swap pages (`get_nr_swap_pages`, from the exported `nr_swap_pages`). This
/// is `si_swapinfo`'s free count but for the pages of swap areas being turned off
/// (`swap_info[]` is static), which it adds back while `swapoff` runs. The total
/// (`total_swap_pages`) is not exported.
pub(crate) fn free_swap_pages() -> u64 {
    // SAFETY: Reads an exported counter.
    unsafe { procfs2_nr_swap_pages() }.max(0) as u64
}

/// `atomic_long_read(&counters[item])` of an exported array of global counters,
/// negative values (per-CPU drift not yet folded) read as 0, as the SMP readers
/// of include/linux/vmstat.h read them; 0 for an item past the end.
fn global_counter<const N: usize>(counters: *const [bindings::atomic_long_t; N], item: u32) -> u64 {
    let item = item as usize;
    if item >= N {
        return 0;
    }
    // SAFETY: The callers pass an exported counter array of the kernel, and `item`
    // is below its length; an atomic long is read with a single load.
    let v = unsafe { core::ptr::read_volatile(&raw const (*counters)[item].counter) };
    v.max(0) as u64
}

/// `global_node_page_state(item)`: the exported `vm_node_stat[item]`.
pub(crate) fn node_state(item: u32) -> u64 {
    node_state_pages(item)
}

/// `global_node_page_state_pages(item)`, for the byte-counted items too.
pub(crate) fn node_state_pages(item: u32) -> u64 {
    global_counter(&raw const bindings::vm_node_stat, item)
}

/// `global_zone_page_state(item)`: the exported `vm_zone_stat[item]`.
pub(crate) fn zone_state(item: u32) -> u64 {
    global_counter(&raw const bindings::vm_zone_stat, item)
}

/// `total_swapcache_pages()`.
pub(crate) fn swapcache_pages() -> u64 {
    // SAFETY: Reads a global counter.
    unsafe { procfs2_swapcache_pages() as u64 }
}

/// `si_mem_available()`.
pub(crate) fn mem_available() -> i64 {
    // SAFETY: Reads global counters.
    unsafe { bindings::si_mem_available() as i64 }
}

/// `vm_memory_committed()`.
pub(crate) fn memory_committed() -> u64 {
    // SAFETY: Reads a global counter.
    unsafe { vm_memory_committed() as u64 }
}

/// `VMALLOC_TOTAL` in bytes.
pub(crate) fn vmalloc_total() -> u64 {
    // SAFETY: A constant of the running kernel's layout.
    unsafe { procfs2_vmalloc_total() as u64 }
}

/// The load averages (`avenrun`), fixed point with 11 fractional bits.
pub(crate) fn avenrun() -> [u64; 3] {
    // SAFETY: kernel/sched/loadavg.c defines `unsigned long avenrun[3]` (its header
    // declares it without a size); plain words updated by the scheduler, torn reads are
    // impossible on 64-bit and fs/proc reads them the same unlocked way.
    unsafe {
        core::ptr::read_volatile(
            (&raw const super::shim::avenrun).cast::<[kernel::ffi::c_ulong; 3]>(),
        )
    }
    .map(|v| v as u64)
}

/// The name of the kernel symbol at `addr` without offset or module
/// (`lookup_symbol_name`, which is not exported: `sprint_symbol_no_offset` up to
/// its first space); `None` when no symbol covers it.
pub(crate) fn symbol_name(addr: usize, buf: &mut [u8; 1024]) -> Option<&[u8]> {
    // SAFETY: `buf` holds more than KSYM_SYMBOL_LEN bytes, the most
    // `sprint_symbol_no_offset` writes, NUL included.
    let n = unsafe { bindings::sprint_symbol_no_offset(buf.as_mut_ptr().cast(), addr) };
    let s = &buf[..usize::try_from(n).ok()?.min(buf.len())];
    // Without a symbol, the address is printed in hex.
    if s.is_empty() || s.starts_with(b"0x") {
        return None;
    }
    Some(s.split(|&c| c == b' ').next().unwrap_or(s))
}

use super::mmzone::NR_VM_NUMA_EVENT_ITEMS as NR_NUMA_EVENTS;
#[cfg(CONFIG_VM_EVENT_COUNTERS)]
const NR_EVENTS: u32 = bindings::vm_event_item_NR_VM_EVENT_ITEMS;
#[cfg(not(CONFIG_VM_EVENT_COUNTERS))]
const NR_EVENTS: u32 = 0;

/// `NR_VMSTAT_ITEMS`: the lines of `/proc/vmstat` before `nr_unstable`.
pub(crate) const NR_VMSTAT_ITEMS: u32 = bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS
    + NR_NUMA_EVENTS
    + bindings::node_stat_item_NR_VM_NODE_STAT_ITEMS
    + bindings::vm_stat_item_NR_VM_STAT_ITEMS
    + NR_EVENTS;

/// `vmstat_text[]`: the names of the vmstat counters, looked up once per show.
///
/// # Invariants
///
/// The pointer is the module's static copy of the table, `NR_VMSTAT_ITEMS` long.
#[derive(Clone, Copy)]
pub(crate) struct VmstatNames(*const *const kernel::ffi::c_char);

impl VmstatNames {
    pub(crate) fn get() -> Self {
        // SAFETY: Returns the address of a constant table of shim/private.c.
        Self(unsafe { procfs2_vmstat_text_table() })
    }

    /// `vmstat_text[i]`, below [`NR_VMSTAT_ITEMS`].
    pub(crate) fn name(self, i: u32) -> Option<&'static CStr> {
        if i >= NR_VMSTAT_ITEMS {
            return None;
        }
        // SAFETY: shim/private.c checks that the table has `NR_VMSTAT_ITEMS` entries, all
        // string literals; the table is constant.
        Some(unsafe { CStr::from_char_ptr(*self.0.add(i as usize)) })
    }
}

/// `vmstat_text[i]`, below [`NR_VMSTAT_ITEMS`].
pub(crate) fn vmstat_text(i: u32) -> Option<&'static CStr> {
    VmstatNames::get().name(i)
}

/// `zone_stat_name(item)`: the name vmstat and zoneinfo give a `zone_stat_item`.
pub(crate) fn zone_stat_name(item: u32) -> Option<&'static CStr> {
    vmstat_text(item)
}

/// `numa_stat_name(item)`.
pub(crate) fn numa_stat_name(item: u32) -> Option<&'static CStr> {
    vmstat_text(bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS + item)
}

/// `node_stat_name(item)`.
pub(crate) fn node_stat_name(item: u32) -> Option<&'static CStr> {
    vmstat_text(bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS + NR_NUMA_EVENTS + item)
}

/// Pages counted in huge pages are shown in huge pages: the items of
/// `vmstat_item_print_in_thp` (include/linux/mmzone.h), divided by `HPAGE_PMD_NR`.
pub(crate) fn in_thp(item: u32, pages: u64) -> u64 {
    #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
    if matches!(
        item,
        bindings::node_stat_item_NR_ANON_THPS
            | bindings::node_stat_item_NR_FILE_THPS
            | bindings::node_stat_item_NR_SHMEM_THPS
            | bindings::node_stat_item_NR_SHMEM_PMDMAPPED
            | bindings::node_stat_item_NR_FILE_PMDMAPPED
    ) {
        // SAFETY: A constant.
        return pages / u64::from(unsafe { procfs2_hpage_pmd_nr() }).max(1);
    }
    let _ = item;
    pages
}

/// `global_node_page_state_pages(item)` as vmstat prints it: the items counted in
/// huge pages (`vmstat_item_print_in_thp`) divided by `HPAGE_PMD_NR`.
pub(crate) fn node_state_vmstat(item: u32) -> u64 {
    in_thp(item, node_state_pages(item))
}

/// Every NUMA event (`global_numa_event_state` after `fold_vm_numa_events`, both
/// private): the sum over the populated zones of [`super::mmzone::Zone::numa_events`].
pub(crate) fn numa_events() -> [u64; NR_NUMA_EVENTS as usize] {
    let mut v = [0u64; NR_NUMA_EVENTS as usize];
    for nid in super::mmzone::online_nodes() {
        for zone in super::mmzone::populated_zones(nid) {
            for (sum, n) in v.iter_mut().zip(zone.numa_events()) {
                *sum = sum.wrapping_add(n);
            }
        }
    }
    v
}

/// Every event summed over the online CPUs, in one pass (`all_vm_events`).
pub(crate) fn all_vm_events() -> [u64; NR_EVENTS as usize] {
    let mut v: [kernel::ffi::c_ulong; NR_EVENTS as usize] = [0; NR_EVENTS as usize];
    #[cfg(CONFIG_VM_EVENT_COUNTERS)]
    // SAFETY: `v` has room for `NR_VM_EVENT_ITEMS` counters.
    unsafe {
        bindings::all_vm_events(v.as_mut_ptr())
    };
    v.map(|n| n as u64)
}
