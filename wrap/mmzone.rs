// SPDX-License-Identifier: GPL-2.0

//! Memory zones of the online nodes (`pg_data_t` from the exported `node_data`, or
//! `contig_page_data` without NUMA), as mm/vmstat.c's `walk_zones_in_node` visits
//! them for buddyinfo and zoneinfo: node by node, each zone read under
//! `zone->lock`; the node's counters and the zone's counters and per-CPU pagesets.

use super::cpu::{online_cpus, CpuId};
use super::shim::*;
use kernel::{bindings, ffi::c_int, str::CStr};

/// The number of `numa_stat_item`s (0 without `CONFIG_NUMA`).
#[cfg(CONFIG_NUMA)]
pub(crate) const NR_VM_NUMA_EVENT_ITEMS: u32 = bindings::numa_stat_item_NR_VM_NUMA_EVENT_ITEMS;
/// The number of `numa_stat_item`s (0 without `CONFIG_NUMA`).
#[cfg(not(CONFIG_NUMA))]
pub(crate) const NR_VM_NUMA_EVENT_ITEMS: u32 = 0;

/// `MIGRATE_TYPES`: the migrate types of this configuration.
pub(crate) const MIGRATE_TYPES: u32 = bindings::migratetype_MIGRATE_TYPES;

/// Where `pagetypeinfo` stops counting a free list (it runs under the zone lock).
pub(crate) const FREE_LIST_CAP: u64 = 100_000;

/// A zone of a node.
///
/// # Invariants
///
/// Points into a `pg_data_t` that exists and stays (see [`NodeId`]).
pub(crate) struct Zone(*mut bindings::zone);

/// `nr_node_ids`: node numbers lie below it.
pub(crate) fn nr_node_ids() -> u32 {
    // SAFETY: Fixed after boot.
    unsafe { procfs2_nr_node_ids() }
}

/// A node that was online when it was named.
///
/// # Invariants
///
/// Below `nr_node_ids`, and online when made: its `pg_data_t` (`NODE_DATA`) exists,
/// and stays (an offlined node's `pg_data_t` is kept for its return).
#[derive(Clone, Copy)]
pub(crate) struct NodeId(c_int);

impl NodeId {
    /// Node `nid` if it is online (`node_online(nid)`).
    pub(crate) fn online(nid: u64) -> Option<Self> {
        let nid = c_int::try_from(nid).ok()?;
        // SAFETY: Reads the online node mask; `nid` is checked against its size first.
        // INVARIANT: Checked.
        ((0..nr_node_ids() as c_int).contains(&nid) && unsafe { procfs2_node_online(nid) })
            .then_some(Self(nid))
    }

    /// Whether the node has memory (`node_state(nid, N_MEMORY)`).
    pub(crate) fn has_memory(self) -> bool {
        // SAFETY: Below the node masks' size (type invariant); reads one bit.
        unsafe { procfs2_node_has_memory(self.0) }
    }
}

impl core::fmt::Display for NodeId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

/// The online nodes in order (`for_each_online_pgdat`).
pub(crate) fn online_nodes() -> impl Iterator<Item = NodeId> {
    (0..u64::from(nr_node_ids())).filter_map(NodeId::online)
}

/// `pageblock_order`: a page block is `1 << pageblock_order` pages.
pub(crate) fn pageblock_order() -> u32 {
    // SAFETY: Fixed at boot.
    unsafe { procfs2_pageblock_order() }
}

/// `migratetype_names[mtype]` (not exported; a copy made from this tree).
pub(crate) fn migratetype_name(mtype: u32) -> &'static CStr {
    let mtype = mtype.min(MIGRATE_TYPES - 1) as usize;
    // SAFETY: The table has `MIGRATE_TYPES` string literals (checked in shim/private.c).
    unsafe { CStr::from_char_ptr(*procfs2_migratetype_names_table().add(mtype)) }
}

/// The zones of node `nid`, lowest first, populated or not.
pub(crate) fn zones(nid: NodeId) -> impl Iterator<Item = Zone> {
    (0..bindings::MAX_NR_ZONES).map(move |z| {
        // SAFETY: The node's `pg_data_t` exists and stays (`NodeId` invariant), and
        // `z` is a zone index.
        // INVARIANT: A zone of that `pg_data_t`.
        Zone(unsafe { procfs2_node_zone(nid.0, z) })
    })
}

/// The populated zones of node `nid`, lowest first.
pub(crate) fn populated_zones(nid: NodeId) -> impl Iterator<Item = Zone> {
    zones(nid).filter(Zone::populated)
}

