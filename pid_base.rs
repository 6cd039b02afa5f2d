// SPDX-License-Identifier: GPL-2.0

//! Per-process directories (fs/proc/base.c): `/proc2/<pid>` from the root, the
//! tables of what each holds (`tgid_base_stuff`, `tid_base_stuff`), `task/`, and the
//! inodes, dentries and files that show them. File contents from fs/proc/array.c are
//! in array.rs.
//!
//! Inode numbers: fs/proc numbers per-process inodes with `get_next_ino()` and lets
//! readdir instantiate a dentry per name (`proc_fill_cache`) so that it can report
//! them; the helper that needs (`d_lookup_done`) is not exported. Here a per-process
//! inode's number is computed from (pid number, directory kind, table index), so
//! readdir reports the number lookup gives without instantiating anything.

use crate::{
    array, fd, fs_info,
    pde::name_to_int,
    seq::{self, SeqFile},
    task::{self, Path, Pid, PidType, Task},
    vfs::{self, Dentry, DirContext, Inode, Kstat, NewInode, OpsTable, PidNamespace, SuperBlock},
    FsInfo, HidePid,
};
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use kernel::{
    bindings,
    error::from_result,
    ffi::{c_char, c_int, c_void},
    fmt,
    prelude::*,
    types::ARef,
};

/// Writes one per-process file (`proc_show` of a `ONE` entry).
pub(crate) type ShowTaskFn = fn(&SeqFile, &PidNamespace, &Pid, &Task) -> Result;
/// The target of a per-process link (`proc_get_link`); `fd` is the inode's fd, for
/// the links of `fd/`.
pub(crate) type LinkFn = fn(&Task, u32) -> Option<Path>;

/// What a per-process entry is.
pub(crate) enum PidKind {
    /// A process or thread directory listing this table, and its link count.
    Base(&'static [PidEntry], u32),
    /// `task/`: the threads of the group.
    Task,
    /// A seq_file shown by one call (fs/proc's `ONE`).
    Show(ShowTaskFn),
    /// A file with its own operations in fs/proc (`REG`), here also shown by one
    /// call, but with fs/proc's `llseek` (`default_llseek` when `default_llseek`,
    /// else `generic_file_llseek`) and, for `mem_open`-style files, `mm_open`'s
    /// checks at open time.
    Reg {
        show: ShowTaskFn,
        mm_open: bool,
        default_llseek: bool,
    },
    /// A link, readable by whoever may read the task's state.
    Link(LinkFn),
    /// `fd/`: a link per open file.
    Fd,
    /// `fdinfo/`: a file per open file.
    FdInfo,
    /// A file of `fdinfo/`.
    FdInfoFile,
}

/// An entry of a per-process table (`struct pid_entry`).
pub(crate) struct PidEntry {
    pub(crate) name: &'static [u8],
    pub(crate) mode: u16,
    pub(crate) kind: PidKind,
}

const S_IFDIR: u16 = bindings::S_IFDIR as u16;
const S_IFREG: u16 = bindings::S_IFREG as u16;
const S_IFLNK: u16 = bindings::S_IFLNK as u16;

const fn dir(name: &'static [u8], mode: u16, kind: PidKind) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFDIR | mode,
        kind,
    }
}

const fn one(name: &'static [u8], mode: u16, show: ShowTaskFn) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFREG | mode,
        kind: PidKind::Show(show),
    }
}

const fn reg(name: &'static [u8], mode: u16, show: ShowTaskFn, mm_open: bool) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFREG | mode,
        kind: PidKind::Reg {
            show,
            mm_open,
            default_llseek: false,
        },
    }
}

const fn lnk(name: &'static [u8], link: LinkFn) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFLNK | 0o777,
        kind: PidKind::Link(link),
    }
}

