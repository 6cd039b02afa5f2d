// SPDX-License-Identifier: GPL-2.0

//! Dentries of a procfs2 superblock, and what `lookup` answers.

use super::{
    inode::{Inode, NewInode},
    ops::DentryOps,
    shim,
    super_block::SuperBlock,
};
use core::ptr::NonNull;
use kernel::{bindings, error::from_err_ptr, prelude::*, types::Opaque};

/// A dentry of a procfs2 superblock.
///
/// # Invariants
///
/// The object is a valid `struct dentry` while a reference to it exists.
#[repr(transparent)]
pub(crate) struct Dentry(Opaque<bindings::dentry>);

/// A dentry the caller holds no reference on: the one `d_revalidate` gets in RCU
/// walk mode (it may be dying, its count already dead) and the one `d_delete` gets
/// while its last reference goes. It is only read, never counted: it has no
/// [`ARef`] and does not deref to a [`Dentry`], so no reference can be taken on it.
///
/// # Invariants
///
/// The object is a `struct dentry` of a procfs2 superblock that stays readable for
/// the callback (RCU, or `d_lock`, held by the VFS).
#[repr(transparent)]
pub(crate) struct Unpinned(Opaque<bindings::dentry>);

impl Unpinned {
    /// # Safety
    ///
    /// `ptr` is the dentry of a running `d_revalidate` or `d_delete`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::dentry) -> &'a Self {
        // SAFETY: Transparent over the C struct; per the caller.
        unsafe { &*ptr.cast() }
    }

    /// # Safety
    ///
    /// No reference may be taken on the result (it is no counted dentry).
    unsafe fn as_dentry(&self) -> &Dentry {
        // SAFETY: Transparent over the same C struct.
        unsafe { Dentry::from_raw(self.0.get()) }
    }

    /// As [`Dentry::name`]: procfs2 dentries are never renamed.
    pub(crate) fn name(&self) -> &[u8] {
        // SAFETY: Only read.
        unsafe { self.as_dentry() }.name()
    }

    /// As [`Dentry::inode`].
    pub(crate) fn inode(&self) -> Option<&Inode> {
        // SAFETY: Only read.
        unsafe { self.as_dentry() }.inode()
    }
}

/// What a `lookup` found: the dentry `d_splice_alias` gave, or none (the looked-up
/// dentry itself was instantiated). Made only by [`Unhashed::splice_alias`].
///
/// # Invariants
///
/// The pointer is what `d_splice_alias` returned (a counted dentry, or NULL), for
/// the running `lookup` to hand to the VFS.
pub(crate) struct Lookup(*mut bindings::dentry);

impl Lookup {
    /// What the `lookup` trampoline hands the VFS.
    pub(super) fn into_raw(self) -> *mut bindings::dentry {
        self.0
    }
}

impl Dentry {
    /// # Safety
    ///
    /// `ptr` must be a valid dentry that outlives `'a`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::dentry) -> &'a Self {
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

    /// The dentry's inode, if it is positive. In RCU walk mode (`d_inode_rcu`) the
    /// dentry can be killed meanwhile, but the inode it pointed to is freed only
    /// after a grace period (`free_inode`), so it stays readable until the walk
    /// leaves its RCU read-side section.
    pub(crate) fn inode(&self) -> Option<&Inode> {
        // SAFETY: `d_inode` is a valid field; READ_ONCE semantics for a pointer that
        // `d_delete` may clear concurrently.
        let inode = unsafe { core::ptr::addr_of!((*self.0.get()).d_inode).read_volatile() };
        // SAFETY: Non-NULL: one of our inodes, readable as explained above.
        (!inode.is_null()).then(|| unsafe { Inode::from_raw(inode) })
    }

    /// Forbids mounting on the dentry (`dont_mount`).
    pub(crate) fn dont_mount(&self) {
        // SAFETY: The dentry is valid.
        unsafe { shim::procfs2_dont_mount(self.0.get()) };
    }
}

/// The dentry a `lookup` is asked about: negative, not yet hashed, and its parent's
/// inode lock held. Made only by the `lookup` trampoline, so only a lookup can give
/// a dentry its operations and inode.
///
/// # Invariants
///
/// The dentry is the one of a running `lookup`.
#[repr(transparent)]
pub(crate) struct Unhashed(Dentry);

impl core::ops::Deref for Unhashed {
    type Target = Dentry;

    fn deref(&self) -> &Dentry {
        &self.0
    }
}

