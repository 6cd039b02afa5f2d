// SPDX-License-Identifier: GPL-2.0

//! The files of a process's address space (fs/proc/task_mmu.c): `maps`, one line per
//! mapping, read under the mmap lock from the mm held since open.

#[cfg(CONFIG_NUMA)]
use crate::wrap::mm;
use crate::{
    pid_inode::{mm_access, proc_task},
    wrap::seq::SeqFile,
    wrap::{
        file::ProcFile,
        inode::Inode,
        mm::{
            max_swapfiles_shift, HugePmd, MappedPage, Maps, Mm, MmFileOperations, MmLocked,
            PageWalk, PteTable, SmapsFolio, Vma, VmaFile, VmaWalk,
        },
        ops::{FileOps, SeqFileOperations, SeqOpened, WriteFileOperations},
    },
};
use core::{ffi::CStr, ops::ControlFlow};
use kernel::{bindings, prelude::*, types::ARef, uaccess::UserSlice};

/// `proc_mem_open(inode, PTRACE_MODE_READ)`: the task's mm, held without pinning
/// its memory; `None` when it has none (kernel threads, zombies: the file reads
/// empty); `ESRCH` once the task is gone, `EACCES` for callers that may not read it.
fn proc_mem_open(inode: &Inode) -> Result<Option<ARef<Mm>>> {
    let task = proc_task(inode).ok_or(ESRCH)?;
    let mm = match mm_access(&task) {
        Ok(mm) => Some(mm.grab()),
        Err(e) if e == ESRCH => None,
        Err(e) => return Err(e),
    };
    Ok(mm)
}

/// `get_proc_task` at each read: the file of a task that is gone fails with `ESRCH`.
fn maps_check(inode: &Inode) -> Result {
    proc_task(inode).map(|_| ()).ok_or(ESRCH)
}

/// What follows a mapping's header (`get_vma_name`).
enum VmaName<'a> {
    Path(VmaFile<'a>),
    Name(&'a CStr),
    Fixed(&'static [u8]),
    /// A name given with `PR_SET_VMA_ANON_NAME`, inside `prefix` and `]`.
    Given(&'static [u8], &'a CStr),
    None,
}

/// `get_vma_name` (`arch_vma_name` is NULL on x86).
fn get_vma_name<'a>(vma: &Vma<'a>) -> VmaName<'a> {
    let anon_name = if vma.has_mm() { vma.anon_name() } else { None };
    if let Some(file) = vma.file() {
        return match anon_name {
            Some(name) => VmaName::Given(b"[anon_shmem:", name),
            None => VmaName::Path(file),
        };
    }
    if let Some(name) = vma.ops_name() {
        return VmaName::Name(name);
    }
    if !vma.has_mm() {
        return VmaName::Fixed(b"[vdso]");
    }
    if vma.is_initial_heap() {
        return VmaName::Fixed(b"[heap]");
    }
    if vma.is_initial_stack() {
        return VmaName::Fixed(b"[stack]");
    }
    match anon_name {
        Some(name) => VmaName::Given(b"[anon:", name),
        None => VmaName::None,
    }
}

/// `show_vma_header_prefix`: addresses, permissions, offset, device, inode, padded
/// to the name's column.
fn show_vma_header_prefix(
    m: &SeqFile,
    start: u64,
    end: u64,
    flags: u64,
    pgoff: u64,
    (major, minor): (u32, u32),
    ino: u64,
) {
    let bit = |f: u32, c: u8, otherwise: u8| {
        if flags & u64::from(f) != 0 {
            c
        } else {
            otherwise
        }
    };
    m.set_width(25 + core::mem::size_of::<usize>() * 6 - 1);
    m.put_hex_width(start, 8);
    m.write(b"-");
    m.put_hex_width(end, 8);
    m.write(&[
        b' ',
        bit(bindings::VM_READ, b'r', b'-'),
        bit(bindings::VM_WRITE, b'w', b'-'),
        bit(bindings::VM_EXEC, b'x', b'-'),
        bit(bindings::VM_MAYSHARE, b's', b'p'),
        b' ',
    ]);
    m.put_hex_width(pgoff, 8);
    m.write(b" ");
    m.put_hex_width(major.into(), 2);
    m.write(b":");
    m.put_hex_width(minor.into(), 2);
    m.write(b" ");
    m.put_u64(ino);
    m.write(b" ");
}

/// `show_map_vma`: one line of `maps`.
fn show_map_vma(m: &SeqFile, _inode: &Inode, vma: &Vma<'_>) -> Result {
    let file = vma.file();
    let (pgoff, dev, ino) = file
        .as_ref()
        .map_or((0, (0, 0), 0), |f| (f.pgoff(), f.dev(), f.ino()));
    show_vma_header_prefix(m, vma.start(), vma.end(), vma.flags(), pgoff, dev, ino);
    match get_vma_name(vma) {
        VmaName::Path(f) => {
            m.pad(b' ');
            f.show_path(m);
        }
        VmaName::Name(name) => {
            m.pad(b' ');
            m.write(name.to_bytes());
        }
        VmaName::Fixed(name) => {
            m.pad(b' ');
            m.write(name);
        }
        VmaName::Given(prefix, name) => {
            m.pad(b' ');
            m.write(prefix);
            m.write(name.to_bytes());
            m.write(b"]");
        }
        VmaName::None => {}
    }
    m.write(b"\n");
    Ok(())
}

static MAPS_WALK: VmaWalk = VmaWalk {
    check: maps_check,
    show: show_map_vma,
    single: None,
};

/// `/proc2/<pid>/maps` (`proc_pid_maps_operations`).
pub(crate) struct PidMaps;

pub(crate) static PROC_PID_MAPS_FOPS: FileOps = FileOps::seq::<PidMaps>();

#[vtable]
impl SeqFileOperations for PidMaps {
    type Kind = Maps;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Maps>> {
        let mm = proc_mem_open(inode)?;
        file.maps_open(mm, &MAPS_WALK)
    }
}

// ---------------------------------------------------------------------------
// smaps, smaps_rollup
// ---------------------------------------------------------------------------

const PAGE_SIZE: u64 = bindings::PAGE_SIZE as u64;

/// `PSS_SHIFT`: Pss is kept in fixed point.
const PSS_SHIFT: u32 = 12;

