// SPDX-License-Identifier: GPL-2.0

//! Lock guards over the kernel's locks that procfs2 takes: the RCU read side, a
//! task's `alloc_lock` (`task_lock`), its signal handlers' `siglock`
//! (`lock_task_sighand`), its `exec_update_lock` for reading, and the reader side of
//! the `stats_lock` seqlock. Each guard releases what it took when dropped; none is
//! `Send`, since each is released by the thread that took it.

use super::shim;
use core::marker::PhantomData;
use kernel::{bindings, error::to_result, ffi::c_ulong, prelude::*};

/// An RCU read-side critical section (`rcu_read_lock`): what is read under it stays
/// valid until the guard is dropped. 6.12's kernel crate has no such guard.
///
/// # Invariants
///
/// This thread is in an RCU read-side section, which `drop` ends; not `Send`.
pub(crate) struct Rcu(PhantomData<*mut ()>);

/// Whether `rcu_read_lock()` and `rcu_read_unlock()` are compiler barriers in this
/// kernel, as include/linux/rcupdate.h and preempt.h define them: without
/// `CONFIG_PREEMPT_RCU`, `__rcu_read_lock` is `preempt_disable()`, a barrier without
/// `CONFIG_PREEMPT_COUNT`, and `__rcu_read_unlock` adds only the strict grace period
/// hook; `rcu_lock_acquire` and `RCU_LOCKDEP_WARN` are empty without lockdep. Then
/// the guard calls nothing (stat of a pid directory enters two sections).
const RCU_IS_BARRIER: bool = !cfg!(CONFIG_PREEMPT_RCU)
    && !cfg!(CONFIG_PREEMPT_COUNT)
    && !cfg!(CONFIG_DEBUG_LOCK_ALLOC)
    && !cfg!(CONFIG_PROVE_RCU)
    && !cfg!(CONFIG_RCU_STRICT_GRACE_PERIOD);

/// C's `barrier()`: an empty `asm!` that may read and write any memory, so that the
/// compiler moves no access across it.
#[inline(always)]
fn barrier() {
    // SAFETY: An empty instruction sequence.
    unsafe { core::arch::asm!("") };
}

impl Rcu {
    #[inline]
    pub(crate) fn read_lock() -> Self {
        if RCU_IS_BARRIER {
            barrier();
        } else {
            // SAFETY: Enters an RCU read-side section, left in `drop`.
            unsafe { shim::procfs2_rcu_read_lock() };
        }
        Self(PhantomData)
    }
}

impl Drop for Rcu {
    #[inline]
    fn drop(&mut self) {
        if RCU_IS_BARRIER {
            barrier();
        } else {
            // SAFETY: Entered by `read_lock`.
            unsafe { shim::procfs2_rcu_read_unlock() };
        }
    }
}

/// A spinlock held (`spin_lock`), such as a task's `alloc_lock` (`task_lock`).
///
/// # Invariants
///
/// `lock` is held by this thread and valid until the guard is dropped.
pub(crate) struct SpinGuard<'a> {
    lock: *mut bindings::spinlock_t,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl SpinGuard<'_> {
    /// # Safety
    ///
    /// `lock` must be a valid spinlock that outlives `'a`.
    pub(super) unsafe fn lock<'a>(lock: *mut bindings::spinlock_t) -> SpinGuard<'a> {
        // SAFETY: Valid per the caller; released in `drop`.
        unsafe { bindings::spin_lock(lock) };
        // INVARIANT: Just taken.
        SpinGuard {
            lock,
            _p: PhantomData,
        }
    }
}

impl Drop for SpinGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: Held by this thread (type invariant).
        unsafe { bindings::spin_unlock(self.lock) };
    }
}

