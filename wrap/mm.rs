// SPDX-License-Identifier: GPL-2.0

//! Address spaces held by open files, and the walk over their mappings
//! (fs/proc/task_mmu.c's `proc_maps_private` with `m_start`, `m_next`, `m_stop`):
//! the file keeps the mm from open to release without pinning its memory
//! (`mmgrab`), and each read takes `mm_users` and the mmap lock from `start` to
//! `stop`, positioned by address, as fs/proc does.

mod maps;
mod mem;
#[cfg(CONFIG_NUMA)]
mod mempolicy;
mod pagewalk;

#[cfg(CONFIG_NUMA)]
pub(crate) use self::mempolicy::*;
pub(crate) use self::{maps::*, mem::*, pagewalk::*};

use super::seq::SeqFile;
use super::{
    file::ProcFile,
    inode::Inode,
    ops::{sealed, FileOps, SeqKind, SeqOpened},
    shim,
    task::Path,
};
use core::{ffi::CStr, marker::PhantomData, ptr::NonNull};
use kernel::types::{ARef, AlwaysRefCounted, Opaque};
use kernel::{
    bindings, build_error,
    error::{from_result, to_result, VTABLE_DEFAULT_ERROR},
    ffi::{c_int, c_void},
    prelude::*,
    uaccess::UserSlice,
};

/// An address space (`struct mm_struct`), as upstream's `Mm`: an [`ARef<Mm>`] holds
/// `mm_count` (`mmgrab`, `mmdrop`), which keeps the struct but not its memory, as an
/// open file of fs/proc holds it. Its memory is read only through [`MmWithUser`].
///
/// # Invariants
///
/// The object is a valid `mm_struct` while a reference to it exists.
#[repr(transparent)]
pub(crate) struct Mm(Opaque<bindings::mm_struct>);

// SAFETY: `mmdrop` may be called from any thread.
unsafe impl Send for Mm {}
// SAFETY: Shared references only read fields under the locks they need, or atomically.
unsafe impl Sync for Mm {}

// SAFETY: `mm_count` counts the references: `mmgrab` takes one, `mmdrop` gives it
// back and frees the struct after the last.
unsafe impl AlwaysRefCounted for Mm {
    fn inc_ref(&self) {
        // SAFETY: The mm is valid (type invariant) and counted by `self`'s owner.
        unsafe { shim::procfs2_mmgrab(self.as_ptr()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one `mm_count` reference.
        unsafe { shim::procfs2_mmdrop(obj.as_ptr().cast()) };
    }
}

impl Mm {
    /// # Safety
    ///
    /// `ptr` must be a valid mm for `'a`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::mm_struct) -> &'a Self {
        // SAFETY: Transparent over the C struct; per the caller.
        unsafe { &*ptr.cast() }
    }

    pub(super) fn as_ptr(&self) -> *mut bindings::mm_struct {
        self.0.get()
    }

    /// Pins the address space's memory (`mmget_not_zero`); `None` once its last
    /// user is gone. The reference is made only after `mmget_not_zero` took it.
    pub(crate) fn mmget_not_zero(&self) -> Option<ARef<MmWithUser>> {
        // SAFETY: The mm struct is held (type invariant).
        if !unsafe { shim::procfs2_mmget_not_zero(self.as_ptr()) } {
            return None;
        }
        // SAFETY: The `mm_users` reference was just taken, and is handed over;
        // `MmWithUser` is transparent over `Mm`.
        Some(unsafe { ARef::from_raw(NonNull::from(self).cast()) })
    }
}

/// An address space whose users count is held, as upstream's `MmWithUser`: an
/// [`ARef<MmWithUser>`] holds `mm_users` (`mmget`, `mmput`), so its memory stays.
///
/// # Invariants
///
/// `mm_users` of the mm is above zero while a reference to this exists.
#[repr(transparent)]
pub(crate) struct MmWithUser(Mm);

// SAFETY: `mmput` may be called from any thread.
unsafe impl Send for MmWithUser {}
// SAFETY: As for `Mm`.
unsafe impl Sync for MmWithUser {}

// SAFETY: `mm_users` counts the references: `mmget` takes one while one is held
// (type invariant), `mmput` gives it back.
unsafe impl AlwaysRefCounted for MmWithUser {
    fn inc_ref(&self) {
        // SAFETY: `mm_users` is above zero (type invariant), so an increment is
        // `mmget`, an atomic increment.
        let users = unsafe { &raw mut (*self.0.as_ptr()).__bindgen_anon_1.mm_users.counter };
        // SAFETY: An aligned `atomic_t` counter, only changed atomically.
        unsafe { core::sync::atomic::AtomicI32::from_ptr(users) }
            .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one `mm_users` reference.
        unsafe { bindings::mmput(obj.as_ptr().cast()) };
    }
}

impl core::ops::Deref for MmWithUser {
    type Target = Mm;

