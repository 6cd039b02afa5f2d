// SPDX-License-Identifier: GPL-2.0

//! Pressure stall information: the system-wide `struct psi_group` (`psi_system`,
//! static in kernel/sched/psi.c; the struct is public, include/linux/psi_types.h),
//! held under its `avgs_lock` as `psi_show` holds it, with each CPU's times read
//! under that CPU's runqueue lock.
//!
//! `psi_system` is not exported. Every cgroup of the default hierarchy but the root
//! has its own group, whose `parent` is its parent cgroup's (`psi_cgroup_alloc`:
//! `cgroup_psi(cgroup_parent(cgroup))`), and `cgroup_psi` of the root is
//! `&psi_system`: so a top-level cgroup's group's parent is `psi_system`, the only
//! group whose `parent` is NULL. A cgroup's group is set before the cgroup is linked
//! into its parent's children (`cgroup_create`) and freed a grace period after it is
//! unlinked (`css_release_work_fn`, `css_free_rwork_fn`), so the walk runs under RCU.
//! Without a child cgroup (or with `cgroup_disable=pressure` or `psi=0`, where no
//! cgroup has a group) nothing leads to it.
//!
//! `get_recent_times` reads a CPU's times inside the static per-CPU `psi_seq`
//! seqcount; every writer of them (`psi_group_change`, which asserts it, through
//! `psi_task_change`, `psi_task_switch`, `psi_account_irqtime`, `psi_memstall_*`,
//! `cgroup_move_task`, `psi_cgroup_restart`) holds that CPU's runqueue lock, which
//! is taken here instead ([`RqLockIrq`]), inside `avgs_lock` as
//! `psi_cgroup_restart` takes it inside `cgroup_mutex`.

use super::{
    cpu::CpuId,
    lock::Rcu,
    rq::RqLockIrq,
    shim::{self, *},
};
use core::{
    marker::PhantomData,
    ptr::{self, NonNull},
    sync::atomic::{AtomicPtr, Ordering},
};
use kernel::bindings;

/// `NR_PSI_STATES`: the states with a time bucket per CPU (with `PSI_NONIDLE`).
pub(crate) const NR_PSI_STATES: usize = bindings::psi_states_NR_PSI_STATES as usize;
/// `PSI_NONIDLE`: the last state, only per CPU; the others have totals and averages.
pub(crate) const PSI_NONIDLE: usize = bindings::psi_states_PSI_NONIDLE as usize;
/// `PSI_AVGS`: the aggregator of the averages (the other one is the RT triggers').
const PSI_AVGS: usize = bindings::psi_aggregators_PSI_AVGS as usize;

/// `psi_system` once found: it is static, so it is found once.
static SYSTEM: AtomicPtr<bindings::psi_group> = AtomicPtr::new(ptr::null_mut());

/// `psi_system`.
///
/// # Invariants
///
/// Points to `psi_system`, a static of vmlinux.
#[derive(Clone, Copy)]
pub(crate) struct System(NonNull<bindings::psi_group>);

impl System {
    /// `psi_system`, found from the default hierarchy's first top-level cgroup; `None`
    /// while no such cgroup has been seen, or when cgroups have no pressure groups.
    pub(crate) fn get() -> Option<Self> {
        if let Some(p) = NonNull::new(SYSTEM.load(Ordering::Acquire)) {
            // INVARIANT: Stored below only after it was found as `psi_system`.
            return Some(Self(p));
        }
        let found = {
            let _rcu = Rcu::read_lock();
            // SAFETY: The default hierarchy's root css is static (`cgrp_dfl_root`).
            let root = unsafe { procfs2_dfl_root_css() };
            // SAFETY: Under RCU, as `css_next_descendant_pre` requires; after the
            // root itself comes its first child, if any.
            let child = unsafe { bindings::css_next_descendant_pre(root, root) };
            if child.is_null() {
                return None;
            }
            // SAFETY: `child` is a css linked under the root, valid under RCU; its
            // cgroup's group was set before it was linked and is freed only a grace
            // period after it is unlinked.
            let mut group = NonNull::new(unsafe { procfs2_css_cgroup_psi(child) })?;
            // The child's group is freed with it: only a parent reached from it may
            // be kept, and the last one, whose parent is NULL, is `psi_system`.
            let mut steps = 0;
            loop {
                // SAFETY: `group` is the child's group or one of its ancestors' (each
                // outlives its children's, and `psi_system` is static); `parent` is
                // set once, before the group is published.
                let parent = unsafe { (*group.as_ptr()).parent };
                match NonNull::new(parent) {
                    Some(p) => group = p,
                    None => break,
                }
                steps += 1;
            }
            if steps == 0 {
                return None;
            }
            group
        };
        SYSTEM.store(found.as_ptr(), Ordering::Release);
        // INVARIANT: The group with no parent above a cgroup's is `psi_system`.
        Some(Self(found))
    }

