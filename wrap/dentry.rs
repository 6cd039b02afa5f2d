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

/// What a `lookup` found: the dentry `d_splice_alias` gave, or none (the looked-up
/// dentry itself was instantiated). Made only by [`Dentry::splice_alias`].
pub(crate) struct Lookup(pub(super) *mut bindings::dentry);

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

    /// Gives the dentry being looked up the operations `ops` (`d_set_d_op`) and
    /// attaches `inode` to it (`d_splice_alias`).
    pub(crate) fn splice_alias(&self, ops: &'static DentryOps, inode: NewInode) -> Result<Lookup> {
        // SAFETY: Called during `lookup`, before the dentry has an inode; the table
        // is static.
        unsafe { bindings::d_set_d_op(self.0.get(), ops.as_ptr()) };
        // SAFETY: `d_splice_alias` consumes our inode reference, also on error.
        let d = from_err_ptr(unsafe { bindings::d_splice_alias(inode.into_raw(), self.0.get()) })?;
        Ok(Lookup(d))
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
