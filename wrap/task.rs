// SPDX-License-Identifier: GPL-2.0

//! Tasks (`struct task_struct`) behind a safe, reference-counted type: what the
//! per-process directories (pid_base.rs, array.rs, fd.rs) read. The fields are read
//! in Rust, under the locks fs/proc takes for them (wrap/lock.rs); shim/task.c only
//! supplies the static inlines that read or lock one thing.
//!
//! This file holds the task itself and what every part reads (its pid numbers,
//! locks, credentials pointer, threads); the rest is split as upstream splits it:
//!
//! | file         | what                                                          |
//! |--------------|---------------------------------------------------------------|
//! | `pid.rs`     | `struct pid`, finding tasks, walks over a namespace's tasks   |
//! | `creds.rs`   | credentials, owners, the ptrace view, ids, namespaces          |
//! | `stat.rs`    | what `stat`, `status` and other per-task files read            |
//! | `sched.rs`   | settable values (`oom_score_adj`, `comm`), scheduling reads    |
//! | `memory.rs`  | the task's address space, held by a reader                     |
//! | `files.rs`   | the fd table, counted files and paths                          |

mod creds;
mod files;
mod kthread;
mod memory;
mod pid;
mod sched;
mod stat;

pub(crate) use self::{
    creds::*,
    files::*,
    memory::*,
    pid::*,
    sched::{for_each_process, nr_processes},
};