/// `/proc2/<tgid>/`, in fs/proc's order (the entries procfs2 has; the others are in
/// tests/missing-pid-entries.txt).
static TGID_BASE_STUFF: [PidEntry; 22] = [
    dir(b"task", 0o555, PidKind::Task),
    dir(b"fd", 0o500, PidKind::Fd),
    dir(b"fdinfo", 0o555, PidKind::FdInfo),
    reg(b"environ", 0o400, environ_show, true),
    reg(b"auxv", 0o400, auxv_show, true),
    one(b"status", 0o444, array::proc_pid_status),
    one(b"personality", 0o400, personality_show),
    one(b"limits", 0o444, limits_show),
    one(b"comm", 0o644, comm_show),
    reg(b"cmdline", 0o444, cmdline_show, false),
    one(b"stat", 0o444, array::proc_tgid_stat),
    one(b"statm", 0o444, array::proc_pid_statm),
    lnk(b"cwd", cwd_link),
    lnk(b"root", root_link),
    lnk(b"exe", exe_link),
    one(b"stack", 0o400, stack_show),
    one(b"schedstat", 0o444, schedstat_show),
    one(b"oom_score", 0o444, oom_score_show),
    reg(b"oom_adj", 0o644, oom_adj_show, false),
    PidEntry {
        name: b"oom_score_adj",
        mode: S_IFREG | 0o644,
        kind: PidKind::Reg {
            show: oom_score_adj_show,
            mm_open: false,
            default_llseek: true,
        },
    },
    one(b"io", 0o400, tgid_io_show),
    one(b"timerslack_ns", 0o666, timerslack_ns_show),
];

/// `/proc2/<tgid>/task/<tid>/`, in fs/proc's order.
static TID_BASE_STUFF: [PidEntry; 20] = [
    dir(b"fd", 0o500, PidKind::Fd),
    dir(b"fdinfo", 0o555, PidKind::FdInfo),
    reg(b"environ", 0o400, environ_show, true),
    reg(b"auxv", 0o400, auxv_show, true),
    one(b"status", 0o444, array::proc_pid_status),
    one(b"personality", 0o400, personality_show),
    one(b"limits", 0o444, limits_show),
    one(b"comm", 0o644, comm_show),
    reg(b"cmdline", 0o444, cmdline_show, false),
    one(b"stat", 0o444, array::proc_tid_stat),
    one(b"statm", 0o444, array::proc_pid_statm),
    lnk(b"cwd", cwd_link),
    lnk(b"root", root_link),
    lnk(b"exe", exe_link),
    one(b"stack", 0o400, stack_show),
    one(b"schedstat", 0o444, schedstat_show),
    one(b"oom_score", 0o444, oom_score_show),
    reg(b"oom_adj", 0o644, oom_adj_show, false),
    PidEntry {
        name: b"oom_score_adj",
        mode: S_IFREG | 0o644,
        kind: PidKind::Reg {
            show: oom_score_adj_show,
            mm_open: false,
            default_llseek: true,
        },
    },
    one(b"io", 0o400, tid_io_show),
];

/// The directory of a process (`proc_tgid_base_*`).
static TGID_DIR: PidEntry = dir(
    b"",
    0o555,
    PidKind::Base(&TGID_BASE_STUFF, table_nlink(&TGID_BASE_STUFF)),
);
/// The directory of a thread under `task/` (`proc_tid_base_*`).
static TID_DIR: PidEntry = dir(
    b"",
    0o555,
    PidKind::Base(&TID_BASE_STUFF, table_nlink(&TID_BASE_STUFF)),
);

/// Inode number of entry `index` (0: the directory itself) of the directory of pid
/// number `nr`; `tid` for the `task/<tid>` directories. Above 2^32, clear of the
/// entry tree's numbers.
fn pid_ino(nr: u32, tid: bool, index: usize) -> u64 {
    (1 << 32) | (u64::from(nr) << 12) | (u64::from(tid) << 11) | index as u64
}

/// Whether a directory's entries are numbered as a thread's (`task/<tid>/...`).
fn dir_ino_base(ent: &PidEntry) -> bool {
    core::ptr::eq(ent, &TID_DIR)
}

/// Whether `ent` belongs to a thread's directory (`tid_base_stuff`).
pub(crate) fn in_tid_table(ent: &PidEntry) -> bool {
    TID_BASE_STUFF
        .as_ptr_range()
        .contains(&core::ptr::from_ref(ent))
}

/// Link count of a directory listing `table` (`pid_entry_nlink`), computed at build
/// time for the two tables, as fs/proc computes `nlink_tgid` and `nlink_tid` once at
/// boot (`set_proc_pid_nlink`).
const fn table_nlink(table: &[PidEntry]) -> u32 {
    let mut n = 2;
    let mut i = 0;
    while i < table.len() {
        if table[i].mode as u32 & bindings::S_IFMT == bindings::S_IFDIR {
            n += 1;
        }
        i += 1;
    }
    n
}

