// SPDX-License-Identifier: GPL-2.0

//! Cgroup subsystems (`struct cgroup_subsys`) and the hierarchies they are bound to
//! (`struct cgroup_root`), as /proc/cgroups reads them.
//!
//! `cgroup_subsys[]` is not exported; every css_set holds a css of every subsystem
//! (`init_css_set` gets one per subsystem in `cgroup_init_subsys`, enabled or not,
//! and every css_set is derived from it), and a css points at its subsystem, a
//! static of vmlinux (cgroup subsystems cannot be modules). "enabled" is each
//! subsystem's exported `<name>_cgrp_subsys_enabled_key`.

use super::{lock::Rcu, shim::*};
use kernel::{bindings, str::CStr};

/// What /proc/cgroups shows of one subsystem.
pub(crate) struct Subsys {
    /// `ss->legacy_name`.
    pub(crate) name: &'static CStr,
    /// `ss->root->hierarchy_id`.
    pub(crate) hierarchy_id: i32,
    /// `atomic_read(&ss->root->nr_cgrps)`.
    pub(crate) num_cgroups: i32,
    /// `cgroup_ssid_enabled(ssid)`.
    pub(crate) enabled: bool,
}

/// Each subsystem in id order (`for_each_subsys`), read racily as
/// `proc_cgroupstats_show` reads them ("No need to add avenue to cgroup_mutex
/// contention"): `ss->root` changes when a v1 hierarchy is mounted or destroyed,
/// and a destroyed root is freed with `kfree_rcu`, so it is read under RCU.
pub(crate) fn subsystems() -> impl Iterator<Item = Subsys> {
    (0..bindings::cgroup_subsys_id_CGROUP_SUBSYS_COUNT as i32).map(|ssid| {
        let _rcu = Rcu::read_lock();
        // SAFETY: Under RCU, `current`'s css_set is valid and holds a css of every
        // subsystem (`ssid` is below `CGROUP_SUBSYS_COUNT`); the subsystem is static.
        let ss = unsafe { procfs2_current_cgroup_subsys(ssid) };
        // SAFETY: `ss` is static; `ss->root` is read once, and a root stays valid
        // until a grace period after it is unbound.
        unsafe {
            let root = procfs2_cgroup_subsys_root(ss);
            Subsys {
                name: CStr::from_char_ptr(procfs2_cgroup_subsys_legacy_name(ss)),
                hierarchy_id: procfs2_cgroup_root_hierarchy_id(root),
                num_cgroups: procfs2_cgroup_root_nr_cgrps(root),
                enabled: procfs2_cgroup_ssid_enabled(ssid),
            }
        }
    })
}
