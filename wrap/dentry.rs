// SPDX-License-Identifier: GPL-2.0

//! Dentries of a procfs2 superblock, and what `lookup` answers.

use super::{
    inode::{Inode, NewInode},
    ops::DentryOps,
    shim,
    super_block::SuperBlock,
};
use core::ptr::NonNull;
use kernel::{
    bindings,
    error::from_err_ptr,
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

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
/// dentry itself was instantiated). Made only by [`Dentry::splice_alias`].
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

    /// Adds a child `name` with `inode` (`d_alloc_name` and `d_add`), returning the
    /// counted child.
    pub(crate) fn add_child<D>(&self, name: &CStr, inode: NewInode<D>) -> Result<ARef<Dentry>> {
        // SAFETY: The dentry is valid; `d_alloc_name` returns a new counted dentry.
        let d = unsafe { bindings::d_alloc_name(self.0 .0.get(), name.as_char_ptr()) };
        let Some(d) = NonNull::new(d) else {
            return Err(ENOMEM);
        };
        // SAFETY: `d` is new and negative; `d_add` consumes our inode reference.
        unsafe { bindings::d_add(d.as_ptr(), inode.into_raw()) };
        // SAFETY: `d_alloc_name` gave us a reference, which `d_add` does not take.
        Ok(unsafe { ARef::from_raw(d.cast()) })
    }
}

// SAFETY: Counted by `d_lockref`: `dget` (`lockref_get`) takes a reference and
// `dput` gives it back, freeing the dentry after the last.
unsafe impl AlwaysRefCounted for Dentry {
    fn inc_ref(&self) {
        // SAFETY: The dentry is valid, and a reference is held (we have `&self`), so
        // its count is not dead: this is `dget`.
        unsafe { bindings::lockref_get(&raw mut (*self.0.get()).d_lockref) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back a reference it owns.
        unsafe { bindings::dput(obj.as_ptr().cast()) };
    }
}

// SAFETY: A reference may be dropped (`dput`) on any thread.
unsafe impl Send for Dentry {}
// SAFETY: Every method may run on several threads at once: `d_sb` never changes;
// `d_name` of a procfs2 dentry never changes either (procfs2 has no `rename`, and
// `d_splice_alias` never moves an alias, as every lookup makes a new inode);
// `d_inode` is read once (`READ_ONCE`); `dont_mount` takes `d_lock`.
unsafe impl Sync for Dentry {}