/// A new inode of `sb` for `ent` of `task` (`proc_pid_make_inode`), owned as
/// `task_dump_owner` says.
pub(crate) fn pid_make_inode(
    sb: &SuperBlock,
    task: &Task,
    ent: &'static PidEntry,
    ino: u64,
) -> Result<NewInode> {
    let pid = task.pid().ok_or(ENOENT)?;
    let mut inode = sb.new_inode()?;
    inode.set_ino(ino);
    let (uid, gid) = task.dump_owner(ent.mode);
    match &ent.kind {
        PidKind::Base(_, nlink) => {
            inode.set_attrs(ent.mode, *nlink, &PID_BASE_IOPS, Some(&PID_BASE_FOPS))
        }
        PidKind::Task => inode.set_attrs(ent.mode, 2, &PROC_TASK_IOPS, Some(&PROC_TASK_FOPS)),
        PidKind::Show(_) => inode.set_attrs(ent.mode, 1, &PID_FILE_IOPS, Some(&PID_SINGLE_FOPS)),
        PidKind::Reg { default_llseek, .. } => {
            let fops = if *default_llseek {
                &PID_REG_DEFAULT_LLSEEK_FOPS
            } else {
                &PID_REG_FOPS
            };
            inode.set_attrs(ent.mode, 1, &PID_FILE_IOPS, Some(fops))
        }
        PidKind::Link(_) => inode.set_attrs(ent.mode, 1, &PID_LINK_IOPS, None),
        PidKind::Fd => inode.set_attrs(ent.mode, 2, &fd::PROC_FD_IOPS, Some(&fd::PROC_FD_FOPS)),
        PidKind::FdInfo => inode.set_attrs(
            ent.mode,
            2,
            &fd::PROC_FDINFO_IOPS,
            Some(&fd::PROC_FDINFO_FOPS),
        ),
        PidKind::FdInfoFile => inode.set_attrs(
            ent.mode,
            1,
            &fd::PROC_FDINFO_FILE_IOPS,
            Some(&PID_SINGLE_FOPS),
        ),
    }
    inode.set_owner(uid, gid);
    inode.set_pid(pid, ent);
    Ok(inode)
}

/// Instantiates `dentry` as `ent` of `task` (`proc_pident_instantiate` and
/// `proc_pid_instantiate`).
fn instantiate(
    dentry: &Dentry,
    task: &Task,
    ent: &'static PidEntry,
    ino: u64,
) -> Result<*mut bindings::dentry> {
    let inode = pid_make_inode(dentry.super_block(), task, ent, ino)?;
    dentry.set_ops(&PID_DOPS);
    dentry.splice_alias(inode)
}

/// Whether the caller may see `task` under the mount's `hidepid=` at level `min`
/// (`has_pid_permissions`): always below `min`, else as a member of `gid=` or when
/// it may read the task's state; with `hidepid=ptraceable` only the latter.
fn has_pid_permissions(info: &FsInfo, task: &Task, min: HidePid) -> bool {
    let hide = info.hide_pid();
    if hide == HidePid::NotPtraceable {
        return task.may_read();
    }
    if hide < min || vfs::in_group_p(info.pid_gid()) {
        return true;
    }
    task.may_read()
}

/// `proc_pid_permission`: `hidepid=` first (`ENOENT` when invisible, `EPERM`
/// otherwise), then the mode bits.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_pid_permission(
    _idmap: *mut bindings::mnt_idmap,
    inode: *mut bindings::inode,
    mask: c_int,
) -> c_int {
    // SAFETY: The VFS passes an inode of ours.
    let inode = unsafe { Inode::from_raw(inode) };
    let Some(task) = proc_task(inode) else {
        return ESRCH.to_errno();
    };
    let info = fs_info(inode.super_block());
    if !has_pid_permissions(info, &task, HidePid::NoAccess) {
        return if info.hide_pid() == HidePid::Invisible {
            ENOENT.to_errno()
        } else {
            EPERM.to_errno()
        };
    }
    vfs::generic_permission(inode, mask)
}

// ---------------------------------------------------------------------------
// The root's share: numeric names (proc_pid_lookup, proc_pid_readdir)
// ---------------------------------------------------------------------------

/// Looks up a numeric name at the root (`proc_pid_lookup`): any task with that
/// number in the mount's namespace, thread or leader, as fs/proc finds it.
pub(crate) fn proc_pid_lookup(dentry: &Dentry) -> Result<*mut bindings::dentry> {
    let nr = name_to_int(dentry.name()).ok_or(ENOENT)?;
    let info = fs_info(dentry.super_block());
    let task = task::find_task(info.pid_ns(), nr).ok_or(ENOENT)?;
    if info.hide_pid() == HidePid::NotPtraceable
        && !has_pid_permissions(info, &task, HidePid::NoAccess)
    {
        return Err(ENOENT);
    }
    instantiate(dentry, &task, &TGID_DIR, pid_ino(nr, false, 0))
}

