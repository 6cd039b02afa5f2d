// SPDX-License-Identifier: GPL-2.0

//! The per-CPU runqueues (`struct rq` of kernel/sched/sched.h) and their
//! scheduling domains, read as kernel/sched/core.c's `nr_running()`, `nr_iowait()`
//! and `nr_context_switches()` and kernel/sched/stats.c's `show_schedstat` read
//! them: each field once, without the runqueue's lock. `runqueues` is not exported;
//! `shim/sched.c` computes `cpu_rq(cpu)` from the boot CPU's idle task and the
//! exported per-CPU offsets (its header says why that is the same address).

use super::{
    cpu::{online_cpus, possible_cpus, CpuId},
    shim::*,
};
#[cfg(all(CONFIG_SCHEDSTATS, CONFIG_SMP))]
use super::{lock::Rcu, seq::SeqFile};

/// `nr_context_switches()`: every possible CPU's `nr_switches`, summed in a `u64`.
pub(crate) fn nr_context_switches() -> u64 {
    possible_cpus()
        // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`), so it has a runqueue, which
        // lives as long as the kernel; the counter is read once.
        .map(|cpu| unsafe { procfs2_rq_nr_switches(cpu.raw()) })
        .fold(0, u64::wrapping_add)
}

/// `nr_running()`: every online CPU's `nr_running`, summed in an `unsigned int`.
pub(crate) fn nr_running() -> u32 {
    online_cpus()
        // SAFETY: As in `nr_context_switches`.
        .map(|cpu| unsafe { procfs2_rq_nr_running(cpu.raw()) })
        .fold(0, u32::wrapping_add)
}

/// `nr_iowait()`: every possible CPU's `nr_iowait`, summed in an `unsigned int`.
pub(crate) fn nr_iowait() -> u32 {
    possible_cpus()
        // SAFETY: As in `nr_context_switches`.
        .map(|cpu| unsafe { procfs2_rq_nr_iowait(cpu.raw()) })
        .fold(0, u32::wrapping_add)
}

/// A runqueue's schedstat counters, in `show_schedstat`'s order.
#[cfg(CONFIG_SCHEDSTATS)]
pub(crate) struct RqStats {
    pub(crate) yld_count: u32,
    pub(crate) sched_count: u32,
    pub(crate) sched_goidle: u32,
    pub(crate) ttwu_count: u32,
    pub(crate) ttwu_local: u32,
    pub(crate) rq_cpu_time: u64,
    pub(crate) run_delay: u64,
    pub(crate) pcount: u64,
}

/// The schedstat counters of `cpu`'s runqueue.
#[cfg(CONFIG_SCHEDSTATS)]
pub(crate) fn rq_stats(cpu: CpuId) -> RqStats {
    let c = cpu.raw();
    // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`), so it has a runqueue, which lives
    // as long as the kernel; each counter is read once, unlocked, as
    // `show_schedstat` reads it.
    unsafe {
        RqStats {
            yld_count: procfs2_rq_yld_count(c),
            sched_count: procfs2_rq_sched_count(c),
            sched_goidle: procfs2_rq_sched_goidle(c),
            ttwu_count: procfs2_rq_ttwu_count(c),
            ttwu_local: procfs2_rq_ttwu_local(c),
            rq_cpu_time: procfs2_rq_cpu_time(c),
            run_delay: procfs2_rq_run_delay(c),
            pcount: procfs2_rq_pcount(c) as u64,
        }
    }
}

/// A scheduling domain of a runqueue, valid while the RCU read side `'r` lasts.
///
/// # Invariants
///
/// Points to a `struct sched_domain` reached from a runqueue's `sd` under RCU (the
/// borrow of [`Rcu`]); domains are freed only after a grace period
/// (`destroy_sched_domains`).
#[cfg(all(CONFIG_SCHEDSTATS, CONFIG_SMP))]
pub(crate) struct Domain<'r>(
    core::ptr::NonNull<kernel::bindings::sched_domain>,
    core::marker::PhantomData<&'r Rcu>,
);

/// Reads field `$f` of the domain once, as `show_schedstat` reads it unlocked.
#[cfg(all(CONFIG_SCHEDSTATS, CONFIG_SMP))]
macro_rules! sd_field {
    ($d:expr, $($f:tt)+) => {
        // SAFETY: The domain is valid while RCU is held (type invariant); a racy
        // single read of a counter.
        unsafe { core::ptr::read_volatile(&raw const (*$d.0.as_ptr()).$($f)+) }
    };
}

#[cfg(all(CONFIG_SCHEDSTATS, CONFIG_SMP))]
impl<'r> Domain<'r> {
    /// Prints `sched_domain_span(sd)` as `%*pb` into `m`.
    pub(crate) fn print_span(&self, m: &SeqFile) {
        // SAFETY: The domain is valid (type invariant) and `m` is a seq_file being
        // filled by its show callback.
        unsafe { procfs2_seq_sd_span(m.as_ptr(), self.0.as_ptr()) };
    }

