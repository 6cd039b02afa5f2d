// SPDX-License-Identifier: GPL-2.0

//! Per-process directories (fs/proc/base.c): `/proc2/<pid>` from the root, the
//! tables of what each holds (`tgid_base_stuff`, `tid_base_stuff`), `task/`, and the
//! contents of base.c's files. The rows, inodes and dentries these directories make
//! are in pid_inode.rs; the contents of fs/proc/array.c's files are in array.rs.

#[cfg(CONFIG_PROC_CPU_RESCTRL)]
use crate::resctrl;
use crate::{
    array, cgroup, fd, map_files, mem,
    mount::{fs_info, FsInfo, HidePid},
    namespaces,
    pde::name_to_int,
    pid_inode::{
        base_dir, dir, has_pid_permissions, instantiate, lnk, mm_access, nod, one, pid_entry,
        pid_getattr, pid_ino, pident_readdir, proc_pid_permission, proc_task, reg, reg_ops,
        single_file, InoGen, PidEntry, PidOp, ProcTask, PID_REG_FOPS,
    },
    ptrace::{self, PtraceCheck},
    task_mmu, user_namespace as userns,
    wrap::seq::{self, SeqFile},
    wrap::{
        cred,
        dentry::{Lookup, Unhashed},
        file::{DirContext, ProcFile},
        inode::{Inode, Kstat},
        lock::MutexGuard,
        mm::{Mm, MmFileOperations, MmWithUser},
        ops::{
            FileOperations, FileOps, InodeOperations, InodeOps, ReadFileOperations, Seek,
            SeqFileOperations, SeqOpened, Single,
        },
        posix_timers::{PosixTimer, TimersShow},
        sys,
        task::{self, Path, Task},
        DT_DIR,
    },
};
use core::sync::atomic::{AtomicBool, Ordering};
use kernel::{bindings, ffi::c_int, fmt, prelude::*, str::BStr, types::ARef, uaccess::UserSlice};

/// `/proc2/<tgid>/`, in fs/proc's order (the entries procfs2 has; the others are in
/// tests/missing-pid-entries.txt).
static TGID_BASE_STUFF: &[PidEntry] = &[
    dir(b"task", 0o555, &PROC_TASK_IOPS, &PROC_TASK_FOPS),
    dir(b"fd", 0o500, &fd::PROC_FD_IOPS, &fd::PROC_FD_FOPS),
    dir(
        b"map_files",
        0o500,
        &map_files::PROC_MAP_FILES_IOPS,
        &map_files::PROC_MAP_FILES_FOPS,
    ),
    dir(
        b"fdinfo",
        0o555,
        &fd::PROC_FDINFO_IOPS,
        &fd::PROC_FDINFO_FOPS,
    ),
    dir(
        b"ns",
        0o511,
        &namespaces::PROC_NS_DIR_IOPS,
        &namespaces::PROC_NS_DIR_FOPS,
    ),
    reg_ops(b"environ", 0o400, &ENVIRON_FOPS),
    reg_ops(b"auxv", 0o400, &AUXV_FOPS),
    one(b"status", 0o444, array::proc_pid_status),
    one(b"personality", 0o400, personality_show),
    one(b"limits", 0o444, limits_show),
    #[cfg(CONFIG_SCHED_AUTOGROUP)]
    reg(b"autogroup", 0o644, &AUTOGROUP_FOPS, sched_autogroup_show),
    reg(
        b"timens_offsets",
        0o644,
        &TIMENS_OFFSETS_FOPS,
        timens_offsets_show,
    ),
    reg(b"comm", 0o644, &COMM_FOPS, comm_show),
    one(b"syscall", 0o400, syscall_show),
    reg_ops(b"cmdline", 0o444, &CMDLINE_FOPS),
    one(b"stat", 0o444, array::proc_tgid_stat),
    one(b"statm", 0o444, array::proc_pid_statm),
    reg_ops(b"maps", 0o444, &task_mmu::PROC_PID_MAPS_FOPS),
    #[cfg(CONFIG_NUMA)]
    reg_ops(b"numa_maps", 0o444, &task_mmu::PROC_PID_NUMA_MAPS_FOPS),
    reg_ops(b"mem", 0o600, &mem::PROC_MEM_FOPS),
    lnk(b"cwd", cwd_link),
    lnk(b"root", root_link),
    lnk(b"exe", exe_link),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"clear_refs", 0o200, &task_mmu::PROC_CLEAR_REFS_FOPS),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"smaps", 0o444, &task_mmu::PROC_PID_SMAPS_FOPS),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(
        b"smaps_rollup",
        0o444,
        &task_mmu::PROC_PID_SMAPS_ROLLUP_FOPS,
    ),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"pagemap", 0o400, &task_mmu::PROC_PAGEMAP_FOPS),
    one(b"wchan", 0o444, wchan_show),
    one(b"stack", 0o400, stack_show),
    one(b"schedstat", 0o444, schedstat_show),
    #[cfg(CONFIG_CPUSETS)]
    one(b"cpuset", 0o444, cgroup::proc_cpuset_show),
    one(b"cgroup", 0o444, cgroup::proc_cgroup_show),
    #[cfg(CONFIG_PROC_CPU_RESCTRL)]
    one(b"cpu_resctrl_groups", 0o444, resctrl::proc_resctrl_show),
    one(b"oom_score", 0o444, oom_score_show),
    reg(b"oom_adj", 0o644, &OOM_ADJ_FOPS, oom_adj_show),
    reg(
        b"oom_score_adj",
        0o644,
        &OOM_SCORE_ADJ_FOPS,
        oom_score_adj_show,
    ),
    #[cfg(CONFIG_AUDIT)]
    reg(b"loginuid", 0o644, &LOGINUID_FOPS, loginuid_show),
    #[cfg(CONFIG_AUDIT)]
    reg(b"sessionid", 0o444, &PID_REG_FOPS, sessionid_show),
    #[cfg(CONFIG_ELF_CORE)]
    reg(
        b"coredump_filter",
        0o644,
        &COREDUMP_FILTER_FOPS,
        coredump_filter_show,
    ),
    one(b"io", 0o400, tgid_io_show),
    reg(
        b"uid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::uid_map_show,
    ),
    reg(
        b"gid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::gid_map_show,
    ),
    reg(
        b"projid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::projid_map_show,
    ),
    reg(
        b"setgroups",
        0o644,
        &userns::PROC_SETGROUPS_FOPS,
        userns::setgroups_show,
    ),
    reg_ops(b"timers", 0o444, &TIMERS_FOPS),
    reg(
        b"timerslack_ns",
        0o666,
        &TIMERSLACK_NS_FOPS,
        timerslack_ns_show,
    ),
    one(b"arch_status", 0o444, arch_status_show),
    #[cfg(CONFIG_KSM)]
    one(b"ksm_merging_pages", 0o400, ksm_merging_pages_show),
    #[cfg(CONFIG_KSM)]
    one(b"ksm_stat", 0o400, ksm_stat_show),
];

