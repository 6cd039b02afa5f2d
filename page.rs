// SPDX-License-Identifier: GPL-2.0

//! `/proc/kpagecount`, `/proc/kpageflags` and `/proc/kpagecgroup` (fs/proc/page.c):
//! for each page frame up to `max_pfn` rounded up to a memory section, a u64: how
//! many user mappings map its page, its page flags in the stable `KPF_*` numbering,
//! or the inode number of its memory cgroup (0 for frames without an online page,
//! `KPF_NOPAGE` in kpageflags). Positions are byte offsets; reads and their sizes
//! must be whole entries (`EINVAL`); the files seek with `mem_lseek`.

use crate::{
    pde::ProcDirEntry,
    wrap::{
        page::{self, OnlinePage},
        sync,
    },
};
use kernel::{bindings, prelude::*, uaccess::UserSlice};

/// Bytes per entry (`KPMSIZE`).
const KPMSIZE: usize = core::mem::size_of::<u64>();

/// Entries gathered before each copy to user space.
const CHUNK: usize = 64;

/// `kpagecount_read`.
pub(crate) fn kpagecount_read(
    _de: &ProcDirEntry,
    buf: UserSlice,
    count: usize,
    pos: &mut i64,
) -> Result<usize> {
    kpage_read(buf, count, pos, page::precise_mapcount)
}

/// `kpageflags_read`.
pub(crate) fn kpageflags_read(
    _de: &ProcDirEntry,
    buf: UserSlice,
    count: usize,
    pos: &mut i64,
) -> Result<usize> {
    kpage_read(buf, count, pos, |pfn| {
        page::with_online_page(pfn, stable_page_flags)
    })
}

/// `kpagecgroup_read`.
pub(crate) fn kpagecgroup_read(
    _de: &ProcDirEntry,
    buf: UserSlice,
    count: usize,
    pos: &mut i64,
) -> Result<usize> {
    kpage_read(buf, count, pos, |pfn| {
        page::with_online_page(pfn, |p| p.map_or(0, OnlinePage::cgroup_ino))
    })
}

/// The read of all three files: `entry(pfn)` for each frame of the range.
fn kpage_read(
    buf: UserSlice,
    count: usize,
    pos: &mut i64,
    entry: impl Fn(u64) -> u64,
) -> Result<usize> {
    // `max_dump_pfn * KPMSIZE` in `unsigned long`, as C computes it.
    let max = page::max_dump_pfn().wrapping_mul(KPMSIZE as u64);
    // `unsigned long src = *ppos`: the VFS refuses negative positions before this is
    // called, and one would read as past the end here, as there.
    let src = *pos as u64;
    if src % KPMSIZE as u64 != 0 || count % KPMSIZE != 0 {
        return Err(EINVAL);
    }
    if src >= max {
        return Ok(0);
    }
    let count = count.min((max - src) as usize);
    let mut out = buf.writer();
    let mut pfn = src / KPMSIZE as u64;
    let mut done = 0;
    let mut res = Ok(());
    while done < count && res.is_ok() {
        let n = CHUNK.min((count - done) / KPMSIZE);
        let mut bytes = [0u8; CHUNK * KPMSIZE];
        for (i, e) in bytes.chunks_exact_mut(KPMSIZE).take(n).enumerate() {
            e.copy_from_slice(&entry(pfn + i as u64).to_ne_bytes());
        }
        let chunk = &bytes[..n * KPMSIZE];
        if out.write_slice(chunk).is_ok() {
            done += chunk.len();
        } else {
            // fs/proc stores entry by entry: the entries before a fault count.
            for e in chunk.chunks_exact(KPMSIZE) {
                res = out.write_slice(e);
                if res.is_err() {
                    break;
                }
                done += KPMSIZE;
            }
        }
        pfn += n as u64;
        sync::cond_resched();
    }
    // `*ppos += out - buf`: bounded by the size of the file.
    *pos = pos.wrapping_add(done as i64);
    res.map(|()| done)
}

