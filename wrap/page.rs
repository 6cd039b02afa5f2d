// SPDX-License-Identifier: GPL-2.0

//! Page frames by number, as fs/proc/page.c reads them for kpagecount: the online
//! page of a frame (`pfn_to_online_page`) and how many user mappings map it
//! (`folio_precise_page_mapcount`), read without locks as there.

use super::{mmzone, shim::*};

/// The frame number past the last one kpagecount shows (`get_max_dump_pfn`):
/// `max_pfn` rounded up to a memory section.
///
/// `max_pfn` is not exported. It is the end of the last RAM range, and the node
/// spans are built from the same ranges, so the highest end of an online node's
/// span (`pgdat_end_pfn`) is the same frame, the more so once rounded up to a
/// section (memory hot-add moves both).
pub(crate) fn max_dump_pfn() -> u64 {
    let end = mmzone::online_nodes()
        .map(mmzone::NodeId::end_pfn)
        .max()
        .unwrap_or(0);
    // SAFETY: A constant.
    let section = unsafe { procfs2_pages_per_section() } as u64;
    // `round_up(max_pfn, PAGES_PER_SECTION)`: `((x - 1) | (y - 1)) + 1` in `unsigned
    // long`, which wraps (0 stays 0).
    (end.wrapping_sub(1) | (section - 1)).wrapping_add(1)
}

/// The map count of frame `pfn`'s page (`folio_precise_page_mapcount`), as the
/// u64 kpagecount stores; 0 if the frame has no online page.
pub(crate) fn precise_mapcount(pfn: u64) -> u64 {
    // SAFETY: `pfn_to_online_page` answers any frame number.
    let page = unsafe { procfs2_pfn_to_online_page(pfn as _) };
    if page.is_null() {
        return 0;
    }
    // SAFETY: `page` is an online page, whose `struct page` stays; the count is
    // read racily with one atomic read, as fs/proc reads it.
    (unsafe { procfs2_page_precise_mapcount(page) }) as i64 as u64
}
