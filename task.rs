// SPDX-License-Identifier: GPL-2.0

//! Tasks, pids, address spaces and paths behind safe, reference-counted types: what
//! the per-process directories (pid_base.rs, array.rs) read. The field reads that need
//! a task's locks are in shim.c; what to make of them is decided here and by callers.

use crate::{seq::SeqFile, vfs::PidNamespace};
use core::ptr::NonNull;
use kernel::{
    bindings,
    ffi::{c_char, c_int, c_ulong},
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// do_task_stat()'s inputs, read by `procfs2_task_stat` (shim.h mirrors the layout).
#[repr(C)]
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
}

const _: () = assert!(core::mem::size_of::<TaskStat>() == 46 * 8);

/// proc_pid_status()'s inputs, read by `procfs2_task_status` (shim.h mirrors the
/// layout); ids are as the reader's user namespace sees them.
#[repr(C)]
#[derive(Default)]
pub(crate) struct TaskStatus {
    pub(crate) umask: i64,
    pub(crate) state: i64,
    pub(crate) tgid: i64,
    pub(crate) ngid: i64,
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

const _: () = assert!(core::mem::size_of::<TaskStatus>() == 51 * 8);

/// Which id the `NS*` lines of `status` show.
#[derive(Clone, Copy)]
pub(crate) enum NsIdKind {
    Tgid = 0,
    Pid = 1,
    Pgrp = 2,
    Session = 3,
}

/// `MAX_PID_NS_LEVEL`: the most namespaces a pid can be seen from.
const MAX_PID_NS_LEVEL: usize = 32;

mod shim {
    use super::{OwnerFacts, TaskStat, TaskStatus};
    use kernel::{
        bindings,
        ffi::{c_char, c_int, c_ulong},
    };