// The stable flag numbers of uapi/linux/kernel-page-flags.h and
// linux/kernel-page-flags.h (shim/mmzone.c asserts them).
const KPF_LOCKED: u32 = 0;
const KPF_REFERENCED: u32 = 2;
const KPF_UPTODATE: u32 = 3;
const KPF_DIRTY: u32 = 4;
const KPF_LRU: u32 = 5;
const KPF_ACTIVE: u32 = 6;
const KPF_SLAB: u32 = 7;
const KPF_WRITEBACK: u32 = 8;
const KPF_RECLAIM: u32 = 9;
const KPF_BUDDY: u32 = 10;
const KPF_MMAP: u32 = 11;
const KPF_ANON: u32 = 12;
const KPF_SWAPCACHE: u32 = 13;
const KPF_SWAPBACKED: u32 = 14;
const KPF_COMPOUND_HEAD: u32 = 15;
const KPF_COMPOUND_TAIL: u32 = 16;
const KPF_HUGE: u32 = 17;
const KPF_UNEVICTABLE: u32 = 18;
const KPF_HWPOISON: u32 = 19;
const KPF_NOPAGE: u32 = 20;
const KPF_KSM: u32 = 21;
const KPF_THP: u32 = 22;
const KPF_OFFLINE: u32 = 23;
const KPF_ZERO_PAGE: u32 = 24;
const KPF_IDLE: u32 = 25;
const KPF_PGTABLE: u32 = 26;
const KPF_RESERVED: u32 = 32;
const KPF_MLOCKED: u32 = 33;
const KPF_OWNER_2: u32 = 34;
const KPF_PRIVATE: u32 = 35;
const KPF_PRIVATE_2: u32 = 36;
const KPF_OWNER_PRIVATE: u32 = 37;
const KPF_ARCH: u32 = 38;
#[cfg(CONFIG_ARCH_USES_PG_ARCH_2)]
const KPF_ARCH_2: u32 = 41;

/// `kpf_copy_bit`: kernel flag bit `kbit` of `kflags` as user bit `ubit`.
fn kpf_copy_bit(kflags: u64, ubit: u32, kbit: u32) -> u64 {
    ((kflags >> kbit) & 1) << ubit
}

