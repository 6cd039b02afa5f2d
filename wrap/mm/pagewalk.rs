// SPDX-License-Identifier: GPL-2.0

//! The page-table walk behind `smaps`, `smaps_rollup`, `pagemap` and `clear_refs`
//! (mm/pagewalk.c's `walk_page_vma` and `walk_page_range`, not exported, with the
//! `pmd_entry`, `pte_hole` and `test_walk` operations fs/proc/task_mmu.c gives them).
//!
//! The walk runs under the mmap lock, which keeps the page tables above the PTE
//! level. A PMD that maps a huge page is read under `pmd_lock` after a recheck
//! (`pmd_trans_huge_lock`); a PTE table is mapped and locked as 6.12's
//! `__pte_offset_map_lock` does it (`pmdp_get_lockless`, RCU, `pte_lockptr`, then a
//! recheck of the PMD under the lock, again if it changed), so the very lock fs/proc
//! takes is taken: `mm->page_table_lock`, or the table's own with split PTE locks.
//! The callbacks see the entries and the pages they map only while that lock is
//! held ([`PteTable`], [`HugePmd`], [`MappedPage`] borrow it).

use super::*;
use crate::wrap::lock::Rcu;
use core::ops::ControlFlow;

const PAGE_SIZE: u64 = bindings::PAGE_SIZE as u64;

/// What a walk does at each level (`struct mm_walk_ops`).
pub(crate) trait PageWalk {
    /// Whether `pte_hole` is called (`ops->pte_hole` set).
    const PTE_HOLE: bool = false;

    /// `ops->test_walk`: `Some(true)` skips the mapping, `Some(false)` walks it;
    /// `None` (no `test_walk`) skips `VM_PFNMAP` mappings after `pte_hole`.
    fn test_walk(&mut self, _vma: &Vma<'_>) -> Option<bool> {
        None
    }

    /// `ops->pte_hole` for `start..end`, a range with no page table or no mapping.
    fn pte_hole(&mut self, _mm: &MmLocked<'_>, _start: u64, _end: u64) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    /// `ops->pmd_entry` for a PMD that maps a huge page or a huge migration entry,
    /// under the PMD lock.
    fn pmd_huge(
        &mut self,
        vma: &Vma<'_>,
        addr: u64,
        end: u64,
        pmd: &HugePmd<'_>,
    ) -> ControlFlow<()>;

    /// `ops->pmd_entry` for a PTE table, under its lock: the entries of `addr..end`.
    fn ptes(&mut self, vma: &Vma<'_>, table: &PteTable<'_>) -> ControlFlow<()>;
}

/// A proof that the mmap lock of an mm is held (for reading or writing) for `'a`.
///
/// # Invariants
///
/// The mmap lock of `mm` is held for `'a`, by a holder of `mm_users`.
pub(crate) struct MmLocked<'a>(NonNull<bindings::mm_struct>, PhantomData<&'a ()>);

impl<'a> MmLocked<'a> {
    /// # Safety
    ///
    /// The mmap lock of `mm` is held for `'a` by a holder of `mm_users`.
    pub(super) unsafe fn new(mm: NonNull<bindings::mm_struct>) -> Self {
        // INVARIANT: Per the caller.
        Self(mm, PhantomData)
    }

    fn as_ptr(&self) -> *mut bindings::mm_struct {
        self.0.as_ptr()
    }

    /// The first mapping that ends above `addr` (`find_vma`).
    pub(crate) fn find_vma(&self, addr: u64) -> Option<Vma<'_>> {
        // SAFETY: The mm is locked (type invariant); `find_vma` returns one of its
        // VMAs or NULL.
        let vma = unsafe { bindings::find_vma(self.as_ptr(), addr as usize) };
        // SAFETY: As above.
        unsafe { VmaRef::from_raw(vma) }.map(Vma::Area)
    }

    /// `walk_page_range(mm, start, end, ops, private)`: the mappings and the holes
    /// between them in `start..end`; `Break` when an operation stopped the walk.
    pub(crate) fn walk_page_range<W: PageWalk>(
        &self,
        mut start: u64,
        end: u64,
        w: &mut W,
    ) -> ControlFlow<()> {
        if start >= end {
            return ControlFlow::Continue(());
        }
        let mut vma = self.find_vma(start);
        loop {
            let next;
            match vma {
                None => {
                    next = end;
                    if W::PTE_HOLE {
                        w.pte_hole(self, start, next)?;
                    }
                }
                Some(ref v) if start < v.start() => {
                    next = end.min(v.start());
                    if W::PTE_HOLE {
                        w.pte_hole(self, start, next)?;
                    }
                }
                Some(v) => {
                    next = end.min(v.end());
                    vma = self.find_vma(v.end());
                    // walk_page_test()
                    let skip = match w.test_walk(&v) {
                        Some(skip) => skip,
                        None if v.flags() & u64::from(bindings::VM_PFNMAP) != 0 => {
                            if W::PTE_HOLE {
                                w.pte_hole(self, start, next)?;
                            }
                            true
                        }
                        None => false,
                    };
                    if !skip {
                        walk_vma_range(self, &v, start, next, w)?;
                    }
                    start = next;
                    if start >= end {
                        return ControlFlow::Continue(());
                    }
                    continue;
                }
            }
            start = next;
            if start >= end {
                return ControlFlow::Continue(());
            }
        }
    }
}

