// SPDX-License-Identifier: GPL-2.0

//! procfs2's inode (fs/proc/inode.c's `struct proc_inode`) and its slab cache, the
//! safe views of a live inode ([`Inode`]) and of one being built ([`NewInode`]), the
//! attributes `getattr` fills ([`Kstat`]), and the IDA of entry inode numbers.
//!
//! A `proc_inode` shows an entry of the tree or a row of a per-process table; which
//! one is the business of the feature files. Here it is a typed slot: whoever builds
//! the inode puts a value of any [`InodeData`] type in it, and whoever reads it asks
//! for that type and gets `None` for any other. The slot, like the pid, is released
//! in `free_inode`, after an RCU grace period, so that a path walk in RCU mode may
//! still read both through a dentry killed meanwhile.

use super::{ops::FileOps, ops::InodeOps, shim, super_block::SuperBlock, task::Pid};
use core::{
    any::TypeId,
    marker::PhantomData,
    ptr::NonNull,
    sync::atomic::{AtomicPtr, Ordering},
};
use kernel::{
    bindings, c_str,
    error::to_result,
    ffi::{c_int, c_void},
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// A value an inode can keep for the code that made it: a counted reference, a
/// `'static` reference (a table row), or nothing.
pub(crate) trait InodeData: Sized + Send + Sync + 'static {
    /// What a reader of the slot gets.
    type Borrowed<'a>;
    /// Turns the value into the word the slot keeps.
    fn into_word(self) -> *const c_void;
    /// # Safety
    ///
    /// `word` came from `into_word` of this type and has not been released.
    unsafe fn borrow<'a>(word: *const c_void) -> Self::Borrowed<'a>;
    /// # Safety
    ///
    /// As for `borrow`; the word is not used afterwards.
    unsafe fn release(word: *const c_void);
}

impl<T: AlwaysRefCounted + Send + Sync + 'static> InodeData for ARef<T> {
    type Borrowed<'a> = &'a T;

    fn into_word(self) -> *const c_void {
        ARef::into_raw(self).as_ptr().cast()
    }

    unsafe fn borrow<'a>(word: *const c_void) -> Self::Borrowed<'a> {
        // SAFETY: The slot keeps its reference until `release`, per the caller.
        unsafe { &*word.cast::<T>() }
    }

    unsafe fn release(word: *const c_void) {
        // SAFETY: The reference `into_word` kept is given back once, per the caller.
        drop(unsafe { ARef::from_raw(NonNull::new_unchecked(word.cast_mut().cast::<T>())) });
    }
}

impl<T: Send + Sync + 'static> InodeData for &'static T {
    type Borrowed<'a> = &'static T;

    fn into_word(self) -> *const c_void {
        core::ptr::from_ref(self).cast()
    }

    unsafe fn borrow<'a>(word: *const c_void) -> Self::Borrowed<'a> {
        // SAFETY: It came from a `&'static T`, per the caller.
        unsafe { &*word.cast::<T>() }
    }

    unsafe fn release(_word: *const c_void) {}
}

/// The typed slot of a [`ProcInode`].
struct Slot {
    word: *const c_void,
    ty: TypeId,
    release: unsafe fn(*const c_void),
}

/// procfs2's inode (`struct proc_inode`): the VFS inode, the pid it shows, the fd
/// of `fd/` and `fdinfo/` files, and the slot.
#[repr(C)]
struct ProcInode {
    pid: Option<ARef<Pid>>,
    fd: u32,
    slot: Option<Slot>,
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
/// Called by the slab allocator with an object of the cache.
unsafe extern "C" fn init_once(obj: *mut c_void) {
    let pi = obj.cast::<ProcInode>();
    // SAFETY: The slab hands us an object of the cache's size and alignment.
    unsafe { bindings::inode_init_once(Opaque::raw_get(&raw const (*pi).vfs_inode)) };
}

/// `super_operations.alloc_inode` (`proc_alloc_inode`).
///
/// # Safety
///
/// Called by the VFS with a procfs2 superblock.
pub(super) unsafe extern "C" fn alloc_inode(
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
        (&raw mut (*pi).pid).write(None);
        (&raw mut (*pi).fd).write(0);
        (&raw mut (*pi).slot).write(None);
        Opaque::raw_get(&raw const (*pi).vfs_inode)
    }
}

/// `super_operations.free_inode` (`proc_free_inode`), after an RCU grace period:
/// the pid reference and the slot go here, not at eviction, because an RCU path
/// walk may still read them through a dentry killed meanwhile. `put_pid` and the
/// slot's release may run in this context (the pid code itself calls `put_pid` from
/// an RCU callback; an entry's last reference frees memory and an IDA id).
///
/// # Safety
///
/// Called by the VFS with an inode from `alloc_inode` that no one sees any more.
pub(super) unsafe extern "C" fn free_inode(inode: *mut bindings::inode) {
    // SAFETY: Per the VFS contract the inode sits in a `ProcInode` of ours and is
    // unreachable; the slot's word is released once, with its own type's release.
    unsafe {
        let pi = container_of(inode);
        drop((*pi).pid.take());
        if let Some(slot) = (*pi).slot.take() {
            (slot.release)(slot.word);
        }
        bindings::kmem_cache_free(INODE_CACHE.load(Ordering::Acquire), pi.cast());
    }
}

