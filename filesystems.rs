// SPDX-License-Identifier: GPL-2.0

//! `filesystems` (fs/filesystems.c `filesystems_proc_show`): a line per registered
//! file system type, "nodev" for those that need no block device.

use crate::{
    pde::ProcDirEntry,
    wrap::{filesystems, seq::SeqFile},
};
use kernel::prelude::*;

/// `filesystems_proc_show`.
pub(crate) fn filesystems_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    filesystems::for_each_fs_type(|fs| {
        if !fs.requires_dev() {
            m.write(b"nodev");
        }
        m.write(b"\t");
        m.write(fs.name().as_bytes());
        m.write(b"\n");
    })
}