impl Mm {
    /// `mm->task_size` (set at exec).
    pub(crate) fn task_size(&self) -> u64 {
        // SAFETY: The mm struct is held (type invariant); the field is set at exec.
        unsafe { (*self.as_ptr()).__bindgen_anon_1.task_size as u64 }
    }
}

impl<'a> Vma<'a> {
    /// `walk_page_vma(vma, ops, private)`: the whole mapping, with no `test_walk`;
    /// nothing for the gate (it has no mm: `-EINVAL` in fs/proc).
    pub(crate) fn walk_page_vma<W: PageWalk>(&self, w: &mut W) -> ControlFlow<()> {
        let Vma::Area(v) = self else {
            return ControlFlow::Continue(());
        };
        // SAFETY: The VMA is kept (type invariant); `vm_mm` never changes.
        let Some(mm) = NonNull::new(unsafe { (*v.as_ptr()).vm_mm }) else {
            return ControlFlow::Continue(());
        };
        // SAFETY: The walk that lent this mapping holds its mm's mmap lock and
        // `mm_users` for `'a`.
        let locked = unsafe { MmLocked::new(mm) };
        walk_vma_range(&locked, self, self.start(), self.end(), w)
    }

    /// `vm_pgoff`.
    pub(crate) fn pgoff(&self) -> u64 {
        match self {
            // SAFETY: The VMA is kept; `vm_pgoff` does not change under the lock.
            Vma::Area(v) => unsafe { (*v.as_ptr()).vm_pgoff as u64 },
            Vma::Gate => 0,
        }
    }

    /// `vma_is_anonymous`: no `vm_ops`.
    pub(crate) fn is_anonymous(&self) -> bool {
        match self {
            // SAFETY: The VMA is kept; `vm_ops` is set when it is made.
            Vma::Area(v) => unsafe { (*v.as_ptr()).vm_ops }.is_null(),
            Vma::Gate => false,
        }
    }

    /// Whether the mapping maps a shmem file (`shmem_mapping(vm_file->f_mapping)`).
    pub(crate) fn is_shmem(&self) -> bool {
        match self {
            // SAFETY: The VMA is kept; its file is counted.
            Vma::Area(v) => unsafe { shim::procfs2_vma_shmem(v.as_ptr()) },
            Vma::Gate => false,
        }
    }

    /// For a mapping of a shmem file: the file's swapped-out pages
    /// (`SHMEM_I(inode)->swapped`, read without its lock as `shmem_swap_usage`
    /// does) and the file's size.
    pub(crate) fn shmem_swapped(&self) -> Option<(u64, i64)> {
        if !self.is_shmem() {
            return None;
        }
        let Vma::Area(v) = self else { return None };
        // SAFETY: A shmem file's inode is a shmem inode; the VMA counts the file.
        Some(unsafe {
            (
                shim::procfs2_vma_shmem_swapped(v.as_ptr()) as u64,
                shim::procfs2_vma_file_size(v.as_ptr()),
            )
        })
    }

    /// `vma_kernel_pagesize` (x86's `vma_mmu_pagesize` is the same).
    pub(crate) fn kernel_pagesize(&self) -> u64 {
        match self {
            // SAFETY: The VMA is kept.
            Vma::Area(v) => unsafe { shim::vma_kernel_pagesize(v.as_ptr()) as u64 },
            Vma::Gate => PAGE_SIZE,
        }
    }

    /// `vma_pkey` when `arch_pkeys_enabled()`.
    pub(crate) fn pkey(&self) -> Option<i32> {
        // SAFETY: Reads a CPU feature bit.
        if !unsafe { shim::procfs2_arch_pkeys_enabled() } {
            return None;
        }
        match self {
            // SAFETY: The VMA is kept.
            Vma::Area(v) => Some(unsafe { shim::procfs2_vma_pkey(v.as_ptr()) }),
            Vma::Gate => Some(0),
        }
    }

    /// `vma_is_temporary_stack`.
    pub(crate) fn is_temporary_stack(&self) -> bool {
        match self {
            // SAFETY: The VMA is kept.
            Vma::Area(v) => unsafe { shim::procfs2_vma_is_temporary_stack(v.as_ptr()) },
            Vma::Gate => false,
        }
    }