/// Emits the thread-group leaders from the position of `ctx` on, at position
/// `tgid + offset` each (`proc_pid_readdir`). Returns `false` when the reader's
/// buffer filled up; the position then names the process to start with next time.
pub(crate) fn proc_pid_readdir(ctx: &DirContext, info: &FsInfo, offset: i64, end: i64) -> bool {
    let Ok(mut nr) = u32::try_from(ctx.pos() - offset) else {
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
        if !ctx.emit(name, pid_ino(tgid, false, 0), vfs::DT_DIR) {
            return false;
        }
    }
    ctx.set_pos(end);
    true
}

/// The root's process count, kept so that `stat` of the root does not walk every
/// process each time: a count is reused within one tick and while the namespace's
/// [`PidNamespace::pid_allocated`] stays the same, that is with no pid allocated or
/// freed in the namespace since (a fork or an exit changes it at once; a change that frees no
/// pid, such as a process-group leader's release, shows at the next tick).
///
/// `key` and `count` form a sequence lock with one writer at a time (`updating`): a
/// reader takes `count` only when it found the same key before and after it.
pub(crate) struct ProcessCount {
    key: AtomicU64,
    count: AtomicU32,
    updating: AtomicBool,
}

impl ProcessCount {
    pub(crate) const fn new() -> Self {
        Self {
            key: AtomicU64::new(0),
            count: AtomicU32::new(0),
            updating: AtomicBool::new(false),
        }
    }

    /// The number of processes in `ns` (the `nr_processes()` of the root's link count).
    pub(crate) fn get(&self, ns: &PidNamespace) -> u32 {
        // Non-zero; the tick's low 31 bits wrap after months.
        let key = 1 << 63 | (vfs::jiffies() & 0x7fff_ffff) << 32 | u64::from(ns.pid_allocated());
        if self.key.load(Ordering::Acquire) == key {
            let n = self.count.load(Ordering::Acquire);
            if self.key.load(Ordering::Acquire) == key {
                return n;
            }
        }
        // fs/proc uses `nr_processes()`, which is not exported.
        let n = task::count_tgids(ns);
        if !self.updating.swap(true, Ordering::Acquire) {
            self.key.store(0, Ordering::Release);
            self.count.store(n, Ordering::Release);
            self.key.store(key, Ordering::Release);
            self.updating.store(false, Ordering::Release);
        }
        n
    }
}

// ---------------------------------------------------------------------------
// Process and thread directories (proc_pident_lookup, proc_pident_readdir)
// ---------------------------------------------------------------------------

/// The task a per-process inode shows, if it still runs (`get_proc_task`).
pub(crate) fn proc_task(inode: &Inode) -> Option<ARef<Task>> {
    inode.pid()?.task(PidType::Pid)
}

/// The table and number space of a base directory inode.
fn base_parts(inode: &Inode) -> Option<(&'static [PidEntry], bool, u32)> {
    let ent = inode.pident()?;
    let PidKind::Base(table, _) = ent.kind else {
        return None;
    };
    let ns = fs_info(inode.super_block()).pid_ns();
    Some((table, dir_ino_base(ent), inode.pid()?.nr_ns(ns)))
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_pident_lookup(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the directory inode and the dentry being looked up.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Dentry::from_raw(dentry)) };
    vfs::lookup_result((|| {
        let (table, tid, nr) = base_parts(dir).ok_or(ENOENT)?;
        let task = proc_task(dir).ok_or(ENOENT)?;
        let (i, ent) = table
            .iter()
            .enumerate()
            .find(|(_, e)| e.name == dentry.name())
            .ok_or(ENOENT)?;
        instantiate(dentry, &task, ent, pid_ino(nr, tid, i + 1))
    })())
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_pident_readdir(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory of ours and a context for this call.
    let (inode, ctx, parent) = unsafe { vfs::readdir_args(file, ctx) };
    let Some((table, tid, nr)) = base_parts(inode) else {
        return ENOENT.to_errno();
    };
    if proc_task(inode).is_none() {
        return ENOENT.to_errno();
    }
    if !ctx.emit_dots(inode.ino(), parent) {
        return 0;
    }
    let Ok(start) = usize::try_from(ctx.pos() - 2) else {
        return 0;
    };
    for (i, ent) in table.iter().enumerate().skip(start) {
        if !ctx.emit(ent.name, pid_ino(nr, tid, i + 1), u32::from(ent.mode) >> 12) {
            return 0;
        }
        ctx.set_pos(ctx.pos() + 1);
    }
    0
}

