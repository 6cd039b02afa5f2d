// SPDX-License-Identifier: GPL-2.0

//! `/proc/vmstat` (mm/vmstat.c `vmstat_op`): one line per counter, named as this
//! kernel names it (`vmstat_text[]`), then `nr_unstable 0`; `/proc/buddyinfo`
//! (`fragmentation_op`): the free blocks of each order in each populated zone; and
//! `/proc/zoneinfo` (`zoneinfo_op`): each zone's size, watermarks, counters and
//! per-CPU pagesets, a record per node; and `/proc/pagetypeinfo`
//! (`pagetypeinfo_op`): per node, each zone's free blocks by migrate type and order,
//! and its page blocks by migrate type.
//!
//! fs/proc takes every counter at `start`, then shows one line per record; here one
//! show writes them all, into a buffer sized for them (`single_open_size`). The two
//! dirty thresholds (`global_dirty_limits`) and the two memmap counts (static in
//! mm/vmstat.c) cannot be had: their lines are left out
//! (tests/missing-vmstat-lines.txt).

use crate::{
    pde::{ProcDirEntry, SeqOps},
    wrap::seq::SeqFile,
    wrap::{mmzone, sys},
};
use kernel::{bindings, fmt, prelude::*};

/// The buffer vmstat starts with: two pages, the largest size the kmalloc caches
/// serve (a larger one costs a page allocation per open); its ~200 lines of under
/// 40 bytes fit.
pub(crate) const VMSTAT_SIZE: usize = 2 * bindings::PAGE_SIZE;

/// `vmstat_start` and `vmstat_show` for every counter, in `vmstat_text[]`'s order:
/// zone counters, NUMA events, node counters, the writeback and memmap counters
/// (left out), events. The events are summed once (`all_vm_events`), as fs/proc
/// sums them at `start`.
pub(crate) fn vmstat_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let names = sys::VmstatNames::get();
    let mut i = 0;
    let mut line = |value: Option<u64>| {
        if let (Some(name), Some(v)) = (names.name(i), value) {
            m.write(name.as_bytes());
            m.write(b" ");
            m.put_u64(v);
            m.write(b"\n");
        }
        i += 1;
    };
    for z in 0..bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS {
        line(Some(sys::zone_state(z)));
    }
    for n in sys::numa_events() {
        line(Some(n));
    }
    for n in 0..bindings::node_stat_item_NR_VM_NODE_STAT_ITEMS {
        line(Some(sys::node_state_vmstat(n)));
    }
    for _ in 0..bindings::vm_stat_item_NR_VM_STAT_ITEMS {
        line(None);
    }
    for (e, v) in (0..).zip(sys::all_vm_events()) {
        // Sectors to kilobytes.
        let pgpg = e == bindings::vm_event_item_PGPGIN || e == bindings::vm_event_item_PGPGOUT;
        line(Some(if pgpg { v / 2 } else { v }));
    }
    m.write(b"nr_unstable 0\n");
    Ok(())
}

/// `frag_show`: per online node, per populated zone, the count of free blocks of
/// each order (`frag_show_print`), read under the zone's lock.
pub(crate) fn buddyinfo_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    for nid in mmzone::online_nodes() {
        for zone in mmzone::populated_zones(nid) {
            let counts = zone.free_counts();
            let name = zone.name().to_str().unwrap_or("?");
            m.print(fmt!("Node {}, zone {:>8} ", nid, name));
            for n in counts {
                m.put_u64_width(n, 6);
                m.write(b" ");
            }
            m.write(b"\n");
        }
    }
    Ok(())
}

/// `zoneinfo_op`: record `pos` is node `pos`; offline nodes print nothing.
pub(crate) static ZONEINFO_OPS: SeqOps = SeqOps {
    has: |_, pos| pos < u64::from(mmzone::nr_node_ids()),
    show: zoneinfo_show,
};

/// One `\n      name value` counter line of zoneinfo.
fn counter(m: &SeqFile, name: Option<&CStr>, value: u64) {
    let name = name.and_then(|n| n.to_str().ok()).unwrap_or("?");
    m.print(fmt!("\n      {:<12} {}", name, value));
}

