// SPDX-License-Identifier: GPL-2.0

//! Huge page pools (`struct hstate`), as mm/hugetlb.c's `hugetlb_report_meminfo`
//! reads them for /proc/meminfo.
//!
//! `hstates[]` and `default_hstate_idx` are not exported. hugetlbfs (built in, a
//! bool option) mounts one internal file system per hstate at boot
//! (`init_hugetlbfs_fs`), kept for good, and each superblock's
//! `hugetlbfs_sb_info` names its hstate; the exported `iterate_supers_type` visits
//! them. The hstates are elements of `hstates[]`, so their addresses give
//! `for_each_hstate`'s order. The default hstate's mount is made first, and
//! `sget_fc` adds each new superblock at the head of the type's list, so the last
//! superblock visited is that mount (user mounts come later, nearer the head).

use super::{filesystems, shim::*};
use kernel::{bindings, c_str, ffi::c_void};

/// One hstate's counters (`struct hstate`).
pub(crate) struct Hstate {
    /// `huge_page_size(h)` in bytes.
    pub(crate) size: u64,
    pub(crate) nr_huge_pages: u64,
    pub(crate) free_huge_pages: u64,
    pub(crate) resv_huge_pages: u64,
    pub(crate) surplus_huge_pages: u64,
}

/// What `hugetlb_report_meminfo` reads: the default hstate, and the bytes in all
/// huge page pools (`total`, summed in an `unsigned long`).
pub(crate) struct Report {
    pub(crate) default: Hstate,
    pub(crate) total: u64,
}

/// The hstates met on the superblocks, and the last one met.
#[derive(Default)]
struct Seen {
    hstates: [usize; 8],
    n: usize,
    last: usize,
}

/// `iterate_supers_type`'s callback: notes `sb`'s hstate.
///
/// # Safety
///
/// `sb` must be a live hugetlbfs superblock (`iterate_supers_type` holds its
/// `s_umount`) and `arg` the `Seen` [`report`] passed.
unsafe extern "C" fn note_hstate(sb: *mut bindings::super_block, arg: *mut c_void) {
    // SAFETY: Per the caller.
    let (seen, h) = unsafe { (&mut *arg.cast::<Seen>(), procfs2_hugetlbfs_sb_hstate(sb)) };
    let h = h as usize;
    if !seen.hstates[..seen.n].contains(&h) && seen.n < seen.hstates.len() {
        seen.hstates[seen.n] = h;
        seen.n += 1;
    }
    seen.last = h;
}

fn read(h: *mut hstate) -> Hstate {
    // SAFETY: `h` is an element of `hstates[]`, a static of vmlinux; its counters
    // are read without `hugetlb_lock`, as `hugetlb_report_meminfo` reads them.
    unsafe {
        Hstate {
            size: procfs2_hstate_size(h) as u64,
            nr_huge_pages: procfs2_hstate_nr_huge_pages(h) as u64,
            free_huge_pages: procfs2_hstate_free_huge_pages(h) as u64,
            resv_huge_pages: procfs2_hstate_resv_huge_pages(h) as u64,
            surplus_huge_pages: procfs2_hstate_surplus_huge_pages(h) as u64,
        }
    }
}

/// `hugetlb_report_meminfo`'s numbers; `None` where it prints nothing
/// (`!hugepages_supported()`), or where hugetlbfs is not registered (its boot-time
/// setup failed: then /proc still shows the lines, procfs2 does not).
pub(crate) fn report() -> Option<Report> {
    // SAFETY: Reads a CPU feature bit set at boot.
    if !unsafe { procfs2_hugepages_supported() } {
        return None;
    }
    let fs = filesystems::find_builtin(c_str!("hugetlbfs"))?;
    let mut seen = Seen::default();
    // SAFETY: `fs` is hugetlbfs's type, a static of vmlinux; `note_hstate` is called
    // for its live superblocks with `seen`, which outlives the call.
    unsafe { bindings::iterate_supers_type(fs, Some(note_hstate), (&raw mut seen).cast()) };
    if seen.n == 0 {
        return None;
    }
    let hstates = &mut seen.hstates[..seen.n];
    hstates.sort_unstable();
    let total = hstates.iter().fold(0u64, |t, &h| {
        let h = read(h as *mut hstate);
        t.wrapping_add(h.size.wrapping_mul(h.nr_huge_pages))
    });
    Some(Report {
        default: read(seen.last as *mut hstate),
        total,
    })
}
