// SPDX-License-Identifier: GPL-2.0

//! `diskstats` and `partitions` (block/genhd.c `diskstats_show`, `show_partition`):
//! a line per disk and per non-empty partition, disks in `block_class`'s order.

use crate::{
    pde::ProcDirEntry,
    wrap::{
        block::{self, Disk, Part},
        seq::SeqFile,
    },
};
use kernel::{fmt, prelude::*};

const STAT_READ: usize = 0;
const STAT_WRITE: usize = 1;
const STAT_DISCARD: usize = 2;
const STAT_FLUSH: usize = 3;

/// `div_u64(ns, NSEC_PER_MSEC)` cast to `unsigned int`.
fn ms(ns: u64) -> u32 {
    (ns / 1_000_000) as u32
}

/// `diskstats_show` for one disk: the whole disk, then each partition with sectors.
fn diskstats_disk(m: &SeqFile, disk: &Disk) {
    disk.for_each_part(|hd: &Part| {
        if hd.is_partition() && hd.nr_sectors() == 0 {
            return;
        }
        let inflight = hd.diskstats_in_flight();
        let s = hd.stats();
        let (major, minor) = hd.dev();
        m.print(fmt!("{:4} {:7} ", major, minor));
        hd.print_name(m);
        m.print(fmt!(
            " {} {} {} {} {} {} {} {} {} {} {} ",
            s.ios[STAT_READ],
            s.merges[STAT_READ],
            s.sectors[STAT_READ],
            ms(s.nsecs[STAT_READ]),
            s.ios[STAT_WRITE],
            s.merges[STAT_WRITE],
            s.sectors[STAT_WRITE],
            ms(s.nsecs[STAT_WRITE]),
            inflight,
            block::jiffies_to_msecs(s.io_ticks),
            ms(s.nsecs[STAT_READ]
                .wrapping_add(s.nsecs[STAT_WRITE])
                .wrapping_add(s.nsecs[STAT_DISCARD])
                .wrapping_add(s.nsecs[STAT_FLUSH])),
        ));
        m.print(fmt!(
            "{} {} {} {} {} {}\n",
            s.ios[STAT_DISCARD],
            s.merges[STAT_DISCARD],
            s.sectors[STAT_DISCARD],
            ms(s.nsecs[STAT_DISCARD]),
            s.ios[STAT_FLUSH],
            ms(s.nsecs[STAT_FLUSH])
        ));
    });
}

/// `diskstats_show` over the disks (`diskstats_op`).
pub(crate) fn diskstats_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    block::for_each_disk(|disk| {
        diskstats_disk(m, disk);
        Ok(())
    })
}

/// `show_partition` over the disks (`partitions_op`); `show_partition_start` puts
/// the header before the first disk, if there is one.
pub(crate) fn partitions_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let mut first = true;
    block::for_each_disk(|sgp| {
        if first {
            m.write(b"major minor  #blocks  name\n\n");
            first = false;
        }
        if sgp.capacity() == 0 || sgp.hidden() {
            return Ok(());
        }
        sgp.for_each_part(|part| {
            let sectors = part.nr_sectors();
            if sectors == 0 {
                return;
            }
            let (major, minor) = part.dev();
            m.print(fmt!("{:4}  {:7} {:10} ", major, minor, sectors >> 1));
            part.print_name(m);
            m.write(b"\n");
        });
        Ok(())
    })
}
