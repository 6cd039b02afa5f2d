// SPDX-License-Identifier: GPL-2.0

//! Open files as the file operations see them ([`ProcFile`], [`Kiocb`]), directories
//! being read ([`DirContext`]), and the targets `get_link` hands back ([`Link`]).

use super::{inode::Inode, ops, seq::SeqFile, shim, task::Path};
use core::ptr::NonNull;
use kernel::{
    bindings, c_str,
    error::to_result,
    ffi::{c_char, c_int, c_void},
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// Any open file (`struct file`), as upstream's `File`: an [`ARef<File>`] holds one
/// `f_count` reference (`get_file`, `fput`). Not necessarily procfs2's: an fd of a
/// task, a mapping's file, an mm's executable.
///
/// # Invariants
///
/// The object is a valid, open `struct file` while a reference to it exists.
#[repr(transparent)]
pub(crate) struct File(Opaque<bindings::file>);

// SAFETY: `fput` may be called from any thread (it defers the final release).
unsafe impl Send for File {}
// SAFETY: Shared references only read fields set at open, or read them unlocked as
// fs/proc does (`f_pos`).
unsafe impl Sync for File {}

// SAFETY: `f_count` counts the references: `get_file` takes one, `fput` gives it back.
unsafe impl AlwaysRefCounted for File {
    fn inc_ref(&self) {
        // SAFETY: The file is open and counted by `self`'s owner (type invariant):
        // `get_file` is an atomic increment of `f_count`.
        let count = unsafe { &raw mut (*self.as_ptr()).f_count.counter };
        // SAFETY: An aligned `atomic_long_t` counter, only changed atomically.
        unsafe { core::sync::atomic::AtomicI64::from_ptr(count) }
            .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one reference.
        unsafe { bindings::fput(obj.as_ptr().cast()) };
    }
}

impl File {
    /// # Safety
    ///
    /// `f` must carry one `f_count` reference, handed over.
    pub(in crate::wrap) unsafe fn from_counted(f: NonNull<bindings::file>) -> ARef<Self> {
        // SAFETY: Per the caller; transparent over the C struct.
        unsafe { ARef::from_raw(f.cast()) }
    }

    fn as_ptr(&self) -> *mut bindings::file {
        self.0.get()
    }

    /// `f_mode` (`FMODE_*`).
    pub(crate) fn mode(&self) -> u32 {
        // SAFETY: The file is counted; `f_mode` is a plain word.
        unsafe { (*self.as_ptr()).f_mode }
    }

    /// `f_pos`.
    pub(crate) fn pos(&self) -> i64 {
        // SAFETY: The file is counted; `f_pos` is read unlocked, as fs/proc does.
        unsafe { (*self.as_ptr()).f_pos }
    }

    /// The number of the file's inode.
    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: The file is counted and pins its inode.
        unsafe { (*(*self.as_ptr()).f_inode).i_ino as u64 }
    }

    /// The id of the mount the file was opened on.
    pub(crate) fn mnt_id(&self) -> i32 {
        // SAFETY: The file is counted and pins its mount.
        unsafe { shim::procfs2_file_mnt_id(self.as_ptr()) }
    }

    /// The file's path, counted.
    pub(crate) fn path(&self) -> Path {
        // SAFETY: An open file's `f_path` is valid; `path_get` counts our copy.
        unsafe {
            let p = (*self.as_ptr()).f_path;
            bindings::path_get(&p);
            Path::from_counted(p)
        }
    }

    /// Appends what the file's own `show_fdinfo` says, if it has one.
    pub(crate) fn show_fdinfo(&self, m: &SeqFile) {
        // SAFETY: The file is counted, and its operations with it; `m` is the
        // seq_file being filled, which is what `show_fdinfo` takes.
        unsafe {
            if let Some(show) = (*(*self.as_ptr()).f_op).show_fdinfo {
                show(m.as_ptr(), self.as_ptr());
            }
        }
    }
}

