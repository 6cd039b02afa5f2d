// SPDX-License-Identifier: GPL-2.0

//! Per-process inodes, dentries and files (the part of fs/proc/base.c that fd.c
//! shares): the rows of the per-process tables (`struct pid_entry`, `DIR`, `REG`,
//! `ONE`, `LNK`), `proc_pid_make_inode`, `pid_revalidate`, `pid_delete_dentry`,
//! `pid_getattr`, the single-show files and the links. The tables themselves and
//! the directories are in pid_base.rs; fd/ and fdinfo/ in fd.rs.
//!
//! Inode numbers: fs/proc numbers per-process inodes with `get_next_ino()` and lets
//! readdir instantiate a dentry per name (`proc_fill_cache`) so that it can report
//! them; the helper that needs (`d_lookup_done`) is not exported. Here a per-process
//! inode's number is computed from (pid number, directory kind, table index), so
//! readdir reports the number lookup gives without instantiating anything.

use crate::{
    mount::{fs_info, FsInfo, HidePid},
    ptrace::PtraceCheck,
    wrap::seq::SeqFile,
    wrap::{
        cred::{self, PidNamespace},
        dentry::{Dentry, Lookup, Unhashed, Unpinned},
        file::{DirContext, Link, ProcFile},
        inode::{Inode, Kstat, NewInode},
        ops::{
            DentryOperations, DentryOps, FileOps, InodeOperations, InodeOps, Seek,
            SeqFileOperations, SeqOpened, Single,
        },
        super_block::SuperBlock,
        task::{Path, Pid, PidType, Task},
    },
};
use kernel::{bindings, ffi::c_int, prelude::*, types::ARef};

/// What a per-process file shows (the arguments of fs/proc's `proc_show`): the
/// task, its pid, and the namespace the mount shows pids in.
pub(crate) struct ProcTask<'a> {
    pub(crate) ns: &'a PidNamespace,
    pub(crate) pid: &'a Pid,
    pub(crate) task: &'a Task,
}

/// Writes one per-process file (`proc_show` of a `ONE` entry).
pub(crate) type ShowTaskFn = fn(&SeqFile, &ProcTask<'_>) -> Result;
/// The target of a per-process link (`proc_get_link`).
pub(crate) type LinkFn = fn(&Task) -> Option<Path>;

/// What a row gives its inode's operations (`union proc_op`).
pub(crate) enum PidOp {
    /// Nothing: the operations know what to do.
    None,
    /// A directory listing this table.
    Base(&'static [PidEntry]),
    /// A file's content.
    Show(ShowTaskFn),
    /// A link's target.
    Link(LinkFn),
}

/// A row of a per-process table (`struct pid_entry`): name, mode, operations.
pub(crate) struct PidEntry {
    pub(crate) name: &'static [u8],
    pub(crate) mode: u16,
    nlink: u32,
    iops: &'static InodeOps,
    fops: Option<&'static FileOps>,
    pub(crate) op: PidOp,
    /// `S_IMMUTABLE`: the process and thread directories themselves
    /// (`proc_pid_instantiate`, `proc_task_instantiate`), whose owner, times and
    /// mode no one may change.
    immutable: bool,
}

const S_IFDIR: u16 = bindings::S_IFDIR as u16;
const S_IFREG: u16 = bindings::S_IFREG as u16;
const S_IFLNK: u16 = bindings::S_IFLNK as u16;

/// `DIR(NAME, MODE, iops, fops)`.
pub(crate) const fn dir(
    name: &'static [u8],
    mode: u16,
    iops: &'static InodeOps,
    fops: &'static FileOps,
) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFDIR | mode,
        nlink: 2,
        iops,
        fops: Some(fops),
        op: PidOp::None,
        immutable: false,
    }
}

