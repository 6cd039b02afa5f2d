// SPDX-License-Identifier: GPL-2.0

//! The operations layer: the VFS callbacks procfs2 implements, as traits. A feature
//! type implements a trait (`impl InodeOperations for PidBaseDir`), and the table the
//! kernel calls is built from it at compile time (`InodeOps::new::<PidBaseDir>()`),
//! with only the methods the type implements set. The generic trampolines below
//! turn the kernel's raw arguments into the safe wrappers, and `Result` into the
//! errno or error pointer the kernel expects, in this one place.

mod trampolines;

use self::trampolines::*;
pub(in crate::wrap) use self::trampolines::{seq_operations, single_show};

use super::seq::SeqFile;
use super::{
    dentry::{Dentry, Lookup, Unhashed, Unpinned},
    file::{DirContext, Kiocb, Link, ProcFile},
    inode::{self, Inode, Kstat},
};
use core::marker::PhantomData;
use kernel::{
    bindings, build_error,
    error::{from_result, VTABLE_DEFAULT_ERROR},
    ffi::{c_char, c_int, c_void},
    prelude::*,
    uaccess::UserSlice,
};

/// Inode operations (`struct inode_operations`).
#[vtable]
pub(crate) trait InodeOperations: Sized + 'static {
    /// Whether a mode change is refused (`setattr` is `proc_nochmod_setattr`), as
    /// for every per-process inode of fs/proc: its owner could otherwise open its
    /// `fd/` or `oom_score_adj` to others, and the mode would outlive a setuid
    /// exec while the inode is cached. Otherwise the VFS's `simple_setattr`.
    const NOCHMOD: bool = false;

    /// Whether every attribute change is refused with `EPERM` (`setattr` is
    /// `empty_dir_setattr`, as on the inodes `make_empty_dir_inode` makes).
    const NOSETATTR: bool = false;

    /// Finds `dentry`'s name in the directory `dir` (`lookup`).
    fn lookup(_dir: &Inode, _dentry: &Unhashed) -> Result<Lookup> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Adjusts the attributes `generic_fillattr` filled in (`getattr`).
    fn getattr(_stat: &Kstat<'_>) -> Result {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Whether the caller may access the inode for `mask` (`permission`).
    fn permission(_inode: &Inode, _mask: c_int) -> Result {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// A symlink's target (`get_link`); `dentry` is `None` in RCU walk mode.
    fn get_link(_dentry: Option<&Dentry>, _inode: &Inode) -> Result<Link> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// The text `readlink(2)` reads, where it is not what `get_link` gives
    /// (`readlink`; the wrapper copies it as `readlink_copy` does).
    fn readlink(_dentry: &Dentry) -> Result<Link> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }
}

/// File operations (`struct file_operations`) of files that are not seq_files:
/// procfs2's directories.
#[vtable]
pub(crate) trait FileOperations: Sized + 'static {
    fn llseek(_file: &ProcFile, _offset: i64, _whence: c_int) -> Result<i64> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Emits the directory's entries from `ctx`'s position on (`iterate_shared`;
    /// `read` then answers `EISDIR` as `generic_read_dir`, and without an `llseek` of
    /// its own the directory seeks with `generic_file_llseek`, as every directory of
    /// fs/proc does).
    fn readdir(_file: &ProcFile, _ctx: &DirContext) -> Result {
        build_error!(VTABLE_DEFAULT_ERROR)
    }
}

/// How a seq_file seeks (`llseek` of its `file_operations`).
pub(crate) enum Seek {
    /// `seq_lseek`.
    Seq,
    /// `generic_file_llseek`.
    Generic,
    /// `default_llseek`.
    Default,
    /// `mem_lseek`: set or move, no end.
    Mem,
}

