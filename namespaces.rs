// SPDX-License-Identifier: GPL-2.0

//! `/proc2/<pid>/ns/` (fs/proc/namespaces.c): one link per namespace of the task,
//! reading `<type>:[<inode number>]`.
//!
//! fs/proc's links are magic: following one opens the namespace's nsfs file
//! (`ns_get_path` with `nd_jump_link`, neither exported), which `setns` and the
//! `stat` of ps and lsns use. These are plain links with the same text, so they
//! resolve to nothing (`ENOENT`). `mnt`'s inode number is in `struct mnt_namespace`
//! of fs/mount.h, a header of the same tree (`shim/private.c`).

use crate::{
    pid_inode::{
        dir_ino_parts, pid_getattr, pid_ino_of, pid_make_inode, pid_splice, pident_readdir,
        proc_task, InoKind,
    },
    ptrace::PtraceCheck,
    wrap::{
        dentry::{Dentry, Lookup, Unhashed},
        file::{DirContext, Link, ProcFile},
        inode::{Inode, Kstat},
        ops::{FileOperations, FileOps, InodeOperations, InodeOps},
        task::NsKind,
        DT_LNK,
    },
};
use kernel::{bindings, fmt, prelude::*};

/// A link of `ns/` (`struct proc_ns_operations`: name and what `get` finds).
struct NsEntry {
    /// The link's name.
    name: &'static [u8],
    /// The type the link's text names (`real_ns`'s name where it has one).
    label: &'static str,
    kind: NsKind,
}

/// `ns_entries`, in fs/proc's order.
static NS_ENTRIES: &[NsEntry] = &[
    NsEntry {
        name: b"net",
        label: "net",
        kind: NsKind::Net,
    },
    NsEntry {
        name: b"uts",
        label: "uts",
        kind: NsKind::Uts,
    },
    NsEntry {
        name: b"ipc",
        label: "ipc",
        kind: NsKind::Ipc,
    },
    NsEntry {
        name: b"pid",
        label: "pid",
        kind: NsKind::Pid,
    },
    NsEntry {
        name: b"pid_for_children",
        label: "pid",
        kind: NsKind::PidForChildren,
    },
    NsEntry {
        name: b"user",
        label: "user",
        kind: NsKind::User,
    },
    NsEntry {
        name: b"mnt",
        label: "mnt",
        kind: NsKind::Mnt,
    },
    NsEntry {
        name: b"cgroup",
        label: "cgroup",
        kind: NsKind::Cgroup,
    },
    #[cfg(CONFIG_TIME_NS)]
    NsEntry {
        name: b"time",
        label: "time",
        kind: NsKind::Time,
    },
    #[cfg(CONFIG_TIME_NS)]
    NsEntry {
        name: b"time_for_children",
        label: "time",
        kind: NsKind::TimeForChildren,
    },
];

/// Inode number of link `i` of the `ns/` directory `dir`.
fn ns_ino(dir: &Inode, i: usize) -> Result<u64> {
    let (nr, tid, gen) = dir_ino_parts(dir)?;
    Ok(pid_ino_of(InoKind::Ns, nr, tid, gen, i as u32))
}

/// `ns/` (`proc_ns_dir_inode_operations`, `proc_ns_dir_operations`).
pub(crate) struct NsDir;

pub(crate) static PROC_NS_DIR_IOPS: InodeOps = InodeOps::new::<NsDir>();
pub(crate) static PROC_NS_DIR_FOPS: FileOps = FileOps::new::<NsDir>();

#[vtable]
impl InodeOperations for NsDir {
    const NOCHMOD: bool = true;

    /// `proc_ns_dir_lookup` with `proc_ns_instantiate`.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let task = proc_task(dir).ok_or(ENOENT)?;
        let (i, ent) = NS_ENTRIES
            .iter()
            .enumerate()
            .find(|(_, e)| e.name == dentry.name())
            .ok_or(ENOENT)?;
        let mode = (bindings::S_IFLNK | 0o777) as u16;
        let mut inode = pid_make_inode(dentry.super_block(), &task, mode, ns_ino(dir, i)?)?;
        inode.set_attrs(mode, 1, &PROC_NS_LINK_IOPS, None);
        pid_splice(dentry, inode.set_data(ent))
    }

    fn getattr(stat: &Kstat<'_>) -> Result {
        pid_getattr(stat)
    }
}

#[vtable]
impl FileOperations for NsDir {
    /// `proc_ns_dir_readdir`.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let dir = file.inode();
        let (nr, tid, gen) = dir_ino_parts(dir)?;
        let entries = NS_ENTRIES.iter().enumerate().map(|(i, ent)| {
            (
                ent.name,
                pid_ino_of(InoKind::Ns, nr, tid, gen, i as u32),
                DT_LNK,
            )
        });
        pident_readdir(file, ctx, entries)
    }
}

/// A link of `ns/` (`proc_ns_link_inode_operations`).
struct NsLink;

static PROC_NS_LINK_IOPS: InodeOps = InodeOps::new::<NsLink>();

#[vtable]
impl InodeOperations for NsLink {
    const NOCHMOD: bool = true;

    /// `proc_ns_readlink` (and `proc_ns_get_link`, which here gives the same text):
    /// `EACCES` once the task is gone or for callers that may not read it,
    /// `ENOENT` when it has no such namespace (`ns_get_name`).
    fn get_link(dentry: Option<&Dentry>, inode: &Inode) -> Result<Link> {
        if dentry.is_none() {
            return Err(ECHILD);
        }
        let ent = inode.data::<&'static NsEntry>().ok_or(EIO)?;
        let task = proc_task(inode).ok_or(EACCES)?;
        let access = task.read_access(&PtraceCheck::read())?.ok_or(EACCES)?;
        let inum = access.task().ns_inum(ent.kind).ok_or(ENOENT)?;
        drop(access);
        Link::format(false, fmt!("{}:[{}]", ent.label, inum))
    }
}
