// SPDX-License-Identifier: GPL-2.0

//! Interrupt descriptors (`struct irq_desc`) as kernel/irq/proc.c's
//! `show_interrupts` reads them, and the x86 per-CPU interrupt counters
//! (`irq_stat`, exported) that arch/x86/kernel/irq.c's `arch_show_interrupts`
//! prints.
//!
//! `irq_to_desc` is not exported; `irq_get_irq_data` is, and the descriptor holds
//! that `irq_data`. Sparse descriptors are freed after an RCU grace period, so a
//! descriptor is used under [`Rcu`] only; its chip and actions under `desc->lock`.

use super::seq::SeqFile;
use super::{
    cpu::CpuId,
    lock::{RawSpinIrqGuard, Rcu},
    shim::*,
};
use core::marker::PhantomData;
use kernel::{bindings, ffi::c_int, prelude::*, str::CStr};

/// `IRQ_NOREQUEST` and `IRQ_HIDDEN` of `enum` in include/linux/irq.h (checked in
/// shim/irq.c).
const IRQ_NOREQUEST: u32 = 1 << 11;
const IRQ_HIDDEN: u32 = 1 << 20;

/// `nr_irqs`: interrupt numbers lie below it.
pub(crate) fn nr_irqs() -> u32 {
    // SAFETY: An int the irq core sets at boot (and may only grow); read once.
    unsafe { bindings::nr_irqs as u32 }
}

/// The descriptor of an interrupt, valid while the [`Rcu`] guard it borrows lives.
pub(crate) struct IrqDesc<'a> {
    desc: *mut bindings::irq_desc,
    data: *mut irq_data,
    _rcu: &'a Rcu,
}

/// Runs `f` on the descriptor of interrupt `irq` if there is one, under RCU.
pub(crate) fn with_desc<R>(irq: u32, f: impl FnOnce(&IrqDesc<'_>) -> R) -> Option<R> {
    let rcu = Rcu::read_lock();
    // SAFETY: Looks `irq` up in the descriptor tree under RCU.
    let data = unsafe { procfs2_irq_get_irq_data(irq) };
    if data.is_null() {
        return None;
    }
    // SAFETY: `data` is the `irq_data` embedded in a live descriptor.
    let desc = unsafe { procfs2_irq_data_to_desc(data) };
    Some(f(&IrqDesc {
        desc,
        data,
        _rcu: &rcu,
    }))
}

impl IrqDesc<'_> {
    fn status(&self) -> u32 {
        // SAFETY: `desc` is live under RCU (type invariant of the borrow).
        unsafe { procfs2_irq_desc_status(self.desc) }
    }

    /// `irq_settings_is_hidden`: left out of the listing.
    pub(crate) fn hidden(&self) -> bool {
        self.status() & IRQ_HIDDEN != 0
    }

    /// Whether the descriptor keeps per-CPU counts (`desc->kstat_irqs`).
    pub(crate) fn keeps_counts(&self) -> bool {
        // SAFETY: `desc` is live under RCU.
        unsafe { procfs2_irq_desc_has_kstat(self.desc) }
    }

    /// The interrupt's count on `cpu` (`desc->kstat_irqs->cnt`), 0 if the
    /// descriptor keeps none.
    pub(crate) fn count(&self, cpu: CpuId) -> u32 {
        if !self.keeps_counts() {
            return 0;
        }
        // SAFETY: `desc` is live under RCU and keeps counts; `cpu` has a per-CPU
        // area (`CpuId`).
        unsafe { procfs2_irq_desc_kstat_cpu(self.desc, cpu.as_u32() as c_int) }
    }

    /// Takes `desc->lock` with interrupts off.
    pub(crate) fn lock(&self) -> IrqDescLocked<'_> {
        // SAFETY: `desc` is live under RCU, which outlives the guard's borrow of
        // `self` (the state of interrupts is saved and restored).
        let guard = unsafe { RawSpinIrqGuard::lock(procfs2_irq_desc_lock(self.desc)) };
        IrqDescLocked {
            desc: self,
            _guard: guard,
        }
    }
}

/// What `show_interrupts` prints for the chip column.
pub(crate) enum Chip<'a> {
    /// No chip: "None".
    None,
    /// The chip prints itself (`irq_print_chip`).
    Prints,
    /// The chip's name, if it has one.
    Name(Option<&'a CStr>),
}

/// A descriptor with `desc->lock` held.
pub(crate) struct IrqDescLocked<'a> {
    desc: &'a IrqDesc<'a>,
    _guard: RawSpinIrqGuard<'a>,
}