    /// Takes `avgs_lock` (`mutex_lock`), as `psi_show` and `psi_avgs_work` do.
    pub(crate) fn lock_avgs(self) -> Avgs {
        // SAFETY: `psi_system` is static (type invariant) and its mutex initialised
        // at boot (`group_init`); a read callback runs in process context.
        unsafe { bindings::mutex_lock(&raw mut (*self.0.as_ptr()).avgs_lock) };
        // INVARIANT: Just taken.
        Avgs {
            group: self,
            _p: PhantomData,
        }
    }
}

/// A CPU's pressure times as `get_recent_times` snapshots them.
pub(crate) struct CpuTimes {
    /// `cpu_clock(cpu)` at the snapshot.
    pub(crate) now: u64,
    /// `groupc->times`: each state's concluded time in this sampling period (ns).
    pub(crate) times: [u32; NR_PSI_STATES],
    /// `groupc->state_mask`: the states active since `state_start`.
    pub(crate) state_mask: u32,
    /// `groupc->state_start`.
    pub(crate) state_start: u64,
}

/// `psi_system` with its `avgs_lock` held: the fields that lock protects (the
/// averages, their totals and timestamps, and each CPU's `times_prev[PSI_AVGS]`)
/// read and written as `psi_show` reads and writes them.
///
/// # Invariants
///
/// This thread holds `group`'s `avgs_lock` until the guard is dropped; not `Send`.
pub(crate) struct Avgs {
    group: System,
    _p: PhantomData<*mut ()>,
}

impl Avgs {
    fn g(&self) -> *mut bindings::psi_group {
        self.group.0.as_ptr()
    }

    /// `group->avg_next_update`.
    pub(crate) fn avg_next_update(&self) -> u64 {
        // SAFETY: `psi_system` is static and this field is written under `avgs_lock`,
        // which is held (type invariant).
        unsafe { ptr::read(&raw const (*self.g()).avg_next_update) }
    }

    /// Sets `group->avg_next_update`.
    pub(crate) fn set_avg_next_update(&mut self, v: u64) {
        // SAFETY: As in `avg_next_update`.
        unsafe { ptr::write(&raw mut (*self.g()).avg_next_update, v) }
    }

    /// `group->avg_last_update`.
    pub(crate) fn avg_last_update(&self) -> u64 {
        // SAFETY: As in `avg_next_update`.
        unsafe { ptr::read(&raw const (*self.g()).avg_last_update) }
    }

    /// Sets `group->avg_last_update`.
    pub(crate) fn set_avg_last_update(&mut self, v: u64) {
        // SAFETY: As in `avg_next_update`.
        unsafe { ptr::write(&raw mut (*self.g()).avg_last_update, v) }
    }

    /// `group->total[PSI_AVGS][s]`, in ns (0 for `s` out of range).
    pub(crate) fn total(&self, s: usize) -> u64 {
        if s >= PSI_NONIDLE {
            return 0;
        }
        // SAFETY: As in `avg_next_update` (the `PSI_AVGS` row is the averages'
        // aggregator's); `s` is in range.
        unsafe { ptr::read(&raw const (*self.g()).total[PSI_AVGS][s]) }
    }

    /// Sets `group->total[PSI_AVGS][s]` (nothing for `s` out of range).
    pub(crate) fn set_total(&mut self, s: usize, v: u64) {
        if s < PSI_NONIDLE {
            // SAFETY: As in `total`.
            unsafe { ptr::write(&raw mut (*self.g()).total[PSI_AVGS][s], v) }
        }
    }

    /// `group->avg_total[s]` (0 for `s` out of range).
    pub(crate) fn avg_total(&self, s: usize) -> u64 {
        if s >= PSI_NONIDLE {
            return 0;
        }
        // SAFETY: As in `avg_next_update`; `s` is in range.
        unsafe { ptr::read(&raw const (*self.g()).avg_total[s]) }
    }

    /// Sets `group->avg_total[s]` (nothing for `s` out of range).
    pub(crate) fn set_avg_total(&mut self, s: usize, v: u64) {
        if s < PSI_NONIDLE {
            // SAFETY: As in `avg_total`.
            unsafe { ptr::write(&raw mut (*self.g()).avg_total[s], v) }
        }
    }

