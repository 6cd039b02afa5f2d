// SPDX-License-Identifier: GPL-2.0

//! Thin safe wrappers over the VFS objects procfs2 uses: the file system type,
//! `fs_context`, `super_block`, `inode`, `dir_context`, `kstat` and `pid_namespace`.
//!
//! fs/proc needs no such layer; it exists so that the behaviour in `rust_procfs.rs`,
//! `pde.rs` and `pid_base.rs` reads as safe Rust. Every unsafe call into the kernel or
//! into `shim.c` lives here or in `seq.rs`.

use crate::{pde::ProcDirEntry, pid_base::PidEntry, task::Pid};
use core::{
    ptr::NonNull,
    sync::atomic::{AtomicPtr, Ordering},
};
use kernel::{
    bindings, c_str,
    error::{code::*, from_err_ptr, to_result},
    ffi::{c_char, c_int, c_void},
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

/// `LOOKUP_RCU` from `include/linux/namei.h`, which the bindings do not include.
pub(crate) const LOOKUP_RCU: u32 = 0x40;

/// `DT_*` directory entry types for [`DirContext::emit`].
pub(crate) const DT_DIR: u32 = bindings::DT_DIR;
pub(crate) const DT_LNK: u32 = bindings::DT_LNK;
pub(crate) const DT_REG: u32 = bindings::DT_REG;

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
        pub(super) fn procfs2_fc_root_sb(
            fc: *mut bindings::fs_context,
        ) -> *mut bindings::super_block;
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
        pub(super) fn procfs2_pid_allocated(ns: *mut bindings::pid_namespace) -> u32;
        pub(super) fn procfs2_jiffies() -> kernel::ffi::c_ulong;
        pub(super) fn procfs2_current_user_ns() -> *mut bindings::user_namespace;
        pub(super) fn procfs2_current_fsuid_fsgid(uid: *mut u32, gid: *mut u32);
        pub(super) fn procfs2_dir_emit(
            ctx: *mut bindings::dir_context,
            name: *const c_char,
            len: c_int,
            ino: u64,
            dtype: u32,
        ) -> bool;
        pub(super) fn procfs2_ida_alloc(max: u32) -> c_int;
        pub(super) fn procfs2_ida_free(id: u32);
        pub(super) fn procfs2_init_completion(c: *mut bindings::completion);
        pub(super) fn procfs2_kmem_cache_create(
            name: *const c_char,
            size: u32,
            align: u32,
            ctor: Option<unsafe extern "C" fn(*mut c_void)>,
        ) -> *mut bindings::kmem_cache;
        pub(super) fn procfs2_alloc_inode_sb(
            sb: *mut bindings::super_block,
            cache: *mut bindings::kmem_cache,
        ) -> *mut c_void;
        pub(super) fn procfs2_current_tgid_nr_ns(ns: *mut bindings::pid_namespace) -> c_int;
        pub(super) fn procfs2_pid_ns_last_pid(ns: *mut bindings::pid_namespace) -> c_int;
        pub(super) fn procfs2_current_pid_nr_ns(ns: *mut bindings::pid_namespace) -> c_int;
        // Exported by kernel/pid_namespace.c; declared in pid_namespace.h, which the
        // bindings do not include.
        pub(super) fn put_pid_ns(ns: *mut bindings::pid_namespace);
        pub(super) fn procfs2_dont_mount(d: *mut bindings::dentry);
        pub(super) fn procfs2_file_parent_ino(file: *mut bindings::file) -> core::ffi::c_ulong;
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
    pub(crate) fn new(
        fs_type: &'static FileSystemType,
        module: &'static ThisModule,
    ) -> Result<Self> {
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

    /// The number of pids allocated in this namespace (`pid_allocated`): every fork
    /// and every release of a pid changes it.
    pub(crate) fn pid_allocated(&self) -> u32 {
        // SAFETY: The namespace is valid.
        unsafe { shim::procfs2_pid_allocated(self.as_ptr()) }
    }

    pub(crate) fn as_ptr(&self) -> *mut bindings::pid_namespace {
        self.0.get()
    }

    /// The calling task's thread group id as seen in this namespace, `None` if the
    /// task is not visible there (`task_tgid_nr_ns(current, ns)`).
    pub(crate) fn current_tgid(&self) -> Option<u32> {
        // SAFETY: `current` is alive and the namespace valid (type invariant).
        let nr = unsafe { shim::procfs2_current_tgid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
    }

    /// The last pid handed out in this namespace (`idr_get_cursor(&ns->idr) - 1`).
    pub(crate) fn last_pid(&self) -> i32 {
        // SAFETY: The namespace is valid (type invariant); the cursor is a plain read.
        unsafe { shim::procfs2_pid_ns_last_pid(self.as_ptr()) }
    }

    /// The calling thread's id as seen in this namespace (`task_pid_nr_ns`).
    pub(crate) fn current_pid(&self) -> Option<u32> {
        // SAFETY: As for `current_tgid`.
        let nr = unsafe { shim::procfs2_current_pid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
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
    unsafe {
        bindings::from_kgid_munged(
            &raw mut bindings::init_user_ns,
            bindings::kgid_t { val: gid },
        )
    }
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
        unsafe {
            shim::procfs2_fc_init(self.as_ptr(), KBox::into_raw(private).cast(), ns.as_ptr())
        };
    }

    /// The `fs_private` set by [`FsContext::init`].
    ///
    /// # Safety
    ///
    /// `T` must be the type given to [`FsContext::init`] for this context, and no other
    /// reference to it may be alive (the VFS serialises the callbacks of a context).
    #[expect(
        clippy::mut_from_ref,
        reason = "the VFS serialises a context's callbacks"
    )]
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
        let msg = msg
            .as_deref()
            .unwrap_or(c_str!("procfs2: invalid mount option"));
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
        let p = unsafe { core::mem::take(&mut (*sb).s_fs_info) };
        // SAFETY: A non-null `p` came from `KBox::into_raw::<T>` and is released once.
        (!p.is_null()).then(|| unsafe { KBox::from_raw(p.cast::<T>()) })
    }

    /// The root dentry, once `fill_super` has made it.
    pub(crate) fn root(&self) -> &Dentry {
        // SAFETY: `s_root` is set by `make_root` and lives as long as the superblock.
        unsafe { Dentry::from_raw((*self.as_ptr()).s_root) }
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

/// An id for an entry's inode number (`proc_alloc_inum`'s IDA), at most `max`.
pub(crate) fn ida_alloc(max: u32) -> Result<u32> {
    // SAFETY: The IDA is a static in `shim.c`; allocation may sleep, callers may too.
    let id = unsafe { shim::procfs2_ida_alloc(max) };
    to_result(id)?;
    Ok(id as u32)
}

/// Gives back an id from [`ida_alloc`].
pub(crate) fn ida_free(id: u32) {
    // SAFETY: `id` came from `ida_alloc` and is freed once.
    unsafe { shim::procfs2_ida_free(id) };
}

/// A completion that lives on the waiter's stack (`DECLARE_COMPLETION_ONSTACK`).
pub(crate) struct Completion(Opaque<bindings::completion>);

impl Completion {
    pub(crate) fn new() -> Self {
        let c = Self(Opaque::uninit());
        // SAFETY: Initialises the completion in place; it is not shared yet.
        unsafe { shim::procfs2_init_completion(c.0.get()) };
        c
    }

    /// The pointer a completer passes to [`complete`]; valid while `self` is.
    pub(crate) fn as_ptr(&self) -> *mut bindings::completion {
        self.0.get()
    }

    /// Sleeps until [`complete`] is called on it.
    pub(crate) fn wait(&self) {
        // SAFETY: Initialised in `new`; waiting may sleep, which the callers allow.
        unsafe { bindings::wait_for_completion(self.0.get()) };
    }
}

/// Wakes the waiter of a [`Completion`] (`complete`).
pub(crate) fn complete(c: *mut bindings::completion) {
    // SAFETY: `c` came from `Completion::as_ptr` of a waiter that cannot return before
    // this call wakes it.
    unsafe { bindings::complete(c) };
}

/// procfs2's inode (`struct proc_inode`): the VFS inode and what it shows, an entry
/// of the tree or a (pid, per-process table entry) pair.
#[repr(C)]
struct ProcInode {
    pde: Option<ARef<ProcDirEntry>>,
    pid: Option<ARef<Pid>>,
    pident: Option<&'static PidEntry>,
    /// The fd an `fd/` or `fdinfo/` inode shows.
    fd: u32,
    vfs_inode: Opaque<bindings::inode>,
}

/// The slab cache of [`ProcInode`]s (`proc_inode_cachep`), set while the module is
/// loaded.
static INODE_CACHE: AtomicPtr<bindings::kmem_cache> = AtomicPtr::new(core::ptr::null_mut());

/// Owns the inode cache for the module's lifetime.
pub(crate) struct InodeCache;

impl InodeCache {
    pub(crate) fn new() -> Result<Self> {
        // SAFETY: The name is a static string; the constructor initialises the VFS
        // part of each object once, as `init_once` does in fs/proc.
        let cache = unsafe {
            shim::procfs2_kmem_cache_create(
                c_str!("procfs2_inode_cache").as_char_ptr(),
                core::mem::size_of::<ProcInode>() as u32,
                core::mem::align_of::<ProcInode>() as u32,
                Some(init_once),
            )
        };
        if cache.is_null() {
            return Err(ENOMEM);
        }
        INODE_CACHE.store(cache, Ordering::Release);
        Ok(Self)
    }
}

impl Drop for InodeCache {
    fn drop(&mut self) {
        let cache = INODE_CACHE.swap(core::ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: Inodes are freed after an RCU grace period (`free_inode`); waiting
        // for the pending callbacks leaves the cache empty before it is destroyed.
        unsafe {
            bindings::rcu_barrier();
            bindings::kmem_cache_destroy(cache);
        }
    }
}

/// Slab constructor: the VFS part of a new object (`init_once`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn init_once(obj: *mut c_void) {
    let pi = obj.cast::<ProcInode>();
    // SAFETY: The slab hands us an object of the cache's size and alignment.
    unsafe { bindings::inode_init_once(Opaque::raw_get(&raw const (*pi).vfs_inode)) };
}

/// `super_operations.alloc_inode` (`proc_alloc_inode`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
pub(crate) unsafe extern "C" fn alloc_inode(
    sb: *mut bindings::super_block,
) -> *mut bindings::inode {
    let cache = INODE_CACHE.load(Ordering::Acquire);
    // SAFETY: The cache exists while a superblock does (the module is pinned).
    let pi = unsafe { shim::procfs2_alloc_inode_sb(sb, cache) }.cast::<ProcInode>();
    if pi.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: `pi` is a constructed object; its Rust fields are plain memory until
    // written.
    unsafe {
        (&raw mut (*pi).pde).write(None);
        (&raw mut (*pi).pid).write(None);
        (&raw mut (*pi).pident).write(None);
        (&raw mut (*pi).fd).write(0);
        Opaque::raw_get(&raw const (*pi).vfs_inode)
    }
}

/// `super_operations.free_inode` (`proc_free_inode`), after an RCU grace period:
/// drops the pid reference here, not at eviction, because an RCU path walk may still
/// read it through a dentry killed meanwhile (`pid_revalidate`). `put_pid` may run in
/// this context (the pid code itself calls it from an RCU callback).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
pub(crate) unsafe extern "C" fn free_inode(inode: *mut bindings::inode) {
    // SAFETY: `inode` came from `alloc_inode`, so it sits in a `ProcInode`, whose
    // entry reference was dropped by `evict_inode`; no one else sees it any more.
    unsafe {
        drop((*container_of(inode)).pid.take());
        bindings::kmem_cache_free(
            INODE_CACHE.load(Ordering::Acquire),
            container_of(inode).cast(),
        )
    };
}

/// `super_operations.evict_inode` (`proc_evict_inode`): drops the entry reference
/// (the pid reference goes in `free_inode`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
pub(crate) unsafe extern "C" fn evict_inode(inode: *mut bindings::inode) {
    // SAFETY: The VFS evicts an inode of ours exactly once, with no other user left.
    unsafe {
        bindings::truncate_inode_pages_final(&raw mut (*inode).i_data);
        bindings::clear_inode(inode);
        drop((*container_of(inode)).pde.take());
    }
}

fn container_of(inode: *mut bindings::inode) -> *mut ProcInode {
    let offset = core::mem::offset_of!(ProcInode, vfs_inode);
    // SAFETY: Every inode of a procfs2 superblock is the `vfs_inode` of a `ProcInode`.
    unsafe { inode.byte_sub(offset).cast() }
}

/// The current tick (`jiffies`).
pub(crate) fn jiffies() -> u64 {
    // SAFETY: Reads a global counter.
    unsafe { shim::procfs2_jiffies() as u64 }
}

/// An inode of a procfs2 superblock.
///
/// # Invariants
///
/// The object is the valid `vfs_inode` of a [`ProcInode`] while a reference exists.
#[repr(transparent)]
pub(crate) struct Inode(Opaque<bindings::inode>);

impl Inode {
    /// # Safety
    ///
    /// `ptr` must be a valid procfs2 inode that outlives `'a`.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::inode) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The entry the inode shows, if it is an entry's inode.
    pub(crate) fn pde(&self) -> Option<&ProcDirEntry> {
        // SAFETY: `pde` is written before the inode is published and only cleared by
        // `evict_inode`, after the last user.
        unsafe { (*container_of(self.0.get())).pde.as_deref() }
    }

    fn as_ptr(&self) -> *mut bindings::inode {
        self.0.get()
    }

    /// The pid a per-process inode shows (`proc_pid`).
    pub(crate) fn pid(&self) -> Option<&Pid> {
        // SAFETY: `pid` is written before the inode is published and only cleared by
        // `free_inode`, a grace period after the last user, RCU walkers included.
        unsafe { (*container_of(self.0.get())).pid.as_deref() }
    }

    /// The per-process table entry the inode shows (`PROC_I(inode)->op`).
    pub(crate) fn pident(&self) -> Option<&'static PidEntry> {
        // SAFETY: As for `pde`.
        unsafe { (*container_of(self.0.get())).pident }
    }

    /// The fd an `fd/` or `fdinfo/` inode shows (`proc_fd`).
    pub(crate) fn fd(&self) -> u32 {
        // SAFETY: As for `pde`.
        unsafe { (*container_of(self.0.get())).fd }
    }

    /// Re-sets the permission bits of a live fd link (`tid_fd_update_inode`).
    pub(crate) fn update_mode(&self, mode: u16) {
        // SAFETY: The inode is valid; `i_mode` is a plain word, rewritten as fs/proc
        // does.
        unsafe { (*self.0.get()).i_mode = mode };
    }

    /// The inode's mode.
    pub(crate) fn mode(&self) -> u16 {
        // SAFETY: `i_mode` does not change once the inode is published.
        unsafe { (*self.0.get()).i_mode }
    }

    /// Re-sets the owner of a live inode (`pid_update_inode`); plain stores, as in
    /// fs/proc, which readers tolerate.
    pub(crate) fn update_owner(&self, uid: u32, gid: u32) {
        // SAFETY: The inode is valid; `i_uid`/`i_gid` are plain words.
        unsafe {
            (*self.0.get()).i_uid = bindings::kuid_t { val: uid };
            (*self.0.get()).i_gid = bindings::kgid_t { val: gid };
        }
    }

    pub(crate) fn super_block(&self) -> &SuperBlock {
        // SAFETY: `i_sb` is set at allocation and outlives the inode.
        unsafe { SuperBlock::from_raw((*self.0.get()).i_sb) }
    }

    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: `i_ino` does not change once the inode is published.
        unsafe { (*self.0.get()).i_ino as u64 }
    }
}