/// Proof that a file was opened as a seq_file by [`ProcFile::single_open`] or
/// What [`SeqFileOperations::open`] must return, so that every later call on the
/// file finds a seq_file of the kind `K`, the one its table releases.
///
/// It borrows the file it was made for: a token cannot be kept past the open that
/// made it (in a `static`, say) and handed back by the open of another file that
/// opened nothing.
pub(crate) struct SeqOpened<'a, K: SeqKind = Single>(PhantomData<(&'a ProcFile, K)>);

impl<K: SeqKind> SeqOpened<'_, K> {
    /// # Safety
    ///
    /// The file the token borrows was just opened as a seq_file of kind `K`: made by
    /// [`ProcFile::single_open`], [`ProcFile::single_open_size`] (`Single`),
    /// [`ProcFile::seq_open`] (`Records`) and [`ProcFile::maps_open`] (`Maps`) only.
    pub(super) unsafe fn new() -> Self {
        Self(PhantomData)
    }
}

pub(super) mod sealed {
    /// Only the kinds of the wrapper layer (here and `mm::Maps`): each one's
    /// `release` undoes its own open.
    pub(crate) trait Sealed {}
}

/// How a seq_file was opened, and so how it is released: each kind has its own
/// release, and a table's release is the one of the kind its `open` returns.
pub(crate) trait SeqKind: sealed::Sealed + 'static {
    /// # Safety
    ///
    /// The file was opened as this kind (an open that returned `SeqOpened<Self>`),
    /// and is being released.
    unsafe fn release(file: &ProcFile) -> Result;
}

/// Opened by `single_open` or `single_open_size`; released by `single_release`.
pub(crate) struct Single;
/// Opened by `seq_open` over [`SeqRecords`]; released by `seq_release`.
pub(crate) struct Records;

impl sealed::Sealed for Single {}
impl sealed::Sealed for Records {}

impl SeqKind for Single {
    unsafe fn release(file: &ProcFile) -> Result {
        // SAFETY: Per the caller.
        unsafe { file.single_release() }
    }
}

impl SeqKind for Records {
    unsafe fn release(file: &ProcFile) -> Result {
        // SAFETY: Per the caller.
        unsafe { file.seq_release() }
    }
}

/// File operations of a seq_file (fs/proc's `proc_single_file_operations`,
/// `proc_reg_*`): the file is opened as a seq_file by `open`, and read, seeked and
/// released by the wrapper, through `call` (all but release).
#[vtable]
pub(crate) trait SeqFileOperations: Sized + 'static {
    /// How the file seeks.
    const SEEK: Seek = Seek::Seq;

    /// How `open` opens the file, and so how it is released.
    type Kind: SeqKind;

    /// Opens the file: checks, then [`ProcFile::single_open`], [`ProcFile::seq_open`] or
    /// [`ProcFile::maps_open`], as `Kind` says.
    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Self::Kind>>;

    /// Writes the whole content of a file opened with [`ProcFile::single_open`].
    fn show(_m: &SeqFile, _inode: &Inode) -> Result {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Takes `count` bytes the user wrote at `buf`.
    fn write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Maps the file (fs/proc's entries answer `EIO`).
    fn mmap(_inode: &Inode) -> Result {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Runs one call on the file (open, read, write, seek, mmap; not release): by
    /// default just `f`; fs/proc's entries count their calls here (`use_pde`).
    fn call<R>(_inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        f()
    }
}

/// File operations of a file read at byte positions without a seq_file (fs/proc's
/// `proc_ops` with a `proc_read` of their own and `mem_lseek`, as kpagecount's):
/// open, read and seek go through `call`, where entries count them (`use_pde`);
/// writes and maps fail with `EIO`, as `proc_reg_write` and `proc_reg_mmap` fail
/// for an entry without `proc_write` or `proc_mmap`.
///
/// Per-process files of this kind (`cmdline`) are plain `file_operations` with a
/// `read` of their own: [`FileOps::task_read`] leaves write and mmap unset, so they
/// fail as the VFS fails them (`EINVAL`, `ENODEV`).
#[vtable]
pub(crate) trait ReadFileOperations: Sized + 'static {
    /// How the file seeks (never [`Seek::Seq`]: there is no seq_file).
    const SEEK: Seek = Seek::Mem;

    /// Reads up to `count` bytes at `*pos` into `buf`, moving `*pos`.
    fn read(inode: &Inode, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize>;

    /// Runs one call on the file (open, read, seek).
    fn call<R>(_inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        f()
    }
}

/// A file that is only written (`clear_refs`): `write` and `noop_llseek`; with no
/// `read`, reads fail as the VFS fails them (`EINVAL`).
pub(crate) trait WriteFileOperations: Sized + 'static {
    /// Takes `count` bytes from `buf`; the position is not used.
    fn write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize>;
}

impl FileOps {
    /// The table of a file `T` writes (`proc_clear_refs_operations`).
    pub(crate) const fn write_only<T: WriteFileOperations>() -> Self {
        let mut t = Self::empty().0;
        t.write = Some(wo_write::<T>);
        t.llseek = Some(bindings::noop_llseek);
        Self(t)
    }
}

/// A file read record by record ([`ProcFile::seq_open`]). Records are addressed by their
/// position, so no lock is held from `start` to `stop`: each call finds its record
/// again, and a reader that resumes at a position sees what is there now.
pub(crate) trait SeqRecords: Sized + 'static {
    /// Whether there is a record at `pos`.
    fn has_record(inode: &Inode, pos: u64) -> bool;
    /// Writes the record at `pos`.
    fn show_record(m: &SeqFile, inode: &Inode, pos: u64) -> Result;
}

