// SPDX-License-Identifier: GPL-2.0

//! Per-process files whose format is fs/proc/array.c's: `status`, `stat` and
//! `statm`, and the task name they share.

use crate::{
    pid_inode::ProcTask,
    ptrace::PtraceCheck,
    wrap::seq::SeqFile,
    wrap::{
        cpu::{boot_cpu_has, boot_cpu_has_bug, X86Bug},
        cred::{PidNamespace, UserNamespace},
        task::{NsIdKind, Task},
    },
};
use kernel::{bindings, fmt, prelude::*};

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

/// `proc_task_name` without escaping: a workqueue worker's name as `wq_worker_comm`
/// makes it, a kernel thread's full name, else the comm (`Task::proc_task_name`).
pub(crate) fn proc_task_name(m: &SeqFile, task: &Task) {
    m.write(&task.proc_task_name());
}

/// `nsec_to_clock_t` for `USER_HZ` 100 (checked in shim/sys.c): a `u64` division, so
/// the nanoseconds are taken as C's `u64` (the `i64` fields hold their bits).
fn clock_t(ns: i64) -> u64 {
    (ns as u64) / (1_000_000_000 / 100)
}

/// What `stat` shows of a task (`do_task_stat`'s values), read by [`task_stat`].
#[derive(Default)]
struct TaskStat {
    state: i64,
    ppid: i64,
    pgid: i64,
    sid: i64,
    tty_nr: i64,
    tty_pgrp: i64,
    flags: i64,
    min_flt: i64,
    cmin_flt: i64,
    maj_flt: i64,
    cmaj_flt: i64,
    utime: i64,
    stime: i64,
    cutime: i64,
    cstime: i64,
    priority: i64,
    nice: i64,
    num_threads: i64,
    start_time_ns: i64,
    vsize: i64,
    rss: i64,
    rsslim: i64,
    start_code: i64,
    end_code: i64,
    start_stack: i64,
    sig_pending: i64,
    sig_blocked: i64,
    sig_ignored: i64,
    sig_caught: i64,
    running: i64,
    exit_signal: i64,
    cpu: i64,
    rt_priority: i64,
    policy: i64,
    blkio_delay_ns: i64,
    gtime: i64,
    cgtime: i64,
    start_data: i64,
    end_data: i64,
    start_brk: i64,
    arg_start: i64,
    arg_end: i64,
    env_start: i64,
    env_end: i64,
    exit_code: i64,
    has_mm: i64,
    /// The ptrace read check, made under `exec_update_lock` with the rest.
    permitted: bool,
}

