// SPDX-License-Identifier: GPL-2.0

//! Per-process files whose format is fs/proc/array.c's: `stat` and `statm`, and the
//! task name they share.

use crate::{
    seq::SeqFile,
    task::{Pid, Task},
    vfs::PidNamespace,
};
use kernel::{fmt, prelude::*};

/// `task_state_array`: the state letters of `task_state_index`, in its order.
const TASK_STATE: [&str; 9] = [
    "R (running)",
    "S (sleeping)",
    "D (disk sleep)",
    "T (stopped)",
    "t (tracing stop)",
    "X (dead)",
    "Z (zombie)",
    "P (parked)",
    "I (idle)",
];

/// `proc_task_name` without escaping. fs/proc names workqueue workers and kernel
/// threads with `wq_worker_comm` and `get_kthread_comm`, which are not exported:
/// here every task shows `comm`.
pub(crate) fn proc_task_name(m: &SeqFile, task: &Task) {
    m.write(&task.comm());
}

/// `nsec_to_clock_t` for `USER_HZ` 100 (checked in shim.c).
fn clock_t(ns: i64) -> i64 {
    ns / (1_000_000_000 / 100)
}

/// `do_task_stat`: the 52 fields, in order. `permitted` is the ptrace-read check
/// fs/proc makes; code, stack and argument addresses and the exit code are hidden
/// without it, as there.
fn do_task_stat(m: &SeqFile, ns: &PidNamespace, pid: &Pid, task: &Task, whole: bool) -> Result {
    let st = task.stat(ns, whole)?;
    let permitted = task.may_read();
    let mm = st.has_mm != 0;
    let state = TASK_STATE
        .get(st.state as usize)
        .map_or(b'?', |s| s.as_bytes()[0]);
    let wchan = i64::from(permitted && (!whole || st.num_threads < 2) && st.running == 0);
    m.print(fmt!("{} (", pid.nr_ns(ns)));
    proc_task_name(m, task);
    m.print(fmt!(
        ") {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} 0 {} {} {} {}",
        state as char,
        st.ppid,
        st.pgid,
        st.sid,
        st.tty_nr,
        st.tty_pgrp,
        st.flags as u32,
        st.min_flt as u64,
        st.cmin_flt as u64,
        st.maj_flt as u64,
        st.cmaj_flt as u64,
        clock_t(st.utime),
        clock_t(st.stime),
        clock_t(st.cutime),
        clock_t(st.cstime),
        st.priority,
        st.nice,
        st.num_threads,
        clock_t(st.start_time_ns),
        st.vsize as u64,
        if mm { st.rss as u64 } else { 0 },
        st.rsslim as u64,
    ));
    let addr = |v: i64| if mm { if permitted { v as u64 } else { 1 } } else { 0 };
    m.print(fmt!(
        " {} {} {} 0 0",
        addr(st.start_code),
        addr(st.end_code),
        if permitted && mm { st.start_stack as u64 } else { 0 },
    ));
    let low = |v: i64| (v as u64) & 0x7fff_ffff;
    m.print(fmt!(
        " {} {} {} {} {} 0 0 {} {} {} {} {} {} {}",
        low(st.sig_pending),
        low(st.sig_blocked),
        low(st.sig_ignored),
        low(st.sig_caught),
        wchan,
        st.exit_signal,
        st.cpu,
        st.rt_priority as u64,
        st.policy as u64,
        clock_t(st.blkio_delay_ns),
        clock_t(st.gtime),
        clock_t(st.cgtime),
    ));
    if mm && permitted {
        m.print(fmt!(
            " {} {} {} {} {} {} {}",
            st.start_data as u64,
            st.end_data as u64,
            st.start_brk as u64,
            st.arg_start as u64,
            st.arg_end as u64,
            st.env_start as u64,
            st.env_end as u64,
        ));
    } else {
        m.write(b" 0 0 0 0 0 0 0");
    }
    m.print(fmt!(" {}\n", if permitted { st.exit_code } else { 0 }));
    Ok(())
}

/// `proc_tgid_stat`: the whole group's counters.
pub(crate) fn proc_tgid_stat(m: &SeqFile, ns: &PidNamespace, pid: &Pid, task: &Task) -> Result {
    do_task_stat(m, ns, pid, task, true)
}

/// `proc_tid_stat`: one thread's counters.
pub(crate) fn proc_tid_stat(m: &SeqFile, ns: &PidNamespace, pid: &Pid, task: &Task) -> Result {
    do_task_stat(m, ns, pid, task, false)
}

/// `proc_pid_statm`: size, resident, shared, text, lib (0), data, dirty (0), in pages.
pub(crate) fn proc_pid_statm(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    match task.mm() {
        Some(mm) => {
            let [size, resident, shared, text, data] = mm.statm();
            m.print(fmt!("{} {} {} {} 0 {} 0\n", size, resident, shared, text, data));
        }
        None => m.write(b"0 0 0 0 0 0 0\n"),
    }
    Ok(())
}