/// An open file of procfs2, during one of its operations.
///
/// # Invariants
///
/// The object is a valid, open `struct file` of a procfs2 superblock for the
/// duration of the callback that received it.
#[repr(transparent)]
pub(crate) struct ProcFile(Opaque<bindings::file>);

impl ProcFile {
    /// # Safety
    ///
    /// `ptr` must be an open procfs2 file, used only during the callback.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::file) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    pub(super) fn as_ptr(&self) -> *mut bindings::file {
        self.0.get()
    }

    /// The file's inode (`file_inode`).
    pub(crate) fn inode(&self) -> &Inode {
        // SAFETY: An open file pins its inode, one of ours.
        unsafe { Inode::from_raw((*self.as_ptr()).f_inode) }
    }

    /// Whether the file was opened for writing (`FMODE_WRITE`).
    pub(crate) fn is_writable(&self) -> bool {
        // SAFETY: The file is open; `f_mode` is set at open.
        unsafe { (*self.as_ptr()).f_mode & 2 != 0 }
    }

    /// The inode number of the directory's parent (`parent_ino`).
    pub(crate) fn parent_ino(&self) -> u64 {
        // SAFETY: An open file pins its dentry, whose parent is valid under `d_lock`.
        unsafe { shim::procfs2_file_parent_ino(self.as_ptr()) as u64 }
    }

    /// `EBUSY` if the file already has private data: an open helper's second call
    /// on the same file fails, so that the kind of the one open that succeeded is
    /// the kind its [`ops::SeqOpened`] token names (a second call would otherwise
    /// replace the seq_file, and the release of one kind would free another's).
    pub(super) fn unopened(&self) -> Result {
        // SAFETY: The file is being opened by this thread; `private_data` is the
        // field open helpers set.
        if unsafe { (*self.as_ptr()).private_data.is_null() } {
            Ok(())
        } else {
            Err(EBUSY)
        }
    }

    /// Opens the file as a seq_file whose whole content `T::show` writes
    /// (`single_open`), with the inode as the seq_file's private data.
    pub(crate) fn single_open<T: ops::SeqFileOperations>(
        &self,
    ) -> Result<ops::SeqOpened<'_, ops::Single>> {
        self.unopened()?;
        let inode = self.inode().as_ptr().cast::<c_void>();
        // SAFETY: The file is being opened; `single_open` keeps the inode, which the
        // open file pins, as the private data `single_show::<T>` reads.
        to_result(unsafe {
            bindings::single_open(self.as_ptr(), Some(ops::single_show::<T>), inode)
        })?;
        // SAFETY: Opened just above as this kind.
        Ok(unsafe { ops::SeqOpened::new() })
    }

    /// [`ProcFile::single_open`] with a first buffer of `size` bytes (`single_open_size`).
    pub(crate) fn single_open_size<T: ops::SeqFileOperations>(
        &self,
        size: usize,
    ) -> Result<ops::SeqOpened<'_, ops::Single>> {
        self.unopened()?;
        let inode = self.inode().as_ptr().cast::<c_void>();
        // SAFETY: As in `single_open`; `single_open_size` allocates the buffer and
        // then does what `single_open` does, so `single_release` undoes it.
        to_result(unsafe {
            bindings::single_open_size(self.as_ptr(), Some(ops::single_show::<T>), inode, size)
        })?;
        // SAFETY: Opened just above as this kind.
        Ok(unsafe { ops::SeqOpened::new() })
    }

    /// Opens the file as a seq_file read record by record through `T`'s
    /// [`ops::SeqRecords`] (`seq_open`), with the inode as its private data.
    pub(crate) fn seq_open<T: ops::SeqFileOperations + ops::SeqRecords>(
        &self,
    ) -> Result<ops::SeqOpened<'_, ops::Records>> {
        self.unopened()?;
        let inode = self.inode().as_ptr().cast::<c_void>();
        // SAFETY: The file is being opened; `seq_open` makes its seq_file the file's
        // private data, whose `private` is set as `seq_open_private` would, to the
        // inode the open file pins.
        unsafe {
            to_result(bindings::seq_open(
                self.as_ptr(),
                ops::seq_operations::<T>(),
            ))?;
            (*(*self.as_ptr()).private_data.cast::<bindings::seq_file>()).private = inode;
        }
        // SAFETY: Opened just above as this kind.
        Ok(unsafe { ops::SeqOpened::new() })
    }

    /// Releases a file opened by [`ProcFile::single_open`] or [`ProcFile::single_open_size`]
    /// (`single_release`).
    ///
    /// # Safety
    ///
    /// The file was opened by one of the two and is being released.
    pub(super) unsafe fn single_release(&self) -> Result {
        // SAFETY: Per the caller.
        to_result(unsafe { bindings::single_release(self.inode().as_ptr(), self.as_ptr()) })
    }

    /// Releases a file opened by [`ProcFile::seq_open`] (`seq_release`).
    ///
    /// # Safety
    ///
    /// The file was opened by `seq_open` and is being released.
    pub(super) unsafe fn seq_release(&self) -> Result {
        // SAFETY: Per the caller.
        to_result(unsafe { bindings::seq_release(self.inode().as_ptr(), self.as_ptr()) })
    }

    /// `seq_lseek`.
    ///
    /// # Safety
    ///
    /// The file was opened as a seq_file.
    pub(super) unsafe fn seq_lseek(&self, offset: i64, whence: c_int) -> Result<i64> {
        // SAFETY: Per the caller.
        to_len(unsafe { bindings::seq_lseek(self.as_ptr(), offset, whence) })
    }

    /// `generic_file_llseek`.
    pub(crate) fn generic_llseek(&self, offset: i64, whence: c_int) -> Result<i64> {
        // SAFETY: The file is open.
        to_len(unsafe { bindings::generic_file_llseek(self.as_ptr(), offset, whence) })
    }

    /// `default_llseek`.
    pub(crate) fn default_llseek(&self, offset: i64, whence: c_int) -> Result<i64> {
        // SAFETY: The file is open.
        to_len(unsafe { bindings::default_llseek(self.as_ptr(), offset, whence) })
    }

    /// `mem_lseek` (fs/proc/base.c): set or move the position, with no bounds and
    /// no end; `EINVAL` for any other `whence`.
    pub(crate) fn mem_lseek(&self, offset: i64, whence: c_int) -> Result<i64> {
        let f = self.as_ptr();
        // SAFETY: The file is open and the VFS serializes its position for seeks.
        unsafe {
            match whence {
                0 => (*f).f_pos = offset,
                1 => (*f).f_pos = (*f).f_pos.wrapping_add(offset),
                _ => return Err(EINVAL),
            }
            Ok((*f).f_pos)
        }
    }

    /// `generic_file_llseek_size` with maximum `max` and end `eof`.
    pub(crate) fn llseek_size(
        &self,
        offset: i64,
        whence: c_int,
        max: i64,
        eof: i64,
    ) -> Result<i64> {
        // SAFETY: The file is open.
        to_len(unsafe {
            bindings::generic_file_llseek_size(self.as_ptr(), offset, whence, max, eof)
        })
    }
}