/// `struct mem_size_stats`. Sums wrap as C's unsigned ones do.
#[derive(Default)]
struct MemSizeStats {
    resident: u64,
    shared_clean: u64,
    shared_dirty: u64,
    private_clean: u64,
    private_dirty: u64,
    referenced: u64,
    anonymous: u64,
    lazyfree: u64,
    anonymous_thp: u64,
    shmem_thp: u64,
    file_thp: u64,
    swap: u64,
    shared_hugetlb: u64,
    private_hugetlb: u64,
    ksm: u64,
    pss: u64,
    pss_anon: u64,
    pss_file: u64,
    pss_shmem: u64,
    pss_dirty: u64,
    pss_locked: u64,
    swap_pss: u64,
}

fn add(x: &mut u64, v: u64) {
    *x = x.wrapping_add(v);
}

/// `smaps_page_accumulate`.
#[inline(always)]
fn smaps_page_accumulate(
    mss: &mut MemSizeStats,
    folio: &SmapsFolio,
    size: u64,
    pss: u64,
    dirty: bool,
    locked: bool,
    private: bool,
) {
    add(&mut mss.pss, pss);
    if folio.anon() {
        add(&mut mss.pss_anon, pss);
    } else if folio.swapbacked() {
        add(&mut mss.pss_shmem, pss);
    } else {
        add(&mut mss.pss_file, pss);
    }
    if locked {
        add(&mut mss.pss_locked, pss);
    }
    if dirty || folio.dirty() {
        add(&mut mss.pss_dirty, pss);
        if private {
            add(&mut mss.private_dirty, size);
        } else {
            add(&mut mss.shared_dirty, size);
        }
    } else if private {
        add(&mut mss.private_clean, size);
    } else {
        add(&mut mss.shared_clean, size);
    }
}

/// `smaps_account`. The folio's flags and count are read once, where fs/proc reads
/// each as it goes (a call each would cost more than the walk: see
/// doc/performance.md).
#[inline(always)]
fn smaps_account(
    mss: &mut MemSizeStats,
    page: &MappedPage<'_>,
    compound: bool,
    young: bool,
    dirty: bool,
    locked: bool,
    present: bool,
) {
    let nr = if compound { page.compound_nr() } else { 1 };
    let size = nr.wrapping_mul(PAGE_SIZE);
    let folio = page.smaps_flags();
    if folio.anon() {
        add(&mut mss.anonymous, size);
        if !folio.swapbacked() && !dirty && !folio.dirty() {
            add(&mut mss.lazyfree, size);
        }
    }
    if folio.ksm() {
        add(&mut mss.ksm, size);
    }
    add(&mut mss.resident, size);
    if young || folio.young() || folio.referenced() {
        add(&mut mss.referenced, size);
    }
    if folio.ref_count() == 1 || !present {
        smaps_page_accumulate(mss, &folio, size, size << PSS_SHIFT, dirty, locked, present);
        return;
    }
    for i in 0..nr {
        let mapcount = page.precise_mapcount(i);
        let mut pss = PAGE_SIZE << PSS_SHIFT;
        if mapcount >= 2 {
            pss /= mapcount as u64;
        }
        smaps_page_accumulate(mss, &folio, PAGE_SIZE, pss, dirty, locked, mapcount < 2);
    }
}

/// `smaps_walk_ops`: `smaps_pte_range` at each PMD. The `smaps_shmem_walk_ops`
/// hole walk (`shmem_partial_swap_usage`) is not exported (README).
struct SmapsWalk<'a> {
    mss: &'a mut MemSizeStats,
}

impl PageWalk for SmapsWalk<'_> {
    /// `smaps_pmd_entry`.
    fn pmd_huge(
        &mut self,
        vma: &Vma<'_>,
        _addr: u64,
        _end: u64,
        pmd: &HugePmd<'_>,
    ) -> ControlFlow<()> {
        #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
        {
            let locked = vma.flags() & u64::from(bindings::VM_LOCKED) != 0;
            if pmd.none() {
                return ControlFlow::Continue(());
            }
            let (page, present) = if pmd.present() {
                (pmd.normal_page(), true)
            } else {
                // thp_migration_supported()
                (pmd.swap_entry().page(), false)
            };
            let Some(page) = page else {
                return ControlFlow::Continue(());
            };
            let size = crate::wrap::mm::hpage_pmd_size();
            if page.anon() {
                add(&mut self.mss.anonymous_thp, size);
            } else if page.swapbacked() {
                add(&mut self.mss.shmem_thp, size);
            } else if page.zone_device() {
                // pass
            } else {
                add(&mut self.mss.file_thp, size);
            }
            smaps_account(
                self.mss,
                &page,
                true,
                pmd.young(),
                pmd.dirty(),
                locked,
                present,
            );
        }
        ControlFlow::Continue(())
    }

    /// `smaps_pte_entry` for each PTE.
    fn ptes(&mut self, vma: &Vma<'_>, table: &PteTable<'_>) -> ControlFlow<()> {
        let locked = vma.flags() & u64::from(bindings::VM_LOCKED) != 0;
        for i in 0..table.len() {
            let ptent = table.get(i);
            let (mut page, mut present, mut young, mut dirty) = (None, false, false, false);
            if ptent.present() {
                page = table.normal_page(i, ptent);
                young = ptent.young();
                dirty = ptent.dirty();
                present = true;
            } else if ptent.is_swap() {
                let swpent = ptent.swap_entry();
                if !swpent.non_swap() {
                    add(&mut self.mss.swap, PAGE_SIZE);
                    // `swp_swapcount` is not exported: each swapped page counts
                    // as mapped once (README).
                    add(&mut self.mss.swap_pss, PAGE_SIZE << PSS_SHIFT);
                } else if swpent.is_pfn() {
                    if swpent.device_private() {
                        present = true;
                    }
                    page = swpent.page();
                }
            }
            if let Some(page) = page {
                smaps_account(self.mss, &page, false, young, dirty, locked, present);
            }
        }
        ControlFlow::Continue(())
    }
}