/// `pid_getattr`: root-owned once the task is gone, else its dump owner.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn pid_getattr(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    let inode = stat.inode();
    stat.set_owner(0, 0);
    let info = fs_info(inode.super_block());
    if info.hide_pid() < HidePid::Invisible {
        // Everyone may see every process: only the owner to find, without a reference.
        if let Some((uid, gid)) = inode
            .pid()
            .and_then(|p| p.task_dump_owner(PidType::Pid, inode.mode()))
        {
            stat.set_owner(uid, gid);
        }
        return 0;
    }
    if let Some(t) = proc_task(inode) {
        if !has_pid_permissions(info, &t, HidePid::Invisible) {
            // Consistent with readdir, as in fs/proc.
            return ENOENT.to_errno();
        }
        let (uid, gid) = t.dump_owner(inode.mode());
        stat.set_owner(uid, gid);
    }
    0
}

// ---------------------------------------------------------------------------
// task/ (proc_task_lookup, proc_task_readdir, proc_task_getattr)
// ---------------------------------------------------------------------------

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_task_lookup(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the directory inode and the dentry being looked up.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Dentry::from_raw(dentry)) };
    vfs::lookup_result((|| {
        let leader = proc_task(dir).ok_or(ENOENT)?;
        let tid = name_to_int(dentry.name()).ok_or(ENOENT)?;
        let ns = fs_info(dir.super_block()).pid_ns();
        let task = task::find_task(ns, tid).ok_or(ENOENT)?;
        if task.tgid_nr_ns(ns) != leader.tgid_nr_ns(ns) || task.tgid_nr_ns(ns) == 0 {
            return Err(ENOENT);
        }
        instantiate(dentry, &task, &TID_DIR, pid_ino(tid, true, 0))
    })())
}

/// Lists the threads in thread-list order, one position each (`proc_task_readdir`):
/// O(threads) for a whole listing, plus a recount where a thread exits under it.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_task_readdir(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory of ours and a context for this call.
    let (inode, ctx, parent) = unsafe { vfs::readdir_args(file, ctx) };
    let Some(leader) = proc_task(inode) else {
        return ENOENT.to_errno();
    };
    if !ctx.emit_dots(inode.ino(), parent) {
        return 0;
    }
    let ns = fs_info(inode.super_block()).pid_ns();
    let Ok(mut n) = u32::try_from(ctx.pos() - 2) else {
        return 0;
    };
    // The position's thread is found by counting once; then each step goes to the
    // next thread, and counts again only if the thread it stands on has exited.
    let mut cur = leader.nth_thread(n);
    while let Some(t) = cur {
        let tid = t.pid_nr_ns(ns);
        let mut name = [0u8; 20];
        let name = seq::decimal(&mut name, tid.into());
        if tid != 0 && !ctx.emit(name, pid_ino(tid, true, 0), vfs::DT_DIR) {
            return 0;
        }
        n += 1;
        ctx.set_pos(ctx.pos() + 1);
        cur = t.next_thread().unwrap_or_else(|()| leader.nth_thread(n));
    }
    0
}

/// `proc_task_getattr`: the link count adds the threads.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_task_getattr(
    idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    query_flags: u32,
) -> c_int {
    // SAFETY: Forwarded arguments of this callback.
    let r = unsafe { pid_getattr(idmap, path, stat, request_mask, query_flags) };
    // SAFETY: As above; `pid_getattr` filled `stat`.
    let stat = unsafe { Kstat::from_filled(path, stat) };
    if let Some(t) = proc_task(stat.inode()) {
        stat.set_nlink(2 + t.nr_threads());
    }
    r
}

// ---------------------------------------------------------------------------
// Dentries (pid_revalidate, pid_delete_dentry)
// ---------------------------------------------------------------------------

