// SPDX-License-Identifier: GPL-2.0

//! `fd/` and `fdinfo/` of a process or thread (fs/proc/fd.c).
//!
//! `fd/N` are plain symlinks whose target is the file's path as `d_path` writes it:
//! fs/proc's are "magic" links that jump to the open file itself (`nd_jump_link`),
//! which is not exported. `readlink` gives the same text; opening `fd/N` of a deleted
//! file or of a pipe resolves the text instead of reopening the file.

use crate::{
    pde::name_to_int,
    pid_inode::{
        dir_ino_parts, pid_get_link, pid_getattr, pid_ino_of, pid_make_inode, pid_readlink,
        proc_task, revalidate_task, InoGen, InoKind, PidDentry,
    },
    ptrace::PtraceCheck,
    wrap::seq::{self, SeqFile},
    wrap::{
        dentry::{Dentry, Lookup, Unhashed, Unpinned},
        file::{DirContext, Link, ProcFile},
        inode::{Inode, Kstat},
        ops::{
            DentryOperations, DentryOps, FileOperations, FileOps, InodeOperations, InodeOps,
            SeqFileOperations, SeqOpened, Single,
        },
        task::Task,
        DT_LNK, DT_REG,
    },
};
use kernel::{bindings, ffi::c_int, fmt, prelude::*};

/// Inode number of `fd/N` (`info` false) or `fdinfo/N` of pid number `nr`.
fn fd_ino(nr: u32, tid: bool, gen: InoGen, info: bool, fd: u32) -> u64 {
    let kind = if info { InoKind::FdInfo } else { InoKind::Fd };
    pid_ino_of(kind, nr, tid, gen, fd)
}

/// `FMODE_READ` and `FMODE_WRITE` (bindgen cannot see them; shim/fs.c checks them).
const FMODE_READ: u32 = 1;
const FMODE_WRITE: u32 = 2;

/// The mode of a link to a file opened with `f_mode` (`tid_fd_update_inode`).
fn fd_link_mode(f_mode: u32) -> u16 {
    let mut mode = bindings::S_IFLNK;
    if f_mode & FMODE_READ != 0 {
        mode |= bindings::S_IRUSR | bindings::S_IXUSR;
    }
    if f_mode & FMODE_WRITE != 0 {
        mode |= bindings::S_IWUSR | bindings::S_IXUSR;
    }
    mode as u16
}

/// `proc_lookupfd_common` with `proc_fd_instantiate` (`info` false) or
/// `proc_fdinfo_instantiate`.
fn lookupfd(dir: &Inode, dentry: &Unhashed, info: bool) -> Result<Lookup> {
    let (nr, tid, gen) = dir_ino_parts(dir)?;
    let task = proc_task(dir).ok_or(ENOENT)?;
    let fd = name_to_int(dentry.name()).ok_or(ENOENT)?;
    let file = task.fd_file(fd).ok_or(ENOENT)?;
    // `task_dump_owner(task, 0, ...)`, as for any file of the task.
    let mut inode = pid_make_inode(
        dentry.super_block(),
        &task,
        0,
        fd_ino(nr, tid, gen, info, fd),
    )?;
    inode.set_fd(fd);
    if info {
        inode.set_attrs(
            (bindings::S_IFREG | 0o444) as u16,
            1,
            &PROC_FDINFO_FILE_IOPS,
            Some(&PROC_FDINFO_FILE_FOPS),
        );
    } else {
        inode.set_attrs(fd_link_mode(file.mode()), 1, &PROC_FD_LINK_IOPS, None);
        inode.set_size(64);
    }
    drop(file);
    dentry.dont_mount();
    dentry.splice_alias(&TID_FD_DOPS, inode)
}

/// `proc_readfd_common`: the open fds in ascending order, at position fd + 2.
fn readfd(file: &ProcFile, ctx: &DirContext, info: bool) -> Result {
    let inode = file.inode();
    let (Ok((nr, tid, gen)), Some(task)) = (dir_ino_parts(inode), proc_task(inode)) else {
        return Err(ENOENT);
    };
    if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
        return Ok(());
    }
    let Ok(mut fd) = u32::try_from(ctx.pos().wrapping_sub(2)) else {
        return Ok(());
    };
    let dtype = if info { DT_REG } else { DT_LNK };
    while let Some((n, f)) = task.next_fd(fd) {
        drop(f);
        ctx.set_pos(i64::from(n) + 2);
        let mut buf = [0u8; 20];
        let name = seq::decimal(&mut buf, n.into());
        if !ctx.emit(name, fd_ino(nr, tid, gen, info, n), dtype) {
            return Ok(());
        }
        let Some(next) = n.checked_add(1) else { break };
        fd = next;
    }
    // Past the last fd, as fs/proc leaves it.
    ctx.set_pos(i64::from(fd) + 2);
    Ok(())
}

/// `proc_fdinfo_permission`: callers that may read the task's state (`EACCES`
/// otherwise), then the mode bits.
fn fdinfo_permission(inode: &Inode, mask: c_int) -> Result {
    let task = proc_task(inode).ok_or(ESRCH)?;
    if !task.may_access(&PtraceCheck::read()) {
        return Err(EACCES);
    }
    inode.generic_permission(mask)
}

/// `proc_fd_permission`: the mode bits, or the task's own thread group.
pub(crate) fn proc_fd_permission(inode: &Inode, mask: c_int) -> Result {
    let rv = inode.generic_permission(mask);
    if rv.is_ok() {
        return rv;
    }
    match proc_task(inode) {
        Some(t) if t.is_current_group() => Ok(()),
        _ => rv,
    }
}