/// The inode of an open file (`file_inode`).
///
/// # Safety
///
/// `file` must be an open file of a procfs2 superblock, for the duration of `'a`.
pub(crate) unsafe fn file_inode<'a>(file: *mut bindings::file) -> &'a Inode {
    // SAFETY: An open file pins its inode.
    unsafe { Inode::from_raw((*file).f_inode) }
}

/// Whether the caller is in group `gid` (`in_group_p`).
pub(crate) fn in_group_p(gid: Kgid) -> bool {
    // SAFETY: Reads the caller's credentials.
    unsafe { bindings::in_group_p(bindings::kgid_t { val: gid }) != 0 }
}

/// The permission bits check of `inode` for `mask` (`generic_permission`, no
/// idmapping).
pub(crate) fn generic_permission(inode: &Inode, mask: c_int) -> c_int {
    // SAFETY: The inode is valid; `nop_mnt_idmap` is the kernel's static identity map.
    unsafe { bindings::generic_permission(&raw mut bindings::nop_mnt_idmap, inode.as_ptr(), mask) }
}

/// What an `iterate_shared` callback works with: the directory's inode, the reader's
/// context, and the inode number of the directory's parent (for `..`).
///
/// # Safety
///
/// `file` and `ctx` must be the arguments of an `iterate_shared` call on a procfs2
/// directory; the results are used only during that call.
pub(crate) unsafe fn readdir_args<'a>(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> (&'a Inode, &'a DirContext, u64) {
    // SAFETY: Per the caller: an open directory of ours and its reader's context.
    unsafe {
        (
            file_inode(file),
            DirContext::from_raw(ctx),
            file_parent_ino(file),
        )
    }
}