/// `pid_revalidate`: valid while the task lives, with its owner re-applied. Like
/// fs/proc's it also answers in RCU walk mode (`LOOKUP_RCU`), which keeps path walks
/// through per-process directories lock- and refcount-free: nothing here sleeps
/// (`get_pid_task`, the task's credentials and `task_lock`), and the inode and its
/// pid stay readable for the walk's RCU section.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn pid_revalidate(dentry: *mut bindings::dentry, _flags: u32) -> c_int {
    // SAFETY: The VFS passes a dentry of ours.
    let dentry = unsafe { Dentry::from_raw(dentry) };
    let Some(inode) = dentry.inode_rcu() else {
        return 0;
    };
    match inode
        .pid()
        .and_then(|p| p.task_dump_owner(PidType::Pid, inode.mode()))
    {
        Some((uid, gid)) => {
            inode.update_owner(uid, gid);
            1
        }
        None => 0,
    }
}

/// `pid_delete_dentry`: a dead task's dentries are not kept.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
pub(crate) unsafe extern "C" fn pid_delete_dentry(dentry: *const bindings::dentry) -> c_int {
    // SAFETY: The VFS passes a dentry of ours.
    let dentry = unsafe { Dentry::from_raw(dentry.cast_mut()) };
    let dead = dentry
        .inode()
        .and_then(Inode::pid)
        .is_some_and(|p| !p.has_task(PidType::Pid));
    c_int::from(dead)
}

// ---------------------------------------------------------------------------
// Files (proc_single_file_operations) and links (proc_pid_link_inode_operations)
// ---------------------------------------------------------------------------

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_single_open(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened, one of ours.
    let ino = unsafe { Inode::from_raw(inode) };
    if let Some(PidKind::Reg { mm_open: true, .. }) = ino.pident().map(|e| &e.kind) {
        let Some(task) = proc_task(ino) else {
            return ESRCH.to_errno();
        };
        let checked = mm_access(&task).map(drop);
        if let Err(e) = checked {
            return e.to_errno();
        }
    }
    // SAFETY: `single_open` keeps the inode as private data; an open file pins it.
    unsafe { bindings::single_open(file, Some(proc_single_show), inode.cast()) }
}

/// `proc_single_show`: looks the task up again for every fill; `ESRCH` once gone.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_single_show(m: *mut bindings::seq_file, _v: *mut c_void) -> c_int {
    // SAFETY: `proc_single_open` made `private` the inode, pinned by the open file.
    let (seq, inode) = unsafe { (SeqFile::from_raw(m), Inode::from_raw((*m).private.cast())) };
    from_result(|| {
        let pid = inode.pid().ok_or(EIO)?;
        match inode.pident().map(|e| &e.kind) {
            Some(PidKind::Show(show) | PidKind::Reg { show, .. }) => {
                let task = pid.task(PidType::Pid).ok_or(ESRCH)?;
                show(seq, fs_info(inode.super_block()).pid_ns(), pid, &task)?;
            }
            Some(PidKind::FdInfoFile) => {
                // fd.c's `seq_show` answers `ENOENT` for a task or fd that is gone.
                let task = pid.task(PidType::Pid).ok_or(ENOENT)?;
                fd::fdinfo_show(seq, &task, inode.fd())?;
            }
            _ => return Err(EIO),
        }
        Ok(0)
    })
}

/// `proc_pid_get_link`, as a plain symlink: the target's path as text, for callers
/// that may read the task's state (`EACCES` otherwise); `ENOENT` when there is none.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_pid_get_link(
    dentry: *mut bindings::dentry,
    inode: *mut bindings::inode,
    done: *mut bindings::delayed_call,
) -> *const c_char {
    if dentry.is_null() {
        return ECHILD.to_ptr();
    }
    // SAFETY: The VFS passes the link's inode, pinned for the call.
    let inode = unsafe { Inode::from_raw(inode) };
    let r = (|| -> Result<(KVec<u8>, core::ops::Range<usize>)> {
        let Some(PidKind::Link(link)) = inode.pident().map(|e| &e.kind) else {
            return Err(EIO);
        };
        let task = proc_task(inode).ok_or(ENOENT)?;
        if !task.may_read() {
            return Err(EACCES);
        }
        let path = link(&task, inode.fd()).ok_or(ENOENT)?;
        let mut buf = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
        let range = path.d_path(&mut buf)?;
        Ok((buf, range))
    })();
    match r {
        // SAFETY: `done` is the argument of this call.
        Ok((buf, range)) => unsafe { vfs::link_bytes(done, &buf[range]) },
        Err(e) => e.to_ptr(),
    }
}

fn cwd_link(task: &Task, _fd: u32) -> Option<Path> {
    task.fs_path(false)
}

fn root_link(task: &Task, _fd: u32) -> Option<Path> {
    task.fs_path(true)
}

fn exe_link(task: &Task, _fd: u32) -> Option<Path> {
    task.mm()?.exe_path()
}