/// `fd/` (`proc_fd_inode_operations`, `proc_fd_operations`).
pub(crate) struct FdDir;

pub(crate) static PROC_FD_IOPS: InodeOps = InodeOps::new::<FdDir>();
pub(crate) static PROC_FD_FOPS: FileOps = FileOps::new::<FdDir>();

#[vtable]
impl InodeOperations for FdDir {
    const NOCHMOD: bool = true;

    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        lookupfd(dir, dentry, false)
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        proc_fd_permission(inode, mask)
    }

    /// `proc_fd_getattr`: the size of `fd/` is the number of open fds.
    fn getattr(stat: &Kstat<'_>) -> Result {
        let task = proc_task(stat.inode()).ok_or(ENOENT)?;
        if let Some(n) = task.fd_count() {
            stat.set_size(n as i64);
        }
        Ok(())
    }
}

#[vtable]
impl FileOperations for FdDir {
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        readfd(file, ctx, false)
    }
}

/// `fdinfo/` (`proc_fdinfo_inode_operations`, `proc_fdinfo_operations`).
pub(crate) struct FdInfoDir;

pub(crate) static PROC_FDINFO_IOPS: InodeOps = InodeOps::new::<FdInfoDir>();
pub(crate) static PROC_FDINFO_FOPS: FileOps = FileOps::new::<FdInfoDir>();

#[vtable]
impl InodeOperations for FdInfoDir {
    const NOCHMOD: bool = true;

    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        lookupfd(dir, dentry, true)
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        fdinfo_permission(inode, mask)
    }
}

#[vtable]
impl FileOperations for FdInfoDir {
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        readfd(file, ctx, true)
    }
}

/// `fd/N` (`proc_pid_link_inode_operations` with `proc_fd_link`).
struct FdLink;

static PROC_FD_LINK_IOPS: InodeOps = InodeOps::new::<FdLink>();

#[vtable]
impl InodeOperations for FdLink {
    const NOCHMOD: bool = true;

    /// `proc_fd_link`: the path of the file open at the inode's fd.
    fn get_link(dentry: Option<&Dentry>, inode: &Inode) -> Result<Link> {
        pid_get_link(dentry, |task| Some(task.fd_file(inode.fd())?.path()))
    }

    fn readlink(dentry: &Dentry) -> Result<Link> {
        let fd = dentry.inode().ok_or(ENOENT)?.fd();
        pid_readlink(dentry, |task| Some(task.fd_file(fd)?.path()))
    }

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }
}

/// `fdinfo/N` (`proc_fdinfo_file_inode_operations`,
/// `proc_fdinfo_file_operations`).
struct FdInfoFile;

static PROC_FDINFO_FILE_IOPS: InodeOps = InodeOps::new::<FdInfoFile>();
static PROC_FDINFO_FILE_FOPS: FileOps = FileOps::seq::<FdInfoFile>();

#[vtable]
impl InodeOperations for FdInfoFile {
    const NOCHMOD: bool = true;

    fn permission(inode: &Inode, mask: c_int) -> Result {
        fdinfo_permission(inode, mask)
    }
}

#[vtable]
impl SeqFileOperations for FdInfoFile {
    type Kind = Single;

    fn open<'a>(_inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        file.single_open::<Self>()
    }

    /// fd.c's `seq_show`: `ENOENT` for a task or fd that is gone.
    fn show(m: &SeqFile, inode: &Inode) -> Result {
        let task = proc_task(inode).ok_or(ENOENT)?;
        fdinfo_show(m, &task, inode.fd())
    }
}

/// `seq_show` of fdinfo: position, flags (octal, `O_CLOEXEC` included), mount id and
/// inode number, then what the file's own `show_fdinfo` adds. The `lock:` lines of
/// `show_fd_locks` are not shown: it is not exported.
fn fdinfo_show(seq: &SeqFile, task: &Task, fd: u32) -> Result {
    let (file, flags) = task.fd_flags(fd).ok_or(ENOENT)?;
    seq.print(fmt!(
        "pos:\t{}\nflags:\t0{:o}\nmnt_id:\t{}\nino:\t{}\n",
        file.pos(),
        flags,
        file.mnt_id(),
        file.ino()
    ));
    file.show_fdinfo(seq);
    Ok(())
}

/// `tid_fd_dentry_operations`.
struct FdDentry;

static TID_FD_DOPS: DentryOps = DentryOps::new::<FdDentry>();

#[vtable]
impl DentryOperations for FdDentry {
    /// `tid_fd_revalidate`: valid while the fd is open, with owner and mode
    /// re-applied.
    fn revalidate(dentry: &Unpinned, flags: u32) -> Result<bool> {
        let Some((inode, task)) = revalidate_task(dentry, flags)? else {
            return Ok(false);
        };
        let Some(file) = task.fd_file(inode.fd()) else {
            return Ok(false);
        };
        let (uid, gid) = task.dump_owner(0);
        inode.update_owner(uid, gid);
        if u32::from(inode.mode()) & bindings::S_IFMT == bindings::S_IFLNK {
            inode.update_mode(fd_link_mode(file.mode()));
        }
        Ok(true)
    }

    /// `pid_delete_dentry`.
    fn delete(dentry: &Unpinned) -> bool {
        PidDentry::task_gone(dentry)
    }
}