    /// The load-balancing counters of `show_schedstat` for one `cpu_idle_type`
    /// (`itype` below `CPU_MAX_IDLE_TYPES`), in its order.
    pub(crate) fn lb(&self, itype: usize) -> Option<[u32; 8]> {
        let i = itype;
        if i >= kernel::bindings::cpu_idle_type_CPU_MAX_IDLE_TYPES as usize {
            return None;
        }
        Some([
            sd_field!(self, lb_count[i]),
            sd_field!(self, lb_balanced[i]),
            sd_field!(self, lb_failed[i]),
            sd_field!(self, lb_imbalance[i]),
            sd_field!(self, lb_gained[i]),
            sd_field!(self, lb_hot_gained[i]),
            sd_field!(self, lb_nobusyq[i]),
            sd_field!(self, lb_nobusyg[i]),
        ])
    }

    /// The active balancing, exec, fork and wake-up counters, in `show_schedstat`'s
    /// order.
    pub(crate) fn others(&self) -> [u32; 12] {
        [
            sd_field!(self, alb_count),
            sd_field!(self, alb_failed),
            sd_field!(self, alb_pushed),
            sd_field!(self, sbe_count),
            sd_field!(self, sbe_balanced),
            sd_field!(self, sbe_pushed),
            sd_field!(self, sbf_count),
            sd_field!(self, sbf_balanced),
            sd_field!(self, sbf_pushed),
            sd_field!(self, ttwu_wake_remote),
            sd_field!(self, ttwu_move_affine),
            sd_field!(self, ttwu_move_balance),
        ]
    }
}

/// The scheduling domains of `cpu`, lowest first (`for_each_domain`), while `rcu`
/// is held.
#[cfg(all(CONFIG_SCHEDSTATS, CONFIG_SMP))]
pub(crate) fn domains(cpu: CpuId, _rcu: &Rcu) -> impl Iterator<Item = Domain<'_>> {
    // SAFETY: `cpu` has a runqueue (`CpuId`); RCU is held (`_rcu`), as
    // `rcu_dereference` of its `sd` needs.
    let first = unsafe { procfs2_rq_sd(cpu.raw()) };
    // INVARIANT: Reached from the runqueue's `sd` under RCU, then through `parent`,
    // which a domain keeps until it is freed after a grace period.
    core::iter::successors(core::ptr::NonNull::new(first), |d| {
        // SAFETY: `d` is valid under RCU (as above); `parent` is read once, as
        // `for_each_domain` reads it.
        core::ptr::NonNull::new(unsafe {
            core::ptr::read_volatile(&raw const (*d.as_ptr()).parent)
        })
    })
    .map(|d| Domain(d, core::marker::PhantomData))
}

/// A runqueue's lock held with interrupts off (`raw_spin_rq_lock_irq`), for
/// `wrap/psi.rs`: the lock the scheduler holds while it writes the CPU's pressure
/// times.
///
/// # Invariants
///
/// `lock` is a runqueue's lock (runqueues live as long as the kernel), held by this
/// thread with interrupts off until the guard is dropped; not `Send`.
#[cfg(CONFIG_PSI)]
pub(super) struct RqLockIrq {
    lock: *mut kernel::bindings::raw_spinlock_t,
    /// The interrupt state before, restored on release (guards may nest).
    flags: kernel::ffi::c_ulong,
}

#[cfg(CONFIG_PSI)]
impl RqLockIrq {
    /// `raw_spin_rq_lock_irqsave(cpu_rq(cpu))`: the lock `__rq_lockp` names (with
    /// core scheduling, the core's, which can change until it is held), taken and
    /// rechecked as `raw_spin_rq_lock_nested` does (not exported).
    pub(super) fn lock(cpu: CpuId) -> Self {
        // SAFETY: Interrupts go off here and back to `flags` in `drop`; with them
        // off, `__sched_core_enable`'s `synchronize_rcu` waits for this section, as
        // it waits for the kernel's preempt-disabled one.
        let flags = unsafe { procfs2_local_irq_save() };
        loop {
            // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`), so it has a runqueue.
            let lock = unsafe { procfs2_rq_lockp(cpu.raw()) };
            // SAFETY: `lock` is a runqueue's lock, valid as long as the kernel.
            unsafe { procfs2_raw_spin_lock(lock) };
            // SAFETY: As above.
            if lock == unsafe { procfs2_rq_lockp(cpu.raw()) } {
                // INVARIANT: Held, and the runqueue's lock while it is held.
                return Self { lock, flags };
            }
            // SAFETY: Taken just above.
            unsafe { procfs2_raw_spin_unlock(lock) };
        }
    }
}

#[cfg(CONFIG_PSI)]
impl Drop for RqLockIrq {
    fn drop(&mut self) {
        // SAFETY: Held by this thread with interrupts off (type invariant), which
        // `lock` turned off, saving their state in `flags`.
        unsafe {
            procfs2_raw_spin_unlock(self.lock);
            procfs2_local_irq_restore(self.flags);
        }
    }
}
