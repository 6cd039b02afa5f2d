// SPDX-License-Identifier: GPL-2.0

//! Synchronisation: the use count with rundown that guards calls into a removable
//! entry (fs/proc/inode.c's `use_pde`, `unuse_pde`, `proc_entry_rundown`) and the
//! on-stack completion it waits on, RCU grace periods, and the tick.

use super::shim;
use core::{
    pin::Pin,
    sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering::*},
};
use kernel::{bindings, prelude::*, stack_pin_init, types::Opaque};

/// A completion that lives where it was initialised (`DECLARE_COMPLETION_ONSTACK`):
/// its wait list points into itself, so it is pinned from birth.
#[pin_data]
pub(crate) struct Completion {
    #[pin]
    inner: Opaque<bindings::completion>,
}

impl Completion {
    /// Initialises a completion in place.
    pub(crate) fn new() -> impl PinInit<Self> {
        pin_init!(Self {
            // SAFETY: `init_completion` initialises the object in place; it is not
            // shared before that.
            inner <- Opaque::ffi_init(|c| unsafe { shim::procfs2_init_completion(c) }),
        })
    }

    fn as_ptr(&self) -> *mut bindings::completion {
        self.inner.get()
    }

    /// Sleeps until [`complete`] is called on it.
    fn wait(self: Pin<&Self>) {
        // SAFETY: Initialised by `new`; waiting may sleep, which callers allow.
        unsafe { bindings::wait_for_completion(self.as_ptr()) };
    }
}

/// Added to the use count once the guarded object is being removed (`BIAS`).
const BIAS: i32 = i32::MIN;

/// Counts the calls in flight into an object that can be removed while files on it
/// are open: once [`Rundown::close`] has run, no call enters again, and `close`
/// returns only when the calls in flight have left.
///
/// # Invariants
///
/// `unload` is null, or points to a pinned [`Completion`] on the stack of a thread
/// in [`Rundown::close`] that does not return before the count drops to `BIAS` and
/// the thread that dropped it has called `complete`.
pub(crate) struct Rundown {
    in_use: AtomicI32,
    unload: AtomicPtr<bindings::completion>,
    /// Set by the first [`Rundown::close`].
    closing: AtomicBool,
}

impl Rundown {
    pub(crate) const fn new() -> Self {
        Self {
            in_use: AtomicI32::new(0),
            unload: AtomicPtr::new(core::ptr::null_mut()),
            closing: AtomicBool::new(false),
        }
    }

    /// Counts a call (`use_pde`); `None` once the object is being removed. The call
    /// ends when the returned guard is dropped (`unuse_pde`): no call can end that
    /// was not counted.
    pub(crate) fn enter(&self) -> Option<RundownUse<'_>> {
        let mut v = self.in_use.load(Relaxed);
        // Refused at `i32::MAX` too: the count saturates rather than wrap into the
        // bias (calls that `forget` their guard could otherwise reopen a closed
        // object).
        while (0..i32::MAX).contains(&v) {
            match self
                .in_use
                .compare_exchange_weak(v, v.wrapping_add(1), Acquire, Relaxed)
            {
                // INVARIANT: Counted just now.
                Ok(_) => return Some(RundownUse(self)),
                Err(now) => v = now,
            }
        }
        None
    }

    /// Ends a call counted by [`Rundown::enter`] (`unuse_pde`); the last call to
    /// leave a closing object wakes the closer.
    fn leave(&self) {
        if self.in_use.fetch_sub(1, AcqRel).wrapping_sub(1) == BIAS {
            let c = self.unload.load(Acquire);
            if !c.is_null() {
                // SAFETY: By the type invariant the closer waits on `c` until this
                // call wakes it.
                unsafe { bindings::complete(c) };
            }
        }
    }

    /// Whether [`Rundown::close`] has begun.
    pub(crate) fn is_closed(&self) -> bool {
        self.in_use.load(Relaxed) < 0
    }

    /// Refuses new calls and waits for those in flight (`proc_entry_rundown`). Only
    /// the first close adds the bias (a second would wrap the count back to open and
    /// let `enter` succeed again); a later one only waits, without the completion,
    /// for the calls in flight to leave, so every close returns with none left.
    pub(crate) fn close(&self) {
        if self.closing.swap(true, AcqRel) {
            while self.in_use.load(Acquire) != BIAS {
                cond_resched();
            }
            return;
        }
        stack_pin_init!(let done = Completion::new());
        // INVARIANT: `done` is pinned on this stack until the wait below is over.
        self.unload.store(done.as_ptr(), Release);
        if self.in_use.fetch_add(BIAS, AcqRel).wrapping_add(BIAS) != BIAS {
            done.as_ref().wait();
        }
        // INVARIANT: Nothing enters a closed object, so nothing completes any more.
        self.unload.store(core::ptr::null_mut(), Release);
    }
}

/// A call counted by [`Rundown::enter`], ended when dropped (`unuse_pde`).
///
/// # Invariants
///
/// The call was counted in the rundown's use count by `enter`, its only maker.
pub(crate) struct RundownUse<'a>(&'a Rundown);

impl Drop for RundownUse<'_> {
    fn drop(&mut self) {
        self.0.leave();
    }
}

/// Waits for an RCU grace period (`synchronize_rcu()`).
pub(crate) fn synchronize_rcu() {
    // SAFETY: Called only from process context that may sleep (`kill_sb`).
    unsafe { bindings::synchronize_rcu() };
}

/// The current tick (`jiffies`).
pub(crate) fn jiffies() -> u64 {
    // SAFETY: Reads a global counter.
    unsafe { shim::procfs2_jiffies() as u64 }
}

/// `cond_resched`: lets others run during a long walk. Process context, no lock
/// held (the caller holds no guard across it).
pub(crate) fn cond_resched() {
    // SAFETY: Called from process context; the callers hold no spinlock or RCU.
    unsafe { bindings::__cond_resched() };
}