/// `smap_gather_stats`: from `start` (0: the whole mapping) to the mapping's end;
/// `mm` is the locked mm, needed when `start` is not 0.
#[inline]
fn smap_gather_stats(vma: &Vma<'_>, mss: &mut MemSizeStats, start: u64, mm: Option<&MmLocked<'_>>) {
    if start >= vma.end() {
        return;
    }
    if let Some((swapped, size)) = vma.shmem_swapped() {
        // shmem_swap_usage()
        let shmem_swapped = if swapped == 0 {
            0
        } else if vma.pgoff() == 0 && vma.end().wrapping_sub(vma.start()) as i64 >= size {
            swapped << bindings::PAGE_SHIFT
        } else {
            // shmem_partial_swap_usage() is not exported (README).
            0
        };
        let flags = vma.flags();
        if start == 0
            && (shmem_swapped == 0
                || flags & u64::from(bindings::VM_SHARED) != 0
                || flags & u64::from(bindings::VM_WRITE) == 0)
        {
            add(&mut mss.swap, shmem_swapped);
        }
    }
    let mut walk = SmapsWalk { mss };
    match mm {
        Some(mm) if start != 0 => {
            let _ = mm.walk_page_range(start, vma.end(), &mut walk);
        }
        _ => {
            let _ = vma.walk_page_vma(&mut walk);
        }
    }
}

/// `SEQ_PUT_DEC(str, val)`: `str`, then `val >> 10` right-aligned in 8 columns.
fn seq_put_dec(m: &SeqFile, s: &[u8], val: u64) {
    m.write(s);
    m.put_u64_width(val >> 10, 8);
}

/// `__show_smap`: what smaps and smaps_rollup both show.
fn show_smap_common(m: &SeqFile, mss: &MemSizeStats, rollup_mode: bool) {
    seq_put_dec(m, b"Rss:            ", mss.resident);
    seq_put_dec(m, b" kB\nPss:            ", mss.pss >> PSS_SHIFT);
    seq_put_dec(m, b" kB\nPss_Dirty:      ", mss.pss_dirty >> PSS_SHIFT);
    if rollup_mode {
        seq_put_dec(m, b" kB\nPss_Anon:       ", mss.pss_anon >> PSS_SHIFT);
        seq_put_dec(m, b" kB\nPss_File:       ", mss.pss_file >> PSS_SHIFT);
        seq_put_dec(m, b" kB\nPss_Shmem:      ", mss.pss_shmem >> PSS_SHIFT);
    }
    seq_put_dec(m, b" kB\nShared_Clean:   ", mss.shared_clean);
    seq_put_dec(m, b" kB\nShared_Dirty:   ", mss.shared_dirty);
    seq_put_dec(m, b" kB\nPrivate_Clean:  ", mss.private_clean);
    seq_put_dec(m, b" kB\nPrivate_Dirty:  ", mss.private_dirty);
    seq_put_dec(m, b" kB\nReferenced:     ", mss.referenced);
    seq_put_dec(m, b" kB\nAnonymous:      ", mss.anonymous);
    seq_put_dec(m, b" kB\nKSM:            ", mss.ksm);
    seq_put_dec(m, b" kB\nLazyFree:       ", mss.lazyfree);
    seq_put_dec(m, b" kB\nAnonHugePages:  ", mss.anonymous_thp);
    seq_put_dec(m, b" kB\nShmemPmdMapped: ", mss.shmem_thp);
    seq_put_dec(m, b" kB\nFilePmdMapped:  ", mss.file_thp);
    seq_put_dec(m, b" kB\nShared_Hugetlb: ", mss.shared_hugetlb);
    m.write(b" kB\nPrivate_Hugetlb: ");
    m.put_u64_width(mss.private_hugetlb >> 10, 7);
    seq_put_dec(m, b" kB\nSwap:           ", mss.swap);
    seq_put_dec(m, b" kB\nSwapPss:        ", mss.swap_pss >> PSS_SHIFT);
    seq_put_dec(m, b" kB\nLocked:         ", mss.pss_locked >> PSS_SHIFT);
    m.write(b" kB\n");
}

