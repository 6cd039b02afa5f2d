// SPDX-License-Identifier: GPL-2.0

//! Tasks, pids, address spaces, open files and paths behind safe, reference-counted
//! types: what the per-process directories (pid_base.rs, array.rs, fd.rs) read.
//! The fields are read here, in Rust, under the locks fs/proc takes for them
//! (wrap/lock.rs); shim/task.c only supplies the static inlines that read or lock one
//! thing. What to make of the values is decided here and by the callers.

use super::seq::SeqFile;
use super::{
    cred::{self, Cred, PidNamespace},
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

/// A system call a task is in (`struct syscall_info`), read by
/// [`Task::current_syscall`].
#[derive(Default)]
pub(crate) struct SyscallInfo {
    pub(crate) nr: i64,
    pub(crate) args: [u64; 6],
    pub(crate) sp: u64,
    pub(crate) ip: u64,
}

/// What `stat` shows of a task (`do_task_stat`'s values), read by [`Task::stat`].
#[derive(Default)]
pub(crate) struct TaskStat {
    pub(crate) state: i64,
    pub(crate) ppid: i64,
    pub(crate) pgid: i64,
    pub(crate) sid: i64,
    pub(crate) tty_nr: i64,
    pub(crate) tty_pgrp: i64,
    pub(crate) flags: i64,
    pub(crate) min_flt: i64,
    pub(crate) cmin_flt: i64,
    pub(crate) maj_flt: i64,
    pub(crate) cmaj_flt: i64,
    pub(crate) utime: i64,
    pub(crate) stime: i64,
    pub(crate) cutime: i64,
    pub(crate) cstime: i64,
    pub(crate) priority: i64,
    pub(crate) nice: i64,
    pub(crate) num_threads: i64,
    pub(crate) start_time_ns: i64,
    pub(crate) vsize: i64,
    pub(crate) rss: i64,
    pub(crate) rsslim: i64,
    pub(crate) start_code: i64,
    pub(crate) end_code: i64,
    pub(crate) start_stack: i64,
    pub(crate) sig_pending: i64,
    pub(crate) sig_blocked: i64,
    pub(crate) sig_ignored: i64,
    pub(crate) sig_caught: i64,
    pub(crate) running: i64,
    pub(crate) exit_signal: i64,
    pub(crate) cpu: i64,
    pub(crate) rt_priority: i64,
    pub(crate) policy: i64,
    pub(crate) blkio_delay_ns: i64,
    pub(crate) gtime: i64,
    pub(crate) cgtime: i64,
    pub(crate) start_data: i64,
    pub(crate) end_data: i64,
    pub(crate) start_brk: i64,
    pub(crate) arg_start: i64,
    pub(crate) arg_end: i64,
    pub(crate) env_start: i64,
    pub(crate) env_end: i64,
    pub(crate) exit_code: i64,
    pub(crate) has_mm: i64,
    /// The ptrace read check, made under `exec_update_lock` with the rest.
    pub(crate) permitted: bool,
}

/// What `status` shows of a task (`proc_pid_status`'s values), read by
/// [`Task::status`]; ids are as the reader's user namespace sees them.
#[derive(Default)]
pub(crate) struct TaskStatus {
    pub(crate) umask: i64,
    pub(crate) state: i64,
    pub(crate) tgid: i64,
    pub(crate) ppid: i64,
    pub(crate) tracer_pid: i64,
    pub(crate) uid: [i64; 4],
    pub(crate) gid: [i64; 4],
    pub(crate) fdsize: i64,
    pub(crate) kthread: i64,
    pub(crate) has_mm: i64,
    pub(crate) hiwater_vm: i64,
    pub(crate) total_vm: i64,
    pub(crate) locked_vm: i64,
    pub(crate) pinned_vm: i64,
    pub(crate) hiwater_rss: i64,
    pub(crate) total_rss: i64,
    pub(crate) anon: i64,
    pub(crate) file: i64,
    pub(crate) shmem: i64,
    pub(crate) data_vm: i64,
    pub(crate) stack_vm: i64,
    pub(crate) text_bytes: i64,
    pub(crate) lib_bytes: i64,
    pub(crate) pte_bytes: i64,
    pub(crate) swap: i64,
    /// Pages of hugetlb mappings (`mm->hugetlb_usage`), with `CONFIG_HUGETLB_PAGE`.
    pub(crate) hugetlb: Option<i64>,
    pub(crate) core_dumping: i64,
    pub(crate) thp_enabled: i64,
    pub(crate) untag_mask: i64,
    pub(crate) threads: i64,
    pub(crate) sigq: i64,
    pub(crate) sigq_lim: i64,
    pub(crate) sig_pending: i64,
    pub(crate) sig_shpending: i64,
    pub(crate) sig_blocked: i64,
    pub(crate) sig_ignored: i64,
    pub(crate) sig_caught: i64,
    pub(crate) cap: [i64; 5],
    pub(crate) no_new_privs: i64,
    pub(crate) nvcsw: i64,
    pub(crate) nivcsw: i64,
}

/// Which id the `NS*` lines of `status` show.
#[derive(Clone, Copy)]
pub(crate) enum NsIdKind {
    Tgid,
    Pid,
    Pgrp,
    Session,
}

impl NsIdKind {
    fn pid_type(self) -> bindings::pid_type {
        match self {
            Self::Tgid => bindings::pid_type_PIDTYPE_TGID,
            Self::Pid => bindings::pid_type_PIDTYPE_PID,
            Self::Pgrp => bindings::pid_type_PIDTYPE_PGID,
            Self::Session => bindings::pid_type_PIDTYPE_SID,
        }
    }
}

/// The namespaces of a task that `ns/` names.
#[derive(Clone, Copy)]
pub(crate) enum NsKind {
    Net,
    Uts,
    Ipc,
    Pid,
    PidForChildren,
    User,
    Cgroup,
    #[cfg(CONFIG_TIME_NS)]
    Time,
    #[cfg(CONFIG_TIME_NS)]
    TimeForChildren,
}

/// Which id map of a user namespace (`uid_map`, `gid_map`, `projid_map`).
#[derive(Clone, Copy)]
pub(crate) enum IdMap {
    Uid,
    Gid,
    Projid,
}

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
    pub(super) fn as_ptr(&self) -> *mut bindings::pid {
        self.0.get()
    }

    /// The task of this pid in list `ty` while `rcu` lasts (`pid_task`).
    fn task_rcu<'r>(&self, ty: PidType, _rcu: &'r Rcu) -> Option<&'r Task> {
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

/// The number of thread-group leaders in `ns`. The walk holds the RCU read lock for
/// at most 1,024 pids at a time and may reschedule between batches; no task is
/// referenced.
pub(crate) fn count_tgids(ns: &PidNamespace) -> u32 {
    const BATCH: u32 = 1024;
    let (mut count, mut nr): (u32, c_int) = (0, 1);
    loop {
        {
            let _rcu = Rcu::read_lock();
            let mut left = BATCH;
            while left != 0 {
                left -= 1;
                // SAFETY: The namespace is valid; the pid found stays valid under RCU.
                unsafe {
                    let pid = bindings::find_ge_pid(nr, ns.as_ptr());
                    if pid.is_null() {
                        return count;
                    }
                    if !bindings::pid_task(pid, bindings::pid_type_PIDTYPE_TGID).is_null() {
                        count = count.wrapping_add(1);
                    }
                    nr = bindings::pid_nr_ns(pid, ns.as_ptr()).wrapping_add(1);
                }
            }
        }
        // SAFETY: Process context, no lock held.
        unsafe { bindings::__cond_resched() };
    }
}

/// The processes of the system while an RCU section lasts (`for_each_process`).
struct Processes<'r> {
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

fn processes(_rcu: &Rcu) -> Processes<'_> {
    Processes {
        p: &raw mut bindings::init_task,
        _rcu: PhantomData,
    }
}