/// The inode number of the parent of an open directory (`parent_ino`).
///
/// # Safety
///
/// `file` must be an open file.
pub(crate) unsafe fn file_parent_ino(file: *mut bindings::file) -> u64 {
    // SAFETY: An open file pins its dentry, whose parent is valid under `d_lock`.
    unsafe { shim::procfs2_file_parent_ino(file) as u64 }
}

/// The result of a `get_link` whose target is the bytes `target`, copied into a
/// buffer that the VFS frees with `kfree_link`.
///
/// # Safety
///
/// `done` must be the argument of the `get_link` call being answered.
pub(crate) unsafe fn link_bytes(done: *mut bindings::delayed_call, target: &[u8]) -> *const c_char {
    let mut v = KVec::new();
    if v.extend_from_slice(target, GFP_KERNEL).is_err() || v.push(0, GFP_KERNEL).is_err() {
        return ENOMEM.to_ptr();
    }
    let (p, _, _) = v.into_raw_parts();
    // SAFETY: `done` is valid; `kfree_link` frees `p`, which `kmalloc` allocated.
    unsafe {
        (*done).fn_ = Some(bindings::kfree_link);
        (*done).arg = p.cast();
    }
    p.cast()
}

/// The result of a `get_link` whose target is computed: `args` formatted into a
/// buffer that the VFS frees with `kfree_link` when done. In RCU walk mode (no
/// dentry) the buffer is allocated without sleeping (`GFP_ATOMIC`, as fs/proc's
/// `self` does); only if that fails is the caller asked to retry in ref-walk mode
/// (`ECHILD`).
///
/// # Safety
///
/// `dentry` and `done` must be the arguments of the `get_link` call being answered.
pub(crate) unsafe fn link_target(
    dentry: *mut bindings::dentry,
    done: *mut bindings::delayed_call,
    args: core::fmt::Arguments<'_>,
) -> *const c_char {
    let rcu_walk = dentry.is_null();
    let flags = if rcu_walk { GFP_ATOMIC } else { GFP_KERNEL };
    let Ok(mut buf) = KBox::new([0u8; 32], flags) else {
        return if rcu_walk { ECHILD } else { ENOMEM }.to_ptr();
    };
    let mut w = LinkWriter {
        buf: &mut buf[..31],
        len: 0,
    };
    if core::fmt::write(&mut w, args).is_err() {
        return Error::from_errno(-(bindings::ENAMETOOLONG as i32)).to_ptr();
    }
    let p = KBox::into_raw(buf).cast::<c_char>();
    // SAFETY: `done` is valid; `kfree_link` frees `p`, which `kmalloc` allocated.
    unsafe {
        (*done).fn_ = Some(bindings::kfree_link);
        (*done).arg = p.cast();
    }
    p
}

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

