// SPDX-License-Identifier: GPL-2.0

//! Address spaces held by open files, and the walk over their mappings
//! (fs/proc/task_mmu.c's `proc_maps_private` with `m_start`, `m_next`, `m_stop`):
//! the file keeps the mm from open to release without pinning its memory
//! (`mmgrab`), and each read takes `mm_users` and the mmap lock from `start` to
//! `stop`, positioned by address, as fs/proc does.

use super::seq::SeqFile;
use super::{
    file::File,
    inode::Inode,
    ops::{sealed, FileOps, SeqKind, SeqOpened},
    shim,
    task::Path,
};
use core::{ffi::CStr, marker::PhantomData, ptr::NonNull};
use kernel::{
    bindings, build_error,
    error::{from_result, to_result, VTABLE_DEFAULT_ERROR},
    ffi::{c_int, c_void},
    prelude::*,
    uaccess::UserSlice,
};

/// An address space an open file holds (`mmgrab`), dropped with `mmdrop`. Its
/// memory may be gone: only [`MmGrab`]'s walk, which takes `mm_users` first, reads it.
pub(crate) struct MmGrab(NonNull<bindings::mm_struct>);

// SAFETY: `mmdrop` may be called from any thread.
unsafe impl Send for MmGrab {}
// SAFETY: The handle is only read.
unsafe impl Sync for MmGrab {}

impl MmGrab {
    /// Takes an `mm_count` reference on `mm`.
    ///
    /// # Safety
    ///
    /// `mm` must be a valid mm (counted by the caller for the call).
    pub(super) unsafe fn grab(mm: NonNull<bindings::mm_struct>) -> Self {
        // SAFETY: Per the caller.
        unsafe { shim::procfs2_mmgrab(mm.as_ptr()) };
        Self(mm)
    }

    pub(super) fn as_non_null(&self) -> NonNull<bindings::mm_struct> {
        self.0
    }

    pub(super) fn into_raw(self) -> *mut bindings::mm_struct {
        let p = self.0.as_ptr();
        core::mem::forget(self);
        p
    }
}

impl Drop for MmGrab {
    fn drop(&mut self) {
        // SAFETY: We own one `mm_count` reference.
        unsafe { shim::procfs2_mmdrop(self.0.as_ptr()) };
    }
}

/// `VSYSCALL_ADDR`: where the vsyscall page is in every 64-bit process.
const VSYSCALL_ADDR: u64 = 0xffff_ffff_ff60_0000;

/// A VMA of an mm whose mmap lock is held for `'a`, as upstream's `VmaRef`: no Rust
/// reference to the C struct is made, since fields such as `anon_vma` change under
/// the read lock; each field is read through the pointer.
///
/// # Invariants
///
/// Points to a VMA that the mmap lock keeps for `'a`.
#[derive(Clone, Copy)]
pub(crate) struct VmaRef<'a>(NonNull<bindings::vm_area_struct>, PhantomData<&'a ()>);

impl VmaRef<'_> {
    /// # Safety
    ///
    /// `vma` is a VMA of an mm whose mmap lock is held for `'a`.
    unsafe fn from_raw<'a>(vma: *mut bindings::vm_area_struct) -> Option<VmaRef<'a>> {
        // INVARIANT: Per the caller.
        NonNull::new(vma).map(|v| VmaRef(v, PhantomData))
    }

    fn as_ptr(&self) -> *mut bindings::vm_area_struct {
        self.0.as_ptr()
    }
}

/// One mapping of an address space being walked, valid while the walk holds the
/// mmap lock: a VMA, or the vsyscall page (`gate_vma`).
pub(crate) enum Vma<'a> {
    /// A mapping of the mm's tree.
    Area(VmaRef<'a>),
    /// The vsyscall page, which `get_gate_vma` adds after the last mapping.
    Gate,
}

impl<'a> Vma<'a> {
    /// `vm_start`.
    pub(crate) fn start(&self) -> u64 {
        match self {
            // SAFETY: The walk holds the mmap lock, which keeps the VMA.
            Vma::Area(v) => unsafe {
                (*v.as_ptr()).__bindgen_anon_1.__bindgen_anon_1.vm_start as u64
            },
            Vma::Gate => VSYSCALL_ADDR,
        }
    }