/// Threads in the system, those running, and those blocked on I/O (`nr_threads`,
/// `nr_running()`, `nr_iowait()` are not exported): one walk of every thread
/// (`for_each_process_thread`) under RCU.
pub(crate) fn count_threads() -> (u32, u32, u32) {
    let rcu = Rcu::read_lock();
    let (mut n, mut running, mut iowait) = (0, 0, 0);
    for p in processes(&rcu) {
        for t in p.threads(&rcu) {
            n += 1;
            if t.is_running() {
                running += 1;
            } else if t.in_iowait() {
                iowait += 1;
            }
        }
    }
    (n, running, iowait)
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

/// Whether whoever opened the file `m` reads had CAP_SYS_ADMIN over the initial
/// user namespace (`file_ns_capable(m->file, &init_user_ns, CAP_SYS_ADMIN)`).
pub(crate) fn opener_is_admin(m: &SeqFile) -> bool {
    // SAFETY: The seq_file belongs to an open file; `init_user_ns` is static.
    unsafe {
        bindings::file_ns_capable(
            (*m.as_ptr()).file,
            &raw mut bindings::init_user_ns,
            bindings::CAP_SYS_ADMIN as c_int,
        )
    }
}

/// The user namespace of whoever opened the file `m` reads (`seq_user_ns`).
fn seq_user_ns(m: &SeqFile) -> *mut bindings::user_namespace {
    // SAFETY: The seq_file belongs to an open file, whose credentials live as long.
    unsafe { (*(*(*m.as_ptr()).file).f_cred).user_ns }
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
    fn cred<'r>(&self, _rcu: &'r Rcu) -> Cred<'r> {
        // SAFETY: `real_cred` is read as `rcu_dereference` does; the credentials it
        // points to are freed only after a grace period, after `'r`.
        unsafe { Cred::from_raw(read_once(&raw const (*self.as_ptr()).real_cred)) }
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

    /// Whether the task sleeps waiting for I/O (`in_iowait`, a bit field).
    fn in_iowait(&self) -> bool {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_task_in_iowait(self.as_ptr()) }
    }

    /// Whether `PF_KTHREAD` is set.
    fn is_kthread(&self) -> bool {
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

    /// The owner fs/proc gives the task's files of `mode` (`task_dump_owner`): root
    /// for kernel threads; else the task's euid/egid, but root (of the mm's user
    /// namespace) for files other than 0555 directories when the task is not
    /// dumpable or has no mm. Like fs/proc it reads no more than the answer needs:
    /// a directory's owner never looks at the mm. Nothing here sleeps.
    pub(crate) fn dump_owner(&self, mode: u16) -> (u32, u32) {
        self.dump_owner_rcu(mode, &Rcu::read_lock())
    }

    /// [`Task::dump_owner`] inside an RCU section the caller holds.
    fn dump_owner_rcu(&self, mode: u16, rcu: &Rcu) -> (u32, u32) {
        if self.is_kthread() {
            return (GLOBAL_ROOT, GLOBAL_ROOT);
        }
        let c = self.cred(rcu);
        let (euid, egid) = (c.euid(), c.egid());
        if is_pid_dir(mode) {
            return (euid, egid);
        }
        let _lock = self.lock();
        // SAFETY: `mm` is stable under `task_lock`, and its `user_ns` with it.
        unsafe {
            let mm = (*self.as_ptr()).mm;
            if mm.is_null() {
                return (GLOBAL_ROOT, GLOBAL_ROOT);
            }
            if get_dumpable(mm) as u32 == SUID_DUMP_USER {
                return (euid, egid);
            }
            let ns = (*mm).__bindgen_anon_1.user_ns;
            let or_root = |id: u32| if id == INVALID_ID { GLOBAL_ROOT } else { id };
            (
                or_root(bindings::make_kuid(ns, 0).val),
                or_root(bindings::make_kgid(ns, 0).val),
            )
        }
    }

    /// Whether `check` lets the caller at the task, asked with the task under
    /// `task_lock`, as `ptrace_may_access` asks it.
    pub(crate) fn may_access(&self, check: &impl PtraceCheck) -> bool {
        let target = PtraceTarget {
            task: self,
            _lock: self.lock(),
        };
        check.may_access(&target)
    }

    /// `task->signal->oom_score_adj`.
    pub(crate) fn oom_score_adj(&self) -> i32 {
        // SAFETY: The task's `signal` is valid; the value is read once.
        i32::from(unsafe { read_once(&raw const (*self.signal()).oom_score_adj) })
    }

    /// `signal->oom_score_adj_min`.
    pub(crate) fn oom_score_adj_min(&self) -> i32 {
        // SAFETY: The task's `signal` is valid; the value is read once.
        i32::from(unsafe { read_once(&raw const (*self.signal()).oom_score_adj_min) })
    }

    /// Sets `signal->oom_score_adj`, and `oom_score_adj_min` too when `min`. The
    /// caller holds [`lock::MutexGuard::oom_adj`].
    pub(crate) fn set_oom_score_adj(&self, adj: i16, min: bool) {
        let s = self.signal();
        // SAFETY: The task's `signal` is valid; the fields are plain shorts that
        // readers read once.
        unsafe {
            core::ptr::write_volatile(&raw mut (*s).oom_score_adj, adj);
            if min {
                core::ptr::write_volatile(&raw mut (*s).oom_score_adj_min, adj);
            }
        }
    }

    /// The task's mm if other processes share it (`MMF_MULTIPROCESS`) and the task
    /// is no vfork child, held (`__set_oom_adj` with `find_lock_task_mm`).
    pub(crate) fn multiprocess_mm(&self) -> Option<super::mm::MmGrab> {
        // SAFETY: The task is valid; `vfork_done` is read once, as fs/proc does.
        if !unsafe { read_once(&raw const (*self.as_ptr()).vfork_done) }.is_null() {
            return None;
        }
        let rcu = Rcu::read_lock();
        for t in self.threads(&rcu) {
            let _lock = t.lock();
            // SAFETY: `mm` is stable under `task_lock`.
            let mm = NonNull::new(unsafe { (*t.as_ptr()).mm });
            if let Some(mm) = mm {
                // SAFETY: The mm is live while its task holds it under `task_lock`;
                // `flags` changes with atomic bit operations.
                let flags = unsafe { read_once(&raw const (*mm.as_ptr()).__bindgen_anon_1.flags) };
                if flags & (1 << bindings::MMF_MULTIPROCESS) == 0 {
                    return None;
                }
                // SAFETY: As above.
                return Some(unsafe { super::mm::MmGrab::grab(mm) });
            }
        }
        None
    }

    /// Calls `f` on every process outside this one's group, not a kernel thread nor
    /// the global init, that uses `mm` and is no vfork child, each under its
    /// `task_lock` (`__set_oom_adj`'s walk with `process_shares_mm`).
    pub(crate) fn for_each_sharing_mm(&self, mm: &super::mm::MmGrab, mut f: impl FnMut(&Task)) {
        let rcu = Rcu::read_lock();
        for p in processes(&rcu) {
            // SAFETY: A task valid under RCU; `flags` and `signal` are read as
            // fs/proc reads them.
            let (kthread, init) = unsafe {
                (
                    (*p.as_ptr()).flags & bindings::PF_KTHREAD != 0,
                    // `is_global_init`
                    (*p.as_ptr()).tgid == 1,
                )
            };
            if p.signal() == self.signal() || kthread || init {
                continue;
            }
            let _lock = p.lock();
            // SAFETY: `vfork_done` is read under `task_lock`.
            if !unsafe { (*p.as_ptr()).vfork_done }.is_null() {
                continue;
            }
            let shares = p.threads(&rcu).find_map(|t| {
                // SAFETY: `mm` is read once, as `process_shares_mm` does.
                NonNull::new(unsafe { read_once(&raw const (*t.as_ptr()).mm) })
            });
            if shares == Some(mm.as_non_null()) {
                f(p);
            }
        }
    }

    /// Sets the task's name (`__set_task_comm`): up to the first NUL or
    /// `TASK_COMM_LEN - 1` bytes, the rest zeroed, under `task_lock`. (The rename
    /// tracepoint and `perf_event_comm` are not exported: they are not told.)
    pub(crate) fn set_comm(&self, name: &[u8]) {
        const LEN: usize = bindings::TASK_COMM_LEN as usize;
        let len = name
            .iter()
            .position(|&c| c == 0)
            .unwrap_or(name.len())
            .min(LEN - 1);
        let _lock = self.lock();
        // SAFETY: The task is locked; `comm` is an array of `LEN` bytes that
        // lockless readers read byte by byte.
        unsafe {
            let comm = (&raw mut (*self.as_ptr()).comm).cast::<u8>();
            let bytes = Iterator::chain(name[..len].iter().copied(), core::iter::repeat(0));
            for (i, c) in bytes.take(LEN).enumerate() {
                core::ptr::write_volatile(comm.add(i), c);
            }
        }
    }

    /// Sets `timer_slack_ns` as `timerslack_ns_write` does under `task_lock`: 0 for
    /// real-time tasks, the default for 0.
    pub(crate) fn set_timer_slack_ns(&self, ns: u64) {
        let _lock = self.lock();
        let p = self.as_ptr();
        // SAFETY: The task is valid and locked.
        unsafe {
            (*p).timer_slack_ns = if shim::procfs2_rt_or_dl_task_policy(p) {
                0
            } else if ns == 0 {
                (*p).default_timer_slack_ns
            } else {
                ns
            };
        }
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

    /// What `stat` shows of the task, seen from `ns`; the whole group's counters
    /// when `whole` (`do_task_stat`). Fails only if a fatal signal interrupts the
    /// wait for `exec_update_lock`.
    pub(crate) fn stat(
        &self,
        ns: &PidNamespace,
        whole: bool,
        check: &impl PtraceCheck,
    ) -> Result<TaskStat> {
        let _exec = self.exec_update_read()?;
        let (t, sig, ns) = (self.as_ptr(), self.signal(), ns.as_ptr());
        let mut st = TaskStat {
            permitted: self.may_access(check),
            pgid: -1,
            sid: -1,
            tty_pgrp: -1,
            ..Default::default()
        };
        // SAFETY: The task and its `signal` are valid; the fields are read under the
        // locks fs/proc reads them under (the guards below), or once, as it does.
        unsafe {
            st.state = i64::from(shim::procfs2_task_state_index(t));
            st.exit_code = i64::from((*t).exit_code);
            if let Some(mm) = self.mm() {
                let m = &(*mm.as_ptr()).__bindgen_anon_1;
                st.has_mm = 1;
                st.vsize = PAGE_SIZE.wrapping_mul(m.total_vm) as i64;
                st.rss = shim::procfs2_mm_rss(mm.as_ptr()) as i64;
                st.start_code = m.start_code as i64;
                st.end_code = m.end_code as i64;
                st.start_stack = m.start_stack as i64;
                st.start_data = m.start_data as i64;
                st.end_data = m.end_data as i64;
                st.start_brk = m.start_brk as i64;
                st.arg_start = m.arg_start as i64;
                st.arg_end = m.arg_end as i64;
                st.env_start = m.env_start as i64;
                st.env_end = m.env_end as i64;
            }
            if let Some(sighand) = self.lock_sighand() {
                let tty = (*sig).tty;
                if !tty.is_null() {
                    let pgrp = shim::tty_get_pgrp(tty);
                    st.tty_pgrp = i64::from(bindings::pid_nr_ns(pgrp, ns));
                    bindings::put_pid(pgrp);
                    st.tty_nr = i64::from(shim::procfs2_tty_nr(tty));
                }
                st.num_threads = i64::from(self.nr_threads());
                let (ign, caught) = sighand.ignored_caught();
                st.sig_ignored = ign as i64;
                st.sig_caught = caught as i64;
                st.rsslim =
                    read_once(&raw const (*sig).rlim[bindings::RLIMIT_RSS as usize].rlim_cur)
                        as i64;
                let exiting = bindings::SIGNAL_GROUP_EXIT | bindings::SIGNAL_STOP_STOPPED;
                if whole && (*sig).flags & exiting != 0 {
                    st.exit_code = i64::from((*sig).group_exit_code);
                }
                st.sid = i64::from(self.nr_ns(bindings::pid_type_PIDTYPE_SID, ns));
                st.ppid = i64::from(self.ppid_nr_ns(ns));
                st.pgid = i64::from(self.nr_ns(bindings::pid_type_PIDTYPE_PGID, ns));
            }
            st.running = i64::from(self.is_running());
            lock::seqlock_read(&raw mut (*sig).stats_lock, || {
                st.cmin_flt = (*sig).cmin_flt as i64;
                st.cmaj_flt = (*sig).cmaj_flt as i64;
                st.cutime = (*sig).cutime as i64;
                st.cstime = (*sig).cstime as i64;
                st.cgtime = (*sig).cgtime as i64;
                if whole {
                    let (mut min, mut maj, mut gtime) =
                        ((*sig).min_flt, (*sig).maj_flt, (*sig).gtime);
                    let rcu = Rcu::read_lock();
                    for th in self.threads(&rcu) {
                        min = min.wrapping_add((*th.as_ptr()).min_flt);
                        maj = maj.wrapping_add((*th.as_ptr()).maj_flt);
                        gtime = gtime.wrapping_add(shim::procfs2_task_gtime(th.as_ptr()));
                    }
                    (st.min_flt, st.maj_flt, st.gtime) = (min as i64, maj as i64, gtime as i64);
                }
            });
            if whole {
                // `thread_group_cputime_adjusted` is not exported: the exited threads'
                // times plus each live thread's `task_cputime_adjusted`.
                let mut ut = read_once(&raw const (*sig).utime);
                let mut stime = read_once(&raw const (*sig).stime);
                let rcu = Rcu::read_lock();
                for th in self.threads(&rcu) {
                    let (tu, ts) = th.cputime_adjusted();
                    ut = ut.wrapping_add(tu);
                    stime = stime.wrapping_add(ts);
                }
                (st.utime, st.stime) = (ut as i64, stime as i64);
            } else {
                let (ut, stime) = self.cputime_adjusted();
                (st.utime, st.stime) = (ut as i64, stime as i64);
                st.min_flt = (*t).min_flt as i64;
                st.maj_flt = (*t).maj_flt as i64;
                st.gtime = shim::procfs2_task_gtime(t) as i64;
            }
            st.flags = i64::from((*t).flags);
            st.priority = i64::from((*t).prio) - i64::from(bindings::MAX_RT_PRIO);
            st.nice = i64::from((*t).static_prio) - 120;
            // In the reader's time namespace (`timens_add_boottime_ns`).
            st.start_time_ns = shim::procfs2_timens_add_boottime_ns((*t).start_boottime) as i64;
            st.sig_pending = (*t).pending.signal.sig[0] as i64;
            st.sig_blocked = (*t).blocked.sig[0] as i64;
            st.exit_signal = i64::from((*t).exit_signal);
            st.cpu = i64::from(shim::procfs2_task_cpu(t));
            st.rt_priority = i64::from((*t).rt_priority);
            st.policy = i64::from((*t).policy);
            let delays = (*t).delays;
            if !delays.is_null() {
                st.blkio_delay_ns = shim::procfs2_delays_blkio(delays) as i64;
            }
        }
        Ok(st)
    }

    /// User and system time, adjusted (`task_cputime_adjusted`).
    fn cputime_adjusted(&self) -> (u64, u64) {
        let (mut ut, mut st) = (0, 0);
        // SAFETY: The task is valid; the outputs are valid locations.
        unsafe { shim::task_cputime_adjusted(self.as_ptr(), &mut ut, &mut st) };
        (ut, st)
    }

    /// What `status` shows of the task, seen from `ns` by the opener of `m`
    /// (`task_state`, `task_mem`, `task_sig`, `task_cap`, ...). The speculation lines
    /// need `arch_prctl_spec_ctrl_get`, which is not exported.
    pub(crate) fn status(&self, m: &SeqFile, ns: &PidNamespace) -> TaskStatus {
        let user_ns = seq_user_ns(m);
        let (t, ns) = (self.as_ptr(), ns.as_ptr());
        let mut st = TaskStatus {
            umask: -1,
            ..Default::default()
        };
        // SAFETY: The task and its `signal` are valid; the fields are read under the
        // locks fs/proc reads them under (the guards below), or once, as it does.
        unsafe {
            {
                let rcu = Rcu::read_lock();
                st.ppid = i64::from(self.ppid_nr_ns(ns));
                if (*t).ptrace != 0 {
                    let tracer = Task::from_raw(read_once(&raw const (*t).parent));
                    st.tracer_pid = i64::from(tracer.nr_ns(bindings::pid_type_PIDTYPE_PID, ns));
                }
                st.tgid = i64::from(self.nr_ns(bindings::pid_type_PIDTYPE_TGID, ns));
                let c = self.cred(&rcu);
                for (i, val) in [c.uid(), c.euid(), c.suid(), c.fsuid()]
                    .into_iter()
                    .enumerate()
                {
                    let id = bindings::kuid_t { val };
                    st.uid[i] = i64::from(bindings::from_kuid_munged(user_ns, id));
                }
                for (i, val) in [c.gid(), c.egid(), c.sgid(), c.fsgid()]
                    .into_iter()
                    .enumerate()
                {
                    let id = bindings::kgid_t { val };
                    st.gid[i] = i64::from(bindings::from_kgid_munged(user_ns, id));
                }
                let [inheritable, bset, ambient] = c.cap_other();
                let caps = [
                    inheritable,
                    c.cap_permitted(),
                    c.cap_effective(),
                    bset,
                    ambient,
                ];
                for (i, cap) in caps.into_iter().enumerate() {
                    st.cap[i] = cap as i64;
                }
                let _lock = self.lock();
                let fs = (*t).fs;
                if !fs.is_null() {
                    st.umask = i64::from(shim::procfs2_fs_umask(fs));
                }
                let files = (*t).files;
                if !files.is_null() {
                    st.fdsize = i64::from(shim::procfs2_files_max_fds(files));
                }
            }
            st.state = i64::from(shim::procfs2_task_state_index(t));
            st.kthread = i64::from(self.is_kthread());
            if let Some(mm) = self.mm() {
                let p = mm.as_ptr();
                let m = &(*p).__bindgen_anon_1;
                let counter = |c| shim::procfs2_mm_counter_sum(p, c as c_int);
                let anon = counter(bindings::MM_ANONPAGES);
                let file = counter(bindings::MM_FILEPAGES);
                let shmem = counter(bindings::MM_SHMEMPAGES);
                let rss = anon.wrapping_add(file).wrapping_add(shmem);
                st.has_mm = 1;
                st.total_vm = m.total_vm as i64;
                st.hiwater_vm = m.total_vm.max(m.hiwater_vm) as i64;
                st.total_rss = rss as i64;
                st.hiwater_rss = rss.max(m.hiwater_rss) as i64;
                st.anon = anon as i64;
                st.file = file as i64;
                st.shmem = shmem as i64;
                st.locked_vm = m.locked_vm as i64;
                st.pinned_vm = shim::procfs2_mm_pinned_vm(p);
                st.data_vm = m.data_vm as i64;
                st.stack_vm = m.stack_vm as i64;
                let exec = m.exec_vm << bindings::PAGE_SHIFT;
                // `unsigned long` in C: a bogus code range (an ELF without an executable
                // segment leaves `start_code` at ~0 and `end_code` at 0) wraps there.
                let text = page_align(m.end_code)
                    .wrapping_sub(m.start_code & PAGE_MASK)
                    .min(exec);
                st.text_bytes = text as i64;
                st.lib_bytes = exec.wrapping_sub(text) as i64;
                st.pte_bytes = shim::procfs2_mm_pgtables_bytes(p) as i64;
                st.swap = counter(bindings::MM_SWAPENTS) as i64;
                #[cfg(CONFIG_HUGETLB_PAGE)]
                {
                    st.hugetlb = Some(shim::procfs2_mm_hugetlb_usage(p) as i64);
                }
                st.core_dumping = i64::from(!(*self.signal()).core_state.is_null());
                st.thp_enabled = i64::from(shim::procfs2_mm_thp_enabled(p));
                st.untag_mask = shim::procfs2_mm_untag_mask(p) as i64;
            }
            if let Some(sighand) = self.lock_sighand() {
                let sig = self.signal();
                st.sig_pending = (*t).pending.signal.sig[0] as i64;
                st.sig_shpending = (*sig).shared_pending.signal.sig[0] as i64;
                st.sig_blocked = (*t).blocked.sig[0] as i64;
                let (ign, caught) = sighand.ignored_caught();
                st.sig_ignored = ign as i64;
                st.sig_caught = caught as i64;
                st.threads = i64::from(self.nr_threads());
                {
                    let rcu = Rcu::read_lock();
                    st.sigq = shim::procfs2_ucounts_sigpending(self.cred(&rcu).ucounts()) as i64;
                }
                st.sigq_lim = read_once(
                    &raw const (*sig).rlim[bindings::RLIMIT_SIGPENDING as usize].rlim_cur,
                ) as i64;
            }
            let atomic_flags = read_once(&raw const (*t).atomic_flags);
            st.no_new_privs = i64::from(atomic_flags & (1 << bindings::PFA_NO_NEW_PRIVS) != 0);
            st.nvcsw = (*t).nvcsw as i64;
            st.nivcsw = (*t).nivcsw as i64;
        }
        st
    }

    /// Calls `f` with the supplementary groups, as the opener of `m` sees them. Up to
    /// 32 are mapped into a buffer on the stack; more need an allocation.
    pub(crate) fn with_groups(&self, m: &SeqFile, f: impl FnOnce(&[u32])) -> Result {
        const ON_STACK: usize = 32;
        let user_ns = seq_user_ns(m);
        // SAFETY: The task is valid; `get_task_cred` returns a counted reference,
        // given back by `CredRef`'s drop.
        let cred = CredRef(unsafe { bindings::get_task_cred(self.as_ptr()) });
        // SAFETY: A counted `cred` keeps its `group_info`, whose `gid` has `ngroups`
        // entries.
        let gids = unsafe {
            let gi = (*cred.0).group_info;
            core::slice::from_raw_parts((*gi).gid.as_ptr(), (*gi).ngroups as usize)
        };
        // SAFETY: `user_ns` is the opener's, valid while the file is open.
        let map = |g: &bindings::kgid_t| unsafe { bindings::from_kgid_munged(user_ns, *g) };
        if gids.len() <= ON_STACK {
            let mut small = [0u32; ON_STACK];
            for (d, g) in small.iter_mut().zip(gids) {
                *d = map(g);
            }
            f(&small[..gids.len()]);
        } else {
            let mut v = KVec::with_capacity(gids.len(), GFP_KERNEL)?;
            for g in gids {
                v.push(map(g), GFP_KERNEL)?;
            }
            f(&v);
        }
        Ok(())
    }

    /// The task's ids of `kind` in `ns` and each namespace below it down to the
    /// level of `pid` (the `NS*` lines).
    pub(crate) fn ns_ids(
        &self,
        pid: &Pid,
        ns: &PidNamespace,
        kind: NsIdKind,
    ) -> ([u32; MAX_PID_NS_LEVEL], usize) {
        let mut buf = [0u32; MAX_PID_NS_LEVEL];
        let p = pid.as_ptr();
        // SAFETY: Both valid; a pid has `level + 1` numbers, each naming the
        // namespace it is seen from.
        let (from, to) = unsafe {
            (
                shim::procfs2_pid_ns_level(ns.as_ptr()) as usize,
                (*p).level as usize,
            )
        };
        let mut n = 0;
        for level in from..=to {
            if n == buf.len() {
                break;
            }
            // SAFETY: `level` is at most the pid's own (see above).
            let in_ns = unsafe { (*(*p).numbers.as_ptr().add(level)).ns };
            buf[n] = self.nr_ns(kind.pid_type(), in_ns);
            n += 1;
        }
        (buf, n)
    }

    /// The inode number of the task's namespace of `kind`, as the namespace's
    /// `get` operation finds it: `None` when there is none (an exited task; a
    /// `pid_for_children` namespace without its first process yet).
    pub(crate) fn ns_inum(&self, kind: NsKind) -> Option<u32> {
        let p = self.as_ptr();
        match kind {
            NsKind::Pid => {
                let _rcu = Rcu::read_lock();
                // SAFETY: The task is valid; its pid's namespace lives while the pid
                // does, under RCU.
                unsafe {
                    let ns = shim::task_active_pid_ns(p);
                    (!ns.is_null()).then(|| shim::procfs2_pid_ns_inum(ns))
                }
            }
            NsKind::User => {
                let rcu = Rcu::read_lock();
                // SAFETY: The credentials pin their user namespace.
                Some(unsafe { (*self.cred(&rcu).user_ns_ptr()).ns.inum })
            }
            _ => {
                let _lock = self.lock();
                // SAFETY: `nsproxy` and the namespaces it holds are stable under
                // `task_lock`.
                unsafe {
                    let nsp = (*p).nsproxy.as_ref()?;
                    Some(match kind {
                        NsKind::Net => shim::procfs2_net_inum(nsp.net_ns.as_mut()?),
                        NsKind::Uts => shim::procfs2_uts_ns_inum(nsp.uts_ns.as_mut()?),
                        NsKind::Ipc => shim::procfs2_ipc_ns_inum(nsp.ipc_ns.as_mut()?),
                        NsKind::PidForChildren => {
                            let ns = nsp.pid_ns_for_children.as_mut()?;
                            shim::procfs2_pid_ns_child_reaper(ns).as_ref()?;
                            shim::procfs2_pid_ns_inum(ns)
                        }
                        NsKind::Cgroup => nsp.cgroup_ns.as_ref()?.ns.inum,
                        #[cfg(CONFIG_TIME_NS)]
                        NsKind::Time => shim::procfs2_time_ns_inum(nsp.time_ns.as_mut()?),
                        #[cfg(CONFIG_TIME_NS)]
                        NsKind::TimeForChildren => {
                            shim::procfs2_time_ns_inum(nsp.time_ns_for_children.as_mut()?)
                        }
                        NsKind::Pid | NsKind::User => return None,
                    })
                }
            }
        }
    }

    /// Calls `f(first, lower, count)` for each extent of the id map `which` of the
    /// task's user namespace (`uid_m_show` and its twins): `lower` as the namespace
    /// of the opener of `m` sees it, or its parent where that is the map's own. The
    /// namespace is the task's now (fs/proc takes it at open).
    pub(crate) fn id_map(&self, m: &SeqFile, which: IdMap, mut f: impl FnMut(u32, u32, u32)) {
        let rcu = Rcu::read_lock();
        let ns = self.cred(&rcu).user_ns_ptr();
        // SAFETY: The credentials pin their namespace under RCU, and the opener's
        // credentials theirs; a map's extents are written once, before
        // `nr_extents` (read first, then a read barrier, as `m_start` does).
        unsafe {
            let mut lower_ns = seq_user_ns(m);
            if lower_ns == ns && !(*lower_ns).parent.is_null() {
                lower_ns = (*lower_ns).parent;
            }
            let map = match which {
                IdMap::Uid => &raw const (*ns).uid_map,
                IdMap::Gid => &raw const (*ns).gid_map,
                IdMap::Projid => &raw const (*ns).projid_map,
            };
            let base = &raw const (*map).__bindgen_anon_1.__bindgen_anon_1;
            let n = read_once(&raw const (*base).nr_extents);
            core::sync::atomic::fence(core::sync::atomic::Ordering::Acquire);
            let extents: *const bindings::uid_gid_extent =
                if n <= bindings::UID_GID_MAP_MAX_BASE_EXTENTS {
                    (*base).extent.as_ptr()
                } else {
                    (*map).__bindgen_anon_1.__bindgen_anon_2.forward
                };
            for i in 0..n as usize {
                let e = *extents.add(i);
                let lower = match which {
                    IdMap::Uid => {
                        bindings::from_kuid(lower_ns, bindings::kuid_t { val: e.lower_first })
                    }
                    IdMap::Gid => {
                        bindings::from_kgid(lower_ns, bindings::kgid_t { val: e.lower_first })
                    }
                    IdMap::Projid => {
                        bindings::from_kprojid(lower_ns, bindings::kprojid_t { val: e.lower_first })
                    }
                };
                f(e.first, lower, e.count);
            }
        }
    }

    /// Whether the task's user namespace allows `setgroups` (`proc_setgroups_show`).
    pub(crate) fn setgroups_allowed(&self) -> bool {
        let rcu = Rcu::read_lock();
        // SAFETY: The credentials pin their namespace under RCU; `flags` is read once.
        let flags = unsafe { read_once(&raw const (*self.cred(&rcu).user_ns_ptr()).flags) };
        flags & bindings::USERNS_SETGROUPS_ALLOWED as c_ulong != 0
    }

    /// Whether the caller has `cap` over the task's user namespace (`ns_capable`).
    pub(crate) fn user_ns_capable(&self, cap: u32) -> bool {
        let rcu = Rcu::read_lock();
        // SAFETY: The credentials pin their namespace under RCU.
        unsafe { bindings::ns_capable(self.cred(&rcu).user_ns_ptr(), cap as c_int) }
    }

    /// The path of the task's cgroup on the default hierarchy as the caller's cgroup
    /// namespace sees it (`cgroup_path_ns`), written into `buf`, and whether that
    /// cgroup was removed; `ENAMETOOLONG` if it does not fit.
    pub(crate) fn dfl_cgroup_path(&self, buf: &mut [u8]) -> Result<(usize, bool)> {
        let css = {
            let _rcu = Rcu::read_lock();
            // SAFETY: `task_css_set`: the task's css_set and its default cgroup are
            // valid under RCU; `css_tryget` counts the cgroup if it still lives.
            unsafe {
                let cset = read_once(&raw const (*self.as_ptr()).cgroups);
                let css = &raw mut (*(*cset).dfl_cgrp).self_;
                if !shim::procfs2_css_tryget(css) {
                    return Err(ENOENT);
                }
                css
            }
        };
        // SAFETY: The cgroup is counted; the caller's nsproxy is stable for the
        // caller; `cgroup_path_ns` writes at most `buf.len()` bytes, NUL included.
        let (r, flags) = unsafe {
            let ns = (*(*bindings::get_current()).nsproxy).cgroup_ns;
            let r = bindings::cgroup_path_ns(
                css.cast::<bindings::cgroup>(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                ns,
            );
            let flags = read_once(&raw const (*css).flags);
            shim::procfs2_css_put(css);
            (r, flags)
        };
        let len = usize::try_from(r).map_err(|_| {
            if r == -(bindings::E2BIG as c_int) {
                Error::from_errno(-(bindings::ENAMETOOLONG as c_int))
            } else {
                Error::from_errno(r)
            }
        })?;
        Ok((len, flags & bindings::CSS_ONLINE == 0))
    }

    /// Milliseconds since the task last used AVX-512 (`avx512_status`): -1 if never,
    /// `None` where the CPU has no AVX-512.
    pub(crate) fn avx512_elapsed_ms(&self) -> Option<i64> {
        // SAFETY: A CPU feature test; the task is valid and its timestamp a word.
        let (has, timestamp) = unsafe {
            (
                shim::procfs2_has_avx512f(),
                shim::procfs2_task_avx512_timestamp(self.as_ptr()),
            )
        };
        if !has {
            return None;
        }
        if timestamp == 0 {
            return Some(-1);
        }
        let mut delta = super::sync::jiffies().wrapping_sub(timestamp as u64) as i64;
        if delta < 0 {
            delta = i64::MAX;
        }
        // SAFETY: A pure conversion.
        Some(i64::from(unsafe {
            bindings::jiffies_to_msecs(delta as c_ulong)
        }))
    }

    /// The monotonic and boot-time offsets (seconds, nanoseconds) of the time
    /// namespace the task's children get (`proc_timens_show_offsets`); `None`
    /// without one.
    #[cfg(CONFIG_TIME_NS)]
    pub(crate) fn timens_offsets(&self) -> Option<[(i64, i64); 2]> {
        let _lock = self.lock();
        // SAFETY: `nsproxy` and its namespaces are stable under `task_lock`.
        unsafe {
            let nsp = (*self.as_ptr()).nsproxy.as_ref()?;
            let ns = nsp.time_ns_for_children.as_mut()?;
            let offsets = &*shim::procfs2_time_ns_offsets(ns);
            let (mono, boot) = (offsets.monotonic, offsets.boottime);
            Some([
                (mono.tv_sec, mono.tv_nsec as i64),
                (boot.tv_sec, boot.tv_nsec as i64),
            ])
        }
    }

    /// Calls `f` with the pid number in `ns` of each child process of this thread
    /// (`real_parent`), in the order processes were created. fs/proc walks the
    /// thread's `children` list under `tasklist_lock`, which is not exported (and
    /// the list is not RCU-safe): this walks every process under RCU instead, so a
    /// child reparented to this thread comes at its place in creation order, not
    /// at the end.
    pub(crate) fn for_each_child(&self, ns: &PidNamespace, mut f: impl FnMut(u32)) {
        let rcu = Rcu::read_lock();
        for p in processes(&rcu) {
            // SAFETY: A task valid under RCU; `real_parent` is read once, as an
            // RCU reader does.
            if unsafe { read_once(&raw const (*p.as_ptr()).real_parent) } == self.as_ptr() {
                f(p.pid_nr_ns(ns));
            }
        }
    }

    /// The task's login uid as the opener of `m` sees it (`audit_get_loginuid`).
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn loginuid(&self, m: &SeqFile) -> u32 {
        // SAFETY: The task is valid; the opener's namespace lives with the file.
        unsafe { shim::procfs2_audit_loginuid(self.as_ptr(), seq_user_ns(m)) }
    }

    /// The task's audit session id (`audit_get_sessionid`).
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn sessionid(&self) -> u32 {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_audit_sessionid(self.as_ptr()) }
    }

    /// The CPUs the task may run on, as a mask (`%*pb`) or a list (`%*pbl`), in `buf`.
    pub(crate) fn cpus_allowed<'b>(&self, list: bool, buf: &'b mut [u8]) -> &'b [u8] {
        if list {
            self.print_mask(buf, shim::procfs2_task_cpus_list)
        } else {
            self.print_mask(buf, shim::procfs2_task_cpus_mask)
        }
    }

    /// Runs one of shim/task.c's `scnprintf` one-liners that print a mask of the task
    /// (`%*pb` or `%*pbl`) into `buf`, and returns what it wrote.
    fn print_mask<'b>(
        &self,
        buf: &'b mut [u8],
        print: unsafe extern "C" fn(*mut bindings::task_struct, *mut c_char, c_int) -> c_int,
    ) -> &'b [u8] {
        let size = c_int::try_from(buf.len()).unwrap_or(c_int::MAX);
        // SAFETY: The task is valid and `buf` is writable for `size` bytes; the
        // masks are read unlocked, as fs/proc reads them; `scnprintf` returns what
        // it wrote.
        let n = unsafe { print(self.as_ptr(), buf.as_mut_ptr().cast::<c_char>(), size) };
        &buf[..usize::try_from(n).unwrap_or(0)]
    }

    /// The memory nodes the task may allocate from (`task->mems_allowed`), as a mask
    /// or a list, in `buf`; `None` without `CONFIG_CPUSETS` (no such lines).
    pub(crate) fn mems_allowed<'b>(&self, list: bool, buf: &'b mut [u8]) -> Option<&'b [u8]> {
        #[cfg(CONFIG_CPUSETS)]
        {
            Some(if list {
                self.print_mask(buf, shim::procfs2_task_mems_list)
            } else {
                self.print_mask(buf, shim::procfs2_task_mems_mask)
            })
        }
        #[cfg(not(CONFIG_CPUSETS))]
        {
            let _ = (list, buf);
            None
        }
    }

    /// `task->seccomp.mode` and the filter count (`CONFIG_SECCOMP`,
    /// `CONFIG_SECCOMP_FILTER`), as `task_seccomp` shows them.
    pub(crate) fn seccomp(&self) -> (Option<u64>, Option<u64>) {
        #[cfg(CONFIG_SECCOMP)]
        // SAFETY: The task is valid; the mode is an int read once.
        let mode = Some(unsafe { shim::procfs2_task_seccomp_mode(self.as_ptr()) } as u64);
        #[cfg(not(CONFIG_SECCOMP))]
        let mode = None;
        #[cfg(CONFIG_SECCOMP_FILTER)]
        // SAFETY: The task is valid; the count is an atomic.
        let filters = Some(unsafe { shim::procfs2_task_seccomp_filters(self.as_ptr()) } as u64);
        #[cfg(not(CONFIG_SECCOMP_FILTER))]
        let filters = None;
        (mode, filters)
    }

    /// The thread's user shadow stack features and the locked ones
    /// (`thread.features`, `thread.features_locked`), with
    /// `CONFIG_X86_USER_SHADOW_STACK`.
    pub(crate) fn x86_thread_features(&self) -> Option<(u64, u64)> {
        #[cfg(CONFIG_X86_USER_SHADOW_STACK)]
        // SAFETY: The task is valid; both are words read once, as fs/proc reads them.
        return Some(unsafe {
            (
                shim::procfs2_task_x86_features(self.as_ptr()) as u64,
                shim::procfs2_task_x86_features_locked(self.as_ptr()) as u64,
            )
        });
        #[cfg(not(CONFIG_X86_USER_SHADOW_STACK))]
        None
    }

    /// The resource limits (`task->signal->rlim`), copied under the signal lock as
    /// `proc_pid_limits` does; `None` once the task is being released.
    pub(crate) fn rlimits(&self) -> Option<[bindings::rlimit; bindings::RLIM_NLIMITS as usize]> {
        let _sighand = self.lock_sighand()?;
        // SAFETY: The limits are guarded by the signal lock, which is held.
        Some(unsafe { (*self.signal()).rlim })
    }

    /// The I/O counters of `io`, the group's when `whole`: rchar, wchar, syscr,
    /// syscw, read_bytes, write_bytes, cancelled_write_bytes (`do_io_accounting`,
    /// for callers that passed its check: [`ReadAccess`]).
    fn io(&self, whole: bool) -> [u64; 7] {
        let sig = self.signal();
        // SAFETY: The task and its `signal` are valid; the group's counters are read
        // under the stats seqlock with the threads under RCU, as fs/proc does.
        let acct = unsafe {
            if whole {
                lock::seqlock_read(&raw mut (*sig).stats_lock, || {
                    let mut acct = (*sig).ioac;
                    let rcu = Rcu::read_lock();
                    for th in self.threads(&rcu) {
                        io_add(&mut acct, &(*th.as_ptr()).ioac);
                    }
                    acct
                })
            } else {
                (*self.as_ptr()).ioac
            }
        };
        [
            acct.rchar,
            acct.wchar,
            acct.syscr,
            acct.syscw,
            acct.read_bytes,
            acct.write_bytes,
            acct.cancelled_write_bytes,
        ]
    }

    /// `oom_badness()` (not exported) and the page total it scales by; `None` for
    /// tasks the OOM killer never picks (init, kernel threads, no thread with an mm,
    /// OOM-skipped or in vfork, `OOM_SCORE_ADJ_MIN`): the pages of one thread with
    /// an mm (`find_lock_task_mm`: rss, swap entries, page tables) plus its
    /// `oom_score_adj` in thousandths of the total.
    pub(crate) fn oom_badness(&self) -> (Option<i64>, u64) {
        const OOM_SCORE_ADJ_MIN: i64 = -1000;
        // SAFETY: Reads a global counter.
        let total = unsafe { shim::procfs2_totalram_pages() } as u64;
        // SAFETY: The task is valid; `tgid` is set at fork.
        let init = unsafe { (*self.as_ptr()).tgid } == 1;
        if init || self.is_kthread() {
            return (None, total);
        }
        let rcu = Rcu::read_lock();
        let Some((t, _lock)) = self.threads(&rcu).find_map(|t| {
            let lock = t.lock();
            // SAFETY: `mm` is stable under `task_lock`.
            (!unsafe { (*t.as_ptr()).mm }.is_null()).then_some((t, lock))
        }) else {
            return (None, total);
        };
        // SAFETY: `t` is locked with an mm, which stays while the lock is held.
        unsafe {
            let mm = (*t.as_ptr()).mm;
            let adj = i64::from(read_once(&raw const (*t.signal()).oom_score_adj));
            let flags = read_once(&raw const (*mm).__bindgen_anon_1.flags);
            if flags & (1 << bindings::MMF_OOM_SKIP) != 0
                || shim::procfs2_in_vfork(t.as_ptr())
                || adj == OOM_SCORE_ADJ_MIN
            {
                return (None, total);
            }
            // As C computes: the page sum in `unsigned long`, stored in a `long`;
            // `adj *= totalpages / 1000` converts `adj` to `unsigned long` (wraps);
            // `points += adj` on `long` is bounded by memory (wrapping, as the kernel's
            // -fno-strict-overflow would, gives the same number).
            let points = shim::procfs2_mm_rss(mm)
                .wrapping_add(shim::procfs2_mm_counter(mm, bindings::MM_SWAPENTS as c_int))
                .wrapping_add(shim::procfs2_mm_pgtables_bytes(mm) / PAGE_SIZE)
                as i64;
            let adj = (adj as u64).wrapping_mul(total / 1000) as i64;
            (Some(points.wrapping_add(adj)), total)
        }
    }

    /// Run time (ns), run-queue wait (ns) and timeslices, if `sched_info` is on.
    pub(crate) fn schedstat(&self) -> Option<[u64; 3]> {
        // SAFETY: Reads a static key.
        if !unsafe { shim::procfs2_sched_info_on() } {
            return None;
        }
        let t = self.as_ptr();
        // SAFETY: The task is valid; plain counters read unlocked, as fs/proc does.
        unsafe {
            Some([
                (*t).se.sum_exec_runtime,
                (*t).sched_info.run_delay,
                (*t).sched_info.pcount as u64,
            ])
        }
    }

    /// `task->personality`, read under `exec_update_lock` (`lock_trace`).
    pub(crate) fn personality(&self, check: &impl PtraceCheck) -> Result<u32> {
        let _exec = self.lock_trace(check)?;
        // SAFETY: The task is valid; exec, which changes it, is held off.
        Ok(unsafe { (*self.as_ptr()).personality })
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

    /// Whether the caller has CAP_SYS_NICE in the task's user namespace.
    pub(crate) fn nice_capable(&self) -> bool {
        let rcu = Rcu::read_lock();
        let ns = self.cred(&rcu).user_ns_ptr();
        // SAFETY: The namespace is valid under RCU, with the credentials naming it.
        unsafe { bindings::ns_capable(ns, bindings::CAP_SYS_NICE as c_int) }
    }

    /// `task->timer_slack_ns`, under `task_lock`.
    pub(crate) fn timer_slack_ns(&self) -> u64 {
        let _lock = self.lock();
        // SAFETY: The task is valid and locked.
        unsafe { (*self.as_ptr()).timer_slack_ns }
    }

    /// Appends the task's kernel stack to `m`, one `[<0>] symbol+off/len` line per
    /// frame, under `lock_trace` (`EPERM` for callers that may not trace the task).
    pub(crate) fn show_stack(&self, m: &SeqFile, check: &impl PtraceCheck) -> Result {
        const MAX_STACK_TRACE_DEPTH: usize = 64;
        let mut entries = KVec::from_elem(0usize, MAX_STACK_TRACE_DEPTH, GFP_KERNEL)?;
        let _exec = self.lock_trace(check)?;
        // SAFETY: The task is valid; `entries` has room for the depth asked for.
        let n = unsafe {
            bindings::stack_trace_save_tsk(
                self.as_ptr(),
                entries.as_mut_ptr(),
                MAX_STACK_TRACE_DEPTH as u32,
                0,
            )
        };
        for &e in entries.iter().take(n as usize) {
            // SAFETY: A NUL-terminated format taking one pointer, and that pointer
            // (`%pB` prints a kernel text address symbolically).
            unsafe {
                bindings::seq_printf(m.as_ptr(), c"[<0>] %pB\n".as_ptr().cast(), e as *mut c_void)
            };
        }
        Ok(())
    }

    /// Where the task sleeps (`get_wchan`): the first return address of its kernel
    /// stack outside the scheduler, read under `pi_lock` so that a blocked task
    /// stays blocked; 0 for the caller itself and for tasks that are running or on
    /// a run queue. (`stack_trace_save_tsk` skips the scheduler's functions as
    /// x86's `__get_wchan` does.)
    pub(crate) fn wchan(&self) -> usize {
        if self.is_current() {
            return 0;
        }
        let p = self.as_ptr();
        // SAFETY: `pi_lock` is part of the task, valid while `self` is.
        let _pi = unsafe { RawSpinIrqGuard::lock(&raw mut (*p).pi_lock) };
        // SAFETY: The task is valid; `__state` and `on_rq` are read as `get_wchan`
        // reads them, under `pi_lock`.
        let (state, on_rq) = unsafe { (read_once(&raw const (*p).__state), (*p).on_rq) };
        if state == bindings::TASK_RUNNING || state == bindings::TASK_WAKING || on_rq != 0 {
            return 0;
        }
        let mut entry = 0usize;
        // SAFETY: The task is valid and cannot wake while `pi_lock` is held; one
        // entry of room.
        let n = unsafe { bindings::stack_trace_save_tsk(p, &mut entry, 1, 0) };
        if n == 1 {
            entry
        } else {
            0
        }
    }

    /// The ptrace read check made under `exec_update_lock` held for reading, as
    /// fs/proc makes it for the links (`call_proc_get_link`), `ns/`
    /// (`proc_ns_get_link`), `wchan` and `io`: `EINTR` if killed while waiting,
    /// `None` when the caller may not read the task. What is read through the
    /// result belongs to the credentials checked: an `execve` (a setuid one) cannot
    /// swap the mm, files or credentials in between.
    pub(crate) fn read_access(&self, check: &impl PtraceCheck) -> Result<Option<ReadAccess<'_>>> {
        let exec = self.exec_update_read()?;
        Ok(self.may_access(check).then(|| ReadAccess {
            task: self,
            _exec: exec,
        }))
    }

    /// `lock_trace`: `exec_update_lock` for reading (`EINTR` if killed while
    /// waiting), and the ptrace check (`EPERM`), held while the caller reads.
    pub(crate) fn lock_trace(&self, check: &impl PtraceCheck) -> Result<ExecUpdate<'_>> {
        let exec = self.exec_update_read()?;
        if !self.may_access(check) {
            return Err(EPERM);
        }
        Ok(exec)
    }

    /// The system call the task is blocked in (`task_current_syscall`), or `None`
    /// when it is running. fs/proc waits for a task that is just going to sleep to
    /// be off its CPU (`wait_task_inactive`, not exported); this reads a task that
    /// is asleep and off its CPU, and counts it as running if it moved meanwhile
    /// (state, CPU, run queue or context switch count changed).
    pub(crate) fn current_syscall(&self) -> Option<SyscallInfo> {
        if self.is_current() {
            // SAFETY: The caller's own stack holds its registers while it runs.
            return Some(unsafe { self.collect_syscall() });
        }
        let p = self.as_ptr();
        // SAFETY: The task is valid; the fields are read as the scheduler's
        // lockless readers read them.
        let snapshot = || unsafe {
            (
                read_once(&raw const (*p).__state),
                read_once(&raw const (*p).on_cpu),
                read_once(&raw const (*p).on_rq),
                read_once(&raw const (*p).nvcsw),
            )
        };
        let before = snapshot();
        if before.0 == bindings::TASK_RUNNING || before.1 != 0 || before.2 != 0 {
            return None;
        }
        let info = {
            let _rcu = Rcu::read_lock();
            // SAFETY: A task's stack is freed after an RCU grace period
            // (`thread_stack_delayed_free`), so it stays readable in this section.
            unsafe { self.collect_syscall() }
        };
        (snapshot() == before).then_some(info)
    }

    /// `collect_syscall`: the registers saved at the top of the task's stack.
    ///
    /// # Safety
    ///
    /// The task's stack must stay allocated for the call: the caller is the task,
    /// or holds an RCU read lock.
    unsafe fn collect_syscall(&self) -> SyscallInfo {
        let p = self.as_ptr();
        // SAFETY: The task is valid; `stack` is NULL once released.
        let stack = unsafe { read_once(&raw const (*p).stack) };
        if stack.is_null() {
            return SyscallInfo {
                nr: -1,
                ..SyscallInfo::default()
            };
        }
        // The task may be running and changing its registers while they are read:
        // copy them word by word with single loads (`READ_ONCE`), and let the helpers
        // read the copy. `current_syscall` throws the result away if the task ran.
        const WORDS: usize = size_of::<bindings::pt_regs>() / size_of::<usize>();
        const _: () = assert!(size_of::<bindings::pt_regs>() % size_of::<usize>() == 0);
        // SAFETY: All-zero is a valid `pt_regs` (integers only).
        let mut copy: bindings::pt_regs = unsafe { core::mem::zeroed() };
        // SAFETY: `task_pt_regs`: the registers are at this offset of an allocated
        // stack (per the caller), `WORDS` aligned words; the copy is ours.
        unsafe {
            let src = stack
                .byte_add(shim::procfs2_pt_regs_offset())
                .cast::<usize>();
            let dst = (&raw mut copy).cast::<usize>();
            for i in 0..WORDS {
                *dst.add(i) = core::ptr::read_volatile(src.add(i));
            }
        }
        let regs = &raw mut copy;
        // SAFETY: The helpers read the copy, and the task's flags (valid task).
        unsafe {
            let mut info = SyscallInfo {
                nr: shim::procfs2_syscall_get_nr(p, regs) as i64,
                args: [0; 6],
                sp: (*regs).sp as u64,
                ip: (*regs).ip as u64,
            };
            if info.nr != -1 {
                let mut args = [0usize; 6];
                shim::procfs2_syscall_get_arguments(p, regs, args.as_mut_ptr());
                info.args = args.map(|a| a as u64);
            }
            info
        }
    }

    /// The open file with the lowest fd at or above `fd`, with that fd
    /// (`task_lookup_next_fdget_rcu`).
    pub(crate) fn next_fd(&self, fd: u32) -> Option<(u32, FileRef)> {
        let mut n = fd;
        let f = {
            let _rcu = Rcu::read_lock();
            // SAFETY: The task is valid; a non-NULL result carries a file reference.
            unsafe { shim::task_lookup_next_fdget_rcu(self.as_ptr(), &mut n) }
        };
        Some((n, FileRef(NonNull::new(f)?)))
    }

    /// The file open at exactly `fd`.
    pub(crate) fn fd_file(&self, fd: u32) -> Option<FileRef> {
        self.next_fd(fd).filter(|(n, _)| *n == fd).map(|(_, f)| f)
    }

    /// How many fds are open (`proc_readfd_count`); `None` without a file table.
    pub(crate) fn fd_count(&self) -> Option<u64> {
        let _lock = self.lock();
        // SAFETY: `files` is stable under `task_lock`.
        let files = unsafe { (*self.as_ptr()).files };
        if files.is_null() {
            return None;
        }
        let _rcu = Rcu::read_lock();
        // SAFETY: A live file table, its fd table read under RCU.
        Some(unsafe { shim::procfs2_files_open_count(files) } as u64)
    }

    /// The file open at `fd` and its flags, `O_CLOEXEC` included.
    pub(crate) fn fd_flags(&self, fd: u32) -> Option<(FileRef, u32)> {
        let _lock = self.lock();
        // SAFETY: `files` is stable under `task_lock`.
        let files = unsafe { (*self.as_ptr()).files };
        if files.is_null() {
            return None;
        }
        // SAFETY: A live file table; its `file_lock` guards the lookup and the
        // close-on-exec bit; the file found is counted before the lock goes.
        unsafe {
            let _files = SpinGuard::lock(shim::procfs2_files_file_lock(files));
            let f = shim::procfs2_files_lookup_fd_locked(files, fd);
            if f.is_null() {
                return None;
            }
            let mut flags = (*f).f_flags;
            if shim::procfs2_close_on_exec(fd, files) {
                flags |= bindings::O_CLOEXEC;
            }
            shim::procfs2_get_file(f);
            Some((FileRef(NonNull::new_unchecked(f)), flags))
        }
    }

    /// `mm_access(task, mode)`: the task's mm, taken and checked under
    /// `exec_update_lock`; `ESRCH` without one, `EACCES` unless it is the caller's
    /// own or `check` (made for the mode: read for `environ`, `auxv`, `maps`,
    /// attach for `mem`) lets the caller at the task.
    pub(crate) fn mm_access(&self, check: &impl PtraceCheck) -> Result<Mm<'_>> {
        let _exec = self.exec_update_read()?;
        let mm = self.mm().ok_or(ESRCH)?;
        if !mm.is_current() && !self.may_access(check) {
            return Err(EACCES);
        }
        Ok(mm)
    }

    /// The task's address space, counted (`get_task_mm`); `None` for kernel threads
    /// and exited tasks.
    pub(crate) fn mm(&self) -> Option<Mm<'_>> {
        // SAFETY: The task is valid; the result carries an mm_users reference.
        let mm = NonNull::new(unsafe { bindings::get_task_mm(self.as_ptr()) })?;
        Some(Mm {
            mm,
            _task: PhantomData,
        })
    }

    /// The task's working directory (`root` false) or root, counted
    /// (`get_fs_pwd`, `get_fs_root`).
    pub(crate) fn fs_path(&self, root: bool) -> Option<Path> {
        let _lock = self.lock();
        // SAFETY: `fs` is stable under `task_lock`.
        let fs = unsafe { (*self.as_ptr()).fs };
        if fs.is_null() {
            return None;
        }
        // SAFETY: All-zero is an empty `struct path`, filled and counted below.
        let mut p: bindings::path = unsafe { core::mem::zeroed() };
        // SAFETY: A live `fs_struct`; the helpers count the path they copy.
        unsafe {
            if root {
                shim::procfs2_get_fs_root(fs, &mut p);
            } else {
                shim::procfs2_get_fs_pwd(fs, &mut p);
            }
        }
        Some(Path(p))
    }
}

