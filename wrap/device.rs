// SPDX-License-Identifier: GPL-2.0

//! Walks over a class's devices (`class_dev_iter`, also for block.rs's disks), and
//! miscellaneous character devices (drivers/char/misc.c) as the devices of
//! `misc_class`, for `/proc/misc`.
//!
//! `misc_list`, `misc_mtx` and `misc_class` are static. Every device `misc_register`
//! puts on `misc_list` it first creates in `misc_class` (`device_create_with_groups`,
//! named `misc->name`, number `MKDEV(MISC_MAJOR, misc->minor)`), under `misc_mtx`,
//! and `misc_deregister` takes it off both under that mutex; nothing else creates
//! devices in that class. The class is found once on the device list
//! (`devices_kset`, the kset of every device, reached from the exported
//! `cpu_subsys`'s root device) as the class named "misc" of a device of major
//! `MISC_MAJOR` (class names are unique: each is a directory of /sys/class), then
//! walked with the exported `class_dev_iter_*`. The class is a static of vmlinux,
//! kept once found.

use super::{lock::SpinGuard, shim::*};
use core::{
    mem::MaybeUninit,
    ptr::NonNull,
    sync::atomic::{AtomicPtr, Ordering},
};
use kernel::{bindings, prelude::*, str::CStr};

/// `&misc_class`, once found.
static MISC_CLASS: AtomicPtr<bindings::class> = AtomicPtr::new(core::ptr::null_mut());

/// `&misc_class`, from the first device of major `MISC_MAJOR` in a class named
/// "misc" on `devices_kset`; `None` while there is none.
fn misc_class() -> Option<*const bindings::class> {
    let class = MISC_CLASS.load(Ordering::Acquire);
    if !class.is_null() {
        return Some(class);
    }
    // SAFETY: `cpu_subsys` is registered at boot (`cpu_dev_init`) and never
    // unregistered; the result is a reference on its root device, or NULL.
    let root = unsafe { procfs2_cpu_dev_root() };
    if root.is_null() {
        return None;
    }
    // SAFETY: `root` is held; its kset is `devices_kset`, a static of vmlinux that
    // lives as long as the kernel.
    let kset = unsafe { procfs2_dev_kset(root) };
    // SAFETY: Drops the reference `bus_get_dev_root` took.
    unsafe { bindings::put_device(root) };
    if kset.is_null() {
        return None;
    }
    // SAFETY: `kset` lives as long as the kernel; its `list_lock` guards `list`.
    let _lock = unsafe { SpinGuard::lock(procfs2_kset_list_lock(kset)) };
    // SAFETY: Under `list_lock` a kobject stays on the list, and the device that
    // embeds it allocated, until `kobject_del` takes it off under this lock.
    let mut kobj = unsafe { procfs2_kset_first(kset) };
    while !kobj.is_null() {
        // SAFETY: `kobj` is on `devices_kset`, so the kobject of a live device
        // (`device_initialize` sets that kset); a class is static data or lives
        // while its devices do, and its name is a NUL-terminated string.
        let found = unsafe {
            let class = procfs2_kobj_dev_class(kobj);
            (!class.is_null()
                && procfs2_kobj_dev_is_misc(kobj)
                && CStr::from_char_ptr(procfs2_class_name(class)).as_bytes() == b"misc")
                .then_some(class)
        };
        if let Some(class) = found {
            MISC_CLASS.store(class.cast_mut(), Ordering::Release);
            return Some(class);
        }
        // SAFETY: As above.
        kobj = unsafe {
            if procfs2_kset_is_last(kset, kobj) {
                core::ptr::null_mut()
            } else {
                procfs2_kset_next(kobj)
            }
        };
    }
    None
}

/// A walk over the devices of a class (`class_dev_iter`), ended when dropped; the
/// device it returned last is held until the next step or the end.
///
/// # Invariants
///
/// `self.0` was set up by `class_dev_iter_init` and is ended in `drop`.
pub(super) struct ClassDevIter(MaybeUninit<bindings::class_dev_iter>);

impl ClassDevIter {
    /// `class_dev_iter_init(class, NULL, ty)`.
    ///
    /// # Safety
    ///
    /// `class` is a registered class, and `ty` NULL or a device type, that outlive
    /// the walk (statics of vmlinux, for procfs2's callers).
    pub(super) unsafe fn new(
        class: *const bindings::class,
        ty: *const bindings::device_type,
    ) -> Self {
        let mut iter = MaybeUninit::uninit();
        // SAFETY: By the caller's contract; `class_dev_iter_init` fills the
        // iterator in full, which holds no pointer to itself and so may move.
        // INVARIANT: ended by `drop`.
        unsafe { bindings::class_dev_iter_init(iter.as_mut_ptr(), class, core::ptr::null(), ty) };
        Self(iter)
    }

    /// The next device (`class_dev_iter_next`), held until the next call or the end.
    pub(super) fn next_dev(&mut self) -> Option<NonNull<bindings::device>> {
        // SAFETY: Set up by `new` (type invariant).
        NonNull::new(unsafe { bindings::class_dev_iter_next(self.0.as_mut_ptr()) })
    }
}

impl Drop for ClassDevIter {
    fn drop(&mut self) {
        // SAFETY: By the type invariant; drops the reference on the last device.
        unsafe { bindings::class_dev_iter_exit(self.0.as_mut_ptr()) };
    }
}

/// Runs `f` on the minor number and name of each misc device, in the order they
/// were registered (`misc_list`'s order reversed).
pub(crate) fn for_each_misc_device(mut f: impl FnMut(u32, &CStr) -> Result) -> Result {
    let Some(class) = misc_class() else {
        return Ok(());
    };
    // SAFETY: `class` is `&misc_class`, a static of vmlinux.
    let mut iter = unsafe { ClassDevIter::new(class, core::ptr::null()) };
    while let Some(dev) = iter.next_dev() {
        let dev = dev.as_ptr();
        // The name, the kobject's, is freed with the device or by `device_rename`,
        // which misc.c never calls (the assumption of every `dev_name` reader).
        // SAFETY: `dev` is held (above): its number is fixed, its name a C string.
        let (minor, name) = unsafe {
            (
                procfs2_dev_minor(dev),
                CStr::from_char_ptr(procfs2_dev_name(dev)),
            )
        };
        f(minor, name)?;
    }
    Ok(())
}
