// SPDX-License-Identifier: GPL-2.0

//! `/proc/interrupts` (fs/proc/interrupts.c, kernel/irq/proc.c `show_interrupts`):
//! a header naming the online CPUs, a line per requested interrupt (its count on
//! each online CPU, chip, hardware number, flow and handlers), then the x86
//! counters of arch/x86/kernel/irq.c's `arch_show_interrupts`.
//!
//! Record `pos` is interrupt `pos`; record `nr_irqs` holds the x86 lines. Of those,
//! the machine-check, error and platform lines need counters or vector maps that
//! are not exported: they are left out (tests/missing-interrupts-lines.txt).

use crate::{
    pde::{ProcDirEntry, SeqOps},
    wrap::seq::SeqFile,
    wrap::{
        irq::{self, Chip},
        sys,
    },
};
use kernel::{bindings::irq_cpustat_t, prelude::*};

/// `int_seq_ops`: records 0 to `nr_irqs`, the last one the x86 lines.
pub(crate) static INTERRUPTS_OPS: SeqOps = SeqOps {
    has: |_, pos| pos <= u64::from(irq::nr_irqs()),
    show: interrupts_show,
};

/// The width of the first column: 3, or the digits of `nr_irqs` if more (at most
/// 10), as `show_interrupts` computes it with the header.
fn prec() -> usize {
    let nr = u64::from(irq::nr_irqs());
    let (mut prec, mut j) = (3, 1000u64);
    while prec < 10 && j <= nr {
        prec += 1;
        j *= 10;
    }
    prec
}

/// Writes `s` right-aligned (`%*s`) or left-aligned (`%-*s`) in `width` columns.
fn put_padded(m: &SeqFile, s: &[u8], width: usize, left: bool) {
    const SPACES: [u8; 16] = [b' '; 16];
    let pad = |mut n: usize| {
        while n > 0 {
            let k = n.min(SPACES.len());
            m.write(&SPACES[..k]);
            n -= k;
        }
    };
    let n = width.saturating_sub(s.len());
    if left {
        m.write(s);
        pad(n);
    } else {
        pad(n);
        m.write(s);
    }
}

/// `show_interrupts` for record `pos`.
fn interrupts_show(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    let prec = prec();
    let nr = u64::from(irq::nr_irqs());
    if pos > nr {
        return Ok(());
    }
    if pos == nr {
        arch_show_interrupts(m, prec);
        return Ok(());
    }
    if pos == 0 {
        put_padded(m, b"", prec + 8, false);
        for j in sys::online_cpus() {
            m.write(b"CPU");
            let mut buf = [0; 20];
            put_padded(
                m,
                crate::wrap::seq::decimal(&mut buf, j.as_u32().into()),
                8,
                true,
            );
        }
        m.write(b"\n");
    }
    let i = u32::try_from(pos).map_err(|_| EINVAL)?;
    irq::with_desc(i, |desc| {
        if desc.hidden() || !desc.lock().requested() || !desc.keeps_counts() {
            return;
        }
        let mut buf = [0; 20];
        put_padded(m, crate::wrap::seq::decimal(&mut buf, pos), prec, false);
        m.write(b": ");
        for j in sys::online_cpus() {
            m.put_u64_width(desc.count(j).into(), 10);
            m.write(b" ");
        }
        let locked = desc.lock();
        match locked.chip() {
            Chip::None => put_padded(m, b" None", 9, false),
            Chip::Prints => locked.print_chip(m),
            Chip::Name(name) => {
                m.write(b" ");
                put_padded(m, name.map_or(b"-", |n| n.as_bytes()), 8, false);
            }
        }
        m.write(b" ");
        match locked.hwirq() {
            Some(hwirq) => m.put_u64_width(hwirq, prec),
            None => put_padded(m, b"", prec, false),
        }
        if let Some(level) = locked.level() {
            m.write(b" ");
            put_padded(m, if level { b"Level" } else { b"Edge" }, 8, true);
        }
        if let Some(name) = locked.name() {
            m.write(b"-");
            put_padded(m, name.as_bytes(), 8, true);
        }
        for (k, name) in locked.action_names().enumerate() {
            m.write(if k == 0 { b"  " } else { b", " });
            m.write(name.map_or(b"(null)", |n| n.as_bytes()));
        }
        m.write(b"\n");
    });
    Ok(())
}

/// One x86 line: a label, a count per online CPU, a description.
struct ArchLine {
    label: &'static [u8],
    count: fn(&irq_cpustat_t) -> u32,
    text: &'static [u8],
}

/// An [`ArchLine`] of `irq_stat`'s field `$field`.
macro_rules! arch_line {
    ($label:ident, $field:ident, $text:literal) => {
        ArchLine {
            label: stringify!($label).as_bytes(),
            count: |s| s.$field,
            text: $text.as_bytes(),
        }
    };
}

