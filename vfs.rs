// SPDX-License-Identifier: GPL-2.0

//! Thin safe wrappers over the VFS objects procfs2 uses: the file system type,
//! `fs_context`, `super_block`, `inode`, `dir_context`, `kstat` and `pid_namespace`.
//!
//! fs/proc needs no such layer; it exists so that the behaviour in `rust_procfs.rs`,
//! `pde.rs` and `pid_base.rs` reads as safe Rust. Every unsafe call into the kernel or
//! into `shim.c` lives here or in `seq.rs`.

use core::ptr::NonNull;
use kernel::{
    bindings, c_str,
    error::{code::*, to_result},
    ffi::{c_char, c_int},
    prelude::*,
    str::CString,
    types::{ARef, AlwaysRefCounted, Opaque},
    ThisModule,
};

/// `SB_*` flags from `include/linux/fs.h`, which bindgen cannot evaluate (`BIT()`);
/// `shim.c` asserts at build time that they match.
pub(crate) const SB_NOSUID: usize = 1 << 1;
pub(crate) const SB_NOEXEC: usize = 1 << 3;
pub(crate) const SB_NODIRATIME: usize = 1 << 11;

/// `DT_*` directory entry types for [`DirContext::emit`].
pub(crate) const DT_DIR: u32 = bindings::DT_DIR;

mod shim {
    use kernel::{
        bindings,
        ffi::{c_char, c_int, c_void},
    };

    #[expect(
        improper_ctypes,
        reason = "pointers only; the pointee structs embed an empty sched_statistics"
    )]
    extern "C" {
        pub(super) static procfs2_fs_parameters: bindings::fs_parameter_spec;
        pub(super) fn procfs2_fc_init(
            fc: *mut bindings::fs_context,
            fs_private: *mut c_void,
            ns: *mut bindings::pid_namespace,
        );
        pub(super) fn procfs2_fc_private(fc: *mut bindings::fs_context) -> *mut c_void;
        pub(super) fn procfs2_fc_root_sb(fc: *mut bindings::fs_context)
            -> *mut bindings::super_block;
        pub(super) fn procfs2_fs_parse(
            fc: *mut bindings::fs_context,
            param: *mut bindings::fs_parameter,
            uint_32: *mut u32,
        ) -> c_int;
        pub(super) fn procfs2_param_string(param: *mut bindings::fs_parameter) -> *const c_char;
        pub(super) fn procfs2_invalf(fc: *mut bindings::fs_context, msg: *const c_char) -> c_int;
        pub(super) fn procfs2_get_pid_ns(
            ns: *mut bindings::pid_namespace,
        ) -> *mut bindings::pid_namespace;
        pub(super) fn procfs2_get_current_pid_ns() -> *mut bindings::pid_namespace;
        pub(super) fn procfs2_current_user_ns() -> *mut bindings::user_namespace;
        pub(super) fn procfs2_dir_emit(
            ctx: *mut bindings::dir_context,
            name: *const c_char,
            len: c_int,
            ino: u64,
            dtype: u32,
        ) -> bool;
        // Exported by kernel/pid_namespace.c; declared in pid_namespace.h, which the
        // bindings do not include.
        pub(super) fn put_pid_ns(ns: *mut bindings::pid_namespace);
    }
}

/// An operations table (`super_operations`, `inode_operations`, `file_operations`)
/// built once at compile time.
#[repr(transparent)]
pub(crate) struct OpsTable<T>(pub(crate) T);

// SAFETY: The tables are immutable after compilation and hold only function pointers
// and pointers to other immutable statics, so sharing them between threads is sound.
unsafe impl<T> Sync for OpsTable<T> {}

impl<T> OpsTable<T> {
    /// A table with every slot empty, for `..OpsTable::EMPTY.0`-style struct updates.
    ///
    /// # Safety
    ///
    /// `T` must be a C operations table for which all-zero bytes (null pointers, `None`
    /// callbacks) is a valid value.
    pub(crate) const unsafe fn zeroed() -> T {
        // SAFETY: The caller guarantees that the all-zero pattern is valid for `T`.
        unsafe { core::mem::zeroed() }
    }