/// The values of `do_task_stat`, read as it reads them: under `exec_update_lock`,
/// the signal fields under `siglock`, the counters under `stats_lock`; the whole
/// group's counters when `whole`. Fails only if a fatal signal interrupts the wait
/// for `exec_update_lock`.
fn task_stat(task: &Task, ns: &PidNamespace, whole: bool, check: &PtraceCheck) -> Result<TaskStat> {
    let _exec = task.exec_update_lock()?;
    let mut st = TaskStat {
        permitted: task.may_access(check),
        pgid: -1,
        sid: -1,
        tty_pgrp: -1,
        ..Default::default()
    };
    st.state = task.state_index().into();
    st.exit_code = task.exit_code().into();
    if let Some(mm) = task.mm() {
        let l = mm.layout();
        st.has_mm = 1;
        st.vsize = bindings::PAGE_SIZE.wrapping_mul(mm.total_vm()) as i64;
        st.rss = mm.rss() as i64;
        st.start_code = l.start_code as i64;
        st.end_code = l.end_code as i64;
        st.start_stack = l.start_stack as i64;
        st.start_data = l.start_data as i64;
        st.end_data = l.end_data as i64;
        st.start_brk = l.start_brk as i64;
        st.arg_start = l.arg_start as i64;
        st.arg_end = l.arg_end as i64;
        st.env_start = l.env_start as i64;
        st.env_end = l.env_end as i64;
    }
    if let Some(sighand) = task.sighand_lock() {
        if let Some((pgrp, nr)) = sighand.tty(ns) {
            st.tty_pgrp = pgrp.into();
            st.tty_nr = nr.into();
        }
        st.num_threads = task.nr_threads().into();
        let (ign, caught) = sighand.ignored_caught();
        st.sig_ignored = ign as i64;
        st.sig_caught = caught as i64;
        st.rsslim = sighand.rlimit_cur(bindings::RLIMIT_RSS) as i64;
        if whole {
            if let Some(code) = sighand.group_exit_code() {
                st.exit_code = code.into();
            }
        }
        let (sid, pgid) = task.sid_pgid_nr_ns(ns);
        st.sid = sid.into();
        st.ppid = task.parent_tgid_nr_ns(ns).into();
        st.pgid = pgid.into();
    }
    st.running = i64::from(task.running());
    task.with_stats_lock(|s| {
        st.cmin_flt = s.cmin_flt() as i64;
        st.cmaj_flt = s.cmaj_flt() as i64;
        st.cutime = s.cutime() as i64;
        st.cstime = s.cstime() as i64;
        st.cgtime = s.cgtime() as i64;
        if whole {
            let (mut min, mut maj, mut gtime) = (s.min_flt(), s.maj_flt(), s.gtime());
            task.for_each_thread(|th| {
                let (tmin, tmaj) = th.faults();
                min = min.wrapping_add(tmin);
                maj = maj.wrapping_add(tmaj);
                gtime = gtime.wrapping_add(th.gtime());
            });
            (st.min_flt, st.maj_flt, st.gtime) = (min as i64, maj as i64, gtime as i64);
        }
    });
    if whole {
        // `thread_group_cputime_adjusted` is not exported: the exited threads' times
        // plus each live thread's `task_cputime_adjusted`.
        let (mut ut, mut stime) = task.exited_cputime();
        task.for_each_thread(|th| {
            let (tu, ts) = th.cputime_adjusted();
            ut = ut.wrapping_add(tu);
            stime = stime.wrapping_add(ts);
        });
        (st.utime, st.stime) = (ut as i64, stime as i64);
    } else {
        let (ut, stime) = task.cputime_adjusted();
        (st.utime, st.stime) = (ut as i64, stime as i64);
        let (min, maj) = task.faults();
        (st.min_flt, st.maj_flt) = (min as i64, maj as i64);
        st.gtime = task.gtime() as i64;
    }
    st.flags = i64::from(task.flags());
    let (prio, static_prio, rt_priority, policy) = task.sched_params();
    st.priority = i64::from(prio) - i64::from(bindings::MAX_RT_PRIO);
    st.nice = i64::from(static_prio) - 120;
    st.start_time_ns = task.start_time_ns() as i64;
    let (pending, blocked) = task.sig_pending_blocked();
    (st.sig_pending, st.sig_blocked) = (pending as i64, blocked as i64);
    st.exit_signal = task.exit_signal().into();
    st.cpu = task.cpu().into();
    st.rt_priority = rt_priority.into();
    st.policy = policy.into();
    if let Some(ns) = task.blkio_delay_ns() {
        st.blkio_delay_ns = ns as i64;
    }
    Ok(st)
}

/// What `status` shows of a task (`proc_pid_status`'s values), read by
/// [`task_status`]; ids are as the reader's user namespace sees them.
#[derive(Default)]
struct TaskStatus {
    umask: i64,
    state: i64,
    tgid: i64,
    ppid: i64,
    tracer_pid: i64,
    uid: [i64; 4],
    gid: [i64; 4],
    fdsize: i64,
    kthread: i64,
    has_mm: i64,
    hiwater_vm: i64,
    total_vm: i64,
    locked_vm: i64,
    pinned_vm: i64,
    hiwater_rss: i64,
    total_rss: i64,
    anon: i64,
    file: i64,
    shmem: i64,
    data_vm: i64,
    stack_vm: i64,
    text_bytes: i64,
    lib_bytes: i64,
    pte_bytes: i64,
    swap: i64,
    /// Pages of hugetlb mappings (`mm->hugetlb_usage`), with `CONFIG_HUGETLB_PAGE`.
    hugetlb: Option<i64>,
    core_dumping: i64,
    thp_enabled: i64,
    untag_mask: i64,
    threads: i64,
    sigq: i64,
    sigq_lim: i64,
    sig_pending: i64,
    sig_shpending: i64,
    sig_blocked: i64,
    sig_ignored: i64,
    sig_caught: i64,
    cap: [i64; 5],
    no_new_privs: i64,
    nvcsw: i64,
    nivcsw: i64,
}