/// `/proc2/<tgid>/task/<tid>/`, in fs/proc's order.
static TID_BASE_STUFF: &[PidEntry] = &[
    dir(b"fd", 0o500, &fd::PROC_FD_IOPS, &fd::PROC_FD_FOPS),
    dir(
        b"fdinfo",
        0o555,
        &fd::PROC_FDINFO_IOPS,
        &fd::PROC_FDINFO_FOPS,
    ),
    dir(
        b"ns",
        0o511,
        &namespaces::PROC_NS_DIR_IOPS,
        &namespaces::PROC_NS_DIR_FOPS,
    ),
    reg_ops(b"environ", 0o400, &ENVIRON_FOPS),
    reg_ops(b"auxv", 0o400, &AUXV_FOPS),
    one(b"status", 0o444, array::proc_pid_status),
    one(b"personality", 0o400, personality_show),
    one(b"limits", 0o444, limits_show),
    nod(
        b"comm",
        0o644,
        &PROC_TID_COMM_IOPS,
        &COMM_FOPS,
        PidOp::Show(comm_show),
    ),
    one(b"syscall", 0o400, syscall_show),
    reg_ops(b"cmdline", 0o444, &CMDLINE_FOPS),
    one(b"stat", 0o444, array::proc_tid_stat),
    one(b"statm", 0o444, array::proc_pid_statm),
    reg_ops(b"maps", 0o444, &task_mmu::PROC_PID_MAPS_FOPS),
    reg_ops(b"children", 0o444, &CHILDREN_FOPS),
    #[cfg(CONFIG_NUMA)]
    reg_ops(b"numa_maps", 0o444, &task_mmu::PROC_PID_NUMA_MAPS_FOPS),
    reg_ops(b"mem", 0o600, &mem::PROC_MEM_FOPS),
    lnk(b"cwd", cwd_link),
    lnk(b"root", root_link),
    lnk(b"exe", exe_link),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"clear_refs", 0o200, &task_mmu::PROC_CLEAR_REFS_FOPS),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"smaps", 0o444, &task_mmu::PROC_PID_SMAPS_FOPS),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(
        b"smaps_rollup",
        0o444,
        &task_mmu::PROC_PID_SMAPS_ROLLUP_FOPS,
    ),
    #[cfg(CONFIG_PROC_PAGE_MONITOR)]
    reg_ops(b"pagemap", 0o400, &task_mmu::PROC_PAGEMAP_FOPS),
    one(b"wchan", 0o444, wchan_show),
    one(b"stack", 0o400, stack_show),
    one(b"schedstat", 0o444, schedstat_show),
    #[cfg(CONFIG_CPUSETS)]
    one(b"cpuset", 0o444, cgroup::proc_cpuset_show),
    one(b"cgroup", 0o444, cgroup::proc_cgroup_show),
    #[cfg(CONFIG_PROC_CPU_RESCTRL)]
    one(b"cpu_resctrl_groups", 0o444, resctrl::proc_resctrl_show),
    one(b"oom_score", 0o444, oom_score_show),
    reg(b"oom_adj", 0o644, &OOM_ADJ_FOPS, oom_adj_show),
    reg(
        b"oom_score_adj",
        0o644,
        &OOM_SCORE_ADJ_FOPS,
        oom_score_adj_show,
    ),
    #[cfg(CONFIG_AUDIT)]
    reg(b"loginuid", 0o644, &LOGINUID_FOPS, loginuid_show),
    #[cfg(CONFIG_AUDIT)]
    reg(b"sessionid", 0o444, &PID_REG_FOPS, sessionid_show),
    one(b"io", 0o400, tid_io_show),
    reg(
        b"uid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::uid_map_show,
    ),
    reg(
        b"gid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::gid_map_show,
    ),
    reg(
        b"projid_map",
        0o644,
        &userns::PROC_ID_MAP_FOPS,
        userns::projid_map_show,
    ),
    reg(
        b"setgroups",
        0o644,
        &userns::PROC_SETGROUPS_FOPS,
        userns::setgroups_show,
    ),
    one(b"arch_status", 0o444, arch_status_show),
    #[cfg(CONFIG_KSM)]
    one(b"ksm_merging_pages", 0o400, ksm_merging_pages_show),
    #[cfg(CONFIG_KSM)]
    one(b"ksm_stat", 0o400, ksm_stat_show),
];

/// The directory of a process (`proc_tgid_base_*`).
static TGID_DIR: PidEntry = base_dir(TGID_BASE_STUFF, &PID_BASE_IOPS, &PID_BASE_FOPS);
/// The directory of a thread under `task/` (`proc_tid_base_*`).
static TID_DIR: PidEntry = base_dir(TID_BASE_STUFF, &PID_BASE_IOPS, &PID_BASE_FOPS);

// ---------------------------------------------------------------------------
// The root's share: numeric names (proc_pid_lookup, proc_pid_readdir)
// ---------------------------------------------------------------------------

/// Looks up a numeric name at the root (`proc_pid_lookup`): any task with that
/// number in the mount's namespace, thread or leader, as fs/proc finds it.
pub(crate) fn proc_pid_lookup(dentry: &Unhashed) -> Result<Lookup> {
    let nr = name_to_int(dentry.name()).ok_or(ENOENT)?;
    let info = fs_info(dentry.super_block())?;
    let task = task::find_task(info.pid_ns(), nr).ok_or(ENOENT)?;
    if info.hide_pid() == HidePid::NotPtraceable
        && !has_pid_permissions(info, &task, HidePid::NoAccess)
    {
        return Err(ENOENT);
    }
    instantiate(
        dentry,
        &task,
        &TGID_DIR,
        pid_ino(nr, false, InoGen::of(&task), 0),
    )
}