    /// `vm_end`.
    pub(crate) fn end(&self) -> u64 {
        match self {
            // SAFETY: As in `start`.
            Vma::Area(v) => unsafe {
                (*v.as_ptr()).__bindgen_anon_1.__bindgen_anon_1.vm_end as u64
            },
            Vma::Gate => VSYSCALL_ADDR + bindings::PAGE_SIZE as u64,
        }
    }

    /// `vm_flags` (`VM_*`).
    pub(crate) fn flags(&self) -> u64 {
        match self {
            // SAFETY: As in `start`; the flags change under the write lock only.
            Vma::Area(v) => unsafe { (*v.as_ptr()).__bindgen_anon_2.vm_flags as u64 },
            // `map_vsyscall` in XONLY mode, the configured default.
            Vma::Gate => u64::from(bindings::VM_EXEC),
        }
    }

    /// The file mapped, if any.
    pub(crate) fn file(&self) -> Option<VmaFile<'a>> {
        match self {
            Vma::Area(v) => {
                // SAFETY: The VMA is kept (type invariant); `vm_file` and `vm_pgoff` do
                // not change under the read lock, and the VMA counts its file.
                let (file, pgoff) = unsafe { ((*v.as_ptr()).vm_file, (*v.as_ptr()).vm_pgoff) };
                Some(VmaFile {
                    file: NonNull::new(file)?,
                    pgoff: (pgoff as u64) << bindings::PAGE_SHIFT,
                    _p: PhantomData,
                })
            }
            Vma::Gate => None,
        }
    }

    /// What the mapping's `vm_ops->name` says (`[vdso]`, `[vvar]`, ...).
    pub(crate) fn ops_name(&self) -> Option<&'a CStr> {
        match self {
            Vma::Area(v) => {
                let vma = v.as_ptr();
                // SAFETY: The VMA is valid under the walk's lock; its operations live
                // as long as it; `name` takes the VMA and returns a string that lives
                // as long as the mapping, or NULL.
                unsafe {
                    let name = (*vma).vm_ops.as_ref()?.name?(vma);
                    (!name.is_null()).then(|| CStr::from_ptr(name.cast()))
                }
            }
            Vma::Gate => Some(c"[vsyscall]"),
        }
    }

    /// The name given with `PR_SET_VMA_ANON_NAME` (`anon_vma_name`); always `None`
    /// on kernels without CONFIG_ANON_VMA_NAME.
    pub(crate) fn anon_name(&self) -> Option<&'a CStr> {
        match self {
            #[cfg(CONFIG_ANON_VMA_NAME)]
            Vma::Area(v) => {
                let vma = v.as_ptr();
                // SAFETY: The walk holds the mmap lock, which keeps the VMA's name;
                // the name is NUL-terminated.
                unsafe {
                    let name = shim::procfs2_vma_anon_name(vma).as_ref()?;
                    Some(CStr::from_ptr(name.name.as_ptr().cast()))
                }
            }
            _ => None,
        }
    }

    /// Whether the mapping belongs to an mm (not so for the gate).
    pub(crate) fn has_mm(&self) -> bool {
        match self {
            // SAFETY: The VMA is kept (type invariant); `vm_mm` never changes.
            Vma::Area(v) => !unsafe { (*v.as_ptr()).vm_mm }.is_null(),
            Vma::Gate => false,
        }
    }

    /// `vma_is_initial_heap`.
    pub(crate) fn is_initial_heap(&self) -> bool {
        match self {
            // SAFETY: A VMA of an mm the walk holds, under its mmap lock.
            Vma::Area(v) => unsafe { shim::procfs2_vma_is_initial_heap(v.as_ptr()) },
            Vma::Gate => false,
        }
    }

    /// `vma_is_initial_stack`.
    pub(crate) fn is_initial_stack(&self) -> bool {
        match self {
            // SAFETY: As in `is_initial_heap`.
            Vma::Area(v) => unsafe { shim::procfs2_vma_is_initial_stack(v.as_ptr()) },
            Vma::Gate => false,
        }
    }
}

