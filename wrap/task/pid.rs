// SPDX-License-Identifier: GPL-2.0

//! Pids and the walks over a pid namespace's tasks: `struct pid`, `find_task_by_pid_ns`,
//! `next_tgid`, the thread lists.

use super::*;

/// Which of a pid's task lists to look at (`enum pid_type`).
#[derive(Clone, Copy)]
pub(crate) enum PidType {
    Pid = bindings::pid_type_PIDTYPE_PID as isize,
}

/// A `struct pid`.
///
/// # Invariants
///
/// The object is a valid `struct pid`; an [`ARef`] owns one `get_pid` reference.
#[repr(transparent)]
pub(crate) struct Pid(Opaque<bindings::pid>);

// SAFETY: `get_pid`/`put_pid` may be called from any thread.
unsafe impl Send for Pid {}

// SAFETY: Shared references only read through RCU-safe exported calls.
unsafe impl Sync for Pid {}

// SAFETY: The count is the pid's own, managed by `get_pid`/`put_pid`.
unsafe impl AlwaysRefCounted for Pid {
    fn inc_ref(&self) {
        // SAFETY: Valid by the type invariant.
        unsafe { shim::procfs2_get_pid(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one reference.
        unsafe { bindings::put_pid(obj.cast().as_ptr()) };
    }
}

impl Pid {
    pub(in crate::wrap) fn as_ptr(&self) -> *mut bindings::pid {
        self.0.get()
    }

    /// The task of this pid in list `ty` while `rcu` lasts (`pid_task`).
    #[inline]
    pub(super) fn task_rcu<'r>(&self, ty: PidType, _rcu: &'r Rcu) -> Option<&'r Task> {
        // SAFETY: The pid is valid; under RCU the task found stays valid.
        let t = unsafe { bindings::pid_task(self.as_ptr(), ty as bindings::pid_type) };
        // SAFETY: As above.
        (!t.is_null()).then(|| unsafe { Task::from_raw(t) })
    }

    /// The task of this pid in list `ty`, counted (`get_pid_task`); `None` once
    /// it is gone.
    pub(crate) fn task(&self, ty: PidType) -> Option<ARef<Task>> {
        // SAFETY: The pid is valid; a non-NULL result carries a reference.
        let t = unsafe { bindings::get_pid_task(self.as_ptr(), ty as bindings::pid_type) };
        // SAFETY: As above.
        NonNull::new(t).map(|t| unsafe { ARef::from_raw(t.cast()) })
    }

    /// The owner fs/proc gives the files of `mode` of this pid's task of list `ty`
    /// (`task_dump_owner`), or `None` once it has none. The task is read under RCU
    /// with no reference taken, as fs/proc's `pid_revalidate` and `pid_getattr` do.
    #[inline]
    pub(crate) fn task_dump_owner(&self, ty: PidType, mode: u16) -> Option<(u32, u32)> {
        let rcu = Rcu::read_lock();
        let t = self.task_rcu(ty, &rcu)?;
        Some(t.dump_owner_rcu(mode, &rcu))
    }

    /// Whether the pid still has a task in list `ty` (`pid_task` under RCU).
    pub(crate) fn has_task(&self, ty: PidType) -> bool {
        let rcu = Rcu::read_lock();
        self.task_rcu(ty, &rcu).is_some()
    }

    /// The number of this pid in `ns`, 0 if it has none there (`pid_nr_ns`).
    pub(crate) fn nr_ns(&self, ns: &PidNamespace) -> u32 {
        // SAFETY: Both are valid.
        unsafe { bindings::pid_nr_ns(self.as_ptr(), ns.as_ptr().cast()) as u32 }
    }
}

/// The task with number `nr` in `ns`, thread or leader (`find_task_by_pid_ns`).
pub(crate) fn find_task(ns: &PidNamespace, nr: u32) -> Option<ARef<Task>> {
    let nr = c_int::try_from(nr).ok()?;
    let _rcu = Rcu::read_lock();
    // SAFETY: The namespace is valid; `pid_task` takes NULL; under RCU the task
    // found stays valid until it is counted.
    unsafe {
        let t = bindings::pid_task(
            bindings::find_pid_ns(nr, ns.as_ptr()),
            bindings::pid_type_PIDTYPE_PID,
        );
        (!t.is_null()).then(|| ARef::from(Task::from_raw(t)))
    }
}

/// The thread-group leader with the lowest tgid at or above `nr` in `ns`, with that
/// tgid (`next_tgid`). Costs one `find_ge_pid` (O(log n)) per pid skipped.
pub(crate) fn next_tgid(ns: &PidNamespace, nr: u32) -> Option<(u32, ARef<Task>)> {
    let _rcu = Rcu::read_lock();
    let mut n = nr;
    loop {
        // SAFETY: The namespace is valid; under RCU the pid and task found stay
        // valid until the task is counted.
        unsafe {
            let pid = bindings::find_ge_pid(c_int::try_from(n).ok()?, ns.as_ptr());
            if pid.is_null() {
                return None;
            }
            n = bindings::pid_nr_ns(pid, ns.as_ptr()) as u32;
            let t = bindings::pid_task(pid, bindings::pid_type_PIDTYPE_TGID);
            if !t.is_null() {
                return Some((n, ARef::from(Task::from_raw(t))));
            }
        }
        n += 1;
    }
}

/// The processes of the system while an RCU section lasts (`for_each_process`).
pub(super) struct Processes<'r> {
    p: *mut bindings::task_struct,
    _rcu: PhantomData<&'r Rcu>,
}

impl<'r> Iterator for Processes<'r> {
    type Item = &'r Task;

    fn next(&mut self) -> Option<&'r Task> {
        let init = &raw mut bindings::init_task;
        // SAFETY: Under RCU the process list is walked as `next_task` does; every
        // entry but `init_task`'s is a live task's `tasks`.
        self.p = unsafe {
            read_once(&raw const (*self.p).tasks.next)
                .byte_sub(offset_of!(bindings::task_struct, tasks))
                .cast()
        };
        // SAFETY: A task of the list, valid under RCU.
        (self.p != init).then(|| unsafe { Task::from_raw(self.p) })
    }
}

pub(super) fn processes(_rcu: &Rcu) -> Processes<'_> {
    Processes {
        p: &raw mut bindings::init_task,
        _rcu: PhantomData,
    }
}

/// Threads in the system (`nr_threads`, which is not exported): one walk of every
/// thread (`for_each_process_thread`) under RCU.
pub(crate) fn count_threads() -> u32 {
    let rcu = Rcu::read_lock();
    let mut n = 0u32;
    for p in processes(&rcu) {
        n = n.wrapping_add(p.threads(&rcu).count() as u32);
    }
    n
}