/// `ENAMETOOLONG`, which the kernel crate does not name.
fn enametoolong() -> Error {
    Error::from_errno(-(bindings::ENAMETOOLONG as c_int))
}

/// A raw errno or length as a `Result`.
fn to_len(v: i64) -> Result<i64> {
    if v < 0 {
        Err(Error::from_errno(v as c_int))
    } else {
        Ok(v)
    }
}

/// A read in progress (`struct kiocb` and its `iov_iter`).
///
/// # Invariants
///
/// Both are the valid arguments of one `read_iter` call, used only during it.
pub(crate) struct Kiocb {
    iocb: *mut bindings::kiocb,
    iter: *mut bindings::iov_iter,
}

impl Kiocb {
    /// # Safety
    ///
    /// The arguments of a `read_iter` call on a procfs2 file.
    pub(super) unsafe fn new(iocb: *mut bindings::kiocb, iter: *mut bindings::iov_iter) -> Self {
        // INVARIANT: Per the caller.
        Self { iocb, iter }
    }

    /// The file being read.
    pub(crate) fn file(&self) -> &ProcFile {
        // SAFETY: A kiocb of a read names its open file (type invariant).
        unsafe { ProcFile::from_raw((*self.iocb).ki_filp) }
    }

    /// Reads through the file's seq_file (`seq_read_iter`).
    ///
    /// # Safety
    ///
    /// The file was opened as a seq_file.
    pub(super) unsafe fn seq_read(&self) -> Result<usize> {
        // SAFETY: Valid arguments (type invariant); a seq_file per the caller.
        let n = unsafe { bindings::seq_read_iter(self.iocb, self.iter) };
        to_len(n as i64).map(|n| n as usize)
    }
}