/// A process or thread directory listing `table`, with the link count
/// `pid_entry_nlink` gives, computed at build time as fs/proc computes `nlink_tgid`
/// and `nlink_tid` once at boot (`set_proc_pid_nlink`).
pub(crate) const fn base_dir(
    table: &'static [PidEntry],
    iops: &'static InodeOps,
    fops: &'static FileOps,
) -> PidEntry {
    let mut nlink = 2;
    let mut i = 0;
    while i < table.len() {
        if table[i].mode as u32 & bindings::S_IFMT == bindings::S_IFDIR {
            nlink += 1;
        }
        i += 1;
    }
    PidEntry {
        name: b"",
        mode: S_IFDIR | 0o555,
        nlink,
        iops,
        fops: Some(fops),
        op: PidOp::Base(table),
        immutable: true,
    }
}

/// `ONE(NAME, MODE, show)`: a seq_file shown by one call.
pub(crate) const fn one(name: &'static [u8], mode: u16, show: ShowTaskFn) -> PidEntry {
    reg(name, mode, &PROC_SINGLE_FOPS, show)
}

/// `REG(NAME, MODE, fops)`, with the show function the operations call.
pub(crate) const fn reg(
    name: &'static [u8],
    mode: u16,
    fops: &'static FileOps,
    show: ShowTaskFn,
) -> PidEntry {
    nod(name, mode, &PID_FILE_IOPS, fops, PidOp::Show(show))
}

/// `REG(NAME, MODE, fops)` whose operations need nothing from the row.
pub(crate) const fn reg_ops(name: &'static [u8], mode: u16, fops: &'static FileOps) -> PidEntry {
    nod(name, mode, &PID_FILE_IOPS, fops, PidOp::None)
}

/// `NOD(NAME, S_IFREG | MODE, iops, fops, op)`: a regular file with its own inode
/// operations.
pub(crate) const fn nod(
    name: &'static [u8],
    mode: u16,
    iops: &'static InodeOps,
    fops: &'static FileOps,
    op: PidOp,
) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFREG | mode,
        nlink: 1,
        iops,
        fops: Some(fops),
        op,
        immutable: false,
    }
}

/// `LNK(NAME, get_link)`.
pub(crate) const fn lnk(name: &'static [u8], link: LinkFn) -> PidEntry {
    PidEntry {
        name,
        mode: S_IFLNK | 0o777,
        nlink: 1,
        iops: &PID_LINK_IOPS,
        fops: None,
        op: PidOp::Link(link),
        immutable: false,
    }
}

impl PidEntry {
    /// The `d_type` readdir reports.
    pub(crate) fn dtype(&self) -> u32 {
        u32::from(self.mode) >> 12
    }
}

/// What a per-process inode number names (bits 60..62 of it, see [`pid_ino_of`]).
#[derive(Clone, Copy)]
pub(crate) enum InoKind {
    /// The directory itself or an entry of its table.
    Entry = 1,
    /// A link in `fd/`.
    Fd = 2,
    /// A file in `fdinfo/`.
    FdInfo = 3,
    /// A link in `ns/`.
    Ns = 5,
}

/// The generation in a per-process inode number: bits of the start time of the task
/// the directory shows, which the task that had its pid before did not have. fs/proc
/// gives every inode a fresh number (`get_next_ino`); procfs2's readdir reports
/// numbers without making inodes, so they are computed, and a reused pid must not
/// give the numbers of the dead process (tools tell processes apart by device and
/// inode number).
#[derive(Clone, Copy)]
pub(crate) struct InoGen(u64);

impl InoGen {
    const BITS: u32 = 29;

    /// The generation of `task`'s directory.
    pub(crate) fn of(task: &Task) -> Self {
        Self::from_start(task.start_boottime())
    }

    /// The generation of a directory whose task started at `start` (boot time, ns).
    pub(crate) fn from_start(start: u64) -> Self {
        Self(
            (start ^ (start >> Self::BITS) ^ (start >> (2 * Self::BITS))) & ((1 << Self::BITS) - 1),
        )
    }