/// `super_operations.evict_inode` (`proc_evict_inode`).
///
/// # Safety
///
/// Called by the VFS once per inode, with no other user left.
pub(super) unsafe extern "C" fn evict_inode(inode: *mut bindings::inode) {
    // SAFETY: Per the VFS contract.
    unsafe {
        bindings::truncate_inode_pages_final(&raw mut (*inode).i_data);
        bindings::clear_inode(inode);
    }
}

fn container_of(inode: *mut bindings::inode) -> *mut ProcInode {
    let offset = core::mem::offset_of!(ProcInode, vfs_inode);
    // SAFETY: Every inode of a procfs2 superblock is the `vfs_inode` of a `ProcInode`.
    unsafe { inode.byte_sub(offset).cast() }
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
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::inode) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    pub(super) fn as_ptr(&self) -> *mut bindings::inode {
        self.0.get()
    }

    fn proc_inode(&self) -> &ProcInode {
        // SAFETY: By the type invariant the inode sits in a live `ProcInode`, whose
        // Rust fields are written only before the inode is published and in
        // `free_inode`, after the last reader.
        unsafe { &*container_of(self.as_ptr()) }
    }

    /// The value of type `T` the inode's maker put in its slot; `None` if it put
    /// nothing or another type.
    pub(crate) fn data<T: InodeData>(&self) -> Option<T::Borrowed<'_>> {
        let slot = self.proc_inode().slot.as_ref()?;
        // SAFETY: The slot holds a word of type `T` (checked), alive until
        // `free_inode`, after any user of `self`.
        (slot.ty == TypeId::of::<T>()).then(|| unsafe { T::borrow(slot.word) })
    }

    /// The pid a per-process inode shows (`proc_pid`).
    pub(crate) fn pid(&self) -> Option<&Pid> {
        self.proc_inode().pid.as_deref()
    }

    /// The fd an `fd/` or `fdinfo/` inode shows (`proc_fd`).
    pub(crate) fn fd(&self) -> u32 {
        self.proc_inode().fd
    }

    /// Re-sets the permission bits of a live fd link (`tid_fd_update_inode`).
    pub(crate) fn update_mode(&self, mode: u16) {
        // SAFETY: The inode is valid; `i_mode` is a plain word, rewritten as fs/proc
        // does.
        unsafe { (*self.as_ptr()).i_mode = mode };
    }

    /// The inode's mode.
    pub(crate) fn mode(&self) -> u16 {
        // SAFETY: `i_mode` is a plain word of a valid inode.
        unsafe { (*self.as_ptr()).i_mode }
    }

    /// Re-sets the owner of a live inode (`pid_update_inode`); plain stores, as in
    /// fs/proc, which readers tolerate.
    pub(crate) fn update_owner(&self, uid: u32, gid: u32) {
        // SAFETY: The inode is valid; `i_uid`/`i_gid` are plain words.
        unsafe {
            (*self.as_ptr()).i_uid = bindings::kuid_t { val: uid };
            (*self.as_ptr()).i_gid = bindings::kgid_t { val: gid };
        }
    }

    pub(crate) fn super_block(&self) -> &SuperBlock {
        // SAFETY: `i_sb` is set at allocation and outlives the inode.
        unsafe { SuperBlock::from_raw((*self.as_ptr()).i_sb) }
    }

    pub(crate) fn ino(&self) -> u64 {
        // SAFETY: `i_ino` does not change once the inode is published.
        unsafe { (*self.as_ptr()).i_ino as u64 }
    }

    /// The permission bits check for `mask` (`generic_permission`, no idmapping).
    pub(crate) fn generic_permission(&self, mask: c_int) -> Result {
        // SAFETY: The inode is valid; `nop_mnt_idmap` is the kernel's identity map.
        to_result(unsafe {
            bindings::generic_permission(&raw mut bindings::nop_mnt_idmap, self.as_ptr(), mask)
        })
    }
}

/// An inode just allocated by [`SuperBlock::new_inode`] and not yet published.
///
/// # Invariants
///
/// Holds the only reference to a valid procfs2 inode that no other thread can see.
///
/// `D` is [`NoData`] until the slot is filled, then [`WithData`]: the slot is filled
/// once, so what it keeps alive (a symlink's target bytes, which `i_link` points
/// into) is never released while the inode lives.
pub(crate) struct NewInode<D = NoData>(NonNull<bindings::inode>, PhantomData<D>);

/// A [`NewInode`] whose slot is empty.
pub(crate) struct NoData;
/// A [`NewInode`] whose slot is filled.
pub(crate) struct WithData;

impl NewInode {
    /// # Safety
    ///
    /// `inode` is a new procfs2 inode whose only reference the caller hands over.
    pub(super) unsafe fn from_raw(inode: NonNull<bindings::inode>) -> Self {
        // INVARIANT: Per the caller; a new inode's slot is empty.
        Self(inode, PhantomData)
    }