/// The name at `p`, if any.
///
/// # Safety
///
/// `p` must be NULL or point to a NUL-terminated string that lives, unchanged, for
/// `'a`.
unsafe fn c_str<'a>(p: *const kernel::ffi::c_char) -> Option<&'a CStr> {
    // SAFETY: Per the caller, a live NUL-terminated string.
    (!p.is_null()).then(|| unsafe { CStr::from_char_ptr(p) })
}

impl IrqDescLocked<'_> {
    /// The first action, if one was requested: none, or the `chained_action` a
    /// chained handler installs, gives `None`.
    ///
    /// `chained_action` is not exported. It is recognised by its shape: only its
    /// handler is set (no name, no `dev_id`, no next, and an `irq` of 0, which
    /// `__setup_irq` sets on every requested action), on a descriptor that chaining
    /// marked `IRQ_NOREQUEST`.
    ///
    /// A pointer, not a reference: an action's `thread_flags` change under other
    /// CPUs' hands; the fields read here (`name`, `dev_id`, `next`, `irq`) change only
    /// under the descriptor's lock, held.
    fn first_action(&self) -> Option<*const bindings::irqaction> {
        // SAFETY: `desc` is live and its lock held, so the action list is stable.
        let a = unsafe { procfs2_irq_desc_action(self.desc.desc) };
        if a.is_null() {
            return None;
        }
        // SAFETY: Actions live until they are freed under the lock held here.
        let chained = unsafe {
            (*a).name.is_null() && (*a).dev_id.is_null() && (*a).next.is_null() && (*a).irq == 0
        } && self.desc.status() & IRQ_NOREQUEST != 0;
        (!chained).then_some(a.cast_const())
    }

    /// Whether the interrupt has a requested handler (`desc->action` and not
    /// `irq_desc_is_chained`).
    pub(crate) fn requested(&self) -> bool {
        self.first_action().is_some()
    }

    /// The names of the actions in list order; `None` for an action without one.
    pub(crate) fn action_names(&self) -> impl Iterator<Item = Option<&CStr>> + '_ {
        core::iter::successors(self.first_action(), |&a| {
            // SAFETY: The list is stable under the lock; `next` is NULL or an action.
            let next = unsafe { (*a).next };
            (!next.is_null()).then_some(next.cast_const())
        })
        // SAFETY: As above; `name` is set at request and lives as long as the
        // action, which the lock keeps.
        .map(|a| unsafe { c_str((*a).name) })
    }

    /// The chip column.
    pub(crate) fn chip(&self) -> Chip<'_> {
        // SAFETY: `data` is live and stable under the lock.
        let chip = unsafe { procfs2_irq_data_chip(self.desc.data) };
        if chip.is_null() {
            Chip::None
        // SAFETY: `chip` is the descriptor's chip, static data of its driver.
        } else if unsafe { procfs2_irq_chip_has_print(chip) } {
            Chip::Prints
        } else {
            // SAFETY: As above; the name is the chip's, static data of its driver.
            Chip::Name(unsafe { c_str(procfs2_irq_chip_name(chip)) })
        }
    }

    /// Lets the chip print itself into `m` (`irq_print_chip`), for [`Chip::Prints`].
    pub(crate) fn print_chip(&self, m: &SeqFile) {
        if matches!(self.chip(), Chip::Prints) {
            // SAFETY: The chip has a print method; it only writes to the seq_file, as
            // fs/proc has it do under the same lock.
            unsafe { procfs2_irq_chip_print(self.desc.data, m.as_ptr()) };
        }
    }

    /// The hardware interrupt number in its domain, if the interrupt has one.
    pub(crate) fn hwirq(&self) -> Option<u64> {
        // SAFETY: `data` is live and stable under the lock.
        unsafe { procfs2_irq_data_has_domain(self.desc.data) }
            // SAFETY: As above.
            .then(|| unsafe { procfs2_irq_data_hwirq(self.desc.data) } as u64)
    }

    /// With `CONFIG_GENERIC_IRQ_SHOW_LEVEL`, whether the trigger is level.
    pub(crate) fn level(&self) -> Option<bool> {
        // SAFETY: A constant; `data` is live under the lock.
        unsafe { procfs2_irq_show_level() }
            // SAFETY: As above.
            .then(|| unsafe { procfs2_irqd_is_level_type(self.desc.data) })
    }

    /// The flow handler's name (`desc->name`), such as "edge".
    pub(crate) fn name(&self) -> Option<&CStr> {
        // SAFETY: `desc` is live under the lock; its name is a static string.
        unsafe { c_str(procfs2_irq_desc_name(self.desc.desc)) }
    }
}