/// `show_smap_vma_flags`: the two-letter names of the set `VM_*` bits (x86-64's
/// table: `??` for bits with no name, nothing for the protection key bits).
fn show_smap_vma_flags(m: &SeqFile, vma: &Vma<'_>) {
    const fn mnemonics() -> [&'static [u8]; 64] {
        let mut t: [&'static [u8]; 64] = [b"??"; 64];
        let named: &[(u64, &[u8])] = &[
            (bindings::VM_READ as u64, b"rd"),
            (bindings::VM_WRITE as u64, b"wr"),
            (bindings::VM_EXEC as u64, b"ex"),
            (bindings::VM_SHARED as u64, b"sh"),
            (bindings::VM_MAYREAD as u64, b"mr"),
            (bindings::VM_MAYWRITE as u64, b"mw"),
            (bindings::VM_MAYEXEC as u64, b"me"),
            (bindings::VM_MAYSHARE as u64, b"ms"),
            (bindings::VM_GROWSDOWN as u64, b"gd"),
            (bindings::VM_PFNMAP as u64, b"pf"),
            (bindings::VM_LOCKED as u64, b"lo"),
            (bindings::VM_IO as u64, b"io"),
            (bindings::VM_SEQ_READ as u64, b"sr"),
            (bindings::VM_RAND_READ as u64, b"rr"),
            (bindings::VM_DONTCOPY as u64, b"dc"),
            (bindings::VM_DONTEXPAND as u64, b"de"),
            (bindings::VM_LOCKONFAULT as u64, b"lf"),
            (bindings::VM_ACCOUNT as u64, b"ac"),
            (bindings::VM_NORESERVE as u64, b"nr"),
            (bindings::VM_HUGETLB as u64, b"ht"),
            (bindings::VM_SYNC as u64, b"sf"),
            (bindings::VM_ARCH_1 as u64, b"ar"),
            (bindings::VM_WIPEONFORK as u64, b"wf"),
            (bindings::VM_DONTDUMP as u64, b"dd"),
            (bindings::VM_SOFTDIRTY as u64, b"sd"),
            (bindings::VM_MIXEDMAP as u64, b"mm"),
            (bindings::VM_HUGEPAGE as u64, b"hg"),
            (bindings::VM_NOHUGEPAGE as u64, b"nh"),
            (1 << 31, b"mg"),
            (bindings::VM_UFFD_MISSING as u64, b"um"),
            (bindings::VM_UFFD_WP as u64, b"uw"),
            // The protection key bits come out via ProtectionKey.
            (1 << bindings::VM_HIGH_ARCH_BIT_0, b""),
            (1 << bindings::VM_HIGH_ARCH_BIT_1, b""),
            (1 << bindings::VM_HIGH_ARCH_BIT_2, b""),
            (1 << bindings::VM_HIGH_ARCH_BIT_3, b""),
            (1 << bindings::VM_UFFD_MINOR_BIT, b"ui"),
            // VM_SHADOW_STACK
            (1 << bindings::VM_HIGH_ARCH_BIT_5, b"ss"),
            (1 << bindings::VM_DROPPABLE_BIT, b"dp"),
            // VM_SEALED
            (1 << 63, b"sl"),
        ];
        let mut i = 0;
        while i < named.len() {
            // A flag that is 0 in this configuration (VM_SOFTDIRTY) has no name.
            if named[i].0 != 0 {
                t[named[i].0.trailing_zeros() as usize] = named[i].1;
            }
            i += 1;
        }
        t
    }
    static MNEMONICS: [&[u8]; 64] = mnemonics();
    let flags = vma.flags();
    m.write(b"VmFlags: ");
    for (i, name) in MNEMONICS.iter().enumerate() {
        if !name.is_empty() && flags & (1 << i) != 0 {
            m.write(name);
            m.write(b" ");
        }
    }
    m.write(b"\n");
}

/// `THPeligible`: `thp_vma_allowable_orders(vma, vm_flags, TVA_SMAPS |
/// TVA_ENFORCE_SYSFS, THP_ORDERS_ALL) != 0`, with the THP policy this kernel was
/// configured with (its sysfs settings are private: README).
fn thp_eligible(vma: &Vma<'_>) -> bool {
    #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
    {
        let flags = vma.flags();
        let hugepage = flags & u64::from(bindings::VM_HUGEPAGE) != 0;
        let enabled = if cfg!(CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS) {
            true
        } else {
            cfg!(CONFIG_TRANSPARENT_HUGEPAGE_MADVISE) && hugepage
        };
        // Non-anonymous: shmem_enabled and tmpfs' huge= default to never, and file
        // THP needs CONFIG_READ_ONLY_THP_FOR_FS.
        if !vma.is_anonymous() || !enabled || !vma.has_mm() {
            return false;
        }
        if flags & u64::from(bindings::VM_NOHUGEPAGE) != 0 || vma.mm_thp_disabled() {
            return false;
        }
        let addr = vma.end().wrapping_sub(crate::wrap::mm::hpage_pmd_size());
        vma.thp_suitable_pmd(addr) && !vma.is_temporary_stack()
    }
    #[cfg(not(CONFIG_TRANSPARENT_HUGEPAGE))]
    {
        let _ = vma;
        false
    }
}

/// `show_smap`: a mapping's `maps` line, then its sizes and flags.
fn show_smap(m: &SeqFile, inode: &Inode, vma: &Vma<'_>) -> Result {
    let mut mss = MemSizeStats::default();
    smap_gather_stats(vma, &mut mss, 0, None);
    show_map_vma(m, inode, vma)?;
    seq_put_dec(m, b"Size:           ", vma.end().wrapping_sub(vma.start()));
    seq_put_dec(m, b" kB\nKernelPageSize: ", vma.kernel_pagesize());
    seq_put_dec(m, b" kB\nMMUPageSize:    ", vma.kernel_pagesize());
    m.write(b" kB\n");
    show_smap_common(m, &mss, false);
    m.write(b"THPeligible:    ");
    m.put_u64_width(u64::from(thp_eligible(vma)), 8);
    m.write(b"\n");
    if let Some(pkey) = vma.pkey() {
        m.write(b"ProtectionKey:  ");
        m.put_u64_width(pkey as u32 as u64, 8);
        m.write(b"\n");
    }
    show_smap_vma_flags(m, vma);
    Ok(())
}

static SMAPS_WALK: VmaWalk = VmaWalk {
    check: maps_check,
    show: show_smap,
    single: None,
};

/// `/proc2/<pid>/smaps` (`proc_pid_smaps_operations`).
pub(crate) struct PidSmaps;

pub(crate) static PROC_PID_SMAPS_FOPS: FileOps = FileOps::seq::<PidSmaps>();

#[vtable]
impl SeqFileOperations for PidSmaps {
    type Kind = Maps;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Maps>> {
        let mm = proc_mem_open(inode)?;
        file.maps_open(mm, &SMAPS_WALK)
    }
}

/// `show_smaps_rollup`: every mapping summed, with the mmap lock let go (and the
/// walk resumed where it was) whenever a writer waits for it.
fn show_smaps_rollup(m: &SeqFile, inode: &Inode, mm: &Mm) -> Result {
    proc_task(inode).ok_or(ESRCH)?;
    let mm = mm.mmget_not_zero().ok_or(ESRCH)?;
    let mut lock = mm.read_lock()?;
    let mut mss = MemSizeStats::default();
    let mut it = lock.vma_iter(0);
    let (mut vma_start, mut last_vma_end) = (0, 0);
    if let Some(vma) = lock.vma_next(&mut it) {
        vma_start = vma.start();
        smap_gather_stats(&vma, &mut mss, 0, None);
        last_vma_end = vma.end();
        loop {
            if lock.is_contended() {
                lock = lock.relock(&mut it)?;
                let Some(vma) = lock.vma_next(&mut it) else {
                    // Case 3: no more mappings.
                    break;
                };
                if vma.start() >= last_vma_end {
                    // Cases 1 and 2.
                    smap_gather_stats(&vma, &mut mss, 0, None);
                    last_vma_end = vma.end();
                    continue;
                }
                // Case 4: a mapping now spans the end of the last one.
                if vma.end() > last_vma_end {
                    smap_gather_stats(&vma, &mut mss, last_vma_end, Some(&lock.locked()));
                    last_vma_end = vma.end();
                }
            }
            let Some(vma) = lock.vma_next(&mut it) else {
                break;
            };
            smap_gather_stats(&vma, &mut mss, 0, None);
            last_vma_end = vma.end();
        }
    }
    show_vma_header_prefix(m, vma_start, last_vma_end, 0, 0, (0, 0), 0);
    m.pad(b' ');
    m.write(b"[rollup]\n");
    show_smap_common(m, &mss, true);
    Ok(())
}

static SMAPS_ROLLUP_WALK: VmaWalk = VmaWalk {
    check: maps_check,
    show: show_smap,
    single: Some(show_smaps_rollup),
};

/// `/proc2/<pid>/smaps_rollup` (`proc_pid_smaps_rollup_operations`).
pub(crate) struct PidSmapsRollup;

pub(crate) static PROC_PID_SMAPS_ROLLUP_FOPS: FileOps = FileOps::seq::<PidSmapsRollup>();

#[vtable]
impl SeqFileOperations for PidSmapsRollup {
    type Kind = Maps;

    /// `smaps_rollup_open`: `ESRCH` without an address space.
    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Maps>> {
        let mm = proc_mem_open(inode)?.ok_or(ESRCH)?;
        file.maps_open(Some(mm), &SMAPS_ROLLUP_WALK)
    }
}

// ---------------------------------------------------------------------------
// clear_refs
// ---------------------------------------------------------------------------

/// `enum clear_refs_types`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClearRefs {
    All = 1,
    Anon,
    Mapped,
    SoftDirty,
    MmHiwaterRss,
}