    #[expect(
        improper_ctypes,
        reason = "pointers only; the pointee structs embed an empty sched_statistics"
    )]
    extern "C" {
        pub(super) fn procfs2_get_pid(pid: *mut bindings::pid) -> *mut bindings::pid;
        pub(super) fn procfs2_get_task_struct(t: *mut bindings::task_struct);
        pub(super) fn procfs2_put_task_struct(t: *mut bindings::task_struct);
        pub(super) fn procfs2_find_task(
            ns: *mut bindings::pid_namespace,
            nr: c_int,
        ) -> *mut bindings::task_struct;
        pub(super) fn procfs2_next_tgid(
            ns: *mut bindings::pid_namespace,
            nr: *mut u32,
        ) -> *mut bindings::task_struct;
        pub(super) fn procfs2_count_tgids(
            ns: *mut bindings::pid_namespace,
            nr: *mut u32,
            max: u32,
        ) -> u32;
        pub(super) fn procfs2_nth_thread(
            leader: *mut bindings::task_struct,
            n: u32,
        ) -> *mut bindings::task_struct;
        pub(super) fn procfs2_next_thread(
            t: *mut bindings::task_struct,
            stale: *mut bool,
        ) -> *mut bindings::task_struct;
        pub(super) fn procfs2_nr_threads(t: *mut bindings::task_struct) -> u32;
        pub(super) fn procfs2_pid_has_task(pid: *mut bindings::pid, type_: c_int) -> bool;
        pub(super) fn procfs2_task_comm(t: *mut bindings::task_struct, buf: *mut c_char);
        pub(super) fn procfs2_task_owner_facts(
            t: *mut bindings::task_struct,
            want_mm: bool,
            f: *mut OwnerFacts,
        );
        pub(super) fn procfs2_pid_owner_facts(
            pid: *mut bindings::pid,
            type_: c_int,
            want_mm: bool,
            f: *mut OwnerFacts,
        ) -> bool;
        pub(super) fn procfs2_task_cred_ids(t: *mut bindings::task_struct, ids: *mut u32);
        pub(super) fn procfs2_task_ns_ptrace_capable(t: *mut bindings::task_struct) -> bool;
        pub(super) fn procfs2_task_mm_undumpable_uncapable(t: *mut bindings::task_struct) -> bool;
        pub(super) fn procfs2_same_thread_group(t: *mut bindings::task_struct) -> bool;
        pub(super) fn procfs2_cap_ptrace_facts(
            t: *mut bindings::task_struct,
            same_ns_superset: *mut bool,
            ptrace_cap: *mut bool,
        );
        pub(super) fn procfs2_task_oom_score_adj(t: *mut bindings::task_struct) -> c_int;
        pub(super) fn procfs2_mm_arg_area(mm: *mut bindings::mm_struct, v: *mut c_ulong);
        pub(super) fn procfs2_task_fs_path(
            t: *mut bindings::task_struct,
            root: bool,
            path: *mut bindings::path,
        ) -> bool;
        pub(super) fn procfs2_mm_statm(mm: *mut bindings::mm_struct, v: *mut c_ulong);
        pub(super) fn procfs2_mm_exe_file(mm: *mut bindings::mm_struct) -> *mut bindings::file;
        pub(super) fn procfs2_task_stat(
            t: *mut bindings::task_struct,
            ns: *mut bindings::pid_namespace,
            whole: bool,
            st: *mut TaskStat,
        ) -> c_int;
        pub(super) fn procfs2_current_fsuid_fsgid(uid: *mut u32, gid: *mut u32);
        pub(super) fn procfs2_task_next_fd(
            t: *mut bindings::task_struct,
            fd: *mut u32,
        ) -> *mut bindings::file;
        pub(super) fn procfs2_task_fd_count(t: *mut bindings::task_struct) -> core::ffi::c_long;
        pub(super) fn procfs2_task_fd_flags(
            t: *mut bindings::task_struct,
            fd: u32,
            flags: *mut u32,
        ) -> *mut bindings::file;
        pub(super) fn procfs2_file_mnt_id(f: *mut bindings::file) -> c_int;
        pub(super) fn procfs2_file_pos(f: *mut bindings::file) -> i64;
        pub(super) fn procfs2_file_ino(f: *mut bindings::file) -> c_ulong;
        pub(super) fn procfs2_file_mode(f: *mut bindings::file) -> u32;
        pub(super) fn procfs2_task_rlimits(
            t: *mut bindings::task_struct,
            rlim: *mut bindings::rlimit,
        ) -> bool;
        pub(super) fn procfs2_task_io(
            t: *mut bindings::task_struct,
            whole: bool,
            v: *mut u64,
        ) -> c_int;
        pub(super) fn procfs2_oom_facts(
            t: *mut bindings::task_struct,
            pages: *mut core::ffi::c_long,
            adj: *mut core::ffi::c_long,
            totalpages: *mut c_ulong,
        ) -> bool;
        pub(super) fn procfs2_task_schedstat(t: *mut bindings::task_struct, v: *mut u64) -> bool;
        pub(super) fn procfs2_task_personality(t: *mut bindings::task_struct, p: *mut u32)
            -> c_int;
        pub(super) fn procfs2_mm_saved_auxv(
            mm: *mut bindings::mm_struct,
            buf: *mut c_ulong,
            max: c_int,
        ) -> c_int;
        pub(super) fn procfs2_task_stack(
            m: *mut bindings::seq_file,
            t: *mut bindings::task_struct,
        ) -> c_int;
        pub(super) fn procfs2_task_nice_capable(t: *mut bindings::task_struct) -> bool;
        pub(super) fn procfs2_task_timer_slack_ns(t: *mut bindings::task_struct) -> u64;
        pub(super) fn procfs2_task_is_current(t: *mut bindings::task_struct) -> bool;
        pub(super) fn procfs2_seq_file_admin(m: *mut bindings::seq_file) -> bool;
        pub(super) fn procfs2_file_show_fdinfo(m: *mut bindings::seq_file, f: *mut bindings::file);
        pub(super) fn procfs2_task_status(
            m: *mut bindings::seq_file,
            t: *mut bindings::task_struct,
            ns: *mut bindings::pid_namespace,
            st: *mut TaskStatus,
        );
        pub(super) fn procfs2_task_groups(
            m: *mut bindings::seq_file,
            t: *mut bindings::task_struct,
            buf: *mut u32,
            max: c_int,
        ) -> c_int;
        pub(super) fn procfs2_task_ns_ids(
            t: *mut bindings::task_struct,
            pid: *mut bindings::pid,
            ns: *mut bindings::pid_namespace,
            kind: c_int,
            buf: *mut u32,
            max: c_int,
        ) -> c_int;
        pub(super) fn procfs2_task_cpus(
            t: *mut bindings::task_struct,
            list: bool,
            buf: *mut c_char,
            size: c_int,
        ) -> c_int;
    }
}