/// The x86 interrupt counters of `cpu` (`irq_stats(cpu)`), read without a lock as
/// fs/proc reads them.
pub(crate) fn irq_stat(cpu: CpuId) -> bindings::irq_cpustat_t {
    // SAFETY: `cpu` has a per-CPU area (`CpuId`), which lives as long as the
    // kernel; each counter is an int read whole.
    unsafe { *procfs2_irq_stat(cpu.as_u32() as c_int) }
}

/// `IRQ_PER_CPU` and `IRQ_PER_CPU_DEVID` (checked in shim/irq.c).
const IRQ_PER_CPU: u32 = 1 << 9;
const IRQ_PER_CPU_DEVID: u32 = 1 << 17;

impl IrqDesc<'_> {
    /// `kstat_irqs_usr`: the interrupt's count on every CPU (`kstat_irqs_desc` over
    /// the possible CPUs), summed in C's `unsigned int`; 0 if the descriptor keeps
    /// no counts.
    pub(crate) fn kstat_irqs(&self) -> u32 {
        if !self.keeps_counts() {
            return 0;
        }
        let status = self.status();
        // SAFETY: `desc` is live under RCU.
        let nmi = unsafe { procfs2_irq_desc_is_nmi(self.desc) };
        if status & (IRQ_PER_CPU | IRQ_PER_CPU_DEVID) == 0 && !nmi {
            // SAFETY: `desc` is live under RCU; the count is read racily, as
            // fs/proc reads it.
            return unsafe { procfs2_irq_desc_tot_count(self.desc) };
        }
        super::cpu::possible_cpus().fold(0u32, |sum, cpu| sum.wrapping_add(self.count(cpu)))
    }
}

/// `kstat_cpu_irqs_sum(cpu)`: every interrupt `cpu` took.
pub(crate) fn kstat_cpu_irqs_sum(cpu: CpuId) -> u64 {
    // SAFETY: `cpu` has a per-CPU area (`CpuId`); a word read whole.
    unsafe { procfs2_kstat_cpu_irqs_sum(cpu.as_u32() as c_int) as u64 }
}

/// A CPU mask of a descriptor, valid while the descriptor is.
pub(crate) struct CpuMask<'a> {
    mask: *const bindings::cpumask,
    _desc: PhantomData<&'a ()>,
}

impl CpuMask<'_> {
    /// Writes the mask and a newline into `m`: hexadecimal words (`%*pb`), or a
    /// list of ranges (`%*pbl`) with `list`.
    pub(crate) fn seq_print(&self, m: &SeqFile, list: bool) {
        // SAFETY: The mask is valid for `'a` (a field of a live descriptor, or the
        // caller's copy) and read as fs/proc reads it, without a lock.
        unsafe {
            if list {
                procfs2_seq_cpumask_list(m.as_ptr(), self.mask);
            } else {
                procfs2_seq_cpumask(m.as_ptr(), self.mask);
            }
        }
    }
}

/// The numbers of `/proc/irq/N/spurious`.
pub(crate) struct Spurious {
    pub(crate) count: u32,
    pub(crate) unhandled: u32,
    /// `last_unhandled` in milliseconds (`jiffies_to_msecs`).
    pub(crate) last_unhandled_ms: u32,
}

