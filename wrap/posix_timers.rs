// SPDX-License-Identifier: GPL-2.0

//! A process's POSIX timers, walked as fs/proc/base.c's `timers` file walks them
//! (`proc_timers_seq_ops`): the task is looked up at each `start`, and its signal
//! handlers stay locked from `start` to `stop`, so that a read walks the list once,
//! from its position, and costs what it reads however many timers the process made.
//! (Shown as one record, a read of a few bytes cost a buffer the size of every
//! timer's text and a walk over all of them with interrupts off, each time.)

use super::seq::SeqFile;
use super::{inode::Inode, lock::Sighand, ops::FileOps, shim};
use core::{mem::offset_of, ptr::null_mut};
use kernel::{
    bindings,
    error::from_result,
    ffi::{c_int, c_ulong, c_void},
    prelude::*,
};

/// A POSIX timer of a process, as `show_timer` prints it.
pub(crate) struct PosixTimer {
    pub(crate) id: i32,
    pub(crate) signo: i32,
    pub(crate) sival_ptr: usize,
    pub(crate) notify: i32,
    /// The number of the pid notified, in the mount's pid namespace.
    pub(crate) pid_nr: i32,
    pub(crate) clock: i32,
}

/// What the `timers` file writes for each timer.
pub(crate) trait TimersShow: 'static {
    /// Writes one timer.
    fn show(m: &SeqFile, timer: &PosixTimer) -> Result;
}

/// The seq_file's private data (`struct timers_private`).
///
/// # Invariants
///
/// `pid` and `ns` are the inode's pid and its superblock's pid namespace, both
/// pinned by the open file. Between `start` and `stop`, `task` is NULL or a counted
/// task, and `sighand` NULL or that task's handlers, locked by this thread with the
/// interrupt state `flags`.
#[repr(C)]
struct TimersPrivate {
    pid: *mut bindings::pid,
    ns: *mut bindings::pid_namespace,
    task: *mut bindings::task_struct,
    sighand: *mut bindings::sighand_struct,
    flags: c_ulong,
}

/// The `file_operations` of a `timers` file showing its timers with `T`
/// (`proc_timers_operations`).
const fn fops<T: TimersShow>() -> bindings::file_operations {
    // SAFETY: All-zero is a valid table: null pointers, no callbacks.
    let mut t: bindings::file_operations = unsafe { core::mem::zeroed() };
    t.open = Some(open::<T>);
    t.read_iter = Some(bindings::seq_read_iter);
    t.llseek = Some(bindings::seq_lseek);
    t.release = Some(bindings::seq_release_private);
    t
}

impl FileOps {
    /// The table of a per-process `timers` file, whose timers `T` shows.
    pub(crate) const fn timers<T: TimersShow>() -> Self {
        // SAFETY: `open` opens the seq_file the other callbacks read and release.
        unsafe { FileOps::from_raw(fops::<T>()) }
    }
}

struct Table<T>(core::marker::PhantomData<T>);

impl<T: TimersShow> Table<T> {
    const OPS: bindings::seq_operations = bindings::seq_operations {
        start: Some(start),
        next: Some(next),
        stop: Some(stop),
        show: Some(show::<T>),
    };
}

/// # Safety
///
/// `file_operations.open` of a per-process `timers` inode (`proc_timers_open`).
unsafe extern "C" fn open<T: TimersShow>(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened.
    let inode = unsafe { Inode::from_raw(inode) };
    from_result(|| {
        let pid = inode.pid().ok_or(ENOENT)?.as_ptr();
        let ns = inode.super_block().pid_ns().ok_or(EINVAL)?.as_ptr();
        let size = core::mem::size_of::<TimersPrivate>() as c_int;
        // SAFETY: `file` is being opened; the table is static; the private data
        // comes back zeroed, or NULL.
        let tp = unsafe { bindings::__seq_open_private(file, &Table::<T>::OPS, size) };
        let tp = tp.cast::<TimersPrivate>();
        if tp.is_null() {
            return Err(ENOMEM);
        }
        // SAFETY: Just allocated, ours until release.
        // INVARIANT: The open file pins its inode, which pins both.
        unsafe {
            (*tp).pid = pid;
            (*tp).ns = ns;
        }
        Ok(0)
    })
}

