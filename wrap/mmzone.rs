// SPDX-License-Identifier: GPL-2.0

//! Memory zones of the online nodes (`pg_data_t` from the exported `node_data`, or
//! `contig_page_data` without NUMA), as mm/vmstat.c's `walk_zones_in_node` visits
//! them for buddyinfo: populated zones, node by node, each read under `zone->lock`.

use super::shim::*;
use kernel::{bindings, ffi::c_int, str::CStr};

/// A populated zone of an online node.
pub(crate) struct Zone(*mut bindings::zone);

/// The online nodes in order (`for_each_online_pgdat`).
pub(crate) fn online_nodes() -> impl Iterator<Item = c_int> {
    // SAFETY: `nr_node_ids` is fixed after boot.
    (0..unsafe { procfs2_nr_node_ids() } as c_int)
        // SAFETY: `nid` is below `nr_node_ids`.
        .filter(|&nid| unsafe { procfs2_node_online(nid) })
}

/// The populated zones of online node `nid`, lowest first.
pub(crate) fn populated_zones(nid: c_int) -> impl Iterator<Item = Zone> {
    (0..bindings::MAX_NR_ZONES).filter_map(move |z| {
        // SAFETY: `nid` is an online node, whose `pg_data_t` lives as long as the
        // kernel (nodes are not hot-removed while online), and `z` a zone index.
        let zone = unsafe { procfs2_node_zone(nid, z) };
        // SAFETY: As above.
        unsafe { procfs2_zone_populated(zone) }.then_some(Zone(zone))
    })
}

impl Zone {
    /// `zone->name`.
    pub(crate) fn name(&self) -> &'static CStr {
        // SAFETY: Zone names are string literals of mm/page_alloc.c.
        unsafe { CStr::from_char_ptr((*self.0).name) }
    }

    /// `zone->free_area[order].nr_free` for every order, read under `zone->lock`
    /// as `frag_show` reads them.
    pub(crate) fn free_counts(&self) -> [u64; bindings::NR_PAGE_ORDERS as usize] {
        let mut out = [0; bindings::NR_PAGE_ORDERS as usize];
        // SAFETY: The zone is valid; its lock is a spinlock taken with interrupts
        // saved and released below, and nothing here sleeps.
        unsafe {
            let flags = procfs2_zone_lock_irqsave(self.0);
            for (n, area) in out.iter_mut().zip((*self.0).free_area.iter()) {
                *n = area.nr_free as u64;
            }
            procfs2_zone_unlock_irqrestore(self.0, flags);
        }
        out
    }

    /// `zone->vm_numa_event[item]` (`zone_numa_event_state`).
    #[cfg(CONFIG_NUMA)]
    pub(crate) fn numa_event(&self, item: u32) -> u64 {
        // SAFETY: The zone is valid and `item` a `numa_stat_item`.
        unsafe { procfs2_zone_numa_event(self.0, item) as u64 }
    }

    /// What `cpu` has counted of event `item` in this zone and not yet folded
    /// into it (`per_cpu_zonestats`).
    #[cfg(CONFIG_NUMA)]
    pub(crate) fn numa_event_cpu(&self, item: u32, cpu: c_int) -> u64 {
        // SAFETY: The zone is populated, so its per-CPU stats are its own; `cpu`
        // is a possible CPU.
        unsafe { procfs2_zone_numa_event_cpu(self.0, item, cpu) as u64 }
    }
}