    pub(crate) const fn as_ptr(&'static self) -> *const T {
        &self.0
    }
}

/// A file system type that is registered with the VFS for as long as the
/// [`Registration`] lives.
#[repr(transparent)]
pub(crate) struct FileSystemType(Opaque<bindings::file_system_type>);

// SAFETY: The VFS serialises all changes to a registered `file_system_type` with its
// own locks; procfs2 only writes `owner` before registering it.
unsafe impl Sync for FileSystemType {}

impl FileSystemType {
    /// Builds a file system type whose mount options are `shim.c`'s parameter table.
    pub(crate) const fn new(
        name: &'static CStr,
        fs_flags: u32,
        init_fs_context: unsafe extern "C" fn(*mut bindings::fs_context) -> c_int,
        kill_sb: unsafe extern "C" fn(*mut bindings::super_block),
    ) -> Self {
        Self(Opaque::new(bindings::file_system_type {
            name: name.as_char_ptr(),
            fs_flags: fs_flags as c_int,
            init_fs_context: Some(init_fs_context),
            parameters: &raw const shim::procfs2_fs_parameters,
            kill_sb: Some(kill_sb),
            // SAFETY: All-zero is a valid `file_system_type` (null pointers, no callbacks).
            ..unsafe { OpsTable::<bindings::file_system_type>::zeroed() }
        }))
    }
}