/// An mm's mmap lock held for reading (`mmap_read_lock_killable`), by a holder of
/// `mm_users`.
///
/// # Invariants
///
/// The lock is held until the guard is dropped; the mm outlives `'a`.
pub(crate) struct MmapRead<'a> {
    mm: NonNull<bindings::mm_struct>,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl<'a> MmapRead<'a> {
    /// Takes the lock; `EINTR` if a fatal signal interrupts the wait.
    ///
    /// # Safety
    ///
    /// The caller holds `mm_users` on `mm` for `'a`.
    pub(super) unsafe fn lock(mm: NonNull<bindings::mm_struct>) -> Result<Self> {
        // SAFETY: Per the caller.
        to_result(unsafe { shim::procfs2_mmap_read_lock_killable(mm.as_ptr()) })?;
        // INVARIANT: Just taken.
        Ok(Self {
            mm,
            _p: PhantomData,
        })
    }

    /// The mapping that spans exactly `start..end` (`find_exact_vma`).
    pub(crate) fn find_exact_vma(&self, start: u64, end: u64) -> Option<Vma<'_>> {
        // SAFETY: The mm is locked (type invariant); `find_vma` returns a VMA of it
        // or NULL.
        let vma =
            unsafe { VmaRef::from_raw(bindings::find_vma(self.mm.as_ptr(), start as usize)) }?;
        let vma = Vma::Area(vma);
        (vma.start() == start && vma.end() == end).then_some(vma)
    }

    /// The mappings in address order (`for_each_vma`).
    pub(crate) fn vmas(&self) -> Vmas<'_> {
        // SAFETY: All-zero is a valid iterator, initialised below.
        let mut iter: bindings::vma_iterator = unsafe { core::mem::zeroed() };
        // SAFETY: The mm is locked.
        unsafe { shim::procfs2_vma_iter_init(&mut iter, self.mm.as_ptr(), 0) };
        Vmas {
            iter,
            _p: PhantomData,
        }
    }
}

impl Drop for MmapRead<'_> {
    fn drop(&mut self) {
        // SAFETY: Held (type invariant).
        unsafe { shim::procfs2_mmap_read_unlock(self.mm.as_ptr()) };
    }
}

/// The mappings of a locked mm, in address order.
pub(crate) struct Vmas<'a> {
    iter: bindings::vma_iterator,
    _p: PhantomData<&'a ()>,
}

impl<'a> Iterator for Vmas<'a> {
    type Item = Vma<'a>;

    fn next(&mut self) -> Option<Vma<'a>> {
        // SAFETY: The iterator walks an mm locked for `'a`.
        let vma = unsafe { VmaRef::from_raw(shim::procfs2_vma_next(&mut self.iter)) }?;
        Some(Vma::Area(vma))
    }
}

/// The file a mapping maps.
///
/// # Invariants
///
/// `file` is counted by a VMA kept for `'a`.
pub(crate) struct VmaFile<'a> {
    file: NonNull<bindings::file>,
    pgoff: u64,
    _p: PhantomData<&'a ()>,
}

impl VmaFile<'_> {
    fn as_ptr(&self) -> *mut bindings::file {
        self.file.as_ptr()
    }

    fn inode(&self) -> *const bindings::inode {
        // SAFETY: The mapping counts the file (type invariant).
        unsafe { shim::procfs2_file_user_inode(self.as_ptr()) }
    }

    /// The offset into the file, in bytes.
    pub(crate) fn pgoff(&self) -> u64 {
        self.pgoff
    }

    /// The device of the file's superblock (`s_dev`): major and minor.
    pub(crate) fn dev(&self) -> (u32, u32) {
        // SAFETY: The file pins its inode, whose superblock lives as long as the
        // inode; neither field changes.
        let dev = unsafe { (*(*self.inode()).i_sb).s_dev };
        (
            dev >> bindings::MINORBITS,
            dev & ((1 << bindings::MINORBITS) - 1),
        )
    }

    /// The file's inode number.
    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: The file pins its inode; `i_ino` does not change.
        unsafe { (*self.inode()).i_ino as u64 }
    }

    /// How the file was opened (`f_mode`, `FMODE_*`).
    pub(crate) fn mode(&self) -> u32 {
        // SAFETY: The file is counted (type invariant); `f_mode` is set at open.
        unsafe { (*self.as_ptr()).f_mode }
    }

    /// The file's path (`file_user_path`), counted.
    pub(crate) fn path(&self) -> Path {
        // SAFETY: The file's path is valid while the file is.
        unsafe { Path::get(shim::procfs2_file_user_path(self.as_ptr())) }
    }

    /// Appends the file's path (`seq_path(m, file_user_path(file), "\n")`).
    pub(crate) fn show_path(&self, m: &SeqFile) {
        // SAFETY: The file's path is valid while the file is; `m` is being filled.
        unsafe {
            bindings::seq_path(
                m.as_ptr(),
                shim::procfs2_file_user_path(self.as_ptr()),
                c"\n".as_ptr().cast(),
            )
        };
    }
}