/// `clear_refs_walk_ops`: `clear_refs_pte_range` with `clear_refs_test_walk`.
struct ClearRefsWalk {
    kind: ClearRefs,
}

impl PageWalk for ClearRefsWalk {
    fn test_walk(&mut self, vma: &Vma<'_>) -> Option<bool> {
        Some(
            vma.flags() & u64::from(bindings::VM_PFNMAP) != 0
                || (self.kind == ClearRefs::Anon && vma.file().is_some())
                || (self.kind == ClearRefs::Mapped && vma.file().is_none()),
        )
    }

    fn pmd_huge(
        &mut self,
        _vma: &Vma<'_>,
        _addr: u64,
        _end: u64,
        pmd: &HugePmd<'_>,
    ) -> ControlFlow<()> {
        // clear_soft_dirty_pmd() is a no-op without CONFIG_MEM_SOFT_DIRTY, and
        // type 4 is refused with it (see `clear_refs_write`).
        if self.kind == ClearRefs::SoftDirty || !pmd.present() {
            return ControlFlow::Continue(());
        }
        if let Some(folio) = pmd.page() {
            pmd.test_and_clear_young();
            folio.clear_young_referenced();
        }
        ControlFlow::Continue(())
    }

    fn ptes(&mut self, _vma: &Vma<'_>, table: &PteTable<'_>) -> ControlFlow<()> {
        if self.kind == ClearRefs::SoftDirty {
            return ControlFlow::Continue(());
        }
        for i in 0..table.len() {
            let ptent = table.get(i);
            if !ptent.present() {
                continue;
            }
            let Some(folio) = table.normal_page(i, ptent) else {
                continue;
            };
            table.test_and_clear_young(i);
            folio.clear_young_referenced();
        }
        ControlFlow::Continue(())
    }
}

/// `/proc2/<pid>/clear_refs` (`proc_clear_refs_operations`).
pub(crate) struct ClearRefsFile;

pub(crate) static PROC_CLEAR_REFS_FOPS: FileOps = FileOps::write_only::<ClearRefsFile>();

impl WriteFileOperations for ClearRefsFile {
    /// `clear_refs_write`.
    fn write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
        // PROC_NUMBUF
        let mut buffer = [0u8; 13];
        let n = count.min(buffer.len() - 1);
        buf.reader().read_slice(&mut buffer[..n])?;
        let itype = kstrtoint_stripped(&buffer[..n])?;
        let kind = match itype {
            1 => ClearRefs::All,
            2 => ClearRefs::Anon,
            3 => ClearRefs::Mapped,
            4 => ClearRefs::SoftDirty,
            5 => ClearRefs::MmHiwaterRss,
            _ => return Err(EINVAL),
        };
        let task = proc_task(inode).ok_or(ESRCH)?;
        let Some(mm) = task.mm() else {
            return Ok(count);
        };
        let lock = mm.write_lock().map_err(|_| EINTR)?;
        match kind {
            ClearRefs::MmHiwaterRss => lock.reset_hiwater_rss(),
            // Soft-dirty clearing needs vma_set_page_prot(), the MMU notifiers and
            // flush_tlb_mm_range(), none exported: refused where it would clear
            // something (README). Without CONFIG_MEM_SOFT_DIRTY fs/proc's walk
            // changes nothing.
            ClearRefs::SoftDirty if cfg!(CONFIG_MEM_SOFT_DIRTY) => return Err(EINVAL),
            ClearRefs::SoftDirty => {}
            _ => {
                let _ = lock
                    .locked()
                    .walk_page_range(0, u64::MAX, &mut ClearRefsWalk { kind });
            }
        }
        Ok(count)
    }
}

/// `kstrtoint(strstrip(buffer), 10, &itype)`: optional sign, decimal digits, and
/// one trailing newline (kstrtoint's); surrounding white space stripped first.
fn kstrtoint_stripped(s: &[u8]) -> Result<i32> {
    let s = match s.iter().position(|&c| c == 0) {
        Some(i) => &s[..i],
        None => s,
    };
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let start = s.iter().position(|c| !is_space(c)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|c| !is_space(c))
        .map_or(start, |i| i + 1);
    let s = &s[start..end];
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(EINVAL);
    }
    let mut v: i64 = 0;
    for &d in digits {
        v = v * 10 + i64::from(d - b'0');
        if v > i64::from(i32::MAX) + 1 {
            return Err(ERANGE);
        }
    }
    let v = if neg { -v } else { v };
    i32::try_from(v).map_err(|_| ERANGE)
}

// ---------------------------------------------------------------------------
// pagemap
// ---------------------------------------------------------------------------

const PM_ENTRY_BYTES: u64 = 8;
const PM_PFRAME_BITS: u32 = 55;
const PM_PFRAME_MASK: u64 = (1 << PM_PFRAME_BITS) - 1;
const PM_SOFT_DIRTY: u64 = 1 << 55;
const PM_MMAP_EXCLUSIVE: u64 = 1 << 56;
const PM_UFFD_WP: u64 = 1 << 57;
const PM_FILE: u64 = 1 << 61;
const PM_SWAP: u64 = 1 << 62;
const PM_PRESENT: u64 = 1 << 63;

