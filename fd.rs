// SPDX-License-Identifier: GPL-2.0

//! `fd/` and `fdinfo/` of a process or thread (fs/proc/fd.c).
//!
//! `fd/N` are plain symlinks whose target is the file's path as `d_path` writes it:
//! fs/proc's are "magic" links that jump to the open file itself (`nd_jump_link`),
//! which is not exported. `readlink` gives the same text; opening `fd/N` of a deleted
//! file or of a pipe resolves the text instead of reopening the file.

use crate::{
    fs_info,
    pid_base::{self, proc_task, PidEntry, PidKind},
    seq::{self, SeqFile},
    task::{Path, Task},
    vfs::{self, Dentry, Inode, Kstat, OpsTable},
};
use kernel::{bindings, ffi::c_int, fmt, prelude::*};

/// The table entry of every `fd/N` link.
static FD_LINK: PidEntry = PidEntry {
    name: b"",
    mode: bindings::S_IFLNK as u16,
    kind: PidKind::Link(proc_fd_link),
};

/// The table entry of every `fdinfo/N` file.
static FDINFO_FILE: PidEntry = PidEntry {
    name: b"",
    mode: (bindings::S_IFREG | 0o444) as u16,
    kind: PidKind::FdInfoFile,
};

/// Inode number of `fd/N` (`info` false) or `fdinfo/N` of pid number `nr`: clear of
/// the table entries' numbers (see `pid_base::pid_ino`) by bit 60 or 61.
fn fd_ino(nr: u32, tid: bool, info: bool, fd: u32) -> u64 {
    (1u64 << (60 + u32::from(info)))
        | (u64::from(tid) << 59)
        | (u64::from(nr) << 32)
        | u64::from(fd)
}

/// `FMODE_READ` and `FMODE_WRITE` (bindgen cannot see them; shim.c checks them).
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

/// The link target of `fd/N` (`proc_fd_link`).
fn proc_fd_link(task: &Task, fd: u32) -> Option<Path> {
    Some(task.fd_file(fd)?.path())
}

/// What an `fd/` or `fdinfo/` directory inode lists: (is fdinfo, pid number, tid).
fn fd_dir_parts(inode: &Inode) -> Option<(bool, u32, bool)> {
    let ent = inode.pident()?;
    let info = match ent.kind {
        PidKind::Fd => false,
        PidKind::FdInfo => true,
        _ => return None,
    };
    let ns = fs_info(inode.super_block()).pid_ns();
    Some((info, inode.pid()?.nr_ns(ns), pid_base::in_tid_table(ent)))
}

/// `proc_lookupfd_common` and the two instantiate functions.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_lookupfd(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the directory inode and the dentry being looked up.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Dentry::from_raw(dentry)) };
    vfs::lookup_result((|| {
        let (info, nr, tid) = fd_dir_parts(dir).ok_or(ENOENT)?;
        let task = proc_task(dir).ok_or(ENOENT)?;
        let fd = crate::pde::name_to_int(dentry.name()).ok_or(ENOENT)?;
        let file = task.fd_file(fd).ok_or(ENOENT)?;
        let ent = if info { &FDINFO_FILE } else { &FD_LINK };
        let mut inode =
            pid_base::pid_make_inode(dentry.super_block(), &task, ent, fd_ino(nr, tid, info, fd))?;
        inode.set_fd(fd);
        // `task_dump_owner(task, 0, ...)`, as for any file of the task.
        let (uid, gid) = task.dump_owner(0);
        inode.set_owner(uid, gid);
        if !info {
            inode.set_mode(fd_link_mode(file.mode()));
            inode.set_size(64);
        }
        drop(file);
        dentry.set_ops(&TID_FD_DOPS);
        dentry.dont_mount();
        dentry.splice_alias(inode)
    })())
}

/// `proc_readfd_common`: the open fds in ascending order, at position fd + 2.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_readfd(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory of ours and a context for this call.
    let (inode, ctx, parent) = unsafe { vfs::readdir_args(file, ctx) };
    let (Some((info, nr, tid)), Some(task)) = (fd_dir_parts(inode), proc_task(inode)) else {
        return ENOENT.to_errno();
    };
    if !ctx.emit_dots(inode.ino(), parent) {
        return 0;
    }
    let Ok(mut fd) = u32::try_from(ctx.pos() - 2) else {
        return 0;
    };
    let dtype = if info { vfs::DT_REG } else { vfs::DT_LNK };
    while let Some((n, f)) = task.next_fd(fd) {
        drop(f);
        ctx.set_pos(i64::from(n) + 2);
        let mut buf = [0u8; 20];
        let name = seq::decimal(&mut buf, n.into());
        if !ctx.emit(name, fd_ino(nr, tid, info, n), dtype) {
            return 0;
        }
        let Some(next) = n.checked_add(1) else { break };
        fd = next;
    }
    // Past the last fd, as fs/proc leaves it.
    ctx.set_pos(i64::from(fd) + 2);
    0
}

