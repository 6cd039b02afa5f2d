// SPDX-License-Identifier: GPL-2.0

//! CPUs as arch/x86/kernel/cpu/proc.c shows them: each online CPU's
//! `struct cpuinfo_x86` (`cpu_data`, the exported per-CPU `cpu_info`), its feature,
//! bug, VMX and power flags by the names this kernel tree gives them, its core
//! siblings and its frequency.

use super::shim::*;
use kernel::{bindings, ffi::c_char, str::CStr};

/// An x86 bug the kernel may have found in the boot CPU (`X86_BUG_*`).
#[derive(Clone, Copy)]
pub(crate) enum X86Bug {
    /// `X86_BUG_SPEC_STORE_BYPASS`
    SpecStoreBypass,
    /// `X86_BUG_SPECTRE_V2`
    SpectreV2,
}

/// A feature bit (`X86_FEATURE_*`) of the boot CPU as the speculation mitigations
/// were chosen; false past the table. That is the boot CPU's own `cpu_data(0)`,
/// copied from `boot_cpu_data` right after `cpu_select_mitigations`
/// (`arch_cpu_finalize_init`): `boot_cpu_data` itself loses the features a
/// secondary CPU lacks (`identify_secondary_cpu` ANDs them in), and the modes chosen
/// from them stay. CPU 0 is the boot CPU on x86 and is never taken offline.
pub(crate) fn boot_cpu_has(bit: u32) -> bool {
    // SAFETY: CPU 0 is below `nr_cpu_ids`; its per-CPU data lives as long as the
    // kernel; the bit is checked against the capability words' size, as
    // `CpuInfo::has` does.
    bit < 32 * bindings::NCAPINTS && unsafe { procfs2_cpu_has(procfs2_cpu_data(0), bit) }
}

/// A bug bit (`X86_BUG_*`) of the boot CPU (`cpu_data(0)`, as [`boot_cpu_has`]).
pub(crate) fn boot_cpu_has_bug(bug: X86Bug) -> bool {
    // SAFETY: The shim returns the bug's bit, a constant below
    // `32 * (NCAPINTS + NBUGINTS)`.
    let bit = unsafe {
        match bug {
            X86Bug::SpecStoreBypass => procfs2_x86_bug_spec_store_bypass(),
            X86Bug::SpectreV2 => procfs2_x86_bug_spectre_v2(),
        }
    };
    // SAFETY: As in `boot_cpu_has`; the bit is checked.
    bit < 32 * (bindings::NCAPINTS + bindings::NBUGINTS)
        && unsafe { procfs2_cpu_has(procfs2_cpu_data(0), bit) }
}

/// A CPU number, as upstream's `CpuId`.
///
/// # Invariants
///
/// Below `nr_cpu_ids` (fixed after boot): the CPU has per-CPU data.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CpuId(u32);

impl CpuId {
    /// `cpu` if it is below `nr_cpu_ids`.
    pub(crate) fn from_u32(cpu: u32) -> Option<Self> {
        // SAFETY: `nr_cpu_ids` is fixed after boot.
        // INVARIANT: Checked.
        (cpu < unsafe { bindings::nr_cpu_ids }).then_some(Self(cpu))
    }

    pub(crate) fn as_u32(self) -> u32 {
        self.0
    }

    pub(super) fn raw(self) -> kernel::ffi::c_int {
        self.0 as kernel::ffi::c_int
    }
}

impl core::fmt::Display for CpuId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

/// The possible CPUs (`for_each_possible_cpu`).
pub(crate) fn possible_cpus() -> impl Iterator<Item = CpuId> {
    // SAFETY: Reads the possible mask, which is fixed after boot.
    core::iter::successors(Some(unsafe { procfs2_next_possible_cpu(-1) }), |&c| {
        // SAFETY: As above.
        Some(unsafe { procfs2_next_possible_cpu(c) })
    })
    .map_while(|c| CpuId::from_u32(c as u32))
}

pub(crate) fn cpu_online(cpu: CpuId) -> bool {
    // SAFETY: Reads the online mask; `cpu` is below its size (type invariant).
    unsafe { procfs2_cpu_online(cpu.raw()) }
}

/// The online CPUs (`for_each_online_cpu`).
pub(crate) fn online_cpus() -> impl Iterator<Item = CpuId> {
    possible_cpus().filter(|&c| cpu_online(c))
}