/// A raw spinlock held with interrupts off (`raw_spin_lock_irq`), such as a task's
/// `pi_lock`.
///
/// # Invariants
///
/// `lock` is held by this thread, with interrupts off, until the guard is dropped.
pub(crate) struct RawSpinIrqGuard<'a> {
    lock: *mut bindings::raw_spinlock_t,
    /// The interrupt state before, restored on release (guards may nest).
    flags: kernel::ffi::c_ulong,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl RawSpinIrqGuard<'_> {
    /// `raw_spin_lock_irqsave`.
    ///
    /// # Safety
    ///
    /// `lock` must be a valid raw spinlock that outlives `'a`.
    pub(super) unsafe fn lock<'a>(lock: *mut bindings::raw_spinlock_t) -> RawSpinIrqGuard<'a> {
        // SAFETY: Valid per the caller; released in `drop`.
        let flags = unsafe { shim::procfs2_raw_spin_lock_irqsave(lock) };
        // INVARIANT: Just taken.
        RawSpinIrqGuard {
            lock,
            flags,
            _p: PhantomData,
        }
    }
}

impl Drop for RawSpinIrqGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: Held by this thread (type invariant), with the state saved when
        // it was taken.
        unsafe { shim::procfs2_raw_spin_unlock_irqrestore(self.lock, self.flags) };
    }
}

/// A mutex held (`mutex_lock`).
///
/// # Invariants
///
/// `lock` is held by this thread until the guard is dropped.
pub(crate) struct MutexGuard<'a> {
    lock: *mut bindings::mutex,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl MutexGuard<'static> {
    /// procfs2's `oom_adj_mutex`, which orders its writers of `oom_score_adj` (fs/proc's
    /// own is not exported, so writers through /proc are not ordered with these).
    pub(crate) fn oom_adj() -> Self {
        // SAFETY: A static mutex of the shim, taken in process context.
        unsafe {
            let lock = shim::procfs2_oom_adj_mutex();
            bindings::mutex_lock(lock);
            // INVARIANT: Just taken.
            MutexGuard {
                lock,
                _p: PhantomData,
            }
        }
    }
}

impl Drop for MutexGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: Held by this thread (type invariant).
        unsafe { bindings::mutex_unlock(self.lock) };
    }
}