/// `make_pme`.
fn make_pme(frame: u64, flags: u64) -> u64 {
    (frame & PM_PFRAME_MASK) | flags
}

/// `struct pagemapread`: entries of one PMD's worth, with no allocation under
/// the page-table locks.
struct PagemapRead {
    /// Room for `len` entries, in the bytes copied out.
    buffer: KVec<u8>,
    /// Entries filled.
    pos: usize,
    len: usize,
    show_pfn: bool,
}

impl PagemapRead {
    /// `add_to_pagemap`: `Break` once the buffer is full (`PM_END_OF_BUFFER`).
    fn add(&mut self, pme: u64) -> ControlFlow<()> {
        let at = self.pos * PM_ENTRY_BYTES as usize;
        if let Some(slot) = self.buffer.get_mut(at..at + PM_ENTRY_BYTES as usize) {
            slot.copy_from_slice(&pme.to_ne_bytes());
            self.pos += 1;
        }
        if self.pos >= self.len {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// `pte_to_pagemap_entry`.
    fn pte_entry(&self, vma: &Vma<'_>, table: &PteTable<'_>, i: usize) -> u64 {
        let pte = table.get(i);
        let (mut frame, mut flags, mut page) = (0u64, 0u64, None);
        if pte.present() {
            if self.show_pfn {
                frame = pte.pfn();
            }
            flags |= PM_PRESENT;
            page = table.normal_page(i, pte);
            if pte.soft_dirty() {
                flags |= PM_SOFT_DIRTY;
            }
            if pte.uffd_wp() {
                flags |= PM_UFFD_WP;
            }
        } else if pte.is_swap() {
            if pte.swp_soft_dirty() {
                flags |= PM_SOFT_DIRTY;
            }
            if pte.swp_uffd_wp() {
                flags |= PM_UFFD_WP;
            }
            let entry = pte.swap_entry();
            if self.show_pfn {
                frame = entry.swp_type() | (entry.offset() << max_swapfiles_shift());
            }
            flags |= PM_SWAP;
            page = entry.page();
            if entry.marker_uffd_wp() {
                flags |= PM_UFFD_WP;
            }
        }
        if let Some(page) = page {
            if !page.anon() {
                flags |= PM_FILE;
            }
            if flags & PM_PRESENT != 0 && page.precise_mapcount(0) == 1 {
                flags |= PM_MMAP_EXCLUSIVE;
            }
        }
        if vma.flags() & u64::from(bindings::VM_SOFTDIRTY) != 0 {
            flags |= PM_SOFT_DIRTY;
        }
        make_pme(frame, flags)
    }
}

impl PageWalk for PagemapRead {
    const PTE_HOLE: bool = true;

    /// `pagemap_pte_hole`.
    fn pte_hole(&mut self, mm: &MmLocked<'_>, start: u64, end: u64) -> ControlFlow<()> {
        let mut addr = start;
        while addr < end {
            let vma = mm.find_vma(addr);
            let mut pme = make_pme(0, 0);
            let hole_end = vma.as_ref().map_or(end, |v| end.min(v.start()));
            while addr < hole_end {
                self.add(pme)?;
                addr += PAGE_SIZE;
            }
            let Some(vma) = vma else { break };
            if vma.flags() & u64::from(bindings::VM_SOFTDIRTY) != 0 {
                pme = make_pme(0, PM_SOFT_DIRTY);
            }
            while addr < end.min(vma.end()) {
                self.add(pme)?;
                addr += PAGE_SIZE;
            }
        }
        ControlFlow::Continue(())
    }

    /// `pagemap_pmd_range` of a huge PMD.
    fn pmd_huge(
        &mut self,
        vma: &Vma<'_>,
        addr: u64,
        end: u64,
        pmd: &HugePmd<'_>,
    ) -> ControlFlow<()> {
        let mut idx = (addr & ((1u64 << bindings::PMD_SHIFT) - 1)) >> bindings::PAGE_SHIFT;
        let (mut flags, mut frame, mut page) = (0u64, 0u64, None);
        if vma.flags() & u64::from(bindings::VM_SOFTDIRTY) != 0 {
            flags |= PM_SOFT_DIRTY;
        }
        if !pmd.none() {
            if pmd.present() {
                page = pmd.page();
                flags |= PM_PRESENT;
                if pmd.soft_dirty() {
                    flags |= PM_SOFT_DIRTY;
                }
                if pmd.uffd_wp() {
                    flags |= PM_UFFD_WP;
                }
                if self.show_pfn {
                    frame = pmd.pfn().wrapping_add(idx);
                }
            } else {
                let entry = pmd.swap_entry();
                if self.show_pfn {
                    let offset = entry.offset().wrapping_add(idx);
                    frame = entry.swp_type() | (offset << max_swapfiles_shift());
                }
                flags |= PM_SWAP;
                if pmd.swp_soft_dirty() {
                    flags |= PM_SOFT_DIRTY;
                }
                if pmd.swp_uffd_wp() {
                    flags |= PM_UFFD_WP;
                }
                page = entry.page();
            }
            if let Some(page) = &page {
                if !page.anon() {
                    flags |= PM_FILE;
                }
            }
        }
        let mut a = addr;
        while a != end {
            let mut cur_flags = flags;
            if let Some(page) = &page {
                if flags & PM_PRESENT != 0 && page.precise_mapcount(idx) == 1 {
                    cur_flags |= PM_MMAP_EXCLUSIVE;
                }
            }
            self.add(make_pme(frame, cur_flags))?;
            if self.show_pfn {
                if flags & PM_PRESENT != 0 {
                    frame = frame.wrapping_add(1);
                } else if flags & PM_SWAP != 0 {
                    frame = frame.wrapping_add(1 << max_swapfiles_shift());
                }
            }
            a += PAGE_SIZE;
            idx += 1;
        }
        ControlFlow::Continue(())
    }

    /// `pagemap_pmd_range` of a PTE table.
    fn ptes(&mut self, vma: &Vma<'_>, table: &PteTable<'_>) -> ControlFlow<()> {
        for i in 0..table.len() {
            let pme = self.pte_entry(vma, table, i);
            self.add(pme)?;
        }
        ControlFlow::Continue(())
    }
}

/// `/proc2/<pid>/pagemap` (`proc_pagemap_operations`; `PAGEMAP_SCAN` answers
/// `ENOTTY`).
pub(crate) struct PidPagemap;

pub(crate) static PROC_PAGEMAP_FOPS: FileOps = FileOps::mm::<PidPagemap>();

#[vtable]
impl MmFileOperations for PidPagemap {
    const MEM_LSEEK: bool = true;

    /// `pagemap_open`: `ESRCH` without an address space.
    fn open(inode: &Inode) -> Result<ARef<Mm>> {
        proc_mem_open(inode)?.ok_or(ESRCH)
    }

    /// `pagemap_read`: one PMD's worth of entries at a time, walked under the
    /// mmap lock and copied out after it is dropped.
    fn read_as(
        show_pfn: bool,
        mm: &Mm,
        buf: UserSlice,
        mut count: usize,
        ppos: &mut i64,
    ) -> Result<usize> {
        let Some(mm) = mm.mmget_not_zero() else {
            return Ok(0);
        };
        if (*ppos as u64) % PM_ENTRY_BYTES != 0 || count as u64 % PM_ENTRY_BYTES != 0 {
            return Err(EINVAL);
        }
        if count == 0 {
            return Ok(0);
        }
        let walk_size = 1u64 << bindings::PMD_SHIFT;
        let len = (walk_size >> bindings::PAGE_SHIFT) as usize;
        let mut pm = PagemapRead {
            buffer: KVec::from_elem(0u8, len * PM_ENTRY_BYTES as usize, GFP_KERNEL)?,
            pos: 0,
            len,
            show_pfn,
        };
        let src = *ppos as u64;
        let svpfn = src / PM_ENTRY_BYTES;
        let task_size = mm.task_size();
        let mut end_vaddr = task_size;
        let mut start_vaddr = end_vaddr;
        if svpfn <= u64::MAX >> bindings::PAGE_SHIFT {
            start_vaddr = {
                let lock = mm.read_lock()?;
                lock.untagged_addr(svpfn << bindings::PAGE_SHIFT)
            };
            let end =
                start_vaddr.wrapping_add(((count as u64) / PM_ENTRY_BYTES) << bindings::PAGE_SHIFT);
            if end >= start_vaddr && end < task_size {
                end_vaddr = end;
            }
        }
        if start_vaddr > task_size {
            start_vaddr = end_vaddr;
        }
        let mut writer = buf.writer();
        let mut copied = 0usize;
        while count > 0 && start_vaddr < end_vaddr {
            pm.pos = 0;
            let mut end = start_vaddr.wrapping_add(walk_size) & !(walk_size - 1);
            if end < start_vaddr || end > end_vaddr {
                end = end_vaddr;
            }
            {
                let lock = mm.read_lock()?;
                let _ = lock.locked().walk_page_range(start_vaddr, end, &mut pm);
            }
            start_vaddr = end;
            let n = count.min(pm.pos * PM_ENTRY_BYTES as usize);
            writer.write_slice(&pm.buffer[..n])?;
            copied += n;
            count -= n;
        }
        *ppos = ppos.wrapping_add(copied as i64);
        Ok(copied)
    }
}

// ---------------------------------------------------------------------------
// numa_maps
// ---------------------------------------------------------------------------

/// `struct numa_maps`, with `node[]` as long as `nr_node_ids` (a page's node lies
/// below it). Sums wrap as C's unsigned longs do.
#[cfg(CONFIG_NUMA)]
struct NumaMaps {
    pages: u64,
    anon: u64,
    active: u64,
    writeback: u64,
    mapcount_max: u64,
    dirty: u64,
    swapcache: u64,
    node: KVec<u64>,
}

/// `gather_stats`.
#[cfg(CONFIG_NUMA)]
fn gather_stats(page: &MappedPage<'_>, md: &mut NumaMaps, pte_dirty: bool, nr_pages: u64) {
    let count = page.precise_mapcount(0);
    add(&mut md.pages, nr_pages);
    if pte_dirty || page.dirty() {
        add(&mut md.dirty, nr_pages);
    }
    if page.swapcache() {
        add(&mut md.swapcache, nr_pages);
    }
    if page.active() || page.unevictable() {
        add(&mut md.active, nr_pages);
    }
    if page.writeback() {
        add(&mut md.writeback, nr_pages);
    }
    if page.anon() {
        add(&mut md.anon, nr_pages);
    }
    // An int compared with an unsigned long: converted as C converts it.
    if count as u64 > md.mapcount_max {
        md.mapcount_max = count as u64;
    }
    if let Some(n) = usize::try_from(page.nid())
        .ok()
        .and_then(|nid| md.node.get_mut(nid))
    {
        add(n, nr_pages);
    }
}

/// The tail of `can_gather_numa_stats` and `can_gather_numa_stats_pmd`: not
/// reserved, on a node with memory.
#[cfg(CONFIG_NUMA)]
fn numa_countable(page: &MappedPage<'_>) -> bool {
    !page.reserved() && mm::node_has_memory(page.nid())
}

/// `show_numa_ops`: `gather_pte_stats` at each PMD. Hugetlb mappings are not
/// walked (`gather_hugetlb_stats`: README).
#[cfg(CONFIG_NUMA)]
struct NumaWalk<'a> {
    md: &'a mut NumaMaps,
}

#[cfg(CONFIG_NUMA)]
impl PageWalk for NumaWalk<'_> {
    /// `gather_pte_stats` under `pmd_trans_huge_lock`: `can_gather_numa_stats_pmd`.
    fn pmd_huge(
        &mut self,
        _vma: &Vma<'_>,
        _addr: u64,
        _end: u64,
        pmd: &HugePmd<'_>,
    ) -> ControlFlow<()> {
        #[cfg(CONFIG_TRANSPARENT_HUGEPAGE)]
        if pmd.present() {
            if let Some(page) = pmd.normal_page().filter(numa_countable) {
                let nr = crate::wrap::mm::hpage_pmd_size() / PAGE_SIZE;
                gather_stats(&page, self.md, pmd.dirty(), nr);
            }
        }
        ControlFlow::Continue(())
    }