/// One CPU's identification, topology and features (`struct cpuinfo_x86`).
///
/// A CPU that comes back online is identified again, and a late microcode load
/// writes `microcode`, while others read: no Rust reference to the struct is made,
/// and each field is read once through the pointer (`READ_ONCE`), as fs/proc reads
/// it without a lock.
///
/// # Invariants
///
/// Points to the per-CPU `cpu_info` of a CPU below `nr_cpu_ids`, which lives as
/// long as the kernel.
pub(crate) struct CpuInfo(*const bindings::cpuinfo_x86, CpuId);

/// Reads field `$f` of the `cpuinfo_x86` once.
macro_rules! field {
    ($s:expr, $($f:tt)+) => {
        // SAFETY: Valid (type invariant); a racy single read, as fs/proc's.
        unsafe { core::ptr::read_volatile(&raw const (*$s.0).$($f)+) }
    };
}

/// A NUL-terminated `char` array, read once, as bytes up to its NUL.
pub(crate) struct CArray<const N: usize>([c_char; N]);

impl<const N: usize> CArray<N> {
    pub(crate) fn bytes(&self) -> &[u8] {
        // SAFETY: `c_char` and `u8` have the same size and alignment.
        let b = unsafe { core::slice::from_raw_parts(self.0.as_ptr().cast::<u8>(), N) };
        b.split(|&c| c == 0).next().unwrap_or(b)
    }
}

/// A flag name of this kernel's tables, or `None` where the table has none.
fn flag_name(p: *const c_char) -> Option<&'static CStr> {
    // SAFETY: The tables hold NULL or string literals of shim/private.c.
    (!p.is_null()).then(|| unsafe { CStr::from_char_ptr(p) })
}

impl CpuInfo {
    /// The CPU `cpu` if it is online (`cpu_data(cpu)` for `c_start`'s online CPUs).
    pub(crate) fn online(cpu: u32) -> Option<Self> {
        let id = CpuId::from_u32(cpu)?;
        if !cpu_online(id) {
            return None;
        }
        // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`).
        // INVARIANT: Its per-CPU data lives as long as the kernel.
        Some(Self(unsafe { procfs2_cpu_data(cpu) }, id))
    }

    /// The CPU's number, checked (`CpuId`).
    pub(crate) fn id(&self) -> CpuId {
        self.1
    }

    pub(crate) fn index(&self) -> u32 {
        field!(self, cpu_index).into()
    }
    pub(crate) fn vendor_id(&self) -> CArray<16> {
        CArray(field!(self, x86_vendor_id))
    }
    pub(crate) fn family(&self) -> u32 {
        // SAFETY: `self.0` is a valid `cpuinfo_x86` (type invariant); the helper reads it.
        unsafe { procfs2_cpu_family(self.0) }
    }
    pub(crate) fn model(&self) -> u32 {
        // SAFETY: As above.
        unsafe { procfs2_cpu_model(self.0) }
    }
    pub(crate) fn model_id(&self) -> CArray<64> {
        CArray(field!(self, x86_model_id))
    }
    pub(crate) fn stepping(&self) -> u8 {
        field!(self, x86_stepping)
    }
    pub(crate) fn cpuid_level(&self) -> i32 {
        field!(self, cpuid_level)
    }
    pub(crate) fn microcode(&self) -> u32 {
        field!(self, microcode)
    }
    pub(crate) fn cache_size(&self) -> u32 {
        field!(self, x86_cache_size)
    }
    /// Package, core, APIC and initial APIC ids.
    pub(crate) fn topology(&self) -> (u32, u32, u32, u32) {
        (
            field!(self, topo.pkg_id),
            field!(self, topo.core_id),
            field!(self, topo.apicid),
            field!(self, topo.initial_apicid),
        )
    }
    pub(crate) fn booted_cores(&self) -> u16 {
        field!(self, booted_cores)
    }
    pub(crate) fn tlb_size(&self) -> i32 {
        field!(self, x86_tlbsize)
    }
    pub(crate) fn clflush_size(&self) -> u16 {
        field!(self, x86_clflush_size)
    }
    pub(crate) fn cache_alignment(&self) -> i32 {
        field!(self, x86_cache_alignment)
    }
    /// Physical and virtual address bits.
    pub(crate) fn address_bits(&self) -> (u8, u8) {
        (field!(self, x86_phys_bits), field!(self, x86_virt_bits))
    }
    pub(crate) fn power(&self) -> u32 {
        field!(self, x86_power) as u32
    }
    pub(crate) fn loops_per_jiffy(&self) -> u64 {
        field!(self, loops_per_jiffy) as u64
    }