impl Unhashed {
    /// # Safety
    ///
    /// `ptr` is the dentry of a running `lookup`, valid for `'a`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::dentry) -> &'a Self {
        // SAFETY: Transparent over `Dentry`, transparent over the C struct; per the
        // caller.
        unsafe { &*ptr.cast() }
    }

    /// Gives the dentry the operations `ops` (`d_set_d_op`) and attaches `inode` to it
    /// (`d_splice_alias`).
    pub(crate) fn splice_alias<D>(
        &self,
        ops: &'static DentryOps,
        inode: NewInode<D>,
    ) -> Result<Lookup> {
        // SAFETY: A lookup's dentry has no inode and no operations yet (type
        // invariant); the table is static.
        unsafe { bindings::d_set_d_op(self.0 .0.get(), ops.as_ptr()) };
        // SAFETY: `d_splice_alias` consumes our inode reference, also on error.
        let d =
            from_err_ptr(unsafe { bindings::d_splice_alias(inode.into_raw(), self.0 .0.get()) })?;
        Ok(Lookup(d))
    }
}

/// The root dentry of a superblock being filled: children are added to it only
/// there, before any lookup can race with them. Made only by
/// [`SuperBlock::make_root`](super::super_block::SuperBlock::make_root).
///
/// # Invariants
///
/// The dentry is the root of a superblock in `fill_super`.
#[repr(transparent)]
pub(crate) struct NewRoot(Dentry);

impl core::ops::Deref for NewRoot {
    type Target = Dentry;

    fn deref(&self) -> &Dentry {
        &self.0
    }
}

impl NewRoot {
    /// # Safety
    ///
    /// `ptr` is the root dentry of a superblock in `fill_super`, valid for `'a`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::dentry) -> &'a Self {
        // SAFETY: Transparent over `Dentry`; per the caller.
        unsafe { &*ptr.cast() }
    }

    /// Adds a child `name` with `inode` (`d_alloc_name` and `d_add`); its reference
    /// goes to `pins`, which the superblock keeps until `kill_sb` (fs/proc's
    /// `proc_self`): no counted handle outlives the superblock.
    pub(crate) fn add_child<D>(&self, name: &CStr, inode: NewInode<D>, pins: &mut Pins) -> Result {
        // SAFETY: The dentry is valid; `d_alloc_name` returns a new counted dentry.
        let d = unsafe { bindings::d_alloc_name(self.0 .0.get(), name.as_char_ptr()) };
        let Some(d) = NonNull::new(d) else {
            return Err(ENOMEM);
        };
        // SAFETY: `d` is new and negative; `d_add` consumes our inode reference.
        unsafe { bindings::d_add(d.as_ptr(), inode.into_raw()) };
        // `d_alloc_name` gave us a reference, which `d_add` does not take.
        pins.0.push(d, GFP_KERNEL).inspect_err(|_| {
            // SAFETY: Our reference, given back (the dentry stays hashed, as fs/proc's
            // would be after a failed mount's teardown).
            unsafe { bindings::dput(d.as_ptr()) };
        })?;
        Ok(())
    }
}

/// The dentries a superblock pins for its whole life (fs/proc's `proc_self` and
/// `proc_thread_self`): made by the `fill_super` trampoline, kept in the
/// superblock's state and given back (`dput`) in `kill_sb`, before the superblock
/// ends. Not constructible, clonable or droppable elsewhere by safe code but through
/// the wrapper, which owns every value.
///
/// # Invariants
///
/// Owns one reference on each dentry, all of one superblock that outlives this.
pub(crate) struct Pins(KVec<NonNull<bindings::dentry>>);

// SAFETY: `dput` may be called from any thread.
unsafe impl Send for Pins {}
// SAFETY: Nothing is read through a shared reference.
unsafe impl Sync for Pins {}

impl Pins {
    pub(super) fn new() -> Self {
        Self(KVec::new())
    }
}

impl Drop for Pins {
    fn drop(&mut self) {
        for d in self.0.iter() {
            // SAFETY: One reference each (type invariant); the superblock is still
            // live (the wrapper drops this in `kill_sb` before `kill_anon_super`).
            unsafe { bindings::dput(d.as_ptr()) };
        }
    }
}

// No `AlwaysRefCounted`: a counted handle to a dentry (`ARef<Dentry>`) could be kept
// past its superblock's end, and its `dput` would then read the freed superblock.
// The dentries a superblock keeps are its [`Pins`], given back in `kill_sb`.

// SAFETY: Every method may run on several threads at once: `d_sb` never changes;
// `d_name` of a procfs2 dentry never changes either (procfs2 has no `rename`, and
// `d_splice_alias` never moves an alias, as every lookup makes a new inode);
// `d_inode` is read once (`READ_ONCE`); `dont_mount` takes `d_lock`.
unsafe impl Sync for Dentry {}
