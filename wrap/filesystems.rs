// SPDX-License-Identifier: GPL-2.0

//! Registered file system types (`struct file_system_type` on fs/filesystems.c's
//! static `file_systems` list), walked under RCU from the list's first node.
//!
//! The list and its `file_systems_lock` are static; the exported `get_fs_type`
//! finds a registered type by name. `sysfs` is the first node for the life of the
//! system: `sysfs_init` registers it from `mnt_init` (`vfs_caches_init`), before any
//! other `register_filesystem` call of `start_kernel` (`cgroup_init_early`,
//! `security_init` and `key_init` register none; `proc_root_init`, `cgroup_init` and
//! every initcall come later), `register_filesystem` only appends (at the `next`
//! slot `find_filesystem` ends on), and sysfs is built in and never unregistered.
//! t40 checks that the first line of /proc/filesystems names it.

use super::lock::Rcu;
use core::sync::atomic::{AtomicPtr, Ordering};
use kernel::{bindings, c_str, prelude::*, str::CStr};

/// The list's first node, `sysfs_fs_type`, once looked up (a static of vmlinux,
/// never freed).
static HEAD: AtomicPtr<bindings::file_system_type> = AtomicPtr::new(core::ptr::null_mut());

/// `file_systems`: `sysfs_fs_type`, looked up once with `get_fs_type`.
fn head() -> Result<*mut bindings::file_system_type> {
    let head = HEAD.load(Ordering::Acquire);
    if !head.is_null() {
        return Ok(head);
    }
    // SAFETY: A NUL-terminated name. sysfs is built in (`CONFIG_SYSFS`, checked where
    // the file is created) and registered at boot, so `get_fs_type` finds it without
    // `request_module`.
    let fs = unsafe { bindings::get_fs_type(c_str!("sysfs").as_char_ptr()) };
    if fs.is_null() {
        return Err(ENOENT);
    }
    // SAFETY: Drops the module reference `get_fs_type` took (none for a built-in
    // type, whose owner is NULL); the type itself is static data of vmlinux.
    unsafe { super::shim::procfs2_put_filesystem(fs) };
    HEAD.store(fs, Ordering::Release);
    Ok(fs)
}

/// One registered file system type, valid while [`for_each_fs_type`] runs its
/// callback.
///
/// # Invariants
///
/// `self.0` is a node of `file_systems` reached under the walk's RCU read section.
pub(crate) struct FsType(*const bindings::file_system_type);

impl FsType {
    /// `fs->name`.
    pub(crate) fn name(&self) -> &CStr {
        // SAFETY: By the type invariant the type is valid; its name is a
        // NUL-terminated string of the same static data.
        unsafe { CStr::from_char_ptr((*self.0).name) }
    }

    /// `fs->fs_flags & FS_REQUIRES_DEV`.
    pub(crate) fn requires_dev(&self) -> bool {
        // SAFETY: By the type invariant the type is valid; `fs_flags` is set before
        // registration and not written after.
        let flags = unsafe { (*self.0).fs_flags };
        flags as u32 & bindings::FS_REQUIRES_DEV != 0
    }
}

/// Runs `f` on each registered file system type, in list order (registration
/// order), under RCU (`f` must not sleep).
///
/// fs/proc walks the list under `file_systems_lock`, which is static. Under RCU the
/// walk is memory-safe: `unregister_filesystem` unlinks a type under the lock and
/// then waits in `synchronize_rcu()` before it returns, and only then may the owner
/// free it (module memory is freed after `exit`), so every node reached from the
/// head in this read section, and every node its `next` points at, stays valid
/// until the section ends. `register_filesystem` links a fully initialised type
/// whose `next` is NULL (it refuses one whose `next` is set) with one pointer store.
/// What is not exact: `unregister_filesystem` clears the removed type's `next`
/// before the grace period, so a walk standing on a type that is being
/// unregistered ends there, without the types registered after it (a list
/// /proc's reader never shows); only while a file system module is unloading.
pub(crate) fn for_each_fs_type(mut f: impl FnMut(&FsType)) -> Result {
    let mut fs: *const bindings::file_system_type = head()?;
    let _rcu = Rcu::read_lock();
    while !fs.is_null() {
        // INVARIANT: `fs` is the head or a `next` read in this read section.
        f(&FsType(fs));
        // SAFETY: `fs` is valid (see above); `next` is written under
        // `file_systems_lock`, so it is read once, as `READ_ONCE` would.
        fs = unsafe { core::ptr::read_volatile(core::ptr::addr_of!((*fs).next)) }.cast_const();
    }
    Ok(())
}

/// The registered file system type named `name` if it is built in (its owner is
/// NULL): such a type is a static of vmlinux, valid for good, even if it were
/// unregistered. Found by walking the list, so no module is requested.
pub(super) fn find_builtin(name: &CStr) -> Option<*mut bindings::file_system_type> {
    let mut found = None;
    for_each_fs_type(|fs| {
        // SAFETY: `fs.0` is valid in the walk (type invariant); `owner` is set
        // before registration.
        let builtin = unsafe { (*fs.0).owner }.is_null();
        if found.is_none() && builtin && fs.name().as_bytes() == name.as_bytes() {
            found = Some(fs.0.cast_mut());
        }
    })
    .ok()?;
    found
}

#[cfg(CONFIG_PROC_CPU_RESCTRL)]
/// `iterate_supers_type`'s callback: notes that a superblock was met.
///
/// # Safety
///
/// `arg` must be the `bool` [`builtin_mounted`] passed.
unsafe extern "C" fn note_super(_sb: *mut bindings::super_block, arg: *mut kernel::ffi::c_void) {
    // SAFETY: Per the caller.
    unsafe { *arg.cast::<bool>() = true };
}

#[cfg(CONFIG_PROC_CPU_RESCTRL)]
/// Whether the built-in file system type named `name` is registered and has a live
/// superblock (one that `iterate_supers_type` visits: set up, not dying). Found by
/// walking the list, so no module is requested for an absent name.
pub(crate) fn builtin_mounted(name: &CStr) -> bool {
    let Some(fs) = find_builtin(name) else {
        return false;
    };
    let mut met = false;
    // SAFETY: `fs` is a built-in type, a static of vmlinux (`find_builtin`);
    // `note_super` is called for its live superblocks with `met`, which outlives the
    // call.
    unsafe { bindings::iterate_supers_type(fs, Some(note_super), (&raw mut met).cast()) };
    met
}
