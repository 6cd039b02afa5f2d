// SPDX-License-Identifier: GPL-2.0

//! Address spaces held by open files, and the walk over their mappings
//! (fs/proc/task_mmu.c's `proc_maps_private` with `m_start`, `m_next`, `m_stop`):
//! the file keeps the mm from open to release without pinning its memory
//! (`mmgrab`), and each read takes `mm_users` and the mmap lock from `start` to
//! `stop`, positioned by address, as fs/proc does.

mod maps;
mod mem;

pub(crate) use self::{maps::*, mem::*};

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