/// Emits the thread-group leaders from the position of `ctx` on, at position
/// `tgid + offset` each (`proc_pid_readdir`). Returns `false` when the reader's
/// buffer filled up; the position then names the process to start with next time.
pub(crate) fn proc_pid_readdir(ctx: &DirContext, info: &FsInfo, offset: i64, end: i64) -> bool {
    // `pos - TGID_OFFSET` on `loff_t`; the kernel builds with -fno-strict-overflow.
    let Ok(mut nr) = u32::try_from(ctx.pos().wrapping_sub(offset)) else {
        return true;
    };
    while let Some((tgid, task)) = task::next_tgid(info.pid_ns(), nr) {
        nr = tgid + 1;
        if !has_pid_permissions(info, &task, HidePid::Invisible) {
            continue;
        }
        let mut name = [0u8; 20];
        let name = seq::decimal(&mut name, tgid.into());
        ctx.set_pos(i64::from(tgid) + offset);
        if !ctx.emit(name, pid_ino(tgid, false, InoGen::of(&task), 0), DT_DIR) {
            return false;
        }
    }
    ctx.set_pos(end);
    true
}

// ---------------------------------------------------------------------------
// Process and thread directories (proc_pident_lookup, proc_pident_readdir)
// ---------------------------------------------------------------------------

/// Process and thread directories (`proc_tgid_base_inode_operations`,
/// `proc_tgid_base_operations` and their `tid` twins).
struct PidBaseDir;

static PID_BASE_IOPS: InodeOps = InodeOps::new::<PidBaseDir>();
static PID_BASE_FOPS: FileOps = FileOps::new::<PidBaseDir>();

/// The table and number space of a base directory inode: (table, tid, pid number).
fn base_parts(inode: &Inode) -> Option<(&'static [PidEntry], bool, u32)> {
    let ent = pid_entry(inode)?;
    let PidOp::Base(table) = ent.op else {
        return None;
    };
    let ns = fs_info(inode.super_block()).ok()?.pid_ns();
    Some((table, core::ptr::eq(ent, &TID_DIR), inode.pid()?.nr_ns(ns)))
}

#[vtable]
impl InodeOperations for PidBaseDir {
    const NOCHMOD: bool = true;

    /// `proc_pident_lookup`.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let (table, tid, nr) = base_parts(dir).ok_or(ENOENT)?;
        let task = proc_task(dir).ok_or(ENOENT)?;
        let (i, ent) = table
            .iter()
            .enumerate()
            .find(|(_, e)| e.name == dentry.name())
            .ok_or(ENOENT)?;
        let gen = InoGen::of_ino(dir.ino());
        instantiate(dentry, &task, ent, pid_ino(nr, tid, gen, i + 1))
    }

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        proc_pid_permission(inode, mask)
    }
}

#[vtable]
impl FileOperations for PidBaseDir {
    /// `proc_pident_readdir`.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let (table, tid, nr) = base_parts(file.inode()).ok_or(ENOENT)?;
        let gen = InoGen::of_ino(file.inode().ino());
        let entries = table
            .iter()
            .enumerate()
            .map(|(i, ent)| (ent.name, pid_ino(nr, tid, gen, i + 1), ent.dtype()));
        pident_readdir(file, ctx, entries)
    }
}

// ---------------------------------------------------------------------------
// task/ (proc_task_lookup, proc_task_readdir, proc_task_getattr)
// ---------------------------------------------------------------------------

/// `task/` (`proc_task_inode_operations`, `proc_task_operations`).
struct TaskDir;

static PROC_TASK_IOPS: InodeOps = InodeOps::new::<TaskDir>();
static PROC_TASK_FOPS: FileOps = FileOps::new::<TaskDir>();

#[vtable]
impl InodeOperations for TaskDir {
    const NOCHMOD: bool = true;

    /// `proc_task_lookup`: a thread of this group.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let leader = proc_task(dir).ok_or(ENOENT)?;
        let tid = name_to_int(dentry.name()).ok_or(ENOENT)?;
        let ns = fs_info(dir.super_block())?.pid_ns();
        let task = task::find_task(ns, tid).ok_or(ENOENT)?;
        if task.tgid_nr_ns(ns) != leader.tgid_nr_ns(ns) || task.tgid_nr_ns(ns) == 0 {
            return Err(ENOENT);
        }
        instantiate(
            dentry,
            &task,
            &TID_DIR,
            pid_ino(tid, true, InoGen::of(&task), 0),
        )
    }

    /// `proc_task_getattr`: the link count adds the threads.
    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)?;
        if let Some(t) = proc_task(stat.inode()) {
            stat.set_nlink(2 + t.nr_threads());
        }
        Ok(())
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        proc_pid_permission(inode, mask)
    }
}

#[vtable]
impl FileOperations for TaskDir {
    /// Lists the threads in thread-list order, one position each
    /// (`proc_task_readdir`): O(threads) for a whole listing, plus a recount where a
    /// thread exits under it.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let inode = file.inode();
        let leader = proc_task(inode).ok_or(ENOENT)?;
        if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
            return Ok(());
        }
        let ns = fs_info(inode.super_block())?.pid_ns();
        let Ok(mut n) = u32::try_from(ctx.pos().wrapping_sub(2)) else {
            return Ok(());
        };
        // The position's thread is found by counting once; then the threads are read
        // in batches from the one after the last batch, counting again only if that
        // one has exited meanwhile. Nothing is held while the names are emitted.
        let mut cur = leader.nth_thread(n);
        while let Some(t) = cur {
            let mut tids = [(0u32, 0u64); 16];
            let Ok((count, next)) = t.thread_ids(ns, &mut tids) else {
                cur = leader.nth_thread(n);
                continue;
            };
            for &(tid, start) in &tids[..count] {
                let mut name = [0u8; 20];
                let name = seq::decimal(&mut name, tid.into());
                let ino = pid_ino(tid, true, InoGen::from_start(start), 0);
                if tid != 0 && !ctx.emit(name, ino, DT_DIR) {
                    return Ok(());
                }
                n += 1;
                ctx.set_pos(ctx.pos().wrapping_add(1));
            }
            cur = next;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Links and simple files of base.c
// ---------------------------------------------------------------------------

fn cwd_link(task: &Task) -> Option<Path> {
    task.fs_path(false)
}

fn root_link(task: &Task) -> Option<Path> {
    task.fs_path(true)
}

fn exe_link(task: &Task) -> Option<Path> {
    task.mm()?.exe_path()
}

// ---------------------------------------------------------------------------
// Simple files of base.c
// ---------------------------------------------------------------------------

/// `comm_show`.
fn comm_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    array::proc_task_name(m, task);
    m.write(b"\n");
    Ok(())
}