/// What a `lookup` callback returns for `r`: the dentry, or the error as a pointer.
pub(crate) fn lookup_result(r: Result<*mut bindings::dentry>) -> *mut bindings::dentry {
    r.unwrap_or_else(|e| e.to_ptr())
}

/// `simple_symlink_inode_operations`, for links whose target is `i_link`.
pub(crate) fn simple_symlink_iops() -> &'static OpsTable<bindings::inode_operations> {
    // SAFETY: An exported, immutable table; `OpsTable` is transparent over it.
    unsafe { &*(&raw const bindings::simple_symlink_inode_operations).cast() }
}

/// An inode just allocated by [`SuperBlock::new_inode`] and not yet published.
///
/// # Invariants
///
/// Holds the only reference to a valid procfs2 inode that no other thread can see.
pub(crate) struct NewInode(NonNull<bindings::inode>);

impl NewInode {
    fn raw(&mut self) -> *mut bindings::inode {
        self.0.as_ptr()
    }

    /// Sets the inode number and all three times to now.
    pub(crate) fn set_ino(&mut self, ino: u64) {
        let inode = self.raw();
        // SAFETY: By the type invariant the inode is valid and private to us.
        unsafe {
            (*inode).i_ino = ino as _;
            bindings::simple_inode_init_ts(inode);
        }
    }