    /// `group->avg[s]`: the 10 s, 60 s and 300 s averages, fixed point (zeros for `s`
    /// out of range).
    pub(crate) fn avg(&self, s: usize) -> [u64; 3] {
        if s >= PSI_NONIDLE {
            return [0; 3];
        }
        // SAFETY: As in `avg_next_update`; `s` is in range.
        unsafe { ptr::read(&raw const (*self.g()).avg[s]) }.map(|a| a as u64)
    }

    /// Sets `group->avg[s]` (nothing for `s` out of range).
    pub(crate) fn set_avg(&mut self, s: usize, v: [u64; 3]) {
        if s < PSI_NONIDLE {
            // SAFETY: As in `avg`.
            unsafe { ptr::write(&raw mut (*self.g()).avg[s], v.map(|a| a as _)) }
        }
    }

    fn groupc(&self, cpu: CpuId) -> *mut bindings::psi_group_cpu {
        // SAFETY: `psi_system`'s per-CPU area (`system_group_pcpu`) is static and
        // `cpu` is below `nr_cpu_ids` (`CpuId`).
        unsafe { procfs2_psi_group_cpu(self.g(), cpu.raw()) }
    }

    /// `cpu`'s `times_prev[PSI_AVGS]`: its times at the last sample.
    pub(crate) fn times_prev(&self, cpu: CpuId) -> [u32; NR_PSI_STATES] {
        let c = self.groupc(cpu);
        // SAFETY: `c` is valid (`groupc`); the `PSI_AVGS` row is written only by
        // `get_recent_times(PSI_AVGS)`, under `avgs_lock`, which is held.
        unsafe { ptr::read(&raw const (*c).times_prev[PSI_AVGS]) }
    }

    /// Sets `cpu`'s `times_prev[PSI_AVGS]`.
    pub(crate) fn set_times_prev(&mut self, cpu: CpuId, v: [u32; NR_PSI_STATES]) {
        let c = self.groupc(cpu);
        // SAFETY: As in `times_prev`.
        unsafe { ptr::write(&raw mut (*c).times_prev[PSI_AVGS], v) }
    }

    /// `get_recent_times`' coherent snapshot of `cpu`: its clock, times, state mask
    /// and state start, read under its runqueue lock, which every writer of them
    /// holds (the module's stand-in for `psi_seq`).
    pub(crate) fn snapshot(&self, cpu: CpuId) -> CpuTimes {
        let c = self.groupc(cpu);
        // `avgs_lock` is held, so this is process context with interrupts on.
        let _rq = RqLockIrq::lock(cpu);
        // SAFETY: `cpu` is below `nr_cpu_ids` (`CpuId`).
        let now = unsafe { procfs2_cpu_clock(cpu.raw()) };
        // SAFETY: `c` is valid (`groupc`); these fields are written only under
        // `cpu`'s runqueue lock, which is held.
        unsafe {
            CpuTimes {
                now,
                times: ptr::read(&raw const (*c).times),
                state_mask: ptr::read(&raw const (*c).state_mask),
                state_start: ptr::read(&raw const (*c).state_start),
            }
        }
    }
}

impl Drop for Avgs {
    fn drop(&mut self) {
        // SAFETY: Held by this thread (type invariant).
        unsafe { bindings::mutex_unlock(&raw mut (*self.g()).avgs_lock) };
    }
}

/// `sched_clock()`, the clock of `psi_show`'s averages.
pub(crate) fn sched_clock() -> u64 {
    // SAFETY: Reads the clock; no precondition.
    unsafe { shim::sched_clock() }
}

/// `nsecs_to_jiffies(n)`.
pub(crate) fn nsecs_to_jiffies(n: u64) -> u64 {
    // SAFETY: A conversion; no precondition.
    unsafe { bindings::nsecs_to_jiffies(n) as u64 }
}

/// `psi_period`: `jiffies_to_nsecs(PSI_FREQ)`, the sampling period in ns.
pub(crate) fn psi_period() -> u64 {
    // SAFETY: Constants and a conversion; no precondition.
    let usecs = unsafe { bindings::jiffies_to_usecs(procfs2_psi_freq()) };
    u64::from(usecs) * u64::from(bindings::NSEC_PER_USEC)
}

/// `EXP_10s`, `EXP_60s`, `EXP_300s`: each average's decay per period, fixed point.
pub(crate) fn exps() -> [u64; 3] {
    // SAFETY: Constants cut out of kernel/sched/psi.c.
    unsafe {
        [
            procfs2_psi_exp_10s() as u64,
            procfs2_psi_exp_60s() as u64,
            procfs2_psi_exp_300s() as u64,
        ]
    }
}