/// A task's signal handlers locked (`lock_task_sighand`), interrupts off.
///
/// # Invariants
///
/// `task` is valid for `'a`; `sighand` is its `sighand_struct`, whose `siglock` this
/// thread holds with the interrupt state `flags` saved.
pub(crate) struct Sighand<'a> {
    task: *mut bindings::task_struct,
    sighand: *mut bindings::sighand_struct,
    flags: c_ulong,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl<'a> Sighand<'a> {
    /// Locks `task`'s signal handlers, or `None` once it has none (it is being
    /// released). `__lock_task_sighand` is not exported: the same retry, in case the
    /// handlers change between the read and the lock.
    ///
    /// # Safety
    ///
    /// `task` must be a valid task that outlives `'a`.
    pub(super) unsafe fn lock(task: *mut bindings::task_struct) -> Option<Self> {
        let _rcu = Rcu::read_lock();
        loop {
            // SAFETY: The task is valid; `sighand` is read as `rcu_dereference` does.
            let sighand = unsafe { core::ptr::addr_of!((*task).sighand).read_volatile() };
            if sighand.is_null() {
                return None;
            }
            // SAFETY: Under RCU the handlers (SLAB_TYPESAFE_BY_RCU) stay a valid
            // `sighand_struct` to lock.
            let flags = unsafe { shim::procfs2_siglock_irqsave(sighand) };
            // SAFETY: As above.
            let now = unsafe { core::ptr::addr_of!((*task).sighand).read_volatile() };
            if now == sighand {
                // INVARIANT: Locked, and still the task's.
                return Some(Self {
                    task,
                    sighand,
                    flags,
                    _p: PhantomData,
                });
            }
            // SAFETY: Locked just above with these flags.
            unsafe { shim::procfs2_siglock_irqrestore(sighand, flags) };
        }
    }

    /// The task's `signal`, which its locked handlers keep (a task keeps its
    /// `signal` until it is freed, and the guard's task outlives `'a`).
    fn signal(&self) -> *mut bindings::signal_struct {
        // SAFETY: The task is valid for `'a` (type invariant); `signal` is set at fork.
        unsafe { (*self.task).signal }
    }

    /// The process's autogroup as `proc_sched_autogroup_show_task` shows it: its id and
    /// nice, or `None` when its task group is not an autogroup. fs/proc takes a
    /// reference and reads `nice` under the group's `lock` (a sleeping lock); the
    /// reference is one a module could not drop (`autogroup_destroy` is private), so
    /// the group is read under `siglock` instead, which keeps it, and `nice`, a single
    /// `int` the writer sets under the lock's write side, is read once: the same old or
    /// new value a reader under the read side sees.
    #[cfg(CONFIG_SCHED_AUTOGROUP)]
    pub(crate) fn autogroup(&self) -> Option<(i64, i32)> {
        // `signal->autogroup` holds a reference on the group (`sched_autogroup_fork`),
        // which `autogroup_move_group` drops only after replacing it under `siglock`;
        // a group's `tg` and `id` are set when it is made.
        // SAFETY: `signal->autogroup` is stable under `siglock`, held (type
        // invariant), and the group it names lives while it is held (above).
        unsafe {
            let ag = shim::procfs2_signal_autogroup(self.signal());
            if !shim::procfs2_autogroup_is_autogroup(ag) {
                return None;
            }
            Some((
                shim::procfs2_autogroup_id(ag) as i64,
                shim::procfs2_autogroup_nice(ag),
            ))
        }
    }

    /// The controlling tty's foreground process group as `ns` numbers it, and the
    /// tty's device number (`tty_get_pgrp`, `tty_devnum`), if the group has a tty.
    pub(crate) fn tty(&self, ns: &super::cred::PidNamespace) -> Option<(u32, u32)> {
        // SAFETY: `signal->tty` is stable under `siglock`, held (type invariant); a
        // set tty is valid while it is; `tty_get_pgrp` returns a counted pid or NULL,
        // put below.
        unsafe {
            let tty = (*self.signal()).tty;
            if tty.is_null() {
                return None;
            }
            let pgrp = shim::tty_get_pgrp(tty);
            let nr = bindings::pid_nr_ns(pgrp, ns.as_ptr()) as u32;
            bindings::put_pid(pgrp);
            Some((nr, shim::procfs2_tty_nr(tty) as u32))
        }
    }

    /// The soft limit of resource `res` (`RLIMIT_*`, checked against `RLIM_NLIMITS`).
    pub(crate) fn rlimit_cur(&self, res: u32) -> u64 {
        if res >= bindings::RLIM_NLIMITS {
            return 0;
        }
        // SAFETY: The `signal` is valid (see `signal`); the limit is a word read once,
        // as fs/proc reads it.
        unsafe {
            core::ptr::read_volatile(&raw const (*self.signal()).rlim[res as usize].rlim_cur) as u64
        }
    }

    /// The first word of the group's shared pending signals, stable under `siglock`.
    pub(crate) fn shared_pending(&self) -> u64 {
        // SAFETY: The `signal` is valid; the set is stable under `siglock`, held.
        unsafe { (*self.signal()).shared_pending.signal.sig[0] as u64 }
    }

    /// The group's exit code while it exits or is stopped (`SIGNAL_GROUP_EXIT`,
    /// `SIGNAL_STOP_STOPPED`), read under `siglock` as `do_task_stat` does.
    pub(crate) fn group_exit_code(&self) -> Option<i32> {
        let exiting = bindings::SIGNAL_GROUP_EXIT | bindings::SIGNAL_STOP_STOPPED;
        // SAFETY: `flags` and `group_exit_code` are stable under `siglock`, held.
        unsafe {
            let sig = self.signal();
            ((*sig).flags & exiting != 0).then(|| (*sig).group_exit_code)
        }
    }

    /// The bits of the signals whose handler is `SIG_IGN`, and of those with a
    /// handler of their own (`collect_sigign_sigcatch`).
    pub(crate) fn ignored_caught(&self) -> (u64, u64) {
        let (mut ign, mut caught) = (0, 0);
        // SAFETY: The handlers are locked (type invariant); `action` has `_NSIG`
        // entries.
        let actions = unsafe { &(*self.sighand).action };
        for (i, k) in actions.iter().enumerate() {
            // `SIG_DFL` is 0 and `SIG_IGN` 1, as pointers: read as a plain word.
            // SAFETY: The field is a function pointer, the size of a `usize`.
            let handler = unsafe { core::ptr::addr_of!(k.sa.sa_handler).cast::<usize>().read() };
            if handler == 1 {
                ign |= 1 << i;
            } else if handler != 0 {
                caught |= 1 << i;
            }
        }
        (ign, caught)
    }
}