/// `GLOBAL_ROOT_UID` and `GLOBAL_ROOT_GID`.
const GLOBAL_ROOT: u32 = 0;
/// `INVALID_UID`.
const INVALID_ID: u32 = u32::MAX;
/// `SUID_DUMP_USER`.
const SUID_DUMP_USER: c_int = 1;

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
    fn as_ptr(&self) -> *mut bindings::pid {
        self.0.get()
    }

    /// The task of this pid in list `ty`, counted (`get_pid_task`); `None` once it
    /// is gone.
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
        let mut f = OwnerFacts::default();
        // SAFETY: The pid is valid; `f` is a valid location.
        let found = unsafe {
            shim::procfs2_pid_owner_facts(self.as_ptr(), ty as c_int, !is_pid_dir(mode), &mut f)
        };
        found.then(|| f.owner(mode))
    }

    /// Whether the pid still has a task in list `ty` (`pid_task` under RCU).
    pub(crate) fn has_task(&self, ty: PidType) -> bool {
        // SAFETY: The pid is valid.
        unsafe { shim::procfs2_pid_has_task(self.as_ptr(), ty as c_int) }
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
/// The object is a valid task; an [`ARef`] owns one `get_task_struct` reference.
#[repr(transparent)]
pub(crate) struct Task(Opaque<bindings::task_struct>);

// SAFETY: Task references may be taken and dropped on any thread.
unsafe impl Send for Task {}
// SAFETY: Shared references only read, through helpers that take the task's locks.
unsafe impl Sync for Task {}

// SAFETY: The count is the task's usage count (`get_task_struct`/`put_task_struct`).
unsafe impl AlwaysRefCounted for Task {
    fn inc_ref(&self) {
        // SAFETY: Valid by the type invariant.
        unsafe { shim::procfs2_get_task_struct(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one reference.
        unsafe { shim::procfs2_put_task_struct(obj.cast().as_ptr()) };
    }
}

/// Wraps a counted task pointer from C.
fn task_from_raw(t: *mut bindings::task_struct) -> Option<ARef<Task>> {
    // SAFETY: The C helpers return NULL or a task carrying a reference for us.
    NonNull::new(t).map(|t| unsafe { ARef::from_raw(t.cast()) })
}

/// The task with number `nr` in `ns`, thread or leader (`find_task_by_pid_ns`).
pub(crate) fn find_task(ns: &PidNamespace, nr: u32) -> Option<ARef<Task>> {
    let nr = c_int::try_from(nr).ok()?;
    // SAFETY: The namespace is valid.
    task_from_raw(unsafe { shim::procfs2_find_task(ns.as_ptr(), nr) })
}

/// The number of thread-group leaders in `ns`. The walk holds the RCU read lock for
/// at most 1,024 pids at a time and may reschedule between batches.
pub(crate) fn count_tgids(ns: &PidNamespace) -> u32 {
    const BATCH: u32 = 1024;
    let (mut count, mut nr) = (0, 1);
    loop {
        // SAFETY: The namespace is valid; `nr` is a valid in-out location.
        count += unsafe { shim::procfs2_count_tgids(ns.as_ptr(), &mut nr, BATCH) };
        if nr == 0 {
            return count;
        }
        // SAFETY: Process context, no lock held.
        unsafe { bindings::__cond_resched() };
    }
}

/// The thread-group leader with the lowest tgid at or above `nr` in `ns`, with that
/// tgid (`next_tgid`). Costs one `find_ge_pid` (O(log n)) per pid skipped.
pub(crate) fn next_tgid(ns: &PidNamespace, nr: u32) -> Option<(u32, ARef<Task>)> {
    let mut n = nr;
    // SAFETY: The namespace is valid; `n` is a valid in-out location.
    let t = task_from_raw(unsafe { shim::procfs2_next_tgid(ns.as_ptr(), &mut n) })?;
    Some((n, t))
}

/// Whether whoever opened the file `m` reads had CAP_SYS_ADMIN over the initial
/// user namespace (`file_ns_capable(m->file, &init_user_ns, CAP_SYS_ADMIN)`).
pub(crate) fn opener_is_admin(m: &SeqFile) -> bool {
    // SAFETY: The seq_file is valid and belongs to an open file.
    unsafe { shim::procfs2_seq_file_admin(m.as_ptr()) }
}

/// The calling task's fsuid and fsgid.
fn current_fs_ids() -> (u32, u32) {
    let (mut u, mut g) = (0, 0);
    // SAFETY: Valid output locations.
    unsafe { shim::procfs2_current_fsuid_fsgid(&mut u, &mut g) };
    (u, g)
}

impl Task {
    /// The C task. A cast rather than `Opaque::get`: the kernel crate's own
    /// `Opaque<task_struct>` instance is shared, not inlined, and this is called on
    /// every per-process path.
    #[inline]
    fn as_ptr(&self) -> *mut bindings::task_struct {
        core::ptr::from_ref(self).cast_mut().cast()
    }

    /// The task's own pid, counted (`get_task_pid(task, PIDTYPE_PID)`); `None` once
    /// the task has been released.
    pub(crate) fn pid(&self) -> Option<ARef<Pid>> {
        // SAFETY: The task is valid; the result carries a reference.
        let p = unsafe { bindings::get_task_pid(self.as_ptr(), bindings::pid_type_PIDTYPE_PID) };
        // SAFETY: As above.
        NonNull::new(p).map(|p| unsafe { ARef::from_raw(p.cast()) })
    }

    /// The task's thread id in `ns`, 0 if not visible there.
    pub(crate) fn pid_nr_ns(&self, ns: &PidNamespace) -> u32 {
        // SAFETY: Both are valid.
        unsafe {
            bindings::__task_pid_nr_ns(
                self.as_ptr(),
                bindings::pid_type_PIDTYPE_PID,
                ns.as_ptr().cast(),
            ) as u32
        }
    }

    /// The task's thread-group id in `ns`, 0 if not visible there.
    pub(crate) fn tgid_nr_ns(&self, ns: &PidNamespace) -> u32 {
        // SAFETY: Both are valid.
        unsafe {
            bindings::__task_pid_nr_ns(
                self.as_ptr(),
                bindings::pid_type_PIDTYPE_TGID,
                ns.as_ptr().cast(),
            ) as u32
        }
    }

    /// The task's name (`__get_task_comm`), without the NUL.
    pub(crate) fn comm(&self) -> Comm {
        let mut buf = [0u8; bindings::TASK_COMM_LEN as usize];
        // SAFETY: `buf` has room for `TASK_COMM_LEN` bytes.
        unsafe { shim::procfs2_task_comm(self.as_ptr(), buf.as_mut_ptr()) };
        let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Comm { buf, len }
    }

    /// Threads in the task's group (`get_nr_threads`).
    pub(crate) fn nr_threads(&self) -> u32 {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_nr_threads(self.as_ptr()) }
    }

    /// The thread after this one in its group: `Ok(None)` after the last, `Err(())`
    /// when this thread has left the group meanwhile (find the place again with
    /// [`Task::nth_thread`]).
    pub(crate) fn next_thread(&self) -> core::result::Result<Option<ARef<Task>>, ()> {
        let mut stale = false;
        // SAFETY: The task is valid; `stale` is a valid output location.
        let next = task_from_raw(unsafe { shim::procfs2_next_thread(self.as_ptr(), &mut stale) });
        if stale {
            Err(())
        } else {
            Ok(next)
        }
    }

    /// The `n`-th thread of the group this leader leads, in thread-list order.
    pub(crate) fn nth_thread(&self, n: u32) -> Option<ARef<Task>> {
        // SAFETY: The task is valid.
        task_from_raw(unsafe { shim::procfs2_nth_thread(self.as_ptr(), n) })
    }

    /// The owner fs/proc gives the task's files of `mode` (`task_dump_owner`).
    pub(crate) fn dump_owner(&self, mode: u16) -> (u32, u32) {
        let mut f = OwnerFacts::default();
        // SAFETY: The task is valid; `f` is a valid location.
        unsafe { shim::procfs2_task_owner_facts(self.as_ptr(), !is_pid_dir(mode), &mut f) };
        f.owner(mode)
    }

    /// Whether the caller may read this task's private state, as
    /// `ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)` decides with no LSM but
    /// the capability one: the same thread group; or fsuid/fsgid equal to all of the
    /// target's uids and gids, or CAP_SYS_PTRACE in its user namespace; then, for a
    /// task that is not dumpable, CAP_SYS_PTRACE over its mm's user namespace; then
    /// `cap_ptrace_access_check`: the same user namespace and every capability the
    /// target has permitted, or CAP_SYS_PTRACE over the target's user namespace.
    pub(crate) fn may_read(&self) -> bool {
        // SAFETY: The task is valid.
        if unsafe { shim::procfs2_same_thread_group(self.as_ptr()) } {
            return true;
        }
        let (fsuid, fsgid) = current_fs_ids();
        let mut ids = [0u32; 6];
        // SAFETY: The task is valid; `ids` has room for six ids.
        unsafe { shim::procfs2_task_cred_ids(self.as_ptr(), ids.as_mut_ptr()) };
        let creds_match =
            ids[..3].iter().all(|&u| u == fsuid) && ids[3..].iter().all(|&g| g == fsgid);
        // SAFETY: The task is valid.
        if !creds_match && !unsafe { shim::procfs2_task_ns_ptrace_capable(self.as_ptr()) } {
            return false;
        }
        // SAFETY: The task is valid.
        if unsafe { shim::procfs2_task_mm_undumpable_uncapable(self.as_ptr()) } {
            return false;
        }
        // The capability LSM's own check (`cap_ptrace_access_check`).
        let (mut same_ns_superset, mut ptrace_cap) = (false, false);
        // SAFETY: The task is valid; both outputs are valid locations.
        unsafe {
            shim::procfs2_cap_ptrace_facts(self.as_ptr(), &mut same_ns_superset, &mut ptrace_cap)
        };
        same_ns_superset || ptrace_cap
    }

    /// `task->signal->oom_score_adj`.
    pub(crate) fn oom_score_adj(&self) -> i32 {
        // SAFETY: The task is valid; `signal` lives as long as the task struct.
        unsafe { shim::procfs2_task_oom_score_adj(self.as_ptr()) }
    }

    /// What `stat` shows of the task, seen from `ns`; the whole group's counters
    /// when `whole`. Fails only if a fatal signal interrupts the wait for
    /// `exec_update_lock`.
    pub(crate) fn stat(&self, ns: &PidNamespace, whole: bool) -> Result<TaskStat> {
        let mut st = TaskStat::default();
        // SAFETY: Task and namespace are valid; `st` matches the C layout.
        kernel::error::to_result(unsafe {
            shim::procfs2_task_stat(self.as_ptr(), ns.as_ptr(), whole, &mut st)
        })?;
        Ok(st)
    }

    /// What `status` shows of the task, seen from `ns` by the opener of `m`.
    pub(crate) fn status(&self, m: &SeqFile, ns: &PidNamespace) -> TaskStatus {
        let mut st = TaskStatus::default();
        // SAFETY: All valid; `st` matches the C layout.
        unsafe { shim::procfs2_task_status(m.as_ptr(), self.as_ptr(), ns.as_ptr(), &mut st) };
        st
    }

    /// Calls `f` with the supplementary groups, as the opener of `m` sees them. Up to
    /// 32 are read into a buffer on the stack; more need an allocation.
    pub(crate) fn with_groups(&self, m: &SeqFile, f: impl FnOnce(&[u32])) -> Result {
        const ON_STACK: usize = 32;
        let mut small = [0u32; ON_STACK];
        // SAFETY: `small` has room for `ON_STACK` ids.
        let n = unsafe {
            shim::procfs2_task_groups(
                m.as_ptr(),
                self.as_ptr(),
                small.as_mut_ptr(),
                ON_STACK as c_int,
            )
        };
        let mut n = usize::try_from(n).unwrap_or(0);
        if n <= ON_STACK {
            f(&small[..n]);
            return Ok(());
        }
        loop {
            let mut v = KVec::from_elem(0u32, n, GFP_KERNEL)?;
            let max = c_int::try_from(n).map_err(|_| ENOMEM)?;
            // SAFETY: `v` has room for `max` ids.
            let got = unsafe {
                shim::procfs2_task_groups(m.as_ptr(), self.as_ptr(), v.as_mut_ptr(), max)
            };
            let got = usize::try_from(got).unwrap_or(0);
            if got <= n {
                f(&v[..got]);
                return Ok(());
            }
            n = got;
        }
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
        // SAFETY: All valid; `buf` has room for `MAX_PID_NS_LEVEL` ids.
        let n = unsafe {
            shim::procfs2_task_ns_ids(
                self.as_ptr(),
                pid.as_ptr(),
                ns.as_ptr(),
                kind as c_int,
                buf.as_mut_ptr(),
                MAX_PID_NS_LEVEL as c_int,
            )
        };
        (buf, usize::try_from(n).unwrap_or(0))
    }

    /// The CPUs the task may run on, as a mask (`%*pb`) or a list (`%*pbl`), in `buf`.
    pub(crate) fn cpus_allowed<'b>(&self, list: bool, buf: &'b mut [u8]) -> &'b [u8] {
        let size = c_int::try_from(buf.len()).unwrap_or(c_int::MAX);
        // SAFETY: `buf` is writable for `size` bytes; `scnprintf` returns what it wrote.
        let n = unsafe { shim::procfs2_task_cpus(self.as_ptr(), list, buf.as_mut_ptr(), size) };
        &buf[..usize::try_from(n).unwrap_or(0)]
    }

    /// The resource limits (`task->signal->rlim`); `None` once the task is exiting.
    pub(crate) fn rlimits(&self) -> Option<[bindings::rlimit; bindings::RLIM_NLIMITS as usize]> {
        let mut r = [bindings::rlimit::default(); bindings::RLIM_NLIMITS as usize];
        // SAFETY: The task is valid; `r` has room for `RLIM_NLIMITS` entries.
        unsafe { shim::procfs2_task_rlimits(self.as_ptr(), r.as_mut_ptr()) }.then_some(r)
    }

    /// The I/O counters of `io`, the group's when `whole`: rchar, wchar, syscr,
    /// syscw, read_bytes, write_bytes, cancelled_write_bytes.
    pub(crate) fn io(&self, whole: bool) -> Result<[u64; 7]> {
        let mut v = [0u64; 7];
        // SAFETY: The task is valid; `v` has room for seven counters.
        kernel::error::to_result(unsafe {
            shim::procfs2_task_io(self.as_ptr(), whole, v.as_mut_ptr())
        })?;
        Ok(v)
    }

    /// `oom_badness()` and the page total it scales by; `None` for tasks the OOM
    /// killer never picks (`LONG_MIN`, `OOM_SCORE_ADJ_MIN` included): the task's
    /// pages plus its `oom_score_adj` in thousandths of the total.
    pub(crate) fn oom_badness(&self) -> (Option<i64>, u64) {
        const OOM_SCORE_ADJ_MIN: core::ffi::c_long = -1000;
        let (mut pages, mut adj, mut total) = (0, 0, 0);
        // SAFETY: The task is valid; the outputs are valid locations.
        let pick =
            unsafe { shim::procfs2_oom_facts(self.as_ptr(), &mut pages, &mut adj, &mut total) };
        let total = total as u64;
        if !pick || adj == OOM_SCORE_ADJ_MIN {
            return (None, total);
        }
        (Some(pages + adj * (total / 1000) as i64), total)
    }

    /// Run time (ns), run-queue wait (ns) and timeslices, if `sched_info` is on.
    pub(crate) fn schedstat(&self) -> Option<[u64; 3]> {
        let mut v = [0u64; 3];
        // SAFETY: The task is valid; `v` has room for three values.
        unsafe { shim::procfs2_task_schedstat(self.as_ptr(), v.as_mut_ptr()) }.then_some(v)
    }

    /// `task->personality`, read under `exec_update_lock`.
    pub(crate) fn personality(&self) -> Result<u32> {
        let mut p = 0;
        // SAFETY: The task is valid; `p` is a valid output location.
        kernel::error::to_result(unsafe { shim::procfs2_task_personality(self.as_ptr(), &mut p) })?;
        Ok(p)
    }

    /// Whether this is the calling task itself.
    pub(crate) fn is_current(&self) -> bool {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_task_is_current(self.as_ptr()) }
    }

    /// Whether the caller has CAP_SYS_NICE in the task's user namespace.
    pub(crate) fn nice_capable(&self) -> bool {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_task_nice_capable(self.as_ptr()) }
    }

    /// `task->timer_slack_ns`.
    pub(crate) fn timer_slack_ns(&self) -> u64 {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_task_timer_slack_ns(self.as_ptr()) }
    }

    /// Appends the task's kernel stack to `m`, one `[<0>] symbol+off/len` line per
    /// frame, under `exec_update_lock`. The caller has checked the permissions.
    pub(crate) fn show_stack(&self, m: &SeqFile) -> Result {
        // SAFETY: The task is valid; `m` is the seq_file being filled.
        kernel::error::to_result(unsafe { shim::procfs2_task_stack(m.as_ptr(), self.as_ptr()) })
    }

    /// Whether the caller belongs to this task's thread group.
    pub(crate) fn is_current_group(&self) -> bool {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_same_thread_group(self.as_ptr()) }
    }

    /// The open file with the lowest fd at or above `fd`, with that fd
    /// (`task_lookup_next_fdget_rcu`).
    pub(crate) fn next_fd(&self, fd: u32) -> Option<(u32, File)> {
        let mut n = fd;
        // SAFETY: The task is valid; a non-NULL result carries a file reference.
        let f = NonNull::new(unsafe { shim::procfs2_task_next_fd(self.as_ptr(), &mut n) })?;
        Some((n, File(f)))
    }

    /// The file open at exactly `fd`.
    pub(crate) fn fd_file(&self, fd: u32) -> Option<File> {
        self.next_fd(fd).filter(|(n, _)| *n == fd).map(|(_, f)| f)
    }

    /// How many fds are open (`proc_readfd_count`); `None` without a file table.
    pub(crate) fn fd_count(&self) -> Option<u64> {
        // SAFETY: The task is valid.
        u64::try_from(unsafe { shim::procfs2_task_fd_count(self.as_ptr()) }).ok()
    }

    /// The file open at `fd` and its flags, `O_CLOEXEC` included.
    pub(crate) fn fd_flags(&self, fd: u32) -> Option<(File, u32)> {
        let mut flags = 0;
        // SAFETY: The task is valid; a non-NULL result carries a file reference.
        let f =
            NonNull::new(unsafe { shim::procfs2_task_fd_flags(self.as_ptr(), fd, &mut flags) })?;
        Some((File(f), flags))
    }

    /// The task's address space, counted (`get_task_mm`); `None` for kernel threads
    /// and exited tasks.
    pub(crate) fn mm(&self) -> Option<Mm<'_>> {
        // SAFETY: The task is valid; the result carries an mm_users reference.
        let mm = NonNull::new(unsafe { bindings::get_task_mm(self.as_ptr()) })?;
        Some(Mm { mm, task: self })
    }

    /// The task's working directory (`root` false) or root, counted.
    pub(crate) fn fs_path(&self, root: bool) -> Option<Path> {
        // SAFETY: All-zero is an empty `struct path`.
        let mut p: bindings::path = unsafe { core::mem::zeroed() };
        // SAFETY: The task is valid; on success `p` carries references.
        unsafe { shim::procfs2_task_fs_path(self.as_ptr(), root, &mut p) }.then_some(Path(p))
    }
}