/// `arg_start`, `arg_end`, `env_start`, `env_end` of `mm`, under its `arg_lock`.
///
/// # Safety
///
/// `mm` must be a valid mm struct (held by `mm_users` or `mm_count`).
pub(super) unsafe fn arg_area(mm: *mut bindings::mm_struct) -> [usize; 4] {
    // SAFETY: Per the caller; the `arg_lock` guards the four fields.
    unsafe {
        let m = &raw mut (*mm).__bindgen_anon_1;
        let _lock = SpinGuard::lock(&raw mut (*m).arg_lock);
        [(*m).arg_start, (*m).arg_end, (*m).env_start, (*m).env_end]
    }
}

/// `saved_auxv` of `mm` up to and including the `AT_NULL` pair, as the words of the
/// returned array before the returned count.
///
/// # Safety
///
/// `mm` must be a valid mm struct (held by `mm_users` or `mm_count`).
pub(super) unsafe fn saved_auxv(
    mm: *mut bindings::mm_struct,
) -> ([usize; bindings::AT_VECTOR_SIZE as usize], usize) {
    // SAFETY: Per the caller; `saved_auxv` is written once, at exec.
    let v = unsafe { (*mm).__bindgen_anon_1.saved_auxv };
    let mut n = 0;
    loop {
        n += 2;
        if n >= v.len() || v[n - 2] == 0 {
            break;
        }
    }
    (v, n.min(v.len()))
}