impl Sighand<'_> {
    /// Keeps the handlers locked past this guard, for a walk whose end a later
    /// callback decides (`timers`): the handlers and the saved interrupt state,
    /// which [`Sighand::unlock_raw`] takes back.
    pub(super) fn into_raw(self) -> (*mut bindings::sighand_struct, c_ulong) {
        let raw = (self.sighand, self.flags);
        core::mem::forget(self);
        raw
    }

    /// Unlocks handlers a guard left locked ([`Sighand::into_raw`]).
    ///
    /// # Safety
    ///
    /// `sighand` and `flags` come from one `into_raw`, on this thread, and are
    /// unlocked once.
    pub(super) unsafe fn unlock_raw(sighand: *mut bindings::sighand_struct, flags: c_ulong) {
        // SAFETY: Per the caller.
        unsafe { shim::procfs2_siglock_irqrestore(sighand, flags) };
    }
}

impl Drop for Sighand<'_> {
    fn drop(&mut self) {
        // SAFETY: Locked by this thread with these flags (type invariant).
        unsafe { shim::procfs2_siglock_irqrestore(self.sighand, self.flags) };
    }
}

/// A task's `signal->exec_update_lock` held for reading (`lock_trace`,
/// `do_task_stat`, `do_io_accounting`): the task does not exec meanwhile.
///
/// # Invariants
///
/// `sem` is held for reading by this thread and valid until the guard is dropped.
pub(crate) struct ExecUpdate<'a> {
    sem: *mut bindings::rw_semaphore,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl ExecUpdate<'_> {
    /// Takes the lock; fails if a fatal signal interrupts the wait.
    ///
    /// # Safety
    ///
    /// `sem` must be a valid `exec_update_lock` that outlives `'a`.
    pub(super) unsafe fn read_killable<'a>(
        sem: *mut bindings::rw_semaphore,
    ) -> Result<ExecUpdate<'a>> {
        // SAFETY: Valid per the caller; released in `drop`.
        to_result(unsafe { bindings::down_read_killable(sem) })?;
        // INVARIANT: Just taken.
        Ok(ExecUpdate {
            sem,
            _p: PhantomData,
        })
    }
}

impl Drop for ExecUpdate<'_> {
    fn drop(&mut self) {
        // SAFETY: Held for reading by this thread (type invariant).
        unsafe { bindings::up_read(self.sem) };
    }
}

/// Reads what a seqlock guards (`read_seqbegin_or_lock_irqsave`): first without the
/// lock, and if a writer came in between, again with the lock held. `read` may run
/// twice; what the last run returns is the answer.
///
/// # Safety
///
/// `lock` must be a valid seqlock for the duration of the call.
pub(super) unsafe fn seqlock_read<R>(
    lock: *mut bindings::seqlock_t,
    mut read: impl FnMut() -> R,
) -> R {
    let mut next = 0;
    loop {
        let mut seq = next;
        // SAFETY: Valid per the caller; `seq` even reads locklessly, odd locks.
        let flags = unsafe { shim::procfs2_read_seqbegin_or_lock_irqsave(lock, &mut seq) };
        let r = read();
        next = 1;
        // SAFETY: As above, with the `seq` the begin left.
        if !unsafe { shim::procfs2_need_seqretry(lock, seq) } {
            // SAFETY: Releases the lock if this pass took it.
            unsafe { shim::procfs2_done_seqretry_irqrestore(lock, seq, flags) };
            return r;
        }
    }
}