/// `oom_score_adj_read`.
fn oom_score_adj_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    m.print(fmt!("{}\n", task.oom_score_adj()));
    Ok(())
}

/// `oom_adj_read`: the score adjustment on the old -17..15 scale.
fn oom_adj_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    const OOM_SCORE_ADJ_MAX: i32 = 1000;
    const OOM_DISABLE: i32 = -17;
    const OOM_ADJUST_MAX: i32 = 15;
    let adj = task.oom_score_adj();
    let v = if adj == OOM_SCORE_ADJ_MAX {
        OOM_ADJUST_MAX
    } else {
        adj * -OOM_DISABLE / OOM_SCORE_ADJ_MAX
    };
    m.print(fmt!("{}\n", v));
    Ok(())
}

/// `lnames`: the name and unit of each resource limit, in `RLIMIT_*` order.
const LIMIT_NAMES: [(&str, &str); bindings::RLIM_NLIMITS as usize] = [
    ("Max cpu time", "seconds"),
    ("Max file size", "bytes"),
    ("Max data size", "bytes"),
    ("Max stack size", "bytes"),
    ("Max core file size", "bytes"),
    ("Max resident set", "bytes"),
    ("Max processes", "processes"),
    ("Max open files", "files"),
    ("Max locked memory", "bytes"),
    ("Max address space", "bytes"),
    ("Max file locks", "locks"),
    ("Max pending signals", "signals"),
    ("Max msgqueue size", "bytes"),
    ("Max nice priority", ""),
    ("Max realtime priority", ""),
    ("Max realtime timeout", "us"),
];

/// `proc_pid_limits`.
fn limits_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    let Some(rlim) = task.rlimits() else {
        return Ok(());
    };
    m.write(b"Limit                     Soft Limit           Hard Limit           Units     \n");
    let infinity = usize::MAX; // RLIM_INFINITY (~0UL)
    for ((name, unit), r) in LIMIT_NAMES.iter().zip(rlim.iter()) {
        m.print(fmt!("{:<25} ", name));
        for v in [r.rlim_cur, r.rlim_max] {
            if v == infinity {
                m.print(fmt!("{:<20} ", "unlimited"));
            } else {
                m.print(fmt!("{:<20} ", v));
            }
        }
        if unit.is_empty() {
            m.write(b"\n");
        } else {
            m.print(fmt!("{:<10}\n", unit));
        }
    }
    Ok(())
}

/// `do_io_accounting`: for callers that may read the task's state, checked under
/// `exec_update_lock` with the counters read.
fn do_io_accounting(m: &SeqFile, task: &Task, whole: bool) -> Result {
    let v = task
        .read_access(&PtraceCheck::read())?
        .ok_or(EACCES)?
        .io(whole);
    m.print(fmt!(
        "rchar: {}\nwchar: {}\nsyscr: {}\nsyscw: {}\nread_bytes: {}\nwrite_bytes: {}\ncancelled_write_bytes: {}\n",
        v[0], v[1], v[2], v[3], v[4], v[5], v[6]
    ));
    Ok(())
}

/// `proc_tgid_io_accounting`.
fn tgid_io_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    do_io_accounting(m, task, true)
}

/// `proc_tid_io_accounting`.
fn tid_io_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    do_io_accounting(m, task, false)
}

/// `proc_oom_score`: the badness scaled into 0..2000 of RAM and swap. The swap
/// total (`total_swap_pages`) is not exported: while any swap is free (so some is
/// configured) the score cannot be had and the read fails with `EOPNOTSUPP`.
fn oom_score_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if sys::free_swap_pages() > 0 {
        return Err(Error::from_errno(-(bindings::EOPNOTSUPP as c_int)));
    }
    let (badness, total) = oom_badness(task);
    let total = total.max(1) as i64;
    let points = badness.map_or(0, |b| (1000 + b * 1000 / total) * 2 / 3);
    m.print(fmt!("{}\n", points as u64));
    Ok(())
}

/// `oom_badness()` (mm/oom_kill.c, not exported) and the page total it scales by;
/// `None` for tasks the OOM killer never picks (init, kernel threads, no thread with
/// an mm, OOM-skipped or in vfork, `OOM_SCORE_ADJ_MIN`): the pages of one thread
/// with an mm (`find_lock_task_mm`: rss, swap entries, page tables) plus its
/// `oom_score_adj` in thousandths of the total.
fn oom_badness(task: &Task) -> (Option<i64>, u64) {
    const OOM_SCORE_ADJ_MIN: i64 = -1000;
    let total = sys::totalram_pages();
    if task.is_global_init() || task.is_kthread() {
        return (None, total);
    }
    let Some(t) = task.find_lock_task_mm() else {
        return (None, total);
    };
    let adj = t.oom_score_adj();
    if t.mm_oom_skip() || t.in_vfork() || adj == OOM_SCORE_ADJ_MIN {
        return (None, total);
    }
    // As C computes: the page sum in `unsigned long`, stored in a `long`;
    // `adj *= totalpages / 1000` converts `adj` to `unsigned long` (wraps);
    // `points += adj` on `long` is bounded by memory (wrapping, as the kernel's
    // -fno-strict-overflow would, gives the same number).
    let points = t.pages() as i64;
    let adj = (adj as u64).wrapping_mul(total / 1000) as i64;
    (Some(points.wrapping_add(adj)), total)
}