// ---------------------------------------------------------------------------
// Simple files of base.c
// ---------------------------------------------------------------------------

/// `comm_show`.
fn comm_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    array::proc_task_name(m, task);
    m.write(b"\n");
    Ok(())
}

/// `oom_score_adj_read`.
fn oom_score_adj_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    m.print(fmt!("{}\n", task.oom_score_adj()));
    Ok(())
}

/// `oom_adj_read`: the score adjustment on the old -17..15 scale.
fn oom_adj_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
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
fn limits_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
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

/// `do_io_accounting`: for callers that may read the task's state.
fn do_io_accounting(m: &SeqFile, task: &Task, whole: bool) -> Result {
    if !task.may_read() {
        return Err(EACCES);
    }
    let v = task.io(whole)?;
    m.print(fmt!(
        "rchar: {}\nwchar: {}\nsyscr: {}\nsyscw: {}\nread_bytes: {}\nwrite_bytes: {}\ncancelled_write_bytes: {}\n",
        v[0], v[1], v[2], v[3], v[4], v[5], v[6]
    ));
    Ok(())
}

/// `proc_tgid_io_accounting`.
fn tgid_io_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    do_io_accounting(m, task, true)
}

/// `proc_tid_io_accounting`.
fn tid_io_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    do_io_accounting(m, task, false)
}

/// `proc_oom_score`: the badness scaled into 0..2000.
fn oom_score_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    let (badness, total) = task.oom_badness();
    let total = total.max(1) as i64;
    let points = badness.map_or(0, |b| (1000 + b * 1000 / total) * 2 / 3);
    m.print(fmt!("{}\n", points as u64));
    Ok(())
}

/// `proc_pid_schedstat`.
fn schedstat_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    match task.schedstat() {
        Some([run, wait, slices]) => m.print(fmt!("{} {} {}\n", run, wait, slices)),
        None => m.write(b"0 0 0\n"),
    }
    Ok(())
}

/// `proc_pid_personality`: `lock_trace` refuses callers that may not trace the task
/// (`EPERM`); without an LSM, attach and read are the same check.
fn personality_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    if !task.may_read() {
        return Err(EPERM);
    }
    m.print(fmt!("{:08x}\n", task.personality()?));
    Ok(())
}

/// Copies the task's memory in `[start, end)` to `m`, a page at a time, up to the
/// first page that cannot be read.
fn copy_task_memory(m: &SeqFile, mm: &task::Mm<'_>, start: usize, end: usize) -> Result {
    let mut buf = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let mut pos = start;
    while pos < end {
        let want = (end - pos).min(buf.len());
        let got = mm.read(pos, &mut buf[..want]);
        if got == 0 {
            break;
        }
        m.write(&buf[..got]);
        pos += got;
    }
    Ok(())
}

/// `proc_pid_cmdline_read` (`get_mm_cmdline`): the argument area. If the process
/// rewrote it so that its last byte is no longer NUL (setproctitle), the first page
/// from the start of the area up to and including the first NUL instead, never past
/// the environment area when that follows the arguments directly (nor past the
/// arguments when it does not).
fn cmdline_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    let Some(mm) = task.mm() else { return Ok(()) };
    let [arg_start, arg_end, env_start, env_end] = mm.arg_area();
    if env_end == 0 || arg_start >= arg_end {
        return Ok(());
    }
    let mut last = [0u8; 1];
    if mm.read(arg_end - 1, &mut last) == 1 && last[0] != 0 {
        let limit = if env_start != arg_end || env_end < env_start {
            arg_end
        } else {
            env_end
        };
        let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
        let got = mm.read(arg_start, &mut page);
        let len = match page[..got].iter().position(|&b| b == 0) {
            Some(nul) => nul + 1,
            None => got,
        };
        m.write(&page[..len.min(limit - arg_start)]);
        return Ok(());
    }
    copy_task_memory(m, &mm, arg_start, arg_end)
}

/// `mm_access(task, PTRACE_MODE_READ_FSCREDS)`, as `environ` and `auxv` are opened:
/// `ESRCH` without an address space (kernel threads, zombies), `EACCES` for callers
/// that may not read the task's state.
fn mm_access(task: &Task) -> Result<task::Mm<'_>> {
    let mm = task.mm().ok_or(ESRCH)?;
    if !task.may_read() {
        return Err(EACCES);
    }
    Ok(mm)
}