/// What a file walking mappings does: `check` at each `start` (fs/proc's
/// `get_proc_task`: `ESRCH` once the task is gone), `show` for each mapping.
pub(crate) struct VmaWalk {
    /// Checks that the file may still be read.
    pub(crate) check: fn(&Inode) -> Result,
    /// Writes one mapping.
    pub(crate) show: fn(&SeqFile, &Vma<'_>) -> Result,
}

/// The seq_file's private data (`proc_maps_private`).
#[repr(C)]
struct MapsPrivate {
    inode: *mut bindings::inode,
    /// The mm held since open (an `mm_count` reference), or NULL.
    mm: *mut bindings::mm_struct,
    walk: *const VmaWalk,
    /// Whether `start` took `mm_users` and the mmap lock, which `stop` drops.
    locked: bool,
    iter: bindings::vma_iterator,
}

/// The cookie of the gate mapping (no VMA of ours: `get_gate_vma` is not exported).
static GATE: u8 = 0;

fn gate_cookie() -> *mut c_void {
    core::ptr::from_ref(&GATE).cast_mut().cast()
}

/// Whether `get_gate_vma(mm)` gives the vsyscall page. `vsyscall_mode` is private
/// to arch/x86: this is its configured default, and a `vsyscall=` boot parameter is
/// not seen (README).
fn has_gate(mm: *mut bindings::mm_struct) -> bool {
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

static VMA_SEQ_OPS: bindings::seq_operations = bindings::seq_operations {
    start: Some(m_start),
    next: Some(m_next),
    stop: Some(m_stop),
    show: Some(m_show),
};

/// # Safety
///
/// `m` must be a seq_file opened by [`open`], during one of its callbacks.
unsafe fn private<'a>(m: *mut bindings::seq_file) -> &'a mut MapsPrivate {
    // SAFETY: `open` made `private` a `MapsPrivate`; the seq_file's mutex
    // serializes the callbacks.
    unsafe { &mut *(*m).private.cast::<MapsPrivate>() }
}

/// `proc_get_vma`: the next mapping, and its start as the position; after the
/// last, the gate at position -2.
fn next_vma(p: &mut MapsPrivate, pos: &mut i64) -> *mut c_void {
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
    // SAFETY: `open` stored a `'static` walk.
    let walk = unsafe { &*p.walk };
    from_result(|| (walk.show)(seq, &vma).map(|()| 0))
}

/// Opens `file` as a seq_file walking the mappings of `mm` (none: the file reads
/// empty) with `walk` (`proc_maps_open`).
pub(super) fn open(file: &File, mm: Option<MmGrab>, walk: &'static VmaWalk) -> Result {
    // SAFETY: The file is being opened; `__seq_open_private` makes its seq_file with
    // a zeroed private area of the size asked for.
    let p = unsafe {
        bindings::__seq_open_private(
            file.as_ptr(),
            &VMA_SEQ_OPS,
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
        (*p).mm = mm.map_or(core::ptr::null_mut(), MmGrab::into_raw);
    }
    Ok(())
}

/// Releases a file [`open`] opened (`proc_map_release`).
///
/// # Safety
///
/// [`open`] opened the file, which is being released.
pub(super) unsafe fn release(file: &File) -> Result {
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

// ---------------------------------------------------------------------------
// mem: another address space read and written through the file
// ---------------------------------------------------------------------------

/// A file that reads (and writes) an address space held since open: `mem`,
/// `environ`, `auxv` (`__mem_open` and their read and write operations). The
/// wrapper keeps the mm in the file, and releases it (`mmdrop`).
#[vtable]
pub(crate) trait MmFileOperations: Sized + 'static {
    /// Whether positions are addresses (`mem`: `mem_lseek`, `FOP_UNSIGNED_OFFSET`);
    /// otherwise the file seeks with `generic_file_llseek`.
    const ADDRESSES: bool = false;

    /// Checks the caller and returns the mm the file holds.
    fn open(inode: &Inode) -> Result<MmGrab>;

    /// Reads up to `count` bytes at `*pos` into `buf`, moving `*pos`.
    fn read(_mm: &MmGrab, _buf: UserSlice, _count: usize, _pos: &mut i64) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Writes `count` bytes from `buf` at `*pos`, moving `*pos`.
    fn write(_mm: &MmGrab, _buf: UserSlice, _count: usize, _pos: &mut i64) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }
}

/// `FOP_UNSIGNED_OFFSET`: positions are addresses, above `i64::MAX` too.
const FOP_UNSIGNED_OFFSET: u32 = 1 << 5;

impl FileOps {
    /// The table of a file reading an address space held since open (`mem`,
    /// `environ`, `auxv`): `T` opens, reads and writes; the wrapper holds the mm.
    pub(crate) const fn mm<T: MmFileOperations>() -> Self {
        // SAFETY: `mm_open` sets up what the other callbacks read and release.
        unsafe { FileOps::from_raw(mm_fops::<T>()) }
    }
}

/// Opened by `proc_maps_open` ([`File::maps_open`]); released by `proc_map_release`.
pub(crate) struct Maps;

impl sealed::Sealed for Maps {}

impl SeqKind for Maps {
    unsafe fn release(file: &File) -> Result {
        // SAFETY: Per the caller, `maps_open` opened the file.
        unsafe { release(file) }
    }
}

impl File {
    /// Opens the file as a seq_file walking the mappings of `mm` with `walk`
    /// (`proc_maps_open`); without an mm the file reads empty.
    pub(crate) fn maps_open(
        &self,
        mm: Option<MmGrab>,
        walk: &'static VmaWalk,
    ) -> Result<SeqOpened<Maps>> {
        open(self, mm, walk)?;
        Ok(SeqOpened::new())
    }
}

/// The file operations of `T`.
const fn mm_fops<T: MmFileOperations>() -> bindings::file_operations {
    // SAFETY: All-zero is a valid table: null pointers, no callbacks.
    let mut t: bindings::file_operations = unsafe { core::mem::zeroed() };
    t.open = Some(mm_open::<T>);
    t.release = Some(mm_release);
    if T::HAS_READ {
        t.read = Some(mm_read::<T>);
    }
    if T::HAS_WRITE {
        t.write = Some(mm_write::<T>);
    }
    if T::ADDRESSES {
        t.llseek = Some(mem_lseek);
        t.fop_flags = FOP_UNSIGNED_OFFSET;
    } else {
        t.llseek = Some(bindings::generic_file_llseek);
    }
    t
}

/// # Safety
///
/// `file_operations.open` of a file of `T`.
unsafe extern "C" fn mm_open<T: MmFileOperations>(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened and its new file.
    let inode = unsafe { Inode::from_raw(inode) };
    from_result(|| {
        let mm = T::open(inode)?;
        // SAFETY: The file is being opened; its private data is ours, and holds the
        // mm reference until release.
        unsafe { (*file).private_data = mm.into_raw().cast() };
        Ok(0)
    })
}

/// # Safety
///
/// `file_operations.release` of a file `mm_open` opened.
unsafe extern "C" fn mm_release(_inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
    // SAFETY: `mm_open` left an `mm_count` reference in the private data.
    unsafe {
        let mm = (*file).private_data.cast::<bindings::mm_struct>();
        if !mm.is_null() {
            shim::procfs2_mmdrop(mm);
        }
    }
    0
}

/// The mm a file `mm_open` opened holds, lent for one call.
///
/// # Safety
///
/// `file` is such a file, open for the call.
unsafe fn file_mm(file: *mut bindings::file) -> core::mem::ManuallyDrop<MmGrab> {
    // SAFETY: Per the caller, the private data is the held mm, released only by
    // `mm_release`: the borrowed handle must not drop it.
    core::mem::ManuallyDrop::new(MmGrab(unsafe {
        NonNull::new_unchecked((*file).private_data.cast())
    }))
}

/// # Safety
///
/// `file_operations.llseek` of a `mem` file (`mem_lseek`): set or move, with no
/// bounds (positions are addresses).
unsafe extern "C" fn mem_lseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
    // SAFETY: The VFS passes an open file.
    kernel::error::from_result(|| unsafe { File::from_raw(file) }.mem_lseek(offset, whence))
}

/// # Safety
///
/// `file_operations.read` of a file of `T`.
unsafe extern "C" fn mm_read<T: MmFileOperations>(
    file: *mut bindings::file,
    buf: *mut kernel::ffi::c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position.
    let (mm, pos) = unsafe { (file_mm(file), &mut *ppos) };
    let buf = UserSlice::new(buf as usize, count);
    match T::read(&mm, buf, count, pos) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

/// # Safety
///
/// `file_operations.write` of a file of `T`.
unsafe extern "C" fn mm_write<T: MmFileOperations>(
    file: *mut bindings::file,
    buf: *const kernel::ffi::c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position.
    let (mm, pos) = unsafe { (file_mm(file), &mut *ppos) };
    let buf = UserSlice::new(buf as usize, count);
    match T::write(&mm, buf, count, pos) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

pub(crate) use users::MmUsers;

/// The `mm_users` guard in a module of its own, so that nothing but its acquiring
/// function can build one: a guard whose drop puts a reference must not exist unless
/// the reference was taken (an `MmUsers` built before `mmget_not_zero` answered put a
/// reference it never took, and drove `mm_users` below zero).
mod users {
    use super::{shim, MmGrab};
    use kernel::bindings;

    /// `mm_users` on a held mm (`mmget_not_zero`), dropped with `mmput`: its memory
    /// stays while this lives.
    ///
    /// # Invariants
    ///
    /// This guard holds one `mm_users` reference on `mm`, taken by
    /// [`MmUsers::acquire`]; its only constructor.
    pub(crate) struct MmUsers<'a> {
        mm: &'a MmGrab,
    }

    impl<'a> MmUsers<'a> {
        /// Pins the address space's memory (`mmget_not_zero`); `None` once its last
        /// user is gone.
        pub(super) fn acquire(mm: &'a MmGrab) -> Option<Self> {
            // SAFETY: The mm struct is held (`mm_count`).
            if !unsafe { shim::procfs2_mmget_not_zero(mm.as_non_null().as_ptr()) } {
                return None;
            }
            // INVARIANT: The reference was just taken.
            Some(Self { mm })
        }

        pub(super) fn as_ptr(&self) -> *mut bindings::mm_struct {
            self.mm.as_non_null().as_ptr()
        }
    }

    impl Drop for MmUsers<'_> {
        fn drop(&mut self) {
            // SAFETY: The reference `acquire` took (type invariant).
            unsafe { bindings::mmput(self.as_ptr()) };
        }
    }
}

impl MmGrab {
    /// Pins the address space's memory (`mmget_not_zero`); `None` once its last
    /// user is gone.
    pub(crate) fn users(&self) -> Option<MmUsers<'_>> {
        MmUsers::acquire(self)
    }

