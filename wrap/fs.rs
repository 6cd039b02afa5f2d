// SPDX-License-Identifier: GPL-2.0

//! The file system type and mounting: `struct file_system_type`, the `fs_context` of
//! a mount or remount and its parameters, and the [`FileSystem`] trait whose methods
//! the mount callbacks run.
//!
//! `fs_context.h` is not in the kernel crate's bindings, so the context operations
//! table is shim/fs.c's; it points at the four `procfs2_*` functions at the end of this
//! file, which find the file system's methods through the context itself: its
//! private data starts with a table of them, made for the type that created it.

use super::{
    cred::PidNamespace,
    dentry::Pins,
    ops::{SuperOperations, SuperOps},
    shim,
    super_block::{New, SuperBlock},
    sync,
};
use core::sync::atomic::{
    AtomicBool,
    Ordering::{Acquire, Release},
};
use kernel::{
    bindings, c_str,
    error::{from_result, to_result},
    ffi::{c_int, c_void},
    prelude::*,
    str::CString,
    types::{ARef, Opaque},
    ThisModule,
};

/// A file system: how its mounts are set up, reconfigured and ended.
pub(crate) trait FileSystem: SuperOperations {
    /// The name `mount -t` takes.
    const NAME: &'static CStr;
    /// `FS_*` flags.
    const FLAGS: u32;
    /// The options of a mount or remount being set up.
    type Context: Send + 'static;
    /// The state of a superblock, for [`SuperBlock::info`].
    type Info: Send + Sync + 'static;

    /// A new context (`init_fs_context`), and the pid namespace whose user namespace
    /// owns the mount.
    fn init_context() -> Result<(Self::Context, ARef<PidNamespace>)>;
    /// Takes one option (`parse_param`).
    fn parse_param(fc: &FsContext, ctx: &mut Self::Context, param: &FsParameter) -> Result;
    /// Sets up a new superblock (`fill_super`) and returns its state.
    /// Dentries it pins for the superblock's life go to `pins` (see
    /// [`NewRoot::add_child`](super::dentry::NewRoot::add_child)).
    fn fill_super(sb: &SuperBlock<New>, ctx: &Self::Context, pins: &mut Pins)
        -> Result<Self::Info>;
    /// The pid namespace a mount with this state shows (`proc_pid_ns`), which the
    /// superblock also gives kernel code that reads fs/proc's `proc_fs_info`.
    fn pid_ns(info: &Self::Info) -> &PidNamespace;
    /// Applies a remount's options (`reconfigure`).
    fn reconfigure(sb: &SuperBlock, ctx: &Self::Context) -> Result;
}

/// The file system's methods, as the untyped context callbacks reach them.
struct ContextOps {
    free: unsafe fn(*mut c_void),
    parse_param: fn(&FsContext, &FsParameter) -> Result,
    fill_super: fn(&SuperBlock<New>, &FsContext) -> Result,
    reconfigure: fn(&FsContext) -> Result,
}

/// A context's private data: the methods first, then the options.
#[repr(C)]
struct ContextData<T: FileSystem> {
    ops: &'static ContextOps,
    ctx: T::Context,
}

struct Methods<T>(core::marker::PhantomData<T>);

impl<T: FileSystem> Methods<T> {
    const OPS: ContextOps = ContextOps {
        free: free_context::<T>,
        parse_param: parse_param::<T>,
        fill_super: fill_super::<T>,
        reconfigure: reconfigure::<T>,
    };
    const SUPER_OPS: SuperOps = SuperOps::new::<T>();
}

/// # Safety
///
/// `p` is the private data of a context `init_fs_context::<T>` made, released once.
unsafe fn free_context<T: FileSystem>(p: *mut c_void) {
    // SAFETY: Per the caller, made by `KBox::into_raw` of a `ContextData<T>`.
    drop(unsafe { KBox::from_raw(p.cast::<ContextData<T>>()) });
}

fn parse_param<T: FileSystem>(fc: &FsContext, param: &FsParameter) -> Result {
    // SAFETY: The context's methods are `T`'s, so its data is a `ContextData<T>`.
    let data = unsafe { fc.data::<T>() };
    T::parse_param(fc, &mut data.ctx, param)
}

fn fill_super<T: FileSystem>(sb: &SuperBlock<New>, fc: &FsContext) -> Result {
    // SAFETY: As in `parse_param`.
    let data = unsafe { fc.data::<T>() };
    sb.set_ops(&Methods::<T>::SUPER_OPS);
    let mut pins = Pins::new();
    let info = T::fill_super(sb, &data.ctx, &mut pins)?;
    let pid_ns = T::pid_ns(&info).into();
    sb.set_info(pid_ns, info, pins)
}