/// `PAGE_ALIGN` in `unsigned long`, which wraps.
fn page_align(addr: usize) -> usize {
    let page = bindings::PAGE_SIZE;
    addr.wrapping_add(page - 1) & !(page - 1)
}

/// The values of `proc_pid_status`, read as fs/proc reads them (`task_state`,
/// `task_mem`, `task_sig`, `task_cap`, ...): ids as `user_ns` (the opener's) sees
/// them, pids as `ns` numbers them. The speculation lines need
/// `arch_prctl_spec_ctrl_get`, which is not exported.
fn task_status(task: &Task, user_ns: &UserNamespace, ns: &PidNamespace) -> TaskStatus {
    let mut st = TaskStatus {
        umask: -1,
        ..Default::default()
    };
    st.ppid = task.parent_tgid_nr_ns(ns).into();
    st.tracer_pid = task.tracer_pid_nr_ns(ns).unwrap_or(0).into();
    st.tgid = task.tgid_nr_ns(ns).into();
    task.with_cred(|c| {
        for (i, id) in [c.uid(), c.euid(), c.suid(), c.fsuid()]
            .into_iter()
            .enumerate()
        {
            st.uid[i] = user_ns.kuid_munged(id).into();
        }
        for (i, id) in [c.gid(), c.egid(), c.sgid(), c.fsgid()]
            .into_iter()
            .enumerate()
        {
            st.gid[i] = user_ns.kgid_munged(id).into();
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
    });
    let (umask, fdsize) = task.umask_fdsize();
    if let Some(umask) = umask {
        st.umask = umask.into();
    }
    st.fdsize = fdsize.unwrap_or(0).into();
    st.state = task.state_index().into();
    st.kthread = i64::from(task.is_kthread());
    if let Some(mm) = task.mm() {
        let c = mm.counters();
        let l = mm.layout();
        let rss = c.anon.wrapping_add(c.file).wrapping_add(c.shmem);
        st.has_mm = 1;
        st.total_vm = c.total_vm as i64;
        st.hiwater_vm = c.total_vm.max(c.hiwater_vm) as i64;
        st.total_rss = rss as i64;
        st.hiwater_rss = rss.max(c.hiwater_rss) as i64;
        st.anon = c.anon as i64;
        st.file = c.file as i64;
        st.shmem = c.shmem as i64;
        st.locked_vm = c.locked_vm as i64;
        st.pinned_vm = c.pinned_vm;
        st.data_vm = c.data_vm as i64;
        st.stack_vm = c.stack_vm as i64;
        let exec = (c.exec_vm as usize) << bindings::PAGE_SHIFT;
        // `unsigned long` in C: a bogus code range (an ELF without an executable
        // segment leaves `start_code` at ~0 and `end_code` at 0) wraps there.
        let page_mask = !(bindings::PAGE_SIZE - 1);
        let text = page_align(l.end_code)
            .wrapping_sub(l.start_code & page_mask)
            .min(exec);
        st.text_bytes = text as i64;
        st.lib_bytes = exec.wrapping_sub(text) as i64;
        st.pte_bytes = c.pgtables_bytes as i64;
        st.swap = c.swap as i64;
        st.hugetlb = c.hugetlb.map(|h| h as i64);
        st.core_dumping = i64::from(task.core_dumping());
        st.thp_enabled = i64::from(c.thp_enabled);
        st.untag_mask = c.untag_mask as i64;
    }
    if let Some(sighand) = task.sighand_lock() {
        let (pending, blocked) = task.sig_pending_blocked();
        st.sig_pending = pending as i64;
        st.sig_shpending = sighand.shared_pending() as i64;
        st.sig_blocked = blocked as i64;
        let (ign, caught) = sighand.ignored_caught();
        st.sig_ignored = ign as i64;
        st.sig_caught = caught as i64;
        st.threads = task.nr_threads().into();
        st.sigq = task.user_sigpending() as i64;
        st.sigq_lim = sighand.rlimit_cur(bindings::RLIMIT_SIGPENDING) as i64;
    }
    st.no_new_privs = i64::from(task.no_new_privs());
    let (nvcsw, nivcsw) = task.context_switches();
    (st.nvcsw, st.nivcsw) = (nvcsw as i64, nivcsw as i64);
    st
}

/// `do_task_stat`: the 52 fields, in order. `permitted` is the ptrace-read check
/// fs/proc makes; code, stack and argument addresses and the exit code are hidden
/// without it, as there.
fn do_task_stat(m: &SeqFile, &ProcTask { ns, pid, task }: &ProcTask<'_>, whole: bool) -> Result {
    let st = task_stat(task, ns, whole, &PtraceCheck::read())?;
    let permitted = st.permitted;
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
    let addr = |v: i64| {
        if mm {
            if permitted {
                v as u64
            } else {
                1
            }
        } else {
            0
        }
    };
    m.print(fmt!(
        " {} {} {} 0 0",
        addr(st.start_code),
        addr(st.end_code),
        if permitted && mm {
            st.start_stack as u64
        } else {
            0
        },
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
pub(crate) fn proc_tgid_stat(m: &SeqFile, p: &ProcTask<'_>) -> Result {
    do_task_stat(m, p, true)
}

/// `proc_tid_stat`: one thread's counters.
pub(crate) fn proc_tid_stat(m: &SeqFile, p: &ProcTask<'_>) -> Result {
    do_task_stat(m, p, false)
}

/// `proc_pid_statm`: size, resident, shared, text, lib (0), data, dirty (0), in pages.
pub(crate) fn proc_pid_statm(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    match task.mm() {
        Some(mm) => {
            let [size, resident, shared, text, data] = mm.statm();
            m.print(fmt!(
                "{} {} {} {} 0 {} 0\n",
                size,
                resident,
                shared,
                text,
                data
            ));
        }
        None => m.write(b"0 0 0 0 0 0 0\n"),
    }
    Ok(())
}

/// `proc_task_name` with `seq_escape_str(..., ESCAPE_SPACE | ESCAPE_SPECIAL, "\n\\")`:
/// newline and backslash escaped, as the `Name:` line of `status` shows them.
fn proc_task_name_escaped(m: &SeqFile, task: &Task) {
    let comm = task.proc_task_name();
    let mut rest = &comm[..];
    while let Some(i) = rest.iter().position(|&c| c == b'\n' || c == b'\\') {
        m.write(&rest[..i]);
        m.write(if rest[i] == b'\n' { b"\\n" } else { b"\\\\" });
        rest = &rest[i + 1..];
    }
    m.write(rest);
}

/// One `kB` line of `task_mem`, right-aligned in 8 columns.
fn kb(m: &SeqFile, label: &[u8], kbytes: i64) {
    m.write(label);
    m.write(b":\t");
    m.put_u64_width(kbytes as u64, 8);
    m.write(b" kB\n");
}

/// `label` and the values, each after a tab, then a newline (`Uid:\t0\t0\t0\t0`).
fn tabbed(m: &SeqFile, label: &[u8], values: impl IntoIterator<Item = u64>) {
    m.write(label);
    for v in values {
        m.write(b"\t");
        m.put_u64(v);
    }
    m.write(b"\n");
}

/// status's `Speculation_Store_Bypass` (task_seccomp's `arch_prctl_spec_ctrl_get(p,
/// PR_SPEC_STORE_BYPASS)`, not exported, whose `ssb_mode` is static) where the CPU's
/// flags decide it: without `X86_FEATURE_SSBD` the mode is `SPEC_STORE_BYPASS_NONE`
/// ("vulnerable" with the bug, "not vulnerable" without), and
/// `X86_FEATURE_SPEC_STORE_BYPASS_DISABLE` is set exactly in mode
/// `SPEC_STORE_BYPASS_DISABLE` ("globally mitigated"). In the prctl and seccomp
/// modes (and in mode none chosen on the command line) the answer depends on
/// `ssb_mode` and the task's bits: `None`, the line is left out
/// (tests/missing-status-lines.txt).
fn speculation_store_bypass() -> Option<&'static str> {
    if !boot_cpu_has(bindings::X86_FEATURE_SSBD) {
        Some(if boot_cpu_has_bug(X86Bug::SpecStoreBypass) {
            "vulnerable"
        } else {
            "not vulnerable"
        })
    } else if boot_cpu_has(bindings::X86_FEATURE_SPEC_STORE_BYPASS_DISABLE) {
        Some("globally mitigated")
    } else {
        None
    }
}

/// status's `SpeculationIndirectBranch` (`ib_prctl_get`) where the CPU's flags decide
/// it: "not affected" without `X86_BUG_SPECTRE_V2`; with it, and with neither
/// `X86_FEATURE_IBPB` nor `X86_FEATURE_STIBP`, `spectre_v2_user_select_mitigation`
/// leaves both user modes `SPECTRE_V2_USER_NONE`: "always enabled". Otherwise the
/// static user modes decide: `None`, the line is left out.
fn speculation_indirect_branch() -> Option<&'static str> {
    if !boot_cpu_has_bug(X86Bug::SpectreV2) {
        Some("not affected")
    } else if !boot_cpu_has(bindings::X86_FEATURE_IBPB)
        && !boot_cpu_has(bindings::X86_FEATURE_STIBP)
    {
        Some("always enabled")
    } else {
        None
    }
}

/// `proc_pid_status`, less the two speculation lines (`arch_prctl_spec_ctrl_get` is
/// not exported); the lines of options this kernel lacks (seccomp, cpusets,
/// hugetlb, shadow stacks) are absent here as in its /proc.
pub(crate) fn proc_pid_status(m: &SeqFile, &ProcTask { ns, pid, task }: &ProcTask<'_>) -> Result {
    let st = task_status(task, m.opener_user_ns(), ns);
    m.write(b"Name:\t");
    proc_task_name_escaped(m, task);
    m.write(b"\n");
    if st.umask >= 0 {
        m.print(fmt!("Umask:\t{:04o}\n", st.umask));
    }
    m.write(b"State:\t");
    m.write(
        TASK_STATE
            .get(st.state as usize)
            .copied()
            .unwrap_or("?")
            .as_bytes(),
    );
    m.write(b"\n");
    tabbed(m, b"Tgid:", [st.tgid as u64]);
    #[cfg(CONFIG_NUMA_BALANCING)]
    tabbed(m, b"Ngid:", [task.numa_group_id() as u64]);
    #[cfg(not(CONFIG_NUMA_BALANCING))]
    tabbed(m, b"Ngid:", [0]);
    tabbed(m, b"Pid:", [u64::from(pid.nr_ns(ns))]);
    tabbed(m, b"PPid:", [st.ppid as u64]);
    tabbed(m, b"TracerPid:", [st.tracer_pid as u64]);
    tabbed(m, b"Uid:", st.uid.map(|v| v as u64));
    tabbed(m, b"Gid:", st.gid.map(|v| v as u64));
    tabbed(m, b"FDSize:", [st.fdsize as u64]);
    m.write(b"Groups:\t");
    task.with_groups(m.opener_user_ns(), |groups| {
        for (i, &g) in groups.iter().enumerate() {
            if i > 0 {
                m.write(b" ");
            }
            m.put_u64(g.into());
        }
    })?;
    m.write(b" ");
    m.write(b"\n");
    for (label, kind) in [
        (&b"NStgid:"[..], NsIdKind::Tgid),
        (b"NSpid:", NsIdKind::Pid),
        (b"NSpgid:", NsIdKind::Pgrp),
        (b"NSsid:", NsIdKind::Session),
    ] {
        let (ids, n) = task.ns_ids(pid, ns, kind);
        tabbed(m, label, ids[..n].iter().map(|&id| u64::from(id)));
    }
    tabbed(m, b"Kthread:", [st.kthread as u64]);
    if st.has_mm != 0 {
        // `SEQ_PUT_DEC`: `val << (PAGE_SHIFT - 10)` on C's `unsigned long`, and the
        // byte counts `>> 10` on `unsigned long` too (logical shifts).
        let pages = |p: i64| ((p as u64) << (bindings::PAGE_SHIFT - 10)) as i64;
        let kbytes = |b: i64| ((b as u64) >> 10) as i64;
        kb(m, b"VmPeak", pages(st.hiwater_vm));
        kb(m, b"VmSize", pages(st.total_vm));
        kb(m, b"VmLck", pages(st.locked_vm));
        kb(m, b"VmPin", pages(st.pinned_vm));
        kb(m, b"VmHWM", pages(st.hiwater_rss));
        kb(m, b"VmRSS", pages(st.total_rss));
        kb(m, b"RssAnon", pages(st.anon));
        kb(m, b"RssFile", pages(st.file));
        kb(m, b"RssShmem", pages(st.shmem));
        kb(m, b"VmData", pages(st.data_vm));
        kb(m, b"VmStk", pages(st.stack_vm));
        kb(m, b"VmExe", kbytes(st.text_bytes));
        kb(m, b"VmLib", kbytes(st.lib_bytes));
        kb(m, b"VmPTE", kbytes(st.pte_bytes));
        kb(m, b"VmSwap", pages(st.swap));
        if let Some(h) = st.hugetlb {
            kb(m, b"HugetlbPages", pages(h));
        }
        m.print(fmt!(
            "CoreDumping:\t{}\nTHP_enabled:\t{}\nuntag_mask:\t{:#x}\n",
            st.core_dumping,
            st.thp_enabled,
            st.untag_mask as u64
        ));
    }
    m.print(fmt!(
        "Threads:\t{}\nSigQ:\t{}/{}\n",
        st.threads as u64,
        st.sigq as u64,
        st.sigq_lim as u64
    ));
    for (label, set) in [
        (&b"SigPnd:\t"[..], st.sig_pending),
        (b"ShdPnd:\t", st.sig_shpending),
        (b"SigBlk:\t", st.sig_blocked),
        (b"SigIgn:\t", st.sig_ignored),
        (b"SigCgt:\t", st.sig_caught),
        (b"CapInh:\t", st.cap[0]),
        (b"CapPrm:\t", st.cap[1]),
        (b"CapEff:\t", st.cap[2]),
        (b"CapBnd:\t", st.cap[3]),
        (b"CapAmb:\t", st.cap[4]),
    ] {
        m.write(label);
        m.put_hex_width(set as u64, 16);
        m.write(b"\n");
    }
    tabbed(m, b"NoNewPrivs:", [st.no_new_privs as u64]);
    let (seccomp, filters) = task.seccomp();
    if let Some(mode) = seccomp {
        tabbed(m, b"Seccomp:", [mode]);
    }
    if let Some(n) = filters {
        tabbed(m, b"Seccomp_filters:", [n]);
    }
    if let Some(v) = speculation_store_bypass() {
        m.write(b"Speculation_Store_Bypass:\t");
        m.write(v.as_bytes());
        m.write(b"\n");
    }
    if let Some(v) = speculation_indirect_branch() {
        m.write(b"SpeculationIndirectBranch:\t");
        m.write(v.as_bytes());
        m.write(b"\n");
    }
    m.write(b"Cpus_allowed:\t");
    task.seq_cpus_allowed(m, false);
    m.write(b"\nCpus_allowed_list:\t");
    task.seq_cpus_allowed(m, true);
    m.write(b"\n");
    // cpuset_task_status_allowed
    #[cfg(CONFIG_CPUSETS)]
    {
        m.write(b"Mems_allowed:\t");
        task.seq_mems_allowed(m, false);
        m.write(b"\nMems_allowed_list:\t");
        task.seq_mems_allowed(m, true);
        m.write(b"\n");
    }
    tabbed(m, b"voluntary_ctxt_switches:", [st.nvcsw as u64]);
    tabbed(m, b"nonvoluntary_ctxt_switches:", [st.nivcsw as u64]);
    // arch_proc_pid_thread_features (arch/x86/kernel/cpu/proc.c)
    if let Some((features, locked)) = task.x86_thread_features() {
        for (label, f) in [
            (&b"x86_Thread_features:\t"[..], features),
            (b"x86_Thread_features_locked:\t", locked),
        ] {
            m.write(label);
            if f & 1 != 0 {
                m.write(b"shstk ");
            }
            if f & 2 != 0 {
                m.write(b"wrss ");
            }
            m.write(b"\n");
        }
    }
    Ok(())
}