    /// `thp_vma_suitable_order(vma, addr, HPAGE_PMD_ORDER)`.
    #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
    pub(crate) fn thp_suitable_pmd(&self, addr: u64) -> bool {
        match self {
            // SAFETY: The VMA is kept.
            Vma::Area(v) => unsafe { shim::procfs2_thp_vma_suitable_pmd(v.as_ptr(), addr as _) },
            Vma::Gate => false,
        }
    }

    /// Whether THP is disabled for the whole mm (`MMF_DISABLE_THP`).
    pub(crate) fn mm_thp_disabled(&self) -> bool {
        match self {
            // SAFETY: The VMA is kept, and its mm with it.
            Vma::Area(v) => !unsafe { shim::procfs2_mm_thp_enabled((*v.as_ptr()).vm_mm) },
            Vma::Gate => true,
        }
    }
}

/// `__walk_page_range` for `start..end` inside `vma`: hugetlb mappings are not
/// walked (README), the others from the PGD down.
#[inline]
fn walk_vma_range<W: PageWalk>(
    mm: &MmLocked<'_>,
    vma: &Vma<'_>,
    start: u64,
    end: u64,
    w: &mut W,
) -> ControlFlow<()> {
    if vma.flags() & u64::from(bindings::VM_HUGETLB) != 0 {
        // walk_hugetlb_range needs huge_pte_offset and the hugetlb VMA lock, which
        // are not exported: the range reads as a hole.
        if W::PTE_HOLE {
            w.pte_hole(mm, start, end)?;
        }
        return ControlFlow::Continue(());
    }
    let mut addr = start;
    loop {
        let (mut next, mut pgd) = (end as _, core::ptr::null_mut());
        // SAFETY: The mm is locked (type invariant of `MmLocked`), which keeps its
        // page directories; `addr` is in the mapping.
        let none_or_bad =
            unsafe { shim::procfs2_pgd_entry(mm.as_ptr(), addr as _, &mut next, &mut pgd) };
        let next = next as u64;
        if none_or_bad {
            if W::PTE_HOLE {
                w.pte_hole(mm, addr, next)?;
            }
        } else {
            walk_p4d_range(mm, vma, pgd, addr, next, w)?;
        }
        addr = next;
        if addr == end {
            return ControlFlow::Continue(());
        }
    }
}

#[inline]
fn walk_p4d_range<W: PageWalk>(
    mm: &MmLocked<'_>,
    vma: &Vma<'_>,
    pgd: *mut bindings::pgd_t,
    mut addr: u64,
    end: u64,
    w: &mut W,
) -> ControlFlow<()> {
    loop {
        let (mut next, mut p4d) = (end as _, core::ptr::null_mut());
        // SAFETY: `pgd` is present and kept by the mmap lock; `addr` is in its range.
        let none_or_bad = unsafe { shim::procfs2_p4d_entry(pgd, addr as _, &mut next, &mut p4d) };
        let next = next as u64;
        if none_or_bad {
            if W::PTE_HOLE {
                w.pte_hole(mm, addr, next)?;
            }
        } else {
            walk_pud_range(mm, vma, p4d, addr, next, w)?;
        }
        addr = next;
        if addr == end {
            return ControlFlow::Continue(());
        }
    }
}

#[inline]
fn walk_pud_range<W: PageWalk>(
    mm: &MmLocked<'_>,
    vma: &Vma<'_>,
    p4d: *mut bindings::p4d_t,
    mut addr: u64,
    end: u64,
    w: &mut W,
) -> ControlFlow<()> {
    loop {
        let (mut next, mut pud) = (end as _, core::ptr::null_mut());
        // SAFETY: `p4d` is present and kept by the mmap lock; `addr` is in its range.
        let tests = unsafe { shim::procfs2_pud_entry(p4d, addr as _, &mut next, &mut pud) };
        let next = next as u64;
        if tests & (1 << shim::PROCFS2_PUD_NONE) != 0 {
            if W::PTE_HOLE {
                w.pte_hole(mm, addr, next)?;
            }
        // A huge PUD (DAX) is not split as fs/proc would (`split_huge_pud` is not
        // exported, and zaps the mapping): it is a hole here, as it is there once
        // split.
        } else if tests & (1 << shim::PROCFS2_PUD_LEAF_OR_BAD) == 0 {
            walk_pmd_range(mm, vma, pud, addr, next, w)?;
        } else if W::PTE_HOLE {
            w.pte_hole(mm, addr, next)?;
        }
        addr = next;
        if addr == end {
            return ControlFlow::Continue(());
        }
    }
}

