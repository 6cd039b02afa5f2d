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