/// A counted open file, dropped with `fput`.
pub(crate) struct File(NonNull<bindings::file>);

impl File {
    /// `f_mode` (`FMODE_*`).
    pub(crate) fn mode(&self) -> u32 {
        // SAFETY: The file is counted.
        unsafe { shim::procfs2_file_mode(self.0.as_ptr()) }
    }

    /// `f_pos`.
    pub(crate) fn pos(&self) -> i64 {
        // SAFETY: The file is counted.
        unsafe { shim::procfs2_file_pos(self.0.as_ptr()) }
    }

    /// The number of the file's inode.
    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: The file is counted.
        unsafe { shim::procfs2_file_ino(self.0.as_ptr()) as u64 }
    }

    /// The id of the mount the file was opened on; -1 if the file system's getattr
    /// fails.
    pub(crate) fn mnt_id(&self) -> i32 {
        // SAFETY: The file is counted.
        unsafe { shim::procfs2_file_mnt_id(self.0.as_ptr()) }
    }

    /// The file's path, counted.
    pub(crate) fn path(&self) -> Path {
        // SAFETY: An open file's `f_path` is valid; `path_get` counts our copy.
        unsafe {
            let p = (*self.0.as_ptr()).f_path;
            bindings::path_get(&p);
            Path(p)
        }
    }

    /// Appends what the file's own `show_fdinfo` says, if it has one.
    pub(crate) fn show_fdinfo(&self, m: &SeqFile) {
        // SAFETY: The file is counted; `m` is the seq_file being filled.
        unsafe { shim::procfs2_file_show_fdinfo(m.as_ptr(), self.0.as_ptr()) };
    }
}