fn reconfigure<T: FileSystem>(fc: &FsContext) -> Result {
    // SAFETY: As in `parse_param`.
    let data = unsafe { fc.data::<T>() };
    T::reconfigure(fc.root_sb(), &data.ctx)
}

/// A file system type that is registered with the VFS for as long as the
/// [`Registration`] lives.
///
/// # Invariants
///
/// `owner` is written only by the one [`Registration::new`] that set `in_use`, before
/// the type is registered; `in_use` stays set until that registration is dropped.
pub(crate) struct FileSystemType {
    raw: Opaque<bindings::file_system_type>,
    in_use: AtomicBool,
}

// SAFETY: The VFS serialises all changes to a registered `file_system_type` with its
// own locks; procfs2 writes `owner` only while it alone may (type invariant).
unsafe impl Sync for FileSystemType {}

impl FileSystemType {
    /// The type of file system `T`, whose mount options are `shim/fs.c`'s parameter
    /// table.
    pub(crate) const fn new<T: FileSystem>() -> Self {
        // SAFETY: All-zero is a valid `file_system_type` (null pointers, no callbacks).
        let mut t: bindings::file_system_type = unsafe { core::mem::zeroed() };
        t.name = T::NAME.as_char_ptr();
        t.fs_flags = T::FLAGS as c_int;
        t.init_fs_context = Some(init_fs_context::<T>);
        t.parameters = (&raw const shim::procfs2_fs_parameters).cast();
        t.kill_sb = Some(kill_sb::<T>);
        Self {
            raw: Opaque::new(t),
            in_use: AtomicBool::new(false),
        }
    }
}

/// A registered file system type; unregisters it when dropped.
pub(crate) struct Registration(&'static FileSystemType);

impl Registration {
    /// Registers `fs_type`, owned by `module` so that `rmmod` is refused while a
    /// superblock of this type exists. `EBUSY` if it is registered already.
    pub(crate) fn new(
        fs_type: &'static FileSystemType,
        module: &'static ThisModule,
    ) -> Result<Self> {
        if fs_type.in_use.swap(true, Acquire) {
            return Err(EBUSY);
        }
        let raw = fs_type.raw.get();
        // SAFETY: `raw` points to a valid `file_system_type` that no registration
        // holds (`in_use` was clear), so nothing else reads it while `owner` is
        // written; it is `'static`, as the VFS requires of a registered type.
        to_result(unsafe {
            (*raw).owner = module.as_ptr();
            bindings::register_filesystem(raw)
        })
        .inspect_err(|_| fs_type.in_use.store(false, Release))?;
        Ok(Self(fs_type))
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        // SAFETY: `self.0` was registered by `Registration::new`. The module cannot be
        // unloaded while a superblock of this type exists, so none is left.
        unsafe { bindings::unregister_filesystem(self.0.raw.get()) };
        self.0.in_use.store(false, Release);
    }
}

/// A mount being set up or reconfigured (`struct fs_context`).
///
/// # Invariants
///
/// The object is a valid `struct fs_context` for the duration of the callback that
/// received it; the VFS serialises the callbacks of one context. Once
/// `init_fs_context::<T>` has run, its `fs_private` is a `ContextData<T>`.
#[repr(transparent)]
pub(crate) struct FsContext(Opaque<bindings::fs_context>);

impl FsContext {
    /// # Safety
    ///
    /// `ptr` must be a valid `fs_context` handed to a callback, used only during it.
    unsafe fn from_raw<'a>(ptr: *mut bindings::fs_context) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    fn as_ptr(&self) -> *mut bindings::fs_context {
        self.0.get()
    }

    /// The methods of the file system that made the context.
    fn ops(&self) -> Option<&'static ContextOps> {
        // SAFETY: The context is valid; `fs_private` is null or a `ContextData`, which
        // starts with its methods (type invariant).
        unsafe {
            let p = shim::procfs2_fc_private(self.as_ptr()).cast::<&'static ContextOps>();
            (!p.is_null()).then(|| *p)
        }
    }

    /// # Safety
    ///
    /// The context's methods must be `T`'s.
    #[expect(
        clippy::mut_from_ref,
        reason = "the VFS serialises a context's callbacks"
    )]
    unsafe fn data<T: FileSystem>(&self) -> &mut ContextData<T> {
        // SAFETY: Per the caller the data is a `ContextData<T>`; the VFS runs one
        // callback of a context at a time.
        unsafe { &mut *shim::procfs2_fc_private(self.as_ptr()).cast::<ContextData<T>>() }
    }

    /// The superblock a reconfiguration applies to (`fc->root->d_sb`).
    fn root_sb(&self) -> &SuperBlock {
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
    /// The value, if the parameter is a string (`fs_value_is_string`).
    pub(crate) fn string(&self) -> Option<&CStr> {
        // SAFETY: The parameter is valid by the type invariant.
        if !unsafe { shim::procfs2_param_is_string(self.0.get()) } {
            return None;
        }
        // SAFETY: A string parameter's value is a string.
        let s = unsafe { shim::procfs2_param_string(self.0.get()) };
        // SAFETY: A non-null string value is NUL-terminated and lives as long as the
        // parameter.
        (!s.is_null()).then(|| unsafe { CStr::from_char_ptr(s) })
    }
}

