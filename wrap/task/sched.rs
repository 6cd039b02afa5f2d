// SPDX-License-Identifier: GPL-2.0

//! What is set on a task and read of its scheduling: `oom_score_adj`, `comm`,
//! `timer_slack_ns`, `oom_badness`, schedstat, wchan and the children walk.

use super::*;

impl Task {
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

    /// A thread of the group that has an mm, under its `task_lock`
    /// (`find_lock_task_mm`), with the RCU section the walk took; `None` when no
    /// thread has one.
    pub(crate) fn find_lock_task_mm(&self) -> Option<TaskMmLocked<'_>> {
        let rcu = Rcu::read_lock();
        let (task, lock) = self.threads(&rcu).find_map(|t| {
            // SAFETY: The thread is valid under `rcu`, which the result keeps until
            // after the guard is dropped; the guard's lifetime is `self`'s.
            let lock: SpinGuard<'_> = unsafe { SpinGuard::lock(&raw mut (*t.as_ptr()).alloc_lock) };
            // SAFETY: `mm` is stable under `task_lock`.
            let mm = NonNull::new(unsafe { (*t.as_ptr()).mm })?;
            Some(((t.as_ptr(), mm), lock))
        })?;
        // INVARIANT: The thread is locked with an mm, and valid under `rcu`, which
        // the value keeps (dropped after the lock: fields drop in order).
        Some(TaskMmLocked {
            task: task.0,
            mm: task.1,
            _lock: lock,
            _rcu: rcu,
            _p: PhantomData,
        })
    }

    /// `task_numa_group_id`: the id of the task's NUMA balancing group, 0 when it
    /// is in none.
    #[cfg(CONFIG_NUMA_BALANCING)]
    pub(crate) fn numa_group_id(&self) -> i32 {
        let _rcu = Rcu::read_lock();
        // SAFETY: The task is valid; `numa_group` is an RCU pointer, read once as
        // `rcu_dereference` does.
        let ng = unsafe { read_once(&raw const (*self.as_ptr()).numa_group) };
        if ng.is_null() {
            return 0;
        }
        // SAFETY: A group stays allocated for a grace period after its last
        // reference goes (`put_numa_group`'s `kfree_rcu`), and `_rcu` is held.
        unsafe { shim::procfs2_numa_group_gid(ng) }
    }

    /// Whether the task is the global init (`is_global_init`).
    pub(crate) fn is_global_init(&self) -> bool {
        // SAFETY: The task is valid; `tgid` is set at fork.
        unsafe { (*self.as_ptr()).tgid == 1 }
    }

    /// Whether `self` is `child`'s real parent (`child->real_parent == self`), read
    /// once, as an RCU reader does.
    pub(crate) fn is_real_parent_of(&self, child: &Task) -> bool {
        // SAFETY: `child` is valid; `real_parent` is a pointer read once.
        unsafe { read_once(&raw const (*child.as_ptr()).real_parent) == self.as_ptr() }
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

    /// `task->timer_slack_ns`, under `task_lock`.
    pub(crate) fn timer_slack_ns(&self) -> u64 {
        let _lock = self.lock();
        // SAFETY: The task is valid and locked.
        unsafe { (*self.as_ptr()).timer_slack_ns }
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
}

/// A thread with an mm under its `task_lock` ([`Task::find_lock_task_mm`]): what
/// `oom_badness` reads of it and its mm.
///
/// # Invariants
///
/// `task` is locked by `_lock` and valid under `_rcu`; `mm` is its mm, which stays
/// while the lock is held.
pub(crate) struct TaskMmLocked<'a> {
    task: *mut bindings::task_struct,
    mm: NonNull<bindings::mm_struct>,
    _lock: SpinGuard<'a>,
    _rcu: Rcu,
    _p: PhantomData<&'a Task>,
}

impl TaskMmLocked<'_> {
    /// The group's `oom_score_adj`.
    pub(crate) fn oom_score_adj(&self) -> i64 {
        // SAFETY: The task is valid (type invariant), and its `signal` with it; the
        // value is a short read once.
        i64::from(unsafe { read_once(&raw const (*(*self.task).signal).oom_score_adj) })
    }

    /// `MMF_OOM_SKIP` is set on the mm.
    pub(crate) fn mm_oom_skip(&self) -> bool {
        // SAFETY: The mm stays (type invariant); `flags` changes with atomic bit
        // operations and is read once.
        let flags = unsafe { read_once(&raw const (*self.mm.as_ptr()).__bindgen_anon_1.flags) };
        flags & (1 << bindings::MMF_OOM_SKIP) != 0
    }

    /// `in_vfork(task)`.
    pub(crate) fn in_vfork(&self) -> bool {
        // SAFETY: The task is locked (type invariant), as the helper needs.
        unsafe { shim::procfs2_in_vfork(self.task) }
    }

    /// `get_mm_rss`, `MM_SWAPENTS` and the page tables in pages, as `oom_badness`
    /// adds them (`unsigned long` sums, which wrap).
    pub(crate) fn pages(&self) -> u64 {
        let mm = self.mm.as_ptr();
        // SAFETY: The mm stays (type invariant); the counters are read as fs/proc
        // reads them.
        unsafe {
            shim::procfs2_mm_rss(mm)
                .wrapping_add(shim::procfs2_mm_counter(mm, bindings::MM_SWAPENTS as c_int))
                .wrapping_add(shim::procfs2_mm_pgtables_bytes(mm) / PAGE_SIZE) as u64
        }
    }
}

/// Calls `f` on every process of the system, under RCU (`for_each_process`).
pub(crate) fn for_each_process(mut f: impl FnMut(&Task)) {
    let rcu = Rcu::read_lock();
    for p in processes(&rcu) {
        f(p);
    }
}

/// `nr_processes()`, which is not exported: the processes on `init_task`'s list.
/// `copy_process` adds a group leader to that list and `__unhash_process` takes it
/// off under `tasklist_lock`, in the same sections that count it in and out of
/// `process_counts`, so the walk counts what `nr_processes()` sums. One pointer
/// per process, under RCU.
pub(crate) fn nr_processes() -> u32 {
    let rcu = Rcu::read_lock();
    let mut n: u32 = 0;
    for _ in processes(&rcu) {
        n = n.wrapping_add(1);
    }
    n
}