/// `task_io_accounting_add`.
fn io_add(dst: &mut bindings::task_io_accounting, src: &bindings::task_io_accounting) {
    // `u64` counters that C adds with wrap-around.
    dst.rchar = dst.rchar.wrapping_add(src.rchar);
    dst.wchar = dst.wchar.wrapping_add(src.wchar);
    dst.syscr = dst.syscr.wrapping_add(src.syscr);
    dst.syscw = dst.syscw.wrapping_add(src.syscw);
    dst.read_bytes = dst.read_bytes.wrapping_add(src.read_bytes);
    dst.write_bytes = dst.write_bytes.wrapping_add(src.write_bytes);
    dst.cancelled_write_bytes = dst
        .cancelled_write_bytes
        .wrapping_add(src.cancelled_write_bytes);
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

/// Whether `mode` is that of a per-process directory (0555), whose owner
/// `task_dump_owner` takes from the credentials alone.
fn is_pid_dir(mode: u16) -> bool {
    u32::from(mode) == bindings::S_IFDIR | 0o555
}

/// Counted credentials (`get_task_cred`), dropped with `put_cred`.
struct CredRef(*const bindings::cred);

impl Drop for CredRef {
    fn drop(&mut self) {
        // SAFETY: We own the reference `get_task_cred` took.
        unsafe { shim::procfs2_put_cred(self.0) };
    }
}

/// A counted open file, dropped with `fput`.
pub(crate) struct FileRef(NonNull<bindings::file>);

impl FileRef {
    fn as_ptr(&self) -> *mut bindings::file {
        self.0.as_ptr()
    }

    /// `f_mode` (`FMODE_*`).
    pub(crate) fn mode(&self) -> u32 {
        // SAFETY: The file is counted; `f_mode` is a plain word.
        unsafe { (*self.as_ptr()).f_mode }
    }

    /// `f_pos`.
    pub(crate) fn pos(&self) -> i64 {
        // SAFETY: The file is counted; `f_pos` is read unlocked, as fs/proc does.
        unsafe { (*self.as_ptr()).f_pos }
    }

    /// The number of the file's inode.
    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: The file is counted and pins its inode.
        unsafe { (*(*self.as_ptr()).f_inode).i_ino as u64 }
    }

    /// The id of the mount the file was opened on.
    pub(crate) fn mnt_id(&self) -> i32 {
        // SAFETY: The file is counted and pins its mount.
        unsafe { shim::procfs2_file_mnt_id(self.as_ptr()) }
    }

    /// The file's path, counted.
    pub(crate) fn path(&self) -> Path {
        // SAFETY: An open file's `f_path` is valid; `path_get` counts our copy.
        unsafe {
            let p = (*self.as_ptr()).f_path;
            bindings::path_get(&p);
            Path(p)
        }
    }

    /// Appends what the file's own `show_fdinfo` says, if it has one.
    pub(crate) fn show_fdinfo(&self, m: &SeqFile) {
        // SAFETY: The file is counted, and its operations with it; `m` is the
        // seq_file being filled, which is what `show_fdinfo` takes.
        unsafe {
            if let Some(show) = (*(*self.as_ptr()).f_op).show_fdinfo {
                show(m.as_ptr(), self.as_ptr());
            }
        }
    }
}

