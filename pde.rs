// SPDX-License-Identifier: GPL-2.0

//! proc_dir_entry: the registered entries of the tree and their inodes
//! (fs/proc/generic.c and fs/proc/inode.c).
//!
//! For now the tree is its root alone; the entry API (mkdir, create_single,
//! symlink, remove) lands with the entry-tree work.

use crate::vfs::{NewInode, OpsTable, SuperBlock};
use kernel::{bindings, prelude::*};

/// Inode number of the root (`PROC_ROOT_INO`).
pub(crate) const PROC_ROOT_INO: u64 = 1;

/// A registered entry (`struct proc_dir_entry`).
pub(crate) struct ProcDirEntry {
    /// Inode number, stable for the entry's life (`low_ino`).
    pub(crate) low_ino: u64,
    /// Name within the parent directory.
    #[expect(dead_code, reason = "read by lookup and readdir of the entry tree, next")]
    pub(crate) name: &'static [u8],
    /// `S_IF*` type and permission bits.
    pub(crate) mode: u16,
    /// Link count shown by stat.
    pub(crate) nlink: u32,
    /// Inode operations of the entry's inodes (`proc_iops`).
    pub(crate) iops: &'static OpsTable<bindings::inode_operations>,
    /// File operations of the entry's inodes (`proc_dir_ops` or `proc_ops`).
    pub(crate) fops: &'static OpsTable<bindings::file_operations>,
}

/// The inode of `de` in `sb` (`proc_get_inode`).
pub(crate) fn get_inode(sb: &SuperBlock, de: &ProcDirEntry) -> Result<NewInode> {
    let mut inode = sb.new_inode()?;
    inode.init(de.low_ino, de.mode, de.nlink, de.iops, de.fops);
    Ok(inode)
}
