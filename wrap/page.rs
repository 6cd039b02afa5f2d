// SPDX-License-Identifier: GPL-2.0

//! Page frames by number, as fs/proc/page.c reads them for kpagecount, kpageflags
//! and kpagecgroup: the online page of a frame (`pfn_to_online_page`), how many user
//! mappings map it (`folio_precise_page_mapcount`), its flags and its folio's, and its
//! memory cgroup, read without locks as there.

use super::{lock::Rcu, shim::*};
use core::marker::PhantomData;
use kernel::bindings;

/// The frame number past the last one kpagecount shows (`get_max_dump_pfn`):
/// `max_pfn` rounded up to a memory section.
pub(crate) fn max_dump_pfn() -> u64 {
    // SAFETY: `high_memory` is always set; only its value is read.
    let end = unsafe { procfs2_max_pfn() } as u64;
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

/// The online page of a frame and its folio as `page_folio` found it once, for the
/// length of one call of [`with_online_page`]. Everything is read racily, as
/// fs/proc/page.c reads it: a page may be freed, split or reused meanwhile, and the
/// answers describe one moment or another; its `struct page` itself stays, as the
/// frame is online.
pub(crate) struct OnlinePage<'a> {
    page: *mut bindings::page,
    folio: *mut bindings::folio,
    _call: PhantomData<&'a ()>,
}

/// Calls `f` with frame `pfn`'s online page, or with `None` if the frame has none
/// (a hole, offline memory).
pub(crate) fn with_online_page<R>(pfn: u64, f: impl FnOnce(Option<&OnlinePage<'_>>) -> R) -> R {
    // SAFETY: `pfn_to_online_page` answers any frame number.
    let page = unsafe { procfs2_pfn_to_online_page(pfn as _) };
    if page.is_null() {
        return f(None);
    }
    // SAFETY: `page` is an online page; `page_folio` reads its compound head.
    let folio = unsafe { procfs2_page_folio(page) };
    f(Some(&OnlinePage {
        page,
        folio,
        _call: PhantomData,
    }))
}

// SAFETY (every method below): `page` is an online page and `folio` the head that
// `page_folio` gave for it (type invariant); the helpers read their fields with
// single loads or atomic reads, as fs/proc does without locks.
impl OnlinePage<'_> {
    /// `folio->flags`.
    pub(crate) fn folio_flags(&self) -> u64 {
        // SAFETY: See above.
        unsafe { procfs2_folio_flags(self.folio) as u64 }
    }

    /// `page->flags`.
    pub(crate) fn page_flags(&self) -> u64 {
        // SAFETY: See above.
        unsafe { procfs2_page_flags(self.page) as u64 }
    }

    /// `(unsigned long)folio->mapping`: a pointer with the `PAGE_MAPPING_*` bits.
    pub(crate) fn folio_mapping_bits(&self) -> u64 {
        // SAFETY: See above.
        unsafe { procfs2_folio_mapping_bits(self.folio) as u64 }
    }

    /// `page == &folio->page`.
    pub(crate) fn is_folio_head(&self) -> bool {
        // SAFETY: See above; only an address is computed.
        self.page == unsafe { procfs2_folio_page(self.folio) }
    }

    /// `page_mapped`.
    pub(crate) fn mapped(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_page_mapped(self.page) }
    }

    /// `folio_test_hugetlb`.
    pub(crate) fn folio_hugetlb(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_folio_test_hugetlb(self.folio) }
    }

    /// `folio_test_large`.
    pub(crate) fn folio_large(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_folio_test_large(self.folio) }
    }

    /// `folio_test_large_rmappable`.
    pub(crate) fn folio_large_rmappable(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_folio_test_large_rmappable(self.folio) }
    }

    /// `is_zero_folio`.
    pub(crate) fn is_zero_folio(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_is_zero_folio(self.folio) }
    }

    /// `PageBuddy`.
    pub(crate) fn buddy(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_page_buddy(self.page) }
    }

    /// `page_count`.
    pub(crate) fn count(&self) -> i32 {
        // SAFETY: See above.
        unsafe { procfs2_page_count(self.page) }
    }

    /// `is_free_buddy_page` (exported): whether the page is in a free block.
    pub(crate) fn is_free_buddy(&self) -> bool {
        // SAFETY: See above; the function takes the zone lock itself.
        unsafe { bindings::is_free_buddy_page(self.page) }
    }

    /// `PageOffline`.
    pub(crate) fn offline(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_page_offline(self.page) }
    }

    /// `PageTable`.
    pub(crate) fn table(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_page_table(self.page) }
    }

    /// `folio_test_slab`.
    pub(crate) fn folio_slab(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_folio_test_slab(self.folio) }
    }

    /// `folio_test_idle`: `PG_idle` on 64-bit.
    pub(crate) fn folio_idle(&self) -> bool {
        // SAFETY: See above.
        unsafe { procfs2_folio_test_idle(self.folio) }
    }

    /// `page_cgroup_ino`: the inode number of the cgroup of the nearest online
    /// memory cgroup at or above the folio's, or 0.
    pub(crate) fn cgroup_ino(&self) -> u64 {
        let _rcu = Rcu::read_lock();
        // SAFETY: See above; under RCU the memory cgroup found and its ancestors
        // stay valid, as in `page_cgroup_ino`.
        unsafe {
            let mut memcg = procfs2_folio_memcg_check(self.folio);
            while !memcg.is_null() && !procfs2_memcg_online(memcg) {
                memcg = procfs2_parent_mem_cgroup(memcg);
            }
            if memcg.is_null() {
                0
            } else {
                procfs2_memcg_cgroup_ino(memcg)
            }
        }
    }
}