    fn deref(&self) -> &Mm {
        &self.0
    }
}

impl MmWithUser {
    /// # Safety
    ///
    /// `mm` must carry one `mm_users` reference, handed over.
    pub(in crate::wrap) unsafe fn from_counted(mm: NonNull<bindings::mm_struct>) -> ARef<Self> {
        // SAFETY: Per the caller; transparent over `Mm`, over the C struct.
        unsafe { ARef::from_raw(mm.cast()) }
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

impl<'a> MmapRead<'a> {
    /// The proof that the lock is held, for walks.
    pub(crate) fn locked(&self) -> MmLocked<'_> {
        // SAFETY: Held while `self` is borrowed (type invariant), by a holder of
        // `mm_users`.
        unsafe { MmLocked::new(self.mm) }
    }

    /// `untagged_addr_remote(mm, addr)`.
    pub(crate) fn untagged_addr(&self, addr: u64) -> u64 {
        // SAFETY: The mm is locked.
        unsafe { shim::procfs2_untagged_addr_remote(self.mm.as_ptr(), addr as usize) as u64 }
    }

    /// An iterator over the mappings from `addr` (`VMA_ITERATOR(vmi, mm, addr)`), kept
    /// apart from the lock so that [`Self::relock_if_contended`] can drop it.
    pub(crate) fn vma_iter(&self, addr: u64) -> VmaIter {
        // SAFETY: All-zero is a valid iterator, initialised below.
        let mut iter: bindings::vma_iterator = unsafe { core::mem::zeroed() };
        // SAFETY: The mm is locked.
        unsafe { shim::procfs2_vma_iter_init(&mut iter, self.mm.as_ptr(), addr as usize) };
        VmaIter { iter, mm: self.mm }
    }

    /// `vma_next(vmi)`: the next mapping of `it`, an iterator of this mm.
    pub(crate) fn vma_next(&self, it: &mut VmaIter) -> Option<Vma<'_>> {
        if it.mm != self.mm {
            return None;
        }
        // SAFETY: The iterator walks this mm, locked while `self` is borrowed.
        let vma = unsafe { VmaRef::from_raw(shim::procfs2_vma_next(&mut it.iter)) }?;
        Some(Vma::Area(vma))
    }

    /// `mmap_lock_is_contended(mm)`.
    pub(crate) fn is_contended(&self) -> bool {
        // SAFETY: The mm is locked.
        unsafe { shim::procfs2_mmap_lock_is_contended(self.mm.as_ptr()) }
    }

    /// `vma_iter_invalidate(vmi)`, `mmap_read_unlock(mm)`, then
    /// `mmap_read_lock_killable(mm)` (`EINTR`: the lock is not held any more).
    pub(crate) fn relock(self, it: &mut VmaIter) -> Result<Self> {
        let this = core::mem::ManuallyDrop::new(self);
        // SAFETY: Invalidating an iterator is always allowed.
        unsafe { shim::procfs2_vma_iter_invalidate(&mut it.iter) };
        // SAFETY: Held (type invariant); the guard is not dropped again.
        unsafe { shim::procfs2_mmap_read_unlock(this.mm.as_ptr()) };
        // SAFETY: The holder of the guard held `mm_users` for `'a`.
        unsafe { MmapRead::lock(this.mm) }
    }
}

/// An iterator over an mm's mappings that outlives one hold of its mmap lock.
pub(crate) struct VmaIter {
    iter: bindings::vma_iterator,
    mm: NonNull<bindings::mm_struct>,
}

/// An mm's mmap lock held for writing (`mmap_write_lock_killable`).
///
/// # Invariants
///
/// The lock is held until the guard is dropped; the mm's users are counted for `'a`.
pub(crate) struct MmapWrite<'a> {
    mm: NonNull<bindings::mm_struct>,
    _p: PhantomData<(&'a (), *mut ())>,
}

impl MmWithUser {
    /// Locks the address space for writing (`mmap_write_lock_killable`; `EINTR`).
    pub(crate) fn write_lock(&self) -> Result<MmapWrite<'_>> {
        let mm = NonNull::from(self).cast::<bindings::mm_struct>();
        // SAFETY: `mm_users` is held while the guard borrows `self`.
        to_result(unsafe { shim::procfs2_mmap_write_lock_killable(mm.as_ptr()) })?;
        // INVARIANT: Just taken.
        Ok(MmapWrite {
            mm,
            _p: PhantomData,
        })
    }
}

impl MmapWrite<'_> {
    /// The proof that the lock is held, for walks.
    pub(crate) fn locked(&self) -> MmLocked<'_> {
        // SAFETY: Held while `self` is borrowed (type invariant).
        unsafe { MmLocked::new(self.mm) }
    }

    /// `reset_mm_hiwater_rss(mm)`.
    pub(crate) fn reset_hiwater_rss(&self) {
        // SAFETY: The mm is write-locked.
        unsafe { shim::procfs2_reset_mm_hiwater_rss(self.mm.as_ptr()) };
    }
}

impl Drop for MmapWrite<'_> {
    fn drop(&mut self) {
        // SAFETY: Held (type invariant).
        unsafe { shim::procfs2_mmap_write_unlock(self.mm.as_ptr()) };
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
        self.show_path_escaped(m, c"\n");
    }

    /// Appends the file's path with the bytes of `esc` escaped (`seq_path`).
    pub(crate) fn show_path_escaped(&self, m: &SeqFile, esc: &CStr) {
        // SAFETY: The file's path is valid while the file is; `m` is being filled.
        unsafe {
            bindings::seq_path(
                m.as_ptr(),
                shim::procfs2_file_user_path(self.as_ptr()),
                esc.as_ptr().cast(),
            )
        };
    }
}