#[inline]
fn walk_pmd_range<W: PageWalk>(
    mm: &MmLocked<'_>,
    vma: &Vma<'_>,
    pud: *mut bindings::pud_t,
    mut addr: u64,
    end: u64,
    w: &mut W,
) -> ControlFlow<()> {
    loop {
        let mut next = end as _;
        // SAFETY: `pud` maps a PMD table kept by the mmap lock; `addr` is in its range.
        let pmd = unsafe { shim::procfs2_pmd_entry(pud, addr as _, &mut next) };
        let next = next as u64;
        // `pmd_entry`, again while it answers ACTION_AGAIN (`goto again`).
        loop {
            // SAFETY: `pmd` is the entry of `addr` in a table kept by the mmap lock.
            let tests = unsafe { shim::procfs2_pmd_tests(pmd) };
            if tests & (1 << shim::PROCFS2_PMD_NONE) != 0 {
                if W::PTE_HOLE {
                    w.pte_hole(mm, addr, next)?;
                }
                break;
            }
            let huge = tests & (1 << shim::PROCFS2_PMD_HUGE) != 0;
            if pmd_entry(mm, vma, pmd, huge, addr, next, w)?.is_some() {
                break;
            }
        }
        addr = next;
        if addr == end {
            return ControlFlow::Continue(());
        }
    }
}

/// The locking half of task_mmu.c's `pmd_entry` callbacks: `pmd_trans_huge_lock`,
/// else `pte_offset_map_lock`; `None` is ACTION_AGAIN (the PMD changed under us).
#[inline]
fn pmd_entry<W: PageWalk>(
    mm: &MmLocked<'_>,
    vma: &Vma<'_>,
    pmd: *mut bindings::pmd_t,
    huge: bool,
    addr: u64,
    end: u64,
    w: &mut W,
) -> ControlFlow<(), Option<()>> {
    let mmp = mm.as_ptr();
    // `huge`: `pmd_trans_huge_lock`'s test of `pmd`, an entry of a PMD table kept by
    // the mmap lock.
    if huge {
        // SAFETY: As above; `pmd_lock` takes the PMD's lock of the locked mm.
        let ptl = unsafe { shim::procfs2_pmd_lock(mmp, pmd) };
        // SAFETY: Rechecked under the lock.
        let huge = unsafe { shim::procfs2_pmd_tests(pmd) } & (1 << shim::PROCFS2_PMD_HUGE) != 0;
        let r = if huge {
            let entry = HugePmd {
                pmdp: pmd,
                // SAFETY: Read under the PMD lock.
                val: unsafe { shim::procfs2_pmdp_get(pmd) },
                vma,
                addr,
                _p: PhantomData,
            };
            w.pmd_huge(vma, addr, end, &entry)
        } else {
            ControlFlow::Continue(())
        };
        // SAFETY: Taken above.
        unsafe { shim::procfs2_spin_unlock(ptl) };
        if huge {
            r?;
            // SAFETY: No lock is held.
            unsafe { shim::procfs2_cond_resched() };
            return ControlFlow::Continue(Some(()));
        }
    }
    // __pte_offset_map_lock().
    let (pte, ptl) = loop {
        // `__pte_offset_map`: RCU keeps a PTE table that khugepaged frees
        // (`pte_free_defer`) until the unmap, which ends the section.
        let rcu = Rcu::read_lock();
        let mut pmdval = bindings::pmd_t::default();
        // SAFETY: `pmd` is an entry of a table kept by the mmap lock.
        if !unsafe { shim::procfs2_pmd_maps_pte_table(pmd, &mut pmdval) } {
            drop(rcu);
            // A bad PMD, which fs/proc clears (`pmd_clear_bad`, not exported) and
            // then finds none, a hole: left as it is here, and a hole. Anything
            // else changed under us: ACTION_AGAIN.
            // SAFETY: A value.
            let bad = unsafe { shim::procfs2_pmd_bad(pmdval) };
            if bad && W::PTE_HOLE {
                w.pte_hole(mm, addr, end)?;
            }
            return ControlFlow::Continue(bad.then_some(()));
        }
        let (mut pte, mut ptl) = (core::ptr::null_mut(), core::ptr::null_mut());
        // SAFETY: `pmdval` maps a PTE table, which RCU keeps, and so its lock; `pmd`
        // as above.
        let same = unsafe {
            shim::procfs2_pte_map_lock(mmp, pmd, &mut pmdval, addr as _, &mut pte, &mut ptl)
        };
        // The RCU section is left by `pte_unmap` (`procfs2_pte_unmap_unlock`).
        core::mem::forget(rcu);
        if same {
            break (pte, ptl);
        }
        // SAFETY: What `procfs2_pte_map_lock` mapped and took.
        unsafe { shim::procfs2_pte_unmap_unlock(pte, ptl) };
    };
    let table = PteTable {
        first: pte,
        // SAFETY: Reads a bound.
        max_pfn: unsafe { shim::procfs2_max_pfn() } as u64,
        vma,
        addr,
        end,
        _p: PhantomData,
    };
    let r = w.ptes(vma, &table);
    // SAFETY: pte_unmap_unlock() of what the loop took; then cond_resched().
    unsafe { shim::procfs2_pte_unmap_unlock_resched(pte, ptl) };
    r?;
    ControlFlow::Continue(Some(()))
}