    /// `gather_pte_stats` over a PTE table: `can_gather_numa_stats` for each.
    fn ptes(&mut self, _vma: &Vma<'_>, table: &PteTable<'_>) -> ControlFlow<()> {
        for i in 0..table.len() {
            let ptent = table.get(i);
            if !ptent.present() {
                continue;
            }
            let Some(page) = table.normal_page(i, ptent) else {
                continue;
            };
            if page.zone_device() || !numa_countable(&page) {
                continue;
            }
            gather_stats(&page, self.md, ptent.dirty(), 1);
        }
        ControlFlow::Continue(())
    }
}

/// `mpol_to_str(buffer, sizeof(buffer), pol)` with fs/proc's 64-byte buffer: the
/// text's length. `None` is a policy that prints as "default" (no policy, or
/// `get_task_policy`'s `preferred_node_policy[]` and `default_policy`).
#[cfg(CONFIG_NUMA)]
fn mpol_to_str(buf: &mut [u8; 64], pol: Option<&mm::Mempolicy<'_>>) -> usize {
    let (mode, flags) = pol.map_or((mm::MPOL_DEFAULT, 0), |p| (p.mode(), p.flags()));
    let Some(name) = mm::policy_mode_name(mode) else {
        buf[..7].copy_from_slice(b"unknown");
        return 7;
    };
    let mut len = 0;
    let mut put = |buf: &mut [u8; 64], s: &[u8]| {
        // snprintf into what is left, the NUL included.
        let n = s.len().min(buf.len() - 1 - len);
        buf[len..len + n].copy_from_slice(&s[..n]);
        len += n;
    };
    put(buf, name);
    if flags & mm::MPOL_MODE_FLAGS != 0 {
        put(buf, b"=");
        if flags & mm::MPOL_F_STATIC_NODES != 0 {
            put(buf, b"static");
        } else if flags & mm::MPOL_F_RELATIVE_NODES != 0 {
            put(buf, b"relative");
        }
        if flags & mm::MPOL_F_NUMA_BALANCING != 0 {
            if !(flags & mm::MPOL_MODE_FLAGS).is_power_of_two() {
                put(buf, b"|");
            }
            put(buf, b"balancing");
        }
    }
    // MPOL_DEFAULT and MPOL_LOCAL print no nodes.
    if let Some(p) = pol.filter(|_| mode != mm::MPOL_DEFAULT && mode != mm::MPOL_LOCAL) {
        if !p.nodes_empty() {
            let mut nodes = [0u8; 64];
            let list = p.nodelist(&mut nodes);
            put(buf, b":");
            put(buf, list);
        }
    }
    len
}