/// A directory being read (`struct dir_context`).
///
/// # Invariants
///
/// The object is a valid `dir_context` for the duration of `iterate_shared`.
#[repr(transparent)]
pub(crate) struct DirContext(Opaque<bindings::dir_context>);

impl DirContext {
    /// # Safety
    ///
    /// `ptr` must be the valid context handed to `iterate_shared`, used only during it.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::dir_context) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The readdir position.
    pub(crate) fn pos(&self) -> i64 {
        // SAFETY: Valid by the type invariant; only the reader of this directory
        // touches it.
        unsafe { (*self.0.get()).pos }
    }

    /// Moves the readdir position.
    pub(crate) fn set_pos(&self, pos: i64) {
        // SAFETY: As for `pos`.
        unsafe { (*self.0.get()).pos = pos };
    }

    /// Passes one entry to the reader (`dir_emit`); `false` once its buffer is full.
    /// The position is not advanced.
    pub(crate) fn emit(&self, name: &[u8], ino: u64, dtype: u32) -> bool {
        let Ok(len) = c_int::try_from(name.len()) else {
            return false;
        };
        // SAFETY: The context is valid; `name` is valid for `len` bytes (it need not
        // be NUL-terminated).
        unsafe {
            shim::procfs2_dir_emit(
                self.0.get(),
                name.as_ptr().cast::<c_char>(),
                len,
                ino,
                dtype,
            )
        }
    }

    /// Emits `.` (ino `ino`) and `..` (ino `parent_ino`) at positions 0 and 1, as
    /// `dir_emit_dots` does; `false` if the reader's buffer filled up.
    pub(crate) fn emit_dots(&self, ino: u64, parent_ino: u64) -> bool {
        if self.pos() == 0 {
            if !self.emit(b".", ino, super::DT_DIR) {
                return false;
            }
            self.set_pos(1);
        }
        if self.pos() == 1 {
            if !self.emit(b"..", parent_ino, super::DT_DIR) {
                return false;
            }
            self.set_pos(2);
        }
        true
    }
}

/// A symlink's target for `get_link`: NUL-terminated bytes in a `kmalloc` buffer that
/// the VFS frees with `kfree_link` when it is done.
pub(crate) enum Link {
    /// A short target in a fixed buffer (`self`, `thread-self`).
    Short(KBox<[u8; LINK_SHORT]>),
    /// A target of any length.
    Long(KVec<u8>),
}

/// The size of a [`Link::Short`] buffer, NUL included.
const LINK_SHORT: usize = 32;