    /// `arg_start`, `arg_end`, `env_start`, `env_end`, under `arg_lock`.
    pub(crate) fn arg_area(&self) -> [usize; 4] {
        // SAFETY: The mm struct is held; its `arg_lock` guards the four fields.
        unsafe { super::task::arg_area(self.0.as_ptr()) }
    }

    /// `saved_auxv` up to and including the `AT_NULL` pair, as the words of the
    /// returned array before the returned count.
    pub(crate) fn saved_auxv(&self) -> ([usize; bindings::AT_VECTOR_SIZE as usize], usize) {
        // SAFETY: The mm struct is held; `saved_auxv` is written once, at exec.
        unsafe { super::task::saved_auxv(self.0.as_ptr()) }
    }
}

impl MmUsers<'_> {
    /// `access_remote_vm(mm, addr, buf, len, FOLL_ANON)`: how many bytes were read.
    pub(crate) fn read(&self, addr: usize, buf: &mut [u8]) -> usize {
        // SAFETY: `mm_users` is held (type invariant).
        unsafe { access_remote_vm(self.as_ptr(), addr, buf, bindings::FOLL_ANON) }
    }
}

/// `mem_rw`: page by page through a kernel buffer, with `mm_users` taken for the
/// call; `EIO` if nothing could be transferred. Never with `FOLL_FORCE` (README).
pub(crate) fn mem_rw(
    mm: &MmGrab,
    buf: UserSlice,
    mut count: usize,
    pos: &mut i64,
    write: bool,
) -> Result<usize> {
    let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let Some(users) = mm.users() else {
        return Ok(0);
    };
    let (mut reader, mut writer) = buf.reader_writer();
    let mut addr = *pos as u64 as usize;
    let mut copied: Result<usize> = Ok(0);
    while count > 0 {
        let len = count.min(bindings::PAGE_SIZE);
        if write && reader.read_slice(&mut page[..len]).is_err() {
            copied = Err(EFAULT);
            break;
        }
        // SAFETY: `users` holds `mm_users`.
        let n = unsafe {
            access_remote_vm(
                users.as_ptr(),
                addr,
                &mut page[..len],
                if write { bindings::FOLL_WRITE } else { 0 },
            )
        };
        if n == 0 {
            if copied == Ok(0) {
                copied = Err(EIO);
            }
            break;
        }
        if !write && writer.write_slice(&page[..n]).is_err() {
            copied = Err(EFAULT);
            break;
        }
        addr = addr.wrapping_add(n);
        // `n <= len <= count`: `access_remote_vm` never says more than it was given.
        copied = copied.map(|c| c + n);
        count -= n;
    }
    *pos = addr as i64;
    copied
}