impl Drop for File {
    fn drop(&mut self) {
        // SAFETY: We own one reference.
        unsafe { bindings::fput(self.0.as_ptr()) };
    }
}

/// A counted reference on a task's address space, dropped with `mmput`.
pub(crate) struct Mm<'a> {
    mm: NonNull<bindings::mm_struct>,
    task: &'a Task,
}

impl Mm<'_> {
    /// `arg_start`, `arg_end`, `env_start`, `env_end`.
    pub(crate) fn arg_area(&self) -> [usize; 4] {
        let mut v: [c_ulong; 4] = [0; 4];
        // SAFETY: The mm is valid while counted; `v` has room for four values.
        unsafe { shim::procfs2_mm_arg_area(self.mm.as_ptr(), v.as_mut_ptr()) };
        v
    }

    /// `saved_auxv` up to and including the `AT_NULL` pair, as the words of the
    /// returned array before the returned count.
    pub(crate) fn saved_auxv(&self) -> ([usize; 64], usize) {
        let mut v: [c_ulong; 64] = [0; 64];
        // SAFETY: The mm is valid while counted; `v` has room for 64 words.
        let n = unsafe { shim::procfs2_mm_saved_auxv(self.mm.as_ptr(), v.as_mut_ptr(), 64) };
        (v, usize::try_from(n).unwrap_or(0))
    }

    /// `task_statm`: size, resident, shared, text and data, in pages.
    pub(crate) fn statm(&self) -> [usize; 5] {
        let mut v: [c_ulong; 5] = [0; 5];
        // SAFETY: The mm is valid while counted; `v` has room for five values.
        unsafe { shim::procfs2_mm_statm(self.mm.as_ptr(), v.as_mut_ptr()) };
        v
    }

    /// Copies `buf.len()` bytes of the task's memory at `addr` into `buf`
    /// (`access_process_vm` with `FOLL_ANON`, as fs/proc's cmdline and environ
    /// readers); returns how many were read.
    pub(crate) fn read(&self, addr: usize, buf: &mut [u8]) -> usize {
        let len = c_int::try_from(buf.len()).unwrap_or(c_int::MAX);
        // SAFETY: The task is valid and `buf` writable for `len` bytes.
        let n = unsafe {
            bindings::access_process_vm(
                self.task.as_ptr(),
                addr,
                buf.as_mut_ptr().cast(),
                len,
                bindings::FOLL_ANON,
            )
        };
        usize::try_from(n).unwrap_or(0)
    }

    /// The executable's path (`mm->exe_file`), counted.
    pub(crate) fn exe_path(&self) -> Option<Path> {
        // SAFETY: The mm is valid; the result carries a file reference.
        let f = NonNull::new(unsafe { shim::procfs2_mm_exe_file(self.mm.as_ptr()) })?;
        // SAFETY: An open file's `f_path` is valid; `path_get` counts our copy before
        // the file reference goes.
        unsafe {
            let p = (*f.as_ptr()).f_path;
            bindings::path_get(&p);
            bindings::fput(f.as_ptr());
            Some(Path(p))
        }
    }
}