/// `proc_pid_schedstat`.
fn schedstat_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    match task.schedstat() {
        Some([run, wait, slices]) => m.print(fmt!("{} {} {}\n", run, wait, slices)),
        None => m.write(b"0 0 0\n"),
    }
    Ok(())
}

/// `proc_pid_ksm_merging_pages`: nothing without an address space.
#[cfg(CONFIG_KSM)]
fn ksm_merging_pages_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if let Some(mm) = task.mm() {
        m.print(fmt!("{}\n", mm.ksm_merging_pages()));
    }
    Ok(())
}

/// `proc_pid_ksm_stat`: nothing without an address space.
#[cfg(CONFIG_KSM)]
fn ksm_stat_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if let Some(mm) = task.mm() {
        let k = mm.ksm_stat();
        m.print(fmt!(
            "ksm_rmap_items {}\nksm_zero_pages {}\nksm_merging_pages {}\nksm_process_profit {}\n",
            k.rmap_items,
            k.zero_pages,
            k.merging_pages,
            k.profit
        ));
    }
    Ok(())
}

/// `proc_pid_personality`: under `lock_trace`, which refuses callers that may not
/// trace the task (`EPERM`).
fn personality_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    m.print(fmt!("{:08x}\n", task.personality(&PtraceCheck::attach())?));
    Ok(())
}

/// `proc_pid_cmdline_ops`: read at the file position with the task looked up again
/// for each read, so that a read costs what its size costs, whatever the size of
/// the argument area the process chose.
struct CmdlineFile;

static CMDLINE_FOPS: FileOps = FileOps::task_read::<CmdlineFile>();

#[vtable]
impl ReadFileOperations for CmdlineFile {
    const SEEK: Seek = Seek::Generic;

    /// `proc_pid_cmdline_read` and `get_task_cmdline`: `ESRCH` once the task is
    /// gone, nothing without an address space.
    fn read(inode: &Inode, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize> {
        let task = proc_task(inode).ok_or(ESRCH)?;
        let Some(mm) = task.mm() else { return Ok(0) };
        // "We're not going to care if *ppos has high bits set": C's unsigned long.
        let n = get_mm_cmdline(&mm, buf, count, *pos as u64 as usize)?;
        *pos = pos.wrapping_add(n as i64);
        Ok(n)
    }
}

/// `get_mm_cmdline`: the argument area from `pos`, at most `count` bytes. If the
/// process rewrote it so that its last byte is no longer NUL (setproctitle), it
/// may run on into the environment area when that follows it directly, and the
/// first page up to its first NUL is read instead (`get_mm_proctitle`).
fn get_mm_cmdline(mm: &MmWithUser, buf: UserSlice, count: usize, pos: usize) -> Result<usize> {
    let [arg_start, arg_end, env_start, env_end] = mm.arg_area();
    // Not yet far enough through exec to have one.
    if env_end == 0 || arg_start >= arg_end {
        return Ok(0);
    }
    // setproctitle may overflow into the environment only where it follows.
    let end = if env_start != arg_end || env_end < env_start {
        arg_end
    } else {
        env_end
    };
    let len = end.wrapping_sub(arg_start);
    if pos >= len {
        return Ok(0);
    }
    let count = count.min(len - pos);
    if count == 0 {
        return Ok(0);
    }
    let mut c = [0u8; 1];
    if mm.read(arg_end - 1, &mut c) == 1 && c[0] != 0 {
        return get_mm_proctitle(mm, buf, count, pos, arg_start);
    }
    // Otherwise strictly within `[arg_start, arg_end)`.
    let mut pos = pos.wrapping_add(arg_start);
    if pos < arg_start || pos >= arg_end {
        return Ok(0);
    }
    let mut count = count.min(arg_end - pos);
    let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let mut writer = buf.writer();
    let mut len = 0;
    while count > 0 {
        let size = count.min(bindings::PAGE_SIZE);
        let got = mm.read(pos, &mut page[..size]);
        if got == 0 {
            break;
        }
        if writer.write_slice(&page[..got]).is_err() {
            if len == 0 {
                return Err(EFAULT);
            }
            break;
        }
        pos = pos.wrapping_add(got);
        len += got;
        count -= got;
    }
    Ok(len)
}

/// `get_mm_proctitle`: the first page of the argument area up to and including its
/// first NUL, from `pos`.
fn get_mm_proctitle(
    mm: &MmWithUser,
    buf: UserSlice,
    count: usize,
    pos: usize,
    arg_start: usize,
) -> Result<usize> {
    if pos >= bindings::PAGE_SIZE {
        return Ok(0);
    }
    let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let got = mm.read(arg_start, &mut page);
    if got == 0 {
        return Ok(0);
    }
    let mut len = page[..got].iter().position(|&b| b == 0).unwrap_or(got);
    // The NUL too, if there is one.
    if len < got {
        len += 1;
    }
    if len <= pos {
        return Ok(0);
    }
    let len = (len - pos).min(count);
    buf.writer()
        .write_slice(&page[pos..pos + len])
        .map_err(|_| EFAULT)?;
    Ok(len)
}

/// `proc_pid_stack`: root only (CAP_SYS_ADMIN over the initial user namespace,
/// `EACCES` otherwise), and `lock_trace`'s check (`EPERM`).
fn stack_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if !m.opener_is_admin() {
        return Err(EACCES);
    }
    task.show_stack(m, &PtraceCheck::attach())
}

/// `proc_pid_wchan`: the function a blocked task sleeps in; `0` when it runs, and
/// for callers that may not read the task.
fn wchan_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    let wchan = task
        .read_access(&PtraceCheck::read())?
        .map_or(0, |a| a.task().wchan());
    let mut buf = [0u8; 1024];
    match sys::symbol_name(wchan, &mut buf) {
        Some(name) if wchan != 0 => m.write(name),
        _ => m.write(b"0"),
    }
    Ok(())
}

