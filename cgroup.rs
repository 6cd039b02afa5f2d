// SPDX-License-Identifier: GPL-2.0

//! `/proc2/<pid>/cgroup` (kernel/cgroup/cgroup.c's `proc_cgroup_show`): the task's
//! cgroup on each hierarchy, as the reader's cgroup namespace sees it;
//! `/proc2/<pid>/cpuset` (kernel/cgroup/cpuset.c's `proc_cpuset_show`); and the
//! root's `cgroups` (kernel/cgroup/cgroup-v1.c `proc_cgroupstats_show`).
//!
//! procfs2 shows the default (v2) hierarchy's line, `0::<path>`, with
//! ` (deleted)` once that cgroup is removed. The list of hierarchies
//! (`cgroup_roots`) and whether the default one is visible yet (`cgrp_dfl_visible`:
//! cgroup2 was mounted once) are private to kernel/cgroup: the line is shown while a
//! cgroup2 file system is mounted, and the lines of v1 hierarchies are not shown
//! (README, Differences).

use crate::{
    pde::ProcDirEntry,
    pid_inode::ProcTask,
    wrap::{cgroup, seq::SeqFile, task::fs_type_mounted},
};
use kernel::{bindings, fmt, prelude::*};

/// `proc_cgroup_show`, for the default hierarchy.
pub(crate) fn proc_cgroup_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    if !fs_type_mounted(c"cgroup2") {
        return Ok(());
    }
    let mut buf = KVec::from_elem(0u8, bindings::PATH_MAX as usize, GFP_KERNEL)?;
    let (len, dead) = task.dfl_cgroup_path(&mut buf)?;
    m.write(b"0::");
    m.write(&buf[..len]);
    m.write(if dead { b" (deleted)\n" } else { b"\n" });
    Ok(())
}

/// `proc_cpuset_show`: the path of the task's cpuset cgroup, as the reader's cgroup
/// namespace sees it. fs/proc finds the css and writes the path under
/// `css_set_lock`, which is not exported (outside lockdep builds); procfs2 takes a
/// reference on the css under RCU and then asks the exported `cgroup_path_ns`, which
/// takes the cgroup locks itself: a task that moves between the two steps shows the
/// cgroup it was in at the first.
#[cfg(CONFIG_CPUSETS)]
pub(crate) fn proc_cpuset_show(m: &SeqFile, &ProcTask { task, .. }: &ProcTask<'_>) -> Result {
    let mut buf = KVec::from_elem(0u8, bindings::PATH_MAX as usize, GFP_KERNEL)?;
    let len = task.cpuset_path(&mut buf)?;
    m.write(&buf[..len]);
    m.write(b"\n");
    Ok(())
}

/// `proc_cgroupstats_show`: a line per subsystem.
pub(crate) fn proc_cgroupstats_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    m.write(b"#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
    for ss in cgroup::subsystems() {
        m.write(ss.name.as_bytes());
        m.print(fmt!(
            "\t{}\t{}\t{}\n",
            ss.hierarchy_id,
            ss.num_cgroups,
            u8::from(ss.enabled)
        ));
    }
    Ok(())
}