/// The page of `pfn`, if it has one: `vm_normal_page_pmd`'s tail
/// (`highest_memmap_pfn` is private: `pfn_valid` stands for it; `print_bad_pte` is
/// not reproduced), and a PFN swap entry's page, which fs/proc takes unchecked.
#[inline]
fn pfn_page<'a>(pfn: u64) -> Option<MappedPage<'a>> {
    // SAFETY: Any number may be asked.
    if !unsafe { shim::procfs2_pfn_valid(pfn as _) } {
        return None;
    }
    // SAFETY: A valid pfn has a `struct page`, which stays.
    NonNull::new(unsafe { shim::procfs2_pfn_to_page(pfn as _) }).map(|p| MappedPage(p, PhantomData))
}

/// The PTEs of `addr..end` in one table, locked for `'a`.
///
/// # Invariants
///
/// `first` is the mapped entry of `addr` in a PTE table whose lock is held for
/// `'a`; the table holds the entries up to `end` (the same PMD).
pub(crate) struct PteTable<'a> {
    first: *mut bindings::pte_t,
    /// `vm_normal_page`'s bound on a pfn with a page: `highest_memmap_pfn` is
    /// private, the end of memory (`procfs2_max_pfn`, shim/mmzone.c) stands for it.
    max_pfn: u64,
    vma: &'a Vma<'a>,
    addr: u64,
    end: u64,
    _p: PhantomData<&'a ()>,
}

impl<'a> PteTable<'a> {
    /// How many entries.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        ((self.end - self.addr) / PAGE_SIZE) as usize
    }

    /// The address of entry `i`.
    pub(crate) fn addr(&self, i: usize) -> u64 {
        self.addr + i as u64 * PAGE_SIZE
    }

    #[inline]
    fn ptep(&self, i: usize) -> Option<*mut bindings::pte_t> {
        // SAFETY: In the table (type invariant).
        (i < self.len()).then(|| unsafe { self.first.add(i) })
    }

    /// Entry `i` (`ptep_get`); a none entry past the end.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Pte<'a> {
        let val = match self.ptep(i) {
            // SAFETY: An entry of the locked table, read once as the generic
            // `ptep_get` does (`READ_ONCE`; shim/pagewalk.c stops the build where the
            // architecture has its own).
            Some(p) => unsafe { core::ptr::read_volatile(p) },
            None => bindings::pte_t::default(),
        };
        // A zero entry is none and fails every test (checked at build time in
        // shim/pagewalk.c): no call for the most common entry.
        let (mut tests, mut pfn, mut page) = (0, 0, core::ptr::null_mut());
        if val.pte != 0 {
            // SAFETY: A value; `page` is only computed (`pfn_to_page`).
            tests = unsafe { shim::procfs2_pte_tests(val, &mut pfn, &mut page) };
        }
        Pte {
            val,
            tests,
            pfn: pfn as u64,
            page,
            _p: PhantomData,
        }
    }

    /// `ptep_test_and_clear_young` of entry `i`.
    pub(crate) fn test_and_clear_young(&self, i: usize) -> bool {
        // SAFETY: An entry of the locked table; the bit is cleared atomically.
        self.ptep(i)
            .is_some_and(|p| unsafe { shim::procfs2_ptep_test_and_clear_young(p) })
    }

    /// `vm_normal_page(vma, addr(i), pte)`.
    #[inline]
    pub(crate) fn normal_page(&self, i: usize, pte: Pte<'a>) -> Option<MappedPage<'a>> {
        if pte.special() {
            if let Vma::Area(v) = self.vma {
                // SAFETY: The VMA is kept; its operations live as long as it.
                let find =
                    unsafe { (*v.as_ptr()).vm_ops.as_ref() }.and_then(|o| o.find_special_page);
                if let Some(find) = find {
                    // SAFETY: The callback takes the VMA and an address in it.
                    let p = unsafe { find(v.as_ptr(), self.addr(i) as _) };
                    return NonNull::new(p).map(|p| MappedPage(p, PhantomData));
                }
            }
            // VM_PFNMAP | VM_MIXEDMAP, the zero page, devmap, or a bad PTE.
            return None;
        }
        if !pte.present() || pte.pfn() >= self.max_pfn {
            return None;
        }
        // INVARIANT: `pfn_to_page` of a present, normal (not special) entry's pfn
        // below the end of memory, read with the entry (`Pte` invariant): a
        // `struct page`, which stays (as vm_normal_page trusts it below
        // `highest_memmap_pfn`).
        NonNull::new(pte.page).map(|p| MappedPage(p, PhantomData))
    }
}