    /// Sets mode, link count and operations (`fops` none for symlinks).
    pub(crate) fn set_attrs(
        &mut self,
        mode: u16,
        nlink: u32,
        iops: &'static OpsTable<bindings::inode_operations>,
        fops: Option<&'static OpsTable<bindings::file_operations>>,
    ) {
        let inode = self.raw();
        // SAFETY: Valid and private (type invariant).
        unsafe {
            (*inode).i_mode = mode;
            bindings::set_nlink(inode, nlink);
            (*inode).i_op = iops.as_ptr();
            (*inode).__bindgen_anon_3.i_fop = fops.map_or(core::ptr::null(), OpsTable::as_ptr);
        }
    }

    /// Sets the owner (kernel uid and gid).
    pub(crate) fn set_owner(&mut self, uid: u32, gid: u32) {
        let inode = self.raw();
        // SAFETY: Valid and private (type invariant).
        unsafe {
            (*inode).i_uid = bindings::kuid_t { val: uid };
            (*inode).i_gid = bindings::kgid_t { val: gid };
        }
    }

    pub(crate) fn set_size(&mut self, size: i64) {
        // SAFETY: Valid and private (type invariant).
        unsafe { (*self.raw()).i_size = size };
    }

    /// Makes the inode a symlink to `target`, a NUL-terminated string that must live
    /// as long as the inode (the inode's entry owns it).
    pub(crate) fn set_link(&mut self, target: *const u8) {
        // SAFETY: Valid and private (type invariant).
        unsafe { (*self.raw()).__bindgen_anon_4.i_link = target.cast_mut() };
    }