/// `proc_pid_syscall`: the system call number, arguments, stack pointer and
/// instruction pointer of a blocked task, under `lock_trace`.
fn syscall_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    let _trace = task.lock_trace(&PtraceCheck::attach())?;
    match task.current_syscall() {
        None => m.write(b"running\n"),
        Some(i) if i.nr < 0 => m.print(fmt!("{} {:#x} {:#x}\n", i.nr as i32, i.sp, i.ip)),
        Some(i) => {
            let a = i.args;
            m.print(fmt!(
                "{} {:#x} {:#x} {:#x} {:#x} {:#x} {:#x} {:#x} {:#x}\n",
                i.nr as i32,
                a[0],
                a[1],
                a[2],
                a[3],
                a[4],
                a[5],
                i.sp,
                i.ip
            ))
        }
    }
    Ok(())
}

/// `timerslack_ns_show`: another task's value needs CAP_SYS_NICE in its user
/// namespace (`EPERM`).
fn timerslack_ns_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if !task.is_current() && (!task.nice_capable() || !ptrace::lsm_may_schedule()) {
        return Err(EPERM);
    }
    m.print(fmt!("{}\n", task.timer_slack_ns()));
    Ok(())
}

/// `__mem_open(inode, file, PTRACE_MODE_READ)` of `environ` and `auxv`: `ESRCH`
/// without a task or address space, `EACCES` for callers that may not read it.
fn mem_open_read(inode: &Inode) -> Result<ARef<Mm>> {
    let task = proc_task(inode).ok_or(ESRCH)?;
    let mm = mm_access(&task)?;
    Ok(mm.grab())
}

/// `proc_environ_operations`: the environment of the address space held since open.
struct EnvironFile;

static ENVIRON_FOPS: FileOps = FileOps::mm::<EnvironFile>();

#[vtable]
impl MmFileOperations for EnvironFile {
    fn open(inode: &Inode) -> Result<ARef<Mm>> {
        mem_open_read(inode)
    }

    /// `environ_read`: page by page from `env_start`; nothing before the process
    /// has an environment (`env_end` 0) or once its memory is gone.
    fn read(mm: &Mm, buf: UserSlice, mut count: usize, pos: &mut i64) -> Result<usize> {
        if mm.arg_area()[3] == 0 {
            return Ok(0);
        }
        let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
        let Some(users) = mm.mmget_not_zero() else {
            return Ok(0);
        };
        let [_, _, env_start, env_end] = mm.arg_area();
        let mut writer = buf.writer();
        let mut src = *pos as u64 as usize;
        let mut ret: Result<usize> = Ok(0);
        while count > 0 {
            if src >= env_end.wrapping_sub(env_start) {
                break;
            }
            // C's unsigned long arithmetic, as `environ_read` does it.
            let at = env_start.wrapping_add(src);
            let len = env_end.wrapping_sub(at).min(count.min(bindings::PAGE_SIZE));
            let n = users.read(at, &mut page[..len]);
            if n == 0 {
                ret = Ok(0);
                break;
            }
            if writer.write_slice(&page[..n]).is_err() {
                ret = Err(EFAULT);
                break;
            }
            ret = ret.map(|r| r + n);
            src = src.wrapping_add(n);
            count -= n;
        }
        *pos = src as i64;
        ret
    }
}

/// `proc_auxv_operations`: the auxiliary vector the address space held since open
/// was started with.
struct AuxvFile;

static AUXV_FOPS: FileOps = FileOps::mm::<AuxvFile>();

#[vtable]
impl MmFileOperations for AuxvFile {
    fn open(inode: &Inode) -> Result<ARef<Mm>> {
        mem_open_read(inode)
    }

    /// `auxv_read`: `simple_read_from_buffer` over `saved_auxv` up to `AT_NULL`.
    fn read(mm: &Mm, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize> {
        let (words, n) = mm.saved_auxv();
        let mut bytes = [0u8; bindings::AT_VECTOR_SIZE as usize * core::mem::size_of::<usize>()];
        for (i, w) in words[..n].iter().enumerate() {
            let at = i * core::mem::size_of::<usize>();
            bytes[at..at + core::mem::size_of::<usize>()].copy_from_slice(&w.to_ne_bytes());
        }
        let avail = n * core::mem::size_of::<usize>();
        let start = usize::try_from(*pos).map_err(|_| EINVAL)?;
        if start >= avail || count == 0 {
            return Ok(0);
        }
        let len = count.min(avail - start);
        buf.writer().write_slice(&bytes[start..start + len])?;
        *pos += len as i64;
        Ok(len)
    }
}

// ---------------------------------------------------------------------------
// Files that take writes: comm, oom_adj, oom_score_adj, timerslack_ns
// ---------------------------------------------------------------------------

single_file!(
    /// `proc_pid_set_comm_operations`.
    CommFile,
    COMM_FOPS,
    Seq,
    write: comm_write
);
single_file!(
    /// `proc_oom_adj_operations`.
    OomAdjFile,
    OOM_ADJ_FOPS,
    Generic,
    write: oom_adj_write
);
single_file!(
    /// `proc_oom_score_adj_operations`.
    OomScoreAdjFile,
    OOM_SCORE_ADJ_FOPS,
    Default,
    write: oom_score_adj_write
);
single_file!(
    /// `proc_pid_set_timerslack_ns_operations`.
    TimerSlackNsFile,
    TIMERSLACK_NS_FOPS,
    Seq,
    write: timerslack_ns_write
);

/// `task/<tid>/comm` (`proc_tid_comm_inode_operations`): the caller's own thread
/// group may always read and write it.
struct TidComm;

static PROC_TID_COMM_IOPS: InodeOps = InodeOps::new::<TidComm>();

#[vtable]
impl InodeOperations for TidComm {
    const NOCHMOD: bool = true;

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        const MAY_EXEC: c_int = 1;
        let task = proc_task(inode).ok_or(ESRCH)?;
        if task.is_current_group() && mask & MAY_EXEC == 0 {
            return Ok(());
        }
        inode.generic_permission(mask)
    }
}

/// `comm_write`: renames a thread of the caller's own group (`EINVAL` for others),
/// with at most `TASK_COMM_LEN - 1` bytes of what was written.
fn comm_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    let mut name = [0u8; bindings::TASK_COMM_LEN as usize];
    let n = count.min(name.len() - 1);
    buf.reader().read_slice(&mut name[..n])?;
    let task = proc_task(inode).ok_or(ESRCH)?;
    if !task.is_current_group() {
        return Err(EINVAL);
    }
    task.set_comm(&name[..n]);
    Ok(count)
}