/// `node_page_state_pages(NODE_DATA(nid), item)` (not exported): the node's
/// counter, negative values (per-CPU drift) read as 0; 0 for an `item` that is no
/// `node_stat_item`.
pub(crate) fn node_state_pages(nid: NodeId, item: u32) -> u64 {
    if item >= bindings::node_stat_item_NR_VM_NODE_STAT_ITEMS {
        return 0;
    }
    // SAFETY: The node's `pg_data_t` exists (`NodeId` invariant) and `item` is a
    // `node_stat_item` (checked).
    unsafe { procfs2_pgdat_state_pages(nid.0, item) }.max(0) as u64
}

/// Whether kswapd has given up on node `nid` (`kswapd_failures >=
/// MAX_RECLAIM_RETRIES`).
pub(crate) fn node_unreclaimable(nid: NodeId) -> bool {
    // SAFETY: The node's `pg_data_t` exists (`NodeId` invariant); the count is an
    // int read once.
    unsafe { procfs2_pgdat_unreclaimable(nid.0) }
}

/// What zoneinfo shows of a zone besides its counters, read under `zone->lock`.
pub(crate) struct ZoneInfo {
    pub(crate) free: u64,
    pub(crate) boost: u64,
    /// min, low, high and promo watermarks (boost included).
    pub(crate) wmarks: [u64; 4],
    pub(crate) spanned: u64,
    pub(crate) present: u64,
    pub(crate) managed: u64,
    pub(crate) cma: u64,
    pub(crate) protection: [i64; bindings::MAX_NR_ZONES as usize],
    pub(crate) start_pfn: u64,
}

/// One CPU's pageset of a zone: count, high, batch, and the counters' threshold.
pub(crate) struct Pageset {
    pub(crate) count: i32,
    pub(crate) high: i32,
    pub(crate) batch: i32,
    pub(crate) stat_threshold: i32,
}

impl Zone {
    /// `populated_zone(zone)`: pages present.
    pub(crate) fn populated(&self) -> bool {
        // SAFETY: The zone is valid (see [`zones`]); the count is a word read once.
        unsafe { core::ptr::read_volatile(&raw const (*self.0).present_pages) != 0 }
    }

    /// Whether this is the same zone as `other`.
    pub(crate) fn is(&self, other: &Zone) -> bool {
        self.0 == other.0
    }

    /// `zone_page_state(zone, item)`; 0 for an `item` that is no `zone_stat_item`.
    pub(crate) fn state(&self, item: u32) -> u64 {
        if item >= bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS {
            return 0;
        }
        // SAFETY: The zone is valid (type invariant) and `item` a `zone_stat_item`
        // (checked).
        unsafe { procfs2_zone_state(self.0, item) as u64 }
    }

    /// The zone's size, watermarks and reserves, under `zone->lock` as
    /// `zoneinfo_show_print` reads them.
    pub(crate) fn info(&self) -> ZoneInfo {
        // SAFETY: The zone is valid; its lock is a spinlock taken with interrupts
        // saved and released below, and nothing here sleeps. The watermark and
        // size helpers are static inlines reading the zone's fields.
        unsafe {
            let flags = procfs2_zone_lock_irqsave(self.0);
            // No Rust reference to the zone: its counters change on other CPUs.
            let z = self.0;
            let info = ZoneInfo {
                free: procfs2_zone_state(z, bindings::zone_stat_item_NR_FREE_PAGES) as u64,
                boost: core::ptr::read_volatile(&raw const (*z).watermark_boost) as u64,
                wmarks: [0, 1, 2, 3].map(|w| procfs2_zone_wmark(z, w) as u64),
                spanned: core::ptr::read_volatile(&raw const (*z).spanned_pages) as u64,
                present: core::ptr::read_volatile(&raw const (*z).present_pages) as u64,
                managed: procfs2_zone_managed(z) as u64,
                cma: procfs2_zone_cma(z) as u64,
                protection: core::ptr::read_volatile(&raw const (*z).lowmem_reserve)
                    .map(|r| r as i64),
                start_pfn: core::ptr::read_volatile(&raw const (*z).zone_start_pfn) as u64,
            };
            procfs2_zone_unlock_irqrestore(self.0, flags);
            info
        }
    }

    /// CPU `cpu`'s pageset of this zone (`per_cpu_pageset`, `per_cpu_zonestats`),
    /// read unlocked as fs/proc reads it.
    pub(crate) fn pageset(&self, cpu: CpuId) -> Pageset {
        let cpu = cpu.as_u32() as c_int;
        // SAFETY: The zone is valid (type invariant) and `cpu` has per-CPU data
        // (`CpuId`); the per-CPU structures of a zone live as long as the zone. Each
        // field is an int read once, racing with its CPU's updates as in fs/proc.
        unsafe {
            let pcp = procfs2_zone_pcp(self.0, cpu);
            Pageset {
                count: core::ptr::read_volatile(&raw const (*pcp).count),
                high: core::ptr::read_volatile(&raw const (*pcp).high),
                batch: core::ptr::read_volatile(&raw const (*pcp).batch),
                stat_threshold: procfs2_zone_stat_threshold(self.0, cpu),
            }
        }
    }

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