impl Drop for FileRef {
    fn drop(&mut self) {
        // SAFETY: We own one reference.
        unsafe { bindings::fput(self.as_ptr()) };
    }
}

/// A counted reference on a task's address space, dropped with `mmput`.
pub(crate) struct Mm<'a> {
    mm: NonNull<bindings::mm_struct>,
    /// Taken from this task, which outlives it.
    _task: PhantomData<&'a Task>,
}

impl Mm<'_> {
    fn as_ptr(&self) -> *mut bindings::mm_struct {
        self.mm.as_ptr()
    }

    /// The core dump filter bits (`(mm->flags & MMF_DUMP_FILTER_MASK) >>
    /// MMF_DUMP_FILTER_SHIFT`).
    #[cfg(CONFIG_ELF_CORE)]
    pub(crate) fn coredump_filter(&self) -> u32 {
        // SAFETY: The mm is counted; `flags` changes with atomic bit operations.
        let flags = unsafe { read_once(&raw const (*self.as_ptr()).__bindgen_anon_1.flags) };
        ((flags >> bindings::MMF_DUMP_FILTER_SHIFT) & ((1 << bindings::MMF_DUMP_FILTER_BITS) - 1))
            as u32
    }

    /// Sets the core dump filter bits to `val`'s low `MMF_DUMP_FILTER_BITS`, bit by
    /// bit with atomic operations (`set_bit`/`clear_bit`), as
    /// `proc_coredump_filter_write` does.
    #[cfg(CONFIG_ELF_CORE)]
    pub(crate) fn set_coredump_filter(&self, val: u32) {
        // SAFETY: The mm is counted; its `flags` word is changed only atomically.
        let flags = unsafe {
            core::sync::atomic::AtomicUsize::from_ptr(
                &raw mut (*self.as_ptr()).__bindgen_anon_1.flags,
            )
        };
        for i in 0..bindings::MMF_DUMP_FILTER_BITS {
            let bit = 1usize << (i + bindings::MMF_DUMP_FILTER_SHIFT);
            if val & (1 << i) != 0 {
                flags.fetch_or(bit, core::sync::atomic::Ordering::SeqCst);
            } else {
                flags.fetch_and(!bit, core::sync::atomic::Ordering::SeqCst);
            }
        }
    }

    /// Whether this is the caller's own address space (`mm == current->mm`).
    pub(crate) fn is_current(&self) -> bool {
        // SAFETY: `current` is valid while it runs; its `mm` is only read.
        self.as_ptr() == unsafe { (*bindings::get_current()).mm }
    }

    /// `arg_start`, `arg_end`, `env_start`, `env_end`, under `arg_lock`.
    pub(crate) fn arg_area(&self) -> [usize; 4] {
        // SAFETY: The mm is counted.
        unsafe { arg_area(self.as_ptr()) }
    }

    /// `task_statm`: size, resident, shared, text and data, in pages.
    pub(crate) fn statm(&self) -> [usize; 5] {
        let p = self.as_ptr();
        // SAFETY: The mm is counted; the counters are read as fs/proc reads them.
        unsafe {
            let m = &(*p).__bindgen_anon_1;
            let sum = |c| shim::procfs2_mm_counter_sum(p, c as c_int);
            // All `unsigned long` in C, which wraps: `start_code` is ~0 and
            // `end_code` 0 in an ELF without an executable segment.
            let shared = sum(bindings::MM_FILEPAGES).wrapping_add(sum(bindings::MM_SHMEMPAGES));
            let text = page_align(m.end_code).wrapping_sub(m.start_code & PAGE_MASK)
                >> bindings::PAGE_SHIFT;
            [
                m.total_vm,
                shared.wrapping_add(sum(bindings::MM_ANONPAGES)),
                shared,
                text,
                m.data_vm.wrapping_add(m.stack_vm),
            ]
        }
    }

    /// Copies `buf.len()` bytes of this address space at `addr` into `buf`
    /// (`access_remote_vm(mm, ..., FOLL_ANON)`, as fs/proc's cmdline and environ
    /// readers); returns how many were read.
    pub(crate) fn read(&self, addr: usize, buf: &mut [u8]) -> usize {
        // SAFETY: This reference holds `mm_users`.
        unsafe { super::mm::access_remote_vm(self.as_ptr(), addr, buf, bindings::FOLL_ANON) }
    }

    /// Locks the address space for reading (`mmap_read_lock_killable`; `EINTR`).
    pub(crate) fn read_lock(&self) -> Result<super::mm::MmapRead<'_>> {
        // SAFETY: This reference holds `mm_users` while the guard borrows it.
        unsafe { super::mm::MmapRead::lock(self.mm) }
    }

    /// Holds the address space beyond this reference without pinning its memory
    /// (`mmgrab`), as an open file of fs/proc does (`proc_mem_open`).
    pub(crate) fn grab(&self) -> super::mm::MmGrab {
        // SAFETY: The mm is counted for the call.
        unsafe { super::mm::MmGrab::grab(self.mm) }
    }

    /// The executable's path (`get_mm_exe_file`), counted.
    pub(crate) fn exe_path(&self) -> Option<Path> {
        let f = {
            let _rcu = Rcu::read_lock();
            // SAFETY: The mm is counted; `exe_file` is read and counted under RCU.
            NonNull::new(unsafe {
                shim::procfs2_get_file_rcu(&raw mut (*self.as_ptr()).__bindgen_anon_1.exe_file)
            })?
        };
        Some(FileRef(f).path())
    }
}