const OOM_DISABLE: i32 = -17;
const OOM_ADJUST_MIN: i32 = -16;
const OOM_ADJUST_MAX: i32 = 15;
const OOM_SCORE_ADJ_MIN: i32 = -1000;
const OOM_SCORE_ADJ_MAX: i32 = 1000;

/// The number written to an oom file: `kstrtoint(strstrip(...), 0)` of at most
/// `PROC_NUMBUF - 1` bytes, and the count the write returns.
fn read_oom_number(buf: UserSlice, count: usize) -> Result<(i32, usize)> {
    const PROC_NUMBUF: usize = 13;
    let mut b = [0u8; PROC_NUMBUF];
    let count = count.min(PROC_NUMBUF - 1);
    buf.reader().read_slice(&mut b[..count])?;
    Ok((cred::kstrtoint_stripped(&mut b)?, count))
}

/// `oom_adj_write`: -16..15 or -17 (`OOM_DISABLE`), scaled to the score's range.
fn oom_adj_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    let (adj, count) = read_oom_number(buf, count)?;
    if !(OOM_ADJUST_MIN..=OOM_ADJUST_MAX).contains(&adj) && adj != OOM_DISABLE {
        return Err(EINVAL);
    }
    let adj = if adj == OOM_ADJUST_MAX {
        OOM_SCORE_ADJ_MAX
    } else {
        adj * OOM_SCORE_ADJ_MAX / -OOM_DISABLE
    };
    set_oom_adj(inode, adj, true)?;
    Ok(count)
}

/// `oom_score_adj_write`: -1000..1000.
fn oom_score_adj_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    let (adj, count) = read_oom_number(buf, count)?;
    if !(OOM_SCORE_ADJ_MIN..=OOM_SCORE_ADJ_MAX).contains(&adj) {
        return Err(EINVAL);
    }
    set_oom_adj(inode, adj, false)?;
    Ok(count)
}

/// `__set_oom_adj`: lowering the score below the old value (`legacy`) or below
/// `oom_score_adj_min` needs CAP_SYS_RESOURCE (`EACCES`); the processes that share
/// the mm (not vfork children) get the same value; a writer with CAP_SYS_RESOURCE
/// also sets the minimum. (The `oom_score_adj_update` tracepoint is not fired.)
fn set_oom_adj(inode: &Inode, adj: i32, legacy: bool) -> Result {
    static WARNED: AtomicBool = AtomicBool::new(false);
    let task = proc_task(inode).ok_or(ESRCH)?;
    let _lock = MutexGuard::oom_adj();
    if legacy {
        if adj < task.oom_score_adj() && !cred::capable(bindings::CAP_SYS_RESOURCE) {
            return Err(EACCES);
        }
        if !WARNED.swap(true, Ordering::Relaxed) {
            let nr = task.global_pid();
            Task::with_current(|cur| {
                pr_warn!(
                    "{} ({}): /proc/{}/oom_adj is deprecated, please use /proc/{}/oom_score_adj instead.\n",
                    BStr::from_bytes(&cur.comm()),
                    cur.global_pid(),
                    nr,
                    nr
                )
            });
        }
    } else if i32::from(adj as i16) < task.oom_score_adj_min()
        && !cred::capable(bindings::CAP_SYS_RESOURCE)
    {
        return Err(EACCES);
    }
    let mm = task.multiprocess_mm();
    let set_min = !legacy && cred::current_has_capability_noaudit(bindings::CAP_SYS_RESOURCE);
    task.set_oom_score_adj(adj as i16, set_min);
    if let Some(mm) = mm {
        task.for_each_sharing_mm(&mm, |p| p.set_oom_score_adj(adj as i16, set_min));
    }
    Ok(())
}

/// `timerslack_ns_write`: another task's slack needs CAP_SYS_NICE in its user
/// namespace (`EPERM`) and the LSMs' `security_task_setscheduler`, which is not
/// exported (see `ptrace::lsm_may_schedule`).
fn timerslack_ns_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    // kstrtoull_from_user(buf, count, 10, ...)
    let mut b = [0u8; 1 + 64 + 1 + 1];
    let n = count.min(b.len() - 1);
    buf.reader().read_slice(&mut b[..n])?;
    let slack_ns = cred::kstrtoull(&b[..=n], 10)?;
    let task = proc_task(inode).ok_or(ESRCH)?;
    if !task.is_current() && (!task.nice_capable() || !ptrace::lsm_may_schedule()) {
        return Err(EPERM);
    }
    task.set_timer_slack_ns(slack_ns);
    Ok(count)
}

/// `proc_pid_arch_status` (arch/x86/kernel/fpu/xstate.c): how long ago the task
/// last used AVX-512, on CPUs that have it.
fn arch_status_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if let Some(ms) = task.avx512_elapsed_ms() {
        m.print(fmt!("AVX512_elapsed_ms:\t{}\n", ms));
    }
    Ok(())
}

/// `proc_timers_operations`: the process's POSIX timers, walked under its signal
/// lock from `start` to `stop` (`wrap/posix_timers.rs`).
struct Timers;

static TIMERS_FOPS: FileOps = FileOps::timers::<Timers>();

impl TimersShow for Timers {
    /// `show_timer`.
    fn show(m: &SeqFile, t: &PosixTimer) -> Result {
        const SIGEV_THREAD_ID: i32 = 4;
        let how = match t.notify & !SIGEV_THREAD_ID {
            0 => "signal",
            1 => "none",
            2 => "thread",
            _ => "(null)",
        };
        let to = if t.notify & SIGEV_THREAD_ID != 0 {
            "tid"
        } else {
            "pid"
        };
        m.print(fmt!(
            "ID: {}\nsignal: {}/{:016x}\nnotify: {}/{}.{}\nClockID: {}\n",
            t.id,
            t.signo,
            t.sival_ptr,
            how,
            to,
            t.pid_nr,
            t.clock
        ));
        Ok(())
    }
}