/// `auxv_read`: the saved auxiliary vector, binary.
fn auxv_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    let mm = mm_access(task)?;
    let (words, n) = mm.saved_auxv();
    for w in &words[..n] {
        m.write(&w.to_ne_bytes());
    }
    Ok(())
}

/// `proc_pid_stack`: root only (CAP_SYS_ADMIN over the initial user namespace,
/// `EACCES` otherwise), and `lock_trace`'s check (`EPERM`).
fn stack_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    if !task::opener_is_admin(m) {
        return Err(EACCES);
    }
    if !task.may_read() {
        return Err(EPERM);
    }
    task.show_stack(m)
}

/// `timerslack_ns_show`: another task's value needs CAP_SYS_NICE in its user
/// namespace (`EPERM`).
fn timerslack_ns_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    if !task.is_current() && !task.nice_capable() {
        return Err(EPERM);
    }
    m.print(fmt!("{}\n", task.timer_slack_ns()));
    Ok(())
}

/// `environ_read`, with `mm_access`'s checks of `environ_open`: `ESRCH` without an
/// address space (kernel threads, zombies), `EACCES` for callers that may not read
/// the task's state.
fn environ_show(m: &SeqFile, _ns: &PidNamespace, _pid: &Pid, task: &Task) -> Result {
    let mm = mm_access(task)?;
    let [_, _, env_start, env_end] = mm.arg_area();
    if env_end == 0 {
        return Ok(());
    }
    copy_task_memory(m, &mm, env_start, env_end)
}

// ---------------------------------------------------------------------------
// Operation tables
// ---------------------------------------------------------------------------

/// Inode operations of process and thread directories (`proc_tgid_base_inode_operations`).
static PID_BASE_IOPS: OpsTable<bindings::inode_operations> = OpsTable(bindings::inode_operations {
    lookup: Some(proc_pident_lookup),
    getattr: Some(pid_getattr),
    permission: Some(proc_pid_permission),
    // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
});

/// File operations of process and thread directories (`proc_tgid_base_operations`).
static PID_BASE_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    llseek: Some(bindings::generic_file_llseek),
    read: Some(bindings::generic_read_dir),
    iterate_shared: Some(proc_pident_readdir),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// `proc_task_inode_operations`.
static PROC_TASK_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        lookup: Some(proc_task_lookup),
        getattr: Some(proc_task_getattr),
        permission: Some(proc_pid_permission),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

/// `proc_task_operations`.
static PROC_TASK_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    llseek: Some(bindings::generic_file_llseek),
    read: Some(bindings::generic_read_dir),
    iterate_shared: Some(proc_task_readdir),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// `proc_def_inode_operations` with `pid_getattr`.
static PID_FILE_IOPS: OpsTable<bindings::inode_operations> = OpsTable(bindings::inode_operations {
    getattr: Some(pid_getattr),
    // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
});

/// `proc_single_file_operations` (and fd.c's `proc_fdinfo_file_operations`).
static PID_SINGLE_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    open: Some(proc_single_open),
    read_iter: Some(bindings::seq_read_iter),
    llseek: Some(bindings::seq_lseek),
    release: Some(bindings::single_release),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// The per-process files fs/proc gives their own operations (`REG`): as
/// [`PID_SINGLE_FOPS`], with `generic_file_llseek`.
static PID_REG_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    open: Some(proc_single_open),
    read_iter: Some(bindings::seq_read_iter),
    llseek: Some(bindings::generic_file_llseek),
    release: Some(bindings::single_release),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// As [`PID_REG_FOPS`], with `default_llseek` (`oom_score_adj`).
static PID_REG_DEFAULT_LLSEEK_FOPS: OpsTable<bindings::file_operations> =
    OpsTable(bindings::file_operations {
        open: Some(proc_single_open),
        read_iter: Some(bindings::seq_read_iter),
        llseek: Some(bindings::default_llseek),
        release: Some(bindings::single_release),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
    });

/// `proc_pid_link_inode_operations`, as plain links.
static PID_LINK_IOPS: OpsTable<bindings::inode_operations> = OpsTable(bindings::inode_operations {
    get_link: Some(proc_pid_get_link),
    getattr: Some(pid_getattr),
    // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
});

/// `pid_dentry_operations`.
pub(crate) static PID_DOPS: OpsTable<bindings::dentry_operations> =
    OpsTable(bindings::dentry_operations {
        d_revalidate: Some(pid_revalidate),
        d_delete: Some(pid_delete_dentry),
        // SAFETY: All-zero is a valid `dentry_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::dentry_operations>::zeroed() }
    });