/// A PMD that maps a huge page (or a huge migration entry), locked for `'a`.
///
/// # Invariants
///
/// `pmdp` is the entry and `val` its value, read under the PMD lock held for `'a`.
pub(crate) struct HugePmd<'a> {
    pmdp: *mut bindings::pmd_t,
    val: bindings::pmd_t,
    vma: &'a Vma<'a>,
    addr: u64,
    _p: PhantomData<&'a ()>,
}

impl<'a> HugePmd<'a> {
    /// `pmd_none`.
    pub(crate) fn none(&self) -> bool {
        let mut val = self.val;
        // SAFETY: Reads the copy.
        unsafe { shim::procfs2_pmd_none(&mut val) }
    }

    /// `pmd_present`.
    pub(crate) fn present(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_present(self.val) }
    }

    /// `pmd_young`.
    pub(crate) fn young(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_young(self.val) }
    }

    /// `pmd_dirty`.
    pub(crate) fn dirty(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_dirty(self.val) }
    }

    /// `pmd_soft_dirty`.
    pub(crate) fn soft_dirty(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_soft_dirty(self.val) }
    }

    /// `pmd_uffd_wp`.
    pub(crate) fn uffd_wp(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_uffd_wp(self.val) }
    }

    /// `pmd_swp_soft_dirty`.
    pub(crate) fn swp_soft_dirty(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_swp_soft_dirty(self.val) }
    }

    /// `pmd_swp_uffd_wp`.
    pub(crate) fn swp_uffd_wp(&self) -> bool {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_swp_uffd_wp(self.val) }
    }

    /// `pmd_pfn`.
    pub(crate) fn pfn(&self) -> u64 {
        // SAFETY: A value.
        unsafe { shim::procfs2_pmd_pfn(self.val) as u64 }
    }

    /// `pmd_to_swp_entry` of a non-present entry.
    pub(crate) fn swap_entry(&self) -> SwapEntry<'a> {
        // SAFETY: A value.
        SwapEntry(
            unsafe { shim::procfs2_pmd_to_swp_entry(self.val) },
            PhantomData,
        )
    }

    /// `pmd_page` (`pmd_folio`) of a present entry.
    pub(crate) fn page(&self) -> Option<MappedPage<'a>> {
        if !self.present() {
            return None;
        }
        pfn_page(self.pfn())
    }

    /// `vm_normal_page_pmd`. The huge zero folio (`is_huge_zero_pmd`; its pfn is
    /// private) is the only folio that is not anonymous in an anonymous mapping.
    pub(crate) fn normal_page(&self) -> Option<MappedPage<'a>> {
        // SAFETY: A value.
        if unsafe { shim::procfs2_pmd_special(self.val) } {
            return None;
        }
        let flags = self.vma.flags();
        let pfn = self.pfn();
        if flags & u64::from(bindings::VM_PFNMAP | bindings::VM_MIXEDMAP) != 0 {
            if flags & u64::from(bindings::VM_MIXEDMAP) != 0 {
                return pfn_page(pfn);
            }
            let off = self.addr.wrapping_sub(self.vma.start()) >> bindings::PAGE_SHIFT;
            if pfn == self.vma.pgoff().wrapping_add(off) {
                return None;
            }
            // is_cow_mapping()
            if flags & u64::from(bindings::VM_SHARED | bindings::VM_MAYWRITE)
                != u64::from(bindings::VM_MAYWRITE)
            {
                return None;
            }
        }
        // SAFETY: A value.
        if unsafe { shim::procfs2_pmd_devmap(self.val) } {
            return None;
        }
        let page = pfn_page(pfn)?;
        if self.present() && self.vma.is_anonymous() && !page.anon() {
            return None;
        }
        Some(page)
    }

    /// `pmdp_test_and_clear_young`.
    pub(crate) fn test_and_clear_young(&self) -> bool {
        // SAFETY: The entry, under its lock (type invariant); cleared atomically.
        unsafe { shim::procfs2_pmdp_test_and_clear_young(self.pmdp) }
    }
}