impl Link {
    /// The target `args` formats to, at most 31 bytes (the `self` and `thread-self`
    /// links). In RCU walk mode (`rcu`) the buffer is allocated without sleeping
    /// (`GFP_ATOMIC`, as fs/proc's `self` does); only if that fails is the caller
    /// asked to retry in ref-walk mode (`ECHILD`).
    pub(crate) fn format(rcu: bool, args: core::fmt::Arguments<'_>) -> Result<Self> {
        let flags = if rcu { GFP_ATOMIC } else { GFP_KERNEL };
        let mut buf =
            KBox::new([0u8; LINK_SHORT], flags).map_err(|_| if rcu { ECHILD } else { ENOMEM })?;
        let mut w = LinkWriter {
            buf: &mut buf[..LINK_SHORT - 1],
            len: 0,
        };
        core::fmt::write(&mut w, args).map_err(|_| enametoolong())?;
        Ok(Self::Short(buf))
    }

    /// A copy of `target`.
    pub(crate) fn copy(target: &[u8]) -> Result<Self> {
        let mut v = KVec::with_capacity(target.len() + 1, GFP_KERNEL)?;
        v.extend_from_slice(target, GFP_KERNEL)?;
        v.push(0, GFP_KERNEL)?;
        Ok(Self::Long(v))
    }

    /// The target, without its NUL.
    pub(crate) fn text(&self) -> &[u8] {
        let b: &[u8] = match self {
            Self::Short(b) => &b[..],
            Self::Long(v) => v,
        };
        &b[..b.iter().position(|&c| c == 0).unwrap_or(b.len())]
    }

    /// Hands the buffer to the VFS: the pointer `get_link` returns.
    ///
    /// # Safety
    ///
    /// `done` must be the argument of the `get_link` call being answered.
    pub(super) unsafe fn into_raw(self, done: *mut bindings::delayed_call) -> *const c_char {
        let p: *mut u8 = match self {
            Self::Short(b) => KBox::into_raw(b).cast(),
            Self::Long(v) => v.into_raw_parts().0,
        };
        // SAFETY: `done` is valid per the caller; `kfree_link` frees `p`, which
        // `kmalloc` allocated.
        unsafe {
            (*done).fn_ = Some(bindings::kfree_link);
            (*done).arg = p.cast();
        }
        p.cast()
    }
}

/// Writes formatted text into a zeroed buffer, failing when it does not fit (the
/// byte after the buffer's end stays the NUL).
struct LinkWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl core::fmt::Write for LinkWriter<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(core::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A mount of a kernel file system that only procfs2 holds (`kern_mount` of the
/// type named), unmounted when dropped. It is in no namespace: no caller can reach
/// it, mount over anything in it or bind into it, so a path looked up on it names
/// what the kernel put there, whatever the callers' mounts hold.
///
/// # Invariants
///
/// The pointer is a live mount `kern_mount` made, put only by `drop`.
struct PrivateMount(*mut bindings::vfsmount);

impl PrivateMount {
    /// Mounts the file system type `name`; `None` if it is not registered or the
    /// mount fails.
    fn new(name: &CStr) -> Option<Self> {
        // SAFETY: `get_fs_type` returns a registered type with a module reference
        // (given back at once: a mount holds its own), or NULL.
        let mnt = unsafe {
            let fs = bindings::get_fs_type(name.as_char_ptr());
            if fs.is_null() {
                return None;
            }
            let mnt = bindings::kern_mount(fs);
            shim::procfs2_put_filesystem(fs);
            mnt
        };
        kernel::error::from_err_ptr(mnt).ok().map(Self)
    }

    /// Opens `path` (relative to the mount's root) with `flags`, with the caller's
    /// credentials.
    fn open(&self, path: &CStr, flags: u32) -> Result<PrivateFile<'_>> {
        let (mnt, path, flags) = (self.0, path.as_char_ptr(), flags as c_int);
        // SAFETY: `mnt` is a live mount and `path` is NUL-terminated.
        let f = unsafe { shim::procfs2_file_open_root_mnt(mnt, path, flags) };
        kernel::error::from_err_ptr(f).map(|f| PrivateFile { f, mnt: self })
    }
}

impl Drop for PrivateMount {
    fn drop(&mut self) {
        // SAFETY: The mount made by `new`, put once; files opened on it hold their
        // own references and, by their lifetime, are closed already.
        unsafe { bindings::kern_unmount(self.0) };
    }
}

/// A file opened on a [`PrivateMount`], closed when dropped.
struct PrivateFile<'a> {
    f: *mut bindings::file,
    mnt: &'a PrivateMount,
}

