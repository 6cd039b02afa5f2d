// SPDX-License-Identifier: GPL-2.0

//! The walk over an address space's mappings behind `maps` (fs/proc/task_mmu.c's
//! `proc_maps_private` with `m_start`, `m_next`, `m_stop`): each read takes
//! `mm_users` and the mmap lock from `start` to `stop`, positioned by address.

use super::*;

/// What a file walking mappings does: `check` at each `start` (fs/proc's
/// `get_proc_task`: `ESRCH` once the task is gone), `show` for each mapping.
pub(crate) struct VmaWalk {
    /// Checks that the file may still be read.
    pub(crate) check: fn(&Inode) -> Result,
    /// Writes one mapping, given the inode (whose task `check` found).
    pub(crate) show: fn(&SeqFile, &Inode, &Vma<'_>) -> Result,
    /// For a file of one record over all mappings (`smaps_rollup`): writes it,
    /// given the inode and the mm held since open.
    pub(crate) single: Option<fn(&SeqFile, &Inode, &Mm) -> Result>,
}

/// The seq_file's private data (`proc_maps_private`).
#[repr(C)]
pub(super) struct MapsPrivate {
    inode: *mut bindings::inode,
    /// The mm held since open (an `mm_count` reference), or NULL.
    mm: *mut bindings::mm_struct,
    walk: *const VmaWalk,
    /// Whether `start` took `mm_users` and the mmap lock, which `stop` drops.
    locked: bool,
    iter: bindings::vma_iterator,
}

/// The cookie of the gate mapping (no VMA of ours: `get_gate_vma` is not exported).
pub(super) static GATE: u8 = 0;

pub(super) fn gate_cookie() -> *mut c_void {
    core::ptr::from_ref(&GATE).cast_mut().cast()
}

/// Whether `get_gate_vma(mm)` gives the vsyscall page. `vsyscall_mode` is private
/// to arch/x86: this is its configured default, and a `vsyscall=` boot parameter is
/// not seen (README).
pub(super) fn has_gate(mm: *mut bindings::mm_struct) -> bool {
    #[cfg(CONFIG_COMPAT)]
    {
        // SAFETY: The walk holds `mm_users`; the flag bits are read atomically
        // enough for a bit set at exec.
        let flags = unsafe { (*mm).context.flags };
        if flags & (1 << bindings::MM_CONTEXT_HAS_VSYSCALL) == 0 {
            return false;
        }
    }
    let _ = mm;
    cfg!(CONFIG_X86_VSYSCALL_EMULATION) && cfg!(CONFIG_LEGACY_VSYSCALL_XONLY)
}

pub(super) static VMA_SEQ_OPS: bindings::seq_operations = bindings::seq_operations {
    start: Some(m_start),
    next: Some(m_next),
    stop: Some(m_stop),
    show: Some(m_show),
};

/// # Safety
///
/// `m` must be a seq_file opened by [`open`], during one of its callbacks.
pub(super) unsafe fn private<'a>(m: *mut bindings::seq_file) -> &'a mut MapsPrivate {
    // SAFETY: `open` made `private` a `MapsPrivate`; the seq_file's mutex
    // serializes the callbacks.
    unsafe { &mut *(*m).private.cast::<MapsPrivate>() }
}

/// `proc_get_vma`: the next mapping, and its start as the position; after the
/// last, the gate at position -2.
pub(super) fn next_vma(p: &mut MapsPrivate, pos: &mut i64) -> *mut c_void {
    // SAFETY: `start` initialised the iterator over the locked mm.
    let vma = unsafe { shim::procfs2_vma_next(&mut p.iter) };
    if !vma.is_null() {
        // SAFETY: A VMA of the locked mm.
        *pos = unsafe { (*vma).__bindgen_anon_1.__bindgen_anon_1.vm_start } as i64;
        return vma.cast();
    }
    *pos = -2;
    if has_gate(p.mm) {
        gate_cookie()
    } else {
        core::ptr::null_mut()
    }
}

/// # Safety
///
/// `seq_operations.start` of a seq_file opened by [`open`].
unsafe extern "C" fn m_start(
    m: *mut bindings::seq_file,
    ppos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    let (p, pos) = unsafe { (private(m), &mut *ppos) };
    // See `m_next`: -1 is the end.
    if *pos == -1 {
        return core::ptr::null_mut();
    }
    // SAFETY: `open` stored a `'static` walk and the inode the open file pins.
    let (walk, inode) = unsafe { (&*p.walk, Inode::from_raw(p.inode)) };
    if let Err(e) = (walk.check)(inode) {
        return e.to_ptr();
    }
    // SAFETY: `mm` is NULL or held since open; `mmget_not_zero` then pins its memory.
    if p.mm.is_null() || !unsafe { shim::procfs2_mmget_not_zero(p.mm) } {
        return core::ptr::null_mut();
    }
    // SAFETY: The mm is counted.
    if unsafe { shim::procfs2_mmap_read_lock_killable(p.mm) } != 0 {
        // SAFETY: We own the `mm_users` reference just taken.
        unsafe { bindings::mmput(p.mm) };
        return EINTR.to_ptr();
    }
    p.locked = true;
    // SAFETY: The mm is counted and read-locked.
    unsafe { shim::procfs2_vma_iter_init(&mut p.iter, p.mm, *pos as u64 as usize) };
    if *pos == -2 {
        return if has_gate(p.mm) {
            gate_cookie()
        } else {
            core::ptr::null_mut()
        };
    }
    next_vma(p, pos)
}

/// # Safety
///
/// `seq_operations.next` of a seq_file opened by [`open`].
unsafe extern "C" fn m_next(
    m: *mut bindings::seq_file,
    _v: *mut c_void,
    ppos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    let (p, pos) = unsafe { (private(m), &mut *ppos) };
    if *pos == -2 {
        *pos = -1;
        return core::ptr::null_mut();
    }
    next_vma(p, pos)
}

/// # Safety
///
/// `seq_operations.stop` of a seq_file opened by [`open`].
unsafe extern "C" fn m_stop(m: *mut bindings::seq_file, _v: *mut c_void) {
    // SAFETY: The seq_file core passes our seq_file.
    let p = unsafe { private(m) };
    if !p.locked {
        return;
    }
    p.locked = false;
    // SAFETY: `start` took the read lock and an `mm_users` reference.
    unsafe {
        shim::procfs2_mmap_read_unlock(p.mm);
        bindings::mmput(p.mm);
    }
}

/// # Safety
///
/// `seq_operations.show` of a seq_file opened by [`open`].
unsafe extern "C" fn m_show(m: *mut bindings::seq_file, v: *mut c_void) -> c_int {
    // SAFETY: The seq_file core passes our seq_file and a cookie from `start` or
    // `next`: the gate's, or a VMA of the mm locked since `start`.
    let (p, seq) = unsafe { (private(m), SeqFile::from_raw(m)) };
    let vma = if v == gate_cookie() {
        Vma::Gate
    } else {
        // SAFETY: See above.
        match unsafe { VmaRef::from_raw(v.cast()) } {
            Some(v) => Vma::Area(v),
            None => return 0,
        }
    };
    // SAFETY: `open` stored a `'static` walk and the inode the open file pins.
    let (walk, inode) = unsafe { (&*p.walk, Inode::from_raw(p.inode)) };
    from_result(|| (walk.show)(seq, inode, &vma).map(|()| 0))
}

/// The seq operations of a file of one record (`single_open`'s): the record is
/// `walk.single`'s.
static SINGLE_SEQ_OPS: bindings::seq_operations = bindings::seq_operations {
    start: Some(single_start),
    next: Some(single_next),
    stop: Some(single_stop),
    show: Some(single_show),
};

/// # Safety
///
/// `seq_operations.start` of a seq_file opened by [`open`].
unsafe extern "C" fn single_start(
    _m: *mut bindings::seq_file,
    ppos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes the position.
    if unsafe { *ppos } == 0 {
        // SEQ_START_TOKEN
        1usize as *mut c_void
    } else {
        core::ptr::null_mut()
    }
}

/// # Safety
///
/// `seq_operations.next` of a seq_file opened by [`open`].
unsafe extern "C" fn single_next(
    _m: *mut bindings::seq_file,
    _v: *mut c_void,
    ppos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes the position.
    unsafe { *ppos += 1 };
    core::ptr::null_mut()
}

/// # Safety
///
/// `seq_operations.stop` of a seq_file opened by [`open`].
unsafe extern "C" fn single_stop(_m: *mut bindings::seq_file, _v: *mut c_void) {}

/// # Safety
///
/// `seq_operations.show` of a seq_file opened by [`open`] with a `single` walk.
unsafe extern "C" fn single_show(m: *mut bindings::seq_file, _v: *mut c_void) -> c_int {
    // SAFETY: The seq_file core passes our seq_file.
    let (p, seq) = unsafe { (private(m), SeqFile::from_raw(m)) };
    // SAFETY: `open` stored a `'static` walk and the inode the open file pins; the
    // mm is held until release.
    let (walk, inode) = unsafe { (&*p.walk, Inode::from_raw(p.inode)) };
    let (Some(show), false) = (walk.single, p.mm.is_null()) else {
        return 0;
    };
    // SAFETY: See above.
    let mm = unsafe { Mm::from_raw(p.mm) };
    from_result(|| show(seq, inode, mm).map(|()| 0))
}

/// Opens `file` as a seq_file walking the mappings of `mm` (none: the file reads
/// empty) with `walk` (`proc_maps_open`), or as one record (`walk.single`).
fn open(file: &ProcFile, mm: Option<ARef<Mm>>, walk: &'static VmaWalk) -> Result {
    file.unopened()?;
    let ops = if walk.single.is_some() {
        &SINGLE_SEQ_OPS
    } else {
        &VMA_SEQ_OPS
    };
    // SAFETY: The file is being opened; `__seq_open_private` makes its seq_file with
    // a zeroed private area of the size asked for.
    let p = unsafe {
        bindings::__seq_open_private(
            file.as_ptr(),
            ops,
            core::mem::size_of::<MapsPrivate>() as c_int,
        )
    }
    .cast::<MapsPrivate>();
    if p.is_null() {
        return Err(ENOMEM);
    }
    // SAFETY: A zeroed `MapsPrivate` that this open owns until release; the inode is
    // pinned by the open file.
    unsafe {
        (*p).inode = file.inode().as_ptr();
        (*p).walk = walk;
        (*p).mm = mm.map_or(core::ptr::null_mut(), |m| ARef::into_raw(m).as_ptr().cast());
    }
    Ok(())
}

/// Releases a file [`open`] opened (`proc_map_release`).
///
/// # Safety
///
/// [`open`] opened the file, which is being released.
pub(in crate::wrap) unsafe fn release(file: &ProcFile) -> Result {
    // SAFETY: Per the caller the private data is a seq_file with a `MapsPrivate`,
    // whose mm reference is ours to drop; `seq_release_private` frees the rest.
    unsafe {
        let p = (*(*file.as_ptr()).private_data.cast::<bindings::seq_file>())
            .private
            .cast::<MapsPrivate>();
        if !(*p).mm.is_null() {
            shim::procfs2_mmdrop((*p).mm);
        }
        to_result(bindings::seq_release_private(
            file.inode().as_ptr(),
            file.as_ptr(),
        ))
    }
}

/// Opened by `proc_maps_open` ([`ProcFile::maps_open`]); released by `proc_map_release`.
pub(crate) struct Maps;

impl sealed::Sealed for Maps {}

impl SeqKind for Maps {
    unsafe fn release(file: &ProcFile) -> Result {
        // SAFETY: Per the caller, `maps_open` opened the file.
        unsafe { release(file) }
    }
}

impl ProcFile {
    /// Opens the file as a seq_file walking the mappings of `mm` with `walk`
    /// (`proc_maps_open`); without an mm the file reads empty.
    pub(crate) fn maps_open(
        &self,
        mm: Option<ARef<Mm>>,
        walk: &'static VmaWalk,
    ) -> Result<SeqOpened<'_, Maps>> {
        open(self, mm, walk)?;
        // SAFETY: Opened just above as this kind.
        Ok(unsafe { SeqOpened::new() })
    }
}