/// `zoneinfo_show_print` for every zone of node `pos`, populated or not.
fn zoneinfo_show(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    let Some(nid) = mmzone::NodeId::online(pos) else {
        return Ok(());
    };
    let first = mmzone::populated_zones(nid).next();
    for zone in mmzone::zones(nid) {
        let name = zone.name().to_str().unwrap_or("?");
        m.print(fmt!("Node {}, zone {:>8}", nid, name));
        if first.as_ref().is_some_and(|f| f.is(&zone)) {
            m.write(b"\n  per-node stats");
            for i in 0..bindings::node_stat_item_NR_VM_NODE_STAT_ITEMS {
                let pages = sys::in_thp(i, mmzone::node_state_pages(nid, i));
                counter(m, sys::node_stat_name(i), pages);
            }
        }
        let z = zone.info();
        m.print(fmt!(
            "\n  pages free     {}\n        boost    {}\n        min      {}\n        \
             low      {}\n        high     {}\n        promo    {}\n        \
             spanned  {}\n        present  {}\n        managed  {}\n        cma      {}",
            z.free,
            z.boost,
            z.wmarks[0],
            z.wmarks[1],
            z.wmarks[2],
            z.wmarks[3],
            z.spanned,
            z.present,
            z.managed,
            z.cma
        ));
        m.print(fmt!("\n        protection: ({}", z.protection[0]));
        for r in &z.protection[1..] {
            m.print(fmt!(", {}", r));
        }
        m.write(b")");
        if !zone.populated() {
            m.write(b"\n");
            continue;
        }
        for i in 0..bindings::zone_stat_item_NR_VM_ZONE_STAT_ITEMS {
            counter(m, sys::zone_stat_name(i), zone.state(i));
        }
        for (i, n) in (0..).zip(zone.numa_events()) {
            counter(m, sys::numa_stat_name(i), n);
        }
        m.write(b"\n  pagesets");
        for cpu in sys::online_cpus() {
            let p = zone.pageset(cpu);
            m.print(fmt!(
                "\n    cpu: {}\n              count: {}\n              high:  {}\n              \
                 batch: {}\n  vm stats threshold: {}",
                cpu,
                p.count,
                p.high,
                p.batch,
                p.stat_threshold
            ));
        }
        m.print(fmt!(
            "\n  node_unreclaimable:  {}\n  start_pfn:           {}\n",
            u32::from(mmzone::node_unreclaimable(nid)),
            z.start_pfn
        ));
    }
    Ok(())
}

/// `pagetypeinfo_op`: record `pos` is node `pos`; offline and memoryless nodes
/// print nothing.
pub(crate) static PAGETYPEINFO_OPS: SeqOps = SeqOps {
    has: |_, pos| pos < u64::from(mmzone::nr_node_ids()),
    show: pagetypeinfo_show,
};

/// `pagetypeinfo_show`: the block size, then `pagetypeinfo_showfree` and
/// `pagetypeinfo_showblockcount`. (`pagetypeinfo_showmixedcount` prints only with
/// `CONFIG_PAGE_OWNER`, whose records are private: globals.rs leaves the file out
/// then.)
fn pagetypeinfo_show(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    let Some(nid) = mmzone::NodeId::online(pos).filter(|n| n.has_memory()) else {
        return Ok(());
    };
    let order = mmzone::pageblock_order();
    m.print(fmt!(
        "Page block order: {}\nPages per block:  {}\n\n",
        order,
        1u64 << order
    ));
    let type_name = |t| mmzone::migratetype_name(t).to_str().unwrap_or("?");

    m.print(fmt!(
        "{:<43} ",
        "Free pages count per migrate type at order"
    ));
    for o in 0..bindings::NR_PAGE_ORDERS {
        m.print(fmt!("{:6} ", o));
    }
    m.write(b"\n");
    for zone in mmzone::populated_zones(nid) {
        let name = zone.name().to_str().unwrap_or("?");
        for t in 0..mmzone::MIGRATE_TYPES {
            m.print(fmt!(
                "Node {:4}, zone {:>8}, type {:>12} ",
                nid,
                name,
                type_name(t)
            ));
            for n in zone.free_list_counts(t) {
                if n >= mmzone::FREE_LIST_CAP {
                    m.write(b">");
                }
                m.put_u64_width(n, 6);
                m.write(b" ");
            }
            m.write(b"\n");
        }
    }

    m.print(fmt!("\n{:<23}", "Number of blocks type "));
    for t in 0..mmzone::MIGRATE_TYPES {
        m.print(fmt!("{:>12} ", type_name(t)));
    }
    m.write(b"\n");
    for zone in mmzone::populated_zones(nid) {
        let name = zone.name().to_str().unwrap_or("?");
        m.print(fmt!("Node {}, zone {:>8} ", nid, name));
        for n in zone.block_counts() {
            m.put_u64_width(n, 12);
            m.write(b" ");
        }
        m.write(b"\n");
    }
    Ok(())
}