    /// Puts `data` in the slot.
    pub(crate) fn set_data<T: InodeData>(mut self, data: T) -> NewInode<WithData> {
        self.proc_inode().slot = Some(Slot {
            word: data.into_word(),
            ty: TypeId::of::<T>(),
            release: T::release,
        });
        self.retype()
    }

    /// Makes the inode a symlink to the NUL-terminated bytes that `target` finds in
    /// `data` (`i_link` with `simple_symlink_inode_operations`), and puts `data` in the
    /// slot, which keeps those bytes alive as long as the inode: the slot cannot be
    /// refilled (`WithData` has no `set_data`).
    pub(crate) fn set_link<T: AlwaysRefCounted + Send + Sync + 'static>(
        self,
        data: ARef<T>,
        target: impl for<'a> FnOnce(&'a T) -> &'a [u8],
    ) -> Result<NewInode<WithData>> {
        let bytes = target(&data);
        let (Some(0), len) = (bytes.last().copied(), bytes.len()) else {
            return Err(EINVAL);
        };
        let ptr = bytes.as_ptr();
        let mut inode = self.set_data(data);
        let raw = inode.raw();
        // SAFETY: Valid and private (type invariant). `ptr` points into the object
        // the slot now keeps until `free_inode`, after every reader of `i_link`.
        // `simple_symlink_inode_operations` is an exported immutable table.
        unsafe {
            (*raw).i_op = &raw const bindings::simple_symlink_inode_operations;
            (*raw).__bindgen_anon_4.i_link = ptr.cast_mut().cast();
            (*raw).i_size = (len - 1) as i64;
        }
        Ok(inode)
    }
}

impl<D> NewInode<D> {
    fn retype<E>(self) -> NewInode<E> {
        // INVARIANT: The reference moves to the new value.
        NewInode(self.into_nonnull(), PhantomData)
    }

    fn into_nonnull(self) -> NonNull<bindings::inode> {
        let p = self.0;
        core::mem::forget(self);
        p
    }

    fn raw(&mut self) -> *mut bindings::inode {
        self.0.as_ptr()
    }

    fn proc_inode(&mut self) -> &mut ProcInode {
        // SAFETY: By the type invariant the inode is ours alone and sits in a
        // `ProcInode`.
        unsafe { &mut *container_of(self.raw()) }
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
        iops: &'static InodeOps,
        fops: Option<&'static FileOps>,
    ) {
        let inode = self.raw();
        // SAFETY: Valid and private (type invariant).
        unsafe {
            (*inode).i_mode = mode;
            bindings::set_nlink(inode, nlink);
            (*inode).i_op = iops.as_ptr();
            (*inode).__bindgen_anon_3.i_fop = fops.map_or(core::ptr::null(), FileOps::as_ptr);
        }
    }

    /// Marks the inode `S_IMMUTABLE`: the VFS refuses to change its owner, mode or
    /// times (`EPERM`).
    pub(crate) fn set_immutable(&mut self) {
        // SAFETY: Valid and private (type invariant).
        unsafe { (*self.raw()).i_flags |= bindings::S_IMMUTABLE };
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

    /// Hands the inode a reference to the pid it shows.
    pub(crate) fn set_pid(&mut self, pid: ARef<Pid>) {
        self.proc_inode().pid = Some(pid);
    }

    /// Sets the fd an `fd/` or `fdinfo/` inode shows.
    pub(crate) fn set_fd(&mut self, fd: u32) {
        self.proc_inode().fd = fd;
    }

    pub(super) fn into_raw(self) -> *mut bindings::inode {
        self.into_nonnull().as_ptr()
    }
}

impl<D> Drop for NewInode<D> {
    fn drop(&mut self) {
        // SAFETY: We own the only reference (type invariant).
        unsafe { bindings::iput(self.0.as_ptr()) };
    }
}

/// The attributes `getattr` fills in (`struct kstat`), already filled from the inode
/// by `generic_fillattr`.
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
    /// Fills `stat` from the inode of `path` (`generic_fillattr` with no idmapping).
    ///
    /// # Safety
    ///
    /// `path` and `stat` must be the valid arguments of a `getattr` callback; the
    /// result is used only during it.
    pub(super) unsafe fn fill(
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

/// An id for an entry's inode number (`proc_alloc_inum`'s IDA), at most `max`.
pub(crate) fn ida_alloc(max: u32) -> Result<u32> {
    // SAFETY: The IDA is a static in `shim/fs.c`; allocation may sleep, callers may too.
    let id = unsafe { shim::procfs2_ida_alloc(max) };
    to_result(id)?;
    Ok(id as u32)
}

/// Gives back an id from [`ida_alloc`].
pub(crate) fn ida_free(id: u32) {
    // SAFETY: The IDA is a static in `shim/fs.c`; freeing an id that is not allocated
    // only warns.
    unsafe { shim::procfs2_ida_free(id) };
}
