// SPDX-License-Identifier: GPL-2.0

//! `slabinfo` (mm/slab_common.c, `slabinfo_op` with SLUB's `get_slabinfo`): a
//! header, then a line per slab cache, newest first, readable by root only. The
//! caches and their order come from their sysfs kobjects (wrap/slab.rs), as
//! `slab_caches` and `slab_mutex` are not exported.

use crate::{
    pde::ProcDirEntry,
    wrap::{seq::SeqFile, slab},
};
use kernel::{bindings, fmt, prelude::*};

/// `SLABINFO_RIGHTS`.
pub(crate) const SLABINFO_MODE: u16 = 0o400;

/// The buffer's first size: a line is about 120 bytes, and a kernel has a few
/// hundred caches; the show function runs again for each doubling past it.
pub(crate) const SLABINFO_SIZE: usize = 16 * bindings::PAGE_SIZE;

/// `print_slabinfo_header`.
const HEADER: &[u8] = b"slabinfo - version: 2.1\n\
# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> \
: tunables <limit> <batchcount> <sharedfactor> \
: slabdata <active_slabs> <num_slabs> <sharedavail>\n";

/// `slab_show` for every cache: the header before the first, then `cache_show`.
pub(crate) fn slabinfo_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let mut first = true;
    slab::for_each_cache(|s| {
        if first {
            m.write(HEADER);
            first = false;
        }
        let info = s.info();
        // "%-17s": the name's bytes, padded to 17.
        let name = s.name().as_bytes();
        m.write(name);
        const SPACES: [u8; 17] = [b' '; 17];
        m.write(&SPACES[..SPACES.len().saturating_sub(name.len())]);
        // " %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n";
        // SLUB leaves `limit`, `batchcount`, `shared` and `shared_avail` at 0, and
        // `active_slabs` equal to `num_slabs`.
        for (n, width) in [
            (info.active_objs as u64, 6),
            (info.num_objs as u64, 6),
            (u64::from(s.size()), 6),
            (u64::from(info.objects_per_slab), 4),
        ] {
            m.write(b" ");
            m.put_u64_width(n, width);
        }
        // `1 << cache_order`, an int.
        let pages = 1i32.wrapping_shl(info.cache_order);
        match u64::try_from(pages) {
            Ok(p) => {
                m.write(b" ");
                m.put_u64_width(p, 4);
            }
            Err(_) => m.print(fmt!(" {:4}", pages)),
        }
        m.write(b" : tunables    0    0    0 : slabdata");
        for n in [info.num_slabs, info.num_slabs] {
            m.write(b" ");
            m.put_u64_width(n as u64, 6);
        }
        m.write(b"      0\n");
    });
    Ok(())
}