    /// The generation in `ino`, a number of a directory or an entry of a table
    /// ([`InoKind::Entry`]): what the entries under it carry.
    pub(crate) fn of_ino(ino: u64) -> Self {
        Self((ino >> 8) & ((1 << Self::BITS) - 1))
    }
}

/// Inode number `low` of `kind` in the directory of pid number `nr` (`tid` for the
/// `task/<tid>` directories) of generation `gen`. Pid numbers are below
/// `PID_MAX_LIMIT` (2^22), table indexes below 256 and fds below 2^31, so the
/// fields never overlap, and every number is above the entry tree's 32-bit ones:
///
/// - directories, table entries and `ns/` links:
///   `kind << 60 | tid << 59 | nr << 37 | gen << 8 | index` (29 bits of generation);
/// - `fd/` links and `fdinfo/` files: `kind << 60 | tid << 59 | nr << 37 |
///   gen << 31 | fd` (its low 6 bits).
pub(crate) fn pid_ino_of(kind: InoKind, nr: u32, tid: bool, gen: InoGen, low: u32) -> u64 {
    let low = match kind {
        InoKind::Entry | InoKind::Ns => (gen.0 << 8) | u64::from(low & 0xff),
        InoKind::Fd | InoKind::FdInfo => ((gen.0 & 0x3f) << 31) | u64::from(low & 0x7fff_ffff),
    };
    ((kind as u64) << 60) | (u64::from(tid) << 59) | (u64::from(nr & 0x3f_ffff) << 37) | low
}

/// Inode number of `map_files/<start>-<end>` of pid number `nr`: bit 63 (clear in
/// every [`pid_ino_of`] number), the pid from bit 41 and below it the start's page
/// number, folded to 41 bits, with 6 bits of generation over its bits 35..40. With
/// 4-level paging (user pages below 2^35) the page number is kept whole; with 5-level
/// paging (pages below 2^44) mappings 2^47 bytes apart still differ, and only pages
/// whose bits 41..43 and 0..2 compensate each other share a number.
pub(crate) fn map_files_ino(nr: u32, gen: InoGen, start: u64) -> u64 {
    let page = start >> bindings::PAGE_SHIFT;
    (1 << 63)
        | (u64::from(nr & 0x3f_ffff) << 41)
        | ((page ^ (page >> 41) ^ ((gen.0 & 0x3f) << 35)) & ((1 << 41) - 1))
}

/// Inode number of entry `index` (0: the directory itself) of the directory of pid
/// number `nr`.
pub(crate) fn pid_ino(nr: u32, tid: bool, gen: InoGen, index: usize) -> u64 {
    pid_ino_of(InoKind::Entry, nr, tid, gen, index as u32)
}

/// Whether the inode number `ino` of [`pid_ino_of`] is in a `task/<tid>` directory.
pub(crate) fn ino_is_tid(ino: u64) -> bool {
    ino & (1 << 59) != 0
}

/// What the numbers of the entries of a per-process directory `dir` (`fd/`,
/// `fdinfo/`, `ns/`, `map_files/`) are made of: its pid number in the mount's
/// namespace, whether it is under `task/<tid>`, and its generation.
pub(crate) fn dir_ino_parts(dir: &Inode) -> Result<(u32, bool, InoGen)> {
    let nr = dir
        .pid()
        .ok_or(ENOENT)?
        .nr_ns(fs_info(dir.super_block())?.pid_ns());
    let ino = dir.ino();
    Ok((nr, ino_is_tid(ino), InoGen::of_ino(ino)))
}

/// A new inode of `sb` for a file of `mode` of `task` (`proc_pid_make_inode`),
/// owned as `task_dump_owner` says and holding the task's pid; the caller gives it
/// its operations.
pub(crate) fn pid_make_inode(
    sb: &SuperBlock,
    task: &Task,
    mode: u16,
    ino: u64,
) -> Result<NewInode> {
    let pid = task.pid().ok_or(ENOENT)?;
    let mut inode = sb.new_inode()?;
    inode.set_ino(ino);
    let (uid, gid) = task.dump_owner(mode);
    inode.set_owner(uid, gid);
    inode.set_pid(pid);
    Ok(inode)
}