/// A PTE's value, read under the table's lock held for `'a`.
///
/// The tests made of it and its pfn are read with it, in one call
/// (`procfs2_pte_tests`; none for a zero entry).
///
/// # Invariants
///
/// Made only by [`PteTable::get`]: `tests` and `pfn` are those of `val`, and `page`
/// is `pfn_to_page(pfn)`.
#[derive(Clone, Copy)]
pub(crate) struct Pte<'a> {
    val: bindings::pte_t,
    /// Bit `PROCFS2_PTE_*`: that test's answer.
    tests: u32,
    pfn: u64,
    /// `pfn_to_page(pfn)`, computed for any pfn: a page only where
    /// [`PteTable::normal_page`] finds one.
    page: *mut bindings::page,
    _p: PhantomData<&'a ()>,
}

macro_rules! bit_tests {
    ($field:tt; $($(#[$m:meta])* $name:ident => $bit:ident;)*) => {
        $(
            $(#[$m])*
            #[inline]
            pub(crate) fn $name(&self) -> bool {
                self.$field & (1 << shim::$bit) != 0
            }
        )*
    };
}

impl<'a> Pte<'a> {
    bit_tests! {
        tests;
        /// `pte_present`.
        present => PROCFS2_PTE_PRESENT;
        /// `pte_young`.
        young => PROCFS2_PTE_YOUNG;
        /// `pte_dirty`.
        dirty => PROCFS2_PTE_DIRTY;
        /// `pte_special`.
        special => PROCFS2_PTE_SPECIAL;
        /// `pte_soft_dirty`.
        soft_dirty => PROCFS2_PTE_SOFT_DIRTY;
        /// `pte_uffd_wp`.
        uffd_wp => PROCFS2_PTE_UFFD_WP;
        /// `is_swap_pte`.
        is_swap => PROCFS2_PTE_SWAP;
        /// `pte_swp_soft_dirty`.
        swp_soft_dirty => PROCFS2_PTE_SWP_SOFT_DIRTY;
        /// `pte_swp_uffd_wp`.
        swp_uffd_wp => PROCFS2_PTE_SWP_UFFD_WP;
    }

    /// `pte_pfn`.
    #[inline]
    pub(crate) fn pfn(&self) -> u64 {
        self.pfn
    }

    /// `pte_to_swp_entry` of a swap PTE.
    pub(crate) fn swap_entry(&self) -> SwapEntry<'a> {
        // SAFETY: A value.
        SwapEntry(
            unsafe { shim::procfs2_pte_to_swp_entry(self.val) },
            PhantomData,
        )
    }
}

/// A swap entry read from a locked page table (`swp_entry_t`).
#[derive(Clone, Copy)]
pub(crate) struct SwapEntry<'a>(bindings::swp_entry_t, PhantomData<&'a ()>);

macro_rules! swp_tests {
    ($($(#[$m:meta])* $name:ident => $f:ident;)*) => {
        $(
            $(#[$m])*
            pub(crate) fn $name(&self) -> bool {
                // SAFETY: A value.
                unsafe { shim::$f(self.0) }
            }
        )*
    };
}

impl<'a> SwapEntry<'a> {
    swp_tests! {
        /// `non_swap_entry`.
        non_swap => procfs2_non_swap_entry;
        /// `is_pfn_swap_entry` (migration, device private or exclusive).
        is_pfn => procfs2_is_pfn_swap_entry;
        /// `is_device_private_entry`.
        device_private => procfs2_is_device_private_entry;
        /// `pte_marker_entry_uffd_wp`.
        marker_uffd_wp => procfs2_pte_marker_entry_uffd_wp;
    }

    /// `swp_type`.
    pub(crate) fn swp_type(&self) -> u64 {
        // SAFETY: A value.
        u64::from(unsafe { shim::procfs2_swp_type(self.0) })
    }

    /// `swp_offset_pfn` for a pfn entry, else `swp_offset`.
    pub(crate) fn offset(&self) -> u64 {
        // SAFETY: A value.
        unsafe {
            if self.is_pfn() {
                shim::procfs2_swp_offset_pfn(self.0) as u64
            } else {
                shim::procfs2_swp_offset(self.0) as u64
            }
        }
    }

    /// `pfn_swap_entry_to_page` of a pfn entry: the page a migration or device
    /// entry holds while the table's lock is held.
    pub(crate) fn page(&self) -> Option<MappedPage<'a>> {
        if !self.is_pfn() {
            return None;
        }
        // SAFETY: A pfn entry names a page; `pfn_page` checks it.
        pfn_page(unsafe { shim::procfs2_swp_offset_pfn(self.0) } as u64)
    }
}

/// `MAX_SWAPFILES_SHIFT`.
pub(crate) fn max_swapfiles_shift() -> u32 {
    // SAFETY: A constant.
    unsafe { shim::procfs2_max_swapfiles_shift() }
}

/// A page mapped by a page-table entry whose lock is held for `'a`: the mapping
/// keeps its folio, whose flags and counts are read as fs/proc reads them.
///
/// # Invariants
///
/// The `struct page` of a valid pfn (`pfn_valid`), or of a present, normal PTE's
/// pfn below the end of memory (as `vm_normal_page` trusts it).
#[derive(Clone, Copy)]
pub(crate) struct MappedPage<'a>(NonNull<bindings::page>, PhantomData<&'a ()>);

macro_rules! folio_tests {
    ($($(#[$m:meta])* $name:ident => $f:ident;)*) => {
        $(
            $(#[$m])*
            pub(crate) fn $name(&self) -> bool {
                // SAFETY: A page of a valid pfn (type invariant); its folio's flags
                // are read as fs/proc reads them, without the folio lock.
                unsafe { shim::$f(self.0.as_ptr()) }
            }
        )*
    };
}

impl MappedPage<'_> {
    folio_tests! {
        /// `folio_test_anon`.
        anon => procfs2_page_folio_anon;
        /// `folio_test_swapbacked`.
        swapbacked => procfs2_page_folio_swapbacked;
        /// `folio_test_dirty`.
        dirty => procfs2_page_folio_dirty;
        /// `folio_is_zone_device`.
        zone_device => procfs2_page_folio_zone_device;
        /// `folio_test_swapcache`.
        swapcache => procfs2_page_folio_swapcache;
        /// `folio_test_active`.
        active => procfs2_page_folio_active;
        /// `folio_test_unevictable`.
        unevictable => procfs2_page_folio_unevictable;
        /// `folio_test_writeback`.
        writeback => procfs2_page_folio_writeback;
        /// `PageReserved` (of the page itself).
        reserved => procfs2_page_reserved;
    }

    /// `folio_nid`: the node of the page's folio (and so of the page).
    pub(crate) fn nid(&self) -> i32 {
        // SAFETY: As for the flags; a page's node is fixed.
        unsafe { shim::procfs2_page_nid(self.0.as_ptr()) }
    }

    /// The folio tests of `smaps_account` and the reference count, read in one call.
    pub(crate) fn smaps_flags(&self) -> SmapsFolio {
        let mut refs = 0;
        // SAFETY: As for the flags.
        let bits = unsafe { shim::procfs2_page_folio_smaps_tests(self.0.as_ptr(), &mut refs) };
        SmapsFolio(refs, bits)
    }

    /// `compound_nr(page)`: the folio's pages for its head, else 1.
    pub(crate) fn compound_nr(&self) -> u64 {
        // SAFETY: As for the flags.
        unsafe { shim::procfs2_compound_nr(self.0.as_ptr()) as u64 }
    }

    /// `folio_precise_page_mapcount(folio, page + i)`, for `i` below
    /// [`Self::compound_nr`] (0 otherwise).
    pub(crate) fn precise_mapcount(&self, i: u64) -> i32 {
        if i >= self.compound_nr() {
            return 0;
        }
        // SAFETY: `page + i` is a page of the same folio.
        unsafe {
            let page = shim::procfs2_nth_page(self.0.as_ptr(), i as _);
            shim::procfs2_page_precise_mapcount(page)
        }
    }

    /// `folio_test_clear_young` then `folio_clear_referenced` (clear_refs).
    pub(crate) fn clear_young_referenced(&self) {
        // SAFETY: As for the flags; both change atomically.
        unsafe {
            shim::procfs2_page_folio_test_clear_young(self.0.as_ptr());
            shim::procfs2_page_folio_clear_referenced(self.0.as_ptr());
        }
    }
}

/// What `smaps_account` reads of a mapped page's folio, read at once
/// ([`MappedPage::smaps_flags`]).
#[derive(Clone, Copy)]
pub(crate) struct SmapsFolio(i32, u32);

impl SmapsFolio {
    bit_tests! {
        1;
        /// `folio_test_anon`.
        anon => PROCFS2_FOLIO_ANON;
        /// `folio_test_swapbacked`.
        swapbacked => PROCFS2_FOLIO_SWAPBACKED;
        /// `folio_test_dirty`.
        dirty => PROCFS2_FOLIO_DIRTY;
        /// `folio_test_ksm`.
        ksm => PROCFS2_FOLIO_KSM;
        /// `folio_test_young`.
        young => PROCFS2_FOLIO_YOUNG;
        /// `folio_test_referenced`.
        referenced => PROCFS2_FOLIO_REFERENCED;
    }

    /// `folio_ref_count`.
    #[inline]
    pub(crate) fn ref_count(&self) -> i32 {
        self.0
    }
}

/// `HPAGE_PMD_SIZE`.
#[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
pub(crate) fn hpage_pmd_size() -> u64 {
    // SAFETY: A constant.
    u64::from(unsafe { shim::procfs2_hpage_pmd_nr() }) * PAGE_SIZE
}