/// `file_system_type.init_fs_context`: a context with `T`'s methods and options.
///
/// # Safety
///
/// Called by the VFS with a context being created for this type.
unsafe extern "C" fn init_fs_context<T: FileSystem>(fc: *mut bindings::fs_context) -> c_int {
    from_result(|| {
        let (ctx, ns) = T::init_context()?;
        let data = KBox::new(
            ContextData::<T> {
                ops: &Methods::<T>::OPS,
                ctx,
            },
            GFP_KERNEL,
        )?;
        // SAFETY: The VFS passes a valid context; the helper stores the data, whose
        // first field is the methods (the type invariant of `FsContext`), installs
        // the context operations and swaps the counted user namespace reference.
        unsafe {
            shim::procfs2_fc_init(fc, KBox::into_raw(data).cast(), ns.as_ptr());
        }
        Ok(0)
    })
}

/// `file_system_type.kill_sb` (`proc_kill_sb`): the state lets go of its dentries,
/// the superblock ends, and the state is freed after an RCU grace period, as fs/proc's
/// `kfree_rcu` does, because lockless path walks may still look at it.
///
/// # Safety
///
/// Called by the VFS with the superblock being destroyed.
unsafe extern "C" fn kill_sb<T: FileSystem>(sb: *mut bindings::super_block) {
    // SAFETY: The VFS passes a valid superblock of this type.
    let sb = unsafe { SuperBlock::from_raw(sb) };
    // SAFETY: This is `kill_sb`, the state's last user.
    let info = unsafe { sb.take_info::<T::Info>() }.map(|(info, pins)| {
        // The pinned dentries go before the superblock does (`proc_kill_sb`).
        drop(pins);
        info
    });
    // SAFETY: This is `kill_sb`; `sb` is not used afterwards.
    unsafe { sb.kill_anon() };
    if info.is_some() {
        sync::synchronize_rcu();
    }
    drop(info);
}

/// `fs_context_operations.free` (`proc_fs_context_free`).
///
/// # Safety
///
/// Called by the VFS with a context procfs2 initialised; its last callback.
#[no_mangle]
unsafe extern "C" fn procfs2_fc_free(fc: *mut bindings::fs_context) {
    // SAFETY: Valid per the VFS contract.
    let fc = unsafe { FsContext::from_raw(fc) };
    if let Some(ops) = fc.ops() {
        // SAFETY: The data was made by `init_fs_context` of the type whose methods
        // these are, and this is its last use.
        unsafe { (ops.free)(shim::procfs2_fc_private(fc.as_ptr())) };
    }
}

/// `fs_context_operations.parse_param`.
///
/// # Safety
///
/// Called by the VFS with a valid context and parameter.
#[no_mangle]
unsafe extern "C" fn procfs2_parse_param(
    fc: *mut bindings::fs_context,
    param: *mut bindings::fs_parameter,
) -> c_int {
    // SAFETY: Both are valid for this callback per the VFS contract.
    let (fc, param) = unsafe { (FsContext::from_raw(fc), &*param.cast::<FsParameter>()) };
    from_result(|| (fc.ops().ok_or(EINVAL)?.parse_param)(fc, param).map(|()| 0))
}

/// `fill_super` for `get_tree_nodev` (shim/fs.c's `get_tree`).
///
/// # Safety
///
/// Called by the VFS with a new, locked superblock and the mount's context.
#[no_mangle]
unsafe extern "C" fn procfs2_fill_super(
    sb: *mut bindings::super_block,
    fc: *mut bindings::fs_context,
) -> c_int {
    // SAFETY: Both are valid for this callback per the VFS contract; the superblock
    // is new, so its `s_fs_info` is null.
    let (sb, fc) = unsafe { (SuperBlock::from_raw_new(sb), FsContext::from_raw(fc)) };
    from_result(|| (fc.ops().ok_or(EINVAL)?.fill_super)(sb, fc).map(|()| 0))
}

/// `fs_context_operations.reconfigure` (`proc_reconfigure`).
///
/// # Safety
///
/// Called by the VFS with a valid reconfiguration context.
#[no_mangle]
unsafe extern "C" fn procfs2_reconfigure(fc: *mut bindings::fs_context) -> c_int {
    // SAFETY: Valid per the VFS contract; `fc->root` is set for a reconfiguration.
    let fc = unsafe { FsContext::from_raw(fc) };
    from_result(|| (fc.ops().ok_or(EINVAL)?.reconfigure)(fc).map(|()| 0))
}