/// Instantiates `dentry` as `ent` of `task` (`proc_pident_instantiate` and
/// `proc_pid_instantiate`).
pub(crate) fn instantiate(
    dentry: &Unhashed,
    task: &Task,
    ent: &'static PidEntry,
    ino: u64,
) -> Result<Lookup> {
    let mut inode = pid_make_inode(dentry.super_block(), task, ent.mode, ino)?;
    inode.set_attrs(ent.mode, ent.nlink, ent.iops, ent.fops);
    if ent.immutable {
        inode.set_immutable();
    }
    dentry.splice_alias(&PID_DOPS, inode.set_data(ent))
}

/// `proc_pident_readdir`'s walk over a fixed list of names: `ENOENT` once the task
/// is gone; the dots; then entry `i` of `entries` (name, inode number, `d_type`)
/// at position `i + 2`, from the reader's position on.
pub(crate) fn pident_readdir<'a>(
    file: &ProcFile,
    ctx: &DirContext,
    entries: impl Iterator<Item = (&'a [u8], u64, u32)>,
) -> Result {
    let inode = file.inode();
    if proc_task(inode).is_none() {
        return Err(ENOENT);
    }
    if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
        return Ok(());
    }
    let Ok(start) = usize::try_from(ctx.pos().wrapping_sub(2)) else {
        return Ok(());
    };
    for (name, ino, dtype) in entries.skip(start) {
        if !ctx.emit(name, ino, dtype) {
            return Ok(());
        }
        ctx.set_pos(ctx.pos().wrapping_add(1));
    }
    Ok(())
}

/// The task of a per-process dentry being revalidated outside RCU walk mode
/// (`ECHILD` in it, so that the walk retries with references), with its inode;
/// `None` when the dentry is negative or the task gone (the dentry is invalid).
pub(crate) fn revalidate_task(
    dentry: &Unpinned,
    flags: u32,
) -> Result<Option<(&Inode, ARef<Task>)>> {
    if flags & crate::wrap::LOOKUP_RCU != 0 {
        return Err(ECHILD);
    }
    let Some(inode) = dentry.inode() else {
        return Ok(None);
    };
    Ok(proc_task(inode).map(|task| (inode, task)))
}

/// Gives `dentry` the per-process dentry operations and `inode`
/// (`d_set_d_op(dentry, &pid_dentry_operations)`, `d_splice_alias`).
pub(crate) fn pid_splice<D>(dentry: &Unhashed, inode: NewInode<D>) -> Result<Lookup> {
    dentry.splice_alias(&PID_DOPS, inode)
}

/// The row a per-process inode shows.
pub(crate) fn pid_entry(inode: &Inode) -> Option<&'static PidEntry> {
    inode.data::<&'static PidEntry>()
}

/// The task a per-process inode shows, if it still runs (`get_proc_task`).
pub(crate) fn proc_task(inode: &Inode) -> Option<ARef<Task>> {
    inode.pid()?.task(PidType::Pid)
}

/// Whether the caller may see `task` under the mount's `hidepid=` at level `min`
/// (`has_pid_permissions`): always below `min`, else as a member of `gid=` or when
/// it may read the task's state; with `hidepid=ptraceable` only the latter.
pub(crate) fn has_pid_permissions(info: &FsInfo, task: &Task, min: HidePid) -> bool {
    let hide = info.hide_pid();
    if hide == HidePid::NotPtraceable {
        return task.may_access(&PtraceCheck::read());
    }
    if hide < min || cred::in_group_p(info.pid_gid()) {
        return true;
    }
    task.may_access(&PtraceCheck::read())
}