impl IrqDesc<'_> {
    /// The affinity user space asked for (`irq_common_data.affinity`), or the one
    /// pending a move (`irq_desc_get_pending_mask`), as `show_irq_affinity` picks.
    pub(crate) fn affinity(&self) -> CpuMask<'_> {
        // SAFETY: `desc` and `data` are live under RCU; the masks are fields of the
        // descriptor, read unlocked as fs/proc reads them.
        let mask = unsafe {
            #[cfg(CONFIG_GENERIC_PENDING_IRQ)]
            if procfs2_irq_move_pending(self.data) {
                procfs2_irq_desc_pending_mask(self.desc)
            } else {
                procfs2_irq_desc_affinity(self.desc)
            }
            #[cfg(not(CONFIG_GENERIC_PENDING_IRQ))]
            procfs2_irq_desc_affinity(self.desc)
        };
        CpuMask {
            mask,
            _desc: PhantomData,
        }
    }

    /// The CPUs the interrupt is delivered to
    /// (`irq_data_get_effective_affinity_mask`).
    pub(crate) fn effective_affinity(&self) -> CpuMask<'_> {
        CpuMask {
            // SAFETY: `data` is live under RCU; the mask is a field of its descriptor.
            mask: unsafe { procfs2_irq_data_effective_affinity(self.data) },
            _desc: PhantomData,
        }
    }

    /// The memory node of the descriptor (`irq_desc_get_node`).
    pub(crate) fn node(&self) -> i32 {
        // SAFETY: `desc` is live under RCU.
        unsafe { procfs2_irq_desc_node(self.desc) }
    }

    /// The spurious-interrupt counters, read unlocked as `irq_spurious_proc_show`
    /// reads them.
    pub(crate) fn spurious(&self) -> Spurious {
        // SAFETY: `desc` is live under RCU; each counter is read whole.
        unsafe {
            Spurious {
                count: procfs2_irq_desc_irq_count(self.desc),
                unhandled: procfs2_irq_desc_irqs_unhandled(self.desc),
                last_unhandled_ms: bindings::jiffies_to_msecs(procfs2_irq_desc_last_unhandled(
                    self.desc,
                )),
            }
        }
    }

    /// `irq_can_set_affinity_usr` (kernel/irq/manage.c, not exported), rebuilt from
    /// its inline pieces: the interrupt may be balanced, its chip can set an
    /// affinity, and the kernel does not manage its affinity.
    /// The chip is read under `desc->lock`: a driver may free a chip it allocated
    /// once the descriptor's mapping is gone, which resets the chip under that lock
    /// (the kernel asks this at registration and on root's writes only; procfs2 at
    /// every lookup).
    pub(crate) fn can_set_affinity_usr(&self) -> bool {
        // SAFETY: `data` is live under RCU; the flags are read as the original reads
        // them, without the lock.
        if unsafe {
            !procfs2_irqd_can_balance(self.data) || procfs2_irqd_affinity_is_managed(self.data)
        } {
            return false;
        }
        let _locked = self.lock();
        // SAFETY: `data` is live under RCU and its chip stable under the lock; the
        // chip is its driver's while it is set.
        unsafe {
            let chip = procfs2_irq_data_chip(self.data);
            !chip.is_null() && procfs2_irq_chip_has_set_affinity(chip)
        }
    }

    /// The names of the requested actions (see [`IrqDescLocked::action_names`]),
    /// copied out under `desc->lock` (each cut to `N - 1` bytes, as `snprintf` into
    /// a buffer of `N` cuts it). Runs under RCU, so it allocates without sleeping
    /// (`GFP_ATOMIC`).
    pub(crate) fn action_names_copy<const N: usize>(&self) -> Result<KVec<([u8; N], usize)>> {
        loop {
            let want = self.lock().action_names().count();
            let mut v = KVec::with_capacity(want, GFP_ATOMIC)?;
            let locked = self.lock();
            if locked.action_names().count() > want {
                continue;
            }
            for name in locked.action_names().flatten() {
                let b = name.as_bytes();
                let n = b.len().min(N - 1);
                let mut buf = [0u8; N];
                buf[..n].copy_from_slice(&b[..n]);
                // The capacity is reserved: this does not allocate under the lock.
                v.push((buf, n), GFP_ATOMIC)?;
            }
            return Ok(v);
        }
    }
}

impl IrqDescLocked<'_> {
    /// Whether the chip is `no_irq_chip` (not exported), recognised by its name
    /// "none" (kernel/irq/dummychip.c): `register_irq_proc` makes no directory for
    /// such a descriptor.
    pub(crate) fn chip_is_none(&self) -> bool {
        matches!(self.chip(), Chip::Name(Some(n)) if n.as_bytes() == b"none")
    }

    /// Writes the affinity hint (`desc->affinity_hint`, an empty mask if none) as
    /// `irq_affinity_hint_proc_show` does, into `copy`.
    pub(crate) fn copy_affinity_hint<'b>(&self, copy: &'b mut bindings::cpumask) -> CpuMask<'b> {
        // SAFETY: `desc` is live and its lock held, so the hint is stable; `copy` is a
        // whole mask.
        unsafe {
            let hint = procfs2_irq_desc_affinity_hint(self.desc.desc);
            if !hint.is_null() {
                procfs2_cpumask_copy(copy, hint);
            }
        }
        CpuMask {
            mask: copy,
            _desc: PhantomData,
        }
    }
}
