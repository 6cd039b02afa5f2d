// SPDX-License-Identifier: GPL-2.0

//! `/proc2/<pid>/cpu_resctrl_groups` (arch/x86/kernel/cpu/resctrl/rdtgroup.c
//! `proc_resctrl_show`): the task's resource and monitoring groups, which exist only
//! while the resctrl file system is mounted.
//!
//! `resctrl_mounted`, `rdt_all_groups` and `rdtgroup_mutex` are private. Whether
//! resctrl is mounted is read from the file system type list instead: "resctrl" is
//! registered only on a CPU with RDT (`resctrl_late_init`), and is mounted when it
//! has a live superblock. Unmounted, the file reads "res:\nmon:\n" as fs/proc's
//! does; mounted, the groups cannot be listed, and the read fails with
//! `EOPNOTSUPP` rather than show a wrong answer. `resctrl_mounted` flips inside the
//! mount's `get_tree` and `kill_sb`, around the superblock's birth and death, so a
//! read racing a mount or unmount may see either state, as fs/proc's may.

use crate::{
    pid_inode::ProcTask,
    wrap::{filesystems, seq::SeqFile},
};
use kernel::{bindings, c_str, prelude::*};

/// `proc_resctrl_show`, while resctrl is not mounted.
pub(crate) fn proc_resctrl_show(m: &SeqFile, _task: &ProcTask<'_>) -> Result {
    if filesystems::builtin_mounted(c_str!("resctrl")) {
        return Err(Error::from_errno(-(bindings::EOPNOTSUPP as i32)));
    }
    m.write(b"res:\nmon:\n");
    Ok(())
}