/// `proc_pid_permission`: `hidepid=` first (`ENOENT` when invisible, `EPERM`
/// otherwise), then the mode bits.
pub(crate) fn proc_pid_permission(inode: &Inode, mask: c_int) -> Result {
    let task = proc_task(inode).ok_or(ESRCH)?;
    let info = fs_info(inode.super_block())?;
    if !has_pid_permissions(info, &task, HidePid::NoAccess) {
        return Err(if info.hide_pid() == HidePid::Invisible {
            ENOENT
        } else {
            EPERM
        });
    }
    inode.generic_permission(mask)
}

/// `pid_getattr`: root-owned once the task is gone, else its dump owner.
#[inline]
pub(crate) fn pid_getattr(stat: &Kstat<'_>) -> Result {
    let inode = stat.inode();
    stat.set_owner(0, 0);
    let info = fs_info(inode.super_block())?;
    if info.hide_pid() < HidePid::Invisible {
        // Everyone may see every process: only the owner to find, without a reference.
        if let Some((uid, gid)) = inode
            .pid()
            .and_then(|p| p.task_dump_owner(PidType::Pid, inode.mode()))
        {
            stat.set_owner(uid, gid);
        }
        return Ok(());
    }
    if let Some(t) = proc_task(inode) {
        if !has_pid_permissions(info, &t, HidePid::Invisible) {
            // Consistent with readdir, as in fs/proc.
            return Err(ENOENT);
        }
        let (uid, gid) = t.dump_owner(inode.mode());
        stat.set_owner(uid, gid);
    }
    Ok(())
}

/// `proc_pid_readlink`: the target of a link of the task's (`cwd`, `root`, `exe`,
/// `fd/N`, `map_files/*`) as text, for callers that may read the task's state
/// (`EACCES` otherwise); `ENOENT` when there is none.
pub(crate) fn pid_readlink(
    dentry: &Dentry,
    link: impl FnOnce(&Task) -> Option<Path>,
) -> Result<Link> {
    let inode = dentry.inode().ok_or(ENOENT)?;
    let task = proc_task(inode).ok_or(ENOENT)?;
    // `call_proc_get_link`: the check and the walk to the object under
    // `exec_update_lock`, so that a setuid `execve` cannot come between them.
    let access = task.read_access(&PtraceCheck::read())?.ok_or(EACCES)?;
    let path = link(access.task()).ok_or(ENOENT)?;
    drop(access);
    let mut buf = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let range = path.d_path(&mut buf)?;
    Link::copy(&buf[range])
}

/// `proc_pid_get_link`: the checks and errors of [`pid_readlink`], then `EPERM`
/// where fs/proc would follow. fs/proc's links jump to the object itself
/// (`nd_jump_link`, not exported); a link whose text is resolved again, in the
/// follower's namespace, root and credentials, would let the task's owner choose
/// what a follower opens: a symlink named "FILE (deleted)" beside a deleted file,
/// a path seen through its own mount namespace, its own deleted program. No follow
/// can be made to reach the very object, so none is made; readlink gives the text.
pub(crate) fn pid_get_link(
    dentry: Option<&Dentry>,
    link: impl FnOnce(&Task) -> Option<Path>,
) -> Result<Link> {
    pid_readlink(dentry.ok_or(ECHILD)?, link)?;
    Err(EPERM)
}

/// Per-process dentries (`pid_dentry_operations`).
pub(crate) struct PidDentry;

static PID_DOPS: DentryOps = DentryOps::new::<PidDentry>();

impl PidDentry {
    /// `pid_delete_dentry`: a dead task's dentries are not kept.
    pub(crate) fn task_gone(dentry: &Unpinned) -> bool {
        dentry
            .inode()
            .and_then(Inode::pid)
            .is_some_and(|p| !p.has_task(PidType::Pid))
    }
}