/// Dentry operations (`struct dentry_operations`).
#[vtable]
pub(crate) trait DentryOperations: Sized + 'static {
    /// Whether a cached dentry is still valid (`d_revalidate`). `flags` has
    /// [`super::LOOKUP_RCU`] in RCU walk mode, where nothing may sleep and `ECHILD`
    /// asks for ref-walk mode.
    fn revalidate(_dentry: &Unpinned, _flags: u32) -> Result<bool> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Whether to drop the dentry when its last reference goes (`d_delete`).
    fn delete(_dentry: &Unpinned) -> bool {
        build_error!(VTABLE_DEFAULT_ERROR)
    }
}

/// Superblock operations (`struct super_operations`) beyond the inode life cycle,
/// which the wrapper layer owns.
pub(crate) trait SuperOperations: Sized + 'static {
    /// Appends the mount's options to a line of `/proc/mounts` (`show_options`).
    fn show_options(m: &SeqFile, root: &Dentry) -> Result;
}

macro_rules! table {
    ($(#[$m:meta])* $name:ident, $c:ty) => {
        $(#[$m])*
        #[repr(transparent)]
        pub(crate) struct $name($c);

        // SAFETY: The table is immutable once built and holds only function pointers.
        unsafe impl Sync for $name {}

        impl $name {
            pub(crate) const fn as_ptr(&'static self) -> *const $c {
                &self.0
            }

            /// A table with no callbacks.
            pub(crate) const fn empty() -> Self {
                // SAFETY: All-zero is a valid table: null pointers, no callbacks.
                Self(unsafe { core::mem::zeroed() })
            }
        }
    };
}

table!(
    /// An `inode_operations` table built from an [`InodeOperations`] type.
    InodeOps,
    bindings::inode_operations
);
table!(
    /// A `file_operations` table built from a [`FileOperations`] type.
    FileOps,
    bindings::file_operations
);
table!(
    /// A `dentry_operations` table built from a [`DentryOperations`] type.
    DentryOps,
    bindings::dentry_operations
);
table!(
    /// A `super_operations` table: procfs2's inode life cycle and `T`'s options.
    SuperOps,
    bindings::super_operations
);

impl InodeOps {
    pub(crate) const fn new<T: InodeOperations>() -> Self {
        let mut t = Self::empty().0;
        if T::NOCHMOD {
            t.setattr = Some(nochmod_setattr);
        }
        if T::NOSETATTR {
            t.setattr = Some(refuse_setattr);
        }
        if T::HAS_LOOKUP {
            t.lookup = Some(lookup::<T>);
        }
        if T::HAS_GETATTR {
            t.getattr = Some(getattr::<T>);
        }
        if T::HAS_PERMISSION {
            t.permission = Some(permission::<T>);
        }
        if T::HAS_GET_LINK {
            t.get_link = Some(get_link::<T>);
        }
        if T::HAS_READLINK {
            t.readlink = Some(readlink::<T>);
        }
        Self(t)
    }
}

impl FileOps {
    pub(crate) const fn new<T: FileOperations>() -> Self {
        let mut t = Self::empty().0;
        if T::HAS_LLSEEK {
            t.llseek = Some(llseek::<T>);
        }
        if T::HAS_READDIR {
            t.read = Some(bindings::generic_read_dir);
            t.iterate_shared = Some(readdir::<T>);
            if !T::HAS_LLSEEK {
                t.llseek = Some(bindings::generic_file_llseek);
            }
        }
        Self(t)
    }

    /// The table of a seq_file: `open`, and read, seek and release by the wrapper.
    pub(crate) const fn seq<T: SeqFileOperations>() -> Self {
        let mut t = Self::empty().0;
        t.open = Some(seq_open::<T>);
        t.read_iter = Some(seq_read_iter::<T>);
        t.llseek = Some(seq_llseek::<T>);
        t.release = Some(seq_release::<T>);
        if T::HAS_WRITE {
            t.write = Some(seq_write::<T>);
        }
        if T::HAS_MMAP {
            t.mmap = Some(seq_mmap::<T>);
        }
        Self(t)
    }
}

impl FileOps {
    /// The table of a file `T` reads at byte positions, seeking with `mem_lseek`.
    pub(crate) const fn read<T: ReadFileOperations>() -> Self {
        let mut t = Self::task_read::<T>().0;
        t.write = Some(eio_write);
        t.mmap = Some(eio_mmap);
        Self(t)
    }

    /// The table of a per-process file `T` reads at byte positions (`cmdline`'s
    /// `proc_pid_cmdline_ops`): open, read and `T::SEEK`, nothing else.
    pub(crate) const fn task_read<T: ReadFileOperations>() -> Self {
        assert!(
            !matches!(T::SEEK, Seek::Seq),
            "a file read without a seq_file cannot seek as one"
        );
        let mut t = Self::empty().0;
        t.open = Some(read_open::<T>);
        t.read = Some(read_read::<T>);
        t.llseek = Some(read_llseek::<T>);
        Self(t)
    }
}

impl FileOps {
    /// A table made in another wrapper file (`mm.rs`, `posix_timers.rs`).
    ///
    /// # Safety
    ///
    /// Each callback is sound for every file the table is installed on.
    pub(super) const unsafe fn from_raw(t: bindings::file_operations) -> Self {
        Self(t)
    }
}

impl DentryOps {
    pub(crate) const fn new<T: DentryOperations>() -> Self {
        let mut t = Self::empty().0;
        if T::HAS_REVALIDATE {
            t.d_revalidate = Some(d_revalidate::<T>);
        }
        if T::HAS_DELETE {
            t.d_delete = Some(d_delete::<T>);
        }
        Self(t)
    }
}

impl SuperOps {
    pub(crate) const fn new<T: SuperOperations>() -> Self {
        let mut t = Self::empty().0;
        t.alloc_inode = Some(inode::alloc_inode);
        t.free_inode = Some(inode::free_inode);
        t.evict_inode = Some(inode::evict_inode);
        t.drop_inode = Some(bindings::generic_delete_inode);
        t.statfs = Some(bindings::simple_statfs);
        t.show_options = Some(show_options::<T>);
        Self(t)
    }
}