/// The lines of `arch_show_interrupts` that the exported `irq_stat` holds, in its
/// order and under its configuration options. Left out (not exported): PLT
/// (`x86_platform_ipi_callback` decides it), MCE and MCP (`mce_exception_count`,
/// `mce_poll_count`), HYP, HRE and HVS (`system_vectors` decides them), ERR and MIS
/// (`irq_err_count`, `irq_mis_count`).
static ARCH_LINES: &[ArchLine] = &[
    arch_line!(NMI, __nmi_count, "Non-maskable interrupts"),
    arch_line!(LOC, apic_timer_irqs, "Local timer interrupts"),
    arch_line!(SPU, irq_spurious_count, "Spurious interrupts"),
    arch_line!(PMI, apic_perf_irqs, "Performance monitoring interrupts"),
    arch_line!(IWI, apic_irq_work_irqs, "IRQ work interrupts"),
    arch_line!(RTR, icr_read_retry_count, "APIC ICR read retries"),
    #[cfg(CONFIG_SMP)]
    arch_line!(RES, irq_resched_count, "Rescheduling interrupts"),
    #[cfg(CONFIG_SMP)]
    arch_line!(CAL, irq_call_count, "Function call interrupts"),
    #[cfg(CONFIG_SMP)]
    arch_line!(TLB, irq_tlb_count, "TLB shootdowns"),
    #[cfg(CONFIG_X86_THERMAL_VECTOR)]
    arch_line!(TRM, irq_thermal_count, "Thermal event interrupts"),
    #[cfg(CONFIG_X86_MCE_THRESHOLD)]
    arch_line!(THR, irq_threshold_count, "Threshold APIC interrupts"),
    #[cfg(CONFIG_X86_MCE_AMD)]
    arch_line!(
        DFR,
        irq_deferred_error_count,
        "Deferred Error APIC interrupts"
    ),
    #[cfg(any(CONFIG_KVM, CONFIG_KVM = "m"))]
    arch_line!(
        PIN,
        kvm_posted_intr_ipis,
        "Posted-interrupt notification event"
    ),
    #[cfg(any(CONFIG_KVM, CONFIG_KVM = "m"))]
    arch_line!(
        NPI,
        kvm_posted_intr_nested_ipis,
        "Nested posted-interrupt event"
    ),
    #[cfg(any(CONFIG_KVM, CONFIG_KVM = "m"))]
    arch_line!(
        PIW,
        kvm_posted_intr_wakeup_ipis,
        "Posted-interrupt wakeup event"
    ),
    #[cfg(CONFIG_X86_POSTED_MSI)]
    arch_line!(
        PMN,
        posted_msi_notification_count,
        "Posted MSI notification event"
    ),
];

/// `arch_show_interrupts`, less the lines [`ARCH_LINES`] names as left out.
fn arch_show_interrupts(m: &SeqFile, prec: usize) {
    for line in ARCH_LINES {
        put_padded(m, line.label, prec, false);
        m.write(b": ");
        for j in sys::online_cpus() {
            m.put_u64_width((line.count)(&irq::irq_stat(j)).into(), 10);
            m.write(b" ");
        }
        m.write(b"  ");
        m.write(line.text);
        m.write(b"\n");
    }
}

/// `arch_irq_stat_cpu` (arch/x86/kernel/irq.c): what `stat`'s `intr` total adds for
/// `cpu` besides the interrupt descriptors' counts, less what is not exported:
/// `x86_platform_ipis` counts only while `x86_platform_ipi_callback` is set (SGI UV),
/// and `mce_exception_count` and `mce_poll_count` are missing from the sum
/// (tests/missing-stat-lines.txt).
pub(crate) fn arch_irq_stat_cpu(cpu: sys::CpuId) -> u64 {
    let s = irq::irq_stat(cpu);
    [
        s.__nmi_count,
        s.apic_timer_irqs,
        s.irq_spurious_count,
        s.apic_perf_irqs,
        s.apic_irq_work_irqs,
        s.icr_read_retry_count,
        #[cfg(CONFIG_SMP)]
        s.irq_resched_count,
        #[cfg(CONFIG_SMP)]
        s.irq_call_count,
        #[cfg(CONFIG_X86_THERMAL_VECTOR)]
        s.irq_thermal_count,
        #[cfg(CONFIG_X86_MCE_THRESHOLD)]
        s.irq_threshold_count,
        #[cfg(CONFIG_X86_HV_CALLBACK_VECTOR)]
        s.irq_hv_callback_count,
        #[cfg(any(CONFIG_HYPERV, CONFIG_HYPERV = "m"))]
        s.irq_hv_reenlightenment_count,
        #[cfg(any(CONFIG_HYPERV, CONFIG_HYPERV = "m"))]
        s.hyperv_stimer0_count,
    ]
    .iter()
    .fold(0u64, |sum, &n| sum.wrapping_add(n.into()))
}
