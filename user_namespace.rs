// SPDX-License-Identifier: GPL-2.0

//! The user namespace files of a process (fs/proc/base.c's `proc_*_map_operations`
//! and `proc_setgroups_operations`, shown as kernel/user_namespace.c shows them):
//! `uid_map`, `gid_map`, `projid_map` and `setgroups`.
//!
//! Reads are fs/proc's. Writes are refused (`EPERM`): fs/proc's `map_write` and
//! `proc_setgroups_write` serialize on `userns_state_mutex`, which is private to
//! kernel/user_namespace.c, so procfs2 cannot set a map or the flag safely.

use crate::{
    pid_inode::{proc_single_show, proc_task, ProcTask},
    wrap::seq::SeqFile,
    wrap::{
        cred::{IdMap, UserNamespace},
        file::ProcFile,
        inode::Inode,
        ops::{FileOps, SeqFileOperations, SeqOpened, Single},
    },
};
use kernel::{bindings, fmt, prelude::*, uaccess::UserSlice};

/// The lines of the id map `which` of the task's user namespace (`uid_m_show` and
/// its twins): `"%10u %10u %10u\n"` per extent, the lower id as the opener's
/// namespace sees it, or its parent's where the opener's is the map's own.
fn show_id_map(m: &SeqFile, task: &crate::wrap::task::Task, which: IdMap) {
    task.with_user_ns(|ns: &UserNamespace| {
        let mut lower_ns = m.opener_user_ns();
        if lower_ns == ns {
            lower_ns = lower_ns.parent().unwrap_or(lower_ns);
        }
        for e in ns.extents(which) {
            let lower = lower_ns.map_kid(which, e.lower_first);
            m.print(fmt!("{:>10} {:>10} {:>10}\n", e.first, lower, e.count));
        }
    });
}

/// `uid_m_show` over the map.
pub(crate) fn uid_map_show(m: &SeqFile, t: &ProcTask<'_>) -> Result {
    show_id_map(m, t.task, IdMap::Uid);
    Ok(())
}

/// `gid_m_show` over the map.
pub(crate) fn gid_map_show(m: &SeqFile, t: &ProcTask<'_>) -> Result {
    show_id_map(m, t.task, IdMap::Gid);
    Ok(())
}

/// `projid_m_show` over the map.
pub(crate) fn projid_map_show(m: &SeqFile, t: &ProcTask<'_>) -> Result {
    show_id_map(m, t.task, IdMap::Projid);
    Ok(())
}

/// `proc_setgroups_show`.
pub(crate) fn setgroups_show(m: &SeqFile, t: &ProcTask<'_>) -> Result {
    m.write(if t.task.setgroups_allowed() {
        b"allow\n"
    } else {
        b"deny\n"
    });
    Ok(())
}

/// `proc_uid_map_operations` and its twins: `EINVAL` at open once the task is gone
/// (`proc_id_map_open`); writes refused (see above).
pub(crate) struct IdMapFile;

pub(crate) static PROC_ID_MAP_FOPS: FileOps = FileOps::seq::<IdMapFile>();

#[vtable]
impl SeqFileOperations for IdMapFile {
    type Kind = Single;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        proc_task(inode).ok_or(EINVAL)?;
        file.single_open::<Self>()
    }

    fn show(m: &SeqFile, inode: &Inode) -> Result {
        proc_single_show(m, inode)
    }

    fn write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
        Err(EPERM)
    }
}

/// `proc_setgroups_operations`: `ESRCH` at open once the task is gone, and opening
/// for writing needs CAP_SYS_ADMIN over the task's user namespace (`EACCES`);
/// writes refused (see above).
pub(crate) struct SetgroupsFile;

pub(crate) static PROC_SETGROUPS_FOPS: FileOps = FileOps::seq::<SetgroupsFile>();

#[vtable]
impl SeqFileOperations for SetgroupsFile {
    type Kind = Single;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        let task = proc_task(inode).ok_or(ESRCH)?;
        if file.is_writable() && !task.user_ns_capable(bindings::CAP_SYS_ADMIN) {
            return Err(EACCES);
        }
        file.single_open::<Self>()
    }

    fn show(m: &SeqFile, inode: &Inode) -> Result {
        proc_single_show(m, inode)
    }

    fn write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
        Err(EPERM)
    }
}
