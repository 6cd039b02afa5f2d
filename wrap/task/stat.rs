// SPDX-License-Identifier: GPL-2.0

//! What `stat`, `status` and the other per-task files read of a task: its signal
//! state, times, limits, I/O counters, CPU masks, stack and current system call.

use super::*;

/// A system call a task is in (`struct syscall_info`), read by
/// [`Task::current_syscall`].
#[derive(Default)]
pub(crate) struct SyscallInfo {
    pub(crate) nr: i64,
    pub(crate) args: [u64; 6],
    pub(crate) sp: u64,
    pub(crate) ip: u64,
}

/// `task_io_accounting_add`.
pub(super) fn io_add(dst: &mut bindings::task_io_accounting, src: &bindings::task_io_accounting) {
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

impl Task {
    /// `exec_update_lock` for reading, as `do_task_stat` holds it while it reads;
    /// fails if a fatal signal interrupts the wait.
    pub(crate) fn exec_update_lock(&self) -> Result<ExecUpdate<'_>> {
        self.exec_update_read()
    }

    /// `task_state_index`: the index of the state letter.
    pub(crate) fn state_index(&self) -> u32 {
        // SAFETY: The task is valid; the helper reads its state once.
        unsafe { shim::procfs2_task_state_index(self.as_ptr()) as u32 }
    }

    /// `exit_code`, read once.
    pub(crate) fn exit_code(&self) -> i32 {
        // SAFETY: The task is valid; an int read once.
        unsafe { read_once(&raw const (*self.as_ptr()).exit_code) }
    }

    /// `flags` (`PF_*`), read once.
    pub(crate) fn flags(&self) -> u32 {
        // SAFETY: The task is valid; a word read once.
        unsafe { read_once(&raw const (*self.as_ptr()).flags) }
    }

    /// `prio`, `static_prio`, `rt_priority` and `policy`, each read once.
    pub(crate) fn sched_params(&self) -> (i32, i32, u32, u32) {
        let t = self.as_ptr();
        // SAFETY: The task is valid; each field is a word read once.
        unsafe {
            (
                read_once(&raw const (*t).prio),
                read_once(&raw const (*t).static_prio),
                read_once(&raw const (*t).rt_priority),
                read_once(&raw const (*t).policy),
            )
        }
    }

    /// `exit_signal`, read once.
    pub(crate) fn exit_signal(&self) -> i32 {
        // SAFETY: The task is valid; an int read once.
        unsafe { read_once(&raw const (*self.as_ptr()).exit_signal) }
    }

    /// The start time in the reader's time namespace, in ns since boot
    /// (`timens_add_boottime_ns(start_boottime)`).
    pub(crate) fn start_time_ns(&self) -> u64 {
        // SAFETY: Reads the caller's time namespace offsets.
        unsafe { shim::procfs2_timens_add_boottime_ns(self.start_boottime()) }
    }

    /// The first word of the pending and of the blocked signal sets, read once.
    pub(crate) fn sig_pending_blocked(&self) -> (u64, u64) {
        let t = self.as_ptr();
        // SAFETY: The task is valid; each word is read once, as fs/proc reads it.
        unsafe {
            (
                read_once(&raw const (*t).pending.signal.sig[0]) as u64,
                read_once(&raw const (*t).blocked.sig[0]) as u64,
            )
        }
    }

    /// The CPU the task last ran on (`task_cpu`).
    pub(crate) fn cpu(&self) -> u32 {
        // SAFETY: The task is valid; the helper reads one word.
        unsafe { shim::procfs2_task_cpu(self.as_ptr()) }
    }

    /// The block I/O delay in ns (`delayacct_blkio_ticks` before the tick
    /// conversion), if delay accounting is on for the task.
    pub(crate) fn blkio_delay_ns(&self) -> Option<u64> {
        // SAFETY: The task is valid; `delays` is set at fork and freed with the task.
        let delays = unsafe { (*self.as_ptr()).delays };
        // SAFETY: A set `delays` lives as long as the task.
        (!delays.is_null()).then(|| unsafe { shim::procfs2_delays_blkio(delays) })
    }

    /// The thread's minor and major faults, read once.
    pub(crate) fn faults(&self) -> (u64, u64) {
        let t = self.as_ptr();
        // SAFETY: The task is valid; each counter is a word read once.
        unsafe {
            (
                read_once(&raw const (*t).min_flt) as u64,
                read_once(&raw const (*t).maj_flt) as u64,
            )
        }
    }

    /// The thread's guest time (`task_gtime`).
    pub(crate) fn gtime(&self) -> u64 {
        // SAFETY: The task is valid; the helper reads it as fs/proc does.
        unsafe { shim::procfs2_task_gtime(self.as_ptr()) }
    }

    /// The times of the group's exited threads (`sig->utime`, `sig->stime`), each
    /// read once.
    pub(crate) fn exited_cputime(&self) -> (u64, u64) {
        let sig = self.signal();
        // SAFETY: The task's `signal` is valid; each a word read once.
        unsafe {
            (
                read_once(&raw const (*sig).utime),
                read_once(&raw const (*sig).stime),
            )
        }
    }

    /// Calls `f` with the group's fault and time counters read under `stats_lock`
    /// (`read_seqbegin_or_lock_irqsave`): `f` may run twice, and what the last run
    /// returns is the answer.
    pub(crate) fn with_stats_lock<R>(&self, f: impl FnMut(&SignalStats<'_>) -> R) -> R {
        let mut f = f;
        let stats = SignalStats {
            sig: self.signal(),
            _p: PhantomData,
        };
        // SAFETY: The `stats_lock` is part of the task's `signal`, valid while `self`
        // is.
        unsafe { lock::seqlock_read(&raw mut (*self.signal()).stats_lock, || f(&stats)) }
    }

    /// Calls `f` on each thread of the group, under RCU (`for_each_thread`).
    pub(crate) fn for_each_thread(&self, mut f: impl FnMut(&Task)) {
        let rcu = Rcu::read_lock();
        for t in self.threads(&rcu) {
            f(t);
        }
    }

    /// `task_is_running`.
    pub(crate) fn running(&self) -> bool {
        self.is_running()
    }

    /// The session and process group ids in `ns` (0 where not visible).
    pub(crate) fn sid_pgid_nr_ns(&self, ns: &PidNamespace) -> (u32, u32) {
        (
            self.nr_ns(bindings::pid_type_PIDTYPE_SID, ns.as_ptr()),
            self.nr_ns(bindings::pid_type_PIDTYPE_PGID, ns.as_ptr()),
        )
    }

    /// The parent's thread-group id in `ns` (0 where not visible).
    pub(crate) fn parent_tgid_nr_ns(&self, ns: &PidNamespace) -> u32 {
        self.ppid_nr_ns(ns.as_ptr())
    }

    /// Locks the task's signal handlers (`lock_task_sighand`); `None` once it is
    /// being released.
    pub(crate) fn sighand_lock(&self) -> Option<Sighand<'_>> {
        self.lock_sighand()
    }

    /// User and system time, adjusted (`task_cputime_adjusted`).
    pub(crate) fn cputime_adjusted(&self) -> (u64, u64) {
        let (mut ut, mut st) = (0, 0);
        // SAFETY: The task is valid; the outputs are valid locations.
        unsafe { shim::task_cputime_adjusted(self.as_ptr(), &mut ut, &mut st) };
        (ut, st)
    }

    /// The thread id of the task's tracer in `ns`, if it is traced (0 where the
    /// tracer is not visible there), read under RCU.
    pub(crate) fn tracer_pid_nr_ns(&self, ns: &PidNamespace) -> Option<u32> {
        let _rcu = Rcu::read_lock();
        // SAFETY: The task is valid; `ptrace` is a word read once, and `parent` is
        // read as `rcu_dereference` does: the tracer stays valid under RCU.
        unsafe {
            if read_once(&raw const (*self.as_ptr()).ptrace) == 0 {
                return None;
            }
            let tracer = Task::from_raw(read_once(&raw const (*self.as_ptr()).parent));
            Some(tracer.nr_ns(bindings::pid_type_PIDTYPE_PID, ns.as_ptr()))
        }
    }

    /// Calls `f` with the task's credentials (`__task_cred`), under RCU.
    pub(crate) fn with_cred<R>(&self, f: impl FnOnce(&cred::RcuCredential) -> R) -> R {
        let rcu = Rcu::read_lock();
        f(self.cred(&rcu))
    }

    /// The umask of the task's `fs` and the size of its fd table, read under RCU
    /// and `task_lock` as `task_state` reads them; `None` where the task has none.
    pub(crate) fn umask_fdsize(&self) -> (Option<u32>, Option<u32>) {
        let _rcu = Rcu::read_lock();
        let _lock = self.lock();
        // SAFETY: `fs` and `files` are stable under `task_lock`, held; the helpers
        // read one field each of a live `fs_struct` / fd table (`files_fdtable`
        // under RCU, held).
        unsafe {
            let (fs, files) = ((*self.as_ptr()).fs, (*self.as_ptr()).files);
            (
                (!fs.is_null()).then(|| shim::procfs2_fs_umask(fs) as u32),
                (!files.is_null()).then(|| shim::procfs2_files_max_fds(files) as u32),
            )
        }
    }

    /// Whether the group dumps core (`signal->core_state` set), read once.
    pub(crate) fn core_dumping(&self) -> bool {
        // SAFETY: The task's `signal` is valid; a pointer read once.
        !unsafe { read_once(&raw const (*self.signal()).core_state) }.is_null()
    }

    /// Signals pending for the user (`ucounts` of the task's credentials), under RCU.
    pub(crate) fn user_sigpending(&self) -> u64 {
        let rcu = Rcu::read_lock();
        // SAFETY: The credentials keep their `ucounts` alive under RCU.
        unsafe { shim::procfs2_ucounts_sigpending(self.cred(&rcu).ucounts()) as u64 }
    }

    /// `task_no_new_privs`.
    pub(crate) fn no_new_privs(&self) -> bool {
        // SAFETY: The task is valid; `atomic_flags` is a word changed atomically.
        let flags = unsafe { read_once(&raw const (*self.as_ptr()).atomic_flags) };
        flags & (1 << bindings::PFA_NO_NEW_PRIVS) != 0
    }

    /// Voluntary and involuntary context switches, each read once.
    pub(crate) fn context_switches(&self) -> (u64, u64) {
        let t = self.as_ptr();
        // SAFETY: The task is valid; each counter is a word read once.
        unsafe {
            (
                read_once(&raw const (*t).nvcsw) as u64,
                read_once(&raw const (*t).nivcsw) as u64,
            )
        }
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
        let mut delta = crate::wrap::sync::jiffies().wrapping_sub(timestamp as u64) as i64;
        if delta < 0 {
            delta = i64::MAX;
        }
        // SAFETY: A pure conversion.
        Some(i64::from(unsafe {
            bindings::jiffies_to_msecs(delta as c_ulong)
        }))
    }

    /// Writes the CPUs the task may run on into `m`, as a mask (`%*pb`) or a list
    /// (`%*pbl`), however long.
    pub(crate) fn seq_cpus_allowed(&self, m: &SeqFile, list: bool) {
        if list {
            self.seq_mask(m, shim::procfs2_task_cpus_list)
        } else {
            self.seq_mask(m, shim::procfs2_task_cpus_mask)
        }
    }

    /// Runs one of shim/task.c's one-liners that print a mask of the task (`%*pb` or
    /// `%*pbl`) into `m`.
    fn seq_mask(
        &self,
        m: &SeqFile,
        print: unsafe extern "C" fn(*mut bindings::task_struct, *mut bindings::seq_file),
    ) {
        // SAFETY: The task is valid and `m` is a seq_file being shown; the masks are
        // read unlocked, as fs/proc reads them.
        unsafe { print(self.as_ptr(), m.as_ptr()) };
    }

    /// Writes the memory nodes the task may allocate from (`task->mems_allowed`)
    /// into `m`, as a mask or a list.
    #[cfg(CONFIG_CPUSETS)]
    pub(crate) fn seq_mems_allowed(&self, m: &SeqFile, list: bool) {
        if list {
            self.seq_mask(m, shim::procfs2_task_mems_list)
        } else {
            self.seq_mask(m, shim::procfs2_task_mems_mask)
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
    pub(super) fn io(&self, whole: bool) -> [u64; 7] {
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
    pub(super) unsafe fn collect_syscall(&self) -> SyscallInfo {
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
}

/// A group's counters under its `stats_lock` ([`Task::with_stats_lock`]).
///
/// # Invariants
///
/// `sig` is the `signal` of a task valid for `'a`, read inside the seqlock's read
/// section.
pub(crate) struct SignalStats<'a> {
    sig: *mut bindings::signal_struct,
    _p: PhantomData<&'a Task>,
}

/// The getters of [`SignalStats`], each a field read once.
macro_rules! signal_stats {
    ($($name:ident),*) => {$(
        pub(crate) fn $name(&self) -> u64 {
            // SAFETY: Valid for `'a` (type invariant); a word read once, inside the
            // seqlock section that retries a torn read.
            unsafe { read_once(&raw const (*self.sig).$name) as u64 }
        }
    )*};
}

impl SignalStats<'_> {
    signal_stats!(cmin_flt, cmaj_flt, cutime, cstime, cgtime, min_flt, maj_flt, gtime);
}
