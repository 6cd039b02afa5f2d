// SPDX-License-Identifier: GPL-2.0

//! `/proc/vmstat` (mm/vmstat.c `vmstat_op`): one line per counter, named as this
//! kernel names it (`vmstat_text[]`), then `nr_unstable 0`; and `/proc/buddyinfo`
//! (`fragmentation_op`): the free blocks of each order in each populated zone.
//!
//! fs/proc takes every counter at `start`; here each record reads its own counter,
//! so one read costs the same sums without a buffer. The two dirty thresholds
//! (`global_dirty_limits`) and the two memmap counts (static in mm/vmstat.c) cannot
//! be had: their lines are left out (tests/missing-vmstat-lines.txt).

use crate::{
    pde::{ProcDirEntry, SeqOps},
    seq::SeqFile,
    wrap::{
        mmzone,
        sys::{self, VmstatItem, NR_VMSTAT_ITEMS},
    },
};
use kernel::{bindings, fmt, prelude::*};

/// `vmstat_op`: record `pos` is counter `pos`.
pub(crate) static VMSTAT_OPS: SeqOps = SeqOps {
    has: |_, pos| pos < u64::from(NR_VMSTAT_ITEMS),
    show: vmstat_show,
};

/// The value of item `i`, or `None` for the ones a module cannot read.
fn value(item: VmstatItem) -> Option<u64> {
    match item {
        VmstatItem::Zone(i) => Some(sys::zone_state(i)),
        VmstatItem::NumaEvent(i) => Some(sys::numa_event(i)),
        VmstatItem::Node(i) => Some(sys::node_state_vmstat(i)),
        VmstatItem::Event(i) => {
            let v = sys::vm_event(i);
            // Sectors to kilobytes.
            Some(
                if i == bindings::vm_event_item_PGPGIN || i == bindings::vm_event_item_PGPGOUT {
                    v / 2
                } else {
                    v
                },
            )
        }
        VmstatItem::Vm => None,
    }
}

/// `vmstat_show`.
fn vmstat_show(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    let i = u32::try_from(pos).map_err(|_| EINVAL)?;
    if let (Some(name), Some(v)) = (sys::vmstat_text(i), VmstatItem::of(i).and_then(value)) {
        m.write(name.as_bytes());
        m.write(b" ");
        m.put_u64(v);
        m.write(b"\n");
    }
    if i == NR_VMSTAT_ITEMS - 1 {
        m.write(b"nr_unstable 0\n");
    }
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