/// `stable_page_flags`. The huge zero folio (`is_huge_zero_folio`) is the one case
/// fs/proc knows that procfs2 cannot: `huge_zero_folio` is not exported, and the
/// folio looks like any other order-9 compound page that is neither hugetlb nor
/// rmappable, so its 512 frames lack `KPF_ZERO_PAGE` and `KPF_THP` here
/// (doc/differences.md).
fn stable_page_flags(page: Option<&OnlinePage<'_>>) -> u64 {
    use bindings::{
        pageflags_PG_active as PG_active, pageflags_PG_arch_1 as PG_arch_1,
        pageflags_PG_dirty as PG_dirty, pageflags_PG_head as PG_head,
        pageflags_PG_hwpoison as PG_hwpoison, pageflags_PG_locked as PG_locked,
        pageflags_PG_lru as PG_lru, pageflags_PG_mlocked as PG_mlocked,
        pageflags_PG_owner_2 as PG_owner_2, pageflags_PG_owner_priv_1 as PG_owner_priv_1,
        pageflags_PG_private as PG_private, pageflags_PG_private_2 as PG_private_2,
        pageflags_PG_reclaim as PG_reclaim, pageflags_PG_referenced as PG_referenced,
        pageflags_PG_reserved as PG_reserved, pageflags_PG_swapbacked as PG_swapbacked,
        pageflags_PG_swapcache as PG_swapcache, pageflags_PG_unevictable as PG_unevictable,
        pageflags_PG_uptodate as PG_uptodate, pageflags_PG_writeback as PG_writeback,
        PAGE_MAPPING_ANON, PAGE_MAPPING_KSM,
    };
    // A memory hole, told apart from a page without flags.
    let Some(page) = page else {
        return 1 << KPF_NOPAGE;
    };
    let k = page.folio_flags();
    let mapping = page.folio_mapping_bits();
    let is_anon = mapping & u64::from(PAGE_MAPPING_ANON) != 0;
    let mut u = 0u64;

    if page.mapped() {
        u |= 1 << KPF_MMAP;
    }
    if is_anon {
        u |= 1 << KPF_ANON;
        // As fs/proc tests it: any bit of PAGE_MAPPING_KSM, which includes
        // PAGE_MAPPING_ANON, so that 6.12 marks every anonymous page KSM.
        if mapping & u64::from(PAGE_MAPPING_KSM) != 0 {
            u |= 1 << KPF_KSM;
        }
    }
    if page.is_folio_head() {
        u |= kpf_copy_bit(k, KPF_COMPOUND_HEAD, PG_head);
    } else {
        u |= 1 << KPF_COMPOUND_TAIL;
    }
    if page.folio_hugetlb() {
        u |= 1 << KPF_HUGE;
    } else if page.folio_large() && page.folio_large_rmappable() {
        // Any THP, not just PMD-sized ones.
        u |= 1 << KPF_THP;
    } else if page.is_zero_folio() {
        u |= 1 << KPF_ZERO_PAGE;
    }
    // PG_buddy and PG_slab are set on the head page of a high-order block only.
    if page.buddy() || page.count() == 0 && page.is_free_buddy() {
        u |= 1 << KPF_BUDDY;
    }
    if page.offline() {
        u |= 1 << KPF_OFFLINE;
    }
    if page.table() {
        u |= 1 << KPF_PGTABLE;
    }
    if page.folio_slab() {
        u |= 1 << KPF_SLAB;
    }
    if page.folio_idle() {
        u |= 1 << KPF_IDLE;
    }

    u |= kpf_copy_bit(k, KPF_LOCKED, PG_locked);
    u |= kpf_copy_bit(k, KPF_DIRTY, PG_dirty);
    u |= kpf_copy_bit(k, KPF_UPTODATE, PG_uptodate);
    u |= kpf_copy_bit(k, KPF_WRITEBACK, PG_writeback);

    u |= kpf_copy_bit(k, KPF_LRU, PG_lru);
    u |= kpf_copy_bit(k, KPF_REFERENCED, PG_referenced);
    u |= kpf_copy_bit(k, KPF_ACTIVE, PG_active);
    u |= kpf_copy_bit(k, KPF_RECLAIM, PG_reclaim);

    let swapcache = 1 << PG_swapbacked | 1 << PG_swapcache;
    if k & swapcache == swapcache {
        u |= 1 << KPF_SWAPCACHE;
    }
    u |= kpf_copy_bit(k, KPF_SWAPBACKED, PG_swapbacked);

    u |= kpf_copy_bit(k, KPF_UNEVICTABLE, PG_unevictable);
    u |= kpf_copy_bit(k, KPF_MLOCKED, PG_mlocked);

    // CONFIG_MEMORY_FAILURE: a hugetlb folio's poison is on the folio, any other
    // page's on the page.
    if u & 1 << KPF_HUGE != 0 {
        u |= kpf_copy_bit(k, KPF_HWPOISON, PG_hwpoison);
    } else {
        u |= kpf_copy_bit(page.page_flags(), KPF_HWPOISON, PG_hwpoison);
    }

    u |= kpf_copy_bit(k, KPF_RESERVED, PG_reserved);
    u |= kpf_copy_bit(k, KPF_OWNER_2, PG_owner_2);
    u |= kpf_copy_bit(k, KPF_PRIVATE, PG_private);
    u |= kpf_copy_bit(k, KPF_PRIVATE_2, PG_private_2);
    u |= kpf_copy_bit(k, KPF_OWNER_PRIVATE, PG_owner_priv_1);
    u |= kpf_copy_bit(k, KPF_ARCH, PG_arch_1);
    #[cfg(CONFIG_ARCH_USES_PG_ARCH_2)]
    {
        u |= kpf_copy_bit(k, KPF_ARCH_2, bindings::pageflags_PG_arch_2);
    }
    u
}