/// `show_numa_map`: a mapping's policy, name and page counts per kind and node.
/// The task's policy is read at each mapping under `task_lock` (fs/proc holds the
/// one it read at the read's start).
#[cfg(CONFIG_NUMA)]
fn show_numa_map(m: &SeqFile, inode: &Inode, vma: &Vma<'_>) -> Result {
    if !vma.has_mm() {
        return Ok(());
    }
    let mut buffer = [0u8; 64];
    let len = vma.with_policy(|pol| match pol {
        Some(pol) => mpol_to_str(&mut buffer, Some(pol)),
        None => match proc_task(inode) {
            Some(task) => task.with_mempolicy(|pol| mpol_to_str(&mut buffer, pol)),
            None => mpol_to_str(&mut buffer, None),
        },
    });
    m.put_hex_width(vma.start(), 8);
    m.write(b" ");
    m.write(&buffer[..len]);
    if let Some(file) = vma.file() {
        m.write(b" file=");
        file.show_path_escaped(m, c"\n\t= ");
    } else if vma.is_initial_heap() {
        m.write(b" heap");
    } else if vma.is_initial_stack() {
        m.write(b" stack");
    }
    let hugetlb = vma.flags() & u64::from(bindings::VM_HUGETLB) != 0;
    if hugetlb {
        m.write(b" huge");
    }
    let node = KVec::from_elem(
        0u64,
        crate::wrap::mmzone::nr_node_ids() as usize,
        GFP_KERNEL,
    )?;
    let mut md = NumaMaps {
        pages: 0,
        anon: 0,
        active: 0,
        writeback: 0,
        mapcount_max: 0,
        dirty: 0,
        swapcache: 0,
        node,
    };
    let _ = vma.walk_page_vma(&mut NumaWalk { md: &mut md });
    if md.pages != 0 {
        let field = |name: &[u8], v: u64| {
            m.write(name);
            m.put_u64(v);
        };
        if md.anon != 0 {
            field(b" anon=", md.anon);
        }
        if md.dirty != 0 {
            field(b" dirty=", md.dirty);
        }
        if md.pages != md.anon && md.pages != md.dirty {
            field(b" mapped=", md.pages);
        }
        if md.mapcount_max > 1 {
            field(b" mapmax=", md.mapcount_max);
        }
        if md.swapcache != 0 {
            field(b" swapcache=", md.swapcache);
        }
        if md.active < md.pages && !hugetlb {
            field(b" active=", md.active);
        }
        if md.writeback != 0 {
            field(b" writeback=", md.writeback);
        }
        for nid in mm::memory_nodes() {
            let n = usize::try_from(nid)
                .ok()
                .and_then(|i| md.node.get(i))
                .copied()
                .unwrap_or(0);
            if n != 0 {
                m.write(b" N");
                m.put_u64(nid as u64);
                field(b"=", n);
            }
        }
        field(b" kernelpagesize_kB=", vma.kernel_pagesize() >> 10);
    }
    m.write(b"\n");
    Ok(())
}

#[cfg(CONFIG_NUMA)]
static NUMA_MAPS_WALK: VmaWalk = VmaWalk {
    check: maps_check,
    show: show_numa_map,
    single: None,
};

/// `/proc2/<pid>/numa_maps` (`proc_pid_numa_maps_operations`).
#[cfg(CONFIG_NUMA)]
pub(crate) struct PidNumaMaps;

#[cfg(CONFIG_NUMA)]
pub(crate) static PROC_PID_NUMA_MAPS_FOPS: FileOps = FileOps::seq::<PidNumaMaps>();

#[cfg(CONFIG_NUMA)]
#[vtable]
impl SeqFileOperations for PidNumaMaps {
    type Kind = Maps;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Maps>> {
        let mm = proc_mem_open(inode)?;
        file.maps_open(mm, &NUMA_MAPS_WALK)
    }
}