use super::seq::SeqFile;
use super::{
    cred::{self, PidNamespace, RcuCredential},
    lock::{self, ExecUpdate, RawSpinIrqGuard, Rcu, Sighand, SpinGuard},
    shim,
};
use core::{ffi::CStr, marker::PhantomData, mem::offset_of, ptr::NonNull};
use kernel::{
    bindings,
    ffi::{c_char, c_int, c_ulong, c_void},
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// `MAX_PID_NS_LEVEL`: the most namespaces a pid can be seen from.
const MAX_PID_NS_LEVEL: usize = 32;

/// `GLOBAL_ROOT_UID` and `GLOBAL_ROOT_GID`.
const GLOBAL_ROOT: u32 = 0;
/// `INVALID_UID`.
const INVALID_ID: u32 = u32::MAX;
/// `SUID_DUMP_USER`: the dumpability of an ordinary mm ([`LockedMm::dumpable`]).
pub(crate) const SUID_DUMP_USER: u32 = bindings::SUID_DUMP_USER;
/// `PAGE_SIZE` and `PAGE_MASK`.
const PAGE_SIZE: usize = bindings::PAGE_SIZE;
const PAGE_MASK: usize = !(PAGE_SIZE - 1);

/// `READ_ONCE(*p)`.
///
/// # Safety
///
/// `p` must be valid for reads.
unsafe fn read_once<T: Copy>(p: *const T) -> T {
    // SAFETY: Per the caller.
    unsafe { p.read_volatile() }
}

/// A `struct task_struct`.
///
/// # Invariants
///
/// The object is a valid task: while an [`ARef`] owns one `get_task_struct`
/// reference, or for the lifetime of a shared reference handed out under RCU.
#[repr(transparent)]
pub(crate) struct Task(Opaque<bindings::task_struct>);

// SAFETY: Task references may be taken and dropped on any thread.
unsafe impl Send for Task {}
// SAFETY: Shared references only read, under the locks the fields need.
unsafe impl Sync for Task {}

// SAFETY: The count is the task's usage count (`get_task_struct`/`put_task_struct`).
unsafe impl AlwaysRefCounted for Task {
    fn inc_ref(&self) {
        // SAFETY: Valid by the type invariant.
        unsafe { bindings::get_task_struct(self.as_ptr()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one reference.
        unsafe { bindings::put_task_struct(obj.cast().as_ptr()) };
    }
}

/// Whether a file system type named `name` has a superblock now (a mount of it
/// somewhere).
pub(crate) fn fs_type_mounted(name: &CStr) -> bool {
    // SAFETY: `get_fs_type` returns a registered type with a module reference, or
    // NULL; its list of superblocks is read once, without `sb_lock`, as a hint.
    unsafe {
        let fs = bindings::get_fs_type(name.as_ptr().cast());
        if fs.is_null() {
            return false;
        }
        let mounted = !read_once(&raw const (*fs).fs_supers.first).is_null();
        shim::procfs2_put_filesystem(fs);
        mounted
    }
}

/// The threads of a group, in thread-list order (`__for_each_thread`), while an RCU
/// read-side section lasts.
struct Threads<'r> {
    head: *mut bindings::list_head,
    pos: *mut bindings::list_head,
    _rcu: PhantomData<&'r Rcu>,
}

impl<'r> Iterator for Threads<'r> {
    type Item = &'r Task;

    fn next(&mut self) -> Option<&'r Task> {
        // SAFETY: Under RCU the list is walked as `list_for_each_entry_rcu` does: each
        // `next` read once, and every entry but the head a task's `thread_node`.
        unsafe {
            let next = read_once(&raw const (*self.pos).next);
            if next == self.head {
                return None;
            }
            self.pos = next;
            Some(Task::from_raw(
                next.byte_sub(offset_of!(bindings::task_struct, thread_node))
                    .cast(),
            ))
        }
    }
}

impl Task {
    /// # Safety
    ///
    /// `ptr` must be a valid task for `'a` (counted by the caller, or under RCU for
    /// no longer than the RCU section).
    unsafe fn from_raw<'a>(ptr: *mut bindings::task_struct) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The C task. A cast rather than `Opaque::get`: the kernel crate's own
    /// `Opaque<task_struct>` instance is shared, not inlined, and this is called on
    /// every per-process path.
    #[inline]
    fn as_ptr(&self) -> *mut bindings::task_struct {
        core::ptr::from_ref(self).cast_mut().cast()
    }

    /// `task->signal`, which lives as long as the task struct.
    fn signal(&self) -> *mut bindings::signal_struct {
        // SAFETY: The task is valid; `signal` is set at fork and never changes.
        unsafe { (*self.as_ptr()).signal }
    }

    /// `task_lock`: the task's `alloc_lock`, which guards `mm`, `fs`, `files` and
    /// the task's plain fields.
    fn lock(&self) -> SpinGuard<'_> {
        // SAFETY: The lock is part of the task, valid while `self` is.
        unsafe { SpinGuard::lock(&raw mut (*self.as_ptr()).alloc_lock) }
    }

    /// `lock_task_sighand`: `None` once the task is being released.
    fn lock_sighand(&self) -> Option<Sighand<'_>> {
        // SAFETY: The task is valid while `self` is.
        unsafe { Sighand::lock(self.as_ptr()) }
    }

    /// `exec_update_lock` for reading; fails if a fatal signal interrupts the wait.
    fn exec_update_read(&self) -> Result<ExecUpdate<'_>> {
        // SAFETY: The lock is part of the task's `signal`, valid while `self` is.
        unsafe { ExecUpdate::read_killable(&raw mut (*self.signal()).exec_update_lock) }
    }

    /// The task's credentials (`__task_cred`) while `rcu` lasts.
    fn cred<'r>(&self, _rcu: &'r Rcu) -> &'r RcuCredential {
        // SAFETY: `real_cred` is read as `rcu_dereference` does; the credentials it
        // points to are freed only after a grace period, after `'r`.
        unsafe { RcuCredential::from_raw(read_once(&raw const (*self.as_ptr()).real_cred)) }
    }

    /// The threads of the task's group while `rcu` lasts (`for_each_thread`).
    fn threads<'r>(&self, _rcu: &'r Rcu) -> Threads<'r> {
        // SAFETY: The list head is part of the task's `signal`.
        let head = unsafe { &raw mut (*self.signal()).thread_head };
        Threads {
            head,
            pos: head,
            _rcu: PhantomData,
        }
    }

    /// The threads after this one in its group while `rcu` lasts (`__next_thread`
    /// step by step); this one must still be in the group when the section began.
    fn threads_after<'r>(&self, _rcu: &'r Rcu) -> Threads<'r> {
        // SAFETY: The list head is part of the task's `signal`, and the node part of
        // the task, which is in the list (per the caller).
        let (head, pos) = unsafe {
            (
                &raw mut (*self.signal()).thread_head,
                &raw mut (*self.as_ptr()).thread_node,
            )
        };
        Threads {
            head,
            pos,
            _rcu: PhantomData,
        }
    }

    /// Whether the task has not been released yet (`pid_alive`).
    fn pid_alive(&self) -> bool {
        // SAFETY: The task is valid; `thread_pid` is cleared once, on release.
        !unsafe { read_once(&raw const (*self.as_ptr()).thread_pid) }.is_null()
    }

    /// `task_is_running`.
    fn is_running(&self) -> bool {
        // SAFETY: The task is valid; `__state` is read once, as fs/proc does.
        unsafe { read_once(&raw const (*self.as_ptr()).__state) == 0 }
    }

    /// Whether `PF_KTHREAD` is set.
    pub(crate) fn is_kthread(&self) -> bool {
        // SAFETY: The task is valid; `flags` is a plain word.
        (unsafe { (*self.as_ptr()).flags } & bindings::PF_KTHREAD) != 0
    }

    /// The task's own pid, counted (`get_task_pid(task, PIDTYPE_PID)`); `None` once
    /// the task has been released.
    pub(crate) fn pid(&self) -> Option<ARef<Pid>> {
        // SAFETY: The task is valid; the result carries a reference.
        let p = unsafe { bindings::get_task_pid(self.as_ptr(), bindings::pid_type_PIDTYPE_PID) };
        // SAFETY: As above.
        NonNull::new(p).map(|p| unsafe { ARef::from_raw(p.cast()) })
    }

    /// The task's id of list `ty` in `ns`, 0 if not visible there.
    fn nr_ns(&self, ty: bindings::pid_type, ns: *mut bindings::pid_namespace) -> u32 {
        // SAFETY: The task is valid; `ns` is a valid namespace.
        unsafe { bindings::__task_pid_nr_ns(self.as_ptr(), ty, ns) as u32 }
    }

    /// The task's thread id in `ns`, 0 if not visible there.
    pub(crate) fn pid_nr_ns(&self, ns: &PidNamespace) -> u32 {
        self.nr_ns(bindings::pid_type_PIDTYPE_PID, ns.as_ptr())
    }

    /// The task's thread-group id in `ns`, 0 if not visible there.
    pub(crate) fn tgid_nr_ns(&self, ns: &PidNamespace) -> u32 {
        self.nr_ns(bindings::pid_type_PIDTYPE_TGID, ns.as_ptr())
    }

    /// The tgid of the task's parent in `ns` (`task_ppid_nr_ns`).
    fn ppid_nr_ns(&self, ns: *mut bindings::pid_namespace) -> u32 {
        let _rcu = Rcu::read_lock();
        if !self.pid_alive() {
            return 0;
        }
        // SAFETY: `real_parent` is read as `rcu_dereference` does; the parent stays
        // valid under RCU.
        let parent = unsafe { Task::from_raw(read_once(&raw const (*self.as_ptr()).real_parent)) };
        parent.nr_ns(bindings::pid_type_PIDTYPE_TGID, ns)
    }

    /// The task's name (`__get_task_comm`), without the NUL.
    pub(crate) fn comm(&self) -> Comm {
        let mut buf = [0u8; bindings::TASK_COMM_LEN as usize];
        // SAFETY: `buf` has room for `TASK_COMM_LEN` bytes.
        unsafe { bindings::__get_task_comm(buf.as_mut_ptr().cast(), buf.len(), self.as_ptr()) };
        let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Comm { buf, len }
    }

    /// Threads in the task's group (`get_nr_threads`).
    pub(crate) fn nr_threads(&self) -> u32 {
        // SAFETY: The task's `signal` is valid; `nr_threads` is read once.
        unsafe { read_once(&raw const (*self.signal()).nr_threads) as u32 }
    }

    /// The thread ids in `ns` of this thread and the ones after it in its group, up
    /// to `out.len()` of them, read in one RCU section; with how many there are and
    /// the thread after the last one read, counted (`None` past the end of the
    /// group). `Err(())` when this thread has left the group meanwhile (find the
    /// place again with [`Task::nth_thread`]).
    ///
    /// Each comes with the thread's [`Task::start_boottime`].
    pub(crate) fn thread_ids(
        &self,
        ns: &PidNamespace,
        out: &mut [(u32, u64)],
    ) -> core::result::Result<(usize, Option<ARef<Task>>), ()> {
        let rcu = Rcu::read_lock();
        if !self.pid_alive() {
            return Err(());
        }
        let mut n = 0;
        let mut next = Some(self);
        let mut after = self.threads_after(&rcu);
        while let Some(t) = next {
            if n == out.len() {
                break;
            }
            out[n] = (t.pid_nr_ns(ns), t.start_boottime());
            n += 1;
            next = after.next();
        }
        Ok((n, next.map(ARef::from)))
    }

    /// The `n`-th thread of the group this leader leads, in thread-list order.
    pub(crate) fn nth_thread(&self, n: u32) -> Option<ARef<Task>> {
        let rcu = Rcu::read_lock();
        if !self.pid_alive() {
            return None;
        }
        self.threads(&rcu).nth(n as usize).map(ARef::from)
    }

    /// Runs `f` on the calling task.
    pub(crate) fn with_current<R>(f: impl FnOnce(&Task) -> R) -> R {
        // SAFETY: `current` is valid while it runs, which outlasts `f`.
        f(unsafe { Task::from_raw(bindings::get_current()) })
    }

    /// When the task was created, in nanoseconds of boot time (`start_boottime`).
    pub(crate) fn start_boottime(&self) -> u64 {
        // SAFETY: Set at fork, before the task is visible, and never changed.
        unsafe { (*self.as_ptr()).start_boottime }
    }

    /// The task's pid in the initial namespace (`task_pid_nr`).
    pub(crate) fn global_pid(&self) -> i32 {
        // SAFETY: `pid` is set at fork and never changes.
        unsafe { (*self.as_ptr()).pid }
    }

    /// Whether this is the calling task itself.
    pub(crate) fn is_current(&self) -> bool {
        // SAFETY: `current` is valid while it runs.
        self.as_ptr() == unsafe { bindings::get_current() }
    }

    /// Whether the caller belongs to this task's thread group (`same_thread_group`).
    pub(crate) fn is_current_group(&self) -> bool {
        // SAFETY: `current` is valid while it runs; `signal` never changes.
        self.signal() == unsafe { (*bindings::get_current()).signal }
    }
}

/// `get_dumpable(mm)`.
///
/// # Safety
///
/// `mm` must be a valid mm.
unsafe fn get_dumpable(mm: *mut bindings::mm_struct) -> c_int {
    // SAFETY: Per the caller; `flags` changes with atomic bit operations.
    let flags = unsafe { read_once(&raw const (*mm).__bindgen_anon_1.flags) };
    (flags & bindings::MMF_DUMPABLE_MASK as usize) as c_int
}

/// `PAGE_ALIGN`, which wraps to 0 above the last page as C's does.
fn page_align(addr: usize) -> usize {
    addr.wrapping_add(PAGE_SIZE - 1) & PAGE_MASK
}

/// A task's name as `__get_task_comm` copies it: at most `TASK_COMM_LEN - 1` bytes.
pub(crate) struct Comm {
    buf: [u8; bindings::TASK_COMM_LEN as usize],
    len: usize,
}

impl core::ops::Deref for Comm {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}