/// A registered file system type; unregisters it when dropped.
pub(crate) struct Registration(&'static FileSystemType);

impl Registration {
    /// Registers `fs_type`, owned by `module` so that `rmmod` is refused while a
    /// superblock of this type exists.
    pub(crate) fn new(fs_type: &'static FileSystemType, module: &'static ThisModule) -> Result<Self> {
        let raw = fs_type.0.get();
        // SAFETY: `raw` points to a valid `file_system_type` that is not registered
        // yet, so nothing else reads it while `owner` is written; it is `'static`, as
        // the VFS requires of a registered type.
        to_result(unsafe {
            (*raw).owner = module.as_ptr();
            bindings::register_filesystem(raw)
        })?;
        Ok(Self(fs_type))
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        // SAFETY: `self.0` was registered by `Registration::new`. The module cannot be
        // unloaded while a superblock of this type exists, so none is left.
        unsafe { bindings::unregister_filesystem(self.0 .0.get()) };
    }
}

/// A pid namespace.
///
/// # Invariants
///
/// The object is a valid `struct pid_namespace`, and while an [`ARef`] to it exists it
/// holds a reference taken with `get_pid_ns`.
#[repr(transparent)]
pub(crate) struct PidNamespace(Opaque<bindings::pid_namespace>);

// SAFETY: `get_pid_ns`/`put_pid_ns` may be called from any thread.
unsafe impl Send for PidNamespace {}
// SAFETY: Only reference counting is done through a shared reference.
unsafe impl Sync for PidNamespace {}

// SAFETY: The reference count is the one `get_pid_ns`/`put_pid_ns` manage, and the
// namespace is freed only when it reaches zero.
unsafe impl AlwaysRefCounted for PidNamespace {
    fn inc_ref(&self) {
        // SAFETY: By the type invariant `self.0` is a valid pid namespace.
        unsafe { shim::procfs2_get_pid_ns(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller owns one reference, which is given back here.
        unsafe { shim::put_pid_ns(obj.cast().as_ptr()) };
    }
}

impl PidNamespace {
    /// The active pid namespace of the calling task (`task_active_pid_ns(current)`).
    pub(crate) fn current() -> ARef<Self> {
        // SAFETY: `current` is alive while it runs; the helper takes a reference.
        let ns = unsafe { shim::procfs2_get_current_pid_ns() };
        // INVARIANT: `ns` is valid (a running task has an active pid namespace) and
        // carries the reference the helper took, which the `ARef` now owns.
        // SAFETY: See above; `ns` is not null.
        unsafe { ARef::from_raw(NonNull::new_unchecked(ns.cast())) }
    }

    fn as_ptr(&self) -> *mut bindings::pid_namespace {
        self.0.get()
    }
}

/// The user namespace of the calling task's credentials (`current_user_ns()`).
pub(crate) fn current_user_ns() -> *mut bindings::user_namespace {
    // SAFETY: `current`'s credentials stay valid while it runs.
    unsafe { shim::procfs2_current_user_ns() }
}

/// A group id as the kernel stores it.
pub(crate) type Kgid = u32;

/// The kernel gid for `gid` as seen in the calling task's user namespace
/// (`make_kgid(current_user_ns(), gid)`); `u32::MAX` (`INVALID_GID`) if unmapped.
pub(crate) fn make_kgid_current(gid: u32) -> Kgid {
    // SAFETY: The user namespace of `current` is valid while it runs.
    unsafe { bindings::make_kgid(current_user_ns(), gid).val }
}

/// `gid` as seen from the initial user namespace, `overflowgid` if unmapped.
pub(crate) fn from_kgid_munged_init(gid: Kgid) -> u32 {
    // SAFETY: `init_user_ns` is a static object; only its address is taken.
    unsafe { bindings::from_kgid_munged(&raw mut bindings::init_user_ns, bindings::kgid_t { val: gid }) }
}

/// Parses `s` like the kernel's `kstrtouint(s, base, ...)`; `None` if it is not a
/// number that fits.
pub(crate) fn kstrtouint(s: &CStr, base: u32) -> Option<u32> {
    let mut v = 0;
    // SAFETY: `s` is a valid NUL-terminated string and `v` a valid output location.
    let r = unsafe { bindings::kstrtouint(s.as_char_ptr(), base, &mut v) };
    (r == 0).then_some(v)
}

/// Waits for an RCU grace period (`synchronize_rcu()`).
pub(crate) fn synchronize_rcu() {
    // SAFETY: Called only from process context that may sleep (`kill_sb`).
    unsafe { bindings::synchronize_rcu() };
}

/// A mount being set up or reconfigured (`struct fs_context`).
///
/// # Invariants
///
/// The object is a valid `struct fs_context` for the duration of the callback that
/// received it; the VFS serialises the callbacks of one context.
#[repr(transparent)]
pub(crate) struct FsContext(Opaque<bindings::fs_context>);

impl FsContext {
    /// # Safety
    ///
    /// `ptr` must be a valid `fs_context` handed to a callback, used only during it.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::fs_context) -> &'a Self {
        // SAFETY: `FsContext` is transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    fn as_ptr(&self) -> *mut bindings::fs_context {
        self.0.get()
    }

    /// Installs procfs2's context operations and `private` as the context's
    /// `fs_private`; the mount's user namespace becomes the one that owns `ns`.
    pub(crate) fn init<T>(&self, private: KBox<T>, ns: &PidNamespace) {
        // SAFETY: By the type invariant the context is valid; the helper only stores
        // the pointers and swaps the counted user namespace reference.
        unsafe { shim::procfs2_fc_init(self.as_ptr(), KBox::into_raw(private).cast(), ns.as_ptr()) };
    }

    /// The `fs_private` set by [`FsContext::init`].
    ///
    /// # Safety
    ///
    /// `T` must be the type given to [`FsContext::init`] for this context, and no other
    /// reference to it may be alive (the VFS serialises the callbacks of a context).
    pub(crate) unsafe fn private<T>(&self) -> &mut T {
        // SAFETY: The pointer came from `KBox::into_raw::<T>` in `init`; exclusivity is
        // guaranteed by the caller.
        unsafe { &mut *shim::procfs2_fc_private(self.as_ptr()).cast::<T>() }
    }

    /// Takes back the `fs_private` set by [`FsContext::init`], if any.
    ///
    /// # Safety
    ///
    /// As for [`FsContext::private`], and it must be the context's last use of it.
    pub(crate) unsafe fn take_private<T>(&self) -> Option<KBox<T>> {
        // SAFETY: The context is valid by the type invariant.
        let p = unsafe { shim::procfs2_fc_private(self.as_ptr()) }.cast::<T>();
        // SAFETY: A non-null `p` came from `KBox::into_raw::<T>` and is released once.
        (!p.is_null()).then(|| unsafe { KBox::from_raw(p) })
    }

    /// The superblock a reconfiguration applies to (`fc->root->d_sb`).
    pub(crate) fn root_sb(&self) -> &SuperBlock {
        // SAFETY: `fc->root` is set for a reconfiguration and pins the superblock for
        // the duration of the callback.
        unsafe { SuperBlock::from_raw(shim::procfs2_fc_root_sb(self.as_ptr())) }
    }

    /// Looks `param` up in the parameter table (`fs_parse`): the option number and
    /// its value as a `u32` (meaningful for `fsparam_u32` options only). Unknown keys
    /// give `ENOPARAM`, which the VFS turns into "Unknown parameter"; bad values are
    /// logged by `fs_parse` itself.
    pub(crate) fn parse(&self, param: &FsParameter) -> Result<(u32, u32)> {
        let mut v = 0;
        // SAFETY: Both objects are valid by their type invariants.
        let opt = unsafe { shim::procfs2_fs_parse(self.as_ptr(), param.0.get(), &mut v) };
        to_result(opt)?;
        Ok((opt as u32, v))
    }

    /// Logs `args` as a mount error (`invalf`: dmesg, or the fsopen log) and returns
    /// `EINVAL`.
    pub(crate) fn invalf(&self, args: core::fmt::Arguments<'_>) -> Error {
        let msg = CString::try_from_fmt(args);
        let msg = msg.as_deref().unwrap_or(c_str!("procfs2: invalid mount option"));
        // SAFETY: The context is valid and `msg` is NUL-terminated; it is printed with
        // a "%s" format.
        let r = unsafe { shim::procfs2_invalf(self.as_ptr(), msg.as_char_ptr()) };
        Error::from_errno(r)
    }
}

/// One mount option being parsed (`struct fs_parameter`).
///
/// # Invariants
///
/// The object is a valid `struct fs_parameter` for the duration of `parse_param`.
#[repr(transparent)]
pub(crate) struct FsParameter(Opaque<bindings::fs_parameter>);

impl FsParameter {
    /// # Safety
    ///
    /// `ptr` must be the valid parameter handed to `parse_param`, used only during it.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::fs_parameter) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The value, if the parameter is a string (`fs_value_is_string`).
    pub(crate) fn string(&self) -> Option<&CStr> {
        // SAFETY: The parameter is valid by the type invariant.
        let s = unsafe { shim::procfs2_param_string(self.0.get()) };
        // SAFETY: A non-null string value is NUL-terminated and lives as long as the
        // parameter.
        (!s.is_null()).then(|| unsafe { CStr::from_char_ptr(s) })
    }
}

/// A superblock.
///
/// # Invariants
///
/// The object is a valid `struct super_block` while a reference to it exists.
#[repr(transparent)]
pub(crate) struct SuperBlock(Opaque<bindings::super_block>);

impl SuperBlock {
    /// # Safety
    ///
    /// `ptr` must be a valid superblock that outlives `'a`.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::super_block) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    fn as_ptr(&self) -> *mut bindings::super_block {
        self.0.get()
    }

    /// Sets up the fields `proc_fill_super` sets: flags, block size, magic, operations,
    /// time granularity and stacking depth. Called once, from `fill_super`, before the
    /// superblock is visible to anyone else.
    pub(crate) fn setup(
        &self,
        flags: usize,
        iflags: usize,
        blocksize_bits: u8,
        magic: usize,
        ops: &'static OpsTable<bindings::super_operations>,
    ) {
        let sb = self.as_ptr();
        // SAFETY: `fill_super` runs with the superblock locked and not yet live, so
        // these plain writes race with nothing; `s_shrink` is allocated by `sget_fc`
        // before `fill_super` is called.
        unsafe {
            (*sb).s_flags |= flags;
            (*sb).s_iflags |= iflags;
            (*sb).s_blocksize_bits = blocksize_bits;
            (*sb).s_blocksize = 1 << blocksize_bits;
            (*sb).s_magic = magic;
            (*sb).s_op = ops.as_ptr();
            (*sb).s_time_gran = 1;
            (*sb).s_stack_depth = bindings::FILESYSTEM_MAX_STACK_DEPTH as c_int;
            // Nothing here needs I/O to recreate.
            (*(*sb).s_shrink).seeks = 0;
        }
    }

    /// Hands `info` to the superblock as its `s_fs_info`; `kill_sb` takes it back with
    /// [`SuperBlock::take_fs_info`].
    pub(crate) fn set_fs_info<T>(&self, info: KBox<T>) {
        // SAFETY: Called once from `fill_super`, before anything reads `s_fs_info`.
        unsafe { (*self.as_ptr()).s_fs_info = KBox::into_raw(info).cast() };
    }

    /// The superblock's `s_fs_info`.
    ///
    /// # Safety
    ///
    /// `T` must be the type given to [`SuperBlock::set_fs_info`], and it must have been
    /// set (the superblock is live).
    pub(crate) unsafe fn fs_info<T>(&self) -> &T {
        // SAFETY: Per the caller, `s_fs_info` points to a live `T` that is freed only
        // in `kill_sb`, after the last user of the superblock.
        unsafe { &*(*self.as_ptr()).s_fs_info.cast::<T>() }
    }

    /// Takes back the `s_fs_info` set by [`SuperBlock::set_fs_info`], if any.
    ///
    /// # Safety
    ///
    /// As for [`SuperBlock::fs_info`]; called once, from `kill_sb`.
    pub(crate) unsafe fn take_fs_info<T>(&self) -> Option<KBox<T>> {
        let sb = self.as_ptr();
        // SAFETY: The superblock is valid; `kill_sb` is its last user.
        let p = unsafe { core::mem::replace(&mut (*sb).s_fs_info, core::ptr::null_mut()) };
        // SAFETY: A non-null `p` came from `KBox::into_raw::<T>` and is released once.
        (!p.is_null()).then(|| unsafe { KBox::from_raw(p.cast::<T>()) })
    }

    /// A new inode of this superblock (`new_inode`).
    pub(crate) fn new_inode(&self) -> Result<NewInode> {
        // SAFETY: The superblock is valid.
        let inode = unsafe { bindings::new_inode(self.as_ptr()) };
        // INVARIANT: `new_inode` returns an inode we hold the only reference to, or null.
        NonNull::new(inode).map(NewInode).ok_or(ENOMEM)
    }

    /// Makes `inode` the root (`d_make_root`).
    pub(crate) fn make_root(&self, inode: NewInode) -> Result {
        let raw = inode.into_raw();
        // SAFETY: `d_make_root` consumes our reference to `raw`, also on failure.
        let root = unsafe { bindings::d_make_root(raw) };
        if root.is_null() {
            return Err(ENOMEM);
        }
        // SAFETY: `fill_super` owns the superblock; the VFS drops `s_root` on teardown.
        unsafe { (*self.as_ptr()).s_root = root };
        Ok(())
    }

    /// Ends the superblock (`kill_anon_super`).
    ///
    /// # Safety
    ///
    /// Only from `kill_sb`; the superblock must not be used afterwards.
    pub(crate) unsafe fn kill_anon(&self) {
        // SAFETY: Per the caller.
        unsafe { bindings::kill_anon_super(self.as_ptr()) };
    }

    /// Writes back whatever is dirty (`sync_filesystem`); nothing is, for procfs2, but
    /// fs/proc calls it on reconfiguration too.
    pub(crate) fn sync(&self) -> Result {
        // SAFETY: The superblock is valid and `s_umount` is held by the reconfigure path.
        to_result(unsafe { bindings::sync_filesystem(self.as_ptr()) })
    }
}

/// A dentry.
///
/// # Invariants
///
/// The object is a valid `struct dentry` while a reference to it exists.
#[repr(transparent)]
pub(crate) struct Dentry(Opaque<bindings::dentry>);

impl Dentry {
    /// # Safety
    ///
    /// `ptr` must be a valid dentry that outlives `'a`.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::dentry) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The superblock the dentry belongs to.
    pub(crate) fn super_block(&self) -> &SuperBlock {
        // SAFETY: A dentry's `d_sb` is set at allocation and outlives it.
        unsafe { SuperBlock::from_raw((*self.0.get()).d_sb) }
    }
}

/// An inode just allocated by [`SuperBlock::new_inode`] and not yet published.
///
/// # Invariants
///
/// Holds the only reference to a valid inode that no other thread can see yet.
pub(crate) struct NewInode(NonNull<bindings::inode>);

impl NewInode {
    /// Sets what `proc_get_inode` sets for an entry: number, mode, link count,
    /// operations, and all three times to now.
    pub(crate) fn init(
        &mut self,
        ino: u64,
        mode: u16,
        nlink: u32,
        iops: &'static OpsTable<bindings::inode_operations>,
        fops: &'static OpsTable<bindings::file_operations>,
    ) {
        let inode = self.0.as_ptr();
        // SAFETY: By the type invariant the inode is valid and private to us.
        unsafe {
            (*inode).i_ino = ino as _;
            (*inode).i_mode = mode;
            bindings::set_nlink(inode, nlink);
            (*inode).i_op = iops.as_ptr();
            (*inode).__bindgen_anon_3.i_fop = fops.as_ptr();
            bindings::simple_inode_init_ts(inode);
        }
    }

    fn into_raw(self) -> *mut bindings::inode {
        let p = self.0.as_ptr();
        core::mem::forget(self);
        p
    }
}

impl Drop for NewInode {
    fn drop(&mut self) {
        // SAFETY: We own the only reference (type invariant).
        unsafe { bindings::iput(self.0.as_ptr()) };
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
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::dir_context) -> &'a Self {
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
        unsafe { shim::procfs2_dir_emit(self.0.get(), name.as_ptr().cast::<c_char>(), len, ino, dtype) }
    }

    /// Emits `.` (ino `ino`) and `..` (ino `parent_ino`) at positions 0 and 1, as
    /// `dir_emit_dots` does; `false` if the reader's buffer filled up.
    pub(crate) fn emit_dots(&self, ino: u64, parent_ino: u64) -> bool {
        if self.pos() == 0 {
            if !self.emit(b".", ino, DT_DIR) {
                return false;
            }
            self.set_pos(1);
        }
        if self.pos() == 1 {
            if !self.emit(b"..", parent_ino, DT_DIR) {
                return false;
            }
            self.set_pos(2);
        }
        true
    }
}