impl Drop for Mm<'_> {
    fn drop(&mut self) {
        // SAFETY: We own one mm_users reference.
        unsafe { bindings::mmput(self.mm.as_ptr()) };
    }
}

/// A counted `struct path`, dropped with `path_put`.
pub(crate) struct Path(bindings::path);

// SAFETY: `path_put` may be called from any thread.
unsafe impl Send for Path {}

impl Path {
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

/// What `task_dump_owner` decides on (`struct procfs2_owner_facts` of the shim).
#[repr(C)]
#[derive(Default)]
pub(crate) struct OwnerFacts {
    kthread: bool,
    euid: u32,
    egid: u32,
    mm_dumpable: c_int,
    ns_uid: u32,
    ns_gid: u32,
}

impl OwnerFacts {
    /// `task_dump_owner`: root for kernel threads; else the task's euid/egid, but
    /// root (of the mm's user namespace) for files other than 0555 directories when
    /// the task is not dumpable or has no mm.
    fn owner(&self, mode: u16) -> (u32, u32) {
        if self.kthread {
            return (GLOBAL_ROOT, GLOBAL_ROOT);
        }
        if is_pid_dir(mode) {
            return (self.euid, self.egid);
        }
        let or_root = |id: u32| if id == INVALID_ID { GLOBAL_ROOT } else { id };
        match self.mm_dumpable {
            -1 => (GLOBAL_ROOT, GLOBAL_ROOT),
            SUID_DUMP_USER => (self.euid, self.egid),
            _ => (or_root(self.ns_uid), or_root(self.ns_gid)),
        }
    }
}

/// Whether `mode` is that of a per-process directory (0555), whose owner
/// `task_dump_owner` takes from the credentials alone.
fn is_pid_dir(mode: u16) -> bool {
    u32::from(mode) == bindings::S_IFDIR | 0o555
}