    /// Makes the caller's fsuid and fsgid the owner.
    pub(crate) fn set_owner_current_fs(&mut self) {
        let (mut uid, mut gid) = (0, 0);
        // SAFETY: Valid output locations; `current`'s credentials are valid.
        unsafe { shim::procfs2_current_fsuid_fsgid(&mut uid, &mut gid) };
        self.set_owner(uid, gid);
    }

    /// Hands the inode a reference to the entry it shows.
    pub(crate) fn set_pde(&mut self, de: ARef<ProcDirEntry>) {
        // SAFETY: The inode is a `ProcInode` and still private to us.
        unsafe { (*container_of(self.raw())).pde = Some(de) };
    }

    /// Hands the inode a reference to the pid it shows, and its table entry.
    pub(crate) fn set_pid(&mut self, pid: ARef<Pid>, ent: &'static PidEntry) {
        // SAFETY: The inode is a `ProcInode` and still private to us.
        unsafe {
            (*container_of(self.raw())).pid = Some(pid);
            (*container_of(self.raw())).pident = Some(ent);
        }
    }

    /// Sets the mode alone.
    pub(crate) fn set_mode(&mut self, mode: u16) {
        // SAFETY: Valid and private (type invariant).
        unsafe { (*self.raw()).i_mode = mode };
    }