    /// For each order, how many free blocks `free_area[order].free_list[mtype]`
    /// holds, counted under `zone->lock` as `pagetypeinfo_showfree_print` counts
    /// them: up to [`FREE_LIST_CAP`] (a count that reaches it reads ">100000"), the
    /// lock dropped between orders.
    pub(crate) fn free_list_counts(&self, mtype: u32) -> [u64; bindings::NR_PAGE_ORDERS as usize] {
        let mut out = [0; bindings::NR_PAGE_ORDERS as usize];
        let Some(mtype) = (mtype < MIGRATE_TYPES).then_some(mtype as usize) else {
            return out;
        };
        for (order, n) in out.iter_mut().enumerate() {
            // SAFETY: The zone is valid; its spinlock is held (irqsave) to the end of
            // the block, where nothing sleeps, and keeps the free lists stable.
            unsafe {
                let flags = procfs2_zone_lock_irqsave(self.0);
                let head = &raw mut (*self.0).free_area[order].free_list[mtype];
                let mut cur = (*head).next;
                while cur != head && *n < FREE_LIST_CAP {
                    *n += 1;
                    cur = (*cur).next;
                }
                procfs2_zone_unlock_irqrestore(self.0, flags);
            }
        }
        out
    }

    /// How many of the zone's page blocks are of each migrate type
    /// (`pagetypeinfo_showblockcount_print`): every `pageblock_nr_pages` from the
    /// zone's start to its end, online and of this zone, under `zone->lock`.
    pub(crate) fn block_counts(&self) -> [u64; MIGRATE_TYPES as usize] {
        let mut count = [0; MIGRATE_TYPES as usize];
        // SAFETY: `pageblock_order` is fixed at boot.
        let step = 1usize << unsafe { procfs2_pageblock_order() };
        // SAFETY: The zone is valid and its lock held (irqsave) to the end of the
        // block, where nothing sleeps; a pfn with an online page has a section with
        // a pageblock bitmap.
        unsafe {
            let flags = procfs2_zone_lock_irqsave(self.0);
            let start = (*self.0).zone_start_pfn;
            // `zone_end_pfn`: an `unsigned long` sum.
            let end = start.wrapping_add((*self.0).spanned_pages);
            for pfn in (start..end).step_by(step) {
                let page = procfs2_pfn_to_online_page(pfn as _);
                if page.is_null() || procfs2_page_zone(page) != self.0 {
                    continue;
                }
                if let Some(c) = count.get_mut(procfs2_pfn_migratetype(pfn as _) as usize) {
                    *c += 1;
                }
            }
            procfs2_zone_unlock_irqrestore(self.0, flags);
        }
        count
    }

    /// The NUMA events of this zone: its counters (`zone->vm_numa_event`) plus what
    /// the online CPUs have counted and not folded into them yet
    /// (`per_cpu_zonestats`), which is what `fold_vm_zone_numa_events` (private)
    /// would add before fs/proc reads them. Empty without `CONFIG_NUMA`.
    pub(crate) fn numa_events(&self) -> [u64; NR_VM_NUMA_EVENT_ITEMS as usize] {
        let mut v = [0u64; NR_VM_NUMA_EVENT_ITEMS as usize];
        #[cfg(CONFIG_NUMA)]
        {
            // SAFETY: The zone is valid; its counters are an array of
            // `NR_VM_NUMA_EVENT_ITEMS` atomic longs, each read with one load.
            unsafe {
                let own = procfs2_zone_numa_event_array(self.0);
                for (i, n) in v.iter_mut().enumerate() {
                    *n = core::ptr::read_volatile(&raw const (*own.add(i)).counter) as u64;
                }
            }
            for cpu in online_cpus() {
                // SAFETY: A populated zone's per-CPU stats are its own and live as
                // long as the zone; `cpu` is a possible CPU; the array has
                // `NR_VM_NUMA_EVENT_ITEMS` entries, each read once.
                unsafe {
                    let pcp = procfs2_zone_numa_event_cpu_array(self.0, cpu.as_u32() as c_int);
                    for (i, n) in v.iter_mut().enumerate() {
                        *n = n.wrapping_add(core::ptr::read_volatile(pcp.add(i)) as u64);
                    }
                }
            }
        }
        v
    }
}