/// # Safety
///
/// `m` is a seq_file opened by [`open`], during one of its callbacks.
unsafe fn private<'a>(m: *mut bindings::seq_file) -> &'a mut TimersPrivate {
    // SAFETY: `open` made the private data a `TimersPrivate`; the seq_file's mutex
    // serializes the callbacks.
    unsafe { &mut *(*m).private.cast::<TimersPrivate>() }
}

/// The list of the locked task's timers.
///
/// # Safety
///
/// Between a successful `start` and `stop`.
unsafe fn timers(tp: &TimersPrivate) -> *mut bindings::hlist_head {
    // SAFETY: The task is counted and its handlers locked, which guards the list.
    unsafe { &raw mut (*(*tp.task).signal).posix_timers }
}

/// # Safety
///
/// `seq_operations.start` of a seq_file opened by [`open`] (`timers_start`).
unsafe extern "C" fn start(m: *mut bindings::seq_file, pos: *mut bindings::loff_t) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    let tp = unsafe { private(m) };
    // SAFETY: The pid is pinned (type invariant); the result is counted or NULL.
    tp.task = unsafe { bindings::get_pid_task(tp.pid, bindings::pid_type_PIDTYPE_PID) };
    if tp.task.is_null() {
        return ESRCH.to_ptr();
    }
    // SAFETY: The task is counted until `stop`, which unlocks first.
    let Some(guard) = (unsafe { Sighand::lock(tp.task) }) else {
        return ESRCH.to_ptr();
    };
    // INVARIANT: Locked here, unlocked by `stop`.
    (tp.sighand, tp.flags) = guard.into_raw();
    // SAFETY: Locked above; `seq_hlist_start` walks to the position.
    unsafe { bindings::seq_hlist_start(timers(tp), *pos).cast() }
}

/// # Safety
///
/// `seq_operations.next` of a seq_file opened by [`open`] (`timers_next`).
unsafe extern "C" fn next(
    m: *mut bindings::seq_file,
    v: *mut c_void,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file, a node `start` or `next` gave,
    // and the position, all under the lock `start` took.
    unsafe { bindings::seq_hlist_next(v, timers(private(m)), pos).cast() }
}

/// # Safety
///
/// `seq_operations.stop` of a seq_file opened by [`open`] (`timers_stop`).
unsafe extern "C" fn stop(m: *mut bindings::seq_file, _v: *mut c_void) {
    // SAFETY: The seq_file core passes our seq_file.
    let tp = unsafe { private(m) };
    if !tp.sighand.is_null() {
        // SAFETY: `start` locked these handlers with these flags (type invariant).
        unsafe { Sighand::unlock_raw(tp.sighand, tp.flags) };
        tp.sighand = null_mut();
    }
    if !tp.task.is_null() {
        // SAFETY: `start` counted the task (type invariant).
        unsafe { bindings::put_task_struct(tp.task) };
        tp.task = null_mut();
    }
}

/// # Safety
///
/// `seq_operations.show` of a seq_file opened by [`open`] (`show_timer`).
unsafe extern "C" fn show<T: TimersShow>(m: *mut bindings::seq_file, v: *mut c_void) -> c_int {
    // SAFETY: `v` is the `list` node of a timer of the list locked since `start`;
    // the lock guards the timer's fields, and its pid and queued signal live as
    // long as it does.
    let timer = unsafe {
        let tp = private(m);
        let t = v
            .byte_sub(offset_of!(bindings::k_itimer, list))
            .cast::<bindings::k_itimer>();
        PosixTimer {
            id: (*t).it_id,
            signo: shim::procfs2_itimer_signo(t),
            sival_ptr: shim::procfs2_itimer_sival_ptr(t) as usize,
            notify: (*t).it_sigev_notify,
            pid_nr: bindings::pid_nr_ns((*t).__bindgen_anon_1.it_pid, tp.ns),
            clock: (*t).it_clock,
        }
    };
    // SAFETY: The seq_file core passes its valid seq_file.
    let seq = unsafe { SeqFile::from_raw(m) };
    from_result(|| T::show(seq, &timer).map(|()| 0))
}