/// A task whose ptrace read check passed while its `exec_update_lock` is held for
/// reading, held until this is dropped ([`Task::read_access`]).
///
/// # Invariants
///
/// `task` passed a [`PtraceCheck`] after `_exec` was taken.
pub(crate) struct ReadAccess<'a> {
    task: &'a Task,
    _exec: ExecUpdate<'a>,
}

impl<'a> ReadAccess<'a> {
    /// The task checked. Its `exec_update_lock` is held: what this is passed to must
    /// not take it again (a reader's second `down_read` waits behind a writer).
    pub(crate) fn task(&self) -> &'a Task {
        self.task
    }

    /// The I/O counters of `io` (`do_io_accounting`), the group's when `whole`.
    pub(crate) fn io(&self, whole: bool) -> [u64; 7] {
        self.task.io(whole)
    }
}

/// A decision whether the caller may get at a task, as `ptrace_may_access` makes
/// it (ptrace.rs makes them). Any answer is safe: it only decides what is shown.
pub(crate) trait PtraceCheck {
    /// Whether the caller may get at `target`.
    fn may_access(&self, target: &PtraceTarget<'_>) -> bool;
}

/// A task under `task_lock`, as `ptrace_may_access` holds it while it decides: its
/// `mm` can neither change (exec) nor go (exit) meanwhile. What the decision reads
/// of the task.
pub(crate) struct PtraceTarget<'a> {
    task: &'a Task,
    _lock: SpinGuard<'a>,
}