/// `timens_offsets_show` (kernel/time/namespace.c's `proc_timens_show_offsets`):
/// the offsets of the time namespace the task's children get.
fn timens_offsets_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if let Some([(ms, mn), (bs, bn)]) = task.timens_offsets() {
        m.print(fmt!("{:<10} {:>10} {:>9}\n", "monotonic", ms, mn));
        m.print(fmt!("{:<10} {:>10} {:>9}\n", "boottime", bs, bn));
    }
    Ok(())
}

single_file!(
    /// `proc_timens_offsets_operations`. Setting offsets needs
    /// `proc_timens_set_offset`, which is not exported: writes are refused.
    TimensOffsetsFile,
    TIMENS_OFFSETS_FOPS,
    Seq,
    write: timens_offsets_write
);

/// `timens_offsets_write`: refused (`EPERM`), see above.
fn timens_offsets_write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
    Err(EPERM)
}

/// `sched_autogroup_show` (`proc_sched_autogroup_show_task`): the process's autogroup,
/// if its task group is one; nothing once its signal handlers are gone (fs/proc then
/// shows `autogroup_default`, which is not one).
#[cfg(CONFIG_SCHED_AUTOGROUP)]
fn sched_autogroup_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    let ag = task.sighand_lock().and_then(|sighand| sighand.autogroup());
    if let Some((id, nice)) = ag {
        m.print(fmt!("/autogroup-{} nice {}\n", id, nice));
    }
    Ok(())
}

/// `sched_autogroup_write`: the number is parsed and checked as fs/proc checks it
/// (`EINVAL`, `ESRCH`), then the write is refused (`EPERM`):
/// `proc_sched_autogroup_set_nice` and `sched_group_set_shares` are not exported.
#[cfg(CONFIG_SCHED_AUTOGROUP)]
fn sched_autogroup_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    const PROC_NUMBUF: usize = 13;
    let mut b = [0u8; PROC_NUMBUF];
    let n = count.min(PROC_NUMBUF - 1);
    buf.reader().read_slice(&mut b[..n])?;
    let nice = cred::kstrtoint_stripped(&mut b)?;
    proc_task(inode).ok_or(ESRCH)?;
    // MIN_NICE..=MAX_NICE
    if !(-20..=19).contains(&nice) {
        return Err(EINVAL);
    }
    Err(EPERM)
}

#[cfg(CONFIG_SCHED_AUTOGROUP)]
single_file!(
    /// `proc_pid_sched_autogroup_operations`.
    AutogroupFile,
    AUTOGROUP_FOPS,
    Seq,
    write: sched_autogroup_write
);

/// `task/<tid>/children` (`proc_tid_children_operations`, fs/proc/array.c): the pid
/// of each child process of the thread, each followed by a space; empty once the
/// thread is gone.
struct ChildrenFile;

static CHILDREN_FOPS: FileOps = FileOps::seq::<ChildrenFile>();

#[vtable]
impl SeqFileOperations for ChildrenFile {
    type Kind = Single;

    fn open<'a>(_inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        file.single_open::<Self>()
    }

    /// `children_seq_show` for each child: the pid number in the mount's namespace of
    /// each process whose real parent is this thread, in the order processes were
    /// created. fs/proc walks the thread's `children` list under `tasklist_lock`,
    /// which is not exported (and the list is not RCU-safe): this walks every
    /// process under RCU instead, so a child reparented to this thread comes at its
    /// place in creation order, not at the end.
    fn show(m: &SeqFile, inode: &Inode) -> Result {
        let Some(task) = proc_task(inode) else {
            return Ok(());
        };
        let ns = fs_info(inode.super_block())?.pid_ns();
        task::for_each_process(|p| {
            if task.is_real_parent_of(p) {
                m.print(fmt!("{} ", p.pid_nr_ns(ns)));
            }
        });
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// coredump_filter (CONFIG_ELF_CORE), loginuid and sessionid (CONFIG_AUDIT)
// ---------------------------------------------------------------------------

/// `proc_coredump_filter_read`: the filter bits in hex; nothing without an mm.
#[cfg(CONFIG_ELF_CORE)]
fn coredump_filter_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if let Some(mm) = task.mm() {
        m.print(fmt!("{:08x}\n", mm.coredump_filter()));
    }
    Ok(())
}

/// `proc_coredump_filter_write`: a number (`kstrtouint_from_user(..., 0, ...)`)
/// whose low bits become the filter; `ESRCH` without a task or an mm. The file's
/// mode is the only check, as in fs/proc.
#[cfg(CONFIG_ELF_CORE)]
fn coredump_filter_write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
    let mut b = [0u8; 1 + 32 + 1 + 1];
    let n = count.min(b.len() - 1);
    buf.reader().read_slice(&mut b[..n])?;
    let val = cred::kstrtouint_errno(&b[..=n], 0)?;
    let task = proc_task(inode).ok_or(ESRCH)?;
    task.mm().ok_or(ESRCH)?.set_coredump_filter(val);
    Ok(count)
}

#[cfg(CONFIG_ELF_CORE)]
single_file!(
    /// `proc_coredump_filter_operations`.
    CoredumpFilterFile,
    COREDUMP_FILTER_FOPS,
    Generic,
    write: coredump_filter_write
);

/// `proc_loginuid_read`: the login uid as the opener's user namespace sees it, no
/// newline.
#[cfg(CONFIG_AUDIT)]
fn loginuid_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    m.print(fmt!("{}", task.loginuid(m.opener_user_ns())));
    Ok(())
}

/// `proc_sessionid_read`: the audit session id, no newline.
#[cfg(CONFIG_AUDIT)]
fn sessionid_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    m.print(fmt!("{}", task.sessionid()));
    Ok(())
}

/// `proc_loginuid_write` needs `audit_set_loginuid`, which is not exported: writes
/// are refused (`EPERM`).
#[cfg(CONFIG_AUDIT)]
fn loginuid_write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
    Err(EPERM)
}

#[cfg(CONFIG_AUDIT)]
single_file!(
    /// `proc_loginuid_operations`.
    LoginuidFile,
    LOGINUID_FOPS,
    Generic,
    write: loginuid_write
);