/// `access_remote_vm` (not exported; `__access_remote_vm` step by step): the bytes
/// of `mm` at `addr` into `buf`, or `buf` into them with `FOLL_WRITE`, a page at a time
/// (`get_user_pages_remote`), or through the mapping's own `access` for `VM_IO`
/// and `VM_PFNMAP` mappings; how many were transferred. A stack is not grown to
/// reach an address below it (`expand_stack` is not exported).
///
/// # Safety
///
/// The caller holds `mm_users` on `mm`.
pub(super) unsafe fn access_remote_vm(
    mm: *mut bindings::mm_struct,
    addr: usize,
    buf: &mut [u8],
    gup_flags: u32,
) -> usize {
    let write = gup_flags & bindings::FOLL_WRITE != 0;
    let flags = gup_flags as c_int;
    // SAFETY: Per the caller.
    if unsafe { shim::procfs2_mmap_read_lock_killable(mm) } != 0 {
        return 0;
    }
    // SAFETY: The mm is locked.
    let mut addr = unsafe { shim::procfs2_untagged_addr_remote(mm, addr) };
    let mut done = 0;
    // SAFETY: The mm is locked.
    if !unsafe { shim::procfs2_vma_lookup(mm, addr) }.is_null() {
        while done < buf.len() {
            let mut vma: *mut bindings::vm_area_struct = core::ptr::null_mut();
            // SAFETY: The mm is locked; a page comes back counted, with its VMA.
            let page = unsafe { shim::procfs2_get_user_page_vma_remote(mm, addr, flags, &mut vma) };
            let bytes = if kernel::error::from_err_ptr(page).is_err() {
                // SAFETY: The mm is locked.
                let vma = unsafe { shim::procfs2_vma_lookup(mm, addr) };
                // SAFETY: A VMA of the locked mm; `access` copies at most the
                // length it is given into or out of `buf`.
                let n = unsafe {
                    match vma
                        .as_ref()
                        .and_then(|v| v.vm_ops.as_ref())
                        .and_then(|o| o.access)
                    {
                        Some(access) => access(
                            vma,
                            addr,
                            buf[done..].as_mut_ptr().cast(),
                            c_int::try_from(buf.len() - done).unwrap_or(c_int::MAX),
                            c_int::from(write),
                        ),
                        None => 0,
                    }
                };
                if n <= 0 {
                    break;
                }
                // C subtracts what `access` says from `len`; one that claims more
                // than it was given must not take `done` past the buffer.
                (n as usize).min(buf.len() - done)
            } else {
                let offset = addr & (bindings::PAGE_SIZE - 1);
                let bytes = (buf.len() - done).min(bindings::PAGE_SIZE - offset);
                // SAFETY: A counted page, mapped for the copy of `bytes` bytes at
                // `offset`, within it; dirtied after a write; then unmapped and
                // released.
                unsafe {
                    let maddr = bindings::kmap_local_page(page);
                    let p = maddr.cast::<u8>().add(offset);
                    if write {
                        core::ptr::copy_nonoverlapping(buf[done..].as_ptr(), p, bytes);
                        bindings::set_page_dirty_lock(page);
                    } else {
                        core::ptr::copy_nonoverlapping(p, buf[done..].as_mut_ptr(), bytes);
                    }
                    shim::procfs2_unmap_and_put_page(page, maddr);
                }
                bytes
            };
            done += bytes;
            addr = addr.wrapping_add(bytes);
        }
    }
    // SAFETY: Locked above.
    unsafe { shim::procfs2_mmap_read_unlock(mm) };
    done
}