impl PtraceTarget<'_> {
    /// Whether the caller belongs to the task's thread group (`same_thread_group`).
    pub(crate) fn same_thread_group(&self) -> bool {
        self.task.is_current_group()
    }

    /// Calls `f` with the task's credentials (`__task_cred`, under RCU).
    pub(crate) fn with_cred<R>(&self, f: impl FnOnce(&cred::Cred<'_>) -> R) -> R {
        let _rcu = Rcu::read_lock();
        // SAFETY: `real_cred` is read as `rcu_dereference` does; the credentials it
        // points to are freed only after a grace period, and `f` runs under RCU.
        let c =
            unsafe { cred::Cred::from_raw(read_once(&raw const (*self.task.as_ptr()).real_cred)) };
        f(&c)
    }

    /// The task's mm (`task->mm`), stable under the lock; `None` for a kernel
    /// thread or a task past `exit_mm`.
    pub(crate) fn mm(&self) -> Option<LockedMm<'_>> {
        // SAFETY: `mm` is stable under `task_lock`, which `self` holds; a task
        // holds an mm_users reference on it while it is set.
        let mm = NonNull::new(unsafe { (*self.task.as_ptr()).mm })?;
        // INVARIANT: As above: the mm lives while the lock is held.
        Some(LockedMm(mm, PhantomData))
    }

    /// The dumpability `exit_mm` saved (`task->user_dumpable`), written under the
    /// lock `self` holds.
    pub(crate) fn user_dumpable(&self) -> bool {
        // SAFETY: The task is valid; the bit is written under `task_lock`.
        unsafe { bindings::task_struct::user_dumpable_raw(self.task.as_ptr()) != 0 }
    }

    /// Whether the task has not been released (`pid_alive`: `thread_pid` is set).
    pub(crate) fn pid_alive(&self) -> bool {
        // SAFETY: The task is valid; the pointer is read once, as `pid_alive` does.
        !unsafe { read_once(&raw const (*self.task.as_ptr()).thread_pid) }.is_null()
    }

    /// Whether the task descends from the caller's process (Yama's
    /// `task_is_descendant(current, task)`): the chain of its group leaders'
    /// `real_parent`, under RCU, reaches the caller's group leader before pid 0.
    pub(crate) fn descends_from_current(&self) -> bool {
        let _rcu = Rcu::read_lock();
        // SAFETY: `current` is valid while it runs; `group_leader` and
        // `real_parent` are read once, as `rcu_dereference` does, and the tasks
        // they name stay valid under RCU; the chain ends at the idle task (pid 0).
        unsafe {
            let me = read_once(&raw const (*bindings::get_current()).group_leader);
            let mut walker = self.task.as_ptr();
            while (*walker).pid > 0 {
                walker = read_once(&raw const (*walker).group_leader);
                if walker == me {
                    return true;
                }
                walker = read_once(&raw const (*walker).real_parent);
            }
        }
        false
    }
}

