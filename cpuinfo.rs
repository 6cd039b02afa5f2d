// SPDX-License-Identifier: GPL-2.0

//! `/proc/cpuinfo` (fs/proc/cpuinfo.c with arch/x86/kernel/cpu/proc.c's
//! `cpuinfo_op`): one record per online CPU, at the CPU's number.

use crate::{
    pde::{ProcDirEntry, SeqOps},
    wrap::cpu::{self, CpuInfo},
    wrap::seq::SeqFile,
};
use kernel::{bindings, fmt, prelude::*};

/// `cpuinfo_op`: records are addressed by CPU number; offline CPUs print nothing.
pub(crate) static CPUINFO_OPS: SeqOps = SeqOps {
    has: cpuinfo_has,
    show: show_cpuinfo,
};

/// `c_start`: there is a record while an online CPU remains at or after `pos`.
fn cpuinfo_has(_de: &ProcDirEntry, pos: u64) -> bool {
    i32::try_from(pos).is_ok_and(|p| cpu::next_online(p - 1).is_some())
}

fn or_unknown(s: &[u8]) -> &[u8] {
    if s.is_empty() {
        b"unknown"
    } else {
        s
    }
}

/// Writes ` name` for each name, after `label`.
fn show_flags<'a>(m: &SeqFile, label: &[u8], names: impl Iterator<Item = &'a CStr>) {
    m.write(label);
    for name in names {
        m.write(b" ");
        m.write(name.as_bytes());
    }
}

/// `show_cpuinfo` for CPU `pos`, if it is online.
fn show_cpuinfo(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    let Some(c) = u32::try_from(pos).ok().and_then(CpuInfo::online) else {
        return Ok(());
    };
    let cpu = c.index();
    m.print(fmt!("processor\t: {}\nvendor_id\t: ", cpu));
    m.write(or_unknown(c.vendor_id().bytes()));
    m.print(fmt!(
        "\ncpu family\t: {}\nmodel\t\t: {}\nmodel name\t: ",
        c.family(),
        c.model()
    ));
    m.write(or_unknown(c.model_id().bytes()));
    m.write(b"\n");
    if c.stepping() != 0 || c.cpuid_level() >= 0 {
        m.print(fmt!("stepping\t: {}\n", c.stepping()));
    } else {
        m.write(b"stepping\t: unknown\n");
    }
    if c.microcode() != 0 {
        m.print(fmt!("microcode\t: {:#x}\n", c.microcode()));
    }
    if c.has(bindings::X86_FEATURE_TSC) {
        let freq = cpu::freq_khz(c.id());
        m.print(fmt!("cpu MHz\t\t: {}.{:03}\n", freq / 1000, freq % 1000));
    }
    if c.cache_size() != 0 {
        m.print(fmt!("cache size\t: {} KB\n", c.cache_size()));
    }
    // show_cpuinfo_core (CONFIG_SMP)
    let (pkg, core, apicid, initial) = c.topology();
    m.print(fmt!(
        "physical id\t: {}\nsiblings\t: {}\ncore id\t\t: {}\ncpu cores\t: {}\n\
         apicid\t\t: {}\ninitial apicid\t: {}\n",
        pkg,
        cpu::core_siblings(c.id()),
        core,
        c.booted_cores(),
        apicid,
        initial
    ));
    // show_cpuinfo_misc (64-bit)
    m.print(fmt!(
        "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: {}\nwp\t\t: yes\n",
        c.cpuid_level()
    ));
    show_flags(
        m,
        b"flags\t\t:",
        (0..32 * bindings::NCAPINTS).filter_map(|i| c.has(i).then(|| cpu::cap_flag(i))?),
    );
    if let Some(vmx) = c.vmx_flags() {
        show_flags(m, b"\nvmx flags\t:", vmx);
    }
    show_flags(
        m,
        b"\nbugs\t\t:",
        (0..32 * bindings::NBUGINTS).filter_map(|i| {
            c.has(32 * bindings::NCAPINTS + i)
                .then(|| cpu::bug_flag(i))?
        }),
    );
    let lpj = c.loops_per_jiffy();
    let hz = u64::from(bindings::CONFIG_HZ);
    m.print(fmt!(
        "\nbogomips\t: {}.{:02}\n",
        lpj / (500000 / hz),
        (lpj / (5000 / hz)) % 100
    ));
    if c.tlb_size() > 0 {
        m.print(fmt!("TLB size\t: {} 4K pages\n", c.tlb_size()));
    }
    let (phys, virt) = c.address_bits();
    m.print(fmt!(
        "clflush size\t: {}\ncache_alignment\t: {}\n\
         address sizes\t: {} bits physical, {} bits virtual\npower management:",
        c.clflush_size(),
        c.cache_alignment(),
        phys,
        virt
    ));
    for i in (0..32).filter(|i| c.power() & (1 << i) != 0) {
        match cpu::power_flag(i) {
            Some(name) if name.is_empty() => {}
            Some(name) => {
                m.write(b" ");
                m.write(name.as_bytes());
            }
            None => m.print(fmt!(" [{}]", i)),
        }
    }
    m.write(b"\n\n");
    Ok(())
}