    /// Sets the fd an `fd/` or `fdinfo/` inode shows.
    pub(crate) fn set_fd(&mut self, fd: u32) {
        // SAFETY: The inode is a `ProcInode` and still private to us.
        unsafe { (*container_of(self.raw())).fd = fd };
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

/// A dentry of a procfs2 superblock.
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

    /// The name being looked up or the dentry's name. Stable during `lookup`, where
    /// the parent's inode lock keeps it from being renamed.
    pub(crate) fn name(&self) -> &[u8] {
        // SAFETY: `d_name` points to `len` valid bytes while the dentry is pinned.
        unsafe {
            let q = &(*self.0.get()).d_name;
            core::slice::from_raw_parts(q.name, q.__bindgen_anon_1.__bindgen_anon_1.len as usize)
        }
    }

    /// The dentry's inode, if it is positive.
    pub(crate) fn inode(&self) -> Option<&Inode> {
        // SAFETY: A positive dentry pins its inode; the inode is one of ours.
        unsafe {
            let inode = (*self.0.get()).d_inode;
            (!inode.is_null()).then(|| Inode::from_raw(inode))
        }
    }

    /// The inode as a `d_revalidate` in RCU walk mode (`LOOKUP_RCU`) may see it
    /// (`d_inode_rcu`): the dentry can be killed meanwhile, but the inode it pointed
    /// to is freed only after a grace period (`free_inode`), so it stays readable
    /// until the walk leaves its RCU read-side section.
    pub(crate) fn inode_rcu(&self) -> Option<&Inode> {
        // SAFETY: `d_inode` is a valid field; READ_ONCE semantics for a pointer that
        // `d_delete` may clear concurrently.
        let inode = unsafe { core::ptr::addr_of!((*self.0.get()).d_inode).read_volatile() };
        // SAFETY: Non-NULL: one of our inodes, readable as explained above.
        (!inode.is_null()).then(|| unsafe { Inode::from_raw(inode) })
    }

    /// Sets the dentry operations (`d_set_d_op`), before the dentry is instantiated.
    pub(crate) fn set_ops(&self, ops: &'static OpsTable<bindings::dentry_operations>) {
        // SAFETY: Called during `lookup`, before the dentry has an inode.
        unsafe { bindings::d_set_d_op(self.0.get(), ops.as_ptr()) };
    }

    /// Forbids mounting on the dentry (`dont_mount`).
    pub(crate) fn dont_mount(&self) {
        // SAFETY: The dentry is valid.
        unsafe { shim::procfs2_dont_mount(self.0.get()) };
    }

    /// Attaches `inode` to the dentry being looked up (`d_splice_alias`); returns
    /// what `lookup` should return.
    pub(crate) fn splice_alias(&self, inode: NewInode) -> Result<*mut bindings::dentry> {
        // SAFETY: `d_splice_alias` consumes our inode reference, also on error.
        from_err_ptr(unsafe { bindings::d_splice_alias(inode.into_raw(), self.0.get()) })
    }

    /// Adds a child `name` of this (root) dentry with `inode` (`d_alloc_name` and
    /// `d_add`), returning the counted child.
    pub(crate) fn add_child(&self, name: &CStr, inode: NewInode) -> Result<DentryRef> {
        // SAFETY: The dentry is valid; `d_alloc_name` returns a new counted dentry.
        let d = unsafe { bindings::d_alloc_name(self.0.get(), name.as_char_ptr()) };
        let Some(d) = NonNull::new(d) else {
            return Err(ENOMEM);
        };
        // SAFETY: `d` is new and negative; `d_add` consumes our inode reference.
        unsafe { bindings::d_add(d.as_ptr(), inode.into_raw()) };
        Ok(DentryRef(d))
    }
}

/// A counted dentry reference, dropped with `dput`.
///
/// # Invariants
///
/// Owns one reference to a valid dentry.
pub(crate) struct DentryRef(NonNull<bindings::dentry>);

// SAFETY: `dput` may be called from any thread.
unsafe impl Send for DentryRef {}
// SAFETY: Only `dput` is done with it.
unsafe impl Sync for DentryRef {}

impl DentryRef {
    pub(crate) fn dentry(&self) -> &Dentry {
        // SAFETY: Valid while we hold the reference (type invariant).
        unsafe { Dentry::from_raw(self.0.as_ptr()) }
    }
}

impl Drop for DentryRef {
    fn drop(&mut self) {
        // SAFETY: We own one reference (type invariant).
        unsafe { bindings::dput(self.0.as_ptr()) };
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
/// `stat` is valid and exclusively ours, and `inode` the inode it describes, for the
/// duration of `getattr`.
pub(crate) struct Kstat<'a> {
    stat: *mut bindings::kstat,
    inode: &'a Inode,
}

impl<'a> Kstat<'a> {
    /// Fills `stat` from the inode of `path` (`generic_fillattr` with no idmapping) and
    /// returns it for adjustments.
    ///
    /// # Safety
    ///
    /// `path` and `stat` must be the valid arguments of a `getattr` callback; the
    /// result is used only during it.
    pub(crate) unsafe fn fill(
        path: *const bindings::path,
        stat: *mut bindings::kstat,
        request_mask: u32,
    ) -> Self {
        // SAFETY: `path->dentry` is a positive dentry for `getattr`, pinned by `path`.
        unsafe {
            let inode = (*(*path).dentry).d_inode;
            bindings::generic_fillattr(&raw mut bindings::nop_mnt_idmap, request_mask, inode, stat);
            Self {
                stat,
                inode: Inode::from_raw(inode),
            }
        }
    }