#[vtable]
impl DentryOperations for PidDentry {
    /// `pid_revalidate`: valid while the task lives, with its owner re-applied. Like
    /// fs/proc's it also answers in RCU walk mode (`LOOKUP_RCU`), which keeps path
    /// walks through per-process directories lock- and refcount-free: nothing here
    /// sleeps (`get_pid_task`, the task's credentials and `task_lock`), and the
    /// inode and its pid stay readable for the walk's RCU section.
    #[inline]
    fn revalidate(dentry: &Unpinned, _flags: u32) -> Result<bool> {
        let Some(inode) = dentry.inode() else {
            return Ok(false);
        };
        match inode
            .pid()
            .and_then(|p| p.task_dump_owner(PidType::Pid, inode.mode()))
        {
            Some((uid, gid)) => {
                inode.update_owner(uid, gid);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn delete(dentry: &Unpinned) -> bool {
        Self::task_gone(dentry)
    }
}

/// Files of the tables (`proc_def_inode_operations` with `pid_getattr`).
struct PidFile;

static PID_FILE_IOPS: InodeOps = InodeOps::new::<PidFile>();

#[vtable]
impl InodeOperations for PidFile {
    const NOCHMOD: bool = true;

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }
}

/// Links of the tables (`proc_pid_link_inode_operations`): readlink gives the
/// text, a follow is refused ([`pid_get_link`]).
struct PidLink;

static PID_LINK_IOPS: InodeOps = InodeOps::new::<PidLink>();

#[vtable]
impl InodeOperations for PidLink {
    const NOCHMOD: bool = true;

    fn get_link(dentry: Option<&Dentry>, inode: &Inode) -> Result<Link> {
        let Some(PidOp::Link(link)) = pid_entry(inode).map(|e| &e.op) else {
            return Err(EIO);
        };
        pid_get_link(dentry, link)
    }

    fn readlink(dentry: &Dentry) -> Result<Link> {
        let Some(PidOp::Link(link)) = dentry.inode().and_then(pid_entry).map(|e| &e.op) else {
            return Err(EIO);
        };
        pid_readlink(dentry, link)
    }

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }
}

/// `proc_single_show`: looks the task up again for every fill; `ESRCH` once gone.
pub(crate) fn proc_single_show(m: &SeqFile, inode: &Inode) -> Result {
    let pid = inode.pid().ok_or(EIO)?;
    let Some(PidOp::Show(show)) = pid_entry(inode).map(|e| &e.op) else {
        return Err(EIO);
    };
    let task = pid.task(PidType::Pid).ok_or(ESRCH)?;
    let ns = fs_info(inode.super_block())?.pid_ns();
    show(
        m,
        &ProcTask {
            ns,
            pid,
            task: &task,
        },
    )
}

/// `mm_access(task, PTRACE_MODE_READ_FSCREDS)`, as `environ` and `auxv` are opened:
/// `ESRCH` without an address space (kernel threads, zombies), `EACCES` for callers
/// that may not read the task's state.
pub(crate) fn mm_access(task: &Task) -> Result<ARef<crate::wrap::mm::MmWithUser>> {
    task.mm_access(&PtraceCheck::read())
}

/// The file operations of the rows' files: a seq_file filled by the row's show
/// function on each read, with the `llseek` fs/proc gives that file.
macro_rules! single_file {
    ($(#[$m:meta])* $t:ident, $table:ident, $seek:ident $(, write: $write:path)?) => {
        $(#[$m])*
        pub(crate) struct $t;

        pub(crate) static $table: FileOps = FileOps::seq::<$t>();

        #[vtable]
        impl SeqFileOperations for $t {
            type Kind = Single;

            const SEEK: Seek = Seek::$seek;

            fn open<'a>(_inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
                file.single_open::<Self>()
            }

            fn show(m: &SeqFile, inode: &Inode) -> Result {
                $crate::pid_inode::proc_single_show(m, inode)
            }

            $(
                fn write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
                    $write(inode, buf, count)
                }
            )?
        }
    };
}
pub(crate) use single_file;

single_file!(
    /// `proc_single_file_operations` (`ONE`).
    ProcSingleFile,
    PROC_SINGLE_FOPS,
    Seq
);
single_file!(
    /// The `REG` files with `generic_file_llseek` (`cmdline`).
    RegFile,
    PID_REG_FOPS,
    Generic
);