/// The attributes `getattr` fills in (`struct kstat`).
///
/// # Invariants
///
/// The object is a valid, exclusively borrowed `kstat` during `getattr`.
#[repr(transparent)]
pub(crate) struct Kstat(Opaque<bindings::kstat>);

impl Kstat {
    /// Fills `stat` from the inode of `path` (`generic_fillattr` with no idmapping) and
    /// returns it for adjustments.
    ///
    /// # Safety
    ///
    /// `path` and `stat` must be the valid arguments of a `getattr` callback; the
    /// result is used only during it.
    pub(crate) unsafe fn fill<'a>(
        path: *const bindings::path,
        stat: *mut bindings::kstat,
        request_mask: u32,
    ) -> &'a Self {
        // SAFETY: `path->dentry` is a positive dentry for `getattr`, pinned by `path`.
        unsafe {
            let inode = (*(*path).dentry).d_inode;
            bindings::generic_fillattr(&raw mut bindings::nop_mnt_idmap, request_mask, inode, stat);
            &*stat.cast()
        }
    }

    /// Overrides the link count.
    pub(crate) fn set_nlink(&self, nlink: u32) {
        // SAFETY: Exclusively ours during `getattr` (type invariant).
        unsafe { (*self.0.get()).nlink = nlink };
    }
}