    /// A `stat` that [`Kstat::fill`] filled earlier in the same `getattr`.
    ///
    /// # Safety
    ///
    /// As for [`Kstat::fill`].
    pub(crate) unsafe fn from_filled(
        path: *const bindings::path,
        stat: *mut bindings::kstat,
    ) -> Self {
        // SAFETY: `path->dentry` is a positive dentry for `getattr`, pinned by `path`.
        unsafe {
            Self {
                stat,
                inode: Inode::from_raw((*(*path).dentry).d_inode),
            }
        }
    }

    /// Overrides the size.
    pub(crate) fn set_size(&self, size: i64) {
        // SAFETY: Exclusively ours during `getattr` (type invariant).
        unsafe { (*self.stat).size = size };
    }

    /// Overrides the owner.
    pub(crate) fn set_owner(&self, uid: u32, gid: u32) {
        // SAFETY: Exclusively ours during `getattr` (type invariant).
        unsafe {
            (*self.stat).uid = bindings::kuid_t { val: uid };
            (*self.stat).gid = bindings::kgid_t { val: gid };
        }
    }

    /// The inode being described.
    pub(crate) fn inode(&self) -> &'a Inode {
        self.inode
    }

    /// Overrides the link count.
    pub(crate) fn set_nlink(&self, nlink: u32) {
        // SAFETY: Exclusively ours during `getattr` (type invariant).
        unsafe { (*self.stat).nlink = nlink };
    }
}