    /// `cpu_has(c, bit)` for the feature and bug bits.
    pub(crate) fn has(&self, bit: u32) -> bool {
        // SAFETY: `self.0` is valid; shim/private.c checks the tables' sizes and callers
        // stay below `32 * (NCAPINTS + NBUGINTS)`.
        bit < 32 * (bindings::NCAPINTS + bindings::NBUGINTS)
            && unsafe { procfs2_cpu_has(self.0, bit) }
    }

    /// The VMX feature names this CPU has, when it has VMX and the kernel names them
    /// (`CONFIG_X86_VMX_FEATURE_NAMES`).
    #[cfg(CONFIG_X86_VMX_FEATURE_NAMES)]
    pub(crate) fn vmx_flags(&self) -> Option<impl Iterator<Item = &'static CStr> + '_> {
        if field!(self, vmx_capability[0]) == 0 || !self.has(bindings::X86_FEATURE_VMX) {
            return None;
        }
        Some((0..32 * bindings::NVMXINTS).filter_map(move |i| {
            // SAFETY: `i` is below `32 * NVMXINTS`, the size of the capability
            // words and of the name table (checked in shim/private.c).
            if !unsafe { procfs2_cpu_vmx_has(self.0, i) } {
                return None;
            }
            // SAFETY: As above.
            flag_name(unsafe { procfs2_x86_vmx_flag(i) })
        }))
    }

    /// Without `CONFIG_X86_VMX_FEATURE_NAMES` there is no `vmx flags` line.
    #[cfg(not(CONFIG_X86_VMX_FEATURE_NAMES))]
    pub(crate) fn vmx_flags(&self) -> Option<core::iter::Empty<&'static CStr>> {
        None
    }
}

/// The name of feature bit `bit` (`x86_cap_flags[bit]`), below `32 * NCAPINTS`.
pub(crate) fn cap_flag(bit: u32) -> Option<&'static CStr> {
    // SAFETY: shim/private.c checks the table has `32 * NCAPINTS` entries.
    (bit < 32 * bindings::NCAPINTS).then(|| flag_name(unsafe { procfs2_x86_cap_flag(bit) }))?
}

/// The name of bug `i` (`x86_bug_flags[i]`), below `32 * NBUGINTS`.
pub(crate) fn bug_flag(i: u32) -> Option<&'static CStr> {
    // SAFETY: shim/private.c checks the table has `32 * NBUGINTS` entries.
    (i < 32 * bindings::NBUGINTS).then(|| flag_name(unsafe { procfs2_x86_bug_flag(i) }))?
}

/// The name of power flag `i` (`x86_power_flags[i]`, 32 entries).
pub(crate) fn power_flag(i: u32) -> Option<&'static CStr> {
    // SAFETY: shim/private.c checks the table has 32 entries.
    (i < 32).then(|| flag_name(unsafe { procfs2_x86_power_flag(i) }))?
}

/// CPUs in `cpu`'s core mask (`cpumask_weight(topology_core_cpumask(cpu))`).
pub(crate) fn core_siblings(cpu: CpuId) -> u32 {
    // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`); the mask is per-CPU data.
    unsafe { procfs2_core_siblings(cpu.as_u32()) }
}

/// The frequency `arch_freq_get_on_cpu` falls back to, in kHz:
/// `cpufreq_quick_get(cpu)`, else `cpu_khz`. On CPUs with APERF/MPERF the kernel
/// shows its last sample instead (the per-CPU `cpu_samples`, static), which no
/// module can read.
pub(crate) fn freq_khz(cpu: CpuId) -> u32 {
    // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`), which the cpufreq driver's
    // per-CPU data is sized by.
    let f = unsafe { cpufreq_quick_get(cpu.as_u32()) };
    if f != 0 {
        return f;
    }
    // SAFETY: `cpu_khz` is fixed after calibration.
    unsafe { procfs2_cpu_khz() }
}

/// The online CPUs in order (`for_each_online_cpu`).
pub(crate) fn next_online(cpu: i32) -> Option<u32> {
    // SAFETY: Reads the online mask.
    let n = unsafe { procfs2_next_online_cpu(cpu) } as u32;
    // SAFETY: `nr_cpu_ids` is fixed after boot.
    (n < unsafe { bindings::nr_cpu_ids }).then_some(n)
}