/// `proc_fd_permission`: the mode bits, or the task's own thread group.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_fd_permission(
    _idmap: *mut bindings::mnt_idmap,
    inode: *mut bindings::inode,
    mask: c_int,
) -> c_int {
    // SAFETY: The VFS passes an inode of ours.
    let inode = unsafe { Inode::from_raw(inode) };
    let rv = vfs::generic_permission(inode, mask);
    if rv == 0 {
        return 0;
    }
    match proc_task(inode) {
        Some(t) if t.is_current_group() => 0,
        _ => rv,
    }
}

/// `proc_fd_getattr`: the size of `fd/` is the number of open fds.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_fd_getattr(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    let Some(task) = proc_task(stat.inode()) else {
        return ENOENT.to_errno();
    };
    if let Some(n) = task.fd_count() {
        stat.set_size(n as i64);
    }
    0
}

/// `proc_fdinfo_permission`: callers that may read the task's state (`EACCES`
/// otherwise), then the mode bits.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_fdinfo_permission(
    _idmap: *mut bindings::mnt_idmap,
    inode: *mut bindings::inode,
    mask: c_int,
) -> c_int {
    // SAFETY: The VFS passes an inode of ours.
    let inode = unsafe { Inode::from_raw(inode) };
    let Some(task) = proc_task(inode) else {
        return ESRCH.to_errno();
    };
    if !task.may_read() {
        return EACCES.to_errno();
    }
    vfs::generic_permission(inode, mask)
}

/// `tid_fd_revalidate`: valid while the fd is open, with owner and mode re-applied.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn tid_fd_revalidate(dentry: *mut bindings::dentry, flags: u32) -> c_int {
    if flags & vfs::LOOKUP_RCU != 0 {
        return ECHILD.to_errno();
    }
    // SAFETY: The VFS passes a dentry of ours.
    let dentry = unsafe { Dentry::from_raw(dentry) };
    let Some(inode) = dentry.inode() else {
        return 0;
    };
    let Some(task) = proc_task(inode) else {
        return 0;
    };
    let Some(file) = task.fd_file(inode.fd()) else {
        return 0;
    };
    let (uid, gid) = task.dump_owner(0);
    inode.update_owner(uid, gid);
    if u32::from(inode.mode()) & bindings::S_IFMT == bindings::S_IFLNK {
        inode.update_mode(fd_link_mode(file.mode()));
    }
    1
}

/// `seq_show` of fdinfo: position, flags (octal, `O_CLOEXEC` included), mount id and
/// inode number, then what the file's own `show_fdinfo` adds. The `lock:` lines of
/// `show_fd_locks` are not shown: it is not exported.
pub(crate) fn fdinfo_show(seq: &SeqFile, task: &Task, fd: u32) -> Result {
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

/// `proc_fd_inode_operations`.
pub(crate) static PROC_FD_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        lookup: Some(proc_lookupfd),
        permission: Some(proc_fd_permission),
        getattr: Some(proc_fd_getattr),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

/// `proc_fd_operations`.
pub(crate) static PROC_FD_FOPS: OpsTable<bindings::file_operations> =
    OpsTable(bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        read: Some(bindings::generic_read_dir),
        iterate_shared: Some(proc_readfd),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
    });

/// `proc_fdinfo_inode_operations`.
pub(crate) static PROC_FDINFO_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        lookup: Some(proc_lookupfd),
        permission: Some(proc_fdinfo_permission),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

/// `proc_fdinfo_operations`.
pub(crate) static PROC_FDINFO_FOPS: OpsTable<bindings::file_operations> =
    OpsTable(bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        read: Some(bindings::generic_read_dir),
        iterate_shared: Some(proc_readfd),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
    });

/// `proc_fdinfo_file_inode_operations`.
pub(crate) static PROC_FDINFO_FILE_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        permission: Some(proc_fdinfo_permission),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

/// `tid_fd_dentry_operations`.
static TID_FD_DOPS: OpsTable<bindings::dentry_operations> = OpsTable(bindings::dentry_operations {
    d_revalidate: Some(tid_fd_revalidate),
    d_delete: Some(pid_base::pid_delete_dentry),
    // SAFETY: All-zero is a valid `dentry_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::dentry_operations>::zeroed() }
});