/// An mm read under its task's `task_lock` ([`PtraceTarget::mm`]), through its
/// pointer (other CPUs change its counters and flags: no Rust reference is made).
///
/// # Invariants
///
/// `self.0` is the locked task's mm, live for `'a`.
pub(crate) struct LockedMm<'a>(NonNull<bindings::mm_struct>, PhantomData<&'a ()>);

impl LockedMm<'_> {
    /// `get_dumpable(mm)`: `SUID_DUMP_DISABLE`, `SUID_DUMP_USER` or `SUID_DUMP_ROOT`.
    pub(crate) fn dumpable(&self) -> u32 {
        // SAFETY: The mm is live (type invariant); `get_dumpable` reads its flags
        // once.
        unsafe { get_dumpable(self.0.as_ptr()) as u32 }
    }

    /// The user namespace the mm was made in (`mm->user_ns`), which it keeps alive.
    pub(crate) fn user_ns(&self) -> cred::UserNs<'_> {
        // SAFETY: The mm is live (type invariant); `user_ns` is set at creation and
        // never changes.
        let ns = unsafe { (*self.0.as_ptr()).__bindgen_anon_1.user_ns };
        // SAFETY: An mm holds a reference on its `user_ns` while it lives.
        unsafe { cred::UserNs::from_raw(ns) }.unwrap_or_else(cred::UserNs::init)
    }
}

impl Drop for Mm<'_> {
    fn drop(&mut self) {
        // SAFETY: We own one mm_users reference.
        unsafe { bindings::mmput(self.as_ptr()) };
    }
}

/// A counted `struct path`, dropped with `path_put`.
pub(crate) struct Path(bindings::path);

// SAFETY: `path_put` may be called from any thread.
unsafe impl Send for Path {}

impl Path {
    /// A counted copy of `*p` (`path_get`).
    ///
    /// # Safety
    ///
    /// `p` must be a valid path.
    pub(super) unsafe fn get(p: *const bindings::path) -> Self {
        // SAFETY: Per the caller; `path_get` counts our copy.
        unsafe {
            bindings::path_get(p);
            Path(*p)
        }
    }

    /// Writes the path as text (`d_path`) into `buf` and returns where in `buf` it
    /// is; `ENAMETOOLONG` if it does not fit.
    pub(crate) fn d_path(&self, buf: &mut [u8]) -> Result<core::ops::Range<usize>> {
        let len = c_int::try_from(buf.len()).map_err(|_| EINVAL)?;
        // SAFETY: The path is counted; `buf` is writable for `len` bytes, and `d_path`
        // returns a pointer into it or an error pointer.
        let p = unsafe { bindings::d_path(&self.0, buf.as_mut_ptr().cast::<c_char>(), len) };
        let p = kernel::error::from_err_ptr(p)?;
        let start = (p as usize) - (buf.as_ptr() as usize);
        // `d_path` writes the name at the end of the buffer, NUL-terminated.
        Ok(start..buf.len() - 1)
    }
}

impl Drop for Path {
    fn drop(&mut self) {
        // SAFETY: We own the references taken for this path.
        unsafe { bindings::path_put(&self.0) };
    }
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