impl PrivateFile<'_> {
    /// Whether the file's inode is of the mount's own superblock: a path can leave
    /// it by a symlink or a magic link (`self/cwd`), and `O_PATH` follows those.
    fn on_own_sb(&self) -> bool {
        // SAFETY: The file is open (it pins its inode) and the mount is live; each
        // `*_sb` is set at creation.
        unsafe { (*(*self.f).f_inode).i_sb == (*self.mnt.0).mnt_sb }
    }

    /// The table of a file of proc's `/proc/sys` that is `procname` and declares
    /// `maxlen` bytes: its `data`.
    ///
    /// # Safety
    ///
    /// The file must be open on a mount of proc (fs/proc's file system type).
    unsafe fn sysctl_data(&self, procname: &CStr, maxlen: usize) -> Option<*mut c_void> {
        if !self.on_own_sb() {
            return None;
        }
        // SAFETY: Per the caller the mount is proc's, and the inode is of its
        // superblock (checked): a `proc_inode`, whose `sysctl_entry` is the table of
        // a /proc/sys file and NULL otherwise.
        let t = unsafe { shim::procfs2_proc_sysctl_entry(self.f) };
        if t.is_null() {
            return None;
        }
        // SAFETY: A table lives while its file is open; `procname` is a string.
        unsafe {
            if (*t).procname.is_null()
                || CStr::from_char_ptr((*t).procname).as_bytes() != procname.as_bytes()
                || usize::try_from((*t).maxlen) != Ok(maxlen)
                || (*t).data.is_null()
            {
                return None;
            }
            Some((*t).data)
        }
    }
}

impl Drop for PrivateFile<'_> {
    fn drop(&mut self) {
        // SAFETY: The file `open` opened, closed once.
        unsafe { bindings::filp_close(self.f, core::ptr::null_mut()) };
    }
}

/// The variable behind a sysctl of proc (`ctl_table.data`): `name` is its path under
/// proc's root ("sys/kernel/..."), `procname` its last component, `len` the size its
/// table declares (`maxlen`). It is looked up on a [`PrivateMount`] of proc: what is
/// found is the table the kernel registered under that name, whatever the callers'
/// mounts hold. `None` if there is no such sysctl.
pub(super) fn proc_sysctl_data(name: &CStr, procname: &CStr, len: usize) -> Option<*mut c_void> {
    let mnt = PrivateMount::new(c_str!("proc"))?;
    // An `O_PATH` open reaches the inode without reading it.
    let f = mnt.open(name, bindings::O_PATH).ok()?;
    // SAFETY: `f` is open on `mnt`, a mount of the type registered as "proc", which
    // fs/proc registers at boot (a second type of that name cannot be registered).
    unsafe { f.sysctl_data(procname, len) }
}

/// Whether securityfs has `name` (e.g. "apparmor"), looked up on a [`PrivateMount`]
/// of securityfs: `Some(false)` only when the lookup says it does not exist
/// (`ENOENT`); `None` when it cannot be told.
pub(crate) fn securityfs_has(name: &CStr) -> Option<bool> {
    let mnt = PrivateMount::new(c_str!("securityfs"))?;
    let has = match mnt.open(name, bindings::O_PATH) {
        Ok(_) => Some(true),
        Err(e) if e == ENOENT => Some(false),
        Err(_) => None,
    };
    has
}
